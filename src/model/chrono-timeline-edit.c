/* chrono-timeline-edit.c — changing a sealed timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline"

#include "config.h"

#include <string.h>

#include "chrono-event-private.h"
#include "chrono-timeline-private.h"

/* An edit moves the tail of each sorted array by one place and rebuilds the range
 * index, which is a few linear passes over plain arrays: a couple of milliseconds for a
 * million events (bench-edit), and the queries stay exactly as fast as after a seal. */

static gpointer
resize (gpointer array,
        gsize    element_size,
        guint    capacity,
        guint    new_capacity)
{
  return chrono_bulk_resize (array, element_size * capacity, element_size * new_capacity);
}

static void
ensure_capacity (ChronoTimeline *self,
                 guint           n)
{
  guint capacity;

  if (n <= self->capacity)
    return;

  capacity = MAX (n, self->capacity * 2);
  self->start_times = resize (self->start_times, sizeof (ChronoTime), self->capacity, capacity);
  self->end_times = resize (self->end_times, sizeof (ChronoTime), self->capacity, capacity);
  self->max_end = resize (self->max_end, sizeof (ChronoTime), self->capacity, capacity);
  self->ranks = resize (self->ranks, sizeof (guint32), self->capacity, capacity);
  self->events_by_id = resize (self->events_by_id, sizeof (ChronoEvent *), self->capacity, capacity);
  self->capacity = capacity;
}

/* The first position whose (start, end, id) is not less than the given one. */
static guint
sorted_position (ChronoTimeline *self,
                 ChronoTime      start,
                 ChronoTime      end,
                 const char     *id)
{
  GPtrArray *items = chrono_array_list_get_items (self->events);
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp;

      if (self->start_times[mid] != start)
        cmp = self->start_times[mid] < start ? -1 : 1;
      else if (self->end_times[mid] != end)
        cmp = self->end_times[mid] < end ? -1 : 1;
      else
        cmp = strcmp (chrono_event_get_id (g_ptr_array_index (items, mid)), id);

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first place among the @n events by id whose id is not less than @id. */
static guint
id_position (ChronoTimeline *self,
             guint           n,
             const char     *id)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (chrono_event_get_id (self->events_by_id[mid]), id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
rebuild_index (ChronoTimeline *self)
{
  self->span_end = _chrono_timeline_build_max_end (self, 0, chrono_timeline_get_n_events (self));
}

void
_chrono_timeline_insert_sorted (ChronoTimeline *self,
                                ChronoEvent    *event)
{
  GPtrArray *items = chrono_array_list_get_items (self->events);
  GPtrArray *all_quotes = chrono_array_list_get_items (self->quotes);
  ChronoTime start = chrono_event_get_start_time (event);
  ChronoTime end = chrono_event_get_end_time (event);
  const char *id = chrono_event_get_id (event);
  guint n = items->len;
  guint n_quotes = chrono_event_get_n_quotes (event);
  guint position, by_id, first_quote = 0;

  if (chrono_timeline_lookup_event (self, id) != NULL)
    {
      g_critical ("Two events have the id “%s”", id);
      return;
    }

  ensure_capacity (self, n + 1);

  position = sorted_position (self, start, end, id);
  g_ptr_array_insert (items, position, g_object_ref (event));
  memmove (self->start_times + position + 1, self->start_times + position, (n - position) * sizeof (ChronoTime));
  memmove (self->end_times + position + 1, self->end_times + position, (n - position) * sizeof (ChronoTime));
  memmove (self->ranks + position + 1, self->ranks + position, (n - position) * sizeof (guint32));
  self->start_times[position] = start;
  self->end_times[position] = end;
  self->ranks[position] = _chrono_timeline_rank_of (event);
  if (chrono_event_is_forecast (event))
    g_hash_table_add (self->forecasts, event);

  by_id = id_position (self, n, id);
  memmove (self->events_by_id + by_id + 1, self->events_by_id + by_id, (n - by_id) * sizeof (ChronoEvent *));
  self->events_by_id[by_id] = event;

  rebuild_index (self);

  if (n_quotes > 0)
    {
      GPtrArray *quotes = chrono_event_get_quotes (event);

      first_quote = _chrono_timeline_quotes_before (self, position);
      for (guint i = 0; i < n_quotes; i++)
        g_ptr_array_insert (all_quotes, first_quote + i, g_object_ref (g_ptr_array_index (quotes, i)));
    }

  g_list_model_items_changed (G_LIST_MODEL (self->events), position, 0, 1);
  if (n_quotes > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->quotes), first_quote, 0, n_quotes);
}

static void
remove_at (ChronoTimeline *self,
           ChronoEvent    *event,
           guint           position)
{
  g_autoptr(ChronoEvent) keep G_GNUC_UNUSED = g_object_ref (event);
  GPtrArray *items;
  guint n, by_id, first_quote = 0, n_quotes;

  items = chrono_array_list_get_items (self->events);
  n = items->len;

  n_quotes = chrono_event_get_n_quotes (event);
  if (n_quotes > 0)
    {
      first_quote = _chrono_timeline_quotes_before (self, position);
      g_ptr_array_remove_range (chrono_array_list_get_items (self->quotes), first_quote, n_quotes);
    }

  for (by_id = id_position (self, n, chrono_event_get_id (event)); self->events_by_id[by_id] != event; by_id++)
    ;
  memmove (self->events_by_id + by_id, self->events_by_id + by_id + 1, (n - by_id - 1) * sizeof (ChronoEvent *));
  memmove (self->start_times + position, self->start_times + position + 1, (n - position - 1) * sizeof (ChronoTime));
  memmove (self->end_times + position, self->end_times + position + 1, (n - position - 1) * sizeof (ChronoTime));
  memmove (self->ranks + position, self->ranks + position + 1, (n - position - 1) * sizeof (guint32));
  g_hash_table_remove (self->forecasts, event);
  g_ptr_array_remove_index (items, position);

  rebuild_index (self);

  g_list_model_items_changed (G_LIST_MODEL (self->events), position, 1, 0);
  if (n_quotes > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->quotes), first_quote, n_quotes, 0);
}

