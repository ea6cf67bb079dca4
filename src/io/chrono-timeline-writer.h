/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_WRITER_ERROR (chrono_writer_error_quark ())

typedef enum
{
  CHRONO_WRITER_ERROR_INVALID,     /* the timeline would not read back */
} ChronoWriterError;

GQuark    chrono_writer_error_quark    (void);

/* Serialises @timeline to the native XML format. Reading the result back gives an
 * equal timeline (every field, order and id preserved). Translated fields are written
 * as the file had them (chrono-file-text.h), never in the user's language. */
GBytes   *chrono_timeline_write_native (ChronoTimeline *timeline);

/* The same, a little at a time, so that a large timeline is written without holding the
 * main loop: each step writes at most @max_events events (at least one, while any are
 * left), and stops sooner once the monotonic time passes @deadline, looking at the clock
 * every few events; it returns TRUE when every event is written. @max_events must be at
 * least 1: 0 is refused with a critical and returns TRUE, so that no loop over steps
 * goes on for ever (finishing then writes the rest). The timeline must not change
 * between steps (a changed timeline means a new writer). Finishing writes what is left
 * and frees the writer. */
typedef struct _ChronoNativeWriter ChronoNativeWriter;

ChronoNativeWriter *chrono_native_writer_new    (ChronoTimeline     *timeline);
gboolean            chrono_native_writer_step   (ChronoNativeWriter *writer,
                                                 guint               max_events,
                                                 gint64              deadline);
GBytes             *chrono_native_writer_finish (ChronoNativeWriter *writer);
void                chrono_native_writer_free   (ChronoNativeWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoNativeWriter, chrono_native_writer_free)

/* Saves @timeline to @file in the native format. It is first read back, and not saved
 * when that fails (CHRONO_WRITER_ERROR_INVALID, naming the reason). The file is then
 * replaced whole or not at all (chrono-atomic-file.h), and what it held before is kept
 * as “NAME~”. */
gboolean  chrono_timeline_save         (ChronoTimeline *timeline,
                                        GFile          *file,
                                        GCancellable   *cancellable,
                                        GError        **error);
/* The same for @bytes, a timeline a ChronoNativeWriter wrote out; reading them back
 * and the disk are a worker thread's. */
void      chrono_timeline_save_bytes_async (GBytes              *bytes,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* The same, @timeline serialised before this returns, so it may be edited again at once. */
void      chrono_timeline_save_async   (ChronoTimeline      *timeline,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  chrono_timeline_save_finish  (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
