/* chrono-layout-memo.c — what one frame's layout hands on to the next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At a million events, finding the most important event of each bucket and looking at
 * the events that compete for labels cost a layout much of its time: their data lies
 * all over memory. While the view pans or zooms by less than a factor of two, the next
 * frame has mostly the same buckets (they are anchored in time) and the same
 * candidates; it takes them from here as long as the index is at the same revision and
 * text is measured the same way. So too the events running at the view's left edge,
 * which the timeline's range tree finds all over memory: they are found at a time a
 * little before the edge, anchored to a multiple of a fraction of the view, and the
 * frames whose edge is past it and before the next anchor take them from there.
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

#include <math.h>

#include "chrono-layout-private.h"

ChronoLayoutMemo *
_chrono_layout_memo_new (const ChronoLayoutParams *params,
                         ChronoEventIndex         *index)
{
  ChronoLayoutMemo *self = g_new0 (ChronoLayoutMemo, 1);

  self->index = index;
  self->revision = chrono_event_index_get_revision (index);
  self->measure = params->measure;
  self->measure_data = params->measure_data;

  return self;
}

void
_chrono_layout_memo_free (ChronoLayoutMemo *self)
{
  if (self == NULL)
    return;

  g_free (self->events);
  g_free (self->buckets);
  g_clear_pointer (&self->running, g_array_unref);
  g_clear_pointer (&self->edge_running, g_array_unref);
  g_free (self);
}

/* Whether what @self knows holds for a layout of @params over @index. */
gboolean
_chrono_layout_memo_applies (const ChronoLayoutMemo   *self,
                             const ChronoLayoutParams *params,
                             ChronoEventIndex         *index)
{
  return self != NULL && self->index == index && self->revision == chrono_event_index_get_revision (index) &&
         self->measure == params->measure && self->measure_data == params->measure_data;
}

/* The event at the timeline's @position, if @self knows it. Looked up in increasing
 * positions mostly, each a little after the one before: @cursor (0 at first) remembers
 * where the last one was found, and the search gallops on from there. */
