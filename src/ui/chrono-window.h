/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "chrono-application.h"
#include "model/chrono-event-filter.h"
#include "model/chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_WINDOW (chrono_window_get_type ())
G_DECLARE_FINAL_TYPE (ChronoWindow, chrono_window, CHRONO, WINDOW, AdwApplicationWindow)

ChronoWindow       *chrono_window_new              (ChronoApplication *application);
ChronoTimeline     *chrono_window_get_timeline     (ChronoWindow      *self);
void                chrono_window_set_timeline     (ChronoWindow      *self,
                                                    ChronoTimeline    *timeline);
void                chrono_window_open_file        (ChronoWindow      *self,
                                                    GFile             *file);
gboolean            chrono_window_is_loading       (ChronoWindow      *self);
GtkSingleSelection *chrono_window_get_selection    (ChronoWindow      *self);
ChronoEventFilter  *chrono_window_get_event_filter (ChronoWindow      *self);
ChronoEvent        *chrono_window_get_selected_event (ChronoWindow    *self);
void                chrono_window_select_event     (ChronoWindow      *self,
                                                    ChronoEvent       *event);
guint               chrono_window_find_position    (ChronoWindow      *self,
                                                    ChronoEvent       *event);
void                chrono_window_add_toast        (ChronoWindow      *self,
                                                    AdwToast          *toast);

G_END_DECLS
