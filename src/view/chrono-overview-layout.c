/* chrono-overview-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-overview-layout"

#include "config.h"

#include <math.h>

#include "chrono-overview-layout.h"

#define COLUMN_WIDTH 2.0
#define MIN_LANE_HEIGHT 3.0

typedef struct
{
  ChronoMeasureFunc measure;
  gpointer          data;
} Measure;

/* All the overview's text is set in one small font, whatever the axis asks for. */
static void
measure_overview_text (ChronoTextKind  kind,
                       const char     *text,
                       double         *width,
                       double         *height,
                       gpointer        user_data)
{
  Measure *measure = user_data;

  measure->measure (CHRONO_TEXT_OVERVIEW, text, width, height, measure->data);
}

static double
time_to_x (const ChronoOverviewParams *params,
           double                      time)
{
  return (time - params->extent_start) * params->width / (params->extent_end - params->extent_start);
}

static void
clear_lane (ChronoOverviewLane *lane)
{
  g_free (lane->counts);
}

/* The timeline's lanes are its visible categories in their order; where it has too few
 * rows, the last ones go without there, and so here. A lane thinner than a few pixels
 * cannot be seen, so the last categories go without when there are many.
 * The total counts are runs of the index's events in order, so each event goes to its
 * category's lane in the same column; an event with no lane is in the total only. */
static void
add_lanes (ChronoOverviewLayout       *self,
           const ChronoOverviewParams *params)
{
  ChronoTimeline *timeline = chrono_event_index_get_timeline (params->index);
  ChronoEventFilter *filter = chrono_event_index_get_filter (params->index);
  GListModel *categories;
  guint n_categories, max_lanes, first, last, position;
  double height;

  if (timeline == NULL)
    return;

  categories = chrono_timeline_get_categories (timeline);
  n_categories = g_list_model_get_n_items (categories);
  max_lanes = (guint) floor ((self->bars_height - 1) / MIN_LANE_HEIGHT);
  if (params->max_lanes > 0)
    max_lanes = MIN (max_lanes, params->max_lanes);
  for (guint i = 0; i < n_categories && self->lanes->len < max_lanes; i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);
      ChronoOverviewLane lane = { 0 };

      if (filter && !chrono_event_filter_get_category_visible (filter, chrono_category_get_id (category)))
        continue;

      lane.category = category;
      lane.counts = g_new0 (guint, MAX (self->n_columns, 1));
      g_array_append_val (self->lanes, lane);
    }

  if (self->lanes->len == 0)
    return;

  height = (self->bars_height - 1) / self->lanes->len;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      ChronoOverviewLane *lane = &g_array_index (self->lanes, ChronoOverviewLane, i);

      lane->y = 1 + i * height;
      lane->height = height;
    }

  chrono_event_index_get_span (params->index, (ChronoTime) ceil (params->extent_start),
                               (ChronoTime) ceil (params->extent_end), &first, &last);
  position = first;
  for (guint c = 0; c < self->n_columns; c++)
    for (guint k = 0; k < self->counts[c]; k++)
      {
        ChronoCategory *category = chrono_event_get_category (chrono_event_index_get_event (params->index, position++));

        for (guint i = 0; i < self->lanes->len; i++)
          {
            ChronoOverviewLane *lane = &g_array_index (self->lanes, ChronoOverviewLane, i);

            if (lane->category == category)
              {
                lane->counts[c]++;
                self->lanes_max_count = MAX (self->lanes_max_count, lane->counts[c]);
                break;
              }
          }
      }
}

ChronoOverviewLayout *
chrono_overview_layout_new (const ChronoOverviewParams *params)
{
  ChronoOverviewLayout *self;
  Measure measure = { params->measure, params->measure_data };

  g_return_val_if_fail (params->width > 0 && params->height > 0, NULL);
  g_return_val_if_fail (params->extent_end > params->extent_start, NULL);

  self = g_new0 (ChronoOverviewLayout, 1);
  self->width = params->width;
  self->height = params->height;
  self->column_width = COLUMN_WIDTH;
  self->max_count = 1;
  self->lanes_max_count = 1;
  self->lanes = g_array_new (FALSE, TRUE, sizeof (ChronoOverviewLane));
  g_array_set_clear_func (self->lanes, (GDestroyNotify) clear_lane);
  self->axis = chrono_time_axis_new (params->extent_start, params->extent_end, params->width,
                                     measure_overview_text, &measure);
  self->bars_height = params->height - self->axis->label_height - 4;

  if (params->index != NULL)
    {
      self->n_columns = (guint) ceil (params->width / COLUMN_WIDTH);
      self->counts = g_new (guint, self->n_columns);
      chrono_event_index_count_columns (params->index, params->extent_start,
                                        COLUMN_WIDTH * (params->extent_end - params->extent_start) / params->width,
                                        0, self->n_columns, self->counts);
      for (guint c = 0; c < self->n_columns; c++)
        self->max_count = MAX (self->max_count, self->counts[c]);
      if (params->lanes)
        add_lanes (self, params);
    }

  chrono_overview_layout_set_window (self, params);

  return self;
}

/* Only the window moves while the timeline zooms and pans: the rest of a layout made
 * with the same @params otherwise can stay. */
void
chrono_overview_layout_set_window (ChronoOverviewLayout       *self,
                                   const ChronoOverviewParams *params)
{
  double x0, x1;

  /* A window too narrow to see keeps a few pixels, centred where it is. */
  x0 = round (time_to_x (params, params->visible_start));
  x1 = round (time_to_x (params, params->visible_end));
  if (x1 - x0 < 4)
    {
      double centre = (x0 + x1) / 2;

      x0 = round (centre - 2);
      x1 = x0 + 4;
    }
  self->window_x0 = x0;
  self->window_x1 = x1;
}

void
chrono_overview_layout_free (ChronoOverviewLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->axis, chrono_time_axis_free);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_free (self->counts);
  g_free (self);
}
