/* bench-edit.h — chronoscope-bench's edit figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

typedef void (*BenchReportFunc) (const char *name,
                                 guint       n,
                                 GArray     *samples_ms,
                                 double      rss_mib);

/* Prints the edit-* figures of @timeline, @n_samples edits each; leaves its events as
 * they were, one in 50 with a quote more. */
void bench_edit (ChronoTimeline  *timeline,
                 guint            n_samples,
                 BenchReportFunc  report);

G_END_DECLS
