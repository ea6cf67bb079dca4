/* test-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "io/chrono-input-limits.h"
#include "io/chrono-native-reader.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-reader-private.h"
#include "io/chrono-timeline-writer.h"

static ChronoTimeline *
load_test_file (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return chrono_timeline_load (file, NULL, error);
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = load_test_file ("sample.chronoscope", &error);
  const char *order[] = { "ancient", "alexnet", "dinners", "launch", "far" };
  g_autoptr(ChronoCategory) research = NULL;
  g_autoptr(ChronoCategory) product = NULL;
  g_autoptr(ChronoEra) era = NULL;
  g_autoptr(ChronoSource) article = NULL;
  ChronoEvent *launch, *dinners;
  ChronoQuote *quote;
  GPtrArray *sources;
  g_autofree char *edtf = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  g_assert_true (chrono_timeline_is_sealed (timeline));

  /* Text is whitespace-normalised, entities decoded. */
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "A sample timeline");
  g_assert_cmpstr (chrono_timeline_get_description (timeline), ==, "Used by the reader & writer tests.");
  g_assert_cmpstr (chrono_timeline_get_language (timeline), ==, "en");
  g_assert_null (chrono_timeline_get_gettext_domain (timeline));

  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_categories (timeline)), ==, 2);
  research = g_list_model_get_item (chrono_timeline_get_categories (timeline), 0);
  product = g_list_model_get_item (chrono_timeline_get_categories (timeline), 1);
  g_assert_cmpstr (chrono_category_get_id (research), ==, "research");
  g_assert_cmpstr (chrono_category_get_name (research), ==, "Research");
  g_assert_cmpstr (chrono_category_get_color (research), ==, "#1c71d8");
  g_assert_cmpstr (chrono_category_get_dark_color (research), ==, "#99c1f1");
  g_assert_false (chrono_category_has_dark_color (product));

  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_eras (timeline)), ==, 2);
  era = g_list_model_get_item (chrono_timeline_get_eras (timeline), 0);
  g_assert_cmpstr (chrono_era_get_name (era), ==, "Antiquity and after");
  g_assert_cmpint (chrono_era_get_start (era)->year, ==, -500);
  g_assert_cmpint (chrono_era_get_end (era)->year, ==, 999);

  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_sources (timeline)), ==, 2);
  article = g_list_model_get_item (chrono_timeline_get_sources (timeline), 0);
  g_assert_cmpstr (chrono_source_get_title (article), ==, "彭博社专访");
  g_assert_cmpstr (chrono_source_get_author (article), ==, "AI深度研究员");
  g_assert_cmpstr (chrono_source_get_publisher (article), ==, "WeChat");
  g_assert_cmpstr (chrono_source_get_url (article), ==, "http://example.org/a?b=1&c=2");
  edtf = chrono_date_to_edtf (chrono_source_get_date (article));
  g_assert_cmpstr (edtf, ==, "2025-01-07T07:16");
  g_assert_null (chrono_source_get_date (chrono_timeline_lookup_source (timeline, "interview")));

  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (chrono_event_get_id (chrono_timeline_get_event (timeline, i)), ==, order[i]);

  launch = chrono_timeline_lookup_event (timeline, "launch");
  g_assert_cmpstr (chrono_event_get_title (launch), ==, "ChatGPT launches");
  g_assert_cmpstr (chrono_event_get_summary (launch), ==, "A research preview, released quietly.");
  g_assert_cmpstr (chrono_event_get_notes (launch), ==, "First note.\nSecond note.");
  g_assert_cmpuint (chrono_event_get_importance (launch), ==, 5);
  g_assert_true (chrono_event_get_category (launch) == product);
  g_assert_null (chrono_event_get_end (launch));

  sources = chrono_event_get_sources (launch);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_true (g_ptr_array_index (sources, 0) == article);
  g_assert_cmpstr (chrono_source_get_id (g_ptr_array_index (sources, 1)), ==, "interview");

  g_assert_cmpuint (chrono_event_get_n_quotes (launch), ==, 2);
  quote = g_ptr_array_index (chrono_event_get_quotes (launch), 0);
  g_assert_cmpstr (chrono_quote_get_original_text (quote), ==, "我们很惊讶。");
  g_assert_cmpstr (chrono_quote_get_original_language (quote), ==, "zh-Hans");
  g_assert_cmpstr (chrono_quote_get_translation (quote), ==, "We were surprised.");
  g_assert_cmpstr (chrono_quote_get_translation_language (quote), ==, "en");
  g_assert_cmpstr (chrono_quote_get_speaker (quote), ==, "Sam Altman");
  g_assert_cmpstr (chrono_quote_get_context (quote), ==, "Looking back in 2025.");
  g_assert_cmpstr (chrono_source_get_id (chrono_quote_get_source (quote)), ==, "interview");
  g_assert_true (chrono_quote_get_event (quote) == launch);

  quote = g_ptr_array_index (chrono_event_get_quotes (launch), 1);
  g_assert_cmpstr (chrono_quote_get_original_text (quote), ==, "A <quoted> remark");
  g_assert_null (chrono_quote_get_translation (quote));
  g_assert_null (chrono_quote_get_source (quote));
  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_quotes (timeline)), ==, 2);

  dinners = chrono_timeline_lookup_event (timeline, "dinners");
  g_assert_cmpint (chrono_event_get_start (dinners)->flags, ==, CHRONO_DATE_APPROXIMATE);
  g_assert_cmpint (chrono_event_get_end (dinners)->month, ==, 12);
  g_assert_cmpuint (chrono_event_get_importance (dinners), ==, 4);
  g_assert_cmpuint (chrono_event_get_importance (chrono_timeline_lookup_event (timeline, "alexnet")), ==, 3);
  g_assert_cmpint (chrono_event_get_start (chrono_timeline_lookup_event (timeline, "far"))->year, ==, 250000);
}

typedef struct
{
  const char *file;
  int code;
  const char *message;
} BrokenCase;

/* Each message names the file, and the line and column of the offending element (the
 * column counts characters, not bytes: the invalid byte follows two Chinese ones). */
static const BrokenCase broken_cases[] = {
  /* What the TimelineJS reader once let through, the native reader refuses too. */
  { "surrogate-reference.chronoscope", CHRONO_READER_ERROR_SYNTAX,
    "surrogate-reference.chronoscope:3:37: Character reference “D800” does not encode a permitted character" },
  { "symbol-id.chronoscope", CHRONO_READER_ERROR_INVALID,
    "symbol-id.chronoscope:8:5: “@” is not a valid id: use letters, digits, “_”, “.” and “-”" },
  { "missing-start.chronoscope", CHRONO_READER_ERROR_INVALID,
    "missing-start.chronoscope:9:5: <event> needs a start date" },
  { "bad-date.chronoscope", CHRONO_READER_ERROR_INVALID,
    "bad-date.chronoscope:9:5: “2022-13” is not a date: month 13 does not exist" },
  { "unknown-element.chronoscope", CHRONO_READER_ERROR_INVALID,
    "unknown-element.chronoscope:11:7: unknown element <foo> inside <event>" },
  { "unknown-attribute.chronoscope", CHRONO_READER_ERROR_INVALID,
    "unknown-attribute.chronoscope:9:5: unknown attribute “colour” on <event>" },
  { "unknown-category.chronoscope", CHRONO_READER_ERROR_INVALID,
    "unknown-category.chronoscope:9:5: <event> refers to the category “nope”, which <categories> does not declare" },
  { "duplicate-id.chronoscope", CHRONO_READER_ERROR_INVALID,
    "duplicate-id.chronoscope:9:5: the id “a” is already used by another <event>" },
  { "end-before-start.chronoscope", CHRONO_READER_ERROR_INVALID,
    "end-before-start.chronoscope:9:5: <event> ends before it starts" },
  { "missing-title.chronoscope", CHRONO_READER_ERROR_INVALID,
    "missing-title.chronoscope:9:5: <event> needs a <title>" },
  { "stray-text.chronoscope", CHRONO_READER_ERROR_INVALID,
    "stray-text.chronoscope:9:5: text is not allowed inside <events>" },
  { "newer-version.chronoscope", CHRONO_READER_ERROR_VERSION,
    "newer-version.chronoscope:2:1: written by a newer version of Chronoscope (format 3); this version reads format 2" },
  { "invalid-utf8.chronoscope", CHRONO_READER_ERROR_SYNTAX,
    "invalid-utf8.chronoscope:9:61: the file is not valid UTF-8 text here (byte 0xFF)" },
  { "wrong-namespace.chronoscope", CHRONO_READER_ERROR_UNKNOWN_FORMAT,
    "wrong-namespace.chronoscope:2:1: not a Chronoscope timeline: the root element is in another namespace" },
  { "wrong-root.chronoscope", CHRONO_READER_ERROR_UNKNOWN_FORMAT,
    "wrong-root.chronoscope:2:1: not a Chronoscope timeline: the root element is <html>, not <timeline>" },
  { "not-xml.chronoscope", CHRONO_READER_ERROR_UNKNOWN_FORMAT,
    "not-xml.chronoscope: not a timeline: Chronoscope reads its own format, TimelineJS (JSON or its spreadsheet as CSV) and The Timeline Project (.timeline)" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = load_test_file (c->file, &error);

  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = load_test_file ("truncated.chronoscope", &error);

  /* The sentence is GLib's; the place is the end of the file, after line 8. */
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "truncated.chronoscope:9:1: "));
  g_assert_nonnull (strstr (error->message, "events"));
}

