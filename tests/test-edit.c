/* test-edit.c — edits to a sealed timeline and the undo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-group.h"
#include "model/chrono-event-index.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"
#include "model/chrono-undo-stack.h"
#include "model-dump.h"

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

static ChronoEvent *
new_event (const char *id,
           const char *start,
           const char *end)
{
  ChronoDate s = date (start);
  ChronoEvent *event = chrono_event_new (id, &s, id);

  if (end != NULL)
    {
      ChronoDate e = date (end);

      chrono_event_set_end (event, &e);
    }

  return event;
}

/* What a list model says it holds, kept up to date from its items-changed alone. */
typedef struct
{
  GListModel *model;
  GPtrArray  *items;
} Mirror;

static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));
  /* The model is whole at every emission. */
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (model));
}

static Mirror *
mirror_new (GListModel *model)
{
  Mirror *mirror = g_new0 (Mirror, 1);

  mirror->model = model;
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);

  return mirror;
}

static void
mirror_free (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_data (mirror->model, mirror);
  g_ptr_array_unref (mirror->items);
  g_free (mirror);
}

static void
mirror_check (Mirror *mirror)
{
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (mirror->model));
  for (guint i = 0; i < mirror->items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (mirror->model, i);

      g_assert_true (item == g_ptr_array_index (mirror->items, i));
    }
}

/* Everything the seal promises, checked the slow way. */
static void
check_invariants (ChronoTimeline *timeline,
                  GRand          *rand)
{
  guint n = chrono_timeline_get_n_events (timeline);
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  const ChronoTime *ends = chrono_timeline_get_end_times (timeline);
  GListModel *quotes = chrono_timeline_get_quotes (timeline);
  guint n_quotes = 0;
  ChronoTime span_start = G_MAXINT64, span_end = G_MININT64, got_start, got_end;

  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_events (timeline)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      g_assert_cmpint (starts[i], ==, chrono_event_get_start_time (event));
      g_assert_cmpint (ends[i], ==, chrono_event_get_end_time (event));
      if (i > 0)
        {
          ChronoEvent *before = chrono_timeline_get_event (timeline, i - 1);

          g_assert_true (starts[i - 1] < starts[i] ||
                         (starts[i - 1] == starts[i] &&
                          (ends[i - 1] < ends[i] ||
                           (ends[i - 1] == ends[i] &&
                            strcmp (chrono_event_get_id (before), chrono_event_get_id (event)) < 0))));
        }
      g_assert_true (chrono_timeline_lookup_event (timeline, chrono_event_get_id (event)) == event);
      g_assert_cmpuint (chrono_timeline_get_position (timeline, event), ==, i);

      for (guint j = 0; j < chrono_event_get_n_quotes (event); j++)
        {
          g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, n_quotes++);

          g_assert_true (quote == g_ptr_array_index (chrono_event_get_quotes (event), j));
          g_assert_true (chrono_quote_get_event (quote) == event);
        }

      span_start = MIN (span_start, starts[i]);
      span_end = MAX (span_end, ends[i]);
      /* The span reaches the dates forecasts predict too. */
      if (chrono_event_is_forecast (event))
        span_end = MAX (span_end, chrono_event_get_predicted_end_time (event));
    }
  g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, n_quotes);

  g_assert_cmpint (chrono_timeline_get_span (timeline, &got_start, &got_end), ==, n > 0);
  if (n > 0)
    {
      g_assert_cmpint (got_start, ==, span_start);
      g_assert_cmpint (got_end, ==, span_end);
    }

  /* Range queries against a scan. */
  for (guint q = 0; q < 20 && n > 0; q++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      ChronoTime a = starts[g_rand_int_range (rand, 0, n)] + g_rand_int_range (rand, -100000000, 100000000);
      ChronoTime b = a + g_rand_int_range (rand, 1, 2000000000);
      guint k = 0, count = 0;

      chrono_timeline_query_range (timeline, a, b, found);
      for (guint i = 0; i < n; i++)
        {
          if (starts[i] < b && ends[i] > a)
            {
              g_assert_cmpuint (k, <, found->len);
              g_assert_cmpuint (g_array_index (found, guint, k), ==, i);
              k++;
            }
          if (starts[i] >= a && starts[i] < b)
            count++;
        }
      g_assert_cmpuint (k, ==, found->len);
      g_assert_cmpuint (chrono_timeline_count_starts (timeline, a, b), ==, count);
    }
}

