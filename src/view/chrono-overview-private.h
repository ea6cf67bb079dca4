/* chrono-overview-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-overview.h"
#include "chrono-overview-layout.h"

G_BEGIN_DECLS

/* The layout of the last frame, kept while only the visible span changes; NULL until
 * the next frame once something else has. For tests. */
ChronoOverviewLayout *_chrono_overview_get_layout (ChronoOverview *self);

G_END_DECLS
