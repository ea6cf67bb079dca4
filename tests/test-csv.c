/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "io/chrono-csv-reader.h"
#include "io/chrono-timeline-reader.h"
#include "i18n-test-util.h"

static ChronoTimeline *
read_text (const char  *name,
           const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return chrono_timeline_read_csv_bytes (bytes, name, NULL, error);
}

static ChronoEvent *
find_event (ChronoTimeline *timeline,
            const char     *title)
{
  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      if (strcmp (chrono_event_get_title (event), title) == 0)
        return event;
    }

  g_error ("no event “%s”", title);
}

static void
assert_edtf (const ChronoDate *date,
             const char       *expected)
{
  g_autofree char *text = chrono_date_to_edtf (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_template (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "timelinejs-template.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoEra) era = NULL;
  ChronoEvent *event;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (chrono_csv_sniff (contents, length));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  timeline = chrono_timeline_read_csv_bytes (bytes, "timelinejs-template.csv", NULL, &error);
  g_assert_no_error (error);

  /* The title row, with its HTML made plain. */
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "Women in Computing");
  g_assert_cmpstr (chrono_timeline_get_description (timeline), ==, "A sample timeline, written by hand.");

  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_eras (timeline)), ==, 1);
  era = g_list_model_get_item (chrono_timeline_get_eras (timeline), 0);
  g_assert_cmpstr (chrono_era_get_name (era), ==, "The forties");
  assert_edtf (chrono_era_get_end (era), "1950");

  /* Seven events: the row with no year is skipped, as TimelineJS does. */
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 7);

  event = find_event (timeline, "Ada Lovelace");
  assert_edtf (chrono_event_get_start (event), "1815-12-10");
  assert_edtf (chrono_event_get_end (event), "1852-11-27");
  g_assert_cmpstr (chrono_event_get_summary (event), ==,
                   "Often credited as the first programmer; her notes on the Analytical Engine hold an algorithm.");
  g_assert_cmpstr (chrono_event_get_media_url (event), ==, "images/ada.png");
  g_assert_cmpstr (chrono_event_get_media_caption (event), ==, "Portrait by Alfred Chalon");
  g_assert_cmpstr (chrono_event_get_media_credit (event), ==, "Wikimedia Commons");
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "People");
  g_assert_cmpstr (chrono_event_get_id (event), ==, "row-3");

  /* Quotes doubled, a newline inside quotes, a display date, a month without a day. */
  event = find_event (timeline, "...And the women who made it work");
  g_assert_cmpstr (chrono_event_get_summary (event), ==,
                   "The ENIAC programmers, \"Betty\" Holberton among them, were largely forgotten until 1985.");
  g_assert_cmpstr (chrono_event_get_display_date (event), ==, "Mid-1940s");
  assert_edtf (chrono_event_get_start (event), "1943-07");
  assert_edtf (chrono_event_get_end (event), "1946");
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Machines");

  event = find_event (timeline, "Grace Hopper, compiler");
  g_assert_cmpstr (chrono_event_get_media_url (event), ==, "https://example.org/a0.jpg");
  g_assert_null (chrono_event_get_media_caption (event));

  /* A time with PM and seconds; an end equal to the start is dropped. */
  event = find_event (timeline, "Moon landing");
  assert_edtf (chrono_event_get_start (event), "1969-07-20T20:17:40");
  g_assert_null (chrono_event_get_end (event));

  event = find_event (timeline, "Macintosh");
  assert_edtf (chrono_event_get_start (event), "1984-01-24T14:30");
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Other events");

  /* TimelineJS shows -500 as 500 BCE: so does Chronoscope. */
  event = find_event (timeline, "Pythagoras");
  {
    g_autofree char *shown = chrono_date_format (chrono_event_get_start (event));
    g_assert_cmpstr (shown, ==, "500 BC");
  }

  event = find_event (timeline, "Untitled event");
  assert_edtf (chrono_event_get_start (event), "0001");
}

static void
test_delimiters (void)
{
  const char *texts[] = {
    "year;headline;GROUP;text\r\n2012;AlexNet;Research;\"Wins; by far\"\r\n2022;ChatGPT;Product;\r\n",
    "Headline\tText\tYear\tGroup\n AlexNet \tWins; by far\t2012\tResearch\nChatGPT\t\t2022\tProduct",
    "Headline,Year,Text,Group,Extra\nAlexNet,\"2,012\",\"Wins; by far\",Research,x\nChatGPT,2022,,Product\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = read_text ("delimiters.csv", texts[i], &error);
      ChronoEvent *event;

      g_test_message ("%u", i);
      g_assert_no_error (error);
      g_assert_true (chrono_csv_sniff (texts[i], strlen (texts[i])));
      g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 2);
      event = chrono_timeline_get_event (timeline, 0);
      g_assert_cmpstr (chrono_event_get_title (event), ==, "AlexNet");
      g_assert_cmpstr (chrono_event_get_summary (event), ==, "Wins; by far");
      g_assert_cmpint (chrono_event_get_start (event)->year, ==, 2012);
      g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Research");
      /* No title row: the file's name. */
      g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "delimiters");
    }
}

typedef struct
{
  const char *csv;
  int code;
  const char *message;
} ErrorCase;

#define HEADER "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline,Type\n"

