/* test-overview-render.c — the overview strip's layout and drawing, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "view/chrono-renderer.h"

#define WIDTH  400
#define HEIGHT 56

/* Ten events from 2011 to 2024, three of them on one day in 2022; event i is in
 * category i % 3. */
static const struct {
  const char *id;
  const char *color;
} category_specs[] = {
  { "a", "#e01b24" }, { "b", "#2ec27e" }, { "c", "#1c71d8" },
};

static const struct {
  gint64 year;
  guint  month;
} dates[] = {
  { 2011, 6 }, { 2012, 9 }, { 2015, 12 }, { 2015, 12 }, { 2019, 3 },
  { 2022, 11 }, { 2022, 11 }, { 2022, 11 }, { 2023, 3 }, { 2024, 5 },
};

static ChronoTimeline *
make_timeline (void)
{
  ChronoTimeline *timeline = chrono_timeline_new ();

  for (guint i = 0; i < G_N_ELEMENTS (category_specs); i++)
    {
      g_autoptr(ChronoCategory) category = chrono_category_new (category_specs[i].id, category_specs[i].id,
                                                                category_specs[i].color, NULL);

      chrono_timeline_add_category (timeline, category);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      ChronoDate date = { dates[i].year, dates[i].month, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };

      g_autofree char *id = g_strdup_printf ("event-%u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, id);

      chrono_event_set_category (event, chrono_timeline_lookup_category (timeline, category_specs[i % 3].id));
      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

static ChronoTime
time_of (gint64 year)
{
  ChronoDate date = { year, 1, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };

  return chrono_date_get_start (&date);
}

static void
measure_cb (ChronoTextKind  kind,
            const char     *text,
            double         *width,
            double         *height,
            gpointer        user_data)
{
  /* The overview asks for its own small font, whatever the axis wants. */
  g_assert_cmpint (kind, ==, CHRONO_TEXT_OVERVIEW);
  *width = 6.0 * strlen (text);
  *height = 10;
}

static void
init_params (ChronoOverviewParams *params,
             ChronoEventIndex     *index)
{
  *params = (ChronoOverviewParams) { 0 };
  params->index = index;
  params->extent_start = time_of (2010);
  params->extent_end = time_of (2026);
  params->visible_start = time_of (2020);
  params->visible_end = time_of (2022);
  params->width = WIDTH;
  params->height = HEIGHT;
  params->measure = measure_cb;
}

static double
time_to_x (const ChronoOverviewParams *params,
           double                      time)
{
  return (time - params->extent_start) * params->width / (params->extent_end - params->extent_start);
}

static guint
column_of (const ChronoOverviewLayout *layout,
           const ChronoOverviewParams *params,
           guint                       i)
{
  ChronoDate date = { dates[i].year, dates[i].month, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };

  return (guint) floor (time_to_x (params, chrono_date_get_start (&date)) / layout->column_width);
}

static void
test_layout (void)
{
  g_autoptr(ChronoTimeline) timeline = make_timeline ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  g_autoptr(ChronoOverviewLayout) layout = NULL;
  ChronoOverviewParams params;
  guint total = 0;

  init_params (&params, index);
  layout = chrono_overview_layout_new (&params);

  /* The bars stand above the axis labels, with a little room. */
  g_assert_cmpfloat (layout->axis->label_height, ==, 10);
  g_assert_cmpfloat (layout->bars_height, ==, HEIGHT - 10 - 4);
  g_assert_cmpuint (layout->axis->ticks->len, >, 0);

  /* Every event is counted once, in the column where it starts. */
  g_assert_cmpuint (layout->n_columns, ==, WIDTH / 2);
  for (guint c = 0; c < layout->n_columns; c++)
    total += layout->counts[c];
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpuint (layout->counts[column_of (layout, &params, i)], >, 0);
  g_assert_cmpuint (layout->counts[column_of (layout, &params, 5)], ==, 3);
  g_assert_cmpuint (layout->counts[column_of (layout, &params, 2)], ==, 2);
  g_assert_cmpuint (layout->max_count, ==, 3);

  /* The window is where the visible span is, in whole pixels. */
  g_assert_cmpfloat (layout->window_x0, ==, round (time_to_x (&params, params.visible_start)));
  g_assert_cmpfloat (layout->window_x1, ==, round (time_to_x (&params, params.visible_end)));
}

static void
test_narrow_window (void)
{
  g_autoptr(ChronoOverviewLayout) layout = NULL;
  ChronoOverviewParams params;
  double x;

  /* A day in sixteen years is far less than a pixel: the window keeps four. */
  init_params (&params, NULL);
  params.visible_start = time_of (2020);
  params.visible_end = params.visible_start + 86400;
  layout = chrono_overview_layout_new (&params);
  x = round (time_to_x (&params, params.visible_start));

  g_assert_cmpfloat (layout->window_x1 - layout->window_x0, ==, 4);
  g_assert_cmpfloat (layout->window_x0, ==, round (x - 2));

  /* No index, no bars. */
  g_assert_null (layout->counts);
  g_assert_cmpuint (layout->n_columns, ==, 0);
}

static ChronoOverviewLane *
lane_at (ChronoOverviewLayout *layout,
         guint                 i)
{
  return &g_array_index (layout->lanes, ChronoOverviewLane, i);
}

static void
test_lanes (void)
{
  g_autoptr(ChronoTimeline) timeline = make_timeline ();
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, filter);
  g_autoptr(ChronoOverviewLayout) normal = NULL;
  g_autoptr(ChronoOverviewLayout) layout = NULL;
  g_autoptr(ChronoOverviewLayout) filtered = NULL;
  ChronoOverviewParams params;
  double previous_bottom = 0;
  guint total = 0;

  init_params (&params, index);
  normal = chrono_overview_layout_new (&params);
  g_assert_cmpuint (normal->lanes->len, ==, 0);

  /* A row per category, in the timeline's order, top to bottom above the axis. */
  params.lanes = TRUE;
  layout = chrono_overview_layout_new (&params);
  g_assert_cmpuint (layout->lanes->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ChronoOverviewLane *lane = lane_at (layout, i);

      g_assert_cmpstr (chrono_category_get_id (lane->category), ==, category_specs[i].id);
      g_assert_cmpfloat (lane->y, >=, previous_bottom - 1e-9);
      g_assert_cmpfloat (lane->height, >=, 3);
      previous_bottom = lane->y + lane->height;
    }
  g_assert_cmpfloat (previous_bottom, <=, layout->bars_height + 1e-9);

  /* The lanes share out the total, column by column, each event to its category. */
  g_assert_cmpuint (layout->n_columns, ==, normal->n_columns);
  for (guint c = 0; c < layout->n_columns; c++)
    {
      guint sum = 0;

      for (guint i = 0; i < 3; i++)
        sum += lane_at (layout, i)->counts[c];
      g_assert_cmpuint (sum, ==, normal->counts[c]);
      total += sum;
    }
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpuint (lane_at (layout, i % 3)->counts[column_of (layout, &params, i)], >, 0);
  /* December 2015 has one event of a and one of c; November 2022 one of each. */
  g_assert_cmpuint (lane_at (layout, 0)->counts[column_of (layout, &params, 2)], ==, 1);
  g_assert_cmpuint (lane_at (layout, 1)->counts[column_of (layout, &params, 2)], ==, 0);
  g_assert_cmpuint (lane_at (layout, 2)->counts[column_of (layout, &params, 2)], ==, 1);
  g_assert_cmpuint (lane_at (layout, 1)->counts[column_of (layout, &params, 5)], ==, 1);
  g_assert_cmpuint (layout->lanes_max_count, ==, 1);

  /* A hidden category has no lane, as in the timeline. */
  chrono_event_filter_set_category_visible (filter, "b", FALSE);
  filtered = chrono_overview_layout_new (&params);
  g_assert_cmpuint (filtered->lanes->len, ==, 2);
  g_assert_cmpstr (chrono_category_get_id (lane_at (filtered, 0)->category), ==, "a");
  g_assert_cmpstr (chrono_category_get_id (lane_at (filtered, 1)->category), ==, "c");
  total = 0;
  for (guint c = 0; c < filtered->n_columns; c++)
    {
      g_assert_cmpuint (lane_at (filtered, 0)->counts[c] + lane_at (filtered, 1)->counts[c], ==, filtered->counts[c]);
      total += filtered->counts[c];
    }
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (dates) - 3);

  /* The timeline view had rows for two lanes only: the third category goes without
   * here too, and its events are in the total only. */
  chrono_event_filter_set_category_visible (filter, "b", TRUE);
  params.max_lanes = 2;
  g_clear_pointer (&filtered, chrono_overview_layout_free);
  filtered = chrono_overview_layout_new (&params);
  g_assert_cmpuint (filtered->lanes->len, ==, 2);
  g_assert_cmpstr (chrono_category_get_id (lane_at (filtered, 1)->category), ==, "b");
  g_assert_cmpuint (filtered->lanes_max_count, >=, 1);
  chrono_event_filter_set_category_visible (filter, "b", FALSE);
  params.max_lanes = 0;

  /* No room for a row of a few pixels: the last categories go without. */
  params.height = 10 + 4 + 7;
  g_clear_pointer (&filtered, chrono_overview_layout_free);
  filtered = chrono_overview_layout_new (&params);
  g_assert_cmpuint (filtered->lanes->len, ==, 2);
  params.height = 10 + 4 + 4;
  g_clear_pointer (&filtered, chrono_overview_layout_free);
  filtered = chrono_overview_layout_new (&params);
  g_assert_cmpuint (filtered->lanes->len, ==, 1);
}

static double
alpha_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(guint32 *) (gpointer) (data + (int) y * stride + (int) x * 4);

  return (pixel >> 24) / 255.0;
}

