/* chrono-renderer-labels.c — the labels, their stems, markers and forecasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>

#include "chrono-renderer-private.h"

#define MARKER_RADIUS 4.0

/* A dot in a ring of the background, which parts it from the dots it overlaps. */
static void
draw_dot (ChronoRenderer *self,
          cairo_t        *cr,
          gconstpointer   data,
          double          x,
          double          y)
{
  const ChronoSpriteKey *key = data;
  double radius = key->emphasised ? MARKER_RADIUS + 1.5 : MARKER_RADIUS;

  cairo_arc (cr, x, y, radius + 1.5, 0, 2 * G_PI);
  _chrono_renderer_set_color (cr, &self->style.background, 1);
  cairo_fill (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  _chrono_renderer_set_color (cr, &key->color, 1);
  cairo_fill (cr);
}

static void
draw_marker (ChronoRenderer          *self,
             cairo_t                 *cr,
             ChronoLayout            *layout,
             const ChronoLayoutLabel *label,
             const ChronoColor       *color,
             gboolean                 emphasised)
{
  double x = CLAMP (label->x, 0, layout->width);
  double radius = emphasised ? MARKER_RADIUS + 1.5 : MARKER_RADIUS;

  if (label->flags & (CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN))
    {
      cairo_pattern_t *fade;

      /* Whiskers that fade out say "about here". */
      fade = cairo_pattern_create_linear (x - 14, 0, x + 14, 0);
      cairo_pattern_add_color_stop_rgba (fade, 0, color->red, color->green, color->blue, 0);
      cairo_pattern_add_color_stop_rgba (fade, 0.5, color->red, color->green, color->blue, 0.9);
      cairo_pattern_add_color_stop_rgba (fade, 1, color->red, color->green, color->blue, 0);
      cairo_set_source (cr, fade);
      cairo_rectangle (cr, x - 14, layout->axis_y - 1, 28, 2);
      cairo_fill (cr);
      cairo_pattern_destroy (fade);

      cairo_arc (cr, x, layout->axis_y, radius, 0, 2 * G_PI);
      _chrono_renderer_set_color (cr, &self->style.background, 1);
      cairo_fill_preserve (cr);
      _chrono_renderer_set_color (cr, color, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      return;
    }

  {
    ChronoSpriteKey key = { 0 };
    ChronoRect extent = { -radius - 1.5, -radius - 1.5, 2 * radius + 3, 2 * radius + 3 };

    key.kind = CHRONO_SPRITE_MARKER;
    key.color = *color;
    key.emphasised = emphasised;
    _chrono_renderer_draw_sprite (self, cr, &key, x, layout->axis_y, &extent, draw_dot);
  }
}

/* Labels never overlap, and their markers are on the axis, away from them: so each part
 * of every label is drawn in one pass, and shapes of one colour in one fill, which costs
 * cairo a fraction of a fill per shape. */
typedef struct
{
  ChronoColor color;        /* of the category, or the accent */
  ChronoColor box;          /* the box, opaque */
  gboolean    emphasised;   /* selected or hovered */
  gboolean    selected;
  gboolean    open_left;    /* a range going on past the view's edge: a square end there */
  gboolean    open_right;
  gboolean    ends_as_glyphs; /* on device pixels: its rounded ends are glyphs */
} LabelLook;

/* Fills, for each colour that @colors (one per label) has, the shapes that @add_shape
 * adds for the labels of that colour; a label whose shape is NULL-coloured is skipped. */
typedef gboolean (*AddShape) (cairo_t *cr, const ChronoLayoutLabel *label, const LabelLook *look);

static void
fill_by_color (cairo_t           *cr,
               ChronoLayout      *layout,
               const LabelLook   *looks,
               gsize              color_offset,
               AddShape           add_shape)
{
  guint n = layout->labels->len;
  g_autofree gboolean *done = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    {
      const ChronoColor *color = (const ChronoColor *) ((const char *) &looks[i] + color_offset);
      gboolean any = FALSE;

      if (done[i])
        continue;

      for (guint j = i; j < n; j++)
        {
          const ChronoColor *other = (const ChronoColor *) ((const char *) &looks[j] + color_offset);

          if (done[j] || !_chrono_renderer_same_color (color, other))
            continue;
          done[j] = TRUE;
          any |= add_shape (cr, &g_array_index (layout->labels, ChronoLayoutLabel, j), &looks[j]);
        }

      if (any)
        {
          _chrono_renderer_set_color (cr, color, 1);
          cairo_fill (cr);
        }
      else
        {
          cairo_new_path (cr);
        }
    }
}

#define BOX_RADIUS 4.0

/* Boxes open at both ends are plain rectangles, which cairo fills far faster than shapes
 * with a curve anywhere in them: they go in a fill of their own. */
static gboolean
add_open_box (cairo_t                 *cr,
              const ChronoLayoutLabel *label,
              const LabelLook         *look)
{
  if (!look->open_left || !look->open_right)
    return FALSE;
  cairo_rectangle (cr, label->box.x, label->box.y, label->box.width, label->box.height);

  return TRUE;
}

static double
box_radius (const ChronoRect *box)
{
  return MIN (BOX_RADIUS, MIN (box->width, box->height) / 2);
}

/* A box whose ends are glyphs is filled between them: a rectangle on whole
 * pixels, which cairo fills without working out any coverage. */
static gboolean
add_rounded_box (cairo_t                 *cr,
                 const ChronoLayoutLabel *label,
                 const LabelLook         *look)
{
  double radius = box_radius (&label->box);
  double left = look->open_left ? 0 : radius;
  double right = look->open_right ? 0 : radius;

  if (look->open_left && look->open_right)
    return FALSE;
  if (!look->ends_as_glyphs)
    _chrono_renderer_box (cr, &label->box, BOX_RADIUS, !look->open_left, !look->open_right);
  else if (label->box.width > left + right)
    cairo_rectangle (cr, label->box.x + left, label->box.y, label->box.width - left - right, label->box.height);

  return TRUE;
}

/* On device pixels, the rounded ends of the boxes, all those of a colour at once. */
static void
show_box_ends (ChronoRenderer  *self,
               cairo_t         *cr,
               ChronoLayout    *layout,
               const LabelLook *looks)
{
  guint n = layout->labels->len;
  g_autofree ChronoBoxEnd *ends = g_new (ChronoBoxEnd, 2 * MAX (n, 1));
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      guint n_ends = 0;

      if (done[i] || !looks[i].ends_as_glyphs)
        continue;

      for (guint j = i; j < n; j++)
        {
          const ChronoRect *box = &g_array_index (layout->labels, ChronoLayoutLabel, j).box;

          if (done[j] || !looks[j].ends_as_glyphs || !_chrono_renderer_same_color (&looks[i].box, &looks[j].box))
            continue;
          done[j] = TRUE;
          if (!looks[j].open_left)
            ends[n_ends++] = (ChronoBoxEnd) { box->x, box->y, box_radius (box), box->height, FALSE };
          if (!looks[j].open_right)
            ends[n_ends++] = (ChronoBoxEnd) { box->x + box->width, box->y, box_radius (box), box->height, TRUE };
        }
      _chrono_renderer_show_ends (self, cr, &looks[i].box, ends, n_ends);
    }
}

/* The bar along the bottom of a range or an imprecise date shows the span itself, to
 * the nearest pixel: crisp, and cairo fills whole pixels without working out coverage.
 * Faded ones are drawn one by one. */
static gboolean
range_bar (const ChronoLayoutLabel *label,
           ChronoRect              *bar)
{
  double bottom = label->box.y + label->box.height;
  double x0 = round (MAX (label->x, label->box.x));
  double x1 = round (MIN (label->x_end, label->box.x + label->box.width));

  if (!label->is_range && !label->is_imprecise)
    return FALSE;

  *bar = (ChronoRect) { x0, bottom - (label->is_range ? 4 : 2), MAX (x1 - x0, 2), label->is_range ? 4 : 2 };

  return TRUE;
}

static gboolean
range_bar_is_faded (const ChronoLayoutLabel *label)
{
  return label->is_imprecise || (label->flags & (CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN));
}

static gboolean
add_solid_bar (cairo_t                 *cr,
               const ChronoLayoutLabel *label,
               const LabelLook         *look)
{
  ChronoRect bar;

  if (!range_bar (label, &bar) || range_bar_is_faded (label))
    return FALSE;
  cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);

  return TRUE;
}