static void
test_timeline_changes (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(ChronoEvent) late = new_event ("late", "2030", NULL);
  g_autoptr(ChronoEvent) early = new_event ("early", "-0500", "-0400");
  g_autoptr(ChronoQuote) first = chrono_quote_new ("First", "en");
  g_autoptr(ChronoQuote) second = chrono_quote_new ("Second", "en");
  ChronoDate d2025 = date ("2025-06"), d1999 = date ("1999");
  ChronoEvent *middle;
  Mirror *events, *quotes;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *start = g_strdup_printf ("20%02u", 10 + i);
      g_autoptr(ChronoEvent) event = new_event (id, start, NULL);

      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);
  events = mirror_new (chrono_timeline_get_events (timeline));
  quotes = mirror_new (chrono_timeline_get_quotes (timeline));

  chrono_timeline_add_event (timeline, late);
  chrono_timeline_add_event (timeline, early);
  g_assert_cmpuint (chrono_timeline_get_position (timeline, early), ==, 0);
  g_assert_cmpuint (chrono_timeline_get_position (timeline, late), ==, 6);
  check_invariants (timeline, rand);

  middle = chrono_timeline_lookup_event (timeline, "e2");
  chrono_timeline_insert_quote (timeline, middle, 0, second);
  chrono_timeline_insert_quote (timeline, middle, 0, first);
  g_assert_true (g_ptr_array_index (chrono_event_get_quotes (middle), 0) == first);
  check_invariants (timeline, rand);

  /* Moved after "late" and back before everything, quotes and all. */
  chrono_timeline_set_event_span (timeline, middle, &d2025, NULL);
  g_assert_cmpuint (chrono_timeline_get_position (timeline, middle), ==, 5);
  check_invariants (timeline, rand);
  chrono_timeline_set_event_span (timeline, middle, &d1999, &d2025);
  g_assert_cmpuint (chrono_timeline_get_position (timeline, middle), ==, 1);
  g_assert_nonnull (chrono_event_get_end (middle));
  check_invariants (timeline, rand);

  g_assert_cmpuint (chrono_timeline_remove_quote (timeline, first), ==, 0);
  g_assert_null (chrono_quote_get_event (first));
  check_invariants (timeline, rand);

  chrono_timeline_remove_event (timeline, middle);
  g_assert_null (chrono_timeline_lookup_event (timeline, "e2"));
  check_invariants (timeline, rand);

  while (chrono_timeline_get_n_events (timeline) > 0)
    chrono_timeline_remove_event (timeline, chrono_timeline_get_event (timeline, 0));
  check_invariants (timeline, rand);
  g_assert_false (chrono_timeline_get_span (timeline, NULL, NULL));

  mirror_check (events);
  mirror_check (quotes);
  mirror_free (events);
  mirror_free (quotes);
}

static void
test_unused_id (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoEvent) a = new_event ("event-1", "2000", NULL);
  g_autoptr(ChronoEvent) b = new_event ("event-2", "2001", NULL);
  g_autofree char *id = NULL;

  chrono_timeline_add_event (timeline, b);
  chrono_timeline_seal (timeline);
  chrono_timeline_add_event (timeline, a);

  id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_EVENT, "event");
  g_assert_cmpstr (id, ==, "event-3");
  g_clear_pointer (&id, g_free);
  id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_CATEGORY, "category");
  g_assert_cmpstr (id, ==, "category-1");
}

