/* test-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "view/chrono-exporter.h"
#include "view/chrono-renderer.h"

/* In the sanitizer build: cairo has no frame pointers, so only the slow unwinder follows
 * a PDF's leak in cairo up to cairo_surface_finish (see sanitizers/lsan.supp). */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

#define WIDTH  800
#define HEIGHT 300
#define MARKER_COLOR "#c01c28"

typedef struct
{
  char           *dir;
  ChronoTimeline *timeline;
} Fixture;

static ChronoTimeline *
make_timeline (const char *title)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product", MARKER_COLOR, NULL);
  static const struct {
    const char *id;
    int year;
    guint month, day;
    const char *title;
  } events[] = {
    { "chatgpt", 2022, 11, 30, "ChatGPT launches" },
    { "million", 2022, 12, 5, "One million users" },
  };

  chrono_timeline_set_title (timeline, title);
  chrono_timeline_add_category (timeline, product);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      ChronoDate date = { events[i].year, events[i].month, events[i].day, 0, 0, 0,
                          CHRONO_PRECISION_DAY, 0 };
      g_autoptr(ChronoEvent) event = chrono_event_new (events[i].id, &date, events[i].title);

      chrono_event_set_category (event, product);
      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

static ChronoExporter *
make_exporter (ChronoTimeline *timeline)
{
  ChronoDate from = { 2022, 11, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
  ChronoDate to = { 2022, 12, 31, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
  ChronoExportParams params = { 0 };

  params.timeline = timeline;
  params.start = (double) chrono_date_get_start (&from);
  params.end = (double) chrono_date_get_end (&to);
  params.width = WIDTH;
  params.height = HEIGHT;

  return chrono_exporter_new (&params);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("chrono-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->timeline = make_timeline (data != NULL ? data : "From AlexNet to AGI");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->timeline);
}

static char *
export (Fixture            *fixture,
        ChronoExporter     *exporter,
        ChronoExportFormat  format,
        double              scale,
        const char         *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (chrono_exporter_write (exporter, format, scale, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&path);
}

static char *
read_contents (const char *path,
               gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);

  return contents;
}

/* PDF files hold binary streams, where the string functions would stop at a zero byte. */
static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static gssize
find (const char *data,
      gsize       length,
      gsize       from,
      const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return i;

  return -1;
}

/* The file with its compressed streams inflated: cairo 1.18 (Debian 13, the Flatpak runtime)
 * keeps the page objects in compressed object streams, cairo 1.16 (Debian 12) in plain text. */
static GByteArray *
inflate_pdf (const char *data,
             gsize       length)
{
  GByteArray *text = g_byte_array_new ();
  gssize at = 0;

  g_byte_array_append (text, (const guint8 *) data, length);
  while ((at = find (data, length, at, "stream\n")) >= 0)
    {
      gsize start = at + strlen ("stream\n");
      gssize end = find (data, length, start, "endstream");
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GConverter) zlib = NULL;
      g_autoptr(GInputStream) inflated = NULL;
      g_autoptr(GOutputStream) out = NULL;

      if (end < 0)
        break;
      at = end + strlen ("endstream");

      raw = g_memory_input_stream_new_from_data (data + start, end - start, NULL);
      zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      inflated = g_converter_input_stream_new (raw, zlib);
      out = g_memory_output_stream_new_resizable ();
      /* Streams that are not deflated add nothing. */
      g_output_stream_splice (out, inflated, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL);
      g_byte_array_append (text, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                           g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
    }

  return text;
}

static void
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y,
           guint           *red,
           guint           *green,
           guint           *blue)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  pixel = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  *red = (pixel >> 16) & 0xff;
  *green = (pixel >> 8) & 0xff;
  *blue = pixel & 0xff;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ChronoExporter) exporter = make_exporter (fixture->timeline);
  ChronoLayout *layout = chrono_exporter_get_layout (exporter);
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  guint red, green, blue;

  path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_PNG, 2, "timeline.png");

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==,
                   (int) ceil (2 * chrono_exporter_get_height (exporter)));
  g_assert_cmpfloat (chrono_exporter_get_title_height (exporter), >, 0);

  /* Both events are in view and labelled; each marker sits on the axis in its colour. */
  g_assert_cmpuint (layout->labels->len, ==, 2);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);
      double y = chrono_exporter_get_title_height (exporter) + layout->axis_y;

      get_pixel (surface, (int) floor (label->x * 2), (int) floor (y * 2), &red, &green, &blue);
      g_assert_cmpuint (red, ==, 0xc0);
      g_assert_cmpuint (green, ==, 0x1c);
      g_assert_cmpuint (blue, ==, 0x28);
    }

  /* The default light style: a white background in the corner of the title line. */
  get_pixel (surface, 1, 1, &red, &green, &blue);
  g_assert_cmpuint (red, ==, 0xff);
  g_assert_cmpuint (green, ==, 0xff);
  g_assert_cmpuint (blue, ==, 0xff);

  cairo_surface_destroy (surface);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ChronoExporter) exporter = make_exporter (fixture->timeline);
  g_autofree char *path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_SVG, 1, "timeline.svg");
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_contents (path, &length);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"800px\""));
  g_assert_nonnull (strstr (contents, "ChatGPT launches"));
  g_assert_nonnull (strstr (contents, "<title>From AlexNet to AGI"));
  g_assert_nonnull (strstr (contents, "</svg>"));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ChronoExporter) exporter = make_exporter (fixture->timeline);
  g_autofree char *path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_PDF, 1, "timeline.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) text = NULL;
  gsize length;

  contents = read_contents (path, &length);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  g_assert_true (contains (contents, length, "%%EOF"));
  text = inflate_pdf (contents, length);
  g_assert_true (contains ((const char *) text->data, text->len, "/Type /Page"));
  g_assert_false (contains ((const char *) text->data, text->len, "/Count 2"));
  g_assert_true (contains ((const char *) text->data, text->len, "/Count 1"));
}

