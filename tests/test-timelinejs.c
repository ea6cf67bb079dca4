/* test-timelinejs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "io/chrono-json-check.h"
#include "io/chrono-native-reader.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-reader-private.h"
#include "io/chrono-timeline-writer.h"
#include "io/chrono-timelinejs-reader.h"
#include "i18n-test-util.h"

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
  /* TimelineJS shows "year": -500 as 500 BCE: it is 500 BC here too (astronomically -499). */
  event = chrono_timeline_get_event (timeline, 0);
  g_assert_cmpint (chrono_event_get_start (event)->year, ==, -499);
  {
    g_autofree char *shown = chrono_date_format (chrono_event_get_start (event));
    g_assert_cmpstr (shown, ==, "500 BC");
  }

  event = chrono_timeline_lookup_event (timeline, "launch");
  g_assert_nonnull (event);
  g_assert_cmpstr (chrono_event_get_title (event), ==, "ChatGPT launches");
  /* A <br> parts lines, as paragraphs do. */
  g_assert_cmpstr (chrono_event_get_summary (event), ==, "A research preview.\nReleased quietly.");
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

typedef ChronoTimeline *(*ReadBytes) (GBytes *bytes, const char *display_name, GCancellable *cancellable,
                                      GError **error);

static void
assert_read_error (ReadBytes   read,
                   const char *json,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  timeline = read (bytes, "t.json", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Through the format detection, as a file would be read. */
static void
assert_error (const char *json,
              int         code,
              const char *message)
{
  assert_read_error (chrono_timeline_read_bytes, json, code, message);
}

/* Where a file stops being JSON, and what is wrong there in a sentence of ours: never
 * json-glib's, whose GScanner English no catalogue translates. */
static void
test_syntax_errors (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\n  \"events\": [\n    {\"start_date\": {\"year\": 2012}},,\n  ]\n}",
      "t.json:3:36: a value is missing here" },
    { "{\"events\": [], \"title\" {}}", "t.json:1:16: this name needs a colon (:) after it" },
    { "{\"events\": [],}", "t.json:1:14: nothing follows this comma" },
    { "{\"events\": [1, 2,\n]}", "t.json:1:17: nothing follows this comma" },
    { "{\"events\": [] \"title\": {}}", "t.json:1:15: a comma or “}” is missing here" },
    { "{\"events\": [1 2]}", "t.json:1:15: a comma or “]” is missing here" },
    { "{\"events\": [tru]}", "t.json:1:13: a word without quotes: only true, false and null are written so, "
      "a text is written in double quotes" },
    { "{\"events\": [], \"x\": }", "t.json:1:21: a value is missing here" },
    { "{\"events\": []}}", "t.json:1:15: there is more after the end of the JSON" },
    /* json-glib reads these, and stops later. */
    { "{\"events\": [01]", "t.json:1:13: this is not a number as JSON writes them" },
    { "{\"events\": [-]}", "t.json:1:13: this is not a number as JSON writes them" },
    { "{\"events\": [1.]", "t.json:1:13: this is not a number as JSON writes them" },
    { "{\"events\": [$\n15]", "t.json:1:13: this is not a number as JSON writes them" },
    { "{\"events\": [\"a\\qb\"]", "t.json:1:15: this backslash does not begin an escape that JSON knows" },
    { "{\"events\": [\"\\u12\"]}", "t.json:1:14: “\\u” needs four hexadecimal digits after it" },
    { "{\"events\": [\"a\nb\"]", "t.json:1:15: a line ends inside a text: a line break is written “\\n”" },
    { "{\"events\": [\"a\tb\"]", "t.json:1:15: a control character (U+0009) inside a text must be written as an escape" },
    { "{\"events\": [\"\\udc00\"]}", "t.json:1:14: “\\uDC00” is half of a character: a surrogate needs its other half" },
    { "{\"events\": [\"\\ud83d\\u0041\"]}", "t.json:1:14: “\\uD83D” is half of a character: a surrogate needs its other half" },
    { "{\"events\": [.5]", "t.json:1:13: this is not a number as JSON writes them" },
    { "{\"events\": [] /* c */ x}", "t.json:1:15: “/” outside a text: JSON has no comments" },
    { "{\n\"events\": [\"abc]}", "t.json:2:12: this text is never closed with “\"”" },
    { "{\n\"events\": [\n{\"start_date\": {\"year\": 2012}}\n", "t.json:2:11: this array is never closed with “]”" },
    { "{\n\"events\": []\n", "t.json:1:1: this object is never closed with “}”" },
    { "{\"events\": ['a']", "t.json:1:13: a text in single quotes: JSON writes texts in double quotes" },
    { "{\"events\": [], events: 1}", "t.json:1:16: a name in double quotes is missing here" },
    /* json-glib reads texts in single quotes, and stops later: the first is told. */
    { "{\n'events': [],\n\"title\" {}\n}", "t.json:2:1: a name in single quotes: JSON writes names in double quotes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].json);
      assert_error (cases[i].json, CHRONO_READER_ERROR_SYNTAX, cases[i].message);
    }
}

/* What json-glib reads is JSON to the check, in the files Chronoscope writes too. */
/* Documents whose JSON is not one object. After the first, a second: json-glib 1.10 reads
 * both into an array, and the mistake is told; before, it reads the first and leaves the
 * second. Never an abort on json-glib's own checks. */
static void
test_no_object (void)
{
  static const char json[] = "{\"events\": [{\"start_date\": {\"year\": 2012}}]}\n{\"events\": []}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_timelinejs_bytes (bytes, "t.json", NULL, &error);

#if JSON_CHECK_VERSION (1, 10, 0)
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.json:2:1: there is more after the end of the JSON");
#else
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 1);
#endif

  /* Past the format detection, which knows neither. */
  assert_read_error (chrono_timeline_read_timelinejs_bytes, "[{\"events\": []}]",
                     CHRONO_READER_ERROR_UNKNOWN_FORMAT, "t.json: not a TimelineJS timeline: the JSON is not an object");
  /* json-glib reads no value from a document that is all comment. */
  assert_read_error (chrono_timeline_read_timelinejs_bytes, "/{\"events\": []}/",
                     CHRONO_READER_ERROR_SYNTAX, "t.json:1:1: “/” outside a text: JSON has no comments");
}

