/* chrono-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "chrono-layout.h"

/* Below this many events in view every one is a label candidate; above it the view is cut
 * into buckets of BUCKET_WIDTH pixels and only the most important event of each bucket
 * competes, so that a frame costs the same at 1,000 events as at 1,000,000. */
#define EXACT_LIMIT       1500
#define BUCKET_WIDTH      3.0
#define DENSITY_STEP      2.0
#define MAX_LABEL_WIDTH   340.0
#define LABEL_PAD_X       6.0
#define LABEL_PAD_Y       3.0
#define LABEL_ACCENT      3.0
#define ROW_GAP           4.0
#define LANE_NAME_PAD     6.0
#define LABEL_GAP         4.0
#define CLUSTER_GAP       10.0
#define MAX_CLUSTER_SPAN  160.0
#define MIN_LABEL_WIDTH   36.0
#define MIN_RANGE_LABEL_WIDTH 120.0
#define BADGE_PAD_X       6.0
#define BADGE_GAP         4.0
#define MARKER_TRACK      12.0
#define RELAXED_IMPORTANCE 3

gboolean
chrono_rect_intersects (const ChronoRect *a,
                        const ChronoRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* A run of items that share an x for clustering: one item, or a bucket of them. */
typedef struct
{
  guint  first_item;
  guint  last_item;
  double x;
  guint  labelled;
} Unit;

typedef struct
{
  guint       item;
  guint       unit;
  ChronoEvent *event;
  gboolean    selected;
  guint       importance;
  ChronoTime  start;
  ChronoTime  duration;
} Candidate;

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
  if (ca->duration != cb->duration)
    return ca->duration > cb->duration ? -1 : 1;
  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  return (ca->item > cb->item) - (ca->item < cb->item);
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
  g_clear_pointer (&self->lanes, g_array_unref);
  if (self == NULL)
    return;

  g_clear_pointer (&self->crossing, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->eras, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->axis, chrono_time_axis_free);
  g_clear_object (&self->index);
  g_free (self->density);
  g_free (self);
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

static double
time_to_x (ChronoLayout *self,
           double        time)
{
  return (time - self->start) * self->width / (self->end - self->start);
}

static double
x_to_time (ChronoLayout *self,
           double        x)
{
  return self->start + x * (self->end - self->start) / self->width;
}

static double
row_y (ChronoLayout *self,
       guint         row)
{
  return self->cluster_row.y - ROW_GAP - self->row_height - row * self->row_pitch;
}

static gboolean
label_fits (ChronoLayout     *self,
            GPtrArray        *rows,
            const ChronoRect *box,
            double            stem_x,
            guint             row,
            gboolean          strict)
{
  GArray *same_row = g_ptr_array_index (rows, row);
  ChronoRect padded = *box;

  padded.x -= LABEL_GAP / 2;
  padded.width += LABEL_GAP;

  for (guint i = 0; i < same_row->len; i++)
    {
      guint other = g_array_index (same_row, guint, i);
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, other);

      if (chrono_rect_intersects (&padded, &label->box))
        return FALSE;
    }

  /* A lane's name holds the left of its top row. */
  for (guint i = 0; i < self->lanes->len; i++)
    if (chrono_rect_intersects (&padded, &g_array_index (self->lanes, ChronoLayoutLane, i).name_box))
      return FALSE;

  if (!strict)
    return TRUE;

  /* The stems of labels above pass through this row, and this label's stem passes
   * through the rows below: in the first try neither may cross a label. */
  for (guint i = 0; i < self->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, i);

      if (label->row > row && label->stem_x >= padded.x && label->stem_x <= padded.x + padded.width)
        return FALSE;
      if (label->row < row && stem_x >= label->box.x - 1 && stem_x <= label->box.x + label->box.width + 1)
        return FALSE;
    }

  return TRUE;
}

