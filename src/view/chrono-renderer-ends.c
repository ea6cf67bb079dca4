/* chrono-renderer-ends.c — the rounded ends of labels' boxes, as glyphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On pixels, a box is filled between its ends, and each rounded end was a small bitmap
 * copied by a cairo call of its own: two calls a label, each costing cairo far more than
 * its few pixels. The ends are glyphs of a font the renderer makes itself: cairo draws
 * each glyph once into its glyph cache, and all the ends of one colour in one call, which
 * pixman does glyph by glyph. Cairo composites glyphs through a mask the size of them all
 * when one lies within the bounds of those before it, so the ends go in runs from left to
 * right that keep clear of each other.
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "chrono-renderer-private.h"

/* A glyph's number holds which end it is, its radius and its height, in eighths of a
 * logical pixel. */
#define EIGHTHS(value) ((unsigned long) lround ((value) * 8))

static unsigned long
end_glyph (const ChronoBoxEnd *end)
{
  return (end->right ? 1 : 0) | EIGHTHS (end->radius) << 1 | EIGHTHS (end->height) << 9;
}

/* Cairo clips a call's glyphs to their origins' bounds widened by the font's extents:
 * wider than any end is tall. */
static cairo_status_t
init_ends_font (cairo_scaled_font_t  *scaled_font,
                cairo_t              *cr,
                cairo_font_extents_t *extents)
{
  *extents = (cairo_font_extents_t) { 0, 256, 256, 256, 0 };

  return CAIRO_STATUS_SUCCESS;
}

/* The end of a box @radius round, seen through a window as wide as the radius: the
 * left one from its glyph's origin rightwards, the right one leftwards. */
static cairo_status_t
render_end (cairo_scaled_font_t  *scaled_font,
            unsigned long         glyph,
            cairo_t              *cr,
            cairo_text_extents_t *extents)
{
  gboolean right = glyph & 1;
  double radius = ((glyph >> 1) & 0xff) / 8.0;
  double height = (glyph >> 9) / 8.0;
  ChronoRect box = { right ? -2 * radius - 2 : 0, 0, 2 * radius + 2, height };

  *extents = (cairo_text_extents_t) { right ? -radius : 0, 0, radius, height, 0, 0 };
  cairo_rectangle (cr, right ? -radius : 0, 0, radius, height);
  cairo_clip (cr);
  _chrono_renderer_box (cr, &box, radius, !right, right);
  cairo_fill (cr);

  return CAIRO_STATUS_SUCCESS;
}

static int
compare_ends (gconstpointer a,
              gconstpointer b)
{
  const ChronoBoxEnd *end_a = a, *end_b = b;
  double left_a = end_a->right ? end_a->x - end_a->radius : end_a->x;
  double left_b = end_b->right ? end_b->x - end_b->radius : end_b->x;

  return (left_a > left_b) - (left_a < left_b);
}

/**
 * _chrono_renderer_show_ends:
 * @ends: (inout): the ends to draw, all of them on device pixels; reordered
 *
 * Draws @ends in @color.
 */
void
_chrono_renderer_show_ends (ChronoRenderer    *self,
                            cairo_t           *cr,
                            const ChronoColor *color,
                            ChronoBoxEnd      *ends,
                            guint              n_ends)
{
  g_autofree cairo_glyph_t *glyphs = g_new (cairo_glyph_t, MAX (n_ends, 1));
  g_autofree guint *run_of = g_new (guint, MAX (n_ends, 1));
  g_autofree double *run_right = g_new (double, MAX (n_ends, 1));
  cairo_font_options_t *options;
  guint n_runs = 0;

  if (n_ends == 0)
    return;

  if (self->ends_face == NULL)
    {
      self->ends_face = cairo_user_font_face_create ();
      cairo_user_font_face_set_init_func (self->ends_face, init_ends_font);
      cairo_user_font_face_set_render_glyph_func (self->ends_face, render_end);
    }

  /* Each end goes in the first run it keeps clear of. */
  qsort (ends, n_ends, sizeof *ends, compare_ends);
  for (guint i = 0; i < n_ends; i++)
    {
      double left = ends[i].right ? ends[i].x - ends[i].radius : ends[i].x;
      guint run = 0;

      while (run < n_runs && run_right[run] > left)
        run++;
      if (run == n_runs)
        n_runs++;
      run_right[run] = left + ends[i].radius;
      run_of[i] = run;
    }

  cairo_save (cr);
  cairo_set_font_face (cr, self->ends_face);
  cairo_set_font_size (cr, 1);
  /* Shapes, not text: no hinting, and grey, the same on every screen. */
  options = cairo_font_options_create ();
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  _chrono_renderer_set_color (cr, color, 1);

  for (guint run = 0; run < n_runs; run++)
    {
      guint n_glyphs = 0;

      for (guint i = 0; i < n_ends; i++)
        if (run_of[i] == run)
          glyphs[n_glyphs++] = (cairo_glyph_t) { end_glyph (&ends[i]), ends[i].x, ends[i].y };
      cairo_show_glyphs (cr, glyphs, n_glyphs);
    }
  cairo_restore (cr);
}