static void
test_missing_directory (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ChronoExporter) exporter = make_exporter (fixture->timeline);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "timeline.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (chrono_exporter_write (exporter, CHRONO_EXPORT_FORMAT_PDF, 1, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  /* Once, with why: not GIO's message inside ours. */
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (strstr (error->message + strlen (path), "timeline.pdf"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_failure_keeps_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ChronoExporter) exporter = make_exporter (fixture->timeline);
  g_autofree char *path = g_build_filename (fixture->dir, "kept.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (chrono_exporter_write (exporter, CHRONO_EXPORT_FORMAT_PNG, 1, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "kept.png"));

  contents = read_contents (path, NULL);
  g_assert_cmpstr (contents, ==, "old");
}

static void
test_cjk_title (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ChronoExporter) exporter = make_exporter (fixture->timeline);
  g_autofree char *svg_path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_SVG, 1, "cjk.svg");
  g_autofree char *png_path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_PNG, 1, "cjk.png");
  g_autofree char *pdf_path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_PDF, 1, "cjk.pdf");
  g_autofree char *contents = read_contents (svg_path, NULL);
  cairo_surface_t *surface;
  guint dark = 0;

  g_assert_cmpstr (chrono_exporter_get_title (exporter), ==, data);
  g_assert_nonnull (strstr (contents, data));

  /* The title line has ink in it: the glyphs were drawn, not dropped. */
  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < (int) chrono_exporter_get_title_height (exporter); y++)
    for (int x = 0; x < 200; x++)
      {
        guint red, green, blue;

        get_pixel (surface, x, y, &red, &green, &blue);
        if (red < 128 && green < 128 && blue < 128)
          dark++;
      }
  g_assert_cmpuint (dark, >, 20);
  cairo_surface_destroy (surface);
}

