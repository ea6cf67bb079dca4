/* test-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "model/chrono-edit-group.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"
#include "model/chrono-event-filter.h"
#include "model/chrono-timeline.h"
#include "model/chrono-undo-stack.h"

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

static ChronoEvent *
add_event (ChronoTimeline *timeline,
           const char     *id,
           const char     *start,
           const char     *end,
           const char     *title)
{
  ChronoDate s = date (start);
  g_autoptr(ChronoEvent) event = chrono_event_new (id, &s, title);

  if (end != NULL)
    {
      ChronoDate e = date (end);

      chrono_event_set_end (event, &e);
    }
  chrono_timeline_add_event (timeline, event);

  return event;
}

static void
test_sorting (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  /* y2012 and m2012-01 start together, but the month range ends first; y2012 and
   * y2012b share their span and sort by id. */
  const char *expected[] = { "bce", "m2012-01", "y2012", "y2012b", "range", "day", "far" };
  GListModel *events;

  add_event (timeline, "day", "2022-11-30", NULL, "Day");
  add_event (timeline, "far", "250000", NULL, "Far");
  add_event (timeline, "y2012b", "2012", NULL, "Same span as y2012, later id");
  add_event (timeline, "range", "2015", "2022", "Range");
  add_event (timeline, "y2012", "2012", NULL, "Year");
  add_event (timeline, "bce", "-0500", NULL, "BCE");
  add_event (timeline, "m2012-01", "2012-01", "2012-06", "Month range, ends before the year");

  g_assert_false (chrono_timeline_is_sealed (timeline));
  chrono_timeline_seal (timeline);
  g_assert_true (chrono_timeline_is_sealed (timeline));

  events = chrono_timeline_get_events (timeline);
  g_assert_true (g_list_model_get_item_type (events) == CHRONO_TYPE_EVENT);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ChronoEvent) event = g_list_model_get_item (events, i);
      const ChronoTime *starts = chrono_timeline_get_start_times (timeline);

      g_assert_cmpstr (chrono_event_get_id (event), ==, expected[i]);
      g_assert_true (chrono_timeline_get_event (timeline, i) == event);
      g_assert_cmpuint (chrono_timeline_get_position (timeline, event), ==, i);
      g_assert_cmpint (starts[i], ==, chrono_event_get_start_time (event));
      if (i > 0)
        g_assert_cmpint (starts[i - 1], <=, starts[i]);
    }
  g_assert_null (g_list_model_get_item (events, G_N_ELEMENTS (expected)));
}

static void
test_lookups (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("research", "Research", "#1c71d8", NULL);
  g_autoptr(ChronoSource) source = chrono_source_new ("article", "The article");
  g_autoptr(ChronoEvent) stranger = NULL;
  ChronoDate d = date ("2012");
  ChronoEvent *event;
  ChronoTime start, end;

  chrono_timeline_add_category (timeline, category);
  chrono_timeline_add_source (timeline, source);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("event-%03u", 99 - i);
      g_autofree char *start_text = g_strdup_printf ("%04u", 1900 + i);

      add_event (timeline, id, start_text, NULL, id);
    }

  /* Before sealing, lookups scan. */
  g_assert_nonnull (chrono_timeline_lookup_event (timeline, "event-042"));
  g_assert_false (chrono_timeline_get_span (timeline, NULL, NULL));

  chrono_timeline_seal (timeline);

  g_assert_true (chrono_timeline_lookup_category (timeline, "research") == category);
  g_assert_null (chrono_timeline_lookup_category (timeline, "product"));
  g_assert_true (chrono_timeline_lookup_source (timeline, "article") == source);
  g_assert_null (chrono_timeline_lookup_source (timeline, "other"));
  g_assert_cmpstr (chrono_category_get_dark_color (category), ==, "#1c71d8");
  g_assert_false (chrono_category_has_dark_color (category));

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("event-%03u", i);

      event = chrono_timeline_lookup_event (timeline, id);
      g_assert_nonnull (event);
      g_assert_cmpstr (chrono_event_get_id (event), ==, id);
      g_assert_cmpuint (chrono_timeline_get_position (timeline, event), ==, 99 - i);
    }
  g_assert_null (chrono_timeline_lookup_event (timeline, "event-100"));
  g_assert_null (chrono_timeline_lookup_event (timeline, ""));

  stranger = chrono_event_new ("event-000", &d, "Not in the timeline");
  g_assert_cmpuint (chrono_timeline_get_position (timeline, stranger), ==, G_MAXUINT);

  g_assert_true (chrono_timeline_get_span (timeline, &start, &end));
  g_assert_cmpint (start, ==, chrono_date_get_start (&(ChronoDate) { 1900, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 }));
  g_assert_cmpint (end, ==, chrono_date_get_start (&(ChronoDate) { 2000, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 }));
}

