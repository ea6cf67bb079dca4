/* chrono-era.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-era"

#include "config.h"

#include "chrono-era.h"
#include "chrono-model-private.h"

struct _ChronoEra
{
  GObject parent_instance;

  char *name;
  ChronoDate start;
  ChronoDate end;
};

G_DEFINE_FINAL_TYPE (ChronoEra, chrono_era, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_era_finalize (GObject *object)
{
  ChronoEra *self = CHRONO_ERA (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (chrono_era_parent_class)->finalize (object);
}

static void
chrono_era_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ChronoEra *self = CHRONO_ERA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_START:
      g_value_set_boxed (value, &self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, &self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_era_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ChronoEra *self = CHRONO_ERA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      chrono_era_set_name (self, g_value_get_string (value));
      break;
    case PROP_START:
      chrono_era_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_END:
      chrono_era_set_end (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_era_class_init (ChronoEraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_era_finalize;
  object_class->get_property = chrono_era_get_property;
  object_class->set_property = chrono_era_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_era_init (ChronoEra *self)
{
}

ChronoEra *
chrono_era_new (const char       *name,
                const ChronoDate *start,
                const ChronoDate *end)
{
  ChronoEra *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_ERA, NULL);
  self->name = g_strdup (name);
  self->start = *start;
  self->end = *end;

  return self;
}

const char *
chrono_era_get_name (ChronoEra *self)
{
  g_return_val_if_fail (CHRONO_IS_ERA (self), NULL);

  return self->name;
}

const ChronoDate *
chrono_era_get_start (ChronoEra *self)
{
  g_return_val_if_fail (CHRONO_IS_ERA (self), NULL);

  return &self->start;
}

const ChronoDate *
chrono_era_get_end (ChronoEra *self)
{
  g_return_val_if_fail (CHRONO_IS_ERA (self), NULL);

  return &self->end;
}

void
chrono_era_set_name (ChronoEra  *self,
                     const char *name)
{
  g_return_if_fail (CHRONO_IS_ERA (self));
  g_return_if_fail (name != NULL);

  if (chrono_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
chrono_era_set_start (ChronoEra        *self,
                      const ChronoDate *start)
{
  g_return_if_fail (CHRONO_IS_ERA (self));
  g_return_if_fail (start != NULL);

  self->start = *start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

void
chrono_era_set_end (ChronoEra        *self,
                    const ChronoDate *end)
{
  g_return_if_fail (CHRONO_IS_ERA (self));
  g_return_if_fail (end != NULL);

  self->end = *end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}
