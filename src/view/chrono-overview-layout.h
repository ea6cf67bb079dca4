/* chrono-overview-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/chrono-event-index.h"
#include "chrono-time-axis.h"

G_BEGIN_DECLS

typedef struct
{
  ChronoEventIndex  *index;           /* optional: without one, no bars */
  gboolean           lanes;           /* a row per visible category, as the timeline's lanes */
  guint              max_lanes;       /* as many as the timeline has room for; 0: no limit */
  double             extent_start;    /* the whole document, in seconds */
  double             extent_end;
  double             visible_start;   /* what the timeline shows */
  double             visible_end;
  double             width;           /* in logical pixels */
  double             height;
  ChronoMeasureFunc  measure;         /* called with CHRONO_TEXT_OVERVIEW */
  gpointer           measure_data;
} ChronoOverviewParams;

/* In lanes mode, a thin row of bars per visible category, in the timeline's order. */
typedef struct
{
  ChronoCategory *category;          /* borrowed */
  double          y;                 /* the row's bars stand on y + height */
  double          height;
  guint          *counts;            /* this category's events starting in each column */
} ChronoOverviewLane;

/* The overview strip: the density of the whole timeline as bars, its years below, and
 * the window the timeline shows. */
typedef struct
{
  double          width;
  double          height;
  double          bars_height;       /* the bars stand on this line; the axis hangs below */
  double          column_width;
  guint           n_columns;
  guint          *counts;            /* events starting in each column */
  guint           max_count;         /* at least 1 */
  GArray         *lanes;             /* ChronoOverviewLane; empty out of lanes mode */
  guint           lanes_max_count;   /* the most in one lane's column, at least 1 */
  double          window_x0;         /* the visible window, at least 4 pixels wide */
  double          window_x1;
  ChronoTimeAxis *axis;
} ChronoOverviewLayout;

ChronoOverviewLayout *chrono_overview_layout_new  (const ChronoOverviewParams *params);
void                  chrono_overview_layout_free (ChronoOverviewLayout       *self);
void                  chrono_overview_layout_set_window (ChronoOverviewLayout       *self,
                                                         const ChronoOverviewParams *params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoOverviewLayout, chrono_overview_layout_free)

G_END_DECLS
