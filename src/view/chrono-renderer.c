/* chrono-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chrono-renderer-private.h"

static gboolean
parse_color (const char  *spec,
             ChronoColor *color)
{
  guint value;

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (spec[i]))
      return FALSE;

  value = (guint) g_ascii_strtoull (spec + 1, NULL, 16);
  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1.0;

  return TRUE;
}

gboolean
_chrono_renderer_same_color (const ChronoColor *a,
                             const ChronoColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

void
chrono_render_style_init_default (ChronoRenderStyle *style,
                                  gboolean           dark)
{
  /* The Adwaita palette, for output that has no widget to take a theme from. */
  memset (style, 0, sizeof *style);
  style->dark = dark;
  if (dark)
    {
      style->foreground = (ChronoColor) { 1, 1, 1, 1 };
      style->background = (ChronoColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };
      style->accent = (ChronoColor) { 0x78 / 255.0, 0xae / 255.0, 0xed / 255.0, 1 };
      style->label_background = (ChronoColor) { 0x30 / 255.0, 0x30 / 255.0, 0x30 / 255.0, 1 };
    }
  else
    {
      style->foreground = (ChronoColor) { 0, 0, 0, 0.8 };
      style->background = (ChronoColor) { 1, 1, 1, 1 };
      style->accent = (ChronoColor) { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 };
      style->label_background = (ChronoColor) { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };
    }
  style->grid = style->foreground;
  style->grid.alpha = 0.1;
  style->font = pango_font_description_from_string ("Sans 10");
  style->scale = 1.0;
}

void
chrono_render_style_copy (ChronoRenderStyle       *dest,
                          const ChronoRenderStyle *src)
{
  *dest = *src;
  dest->font = src->font ? pango_font_description_copy (src->font)
                         : pango_font_description_from_string ("Sans 10");
  if (!(dest->scale > 0))
    dest->scale = 1.0;
}

void
chrono_render_style_clear (ChronoRenderStyle *style)
{
  g_clear_pointer (&style->font, pango_font_description_free);
}

/**
 * chrono_renderer_new:
 * @context: (nullable): the widget's Pango context, or NULL for one of its own
 *
 * The renderer measures and draws text for layouts; the widget, the exporters and the
 * benchmark all draw through it.
 */
ChronoRenderer *
chrono_renderer_new (PangoContext            *context,
                     const ChronoRenderStyle *style)
{
  ChronoRenderer *self = g_new0 (ChronoRenderer, 1);

  if (context != NULL)
    self->context = g_object_ref (context);
  else
    self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  chrono_render_style_copy (&self->style, style);
  _chrono_renderer_init_bitmaps (self);
  _chrono_renderer_setup_text (self);

  return self;
}