/* ----- Random timelines and random edits ----- */

static const char *texts[] = {
  "AlexNet", "ChatGPT launches", "订阅还是免费？", "“Scaling” & <laws>", "Ünïcödé ✓",
  "a\"quote'd\" text", "2015 dinner", "AGI", "Ilya", "彭博社", "Notes\nsecond line",
};

static const char *
random_text (GRand *rand)
{
  return texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
}

static const char *
random_text_or_null (GRand *rand)
{
  return g_rand_int_range (rand, 0, 4) == 0 ? NULL : random_text (rand);
}

static ChronoDate
random_date (GRand *rand)
{
  ChronoDate d = { 0 };

  d.year = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, -3000, 0)
                                                : g_rand_int_range (rand, 1990, 2030);
  d.precision = g_rand_int_range (rand, CHRONO_PRECISION_YEAR, CHRONO_PRECISION_SECOND + 1);
  d.flags = g_rand_int_range (rand, 0, 4);
  if (d.precision >= CHRONO_PRECISION_MONTH)
    d.month = g_rand_int_range (rand, 1, 13);
  if (d.precision >= CHRONO_PRECISION_DAY)
    d.day = g_rand_int_range (rand, 1, 29);
  if (d.precision >= CHRONO_PRECISION_HOUR)
    d.hour = g_rand_int_range (rand, 0, 24);
  if (d.precision >= CHRONO_PRECISION_MINUTE)
    d.minute = g_rand_int_range (rand, 0, 60);
  if (d.precision >= CHRONO_PRECISION_SECOND)
    d.second = g_rand_int_range (rand, 0, 60);

  return d;
}

static gpointer
random_item (GRand      *rand,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  gpointer item;

  if (n == 0)
    return NULL;

  /* Borrowed: the timeline's lists hold the items. */
  item = g_list_model_get_item (model, g_rand_int_range (rand, 0, n));
  g_object_unref (item);

  return item;
}

static ChronoQuote *
random_quote (GRand          *rand,
              ChronoTimeline *timeline)
{
  ChronoQuote *quote = chrono_quote_new (random_text (rand), g_rand_boolean (rand) ? "zh-Hans" : "en");

  if (g_rand_boolean (rand))
    chrono_quote_set_translation (quote, random_text (rand), "en");
  chrono_quote_set_speaker (quote, random_text_or_null (rand));
  chrono_quote_set_context (quote, random_text_or_null (rand));
  if (g_rand_boolean (rand))
    chrono_quote_set_source (quote, random_item (rand, chrono_timeline_get_sources (timeline)));

  return quote;
}

static ChronoEvent *
random_event (GRand          *rand,
              ChronoTimeline *timeline,
              const char     *id)
{
  ChronoDate start = random_date (rand);
  ChronoEvent *event = chrono_event_new (id, &start, random_text (rand));
  guint n_quotes = g_rand_int_range (rand, 0, 3);

  if (g_rand_boolean (rand))
    {
      ChronoDate end = random_date (rand);

      chrono_event_set_end (event, &end);
    }
  chrono_event_set_summary (event, random_text_or_null (rand));
  chrono_event_set_importance (event, g_rand_int_range (rand, 1, 6));
  if (g_rand_boolean (rand))
    chrono_event_set_category (event, random_item (rand, chrono_timeline_get_categories (timeline)));
  if (g_rand_boolean (rand))
    {
      ChronoSource *source = random_item (rand, chrono_timeline_get_sources (timeline));

      if (source != NULL)
        chrono_event_add_source (event, source);
    }
  for (guint i = 0; i < n_quotes; i++)
    {
      g_autoptr(ChronoQuote) quote = random_quote (rand, timeline);

      chrono_event_add_quote (event, quote);
    }

  return event;
}