void
chrono_timeline_remove_event (ChronoTimeline *self,
                              ChronoEvent    *event)
{
  guint position;

  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_EVENT (event));

  if (!self->sealed)
    {
      g_ptr_array_remove (self->pending_events, event);
      return;
    }

  position = chrono_timeline_get_position (self, event);
  g_return_if_fail (position != G_MAXUINT);

  remove_at (self, event, position);
}

void
_chrono_timeline_event_changed (ChronoTimeline *self,
                                ChronoEvent    *event)
{
  guint position;

  if (self == NULL || !self->sealed)
    return;

  position = chrono_timeline_get_position (self, event);
  if (position == G_MAXUINT)
    return;

  self->ranks[position] = _chrono_timeline_rank_of (event);
  if (chrono_event_is_forecast (event))
    g_hash_table_add (self->forecasts, event);
  else
    g_hash_table_remove (self->forecasts, event);
  _chrono_timeline_note_event_changed (self, event);
}

/* Whether an event with the given key sorts between the events around @position, so
 * that it can take the place of the one there. */
static gboolean
fits_at (ChronoTimeline *self,
         guint           position,
         ChronoTime      start,
         ChronoTime      end,
         const char     *id)
{
  GPtrArray *items = chrono_array_list_get_items (self->events);

  for (int side = -1; side <= 1; side += 2)
    {
      guint other = position + side;
      int cmp;

      if ((side < 0 && position == 0) || other >= items->len)
        continue;

      if (self->start_times[other] != start)
        cmp = self->start_times[other] < start ? -1 : 1;
      else if (self->end_times[other] != end)
        cmp = self->end_times[other] < end ? -1 : 1;
      else
        {
          cmp = strcmp (chrono_event_get_id (g_ptr_array_index (items, other)), id);
          cmp = (cmp > 0) - (cmp < 0);
        }

      if (cmp != side)
        return FALSE;
    }

  return TRUE;
}