static gboolean
any_row_fits (ChronoLayout     *self,
              GPtrArray        *rows,
              ChronoRect       *box,
              double            stem_x,
              guint             first_row,
              guint             last_row)
{
  for (guint row = first_row; row < last_row; row++)
    {
      box->y = row_y (self, row);
      if (label_fits (self, rows, box, stem_x, row, FALSE))
        return TRUE;
    }

  return FALSE;
}

static gboolean
place_label (ChronoLayout *self,
             GPtrArray    *rows,
             Candidate    *candidate,
             const ChronoLayoutParams *params)
{
  ChronoLayoutLabel label = { 0 };
  ChronoEvent *event = candidate->event;
  const ChronoDate *end_date = chrono_event_get_end (event);
  double text_width = 0, text_height = 0;
  double chrome = 2 * LABEL_PAD_X + LABEL_ACCENT;
  double x0, x1;
  guint first_row = 0, last_row = self->n_rows;

  if (self->lanes->len > 0)
    {
      guint lane = chrono_layout_get_lane (self, chrono_event_get_category (event));
      const ChronoLayoutLane *band;

      /* An event whose category got no lane (too little room) is only counted. */
      if (lane == G_MAXUINT)
        return FALSE;
      band = &g_array_index (self->lanes, ChronoLayoutLane, lane);
      first_row = band->first_row;
      last_row = band->first_row + band->n_rows;
    }

  /* Measuring text is the costly part of a layout: first see whether even the narrowest
   * label could go anywhere near this event, as happens to most of them in a crowd. */
  x0 = time_to_x (self, (double) chrono_event_get_start_time (event));
  x1 = time_to_x (self, (double) chrono_event_get_end_time (event));
  if (end_date == NULL || x1 - x0 < 2)
    {
      if (x0 >= 0 && x0 <= self->width)
        {
          ChronoRect narrow = { floor (x0), 0, MIN (MIN_LABEL_WIDTH, floor (self->width)), self->row_height };

          if (narrow.x + narrow.width > self->width)
            narrow.x = floor (x0) + 1 - narrow.width;
          narrow.x = CLAMP (narrow.x, 0, floor (self->width) - narrow.width);
          if (!any_row_fits (self, rows, &narrow, floor (x0) + 0.5, first_row, last_row))
            return FALSE;
        }
    }
  else
    {
      /* A range's label covers at least the range, from where it starts, unless it has
       * to move away from the right edge. */
      double visible_x0 = round (CLAMP (x0, 0, self->width));
      double range_width = floor (CLAMP (x1, 0, self->width)) - visible_x0;
      ChronoRect narrow = { visible_x0, 0, MAX (range_width, MIN_LABEL_WIDTH), self->row_height };

      if (visible_x0 + MAX (range_width, MAX_LABEL_WIDTH) <= floor (self->width) &&
          !any_row_fits (self, rows, &narrow, visible_x0 + 0.5, first_row, last_row))
        return FALSE;
    }

  label.event = event;
  label.item = candidate->item;
  label.position = chrono_layout_get_item_position (self, candidate->item);
  label.flags = chrono_event_get_start (event)->flags | (end_date ? end_date->flags : 0);

  label.x = x0;
  label.x_end = x1;
  label.is_range = end_date != NULL && x1 - x0 >= 2;
  label.is_imprecise = !label.is_range && x1 - x0 >= 6;
  if (!label.is_range && !label.is_imprecise)
    label.x_end = x0;
  label.predicted_x = label.predicted_x_end = NAN;
  if (chrono_event_is_forecast (event))
    {
      label.predicted_x = time_to_x (self, (double) chrono_event_get_predicted_start_time (event));
      label.predicted_x_end = time_to_x (self, (double) chrono_event_get_predicted_end_time (event));
    }

  params->measure (CHRONO_TEXT_LABEL, chrono_event_get_title (event), &text_width, &text_height,
                   params->measure_data);
  label.box.width = MIN (ceil (text_width) + chrome, MIN (MAX_LABEL_WIDTH, self->width));
  label.box.height = self->row_height;

  if (label.is_range || label.is_imprecise)
    {
      double visible_x0 = CLAMP (x0, 0, self->width);
      double visible_x1 = CLAMP (x1, 0, self->width);

      /* A range's label spans the range, so its bar never runs under another label. */
      label.box.width = MAX (label.box.width, floor (visible_x1) - round (visible_x0));
      label.box.x = round (visible_x0);
      label.stem_x = round (visible_x0) + 0.5;

      /* Near the right edge, the label hangs to the left of the range's start, like a
       * moment's, when the whole title fits there; otherwise it starts where the range
       * starts and is ellipsized, unless even that leaves too little room. */
      if (label.box.x + label.box.width > floor (self->width))
        {
          double text_box = MIN (ceil (text_width) + chrome, MIN (MAX_LABEL_WIDTH, self->width));
          double room = floor (self->width) - label.box.x;

          if (round (visible_x0) + 1 - text_box >= 0 || room < MIN (text_box, MIN_RANGE_LABEL_WIDTH))
            {
              label.box.width = text_box;
              label.box.x = round (visible_x0) + 1 - label.box.width;
            }
          else
            {
              label.box.width = room;
            }
        }
    }
  else
    {
      label.stem_x = floor (x0) + 0.5;
      label.box.x = floor (x0);
      /* Near the right edge the label hangs to the left of its stem. */
      if (label.box.x + label.box.width > self->width)
        label.box.x = floor (x0) + 1 - label.box.width;
      if (label.box.x < 0)
        label.box.x = 0;
    }

  label.box.width = MIN (label.box.width, floor (self->width));
  label.box.x = CLAMP (label.box.x, 0, floor (self->width) - label.box.width);
  label.stem_x = CLAMP (label.stem_x, 0.5, floor (self->width) - 0.5);
  label.text_x = label.box.x + LABEL_ACCENT + LABEL_PAD_X;
  label.text_width = label.box.width - chrome;

  /* For an important event, a stem that has to pass behind a label is better than no
   * label at all, but only when there is no row where it would not. Minor events do
   * without, which keeps a crowded view readable. */
  for (guint strict = 1; strict <= 1; strict--)
    {
      if (!strict && !candidate->selected && candidate->importance < RELAXED_IMPORTANCE)
        break;

      for (guint row = first_row; row < last_row; row++)
        {
          label.box.y = row_y (self, row);
          if (label_fits (self, rows, &label.box, label.stem_x, row, strict))
            {
              guint index = self->labels->len;

              label.row = row;
              g_array_append_val (self->labels, label);
              g_array_append_val (g_ptr_array_index (rows, row), index);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
set_cluster_badge (ChronoLayout             *self,
                   ChronoLayoutCluster      *cluster,
                   const ChronoLayoutParams *params)
{
  double width = 0, height = 0;

  g_free (cluster->text);
  /* Translators: a marker standing for this many events that have no room for a label. */
  cluster->text = g_strdup_printf (C_("timeline cluster", "+%u"), cluster->count);
  params->measure (CHRONO_TEXT_BADGE, cluster->text, &width, &height, params->measure_data);

  cluster->badge.width = ceil (width) + 2 * BADGE_PAD_X;
  cluster->badge.height = self->cluster_row.height;
  cluster->badge.y = self->cluster_row.y;
  cluster->badge.x = round ((cluster->x0 + cluster->x1) / 2 - cluster->badge.width / 2);
  cluster->badge.x = CLAMP (cluster->badge.x, 0, MAX (0, floor (self->width) - cluster->badge.width));
}

static ChronoTime
item_start (ChronoLayout *self,
            guint         item)
{
  if (item < self->crossing->len)
    return (ChronoTime) ceil (self->start);

  return chrono_event_index_get_start_time (self->index, self->first_indexed + item - self->crossing->len);
}

static gboolean
badge_clear_of_stems (ChronoLayout *self,
                      double        x,
                      double        width)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, i);

      if (label->stem_x >= x - 2 && label->stem_x <= x + width + 2)
        return FALSE;
    }

  return TRUE;
}

/* Slides a badge off the stems of labels passing through the cluster row, when there is
 * room nearby; stems are drawn under badges, so this is about legibility only. */
static void
nudge_badges (ChronoLayout *self)
{
  for (guint i = 0; i < self->clusters->len; i++)
    {
      ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);
      double left_limit = 0, right_limit = floor (self->width);
      double best = cluster->badge.x;
      double best_distance = G_MAXDOUBLE;

      if (badge_clear_of_stems (self, cluster->badge.x, cluster->badge.width))
        continue;

      if (i > 0)
        {
          ChronoLayoutCluster *previous = &g_array_index (self->clusters, ChronoLayoutCluster, i - 1);
          left_limit = previous->badge.x + previous->badge.width + BADGE_GAP;
        }
      if (i + 1 < self->clusters->len)
        {
          ChronoLayoutCluster *next = &g_array_index (self->clusters, ChronoLayoutCluster, i + 1);
          right_limit = next->badge.x - BADGE_GAP;
        }

      for (guint j = 0; j < self->labels->len; j++)
        {
          const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, j);
          double options[2] = {
            label->stem_x + 3,
            label->stem_x - 3 - cluster->badge.width,
          };

          for (guint k = 0; k < 2; k++)
            {
              double distance = fabs (options[k] - cluster->badge.x);

              if (options[k] >= left_limit && options[k] + cluster->badge.width <= right_limit &&
                  distance < best_distance && distance <= cluster->badge.width + 40 &&
                  badge_clear_of_stems (self, options[k], cluster->badge.width))
                {
                  best = options[k];
                  best_distance = distance;
                }
            }
        }

      cluster->badge.x = round (best);
    }
}