static ChronoTimeline *
random_timeline (GRand *rand)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  guint n_events = g_rand_int_range (rand, 0, 40);

  chrono_timeline_set_title (timeline, random_text (rand));
  chrono_timeline_set_language (timeline, "en");
  for (guint i = 0, n = g_rand_int_range (rand, 0, 4); i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("category-%u", i + 1);
      g_autoptr(ChronoCategory) category = chrono_category_new (id, random_text (rand), "#1c71d8",
                                                                g_rand_boolean (rand) ? "#99c1f1" : NULL);

      chrono_timeline_add_category (timeline, category);
    }
  for (guint i = 0, n = g_rand_int_range (rand, 0, 4); i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("source-%u", i + 1);
      g_autoptr(ChronoSource) source = chrono_source_new (id, random_text (rand));

      chrono_source_set_author (source, random_text_or_null (rand));
      chrono_timeline_add_source (timeline, source);
    }
  for (guint i = 0, n = g_rand_int_range (rand, 0, 3); i < n; i++)
    {
      ChronoDate start = random_date (rand), end = random_date (rand);
      g_autoptr(ChronoEra) era = chrono_era_new (random_text (rand), &start, &end);

      chrono_timeline_add_era (timeline, era);
    }
  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("event-%u", i + 1);
      g_autoptr(ChronoEvent) event = random_event (rand, timeline, id);

      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

static ChronoQuote *
random_quote_of (GRand          *rand,
                 ChronoTimeline *timeline)
{
  return random_item (rand, chrono_timeline_get_quotes (timeline));
}

