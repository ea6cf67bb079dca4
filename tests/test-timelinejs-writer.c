/* test-timelinejs-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "io/chrono-csv-reader.h"
#include "io/chrono-native-reader.h"
#include "io/chrono-timeline-writer.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timelinejs-reader.h"
#include "io/chrono-timelinejs-writer.h"

static ChronoTimeline *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChronoTimeline *timeline = chrono_timeline_load (file, NULL, &error);

  g_assert_no_error (error);
  return timeline;
}

/* A timeline with every precision, a range, an era, a display date and media. */
static ChronoTimeline *
make_timeline (void)
{
  static const char *dates[][2] = {
    { "2012", NULL }, { "2015-12", "2016-01" }, { "2022-11-30", NULL },
    { "2023-03-14T16:00", "2023-03-14T18:30" }, { "1969-07-20T20:17:40", NULL },
  };
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#1c71d8", NULL);
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product & <sales>", "#26a269", NULL);
  ChronoDate start, end;

  chrono_timeline_set_title (timeline, "Tests & “quotes”");
  chrono_timeline_add_category (timeline, research);
  chrono_timeline_add_category (timeline, product);

  g_assert_true (chrono_date_parse ("2012", &start, NULL));
  g_assert_true (chrono_date_parse ("2015", &end, NULL));
  {
    g_autoptr(ChronoEra) era = chrono_era_new ("Awakening", &start, &end);
    chrono_timeline_add_era (timeline, era);
  }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("Event <%u> & co", i);
      g_autoptr(ChronoEvent) event = NULL;

      g_assert_true (chrono_date_parse (dates[i][0], &start, NULL));
      event = chrono_event_new (id, &start, title);
      if (dates[i][1] != NULL)
        {
          g_assert_true (chrono_date_parse (dates[i][1], &end, NULL));
          chrono_event_set_end (event, &end);
        }
      chrono_event_set_category (event, i % 2 ? research : product);
      chrono_event_set_summary (event, i == 1 ? "Two paragraphs:\nthe second one." : "Plain text with <angle brackets> & an ampersand.");
      if (i == 2)
        {
          chrono_event_set_display_date (event, "Late November");
          chrono_event_set_media (event, "images/launch.png", "The launch", "OpenAI");
        }
      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);
  return timeline;
}

static void
assert_same_dates (const ChronoDate *a,
                   const ChronoDate *b)
{
  g_autofree char *edtf_a = NULL;
  g_autofree char *edtf_b = NULL;

  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  edtf_a = chrono_date_to_edtf (a);
  edtf_b = chrono_date_to_edtf (b);
  g_assert_cmpstr (edtf_a, ==, edtf_b);
}

/* A quote's wording, language, translation, speaker and source come back apart. */
static void
assert_same_quotes (ChronoEvent *a,
                    ChronoEvent *b)
{
  GPtrArray *quotes_a = chrono_event_get_quotes (a);
  GPtrArray *quotes_b = chrono_event_get_quotes (b);

  g_assert_cmpuint (quotes_b->len, ==, quotes_a->len);
  for (guint i = 0; i < quotes_a->len; i++)
    {
      ChronoQuote *qa = g_ptr_array_index (quotes_a, i);
      ChronoQuote *qb = g_ptr_array_index (quotes_b, i);

      g_assert_cmpstr (chrono_quote_get_original_text (qb), ==, chrono_quote_get_original_text (qa));
      g_assert_cmpstr (chrono_quote_get_original_language (qb), ==, chrono_quote_get_original_language (qa));
      g_assert_cmpstr (chrono_quote_get_translation (qb), ==, chrono_quote_get_translation (qa));
      g_assert_cmpstr (chrono_quote_get_translation_language (qb), ==, chrono_quote_get_translation_language (qa));
      g_assert_cmpstr (chrono_quote_get_speaker (qb), ==, chrono_quote_get_speaker (qa));
      g_assert_true ((chrono_quote_get_source (qb) == NULL) == (chrono_quote_get_source (qa) == NULL));
      if (chrono_quote_get_source (qa) != NULL)
        g_assert_cmpstr (chrono_source_get_title (chrono_quote_get_source (qb)), ==,
                         chrono_source_get_title (chrono_quote_get_source (qa)));
    }
}