void
chrono_timeline_set_event_span (ChronoTimeline   *self,
                                ChronoEvent      *event,
                                const ChronoDate *start,
                                const ChronoDate *end)
{
  g_autoptr(ChronoEvent) keep = NULL;
  ChronoDate new_start, new_end, old_start, old_end;
  gboolean has_new_end, has_old_end;
  guint position;

  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_EVENT (event));
  g_return_if_fail (start != NULL);

  position = self->sealed ? chrono_timeline_get_position (self, event) : G_MAXUINT;
  if (position == G_MAXUINT)
    {
      _chrono_event_set_span (event, start, end);
      return;
    }

  new_start = *start;
  has_new_end = end != NULL;
  if (has_new_end)
    new_end = *end;
  old_start = *chrono_event_get_start (event);
  has_old_end = chrono_event_get_end (event) != NULL;
  if (has_old_end)
    old_end = *chrono_event_get_end (event);

  keep = g_object_ref (event);
  g_object_freeze_notify (G_OBJECT (event));
  _chrono_event_set_span (event, &new_start, has_new_end ? &new_end : NULL);
  if (fits_at (self, position, chrono_event_get_start_time (event), chrono_event_get_end_time (event),
               chrono_event_get_id (event)))
    {
      guint n_quotes = chrono_event_get_n_quotes (event);

      self->start_times[position] = chrono_event_get_start_time (event);
      self->end_times[position] = chrono_event_get_end_time (event);
      rebuild_index (self);
      g_list_model_items_changed (G_LIST_MODEL (self->events), position, 1, 1);
      if (n_quotes > 0)
        g_list_model_items_changed (G_LIST_MODEL (self->quotes), _chrono_timeline_quotes_before (self, position), n_quotes, n_quotes);
    }
  else
    {
      /* Out from where it sorted, with the dates it had, and in where it now sorts: the
       * lists say so in two items-changed, each true of the timeline when emitted. */
      _chrono_event_set_span (event, &old_start, has_old_end ? &old_end : NULL);
      remove_at (self, event, position);
      _chrono_event_set_span (event, &new_start, has_new_end ? &new_end : NULL);
      _chrono_timeline_insert_sorted (self, event);
    }
  g_object_thaw_notify (G_OBJECT (event));
}

void
chrono_timeline_insert_quote (ChronoTimeline *self,
                              ChronoEvent    *event,
                              guint           index,
                              ChronoQuote    *quote)
{
  guint position;

  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_EVENT (event));
  g_return_if_fail (CHRONO_IS_QUOTE (quote));
  g_return_if_fail (chrono_quote_get_event (quote) == NULL);

  index = MIN (index, chrono_event_get_n_quotes (event));
  _chrono_event_insert_quote (event, index, quote);

  position = chrono_timeline_get_position (self, event);
  if (position != G_MAXUINT)
    {
      guint at = _chrono_timeline_quotes_before (self, position) + index;

      g_ptr_array_insert (chrono_array_list_get_items (self->quotes), at, g_object_ref (quote));
      g_list_model_items_changed (G_LIST_MODEL (self->quotes), at, 0, 1);
      _chrono_timeline_note_event_changed (self, event);
    }
}

guint
chrono_timeline_remove_quote (ChronoTimeline *self,
                              ChronoQuote    *quote)
{
  ChronoEvent *event;
  guint position, first, index;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), G_MAXUINT);
  g_return_val_if_fail (CHRONO_IS_QUOTE (quote), G_MAXUINT);

  event = chrono_quote_get_event (quote);
  g_return_val_if_fail (event != NULL, G_MAXUINT);

  position = chrono_timeline_get_position (self, event);
  first = position != G_MAXUINT ? _chrono_timeline_quotes_before (self, position) : 0;
  index = _chrono_event_remove_quote (event, quote);

  if (position != G_MAXUINT && index != G_MAXUINT)
    {
      guint at = first + index;

      g_ptr_array_remove_index (chrono_array_list_get_items (self->quotes), at);
      g_list_model_items_changed (G_LIST_MODEL (self->quotes), at, 1, 0);
      _chrono_timeline_note_event_changed (self, event);
    }

  return index;
}

