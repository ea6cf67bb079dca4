/* chrono-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "chrono-layout.h"
#include "chrono-overview-layout.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ChronoColor;

/* What the renderer needs from a theme. The widget fills it from GTK; exporters and the
 * benchmark take the defaults. */
typedef struct
{
  ChronoColor           foreground;
  ChronoColor           background;
  ChronoColor           accent;
  ChronoColor           grid;
  ChronoColor           label_background;
  gboolean              dark;
  gboolean              high_contrast;
  PangoFontDescription *font;          /* owned by the style; the label font */
  double                scale;         /* device pixels per logical pixel */
} ChronoRenderStyle;

void     chrono_render_style_init_default (ChronoRenderStyle *style,
                                           gboolean           dark);
void     chrono_render_style_copy         (ChronoRenderStyle       *dest,
                                           const ChronoRenderStyle *src);
void     chrono_render_style_clear        (ChronoRenderStyle *style);

typedef struct _ChronoRenderer ChronoRenderer;

/* What the user points at or chose, drawn highlighted. */
typedef struct
{
  ChronoEvent *selected;
  ChronoEvent *hovered;
  guint        hovered_cluster;         /* G_MAXUINT for none */
} ChronoRenderState;

ChronoRenderer *chrono_renderer_new              (PangoContext            *context,
                                                  const ChronoRenderStyle *style);
void            chrono_renderer_free             (ChronoRenderer          *self);
void            chrono_renderer_set_style        (ChronoRenderer          *self,
                                                  const ChronoRenderStyle *style);
const ChronoRenderStyle *chrono_renderer_get_style (ChronoRenderer        *self);
void            chrono_renderer_context_changed  (ChronoRenderer          *self);
/* A ChronoMeasureFunc: pass the renderer as user data. */
void            chrono_renderer_measure          (ChronoTextKind           kind,
                                                  const char              *text,
                                                  double                  *width,
                                                  double                  *height,
                                                  gpointer                 renderer);
void            chrono_renderer_get_category_color (ChronoRenderer        *self,
                                                    ChronoCategory        *category,
                                                    ChronoColor           *color);
void            chrono_renderer_draw             (ChronoRenderer          *self,
                                                  cairo_t                 *cr,
                                                  ChronoLayout            *layout,
                                                  const ChronoRenderState *state);
void            chrono_renderer_get_bitmap_usage (ChronoRenderer          *self,
                                                  guint                   *n_bitmaps,
                                                  gsize                   *bytes);
void            chrono_renderer_draw_overview    (ChronoRenderer             *self,
                                                  cairo_t                    *cr,
                                                  const ChronoOverviewLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoRenderer, chrono_renderer_free)

G_END_DECLS