static void
test_not_xml_native (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("just words", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  timeline = chrono_timeline_read_native_bytes (bytes, "words.txt", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT);
  g_assert_cmpstr (error->message, ==, "words.txt: not a Chronoscope timeline: the file is not XML");
}

static ChronoTimeline *
read_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return chrono_timeline_read_native_bytes (bytes, "test", NULL, error);
}

static void
assert_read_error (const char *xml,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = read_string (xml, &error);

  g_assert_null (timeline);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  /* The smallest file: a title, nothing else; a namespace prefix works too. */
  timeline = read_string ("<c:timeline xmlns:c='https://chronoscope.github.io/ns/timeline/1' version='1'>"
                          "<c:title>T</c:title></c:timeline>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "T");
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 0);
  g_clear_object (&timeline);

  /* The title may be left out: the timeline is then called after its file. */
  timeline = read_string ("<timeline version='2'><events/></timeline>", &error);
  g_assert_no_error (error);
  g_assert_null (chrono_timeline_get_title (timeline));
  g_clear_object (&timeline);
  timeline = read_string ("<timeline version='1'/>", &error);
  g_assert_no_error (error);
  g_assert_null (chrono_timeline_get_title (timeline));

  assert_read_error ("<timeline version='1'><title>T</title><events/><title>U</title></timeline>",
                     "test:1:48: <title> must come before <events>: the order is title, description, categories, eras, sources, events");
  assert_read_error ("<timeline version='1'><description>D</description><title>T</title></timeline>",
                     "test:1:51: <title> must come before <description>: the order is title, description, categories, eras, sources, events");
  assert_read_error ("<timeline version='1'><title>T</title><title>U</title></timeline>",
                     "test:1:39: <title> may appear only once");
  assert_read_error ("<timeline><title>T</title></timeline>",
                     "test:1:1: <timeline> needs a version (version=\"1\")");
  assert_read_error ("<timeline version='one'><title>T</title></timeline>",
                     "test:1:1: “one” is not a format version: it must be a whole number");
  assert_read_error ("<timeline version='1'><title>  </title></timeline>",
                     "test:1:23: <title> must not be empty");
  assert_read_error ("<timeline version='1'><title>T</title><categories>"
                     "<category id='a b' color='#000000'>A</category></categories></timeline>",
                     "test:1:51: “a b” is not a valid id: use letters, digits, “_”, “.” and “-”");
  assert_read_error ("<timeline version='1'><title>T</title><categories>"
                     "<category id='a' color='red'>A</category></categories></timeline>",
                     "test:1:51: “red” is not a colour: write it as #rrggbb");
  assert_read_error ("<timeline version='1'><title>T</title><categories>"
                     "<category id='a' color='#000000'>A</category>"
                     "<category id='a' color='#000000'>A</category></categories></timeline>",
                     "test:1:96: the id “a” is already used by another <category>");
  assert_read_error ("<timeline version='1'><title>T</title><categories>"
                     "<category id='a'>A</category></categories></timeline>",
                     "test:1:51: <category> needs a colour (color=\"#rrggbb\")");
  assert_read_error ("<timeline version='1'><title>T</title><eras><era start='2012'>E</era></eras></timeline>",
                     "test:1:45: <era> needs an end date");
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='a' color='#000000'>A</category>"
                     "</categories><events><event id='e' start='2012' category='a' importance='9'>"
                     "<title>E</title></event></events></timeline>",
                     "test:1:117: “9” is not an importance: use a whole number from 1 to 5");
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='a' color='#000000'>A</category>"
                     "</categories><events><event id='e' start='2012' category='a' sources='x'>"
                     "<title>E</title></event></events></timeline>",
                     "test:1:117: <event> refers to the source “x”, which <sources> does not declare");
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='a' color='#000000'>A</category>"
                     "</categories><events><event id='e' start='2012' category='a'>"
                     "<title>E</title><quote><original xml:lang='en'>Q</original></quote></event></events></timeline>",
                     "test:1:173: <quote> needs a speaker");
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='a' color='#000000'>A</category>"
                     "</categories><events><event id='e' start='2012' category='a'>"
                     "<title>E</title><quote speaker='S'><translation xml:lang='en'>Q</translation></quote></event></events></timeline>",
                     "test:1:173: <quote> needs an <original>");
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='a' color='#000000'>A</category>"
                     "</categories><events><event id='e' start='2012' category='a'>"
                     "<title>E</title><quote speaker='S'><original>Q</original></quote></event></events></timeline>",
                     "test:1:192: <original> needs a language (xml:lang=\"…\")");
  assert_read_error ("<timeline version='1'><title>T<b>old</b></title></timeline>",
                     "test:1:31: unknown element <b> inside <title>");
  assert_read_error ("<timeline version='1'><title>T</title></timeline><timeline version='1'/>",
                     "test:1:50: the file goes on after the end of <timeline>");
}

static void
test_empty_and_odd_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) bom = g_bytes_new_static ("\xEF\xBB\xBF<timeline version='1'><title>B</title></timeline>", 52);
  g_autoptr(GBytes) nul = g_bytes_new_static ("<timeline\0", 10);
  g_autoptr(ChronoTimeline) timeline = NULL;

  timeline = chrono_timeline_read_bytes (empty, "empty", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT);
  g_assert_cmpstr (error->message, ==, "empty: the file is empty");
  g_clear_error (&error);

  timeline = chrono_timeline_read_bytes (bom, "bom", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "B");
  g_clear_object (&timeline);

  timeline = chrono_timeline_read_bytes (nul, "nul", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "nul:1:10: the file is not valid UTF-8 text here (byte 0x00)");
}

/* The UTF-8 check takes eight ASCII bytes at a time: it must find what GLib finds, the
 * same first bad byte, wherever a character, a nul or a bad byte falls in a word. */