void
chrono_renderer_free (ChronoRenderer *self)
{
  if (self == NULL)
    return;

  for (guint kind = 0; kind < N_TEXT_KINDS; kind++)
    {
      g_clear_object (&self->layouts[kind]);
      g_clear_pointer (&self->measured[kind], g_hash_table_unref);
    }
  g_clear_pointer (&self->label_layouts, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_free (self->ascii_advances);
  g_clear_pointer (&self->ends_face, cairo_font_face_destroy);
  chrono_render_style_clear (&self->style);
  g_clear_object (&self->context);
  g_free (self);
}

void
chrono_renderer_set_style (ChronoRenderer          *self,
                           const ChronoRenderStyle *style)
{
  gboolean same_font = self->style.font && style->font &&
                       pango_font_description_equal (self->style.font, style->font);
  /* The view sets its style before every frame; bitmaps go only when the look changes. */
  gboolean same_look = _chrono_renderer_same_color (&self->style.foreground, &style->foreground) &&
                       _chrono_renderer_same_color (&self->style.background, &style->background) &&
                       _chrono_renderer_same_color (&self->style.accent, &style->accent) &&
                       _chrono_renderer_same_color (&self->style.grid, &style->grid) &&
                       _chrono_renderer_same_color (&self->style.label_background, &style->label_background) &&
                       self->style.dark == style->dark && self->style.high_contrast == style->high_contrast &&
                       self->style.scale == style->scale;

  chrono_render_style_clear (&self->style);
  chrono_render_style_copy (&self->style, style);

  if (!same_font)
    _chrono_renderer_setup_text (self);
  else if (!same_look)
    _chrono_renderer_clear_bitmaps (self);
}

const ChronoRenderStyle *
chrono_renderer_get_style (ChronoRenderer *self)
{
  return &self->style;
}

/* The Pango context's resolution, font options or fonts changed: text is shaped and
 * measured again, and its bitmaps are made anew. */
void
chrono_renderer_context_changed (ChronoRenderer *self)
{
  _chrono_renderer_setup_text (self);
}

void
chrono_renderer_get_category_color (ChronoRenderer *self,
                                    ChronoCategory *category,
                                    ChronoColor    *color)
{
  const char *spec = NULL;

  if (category != NULL)
    spec = chrono_category_get_color_for (category, self->style.dark);

  if (!parse_color (spec, color))
    *color = self->style.accent;
}

void
_chrono_renderer_set_color (cairo_t           *cr,
                            const ChronoColor *color,
                            double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Where a line of @width logical pixels must be centred to cover whole device pixels. */
double
_chrono_renderer_snap (ChronoRenderer *self,
                       double          x,
                       double          width)
{
  double scale = self->style.scale;
  double device_width = round (width * scale);

  if ((gint64) device_width % 2 == 1)
    return (floor (x * scale) + 0.5) / scale;

  return round (x * scale) / scale;
}

static void
vertical_line (ChronoRenderer *self,
               cairo_t        *cr,
               double          x,
               double          y0,
               double          y1,
               double          width)
{
  x = _chrono_renderer_snap (self, x, width);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
}

static void
draw_eras (ChronoRenderer *self,
           cairo_t        *cr,
           ChronoLayout   *layout)
{
  for (guint i = 0; i < layout->eras->len; i++)
    {
      const ChronoLayoutEra *era = &g_array_index (layout->eras, ChronoLayoutEra, i);
      double text_height = 0, text_width = 0;

      _chrono_renderer_set_color (cr, &self->style.accent, i % 2 ? 0.05 : 0.09);
      cairo_rectangle (cr, era->x0, layout->era_row.y, era->x1 - era->x0, layout->axis_y - layout->era_row.y);
      cairo_fill (cr);

      _chrono_renderer_set_color (cr, &self->style.accent, 0.35);
      vertical_line (self, cr, era->x0, layout->era_row.y, layout->axis_y, 1);

      if (era->text_width > 0)
        {
          chrono_renderer_measure (CHRONO_TEXT_ERA, era->name, &text_width, &text_height, self);
          _chrono_renderer_show_text (self, cr, CHRONO_TEXT_ERA, era->name, era->text_x,
                     layout->era_row.y + (layout->era_row.height - text_height) / 2,
                     era->text_width, &self->style.foreground, 0.75);
        }
    }
}

/* Lanes: a faint band in the category's colour, a line between lanes, and the name at
 * the left of the lane's top row. */
static void
draw_lanes (ChronoRenderer *self,
            cairo_t        *cr,
            ChronoLayout   *layout)
{
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const ChronoLayoutLane *lane = &g_array_index (layout->lanes, ChronoLayoutLane, i);
      double text_width = 0, text_height = 0;
      ChronoColor color;

      chrono_renderer_get_category_color (self, lane->category, &color);
      _chrono_renderer_set_color (cr, &color, i % 2 ? 0.05 : 0.09);
      cairo_rectangle (cr, lane->band.x, lane->band.y, lane->band.width, lane->band.height);
      cairo_fill (cr);

      _chrono_renderer_set_color (cr, &self->style.grid, 1);
      cairo_rectangle (cr, 0, round (lane->band.y + lane->band.height) - 1, layout->width, 1);
      cairo_fill (cr);

      _chrono_renderer_set_color (cr, &color, 1);
      cairo_rectangle (cr, lane->name_box.x, lane->name_box.y, 3, lane->name_box.height);
      cairo_fill (cr);
      chrono_renderer_measure (CHRONO_TEXT_ERA, lane->name, &text_width, &text_height, self);
      _chrono_renderer_show_text (self, cr, CHRONO_TEXT_ERA, lane->name, lane->name_box.x + 6,
                 lane->name_box.y + (lane->name_box.height - text_height) / 2,
                 lane->name_box.width - 6, &self->style.foreground, 0.85);
    }
}

static void
draw_legend (ChronoRenderer *self,
             cairo_t        *cr,
             ChronoLayout   *layout)
{
  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronoLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronoLayoutLegendEntry, i);
      double text_width = 0, text_height = 0;
      ChronoColor color;

      chrono_renderer_get_category_color (self, entry->category, &color);
      _chrono_renderer_set_color (cr, &color, 1);
      _chrono_renderer_rounded_rect (cr, &entry->swatch, 3);
      cairo_fill (cr);

      chrono_renderer_measure (CHRONO_TEXT_ERA, entry->name, &text_width, &text_height, self);
      _chrono_renderer_show_text (self, cr, CHRONO_TEXT_ERA, entry->name, entry->text_x,
                 entry->box.y + (entry->box.height - text_height) / 2,
                 entry->text_width + 1, &self->style.foreground, 0.8);
    }
}

