/* chrono-timeline-reader-private.h — what the loader needs of each format's reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chrono-timeline-reader.h"

G_BEGIN_DECLS

/* Reads one format. Checks the limits of chrono-input-limits.h itself, since it is also
 * called directly; may call @progress now and then from the calling thread. May return
 * the timeline unsealed (the native reader does), for the loader to seal once it has
 * let go of the bytes. */
typedef ChronoTimeline *(*ChronoFormatReadFunc) (GBytes                  *bytes,
                                                 const char              *display_name,
                                                 ChronoLoadProgressFunc   progress,
                                                 gpointer                 progress_data,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);

ChronoTimeline *_chrono_read_native     (GBytes                  *bytes,
                                         const char              *display_name,
                                         ChronoLoadProgressFunc   progress,
                                         gpointer                 progress_data,
                                         GCancellable            *cancellable,
                                         GError                 **error);
/* For tests: whether the native reader reads the second half of any <events> in a
 * second thread, however short, on any GLib and with one processor. */
void            _chrono_native_reader_always_split (gboolean split);
/* How many times, so far, the reader took the second half a second thread read. */
guint           _chrono_native_reader_n_halves_taken (void);
/* For tests: whether the reader makes the second thread's events for it, while it
 * reads, on any GLib (it does on GLib before 2.76). */
void            _chrono_native_reader_always_make_ahead (gboolean make_ahead);
/* How many of the events in the halves taken so far were made ahead. */
guint           _chrono_native_reader_n_made_ahead_taken (void);
/* For tests: whether the TimelineJS reader reads every document whole, never one
 * event at a time. */
void            _chrono_timelinejs_reader_read_whole (gboolean whole);
/* How many TimelineJS documents were read, or refused for a syntax mistake, one event
 * at a time so far. */
guint           _chrono_timelinejs_reader_n_read_by_event (void);
/* The error for an id that the seal found on more than one event of a timeline that
 * _chrono_read_native() read from @bytes, which are read again to say where; @bytes
 * may be NULL when they could not be had again. */
void            _chrono_native_report_repeated_id (GBytes                 *bytes,
                                                   const char             *display_name,
                                                   const char             *id,
                                                   ChronoLoadProgressFunc  progress,
                                                   gpointer                progress_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
/* If a load of @file was started ahead and not taken over yet: takes it over, with
 * the arguments of chrono_timeline_load_with_progress_async(), and returns TRUE. */
gboolean        _chrono_timeline_take_load_ahead (GFile                  *file,
                                                  ChronoLoadProgressFunc  progress,
                                                  gpointer                progress_data,
                                                  GDestroyNotify          progress_destroy,
                                                  GCancellable           *cancellable,
                                                  GAsyncReadyCallback     callback,
                                                  gpointer                user_data);
/* How many loads started ahead were taken over so far. */
guint           _chrono_timeline_n_loads_ahead_taken (void);
/* Whether a load started ahead, and not taken over yet, has ended. */
gboolean        _chrono_timeline_load_ahead_is_done (void);
ChronoTimeline *_chrono_read_timelinejs (GBytes                  *bytes,
                                         const char              *display_name,
                                         ChronoLoadProgressFunc   progress,
                                         gpointer                 progress_data,
                                         GCancellable            *cancellable,
                                         GError                 **error);

ChronoTimeline *_chrono_read_thetimelineproj (GBytes                  *bytes,
                                              const char              *display_name,
                                              ChronoLoadProgressFunc   progress,
                                              gpointer                 progress_data,
                                              GCancellable            *cancellable,
                                              GError                 **error);
ChronoTimeline *_chrono_read_csv        (GBytes                  *bytes,
                                         const char              *display_name,
                                         ChronoLoadProgressFunc   progress,
                                         gpointer                 progress_data,
                                         GCancellable            *cancellable,
                                         GError                 **error);

G_END_DECLS
