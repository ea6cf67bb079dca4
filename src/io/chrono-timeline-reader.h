/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_READER_ERROR (chrono_reader_error_quark ())

typedef enum
{
  CHRONO_READER_ERROR_SYNTAX,      /* not well-formed, invalid UTF-8 */
  CHRONO_READER_ERROR_INVALID,     /* well-formed but wrong: missing or bad field */
  CHRONO_READER_ERROR_VERSION,     /* written by a newer Chronoscope */
  CHRONO_READER_ERROR_TOO_LARGE,
  CHRONO_READER_ERROR_UNKNOWN_FORMAT,
} ChronoReaderError;

GQuark          chrono_reader_error_quark          (void);

/* Detects the format (native XML or TimelineJS JSON) from the content and reads it with
 * that format's reader (chrono-native-reader.h, chrono-timelinejs-reader.h). */
ChronoTimeline *chrono_timeline_read_bytes         (GBytes        *bytes,
                                                    const char    *display_name,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

/* Detects the format (native XML or TimelineJS JSON) and loads @file off the main thread. */
void            chrono_timeline_load_async         (GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ChronoTimeline *chrono_timeline_load_finish        (GAsyncResult        *result,
                                                    GError             **error);
/* The fraction of the file read so far, from 0 to 1. */
typedef void  (*ChronoLoadProgressFunc)            (double               fraction,
                                                    gpointer             user_data);

/* Like chrono_timeline_load_async(), and calls @progress now and then (at most once per
 * percent, and with 1 just before @callback on success) in the thread-default main
 * context of the caller, where @progress_destroy runs too. Finish with
 * chrono_timeline_load_finish(). */
void            chrono_timeline_load_with_progress_async (GFile                  *file,
                                                          ChronoLoadProgressFunc  progress,
                                                          gpointer                progress_data,
                                                          GDestroyNotify          progress_destroy,
                                                          GCancellable           *cancellable,
                                                          GAsyncReadyCallback     callback,
                                                          gpointer                user_data);

/* Starts loading @file now, for a load of it soon to be asked for: the next
 * chrono_timeline_load_with_progress_async() (or chrono_timeline_load_async()) of the
 * same file takes it over, progress reports included, instead of loading it again. One
 * at a time: a load started ahead before is dropped. */
void            chrono_timeline_load_ahead         (GFile               *file);
/* Cancels a load started ahead that nothing has taken over, and forgets it. */
void            chrono_timeline_drop_load_ahead    (void);

/* The same, synchronously: for `chronoscope --check` and tests. Errors name the file
 * by its base name. Missing files, folders, devices and files over 512 MiB are refused
 * before anything is read. */
ChronoTimeline *chrono_timeline_load               (GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
/* The same, with the name to use in error messages (e.g. the path as the user typed it). */
ChronoTimeline *chrono_timeline_load_named         (GFile               *file,
                                                    const char          *display_name,
                                                    GCancellable        *cancellable,
                                                    GError             **error);

G_END_DECLS