/* One random edit that makes sense for the timeline as it is, or NULL. */
static ChronoEdit *
random_edit (GRand          *rand,
             ChronoTimeline *timeline)
{
  ChronoEvent *event = random_item (rand, chrono_timeline_get_events (timeline));
  ChronoQuote *quote = random_quote_of (rand, timeline);
  ChronoCategory *category = random_item (rand, chrono_timeline_get_categories (timeline));
  ChronoSource *source = random_item (rand, chrono_timeline_get_sources (timeline));
  ChronoEra *era = random_item (rand, chrono_timeline_get_eras (timeline));

  switch (g_rand_int_range (rand, 0, 25))
    {
    case 0:
      return event == NULL ? NULL :
        CHRONO_EDIT (chrono_edit_properties_new (event, "title", random_text (rand),
                                                 "summary", random_text_or_null (rand), NULL));
    case 1:
      return event == NULL ? NULL :
        CHRONO_EDIT (chrono_edit_properties_new (event, "notes", random_text_or_null (rand),
                                                 "importance", (guint) g_rand_int_range (rand, 1, 6), NULL));
    case 2:
      return event == NULL ? NULL :
        CHRONO_EDIT (chrono_edit_properties_new (event, "category", g_rand_boolean (rand) ? category : NULL, NULL));
    case 3:
      {
        g_autoptr(GPtrArray) sources = g_ptr_array_new ();

        if (event == NULL)
          return NULL;
        if (source != NULL)
          g_ptr_array_add (sources, source);
        return CHRONO_EDIT (chrono_edit_properties_new (event, "sources", sources, NULL));
      }
    case 4:
    case 5:
      {
        ChronoDate start = random_date (rand), end = random_date (rand);

        return event == NULL ? NULL :
          CHRONO_EDIT (chrono_edit_span_new (event, &start, g_rand_boolean (rand) ? &end : NULL));
      }
    case 6:
      {
        g_autofree char *id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_EVENT, "event");
        g_autoptr(ChronoEvent) created = random_event (rand, timeline, id);

        return CHRONO_EDIT (chrono_edit_insert_new (created, NULL, 0));
      }
    case 7:
      return event == NULL ? NULL : chrono_edit_delete_new (timeline, event);
    case 8:
      {
        g_autoptr(ChronoQuote) created = NULL;

        if (event == NULL)
          return NULL;
        created = random_quote (rand, timeline);
        return CHRONO_EDIT (chrono_edit_insert_new (created, event,
                                                    g_rand_int_range (rand, 0, chrono_event_get_n_quotes (event) + 1)));
      }
    case 9:
      return quote == NULL ? NULL :
        CHRONO_EDIT (chrono_edit_properties_new (quote, "original-text", random_text (rand),
                                                 "translation", random_text_or_null (rand),
                                                 "translation-language", "en",
                                                 "speaker", random_text_or_null (rand),
                                                 "context", random_text_or_null (rand),
                                                 "source", source, NULL));
    case 10:
      return quote == NULL ? NULL : chrono_edit_delete_new (timeline, quote);
    case 11:
      return quote == NULL ? NULL :
        chrono_edit_move_quote_new (quote, g_rand_int_range (rand, 0, chrono_event_get_n_quotes (chrono_quote_get_event (quote))));
    case 12:
      {
        g_autofree char *id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_CATEGORY, "category");
        g_autoptr(ChronoCategory) created = chrono_category_new (id, random_text (rand), "#2ec27e", NULL);

        return CHRONO_EDIT (chrono_edit_insert_new (created, NULL, g_rand_int_range (rand, 0, 5)));
      }
    case 13:
      return category == NULL ? NULL :
        CHRONO_EDIT (chrono_edit_properties_new (category, "name", random_text (rand), "color", "#e01b24",
                                                 "dark-color", g_rand_boolean (rand) ? "#f66151" : NULL, NULL));
    case 14:
      return category == NULL ? NULL : chrono_edit_delete_new (timeline, category);
    case 15:
      {
        g_autofree char *id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_SOURCE, "source");
        g_autoptr(ChronoSource) created = chrono_source_new (id, random_text (rand));

        return CHRONO_EDIT (chrono_edit_insert_new (created, NULL, G_MAXUINT));
      }
    case 16:
      {
        ChronoDate d = random_date (rand);

        return source == NULL ? NULL :
          CHRONO_EDIT (chrono_edit_properties_new (source, "title", random_text (rand),
                                                   "author", random_text_or_null (rand),
                                                   "publisher", random_text_or_null (rand),
                                                   "url", g_rand_boolean (rand) ? "https://example.org/?a&b" : NULL,
                                                   "date", g_rand_boolean (rand) ? &d : NULL, NULL));
      }
    case 17:
      return source == NULL ? NULL : chrono_edit_delete_new (timeline, source);
    case 18:
      {
        ChronoDate start = random_date (rand), end = random_date (rand);
        g_autoptr(ChronoEra) created = chrono_era_new (random_text (rand), &start, &end);

        return CHRONO_EDIT (chrono_edit_insert_new (created, NULL, 0));
      }
    case 19:
      {
        ChronoDate start = random_date (rand), end = random_date (rand);

        return era == NULL ? NULL :
          CHRONO_EDIT (chrono_edit_properties_new (era, "name", random_text (rand),
                                                   "start", &start, "end", &end, NULL));
      }
    case 20:
      return era == NULL ? NULL : chrono_edit_delete_new (timeline, era);
    case 21:
      return CHRONO_EDIT (chrono_edit_properties_new (timeline, "title", random_text (rand),
                                                      "description", random_text_or_null (rand), NULL));
    case 22:
      return event == NULL ? NULL :
        CHRONO_EDIT (chrono_edit_properties_new (event,
                                                 "provenance", g_rand_int_range (rand, 0, CHRONO_PROVENANCE_OUTSIDE + 1),
                                                 "date-provenance", g_rand_int_range (rand, 0, CHRONO_PROVENANCE_OUTSIDE + 1),
                                                 "date-source", g_rand_boolean (rand) ? source : NULL, NULL));
    case 23:
      {
        ChronoDate start = random_date (rand), end = random_date (rand);
        gboolean forecast = g_rand_boolean (rand);

        return event == NULL ? NULL :
          CHRONO_EDIT (chrono_edit_properties_new (event, "predicted-start", forecast ? &start : NULL,
                                                   "predicted-end", forecast && g_rand_boolean (rand) ? &end : NULL,
                                                   NULL));
      }
    case 24:
      {
        ChronoDate said = random_date (rand);

        return quote == NULL ? NULL :
          CHRONO_EDIT (chrono_edit_properties_new (quote, "said", g_rand_boolean (rand) ? &said : NULL,
                                                   "provenance", g_rand_int_range (rand, 0, CHRONO_PROVENANCE_OUTSIDE + 1),
                                                   NULL));
      }
    default:
      g_assert_not_reached ();
    }
}

