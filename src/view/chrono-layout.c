/* chrono-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chrono-layout-private.h"

gboolean
chrono_rect_intersects (const ChronoRect *a,
                        const ChronoRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->selected != cb->selected)
    return ca->selected ? -1 : 1;
  if (ca->importance != cb->importance)
    return ca->importance > cb->importance ? -1 : 1;
  /* Among equals a label stays where it was: otherwise, at a million events, where most
   * are equals, a label coming in at one edge would push one out in the middle. */
  if (ca->shown != cb->shown)
    return ca->shown ? -1 : 1;
  if (ca->duration != cb->duration)
    return ca->duration > cb->duration ? -1 : 1;
  /* Not left to right: then a label that leaves at one edge would make way for another,
   * which would push a third away, across the whole view, at every step of a pan. */
  if (ca->tie != cb->tie)
    return ca->tie < cb->tie ? -1 : 1;
  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  return (ca->item > cb->item) - (ca->item < cb->item);
}

/* The selected event first, then by importance… */
#define N_RANKS 257

static inline guint
rank_of (gboolean selected,
         guint    importance)
{
  return selected ? 0 : N_RANKS - 1 - MIN (importance, 255);
}

static inline guint
candidate_rank (const Candidate *candidate)
{
  return rank_of (candidate->selected, candidate->importance);
}

/* … and among equals those labelled in the frame before. */
#define N_CLASSES (2 * N_RANKS - 1)

static inline guint
candidate_class (const Candidate *candidate)
{
  guint rank = candidate_rank (candidate);

  return rank == 0 ? 0 : 2 * rank - (candidate->shown ? 1 : 0);
}

static gboolean
in_order (const Candidate *candidates,
          guint            n)
{
  for (guint i = 1; i < n; i++)
    if (compare_candidates (&candidates[i - 1], &candidates[i]) > 0)
      return FALSE;

  return TRUE;
}

/* Sorts the moments of one class, which come in time order (one per bucket, left to
 * right), by their ties: a stable radix sort keeps equal ties in time order, as
 * compare_candidates() wants them. It sorts keys of 8 bytes, each a tie and a moment's
 * place, and then moves the moments, ten times that size, once. */
static void
sort_moments (Candidate *moments,
              guint      n)
{
  g_autofree guint64 *both = g_new (guint64, 2 * n);
  guint64 *keys = both, *scratch = both + n;
  g_autofree Candidate *sorted = g_new (Candidate, n);

  for (guint i = 0; i < n; i++)
    keys[i] = (guint64) (moments[i].tie & 0xffffff) << 32 | i;

  for (guint shift = 32; shift < 56; shift += 8)
    {
      guint counts[256] = { 0 };
      guint first = 0;
      guint64 *swap;

      for (guint i = 0; i < n; i++)
        counts[(keys[i] >> shift) & 0xff]++;
      for (guint b = 0; b < G_N_ELEMENTS (counts); b++)
        {
          guint count = counts[b];

          counts[b] = first;
          first += count;
        }
      for (guint i = 0; i < n; i++)
        scratch[counts[(keys[i] >> shift) & 0xff]++] = keys[i];
      swap = keys;
      keys = scratch;
      scratch = swap;
    }

  for (guint i = 0; i < n; i++)
    sorted[i] = moments[(guint32) keys[i]];
  memcpy (moments, sorted, n * sizeof (Candidate));

  if (!in_order (moments, n))
    g_qsort_with_data (moments, n, sizeof (Candidate), (GCompareDataFunc) compare_candidates, NULL);
}

/* Sorts @candidates as compare_candidates() does. Importance has few values: a stable
 * counting sort by selection and importance, then in each class the ranges (longest
 * first) by comparison ahead of the moments, which sort_moments() sorts. A comparison
 * sort of all of them cost more than the rest of the layout. */
