/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_TIMELINE_EDITOR (chrono_timeline_editor_get_type ())
G_DECLARE_FINAL_TYPE (ChronoTimelineEditor, chrono_timeline_editor, CHRONO, TIMELINE_EDITOR, AdwWindow)

/* A window to change the title and the description of @timeline, those shown in the
 * header bar. "done" asks the owner to take the edit it builds; Cancel closes it. */
ChronoTimelineEditor *chrono_timeline_editor_new        (GtkWindow            *parent,
                                                         ChronoTimeline       *timeline,
                                                         const char           *untitled_name);
/* The edit that makes the timeline what the form says, as one step; NULL when nothing
 * changed. */
ChronoEdit           *chrono_timeline_editor_build_edit (ChronoTimelineEditor *self);

G_END_DECLS