static void
test_quotes (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  ChronoEvent *late = add_event (timeline, "late", "2022", NULL, "Late");
  ChronoEvent *early = add_event (timeline, "early", "2012", NULL, "Early");
  ChronoEvent *unquoted = add_event (timeline, "unquoted", "2015", NULL, "Unquoted");
  g_autoptr(ChronoQuote) q1 = chrono_quote_new ("后来", "zh-Hans");
  g_autoptr(ChronoQuote) q2 = chrono_quote_new ("早先", "zh-Hans");
  g_autoptr(ChronoQuote) q3 = chrono_quote_new ("再早先", "zh-Hans");
  GListModel *quotes;

  chrono_event_add_quote (late, q1);
  chrono_event_add_quote (early, q2);
  chrono_event_add_quote (early, q3);
  g_assert_true (chrono_quote_get_event (q2) == early);

  chrono_timeline_seal (timeline);

  quotes = chrono_timeline_get_quotes (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, 3);
  {
    g_autoptr(ChronoQuote) a = g_list_model_get_item (quotes, 0);
    g_autoptr(ChronoQuote) b = g_list_model_get_item (quotes, 1);
    g_autoptr(ChronoQuote) c = g_list_model_get_item (quotes, 2);

    g_assert_true (a == q2);
    g_assert_true (b == q3);
    g_assert_true (c == q1);
  }
  g_assert_cmpuint (chrono_timeline_find_first_quote (timeline, early), ==, 0);
  g_assert_cmpuint (chrono_timeline_find_first_quote (timeline, late), ==, 2);
  g_assert_cmpuint (chrono_timeline_find_first_quote (timeline, unquoted), ==, G_MAXUINT);
}

static void
brute_force_query (ChronoTimeline *timeline,
                   ChronoTime      start,
                   ChronoTime      end,
                   GArray         *positions)
{
  /* An empty span intersects nothing, not even an event around it. */
  if (start >= end)
    return;

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      if (chrono_event_get_start_time (event) < end && chrono_event_get_end_time (event) > start)
        g_array_append_val (positions, i);
    }
}

static ChronoTimeline *
make_random_timeline (guint      n,
                      ChronoTime range)
{
  ChronoTimeline *timeline = chrono_timeline_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      ChronoTime start = g_test_rand_int_range (0, range);
      ChronoDate s, e;
      g_autoptr(ChronoEvent) event = NULL;
      ChronoPrecision precision = g_test_rand_int_range (CHRONO_PRECISION_YEAR, CHRONO_PRECISION_SECOND + 1);

      chrono_date_from_time (start * 3600, precision, &s);
      event = chrono_event_new (id, &s, id);

      /* A mix of moments, short spans and a few very long ones. */
      switch (g_test_rand_int_range (0, 10))
        {
        case 0:
          chrono_date_from_time ((start + g_test_rand_int_range (0, range)) * 3600, CHRONO_PRECISION_DAY, &e);
          chrono_event_set_end (event, &e);
          break;
        case 1:
        case 2:
          chrono_date_from_time ((start + g_test_rand_int_range (0, 100)) * 3600, CHRONO_PRECISION_HOUR, &e);
          chrono_event_set_end (event, &e);
          break;
        default:
          break;
        }

      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

static void
test_query_range_random (void)
{
  guint sizes[] = { 0, 1, 2, 3, 7, 50, 333, 2000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      ChronoTime range = 24 * 365 * 30;   /* thirty years, in hours */
      g_autoptr(ChronoTimeline) timeline = make_random_timeline (sizes[s], range);

      for (guint q = 0; q < 200; q++)
        {
          g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) actual = g_array_new (FALSE, FALSE, sizeof (guint));
          ChronoTime a = (ChronoTime) g_test_rand_int_range (-range / 10, range + range / 10) * 3600;
          ChronoTime length = (ChronoTime) g_test_rand_int_range (0, q % 2 ? 100 : range) * 3600;
          guint count = 0;

          brute_force_query (timeline, a, a + length, expected);
          chrono_timeline_query_range (timeline, a, a + length, actual);

          g_assert_cmpmem (actual->data, actual->len * sizeof (guint),
                           expected->data, expected->len * sizeof (guint));

          for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
            {
              ChronoTime t = chrono_timeline_get_start_times (timeline)[i];

              count += t >= a && t < a + length;
            }
          g_assert_cmpuint (chrono_timeline_count_starts (timeline, a, a + length), ==, count);
        }
    }
}