static void
build_clusters (ChronoLayout             *self,
                GArray                   *units,
                const ChronoLayoutParams *params)
{
  ChronoLayoutCluster *current = NULL;

  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = &g_array_index (units, Unit, i);
      guint unlabelled = unit->last_item - unit->first_item - unit->labelled;

      if (unlabelled == 0)
        continue;

      /* A cluster covers a stretch a click can zoom into usefully, never the whole view. */
      if (current == NULL || unit->x - current->x1 > CLUSTER_GAP || unit->x - current->x0 > MAX_CLUSTER_SPAN)
        {
          ChronoLayoutCluster cluster = { 0 };

          cluster.first_item = unit->first_item;
          cluster.x0 = unit->x;
          g_array_append_val (self->clusters, cluster);
          current = &g_array_index (self->clusters, ChronoLayoutCluster, self->clusters->len - 1);
        }

      current->last_item = unit->last_item;
      current->count += unlabelled;
      current->x1 = unit->x;
    }

  /* Badges that would touch merge into one, left to right, until none touch. */
  for (guint i = 0; i < self->clusters->len; i++)
    {
      ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);

      set_cluster_badge (self, cluster, params);

      while (i > 0)
        {
          ChronoLayoutCluster *previous = &g_array_index (self->clusters, ChronoLayoutCluster, i - 1);

          cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);
          if (previous->badge.x + previous->badge.width + BADGE_GAP <= cluster->badge.x)
            break;

          previous->last_item = cluster->last_item;
          previous->count += cluster->count;
          previous->x1 = MAX (previous->x1, cluster->x1);
          previous->x0 = MIN (previous->x0, cluster->x0);
          g_array_remove_index (self->clusters, i);
          i--;
          set_cluster_badge (self, previous, params);
        }
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);

      cluster->start = item_start (self, cluster->first_item);
      cluster->end = item_start (self, cluster->last_item - 1) + 1;
    }

  nudge_badges (self);
}

