/* chrono-renderer-bitmaps.c — what comes back frame after frame, drawn once as a bitmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A title, a marker or a cluster's badge costs cairo and Pango far more to draw than to
 * copy: on screen each is drawn once into a bitmap at the device scale, and copied from
 * then on. A title, which a frame shows once, gets its bitmap only when a later frame
 * draws it the same way: the frame it first appears in draws it directly, which keeps a
 * first frame, where every title is new, as cheap as drawing them all was, and a title
 * moving by a fraction of a pixel from frame to frame from being drawn into a new bitmap
 * each time. Markers and badges, of which many items share one, get theirs at once.
 * A bitmap starts where the drawing starts within its device pixel (to an eighth
 * of a pixel), so that the copy covers the same pixels as the drawing would. A title
 * that stands on its box's colour alone is drawn on that colour, and copied in place of
 * what is there, not blended over it, which takes cairo a fraction of the time. Vector
 * output (PDF, SVG) is drawn as it always was.
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chrono-renderer-private.h"

/* All the bitmaps together; past this they are all dropped, and drawn again as needed. */
#define BITMAP_BUDGET (16 * 1024 * 1024)
/* Far outside any surface: drawn directly. */
#define MAX_DEVICE_COORDINATE 1e6

void
_chrono_bitmap_clear (ChronoBitmap *bitmap)
{
  g_clear_pointer (&bitmap->surface, cairo_surface_destroy);
}

static void
sprite_free (gpointer data)
{
  ChronoBitmap *bitmap = data;

  _chrono_bitmap_clear (bitmap);
  g_free (bitmap);
}

/* A key has no padding and is zeroed before it is filled: its words are hashed whole. */
G_STATIC_ASSERT (sizeof (ChronoSpriteKey) == sizeof (ChronoColor) + 2 * sizeof (double) +
                 sizeof (ChronoSpriteKind) + sizeof (gboolean) + 2 * sizeof (guint) + 16);
G_STATIC_ASSERT (sizeof (ChronoSpriteKey) % sizeof (guint64) == 0);

static guint
sprite_key_hash (gconstpointer data)
{
  guint64 hash = 0;

  for (gsize i = 0; i < sizeof (ChronoSpriteKey) / sizeof (guint64); i++)
    {
      guint64 word;

      memcpy (&word, (const char *) data + i * sizeof word, sizeof word);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0x100000001b3);
      hash ^= hash >> 29;
    }

  return (guint) (hash ^ (hash >> 32));
}

static gboolean
sprite_key_equal (gconstpointer a,
                  gconstpointer b)
{
  return memcmp (a, b, sizeof (ChronoSpriteKey)) == 0;
}

void
_chrono_renderer_init_bitmaps (ChronoRenderer *self)
{
  self->sprites = g_hash_table_new_full (sprite_key_hash, sprite_key_equal, g_free, sprite_free);
}

void
_chrono_renderer_clear_bitmaps (ChronoRenderer *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_remove_all (self->sprites);
  if (self->label_layouts != NULL)
    {
      g_hash_table_iter_init (&iter, self->label_layouts);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          ChronoLabelText *label = value;

          _chrono_bitmap_clear (&label->bitmap);
          label->seen_frame = 0;
        }
    }
  self->bitmap_bytes = 0;
}

static gsize
bitmap_size (const ChronoBitmap *bitmap)
{
  if (bitmap->surface == NULL)
    return 0;

  return (gsize) cairo_image_surface_get_stride (bitmap->surface) * cairo_image_surface_get_height (bitmap->surface);
}

/* Frees @bitmap's pixels and takes them off what the renderer keeps. */
void
_chrono_renderer_drop_bitmap (ChronoRenderer *self,
                              ChronoBitmap   *bitmap)
{
  self->bitmap_bytes -= MIN (self->bitmap_bytes, bitmap_size (bitmap));
  _chrono_bitmap_clear (bitmap);
}

static int
compare_use (gconstpointer a,
             gconstpointer b)
{
  guint frame_a = ((const ChronoCachedTitle *) a)->label->used_frame;
  guint frame_b = ((const ChronoCachedTitle *) b)->label->used_frame;

  return (frame_a > frame_b) - (frame_a < frame_b);
}

/* The titles the view is not showing, those not measured or drawn in this frame or the
 * one before, the one used longest ago first. */
GArray *
_chrono_renderer_titles_out_of_view (ChronoRenderer *self)
{
  GArray *titles = g_array_new (FALSE, FALSE, sizeof (ChronoCachedTitle));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->label_layouts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ChronoCachedTitle title = { key, value };

      if (title.label->used_frame + 1 < self->frame)
        g_array_append_val (titles, title);
    }
  g_array_sort (titles, compare_use);

  return titles;
}

