/* test-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "io/chrono-native-reader.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "io/chrono-timelinejs-writer.h"
#include "model/chrono-edit-properties.h"

#include <string.h>

static void
assert_dates_equal (const ChronoDate *a,
                    const ChronoDate *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpint (a->month, ==, b->month);
  g_assert_cmpint (a->day, ==, b->day);
  g_assert_cmpint (a->hour, ==, b->hour);
  g_assert_cmpint (a->minute, ==, b->minute);
  g_assert_cmpint (a->second, ==, b->second);
  g_assert_cmpint (a->precision, ==, b->precision);
  g_assert_cmpint (a->flags, ==, b->flags);
}

static void
assert_sources_equal (ChronoSource *a,
                      ChronoSource *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_cmpstr (chrono_source_get_id (a), ==, chrono_source_get_id (b));
  g_assert_cmpstr (chrono_source_get_title (a), ==, chrono_source_get_title (b));
  g_assert_cmpstr (chrono_source_get_author (a), ==, chrono_source_get_author (b));
  g_assert_cmpstr (chrono_source_get_publisher (a), ==, chrono_source_get_publisher (b));
  g_assert_cmpstr (chrono_source_get_url (a), ==, chrono_source_get_url (b));
  assert_dates_equal (chrono_source_get_date (a), chrono_source_get_date (b));
}

/* Every field of every object, in order. */
static void
assert_timelines_equal (ChronoTimeline *a,
                        ChronoTimeline *b)
{
  GListModel *la, *lb;

  g_assert_cmpstr (chrono_timeline_get_title (a), ==, chrono_timeline_get_title (b));
  g_assert_cmpstr (chrono_timeline_get_description (a), ==, chrono_timeline_get_description (b));
  g_assert_cmpstr (chrono_timeline_get_language (a), ==, chrono_timeline_get_language (b));
  g_assert_cmpstr (chrono_timeline_get_gettext_domain (a), ==, chrono_timeline_get_gettext_domain (b));

  la = chrono_timeline_get_categories (a);
  lb = chrono_timeline_get_categories (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(ChronoCategory) ca = g_list_model_get_item (la, i);
      g_autoptr(ChronoCategory) cb = g_list_model_get_item (lb, i);

      g_assert_cmpstr (chrono_category_get_id (ca), ==, chrono_category_get_id (cb));
      g_assert_cmpstr (chrono_category_get_name (ca), ==, chrono_category_get_name (cb));
      g_assert_cmpstr (chrono_category_get_color (ca), ==, chrono_category_get_color (cb));
      g_assert_cmpstr (chrono_category_get_dark_color (ca), ==, chrono_category_get_dark_color (cb));
      g_assert_cmpint (chrono_category_has_dark_color (ca), ==, chrono_category_has_dark_color (cb));
    }

  la = chrono_timeline_get_eras (a);
  lb = chrono_timeline_get_eras (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(ChronoEra) ea = g_list_model_get_item (la, i);
      g_autoptr(ChronoEra) eb = g_list_model_get_item (lb, i);

      g_assert_cmpstr (chrono_era_get_name (ea), ==, chrono_era_get_name (eb));
      assert_dates_equal (chrono_era_get_start (ea), chrono_era_get_start (eb));
      assert_dates_equal (chrono_era_get_end (ea), chrono_era_get_end (eb));
    }

  la = chrono_timeline_get_sources (a);
  lb = chrono_timeline_get_sources (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(ChronoSource) sa = g_list_model_get_item (la, i);
      g_autoptr(ChronoSource) sb = g_list_model_get_item (lb, i);

      assert_sources_equal (sa, sb);
    }

  g_assert_cmpuint (chrono_timeline_get_n_events (a), ==, chrono_timeline_get_n_events (b));
  for (guint i = 0; i < chrono_timeline_get_n_events (a); i++)
    {
      ChronoEvent *ea = chrono_timeline_get_event (a, i);
      ChronoEvent *eb = chrono_timeline_get_event (b, i);
      GPtrArray *sa = chrono_event_get_sources (ea);
      GPtrArray *sb = chrono_event_get_sources (eb);

      g_assert_cmpstr (chrono_event_get_id (ea), ==, chrono_event_get_id (eb));
      g_assert_cmpstr (chrono_event_get_title (ea), ==, chrono_event_get_title (eb));
      g_assert_cmpstr (chrono_event_get_summary (ea), ==, chrono_event_get_summary (eb));
      g_assert_cmpstr (chrono_event_get_notes (ea), ==, chrono_event_get_notes (eb));
      g_assert_cmpuint (chrono_event_get_importance (ea), ==, chrono_event_get_importance (eb));
      g_assert_cmpstr (chrono_category_get_id (chrono_event_get_category (ea)), ==,
                       chrono_category_get_id (chrono_event_get_category (eb)));
      assert_dates_equal (chrono_event_get_start (ea), chrono_event_get_start (eb));
      assert_dates_equal (chrono_event_get_end (ea), chrono_event_get_end (eb));
      g_assert_cmpint (chrono_event_get_provenance (ea), ==, chrono_event_get_provenance (eb));
      g_assert_cmpint (chrono_event_get_date_provenance (ea), ==, chrono_event_get_date_provenance (eb));
      assert_sources_equal (chrono_event_get_date_source (ea), chrono_event_get_date_source (eb));
      g_assert_cmpint (chrono_event_is_forecast (ea), ==, chrono_event_is_forecast (eb));
      assert_dates_equal (chrono_event_get_predicted_start (ea), chrono_event_get_predicted_start (eb));
      assert_dates_equal (chrono_event_get_predicted_end (ea), chrono_event_get_predicted_end (eb));

      g_assert_cmpuint (sa->len, ==, sb->len);
      for (guint j = 0; j < sa->len; j++)
        assert_sources_equal (g_ptr_array_index (sa, j), g_ptr_array_index (sb, j));

      g_assert_cmpuint (chrono_event_get_n_quotes (ea), ==, chrono_event_get_n_quotes (eb));
      for (guint j = 0; j < chrono_event_get_n_quotes (ea); j++)
        {
          ChronoQuote *qa = g_ptr_array_index (chrono_event_get_quotes (ea), j);
          ChronoQuote *qb = g_ptr_array_index (chrono_event_get_quotes (eb), j);

          g_assert_cmpstr (chrono_quote_get_original_text (qa), ==, chrono_quote_get_original_text (qb));
          g_assert_cmpstr (chrono_quote_get_original_language (qa), ==, chrono_quote_get_original_language (qb));
          g_assert_cmpstr (chrono_quote_get_translation (qa), ==, chrono_quote_get_translation (qb));
          g_assert_cmpstr (chrono_quote_get_translation_language (qa), ==, chrono_quote_get_translation_language (qb));
          g_assert_cmpstr (chrono_quote_get_speaker (qa), ==, chrono_quote_get_speaker (qb));
          g_assert_cmpstr (chrono_quote_get_context (qa), ==, chrono_quote_get_context (qb));
          assert_sources_equal (chrono_quote_get_source (qa), chrono_quote_get_source (qb));
          assert_dates_equal (chrono_quote_get_said (qa), chrono_quote_get_said (qb));
          g_assert_cmpint (chrono_quote_get_provenance (qa), ==, chrono_quote_get_provenance (qb));
        }
    }
}