static GBytes *
write_bytes (ChronoTimeline *timeline)
{
  return chrono_timeline_write_native (timeline);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* The plain arrays the views read (ranks) follow every edit, and so does an index made
 * before the edits: its most important event of random ranges is the one a scan finds. */
static void
check_ranks (ChronoTimeline   *timeline,
             ChronoEventIndex *index,
             GRand            *rand)
{
  guint n = chrono_timeline_get_n_events (timeline);
  const guint32 *ranks = chrono_timeline_get_ranks (timeline);

  g_assert_cmpuint (chrono_event_index_get_size (index), ==, n);
  for (guint i = 0; i < n; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);

      g_assert_cmpuint (ranks[i] >> 24, ==, chrono_event_get_importance (event));
      g_assert_cmpuint (ranks[i] & 0xffffff, ==, g_str_hash (chrono_event_get_id (event)) & 0xffffff);
      g_assert_true (chrono_event_index_get_event (index, i) == event);
    }

  for (guint k = 0; k < 10 && n > 0; k++)
    {
      guint first = g_rand_int_range (rand, 0, n);
      guint last = g_rand_int_range (rand, first, n + 1);
      guint best = G_MAXUINT;

      for (guint i = first; i < last; i++)
        if (best == G_MAXUINT || ranks[i] > ranks[best])
          best = i;
      g_assert_cmpuint (chrono_event_index_find_most_important (index, first, last), ==, best);
    }
}

/* Undo all → the original, byte for byte; redo all → the edited one. Some steps are
 * groups (one user action made of several edits), built the way the UI builds them. */