static void
sort_candidates (GArray *candidates)
{
  guint counts[N_CLASSES] = { 0 };
  guint n = candidates->len;
  const Candidate *from = (const Candidate *) (gpointer) candidates->data;
  g_autofree Candidate *sorted = NULL;
  guint first = 0;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    counts[candidate_class (&from[i])]++;
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      guint count = counts[c];

      counts[c] = first;
      first += count;
    }

  /* In each class, its ranges, then its moments, each as they came. */
  sorted = g_new (Candidate, n);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        guint c = candidate_class (&from[i]);

        if ((from[i].duration > 0) == (pass == 0))
          sorted[counts[c]++] = from[i];
      }

  first = 0;
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      guint end = counts[c];
      guint ranges = first;

      while (ranges < end && sorted[ranges].duration > 0)
        ranges++;
      /* The selected event may be of any importance. */
      if (c == 0)
        ranges = end;
      if (ranges - first > 1)
        g_qsort_with_data (sorted + first, ranges - first, sizeof (Candidate),
                           (GCompareDataFunc) compare_candidates, NULL);
      if (end - ranges > 1 && !in_order (sorted + ranges, end - ranges))
        sort_moments (sorted + ranges, end - ranges);
      first = end;
    }

  memcpy (candidates->data, sorted, n * sizeof (Candidate));
}

/* Keeps the first @k of @candidates in compare_candidates () order, in that order: one
 * comparison for most of them, where hundreds of long ranges cross the left edge. */
static void
keep_first_candidates (GArray *candidates,
                       guint   k)
{
  Candidate *candidate = (Candidate *) (gpointer) candidates->data;
  guint kept = 0;

  if (candidates->len <= k)
    {
      sort_candidates (candidates);
      return;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate next = candidate[i];
      guint at;

      if (kept == k && compare_candidates (&next, &candidate[k - 1]) >= 0)
        continue;
      at = MIN (kept, k - 1);
      while (at > 0 && compare_candidates (&next, &candidate[at - 1]) < 0)
        {
          candidate[at] = candidate[at - 1];
          at--;
        }
      candidate[at] = next;
      kept = MIN (kept + 1, k);
    }

  g_array_set_size (candidates, kept);
}

/* Where to put one more element of @array, which holds *@n: g_array_append_val()
 * without a call while @array is longer, for the loop over a view's buckets, where the
 * call would cost more than the rest of a bucket. Set the array's length to *@n after. */
static inline gpointer
next_element (GArray *array,
              guint  *n,
              gsize   element_size)
{
  if (*n == array->len)
    g_array_set_size (array, MAX (2 * array->len, 64));

  return array->data + (gsize) (*n)++ * element_size;
}

/* A label of the frame before. */
typedef struct
{
  ChronoEvent *event;
  guint        row;
  gboolean     crossed;
} ShownLabel;

static int
compare_shown (gconstpointer a,
               gconstpointer b)
{
  guintptr event_a = (guintptr) ((const ShownLabel *) a)->event;
  guintptr event_b = (guintptr) ((const ShownLabel *) b)->event;

  return (event_a > event_b) - (event_a < event_b);
}

/* The labels of @previous, by event: its positions are another's once the timeline has
 * been edited. */
static GArray *
collect_shown (const ChronoLayout *previous)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (ShownLabel));

  for (guint i = 0; previous != NULL && i < previous->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (previous->labels, ChronoLayoutLabel, i);
      ShownLabel entry = { label->event, label->row, label->crossed };

      g_array_append_val (shown, entry);
    }
  g_array_sort (shown, compare_shown);

  return shown;
}

/* @event's label in @shown, or NULL; as bsearch() with compare_shown(), without a call
 * for each comparison. */
static const ShownLabel *
find_shown (GArray      *shown,
            ChronoEvent *event)
{
  const ShownLabel *labels = (const ShownLabel *) (gpointer) shown->data;
  guint lo = 0, hi = shown->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guintptr) labels[mid].event < (guintptr) event)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < shown->len && labels[lo].event == event ? &labels[lo] : NULL;
}