static void
test_syntax_check_accepts_json (void)
{
  static const char *const documents[] = {
    "{}", " [ ] ", "0", "-0.5e+10", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"",
    "{\"a\": [true, false, null, {}, [], 1E3, -12.25, \"x\"], \"\": {\"b\": {\"c\": []}}}",
    "\t{\r\n\"é\" :\n1 }\n",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample-timelinejs.json", NULL);
  g_autofree char *contents = NULL;
  gsize length, offset;
  gboolean certain;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *what = chrono_json_find_mistake (documents[i], strlen (documents[i]), &offset, &certain);

      g_assert_cmpstr (what, ==, NULL);
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_null (chrono_json_find_mistake (contents, length, &offset, &certain));
}

static void
test_path_errors (void)
{
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2012}}, {\"text\": {\"headline\": \"No date\"}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[1]: “start_date” is missing");
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2022, \"month\": 13}}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0].start_date.month: there is no month 13");
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

/* Files that once crashed the reader, showed undefined behaviour or said the wrong
 * thing; each is refused with an error that names the file and the place. */
static const struct
{
  const char *file;
  int code;
  const char *message;
} regressions[] = {
  /* json-glib's parser is recursive: 100,000 levels overflowed the stack. */
  { "timelinejs-deep-nesting.json", CHRONO_READER_ERROR_INVALID,
    "timelinejs-deep-nesting.json:1:74: the data is nested more than 64 levels deep here" },
  /* Doubles outside the 64-bit range were cast before they were checked. */
  { "timelinejs-year-huge.json", CHRONO_READER_ERROR_INVALID,
    "timelinejs-year-huge.json: $.events[0].start_date: “year” must be a whole number" },
  { "timelinejs-year-below-int64.json", CHRONO_READER_ERROR_INVALID,
    "timelinejs-year-below-int64.json: $.events[0].start_date: “year” must be a whole number" },
  /* −2⁶³ was negated, and the message said “--9223372036854775808”. */
  { "timelinejs-year-int64-min.json", CHRONO_READER_ERROR_INVALID,
    "timelinejs-year-int64-min.json: $.events[0].start_date.year: the year -9223372036854775808 "
    "is too far in the past or the future" },
  /* The month was spelled with its first two digits only: “month 92”. */
  { "timelinejs-month-int64-max.json", CHRONO_READER_ERROR_INVALID,
    "timelinejs-month-int64-max.json: $.events[0].start_date.month: there is no month 9223372036854775807" },
  /* Decoded after the UTF-8 check, a lone surrogate reached the native writer, which
   * wrote a file the native reader refused. json-glib 1.10 (Debian 13) refuses it itself. */
#if JSON_CHECK_VERSION (1, 10, 0)
  { "timelinejs-lone-surrogate.json", CHRONO_READER_ERROR_SYNTAX,
    "timelinejs-lone-surrogate.json:1:71: “\\uD800” is half of a character: a surrogate needs its other half" },
#else
  { "timelinejs-lone-surrogate.json", CHRONO_READER_ERROR_INVALID,
    "timelinejs-lone-surrogate.json: $.events[0].text.headline: the text is not valid UTF-8 once its escapes are decoded" },
#endif
};

