/* chrono-csv-reader.h — TimelineJS's spreadsheet template, saved as CSV or TSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* Whether the first row of @data names the template's “Year” and “Headline” columns. */
gboolean        chrono_csv_sniff              (const char    *data,
                                               gsize          length);

/* Reads the rows of TimelineJS's spreadsheet template (columns Year, Month, Day, Time,
 * End Year, …, Headline, Text, Media…, Type, Group, Background, named in the first row
 * in any order and case; others ignored), separated by commas, semicolons or tabs,
 * quoted as in RFC 4180. A “title” row titles the timeline, “era” rows are eras.
 * Errors are in CHRONO_READER_ERROR and read “NAME: row R, column C (“Header”): …”. */
ChronoTimeline *chrono_timeline_read_csv_bytes (GBytes        *bytes,
                                                const char    *display_name,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_END_DECLS
