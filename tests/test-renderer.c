/* test-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <cairo-tee.h>
#include <math.h>

#include "model/chrono-edit-properties.h"
#include "view/chrono-renderer-private.h"

#define WIDTH  900
#define HEIGHT 320

static ChronoTimeline *
make_timeline (void)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product", "#2ec27e", "#8ff0a4");
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#1c71d8", NULL);
  static const struct {
    const char *id;
    guint month, day;
    const char *title;
    ChronoDateFlags flags;
  } events[] = {
    { "chatgpt", 11, 30, "ChatGPT launches", 0 },
    { "million", 12, 5, "One million users", 0 },
    { "plus", 2, 1, "ChatGPT Plus, $20 a month", CHRONO_DATE_APPROXIMATE },
    { "gpt4", 3, 14, "GPT-4", 0 },
  };

  chrono_timeline_add_category (timeline, product);
  chrono_timeline_add_category (timeline, research);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      ChronoDate date = { events[i].month > 10 ? 2022 : 2023, events[i].month, events[i].day, 0, 0, 0,
                          CHRONO_PRECISION_DAY, events[i].flags };
      g_autoptr(ChronoEvent) event = chrono_event_new (events[i].id, &date, events[i].title);

      chrono_event_set_category (event, i == 3 ? research : product);
      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double           scale)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int) floor (x * scale);
  int py = (int) floor (y * scale);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));

  return *(guint32 *) (gpointer) (data + py * stride + px * 4);
}

static guint32
color_to_pixel (const ChronoColor *color)
{
  /* Opaque colours only, so premultiplication does not matter. */
  return 0xff000000u |
         ((guint32) round (color->red * 255) << 16) |
         ((guint32) round (color->green * 255) << 8) |
         (guint32) round (color->blue * 255);
}

static gboolean
near_color (guint32 pixel,
            guint32 expected,
            guint   tolerance)
{
  for (guint shift = 0; shift < 32; shift += 8)
    {
      int a = (pixel >> shift) & 0xff;
      int b = (expected >> shift) & 0xff;

      if ((guint) ABS (a - b) > tolerance)
        return FALSE;
    }

  return TRUE;
}

static void
check_render (double   scale,
              gboolean dark)
{
  g_autoptr(ChronoTimeline) timeline = make_timeline ();
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  ChronoRenderState state = { NULL, NULL, G_MAXUINT };
  guint32 background;
  guint checked_empty = 0;

  chrono_render_style_init_default (&style, dark);
  style.scale = scale;
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  params.timeline = timeline;
  params.start = 1667260800;           /* 1 November 2022 */
  params.end = 1680307200;             /* 1 April 2023 */
  params.width = WIDTH;
  params.height = HEIGHT;
  params.measure = chrono_renderer_measure;
  params.measure_data = renderer;
  params.now = 0;                      /* far out of view */
  layout = chrono_layout_new (&params);

  /* Four events, far apart, in a wide view: all of them get a label. */
  g_assert_cmpuint (layout->labels->len, ==, 4);
  g_assert_cmpuint (layout->clusters->len, ==, 0);
  g_assert_true (isnan (layout->today_x));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale, HEIGHT * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  chrono_renderer_draw (renderer, cr, layout, &state);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  background = color_to_pixel (&chrono_renderer_get_style (renderer)->background);

  /* A marker of the event's colour where the layout put each marker. */
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
      ChronoColor color;
      guint32 expected;

      chrono_renderer_get_category_color (renderer, chrono_event_get_category (label->event), &color);
      expected = color_to_pixel (&color);

      if (label->flags & CHRONO_DATE_APPROXIMATE)
        {
          /* Hollow: the ring is the colour, the middle is the background. */
          g_assert_true (near_color (pixel_at (surface, label->x, layout->axis_y, scale), background, 8));
          g_assert_true (near_color (pixel_at (surface, label->x + 4, layout->axis_y, scale), expected, 60));
        }
      else
        {
          g_assert_true (near_color (pixel_at (surface, label->x, layout->axis_y, scale), expected, 8));
          g_assert_true (near_color (pixel_at (surface, label->x + 1, layout->axis_y + 1, scale), expected, 8));
        }

      /* The label's accent bar is there too. */
      g_assert_true (near_color (pixel_at (surface,
                                           label->stem_x > label->box.x + label->box.width / 2
                                           ? label->box.x + label->box.width - 1.5 : label->box.x + 1.5,
                                           label->box.y + label->box.height / 2, scale),
                                 expected, 8));
    }

  /* Background wherever the layout says there is nothing: in the label area, away from
   * labels, stems and grid lines. */
  for (double y = layout->label_area.y + 1; y < layout->label_area.y + layout->label_area.height; y += 7)
    for (double x = 0.5; x < WIDTH; x += 5)
      {
        gboolean empty = TRUE;

        for (guint i = 0; i < layout->labels->len && empty; i++)
          {
            const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
            ChronoRect box = label->box;

            box.x -= 2;
            box.y -= 2;
            box.width += 4;
            box.height += 4;
            if ((x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) ||
                fabs (x - label->stem_x) < 3)
              empty = FALSE;
          }

        for (guint i = 0; i < layout->axis->ticks->len && empty; i++)
          {
            const ChronoAxisTick *tick = &g_array_index (layout->axis->ticks, ChronoAxisTick, i);

            if (tick->major && fabs (x - tick->x) < 3)
              empty = FALSE;
          }

        if (!empty)
          continue;

        g_assert_true (near_color (pixel_at (surface, x, y, scale), background, 0));
        checked_empty++;
      }

  g_assert_cmpuint (checked_empty, >, 1000);

  cairo_surface_destroy (surface);
}

