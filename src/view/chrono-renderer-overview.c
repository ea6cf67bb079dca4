/* chrono-renderer-overview.c — the renderer's drawing of the overview strip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "chrono-renderer-private.h"

static void
set_color (cairo_t           *cr,
           const ChronoColor *color,
           double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A tick mark under the baseline and its text beside it. */
static void
draw_mark (ChronoRenderer *self,
           cairo_t        *cr,
           double          mark_x,
           double          text_x,
           double          y,
           const char     *text)
{
  PangoLayout *layout = self->layouts[CHRONO_TEXT_OVERVIEW];

  set_color (cr, &self->style.foreground, 0.3);
  cairo_rectangle (cr, mark_x, y, 1, 3);
  cairo_fill (cr);

  set_color (cr, &self->style.foreground, 0.7);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, text_x, y + 2);
  pango_cairo_show_layout (cr, layout);
}

/* In lanes mode, each lane's row: a faint band and the bars in the category's colour,
 * as the timeline's lanes are tinted. */
static void
draw_lanes (ChronoRenderer             *self,
            cairo_t                    *cr,
            const ChronoOverviewLayout *layout)
{
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const ChronoOverviewLane *lane = &g_array_index (layout->lanes, ChronoOverviewLane, i);
      double bottom = lane->y + lane->height;
      double room = MAX (1, lane->height - 1);
      ChronoColor color;

      chrono_renderer_get_category_color (self, lane->category, &color);
      set_color (cr, &color, i % 2 ? 0.05 : 0.09);
      cairo_rectangle (cr, 0, lane->y, layout->width, lane->height);
      cairo_fill (cr);

      set_color (cr, &color, 0.9);
      for (guint c = 0; c < layout->n_columns; c++)
        {
          double bar;

          if (lane->counts[c] == 0)
            continue;

          bar = MAX (1.5, sqrt ((double) lane->counts[c] / layout->lanes_max_count) * room);
          cairo_rectangle (cr, c * layout->column_width, bottom - bar, layout->column_width - 0.5, bar);
        }
      cairo_fill (cr);
    }
}

/**
 * chrono_renderer_draw_overview:
 *
 * Draws the overview strip: the bars of the density, the years, and the window the
 * timeline shows, with what lies outside it dimmed; in lanes mode, a row of bars per
 * lane. It paints no background.
 */
void
chrono_renderer_draw_overview (ChronoRenderer             *self,
                               cairo_t                    *cr,
                               const ChronoOverviewLayout *layout)
{
  const ChronoColor *fg = &self->style.foreground;
  const ChronoColor *accent = &self->style.accent;
  ChronoTimeAxis *axis = layout->axis;
  double bars_height = layout->bars_height;
  double x0 = layout->window_x0;
  double x1 = layout->window_x1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  if (layout->lanes->len > 0)
    draw_lanes (self, cr, layout);
  else if (layout->counts != NULL)
    {
      set_color (cr, fg, 0.45);
      for (guint c = 0; c < layout->n_columns; c++)
        {
          double bar;

          if (layout->counts[c] == 0)
            continue;

          /* Square root, so that a lone event still shows next to a crowded year. */
          bar = MAX (2, sqrt ((double) layout->counts[c] / layout->max_count) * (bars_height - 4));
          cairo_rectangle (cr, c * layout->column_width, bars_height - bar, layout->column_width - 0.5, bar);
        }
      cairo_fill (cr);
    }

  /* The baseline and the years (or whatever the extent calls for). */
  set_color (cr, fg, 0.3);
  cairo_rectangle (cr, 0, floor (bars_height), layout->width, 1);
  cairo_fill (cr);

  /* Under months, the years (the axis's context) say more than the months would. */
  for (guint i = 0; i < axis->contexts->len; i++)
    {
      const ChronoAxisContext *context = &g_array_index (axis->contexts, ChronoAxisContext, i);

      draw_mark (self, cr, floor (context->x - 3), context->x - 1, bars_height, context->text);
    }

  for (guint i = 0; i < axis->ticks->len && axis->contexts->len == 0; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, i);

      if (tick->label != NULL)
        draw_mark (self, cr, floor (tick->x), tick->x + 2, bars_height, tick->label);
    }

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.08);
  cairo_rectangle (cr, 0, 0, MAX (x0, 0), layout->height);
  cairo_rectangle (cr, x1, 0, MAX (layout->width - x1, 0), layout->height);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.15);
  cairo_rectangle (cr, x0, 0, x1 - x0, layout->height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, x0 + 1, 1, x1 - x0 - 2, layout->height - 2);
  cairo_stroke (cr);

  cairo_restore (cr);
}