/* What a round trip through TimelineJS keeps: events (title, dates with precision and
 * flags, category by name, display date, media, quotes), eras and the categories' names. */
static void
assert_round_trip (ChronoTimeline *before,
                   ChronoTimeline *after)
{
  GListModel *eras_before = chrono_timeline_get_eras (before);
  GListModel *eras_after = chrono_timeline_get_eras (after);

  g_assert_cmpstr (chrono_timeline_get_title (after), ==, chrono_timeline_get_title (before));
  g_assert_cmpuint (chrono_timeline_get_n_events (after), ==, chrono_timeline_get_n_events (before));

  for (guint i = 0; i < chrono_timeline_get_n_events (before); i++)
    {
      ChronoEvent *a = chrono_timeline_get_event (before, i);
      ChronoEvent *b = chrono_timeline_get_event (after, i);

      g_assert_cmpstr (chrono_event_get_title (b), ==, chrono_event_get_title (a));
      assert_same_dates (chrono_event_get_start (b), chrono_event_get_start (a));
      assert_same_dates (chrono_event_get_end (b), chrono_event_get_end (a));

      g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (b)), ==,
                       chrono_category_get_name (chrono_event_get_category (a)));
      g_assert_cmpstr (chrono_event_get_display_date (b), ==, chrono_event_get_display_date (a));
      g_assert_cmpstr (chrono_event_get_media_url (b), ==, chrono_event_get_media_url (a));
      g_assert_cmpstr (chrono_event_get_media_caption (b), ==, chrono_event_get_media_caption (a));
      g_assert_cmpstr (chrono_event_get_media_credit (b), ==, chrono_event_get_media_credit (a));
      if (chrono_event_get_notes (a) == NULL)
        g_assert_cmpstr (chrono_event_get_summary (b), ==, chrono_event_get_summary (a));
      assert_same_quotes (a, b);
    }

  g_assert_cmpuint (g_list_model_get_n_items (eras_after), ==, g_list_model_get_n_items (eras_before));
  for (guint i = 0; i < g_list_model_get_n_items (eras_before); i++)
    {
      g_autoptr(ChronoEra) a = g_list_model_get_item (eras_before, i);
      g_autoptr(ChronoEra) b = g_list_model_get_item (eras_after, i);

      g_assert_cmpstr (chrono_era_get_name (b), ==, chrono_era_get_name (a));
      assert_same_dates (chrono_era_get_start (b), chrono_era_get_start (a));
      assert_same_dates (chrono_era_get_end (b), chrono_era_get_end (a));
    }
}

/* The checks TimelineJS makes on its JSON (TimelineConfig, TLDate, DateUtil in its
 * source): an object with an “events” array of slides; each slide's start_date an
 * object with a whole-number year and optional whole-number month (1–12), day, hour
 * (0–23), minute and second (0–59); “text” an object of strings; “group”,
 * “display_date”, “unique_id” strings (ids unique); “media” an object with a string
 * “url”; eras with both dates; “scale” human or cosmological. */
static void
assert_timelinejs_date (JsonObject *date)
{
  static const struct { const char *name; gint64 min, max; } parts[] = {
    { "year", G_MININT64, G_MAXINT64 }, { "month", 1, 12 }, { "day", 1, 31 },
    { "hour", 0, 23 }, { "minute", 0, 59 }, { "second", 0, 59 },
  };

  g_assert_true (json_object_has_member (date, "year"));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      JsonNode *node = json_object_get_member (date, parts[i].name);

      if (node == NULL)
        continue;
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (node), >=, parts[i].min);
      g_assert_cmpint (json_node_get_int (node), <=, parts[i].max);
    }
  for (GList *l = json_object_get_members (date); l != NULL; l = g_list_delete_link (l, l))
    {
      const char *name = l->data;

      /* TimelineJS copies a date object and reads its parts, display_date and format
       * only (TLDate); Chronoscope's qualifier is left alone there, and must not be
       * “format”, which it would read. */
      g_assert_true (strcmp (name, "display_date") == 0 || strcmp (name, "year") == 0 ||
                     strcmp (name, "month") == 0 || strcmp (name, "day") == 0 ||
                     strcmp (name, "hour") == 0 || strcmp (name, "minute") == 0 ||
                     strcmp (name, "second") == 0 || strcmp (name, "qualifier") == 0);
    }
  if (json_object_has_member (date, "qualifier"))
    {
      const char *qualifier = json_object_get_string_member (date, "qualifier");

      g_assert_true (g_strcmp0 (qualifier, "~") == 0 || g_strcmp0 (qualifier, "?") == 0 ||
                     g_strcmp0 (qualifier, "%") == 0);
      g_assert_true (json_object_has_member (date, "display_date"));
    }
}

