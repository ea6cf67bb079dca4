/* test-builtin.c — the built-in timeline "From AlexNet to AGI", as the app loads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "chrono-resources.h"
#include "io/chrono-native-reader.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"

#define BUILTIN_RESOURCE RESOURCE_PATH "/timelines/alexnet-to-agi.chronoscope"

/* What the data holds today: the test fails if events or quotes get lost. */
#define MIN_EVENTS 37
#define MIN_QUOTES 67

/* Importance 5 is for these alone; a remark is never a landmark. */
static const char * const landmarks[] = {
  "alexnet", "mountain-view-dinner", "chatgpt-launch", "monthly-subscription",
  "price-20-dollars", "hundred-million-users", "arc-agi-result",
};

/* Made on their start, each predicting a later date or span. */
static const char * const forecasts[] = {
  "prediction-agi-2025", "outlook-2025", "power-from-fusion",
};

/* The sources the article gives; every other source is an outside one. */
static gboolean
is_articles_source (ChronoSource *source)
{
  return g_str_equal (chrono_source_get_id (source), "article") ||
         g_str_equal (chrono_source_get_id (source), "interview");
}

static ChronoTimeline *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ChronoTimeline *timeline;

  bytes = g_resources_lookup_data (BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  timeline = chrono_timeline_read_native_bytes (bytes, "alexnet-to-agi.chronoscope", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CHRONO_IS_TIMELINE (timeline));
  g_assert_true (chrono_timeline_is_sealed (timeline));

  return timeline;
}

static ChronoEvent *
lookup_event (ChronoTimeline *timeline,
              const char     *id)
{
  ChronoEvent *event = chrono_timeline_lookup_event (timeline, id);

  if (event == NULL)
    g_error ("the built-in timeline has no event “%s”", id);

  return event;
}

/* Whitespace as the reader and xgettext normalise it. The article's text export also
 * wrapped lines right after a hyphen ("ARC-\nAGI"), where no space was: joined again. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' && p > text && p[-1] == '-')
        continue;

      if (g_ascii_isspace (*p))
        {
          pending_space = TRUE;
          continue;
        }

      if (pending_space && out->len > 0)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* tests/data/article.txt is the article, after one line saying where it comes from. */
static char *
load_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "article.txt", NULL);
  g_autofree char *contents = NULL;
  const char *body;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  body = strchr (contents, '\n');
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, "彭博社专访Sam Altman"));

  return normalize_text (body + 1);
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }

  return FALSE;
}

/* Whether every word in Latin letters in @text is one the article itself writes in
 * Latin letters (Sam Altman, OpenAI, AGI…): a Chinese reader then meets no English. */
static gboolean
latin_words_are_the_articles (const char *text,
                              const char *article)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;

      if (!g_ascii_isalpha (*p))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      for (start = p; g_ascii_isalpha (*p); p++)
        ;
      word = g_strndup (start, p - start);
      if (strstr (article, word) == NULL)
        {
          g_test_message ("“%s” in “%s” is not in the article", word, text);
          return FALSE;
        }
    }

  return TRUE;
}

static void
assert_chinese_for_readers (const char *text,
                            const char *article)
{
  g_assert_nonnull (text);
  g_assert_true (has_han (text));
  g_assert_true (latin_words_are_the_articles (text, article));
}

static void
test_builtin_load (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  GListModel *sources = chrono_timeline_get_sources (timeline);

  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "From AlexNet to AGI");
  g_assert_nonnull (chrono_timeline_get_description (timeline));
  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_categories (timeline)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_eras (timeline)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 11);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ChronoSource) source = g_list_model_get_item (sources, i);

      g_assert_nonnull (chrono_source_get_title (source));
      g_assert_nonnull (chrono_source_get_date (source));
      g_assert_true (g_str_has_prefix (chrono_source_get_url (source), "http"));
    }

  /* The article, as its own header gives it. */
  {
    ChronoSource *article = chrono_timeline_lookup_source (timeline, "article");
    g_autofree char *date = NULL;

    g_assert_nonnull (article);
    /* In English its title and author are translated; the Chinese run checks the originals. */
    g_assert_cmpstr (chrono_source_get_author (article), ==, "AI Deep Researcher");
    date = chrono_date_to_edtf (chrono_source_get_date (article));
    g_assert_cmpstr (date, ==, "2025-01-07T07:16");
    g_assert_true (g_str_has_prefix (chrono_source_get_title (article), "Bloomberg interviews Sam Altman"));
  }

  /* In English, the interview is described in English. */
  {
    ChronoSource *interview = chrono_timeline_lookup_source (timeline, "interview");

    g_assert_nonnull (interview);
    g_assert_cmpstr (chrono_source_get_title (interview), ==, "Bloomberg interview with Sam Altman");
    g_assert_cmpstr (chrono_source_get_publisher (interview), ==, "Bloomberg");
    g_assert_null (chrono_source_get_author (interview));
  }
}

