/* chrono-timelinejs-writer.h — TimelineJS's JSON and its spreadsheet template as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* The JSON that Knight Lab's TimelineJS reads: a title slide, one slide per event
 * (its category as the “group”, its text as HTML with quotes in <blockquote>), and
 * the eras. Years are written as TimelineJS shows them (500 BC is -500). */
GBytes *chrono_timeline_write_timelinejs (ChronoTimeline *timeline);

/* The same in TimelineJS's spreadsheet template (CSV, RFC 4180, CRLF line ends), for
 * Google Sheets or chrono_timeline_read_csv_bytes(). */
GBytes *chrono_timeline_write_csv        (ChronoTimeline *timeline);

typedef enum
{
  CHRONO_TIMELINEJS_JSON,
  CHRONO_TIMELINEJS_SPREADSHEET,
} ChronoTimelineJSFormat;

/* Writes the timeline in @native, as a ChronoNativeWriter wrote it out, to @file as one
 * of the above, replacing the file whole or not at all; reading @native, writing and the
 * disk are a worker thread's. */
void     chrono_timelinejs_export_async  (GBytes                 *native,
                                          ChronoTimelineJSFormat  format,
                                          GFile                  *file,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean chrono_timelinejs_export_finish (GAsyncResult           *result,
                                          GError                **error);

G_END_DECLS
