/* chrono-layout-memo.c — what one frame's layout hands on to the next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At a million events, finding the most important event of each bucket and looking at
 * the events that compete for labels cost a layout much of its time: their data lies
 * all over memory. While the view pans or zooms by less than a factor of two, the next
 * frame has mostly the same buckets (they are anchored in time) and the same
 * candidates; it takes them from here as long as the index is at the same revision and
 * text is measured the same way.
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

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
  self->events = g_array_new (FALSE, FALSE, sizeof (ChronoKnownEvent));
  self->buckets = g_array_new (FALSE, FALSE, sizeof (ChronoKnownBucket));

  return self;
}

void
_chrono_layout_memo_free (ChronoLayoutMemo *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->events);
  g_array_unref (self->buckets);
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
 * positions mostly: @cursor (0 at first) remembers where the last one was found. */
const ChronoKnownEvent *
_chrono_layout_memo_find_event (const ChronoLayoutMemo *self,
                                guint                   position,
                                guint                  *cursor)
{
  const ChronoKnownEvent *known = (const ChronoKnownEvent *) (gpointer) self->events->data;
  guint lo = 0, hi = self->events->len;

  if (*cursor < hi && known[*cursor].position <= position)
    lo = *cursor;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (known[mid].position < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  *cursor = lo;

  return lo < self->events->len && known[lo].position == position ? &known[lo] : NULL;
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
  ChronoKnownEvent known = { position, event, has_end, text_width_at_least };
  guint n = self->events->len;

  if (n > 0 && g_array_index (self->events, ChronoKnownEvent, n - 1).position >= position)
    return G_MAXUINT;
  g_array_append_val (self->events, known);

  return n;
}

/* The whole bucket @k of @bucket seconds, if @self knows it. */
const ChronoKnownBucket *
_chrono_layout_memo_find_bucket (const ChronoLayoutMemo *self,
                                 double                  bucket,
                                 double                  k)
{
  double i = k - self->first_bucket;

  if (self->bucket != bucket || !(i >= 0 && i < self->buckets->len))
    return NULL;

  return &g_array_index (self->buckets, ChronoKnownBucket, (guint) i);
}

/* Remembers bucket @k of @bucket seconds; whole buckets come one after the other. */
void
_chrono_layout_memo_add_bucket (ChronoLayoutMemo        *self,
                                double                   bucket,
                                double                   k,
                                const ChronoKnownBucket *known)
{
  if (self->buckets->len == 0)
    {
      self->bucket = bucket;
      self->first_bucket = k;
    }
  else if (self->bucket != bucket || k != self->first_bucket + self->buckets->len)
    return;

  g_array_append_val (self->buckets, *known);
}