#define LEGEND_MARGIN 8
#define LEGEND_SWATCH 10
#define LEGEND_SWATCH_GAP 4
#define LEGEND_ENTRY_GAP 14

static void
finish_legend_row (ChronoLayout *self,
                   guint         first,
                   double        row_y,
                   double        row_height)
{
  double shift;

  if (first >= self->legend->len)
    return;

  /* Rows hang from the right edge, like the single row of a wide window. */
  shift = self->width - LEGEND_MARGIN -
          (g_array_index (self->legend, ChronoLayoutLegendEntry, self->legend->len - 1).box.x +
           g_array_index (self->legend, ChronoLayoutLegendEntry, self->legend->len - 1).box.width);
  shift = MAX (0, round (shift));

  for (guint i = first; i < self->legend->len; i++)
    {
      ChronoLayoutLegendEntry *entry = &g_array_index (self->legend, ChronoLayoutLegendEntry, i);

      entry->box.x += shift;
      entry->swatch.x += shift;
      entry->text_x += shift;
      entry->box.y = row_y;
      entry->box.height = row_height;
      entry->swatch.y = round (row_y + (row_height - entry->swatch.height) / 2);
    }
}

/* Every visible category gets an entry: when one row is too narrow, the legend wraps
 * onto more rows and the label area gives up that height, so no category is ever hidden
 * and no label covers the legend. Returns the height of the legend's rows. */