static void
set_sort_keys (Candidate  *candidate,
               guint       position,
               guint32     rank,
               ChronoTime  start,
               ChronoTime  end,
               guint       selected_position)
{
  candidate->selected = position == selected_position;
  candidate->importance = rank >> 24;
  candidate->tie = rank & 0xffffff;
  candidate->position = position;
  candidate->start = start;
  candidate->end = end;
}

/* The sort keys of candidates[first…], from the timeline's plain arrays. */
static void
fill_candidates_from (ChronoLayout   *self,
                      ChronoTimeline *timeline,
                      GArray         *candidates,
                      guint           first,
                      guint           selected_position)
{
  const guint32 *ranks = chrono_timeline_get_ranks (timeline);
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  const ChronoTime *ends = chrono_timeline_get_end_times (timeline);

  for (guint i = first; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      guint position = chrono_layout_get_item_position (self, candidate->item);

      set_sort_keys (candidate, position, ranks[position], starts[position], ends[position], selected_position);
    }
}

/* A candidate for each event running at the view's left edge that can be among the
 * first @k, with its sort keys from what was found of it; they are all one unit, at the
 * edge. Only the most important ranks can be, enough of them to make @k: at a million
 * events hundreds run at the edge, and a candidate for each would cost more than the
 * rest of them. */
static void
add_running_candidates (GArray *candidates,
                        GArray *running,
                        guint   selected_position,
                        guint   k)
{
  const ChronoKnownRunning *event = (const ChronoKnownRunning *) (gpointer) running->data;
  guint counts[N_RANKS] = { 0 };
  guint last_rank = N_RANKS - 1, total = 0, n = 0;

  for (guint i = 0; i < running->len; i++)
    counts[rank_of (event[i].position == selected_position, event[i].rank >> 24)]++;
  if (running->len > k)
    for (last_rank = 0; last_rank + 1 < G_N_ELEMENTS (counts); last_rank++)
      {
        total += counts[last_rank];
        if (total >= k)
          break;
      }

  g_array_set_size (candidates, running->len);
  for (guint i = 0; i < running->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, n);

      if (rank_of (event[i].position == selected_position, event[i].rank >> 24) > last_rank)
        continue;
      *candidate = (Candidate) { i, 0 };
      set_sort_keys (candidate, event[i].position, event[i].rank, event[i].start, event[i].end, selected_position);
      n++;
    }
  g_array_set_size (candidates, n);
}

/* What needs the events themselves, which at a million events are mostly out of the
 * processor's caches: a look at each costs more than the rest of its candidate, unless
 * the frame before looked already (@known). */
static void
fill_events_from (ChronoLayout           *self,
                  ChronoTimeline         *timeline,
                  GArray                 *candidates,
                  guint                   first,
                  GArray                 *shown,
                  const ChronoLayoutMemo *known)
{
  guint cursor = 0;

  for (guint i = first; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      const ChronoKnownEvent *event = known ? _chrono_layout_memo_find_event (known, candidate->position, &cursor) : NULL;
      const ShownLabel *before;
      gboolean has_end;

      candidate->event = event ? event->event : chrono_timeline_get_event (timeline, candidate->position);
      has_end = event ? event->has_end : chrono_event_get_end (candidate->event) != NULL;
      candidate->duration = has_end ? candidate->end - candidate->start : 0;
      candidate->text_width_at_least = event ? event->text_width_at_least : NAN;
      candidate->known = _chrono_layout_memo_add_event (self->memo, candidate->position, candidate->event, has_end,
                                                        candidate->text_width_at_least);

      before = find_shown (shown, candidate->event);
      candidate->shown = before != NULL;
      candidate->shown_row = before != NULL ? before->row : G_MAXUINT;
      candidate->shown_crossed = before != NULL && before->crossed;
    }
}

static void
clear_cluster (gpointer data)
{
  ChronoLayoutCluster *cluster = data;

  g_free (cluster->text);
}

