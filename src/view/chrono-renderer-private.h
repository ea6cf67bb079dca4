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

/* Shared by the renderer's files (chrono-renderer.c). */
void   _chrono_renderer_set_color     (cairo_t                 *cr,
                                       const ChronoColor       *color,
                                       double                   alpha);
/* Where a line of @width logical pixels must be centred to cover whole device pixels. */
double _chrono_renderer_snap          (ChronoRenderer          *self,
                                       double                   x,
                                       double                   width);
void   _chrono_renderer_rounded_rect  (cairo_t                 *cr,
                                       const ChronoRect        *rect,
                                       double                   radius);
void   _chrono_renderer_show_text     (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoTextKind           kind,
                                       const char              *text,
                                       double                   x,
                                       double                   y,
                                       double                   max_width,
                                       const ChronoColor       *color,
                                       double                   alpha);

/* chrono-renderer-labels.c */
void   _chrono_renderer_draw_stems    (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoLayout            *layout,
                                       const ChronoRenderState *state);
void   _chrono_renderer_draw_forecast (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoLayout            *layout,
                                       const ChronoLayoutLabel *label,
                                       gboolean                 emphasised);
void   _chrono_renderer_draw_labels   (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoLayout            *layout,
                                       const ChronoRenderState *state);

G_END_DECLS
