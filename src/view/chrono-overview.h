/* chrono-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ui/chrono-session.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_OVERVIEW (chrono_overview_get_type ())

G_DECLARE_FINAL_TYPE (ChronoOverview, chrono_overview, CHRONO, OVERVIEW, GtkWidget)

GtkWidget         *chrono_overview_new          (void);
ChronoSession     *chrono_overview_get_session  (ChronoOverview    *self);
void               chrono_overview_set_session  (ChronoOverview    *self,
                                                 ChronoSession     *session);
gboolean           chrono_overview_get_lanes    (ChronoOverview    *self);
void               chrono_overview_set_lanes    (ChronoOverview    *self,
                                                 gboolean           lanes);
guint              chrono_overview_get_max_lanes (ChronoOverview   *self);
void               chrono_overview_set_max_lanes (ChronoOverview   *self,
                                                  guint             max_lanes);
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