static void
test_utf8_check_agrees_with_glib (void)
{
  static const char *pieces[] = { "a", "<event id=\"e1\">", "\xE5\x8F\x91", "\xC3\xA9", "\xF0\x9F\x98\x80",
                                  "\xFF", "\xE5\x8F", "\x8F", "\0", "\xC0\x80", "\xED\xA0\x80", " " };
  static const gsize piece_lengths[] = { 1, 15, 3, 2, 4, 1, 2, 1, 1, 2, 3, 1 };
  GRand *rand = g_rand_new_with_seed (20261201);
  guint invalid = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      guint n = g_rand_int_range (rand, 0, 12);
      const char *glib_end, *ours;
      gboolean valid;

      for (guint i = 0; i < n; i++)
        {
          /* Mostly good text, as in a file; a bad piece now and then. */
          guint k = g_rand_int_range (rand, 0, 100) < 90 ? g_rand_int_range (rand, 0, 5) : g_rand_int_range (rand, 5, 12);

          g_byte_array_append (bytes, (const guint8 *) pieces[k], piece_lengths[k]);
        }
      valid = g_utf8_validate_len ((const char *) bytes->data, bytes->len, &glib_end);
      ours = chrono_input_find_invalid_utf8 ((const char *) bytes->data, bytes->len);
      if (valid)
        g_assert_null (ours);
      else
        g_assert_true (ours == glib_end);
      invalid += !valid;
    }
  g_assert_null (chrono_input_find_invalid_utf8 (NULL, 0));
  /* Both kinds were tried. */
  g_assert_cmpuint (invalid, >, 1000);
  g_assert_cmpuint (invalid, <, 19000);
  g_rand_free (rand);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = load_test_file ("no-such-file.chronoscope", &error);

  g_assert_null (timeline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no-such-file.chronoscope: there is no such file");
}

static void
test_directory_and_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) directory = g_file_new_for_path (g_test_get_dir (G_TEST_DIST));
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(ChronoTimeline) timeline = NULL;

  timeline = chrono_timeline_load_named (directory, "tests", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "tests: this is a folder, not a timeline file");
  g_clear_error (&error);

  /* A device would never end: it is refused before reading. */
  timeline = chrono_timeline_load_named (device, "/dev/zero", NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  /* A sparse file: 600 MiB long on paper, nothing on disk. */
  file = g_file_new_tmp ("chronoscope-large-XXXXXX.chronoscope", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), (goffset) 600 * 1024 * 1024, NULL, &error));
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  timeline = chrono_timeline_load_named (file, "large", NULL, &error);
  g_file_delete (file, NULL, NULL);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "large: the file is too large"));
}

static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronoTimeline) timeline = NULL;

  g_cancellable_cancel (cancellable);
  timeline = chrono_timeline_load (file, cancellable, &error);
  g_assert_null (timeline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ChronoTimeline **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = chrono_timeline_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChronoTimeline *timeline = NULL;

  chrono_timeline_load_async (file, NULL, load_ready_cb, &timeline);
  while (timeline == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 5);
  g_assert_finalize_object (timeline);
}

/* With --split-events, every test reads the second half of every <events> in a second
 * thread, as the reader does with long ones. */
static gboolean split_everywhere;

typedef struct
{
  GArray *fractions;
  ChronoTimeline *timeline;
  GError *error;
  gboolean destroyed;
  gboolean done;
} ProgressData;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_false (data->done);
  g_array_append_val (data->fractions, fraction);
}

static void
progress_destroy_cb (gpointer user_data)
{
  ProgressData *data = user_data;

  data->destroyed = TRUE;
}

static void
progress_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ProgressData *data = user_data;

  data->timeline = chrono_timeline_load_finish (result, &data->error);
  data->done = TRUE;
}

static GFile *
write_temp_file (const GString *text)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_new_tmp ("chronoscope-test-XXXXXX.chronoscope", &stream, &error);

  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                             text->str, text->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  return file;
}

/* Loads @file with progress reports until the end; @data is cleared by the caller. */
static void
load_file_with_progress (GFile        *file,
                         GCancellable *cancellable,
                         ProgressData *data)
{
  data->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  chrono_timeline_load_with_progress_async (file, progress_cb, data, progress_destroy_cb,
                                            cancellable, progress_ready_cb, data);
  while (!data->done || !data->destroyed)
    g_main_context_iteration (NULL, TRUE);
}

static void
progress_data_clear (ProgressData *data)
{
  g_clear_pointer (&data->fractions, g_array_unref);
  g_clear_error (&data->error);
  if (data->timeline != NULL)
    g_assert_finalize_object (g_steal_pointer (&data->timeline));
}

/* Loads @xml from a file with progress reports; @data is cleared by the caller. */
static void
load_with_progress (const GString *xml,
                    ProgressData  *data)
{
  g_autoptr(GFile) file = write_temp_file (xml);

  load_file_with_progress (file, NULL, data);
  g_file_delete (file, NULL, NULL);
}

/* A few MiB, so that the reader reports several times. */
static GString *
progress_file (guint n_events)
{
  GString *xml = g_string_new ("<timeline version='1'><title>Big</title><categories>"
                               "<category id='c' color='#000000'>C</category></categories><events>");

  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (xml, "<event id='e%u' start='%04u' category='c'><title>Event %u</title></event>\n",
                            i, 1000 + i % 1000, i);

  return xml;
}

static void
check_load_progress (guint min_reports)
{
  g_autoptr(GString) xml = progress_file (40000);
  ProgressData data = { 0 };

  g_string_append (xml, "</events></timeline>");
  load_with_progress (xml, &data);

  g_assert_no_error (data.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (data.timeline), ==, 40000);
  g_assert_cmpuint (data.fractions->len, >=, min_reports);
  for (guint i = 1; i < data.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (data.fractions, double, i - 1), <, g_array_index (data.fractions, double, i));
  g_assert_cmpfloat (g_array_index (data.fractions, double, 0), >=, 0.0);
  g_assert_cmpfloat (g_array_index (data.fractions, double, data.fractions->len - 1), ==, 1.0);

  progress_data_clear (&data);
}

static void
test_load_progress (void)
{
  guint made_ahead = _chrono_native_reader_n_made_ahead_taken ();

  check_load_progress (3);

  /* With a second thread, and the blanks made for it, whose making is reported too:
   * about half of the reports come while they are made. */
  _chrono_native_reader_always_split (TRUE);
  _chrono_native_reader_always_make_ahead (TRUE);
  check_load_progress (10);
  _chrono_native_reader_always_make_ahead (FALSE);
  _chrono_native_reader_always_split (split_everywhere);
  g_assert_cmpuint (_chrono_native_reader_n_made_ahead_taken (), >, made_ahead);
}

static GFile *
write_progress_file (void)
{
  g_autoptr(GString) xml = progress_file (40000);

  g_string_append (xml, "</events></timeline>");

  return write_temp_file (xml);
}

/* A load started ahead is taken over by the next load of the same file, however that
 * names it, with its progress reports; and only by that one. */
static void
test_load_ahead (void)
{
  g_autoptr(GFile) file = write_progress_file ();
  g_autoptr(GFile) same = g_file_new_for_path (g_file_peek_path (file));
  guint taken = _chrono_timeline_n_loads_ahead_taken ();
  ProgressData data = { 0 };
  ProgressData again = { 0 };

  chrono_timeline_load_ahead (file);
  load_file_with_progress (same, NULL, &data);

  g_assert_cmpuint (_chrono_timeline_n_loads_ahead_taken (), ==, taken + 1);
  g_assert_no_error (data.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (data.timeline), ==, 40000);
  g_assert_cmpuint (data.fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (data.fractions, double, data.fractions->len - 1), ==, 1.0);

  load_file_with_progress (same, NULL, &again);
  g_assert_cmpuint (_chrono_timeline_n_loads_ahead_taken (), ==, taken + 1);
  g_assert_no_error (again.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (again.timeline), ==, 40000);
  g_assert_true (again.timeline != data.timeline);

  progress_data_clear (&data);
  progress_data_clear (&again);
  g_file_delete (file, NULL, NULL);
}

