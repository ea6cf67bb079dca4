/* chrono-thetimelineproj-reader.h — the .timeline files of The Timeline Project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* Whether @data looks like a file of The Timeline Project: XML whose root is a
 * <timeline> in no namespace, with a <version> first. */
gboolean        chrono_thetimelineproj_sniff       (const char    *data,
                                                    gsize          length);

/* Reads a .timeline file (“gregoriantime” or “numtime”) into a sealed timeline titled
 * after @display_name's base name. Errors are in CHRONO_READER_ERROR and read
 * “NAME:LINE:COLUMN: sentence”. */
ChronoTimeline *chrono_timeline_read_thetimelineproj_bytes (GBytes        *bytes,
                                                            const char    *display_name,
                                                            GCancellable  *cancellable,
                                                            GError       **error);

G_END_DECLS
