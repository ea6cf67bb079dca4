/* chrono-timelinejs-reader.c — TimelineJS JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chrono-timeline-reader.h"
#include "chrono-timelinejs-reader.h"

ChronoTimeline *
chrono_timeline_read_timelinejs_bytes (GBytes        *bytes,
                                       const char    *display_name,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
               _("%s: TimelineJS files cannot be read yet"), display_name);
  return NULL;
}
