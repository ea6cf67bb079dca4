/* test-timelinejs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "io/chrono-timeline-reader.h"
#include "io/chrono-timelinejs-reader.h"

static void
test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample-timelinejs.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoEra) era = NULL;
  GListModel *categories;
  ChronoEvent *event;
  const ChronoDate *end;

  /* chrono_timeline_load tells JSON from XML by the content, not by the name. */
  timeline = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (chrono_timeline_is_sealed (timeline));

  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "From AlexNet to AGI");
  g_assert_cmpstr (chrono_timeline_get_description (timeline), ==, "A TimelineJS sample & its text.");

  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_eras (timeline)), ==, 1);
  era = g_list_model_get_item (chrono_timeline_get_eras (timeline), 0);
  g_assert_cmpstr (chrono_era_get_name (era), ==, "The deep-learning awakening");
  g_assert_cmpint (chrono_era_get_end (era)->year, ==, 2015);

  /* Groups become categories in order of appearance, each with a colour. */
  categories = chrono_timeline_get_categories (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 3);
  {
    g_autoptr(ChronoCategory) first = g_list_model_get_item (categories, 0);
    g_autoptr(ChronoCategory) second = g_list_model_get_item (categories, 1);
    g_autoptr(ChronoCategory) third = g_list_model_get_item (categories, 2);

    g_assert_cmpstr (chrono_category_get_name (first), ==, "Product");
    g_assert_cmpstr (chrono_category_get_name (second), ==, "Research");
    g_assert_cmpstr (chrono_category_get_name (third), ==, "Other events");
    g_assert_cmpstr (chrono_category_get_color (first), !=, chrono_category_get_color (second));
    g_assert_true (chrono_category_has_dark_color (first));
  }

  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 4);
  g_assert_cmpint (chrono_event_get_start (chrono_timeline_get_event (timeline, 0))->year, ==, -500);

  event = chrono_timeline_lookup_event (timeline, "launch");
  g_assert_nonnull (event);
  g_assert_cmpstr (chrono_event_get_title (event), ==, "ChatGPT launches");
  g_assert_cmpstr (chrono_event_get_summary (event), ==, "A research preview. Released quietly.");
  g_assert_cmpint (chrono_event_get_start (event)->precision, ==, CHRONO_PRECISION_DAY);
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Product");

  /* Events without unique_id are numbered by their place in the file. */
  event = chrono_timeline_lookup_event (timeline, "event-2");
  g_assert_cmpstr (chrono_event_get_title (event), ==, "AlexNet");
  g_assert_cmpint (chrono_event_get_start (event)->precision, ==, CHRONO_PRECISION_YEAR);
  g_assert_null (chrono_event_get_summary (event));

  event = chrono_timeline_lookup_event (timeline, "event-3");
  g_assert_cmpint (chrono_event_get_start (event)->precision, ==, CHRONO_PRECISION_MONTH);
  end = chrono_event_get_end (event);
  g_assert_nonnull (end);
  g_assert_cmpint (end->precision, ==, CHRONO_PRECISION_MINUTE);
  g_assert_cmpint (end->day, ==, 5);
  g_assert_cmpint (end->hour, ==, 18);
  g_assert_cmpint (end->minute, ==, 30);

  event = chrono_timeline_lookup_event (timeline, "event-4");
  g_assert_cmpstr (chrono_event_get_title (event), ==, "Untitled event");
  g_assert_cmpstr (chrono_event_get_summary (event), ==, "No headline, no group");
}

static void
assert_error (const char *json,
              int         code,
              const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  /* Through the format detection, as a file would be read. */
  timeline = chrono_timeline_read_bytes (bytes, "t.json", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_syntax_error_has_line (void)
{
  const char *json = "{\n  \"events\": [\n    {\"start_date\": {\"year\": 2012}},,\n  ]\n}";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_bytes (bytes, "t.json", NULL, &error);

  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX);
  /* json-glib's sentence, with the file's name and json-glib's line and column. */
  g_assert_true (g_str_has_prefix (error->message, "t.json:3:"));
}

static void
test_path_errors (void)
{
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2012}}, {\"text\": {\"headline\": \"No date\"}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[1]: “start_date” is missing");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022, \"month\": 13}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0].start_date: “2022-13” is not a date: month 13 does not exist");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": \"soon\"}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0].start_date: “year” must be a whole number");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022, \"day\": 3}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0].start_date.day: a date with a day needs a month too");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022}, \"end_date\": {\"year\": 2020}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0]: it ends before it starts");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022}, \"unique_id\": \"a\"},"
                " {\"start_date\": {\"year\": 2023}, \"unique_id\": \"a\"}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[1]: the unique_id “a” is already used by another event");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022}, \"text\": {\"headline\": 5}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0].text: “headline” must be a string");
  assert_error ("{\"events\": [3]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0]: each of the “events” must be an object");
  assert_error ("{\"events\": {}}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $: “events” must be an array");
  assert_error ("{\"eras\": [{\"start_date\": {\"year\": 2012}}], \"events\": []}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.eras[0]: “end_date” is missing");
  assert_error ("{\"slides\": []}",
                CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                "t.json: not a TimelineJS timeline: it has no “events”");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022}, \"text\": {\"headline\": \"\xff\"}}]}",
                CHRONO_READER_ERROR_SYNTAX,
                "t.json:1:66: the file is not valid UTF-8 text here (byte 0xFF)");
}

/* Damaged copies of the sample: a timeline or an error naming the file, never a crash. */
static void
test_mutations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample-timelinejs.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  guint n_refused = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      gsize copy_length = length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;
      static const char interesting[] = "{}[]:,\"-019 \n\x80";
      gsize at = g_test_rand_int_range (0, length);

      if (g_test_rand_bit ())
        copy[at] = interesting[g_test_rand_int_range (0, sizeof interesting - 1)];
      else
        copy_length = MAX (at, 1);

      bytes = g_bytes_new (copy, copy_length);
      timeline = chrono_timeline_read_bytes (bytes, "mutated", NULL, &error);
      if (timeline == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "mutated"));
          n_refused++;
        }
    }

  g_assert_cmpuint (n_refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/timelinejs/sample", test_sample);
  g_test_add_func ("/io/timelinejs/syntax-error", test_syntax_error_has_line);
  g_test_add_func ("/io/timelinejs/path-errors", test_path_errors);
  g_test_add_func ("/io/timelinejs/mutations", test_mutations);

  return g_test_run ();
}