/* A load that ended before it was asked for gives what it read. */
static void
test_load_ahead_done_first (void)
{
  g_autoptr(GFile) file = write_progress_file ();
  guint taken = _chrono_timeline_n_loads_ahead_taken ();
  ProgressData data = { 0 };

  chrono_timeline_load_ahead (file);
  while (!_chrono_timeline_load_ahead_is_done ())
    g_main_context_iteration (NULL, TRUE);
  load_file_with_progress (file, NULL, &data);

  g_assert_cmpuint (_chrono_timeline_n_loads_ahead_taken (), ==, taken + 1);
  g_assert_no_error (data.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (data.timeline), ==, 40000);

  progress_data_clear (&data);
  g_file_delete (file, NULL, NULL);
}

/* A load of another file is a load of its own; a load ahead that nothing took over is
 * dropped, and the file is then loaded anew. */
static void
test_load_ahead_other_file (void)
{
  g_autoptr(GFile) file = write_progress_file ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (path);
  guint taken = _chrono_timeline_n_loads_ahead_taken ();
  ProgressData data = { 0 };
  ProgressData again = { 0 };

  chrono_timeline_load_ahead (file);
  load_file_with_progress (other, NULL, &data);
  g_assert_no_error (data.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (data.timeline), ==, 5);

  chrono_timeline_drop_load_ahead ();
  load_file_with_progress (file, NULL, &again);
  g_assert_no_error (again.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (again.timeline), ==, 40000);
  g_assert_cmpuint (_chrono_timeline_n_loads_ahead_taken (), ==, taken);

  progress_data_clear (&data);
  progress_data_clear (&again);
  g_file_delete (file, NULL, NULL);
}

/* What went wrong ahead is told to the load that took it over, in the same words; and
 * cancelling that load cancels the one ahead. */
static void
test_load_ahead_errors (void)
{
  g_autoptr(GFile) file = write_progress_file ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/ahead.chronoscope");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint taken = _chrono_timeline_n_loads_ahead_taken ();
  ProgressData data = { 0 };
  ProgressData cancelled = { 0 };

  chrono_timeline_load_ahead (missing);
  load_file_with_progress (missing, NULL, &data);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (data.error->message, ==, "ahead.chronoscope: there is no such file");

  chrono_timeline_load_ahead (file);
  g_cancellable_cancel (cancellable);
  load_file_with_progress (file, cancellable, &cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled.timeline);
  g_assert_cmpuint (_chrono_timeline_n_loads_ahead_taken (), ==, taken + 2);

  progress_data_clear (&data);
  progress_data_clear (&cancelled);
  g_file_delete (file, NULL, NULL);
}

/* TimelineJS events are read one at a time, with progress, like the native ones. */
static void
test_load_progress_timelinejs (void)
{
  g_autoptr(GString) json = g_string_new ("{\"events\": [\n");
  ProgressData data = { 0 };

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (json, "%s{\"start_date\": {\"year\": %u}, \"text\": {\"headline\": \"Event %u\"}}\n",
                            i > 0 ? "," : "", 1000 + i % 1000, i);
  g_string_append (json, "]}");
  load_with_progress (json, &data);

  g_assert_no_error (data.error);
  g_assert_cmpuint (chrono_timeline_get_n_events (data.timeline), ==, 40000);
  g_assert_cmpuint (data.fractions->len, >=, 10);
  for (guint i = 1; i < data.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (data.fractions, double, i - 1), <, g_array_index (data.fractions, double, i));
  g_assert_cmpfloat (g_array_index (data.fractions, double, data.fractions->len - 1), ==, 1.0);

  progress_data_clear (&data);
}

/* The second read that finds where an id is repeated reports its progress too, from the
 * start again, rather than leaving the bar full while it reads. */
static void
test_repeated_id_progress (void)
{
  g_autoptr(GString) xml = progress_file (80000);
  ProgressData data = { 0 };
  guint restart = 0;

  g_string_append (xml, "<event id='e7' start='2000' category='c'><title>Again</title></event></events></timeline>");
  load_with_progress (xml, &data);

  g_assert_null (data.timeline);
  g_assert_error (data.error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
  g_assert_nonnull (strstr (data.error->message, ":80001:1: the id “e7” is already used by another <event>"));
  for (guint i = 1; i < data.fractions->len; i++)
    {
      if (g_array_index (data.fractions, double, i) >= g_array_index (data.fractions, double, i - 1))
        continue;
      /* Once only, after the first read has gone most of the way. */
      g_assert_cmpuint (restart, ==, 0);
      g_assert_cmpfloat (g_array_index (data.fractions, double, i - 1), >, 0.75);
      g_assert_cmpfloat (g_array_index (data.fractions, double, i), <, 0.25);
      restart = i;
    }
  g_assert_cmpuint (restart, >, 0);
  g_assert_cmpuint (data.fractions->len - restart, >=, 3);
  g_assert_cmpfloat (g_array_index (data.fractions, double, data.fractions->len - 1), >, 0.75);

  progress_data_clear (&data);
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_reports;
} CancelOnReport;

static void
cancel_on_report_cb (double   fraction,
                     gpointer user_data)
{
  CancelOnReport *cancel = user_data;

  cancel->n_reports++;
  g_cancellable_cancel (cancel->cancellable);
}

/* Cancelled while it reads: it stops there, and reports no progress after. */
static void
test_cancelled_while_reading (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) xml = progress_file (40000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CancelOnReport cancel = { cancellable, 0 };
  ChronoTimeline *timeline;

  g_string_append (xml, "</events></timeline>");
  bytes = g_bytes_new (xml->str, xml->len);
  timeline = _chrono_read_native (bytes, "big.chronoscope", cancel_on_report_cb, &cancel, cancellable, &error);
  g_assert_null (timeline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.n_reports, ==, 1);
}

/* A local file is read in pieces of 16 MiB: one of 18 MiB, whose events lie across
 * the joins, comes out whole. */
static void
test_large_local_file (void)
{
  g_autoptr(GString) xml = g_string_new ("<timeline version='1'><title>Large</title><categories>"
                                         "<category id='c' color='#000000'>C</category></categories><events>");
  g_autofree char *padding = g_strnfill (900, 'x');
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  guint n_events = 20000;

  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (xml, "<event id='e%u' start='%04u' category='c'><title>Event %u</title>"
                            "<summary>%s %u</summary></event>\n",
                            i, 1000 + i % 1000, i, padding, i);
  g_string_append (xml, "</events></timeline>");
  g_assert_cmpuint (xml->len, >, 18 * 1024 * 1024);

  file = write_temp_file (xml);
  timeline = chrono_timeline_load (file, NULL, &error);
  g_file_delete (file, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, n_events);
  for (guint i = 0; i < n_events; i += 997)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *summary = g_strdup_printf ("%s %u", padding, i);
      ChronoEvent *event = chrono_timeline_lookup_event (timeline, id);

      g_assert_nonnull (event);
      g_assert_cmpstr (chrono_event_get_summary (event), ==, summary);
    }
}

/* The reader leaves repeated ids to the seal's sort, and reads the file again only to
 * say where the repeat is: from a file, from bytes and through the native reader, the
 * same place. Without the bytes, the message names the id. */
static void
test_repeated_id (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "duplicate-id.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ChronoTimeline *timeline;

  timeline = chrono_timeline_load (file, NULL, &error);
  g_assert_null (timeline);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "duplicate-id.chronoscope:9:5: the id “a” is already used by another <event>");
  g_clear_error (&error);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  timeline = chrono_timeline_read_bytes (bytes, "d.chronoscope", NULL, &error);
  g_assert_null (timeline);
  g_assert_cmpstr (error->message, ==, "d.chronoscope:9:5: the id “a” is already used by another <event>");
  g_clear_error (&error);

  timeline = chrono_timeline_read_native_bytes (bytes, "n.chronoscope", NULL, &error);
  g_assert_null (timeline);
  g_assert_cmpstr (error->message, ==, "n.chronoscope:9:5: the id “a” is already used by another <event>");
  g_clear_error (&error);

  _chrono_native_report_repeated_id (NULL, "gone.chronoscope", "a", NULL, NULL, NULL, &error);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "gone.chronoscope: the id “a” is already used by another <event>");

  /* The first mistake in the file is the one told, though the fast scanner stops at
   * the later one, before the seal could find the repeat. */
  assert_read_error ("<timeline version='1'><title>T</title>\n"
                     "<categories><category id='c' color='#000000'>C</category></categories><events>\n"
                     "<event id='a' start='2000' category='c'><title>A</title></event>\n"
                     "<event id='a' start='2001' category='c'><title>B</title></event>\n"
                     "<event id='b' start='2002' category='nope'><title>C</title></event>\n"
                     "</events></timeline>",
                     "test:4:1: the id “a” is already used by another <event>");
}