/* A line @width logical pixels wide on the device pixel grid, as the box it covers. */
static void
add_vertical_line (ChronoRenderer *self,
                   cairo_t        *cr,
                   double          x,
                   double          y0,
                   double          y1,
                   double          width)
{
  x = _chrono_renderer_snap (self, x, width);
  cairo_rectangle (cr, x - width / 2, y0, width, y1 - y0);
}

static void
draw_axis (ChronoRenderer *self,
           cairo_t        *cr,
           ChronoLayout   *layout)
{
  ChronoTimeAxis *axis = layout->axis;
  double label_y = layout->axis_y + 7;
  double context_y = label_y + axis->label_height + 2;
  double axis_y = _chrono_renderer_snap (self, layout->axis_y, 1);

  /* Grid lines behind the labels, at the labelled ticks. */
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, i);

      if (tick->major)
        add_vertical_line (self, cr, tick->x, layout->top_strip.height, layout->axis_y, 1);
    }
  _chrono_renderer_set_color (cr, &self->style.grid, 1);
  cairo_fill (cr);

  /* The axis, then its ticks over it, in one fill. */
  _chrono_renderer_set_color (cr, &self->style.foreground, self->style.high_contrast ? 1.0 : 0.55);
  cairo_rectangle (cr, 0, axis_y - 0.5, layout->width, 1);
  cairo_fill (cr);
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, i);

      add_vertical_line (self, cr, tick->x, layout->axis_y, layout->axis_y + (tick->major ? 6 : 3), 1);
    }
  cairo_fill (cr);

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, i);

      if (tick->label != NULL)
        _chrono_renderer_show_text (self, cr, CHRONO_TEXT_AXIS, tick->label, tick->x + 3, label_y, 0,
                   &self->style.foreground, self->style.high_contrast ? 1.0 : 0.8);
    }

  for (guint i = 0; i < axis->contexts->len; i++)
    {
      const ChronoAxisContext *context = &g_array_index (axis->contexts, ChronoAxisContext, i);

      _chrono_renderer_show_text (self, cr, CHRONO_TEXT_AXIS_CONTEXT, context->text, context->x, context_y, 0,
                 &self->style.foreground, 1.0);
    }
}

/* The height of each column's bar, in whole pixels; a bar a column of DENSITY_STEP
 * pixels. Columns mostly hold a few events, or so many that the bar is full: each
 * logarithm is taken once. */
static double *
density_bar_heights (ChronoLayout *layout)
{
  double track = layout->axis_y - layout->axis_band.y - 2;
  double full = exp2 ((track - 2) / 1.5);
  double *heights = g_new (double, MAX (layout->n_density, 1));
  double few[64] = { 0 };

  for (guint c = 0; c < layout->n_density; c++)
    {
      guint count = layout->density[c];

      if (count == 0)
        heights[c] = 0;
      else if (count >= full)
        heights[c] = round (track);
      else if (count >= G_N_ELEMENTS (few))
        heights[c] = round (MIN (track, 2 + 1.5 * log2 (count)));
      else
        {
          if (few[count] == 0)
            few[count] = round (MIN (track, 2 + 1.5 * log2 (count)));
          heights[c] = few[count];
        }
    }

  return heights;
}

/* On pixels, the bars are written into a mask, at the device scale: with a bar in every
 * column, a thousand boxes in one fill cost cairo far more. Each row of the mask is the
 * row below it less the bars whose top that row is under, so a row is written once and
 * copied up, and a bar is cleared once, where it ends. */