static void
check_render (gboolean dark)
{
  g_autoptr(ChronoTimeline) timeline = make_timeline ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  g_autoptr(ChronoOverviewLayout) layout = NULL;
  g_autoptr(ChronoRenderer) renderer = NULL;
  ChronoOverviewParams params;
  ChronoRenderStyle style;
  const ChronoColor *accent;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *data;
  guint32 pixel;
  double x, y, tallest, bar;
  guint column;

  chrono_render_style_init_default (&style, dark);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);
  accent = &chrono_renderer_get_style (renderer)->accent;

  init_params (&params, index);
  params.measure = chrono_renderer_measure;
  params.measure_data = renderer;
  layout = chrono_overview_layout_new (&params);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  chrono_renderer_draw_overview (renderer, cr, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  /* The window's frame, two pixels wide, in the accent colour. */
  x = layout->window_x0;
  y = HEIGHT / 2;
  pixel = *(guint32 *) (gpointer) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  g_assert_cmpint (ABS ((int) ((pixel >> 16) & 0xff) - (int) round (accent->red * 255)), <=, 1);
  g_assert_cmpint (ABS ((int) ((pixel >> 8) & 0xff) - (int) round (accent->green * 255)), <=, 1);
  g_assert_cmpint (ABS ((int) (pixel & 0xff) - (int) round (accent->blue * 255)), <=, 1);
  g_assert_cmpfloat (alpha_at (surface, layout->window_x1 - 1, y), ==, 1);

  /* Outside the window the strip is dimmed a little, inside it is tinted a little more;
   * near the top, above every bar, nothing else is drawn. */
  g_assert_cmpfloat_with_epsilon (alpha_at (surface, 5, 3), 0.08, 0.01);
  g_assert_cmpfloat_with_epsilon (alpha_at (surface, (layout->window_x0 + layout->window_x1) / 2, 3), 0.15, 0.01);

  /* The busiest column's bar reaches near the top; a lone event's bar is shorter but
   * still shows; an empty column has none. */
  tallest = layout->bars_height - 4;
  column = column_of (layout, &params, 5);
  g_assert_cmpfloat (alpha_at (surface, column * 2 + 0.5, layout->bars_height - tallest + 1), >, 0.3);
  column = column_of (layout, &params, 0);
  bar = sqrt (1.0 / 3) * tallest;
  g_assert_cmpfloat (alpha_at (surface, column * 2 + 0.5, layout->bars_height - 1), >, 0.3);
  g_assert_cmpfloat (alpha_at (surface, column * 2 + 0.5, layout->bars_height - bar + 1), >, 0.3);
  g_assert_cmpfloat_with_epsilon (alpha_at (surface, column * 2 + 0.5, layout->bars_height - bar - 2), 0.08, 0.01);
  g_assert_cmpuint (layout->counts[10], ==, 0);
  g_assert_cmpfloat_with_epsilon (alpha_at (surface, 10 * 2 + 0.5, layout->bars_height - 1), 0.08, 0.01);

  /* The baseline runs the whole width. */
  g_assert_cmpfloat (alpha_at (surface, 1, floor (layout->bars_height)), >, 0.2);
  g_assert_cmpfloat (alpha_at (surface, WIDTH - 2, floor (layout->bars_height)), >, 0.2);

  /* Year labels under the baseline: some ink below each labelled tick. */
  for (guint i = 0; i < layout->axis->ticks->len; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (layout->axis->ticks, ChronoAxisTick, i);
      double ink = 0;

      if (tick->label == NULL || tick->x + 2 + tick->label_width >= WIDTH || tick->x < 0)
        continue;

      for (double ly = layout->bars_height + 3; ly < HEIGHT - 1; ly++)
        for (double lx = tick->x + 2; lx < tick->x + 2 + tick->label_width; lx++)
          ink = MAX (ink, alpha_at (surface, lx, ly));
      g_assert_cmpfloat (ink, >, 0.3);
    }

  cairo_surface_destroy (surface);
}

