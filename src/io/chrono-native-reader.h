/* chrono-native-reader.h — the native XML format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chrono-timeline-reader.h"

G_BEGIN_DECLS

/* Parses the native XML format (see help/C/file-format.page). @display_name names the
 * file in error messages, which read "NAME:LINE:COLUMN: sentence". Returns a sealed
 * timeline. Translatable fields go through g_dgettext() when the root element names a
 * gettext domain. */
ChronoTimeline *chrono_timeline_read_native_bytes (GBytes        *bytes,
                                                   const char    *display_name,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

G_END_DECLS