static void
test_renderer_markers_light (void)
{
  check_render (1.0, FALSE);
}

static void
test_renderer_markers_dark_hidpi (void)
{
  check_render (2.0, TRUE);
}

static void
test_renderer_measure (void)
{
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  double short_width, long_width, height, cjk_width;

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  chrono_renderer_measure (CHRONO_TEXT_LABEL, "GPT", &short_width, &height, renderer);
  chrono_renderer_measure (CHRONO_TEXT_LABEL, "GPT-4 is released to the public", &long_width, &height, renderer);
  g_assert_cmpfloat (short_width, >, 0);
  g_assert_cmpfloat (long_width, >, short_width * 3);
  g_assert_cmpfloat (height, >, 5);

  /* Chinese text has glyphs (through Pango's font fallback), not nothing. */
  chrono_renderer_measure (CHRONO_TEXT_LABEL, "人工智能", &cjk_width, &height, renderer);
  g_assert_cmpfloat (cjk_width, >, 20);

  /* Measured again, from the cache, the same. */
  chrono_renderer_measure (CHRONO_TEXT_LABEL, "GPT", &long_width, &height, renderer);
  g_assert_cmpfloat (long_width, ==, short_width);
}

/* The width a new title is turned away on, before it is shaped, is never more than the
 * width it has once shaped: in the fonts of every kind of title, with the pairs fonts
 * kern the most, with text that is not ASCII at all or only in part, and large. */
static void
test_renderer_measure_at_least (void)
{
  static const char *fonts[] = {
    "Sans 11", "Serif 11", "Monospace 11", "Cantarell 11", "Sans Bold 24", "Serif Bold Italic 11",
    "DejaVu Sans Condensed 11", "Noto Sans CJK SC 11",
  };
  static const char *titles[] = {
    "Event number 123456", "AVAVAVAVAV", "To Wa Ty Yo Te LT", "WAVE OF AI", "ffi fl fi ffl",
    "iiiiiiiiiiii", "GPT-4 is released to the public", "OpenAI 成立", "人工智能", "Ĳ Ŧ ḟ ᾮ", "",
    "Über-Größe, naïve café", "1.1.1.1 / :;,.'`!|", "Y.Y.Y.Y.Y.Y.", "T,T,T,T,T,T,", "P.Y.T.",
    "rv rw ry vv ww yy", "ry, vy. wy; yo", "11111 77777 1 7 1",
  };
  double min_ratio = G_MAXDOUBLE;

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    {
      ChronoRenderStyle style;
      g_autoptr(ChronoRenderer) renderer = NULL;

      chrono_render_style_init_default (&style, FALSE);
      pango_font_description_free (style.font);
      style.font = pango_font_description_from_string (fonts[f]);
      renderer = chrono_renderer_new (NULL, &style);
      chrono_render_style_clear (&style);

      for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
        {
          double at_least, width, height;

          chrono_renderer_measure (CHRONO_TEXT_LABEL_AT_LEAST, titles[t], &at_least, &height, renderer);
          chrono_renderer_measure (CHRONO_TEXT_LABEL, titles[t], &width, &height, renderer);
          g_test_message ("%s, “%s”: at least %g, shaped %g", fonts[f], titles[t], at_least, width);
          g_assert_cmpfloat (at_least, >=, 0);
          g_assert_cmpfloat (at_least, <=, width);
          if (at_least > 0)
            min_ratio = MIN (min_ratio, width / at_least);

          /* Once shaped, the width itself. */
          chrono_renderer_measure (CHRONO_TEXT_LABEL_AT_LEAST, titles[t], &at_least, &height, renderer);
          g_assert_cmpfloat (at_least, ==, width);
        }
    }

  /* ASCII titles are not turned away on nothing: the bound is most of the width. */
  g_assert_cmpfloat (min_ratio, <, 1.5);
}

/* Rounded corners are chords on pixels, where cairo spent more on arcs than on filling,
 * and arcs in vector files, where chords would show when zoomed into. */
static guint
count_curves (cairo_surface_t *target)
{
  cairo_t *cr = cairo_create (target);
  ChronoRect box = { 10, 10, 120, 24 };
  cairo_path_t *path;
  guint n_curves = 0, n_lines = 0;

  _chrono_renderer_rounded_rect (cr, &box, 4);
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      n_curves += path->data[i].header.type == CAIRO_PATH_CURVE_TO;
      n_lines += path->data[i].header.type == CAIRO_PATH_LINE_TO;
    }
  g_assert_cmpuint (n_curves + n_lines, >=, 4);
  cairo_path_destroy (path);
  cairo_destroy (cr);

  return n_curves;
}

