/* chrono-overview-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-overview-layout"

#include "config.h"

#include <math.h>

#include "chrono-overview-layout.h"

#define COLUMN_WIDTH 2.0

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

ChronoOverviewLayout *
chrono_overview_layout_new (const ChronoOverviewParams *params)
{
  ChronoOverviewLayout *self;
  Measure measure = { params->measure, params->measure_data };
  double x0, x1;

  g_return_val_if_fail (params->width > 0 && params->height > 0, NULL);
  g_return_val_if_fail (params->extent_end > params->extent_start, NULL);

  self = g_new0 (ChronoOverviewLayout, 1);
  self->width = params->width;
  self->height = params->height;
  self->column_width = COLUMN_WIDTH;
  self->max_count = 1;
  self->axis = chrono_time_axis_new (params->extent_start, params->extent_end, params->width,
                                     measure_overview_text, &measure);
  self->bars_height = params->height - self->axis->label_height - 4;

  if (params->index != NULL)
    {
      self->counts = chrono_event_index_count_columns (params->index, params->extent_start, params->extent_end,
                                                       params->width, COLUMN_WIDTH, &self->n_columns);
      for (guint c = 0; c < self->n_columns; c++)
        self->max_count = MAX (self->max_count, self->counts[c]);
    }

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

  return self;
}

void
chrono_overview_layout_free (ChronoOverviewLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->axis, chrono_time_axis_free);
  g_free (self->counts);
  g_free (self);
}
