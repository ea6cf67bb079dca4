/* chrono-session-private.h — what the parts of ChronoSession share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-session.h"

G_BEGIN_DECLS

struct _ChronoSession
{
  GObject             parent_instance;

  ChronoTimeline     *timeline;
  GFile              *file;
  gboolean            builtin;
  ChronoEventFilter  *filter;
  ChronoEventIndex   *events;
  GtkSingleSelection *selection;
  ChronoViewport     *viewport;
  ChronoUndoStack    *undo_stack;         /* the edits to this timeline */

  GCancellable       *cancellable;        /* every load, until the session goes */
  GCancellable       *file_cancellable;   /* the file being opened, for Cancel */
  GFile              *opening_file;
  gboolean            waiting_for_save;   /* before opening_file can be read */
  double              progress;
  guint               load_serial;
  guint               applied_serial;
  guint               pending_loads;

  ChronoAutosave     *autosave;           /* the copy kept for a crash */
  GQueue              saves;              /* the saves under way, in the order asked */

  /* Through an edit, the event selected before it (see begin_edit_cb). */
  GSignalGroup       *timeline_signals;
  GSignalGroup       *timeline_events_signals;
  gboolean            editing;
  ChronoEvent        *edited_selection;
  guint               end_edit_id;
};

/* chrono-session.c */
void _chrono_session_selected_item_cb (ChronoSession  *self);
/* Shows @timeline, which came from @file (NULL: none), with a new undo stack. */
void _chrono_session_apply_timeline   (ChronoSession  *self,
                                       ChronoTimeline *timeline,
                                       GFile          *file,
                                       gboolean        builtin);

/* chrono-session-edit.c: keeping the selected event through an edit */
void _chrono_session_init_edits       (ChronoSession  *self);
void _chrono_session_dispose_edits    (ChronoSession  *self);
/* Before the list of events watches @timeline (NULL: none). */
void _chrono_session_watch_edits      (ChronoSession  *self,
                                       ChronoTimeline *timeline);
/* The viewport's document span becomes the timeline's, so that panning, zooming out
 * and the overview reach every event; FALSE, and left as it was, without events. */
gboolean _chrono_session_fit_document_span (ChronoSession *self);

/* chrono-session-writing.c: the files that saves of this process are writing. A save
 * begins writing its file when it is asked for and ends when it is done, well or not;
 * the beginning gives the file's identity, which the end takes. */
char    *_chrono_session_writing_begin (GFile          *file);
void     _chrono_session_writing_end   (const char     *identity);
/* Calls @then (@data) once no save is writing @file, by whatever name the save was
 * given it (a link, say): at once when none is, and from an idle if @cancellable (not
 * cancelled yet) is cancelled before. Whether it waits: FALSE when @then has been
 * called already. */
gboolean _chrono_session_writing_wait (GFile          *file,
                                       GCancellable   *cancellable,
                                       void          (*then) (gpointer data),
                                       gpointer        data);

G_END_DECLS