static double
place_legend (ChronoLayout             *self,
              const ChronoLayoutParams *params,
              double                    row_height)
{
  GListModel *categories = chrono_timeline_get_categories (params->timeline);
  double room = MAX (0, self->width - 2 * LEGEND_MARGIN);
  double x = LEGEND_MARGIN;
  double row_y = 0;
  guint row_first = 0;
  guint n_rows = 0;

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);
      ChronoLayoutLegendEntry entry = { 0 };
      double width = 0, height = 0, entry_width;

      if (params->filter && !chrono_event_filter_get_category_visible (params->filter,
                                                                       chrono_category_get_id (category)))
        continue;

      entry.category = category;
      entry.name = chrono_category_get_name (category);
      params->measure (CHRONO_TEXT_ERA, entry.name, &width, &height, params->measure_data);
      /* A name wider than the whole row is ellipsized by the renderer. */
      width = MIN (ceil (width), MAX (0, room - LEGEND_SWATCH - LEGEND_SWATCH_GAP));
      entry_width = LEGEND_SWATCH + LEGEND_SWATCH_GAP + width;

      if (n_rows == 0)
        n_rows = 1;
      else if (x + entry_width > LEGEND_MARGIN + room)
        {
          finish_legend_row (self, row_first, row_y, row_height);
          row_first = self->legend->len;
          row_y += row_height;
          x = LEGEND_MARGIN;
          n_rows++;
        }

      entry.swatch.width = LEGEND_SWATCH;
      entry.swatch.height = LEGEND_SWATCH;
      entry.swatch.x = x;
      entry.text_x = x + LEGEND_SWATCH + LEGEND_SWATCH_GAP;
      entry.text_width = width;
      entry.box.x = x;
      entry.box.width = entry_width;
      g_array_append_val (self->legend, entry);
      x += entry_width + LEGEND_ENTRY_GAP;
    }

  finish_legend_row (self, row_first, row_y, row_height);

  return MAX (n_rows, 1) * row_height;
}

static void
add_eras (ChronoLayout             *self,
          const ChronoLayoutParams *params)
{
  GListModel *eras = chrono_timeline_get_eras (params->timeline);
  double height;

  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(ChronoEra) era = g_list_model_get_item (eras, i);
      ChronoLayoutEra band = { 0 };
      double x0 = time_to_x (self, (double) chrono_date_get_start (chrono_era_get_start (era)));
      double x1 = time_to_x (self, (double) chrono_date_get_end (chrono_era_get_end (era)));
      double width = 0, right;

      if (x1 <= 0 || x0 >= self->width)
        continue;

      band.name = chrono_era_get_name (era);
      band.x0 = MAX (round (x0), 0);
      band.x1 = MIN (round (x1), self->width);
      band.text_x = band.x0 + 6;
      params->measure (CHRONO_TEXT_ERA, band.name, &width, &height, params->measure_data);
      right = band.x1 - 6;
      band.text_width = MIN (ceil (width), right - band.text_x);
      if (band.text_width < 24)
        band.text_width = 0;
      g_array_append_val (self->eras, band);
    }
}