static void
test_gettext_domain (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoCategory) category = NULL;
  ChronoQuote *quote;
  const char *xml =
    "<timeline version='1' xml:lang='en' gettext-domain='" GETTEXT_PACKAGE "'>"
    "<title>Untranslated title</title>"
    "<categories><category id='research' color='#1c71d8'>Research</category></categories>"
    "<events><event id='e' start='2012' category='research'><title>E</title>"
    "<quote speaker='S'><original xml:lang='zh-Hans'>我们很惊讶。</original>"
    "<translation xml:lang='en'>We were surprised.</translation></quote></event></events>"
    "</timeline>";

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));

  timeline = read_string (xml, &error);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_no_error (error);
  g_assert_cmpstr (chrono_timeline_get_gettext_domain (timeline), ==, GETTEXT_PACKAGE);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "Untranslated title");
  category = g_list_model_get_item (chrono_timeline_get_categories (timeline), 0);
  g_assert_cmpstr (chrono_category_get_name (category), ==, "研究");

  /* The translation is now Chinese, and says so; the original is never translated. */
  quote = g_ptr_array_index (chrono_event_get_quotes (chrono_timeline_get_event (timeline, 0)), 0);
  g_assert_cmpstr (chrono_quote_get_translation (quote), ==, "我们很惊讶。");
  g_assert_cmpstr (chrono_quote_get_translation_language (quote), ==, "zh-CN");
  g_assert_cmpstr (chrono_quote_get_original_text (quote), ==, "我们很惊讶。");
}

static void
test_gettext_domain_sources (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) translated = NULL;
  g_autoptr(ChronoTimeline) untranslated = NULL;
  ChronoSource *source;
  const char *xml =
    "<timeline version='1' xml:lang='en' gettext-domain='" GETTEXT_PACKAGE "'>"
    "<title>T</title>"
    "<categories><category id='c' color='#1c71d8'>C</category></categories>"
    "<sources>"
    "<source id='interview' author='Staff reporter' publisher='Example Wire'>"
    "  Press   interview with\n the founder </source>"
    "<source id='paper' author='Ada Lovelace' publisher='Nowhere Press'>Notes</source>"
    "<source id='bare'>Press interview with the founder</source>"
    "</sources>"
    "<events><event id='e' start='2012' category='c' sources='interview paper bare'>"
    "<title>E</title></event></events>"
    "</timeline>";

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));

  translated = read_string (xml, &error);
  g_assert_no_error (error);
  {
    /* Without gettext-domain, the same Chinese session gets the file's own text. */
    g_autofree char *without_domain = g_strdup (xml);
    char *attribute = strstr (without_domain, " gettext-domain=");

    memset (attribute, ' ', strlen (" gettext-domain='" GETTEXT_PACKAGE "'"));
    untranslated = read_string (without_domain, &error);
    g_assert_no_error (error);
  }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  /* The title is looked up whitespace-normalised, as xgettext extracts it. */
  source = chrono_timeline_lookup_source (translated, "interview");
  g_assert_cmpstr (chrono_source_get_title (source), ==, "创始人新闻专访");
  g_assert_cmpstr (chrono_source_get_author (source), ==, "本报记者");
  g_assert_cmpstr (chrono_source_get_publisher (source), ==, "示例通讯社");

  /* Texts the catalogue does not have stay as written; absent ones stay absent. */
  source = chrono_timeline_lookup_source (translated, "paper");
  g_assert_cmpstr (chrono_source_get_title (source), ==, "Notes");
  g_assert_cmpstr (chrono_source_get_author (source), ==, "Ada Lovelace");
  g_assert_cmpstr (chrono_source_get_publisher (source), ==, "Nowhere Press");
  source = chrono_timeline_lookup_source (translated, "bare");
  g_assert_cmpstr (chrono_source_get_title (source), ==, "创始人新闻专访");
  g_assert_null (chrono_source_get_author (source));
  g_assert_null (chrono_source_get_publisher (source));

  source = chrono_timeline_lookup_source (untranslated, "interview");
  g_assert_cmpstr (chrono_source_get_title (source), ==, "Press interview with the founder");
  g_assert_cmpstr (chrono_source_get_author (source), ==, "Staff reporter");
  g_assert_cmpstr (chrono_source_get_publisher (source), ==, "Example Wire");
}

/* Damaged copies of the sample: each must give a timeline or an error that names the
 * file, never a crash or a warning. */
static void
test_mutations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  guint n_read = 0, n_refused = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      gsize copy_length = length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;
      guint n_changes = g_test_rand_int_range (1, 4);

      for (guint j = 0; j < n_changes; j++)
        {
          gsize at = g_test_rand_int_range (0, copy_length);
          static const char interesting[] = "<>&;\"'/=?~%-0123456789 \n\x80\xff";

          switch (g_test_rand_int_range (0, 4))
            {
            case 0:
              copy[at] = interesting[g_test_rand_int_range (0, sizeof interesting - 1)];
              break;
            case 1:
              copy[at] = g_test_rand_int_range (0, 256);
              break;
            case 2:
              copy_length = at;
              break;
            default:
              memmove (copy + at, copy + at + 1, copy_length - at - 1);
              copy_length--;
              break;
            }
          if (copy_length == 0)
            break;
        }

      bytes = g_bytes_new (copy, copy_length);
      timeline = chrono_timeline_read_bytes (bytes, "mutated", NULL, &error);
      if (timeline != NULL)
        {
          g_assert_no_error (error);
          n_read++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "mutated:"));
          n_refused++;
        }
    }

  g_test_message ("%u damaged copies read, %u refused", n_read, n_refused);
  g_assert_cmpuint (n_refused, >, 0);
}

static char *
run_check (const char  *argument,
           char       **out_stderr,
           int         *out_status)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "chronoscope", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, program, "--check", argument, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, out_stderr, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  *out_status = g_subprocess_get_exit_status (process);

  return out;
}

