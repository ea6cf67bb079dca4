/* chrono-edit-properties.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-edit-properties"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "chrono-edit-properties.h"
#include "chrono-timeline-private.h"

typedef struct
{
  GParamSpec *pspec;
  GValue      value;
  GValue      old_value;
} Change;

struct _ChronoEditProperties
{
  ChronoEdit parent_instance;

  GObject *object;
  GArray  *changes;
};

G_DEFINE_FINAL_TYPE (ChronoEditProperties, chrono_edit_properties, CHRONO_TYPE_EDIT)

static void
clear_change (gpointer data)
{
  Change *change = data;

  g_value_unset (&change->value);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
}

/* An event's rank or whether it is a forecast may have changed, and whether a search
 * finds it, also when one of its quotes changed. */
static void
object_changed (ChronoEditProperties *self,
                ChronoTimeline       *timeline)
{
  if (CHRONO_IS_EVENT (self->object))
    _chrono_timeline_event_changed (timeline, CHRONO_EVENT (self->object));
  else if (CHRONO_IS_QUOTE (self->object) && chrono_quote_get_event (CHRONO_QUOTE (self->object)) != NULL)
    _chrono_timeline_event_changed (timeline, chrono_quote_get_event (CHRONO_QUOTE (self->object)));
}

static void
chrono_edit_properties_apply (ChronoEdit     *edit,
                              ChronoTimeline *timeline)
{
  ChronoEditProperties *self = CHRONO_EDIT_PROPERTIES (edit);

  /* All the old values first: setting one property can change another (clearing an
   * event's predicted start clears its predicted end). */
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      if (G_IS_VALUE (&change->old_value))
        g_value_unset (&change->old_value);
      g_value_init (&change->old_value, change->pspec->value_type);
      g_object_get_property (self->object, change->pspec->name, &change->old_value);
    }

  g_object_freeze_notify (self->object);
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      g_object_set_property (self->object, change->pspec->name, &change->value);
    }
  g_object_thaw_notify (self->object);
  object_changed (self, timeline);
}

static void
chrono_edit_properties_revert (ChronoEdit     *edit,
                               ChronoTimeline *timeline)
{
  ChronoEditProperties *self = CHRONO_EDIT_PROPERTIES (edit);

  /* In the same order as applied, since one value may need another first (an event's
   * predicted end needs its predicted start); each property is in the list once. */
  g_object_freeze_notify (self->object);
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      g_return_if_fail (G_IS_VALUE (&change->old_value));
      g_object_set_property (self->object, change->pspec->name, &change->old_value);
    }
  g_object_thaw_notify (self->object);
  object_changed (self, timeline);
}

static void
chrono_edit_properties_finalize (GObject *object)
{
  ChronoEditProperties *self = CHRONO_EDIT_PROPERTIES (object);

  g_clear_object (&self->object);
  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (chrono_edit_properties_parent_class)->finalize (object);
}

static void
chrono_edit_properties_class_init (ChronoEditPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ChronoEditClass *edit_class = CHRONO_EDIT_CLASS (klass);

  object_class->finalize = chrono_edit_properties_finalize;
  edit_class->apply = chrono_edit_properties_apply;
  edit_class->revert = chrono_edit_properties_revert;
}

static void
chrono_edit_properties_init (ChronoEditProperties *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, clear_change);
}

ChronoEditProperties *
chrono_edit_properties_new_empty (gpointer object)
{
  ChronoEditProperties *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self = g_object_new (CHRONO_TYPE_EDIT_PROPERTIES, NULL);
  self->object = g_object_ref (object);

  return self;
}

/* A property named again replaces the value it had in the list. */
static void
append_change (ChronoEditProperties *self,
               Change               *change)
{
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *other = &g_array_index (self->changes, Change, i);

      if (other->pspec == change->pspec)
        {
          g_value_unset (&other->value);
          *other = *change;
          return;
        }
    }

  g_array_append_val (self->changes, *change);
}

static GParamSpec *
find_writable_property (ChronoEditProperties *self,
                        const char           *property_name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), property_name);

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
    {
      g_critical ("%s has no writable property “%s”", G_OBJECT_TYPE_NAME (self->object), property_name);
      return NULL;
    }

  return pspec;
}

void
chrono_edit_properties_add_value (ChronoEditProperties *self,
                                  const char           *property_name,
                                  const GValue         *value)
{
  Change change = { NULL, G_VALUE_INIT, G_VALUE_INIT };

  g_return_if_fail (CHRONO_IS_EDIT_PROPERTIES (self));
  g_return_if_fail (G_IS_VALUE (value));

  change.pspec = find_writable_property (self, property_name);
  if (change.pspec == NULL)
    return;

  g_value_init (&change.value, change.pspec->value_type);
  if (!g_value_transform (value, &change.value))
    {
      g_critical ("A %s cannot be stored in %s:%s", G_VALUE_TYPE_NAME (value),
                  G_OBJECT_TYPE_NAME (self->object), property_name);
      g_value_unset (&change.value);
      return;
    }

  append_change (self, &change);
}

ChronoEditProperties *
chrono_edit_properties_new (gpointer    object,
                            const char *first_property_name,
                            ...)
{
  ChronoEditProperties *self;
  const char *name;
  va_list args;

  self = chrono_edit_properties_new_empty (object);
  g_return_val_if_fail (self != NULL, NULL);

  va_start (args, first_property_name);
  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      Change change = { NULL, G_VALUE_INIT, G_VALUE_INIT };
      g_autofree char *error = NULL;

      change.pspec = find_writable_property (self, name);
      if (change.pspec == NULL)
        break;

      G_VALUE_COLLECT_INIT (&change.value, change.pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          g_value_unset (&change.value);
          break;
        }
      append_change (self, &change);
    }
  va_end (args);

  return self;
}

gpointer
chrono_edit_properties_get_object (ChronoEditProperties *self)
{
  g_return_val_if_fail (CHRONO_IS_EDIT_PROPERTIES (self), NULL);

  return self->object;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  /* Boxed values compare by pointer in g_param_values_cmp(); dates by their fields. */
  if (G_VALUE_HOLDS (a, CHRONO_TYPE_DATE))
    {
      const ChronoDate *da = g_value_get_boxed (a);
      const ChronoDate *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;

      return da->year == db->year && da->month == db->month && da->day == db->day &&
             da->hour == db->hour && da->minute == db->minute && da->second == db->second &&
             da->precision == db->precision && da->flags == db->flags;
    }

  if (G_VALUE_HOLDS (a, G_TYPE_PTR_ARRAY))
    {
      GPtrArray *pa = g_value_get_boxed (a);
      GPtrArray *pb = g_value_get_boxed (b);
      guint na = pa != NULL ? pa->len : 0;
      guint nb = pb != NULL ? pb->len : 0;

      if (na != nb)
        return FALSE;
      for (guint i = 0; i < na; i++)
        if (g_ptr_array_index (pa, i) != g_ptr_array_index (pb, i))
          return FALSE;

      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;

  return g_param_values_cmp (pspec, a, b) == 0;
}

gboolean
chrono_edit_properties_is_noop (ChronoEditProperties *self)
{
  g_return_val_if_fail (CHRONO_IS_EDIT_PROPERTIES (self), TRUE);

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&current, change->pspec->value_type);
      g_object_get_property (self->object, change->pspec->name, &current);
      if (!values_equal (change->pspec, &current, &change->value))
        return FALSE;
    }

  return TRUE;
}
