/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "chrono-application.h"
#include "chrono-session.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_WINDOW (chrono_window_get_type ())
G_DECLARE_FINAL_TYPE (ChronoWindow, chrono_window, CHRONO, WINDOW, AdwApplicationWindow)

ChronoWindow  *chrono_window_new          (ChronoApplication *application);
/* What the window shows: its timeline, filter, selection and visible span. */
ChronoSession *chrono_window_get_session  (ChronoWindow      *self);
/* Shows @timeline at once, as if the saved state had been restored. */
void           chrono_window_set_timeline (ChronoWindow      *self,
                                           ChronoTimeline    *timeline);
void           chrono_window_open_file    (ChronoWindow      *self,
                                           GFile             *file);
/* Opens @files: the first in this window if it shows only the built-in timeline, every
 * other in a new window. */
void           chrono_window_open_files   (ChronoWindow      *self,
                                           GFile            **files,
                                           guint              n_files);
/* Takes ownership of the toast. */
void           chrono_window_add_toast    (ChronoWindow      *self,
                                           AdwToast          *toast);

G_END_DECLS
