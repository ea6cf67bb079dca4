/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* Serialises @timeline to the native XML format. Reading the result back gives an
 * equal timeline (every field, order and id preserved). */
GBytes   *chrono_timeline_write_native (ChronoTimeline *timeline);
gboolean  chrono_timeline_save         (ChronoTimeline *timeline,
                                        GFile          *file,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_END_DECLS