const ChronoKnownEvent *
_chrono_layout_memo_find_event (const ChronoLayoutMemo *self,
                                guint                   position,
                                guint                  *cursor)
{
  const ChronoKnownEvent *known = self->events;
  guint n = self->n_events;
  guint lo = 0, hi = n;

  if (*cursor < n && known[*cursor].position <= position)
    {
      guint step = 1;

      lo = *cursor;
      while (lo + step < n && known[lo + step].position < position)
        {
          lo += step;
          step *= 2;
        }
      hi = MIN (lo + step, n);
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (known[mid].position < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  *cursor = lo;

  return lo < n && known[lo].position == position ? &known[lo] : NULL;
}

/* Room for one more of @n elements of @size bytes in *@array, of *@array_size. */
static void
reserve_one (gpointer *array,
             guint     n,
             guint    *array_size,
             gsize     size)
{
  if (n < *array_size)
    return;
  *array_size = MAX (2 * *array_size, 64);
  *array = g_realloc_n (*array, *array_size, size);
}

/* Remembers the event at @position, if it comes after every one remembered so far, and
 * returns where, or G_MAXUINT. */
guint
_chrono_layout_memo_add_event (ChronoLayoutMemo *self,
                               guint             position,
                               ChronoEvent      *event,
                               gboolean          has_end,
                               double            text_width_at_least)
{
  guint n = self->n_events;

  if (n > 0 && self->events[n - 1].position >= position)
    return G_MAXUINT;
  reserve_one ((gpointer *) &self->events, n, &self->events_size, sizeof (ChronoKnownEvent));
  self->events[n] = (ChronoKnownEvent) { position, event, has_end, text_width_at_least };
  self->n_events++;

  return n;
}

/* The whole bucket @k of @bucket seconds, if @self knows it. */
const ChronoKnownBucket *
_chrono_layout_memo_find_bucket (const ChronoLayoutMemo *self,
                                 double                  bucket,
                                 double                  k)
{
  double i = k - self->first_bucket;

  if (self->bucket != bucket || !(i >= 0 && i < self->n_buckets))
    return NULL;

  return &self->buckets[(guint) i];
}

/* Remembers bucket @k of @bucket seconds; whole buckets come one after the other. */
void
_chrono_layout_memo_add_bucket (ChronoLayoutMemo        *self,
                                double                   bucket,
                                double                   k,
                                const ChronoKnownBucket *known)
{
  if (self->n_buckets == 0)
    {
      self->bucket = bucket;
      self->first_bucket = k;
    }
  else if (self->bucket != bucket || k != self->first_bucket + self->n_buckets)
    return;

  reserve_one ((gpointer *) &self->buckets, self->n_buckets, &self->buckets_size, sizeof (ChronoKnownBucket));
  self->buckets[self->n_buckets++] = *known;
}

/* Past this many events starting between the anchor and the time asked for, the range
 * tree is asked at that time instead: a walk costs as many reads as there are such events,
 * the tree about as many as there are running ones, times a logarithm. The limit is a
 * round guess, not measured. */
#define MAX_RUNNING_WALK 4096

static void
append_running (GArray         *running,
                ChronoTimeline *timeline,
                guint           position)
{
  ChronoKnownRunning event = {
    position,
    chrono_timeline_get_ranks (timeline)[position],
    chrono_timeline_get_start_times (timeline)[position],
    chrono_timeline_get_end_times (timeline)[position],
  };

  g_array_append_val (running, event);
}

static GArray *
query_running (ChronoEventIndex *index,
               ChronoTimeline   *timeline,
               ChronoTime        time)
{
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  g_autoptr(GArray) found = g_array_sized_new (FALSE, FALSE, sizeof (guint), 256);
  GArray *running = g_array_sized_new (FALSE, FALSE, sizeof (ChronoKnownRunning), 256);

  chrono_timeline_query_range (timeline, time, time + 1, found);
  for (guint i = 0; i < found->len; i++)
    {
      guint position = g_array_index (found, guint, i);

      if (starts[position] < time && chrono_event_index_contains_position (index, position))
        append_running (running, timeline, position);
    }

  return running;
}

/* Sets @running, by position, to the events of @from (those running at a time before
 * @time) that still run at @time, then those of the index from @first to @last (all that
 * started in between) that run past it. */
static void
carry_running (ChronoLayoutMemo *self,
               ChronoTimeline   *timeline,
               const GArray     *from,
               ChronoTime        time,
               guint             first,
               guint             last,
               GArray           *running)
{
  const ChronoTime *ends = chrono_timeline_get_end_times (timeline);
  guint n_running = 0;

  g_array_set_size (running, from->len);
  for (guint i = 0; i < from->len; i++)
    {
      const ChronoKnownRunning *event = &g_array_index (from, ChronoKnownRunning, i);

      if (event->end > time)
        g_array_index (running, ChronoKnownRunning, n_running++) = *event;
    }
  g_array_set_size (running, n_running);
  for (guint position = first; position < last; position++)
    if (ends[position] > time && chrono_event_index_contains_position (self->index, position))
      append_running (running, timeline, position);
}

static guint
lower_bound_near (const ChronoTime *starts,
                  guint             n,
                  gboolean          has_guess,
                  guint             guess,
                  ChronoTime        time)
{
  return has_guess ? chrono_times_lower_bound_near (starts, n, 0, guess, time) : chrono_times_lower_bound (starts, n, time);
}

/* Appends to @running, by position, the events of the index running at @time: started
 * before it and ending after it. Those running at the anchor before @time, a multiple
 * of @quantum seconds, come from @known when it has them, or from those it has at an
 * earlier anchor; they are kept for the next. So are those running at @time, for a next
 * frame whose left edge is a little later: it walks on from here, not from the anchor. */
void
_chrono_layout_memo_collect_running (ChronoLayoutMemo       *self,
                                     const ChronoLayoutMemo *known,
                                     ChronoTimeline         *timeline,
                                     ChronoTime              time,
                                     double                  quantum,
                                     GArray                 *running)
{
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  guint n = chrono_timeline_get_n_events (timeline);
  ChronoTime anchor = MIN ((ChronoTime) (floor ((double) time / quantum) * quantum), time);
  gboolean has_known = known != NULL && known->running != NULL && known->running_quantum == quantum;
  guint first = lower_bound_near (starts, n, has_known, has_known ? known->running_first : 0, anchor);
  guint last = lower_bound_near (starts, n, has_known, has_known ? known->edge_first : 0, time);

  if (last - first > MAX_RUNNING_WALK)
    {
      anchor = time;
      first = last;
    }

  g_clear_pointer (&self->running, g_array_unref);
  if (has_known && known->running_anchor == anchor)
    {
      self->running = g_array_ref (known->running);
    }
  else if (has_known && known->running_anchor < anchor && first - known->running_first <= MAX_RUNNING_WALK)
    {
      /* Panning on to a later anchor. */
      self->running = g_array_sized_new (FALSE, FALSE, sizeof (ChronoKnownRunning), known->running->len);
      carry_running (self, timeline, known->running, anchor, known->running_first, first, self->running);
    }
  else
    {
      self->running = query_running (self->index, timeline, anchor);
    }
  self->running_anchor = anchor;
  self->running_quantum = quantum;
  self->running_first = first;

  /* A frame's edge is never before its anchor. */
  if (has_known && known->running_anchor == anchor && known->edge_time <= time)
    carry_running (self, timeline, known->edge_running, time, known->edge_first, last, running);
  else
    carry_running (self, timeline, self->running, time, first, last, running);
  g_clear_pointer (&self->edge_running, g_array_unref);
  self->edge_running = g_array_ref (running);
  self->edge_time = time;
  self->edge_first = last;
}
