/* chrono-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/chrono-event-filter.h"
#include "model/chrono-event-index.h"
#include "io/chrono-autosave.h"
#include "io/chrono-timelinejs-writer.h"
#include "model/chrono-timeline.h"
#include "model/chrono-undo-stack.h"
#include "view/chrono-viewport.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_SESSION (chrono_session_get_type ())
G_DECLARE_FINAL_TYPE (ChronoSession, chrono_session, CHRONO, SESSION, GObject)

/* What one window shows, in one object that every view and pane follows: the timeline
 * and the file it came from, the filter, the filtered events, the one selection, the
 * visible span and the loading state. */
ChronoSession      *chrono_session_new                (void);
ChronoTimeline     *chrono_session_get_timeline       (ChronoSession  *self);
/* Shows @timeline at once; a load still running for an earlier request is ignored. */
void                chrono_session_set_timeline       (ChronoSession  *self,
                                                       ChronoTimeline *timeline);
GFile              *chrono_session_get_file           (ChronoSession  *self);
gboolean            chrono_session_get_builtin        (ChronoSession  *self);
ChronoEventFilter  *chrono_session_get_filter         (ChronoSession  *self);
ChronoEventIndex   *chrono_session_get_events         (ChronoSession  *self);
GtkSingleSelection *chrono_session_get_selection      (ChronoSession  *self);
ChronoEvent        *chrono_session_get_selected_event (ChronoSession  *self);
/* Selects @event when the filter lets it through; otherwise selects nothing. */
void                chrono_session_select_event       (ChronoSession  *self,
                                                       ChronoEvent    *event);
ChronoViewport     *chrono_session_get_viewport       (ChronoSession  *self);
gboolean            chrono_session_get_modified       (ChronoSession  *self);
/* The edits made to the timeline shown, for undo and redo; a new one with each
 * timeline, NULL while there is none. */
ChronoUndoStack    *chrono_session_get_undo_stack     (ChronoSession  *self);
gboolean            chrono_session_push_edit          (ChronoSession  *self,
                                                       ChronoEdit     *edit);

/* Editing. The built-in timeline is read-only. While there are unsaved changes, a copy
 * is kept for a crash (ChronoAutosave). */
gboolean            chrono_session_get_read_only      (ChronoSession  *self);
/* Whether Save can write the file it came from: a native file, not the built-in one. */
gboolean            chrono_session_get_can_save_in_place (ChronoSession *self);
void                chrono_session_undo               (ChronoSession  *self);
void                chrono_session_redo               (ChronoSession  *self);
/* An empty, untitled timeline in the user's language. */
void                chrono_session_new_timeline       (ChronoSession  *self);
/* Shows what @orphan kept of a crashed session, modified, to be saved to its file. */
gboolean            chrono_session_recover            (ChronoSession  *self,
                                                       ChronoAutosave *orphan,
                                                       GError        **error);
/* Saves to @file in the native format; afterwards the session shows that file, unless
 * it shows another timeline by then (the one asked for is saved all the same). Saves go
 * to the disk in the order they were asked. */
void                chrono_session_save_async         (ChronoSession       *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            chrono_session_save_finish        (ChronoSession       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* Writes the whole timeline to @file for TimelineJS, as it is now: written out a slice
 * at a time on the main loop as Save does, then converted and written by a worker. The
 * session's file and modified state stay as they are. */
void                chrono_session_export_async       (ChronoSession          *self,
                                                       ChronoTimelineJSFormat  format,
                                                       GFile                  *file,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean            chrono_session_export_finish      (ChronoSession       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* The file's name, or the timeline's title, or “Untitled Timeline”. */
char               *chrono_session_dup_display_name   (ChronoSession  *self);
char               *chrono_session_dup_untitled_name  (ChronoSession  *self);

/* Loads @file off the main thread and then shows it; until then the timeline shown
 * stays. The built-in timeline loads without progress and cannot be cancelled; any
 * other file reports "progress" and replaces a file still opening. A file that a save
 * of this process (in any session) is still writing is read once the saves of it are
 * done, so that it shows what they wrote. A failure emits "load-failed" with the file
 * and the reader's error. */
void                chrono_session_load               (ChronoSession  *self,
                                                       GFile          *file,
                                                       gboolean        builtin);
void                chrono_session_cancel_load        (ChronoSession  *self);
gboolean            chrono_session_get_loading        (ChronoSession  *self);
/* The file being opened with progress (not the built-in timeline), or NULL. */
GFile              *chrono_session_get_opening_file   (ChronoSession  *self);
/* Whether the file being opened waits for a save of it to be done, which may take
 * long (a slow or stuck disk); Cancel stops the wait. */
gboolean            chrono_session_get_waiting_for_save (ChronoSession *self);
double              chrono_session_get_progress       (ChronoSession  *self);

G_END_DECLS