static gboolean
mask_density (ChronoRenderer *self,
              cairo_t        *cr,
              ChronoLayout   *layout)
{
  double scale = self->style.scale;
  double track = ceil (layout->axis_y - layout->axis_band.y - 2);
  int columns = (int) ceil ((layout->width - layout->density_x) * scale);
  int rows = (int) (track * scale);
  int step = (int) (layout->density_step * scale);
  int bar_width = (int) (MAX (layout->density_step - 1, 1) * scale);
  g_autofree double *heights = NULL;
  g_autofree guint *ending = NULL;       /* of each bar, the next of its height */
  g_autofree guint *first_ending = NULL; /* of each height, its first bar */
  cairo_surface_t *mask;
  guint n_bars;
  guchar *data;
  int stride;

  if (!self->use_bitmaps || scale != floor (scale) || layout->density_step != floor (layout->density_step) ||
      layout->density_x != floor (layout->density_x) ||
      self->device_x != floor (self->device_x) || self->device_y != floor (self->device_y) ||
      layout->axis_y != floor (layout->axis_y) || rows <= 0 || columns <= 0)
    return FALSE;

  heights = density_bar_heights (layout);
  n_bars = MIN (layout->n_density, (guint) ((columns + step - 1) / step));
  ending = g_new (guint, n_bars);
  first_ending = g_new (guint, rows + 1);
  for (int h = 0; h <= rows; h++)
    first_ending[h] = G_MAXUINT;

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, columns, rows);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  cairo_surface_flush (mask);
  for (guint c = 0; c < n_bars; c++)
    {
      int height = MIN ((int) (heights[c] * scale), rows);

      if (height == 0)
        continue;
      memset (data + (rows - 1) * stride + c * step, 0xff, MIN (bar_width, columns - (int) c * step));
      ending[c] = first_ending[height];
      first_ending[height] = c;
    }
  for (int y = rows - 2; y >= 0; y--)
    {
      memcpy (data + y * stride, data + (y + 1) * stride, columns);
      for (guint c = first_ending[rows - 1 - y]; c != G_MAXUINT; c = ending[c])
        memset (data + y * stride + c * step, 0, MIN (bar_width, columns - (int) c * step));
    }
  cairo_surface_mark_dirty (mask);
  cairo_surface_set_device_scale (mask, scale, scale);
  cairo_mask_surface (cr, mask, layout->density_x, layout->axis_y - track);
  cairo_surface_destroy (mask);

  return TRUE;
}

static void
draw_density (ChronoRenderer *self,
              cairo_t        *cr,
              ChronoLayout   *layout)
{
  g_autofree double *heights = NULL;

  _chrono_renderer_set_color (cr, &self->style.foreground, self->style.high_contrast ? 0.7 : 0.3);
  if (mask_density (self, cr, layout))
    return;

  heights = density_bar_heights (layout);
  for (guint c = 0; c < layout->n_density; c++)
    {
      double height;

      if (layout->density[c] == 0)
        continue;

      /* Boxes on the pixel grid fill without antialiasing. */
      height = heights[c];
      cairo_rectangle (cr, layout->density_x + c * layout->density_step, layout->axis_y - height,
                       MAX (layout->density_step - 1, 1), height);
    }
  cairo_fill (cr);
}