static void
test_builtin_ids_unique (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_events = chrono_timeline_get_n_events (timeline);

  for (guint i = 0; i < n_events; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      const char *id = chrono_event_get_id (event);

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (chrono_timeline_lookup_event (timeline, id) == event);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n_events);
}

static void
test_builtin_events (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  guint n_events = chrono_timeline_get_n_events (timeline);

  for (guint i = 0; i < n_events; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      ChronoCategory *category = chrono_event_get_category (event);
      const ChronoDate *start = chrono_event_get_start (event);
      const ChronoDate *end = chrono_event_get_end (event);

      g_test_message ("event %s", chrono_event_get_id (event));

      g_assert_nonnull (category);
      g_assert_true (chrono_timeline_lookup_category (timeline, chrono_category_get_id (category)) == category);

      g_assert_nonnull (start);
      g_assert_true (chrono_date_is_valid (start));
      /* From AlexNet to the article: older history is told where Altman speaks of it. */
      g_assert_cmpint (start->year, >=, 2012);
      g_assert_cmpint (start->year, <=, 2025);
      if (end != NULL)
        {
          g_assert_true (chrono_date_is_valid (end));
          g_assert_cmpint (chrono_date_compare (start, end), <=, 0);
        }

      g_assert_nonnull (chrono_event_get_title (event));
      g_assert_cmpstr (chrono_event_get_title (event), !=, "");
      g_assert_cmpuint (chrono_event_get_importance (event), >=, CHRONO_IMPORTANCE_MIN);
      g_assert_cmpuint (chrono_event_get_importance (event), <=, CHRONO_IMPORTANCE_MAX);
      /* Each event names where it comes from. */
      g_assert_cmpuint (chrono_event_get_sources (event)->len, >=, 1);
    }
}

static void
test_builtin_sorted (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  guint n_events = chrono_timeline_get_n_events (timeline);

  for (guint i = 0; i < n_events; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      g_assert_cmpint (starts[i], ==, chrono_event_get_start_time (event));
      g_assert_cmpuint (chrono_timeline_get_position (timeline, event), ==, i);
      if (i > 0)
        g_assert_cmpint (starts[i - 1], <=, starts[i]);
    }

  /* Events of the same date are ordered by id: the ids keep them in the file's order,
   * which is the story's (the hallway, the dinners, the dinner; the meeting, the
   * options, the subscription). */
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data (BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    const char *previous = NULL;

    for (guint i = 0; i < n_events; i++)
      {
        ChronoEvent *event = chrono_timeline_get_event (timeline, i);
        g_autofree char *attribute = g_strdup_printf ("<event id=\"%s\"", chrono_event_get_id (event));
        const char *here = strstr (text, attribute);

        g_assert_nonnull (here);
        if (i > 0 &&
            chrono_event_get_start_time (chrono_timeline_get_event (timeline, i - 1)) == chrono_event_get_start_time (event) &&
            chrono_event_get_end_time (chrono_timeline_get_event (timeline, i - 1)) == chrono_event_get_end_time (event) &&
            here < previous)
          g_error ("“%s” is told before “%s” but sorts after it", chrono_event_get_id (event),
                   chrono_event_get_id (chrono_timeline_get_event (timeline, i - 1)));
        previous = here;
      }
  }

  /* The story's order survives: AlexNet first, the article last. */
  g_assert_true (chrono_timeline_get_position (timeline, lookup_event (timeline, "alexnet")) <
                 chrono_timeline_get_position (timeline, lookup_event (timeline, "mountain-view-dinner")));
  g_assert_true (chrono_timeline_get_position (timeline, lookup_event (timeline, "mountain-view-dinner")) <
                 chrono_timeline_get_position (timeline, lookup_event (timeline, "chatgpt-launch")));
  g_assert_true (chrono_timeline_get_position (timeline, lookup_event (timeline, "chatgpt-launch")) <
                 chrono_timeline_get_position (timeline, lookup_event (timeline, "arc-agi-result")));
  g_assert_cmpuint (chrono_timeline_get_position (timeline, lookup_event (timeline, "the-article")), ==,
                    n_events - 1);
}