static void
test_query_range_edges (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  ChronoDate d2012 = date ("2012");
  ChronoDate d2013 = date ("2013");

  add_event (timeline, "a", "2012", NULL, "A");
  add_event (timeline, "b", "2013", NULL, "B");
  add_event (timeline, "long", "-0500", "2100", "Long");
  chrono_timeline_seal (timeline);

  /* End is exclusive: [2013, …) does not touch 2012. */
  chrono_timeline_query_range (timeline, chrono_date_get_start (&d2013), chrono_date_get_end (&d2013), positions);
  g_assert_cmpuint (positions->len, ==, 2);
  g_assert_cmpuint (g_array_index (positions, guint, 0), ==, 0);
  g_assert_cmpstr (chrono_event_get_id (chrono_timeline_get_event (timeline, g_array_index (positions, guint, 1))), ==, "b");

  g_array_set_size (positions, 0);
  chrono_timeline_query_range (timeline, chrono_date_get_start (&d2012), chrono_date_get_start (&d2012), positions);
  g_assert_cmpuint (positions->len, ==, 0);

  g_assert_cmpuint (chrono_timeline_count_starts (timeline, chrono_date_get_start (&d2012), chrono_date_get_end (&d2013)), ==, 2);
  g_assert_cmpuint (chrono_timeline_count_starts (timeline, G_MININT64, G_MAXINT64), ==, 3);
  g_assert_cmpuint (chrono_timeline_count_starts (timeline, 5, 5), ==, 0);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_filter (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#1c71d8", "#99c1f1");
  g_autoptr(ChronoCategory) product = chrono_category_new ("product", "Product", "#26a269", NULL);
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("当我看到AlexNet的成果时", "zh-Hans");
  ChronoEvent *alexnet = add_event (timeline, "alexnet", "2012", NULL, "AlexNet");
  ChronoEvent *launch = add_event (timeline, "launch", "2022-11-30", NULL, "ChatGPT launches");
  g_auto(GStrv) hidden = NULL;
  guint changed = 0;

  chrono_event_set_category (alexnet, research);
  chrono_event_set_category (launch, product);
  chrono_event_set_summary (launch, "A research preview");
  chrono_event_add_note (alexnet, "Krizhevsky, Sutskever and Hinton");
  chrono_event_add_note (alexnet, "Second note");
  chrono_quote_set_translation (quote, "When I saw what ÀlexNet could do", "en");
  chrono_event_add_quote (alexnet, quote);
  chrono_timeline_seal (timeline);

  g_assert_cmpstr (chrono_event_get_notes (alexnet), ==, "Krizhevsky, Sutskever and Hinton\nSecond note");

  g_signal_connect_swapped (filter, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (chrono_event_filter_is_empty (filter));
  g_assert_true (chrono_event_filter_matches (filter, alexnet));
  g_assert_true (chrono_event_filter_matches (filter, launch));

  /* Title, case-insensitively. */
  chrono_event_filter_set_search_text (filter, "alexNET");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (chrono_event_filter_is_empty (filter));
  g_assert_true (chrono_event_filter_matches (filter, alexnet));
  g_assert_false (chrono_event_filter_matches (filter, launch));

  /* Setting the same text again changes nothing. */
  chrono_event_filter_set_search_text (filter, "alexNET");
  g_assert_cmpuint (changed, ==, 1);

  /* Summary. */
  chrono_event_filter_set_search_text (filter, "RESEARCH PREVIEW");
  g_assert_false (chrono_event_filter_matches (filter, alexnet));
  g_assert_true (chrono_event_filter_matches (filter, launch));

  /* Notes, the second one too. */
  chrono_event_filter_set_search_text (filter, "second NOTE");
  g_assert_true (chrono_event_filter_matches (filter, alexnet));
  g_assert_false (chrono_event_filter_matches (filter, launch));

  /* The quote's original wording and its translation (with a decomposed accent). */
  chrono_event_filter_set_search_text (filter, "成果");
  g_assert_true (chrono_event_filter_matches (filter, alexnet));
  g_assert_false (chrono_event_filter_matches (filter, launch));
  chrono_event_filter_set_search_text (filter, "what a\xcc\x80lexnet");
  g_assert_true (chrono_event_filter_matches (filter, alexnet));

  /* Casefolding can turn non-ASCII text into ASCII: the ligature “ﬁ” is “fi”, and
   * the Kelvin sign “K” is “k”. */
  chrono_event_set_summary (launch, "A research preview, the \xef\xac\x81rst of its \xe2\x84\xaaind");
  chrono_event_filter_set_search_text (filter, "first of its kind");
  g_assert_true (chrono_event_filter_matches (filter, launch));
  chrono_event_filter_set_search_text (filter, "FIRST");
  g_assert_true (chrono_event_filter_matches (filter, launch));

  chrono_event_filter_set_search_text (filter, "nothing like this");
  g_assert_false (chrono_event_filter_matches (filter, alexnet));
  g_assert_false (chrono_event_filter_matches (filter, launch));

  /* Blank search text is no search. */
  chrono_event_filter_set_search_text (filter, "   ");
  g_assert_true (chrono_event_filter_is_empty (filter));
  g_assert_true (chrono_event_filter_matches (filter, launch));

  changed = 0;
  chrono_event_filter_set_category_visible (filter, "research", FALSE);
  g_assert_cmpuint (changed, ==, 1);
  chrono_event_filter_set_category_visible (filter, "research", FALSE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (chrono_event_filter_get_category_visible (filter, "research"));
  g_assert_true (chrono_event_filter_get_category_visible (filter, "product"));
  g_assert_false (chrono_event_filter_matches (filter, alexnet));
  g_assert_true (chrono_event_filter_matches (filter, launch));
  g_assert_false (chrono_event_filter_is_empty (filter));

  chrono_event_filter_set_category_visible (filter, "product", FALSE);
  hidden = chrono_event_filter_dup_hidden_categories (filter);
  g_assert_cmpuint (g_strv_length (hidden), ==, 2);
  g_assert_cmpstr (hidden[0], ==, "product");
  g_assert_cmpstr (hidden[1], ==, "research");

  changed = 0;
  chrono_event_filter_set_hidden_categories (filter, (const char * const[]) { "research", "product", NULL });
  g_assert_cmpuint (changed, ==, 0);
  chrono_event_filter_set_hidden_categories (filter, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (chrono_event_filter_is_empty (filter));
  g_assert_true (chrono_event_filter_matches (filter, alexnet));
}

/* An empty id has no bytes to make a key of (the key once shifted by 64 bits, which
 * the sanitizer build reports); it still sorts first and is found. */
static void
test_empty_id (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  ChronoEvent *empty = add_event (timeline, "", "2012", NULL, "No id");
  ChronoEvent *named = add_event (timeline, "a", "2012", NULL, "A");

  chrono_timeline_seal (timeline);

  g_assert_true (chrono_timeline_lookup_event (timeline, "") == empty);
  g_assert_true (chrono_timeline_lookup_event (timeline, "a") == named);
  g_assert_null (chrono_timeline_lookup_event (timeline, "b"));
  g_assert_cmpuint (chrono_timeline_get_position (timeline, empty), ==, 0);
  g_assert_cmpuint (chrono_timeline_get_position (timeline, named), ==, 1);
}

static void
test_category_color (void)
{
  g_autoptr(ChronoCategory) both = chrono_category_new ("research", "Research", "#1c71d8", "#99c1f1");
  g_autoptr(ChronoCategory) light_only = chrono_category_new ("product", "Product", "#26a269", NULL);

  g_assert_cmpstr (chrono_category_get_color_for (both, FALSE), ==, "#1c71d8");
  g_assert_cmpstr (chrono_category_get_color_for (both, TRUE), ==, "#99c1f1");
  /* Without a dark colour, the one colour serves both. */
  g_assert_cmpstr (chrono_category_get_color_for (light_only, FALSE), ==, "#26a269");
  g_assert_cmpstr (chrono_category_get_color_for (light_only, TRUE), ==, "#26a269");
}

/* The seal against a plain comparison sort, on timelines made to tie: few distinct
 * dates, and ids that share their first eight bytes or are prefixes of each other. */
static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  ChronoEvent *ea = *(ChronoEvent **) a;
  ChronoEvent *eb = *(ChronoEvent **) b;
  ChronoTime sa = chrono_event_get_start_time (ea), sb = chrono_event_get_start_time (eb);
  ChronoTime ta = chrono_event_get_end_time (ea), tb = chrono_event_get_end_time (eb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ta != tb)
    return ta < tb ? -1 : 1;

  return strcmp (chrono_event_get_id (ea), chrono_event_get_id (eb));
}

/* The sealed @timeline holds @expected's events in compare_order (), each found by its
 * id, with its end beside it. */
static void
assert_sealed_in_order (ChronoTimeline *timeline,
                        GPtrArray      *expected)
{
  g_ptr_array_sort (expected, compare_order);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      ChronoEvent *event = g_ptr_array_index (expected, i);

      g_assert_true (chrono_timeline_get_event (timeline, i) == event);
      g_assert_true (chrono_timeline_lookup_event (timeline, chrono_event_get_id (event)) == event);
      g_assert_cmpint (chrono_timeline_get_end_times (timeline)[i], ==, chrono_event_get_end_time (event));
    }
}

static void
test_sorting_ties_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1600);
  static const char *stems[] = { "", "e", "event-20", "event-2012-", "event-2012-alexnet-" };

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n = g_rand_int_range (rand, 1, 400);

      for (guint i = 0; i < n; i++)
        {
          char *id = g_strdup_printf ("%s%u", stems[g_rand_int_range (rand, 0, G_N_ELEMENTS (stems))],
                                      g_rand_int_range (rand, 0, 300));
          ChronoDate start = { .year = g_rand_int_range (rand, 2010, 2013), .precision = CHRONO_PRECISION_YEAR };
          g_autoptr(ChronoEvent) event = NULL;

          if (!g_hash_table_add (used, id))
            continue;
          event = chrono_event_new (id, &start, id);
          if (g_rand_boolean (rand))
            {
              ChronoDate end = { .year = start.year + g_rand_int_range (rand, 0, 2), .precision = CHRONO_PRECISION_YEAR };

              chrono_event_set_end (event, &end);
            }
          chrono_timeline_add_event (timeline, event);
          g_ptr_array_add (expected, event);
        }
      chrono_timeline_seal (timeline);
      assert_sealed_in_order (timeline, expected);
    }
}