static ChronoTimeline *
read_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  ChronoTimeline *timeline = chrono_timeline_read_native_bytes (bytes, "written", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (timeline);

  return timeline;
}

static void
test_round_trip (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, data, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) first = chrono_timeline_load (file, NULL, &error);
  g_autoptr(ChronoTimeline) second = NULL;
  g_autoptr(ChronoTimeline) third = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  g_assert_no_error (error);

  /* read → write → read gives the same timeline … */
  written = chrono_timeline_write_native (first);
  second = read_bytes (written);
  assert_timelines_equal (first, second);

  /* … and write → read → write the same bytes. */
  rewritten = chrono_timeline_write_native (second);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   g_bytes_get_data (rewritten, NULL), g_bytes_get_size (rewritten));

  third = read_bytes (rewritten);
  assert_timelines_equal (first, third);
}

/* @bytes with each of its events @copies times, under new ids. */
static GBytes *
multiply_events (GBytes *bytes,
                 guint   copies)
{
  const char *text = g_bytes_get_data (bytes, NULL);
  const char *start = strstr (text, "  <events>\n");
  const char *end = strstr (text, "  </events>\n");
  g_autofree char *events = NULL;
  g_auto(GStrv) parts = NULL;
  GString *out;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  start += strlen ("  <events>\n");
  events = g_strndup (start, end - start);
  parts = g_strsplit (events, "<event id=\"", -1);

  out = g_string_new_len (text, start - text);
  for (guint copy = 0; copy < copies; copy++)
    {
      g_string_append (out, parts[0]);
      for (guint i = 1; parts[i] != NULL; i++)
        g_string_append_printf (out, "<event id=\"copy%u-%s", copy, parts[i]);
    }
  g_string_append (out, end);

  return g_string_free_to_bytes (out);
}

