/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* Reads the JSON of Knight Lab's TimelineJS (“title”, “events”, “eras”) into a sealed
 * timeline. Each “group” becomes a category. Errors are in CHRONO_READER_ERROR and
 * name the file and the line or JSON path: “NAME:LINE:COLUMN: …” or “NAME: $.events[3]: …”. */
ChronoTimeline *chrono_timeline_read_timelinejs_bytes (GBytes        *bytes,
                                                       const char    *display_name,
                                                       GCancellable  *cancellable,
                                                       GError       **error);

G_END_DECLS