void
chrono_layout_free (ChronoLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->crossing, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->eras, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->axis, chrono_time_axis_free);
  g_clear_pointer (&self->memo, _chrono_layout_memo_free);
  g_clear_object (&self->index);
  g_free (self->density);
  g_free (self);
}

void
chrono_layout_forget_measures (ChronoLayout *self)
{
  g_clear_pointer (&self->memo, _chrono_layout_memo_free);
}

guint
chrono_layout_get_item_position (ChronoLayout *self,
                                 guint         item)
{
  g_return_val_if_fail (item < self->n_items, G_MAXUINT);

  if (item < self->crossing->len)
    return g_array_index (self->crossing, guint, item);

  return chrono_event_index_get_position (self->index,
                                           self->first_indexed + item - self->crossing->len);
}


/* Labels by importance; of equals, first those shown in the frame before, each back in
 * its row, and only then the rest: so one pushed out of its row cannot push out another. */
static void
place_labels (ChronoLayout             *self,
              ChronoLabelRows          *rows,
              GArray                   *candidates,
              GArray                   *units,
              const ChronoLayoutParams *params)
{
  Candidate *candidate = (Candidate *) (gpointer) candidates->data;
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (candidates->len, 1));

  for (guint first = 0, end; first < candidates->len; first = end)
    {
      guint rank = candidate_rank (&candidate[first]);

      for (end = first; end < candidates->len && candidate_rank (&candidate[end]) == rank; end++)
        if (candidate[end].shown)
          placed[end] = _chrono_layout_place_label (self, rows, &candidate[end], params, TRUE);
      for (guint i = first; i < end; i++)
        if (!placed[i])
          placed[i] = _chrono_layout_place_label (self, rows, &candidate[i], params, FALSE);
      for (guint i = first; i < end; i++)
        g_array_index (units, Unit, candidate[i].unit).labelled += placed[i];
    }
}

/* The density strip's columns are anchored in time, as the buckets are: while the view
 * pans, a column keeps its events, and its count is taken from @before. Far from 1970,
 * where a column's number would lose its units, they begin at the view's left edge. */
static void
compute_density (ChronoLayout       *self,
                 const ChronoLayout *before)
{
  double column = DENSITY_STEP * (self->end - self->start) / self->width;
  double origin = 0, first, reused_first = 0, reused_end = 0;
  guint n;

  if (before != NULL && before->density_origin == 0 && fabs (before->density_column - column) <= column * 1e-9)
    column = before->density_column;
  first = floor (self->start / column);
  if (fabs (first) >= 0x1p50)
    {
      origin = self->start;
      first = 0;
    }
  n = (guint) CLAMP (ceil ((self->end - origin) / column) - first, 1, ceil (self->width / DENSITY_STEP) + 1);

  self->density_step = DENSITY_STEP;
  self->density_x = round (_chrono_layout_time_to_x (self, origin + first * column));
  self->density_origin = origin;
  self->density_column = column;
  self->density_first = first;
  self->n_density = n;
  self->density = g_new (guint, n);

  if (before != NULL && before->density_origin == origin && before->density_column == column)
    {
      reused_first = MAX (first, before->density_first);
      reused_end = MIN (first + n, before->density_first + before->n_density);
    }
  if (reused_first >= reused_end)
    {
      chrono_event_index_count_columns (self->index, origin, column, first, n, self->density);
      return;
    }

  chrono_event_index_count_columns (self->index, origin, column, first, (guint) (reused_first - first), self->density);
  memcpy (self->density + (guint) (reused_first - first), before->density + (guint) (reused_first - before->density_first),
          (gsize) (reused_end - reused_first) * sizeof (guint));
  chrono_event_index_count_columns (self->index, origin, column, reused_end, (guint) (first + n - reused_end),
                                    self->density + (guint) (reused_end - first));
}