/* Written a few events at a time, the file is the one written at once, byte for byte;
 * a step writes no more events than it is allowed. */
static void
test_write_in_steps (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, data, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) sample = chrono_timeline_load (file, NULL, &error);
  g_autoptr(GBytes) sample_bytes = NULL;
  g_autoptr(GBytes) many_bytes = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoTimeline) read_back = NULL;
  g_autoptr(GBytes) at_once = NULL;
  g_autoptr(GBytes) in_steps = NULL;
  ChronoNativeWriter *writer;
  guint n_events;
  guint steps = 0;

  g_assert_no_error (error);
  sample_bytes = chrono_timeline_write_native (sample);
  many_bytes = multiply_events (sample_bytes, 100);
  timeline = read_bytes (many_bytes);
  n_events = chrono_timeline_get_n_events (timeline);
  g_assert_cmpuint (n_events, ==, 100 * chrono_timeline_get_n_events (sample));

  at_once = chrono_timeline_write_native (timeline);

  /* A deadline already past: each step writes as little as it may. */
  writer = chrono_native_writer_new (timeline);
  while (!chrono_native_writer_step (writer, G_MAXUINT, 0))
    steps++;
  in_steps = chrono_native_writer_finish (writer);

  g_assert_cmpuint (steps, >, 1);
  g_assert_cmpuint (steps, <, n_events);
  g_assert_cmpmem (g_bytes_get_data (at_once, NULL), g_bytes_get_size (at_once),
                   g_bytes_get_data (in_steps, NULL), g_bytes_get_size (in_steps));
  read_back = read_bytes (in_steps);
  assert_timelines_equal (timeline, read_back);
  g_clear_pointer (&in_steps, g_bytes_unref);

  /* No deadline: each step writes as many events as it is allowed, 7, and no more. */
  writer = chrono_native_writer_new (timeline);
  for (steps = 1; !chrono_native_writer_step (writer, 7, G_MAXINT64); steps++)
    ;
  in_steps = chrono_native_writer_finish (writer);
  g_assert_cmpuint (steps, ==, (n_events + 6) / 7);
  g_assert_cmpmem (g_bytes_get_data (at_once, NULL), g_bytes_get_size (at_once),
                   g_bytes_get_data (in_steps, NULL), g_bytes_get_size (in_steps));

  /* Abandoned halfway, it leaves nothing behind (for the leak checkers). */
  writer = chrono_native_writer_new (timeline);
  g_assert_false (chrono_native_writer_step (writer, G_MAXUINT, 0));
  chrono_native_writer_free (writer);

  /* A step of no events is refused, and ends a loop over steps; finishing writes all. */
  writer = chrono_native_writer_new (timeline);
  g_test_expect_message ("chrono-timeline-writer", G_LOG_LEVEL_CRITICAL, "*max_events > 0*");
  g_assert_true (chrono_native_writer_step (writer, 0, G_MAXINT64));
  g_test_assert_expected_messages ();
  g_clear_pointer (&in_steps, g_bytes_unref);
  in_steps = chrono_native_writer_finish (writer);
  g_assert_cmpmem (g_bytes_get_data (at_once, NULL), g_bytes_get_size (at_once),
                   g_bytes_get_data (in_steps, NULL), g_bytes_get_size (in_steps));
}