/* The accent stands on the stem's side; a label that hangs left of a range it does not
 * start with has none, its bar shows where the range is. */
static gboolean
add_accent (cairo_t                 *cr,
            const ChronoLayoutLabel *label,
            const LabelLook         *look)
{
  ChronoRect accent = label->box;

  accent.width = 3;
  if (label->stem_x > label->box.x + label->box.width / 2)
    accent.x = label->box.x + label->box.width - 3;
  if (fabs (label->stem_x - (accent.x + 1.5)) > 3)
    return FALSE;
  cairo_rectangle (cr, accent.x, accent.y + 1, accent.width, accent.height - 2);

  return TRUE;
}

/* What is left of @label's box in its colour alone once its rounded ends, outline, bar and
 * accent are drawn: a title inside stands on that colour. */
static ChronoRect
plain_part (const ChronoLayoutLabel *label)
{
  double top = label->box.y + 1;
  double bottom = label->box.y + label->box.height - 1;
  ChronoRect bar;

  if (range_bar (label, &bar))
    bottom = MIN (bottom, bar.y);

  return (ChronoRect) { label->box.x + BOX_RADIUS, top, label->box.width - 2 * BOX_RADIUS, bottom - top };
}

void
_chrono_renderer_draw_labels (ChronoRenderer          *self,
             cairo_t                 *cr,
             ChronoLayout            *layout,
             const ChronoRenderState *state)
{
  guint n = layout->labels->len;
  g_autofree LabelLook *looks = g_new0 (LabelLook, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
      LabelLook *look = &looks[i];
      const ChronoColor *tint;
      double alpha;

      look->selected = state && state->selected == label->event;
      look->emphasised = look->selected || (state && state->hovered == label->event);
      chrono_renderer_get_category_color (self, chrono_event_get_category (label->event), &look->color);

      /* The tint over the label background, as one opaque colour. */
      tint = look->selected ? &self->style.accent : &look->color;
      alpha = tint->alpha * (look->selected ? 0.25 : look->emphasised ? 0.22 : 0.1);
      look->box.red = self->style.label_background.red * (1 - alpha) + tint->red * alpha;
      look->box.green = self->style.label_background.green * (1 - alpha) + tint->green * alpha;
      look->box.blue = self->style.label_background.blue * (1 - alpha) + tint->blue * alpha;
      look->box.alpha = self->style.label_background.alpha;

      look->open_left = label->is_range && label->x < 0 && label->box.x <= 0;
      look->open_right = label->is_range && label->x_end > layout->width &&
                         label->box.x + label->box.width >= floor (layout->width);
      look->ends_as_glyphs = !(look->open_left && look->open_right) &&
                             _chrono_renderer_on_device_pixels (self, &label->box);
    }

  fill_by_color (cr, layout, looks, G_STRUCT_OFFSET (LabelLook, box), add_open_box);
  fill_by_color (cr, layout, looks, G_STRUCT_OFFSET (LabelLook, box), add_rounded_box);
  show_box_ends (self, cr, layout, looks);

  for (guint i = 0; i < n; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      if (!looks[i].emphasised && !self->style.high_contrast)
        continue;
      _chrono_renderer_box (cr, &label->box, BOX_RADIUS, !looks[i].open_left, !looks[i].open_right);
      _chrono_renderer_set_color (cr, looks[i].selected ? &self->style.accent : &self->style.foreground,
                 looks[i].selected || self->style.high_contrast ? 1.0 : 0.4);
      cairo_set_line_width (cr, looks[i].selected ? 2 : 1);
      cairo_stroke (cr);
    }

  fill_by_color (cr, layout, looks, G_STRUCT_OFFSET (LabelLook, color), add_solid_bar);
  for (guint i = 0; i < n; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
      const ChronoColor *color = &looks[i].color;
      cairo_pattern_t *fade;
      ChronoRect bar;

      if (!range_bar (label, &bar) || !range_bar_is_faded (label))
        continue;

      /* Faded where the date is approximate. */
      fade = cairo_pattern_create_linear (bar.x, 0, bar.x + bar.width, 0);
      cairo_pattern_add_color_stop_rgba (fade, 0, color->red, color->green, color->blue, 0.25);
      cairo_pattern_add_color_stop_rgba (fade, 0.5, color->red, color->green, color->blue, 0.9);
      cairo_pattern_add_color_stop_rgba (fade, 1, color->red, color->green, color->blue, 0.25);
      cairo_set_source (cr, fade);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_fill (cr);
      cairo_pattern_destroy (fade);
    }

  fill_by_color (cr, layout, looks, G_STRUCT_OFFSET (LabelLook, color), add_accent);

  for (guint i = 0; i < n; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
      ChronoTitleGround ground = { looks[i].box, plain_part (label) };

      _chrono_renderer_show_title (self, cr, chrono_layout_event_text (label->event),
                                   label->text_x, label->box.y, label->box.height, label->text_width + 1,
                                   &self->style.foreground,
                                   (label->flags & CHRONO_DATE_UNCERTAIN) && !self->style.high_contrast ? 0.75 : 1.0,
                                   ground.color.alpha >= 1 ? &ground : NULL);
    }

  /* Markers can overlap: the most important were placed first, and are drawn last. */
  for (guint i = n; i-- > 0;)
    draw_marker (self, cr, layout, &g_array_index (layout->labels, ChronoLayoutLabel, i),
                 &looks[i].color, looks[i].emphasised);
}