static void
draw_today (ChronoRenderer *self,
            cairo_t        *cr,
            ChronoLayout   *layout)
{
  static const double dashes[] = { 4, 3 };

  if (isnan (layout->today_x))
    return;

  _chrono_renderer_set_color (cr, &self->style.accent, 0.9);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  vertical_line (self, cr, layout->today_x, layout->top_strip.height, layout->axis_y, 1);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_move_to (cr, layout->today_x - 5, layout->axis_y + 6);
  cairo_line_to (cr, layout->today_x + 5, layout->axis_y + 6);
  cairo_line_to (cr, layout->today_x, layout->axis_y);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A badge's pill and its count are two sprites: pills come in a few widths, and counts
 * change as the view moves. */
static void
draw_badge (ChronoRenderer *self,
            cairo_t        *cr,
            gconstpointer   data,
            double          x,
            double          y)
{
  const ChronoSpriteKey *key = data;
  ChronoRect badge = { x, y, key->width, key->height };

  _chrono_renderer_rounded_rect (cr, &badge, badge.height / 2);
  _chrono_renderer_set_color (cr, &self->style.background, 1);
  cairo_fill_preserve (cr);
  _chrono_renderer_set_color (cr, &self->style.foreground, key->emphasised ? 0.22 : 0.1);
  cairo_fill_preserve (cr);
  _chrono_renderer_set_color (cr, &self->style.foreground, self->style.high_contrast ? 0.9 : 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_badge_text (ChronoRenderer *self,
                 cairo_t        *cr,
                 gconstpointer   data,
                 double          x,
                 double          y)
{
  const ChronoSpriteKey *key = data;

  _chrono_renderer_show_text (self, cr, CHRONO_TEXT_BADGE, key->text, x, y, 0, &self->style.foreground, 0.9);
}

static void
draw_clusters (ChronoRenderer          *self,
               cairo_t                 *cr,
               ChronoLayout            *layout,
               const ChronoRenderState *state)
{
  double y_line = _chrono_renderer_snap (self, layout->cluster_row.y + layout->cluster_row.height + 2, 1);

  /* A bracket under each badge shows how far its cluster reaches: the pixels a stroke
   * one pixel wide would cover, as boxes, all in one fill. */
  for (guint i = 0; i < layout->clusters->len; i++)
    {
      const ChronoLayoutCluster *cluster = &g_array_index (layout->clusters, ChronoLayoutCluster, i);
      double x0, x1;

      if (cluster->x1 - cluster->x0 < 2)
        continue;
      x0 = _chrono_renderer_snap (self, cluster->x0, 1);
      x1 = _chrono_renderer_snap (self, cluster->x1, 1);
      cairo_rectangle (cr, x0 - 0.5, y_line - 0.5, x1 - x0 + 1, 1);
      cairo_rectangle (cr, x0 - 0.5, y_line + 0.5, 1, 2);
      cairo_rectangle (cr, x1 - 0.5, y_line + 0.5, 1, 2);
    }
  _chrono_renderer_set_color (cr, &self->style.foreground, 0.35);
  cairo_fill (cr);

  for (guint i = 0; i < layout->clusters->len; i++)
    {
      const ChronoLayoutCluster *cluster = &g_array_index (layout->clusters, ChronoLayoutCluster, i);
      ChronoSpriteKey pill = { 0 };
      ChronoSpriteKey count = { 0 };
      ChronoRect extent = { -1, -1, cluster->badge.width + 2, cluster->badge.height + 2 };
      double text_width = 0, text_height = 0;
      double text_x, text_y;

      pill.kind = CHRONO_SPRITE_BADGE;
      pill.width = cluster->badge.width;
      pill.height = cluster->badge.height;
      pill.emphasised = state && state->hovered_cluster == i;
      _chrono_renderer_draw_sprite (self, cr, &pill, cluster->badge.x, cluster->badge.y, &extent, draw_badge);

      chrono_renderer_measure (CHRONO_TEXT_BADGE, cluster->text, &text_width, &text_height, self);
      text_x = cluster->badge.x + (cluster->badge.width - text_width) / 2;
      text_y = cluster->badge.y + (cluster->badge.height - text_height) / 2;
      count.kind = CHRONO_SPRITE_BADGE_TEXT;
      if (g_strlcpy (count.text, cluster->text, sizeof count.text) >= sizeof count.text)
        {
          _chrono_renderer_show_text (self, cr, CHRONO_TEXT_BADGE, cluster->text, text_x, text_y, 0,
                                      &self->style.foreground, 0.9);
          continue;
        }
      extent = (ChronoRect) { -2, -2, text_width + 4, text_height + 4 };
      _chrono_renderer_draw_sprite (self, cr, &count, text_x, text_y, &extent, draw_badge_text);
    }
}

/**
 * chrono_renderer_draw:
 *
 * Draws @layout into @cr, from (0, 0) to the layout's size, in logical pixels.
 */
void
chrono_renderer_draw (ChronoRenderer          *self,
                      cairo_t                 *cr,
                      ChronoLayout            *layout,
                      const ChronoRenderState *state)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  _chrono_renderer_begin_bitmaps (self, cr);

  _chrono_renderer_set_color (cr, &self->style.background, 1);
  cairo_paint (cr);

  draw_lanes (self, cr, layout);
  draw_eras (self, cr, layout);
  draw_axis (self, cr, layout);
  draw_today (self, cr, layout);
  draw_density (self, cr, layout);
  draw_clusters (self, cr, layout, state);

  _chrono_renderer_draw_stems (self, cr, layout, state);

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      _chrono_renderer_draw_forecast (self, cr, layout, label, state && state->selected == label->event);
    }

  _chrono_renderer_draw_labels (self, cr, layout, state);

  draw_legend (self, cr, layout);

  _chrono_renderer_end_bitmaps (self);
  cairo_restore (cr);
}