static void
test_renderer_corners (void)
{
  g_autofree char *svg_path = g_build_filename (g_get_tmp_dir (), "chronoscope-corners-XXXXXX.svg", NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 50);
  cairo_surface_t *svg;
  int fd = g_mkstemp (svg_path);

  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);
  svg = cairo_svg_surface_create (svg_path, 200, 50);

  g_assert_cmpuint (count_curves (image), ==, 0);
  g_assert_cmpuint (count_curves (svg), >=, 4);

  /* Large on pixels, as arcs too. */
  cairo_surface_set_device_scale (image, 8, 8);
  g_assert_cmpuint (count_curves (image), >=, 4);

  cairo_surface_destroy (svg);
  cairo_surface_destroy (image);
  g_unlink (svg_path);
}

/* Renders a made-in-2015 event, a forecast for 2025 or not, and returns the pixel where
 * the arrow head would be: in the middle of 2025, just above the marker track. */
static guint32
render_forecast (gboolean  forecast,
                 guint32  *out_background)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) outlook = chrono_category_new ("outlook", "Forecasts", "#c01c28", NULL);
  ChronoDate made = { 2015, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate predicted = { 2025, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  g_autoptr(ChronoEvent) event = chrono_event_new ("agi", &made, "AGI by 2025");
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) layout = NULL;
  const ChronoLayoutLabel *label;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x;
  guint32 pixel;

  chrono_timeline_add_category (timeline, outlook);
  chrono_event_set_category (event, outlook);
  if (forecast)
    chrono_event_set_forecast (event, &predicted, NULL);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  params.timeline = timeline;
  params.start = chrono_date_get_start (&made);
  params.end = chrono_date_get_end (&predicted) + 365 * 86400;
  params.width = WIDTH;
  params.height = HEIGHT;
  params.measure = chrono_renderer_measure;
  params.measure_data = renderer;
  layout = chrono_layout_new (&params);
  label = &g_array_index (layout->labels, ChronoLayoutLabel, 0);
  g_assert_cmpuint (layout->labels->len, ==, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  chrono_renderer_draw (renderer, cr, layout, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  x = WIDTH * ((chrono_date_get_start (&predicted) + chrono_date_get_end (&predicted)) / 2.0 - params.start)
      / (params.end - params.start);
  if (forecast)
    g_assert_cmpfloat_with_epsilon ((label->predicted_x + label->predicted_x_end) / 2, x, 0.01);
  pixel = pixel_at (surface, x, layout->axis_y - 9, 1.0);
  *out_background = color_to_pixel (&chrono_renderer_get_style (renderer)->background);
  cairo_surface_destroy (surface);

  return pixel;
}

static void
test_renderer_forecast_arrow (void)
{
  guint32 background;
  guint32 without = render_forecast (FALSE, &background);
  guint32 with = render_forecast (TRUE, &background);

  /* Nothing there without a forecast; the arrow head's red with one. */
  g_assert_true (near_color (without, background, 0));
  g_assert_false (near_color (with, background, 40));
  g_assert_cmpuint ((with >> 16) & 0xff, >, (with & 0xff) + 40);
}

static ChronoLayout *
lay_out (ChronoTimeline   *timeline,
         ChronoEventIndex *index,
         ChronoRenderer   *renderer)
{
  ChronoLayoutParams params = { 0 };

  params.timeline = timeline;
  params.index = index;
  params.start = 1667260800;           /* 1 November 2022 */
  params.end = 1680307200;             /* 1 April 2023 */
  params.width = WIDTH;
  params.height = HEIGHT;
  params.measure = chrono_renderer_measure;
  params.measure_data = renderer;

  return chrono_layout_new (&params);
}

/* Label widths come from a cache of measured texts: an edited title is measured anew,
 * and an edited importance reaches the layout's choice through the timeline's ranks. */
static void
test_renderer_measure_after_edit (void)
{
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoTimeline) timeline = make_timeline ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  g_autoptr(ChronoLayout) before = NULL;
  g_autoptr(ChronoLayout) after = NULL;
  g_autoptr(ChronoEditProperties) edit = NULL;
  ChronoEvent *event = chrono_timeline_lookup_event (timeline, "gpt4");
  guint position = chrono_timeline_get_position (timeline, event);
  const ChronoLayoutLabel *label;
  double width_before;

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  before = lay_out (timeline, index, renderer);
  label = chrono_layout_find_label (before, position);
  g_assert_nonnull (label);
  width_before = label->box.width;

  edit = chrono_edit_properties_new (event, "title", "GPT-4, a much longer title for the same event",
                                     "importance", 5, NULL);
  chrono_edit_apply (CHRONO_EDIT (edit), timeline);
  g_assert_cmpuint (chrono_timeline_get_ranks (timeline)[position] >> 24, ==, 5);

  after = lay_out (timeline, index, renderer);
  label = chrono_layout_find_label (after, position);
  g_assert_nonnull (label);
  g_assert_cmpfloat (label->box.width, >, width_before + 50);

  chrono_edit_revert (CHRONO_EDIT (edit), timeline);
  g_clear_pointer (&after, chrono_layout_free);
  after = lay_out (timeline, index, renderer);
  label = chrono_layout_find_label (after, position);
  g_assert_nonnull (label);
  g_assert_cmpfloat (label->box.width, ==, width_before);
}

/* Two thousand events in five months, one in three with a Chinese title, one in ten a
 * range: many labels, markers and clusters. */
static ChronoTimeline *
make_crowd (void)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product", "#2ec27e", "#8ff0a4");
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#1c71d8", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  chrono_timeline_add_category (timeline, product);
  chrono_timeline_add_category (timeline, research);
  for (guint i = 0; i < 2000; i++)
    {
      ChronoDate date = { 2022 + (i % 5 >= 2), i % 5 >= 2 ? i % 5 - 1 : 11 + i % 5, 1 + g_rand_int_range (rand, 0, 28),
                          g_rand_int_range (rand, 0, 24), 0, 0, CHRONO_PRECISION_MINUTE, 0 };
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf (i % 3 ? "Event number %u" : "第 %u 个事件", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, title);

      if (i % 10 == 0)
        {
          ChronoDate end = date;

          end.day = MIN (date.day + 10, 28);
          chrono_event_set_end (event, &end);
        }
      chrono_event_set_importance (event, g_rand_int_range (rand, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX + 1));
      chrono_event_set_category (event, i % 2 ? product : research);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

static ChronoRenderer *
renderer_at (double   scale,
             gboolean dark)
{
  ChronoRenderStyle style;
  ChronoRenderer *renderer;

  chrono_render_style_init_default (&style, dark);
  style.scale = scale;
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  return renderer;
}

/* Draws @layout twice onto an image at @scale: directly, or through a tee surface, on
 * which the renderer keeps no bitmaps (as on PDF and SVG) and draws everything anew. */
static cairo_surface_t *
draw_twice (ChronoRenderer          *renderer,
            ChronoLayout            *layout,
            double                   scale,
            gboolean                 through_tee,
            const ChronoRenderState *state)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale, HEIGHT * scale);
  cairo_surface_t *target = image;

  if (through_tee)
    target = cairo_tee_surface_create (image);
  cairo_surface_set_device_scale (target, scale, scale);
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr = cairo_create (target);

      chrono_renderer_draw (renderer, cr, layout, state);
      cairo_destroy (cr);
    }
  if (through_tee)
    cairo_surface_destroy (target);
  cairo_surface_flush (image);

  return image;
}