/* The label rows are shared out among the legend's categories, top to bottom in the
 * legend's order; a lane has at least one row, so with more lanes than rows the last
 * lanes go without and their events are counted in the clusters. */
static void
place_lanes (ChronoLayout             *self,
             const ChronoLayoutParams *params)
{
  guint n_lanes = MIN (self->legend->len, self->n_rows);
  guint per_lane, extra, row;

  if (n_lanes == 0)
    return;

  per_lane = self->n_rows / n_lanes;
  extra = self->n_rows % n_lanes;
  row = self->n_rows;
  for (guint i = 0; i < n_lanes; i++)
    {
      const ChronoLayoutLegendEntry *entry = &g_array_index (self->legend, ChronoLayoutLegendEntry, i);
      ChronoLayoutLane lane = { 0 };
      double top, bottom, width = 0, height = 0;

      lane.category = entry->category;
      lane.name = entry->name;
      lane.n_rows = per_lane + (i < extra ? 1 : 0);
      row -= lane.n_rows;
      lane.first_row = row;

      top = row_y (self, lane.first_row + lane.n_rows - 1) - ROW_GAP / 2.0;
      bottom = row_y (self, lane.first_row) + self->row_height + ROW_GAP / 2.0;
      lane.band = (ChronoRect) { 0, top, self->width, bottom - top };

      params->measure (CHRONO_TEXT_ERA, lane.name, &width, &height, params->measure_data);
      width = MIN (ceil (width) + 2 * LANE_NAME_PAD, MAX (0, floor (self->width / 3)));
      lane.name_box = (ChronoRect) { 0, row_y (self, lane.first_row + lane.n_rows - 1), width, self->row_height };
      g_array_append_val (self->lanes, lane);
    }
}

guint
chrono_layout_get_lane (ChronoLayout   *self,
                        ChronoCategory *category)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  for (guint i = 0; i < self->lanes->len; i++)
    if (g_array_index (self->lanes, ChronoLayoutLane, i).category == category)
      return i;

  return G_MAXUINT;
}