/* Over the budget, bitmaps of titles out of view go, those used longest ago first, until
 * an eighth of it is free, then if need be the sprites (markers and badges, quickly made,
 * but a badge's count changes as the view pans, so they pile up): the frames after need
 * not make again all that the view shows, and none spends long freeing. Everything goes
 * only when the view fills it. */
static void
trim_bitmaps (ChronoRenderer *self)
{
  const gsize enough = BITMAP_BUDGET - BITMAP_BUDGET / 8;
  g_autoptr(GArray) titles = _chrono_renderer_titles_out_of_view (self);
  GHashTableIter iter;
  gpointer value;
  guint n_dropped = 0;

  for (guint i = 0; i < titles->len && self->bitmap_bytes > enough; i++)
    {
      ChronoLabelText *label = g_array_index (titles, ChronoCachedTitle, i).label;

      if (label->bitmap.surface == NULL)
        continue;
      _chrono_renderer_drop_bitmap (self, &label->bitmap);
      label->seen_frame = 0;
      n_dropped++;
    }
  g_debug ("Bitmaps full: %u of titles out of view dropped", n_dropped);

  if (self->bitmap_bytes > enough)
    {
      g_debug ("Bitmaps full: %u sprites dropped", g_hash_table_size (self->sprites));
      g_hash_table_remove_all (self->sprites);
      self->bitmap_bytes = 0;
      g_hash_table_iter_init (&iter, self->label_layouts);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        self->bitmap_bytes += bitmap_size (&((ChronoLabelText *) value)->bitmap);
    }

  if (self->bitmap_bytes > enough)
    _chrono_renderer_clear_bitmaps (self);
}

/* Bitmaps go where pixels are made from them: an image, or the recording a widget's
 * snapshot is, which is played back onto one; at a scale the style knows, a whole one
 * (a fractional scale's device pixels need not start on a logical pixel, and a bitmap
 * off the device grid would be resampled, its text soft), and only when user space is
 * device space moved. */
void
_chrono_renderer_begin_bitmaps (ChronoRenderer *self,
                                cairo_t        *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  self->use_bitmaps = (type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING) &&
                      self->style.scale == floor (self->style.scale) &&
                      matrix.xx == 1 && matrix.yy == 1 && matrix.xy == 0 && matrix.yx == 0;
  self->device_x = matrix.x0;
  self->device_y = matrix.y0;
  self->frame++;
}

void
_chrono_renderer_end_bitmaps (ChronoRenderer *self)
{
  self->use_bitmaps = FALSE;
}

/* The device pixel of (@x, @y) and where in it the point is, in eighths. */
static gboolean
device_pixel (ChronoRenderer *self,
              double          x,
              double          y,
              int            *ix,
              int            *iy,
              guint          *fx,
              guint          *fy)
{
  double dx = (x + self->device_x) * self->style.scale;
  double dy = (y + self->device_y) * self->style.scale;
  double eighths_x, eighths_y;

  if (!(fabs (dx) < MAX_DEVICE_COORDINATE && fabs (dy) < MAX_DEVICE_COORDINATE))
    return FALSE;

  *ix = (int) floor (dx);
  *iy = (int) floor (dy);
  eighths_x = round ((dx - *ix) * 8);
  eighths_y = round ((dy - *iy) * 8);
  if (eighths_x >= 8)
    {
      eighths_x = 0;
      (*ix)++;
    }
  if (eighths_y >= 8)
    {
      eighths_y = 0;
      (*iy)++;
    }
  *fx = (guint) eighths_x;
  *fy = (guint) eighths_y;

  return TRUE;
}

/* The device pixels, from the one a drawing is anchored in, of a bitmap of what covers
 * @extent around its anchor: a pixel more all round for antialiasing, and one more right
 * and down for the anchor's place in its pixel. */
