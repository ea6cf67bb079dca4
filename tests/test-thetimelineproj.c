/* test-thetimelineproj.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "io/chrono-thetimelineproj-reader.h"
#include "io/chrono-timeline-reader.h"

static ChronoTimeline *
read_file (const char  *name,
           GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (chrono_thetimelineproj_sniff (contents, length));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return chrono_timeline_read_thetimelineproj_bytes (bytes, name, NULL, error);
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

  g_assert_not_reached ();
}

static char *
edtf (const ChronoDate *date)
{
  return chrono_date_to_edtf (date);
}

static void
test_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = read_file ("thetimelineproj-full.timeline", &error);
  GListModel *categories, *eras;
  ChronoEvent *event;
  char *text;

  g_assert_no_error (error);
  g_assert_true (chrono_timeline_is_sealed (timeline));
  /* The title comes from the file's name. */
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "thetimelineproj-full");

  /* Three categories (the repeated “Machines” is the first one), and one for the
   * events with none. */
  categories = chrono_timeline_get_categories (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 4);
  {
    g_autoptr(ChronoCategory) machines = g_list_model_get_item (categories, 0);
    g_autoptr(ChronoCategory) people = g_list_model_get_item (categories, 1);

    g_assert_cmpstr (chrono_category_get_name (machines), ==, "Machines");
    g_assert_cmpstr (chrono_category_get_name (people), ==, "People & ideas");
    g_assert_cmpstr (chrono_category_get_id (people), ==, "category-People-ideas");
    /* 128,255,128 is too pale on white: darkened for the light theme, kept for the
     * dark one, where it reads well. */
    g_assert_true (chrono_category_has_dark_color (machines));
    g_assert_cmpstr (chrono_category_get_dark_color (machines), ==, "#80ff80");
    g_assert_cmpstr (chrono_category_get_color (machines), !=, "#80ff80");
    /* 20,20,120 is dark: kept on white, lightened on the dark theme. */
    g_assert_cmpstr (chrono_category_get_color (people), ==, "#141478");
    g_assert_cmpstr (chrono_category_get_dark_color (people), !=, "#141478");
  }

  eras = chrono_timeline_get_eras (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (eras), ==, 2);
  {
    g_autoptr(ChronoEra) industrial = g_list_model_get_item (eras, 0);
    g_autoptr(ChronoEra) information = g_list_model_get_item (eras, 1);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_cmpstr (chrono_era_get_name (industrial), ==, "Industrial age");
    text = edtf (chrono_era_get_start (industrial));
    g_assert_cmpstr (text, ==, "1760-01-01");
    g_free (text);
    /* ends_today: the era runs to today. */
    g_assert_cmpint (chrono_era_get_end (information)->year, ==, g_date_time_get_year (now));
  }

  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 6);

  /* A container is a range event; its part says what it is part of. */
  event = find_event (timeline, "ENIAC years");
  text = edtf (chrono_event_get_end (event));
  g_assert_cmpstr (text, ==, "1955-10-02");
  g_free (text);
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Computers");

  event = find_event (timeline, "ENIAC unveiled");
  g_assert_null (chrono_event_get_end (event));
  g_assert_cmpint (chrono_event_get_start (event)->precision, ==, CHRONO_PRECISION_DAY);
  g_assert_cmpstr (chrono_event_get_summary (event), ==,
                   "Shown to the press in Philadelphia. The first general-purpose electronic computer.");
  g_assert_cmpstr (chrono_event_get_notes (event), ==, "Part of “ENIAC years”.\nLabels: press, Philadelphia");
  g_assert_cmpuint (chrono_event_get_sources (event)->len, ==, 2);
  g_assert_cmpstr (chrono_source_get_url (g_ptr_array_index (chrono_event_get_sources (event), 1)), ==,
                   "https://example.org/moore-school");
  g_assert_true (g_str_has_prefix (chrono_event_get_media_url (event), "data:image/png;base64,iVBORw0KGgo"));

  /* Fuzzy is approximate; the first of <categories> is the category; progress a note. */
  event = find_event (timeline, "Lovelace's notes");
  text = edtf (chrono_event_get_start (event));
  g_assert_cmpstr (text, ==, "1843-07-01~");
  g_free (text);
  g_assert_true (chrono_event_get_end (event)->flags & CHRONO_DATE_APPROXIMATE);
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "People & ideas");
  g_assert_cmpstr (chrono_event_get_notes (event), ==, "40% done");

  /* Seconds are kept; a milestone is a moment; the added space goes. */
  event = find_event (timeline, "[bracket] Eagle lands");
  text = edtf (chrono_event_get_start (event));
  g_assert_cmpstr (text, ==, "1969-07-20T20:17:40");
  g_free (text);
  g_assert_null (chrono_event_get_end (event));
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Other events");

  /* Minutes without seconds; ends_today ends today; unknown elements are skipped. */
  event = find_event (timeline, "First web site");
  text = edtf (chrono_event_get_start (event));
  g_assert_cmpstr (text, ==, "1991-08-06T14:56");
  g_free (text);
  g_assert_cmpint (chrono_event_get_end (event)->year, >=, 2025);
  g_assert_cmpstr (chrono_event_get_notes (event), ==, "Still going on: it ends today.");

  /* Negative years are astronomical: -43 is 44 BC. */
  event = find_event (timeline, "Ides of March");
  g_assert_cmpint (chrono_event_get_start (event)->year, ==, -43);
  text = chrono_date_format (chrono_event_get_start (event));
  g_assert_cmpstr (text, ==, "15 March 44 BC");
  g_free (text);
}

