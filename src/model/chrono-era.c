/* chrono-era.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-era"

#include "config.h"

#include "chrono-era.h"

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

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

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
