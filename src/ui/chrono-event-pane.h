/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT_PANE (chrono_event_pane_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEventPane, chrono_event_pane, CHRONO, EVENT_PANE, GtkWidget)

ChronoEvent    *chrono_event_pane_get_event    (ChronoEventPane *self);
void            chrono_event_pane_set_event    (ChronoEventPane *self,
                                                ChronoEvent     *event);
ChronoTimeline *chrono_event_pane_get_timeline (ChronoEventPane *self);
void            chrono_event_pane_set_timeline (ChronoEventPane *self,
                                                ChronoTimeline  *timeline);

G_END_DECLS