/* A crowd of equals: 3,000 events over 30 years, all of one importance. */
static ChronoTimeline *
make_crowd (void)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product", MARKER_COLOR, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  chrono_timeline_add_category (timeline, product);
  for (guint i = 0; i < 3000; i++)
    {
      ChronoDate date = { 1990 + g_rand_int_range (rand, 0, 30), g_rand_int_range (rand, 1, 13),
                          g_rand_int_range (rand, 1, 29), 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("Event number %u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, title);

      chrono_event_set_category (event, product);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

/* The picture keeps the labels where the view shows them, which depends on how the view
 * came there: laid out afresh, a crowd's labels were placed otherwise. */
static void
test_labels_as_shown (void)
{
  g_autoptr(ChronoTimeline) timeline = make_crowd ();
  g_autoptr(ChronoRenderer) renderer = NULL;
  g_autoptr(ChronoLayout) shown = NULL;
  ChronoRenderStyle style;
  double year = 365.25 * 86400;
  double start = chrono_date_get_start (&(ChronoDate) { 2000, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  guint n_same = 0;

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);

  /* The view panned there from two years earlier. */
  for (guint frame = 0; frame <= 20; frame++)
    {
      ChronoLayoutParams params = { 0 };
      double from = start - 2 * year + frame * year / 10;

      params.timeline = timeline;
      params.start = from;
      params.end = from + 5 * year;
      params.width = WIDTH;
      params.height = HEIGHT;
      params.measure = chrono_renderer_measure;
      params.measure_data = renderer;
      params.previous = shown;
      {
        ChronoLayout *next = chrono_layout_new (&params);

        g_clear_pointer (&shown, chrono_layout_free);
        shown = next;
      }
    }

  {
    ChronoExportParams params = { 0 };
    g_autoptr(ChronoExporter) exporter = NULL;
    ChronoLayout *layout;

    params.timeline = timeline;
    params.start = start;
    params.end = start + 5 * year;
    params.width = WIDTH;
    params.height = HEIGHT;
    params.shown = shown;
    exporter = chrono_exporter_new (&params);
    layout = chrono_exporter_get_layout (exporter);

    for (guint i = 0; i < shown->labels->len; i++)
      {
        const ChronoLayoutLabel *label = &g_array_index (shown->labels, ChronoLayoutLabel, i);
        const ChronoLayoutLabel *again = chrono_layout_find_label (layout, label->position);

        n_same += again != NULL && again->row == label->row;
      }
  }

  g_test_message ("%u of %u labels as shown", n_same, shown->labels->len);
  g_assert_cmpuint (shown->labels->len, >, 20);
  g_assert_cmpuint (n_same, >=, shown->labels->len * 9 / 10);
}

static void
test_empty_timeline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoExporter) exporter = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  chrono_timeline_seal (timeline);
  exporter = make_exporter (timeline);

  /* No title and no events still make a picture, named as the window names it. */
  g_assert_cmpstr (chrono_exporter_get_title (exporter), ==, "Untitled Timeline");
  g_assert_cmpuint (chrono_exporter_get_layout (exporter)->labels->len, ==, 0);
  path = export (fixture, exporter, CHRONO_EXPORT_FORMAT_SVG, 1, "empty.svg");
  contents = read_contents (path, NULL);
  g_assert_nonnull (strstr (contents, "<title>Untitled Timeline, "));
  g_assert_nonnull (strstr (contents, "<desc></desc>"));

  /* Or as the window names it after its file. */
  {
    ChronoExportParams params = { 0 };
    g_autoptr(ChronoExporter) named = NULL;

    params.timeline = timeline;
    params.start = 0;
    params.end = 86400;
    params.width = WIDTH;
    params.height = HEIGHT;
    params.untitled_name = "moon.chronoscope";
    named = chrono_exporter_new (&params);
    g_assert_cmpstr (chrono_exporter_get_title (named), ==, "moon.chronoscope");
  }
}

static void
test_format_from_name (void)
{
  ChronoExportFormat format = CHRONO_EXPORT_FORMAT_PDF;

  g_assert_true (chrono_export_format_from_name ("a.PNG", &format));
  g_assert_cmpint (format, ==, CHRONO_EXPORT_FORMAT_PNG);
  g_assert_true (chrono_export_format_from_name ("/tmp/x.svg", &format));
  g_assert_cmpint (format, ==, CHRONO_EXPORT_FORMAT_SVG);
  g_assert_true (chrono_export_format_from_name ("时间线.pdf", &format));
  g_assert_cmpint (format, ==, CHRONO_EXPORT_FORMAT_PDF);
  g_assert_false (chrono_export_format_from_name ("timeline.jpeg", &format));
  g_assert_false (chrono_export_format_from_name ("png", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/view/exporter/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/view/exporter/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/view/exporter/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/view/exporter/missing-directory", Fixture, NULL, fixture_set_up,
              test_missing_directory, fixture_tear_down);
  g_test_add ("/view/exporter/failure-keeps-file", Fixture, NULL, fixture_set_up,
              test_failure_keeps_file, fixture_tear_down);
  g_test_add ("/view/exporter/cjk-title", Fixture, "从 AlexNet 到通用人工智能", fixture_set_up,
              test_cjk_title, fixture_tear_down);
  g_test_add ("/view/exporter/empty-timeline", Fixture, NULL, fixture_set_up,
              test_empty_timeline, fixture_tear_down);
  g_test_add_func ("/view/exporter/format-from-name", test_format_from_name);
  g_test_add_func ("/view/exporter/labels-as-shown", test_labels_as_shown);

  return g_test_run ();
}