static void
test_check_command (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-date.chronoscope", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = run_check (good, &err, &status);
  expected = g_strdup_printf ("%s: 5 events, 2 quotes, 501 BC–250000\n", good);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  out = run_check (bad, &err, &status);
  expected = g_strdup_printf ("%s:9:5: “2022-13” is not a date: month 13 does not exist\n", bad);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_check ("/no/such/file.chronoscope", &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (err, ==, "/no/such/file.chronoscope: there is no such file\n");
}

static void
test_format_2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = load_test_file ("sample-v2.chronoscope", &error);
  ChronoEvent *plain, *prediction, *fusion, *result, *outside;
  ChronoQuote *quote;
  g_autofree char *said = NULL;
  g_autofree char *predicted_end = NULL;

  g_assert_no_error (error);
  plain = chrono_timeline_lookup_event (timeline, "plain");
  prediction = chrono_timeline_lookup_event (timeline, "prediction");
  fusion = chrono_timeline_lookup_event (timeline, "fusion");
  result = chrono_timeline_lookup_event (timeline, "result");
  outside = chrono_timeline_lookup_event (timeline, "outside");

  g_assert_cmpint (chrono_event_get_provenance (plain), ==, CHRONO_PROVENANCE_UNSTATED);
  g_assert_false (chrono_event_is_forecast (plain));

  /* Made in 2015, for 2025: on the axis it stays in 2015. */
  g_assert_true (chrono_event_is_forecast (prediction));
  g_assert_cmpint (chrono_event_get_start (prediction)->year, ==, 2015);
  g_assert_cmpint (chrono_event_get_predicted_start (prediction)->year, ==, 2025);
  g_assert_null (chrono_event_get_predicted_end (prediction));
  g_assert_cmpint (chrono_event_get_provenance (prediction), ==, CHRONO_PROVENANCE_REPORTED);
  quote = g_ptr_array_index (chrono_event_get_quotes (prediction), 0);
  said = chrono_date_to_edtf (chrono_quote_get_said (quote));
  g_assert_cmpstr (said, ==, "2024-12~");
  g_assert_cmpint (chrono_quote_get_provenance (quote), ==, CHRONO_PROVENANCE_REPORTED);

  predicted_end = chrono_date_to_edtf (chrono_event_get_predicted_end (fusion));
  g_assert_cmpstr (predicted_end, ==, "2028~");
  g_assert_cmpint (chrono_event_get_date_provenance (fusion), ==, CHRONO_PROVENANCE_INFERRED);
  g_assert_null (chrono_event_get_date_source (fusion));

  g_assert_cmpint (chrono_event_get_provenance (result), ==, CHRONO_PROVENANCE_NARRATED);
  g_assert_cmpint (chrono_event_get_date_provenance (result), ==, CHRONO_PROVENANCE_OUTSIDE);
  g_assert_cmpstr (chrono_source_get_id (chrono_event_get_date_source (result)), ==, "announcement");

  g_assert_cmpint (chrono_event_get_provenance (outside), ==, CHRONO_PROVENANCE_OUTSIDE);
  g_assert_cmpint (chrono_event_get_date_provenance (outside), ==, CHRONO_PROVENANCE_OUTSIDE);
  g_assert_null (chrono_event_get_date_source (outside));
}

/* Format 1 files still read, and say nothing of provenance, said-dates or forecasts. */
static void
test_format_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = load_test_file ("sample.chronoscope", &error);
  GListModel *quotes;

  g_assert_no_error (error);
  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      g_assert_cmpint (chrono_event_get_provenance (event), ==, CHRONO_PROVENANCE_UNSTATED);
      g_assert_cmpint (chrono_event_get_date_provenance (event), ==, CHRONO_PROVENANCE_UNSTATED);
      g_assert_false (chrono_event_is_forecast (event));
    }
  quotes = chrono_timeline_get_quotes (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (quotes), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

      g_assert_null (chrono_quote_get_said (quote));
      g_assert_cmpint (chrono_quote_get_provenance (quote), ==, CHRONO_PROVENANCE_UNSTATED);
    }

  /* A format 1 file that uses a field of format 2 is mistaken about itself. */
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='c' color='#000000'>C</category></categories>"
                     "<events><event id='e' start='2015' category='c' provenance='reported'><title>E</title></event></events></timeline>",
                     "test:1:117: the attribute “provenance” on <event> is new in format 2, but the file says version=\"1\"");
  assert_read_error ("<timeline version='1'><title>T</title><categories><category id='c' color='#000000'>C</category></categories>"
                     "<events><event id='e' start='2015' category='c'><title>E</title><forecast start='2025'/></event></events></timeline>",
                     "test:1:173: <forecast> is new in format 2, but the file says version=\"1\"");
}

static void
test_format_2_errors (void)
{
#define HEAD "<timeline version='2'><title>T</title><categories><category id='c' color='#000000'>C</category></categories>" \
             "<sources><source id='s'>S</source></sources><events>"
#define TAIL "</events></timeline>"
  assert_read_error (HEAD "<event id='e' start='2015' category='c' provenance='hearsay'><title>E</title></event>" TAIL,
                     "test:1:161: “hearsay” is not a provenance: use reported, narrated, inferred or outside");
  assert_read_error (HEAD "<event id='e' start='2015' category='c' provenance='unstated'><title>E</title></event>" TAIL,
                     "test:1:161: “unstated” is not a provenance: use reported, narrated, inferred or outside");
  assert_read_error (HEAD "<event id='e' start='2015' category='c' provenance='outside'><title>E</title></event>" TAIL,
                     "test:1:161: an outside fact needs its source: give the <event> sources=\"…\"");
  assert_read_error (HEAD "<event id='e' start='2015' category='c' sources='s' date-provenance='outside'><title>E</title></event>" TAIL,
                     "test:1:161: a date from outside needs its source, and only such a date has one: "
                     "write date-provenance=\"outside\" together with date-source=\"…\"");
  assert_read_error (HEAD "<event id='e' start='2015' category='c' date-source='s'><title>E</title></event>" TAIL,
                     "test:1:161: a date from outside needs its source, and only such a date has one: "
                     "write date-provenance=\"outside\" together with date-source=\"…\"");
  assert_read_error (HEAD "<event id='e' start='2015' category='c' date-provenance='outside' date-source='nope'><title>E</title></event>" TAIL,
                     "test:1:161: <event> refers to the source “nope”, which <sources> does not declare");
  assert_read_error (HEAD "<event id='e' start='2015' category='c'><title>E</title><forecast/></event>" TAIL,
                     "test:1:217: <forecast> needs the date it predicts (start=\"…\")");
  assert_read_error (HEAD "<event id='e' start='2015' category='c'><title>E</title><forecast start='2025' end='2020'/></event>" TAIL,
                     "test:1:217: <forecast> ends before it starts");
  assert_read_error (HEAD "<event id='e' start='2015' category='c'><title>E</title><forecast start='2025' when='now'/></event>" TAIL,
                     "test:1:217: unknown attribute “when” on <forecast>");
  assert_read_error (HEAD "<event id='e' start='2015' category='c'><title>E</title><forecast start='2025'/><forecast start='2026'/></event>" TAIL,
                     "test:1:241: <forecast> may appear only once in an <event>");
  assert_read_error (HEAD "<event id='e' start='2015' category='c'><title>E</title><quote speaker='A' said='2015-13'><original xml:lang='en'>O</original></quote></event>" TAIL,
                     "test:1:217: “2015-13” is not a date: month 13 does not exist");
#undef HEAD
#undef TAIL
}

/* The limits every reader shares (chrono-input-limits.h), in the native format. */
static void
test_limits (void)
{
  g_autoptr(GString) xml = g_string_new ("<timeline version='1'><title>");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  gsize at;

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "</title></timeline>");
  timeline = read_string (xml->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (chrono_timeline_get_title (timeline)), ==, 1024 * 1024);
  g_clear_object (&timeline);

  at = strlen ("<timeline version='1'><title>");
  g_string_insert_c (xml, at, 'x');
  assert_read_error (xml->str, "test:1:23: the text is too long: a text may have up to 1048576 bytes");

  g_string_truncate (xml, 0);
  g_string_append (xml, "<timeline version='1'><title>T</title><sources><source id='s' author='");
  for (guint i = 0; i < 1024 * 1024 + 1; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "'>S</source></sources></timeline>");
  assert_read_error (xml->str,
                     "test:1:48: the attribute “author”: the text is too long: a text may have up to 1048576 bytes");
}

/* GIO's message names the file by its path, which the error already began with. */
static void
test_permission_denied (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("CHRONO_TEST_UNREADABLE");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;

      /* The superuser reads anything; drop to nobody to be refused as a user is. */
      if (geteuid () == 0 && setuid (65534) != 0)
        g_error ("cannot drop to nobody: %s", g_strerror (errno));

      timeline = chrono_timeline_load_named (file, "locked.chronoscope", NULL, &error);
      g_assert_null (timeline);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_print ("%s\n", error->message);
      return;
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFileIOStream) stream = NULL;
    g_autoptr(GFile) file = g_file_new_tmp ("chronoscope-locked-XXXXXX.chronoscope", &stream, &error);
    g_autofree char *path = NULL;

    g_assert_no_error (error);
    g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);
    path = g_file_get_path (file);
    g_assert_cmpint (g_chmod (path, 0), ==, 0);
    g_setenv ("CHRONO_TEST_UNREADABLE", path, TRUE);

    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_file_delete (file, NULL, NULL);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("locked.chronoscope: you do not have permission to read this file\n");
  }
}