/* The colour at a pixel, unpremultiplied, as 0..255 channels. */
static void
color_at (cairo_surface_t *surface,
          double           x,
          double           y,
          int              rgb[3])
{
  guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(guint32 *) (gpointer) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  guint alpha = pixel >> 24;

  g_assert_cmpuint (alpha, >, 0);
  for (guint i = 0; i < 3; i++)
    rgb[i] = ((pixel >> (16 - 8 * i)) & 0xff) * 255 / alpha;
}

static void
check_render_lanes (gboolean dark)
{
  g_autoptr(ChronoTimeline) timeline = make_timeline ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  g_autoptr(ChronoOverviewLayout) layout = NULL;
  g_autoptr(ChronoRenderer) renderer = NULL;
  ChronoOverviewParams params;
  ChronoRenderStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  chrono_render_style_init_default (&style, dark);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  init_params (&params, index);
  params.lanes = TRUE;
  params.measure = chrono_renderer_measure;
  params.measure_data = renderer;
  layout = chrono_overview_layout_new (&params);
  g_assert_cmpuint (layout->lanes->len, ==, 3);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  chrono_renderer_draw_overview (renderer, cr, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Each event's bar stands at the bottom of its lane's row, in its category's colour:
   * that colour's own channel leads the other two. Other lanes' rows in that column
   * have no bar. */
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      double x = column_of (layout, &params, i) * layout->column_width + 0.5;

      for (guint l = 0; l < layout->lanes->len; l++)
        {
          ChronoOverviewLane *lane = lane_at (layout, l);
          double y = floor (lane->y + lane->height - 1);
          int rgb[3];

          if (lane->counts[column_of (layout, &params, i)] == 0)
            {
              g_assert_cmpfloat (alpha_at (surface, x, y), <, 0.3);
              continue;
            }

          g_assert_cmpfloat (alpha_at (surface, x, y), >, 0.8);
          color_at (surface, x, y, rgb);
          /* Red, green, blue: lane l's colour leads in channel l. */
          for (guint channel = 0; channel < 3; channel++)
            if (channel != l)
              g_assert_cmpint (rgb[l], >, rgb[channel] + 40);
        }
    }

  cairo_surface_destroy (surface);
}

static void
test_render_lanes_light (void)
{
  check_render_lanes (FALSE);
}

static void
test_render_lanes_dark (void)
{
  check_render_lanes (TRUE);
}

static void
test_render_light (void)
{
  check_render (FALSE);
}

static void
test_render_dark (void)
{
  check_render (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/overview/layout", test_layout);
  g_test_add_func ("/view/overview/narrow-window", test_narrow_window);
  g_test_add_func ("/view/overview/render-light", test_render_light);
  g_test_add_func ("/view/overview/render-dark", test_render_dark);
  g_test_add_func ("/view/overview/lanes", test_lanes);
  g_test_add_func ("/view/overview/render-lanes-light", test_render_lanes_light);
  g_test_add_func ("/view/overview/render-lanes-dark", test_render_lanes_dark);

  return g_test_run ();
}
