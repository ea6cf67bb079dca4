/* test-provenance.c — when words were said, forecasts, and who says so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/chrono-timeline.h"

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

static void
test_words (void)
{
  const char *words[] = { "reported", "narrated", "inferred", "outside" };
  ChronoProvenance provenance;

  g_assert_null (chrono_provenance_to_string (CHRONO_PROVENANCE_UNSTATED));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_true (chrono_provenance_parse (words[i], &provenance));
      g_assert_cmpint (provenance, ==, CHRONO_PROVENANCE_REPORTED + i);
      g_assert_cmpstr (chrono_provenance_to_string (provenance), ==, words[i]);
    }

  /* Leaving the attribute out says "unstated"; writing it is no word of the format. */
  g_assert_false (chrono_provenance_parse ("unstated", &provenance));
  g_assert_false (chrono_provenance_parse ("Reported", &provenance));
  g_assert_false (chrono_provenance_parse ("", &provenance));
}

static void
test_quote_said (void)
{
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("我认为2025年将是一个非常重要的年份", "zh-Hans");
  ChronoDate said = date ("2024-12~");
  ChronoProvenance provenance;
  g_autoptr(ChronoDate) said_property = NULL;

  g_assert_null (chrono_quote_get_said (quote));
  g_assert_cmpint (chrono_quote_get_provenance (quote), ==, CHRONO_PROVENANCE_UNSTATED);

  chrono_quote_set_said (quote, &said);
  chrono_quote_set_provenance (quote, CHRONO_PROVENANCE_REPORTED);
  g_assert_cmpint (chrono_date_compare (chrono_quote_get_said (quote), &said), ==, 0);
  g_assert_true (chrono_quote_get_said (quote)->flags & CHRONO_DATE_APPROXIMATE);

  g_object_get (quote, "said", &said_property, "provenance", &provenance, NULL);
  g_assert_nonnull (said_property);
  g_assert_cmpint (said_property->year, ==, 2024);
  g_assert_cmpint (said_property->month, ==, 12);
  g_assert_cmpint (provenance, ==, CHRONO_PROVENANCE_REPORTED);

  chrono_quote_set_said (quote, NULL);
  g_assert_null (chrono_quote_get_said (quote));
}

static void
test_event_provenance (void)
{
  ChronoDate start = date ("2024-05-28");
  g_autoptr(ChronoEvent) event = chrono_event_new ("ssc", &start, "Safety and Security Committee");
  g_autoptr(ChronoSource) announcement = chrono_source_new ("announcement", "An announcement");

  g_assert_cmpint (chrono_event_get_provenance (event), ==, CHRONO_PROVENANCE_UNSTATED);
  g_assert_cmpint (chrono_event_get_date_provenance (event), ==, CHRONO_PROVENANCE_UNSTATED);

  /* Unstated, the date comes from where the claim comes from. */
  chrono_event_set_provenance (event, CHRONO_PROVENANCE_NARRATED);
  g_assert_cmpint (chrono_event_get_date_provenance (event), ==, CHRONO_PROVENANCE_NARRATED);
  g_assert_null (chrono_event_get_date_source (event));

  chrono_event_set_date_provenance (event, CHRONO_PROVENANCE_OUTSIDE, announcement);
  g_assert_cmpint (chrono_event_get_provenance (event), ==, CHRONO_PROVENANCE_NARRATED);
  g_assert_cmpint (chrono_event_get_date_provenance (event), ==, CHRONO_PROVENANCE_OUTSIDE);
  g_assert_true (chrono_event_get_date_source (event) == announcement);

  chrono_event_set_date_provenance (event, CHRONO_PROVENANCE_INFERRED, NULL);
  g_assert_cmpint (chrono_event_get_date_provenance (event), ==, CHRONO_PROVENANCE_INFERRED);
  g_assert_null (chrono_event_get_date_source (event));
}

static void
test_forecast (void)
{
  ChronoDate made = date ("2015");
  ChronoDate predicted = date ("2025");
  ChronoDate soon = date ("2025~");
  ChronoDate later = date ("2028~");
  g_autoptr(ChronoEvent) event = chrono_event_new ("agi-by-2025", &made, "AGI by 2025");

  g_assert_false (chrono_event_is_forecast (event));
  g_assert_null (chrono_event_get_predicted_start (event));
  g_assert_null (chrono_event_get_predicted_end (event));
  g_assert_cmpint (chrono_event_get_predicted_start_time (event), ==, 0);

  chrono_event_set_forecast (event, &predicted, NULL);
  g_assert_true (chrono_event_is_forecast (event));
  g_assert_cmpint (chrono_event_get_predicted_start (event)->year, ==, 2025);
  g_assert_null (chrono_event_get_predicted_end (event));
  /* Made on its start: the event stays in 2015 on the axis. */
  g_assert_cmpint (chrono_event_get_start_time (event), ==, chrono_date_get_start (&made));
  g_assert_cmpint (chrono_event_get_end_time (event), ==, chrono_date_get_end (&made));
  g_assert_cmpint (chrono_event_get_predicted_start_time (event), ==, chrono_date_get_start (&predicted));
  g_assert_cmpint (chrono_event_get_predicted_end_time (event), ==, chrono_date_get_end (&predicted));

  chrono_event_set_forecast (event, &soon, &later);
  g_assert_cmpint (chrono_event_get_predicted_end (event)->year, ==, 2028);
  g_assert_cmpint (chrono_event_get_predicted_end_time (event), ==, chrono_date_get_end (&later));

  chrono_event_set_forecast (event, NULL, NULL);
  g_assert_false (chrono_event_is_forecast (event));
  g_assert_cmpint (chrono_event_get_predicted_end_time (event), ==, 0);
}

/* A forecast's arrow reaches the date it predicts, so the timeline's span does too. */
static void
test_span_includes_predictions (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  ChronoDate made = date ("2024-12");
  ChronoDate soon = date ("2025~");
  ChronoDate later = date ("2028~");
  ChronoDate earlier = date ("2012");
  g_autoptr(ChronoEvent) fusion = chrono_event_new ("fusion", &made, "Fusion");
  g_autoptr(ChronoEvent) alexnet = chrono_event_new ("alexnet", &earlier, "AlexNet");
  ChronoTime start, end;

  chrono_event_set_forecast (fusion, &soon, &later);
  chrono_timeline_add_event (timeline, fusion);
  chrono_timeline_add_event (timeline, alexnet);
  chrono_timeline_seal (timeline);

  g_assert_true (chrono_timeline_get_span (timeline, &start, &end));
  g_assert_cmpint (start, ==, chrono_date_get_start (&earlier));
  g_assert_cmpint (end, ==, chrono_date_get_end (&later));
  /* The event itself still ends where it was made. */
  g_assert_cmpint (chrono_timeline_get_end_times (timeline)[1], ==, chrono_date_get_end (&made));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/provenance/words", test_words);
  g_test_add_func ("/model/quote/said", test_quote_said);
  g_test_add_func ("/model/event/provenance", test_event_provenance);
  g_test_add_func ("/model/event/forecast", test_forecast);
  g_test_add_func ("/model/timeline/span-includes-predictions", test_span_includes_predictions);

  return g_test_run ();
}