/* The pixels of @label's box (those of it in the picture) that differ between @a and @b
 * by more than @tolerance. */
static guint
count_differing_in_box (cairo_surface_t         *a,
                        cairo_surface_t         *b,
                        const ChronoLayoutLabel *label,
                        double                   scale,
                        guint                    tolerance)
{
  int stride = cairo_image_surface_get_stride (a);
  int x0 = MAX ((int) (label->box.x * scale), 0);
  int y0 = MAX ((int) (label->box.y * scale), 0);
  int x1 = MIN ((int) ((label->box.x + label->box.width) * scale), cairo_image_surface_get_width (a));
  int y1 = MIN ((int) ((label->box.y + label->box.height) * scale), cairo_image_surface_get_height (a));
  guint n = 0;

  g_assert_cmpint (x0, <, x1);
  g_assert_cmpint (y0, <, y1);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pa = *(guint32 *) (gpointer) (cairo_image_surface_get_data (a) + y * stride + x * 4);
        guint32 pb = *(guint32 *) (gpointer) (cairo_image_surface_get_data (b) + y * stride + x * 4);

        n += !near_color (pa, pb, tolerance);
      }

  return n;
}

/* On screen, titles, markers and badges are copied from bitmaps drawn once, and boxes on
 * whole pixels filled in parts: the picture is the one drawn anew, but for the edges of
 * markers (placed to an eighth of a pixel), and the same to the pixel in the boxes. */
static void
check_bitmaps (gconstpointer data)
{
  double scale = *(const double *) data;
  g_autoptr(ChronoTimeline) timeline = make_crowd ();
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoRenderer) vector_renderer = NULL;
  g_autoptr(ChronoLayout) layout = NULL;
  cairo_surface_t *from_bitmaps, *drawn;
  guint n_bitmaps = 0, n_differing = 0;
  gsize bytes = 0;
  int stride;

  renderer = renderer_at (scale, scale > 1);
  vector_renderer = renderer_at (scale, scale > 1);

  layout = lay_out (timeline, NULL, renderer);
  g_assert_cmpuint (layout->labels->len, >=, 10);
  g_assert_cmpuint (layout->clusters->len, >=, 3);

  from_bitmaps = draw_twice (renderer, layout, scale, FALSE, NULL);
  chrono_renderer_get_bitmap_usage (renderer, &n_bitmaps, &bytes);
  g_assert_cmpuint (n_bitmaps, >=, layout->labels->len + 1);
  g_assert_cmpuint (bytes, >=, n_bitmaps * 4 * 4 * scale * scale);
  g_assert_cmpuint (bytes, <=, 16 * 1024 * 1024);

  drawn = draw_twice (vector_renderer, layout, scale, TRUE, NULL);
  chrono_renderer_get_bitmap_usage (vector_renderer, &n_bitmaps, &bytes);
  g_assert_cmpuint (n_bitmaps, ==, 0);
  g_assert_cmpuint (bytes, ==, 0);

  stride = cairo_image_surface_get_stride (drawn);
  for (int y = 0; y < cairo_image_surface_get_height (drawn); y++)
    for (int x = 0; x < cairo_image_surface_get_width (drawn); x++)
      {
        guint32 a = *(guint32 *) (gpointer) (cairo_image_surface_get_data (from_bitmaps) + y * stride + x * 4);
        guint32 b = *(guint32 *) (gpointer) (cairo_image_surface_get_data (drawn) + y * stride + x * 4);

        n_differing += !near_color (a, b, 24);
      }
  g_test_message ("%u of %u pixels differ", n_differing, (guint) (WIDTH * HEIGHT * scale * scale));
  g_assert_cmpuint (n_differing, <, WIDTH * HEIGHT * scale * scale / 1000);

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      g_assert_cmpuint (count_differing_in_box (from_bitmaps, drawn, label, scale, 2), ==, 0);
    }

  cairo_surface_destroy (from_bitmaps);
  cairo_surface_destroy (drawn);
}

