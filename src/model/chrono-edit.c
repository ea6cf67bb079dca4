/* chrono-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-edit"

#include "config.h"

#include "chrono-edit.h"
#include "chrono-model-private.h"
#include "chrono-timeline-private.h"

typedef struct
{
  char *label;
} ChronoEditPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ChronoEdit, chrono_edit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_edit_finalize (GObject *object)
{
  ChronoEditPrivate *priv = chrono_edit_get_instance_private (CHRONO_EDIT (object));

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (chrono_edit_parent_class)->finalize (object);
}

static void
chrono_edit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, chrono_edit_get_label (CHRONO_EDIT (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_edit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LABEL:
      chrono_edit_set_label (CHRONO_EDIT (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_edit_class_init (ChronoEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_edit_finalize;
  object_class->get_property = chrono_edit_get_property;
  object_class->set_property = chrono_edit_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_edit_init (ChronoEdit *self)
{
}

void
chrono_edit_apply (ChronoEdit     *self,
                   ChronoTimeline *timeline)
{
  g_return_if_fail (CHRONO_IS_EDIT (self));
  g_return_if_fail (CHRONO_IS_TIMELINE (timeline));

  CHRONO_EDIT_GET_CLASS (self)->apply (self, timeline);
  _chrono_timeline_emit_changed (timeline);
}

void
chrono_edit_revert (ChronoEdit     *self,
                    ChronoTimeline *timeline)
{
  g_return_if_fail (CHRONO_IS_EDIT (self));
  g_return_if_fail (CHRONO_IS_TIMELINE (timeline));

  CHRONO_EDIT_GET_CLASS (self)->revert (self, timeline);
  _chrono_timeline_emit_changed (timeline);
}

const char *
chrono_edit_get_label (ChronoEdit *self)
{
  ChronoEditPrivate *priv = chrono_edit_get_instance_private (self);

  g_return_val_if_fail (CHRONO_IS_EDIT (self), NULL);

  return priv->label;
}

void
chrono_edit_set_label (ChronoEdit *self,
                       const char *label)
{
  ChronoEditPrivate *priv = chrono_edit_get_instance_private (self);

  g_return_if_fail (CHRONO_IS_EDIT (self));

  if (chrono_set_str (&priv->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