/* Ties at a size sealed in two parts at once: runs of thousands of events on one date,
 * one of them across the middle, and ids that share their first eight bytes. */
static void
test_sorting_ties_large (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint n = 100000;

  for (guint i = 0; i < n; i++)
    {
      char *id = g_strdup_printf ("event-2012-%u", (guint) g_test_rand_int_range (0, G_MAXINT32));
      ChronoDate start = { .year = g_test_rand_int_range (2010, 2013), .precision = CHRONO_PRECISION_YEAR };
      g_autoptr(ChronoEvent) event = NULL;

      if (!g_hash_table_add (used, id))
        continue;
      event = chrono_event_new (id, &start, id);
      if (g_test_rand_bit ())
        {
          ChronoDate end = { .year = start.year + g_test_rand_int_range (0, 2), .precision = CHRONO_PRECISION_YEAR };

          chrono_event_set_end (event, &end);
        }
      chrono_timeline_add_event (timeline, event);
      g_ptr_array_add (expected, event);
    }
  g_assert_null (chrono_timeline_seal_finding_repeat (timeline));
  assert_sealed_in_order (timeline, expected);
}

/* A timeline big enough to be sealed in two halves at once comes out as one sealed in
 * a single pass would: sorted, every id found, the one id given twice reported, the
 * quotes in the events' order, the span reaching the forecast's date, and range queries
 * (which the tree of latest ends answers) the same as a search of every event. Every
 * event starts at an hour of its own, so that the event in the middle of the sorted
 * order, the root of the tree that the halves build apart, is known: it lasts longest. */