static void
test_regression_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (regressions); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", regressions[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (file, NULL, &error);

      g_assert_null (timeline);
      g_assert_error (error, CHRONO_READER_ERROR, regressions[i].code);
      g_assert_cmpstr (error->message, ==, regressions[i].message);
    }
}

typedef struct
{
  const char *json;
  const char *english;
  const char *chinese;
} DateErrorCase;

/* A bad date is blamed on the part that is wrong, said as the file wrote it, as the CSV
 * reader does: a month of 13 was “$.events[0].start_date: “2012-13” is not a date: month
 * 13 does not exist”, in a spelling of the date the file never had. */
static const DateErrorCase date_error_cases[] = {
  { "{\"events\": [{\"start_date\": {\"year\": 2012, \"month\": 13}}]}",
    "t.json: $.events[0].start_date.month: there is no month 13",
    "t.json：$.events[0].start_date.month：不存在 13 月" },
  { "{\"events\": [{\"start_date\": {\"year\": 2012}},"
    " {\"start_date\": {\"year\": 2011}, \"end_date\": {\"year\": 2011, \"month\": \"2\", \"day\": \"29\"}}]}",
    "t.json: $.events[1].end_date.day: month 2 of 2011 has no day 29",
    "t.json：$.events[1].end_date.day：2011 年 2 月没有 29 日" },
  /* TimelineJS's -500 is 500 BCE, the astronomical -499, which is no leap year. */
  { "{\"events\": [{\"start_date\": {\"year\": -500, \"month\": 2, \"day\": 29}}]}",
    "t.json: $.events[0].start_date.day: month 2 of -500 has no day 29",
    "t.json：$.events[0].start_date.day：-500 年 2 月没有 29 日" },
  { "{\"eras\": [{\"start_date\": {\"year\": 2012, \"month\": 0}, \"end_date\": {\"year\": 2013}}], \"events\": []}",
    "t.json: $.eras[0].start_date.month: there is no month 0",
    "t.json：$.eras[0].start_date.month：不存在 0 月" },
  { "{\"events\": [{\"start_date\": {\"year\": 100000000001}}]}",
    "t.json: $.events[0].start_date.year: the year 100000000001 is too far in the past or the future",
    "t.json：$.events[0].start_date.year：年份 100000000001 离现在太远" },
  { "{\"events\": [{\"start_date\": {\"year\": 2012, \"month\": 1, \"day\": 1, \"hour\": 24}}]}",
    "t.json: $.events[0].start_date.hour: hour 24 does not exist",
    "t.json：$.events[0].start_date.hour：不存在 24 时" },
  /* The mark Chronoscope writes beside an approximate date's display_date. */
  { "{\"events\": [{\"start_date\": {\"year\": 2012}, \"end_date\": {\"year\": 2015, \"qualifier\": \"about\"}}]}",
    "t.json: $.events[0].end_date.qualifier: “about” is not a date qualifier: write ~ for approximate, "
    "? for uncertain or % for both",
    "t.json：$.events[0].end_date.qualifier：“about”不是日期限定符：约略的日期写 ~，不确定的写 ?，两者兼有写 %" },
};

static void
assert_date_errors (gboolean chinese)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_error_cases); i++)
    {
      g_test_message ("case %u", i);
      assert_error (date_error_cases[i].json, CHRONO_READER_ERROR_INVALID,
                    chinese ? date_error_cases[i].chinese : date_error_cases[i].english);
    }
}