static void
test_undo_redo_random (void)
{
  for (guint seed = 1; seed <= 150; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(ChronoTimeline) timeline = random_timeline (rand);
      g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
      g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
      g_autoptr(GBytes) original = write_bytes (timeline);
      g_autoptr(GBytes) edited = NULL;
      g_autoptr(GBytes) undone = NULL;
      g_autoptr(GBytes) redone = NULL;
      g_autofree char *redone_dump = NULL;
      g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
      Mirror *events = mirror_new (chrono_timeline_get_events (timeline));
      Mirror *quotes = mirror_new (chrono_timeline_get_quotes (timeline));
      guint n_steps = g_rand_int_range (rand, 1, 60);

      g_test_message ("seed %u: %u events, %u steps", seed, chrono_timeline_get_n_events (timeline), n_steps);

      g_ptr_array_add (steps, g_bytes_ref (original));
      g_ptr_array_add (dumps, model_dump (timeline));
      for (guint i = 0; i < n_steps; i++)
        {
          g_autoptr(ChronoEdit) edit = NULL;

          if (g_rand_int_range (rand, 0, 5) == 0)
            {
              g_autoptr(ChronoEditGroup) group = chrono_edit_group_new ("Several");
              g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func (g_object_unref);
              g_autoptr(GBytes) reverted = NULL;

              /* Each part is made against the timeline its predecessors left. */
              for (guint j = 0, n = g_rand_int_range (rand, 2, 5); j < n; j++)
                {
                  ChronoEdit *part = random_edit (rand, timeline);

                  if (part == NULL)
                    continue;
                  chrono_edit_apply (part, timeline);
                  g_ptr_array_add (applied, part);
                }
              for (guint j = applied->len; j > 0; j--)
                chrono_edit_revert (g_ptr_array_index (applied, j - 1), timeline);
              reverted = write_bytes (timeline);
              assert_bytes_equal (g_ptr_array_index (steps, steps->len - 1), reverted);
              for (guint j = 0; j < applied->len; j++)
                chrono_edit_group_add (group, g_ptr_array_index (applied, j));
              edit = CHRONO_EDIT (g_steal_pointer (&group));
            }
          else
            edit = random_edit (rand, timeline);

          if (edit == NULL)
            continue;

          chrono_undo_stack_push (stack, edit);
          check_invariants (timeline, rand);
          check_ranks (timeline, index, rand);
          g_ptr_array_add (steps, write_bytes (timeline));
          g_ptr_array_add (dumps, model_dump (timeline));
        }
      edited = write_bytes (timeline);

      /* Back one step at a time, each state as it was. */
      for (guint i = steps->len - 1; i > 0; i--)
        {
          g_autoptr(GBytes) now = NULL;
          g_autofree char *now_dump = NULL;

          g_assert_true (chrono_undo_stack_get_can_undo (stack));
          g_assert_true (chrono_undo_stack_undo (stack));
          check_invariants (timeline, rand);
          check_ranks (timeline, index, rand);
          now = write_bytes (timeline);
          assert_bytes_equal (g_ptr_array_index (steps, i - 1), now);
          now_dump = model_dump (timeline);
          g_assert_cmpstr (now_dump, ==, g_ptr_array_index (dumps, i - 1));
        }
      g_assert_false (chrono_undo_stack_undo (stack));
      g_assert_false (chrono_undo_stack_get_modified (stack));
      undone = write_bytes (timeline);
      assert_bytes_equal (original, undone);

      while (chrono_undo_stack_redo (stack))
        ;
      check_invariants (timeline, rand);
      redone = write_bytes (timeline);
      assert_bytes_equal (edited, redone);
      redone_dump = model_dump (timeline);
      g_assert_cmpstr (redone_dump, ==, g_ptr_array_index (dumps, dumps->len - 1));
      g_assert_cmpint (chrono_undo_stack_get_modified (stack), ==, steps->len > 1);

      mirror_check (events);
      mirror_check (quotes);
      mirror_free (events);
      mirror_free (quotes);
    }
}

static void
count_cb (gpointer  object,
          GParamSpec *pspec,
          guint    *count)
{
  (*count)++;
}

static void
changed_cb (ChronoTimeline *timeline,
            guint          *count)
{
  (*count)++;
}