/* Stems first: where one has to pass behind a label, it does. Those of one category in
 * one stroke; the selected event's, wider and stronger, on its own. */
void
_chrono_renderer_draw_stems (ChronoRenderer          *self,
            cairo_t                 *cr,
            ChronoLayout            *layout,
            const ChronoRenderState *state)
{
  guint n = layout->labels->len;
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
      ChronoCategory *category = chrono_event_get_category (label->event);
      gboolean selected = state && state->selected == label->event;
      ChronoColor color;

      if (done[i])
        continue;

      chrono_renderer_get_category_color (self, category, &color);
      for (guint j = i; j < n; j++)
        {
          const ChronoLayoutLabel *other = &g_array_index (layout->labels, ChronoLayoutLabel, j);
          double x;

          if (done[j] || chrono_event_get_category (other->event) != category ||
              (state && state->selected == other->event) != selected)
            continue;
          done[j] = TRUE;
          x = _chrono_renderer_snap (self, other->stem_x, selected ? 2 : 1);
          cairo_move_to (cr, x, other->box.y + other->box.height);
          cairo_line_to (cr, x, layout->axis_y);
          if (selected)
            break;
        }

      _chrono_renderer_set_color (cr, &color, selected ? 1.0 : 0.6);
      cairo_set_line_width (cr, selected ? 2 : 1);
      cairo_stroke (cr);
    }
}