static guint
insert_into_store (GListStore *store,
                   guint       position,
                   gpointer    item)
{
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_insert (store, position, item);

  return position;
}

static guint
remove_from_store (GListStore *store,
                   gpointer    item)
{
  guint position;

  if (!g_list_store_find (store, item, &position))
    g_return_val_if_reached (G_MAXUINT);

  g_list_store_remove (store, position);

  return position;
}

void
chrono_timeline_insert_category (ChronoTimeline *self,
                                 guint           position,
                                 ChronoCategory *category)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_CATEGORY (category));

  g_hash_table_insert (self->category_index, (gpointer) chrono_category_get_id (category), category);
  insert_into_store (self->categories, position, category);
}

guint
chrono_timeline_remove_category (ChronoTimeline *self,
                                 ChronoCategory *category)
{
  const char *id;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), G_MAXUINT);
  g_return_val_if_fail (CHRONO_IS_CATEGORY (category), G_MAXUINT);

  id = chrono_category_get_id (category);
  if (g_hash_table_lookup (self->category_index, id) == category)
    g_hash_table_remove (self->category_index, id);

  return remove_from_store (self->categories, category);
}

void
chrono_timeline_insert_era (ChronoTimeline *self,
                            guint           position,
                            ChronoEra      *era)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_ERA (era));

  insert_into_store (self->eras, position, era);
}

guint
chrono_timeline_remove_era (ChronoTimeline *self,
                            ChronoEra      *era)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), G_MAXUINT);
  g_return_val_if_fail (CHRONO_IS_ERA (era), G_MAXUINT);

  return remove_from_store (self->eras, era);
}

void
chrono_timeline_insert_source (ChronoTimeline *self,
                               guint           position,
                               ChronoSource   *source)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_SOURCE (source));

  g_hash_table_insert (self->source_index, (gpointer) chrono_source_get_id (source), source);
  insert_into_store (self->sources, position, source);
}

guint
chrono_timeline_remove_source (ChronoTimeline *self,
                               ChronoSource   *source)
{
  const char *id;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), G_MAXUINT);
  g_return_val_if_fail (CHRONO_IS_SOURCE (source), G_MAXUINT);

  id = chrono_source_get_id (source);
  if (g_hash_table_lookup (self->source_index, id) == source)
    g_hash_table_remove (self->source_index, id);

  return remove_from_store (self->sources, source);
}

static gboolean
id_is_taken (ChronoTimeline *self,
             GType           type,
             const char     *id)
{
  if (type == CHRONO_TYPE_EVENT)
    return chrono_timeline_lookup_event (self, id) != NULL;
  if (type == CHRONO_TYPE_CATEGORY)
    return chrono_timeline_lookup_category (self, id) != NULL;
  if (type == CHRONO_TYPE_SOURCE)
    return chrono_timeline_lookup_source (self, id) != NULL;

  g_return_val_if_reached (TRUE);
}

char *
chrono_timeline_dup_unused_id (ChronoTimeline *self,
                               GType           type,
                               const char     *stem)
{
  guint n;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (stem != NULL, NULL);

  if (type == CHRONO_TYPE_EVENT)
    n = chrono_timeline_get_n_events (self);
  else if (type == CHRONO_TYPE_CATEGORY)
    n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  else
    n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  /* Counting on from the number of items finds a free one at once unless ids were
   * deleted or chosen by hand. */
  for (n++; ; n++)
    {
      char *id = g_strdup_printf ("%s-%u", stem, n);

      if (!id_is_taken (self, type, id))
        return id;
      g_free (id);
    }
}