static void
test_undo_stack_state (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoEvent) event = new_event ("e", "2022-11-30", NULL);
  g_autoptr(ChronoUndoStack) stack = NULL;
  g_autoptr(ChronoEditProperties) rename = NULL;
  g_autoptr(ChronoEditProperties) retitle = NULL;
  guint modified_notes = 0, changes = 0;

  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);
  stack = chrono_undo_stack_new (timeline);
  g_signal_connect (stack, "notify::modified", G_CALLBACK (count_cb), &modified_notes);
  g_signal_connect (timeline, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_false (chrono_undo_stack_get_can_undo (stack));
  g_assert_false (chrono_undo_stack_get_can_redo (stack));
  g_assert_false (chrono_undo_stack_get_modified (stack));

  rename = chrono_edit_properties_new (event, "title", "ChatGPT", NULL);
  g_assert_false (chrono_edit_properties_is_noop (rename));
  chrono_undo_stack_push (stack, CHRONO_EDIT (rename));
  g_assert_true (chrono_edit_properties_is_noop (rename));
  g_assert_cmpstr (chrono_event_get_title (event), ==, "ChatGPT");
  g_assert_true (chrono_undo_stack_get_can_undo (stack));
  g_assert_true (chrono_undo_stack_get_modified (stack));
  g_assert_true (chrono_undo_stack_peek_undo (stack) == CHRONO_EDIT (rename));
  g_assert_cmpuint (modified_notes, ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* Saved here: undo makes it modified, redo comes back to the saved state. */
  chrono_undo_stack_set_unmodified (stack);
  g_assert_false (chrono_undo_stack_get_modified (stack));
  g_assert_true (chrono_undo_stack_undo (stack));
  g_assert_cmpstr (chrono_event_get_title (event), ==, "e");
  g_assert_true (chrono_undo_stack_get_modified (stack));
  g_assert_true (chrono_undo_stack_get_can_redo (stack));
  g_assert_true (chrono_undo_stack_redo (stack));
  g_assert_false (chrono_undo_stack_get_modified (stack));
  g_assert_cmpuint (changes, ==, 3);

  /* A new edit after an undo drops what could be redone, and with it the saved state. */
  g_assert_true (chrono_undo_stack_undo (stack));
  retitle = chrono_edit_properties_new (event, "title", "Launch", NULL);
  chrono_undo_stack_push (stack, CHRONO_EDIT (retitle));
  g_assert_false (chrono_undo_stack_get_can_redo (stack));
  g_assert_true (chrono_undo_stack_get_modified (stack));
  g_assert_true (chrono_undo_stack_undo (stack));
  g_assert_true (chrono_undo_stack_get_modified (stack));
  g_assert_false (chrono_undo_stack_get_can_undo (stack));
}

static void
test_delete_references (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "Research", "#1c71d8", NULL);
  g_autoptr(ChronoSource) source = chrono_source_new ("s", "Article");
  g_autoptr(ChronoSource) other = chrono_source_new ("t", "Interview");
  g_autoptr(ChronoEvent) event = new_event ("e", "2015", NULL);
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("Words", "en");
  g_autoptr(ChronoUndoStack) stack = NULL;
  g_autoptr(ChronoEdit) delete_category = NULL;
  g_autoptr(ChronoEdit) delete_source = NULL;
  g_autoptr(GBytes) before = NULL;
  GPtrArray *sources;

  chrono_timeline_add_category (timeline, category);
  chrono_timeline_add_source (timeline, source);
  chrono_timeline_add_source (timeline, other);
  chrono_event_set_category (event, category);
  chrono_event_add_source (event, source);
  chrono_event_add_source (event, other);
  chrono_quote_set_source (quote, source);
  chrono_event_add_quote (event, quote);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);
  stack = chrono_undo_stack_new (timeline);
  before = write_bytes (timeline);

  delete_category = chrono_edit_delete_new (timeline, category);
  chrono_undo_stack_push (stack, delete_category);
  g_assert_null (chrono_event_get_category (event));
  g_assert_null (chrono_timeline_lookup_category (timeline, "c"));

  delete_source = chrono_edit_delete_new (timeline, source);
  chrono_undo_stack_push (stack, delete_source);
  sources = chrono_event_get_sources (event);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_true (g_ptr_array_index (sources, 0) == other);
  g_assert_null (chrono_quote_get_source (quote));
  g_assert_null (chrono_timeline_lookup_source (timeline, "s"));

  chrono_undo_stack_undo (stack);
  chrono_undo_stack_undo (stack);
  g_assert_true (chrono_event_get_category (event) == category);
  g_assert_true (chrono_quote_get_source (quote) == source);
  g_assert_true (chrono_timeline_lookup_source (timeline, "s") == source);
  g_assert_true (chrono_timeline_lookup_category (timeline, "c") == category);
  assert_bytes_equal (before, write_bytes (timeline));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/edit/timeline-changes", test_timeline_changes);
  g_test_add_func ("/model/edit/unused-id", test_unused_id);
  g_test_add_func ("/model/edit/undo-redo-random", test_undo_redo_random);
  g_test_add_func ("/model/edit/undo-stack-state", test_undo_stack_state);
  g_test_add_func ("/model/edit/delete-references", test_delete_references);

  return g_test_run ();
}
