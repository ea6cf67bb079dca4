/* chrono-edit-insert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-edit-insert"

#include "config.h"

#include "chrono-edit-group.h"
#include "chrono-edit-insert.h"
#include "chrono-edit-properties.h"

struct _ChronoEditInsert
{
  ChronoEdit parent_instance;

  GObject *item;
  ChronoEvent *event;       /* a quote's */
  guint position;
  gboolean remove;
};

G_DEFINE_FINAL_TYPE (ChronoEditInsert, chrono_edit_insert, CHRONO_TYPE_EDIT)

static void
insert (ChronoEditInsert *self,
        ChronoTimeline   *timeline)
{
  if (CHRONO_IS_EVENT (self->item))
    chrono_timeline_add_event (timeline, CHRONO_EVENT (self->item));
  else if (CHRONO_IS_QUOTE (self->item))
    chrono_timeline_insert_quote (timeline, self->event, self->position, CHRONO_QUOTE (self->item));
  else if (CHRONO_IS_CATEGORY (self->item))
    chrono_timeline_insert_category (timeline, self->position, CHRONO_CATEGORY (self->item));
  else if (CHRONO_IS_ERA (self->item))
    chrono_timeline_insert_era (timeline, self->position, CHRONO_ERA (self->item));
  else if (CHRONO_IS_SOURCE (self->item))
    chrono_timeline_insert_source (timeline, self->position, CHRONO_SOURCE (self->item));
  else
    g_return_if_reached ();
}

/* Notes where the item was, for putting it back there. */
static void
take_out (ChronoEditInsert *self,
          ChronoTimeline   *timeline)
{
  if (CHRONO_IS_EVENT (self->item))
    chrono_timeline_remove_event (timeline, CHRONO_EVENT (self->item));
  else if (CHRONO_IS_QUOTE (self->item))
    {
      g_set_object (&self->event, chrono_quote_get_event (CHRONO_QUOTE (self->item)));
      self->position = chrono_timeline_remove_quote (timeline, CHRONO_QUOTE (self->item));
    }
  else if (CHRONO_IS_CATEGORY (self->item))
    self->position = chrono_timeline_remove_category (timeline, CHRONO_CATEGORY (self->item));
  else if (CHRONO_IS_ERA (self->item))
    self->position = chrono_timeline_remove_era (timeline, CHRONO_ERA (self->item));
  else if (CHRONO_IS_SOURCE (self->item))
    self->position = chrono_timeline_remove_source (timeline, CHRONO_SOURCE (self->item));
  else
    g_return_if_reached ();
}

static void
chrono_edit_insert_apply (ChronoEdit     *edit,
                          ChronoTimeline *timeline)
{
  ChronoEditInsert *self = CHRONO_EDIT_INSERT (edit);

  if (self->remove)
    take_out (self, timeline);
  else
    insert (self, timeline);
}

static void
chrono_edit_insert_revert (ChronoEdit     *edit,
                           ChronoTimeline *timeline)
{
  ChronoEditInsert *self = CHRONO_EDIT_INSERT (edit);

  if (self->remove)
    insert (self, timeline);
  else
    take_out (self, timeline);
}

static void
chrono_edit_insert_finalize (GObject *object)
{
  ChronoEditInsert *self = CHRONO_EDIT_INSERT (object);

  g_clear_object (&self->item);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (chrono_edit_insert_parent_class)->finalize (object);
}

static void
chrono_edit_insert_class_init (ChronoEditInsertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ChronoEditClass *edit_class = CHRONO_EDIT_CLASS (klass);

  object_class->finalize = chrono_edit_insert_finalize;
  edit_class->apply = chrono_edit_insert_apply;
  edit_class->revert = chrono_edit_insert_revert;
}

static void
chrono_edit_insert_init (ChronoEditInsert *self)
{
}

ChronoEditInsert *
chrono_edit_insert_new (gpointer     item,
                        ChronoEvent *event,
                        guint        position)
{
  ChronoEditInsert *self;

  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (!CHRONO_IS_QUOTE (item) || CHRONO_IS_EVENT (event), NULL);

  self = g_object_new (CHRONO_TYPE_EDIT_INSERT, NULL);
  self->item = g_object_ref (item);
  self->event = event != NULL ? g_object_ref (event) : NULL;
  self->position = position;

  return self;
}

ChronoEditInsert *
chrono_edit_remove_new (gpointer item)
{
  ChronoEditInsert *self;

  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  self = g_object_new (CHRONO_TYPE_EDIT_INSERT, NULL);
  self->item = g_object_ref (item);
  self->remove = TRUE;

  return self;
}

static void
add_to_group (ChronoEditGroup *group,
              gpointer         edit)
{
  chrono_edit_group_add (group, edit);
  g_object_unref (edit);
}

/* The edits that make @event and its quotes cite @source no more. */
static void
uncite_source (ChronoEditGroup *group,
               ChronoEvent     *event,
               ChronoSource    *source)
{
  GPtrArray *sources = chrono_event_get_sources (event);
  GPtrArray *quotes = chrono_event_get_quotes (event);

  if (g_ptr_array_find (sources, source, NULL))
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < sources->len; i++)
        if (g_ptr_array_index (sources, i) != source)
          g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (sources, i)));
      add_to_group (group, chrono_edit_properties_new (event, "sources", kept, NULL));
    }

  for (guint i = 0; i < quotes->len; i++)
    {
      ChronoQuote *quote = g_ptr_array_index (quotes, i);

      if (chrono_quote_get_source (quote) == source)
        add_to_group (group, chrono_edit_properties_new (quote, "source", NULL, NULL));
    }
}

ChronoEdit *
chrono_edit_delete_new (ChronoTimeline *timeline,
                        gpointer        item)
{
  g_autoptr(ChronoEditGroup) group = NULL;
  guint n_events;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (!CHRONO_IS_CATEGORY (item) && !CHRONO_IS_SOURCE (item))
    return CHRONO_EDIT (chrono_edit_remove_new (item));

  group = chrono_edit_group_new (NULL);
  n_events = chrono_timeline_get_n_events (timeline);
  for (guint i = 0; i < n_events; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      if (CHRONO_IS_SOURCE (item))
        uncite_source (group, event, item);
      else if (chrono_event_get_category (event) == item)
        add_to_group (group, chrono_edit_properties_new (event, "category", NULL, NULL));
    }
  add_to_group (group, chrono_edit_remove_new (item));

  return CHRONO_EDIT (g_steal_pointer (&group));
}

ChronoEdit *
chrono_edit_move_quote_new (ChronoQuote *quote,
                            guint        index)
{
  ChronoEditGroup *group;
  ChronoEvent *event;

  g_return_val_if_fail (CHRONO_IS_QUOTE (quote), NULL);

  event = chrono_quote_get_event (quote);
  g_return_val_if_fail (event != NULL, NULL);

  group = chrono_edit_group_new (NULL);
  add_to_group (group, chrono_edit_remove_new (quote));
  add_to_group (group, chrono_edit_insert_new (quote, event, index));

  return CHRONO_EDIT (group);
}