static const ErrorCase error_cases[] = {
  { "", CHRONO_READER_ERROR_UNKNOWN_FORMAT, "e.csv: the file is empty" },
  { "Name,Date\nx,2012\n", CHRONO_READER_ERROR_UNKNOWN_FORMAT,
    "e.csv: row 1: not a TimelineJS spreadsheet: the first row must name the columns, among them “Year” and “Headline”" },
  { HEADER "\n2012,1x,,,,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 3, column B (“Month”): “1x” is not a whole number" },
  { HEADER "2012,1,1,25:00,,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column D (“Time”): “25:00” is not a time of day (such as 14:30 or 2:30 PM)" },
  { HEADER "2012,1,,10:00,,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column D (“Time”): a date with a time needs a day" },
  { HEADER "2012,,3,,,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column C (“Day”): a date with a day needs a month" },
  { HEADER ",5,,,,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column B (“Month”): a date needs a year (in the “Year” column)" },
  { HEADER "2012,,,,2011,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column E (“End Year”): it ends before it starts" },
  { HEADER ",,,,2011,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column A (“Year”): there is an end year but no year" },
  { HEADER "2012,,,,,,,,x,era\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 2, column E (“End Year”): an era needs an end year" },
  { HEADER "2012,,,,,,,,\"x\ny,\n", CHRONO_READER_ERROR_SYNTAX,
    "e.csv: row 2, column I: the quoted text that starts on line 2 has no closing quote" },
  { HEADER "2012,,,,,,,,\"x\"y,\n", CHRONO_READER_ERROR_SYNTAX,
    "e.csv: row 2, column I: text after a closing quote" },
  { HEADER "2012,,,,,,,,\"a\nb\",\n2013,,,,,,,,x,\n2014,x,,,,,,,x,\n", CHRONO_READER_ERROR_INVALID,
    "e.csv: row 4, column B (“Month”): “x” is not a whole number" },
  { HEADER "2012,,,,,,,,caf\xe9,\n", CHRONO_READER_ERROR_SYNTAX,
    "e.csv:2:16: the file is not valid UTF-8 text here (byte 0xE9)" },
  /* The column counts characters, as an editor shows them, not bytes (which would say 18). */
  { HEADER "2012,,,,,,,,\xc3\xa9\xe2\x82\xac\xff,\n", CHRONO_READER_ERROR_SYNTAX,
    "e.csv:2:15: the file is not valid UTF-8 text here (byte 0xFF)" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;

      g_test_message ("case %u", i);
      timeline = read_text ("e.csv", error_cases[i].csv, &error);
      g_assert_null (timeline);
      g_assert_error (error, CHRONO_READER_ERROR, error_cases[i].code);
      if (!g_str_has_prefix (error->message, error_cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, error_cases[i].message);
    }
}

typedef struct
{
  const char *csv;
  const char *english;
  const char *chinese;
} DateErrorCase;

/* A bad date is blamed on its column, said once (a bad month was blamed on the year, and
 * the Chinese said 不是日期 twice: “not a date: “2012-13” is not a date: month 13…”). */
static const DateErrorCase date_error_cases[] = {
  { HEADER "2012,13,,,,,,,x,\n",
    "e.csv: row 2, column B (“Month”): there is no month 13",
    "e.csv：第 2 行，B 列（“Month”）：不存在 13 月" },
  { HEADER "2012,0,,,,,,,x,\n",
    "e.csv: row 2, column B (“Month”): there is no month 0",
    "e.csv：第 2 行，B 列（“Month”）：不存在 0 月" },
  { HEADER "2011,2,29,,,,,,x,\n",
    "e.csv: row 2, column C (“Day”): month 2 of 2011 has no day 29",
    "e.csv：第 2 行，C 列（“Day”）：2011 年 2 月没有 29 日" },
  { HEADER "2012,1,1,,2012,4,31,,x,\n2013,,,,,,,,y,\n",
    "e.csv: row 2, column G (“End Day”): month 4 of 2012 has no day 31",
    "e.csv：第 2 行，G 列（“End Day”）：2012 年 4 月没有 31 日" },
  { HEADER "2013,,,,,,,,y,\n2012,1,1,,2012,14,,,x,\n",
    "e.csv: row 3, column F (“End Month”): there is no month 14",
    "e.csv：第 3 行，F 列（“End Month”）：不存在 14 月" },
  { HEADER "\"100,000,000,001\",,,,,,,,x,\n",
    "e.csv: row 2, column A (“Year”): the year 100,000,000,001 is too far in the past or the future",
    "e.csv：第 2 行，A 列（“Year”）：年份 100,000,000,001 离现在太远" },
  { HEADER "2012,99999999999999999999,,,,,,,x,\n",
    "e.csv: row 2, column B (“Month”): there is no month 99999999999999999999",
    "e.csv：第 2 行，B 列（“Month”）：不存在 99999999999999999999 月" },
};

static void
assert_date_errors (gboolean chinese)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_error_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;

      g_test_message ("case %u", i);
      timeline = read_text ("e.csv", date_error_cases[i].csv, &error);
      g_assert_null (timeline);
      g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, chinese ? date_error_cases[i].chinese : date_error_cases[i].english);
    }
}

static void
test_date_errors (void)
{
  i18n_test_check_in_english_and_chinese (assert_date_errors);
}

/* The loader knows the format by its content. */
static void
test_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "timelinejs-template.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/template", test_template);
  g_test_add_func ("/io/csv/delimiters", test_delimiters);
  g_test_add_func ("/io/csv/errors", test_errors);
  g_test_add_func ("/io/csv/date-errors", test_date_errors);

  g_test_add_func ("/io/csv/load", test_load);

  return g_test_run ();
}