/* A forecast: a dashed arc over the axis from the marker, where it was made, to an arrow
 * head at the date it predicts, and a dashed bracket over what it predicts. */
void
_chrono_renderer_draw_forecast (ChronoRenderer          *self,
               cairo_t                 *cr,
               ChronoLayout            *layout,
               const ChronoLayoutLabel *label,
               gboolean                 emphasised)
{
  static const double dash[] = { 4, 3 };
  double x0 = label->x;
  /* The arrow lands in the middle of what is predicted: “2025” is the whole year. */
  double x1 = (label->predicted_x + label->predicted_x_end) / 2;
  double y = layout->axis_y - MARKER_RADIUS - 2;
  double rise = CLAMP (fabs (x1 - x0) / 4, 6, 18);
  ChronoColor color;

  if (isnan (label->predicted_x) || fabs (x1 - x0) < 2 * MARKER_RADIUS)
    return;

  chrono_renderer_get_category_color (self, chrono_event_get_category (label->event), &color);
  cairo_save (cr);
  _chrono_renderer_set_color (cr, &color, emphasised ? 1.0 : 0.75);
  cairo_set_line_width (cr, emphasised ? 2 : 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x0, y);
  cairo_curve_to (cr, x0, y - rise, x1, y - rise, x1, y);
  cairo_stroke (cr);

  /* What is predicted, when it spans more than a point: a dashed bracket over the axis. */
  if (label->predicted_x_end - label->predicted_x >= 8)
    {
      cairo_move_to (cr, label->predicted_x, y + 2);
      cairo_line_to (cr, label->predicted_x, y - 3);
      cairo_line_to (cr, label->predicted_x_end, y - 3);
      cairo_line_to (cr, label->predicted_x_end, y + 2);
      cairo_stroke (cr);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, x1, y + 1);
  cairo_line_to (cr, x1 - 4, y - 6);
  cairo_line_to (cr, x1 + 4, y - 6);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

