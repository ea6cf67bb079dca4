/* chrono-event-index-edit.c — the event index taking in an edit of its timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-index"

#include "config.h"

#include <string.h>

#include "chrono-event-index-private.h"

/* An edit is taken in as the timeline tells it, event by event, and the list says what
 * it changed of the list alone: an item that came, went or changed. That costs a pass
 * over the positions after it (and over the tree above them), never a look at every
 * event, nor a change of every item for a selection or a list view to take in. */

/* The first item whose timeline position is not less than @position. */
static guint
lower_bound_position (ChronoEventIndex *self,
                      guint             position)
{
  guint lo = 0, hi = self->n;

  if (self->positions == NULL)
    return MIN (position, self->n);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->positions[mid] < position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Makes the tree right again for the items in [first, last), which came, went or got
 * another rank, and for the nodes above them. */
static void
update_tree (ChronoEventIndex *self,
             guint             first,
             guint             last)
{
  const guint32 *ranks;
  guint lo, hi;

  if (self->n > self->tree_size)
    {
      self->tree_size = MAX (self->tree_size, 1);
      while (self->tree_size < self->n)
        self->tree_size *= 2;
      self->tree = g_renew (guint, self->tree, 2 * self->tree_size);
      first = 0;
      last = self->tree_size;
    }
  last = MIN (last, self->tree_size);
  if (first >= last)
    return;

  for (guint i = first; i < last; i++)
    self->tree[self->tree_size + i] = i < self->n ? i : G_MAXUINT;

  ranks = get_ranks (self);
  lo = (self->tree_size + first) / 2;
  hi = (self->tree_size + last - 1) / 2;
  for (; lo > 0; lo /= 2, hi /= 2)
    for (guint k = lo; k <= hi; k++)
      self->tree[k] = better (ranks, self->tree[2 * k], self->tree[2 * k + 1]);
}

/* Puts the event at the timeline's @position at item @i of a filtered list. */
static void
list_insert (ChronoEventIndex *self,
             guint             i,
             guint             position)
{
  guint n = self->n;

  self->positions = g_renew (guint, self->positions, n + 1);
  self->starts = g_renew (ChronoTime, self->starts, n + 1);
  self->ranks = g_renew (guint32, self->ranks, n + 1);
  memmove (self->positions + i + 1, self->positions + i, (n - i) * sizeof (guint));
  memmove (self->starts + i + 1, self->starts + i, (n - i) * sizeof (ChronoTime));
  memmove (self->ranks + i + 1, self->ranks + i, (n - i) * sizeof (guint32));
  self->positions[i] = position;
  self->starts[i] = chrono_timeline_get_start_times (self->timeline)[position];
  self->ranks[i] = chrono_timeline_get_ranks (self->timeline)[position];
  self->n++;
}

static void
list_remove (ChronoEventIndex *self,
             guint             i)
{
  guint n = self->n;

  memmove (self->positions + i, self->positions + i + 1, (n - i - 1) * sizeof (guint));
  memmove (self->starts + i, self->starts + i + 1, (n - i - 1) * sizeof (ChronoTime));
  memmove (self->ranks + i, self->ranks + i + 1, (n - i - 1) * sizeof (guint32));
  self->n--;
}

static gboolean
passes (ChronoEventIndex *self,
        guint             position)
{
  return self->filter == NULL ||
         chrono_event_filter_matches (self->filter, chrono_timeline_get_event (self->timeline, position));
}

/* The event at the timeline's @position came. A list without positions has every event. */
static void
take_in_insertion (ChronoEventIndex *self,
                   guint             position)
{
  guint i = lower_bound_position (self, position);

  if (self->positions != NULL)
    {
      for (guint j = i; j < self->n; j++)
        self->positions[j]++;
      if (!passes (self, position))
        return;
      list_insert (self, i, position);
    }
  else
    self->n++;

  update_tree (self, i, self->n);
  g_list_model_items_changed (G_LIST_MODEL (self), i, 0, 1);
}

/* The event that was at the timeline's @position went. */
static void
take_in_removal (ChronoEventIndex *self,
                 guint             position)
{
  guint i = lower_bound_position (self, position);
  gboolean listed = i < self->n && position_at (self->positions, i) == position;

  if (self->positions != NULL)
    {
      if (listed)
        list_remove (self, i);
      for (guint j = i; j < self->n; j++)
        self->positions[j]--;
    }
  else
    self->n--;

  if (listed)
    {
      update_tree (self, i, self->n + 1);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
    }
}

/* The event at the timeline's @position changed and kept its place: it may have come
 * into the list or gone out of it, or changed its rank or its start. */
static void
take_in_change (ChronoEventIndex *self,
                guint             position)
{
  guint i = lower_bound_position (self, position);
  gboolean listed = i < self->n && position_at (self->positions, i) == position;

  if (self->positions == NULL)
    {
      update_tree (self, i, i + 1);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
  else if (passes (self, position))
    {
      if (listed)
        {
          self->starts[i] = chrono_timeline_get_start_times (self->timeline)[position];
          self->ranks[i] = chrono_timeline_get_ranks (self->timeline)[position];
          update_tree (self, i, i + 1);
        }
      else
        {
          list_insert (self, i, position);
          update_tree (self, i, self->n);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), i, listed ? 1 : 0, 1);
    }
  else if (listed)
    {
      list_remove (self, i);
      update_tree (self, i, self->n + 1);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
    }
}

/* A run under way for another timeline is started again; one for this timeline is
 * started again once the list has taken the edit in, since it may have filtered the
 * event already, or not yet. */
void
_chrono_event_index_timeline_events_changed_cb (GListModel       *events,
                                                guint             position,
                                                guint             removed,
                                                guint             added,
                                                ChronoEventIndex *self)
{
  self->revision++;
  if (self->run != NULL && !self->run_same_timeline)
    {
      _chrono_event_index_rebuild (self, FALSE, TRUE);
      return;
    }

  if (removed == 1 && added == 1)
    take_in_change (self, position);
  else if (removed == 1 && added == 0)
    take_in_removal (self, position);
  else if (removed == 0 && added == 1)
    take_in_insertion (self, position);
  else
    {
      /* The seal, not an edit. */
      _chrono_event_index_rebuild (self, FALSE, TRUE);
      return;
    }

  if (self->run != NULL)
    _chrono_event_index_rebuild (self, TRUE, TRUE);
}

/* NULL: many events changed in place; no position moved, so the list is filtered again
 * and says what differs. */
void
_chrono_event_index_timeline_event_changed_cb (ChronoEventIndex *self,
                                               ChronoEvent      *event)
{
  self->revision++;
  if (event == NULL || (self->run != NULL && !self->run_same_timeline))
    {
      _chrono_event_index_rebuild (self, self->run == NULL || self->run_same_timeline, TRUE);
      return;
    }

  take_in_change (self, chrono_timeline_get_position (self->timeline, event));
  if (self->run != NULL)
    _chrono_event_index_rebuild (self, TRUE, TRUE);
}
