/* chrono-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-category"

#include "config.h"

#include "chrono-category.h"
#include "chrono-model-private.h"

struct _ChronoCategory
{
  GObject parent_instance;

  char *id;
  char *name;
  char *color;
  char *dark_color;
};

G_DEFINE_FINAL_TYPE (ChronoCategory, chrono_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_DARK_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_category_finalize (GObject *object)
{
  ChronoCategory *self = CHRONO_CATEGORY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->dark_color, g_free);

  G_OBJECT_CLASS (chrono_category_parent_class)->finalize (object);
}

static void
chrono_category_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronoCategory *self = CHRONO_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_DARK_COLOR:
      /* The colour given for dark themes, NULL when there is none (unlike the getter,
       * which falls back to the colour), so that the value can be written back. */
      g_value_set_string (value, self->dark_color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_category_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChronoCategory *self = CHRONO_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      chrono_category_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      chrono_category_set_color (self, g_value_get_string (value));
      break;
    case PROP_DARK_COLOR:
      chrono_category_set_dark_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_category_class_init (ChronoCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_category_finalize;
  object_class->get_property = chrono_category_get_property;
  object_class->set_property = chrono_category_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DARK_COLOR] =
    g_param_spec_string ("dark-color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_category_init (ChronoCategory *self)
{
}

ChronoCategory *
chrono_category_new (const char *id,
                     const char *name,
                     const char *color,
                     const char *dark_color)
{
  ChronoCategory *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (color != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_CATEGORY, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : id);
  self->color = g_strdup (color);
  self->dark_color = g_strdup (dark_color);

  return self;
}

const char *
chrono_category_get_id (ChronoCategory *self)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY (self), NULL);

  return self->id;
}

const char *
chrono_category_get_name (ChronoCategory *self)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY (self), NULL);

  return self->name;
}

const char *
chrono_category_get_color (ChronoCategory *self)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY (self), NULL);

  return self->color;
}

/* Returns the colour for dark themes: the dark colour when there is one, else the colour. */
const char *
chrono_category_get_dark_color (ChronoCategory *self)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY (self), NULL);

  return self->dark_color != NULL ? self->dark_color : self->color;
}

/* The colour to draw with on a light or a dark background. */
const char *
chrono_category_get_color_for (ChronoCategory *self,
                               gboolean        dark)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY (self), NULL);

  return dark ? chrono_category_get_dark_color (self) : self->color;
}

gboolean
chrono_category_has_dark_color (ChronoCategory *self)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY (self), FALSE);

  return self->dark_color != NULL;
}

void
chrono_category_set_name (ChronoCategory *self,
                          const char     *name)
{
  g_return_if_fail (CHRONO_IS_CATEGORY (self));

  if (chrono_set_str (&self->name, name != NULL ? name : self->id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
chrono_category_set_color (ChronoCategory *self,
                           const char     *color)
{
  g_return_if_fail (CHRONO_IS_CATEGORY (self));
  g_return_if_fail (color != NULL);

  if (chrono_set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
chrono_category_set_dark_color (ChronoCategory *self,
                                const char     *dark_color)
{
  g_return_if_fail (CHRONO_IS_CATEGORY (self));

  if (chrono_set_str (&self->dark_color, dark_color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK_COLOR]);
}