static void
test_builtin_dates (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  static const struct {
    const char *id;
    const char *start;
    const char *end;
  } expected[] = {
    { "alexnet", "2012", NULL },
    { "agi-taboo", "2012~", "2015~" },
    { "mountain-view-dinner", "2015", NULL },
    { "prediction-agi-2025", "2015", NULL },
    { "openai-announced", "2015-12-11", NULL },
    { "arc-agi-created", "2019-11-05", NULL },
    { "chatgpt-launch", "2022-11-30", NULL },
    { "first-five-days", "2022-11-30", "2022-12-04" },
    { "emergency-meeting", "2022-12", NULL },
    { "revenue-300-million", "2023-01?", NULL },
    { "chatgpt-plus", "2023-02-01", NULL },
    { "safety-advisory-group", "2023-12-18", NULL },
    { "safety-and-security-committee", "2024-05-28", NULL },
    { "bloomberg-interview", "2024-12-16~", "2024-12-19~" },
    { "arc-agi-result", "2024-12-20", NULL },
    { "the-article", "2025-01-07T07:16", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ChronoEvent *event = lookup_event (timeline, expected[i].id);
      g_autofree char *start = chrono_date_to_edtf (chrono_event_get_start (event));
      g_autofree char *end = NULL;

      if (chrono_event_get_end (event) != NULL)
        end = chrono_date_to_edtf (chrono_event_get_end (event));

      g_assert_cmpstr (start, ==, expected[i].start);
      g_assert_cmpstr (end, ==, expected[i].end);
    }
}

static void
test_builtin_quotes (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  g_autofree char *article = load_article ();
  GListModel *all_quotes = chrono_timeline_get_quotes (timeline);
  guint n_events = chrono_timeline_get_n_events (timeline);
  guint n_quotes = 0;

  for (guint i = 0; i < n_events; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      GPtrArray *quotes = chrono_event_get_quotes (event);

      for (guint j = 0; j < quotes->len; j++)
        {
          ChronoQuote *quote = g_ptr_array_index (quotes, j);
          ChronoSource *source = chrono_quote_get_source (quote);
          const char *original = chrono_quote_get_original_text (quote);
          g_autofree char *normalized = NULL;

          g_test_message ("quote %u of %s", j, chrono_event_get_id (event));

          g_assert_cmpstr (chrono_quote_get_speaker (quote), ==, "Sam Altman");
          g_assert_nonnull (source);
          g_assert_cmpstr (chrono_source_get_id (source), ==, "interview");
          g_assert_cmpstr (chrono_quote_get_original_language (quote), ==, "zh-Hans");

          g_assert_nonnull (original);
          g_assert_true (has_han (original));
          normalized = normalize_text (original);
          if (strstr (article, normalized) == NULL)
            g_error ("quote in “%s” is not the article's wording: %s",
                     chrono_event_get_id (event), original);

          /* The English is a translation, and says so. */
          g_assert_cmpstr (chrono_quote_get_translation_language (quote), ==, "en");
          g_assert_nonnull (chrono_quote_get_translation (quote));
          g_assert_false (has_han (chrono_quote_get_translation (quote)));

          g_assert_true (chrono_quote_get_event (quote) == event);
          n_quotes++;
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (all_quotes), ==, n_quotes);
  g_assert_cmpuint (n_quotes, >=, MIN_QUOTES);
}

static void
assert_notes_contain (ChronoTimeline *timeline,
                      const char     *id,
                      const char     *text)
{
  const char *notes = chrono_event_get_notes (lookup_event (timeline, id));

  if (notes == NULL || strstr (notes, text) == NULL)
    g_error ("the notes of “%s” do not say “%s”: %s", id, text, notes ? notes : "(none)");
}

static void
test_builtin_notes (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();

  /* The article misdates the interview; the data says so rather than picking silently. */
  assert_notes_contain (timeline, "bloomberg-interview", "5 January 2024");
  assert_notes_contain (timeline, "bloomberg-interview", "5 January 2025");
  assert_notes_contain (timeline, "bloomberg-interview", "mid-December 2024");
  /* Dates the article does not give are the timeline's inference, and say so. */
  assert_notes_contain (timeline, "price-20-dollars", "inference");
  assert_notes_contain (timeline, "valuation-86-billion", "narration");
  /* The 60 days to $300 million a month are the headline's claim, not Altman's. */
  assert_notes_contain (timeline, "revenue-300-million", "headline");
  assert_notes_contain (timeline, "revenue-300-million", "not Altman’s");
  assert_notes_contain (timeline, "emergency-meeting", "a Thursday afternoon in December");
  assert_notes_contain (timeline, "arc-agi-result", "this Friday");
  g_assert_null (chrono_event_get_notes (lookup_event (timeline, "alexnet")));
}

static void
test_builtin_counts (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  guint n_events = chrono_timeline_get_n_events (timeline);
  guint n_landmarks = 0;

  g_assert_cmpuint (n_events, >=, MIN_EVENTS);
  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_quotes (timeline)), >=, MIN_QUOTES);

  /* Importance 5 is kept for the landmarks, so the zoomed-out view shows them first. */
  for (gsize i = 0; i < G_N_ELEMENTS (landmarks); i++)
    g_assert_cmpuint (chrono_event_get_importance (lookup_event (timeline, landmarks[i])), ==, 5);

  for (guint i = 0; i < n_events; i++)
    {
      if (chrono_event_get_importance (chrono_timeline_get_event (timeline, i)) == 5)
        n_landmarks++;
    }
  g_assert_cmpuint (n_landmarks, ==, G_N_ELEMENTS (landmarks));
}