static void
assert_timelinejs_text (JsonObject *slide)
{
  JsonObject *text = json_object_get_object_member (slide, "text");

  g_assert_nonnull (text);
  g_assert_nonnull (json_object_get_string_member (text, "headline"));
  g_assert_nonnull (json_object_get_string_member (text, "text"));
}

static void
assert_timelinejs_shape (GBytes *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *events;
  const char *scale;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  scale = json_object_get_string_member (root, "scale");
  g_assert_true (strcmp (scale, "human") == 0 || strcmp (scale, "cosmological") == 0);

  if (json_object_has_member (root, "title"))
    assert_timelinejs_text (json_object_get_object_member (root, "title"));

  events = json_object_get_array_member (root, "events");
  g_assert_nonnull (events);
  g_assert_cmpuint (json_array_get_length (events), >, 0);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *slide = json_array_get_object_element (events, i);
      const char *id = json_object_get_string_member (slide, "unique_id");

      assert_timelinejs_date (json_object_get_object_member (slide, "start_date"));
      if (json_object_has_member (slide, "end_date"))
        assert_timelinejs_date (json_object_get_object_member (slide, "end_date"));
      assert_timelinejs_text (slide);
      if (json_object_has_member (slide, "group"))
        g_assert_nonnull (json_object_get_string_member (slide, "group"));
      if (json_object_has_member (slide, "display_date"))
        g_assert_nonnull (json_object_get_string_member (slide, "display_date"));
      if (json_object_has_member (slide, "media"))
        g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (slide, "media"), "url"));
      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (char *) id);
    }

  if (json_object_has_member (root, "eras"))
    {
      JsonArray *eras = json_object_get_array_member (root, "eras");

      for (guint i = 0; i < json_array_get_length (eras); i++)
        {
          JsonObject *era = json_array_get_object_element (eras, i);

          assert_timelinejs_date (json_object_get_object_member (era, "start_date"));
          assert_timelinejs_date (json_object_get_object_member (era, "end_date"));
          assert_timelinejs_text (era);
        }
    }
}

/* JSON keeps the categories' colours and order besides their names. */
static void
assert_same_categories (ChronoTimeline *before,
                        ChronoTimeline *after)
{
  GListModel *a = chrono_timeline_get_categories (before);
  GListModel *b = chrono_timeline_get_categories (after);

  g_assert_cmpuint (g_list_model_get_n_items (b), ==, g_list_model_get_n_items (a));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(ChronoCategory) ca = g_list_model_get_item (a, i);
      g_autoptr(ChronoCategory) cb = g_list_model_get_item (b, i);

      g_assert_cmpstr (chrono_category_get_name (cb), ==, chrono_category_get_name (ca));
      g_assert_cmpstr (chrono_category_get_color (cb), ==, chrono_category_get_color (ca));
      g_assert_cmpstr (chrono_category_get_dark_color (cb), ==, chrono_category_get_dark_color (ca));
      g_assert_cmpint (chrono_category_has_dark_color (cb), ==, chrono_category_has_dark_color (ca));
    }
}

