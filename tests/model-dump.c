/* model-dump.c — everything a timeline holds, as text, for tests that compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-dump.h"

/* Every readable property of @object, as text; other objects by their id or name. */
static void
dump_object (GString *out,
             gpointer object)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  g_string_append_printf (out, "%s {", G_OBJECT_TYPE_NAME (object));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);

      if (G_VALUE_HOLDS (&value, CHRONO_TYPE_DATE))
        text = g_value_get_boxed (&value) != NULL ? chrono_date_to_edtf (g_value_get_boxed (&value)) : NULL;
      else if (G_VALUE_HOLDS (&value, G_TYPE_PTR_ARRAY))
        {
          GPtrArray *array = g_value_get_boxed (&value);
          GString *ids = g_string_new (NULL);

          for (guint j = 0; array != NULL && j < array->len; j++)
            g_string_append_printf (ids, "%s ", chrono_source_get_id (g_ptr_array_index (array, j)));
          text = g_string_free (ids, FALSE);
        }
      else if (G_VALUE_HOLDS_OBJECT (&value))
        {
          GObject *other = g_value_get_object (&value);

          if (CHRONO_IS_EVENT (other))
            text = g_strdup (chrono_event_get_id (CHRONO_EVENT (other)));
          else if (other != NULL)
            g_object_get (other, "id", &text, NULL);
        }
      else
        text = g_strdup_value_contents (&value);

      g_string_append_printf (out, " %s=%s", pspecs[i]->name, text != NULL ? text : "(null)");
    }
  g_string_append (out, " }\n");
}

static void
dump_list (GString    *out,
           GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      dump_object (out, item);
    }
}

char *
model_dump (ChronoTimeline *timeline)
{
  GString *out = g_string_new (NULL);

  dump_object (out, timeline);
  dump_list (out, chrono_timeline_get_categories (timeline));
  dump_list (out, chrono_timeline_get_eras (timeline));
  dump_list (out, chrono_timeline_get_sources (timeline));
  dump_list (out, chrono_timeline_get_events (timeline));
  dump_list (out, chrono_timeline_get_quotes (timeline));

  return g_string_free (out, FALSE);
}