/* The room made for the events still to write is guessed from the first ones, which may
 * be far longer than the rest: the guess is bounded (it asked for tens of GiB and the
 * writer aborted). */
static void
test_write_long_first_events (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "Category", "#1c71d8", NULL);
  g_autofree char *long_summary = g_strnfill (256 * 1024, 'x');
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_events = 200000;

  chrono_timeline_set_title (timeline, "Long first events");
  chrono_timeline_add_category (timeline, category);
  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%06u", i);
      ChronoDate start = { 1000 + i / 360, 1 + i / 30 % 12, 1 + i % 28, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, "An event");

      chrono_event_set_category (event, category);
      if (i < 64)
        chrono_event_set_summary (event, long_summary);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  bytes = chrono_timeline_write_native (timeline);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64 * 256 * 1024);
  back = chrono_timeline_read_bytes (bytes, "long.chronoscope", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, n_events);
  g_assert_cmpstr (chrono_event_get_summary (chrono_timeline_get_event (back, 0)), ==, long_summary);
}

static void
test_round_trip_escaping (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "<Cats> & \"dogs\"", "#000000", "#ffffff");
  g_autoptr(ChronoSource) source = chrono_source_new ("s", "Title with 'quotes' & <tags>");
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("“原文” & <b>", "zh-Hans");
  g_autoptr(ChronoEvent) event = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ChronoDate start, end;

  g_assert_true (chrono_date_parse ("-12000~", &start, NULL));
  g_assert_true (chrono_date_parse ("2022-11-30T18:00:05%", &end, NULL));

  chrono_timeline_set_title (timeline, "Escapes < > & ' \"");
  chrono_timeline_set_language (timeline, "en");
  chrono_timeline_set_gettext_domain (timeline, "some-domain");
  chrono_timeline_add_category (timeline, category);
  chrono_source_set_url (source, "http://example.org/?a=1&b=\"2\"");
  chrono_source_set_date (source, &end);
  chrono_timeline_add_source (timeline, source);

  event = chrono_event_new ("e.1_x-y", &start, "A & B");
  chrono_event_set_end (event, &end);
  chrono_event_set_category (event, category);
  chrono_event_set_importance (event, 1);
  chrono_event_add_source (event, source);
  chrono_event_add_note (event, "Note <1>");
  chrono_event_add_note (event, "Note &2");
  chrono_quote_set_speaker (quote, "Ann \"A\" O'Neil");
  chrono_quote_set_source (quote, source);
  chrono_quote_set_translation (quote, "\"Original\" & <b>", "en");
  chrono_quote_set_context (quote, "Said <here>");
  chrono_event_add_quote (event, quote);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);

  bytes = chrono_timeline_write_native (timeline);
  /* The gettext domain is written back, so read it in the C locale: nothing translates. */
  back = read_bytes (bytes);
  assert_timelines_equal (timeline, back);
}

/* Paragraphs come back from the file as they were written, by the fast reader and by
 * GMarkup (which a CDATA section sends the file to); the file's own line breaks, which
 * only lay it out, still collapse, and a title never holds one. */