/* Markers that overlap are drawn in their order, the most important last, from their
 * bitmaps as drawn anew: two events a day apart, the second more important, whose
 * markers overlap, among others that do not. */
static void
test_renderer_overlapping_markers (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product", "#2ec27e", NULL);
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#1c71d8", NULL);
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoLayout) layout = NULL;
  const ChronoLayoutLabel *minor = NULL, *major = NULL;
  ChronoColor minor_color, major_color;
  cairo_surface_t *surface;

  chrono_timeline_add_category (timeline, product);
  chrono_timeline_add_category (timeline, research);
  for (guint i = 0; i < 6; i++)
    {
      /* 1 and 2 December, then a month apart. */
      ChronoDate date = { 2022 + (i >= 3), i < 2 ? 12 : i == 2 ? 11 : i - 2, i < 2 ? 1 + i : 15, 0, 0, 0,
                          CHRONO_PRECISION_DAY, 0 };
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, id);

      chrono_event_set_category (event, i == 1 ? research : product);
      chrono_event_set_importance (event, i == 1 ? CHRONO_IMPORTANCE_MAX : CHRONO_IMPORTANCE_MIN);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);
  layout = lay_out (timeline, NULL, renderer);
  g_assert_cmpuint (layout->labels->len, ==, 6);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      if (g_str_equal (chrono_event_get_id (label->event), "e0"))
        minor = label;
      else if (g_str_equal (chrono_event_get_id (label->event), "e1"))
        major = label;
    }
  g_assert_nonnull (minor);
  g_assert_nonnull (major);
  /* The major's ring covers the minor's dot between them. */
  g_assert_cmpfloat (major->x - minor->x, >, 4);
  g_assert_cmpfloat (major->x - minor->x, <, 7);
  chrono_renderer_get_category_color (renderer, chrono_event_get_category (minor->event), &minor_color);
  chrono_renderer_get_category_color (renderer, chrono_event_get_category (major->event), &major_color);

  surface = draw_twice (renderer, layout, 1, FALSE, NULL);
  g_assert_true (near_color (pixel_at (surface, major->x, layout->axis_y, 1), color_to_pixel (&major_color), 8));
  g_assert_true (near_color (pixel_at (surface, minor->x - 2, layout->axis_y, 1), color_to_pixel (&minor_color), 8));
  g_assert_true (near_color (pixel_at (surface, minor->x, layout->axis_y, 1), color_to_pixel (&minor_color), 8));
  /* Under the major's ring, where the minor's dot would show if it came last. */
  g_assert_false (near_color (pixel_at (surface, minor->x + 2, layout->axis_y, 1), color_to_pixel (&minor_color), 40));
  cairo_surface_destroy (surface);
}

static cairo_surface_t *
draw_once (ChronoRenderer *renderer,
           ChronoLayout   *layout,
           double          scale)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale, HEIGHT * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  chrono_renderer_draw (renderer, cr, layout, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  return image;
}

static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b,
                 guint            tolerance)
{
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      {
        guint32 pa = *(guint32 *) (gpointer) (cairo_image_surface_get_data (a) + y * stride + x * 4);
        guint32 pb = *(guint32 *) (gpointer) (cairo_image_surface_get_data (b) + y * stride + x * 4);

        n += !near_color (pa, pb, tolerance);
      }

  return n;
}

/* A title is drawn directly in the frame it first appears in, and the next frame that
 * draws it just so makes its bitmap, with the same picture; markers and badges have
 * theirs from the first frame. */
