/* chrono-autosave.h — unsaved changes, copied aside every few seconds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/chrono-undo-stack.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_AUTOSAVE (chrono_autosave_get_type ())
G_DECLARE_FINAL_TYPE (ChronoAutosave, chrono_autosave, CHRONO, AUTOSAVE, GObject)

/* One document's copy in @directory (by default chrono_autosave_get_default_directory ()):
 * NAME.chronoscope, the timeline in the native format, and NAME.autosave, a key file
 * that says which file it is a copy of, its title and when it was written. While the
 * watched undo stack says the timeline is modified, the copy is written “delay”
 * milliseconds after a change; when it is no longer modified (saved, or undone back to
 * the saved state) the copy is deleted at once. So whatever is found there at start-up is work
 * that a crash or a kill left unsaved. */
ChronoAutosave *chrono_autosave_new                   (GFile           *directory);
GFile          *chrono_autosave_get_default_directory (void);

/* Follows @stack's timeline from now on. An orphan (below) that is watched is kept up to
 * date under its own name, so a recovery that is not saved is offered again. */
void            chrono_autosave_watch                 (ChronoAutosave  *self,
                                                       ChronoUndoStack *stack);
/* The file the timeline belongs to; NULL for an untitled one. */
GFile          *chrono_autosave_get_document          (ChronoAutosave  *self);
void            chrono_autosave_set_document          (ChronoAutosave  *self,
                                                       GFile           *document);
guint           chrono_autosave_get_delay             (ChronoAutosave  *self);
void            chrono_autosave_set_delay             (ChronoAutosave  *self,
                                                       guint            delay_ms);
/* Deletes the copy now, e.g. when the user discards the changes. */
void            chrono_autosave_discard               (ChronoAutosave  *self);

/* The copies in @directory that no running Chronoscope is keeping, newest first, as
 * ChronoAutosave objects (not watching anything) with their document, title and time. */
GPtrArray      *chrono_autosave_find_orphans          (GFile           *directory);
const char     *chrono_autosave_get_title             (ChronoAutosave  *self);
GDateTime      *chrono_autosave_get_time              (ChronoAutosave  *self);
ChronoTimeline *chrono_autosave_load                  (ChronoAutosave  *self,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

G_END_DECLS