static void
test_numtime (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = read_file ("thetimelineproj-numtime.timeline", &error);
  ChronoEvent *event;

  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 3);

  /* Numbers are read as years. */
  event = find_event (timeline, "Build-up");
  g_assert_cmpint (chrono_event_get_start (event)->year, ==, 10);
  g_assert_cmpint (chrono_event_get_start (event)->precision, ==, CHRONO_PRECISION_YEAR);
  g_assert_cmpint (chrono_event_get_end (event)->year, ==, 250);
  g_assert_cmpint (chrono_event_get_start (find_event (timeline, "Before zero"))->year, ==, -5);
  g_assert_cmpint (chrono_event_get_start (find_event (timeline, "Far on"))->year, ==, 1200);
}

typedef struct
{
  const char *name;
  const char *xml;
  int code;
  const char *message;
} ErrorCase;

#define HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<timeline>\n  <version>2.4.0</version>\n"
#define CATEGORIES "  <categories>\n    <category><name>A</name><color>1,2,3</color></category>\n  </categories>\n"

static const ErrorCase error_cases[] = {
  { "not-well-formed", HEAD "  <events>\n    <event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_SYNTAX, "not-well-formed.timeline:6:12: Element" },
  { "wrong-root", "<?xml version=\"1.0\"?>\n<chronology><version>2.4.0</version></chronology>\n",
    CHRONO_READER_ERROR_UNKNOWN_FORMAT, "wrong-root.timeline:2:1: not a file of The Timeline Project: its root element is <chronology>, not <timeline>" },
  { "no-version", "<timeline>\n  <events/>\n</timeline>\n",
    CHRONO_READER_ERROR_UNKNOWN_FORMAT, "no-version.timeline:2:3: not a file of The Timeline Project: <timeline> must begin with its <version>" },
  { "bad-version", "<timeline>\n  <version>two</version>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "bad-version.timeline:2:3: “two” is not a version of The Timeline Project" },
  { "other-calendar", HEAD "  <timetype>coptictime</timetype>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "other-calendar.timeline:4:3: the timeline counts time as “coptictime”, which Chronoscope cannot read" },
  { "bad-color", HEAD "  <categories>\n    <category><name>A</name><color>1,2,300</color></category>\n  </categories>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "bad-color.timeline:5:29: “1,2,300” is not a colour" },
  { "no-color", HEAD "  <categories>\n    <category><name>A</name></category>\n  </categories>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "no-color.timeline:5:5: the category “A” has no <color>" },
  { "bad-time", HEAD "  <events>\n    <event><start>2020-01-01</start><end>2020-01-01</end><text>x</text></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "bad-time.timeline:5:12: “2020-01-01” is not a time: The Timeline Project writes YEAR-MM-DD HH:MM:SS" },
  { "bad-month", HEAD "  <events>\n    <event>\n      <start>2020-13-01 00:00:00</start><end>2020-13-01 00:00:00</end><text>x</text>\n    </event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "bad-month.timeline:6:7: “2020-13-01” is not a date: month 13 does not exist" },
  { "no-start", HEAD "  <events>\n    <event><end>2020-01-01 00:00:00</end><text>x</text></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "no-start.timeline:5:5: this <event> has no <start>" },
  { "no-text", HEAD "  <events>\n    <event><start>2020-01-01 00:00:00</start><end>2020-01-01 00:00:00</end></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "no-text.timeline:5:5: this <event> has no <text>" },
  { "end-before-start", HEAD "  <events>\n    <event><start>2020-01-02 00:00:00</start><end>2020-01-01 00:00:00</end><text>x</text></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "end-before-start.timeline:5:46: it ends before it starts" },
  { "unknown-category", HEAD CATEGORIES "  <events>\n    <event><start>2020-01-01 00:00:00</start><end>2020-01-01 00:00:00</end><text>x</text><category>B</category></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "unknown-category.timeline:8:90: the category “B” is not among the file's <categories>" },
  { "bad-progress", HEAD "  <events>\n    <event><start>2020-01-01 00:00:00</start><end>2020-01-01 00:00:00</end><text>x</text><progress>140</progress></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "bad-progress.timeline:5:90: the progress “140” is not a whole number from 0 to 100" },
  { "bad-number", HEAD "  <timetype>numtime</timetype>\n  <events>\n    <event><start>ten</start><end>10</end><text>x</text></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "bad-number.timeline:6:12: “ten” is not a number" },
  { "era-without-name", HEAD "  <eras>\n    <era><start>2020-01-01 00:00:00</start><end>2021-01-01 00:00:00</end></era>\n  </eras>\n</timeline>\n",
    CHRONO_READER_ERROR_INVALID, "era-without-name.timeline:5:5: this <era> has no <name>" },
  { "invalid-utf8", HEAD "  <events>\n    <event><text>caf\xe9</text></event>\n  </events>\n</timeline>\n",
    CHRONO_READER_ERROR_SYNTAX, "invalid-utf8.timeline:5:21: the file is not valid UTF-8 text here (byte 0xE9)" },
  { "empty", " \n",
    CHRONO_READER_ERROR_UNKNOWN_FORMAT, "empty.timeline: the file is empty" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autofree char *name = g_strdup_printf ("%s.timeline", c->name);
      g_autoptr(GBytes) bytes = g_bytes_new_static (c->xml, strlen (c->xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;

      g_test_message ("%s", c->name);
      timeline = chrono_timeline_read_thetimelineproj_bytes (bytes, name, NULL, &error);
      g_assert_null (timeline);
      g_assert_error (error, CHRONO_READER_ERROR, c->code);
      if (!g_str_has_prefix (error->message, c->message))
        g_error ("%s: “%s” does not start with “%s”", c->name, error->message, c->message);
    }
}

static void
test_sniff (void)
{
  const char *native = "<?xml version=\"1.0\"?>\n<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"1\">";

  g_assert_true (chrono_thetimelineproj_sniff (HEAD, strlen (HEAD)));
  g_assert_false (chrono_thetimelineproj_sniff (native, strlen (native)));
  g_assert_false (chrono_thetimelineproj_sniff ("{\"events\": []}", 14));
}

/* The loader knows the format by its content. */
static void
test_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "thetimelineproj-full.timeline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/thetimelineproj/full", test_full);
  g_test_add_func ("/io/thetimelineproj/numtime", test_numtime);
  g_test_add_func ("/io/thetimelineproj/errors", test_errors);
  g_test_add_func ("/io/thetimelineproj/sniff", test_sniff);

  g_test_add_func ("/io/thetimelineproj/load", test_load);

  return g_test_run ();
}