static void
check_first_sight (gconstpointer data)
{
  double scale = *(const double *) data;
  g_autoptr(ChronoTimeline) timeline = make_crowd ();
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoRenderer) vector_renderer = NULL;
  g_autoptr(ChronoLayout) layout = NULL;
  cairo_surface_t *first, *second, *third, *drawn;
  guint n_first = G_MAXUINT, n_second = G_MAXUINT, n_third = G_MAXUINT, n_differing;
  gsize bytes_first = G_MAXSIZE, bytes_second = G_MAXSIZE, bytes_third = G_MAXSIZE;

  renderer = renderer_at (scale, scale > 1);
  vector_renderer = renderer_at (scale, scale > 1);
  layout = lay_out (timeline, NULL, renderer);
  g_assert_cmpuint (layout->labels->len, >=, 10);
  g_assert_cmpuint (layout->clusters->len, >=, 3);
  drawn = draw_twice (vector_renderer, layout, scale, TRUE, NULL);

  first = draw_once (renderer, layout, scale);
  chrono_renderer_get_bitmap_usage (renderer, &n_first, &bytes_first);
  g_assert_cmpuint (n_first, >=, 2);
  g_assert_cmpuint (n_first, <, layout->labels->len);
  n_differing = count_differing (first, drawn, 24);
  g_test_message ("first frame: %u of %u pixels differ", n_differing, (guint) (WIDTH * HEIGHT * scale * scale));
  g_assert_cmpuint (n_differing, <, WIDTH * HEIGHT * scale * scale / 1000);

  /* Every title has its bitmap now, and nothing else is new. */
  second = draw_once (renderer, layout, scale);
  chrono_renderer_get_bitmap_usage (renderer, &n_second, &bytes_second);
  g_assert_cmpuint (n_second, ==, n_first + layout->labels->len);
  g_assert_cmpuint (bytes_second, >, bytes_first);
  n_differing = count_differing (second, first, 24);
  g_test_message ("second frame: %u of %u pixels differ", n_differing, (guint) (WIDTH * HEIGHT * scale * scale));
  g_assert_cmpuint (n_differing, <, WIDTH * HEIGHT * scale * scale / 1000);

  /* Copied from then on, none made again. */
  third = draw_once (renderer, layout, scale);
  chrono_renderer_get_bitmap_usage (renderer, &n_third, &bytes_third);
  g_assert_cmpuint (n_third, ==, n_second);
  g_assert_cmpuint (bytes_third, ==, bytes_second);
  g_assert_cmpuint (count_differing (third, second, 0), ==, 0);

  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  cairo_surface_destroy (third);
  cairo_surface_destroy (drawn);
}

/* A title of @layout drawn just so in @before too: its bitmap is made by now. */
static gboolean
drawn_alike_before (const ChronoLayoutLabel *label,
                    ChronoLayout            *before)
{
  for (guint i = 0; i < before->labels->len; i++)
    {
      const ChronoLayoutLabel *other = &g_array_index (before->labels, ChronoLayoutLabel, i);

      if (other->event == label->event)
        return other->row == label->row && other->text_width == label->text_width;
    }

  return FALSE;
}

/* A pan across thousands of titles fills the renderer's caches of titles and bitmaps
 * many times over; what they forget then is what the view no longer shows, so every
 * title drawn in two frames in a row is copied from its bitmap. */
static void
check_long_pan (gconstpointer data)
{
  double scale = *(const double *) data;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoEventIndex) index = NULL;
  g_autoptr(ChronoLayout) before = NULL;
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  const ChronoTime day = 86400, first_day = 946684800; /* 1 January 2000 */
  const guint n_events = 5000;
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer drawn_title;
  guint n_forgotten = 0;
  gsize most_bytes = 0;
  gboolean forgot_bitmaps = FALSE;

  for (guint i = 0; i < n_events; i++)
    {
      GDateTime *when = g_date_time_new_from_unix_utc (first_day + (ChronoTime) i * day);
      ChronoDate date = { g_date_time_get_year (when), g_date_time_get_month (when), g_date_time_get_day_of_month (when),
                          0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("A title long enough for its bitmap to weigh, number %u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, title);

      chrono_event_set_importance (event, CHRONO_IMPORTANCE_MIN + i % (CHRONO_IMPORTANCE_MAX - CHRONO_IMPORTANCE_MIN + 1));
      chrono_timeline_add_event (timeline, event);
      g_date_time_unref (when);
    }
  chrono_timeline_seal (timeline);
  index = chrono_event_index_new (timeline, NULL);

  chrono_render_style_init_default (&style, FALSE);
  style.scale = scale;
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  /* Ninety days in view, a sixth of them new in each frame. */
  for (ChronoTime start = first_day; start + 90 * day < first_day + (ChronoTime) n_events * day; start += 15 * day)
    {
      ChronoLayoutParams params = { 0 };
      ChronoLayout *layout;
      cairo_surface_t *image;
      guint n_checked = 0;
      gsize bytes = 0;
      guint n_bitmaps = 0;

      params.timeline = timeline;
      params.index = index;
      params.start = start;
      params.end = start + 90 * day;
      params.width = WIDTH;
      params.height = HEIGHT;
      params.measure = chrono_renderer_measure;
      params.measure_data = renderer;
      params.previous = before;
      layout = chrono_layout_new (&params);
      image = draw_once (renderer, layout, scale);
      cairo_surface_destroy (image);

      for (guint i = 0; i < layout->labels->len; i++)
        {
          const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
          const char *title = chrono_event_get_title (label->event);
          ChronoLabelText *text = g_hash_table_lookup (renderer->label_layouts, title);

          g_hash_table_add (drawn, (gpointer) title);
          if (before == NULL || !drawn_alike_before (label, before))
            continue;
          g_assert_nonnull (text);
          g_assert_nonnull (text->bitmap.surface);
          n_checked++;
        }
      if (before != NULL)
        g_assert_cmpuint (n_checked, >=, 5);

      chrono_renderer_get_bitmap_usage (renderer, &n_bitmaps, &bytes);
      forgot_bitmaps |= bytes < most_bytes;
      most_bytes = MAX (most_bytes, bytes);
      g_clear_pointer (&before, chrono_layout_free);
      before = layout;
    }

  /* The caches did fill up and forget. */
  g_hash_table_iter_init (&iter, drawn);
  while (g_hash_table_iter_next (&iter, &drawn_title, NULL))
    n_forgotten += g_hash_table_lookup (renderer->label_layouts, drawn_title) == NULL;
  g_assert_cmpuint (n_forgotten, >, g_hash_table_size (drawn) / 4);
  g_assert_true (forgot_bitmaps);
}

static void
draw_square (ChronoRenderer *renderer,
             cairo_t        *cr,
             gconstpointer   data,
             double          x,
             double          y)
{
  cairo_rectangle (cr, x, y, 10, 10);
  cairo_fill (cr);
}

static guint
count_title_bitmaps (ChronoRenderer *renderer)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, renderer->label_layouts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((ChronoLabelText *) value)->bitmap.surface != NULL;

  return n;
}