static void
test_date_errors (void)
{
  i18n_test_check_in_english_and_chinese (assert_date_errors);
}

/* The colours Chronoscope writes beside TimelineJS's groups give their categories
 * those colours, in that order (a group named first by the events comes later here);
 * a colour that is not one is an error naming it. */
static void
test_group_colors (void)
{
  const char *json = "{\"events\": [{\"start_date\": {\"year\": 2012}, \"group\": \"Product\"},"
                     " {\"start_date\": {\"year\": 2013}, \"group\": \"Research\"}],"
                     " \"group_colors\": [{\"group\": \"Research\", \"color\": \"#1c71d8\", \"dark_color\": \"#99c1f1\"},"
                     " {\"group\": \"Product\", \"color\": \"#26a269\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_bytes (bytes, "t.json", NULL, &error);
  GListModel *categories;
  g_autoptr(ChronoCategory) research = NULL;
  g_autoptr(ChronoCategory) product = NULL;

  g_assert_no_error (error);
  categories = chrono_timeline_get_categories (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  research = g_list_model_get_item (categories, 0);
  product = g_list_model_get_item (categories, 1);
  g_assert_cmpstr (chrono_category_get_name (research), ==, "Research");
  g_assert_cmpstr (chrono_category_get_color (research), ==, "#1c71d8");
  g_assert_cmpstr (chrono_category_get_dark_color (research), ==, "#99c1f1");
  g_assert_cmpstr (chrono_category_get_name (product), ==, "Product");
  g_assert_cmpstr (chrono_category_get_color (product), ==, "#26a269");
  g_assert_false (chrono_category_has_dark_color (product));
  g_assert_true (chrono_event_get_category (chrono_timeline_get_event (timeline, 0)) == product);

  assert_error ("{\"events\": [], \"group_colors\": [{\"group\": \"A\", \"color\": \"#1c71d8\", \"dark_color\": \"blue\"}]}",
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.group_colors[0].dark_color: “blue” is not a colour: write it as #rrggbb");
  assert_error ("{\"events\": [], \"group_colors\": [{\"color\": \"#1c71d8\"}]}",
                CHRONO_READER_ERROR_INVALID, "t.json: $.group_colors[0]: “group” is missing");
}

/* The limit is the same wherever the nesting is, and a file at the limit is read. */
static void
test_nesting_limit (void)
{
  g_autoptr(GString) json = g_string_new ("{\"events\": [], \"extra\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  /* The root object is the first level. */
  for (guint i = 1; i < 64; i++)
    g_string_append_c (json, '[');
  for (guint i = 1; i < 64; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  bytes = g_bytes_new (json->str, json->len);
  timeline = chrono_timeline_read_bytes (bytes, "t.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  g_clear_object (&timeline);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Brackets inside strings do not count, escaped quotes do not end them. */
  g_string_insert (json, 1, "\"quoted\": \"[[[[\\\"[[[[\", ");
  g_string_insert_c (json, json->len - 64, '[');
  g_string_insert_c (json, json->len - 1, ']');
  bytes = g_bytes_new (json->str, json->len);
  timeline = chrono_timeline_read_bytes (bytes, "t.json", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, ": the data is nested more than 64 levels deep here"));
  g_assert_true (g_str_has_prefix (error->message, "t.json:1:"));
}

/* Ids with nothing an id allows were empty: refused by the native reader, accepted
 * here, and two of them “already used”. They are numbered like missing ones. */
static void
test_symbol_ids (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "timelinejs-symbol-ids.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 3);
  g_assert_null (chrono_timeline_lookup_event (timeline, ""));
  g_assert_cmpint (chrono_event_get_start (chrono_timeline_lookup_event (timeline, "event-1"))->year, ==, 2020);
  g_assert_cmpint (chrono_event_get_start (chrono_timeline_lookup_event (timeline, "event-2"))->year, ==, 2021);
  g_assert_cmpint (chrono_event_get_start (chrono_timeline_lookup_event (timeline, "event-3"))->year, ==, 2022);
}

/* The reader's own entry point set no error on empty bytes. */
static void
test_empty (void)
{
  const char *inputs[] = { "", "\xEF\xBB\xBF", " \n\t" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_timelinejs_bytes (bytes, "t.json", NULL, &error);

      g_assert_null (timeline);
      g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT);
      g_assert_cmpstr (error->message, ==, "t.json: the file is empty");
    }

  /* Bytes of length 0 may have no data at all; every entry point says so. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(ChronoTimeline) timeline = NULL;

    timeline = chrono_timeline_read_timelinejs_bytes (bytes, "t.json", NULL, &error);
    g_assert_null (timeline);
    g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT);
    g_assert_cmpstr (error->message, ==, "t.json: the file is empty");
    g_clear_error (&error);

    timeline = chrono_timeline_read_native_bytes (bytes, "t.xml", NULL, &error);
    g_assert_null (timeline);
    g_assert_cmpstr (error->message, ==, "t.xml: the file is empty");
    g_clear_error (&error);

    timeline = chrono_timeline_read_bytes (bytes, "t", NULL, &error);
    g_assert_null (timeline);
    g_assert_cmpstr (error->message, ==, "t: the file is empty");
  }
}

/* Texts have the same limits as in the native format: length and valid UTF-8 after
 * their escapes are decoded. */
static void
test_text_limits (void)
{
  g_autoptr(GString) json = g_string_new ("{\"events\": [{\"start_date\": {\"year\": 2020}, \"group\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  /* Half a surrogate pair is refused (by json-glib itself from 1.10), a whole one is a character. */
  assert_error ("{\"events\": [{\"start_date\": {\"year\": 2020}, \"unique_id\": \"x\\ud800y\"}]}",
#if JSON_CHECK_VERSION (1, 10, 0)
                CHRONO_READER_ERROR_SYNTAX,
                "t.json:1:59: “\\uD800” is half of a character: a surrogate needs its other half");
#else
                CHRONO_READER_ERROR_INVALID,
                "t.json: $.events[0].unique_id: the text is not valid UTF-8 once its escapes are decoded");
#endif
  {
    const char *pair = "{\"title\": {\"text\": {\"headline\": \"\\ud83d\\ude00\"}}, \"events\": []}";
    g_autoptr(GBytes) pair_bytes = g_bytes_new_static (pair, strlen (pair));
    g_autoptr(ChronoTimeline) pair_timeline = chrono_timeline_read_bytes (pair_bytes, "t.json", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (chrono_timeline_get_title (pair_timeline), ==, "\xF0\x9F\x98\x80");
  }

  for (guint i = 0; i < 1024 * 1024 + 1; i++)
    g_string_append_c (json, 'x');
  g_string_append (json, "\"}]}");
  bytes = g_bytes_new (json->str, json->len);
  timeline = chrono_timeline_read_bytes (bytes, "t.json", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "t.json: $.events[0].group: the text is too long: a text may have up to 1048576 bytes");
}

/* Read one event at a time where it can be, and whole by json-glib: the same timeline
 * or the same error. Returns whether it was read one event at a time. */
static gboolean
assert_read_alike (const char *json,
                   gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoTimeline) whole = NULL;
  guint n_by_event = _chrono_timelinejs_reader_n_read_by_event ();
  gboolean by_event;

  timeline = chrono_timeline_read_timelinejs_bytes (bytes, "t.json", NULL, &error);
  by_event = _chrono_timelinejs_reader_n_read_by_event () > n_by_event;
  _chrono_timelinejs_reader_read_whole (TRUE);
  whole = chrono_timeline_read_timelinejs_bytes (bytes, "t.json", NULL, &whole_error);
  _chrono_timelinejs_reader_read_whole (FALSE);

  g_assert_true ((timeline == NULL) == (whole == NULL));
  if (timeline != NULL)
    {
      g_autoptr(GBytes) expected = chrono_timeline_write_native (whole);
      g_autoptr(GBytes) written = chrono_timeline_write_native (timeline);

      g_assert_true (g_bytes_equal (written, expected));
    }
  else
    {
      g_assert_cmpstr (error->message, ==, whole_error->message);
    }

  return by_event;
}

/* json-glib is given one event at a time where the document is strict JSON around
 * them; anything else is read whole, and either way the result is the same. */
static void
test_by_event (void)
{
  static const struct {
    const char *json;
    gboolean by_event;
  } cases[] = {
    { "{\"title\": {\"text\": {\"headline\": \"T\"}}, \"eras\": [], \"events\": [\n"
      "  {\"start_date\": {\"year\": 2012}, \"text\": {\"headline\": \"A [x] {y} \\\" ]\"}},\n"
      "  {\"start_date\": {\"year\": \"2015\"}, \"group\": \"g\", \"unique_id\": \"b\"}\n"
      "], \"scale\": \"human\", \"n\": -1.5e3, \"on\": true}\n", TRUE },
    { "{\"events\": []}", TRUE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}], \"eras\": [{\"start_date\": {\"year\": 2012}, "
      "\"end_date\": {\"year\": 2013}, \"text\": {\"headline\": \"E\"}}]}", TRUE },
    /* A mistake outside the events is found in the rest of the document. */
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}], \"eras\": [{\"start_date\": {\"year\": 2013}}]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}]}", TRUE },
    /* Mistakes between the events, found in the whole document, and inside one, which
     * json-glib refuses by itself. */
    { "{\"events\": [{\"start_date\": {\"year\": 2012}},, {\"start_date\": {\"year\": 2013}}]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}, ]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}} {\"start_date\": {\"year\": 2013}}]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012]}]}", TRUE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}, 7]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}]} x", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}], \"events\": []}", FALSE },
    { "{\"ev\\u0065nts\": [{\"start_date\": {\"year\": 2012}}]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}], \"title\": {\"text\": 5}}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}, {\"start_date\": {\"year\": \"x\"}}]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}}, {\"start_date\": {\"year\": 2013}, }]}", TRUE },
    /* Texts in single quotes are json-glib's to read, and so is half a surrogate pair,
     * which json-glib 1.6 reads past the end of its text: only the whole read says
     * what json-glib makes of the document then. */
    { "{\"events\": [{'start_date': {'year': 2012}}, {\"start_date\": {\"year\": 2013}, }]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012}, \"text\": {\"headline\": \"a\\ud800\"}},\n"
      "{\"start_date\": {\"year\": 2013}, \"text\": {\"text\": \"b\"}}]}", FALSE },
    /* So are comments, which json-glib 1.6 ends at the next “/”; inside an event, it
     * reads them with the event. */
    { "{\"events\": [{\"start_date\": {\"year\": 2012} /* c */}]}", TRUE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012} /* c */}, {\"start_date\": {\"year\": 2013}, }]}", FALSE },
    { "{\"events\": [{\"start_date\": {\"year\": 2012} / c /}, {\"start_date\": {\"year\": 2013}, }]}", FALSE },
    /* To json-glib, this event is two objects; 1.10 makes an array of them. */
    { "{\"events\": [{\"a\": '\"'}{\"start_date\": {\"year\": 2013}, \"b\": '\"'}]}", FALSE },
    { "[{\"events\": []}]", FALSE },
    { "{\"events\": null}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (assert_read_alike (cases[i].json, strlen (cases[i].json)), ==, cases[i].by_event);
    }
}

