/* chrono-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/chrono-event-filter.h"
#include "model/chrono-timeline.h"
#include "chrono-viewport.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_OVERVIEW (chrono_overview_get_type ())

G_DECLARE_FINAL_TYPE (ChronoOverview, chrono_overview, CHRONO, OVERVIEW, GtkWidget)

GtkWidget         *chrono_overview_new          (void);
ChronoTimeline    *chrono_overview_get_timeline (ChronoOverview    *self);
void               chrono_overview_set_timeline (ChronoOverview    *self,
                                                 ChronoTimeline    *timeline);
ChronoEventFilter *chrono_overview_get_filter   (ChronoOverview    *self);
void               chrono_overview_set_filter   (ChronoOverview    *self,
                                                 ChronoEventFilter *filter);
ChronoViewport    *chrono_overview_get_viewport (ChronoOverview    *self);
void               chrono_overview_set_viewport (ChronoOverview    *self,
                                                 ChronoViewport    *viewport);
/* Where the whole document's extent maps to the overview's width. */
double             chrono_overview_time_to_x    (ChronoOverview    *self,
                                                 double             time);
double             chrono_overview_x_to_time    (ChronoOverview    *self,
                                                 double             x);
/* What a press and drag do: pressing outside the window jumps there, dragging moves it. */
void               chrono_overview_drag_begin   (ChronoOverview    *self,
                                                 double             x);
void               chrono_overview_drag_update  (ChronoOverview    *self,
                                                 double             offset_x);

G_END_DECLS