static void
test_round_trip_line_breaks (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "C", "#000000", "#ffffff");
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("床前明月光，\n疑是地上霜。", "zh-Hans");
  g_autoptr(ChronoEvent) event = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  ChronoDate start;

  g_assert_true (chrono_date_parse ("1969-07-20", &start, NULL));
  chrono_timeline_set_description (timeline, "First paragraph.\n\nSecond paragraph.");
  chrono_timeline_add_category (timeline, category);
  event = chrono_event_new ("e", &start, "Landing");
  chrono_event_set_category (event, category);
  chrono_event_set_summary (event, "One line,\nanother & <more>.");
  chrono_quote_set_speaker (quote, "李白");
  chrono_quote_set_translation (quote, "Before my bed, the moonlight;\nfrost on the ground?", "en");
  chrono_event_add_quote (event, quote);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);

  bytes = chrono_timeline_write_native (timeline);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<summary>One line,&#10;another &amp; &lt;more&gt;.</summary>"));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GString) variant = g_string_new (text);
      g_autoptr(GBytes) variant_bytes = NULL;
      g_autoptr(ChronoTimeline) back = NULL;
      ChronoEvent *back_event;
      ChronoQuote *back_quote;

      if (i == 1)
        g_string_replace (variant, "another", "<![CDATA[another]]>", 1);
      else if (i == 2)
        {
          g_string_replace (variant, "<title>Landing</title>", "<title>Land&#10;ing</title>", 1);
          g_string_replace (variant, "One line,&#10;", "<!-- a comment -->\n   One   line,&#10;\n   ", 1);
          g_string_replace (variant, "Second paragraph.", "Second\n    paragraph.\n  ", 1);
        }
      variant_bytes = g_string_free_to_bytes (g_steal_pointer (&variant));
      back = read_bytes (variant_bytes);
      back_event = chrono_timeline_lookup_event (back, "e");
      back_quote = g_ptr_array_index (chrono_event_get_quotes (back_event), 0);
      g_test_message ("variant %u", i);
      g_assert_cmpstr (chrono_timeline_get_description (back), ==, "First paragraph.\n\nSecond paragraph.");
      g_assert_cmpstr (chrono_event_get_title (back_event), ==, i == 2 ? "Land ing" : "Landing");
      g_assert_cmpstr (chrono_event_get_summary (back_event), ==, "One line,\nanother & <more>.");
      g_assert_cmpstr (chrono_quote_get_original_text (back_quote), ==, "床前明月光，\n疑是地上霜。");
      g_assert_cmpstr (chrono_quote_get_translation (back_quote), ==, "Before my bed, the moonlight;\nfrost on the ground?");
    }
}

static void
test_save (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (source, NULL, &error);
  g_autoptr(ChronoTimeline) back = NULL;

  g_assert_no_error (error);

  target = g_file_new_tmp ("chronoscope-save-XXXXXX.chronoscope", &stream, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  g_assert_true (chrono_timeline_save (timeline, target, NULL, &error));
  g_assert_no_error (error);

  back = chrono_timeline_load (target, NULL, &error);
  g_file_delete (target, NULL, NULL);
  g_assert_no_error (error);
  assert_timelines_equal (timeline, back);
}

/* A timeline made in memory, here from TimelineJS, is written so that it reads back. */
static void
test_write_timelinejs (void)
{
  const char *json =
    "{\"eras\": [{\"start_date\": {\"year\": 2012}, \"end_date\": {\"year\": 2015}}],"
    " \"events\": [{\"start_date\": {\"year\": 2012, \"month\": 5, \"day\": 1, \"hour\": 9},"
    " \"text\": {\"text\": \"No headline\"}, \"group\": \"A &amp; B\"}]}";
  g_autoptr(GBytes) input = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_bytes (input, "t.json", NULL, &error);
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  written = chrono_timeline_write_native (timeline);
  back = read_bytes (written);
  assert_timelines_equal (timeline, back);
}

static void
test_write_incomplete (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "", "#000000", NULL);
  g_autoptr(ChronoSource) source = chrono_source_new ("s", NULL);
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("Words", NULL);
  g_autoptr(ChronoEvent) event = NULL;
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(ChronoCategory) read_category = NULL;
  g_autoptr(ChronoSource) read_source = NULL;
  ChronoQuote *read_quote;
  ChronoDate start;

  g_assert_true (chrono_date_parse ("2012", &start, NULL));
  event = chrono_event_new ("e", &start, NULL);
  chrono_event_set_category (event, category);
  chrono_quote_set_speaker (quote, "S");
  chrono_quote_set_translation (quote, "Mots", NULL);
  chrono_event_add_quote (event, quote);
  chrono_timeline_add_category (timeline, category);
  chrono_timeline_add_source (timeline, source);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);

  written = chrono_timeline_write_native (timeline);
  back = read_bytes (written);

  g_assert_null (chrono_timeline_get_title (back));
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (back, 0)), ==, "Untitled event");
  read_category = g_list_model_get_item (chrono_timeline_get_categories (back), 0);
  g_assert_cmpstr (chrono_category_get_name (read_category), ==, "c");
  read_source = g_list_model_get_item (chrono_timeline_get_sources (back), 0);
  g_assert_cmpstr (chrono_source_get_title (read_source), ==, "s");
  read_quote = g_ptr_array_index (chrono_event_get_quotes (chrono_timeline_get_event (back, 0)), 0);
  g_assert_cmpstr (chrono_quote_get_original_language (read_quote), ==, "und");
  g_assert_cmpstr (chrono_quote_get_translation_language (read_quote), ==, "und");
}