static void
test_seal_in_halves (void)
{
  const guint n = 150001;
  const ChronoTime hours = 24 * 365 * 30;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected_quotes = g_ptr_array_new ();
  ChronoEvent *forecast = NULL;
  ChronoDate predicted;
  ChronoTime first = G_MAXINT64, last = G_MININT64, span_start, span_end;
  GListModel *quotes;

  for (guint i = 0; i < n; i++)
    {
      /* The last event repeats the id of one near the start. */
      g_autofree char *id = i + 1 == n ? g_strdup ("e17") : g_strdup_printf ("e%u", i);
      guint position = (guint) (((guint64) i * 7919) % n);
      ChronoTime start = position;
      ChronoDate s, e;
      g_autoptr(ChronoEvent) event = NULL;

      chrono_date_from_time (start * 3600, CHRONO_PRECISION_HOUR, &s);
      event = chrono_event_new (id, &s, id);
      if (position == n / 2 || g_test_rand_int_range (0, 5) == 0)
        {
          ChronoTime length = position == n / 2 ? 3 * hours : g_test_rand_int_range (0, hours / 4);

          chrono_date_from_time ((start + length) * 3600, CHRONO_PRECISION_HOUR, &e);
          chrono_event_set_end (event, &e);
        }
      chrono_event_set_importance (event, g_test_rand_int_range (0, 6));
      if (i % 997 == 0)
        {
          g_autoptr(ChronoQuote) quote = chrono_quote_new (id, "en");

          chrono_event_add_quote (event, quote);
        }
      if (i == n / 3)
        forecast = event;
      chrono_timeline_add_event (timeline, event);
      g_ptr_array_add (expected, event);
    }
  chrono_date_from_time (6 * hours * 3600, CHRONO_PRECISION_YEAR, &predicted);
  chrono_event_set_forecast (forecast, &predicted, NULL);

  g_assert_cmpstr (chrono_timeline_seal_finding_repeat (timeline), ==, "e17");
  g_ptr_array_sort (expected, compare_order);

  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, n);
  for (guint i = 0; i < n; i++)
    {
      ChronoEvent *event = g_ptr_array_index (expected, i);
      const char *id = chrono_event_get_id (event);

      g_assert_true (chrono_timeline_get_event (timeline, i) == event);
      g_assert_cmpint (chrono_timeline_get_start_times (timeline)[i], ==, chrono_event_get_start_time (event));
      g_assert_cmpint (chrono_timeline_get_end_times (timeline)[i], ==, chrono_event_get_end_time (event));
      if (strcmp (id, "e17") != 0)
        g_assert_true (chrono_timeline_lookup_event (timeline, id) == event);
      if (chrono_event_get_n_quotes (event) > 0)
        g_ptr_array_add (expected_quotes, g_ptr_array_index (chrono_event_get_quotes (event), 0));
      first = MIN (first, chrono_event_get_start_time (event));
      last = MAX (last, chrono_event_get_end_time (event));
    }
  g_assert_nonnull (chrono_timeline_lookup_event (timeline, "e17"));

  quotes = chrono_timeline_get_quotes (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, expected_quotes->len);
  for (guint i = 0; i < expected_quotes->len; i++)
    {
      g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

      g_assert_true (quote == g_ptr_array_index (expected_quotes, i));
    }

  g_assert_true (chrono_timeline_get_span (timeline, &span_start, &span_end));
  g_assert_cmpint (span_start, ==, first);
  g_assert_cmpint (span_end, ==, chrono_event_get_predicted_end_time (forecast));
  g_assert_cmpint (span_end, >, last);

  for (guint q = 0; q < 41; q++)
    {
      g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) actual = g_array_new (FALSE, FALSE, sizeof (guint));
      /* The last one after every event but the one in the middle. */
      ChronoTime a = q == 40 ? 2 * hours * 3600 : (ChronoTime) g_test_rand_int_range (0, hours) * 3600;
      ChronoTime length = (ChronoTime) g_test_rand_int_range (0, q % 2 ? 100 : hours / 10) * 3600;

      brute_force_query (timeline, a, a + length + 3600, wanted);
      chrono_timeline_query_range (timeline, a, a + length + 3600, actual);
      g_assert_cmpmem (actual->data, actual->len * sizeof (guint), wanted->data, wanted->len * sizeof (guint));
      if (q == 40)
        g_assert_cmpuint (actual->len, ==, 1);
    }
}