/* Damaged copies of the sample: a timeline or an error naming the file, never a
 * crash, and the same one event at a time as whole. */
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

      assert_read_alike (copy, copy_length);
      bytes = g_bytes_new (copy, copy_length);
      timeline = chrono_timeline_read_bytes (bytes, "mutated", NULL, &error);
      if (timeline == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "mutated"));
          /* json-glib's own words are never shown. */
          g_assert_null (strstr (error->message, "Parse error"));
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
  g_test_add_func ("/io/timelinejs/syntax-errors", test_syntax_errors);
  g_test_add_func ("/io/timelinejs/no-object", test_no_object);
  g_test_add_func ("/io/timelinejs/syntax-check-accepts-json", test_syntax_check_accepts_json);
  g_test_add_func ("/io/timelinejs/path-errors", test_path_errors);
  g_test_add_func ("/io/timelinejs/date-errors", test_date_errors);
  g_test_add_func ("/io/timelinejs/group-colors", test_group_colors);
  g_test_add_func ("/io/timelinejs/mutations", test_mutations);
  g_test_add_func ("/io/timelinejs/by-event", test_by_event);
  g_test_add_func ("/io/timelinejs/regression-files", test_regression_files);
  g_test_add_func ("/io/timelinejs/nesting-limit", test_nesting_limit);
  g_test_add_func ("/io/timelinejs/symbol-ids", test_symbol_ids);
  g_test_add_func ("/io/timelinejs/empty", test_empty);
  g_test_add_func ("/io/timelinejs/text-limits", test_text_limits);

  return g_test_run ();
}