/* A sealed timeline without a title, of one event titled @title in 2012. */
static ChronoTimeline *
one_event_timeline_new (const char *title)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "C", "#000000", NULL);
  g_autoptr(ChronoEvent) event = NULL;
  ChronoDate start;

  g_assert_true (chrono_date_parse ("2012", &start, NULL));
  event = chrono_event_new ("e", &start, title);
  chrono_event_set_category (event, category);
  chrono_timeline_add_category (timeline, category);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);

  return timeline;
}

/* A timeline without a title is written without one, natively and for TimelineJS, so
 * that it reads back untitled and is called after its file again, as before the save. */
static void
test_write_untitled (void)
{
  g_autoptr(ChronoTimeline) timeline = one_event_timeline_new ("Apollo 11");
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(ChronoTimeline) back_json = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;

  written = chrono_timeline_write_native (timeline);
  g_assert_null (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "<title>Untitled"));
  back = read_bytes (written);
  g_assert_null (chrono_timeline_get_title (back));

  json = chrono_timeline_write_timelinejs (timeline);
  back_json = chrono_timeline_read_bytes (json, "t.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (chrono_timeline_get_title (back_json));
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (back_json, 0)), ==, "Apollo 11");
}

static const char translated_xml[] =
  "<timeline version='2' xml:lang='en' gettext-domain='" GETTEXT_PACKAGE "'>"
  "<title>A test timeline</title>"
  "<description>What the test is about.</description>"
  "<categories><category id='research' color='#1c71d8'>Research</category></categories>"
  "<eras><era start='2010' end='2015'>The early years</era></eras>"
  "<sources><source id='interview' author='Staff reporter' publisher='Example Wire'>"
  "Press interview with the founder</source></sources>"
  "<events><event id='e' start='2012' category='research' sources='interview'>"
  "<title>Launch</title><summary>It went out.</summary>"
  "<note>First note.</note><note>Second note.</note>"
  "<quote speaker='S' source='interview'><original xml:lang='zh-Hans'>我们很惊讶。</original>"
  "<translation xml:lang='en'>We were surprised.</translation><context>On stage.</context></quote>"
  "</event></events></timeline>";

static ChronoTimeline *
read_translated_xml (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (translated_xml, strlen (translated_xml));

  return read_bytes (bytes);
}

static void
use_chinese (gboolean chinese)
{
  if (chinese)
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "C.UTF-8");
    }
}

/* Saving while the UI is in Chinese writes the file's English, not what the screen
 * shows; a field edited on screen is written as typed. */