static void
test_json_round_trip (void)
{
  ChronoTimeline *timelines[] = { make_timeline (), load_sample () };

  for (guint i = 0; i < G_N_ELEMENTS (timelines); i++)
    {
      g_autoptr(ChronoTimeline) before = timelines[i];
      g_autoptr(GBytes) json = chrono_timeline_write_timelinejs (before);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) after = NULL;
      const char *text = g_bytes_get_data (json, NULL);

      assert_timelinejs_shape (json);
      if (i == 0)
        {
          /* Text is HTML, escaped. */
          g_assert_nonnull (strstr (text, "\"headline\" : \"Event &lt;2&gt; &amp; co\""));
          g_assert_nonnull (strstr (text, "<p>Plain text with &lt;angle brackets&gt; &amp; an ampersand.</p>"));
        }

      after = chrono_timeline_read_timelinejs_bytes (json, "round-trip.json", NULL, &error);
      g_assert_no_error (error);
      assert_round_trip (before, after);
      assert_same_categories (before, after);
    }
}

static void
test_json_quotes (void)
{
  g_autoptr(ChronoTimeline) sample = load_sample ();
  g_autoptr(GBytes) json = chrono_timeline_write_timelinejs (sample);
  const char *text = g_bytes_get_data (json, NULL);

  assert_timelinejs_shape (json);
  /* A quote is a blockquote: the translation, the original, the speaker and source. */
  g_assert_nonnull (strstr (text, "<blockquote><p class=\\\"translation\\\" lang=\\\"en\\\">We were surprised.</p><p lang=\\\"zh-Hans\\\">我们很惊讶。</p>"
                                  "<cite><span class=\\\"speaker\\\">Sam Altman</span>, "
                                  "<span class=\\\"source\\\">An interview</span></cite></blockquote>"));
  g_assert_nonnull (strstr (text, "<p lang=\\\"en\\\">A &lt;quoted&gt; remark</p>"
                                  "<cite><span class=\\\"speaker\\\">Somebody</span></cite>"));
  /* Notes follow the summary as paragraphs. */
  g_assert_nonnull (strstr (text, "<p>A research preview, released quietly.</p><p>First note.</p><p>Second note.</p>"));
  /* The astronomical year -500 is 501 BC, which TimelineJS writes as -501. */
  g_assert_nonnull (strstr (text, "\"year\" : -501"));
  /* An approximate date is shown as such. */
  g_assert_nonnull (strstr (text, "\"display_date\" : \"around 2015\""));
}

static void
test_csv_round_trip (void)
{
  ChronoTimeline *timelines[] = { make_timeline (), load_sample () };

  for (guint i = 0; i < G_N_ELEMENTS (timelines); i++)
    {
      g_autoptr(ChronoTimeline) before = timelines[i];
      g_autoptr(GBytes) csv = chrono_timeline_write_csv (before);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) after = NULL;

      g_assert_true (chrono_csv_sniff (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv)));
      after = chrono_timeline_read_csv_bytes (csv, "round-trip.csv", NULL, &error);
      g_assert_no_error (error);
      assert_round_trip (before, after);
    }
}

/* Approximate and uncertain dates: one with its own display date, spans, an era. */
static ChronoTimeline *
make_flagged_timeline (void)
{
  static const char *dates[][3] = {
    { "1945~", NULL, "Mid-1940s" }, { "2015~", NULL, NULL }, { "2012?", "2015%", NULL },
    { "2016-03~", "2017", "Spring 2016 on" }, { "2022-11-30", NULL, "Late November" },
  };
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#1c71d8", NULL);
  ChronoDate start, end;

  chrono_timeline_set_title (timeline, "Flags");
  chrono_timeline_add_category (timeline, research);
  g_assert_true (chrono_date_parse ("2012~", &start, NULL));
  g_assert_true (chrono_date_parse ("2015", &end, NULL));
  {
    g_autoptr(ChronoEra) era = chrono_era_new ("Awakening", &start, &end);
    chrono_timeline_add_era (timeline, era);
  }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(ChronoEvent) event = NULL;

      g_assert_true (chrono_date_parse (dates[i][0], &start, NULL));
      event = chrono_event_new (id, &start, id);
      if (dates[i][1] != NULL)
        {
          g_assert_true (chrono_date_parse (dates[i][1], &end, NULL));
          chrono_event_set_end (event, &end);
        }
      chrono_event_set_display_date (event, dates[i][2]);
      chrono_event_set_category (event, research);
      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);
  return timeline;
}

