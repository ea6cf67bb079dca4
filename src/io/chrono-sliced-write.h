/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/chrono-undo-stack.h"

G_BEGIN_DECLS

/* The most events one slice writes; fewer when its few milliseconds run out first. */
#define CHRONO_SLICED_WRITE_SLICE_EVENTS 4096

/* Writes out the timeline of @stack as chrono_timeline_write_native() does, a slice of a
 * few milliseconds at a time in callbacks of @priority on this thread's main context, so
 * that a large timeline is written without holding the main loop. An edit meanwhile
 * starts it again @restart_delay_ms later, with the edit; after two such restarts it is
 * written at once, so that edits that keep coming cannot hold it off. Cancelling
 * @cancellable stops it before its next slice, with G_IO_ERROR_CANCELLED. */
void    chrono_sliced_write_async  (ChronoUndoStack      *stack,
                                    int                   priority,
                                    guint                 restart_delay_ms,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* The timeline as it was at @generation of the undo stack (may be NULL). */
GBytes *chrono_sliced_write_finish (GAsyncResult         *result,
                                    guint64              *generation,
                                    GError              **error);

G_END_DECLS