static void
compute_density (ChronoLayout *self)
{
  self->density_step = DENSITY_STEP;
  self->density = chrono_event_index_count_columns (self->index, self->start, self->end, self->width,
                                                    DENSITY_STEP, &self->n_density);
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
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) found = NULL;
  double label_height, badge_height, era_height;
  ChronoTime first_time, last_time;
  guint selected_position = G_MAXUINT;
  guint n_indexed;
  const guint32 *ranks;
  const ChronoTime *starts, *ends;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (CHRONO_IS_TIMELINE (params->timeline), NULL);
  g_return_val_if_fail (params->measure != NULL, NULL);

  self->width = MAX (params->width, 1);
  self->height = MAX (params->height, 1);
  self->start = params->start;
  self->end = params->end > params->start ? params->end : params->start + 1;
  self->index = params->index ? g_object_ref (params->index)
                              : chrono_event_index_new (params->timeline, params->filter);
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

  self->legend_row = (ChronoRect) { 0, 0, self->width, place_legend (self, params, era_height + 6) };
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
    place_lanes (self, params);

  self->today_x = NAN;
  if (params->now >= self->start && params->now <= self->end)
    self->today_x = time_to_x (self, (double) params->now);

  /* Items: the events that began before the view and reach into it, then those that
   * start in it. */
  first_time = (ChronoTime) ceil (self->start);
  last_time = (ChronoTime) ceil (self->end);
  found = g_array_new (FALSE, FALSE, sizeof (guint));
  chrono_timeline_query_range (params->timeline, first_time, first_time + 1, found);
  for (guint i = 0; i < found->len; i++)
    {
      guint position = g_array_index (found, guint, i);

      if (chrono_timeline_get_start_times (params->timeline)[position] < first_time &&
          chrono_event_index_contains_position (self->index, position))
        g_array_append_val (self->crossing, position);
    }

  self->first_indexed = chrono_event_index_lower_bound (self->index, first_time);
  self->last_indexed = MAX (self->first_indexed, chrono_event_index_lower_bound (self->index, last_time));
  n_indexed = self->last_indexed - self->first_indexed;
  self->n_items = self->crossing->len + n_indexed;

  if (params->selected)
    selected_position = chrono_timeline_get_position (params->timeline, params->selected);

  /* Units and label candidates. */
  units = g_array_new (FALSE, FALSE, sizeof (Unit));
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint item = 0; item < self->crossing->len; item++)
    {
      Unit unit = { item, item + 1, 0, 0 };
      g_array_append_val (units, unit);
    }

  if (n_indexed <= EXACT_LIMIT)
    {

      for (guint i = 0; i < n_indexed; i++)
        {
          guint item = self->crossing->len + i;
          Unit unit = { item, item + 1, time_to_x (self, (double) chrono_event_index_get_start_time (self->index, self->first_indexed + i)), 0 };
          g_array_append_val (units, unit);
        }

      for (guint i = 0; i < units->len; i++)
        {
          Candidate candidate = { g_array_index (units, Unit, i).first_item, i };
          g_array_append_val (candidates, candidate);
        }
    }
  else
    {
      guint n_buckets = (guint) ceil (self->width / BUCKET_WIDTH);
      guint previous = self->first_indexed;

      for (guint i = 0; i < units->len; i++)
        {
          Candidate candidate = { g_array_index (units, Unit, i).first_item, i };
          g_array_append_val (candidates, candidate);
        }

      for (guint b = 0; b < n_buckets; b++)
        {
          guint next = self->last_indexed;
          guint best;
          Unit unit = { 0 };
          Candidate candidate = { 0 };

          if (b + 1 < n_buckets)
            next = CLAMP (chrono_event_index_lower_bound (self->index,
                                                           (ChronoTime) ceil (x_to_time (self, (b + 1) * BUCKET_WIDTH))),
                          previous, self->last_indexed);
          if (next == previous)
            continue;

          best = chrono_event_index_find_most_important (self->index, previous, next);
          unit.first_item = self->crossing->len + previous - self->first_indexed;
          unit.last_item = self->crossing->len + next - self->first_indexed;
          unit.x = (b + 0.5) * BUCKET_WIDTH;
          candidate.item = self->crossing->len + best - self->first_indexed;
          candidate.unit = units->len;
          g_array_append_val (units, unit);
          g_array_append_val (candidates, candidate);
          previous = next;
        }
    }

  /* The sort keys come from the timeline's plain arrays, not from the events. */
  ranks = chrono_timeline_get_ranks (params->timeline);
  starts = chrono_timeline_get_start_times (params->timeline);
  ends = chrono_timeline_get_end_times (params->timeline);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      guint position = chrono_layout_get_item_position (self, candidate->item);

      candidate->event = chrono_timeline_get_event (params->timeline, position);
      candidate->selected = position == selected_position;
      candidate->importance = ranks[position] >> 24;
      candidate->start = starts[position];
      candidate->duration = chrono_event_get_end (candidate->event) ? ends[position] - candidate->start : 0;
    }
  g_array_sort (candidates, compare_candidates);

  /* Labels, most important first, each in the lowest row where it fits. */
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < self->n_rows; r++)
    g_ptr_array_add (rows, g_array_new (FALSE, FALSE, sizeof (guint)));

  if (self->n_rows > 0)
    {
      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *candidate = &g_array_index (candidates, Candidate, i);

          if (place_label (self, rows, candidate, params))
            g_array_index (units, Unit, candidate->unit).labelled++;
        }
    }

  build_clusters (self, units, params);
  add_eras (self, params);
  compute_density (self);

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