/* Into Chinese (zh_CN), or back to English (NULL). */
static void
use_language (const char *language)
{
  if (language != NULL)
    {
      g_setenv ("LANGUAGE", language, TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
    }
}

/* An approximate date with its own display date lost the flag in a spreadsheet, and a
 * spreadsheet written in Chinese said “约2015年”, which read in English (or any other
 * language) was an event's display date instead of an approximate date: written and read
 * in English, in Chinese, and in one and then the other, the events are the same. So are
 * they through TimelineJS's JSON (its eras lost their flags, and JSON written in Chinese
 * lost them read in English); its dates say “around” in the language they were written
 * in, which TimelineJS shows, and carry a qualifier that reads back in any. */
static void
test_round_trip_flags (void)
{
  if (g_test_subprocess ())
    {
      static const char *languages[] = { NULL, "zh_CN" };
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      for (guint json = 0; json < 2; json++)
        for (guint w = 0; w < G_N_ELEMENTS (languages); w++)
          for (guint r = 0; r < G_N_ELEMENTS (languages); r++)
            {
              g_autoptr(ChronoTimeline) before = NULL;
              g_autoptr(ChronoTimeline) after = NULL;
              g_autoptr(GBytes) bytes = NULL;
              g_autoptr(GError) error = NULL;

              g_test_message ("%s written in %s, read in %s", json ? "JSON" : "CSV",
                              languages[w] ? languages[w] : "English", languages[r] ? languages[r] : "English");
              use_language (languages[w]);
              before = make_flagged_timeline ();
              bytes = json ? chrono_timeline_write_timelinejs (before) : chrono_timeline_write_csv (before);
              if (languages[w] != NULL)
                g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "date qualifier", "around %s"), ==, "约%s");
              use_language (languages[r]);
              after = json ? chrono_timeline_read_timelinejs_bytes (bytes, "flags.json", NULL, &error)
                           : chrono_timeline_read_csv_bytes (bytes, "flags.csv", NULL, &error);
              g_assert_no_error (error);
              assert_round_trip (before, after);
            }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The column of flags: a mark that is not one is a clear error naming its cell. */
static void
test_csv_bad_qualifier (void)
{
  const char *csv = "Year,Headline,Date Qualifier\n2015,A,~\n2016,B,about\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_csv_bytes (bytes, "q.csv", NULL, &error);

  g_assert_null (timeline);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "q.csv: row 3"));
  g_assert_nonnull (strstr (error->message, "“about” is not a date qualifier"));
}

/* A block quote that TimelineJS's own author wrote is a quote too: its text the original,
 * in a language not given, its <cite> the speaker. */
static void
test_read_foreign_blockquote (void)
{
  const char *json = "{\"events\": [{\"start_date\": {\"year\": 2005}, \"text\": {\"headline\": \"Stanford\", "
                     "\"text\": \"<p>A speech.</p><blockquote>Stay hungry. <em>Stay</em> foolish.<cite>Steve Jobs</cite>"
                     "</blockquote><blockquote><p>unclosed\"}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_timelinejs_bytes (bytes, "f.json", NULL, &error);
  ChronoEvent *event;
  ChronoQuote *quote;

  g_assert_no_error (error);
  event = chrono_timeline_get_event (timeline, 0);
  g_assert_cmpstr (chrono_event_get_summary (event), ==, "A speech.\nunclosed");
  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 1);
  quote = g_ptr_array_index (chrono_event_get_quotes (event), 0);
  g_assert_cmpstr (chrono_quote_get_original_text (quote), ==, "Stay hungry. Stay foolish.");
  g_assert_cmpstr (chrono_quote_get_original_language (quote), ==, "und");
  g_assert_null (chrono_quote_get_translation (quote));
  g_assert_cmpstr (chrono_quote_get_speaker (quote), ==, "Steve Jobs");
  g_assert_null (chrono_quote_get_source (quote));
}