/* Words are dated by when they were said, never later than their source published them. */
static void
test_builtin_said (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  GListModel *quotes = chrono_timeline_get_quotes (timeline);

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);
      const ChronoDate *said = chrono_quote_get_said (quote);
      const ChronoDate *published = chrono_source_get_date (chrono_quote_get_source (quote));

      g_test_message ("quote %u of %s", i, chrono_event_get_id (chrono_quote_get_event (quote)));
      g_assert_nonnull (said);
      g_assert_nonnull (published);
      g_assert_cmpint (chrono_date_get_end (said), <=, chrono_date_get_end (published));
      g_assert_cmpint (chrono_quote_get_provenance (quote), !=, CHRONO_PROVENANCE_UNSTATED);
    }
}

/* An event is something that happened: what Altman said in December 2024 is a quote on
 * the event it is about. Dated to the interview are only the interview itself, the
 * forecasts made in it, what an outside source dates, and one picture of how he runs the
 * company then; none of them is a landmark. */
static void
test_builtin_no_utterance_events (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  ChronoEvent *interview = lookup_event (timeline, "bloomberg-interview");
  ChronoSource *interview_source = chrono_timeline_lookup_source (timeline, "interview");
  ChronoTime from = chrono_date_get_start (&(ChronoDate) { .year = 2024, .month = 12, .precision = CHRONO_PRECISION_MONTH });
  ChronoTime published = chrono_date_get_end (chrono_source_get_date (interview_source));
  guint n_snapshots = 0;

  g_assert_cmpint (chrono_event_get_start_time (interview), >=, from);
  g_assert_cmpint (chrono_event_get_end_time (interview), <=, published);

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      ChronoTime start = chrono_event_get_start_time (event);

      if (event == interview || start < from || start >= published)
        continue;

      g_test_message ("event %s is dated to the interview", chrono_event_get_id (event));
      if (chrono_event_get_date_provenance (event) == CHRONO_PROVENANCE_OUTSIDE)
        continue;

      g_assert_cmpuint (chrono_event_get_importance (event), <=, 3);
      if (!chrono_event_is_forecast (event))
        n_snapshots++;
    }
  g_assert_cmpuint (n_snapshots, <=, 1);

  /* No era exists for the remarks alone: each holds a landmark. */
  for (guint i = 0; i < g_list_model_get_n_items (chrono_timeline_get_eras (timeline)); i++)
    {
      g_autoptr(ChronoEra) era = g_list_model_get_item (chrono_timeline_get_eras (timeline), i);
      ChronoTime era_start = chrono_date_get_start (chrono_era_get_start (era));
      ChronoTime era_end = chrono_date_get_end (chrono_era_get_end (era));
      gboolean has_landmark = FALSE;

      for (gsize j = 0; j < G_N_ELEMENTS (landmarks); j++)
        {
          ChronoTime t = chrono_event_get_start_time (lookup_event (timeline, landmarks[j]));

          has_landmark |= t >= era_start && t < era_end;
        }
      g_assert_true (has_landmark);
    }
}