static void
test_write_file_language (void)
{
  g_autoptr(ChronoTimeline) english = NULL;
  g_autoptr(ChronoTimeline) chinese = NULL;
  g_autoptr(GBytes) english_bytes = NULL;
  g_autoptr(GBytes) chinese_bytes = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(ChronoEditProperties) retitle = NULL;
  g_autoptr(ChronoEditProperties) retranslate = NULL;
  ChronoEvent *event;
  ChronoQuote *quote;
  const char *written;

  english = read_translated_xml ();
  english_bytes = chrono_timeline_write_native (english);

  use_chinese (TRUE);
  chinese = read_translated_xml ();
  event = chrono_timeline_get_event (chinese, 0);
  quote = g_ptr_array_index (chrono_event_get_quotes (event), 0);
  /* The screen shows Chinese … */
  g_assert_cmpstr (chrono_timeline_get_title (chinese), ==, "测试时间轴");
  g_assert_cmpstr (chrono_event_get_title (event), ==, "发布");
  g_assert_cmpstr (chrono_event_get_notes (event), ==, "第一条注释。\n第二条注释。");
  g_assert_cmpstr (chrono_quote_get_translation (quote), ==, "我们很惊讶。");
  g_assert_cmpstr (chrono_quote_get_translation_language (quote), ==, "zh-CN");
  /* … and the file gets its English, byte for byte as when read in English. */
  chinese_bytes = chrono_timeline_write_native (chinese);
  g_assert_cmpmem (g_bytes_get_data (english_bytes, NULL), g_bytes_get_size (english_bytes),
                   g_bytes_get_data (chinese_bytes, NULL), g_bytes_get_size (chinese_bytes));

  /* What the user changes is written as typed, a translation in the language it is in. */
  retitle = chrono_edit_properties_new (event, "title", "新标题", NULL);
  chrono_edit_apply (CHRONO_EDIT (retitle), chinese);
  retranslate = chrono_edit_properties_new (quote, "translation", "我们很吃惊。", NULL);
  chrono_edit_apply (CHRONO_EDIT (retranslate), chinese);
  edited_bytes = chrono_timeline_write_native (chinese);
  use_chinese (FALSE);

  written = g_bytes_get_data (edited_bytes, NULL);
  g_assert_nonnull (strstr (written, "<title>新标题</title>"));
  g_assert_nonnull (strstr (written, "<translation xml:lang=\"zh-CN\">我们很吃惊。</translation>"));
  g_assert_nonnull (strstr (written, "<summary>It went out.</summary>"));
  g_assert_nonnull (strstr (written, "<note>Second note.</note>"));
  g_assert_nonnull (strstr (written, ">Research</category>"));
  g_assert_null (strstr (written, "发布"));
  g_assert_null (strstr (written, "研究"));

  /* Undone, the title is the translation again, and the file's text is written. */
  chrono_edit_revert (CHRONO_EDIT (retitle), chinese);
  g_clear_pointer (&edited_bytes, g_bytes_unref);
  edited_bytes = chrono_timeline_write_native (chinese);
  g_assert_nonnull (strstr (g_bytes_get_data (edited_bytes, NULL), "<title>Launch</title>"));
}

/* A placeholder for a missing title is in the file's language, not the user's. */
static void
test_write_placeholder_language (void)
{
  g_autoptr(ChronoTimeline) timeline = one_event_timeline_new ("");
  g_autoptr(GBytes) english = NULL;
  g_autoptr(GBytes) chinese = NULL;

  use_chinese (TRUE);
  chrono_timeline_set_language (timeline, "en");
  english = chrono_timeline_write_native (timeline);
  chrono_timeline_set_language (timeline, "zh-Hans");
  chinese = chrono_timeline_write_native (timeline);
  use_chinese (FALSE);

  g_assert_nonnull (strstr (g_bytes_get_data (english, NULL), "<title>Untitled event</title>"));
  g_assert_nonnull (strstr (g_bytes_get_data (chinese, NULL), "<title>未命名事件</title>"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/io/writer/round-trip-sample", "data/sample.chronoscope", test_round_trip);
  g_test_add_data_func ("/io/writer/round-trip-format-2", "data/sample-v2.chronoscope", test_round_trip);
  g_test_add_data_func ("/io/writer/round-trip-builtin", "../data/timelines/alexnet-to-agi.chronoscope",
                        test_round_trip);
  g_test_add_func ("/io/writer/round-trip-escaping", test_round_trip_escaping);
  g_test_add_data_func ("/io/writer/in-steps-sample", "data/sample.chronoscope", test_write_in_steps);
  g_test_add_data_func ("/io/writer/in-steps-format-2", "data/sample-v2.chronoscope", test_write_in_steps);
  g_test_add_func ("/io/writer/long-first-events", test_write_long_first_events);
  g_test_add_func ("/io/writer/round-trip-line-breaks", test_round_trip_line_breaks);
  g_test_add_func ("/io/writer/save", test_save);
  g_test_add_func ("/io/writer/timelinejs", test_write_timelinejs);
  g_test_add_func ("/io/writer/incomplete", test_write_incomplete);
  g_test_add_func ("/io/writer/untitled", test_write_untitled);
  g_test_add_func ("/io/writer/file-language", test_write_file_language);
  g_test_add_func ("/io/writer/placeholder-language", test_write_placeholder_language);

  return g_test_run ();
}