/* Comments wherever XML allows them (the built-in timeline has them) are read by the fast
 * scanner as if they were not there; one never closed is GMarkup's error, which says
 * where the file ended in it. */
static void
test_comments (void)
{
  static const char *plain =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"2\">\n"
    "  <title>Comments</title>\n"
    "  <categories><category id=\"c\" color=\"#336699\">C</category></categories>\n"
    "  <events>\n"
    "    <event id=\"a\" start=\"2001\" category=\"c\"><title>A title</title><summary>One two</summary></event>\n"
    "  </events>\n"
    "</timeline>\n";
  static const char *commented =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- before the root, with <tags>, & and \"quotes\" -->\n"
    "<!---->\n"
    "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"2\"><!-- first -->\n"
    "  <title>Com<!-- inside a text -->ments</title>\n"
    "  <categories><!--\n  over\n  lines\n--><category id=\"c\" color=\"#336699\">C</category></categories>\n"
    "  <events>\n"
    "    <event id=\"a\" start=\"2001\" category=\"c\"><!-- - a dash --><title>A title</title>"
    "<summary>One <!-- -> --> two</summary></event>\n"
    "  </events><!-- after an end tag -->\n"
    "</timeline>\n"
    "<!-- after the root -->\n";
  g_autoptr(ChronoTimeline) expected = read_string (plain, NULL);
  g_autoptr(ChronoTimeline) timeline = read_string (commented, NULL);
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *unclosed = NULL;

  g_assert_nonnull (expected);
  g_assert_nonnull (timeline);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "Comments");
  g_assert_cmpstr (chrono_event_get_summary (chrono_timeline_lookup_event (timeline, "a")), ==, "One two");
  expected_bytes = chrono_timeline_write_native (expected);
  bytes = chrono_timeline_write_native (timeline);
  g_assert_true (g_bytes_equal (bytes, expected_bytes));

  {
    GString *text = g_string_new (plain);

    g_string_replace (text, "  </events>", "  <!-- never closed\n  </events>", 1);
    unclosed = g_string_free (text, FALSE);
  }
  assert_read_error (unclosed, "test:10:1: Document ended unexpectedly inside a comment or processing instruction");
}

/* The same document read by the fast scanner and, with a comment, a CDATA section or a
 * character reference in it, by GMarkup: the same timeline, the same bytes written;
 * and an error after a fast start reads as GMarkup's. */
static void
test_fast_and_slow_paths (void)
{
  static const char *head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"2\">\n"
    "  <title>Fast &amp; slow</title>\n"
    "  <categories><category id=\"c\" color='#336699'>C &lt;1&gt;</category></categories>\n"
    "  <events>\n"
    "    <event id=\"a\" start=\"2001-02-03\" category=\"c\" importance=\"4\"><title>A &quot;quoted&quot; title</title>"
    "<summary>  Spaced\n   out  </summary></event>\n"
    "    <event id=\"b\" start=\"1999\" end=\"2002\" category=\"c\"><title>B</title></event>\n";
  static const char *tails[] = {
    "  </events>\n</timeline>\n",
    "  </events>\n<!-- a comment -->\n</timeline>\n",
    "  <!-- a comment --></events>\n</timeline>\n",
    "  </events >\n</timeline>\n",
  };
  g_autofree char *plain = g_strconcat (head, tails[0], NULL);
  g_autoptr(ChronoTimeline) expected = read_string (plain, NULL);
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autofree char *cdata = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) none = NULL;

  g_assert_nonnull (expected);
  g_assert_cmpstr (chrono_timeline_get_title (expected), ==, "Fast & slow");
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (expected, "a")), ==, "A \"quoted\" title");
  g_assert_cmpstr (chrono_event_get_summary (chrono_timeline_lookup_event (expected, "a")), ==, "Spaced out");
  expected_bytes = chrono_timeline_write_native (expected);

  for (guint i = 1; i < G_N_ELEMENTS (tails); i++)
    {
      g_autofree char *xml = g_strconcat (head, tails[i], NULL);
      g_autoptr(ChronoTimeline) timeline = read_string (xml, NULL);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_nonnull (timeline);
      bytes = chrono_timeline_write_native (timeline);
      g_assert_true (g_bytes_equal (bytes, expected_bytes));
    }

  {
    GString *text = g_string_new (plain);

    g_string_replace (text, "<title>B</title>", "<title><![CDATA[B]]></title>", 1);
    cdata = g_string_free (text, FALSE);
  }
  {
    g_autoptr(ChronoTimeline) timeline = read_string (cdata, NULL);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_nonnull (timeline);
    bytes = chrono_timeline_write_native (timeline);
    g_assert_true (g_bytes_equal (bytes, expected_bytes));
  }

  reference = g_strconcat (head, "    <event id=\"c1\" start=\"2003\" category=\"c\"><title>&#67;</title></event>\n", tails[0], NULL);
  {
    g_autoptr(ChronoTimeline) timeline = read_string (reference, NULL);

    g_assert_nonnull (timeline);
    g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (timeline, "c1")), ==, "C");
  }

  /* Malformed after a good start: GMarkup's message, at its place. */
  broken = g_strconcat (head, "    <event id=\"x\" start=\"2003\" category=\"c\"><title>X</titel></event>\n", tails[0], NULL);
  none = read_string (broken, &error);
  g_assert_null (none);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "test:9:"));
  g_assert_nonnull (strstr (error->message, "titel"));
}

static char *
split_events_file (guint       n_events,
                   guint       insert_at,
                   const char *inserted)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"2\">\n"
                               "  <title>Halves</title>\n"
                               "  <categories><category id=\"c\" color=\"#336699\">C</category></categories>\n"
                               "  <sources><source id=\"s\" author=\"A\">S</source></sources>\n"
                               "  <events>\n");

  for (guint i = 0; i < n_events; i++)
    {
      if (i == insert_at)
        g_string_append (xml, inserted);
      g_string_append_printf (xml, "    <event id=\"e%u\" start=\"%u-%02u-%02u\" category=\"c\" importance=\"%u\"%s>"
                              "<title>Event &amp; %u</title>%s</event>\n",
                              i, 1900 + i % 150, 1 + i % 12, 1 + i % 28, 1 + i % 5,
                              i % 7 == 0 ? " sources=\"s\"" : "", i,
                              i % 3 == 0 ? "<summary>Line one&#10;line two</summary>" : "");
    }
  g_string_append (xml, "  </events>\n</timeline>\n");

  return g_string_free (xml, FALSE);
}

static ChronoTimeline *
read_split (const char  *xml,
            gboolean     split,
            GError     **error)
{
  ChronoTimeline *timeline;

  _chrono_native_reader_always_split (split);
  timeline = read_string (xml, error);
  _chrono_native_reader_always_split (split_everywhere);

  return timeline;
}

/* A second thread reads the second half of <events> from a guessed start: where the
 * guess holds, the timeline is the one a single reader reads; where it does not (inside
 * a comment) or the half has a mistake, the helper's work is dropped, and the error is
 * the one a single reader gives, at the same place. With @ahead, the reader makes the
 * helper's events for it while it reads, as it does on GLib before 2.76. */
