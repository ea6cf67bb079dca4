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
  GHashTable        *label_layouts;     /* title → ChronoLabelText */
  GHashTable        *sprites;           /* ChronoSpriteKey → ChronoBitmap */
  gsize              bitmap_bytes;
  gboolean           use_bitmaps;       /* while drawing onto pixels */
  guint              frame;             /* counts the drawings onto pixels, from 1 */
  double             device_x;          /* user space's origin in device space, logical */
  double             device_y;
  double            *ascii_advances;    /* of ' ', 'a'-'z', '0'-'9' in the label font, once needed */
  cairo_font_face_t *ends_face;         /* the rounded ends of boxes, once needed */
};

/* A rounded end of a box whose top left or top right corner is (x, y). */
typedef struct
{
  double   x;
  double   y;
  double   radius;
  double   height;
  gboolean right;
} ChronoBoxEnd;

/* A drawing kept at the style's scale: its top left is (x, y) device pixels from the
 * device pixel the drawing was anchored in, fx, fy eighths of a pixel into it. */
typedef struct
{
  cairo_surface_t *surface;
  int              x;
  int              y;
  guint            fx;
  guint            fy;
} ChronoBitmap;

/* How a title was drawn: the layout's width limit, the place in the pixel, the colour,
 * and what it was drawn on: one opaque colour, or nothing (alpha 0). */
typedef struct
{
  int          width;
  guint        fx;
  guint        fy;
  ChronoColor  color;
  ChronoColor  ground;
} ChronoLabelLook;

/* Where a title stands on one opaque colour, its bitmap can be that colour all round
 * and be copied over what is there, which costs far less than blending it. */
typedef struct
{
  ChronoColor  color;
  ChronoRect   area;              /* logical pixels all of that colour, the title in them */
} ChronoTitleGround;

/* A title, shaped once with no width limit, its bitmap as last made, how and in which
 * frame it was last drawn without one, and the frame it was last measured or drawn in. */
typedef struct
{
  PangoLayout     *layout;
  double           width;
  double           height;
  ChronoBitmap     bitmap;
  ChronoLabelLook  bitmap_look;
  ChronoLabelLook  seen_look;
  guint            seen_frame;
  guint            used_frame;
} ChronoLabelText;

/* A title in the renderer's cache, and its key there. */
typedef struct
{
  const char      *text;
  ChronoLabelText *label;
} ChronoCachedTitle;

typedef enum
{
  CHRONO_SPRITE_MARKER,
  CHRONO_SPRITE_BADGE,
  CHRONO_SPRITE_BADGE_TEXT,
} ChronoSpriteKind;

/* Everything a sprite's drawing depends on besides the style; zeroed, then filled. In
 * an order that leaves no padding, which would be hashed and compared with the rest. */
typedef struct
{
  ChronoColor      color;
  double           width;
  double           height;
  ChronoSpriteKind kind;
  gboolean         emphasised;
  guint            fx;              /* set by _chrono_renderer_draw_sprite */
  guint            fy;
  char             text[16];
} ChronoSpriteKey;

/* Draws something at (x, y); @data is its sprite key or its label text. */
typedef void (*ChronoBitmapFunc) (ChronoRenderer *self,
                                  cairo_t        *cr,
                                  gconstpointer   data,
                                  double          x,
                                  double          y);

/* Shared by the renderer's files (chrono-renderer.c). */
void   _chrono_renderer_set_color     (cairo_t                 *cr,
                                       const ChronoColor       *color,
                                       double                   alpha);
gboolean _chrono_renderer_same_color (const ChronoColor     *a,
                                      const ChronoColor     *b);
/* Where a line of @width logical pixels must be centred to cover whole device pixels. */
double _chrono_renderer_snap          (ChronoRenderer          *self,
                                       double                   x,
                                       double                   width);
/* chrono-renderer-shapes.c */
void   _chrono_renderer_rounded_rect  (cairo_t                 *cr,
                                       const ChronoRect        *rect,
                                       double                   radius);
void   _chrono_renderer_box           (cairo_t                 *cr,
                                       const ChronoRect        *rect,
                                       double                   radius,
                                       gboolean                 round_left,
                                       gboolean                 round_right);
/* chrono-renderer-ends.c */
void   _chrono_renderer_show_ends     (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       const ChronoColor       *color,
                                       ChronoBoxEnd            *ends,
                                       guint                    n_ends);
/* chrono-renderer-text.c */
void   _chrono_renderer_setup_text    (ChronoRenderer          *self);
void   _chrono_renderer_show_title    (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       const char              *text,
                                       double                   x,
                                       double                   y,
                                       double                   height,
                                       double                   max_width,
                                       const ChronoColor       *color,
                                       double                   alpha,
                                       const ChronoTitleGround *ground);
void   _chrono_renderer_show_text     (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoTextKind           kind,
                                       const char              *text,
                                       double                   x,
                                       double                   y,
                                       double                   max_width,
                                       const ChronoColor       *color,
                                       double                   alpha);

/* chrono-renderer-bitmaps.c */
void   _chrono_bitmap_clear           (ChronoBitmap            *bitmap);
void   _chrono_renderer_init_bitmaps  (ChronoRenderer          *self);
void   _chrono_renderer_clear_bitmaps (ChronoRenderer          *self);
void   _chrono_renderer_drop_bitmap   (ChronoRenderer          *self,
                                       ChronoBitmap            *bitmap);
GArray *_chrono_renderer_titles_out_of_view (ChronoRenderer *self);
void   _chrono_renderer_begin_bitmaps (ChronoRenderer          *self,
                                       cairo_t                 *cr);
void   _chrono_renderer_end_bitmaps   (ChronoRenderer          *self);
void   _chrono_renderer_draw_sprite   (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoSpriteKey         *key,
                                       double                   x,
                                       double                   y,
                                       const ChronoRect        *extent,
                                       ChronoBitmapFunc         draw);
gboolean _chrono_renderer_on_device_pixels (ChronoRenderer    *self,
                                           const ChronoRect  *rect);
void   _chrono_renderer_show_label    (ChronoRenderer          *self,
                                       cairo_t                 *cr,
                                       ChronoLabelText         *label,
                                       double                   x,
                                       double                   y,
                                       const ChronoColor       *color,
                                       const ChronoTitleGround *ground);

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
