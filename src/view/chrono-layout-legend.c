/* chrono-layout-legend.c — legend, era bands and lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

#include <math.h>

#include "chrono-layout-private.h"

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
double
_chrono_layout_place_legend (ChronoLayout             *self,
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

void
_chrono_layout_add_eras (ChronoLayout             *self,
                         const ChronoLayoutParams *params)
{
  GListModel *eras = chrono_timeline_get_eras (params->timeline);
  double height;

  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(ChronoEra) era = g_list_model_get_item (eras, i);
      ChronoLayoutEra band = { 0 };
      double x0 = _chrono_layout_time_to_x (self, (double) chrono_date_get_start (chrono_era_get_start (era)));
      double x1 = _chrono_layout_time_to_x (self, (double) chrono_date_get_end (chrono_era_get_end (era)));
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
void
_chrono_layout_place_lanes (ChronoLayout             *self,
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

      top = _chrono_layout_row_y (self, lane.first_row + lane.n_rows - 1) - ROW_GAP / 2.0;
      bottom = _chrono_layout_row_y (self, lane.first_row) + self->row_height + ROW_GAP / 2.0;
      lane.band = (ChronoRect) { 0, top, self->width, bottom - top };

      params->measure (CHRONO_TEXT_ERA, lane.name, &width, &height, params->measure_data);
      width = MIN (ceil (width) + 2 * LANE_NAME_PAD, MAX (0, floor (self->width / 3)));
      lane.name_box = (ChronoRect) { 0, _chrono_layout_row_y (self, lane.first_row + lane.n_rows - 1), width, self->row_height };
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