/* The native format has no quote without a speaker, so a block quote with no <cite> (or
 * an empty one) stays in the text; it made a quote that saved as a file that would not
 * open (the round-trip fuzzer's finding). */
static void
test_read_blockquote_without_speaker (void)
{
  const char *json = "{\"events\": [{\"start_date\": {\"year\": 2005}, \"text\": {\"headline\": \"H\", "
                     "\"text\": \"<p>Before.</p><blockquote><p lang=\\\"en\\\">Said by nobody.</p>"
                     "<cite><span class=\\\"source\\\">A book</span></cite></blockquote>"
                     "<blockquote>Cited.<cite>Somebody</cite></blockquote>\"}}]}";
  const char *csv = "Year,Headline,Text\n"
                    "2005,H,\"<blockquote>Said by nobody.<cite> </cite></blockquote>\"\n";
  const char *const inputs[] = { json, csv };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = i == 0 ? chrono_timeline_read_timelinejs_bytes (bytes, "q.json", NULL, &error)
                                                  : chrono_timeline_read_csv_bytes (bytes, "q.csv", NULL, &error);
      g_autoptr(GBytes) native = NULL;
      g_autoptr(ChronoTimeline) again = NULL;
      ChronoEvent *event;

      g_assert_no_error (error);
      event = chrono_timeline_get_event (timeline, 0);
      g_assert_nonnull (strstr (chrono_event_get_summary (event), "Said by nobody."));
      g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, i == 0 ? 1 : 0);
      if (i == 0)
        g_assert_cmpstr (chrono_quote_get_speaker (g_ptr_array_index (chrono_event_get_quotes (event), 0)), ==,
                         "Somebody");

      native = chrono_timeline_write_native (timeline);
      again = chrono_timeline_read_native_bytes (native, "q.chronoscope", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (chrono_event_get_summary (chrono_timeline_get_event (again, 0)), ==,
                       chrono_event_get_summary (event));
    }
}

/* A quote's paragraphs are its lines, which the native format keeps too (they were
 * joined by a space while it collapsed line breaks: the round-trip fuzzer's finding). */
static void
test_read_blockquote_paragraphs (void)
{
  const char *json = "{\"events\": [{\"start_date\": {\"year\": 2005}, \"text\": {\"headline\": \"H\", "
                     "\"text\": \"<blockquote><p lang=\\\"en\\\">One.</p><p lang=\\\"en\\\">Two.</p>"
                     "<cite><span class=\\\"speaker\\\">A</span><span class=\\\"speaker\\\">B</span></cite>"
                     "</blockquote>\"}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_timelinejs_bytes (bytes, "p.json", NULL, &error);
  ChronoQuote *quote;

  g_assert_no_error (error);
  quote = g_ptr_array_index (chrono_event_get_quotes (chrono_timeline_get_event (timeline, 0)), 0);
  g_assert_cmpstr (chrono_quote_get_original_text (quote), ==, "One.\nTwo.");
  g_assert_cmpstr (chrono_quote_get_speaker (quote), ==, "A B");
}

/* Line breaks in a summary, a description and a quote are paragraphs for TimelineJS,
 * and lines again when read back from JSON or the spreadsheet (paragraphs came back
 * joined by spaces, and a quote's original was one paragraph with its lines in it,
 * which TimelineJS shows run together). */