static void
check_split_events (gboolean ahead)
{
  /* A comment inside a title, as long as the events, so that the helper guesses among
   * the events in it: it reads them to the end, “-->” in the last one's title. */
  g_autoptr(GString) ghosts = g_string_new ("    <event id=\"host\" start=\"2000\" category=\"c\"><title>Host <!--\n");
  const char *second_halves[] = {
    "",
    NULL,
    "    <event id=\"cdata\" start=\"2000\" category=\"c\"><title><![CDATA[C & D]]></title></event>\n",
  };
  /* The same among the events: the helper reads on past “-->”, where a single reader
   * finds a stray end tag. */
  g_autoptr(GString) stray = g_string_new ("    <!--\n");
  struct { const char *second_half; const char *message; } mistakes[] = {
    { "    <event id=\"bad\" start=\"2000\" category=\"nope\"><title>B</title></event>\n",
      "<event> refers to the category “nope”, which <categories> does not declare" },
    { "    <event id=\"bad\" start=\"2000\" category=\"c\"><title>B</title></event>\n    text\n",
      "text is not allowed inside <events>" },
    { "    <event id=\"bad\" start=\"2000\" category=\"c\"><title>B</titel></event>\n",
      NULL },
    { NULL, NULL },
  };
  guint n_events = 3000;

  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (ghosts, "    <event id=\"ghost%u\" start=\"2000\" category=\"c\"><title>Ghost</title></event>\n", i);
  g_string_append (ghosts, "    <event id=\"ghost\" start=\"2000\" category=\"c\"><title>Ghost --></title></event>\n");
  second_halves[1] = ghosts->str;
  g_string_append (stray, strstr (ghosts->str, "<!--\n") + 5);
  mistakes[3].second_half = stray->str;

  for (guint i = 0; i < G_N_ELEMENTS (second_halves); i++)
    {
      /* The comment spans both guesses, a quarter and half way through. */
      g_autofree char *xml = split_events_file (n_events, n_events / (i == 1 ? 4 : 2), second_halves[i]);
      guint taken = _chrono_native_reader_n_halves_taken ();
      guint made_ahead = _chrono_native_reader_n_made_ahead_taken ();
      g_autoptr(ChronoTimeline) alone = read_split (xml, FALSE, NULL);
      g_autoptr(ChronoTimeline) halves = NULL;
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_nonnull (alone);
      g_assert_cmpuint (_chrono_native_reader_n_halves_taken (), ==, taken);
      halves = read_split (xml, TRUE, NULL);
      g_assert_nonnull (halves);
      /* Taken where the guess was an event's start, and read as a single reader reads. */
      g_assert_cmpuint (_chrono_native_reader_n_halves_taken (), ==, taken + (i == 0 ? 1 : 0));
      /* Made ahead, every event of the half taken: about the last three quarters. */
      if (ahead && i == 0)
        {
          g_assert_cmpuint (_chrono_native_reader_n_made_ahead_taken () - made_ahead, >, n_events * 2 / 3);
          g_assert_cmpuint (_chrono_native_reader_n_made_ahead_taken () - made_ahead, <, n_events * 4 / 5);
        }
      g_assert_cmpuint (chrono_timeline_get_n_events (halves), ==, n_events + (i > 0 ? 1 : 0));
      g_assert_null (chrono_timeline_lookup_event (halves, "ghost"));
      expected = chrono_timeline_write_native (alone);
      bytes = chrono_timeline_write_native (halves);
      g_assert_true (g_bytes_equal (bytes, expected));
    }

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      for (guint where = 0; where < 2; where++)
        {
          /* In the second half, which the helper reads, or in the first, while it reads. */
          guint at = where == 0 ? n_events * 3 / 4 : n_events / 20;
          g_autofree char *xml = split_events_file (where == 0 ? n_events : n_events / 10, at, mistakes[i].second_half);
          g_autoptr(GError) alone_error = NULL;
          g_autoptr(GError) halves_error = NULL;
          g_autoptr(ChronoTimeline) alone = read_split (xml, FALSE, &alone_error);
          g_autoptr(ChronoTimeline) halves = NULL;
          guint taken;

          if (where == 1)
            {
              /* A long tail after the mistake, so that the helper has one to read. */
              GString *text = g_string_new (xml);
              g_autofree char *tail = split_events_file (n_events, 0, "");
              const char *events = strstr (tail, "    <event ");

              g_string_replace (text, "  </events>\n</timeline>\n", events, 1);
              g_free (xml);
              xml = g_string_free (text, FALSE);
              g_clear_object (&alone);
              g_clear_error (&alone_error);
              alone = read_split (xml, FALSE, &alone_error);
            }
          taken = _chrono_native_reader_n_halves_taken ();
          halves = read_split (xml, TRUE, &halves_error);
          /* A half with a mistake in it, or begun inside a comment, is never taken. */
          g_assert_cmpuint (_chrono_native_reader_n_halves_taken (), ==, taken);

          g_assert_null (alone);
          g_assert_null (halves);
          g_assert_nonnull (alone_error);
          g_assert_nonnull (halves_error);
          g_assert_cmpstr (halves_error->message, ==, alone_error->message);
          if (mistakes[i].message != NULL)
            {
              g_autofree char *message = g_strdup_printf ("test:%u:5: %s", 7 + at + (i == 1 ? 1 : 0), mistakes[i].message);

              g_assert_cmpstr (halves_error->message, ==, message);
            }
        }
    }
}

static void
test_split_events (void)
{
  check_split_events (FALSE);
  _chrono_native_reader_always_make_ahead (TRUE);
  check_split_events (TRUE);
  _chrono_native_reader_always_make_ahead (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    split_everywhere |= g_strcmp0 (argv[i], "--split-events") == 0;
  _chrono_native_reader_always_split (split_everywhere);

  g_test_add_func ("/io/reader/valid", test_valid);
  g_test_add_func ("/io/reader/utf8-check-agrees-with-glib", test_utf8_check_agrees_with_glib);
  g_test_add_func ("/io/reader/format-1", test_format_1);
  g_test_add_func ("/io/reader/format-2", test_format_2);
  g_test_add_func ("/io/reader/format-2/errors", test_format_2_errors);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *name = g_strndup (broken_cases[i].file, strcspn (broken_cases[i].file, "."));
      g_autofree char *path = g_strdup_printf ("/io/reader/broken/%s", name);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/io/reader/broken/truncated", test_truncated);
  g_test_add_func ("/io/reader/not-xml", test_not_xml_native);
  g_test_add_func ("/io/reader/rules", test_rules);
  g_test_add_func ("/io/reader/empty-and-odd-files", test_empty_and_odd_files);
  g_test_add_func ("/io/reader/missing-file", test_missing_file);
  g_test_add_func ("/io/reader/directory-and-device", test_directory_and_device);
  g_test_add_func ("/io/reader/too-large", test_too_large);
  g_test_add_func ("/io/reader/limits", test_limits);
  g_test_add_func ("/io/reader/permission-denied", test_permission_denied);
  g_test_add_func ("/io/reader/cancelled", test_cancelled);
  g_test_add_func ("/io/reader/cancelled-while-reading", test_cancelled_while_reading);
  g_test_add_func ("/io/reader/load-async", test_load_async);
  g_test_add_func ("/io/reader/load-progress", test_load_progress);
  g_test_add_func ("/io/reader/large-local-file", test_large_local_file);
  g_test_add_func ("/io/reader/repeated-id", test_repeated_id);
  g_test_add_func ("/io/reader/repeated-id-progress", test_repeated_id_progress);
  g_test_add_func ("/io/reader/load-progress-timelinejs", test_load_progress_timelinejs);
  g_test_add_func ("/io/reader/load-ahead", test_load_ahead);
  g_test_add_func ("/io/reader/load-ahead/done-first", test_load_ahead_done_first);
  g_test_add_func ("/io/reader/load-ahead/other-file", test_load_ahead_other_file);
  g_test_add_func ("/io/reader/load-ahead/errors", test_load_ahead_errors);
  g_test_add_func ("/io/reader/gettext-domain", test_gettext_domain);
  g_test_add_func ("/io/reader/gettext-domain/sources", test_gettext_domain_sources);
  g_test_add_func ("/io/reader/check-command", test_check_command);
  g_test_add_func ("/io/reader/mutations", test_mutations);
  g_test_add_func ("/io/reader/fast-and-slow-paths", test_fast_and_slow_paths);
  g_test_add_func ("/io/reader/comments", test_comments);
  g_test_add_func ("/io/reader/split-events", test_split_events);

  return g_test_run ();
}