/* A date that comes from the interview is one Altman's quoted words give; a date the
 * article's narration gives, or the editors infer, says so. */
static void
test_builtin_reported_dates (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  guint n_reported = 0;

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      GPtrArray *quotes = chrono_event_get_quotes (event);
      g_autofree char *year = NULL;
      gboolean given = FALSE;

      if (chrono_event_get_date_provenance (event) != CHRONO_PROVENANCE_REPORTED)
        continue;

      g_test_message ("event %s", chrono_event_get_id (event));
      year = g_strdup_printf ("%" G_GINT64_FORMAT "年", (gint64) chrono_event_get_start (event)->year);
      for (guint j = 0; j < quotes->len; j++)
        given |= strstr (chrono_quote_get_original_text (g_ptr_array_index (quotes, j)), year) != NULL;
      g_assert_true (given);
      n_reported++;
    }
  g_assert_cmpuint (n_reported, >=, 2);
}

/* Who says so: every event and quote says, and an outside fact names its outside source. */
static void
test_builtin_provenance (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  guint n_outside = 0;

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      GPtrArray *sources = chrono_event_get_sources (event);
      ChronoSource *date_source = chrono_event_get_date_source (event);
      gboolean cites_outside = FALSE;

      g_test_message ("event %s", chrono_event_get_id (event));
      g_assert_cmpint (chrono_event_get_provenance (event), !=, CHRONO_PROVENANCE_UNSTATED);

      for (guint j = 0; j < sources->len; j++)
        {
          ChronoSource *source = g_ptr_array_index (sources, j);

          if (!is_articles_source (source))
            {
              cites_outside = TRUE;
              g_assert_true (g_str_has_prefix (chrono_source_get_url (source), "https://"));
              g_assert_nonnull (chrono_source_get_date (source));
            }
        }

      /* An outside source is cited by an outside fact, and only by one. */
      g_assert_cmpint (cites_outside, ==,
                       chrono_event_get_provenance (event) == CHRONO_PROVENANCE_OUTSIDE ||
                       chrono_event_get_date_provenance (event) == CHRONO_PROVENANCE_OUTSIDE);
      if (chrono_event_get_provenance (event) == CHRONO_PROVENANCE_OUTSIDE)
        n_outside++;

      if (chrono_event_get_date_provenance (event) == CHRONO_PROVENANCE_OUTSIDE &&
          chrono_event_get_provenance (event) != CHRONO_PROVENANCE_OUTSIDE)
        {
          g_assert_nonnull (date_source);
          g_assert_false (is_articles_source (date_source));
          g_assert_true (g_ptr_array_find (sources, date_source, NULL));
        }

      /* The article's own words are never passed off as an outside fact's, nor the reverse:
       * what the article alone tells is reported or narrated. */
      if (sources->len == 1 && g_str_equal (chrono_source_get_id (g_ptr_array_index (sources, 0)), "article"))
        g_assert_cmpint (chrono_event_get_provenance (event), ==, CHRONO_PROVENANCE_NARRATED);
    }
  g_assert_cmpuint (n_outside, >=, 4);

  /* What the issue found: the joint committee is the article's, its $86 billion is narration. */
  g_assert_cmpint (chrono_event_get_provenance (lookup_event (timeline, "valuation-86-billion")), ==,
                   CHRONO_PROVENANCE_NARRATED);
  g_assert_null (strstr (chrono_event_get_summary (lookup_event (timeline, "safety-and-security-committee")),
                         "Deployment Safety Board"));
  g_assert_cmpint (chrono_event_get_date_provenance (lookup_event (timeline, "price-20-dollars")), ==,
                   CHRONO_PROVENANCE_INFERRED);
}