static void
measure_height (const ChronoLayoutParams *params,
                ChronoTextKind            kind,
                double                   *height)
{
  double width = 0;

  *height = 0;
  params->measure (kind, "Ag", &width, height, params->measure_data);
  *height = ceil (*height);
}

/**
 * chrono_layout_new:
 *
 * Places everything that is drawn for @params: labels by importance in rows above the
 * axis, clusters for the events that did not get a label, era bands, the legend and the
 * axis ticks. Pure computation: no drawing and no GTK.
 */
ChronoLayout *
chrono_layout_new (const ChronoLayoutParams *params)
{
  g_autoptr(ChronoLayout) self = g_new0 (ChronoLayout, 1);
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) candidates = NULL;
  ChronoLabelRows rows;
  g_autoptr(GArray) running = NULL;
  g_autoptr(GArray) shown = NULL;
  const ChronoLayoutMemo *known = NULL;
  double label_height, badge_height, era_height;
  ChronoTime first_time, last_time;
  guint selected_position = G_MAXUINT;
  guint n_indexed, n_crossing, n_crossing_candidates, n_units;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (CHRONO_IS_TIMELINE (params->timeline), NULL);
  g_return_val_if_fail (params->measure != NULL, NULL);

  self->width = MAX (params->width, 1);
  self->height = MAX (params->height, 1);
  self->start = params->start;
  self->end = params->end > params->start ? params->end : params->start + 1;
  self->index = params->index ? g_object_ref (params->index)
                              : chrono_event_index_new (params->timeline, params->filter);
  self->memo = _chrono_layout_memo_new (params, self->index);
  if (params->previous != NULL && _chrono_layout_memo_applies (params->previous->memo, params, self->index))
    known = params->previous->memo;
  self->crossing = g_array_new (FALSE, FALSE, sizeof (guint));
  self->labels = g_array_new (FALSE, FALSE, sizeof (ChronoLayoutLabel));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (ChronoLayoutCluster));
  g_array_set_clear_func (self->clusters, clear_cluster);
  self->eras = g_array_new (FALSE, FALSE, sizeof (ChronoLayoutEra));
  self->legend = g_array_new (FALSE, FALSE, sizeof (ChronoLayoutLegendEntry));

  /* Geometry, from the fonts. */
  self->axis = chrono_time_axis_new (self->start, self->end, self->width, params->measure, params->measure_data);
  measure_height (params, CHRONO_TEXT_LABEL, &label_height);
  measure_height (params, CHRONO_TEXT_BADGE, &badge_height);
  measure_height (params, CHRONO_TEXT_ERA, &era_height);

  self->legend_row = (ChronoRect) { 0, 0, self->width, _chrono_layout_place_legend (self, params, era_height + 6) };
  self->era_row = (ChronoRect) { 0, self->legend_row.height, self->width, era_height + 4 };
  self->top_strip = (ChronoRect) { 0, 0, self->width, self->legend_row.height + self->era_row.height };
  self->axis_y = round (self->height - (6 + ceil (self->axis->label_height) + 2 + ceil (self->axis->context_height) + 4));
  self->axis_band = (ChronoRect) { 0, self->axis_y - MARKER_TRACK, self->width, self->height - self->axis_y + MARKER_TRACK };
  self->cluster_row = (ChronoRect) { 0, self->axis_band.y - 4 - (badge_height + 4), self->width, badge_height + 4 };
  self->label_area.x = 0;
  self->label_area.y = self->top_strip.y + self->top_strip.height + 2;
  self->label_area.width = self->width;
  self->label_area.height = MAX (0, self->cluster_row.y - ROW_GAP - self->label_area.y);
  self->row_height = label_height + 2 * LABEL_PAD_Y;
  self->row_pitch = self->row_height + ROW_GAP;
  self->n_rows = (guint) MAX (0, floor ((self->label_area.height + ROW_GAP) / self->row_pitch));
  self->lanes = g_array_new (FALSE, FALSE, sizeof (ChronoLayoutLane));
  if (params->lanes)
    _chrono_layout_place_lanes (self, params);

  self->today_x = NAN;
  if (params->now >= self->start && params->now <= self->end)
    self->today_x = _chrono_layout_time_to_x (self, (double) params->now);

  /* Items: the events that began before the view and reach into it, then those that
   * start in it. */
  first_time = (ChronoTime) ceil (self->start);
  last_time = (ChronoTime) ceil (self->end);
  running = g_array_sized_new (FALSE, FALSE, sizeof (ChronoKnownRunning), 256);
  _chrono_layout_memo_collect_running (self->memo, known, params->timeline, first_time,
                                       exp2 (floor (log2 (MAX ((self->end - self->start) / 8, 1)))), running);
  n_crossing = running->len;
  g_array_set_size (self->crossing, n_crossing);
  for (guint i = 0; i < n_crossing; i++)
    g_array_index (self->crossing, guint, i) = g_array_index (running, ChronoKnownRunning, i).position;

  chrono_event_index_get_span (self->index, first_time, last_time, &self->first_indexed, &self->last_indexed);
  n_indexed = self->last_indexed - self->first_indexed;
  self->n_items = self->crossing->len + n_indexed;

  if (params->selected)
    selected_position = chrono_timeline_get_position (params->timeline, params->selected);
  shown = collect_shown (params->previous);

  /* Units and label candidates. The ranges crossing the left edge are one unit, at the
   * edge: only the first few in the candidates' order can get a label (their labels all
   * start there), and the rest are counted in one cluster. Then one unit and one
   * candidate for each bucket (or item), and the selected event. */
  n_units = 1 + (n_indexed <= EXACT_LIMIT ? n_indexed : (guint) (self->width / BUCKET_WIDTH) + 2);
  units = g_array_sized_new (FALSE, FALSE, sizeof (Unit), n_units);
  candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n_crossing + n_units + 1);
  if (n_crossing > 0)
    g_array_append_val (units, ((Unit) { 0, n_crossing, 0, FALSE, 0 }));
  add_running_candidates (candidates, running, selected_position, 2 * MAX (self->n_rows, 1));
  fill_events_from (self, params->timeline, candidates, 0, shown, known);
  keep_first_candidates (candidates, 2 * MAX (self->n_rows, 1));
  n_crossing_candidates = candidates->len;

  if (n_indexed <= EXACT_LIMIT)
    {
      for (guint i = 0; i < n_indexed; i++)
        {
          guint item = self->crossing->len + i;
          Unit unit = { item, item + 1, _chrono_layout_time_to_x (self, (double) chrono_event_index_get_start_time (self->index, self->first_indexed + i)), FALSE, 0 };
          Candidate candidate = { item, units->len };

          g_array_append_val (units, unit);
          g_array_append_val (candidates, candidate);
        }
    }
  else
    {
      /* Buckets are anchored in time and a power of two seconds wide (6 to 12 pixels,
       * against labels at least 36 wide), so that while the view pans, or zooms by less
       * than a factor of two, the same events compete and keep their labels. */
      double bucket = exp2 (ceil (log2 (MAX (BUCKET_WIDTH * (self->end - self->start) / self->width, 1))));
      double k = floor (self->start / bucket);
      guint previous = self->first_indexed;
      guint selected_index = G_MAXUINT;
      guint n_candidates = candidates->len, n_units_used = units->len;

      /* Room for a bucket in each unit, as many as were reckoned. */
      g_array_set_size (candidates, n_candidates + n_units + 1);
      g_array_set_size (units, n_units);

      if (selected_position != G_MAXUINT)
        selected_index = chrono_event_index_find_position (self->index, selected_position);

      for (gboolean last = FALSE; !last; k++)
        {
          double bucket_end = (k + 1) * bucket;
          guint next = self->last_indexed;
          guint best = G_MAXUINT;
          Unit unit = { 0 };
          Candidate candidate = { 0 };
          const ChronoKnownBucket *bucket_known = NULL;
          gboolean whole;

          /* Far enough from 1970, k + 1 is k again (a double has 53 bits): the rest is
           * one bucket, or the loop would never end. */
          last = bucket_end >= self->end || k + 1 == k;
          whole = !last && k * bucket >= self->start;
          if (whole && known != NULL)
            bucket_known = _chrono_layout_memo_find_bucket (known, bucket, k);
          if (bucket_known != NULL && bucket_known->first == previous)
            {
              next = bucket_known->next;
              best = bucket_known->best;
            }
          else if (!last)
            {
              next = chrono_event_index_lower_bound_from (self->index, previous, (ChronoTime) ceil (bucket_end));
              next = MIN (next, self->last_indexed);
            }
          if (next != previous && best == G_MAXUINT)
            best = chrono_event_index_find_most_important (self->index, previous, next);
          if (whole)
            _chrono_layout_memo_add_bucket (self->memo, bucket, k, &(ChronoKnownBucket) { previous, next, best });
          if (next == previous)
            continue;

          unit.first_item = self->crossing->len + previous - self->first_indexed;
          unit.last_item = self->crossing->len + next - self->first_indexed;
          unit.x = _chrono_layout_time_to_x (self, (MAX (k * bucket, self->start) + MIN (bucket_end, self->end)) / 2);
          unit.bucket = TRUE;
          candidate.item = self->crossing->len + best - self->first_indexed;
          candidate.unit = n_units_used;
          *(Candidate *) next_element (candidates, &n_candidates, sizeof (Candidate)) = candidate;
          /* The selected event always competes. */
          if (selected_index >= previous && selected_index < next && selected_index != best)
            {
              candidate.item = self->crossing->len + selected_index - self->first_indexed;
              *(Candidate *) next_element (candidates, &n_candidates, sizeof (Candidate)) = candidate;
            }
          *(Unit *) next_element (units, &n_units_used, sizeof (Unit)) = unit;
          previous = next;
        }
      g_array_set_size (candidates, n_candidates);
      g_array_set_size (units, n_units_used);
    }

  fill_candidates_from (self, params->timeline, candidates, n_crossing_candidates, selected_position);
  fill_events_from (self, params->timeline, candidates, n_crossing_candidates, shown, known);
  sort_candidates (candidates);

  /* Labels, most important first, each in the lowest row where it fits. */
  _chrono_label_rows_init (&rows, self);
  if (self->n_rows > 0)
    place_labels (self, &rows, candidates, units, params);
  _chrono_label_rows_clear (&rows);

  _chrono_layout_build_clusters (self, units, params);
  _chrono_layout_add_eras (self, params);
  compute_density (self, known != NULL ? params->previous : NULL);

  return g_steal_pointer (&self);
}

const ChronoLayoutLabel *
chrono_layout_find_label (ChronoLayout *self,
                          guint         position)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, i);

      if (label->position == position)
        return label;
    }

  return NULL;
}

ChronoLayoutHit
chrono_layout_hit_test (ChronoLayout *self,
                        double        x,
                        double        y,
                        guint        *index)
{
  ChronoRect point = { x, y, 0.001, 0.001 };

  for (guint i = 0; i < self->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, i);
      double marker_x = CLAMP (label->x, 0, self->width);

      if (chrono_rect_intersects (&point, &label->box) ||
          (fabs (x - marker_x) <= 6 && fabs (y - self->axis_y) <= 6))
        {
          *index = i;
          return CHRONO_LAYOUT_HIT_LABEL;
        }
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);
      ChronoRect badge = cluster->badge;

      badge.x -= 2;
      badge.width += 4;
      if (chrono_rect_intersects (&point, &badge))
        {
          *index = i;
          return CHRONO_LAYOUT_HIT_CLUSTER;
        }
    }

  return CHRONO_LAYOUT_HIT_NONE;
}