/* Ids short enough are kept inside the event and the rest on the heap; the fields most
 * events lack live apart from it. Either way an id stays where it is while the event
 * changes, since readers and the timeline's index keep pointers to it. */
static void
test_event_storage (void)
{
  static const char *ids[] = {
    "", "e1", "fifteen-bytes-1", "sixteen-bytes-12", "an id much longer than any inline buffer could hold, on purpose",
  };
  ChronoDate start = date ("2022-11-30");
  ChronoDate later = date ("2030~");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(ChronoEvent) event = chrono_event_new (ids[i], &start, "ChatGPT");
      g_autoptr(ChronoSource) source = chrono_source_new ("s1", "A source");
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      const char *id = chrono_event_get_id (event);
      g_autofree char *property = NULL;

      g_assert_cmpstr (id, ==, ids[i]);
      g_assert_null (chrono_event_get_notes (event));
      g_assert_null (chrono_event_get_date_source (event));
      g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 0);
      g_assert_false (chrono_event_is_forecast (event));

      /* Reading what an event does not have allocates nothing: every such event answers
       * with the one shared empty array, and adding to one event leaves it empty. */
      {
        g_autoptr(ChronoEvent) other = chrono_event_new ("other", &start, "Other");
        g_autoptr(ChronoQuote) quote = chrono_quote_new ("Words.", "en");

        g_assert_true (chrono_event_get_sources (event) == chrono_event_get_sources (other));
        g_assert_true (chrono_event_get_quotes (event) == chrono_event_get_quotes (other));
        chrono_event_add_source (other, source);
        chrono_event_add_quote (other, quote);
        g_assert_cmpuint (chrono_event_get_sources (other)->len, ==, 1);
        g_assert_cmpuint (chrono_event_get_n_quotes (other), ==, 1);
        g_assert_cmpuint (chrono_event_get_sources (event)->len, ==, 0);
        g_assert_cmpuint (chrono_event_get_quotes (event)->len, ==, 0);
      }

      chrono_event_set_title (event, "A title long enough to move things around in memory");
      chrono_event_set_summary (event, "A summary");
      chrono_event_add_note (event, "one");
      chrono_event_add_note (event, "two");
      g_ptr_array_add (sources, source);
      chrono_event_set_sources (event, sources);
      chrono_event_set_date_provenance (event, CHRONO_PROVENANCE_OUTSIDE, source);
      chrono_event_set_forecast (event, &later, NULL);
      chrono_event_set_display_date (event, "Late 2022");

      g_assert_true (chrono_event_get_id (event) == id);
      g_assert_cmpstr (chrono_event_get_id (event), ==, ids[i]);
      g_object_get (event, "id", &property, NULL);
      g_assert_cmpstr (property, ==, ids[i]);
      g_assert_cmpstr (chrono_event_get_notes (event), ==, "one\ntwo");
      g_assert_cmpuint (chrono_event_get_sources (event)->len, ==, 1);
      g_assert_true (chrono_event_get_date_source (event) == source);
      g_assert_true (chrono_event_is_forecast (event));
      g_assert_cmpint (chrono_event_get_predicted_start_time (event), ==, chrono_date_get_start (&later));
      g_assert_cmpstr (chrono_event_get_display_date (event), ==, "Late 2022");

      chrono_event_set_notes (event, NULL);
      chrono_event_set_sources (event, NULL);
      chrono_event_set_date_provenance (event, CHRONO_PROVENANCE_UNSTATED, NULL);
      chrono_event_set_forecast (event, NULL, NULL);
      g_assert_null (chrono_event_get_notes (event));
      g_assert_cmpuint (chrono_event_get_sources (event)->len, ==, 0);
      g_assert_null (chrono_event_get_date_source (event));
      g_assert_false (chrono_event_is_forecast (event));
      g_assert_cmpstr (chrono_event_get_display_date (event), ==, "Late 2022");
      g_assert_true (chrono_event_get_id (event) == id);
    }

  /* Two dates fit in 32 bytes: a million events hold two million. */
  g_assert_cmpuint (sizeof (ChronoDate), ==, 16);
}