static void
test_builtin_forecasts (void)
{
  g_autoptr(ChronoTimeline) timeline = load_builtin ();
  guint n_forecasts = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (forecasts); i++)
    {
      ChronoEvent *event = lookup_event (timeline, forecasts[i]);

      g_test_message ("forecast %s", forecasts[i]);
      g_assert_true (chrono_event_is_forecast (event));
      g_assert_true (chrono_date_is_valid (chrono_event_get_start (event)));
      g_assert_nonnull (chrono_event_get_predicted_start (event));
      g_assert_true (chrono_date_is_valid (chrono_event_get_predicted_start (event)));
      /* Made before the date it predicts. */
      g_assert_cmpint (chrono_event_get_end_time (event), <=, chrono_event_get_predicted_start_time (event));
    }

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    n_forecasts += chrono_event_is_forecast (chrono_timeline_get_event (timeline, i));
  g_assert_cmpuint (n_forecasts, ==, G_N_ELEMENTS (forecasts));

  /* 2015's prediction stays in 2015; the 2025 outlook was made in December 2024. */
  g_assert_cmpint (chrono_event_get_start (lookup_event (timeline, "prediction-agi-2025"))->year, ==, 2015);
  g_assert_cmpint (chrono_event_get_start (lookup_event (timeline, "outlook-2025"))->year, ==, 2024);
  g_assert_cmpint (chrono_event_get_predicted_start (lookup_event (timeline, "outlook-2025"))->year, ==, 2025);
}

/* The figures in @text written in digits, scaled by the word or character after them
 * (“$86 billion” and “860亿” are the same figure), and with @words the numbers up to
 * ten, twenty and sixty written as English words. */
static GArray *
figures_in (const char *text,
            gboolean    words)
{
  static const char * const names[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  };
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text;

  while (*p != '\0')
    {
      g_autoptr(GString) digits = NULL;
      double value;

      if (words && g_ascii_isalpha (*p) && (p == text || !g_ascii_isalpha (p[-1])))
        {
          const char *end = p;

          while (g_ascii_isalpha (*end))
            end++;
          for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
            {
              if ((gsize) (end - p) == strlen (names[i]) && g_ascii_strncasecmp (p, names[i], end - p) == 0)
                {
                  value = i;
                  g_array_append_val (figures, value);
                }
            }
          if (end - p == 6 && g_ascii_strncasecmp (p, "twenty", 6) == 0)
            g_array_append_val (figures, ((double) { 20 }));
          if (end - p == 5 && g_ascii_strncasecmp (p, "sixty", 5) == 0)
            g_array_append_val (figures, ((double) { 60 }));
          p = end;
          continue;
        }

      if (!g_ascii_isdigit (*p))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      digits = g_string_new (NULL);
      while (g_ascii_isdigit (*p) ||
             (*p == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])) ||
             (*p == '.' && g_ascii_isdigit (p[1])))
        {
          if (*p != ',')
            g_string_append_c (digits, *p);
          p++;
        }
      value = g_ascii_strtod (digits->str, NULL);

      if (g_str_has_prefix (p, " million"))
        value *= 1e6;
      else if (g_str_has_prefix (p, " billion"))
        value *= 1e9;
      else if (g_str_has_prefix (p, "万"))
        value *= 1e4;
      else if (g_str_has_prefix (p, "亿"))
        value *= 1e8;
      g_array_append_val (figures, value);
    }

  return figures;
}