/* A title on nothing but its box's colour has a bitmap without alpha, copied in place
 * of what is there: each box is as drawn anew, with its outline, bar and accent, when the
 * selected and the hovered label change colour too. */
static void
check_opaque_titles (gconstpointer data)
{
  double scale = *(const double *) data;
  g_autoptr(ChronoTimeline) timeline = make_crowd ();
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoRenderer) vector_renderer = NULL;
  g_autoptr(ChronoLayout) layout = NULL;
  ChronoRenderState state = { NULL, NULL, G_MAXUINT };
  cairo_surface_t *before, *from_bitmaps, *drawn;
  GHashTableIter iter;
  gpointer value;
  guint n_opaque = 0;

  renderer = renderer_at (scale, scale > 1);
  vector_renderer = renderer_at (scale, scale > 1);
  layout = lay_out (timeline, NULL, renderer);

  /* A range selected, a point hovered. */
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      if (label->is_range && state.selected == NULL)
        state.selected = label->event;
      else if (!label->is_range && state.hovered == NULL)
        state.hovered = label->event;
    }
  g_assert_nonnull (state.selected);
  g_assert_nonnull (state.hovered);

  before = draw_twice (renderer, layout, scale, FALSE, NULL);
  from_bitmaps = draw_twice (renderer, layout, scale, FALSE, &state);
  drawn = draw_twice (vector_renderer, layout, scale, TRUE, &state);

  g_hash_table_iter_init (&iter, renderer->label_layouts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ChronoLabelText *text = value;

      if (text->bitmap.surface == NULL || text->bitmap_look.ground.alpha == 0)
        continue;
      g_assert_cmpint (cairo_image_surface_get_format (text->bitmap.surface), ==, CAIRO_FORMAT_RGB24);
      n_opaque++;
    }
  g_test_message ("%u of %u titles opaque", n_opaque, layout->labels->len);
  g_assert_cmpuint (n_opaque, >=, layout->labels->len * 3 / 4);

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      g_assert_cmpuint (count_differing_in_box (from_bitmaps, drawn, label, scale, 2), ==, 0);
    }

  cairo_surface_destroy (before);
  cairo_surface_destroy (from_bitmaps);
  cairo_surface_destroy (drawn);
}

/* Full, the cache of titles forgets an eighth of them, those out of view that a frame
 * used longest ago; the bitmaps of titles, the same. */
static void
test_renderer_forget_oldest (void)
{
  g_autoptr(ChronoRenderer) renderer = renderer_at (1, FALSE);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (image);
  const guint per_frame = 100, n_frames = 22;
  g_autoptr(GArray) titles = NULL;

  /* The 2,049th title, in frame 20, finds the cache full: frames 19 and 20 are in view,
   * the oldest 256 of the others go. */
  for (guint frame = 0; frame < n_frames; frame++)
    {
      _chrono_renderer_begin_bitmaps (renderer, cr);
      for (guint i = 0; i < per_frame; i++)
        {
          g_autofree char *title = g_strdup_printf ("Title %u of frame %u", i, frame);
          double width = 0, height = 0;

          chrono_renderer_measure (CHRONO_TEXT_LABEL, title, &width, &height, renderer);
        }
      _chrono_renderer_end_bitmaps (renderer);
    }

  g_assert_cmpuint (g_hash_table_size (renderer->label_layouts), ==, n_frames * per_frame - 256);
  for (guint frame = 0; frame < n_frames; frame++)
    {
      guint kept = 0;

      for (guint i = 0; i < per_frame; i++)
        {
          g_autofree char *title = g_strdup_printf ("Title %u of frame %u", i, frame);

          kept += g_hash_table_contains (renderer->label_layouts, title);
        }
      if (kept != (frame < 2 ? 0 : frame == 2 ? per_frame - (256 - 2 * per_frame) : per_frame))
        g_error ("frame %u kept %u of its %u titles", frame, kept, per_frame);
    }

  /* The bitmaps over their budget go in the same order. */
  titles = _chrono_renderer_titles_out_of_view (renderer);
  g_assert_cmpuint (titles->len, ==, g_hash_table_size (renderer->label_layouts) - 2 * per_frame);
  for (guint i = 1; i < titles->len; i++)
    g_assert_cmpuint (g_array_index (titles, ChronoCachedTitle, i - 1).label->used_frame, <=,
                      g_array_index (titles, ChronoCachedTitle, i).label->used_frame);

  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

/* A badge's count changes as the view pans, and each count is a sprite: over the 16 MiB
 * budget they go, and the titles in view keep their bitmaps. */
static void
test_renderer_sprites_over_budget (void)
{
  g_autoptr(ChronoTimeline) timeline = make_crowd ();
  ChronoRenderStyle style;
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoLayout) layout = NULL;
  cairo_surface_t *image;
  cairo_t *cr;
  guint n_titles, n_bitmaps = 0;
  gsize bytes = 0;

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);
  layout = lay_out (timeline, NULL, renderer);
  for (guint frame = 0; frame < 2; frame++)
    cairo_surface_destroy (draw_once (renderer, layout, 1));
  n_titles = count_title_bitmaps (renderer);
  g_assert_cmpuint (n_titles, >=, 10);

  /* The next frame: a thousand counts of 40 KiB each. */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (image);
  _chrono_renderer_begin_bitmaps (renderer, cr);
  for (guint i = 0; i < 1000; i++)
    {
      ChronoSpriteKey key = { 0 };
      ChronoRect extent = { 0, 0, 200, 50 };

      key.kind = CHRONO_SPRITE_BADGE_TEXT;
      g_snprintf (key.text, sizeof key.text, "+%u", i);
      _chrono_renderer_draw_sprite (renderer, cr, &key, 10, 10, &extent, draw_square);
    }
  _chrono_renderer_end_bitmaps (renderer);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  chrono_renderer_get_bitmap_usage (renderer, &n_bitmaps, &bytes);
  g_assert_cmpuint (bytes, <=, 16 * 1024 * 1024);
  g_assert_cmpuint (g_hash_table_size (renderer->sprites), <, 1000);
  g_assert_cmpuint (count_title_bitmaps (renderer), ==, n_titles);
}