static void
record_event_changed_cb (ChronoTimeline *timeline,
                         ChronoEvent    *event,
                         GPtrArray      *seen)
{
  g_ptr_array_add (seen, event);
}

static void
record_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
record_changed_cb (ChronoTimeline *timeline,
                   GPtrArray      *seen)
{
  g_ptr_array_add (seen, timeline);
}

/* Pushes @edit and checks what the timeline said at the end of it: an "event-changed"
 * for each of @expected (NULL-terminated, NULL alone for many), then "changed". */
static void
check_told (ChronoUndoStack *stack,
            ChronoEdit      *edit,
            GPtrArray       *seen,
            gpointer        *expected,
            guint            n_expected)
{
  g_autoptr(ChronoEdit) owned = edit;

  g_ptr_array_set_size (seen, 0);
  chrono_undo_stack_push (stack, edit);
  g_assert_cmpuint (seen->len, ==, n_expected + 1);
  for (guint i = 0; i < n_expected; i++)
    g_assert_true (g_ptr_array_index (seen, i) == expected[i]);
  g_assert_true (g_ptr_array_index (seen, n_expected) == chrono_undo_stack_get_timeline (stack));
}

/* An edit tells which events it changed in place, once each, in their order, at its
 * end; what it moved, added or removed the list of events tells, so not again. */