static cairo_rectangle_int_t
bitmap_bounds (double            scale,
               const ChronoRect *extent)
{
  int x0 = (int) floor (extent->x * scale) - 1;
  int y0 = (int) floor (extent->y * scale) - 1;
  int x1 = (int) ceil ((extent->x + extent->width) * scale) + 2;
  int y1 = (int) ceil ((extent->y + extent->height) * scale) + 2;

  return (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
}

/* Draws @draw into a new bitmap of @format covering @bounds (device pixels from the
 * one the point it draws at is in), with that point @fx, @fy eighths into its pixel. */
static void
render_bitmap (ChronoRenderer              *self,
               cairo_t                     *target,
               ChronoBitmap                *bitmap,
               cairo_format_t               format,
               const cairo_rectangle_int_t *bounds,
               guint                        fx,
               guint                        fy,
               ChronoBitmapFunc             draw,
               gconstpointer                data)
{
  double scale = self->style.scale;
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_t *cr;

  _chrono_renderer_drop_bitmap (self, bitmap);
  bitmap->surface = cairo_image_surface_create (format, bounds->width, bounds->height);
  cairo_surface_set_device_scale (bitmap->surface, scale, scale);
  bitmap->x = bounds->x;
  bitmap->y = bounds->y;
  bitmap->fx = fx;
  bitmap->fy = fy;
  self->bitmap_bytes += bitmap_size (bitmap);

  /* Glyphs as the target would have them. */
  cr = cairo_create (bitmap->surface);
  cairo_surface_get_font_options (cairo_get_target (target), options);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  draw (self, cr, data, (fx / 8.0 - bounds->x) / scale, (fy / 8.0 - bounds->y) / scale);
  cairo_destroy (cr);
}

/* Copies @bitmap, anchored in device pixel (@ix, @iy), over what is there: blended, or,
 * when it has no alpha, in place of it. A paint touches only the bitmap's own pixels,
 * and costs cairo less than a fill of its rectangle, with no path to make and look at. */
static void
paint_bitmap (ChronoRenderer     *self,
              cairo_t            *cr,
              const ChronoBitmap *bitmap,
              int                 ix,
              int                 iy)
{
  double scale = self->style.scale;

  cairo_set_source_surface (cr, bitmap->surface, (ix + bitmap->x) / scale - self->device_x,
                            (iy + bitmap->y) / scale - self->device_y);
  cairo_paint (cr);
}

/**
 * _chrono_renderer_draw_sprite:
 * @key: what @draw draws: its kind, colour, size and text (all of it zeroed first)
 * @extent: where @draw draws, in logical pixels around (@x, @y)
 *
 * Draws what @draw draws at (@x, @y), from a bitmap kept under @key when bitmaps can
 * be used.
 */
void
_chrono_renderer_draw_sprite (ChronoRenderer   *self,
                              cairo_t          *cr,
                              ChronoSpriteKey  *key,
                              double            x,
                              double            y,
                              const ChronoRect *extent,
                              ChronoBitmapFunc  draw)
{
  ChronoBitmap *bitmap;
  int ix, iy;

  if (!self->use_bitmaps || !device_pixel (self, x, y, &ix, &iy, &key->fx, &key->fy))
    {
      draw (self, cr, key, x, y);
      return;
    }

  if (self->bitmap_bytes > BITMAP_BUDGET)
    trim_bitmaps (self);
  bitmap = g_hash_table_lookup (self->sprites, key);
  if (bitmap == NULL)
    {
      cairo_rectangle_int_t bounds = bitmap_bounds (self->style.scale, extent);

      bitmap = g_new0 (ChronoBitmap, 1);
      render_bitmap (self, cr, bitmap, CAIRO_FORMAT_ARGB32, &bounds, key->fx, key->fy, draw, key);
      g_hash_table_insert (self->sprites, g_memdup2 (key, sizeof *key), bitmap);
    }

  paint_bitmap (self, cr, bitmap, ix, iy);
}

/* Whether bitmaps are drawn and each side of @rect is on a device pixel's edge. */
gboolean
_chrono_renderer_on_device_pixels (ChronoRenderer   *self,
                                   const ChronoRect *rect)
{
  int ix, iy;
  guint fx0, fy0, fx1, fy1;

  return self->use_bitmaps &&
         device_pixel (self, rect->x, rect->y, &ix, &iy, &fx0, &fy0) &&
         device_pixel (self, rect->x + rect->width, rect->y + rect->height, &ix, &iy, &fx1, &fy1) &&
         fx0 == 0 && fy0 == 0 && fx1 == 0 && fy1 == 0;
}

static void
draw_label_text (ChronoRenderer *self,
                 cairo_t        *cr,
                 gconstpointer   data,
                 double          x,
                 double          y)
{
  const ChronoLabelText *label = data;

  if (label->bitmap_look.ground.alpha > 0)
    {
      _chrono_renderer_set_color (cr, &label->bitmap_look.ground, 1);
      cairo_paint (cr);
    }
  _chrono_renderer_set_color (cr, &label->bitmap_look.color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, label->layout);
}

/* Field by field: the padding after fy is whatever the stack held. */
static gboolean
same_look (const ChronoLabelLook *a,
           const ChronoLabelLook *b)
{
  return a->width == b->width && a->fx == b->fx && a->fy == b->fy &&
         _chrono_renderer_same_color (&a->color, &b->color) && _chrono_renderer_same_color (&a->ground, &b->ground);
}

/* Whether @ink, drawn from device pixel (@ix, @iy) and @fx, @fy eighths into it, and
 * a pixel round it, are inside @area's whole device pixels: that is what an opaque
 * bitmap of it covers, in device pixels from (@ix, @iy). */
static gboolean
ink_within (ChronoRenderer        *self,
            const ChronoRect      *ink,
            int                    ix,
            int                    iy,
            guint                  fx,
            guint                  fy,
            const ChronoRect      *area,
            cairo_rectangle_int_t *covered)
{
  double scale = self->style.scale;
  int left = (int) floor (fx / 8.0 + ink->x * scale) - 1;
  int top = (int) floor (fy / 8.0 + ink->y * scale) - 1;
  int right = (int) ceil (fx / 8.0 + (ink->x + ink->width) * scale) + 1;
  int bottom = (int) ceil (fy / 8.0 + (ink->y + ink->height) * scale) + 1;

  if (ix + left < ceil ((area->x + self->device_x) * scale) ||
      iy + top < ceil ((area->y + self->device_y) * scale) ||
      ix + right > floor ((area->x + area->width + self->device_x) * scale) ||
      iy + bottom > floor ((area->y + area->height + self->device_y) * scale))
    return FALSE;

  *covered = (cairo_rectangle_int_t) { left, top, right - left, bottom - top };

  return TRUE;
}

/* Draws @label's layout, as it is now, at (@x, @y) in @color, on @ground if known: from
 * its bitmap when it has one of this width, colour, ground and place in the pixel, or one
 * made now when it was last drawn just so in an earlier frame; otherwise directly. */
void
_chrono_renderer_show_label (ChronoRenderer          *self,
                             cairo_t                 *cr,
                             ChronoLabelText         *label,
                             double                   x,
                             double                   y,
                             const ChronoColor       *color,
                             const ChronoTitleGround *ground)
{
  ChronoLabelLook look = { pango_layout_get_width (label->layout), 0, 0, *color, { 0 } };
  cairo_rectangle_int_t bounds;
  gboolean has_bitmap = FALSE, seen = FALSE, on_ground = FALSE;
  int ix, iy;

  if (self->use_bitmaps && device_pixel (self, x, y, &ix, &iy, &look.fx, &look.fy))
    {
      PangoRectangle ink;
      ChronoRect extent;

      /* What the drawing covers: a title's line is taller than its letters. */
      pango_layout_get_pixel_extents (label->layout, &ink, NULL);
      extent = (ChronoRect) { ink.x, ink.y, ink.width, ink.height };
      on_ground = ground != NULL && ink_within (self, &extent, ix, iy, look.fx, look.fy, &ground->area, &bounds);
      if (on_ground)
        look.ground = ground->color;
      else
        bounds = bitmap_bounds (self->style.scale, &extent);

      has_bitmap = label->bitmap.surface != NULL && same_look (&label->bitmap_look, &look);
      seen = label->seen_frame != 0 && label->seen_frame != self->frame &&
             same_look (&label->seen_look, &look);
      if (!has_bitmap && !seen)
        {
          label->seen_frame = self->frame;
          label->seen_look = look;
        }
    }

  if (!has_bitmap && !seen)
    {
      _chrono_renderer_set_color (cr, color, 1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, label->layout);
      return;
    }

  if (!has_bitmap)
    {
      if (self->bitmap_bytes > BITMAP_BUDGET)
        trim_bitmaps (self);
      label->bitmap_look = look;
      /* On its ground, the title and the ground round it: no alpha, which makes its copy
       * a plain one, in place of the box's pixels there. */
      render_bitmap (self, cr, &label->bitmap, on_ground ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, &bounds,
                     look.fx, look.fy, draw_label_text, label);
    }

  paint_bitmap (self, cr, &label->bitmap, ix, iy);
}

/**
 * chrono_renderer_get_bitmap_usage:
 *
 * How many bitmaps of titles, markers and badges the renderer keeps, and their size.
 */
void
chrono_renderer_get_bitmap_usage (ChronoRenderer *self,
                                  guint          *n_bitmaps,
                                  gsize          *bytes)
{
  GHashTableIter iter;
  gpointer value;
  guint n = g_hash_table_size (self->sprites);

  g_hash_table_iter_init (&iter, self->label_layouts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((ChronoLabelText *) value)->bitmap.surface != NULL;

  *n_bitmaps = n;
  *bytes = self->bitmap_bytes;
}