/* Every figure @from writes in digits is in @to, in digits or, in English, in words. */
static void
assert_same_figures (const char *from,
                     const char *to)
{
  g_autoptr(GArray) in_from = NULL;
  g_autoptr(GArray) in_to = NULL;

  if (from == NULL)
    return;
  g_assert_nonnull (to);

  in_from = figures_in (from, FALSE);
  in_to = figures_in (to, TRUE);
  for (guint i = 0; i < in_from->len; i++)
    {
      double value = g_array_index (in_from, double, i);
      gboolean found = FALSE;

      for (guint j = 0; j < in_to->len && !found; j++)
        found = fabs (g_array_index (in_to, double, j) - value) <= 1e-9 * MAX (1.0, value);
      if (!found)
        g_error ("“%s” has the figure %g, which “%s” does not", from, value, to);
    }
}

/* The figures and dates of the English survive in the Chinese, and a quote's English
 * keeps the figures of the article's Chinese. */
static void
test_builtin_figures (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autoptr(ChronoTimeline) english = NULL;
      g_autoptr(ChronoTimeline) chinese = NULL;
      GListModel *quotes;

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      g_unsetenv ("LANGUAGE");
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      english = load_builtin ();
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      chinese = load_builtin ();
      g_assert_cmpstr (chrono_timeline_get_title (chinese), ==, "从AlexNet到AGI");

      assert_same_figures (chrono_timeline_get_description (english), chrono_timeline_get_description (chinese));
      for (guint i = 0; i < chrono_timeline_get_n_events (english); i++)
        {
          ChronoEvent *event = chrono_timeline_get_event (english, i);
          ChronoEvent *translated = lookup_event (chinese, chrono_event_get_id (event));

          g_test_message ("event %s", chrono_event_get_id (event));
          assert_same_figures (chrono_event_get_title (event), chrono_event_get_title (translated));
          assert_same_figures (chrono_event_get_summary (event), chrono_event_get_summary (translated));
          assert_same_figures (chrono_event_get_notes (event), chrono_event_get_notes (translated));
        }

      quotes = chrono_timeline_get_quotes (english);
      for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
        {
          g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

          assert_same_figures (chrono_quote_get_original_text (quote), chrono_quote_get_translation (quote));
          assert_same_figures (chrono_quote_get_translation (quote), chrono_quote_get_original_text (quote));
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_builtin_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);
      g_autoptr(ChronoTimeline) timeline = NULL;
      g_autofree char *article = load_article ();
      GListModel *quotes;
      GListModel *sources;
      ChronoSource *source;
      guint n_events;

      g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

      /* LANGUAGE is ignored in the plain C locale. */
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      timeline = load_builtin ();

      g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "从AlexNet到AGI");
      g_assert_cmpstr (chrono_event_get_title (lookup_event (timeline, "chatgpt-launch")), ==, "ChatGPT发布");
      g_assert_cmpstr (chrono_category_get_name (chrono_timeline_lookup_category (timeline, "research")), ==, "研究");

      n_events = chrono_timeline_get_n_events (timeline);
      for (guint i = 0; i < n_events; i++)
        {
          ChronoEvent *event = chrono_timeline_get_event (timeline, i);

          g_test_message ("event %s", chrono_event_get_id (event));
          if (!g_str_equal (chrono_event_get_id (event), "alexnet"))
            g_assert_true (has_han (chrono_event_get_title (event)));
          g_assert_true (has_han (chrono_event_get_summary (event)));
          if (chrono_event_get_notes (event) != NULL)
            g_assert_true (has_han (chrono_event_get_notes (event)));
        }

      /* In Chinese, a quote's translation is the article's own wording. */
      quotes = chrono_timeline_get_quotes (timeline);
      for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
        {
          g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

          g_assert_cmpstr (chrono_quote_get_translation (quote), ==,
                           chrono_quote_get_original_text (quote));
          g_assert_cmpstr (chrono_quote_get_speaker (quote), ==, "Sam Altman");
          if (chrono_quote_get_context (quote) != NULL)
            g_assert_true (has_han (chrono_quote_get_context (quote)));
        }

      g_assert_true (has_han (chrono_timeline_get_description (timeline)));
      for (guint i = 0; i < g_list_model_get_n_items (chrono_timeline_get_categories (timeline)); i++)
        {
          g_autoptr(ChronoCategory) category = g_list_model_get_item (chrono_timeline_get_categories (timeline), i);

          g_assert_true (has_han (chrono_category_get_name (category)));
        }
      for (guint i = 0; i < g_list_model_get_n_items (chrono_timeline_get_eras (timeline)); i++)
        {
          g_autoptr(ChronoEra) era = g_list_model_get_item (chrono_timeline_get_eras (timeline), i);

          g_assert_true (has_han (chrono_era_get_name (era)));
        }

      /* The sources, as the event pane and the quotes' attributions show them. */
      source = chrono_timeline_lookup_source (timeline, "interview");
      g_assert_cmpstr (chrono_source_get_title (source), ==, "彭博社专访Sam Altman");
      g_assert_cmpstr (chrono_source_get_publisher (source), ==, "彭博社");
      source = chrono_timeline_lookup_source (timeline, "article");
      g_assert_cmpstr (chrono_source_get_publisher (source), ==, "微信");
      g_assert_cmpstr (chrono_source_get_author (source), ==, "AI深度研究员");
      g_assert_true (g_str_has_prefix (chrono_source_get_title (source), "彭博社专访Sam Altman："));

      sources = chrono_timeline_get_sources (timeline);
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(ChronoSource) item = g_list_model_get_item (sources, i);

          g_test_message ("source %s", chrono_source_get_id (item));
          /* An outside publication keeps its real title, in its own language. */
          if (!is_articles_source (item))
            continue;
          assert_chinese_for_readers (chrono_source_get_title (item), article);
          if (chrono_source_get_author (item) != NULL)
            assert_chinese_for_readers (chrono_source_get_author (item), article);
          if (chrono_source_get_publisher (item) != NULL)
            assert_chinese_for_readers (chrono_source_get_publisher (item), article);
        }
      return;
    }

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