static void
test_event_changed (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoUndoStack) stack = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(ChronoEditGroup) group = chrono_edit_group_new (NULL);
  g_autoptr(ChronoEditGroup) many = chrono_edit_group_new (NULL);
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("Said", "en");
  ChronoEvent *e3, *e5, *e7, *e9;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  ChronoDate d1950 = date ("1950"), d1905 = date ("1905-06");

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", i);
      g_autofree char *start = g_strdup_printf ("%u", 1900 + i);

      add_event (timeline, id, start, NULL, id);
    }
  chrono_timeline_seal (timeline);
  stack = chrono_undo_stack_new (timeline);
  e3 = chrono_timeline_get_event (timeline, 3);
  e5 = chrono_timeline_get_event (timeline, 5);
  e7 = chrono_timeline_get_event (timeline, 7);
  e9 = chrono_timeline_get_event (timeline, 9);
  g_signal_connect (timeline, "event-changed", G_CALLBACK (record_event_changed_cb), seen);
  g_signal_connect (timeline, "changed", G_CALLBACK (record_changed_cb), seen);

  check_told (stack, CHRONO_EDIT (chrono_edit_properties_new (e5, "title", "Five", NULL)), seen, (gpointer[]) { e5 }, 1);

  /* A date in its place (1905 to 1905-06) is one item of the list changed, and the
   * range index finds it there; one past others moves it. Neither is told again. */
  g_signal_connect (chrono_timeline_get_events (timeline), "items-changed", G_CALLBACK (record_items_changed_cb), changes);
  check_told (stack, CHRONO_EDIT (chrono_edit_span_new (e5, &d1905, NULL)), seen, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 5);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 1);
  g_assert_cmpint (chrono_timeline_get_start_times (timeline)[5], ==, chrono_date_get_start (&d1905));
  chrono_timeline_query_range (timeline, chrono_date_get_start (&d1905), chrono_date_get_start (&d1905) + 1, found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (g_array_index (found, guint, 0), ==, 5);
  check_told (stack, CHRONO_EDIT (chrono_edit_span_new (e5, &d1950, NULL)), seen, NULL, 0);
  g_assert_cmpuint (chrono_timeline_get_position (timeline, e5), ==, 49);

  /* Once each, in their order; not one that the same edit deleted. */
  chrono_edit_group_add (group, CHRONO_EDIT (chrono_edit_properties_new (e7, "title", "Seven", NULL)));
  chrono_edit_group_add (group, CHRONO_EDIT (chrono_edit_properties_new (e3, "importance", 5, NULL)));
  chrono_edit_group_add (group, CHRONO_EDIT (chrono_edit_properties_new (e7, "summary", "Seventh", NULL)));
  chrono_edit_group_add (group, CHRONO_EDIT (chrono_edit_properties_new (e9, "title", "Nine", NULL)));
  chrono_edit_group_add (group, chrono_edit_delete_new (timeline, e9));
  check_told (stack, CHRONO_EDIT (g_object_ref (group)), seen, (gpointer[]) { e3, e7 }, 2);

  /* A quote is its event's. */
  check_told (stack, CHRONO_EDIT (chrono_edit_insert_new (quote, e3, 0)), seen, (gpointer[]) { e3 }, 1);
  check_told (stack, CHRONO_EDIT (chrono_edit_properties_new (quote, "translation", "Spoken", NULL)), seen,
              (gpointer[]) { e3 }, 1);

  /* Many at once are told as NULL. */
  for (guint i = 0; i < 70; i++)
    chrono_edit_group_add (many, CHRONO_EDIT (chrono_edit_properties_new (chrono_timeline_get_event (timeline, i),
                                                                          "title", "Many", NULL)));
  check_told (stack, CHRONO_EDIT (g_object_ref (many)), seen, (gpointer[]) { NULL }, 1);
}

/* Counts in the summary have the locale's thousands separators (the sidebar's count
 * uses the same format). */
static void
test_summary_thousands (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autofree char *summary = NULL;

  for (guint i = 0; i < 1234; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      add_event (timeline, id, "2001", NULL, id);
    }
  chrono_timeline_seal (timeline);

  g_assert_nonnull (setlocale (LC_NUMERIC, "zh_CN.UTF-8"));
  summary = chrono_timeline_dup_summary (timeline);
  setlocale (LC_NUMERIC, "C.UTF-8");
  g_assert_true (g_str_has_prefix (summary, "1,234 events, 0 quotes"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/timeline/sorting", test_sorting);
  g_test_add_func ("/model/timeline/event-changed", test_event_changed);
  g_test_add_func ("/model/timeline/sorting-ties-random", test_sorting_ties_random);
  g_test_add_func ("/model/timeline/sorting-ties-large", test_sorting_ties_large);
  g_test_add_func ("/model/timeline/seal-in-halves", test_seal_in_halves);
  g_test_add_func ("/model/event/storage", test_event_storage);
  g_test_add_func ("/model/timeline/lookups", test_lookups);
  g_test_add_func ("/model/timeline/summary-thousands", test_summary_thousands);
  g_test_add_func ("/model/timeline/empty-id", test_empty_id);
  g_test_add_func ("/model/timeline/quotes", test_quotes);
  g_test_add_func ("/model/timeline/query-range-random", test_query_range_random);
  g_test_add_func ("/model/timeline/query-range-edges", test_query_range_edges);
  g_test_add_func ("/model/timeline/filter", test_filter);
  g_test_add_func ("/model/category/color-for", test_category_color);

  return g_test_run ();
}
