/* chrono-renderer-private.h — what the renderer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-renderer.h"

G_BEGIN_DECLS

#define N_TEXT_KINDS (CHRONO_TEXT_OVERVIEW + 1)

struct _ChronoRenderer
{
  PangoContext      *context;
  ChronoRenderStyle  style;
  PangoLayout       *layouts[N_TEXT_KINDS];
  GHashTable        *measured[N_TEXT_KINDS];
  GHashTable        *label_layouts;     /* title → its shaped layout and extents */
};

G_END_DECLS