/* At a fractional scale a bitmap could sit off the device pixels it is played back onto
 * and be resampled: everything is drawn directly, as sharp as on PDF and SVG. */
static void
test_renderer_fractional_scale (void)
{
  const double scale = 1.5;
  g_autoptr(ChronoTimeline) timeline = make_crowd ();
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoRenderer) vector_renderer = NULL;
  g_autoptr(ChronoLayout) layout = NULL;
  cairo_surface_t *drawn;
  guint n_bitmaps = G_MAXUINT;
  gsize bytes = G_MAXSIZE;

  renderer = renderer_at (scale, FALSE);
  vector_renderer = renderer_at (scale, FALSE);
  layout = lay_out (timeline, NULL, renderer);
  g_assert_cmpuint (layout->labels->len, >=, 10);

  drawn = draw_twice (vector_renderer, layout, scale, TRUE, NULL);
  for (guint i = 0; i < 3; i++)
    {
      cairo_surface_t *image = draw_once (renderer, layout, scale);

      g_assert_cmpuint (count_differing (image, drawn, 0), ==, 0);
      cairo_surface_destroy (image);
    }
  chrono_renderer_get_bitmap_usage (renderer, &n_bitmaps, &bytes);
  g_assert_cmpuint (n_bitmaps, ==, 0);
  g_assert_cmpuint (bytes, ==, 0);

  cairo_surface_destroy (drawn);
}

int
main (int   argc,
      char *argv[])
{
  static const double scales[] = { 1, 2 };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/renderer/markers-light", test_renderer_markers_light);
  g_test_add_func ("/view/renderer/markers-dark-hidpi", test_renderer_markers_dark_hidpi);
  g_test_add_func ("/view/renderer/measure", test_renderer_measure);
  g_test_add_func ("/view/renderer/measure-at-least", test_renderer_measure_at_least);
  g_test_add_func ("/view/renderer/corners", test_renderer_corners);
  g_test_add_func ("/view/renderer/forecast-arrow", test_renderer_forecast_arrow);
  g_test_add_func ("/view/renderer/measure-after-edit", test_renderer_measure_after_edit);
  g_test_add_data_func ("/view/renderer/bitmaps", &scales[0], check_bitmaps);
  g_test_add_data_func ("/view/renderer/bitmaps-hidpi", &scales[1], check_bitmaps);
  g_test_add_func ("/view/renderer/overlapping-markers", test_renderer_overlapping_markers);
  g_test_add_data_func ("/view/renderer/first-sight", &scales[0], check_first_sight);
  g_test_add_data_func ("/view/renderer/first-sight-hidpi", &scales[1], check_first_sight);
  g_test_add_data_func ("/view/renderer/opaque-titles", &scales[0], check_opaque_titles);
  g_test_add_data_func ("/view/renderer/opaque-titles-hidpi", &scales[1], check_opaque_titles);
  g_test_add_data_func ("/view/renderer/long-pan", &scales[0], check_long_pan);
  g_test_add_data_func ("/view/renderer/long-pan-hidpi", &scales[1], check_long_pan);
  g_test_add_func ("/view/renderer/forget-oldest", test_renderer_forget_oldest);
  g_test_add_func ("/view/renderer/sprites-over-budget", test_renderer_sprites_over_budget);
  g_test_add_func ("/view/renderer/fractional-scale", test_renderer_fractional_scale);

  return g_test_run ();
}