static void
test_line_breaks (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "C", "#1c71d8", NULL);
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("第一行\n第二行", "zh-Hans");
  g_autoptr(ChronoEvent) event = NULL;
  ChronoDate start;

  g_assert_true (chrono_date_parse ("2015", &start, NULL));
  event = chrono_event_new ("e", &start, "E");
  chrono_timeline_set_title (timeline, "T");
  chrono_timeline_set_description (timeline, "First paragraph.\nSecond paragraph.");
  chrono_timeline_add_category (timeline, category);
  chrono_event_set_category (event, category);
  chrono_event_set_summary (event, "One.\nTwo.");
  chrono_quote_set_translation (quote, "Line one\nLine two", "en");
  chrono_quote_set_speaker (quote, "S");
  chrono_event_add_quote (event, quote);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);

  for (guint json = 0; json < 2; json++)
    {
      g_autoptr(GBytes) bytes = json ? chrono_timeline_write_timelinejs (timeline) : chrono_timeline_write_csv (timeline);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) back = NULL;
      ChronoEvent *read;
      ChronoQuote *read_quote;

      if (json)
        g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                                  "<p lang=\\\"zh-Hans\\\">第一行</p><p lang=\\\"zh-Hans\\\">第二行</p>"));
      back = json ? chrono_timeline_read_timelinejs_bytes (bytes, "l.json", NULL, &error)
                  : chrono_timeline_read_csv_bytes (bytes, "l.csv", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (chrono_timeline_get_description (back), ==, "First paragraph.\nSecond paragraph.");
      read = chrono_timeline_get_event (back, 0);
      g_assert_cmpstr (chrono_event_get_summary (read), ==, "One.\nTwo.");
      read_quote = g_ptr_array_index (chrono_event_get_quotes (read), 0);
      g_assert_cmpstr (chrono_quote_get_original_text (read_quote), ==, "第一行\n第二行");
      g_assert_cmpstr (chrono_quote_get_translation (read_quote), ==, "Line one\nLine two");
    }
}

/* One convention for years before the Common Era. The native format's are EDTF's,
 * astronomical: 0000 is 1 BC. TimelineJS shows a negative year without its sign and
 * “BCE” after it, so its -500 is read as 500 BC, and its year 0, which it places
 * where JavaScript's Date puts year 0, as 1 BC; the JSON and the spreadsheet agree,
 * and both write 1 BC back as -1. */
static void
test_years_before_common_era (void)
{
  static const struct { const char *timelinejs; gint64 astronomical; } years[] = {
    { "-500", -499 }, { "-1", 0 }, { "0", 0 }, { "1", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *json_text = g_strdup_printf ("{\"events\": [{\"start_date\": {\"year\": %s}, "
                                                    "\"text\": {\"headline\": \"x\"}}]}", years[i].timelinejs);
      g_autofree char *csv_text = g_strdup_printf ("Year,Headline\n%s,x\n", years[i].timelinejs);
      g_autoptr(GBytes) json = g_bytes_new (json_text, strlen (json_text));
      g_autoptr(GBytes) csv = g_bytes_new (csv_text, strlen (csv_text));
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) from_json = chrono_timeline_read_timelinejs_bytes (json, "y.json", NULL, &error);
      g_autoptr(ChronoTimeline) from_csv = NULL;

      g_assert_no_error (error);
      from_csv = chrono_timeline_read_csv_bytes (csv, "y.csv", NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s", years[i].timelinejs);
      g_assert_cmpint (chrono_event_get_start (chrono_timeline_get_event (from_json, 0))->year, ==, years[i].astronomical);
      g_assert_cmpint (chrono_event_get_start (chrono_timeline_get_event (from_csv, 0))->year, ==, years[i].astronomical);
    }

  {
    const char *native = "<timeline version='1' xml:lang='en'><title>Y</title>"
                         "<categories><category id='c' color='#000000'>C</category></categories>"
                         "<events><event id='e' start='0000' category='c'><title>x</title></event></events></timeline>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (native, strlen (native));
    g_autoptr(GError) error = NULL;
    g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_native_bytes (bytes, "y.chronoscope", NULL, &error);
    g_autoptr(GBytes) json = NULL;
    g_autoptr(GBytes) csv = NULL;
    g_autofree char *shown = NULL;

    g_assert_no_error (error);
    shown = chrono_date_format (chrono_event_get_start (chrono_timeline_get_event (timeline, 0)));
    g_assert_cmpstr (shown, ==, "1 BC");
    json = chrono_timeline_write_timelinejs (timeline);
    csv = chrono_timeline_write_csv (timeline);
    g_assert_nonnull (strstr (g_bytes_get_data (json, NULL), "\"year\" : -1"));
    g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "\r\n-1,"));
  }
}

