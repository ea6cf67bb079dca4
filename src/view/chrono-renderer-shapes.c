/* chrono-renderer-shapes.c — rounded boxes, as the renderer's files draw them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>

#include "chrono-renderer-private.h"

/* A quarter circle as eight chords, cos and sin of multiples of 90° / 8. */
static const double quarter_circle[9][2] = {
  { 1, 0 }, { 0.980785, 0.195090 }, { 0.923880, 0.382683 }, { 0.831470, 0.555570 },
  { 0.707107, 0.707107 }, { 0.555570, 0.831470 }, { 0.382683, 0.923880 }, { 0.195090, 0.980785 },
  { 0, 1 },
};

/* On pixels, corners are chords, not cairo_arc()'s curves: a frame at a million events
 * fills dozens of boxes, and cairo spent more building and flattening their arcs than
 * filling them. Up to a radius of 20 device pixels (a badge's at scale 2) the chords stray
 * from the circle by less than cairo's tolerance of a tenth of a pixel; larger ones, and
 * every corner in a PDF, PostScript or SVG file, are arcs. */
static gboolean
chords_will_do (cairo_t *cr,
                double   radius)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_type_t type = cairo_surface_get_type (target);
  double dx = radius, dy = 0, scale_x = 1, scale_y = 1;

  if (type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PS)
    return FALSE;
  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);

  return hypot (dx, dy) * MAX (scale_x, scale_y) <= 20;
}

/* A quarter of a circle, clockwise on screen from @turn quarter turns past the right of
 * its centre. */
static void
line_to_quarter (cairo_t  *cr,
                 double    cx,
                 double    cy,
                 double    radius,
                 guint     turn,
                 gboolean  chords)
{
  if (!chords)
    {
      cairo_arc (cr, cx, cy, radius, turn * G_PI / 2, (turn + 1) * G_PI / 2);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (quarter_circle); i++)
    {
      double cos_a = quarter_circle[i][0], sin_a = quarter_circle[i][1];
      double dx, dy;

      switch (turn % 4)
        {
        case 0: dx = cos_a; dy = sin_a; break;
        case 1: dx = -sin_a; dy = cos_a; break;
        case 2: dx = -cos_a; dy = -sin_a; break;
        default: dx = sin_a; dy = -cos_a; break;
        }
      cairo_line_to (cr, cx + radius * dx, cy + radius * dy);
    }
}

/* A box with rounded corners on the sides asked for and square ones on the others. */
void
_chrono_renderer_box (cairo_t          *cr,
                      const ChronoRect *rect,
                      double            radius,
                      gboolean          round_left,
                      gboolean          round_right)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;
  gboolean chords;

  if (!round_left && !round_right)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  radius = MIN (radius, MIN (w, h) / 2);
  chords = chords_will_do (cr, radius);
  cairo_new_sub_path (cr);
  if (round_right)
    {
      line_to_quarter (cr, x + w - radius, y + radius, radius, 3, chords);
      line_to_quarter (cr, x + w - radius, y + h - radius, radius, 0, chords);
    }
  else
    {
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w, y + h);
    }
  if (round_left)
    {
      line_to_quarter (cr, x + radius, y + h - radius, radius, 1, chords);
      line_to_quarter (cr, x + radius, y + radius, radius, 2, chords);
    }
  else
    {
      cairo_line_to (cr, x, y + h);
      cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

void
_chrono_renderer_rounded_rect (cairo_t          *cr,
                               const ChronoRect *rect,
                               double            radius)
{
  _chrono_renderer_box (cr, rect, radius, TRUE, TRUE);
}