/* Read in Chinese and saved, the built-in timeline is written in its own English, the
 * same bytes as when it was read in English. */
static void
test_builtin_saved_in_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autoptr(ChronoTimeline) english = NULL;
      g_autoptr(ChronoTimeline) chinese = NULL;
      g_autoptr(GBytes) english_bytes = NULL;
      g_autoptr(GBytes) chinese_bytes = NULL;

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      g_unsetenv ("LANGUAGE");
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      english = load_builtin ();
      english_bytes = chrono_timeline_write_native (english);
      g_assert_cmpstr (chrono_timeline_get_title (english), ==, "From AlexNet to AGI");

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      chinese = load_builtin ();
      g_assert_cmpstr (chrono_timeline_get_title (chinese), ==, "从AlexNet到AGI");
      chinese_bytes = chrono_timeline_write_native (chinese);

      g_assert_cmpmem (g_bytes_get_data (english_bytes, NULL), g_bytes_get_size (english_bytes),
                       g_bytes_get_data (chinese_bytes, NULL), g_bytes_get_size (chinese_bytes));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_resources_register (chrono_get_resource ());

  g_test_add_func ("/builtin/load", test_builtin_load);
  g_test_add_func ("/builtin/ids-unique", test_builtin_ids_unique);
  g_test_add_func ("/builtin/events", test_builtin_events);
  g_test_add_func ("/builtin/sorted", test_builtin_sorted);
  g_test_add_func ("/builtin/dates", test_builtin_dates);
  g_test_add_func ("/builtin/quotes", test_builtin_quotes);
  g_test_add_func ("/builtin/notes", test_builtin_notes);
  g_test_add_func ("/builtin/counts", test_builtin_counts);
  g_test_add_func ("/builtin/said", test_builtin_said);
  g_test_add_func ("/builtin/no-utterance-events", test_builtin_no_utterance_events);
  g_test_add_func ("/builtin/reported-dates", test_builtin_reported_dates);
  g_test_add_func ("/builtin/provenance", test_builtin_provenance);
  g_test_add_func ("/builtin/forecasts", test_builtin_forecasts);
  g_test_add_func ("/builtin/figures", test_builtin_figures);
  g_test_add_func ("/builtin/chinese", test_builtin_chinese);
  g_test_add_func ("/builtin/saved-in-chinese", test_builtin_saved_in_chinese);

  return g_test_run ();
}