/* What the JSON reader keeps that it used to drop. */
static void
test_json_read_media (void)
{
  const char *json =
    "{ \"events\": ["
    "  { \"start_date\": { \"year\": \"-44\", \"month\": 3, \"day\": 15, \"display_date\": \"The Ides\" },"
    "    \"text\": { \"headline\": \"Caesar\" }, \"group\": \"Rome\","
    "    \"media\": { \"url\": \"images/caesar.jpg\", \"caption\": \"<b>A</b> bust\", \"credit\": \"Museum &amp; co\" } },"
    "  { \"start_date\": { \"year\": 2012 }, \"display_date\": \"Autumn 2012\","
    "    \"media\": { \"url\": \"<blockquote>Words</blockquote>\" } }"
    "] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_read_timelinejs_bytes (bytes, "media.json", NULL, &error);
  ChronoEvent *event;
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  event = chrono_timeline_get_event (timeline, 0);
  shown = chrono_date_format (chrono_event_get_start (event));
  g_assert_cmpstr (shown, ==, "15 March 44 BC");
  g_assert_cmpstr (chrono_event_get_display_date (event), ==, "The Ides");
  g_assert_cmpstr (chrono_event_get_media_url (event), ==, "images/caesar.jpg");
  g_assert_cmpstr (chrono_event_get_media_caption (event), ==, "A bust");
  g_assert_cmpstr (chrono_event_get_media_credit (event), ==, "Museum & co");
  g_assert_cmpstr (chrono_category_get_name (chrono_event_get_category (event)), ==, "Rome");

  event = chrono_timeline_get_event (timeline, 1);
  g_assert_cmpstr (chrono_event_get_display_date (event), ==, "Autumn 2012");
  g_assert_null (chrono_event_get_media_url (event));
}

/* The native format keeps what TimelineJS adds: display dates and media. */
static void
test_native_keeps_media (void)
{
  g_autoptr(ChronoTimeline) before = make_timeline ();
  g_autoptr(GBytes) native = chrono_timeline_write_native (before);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) after = chrono_timeline_read_native_bytes (native, "media.chronoscope", NULL, &error);
  ChronoEvent *event;
  const char *version_1 =
    "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"1\"><title>t</title>"
    "<categories><category id=\"c\" color=\"#123456\">c</category></categories><events>"
    "<event id=\"e\" start=\"2012\" category=\"c\"><title>e</title><media url=\"a.png\"/></event></events></timeline>";
  g_autoptr(GBytes) old = g_bytes_new_static (version_1, strlen (version_1));
  g_autoptr(ChronoTimeline) refused = NULL;

  g_assert_no_error (error);
  assert_round_trip (before, after);
  event = chrono_timeline_lookup_event (after, "e2");
  g_assert_cmpstr (chrono_event_get_display_date (event), ==, "Late November");
  g_assert_cmpstr (chrono_event_get_media_url (event), ==, "images/launch.png");
  g_assert_cmpstr (chrono_event_get_media_credit (event), ==, "OpenAI");

  refused = chrono_timeline_read_native_bytes (old, "old.chronoscope", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "<media> is new in format 2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/timelinejs-writer/json-round-trip", test_json_round_trip);
  g_test_add_func ("/io/timelinejs-writer/json-quotes", test_json_quotes);
  g_test_add_func ("/io/timelinejs-writer/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/io/timelinejs-writer/round-trip-flags", test_round_trip_flags);
  g_test_add_func ("/io/timelinejs-writer/csv-bad-qualifier", test_csv_bad_qualifier);
  g_test_add_func ("/io/timelinejs-writer/json-read-media", test_json_read_media);
  g_test_add_func ("/io/timelinejs-writer/years-before-common-era", test_years_before_common_era);
  g_test_add_func ("/io/timelinejs-writer/read-foreign-blockquote", test_read_foreign_blockquote);
  g_test_add_func ("/io/timelinejs-writer/read-blockquote-without-speaker", test_read_blockquote_without_speaker);
  g_test_add_func ("/io/timelinejs-writer/read-blockquote-paragraphs", test_read_blockquote_paragraphs);
  g_test_add_func ("/io/timelinejs-writer/line-breaks", test_line_breaks);
  g_test_add_func ("/io/timelinejs-writer/native-keeps-media", test_native_keeps_media);

  return g_test_run ();
}
