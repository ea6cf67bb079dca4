/* test-event-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "model/chrono-edit-group.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"
#include "model/chrono-event-index.h"
#include "model/chrono-undo-stack.h"

#define N_ROUNDS 40

/* A timeline of @n events in a few categories, with many ties in start time, random
 * importance and titles that the search can pick out. */
static ChronoTimeline *
random_timeline (GRand *rand,
                 guint  n)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  const char *category_ids[] = { "red", "green", "blue" };
  ChronoCategory *categories[3];

  for (guint c = 0; c < G_N_ELEMENTS (category_ids); c++)
    {
      categories[c] = chrono_category_new (category_ids[c], category_ids[c], "#3584e4", NULL);
      chrono_timeline_add_category (timeline, categories[c]);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("%s %u", g_rand_boolean (rand) ? "alpha" : "beta", i);
      ChronoDate start;
      g_autoptr(ChronoEvent) event = NULL;

      /* Few distinct days, so that ties are common. */
      chrono_date_from_time ((ChronoTime) g_rand_int_range (rand, 0, MAX (n / 3, 2)) * 86400,
                             CHRONO_PRECISION_DAY, &start);
      event = chrono_event_new (id, &start, title);
      chrono_event_set_importance (event, g_rand_int_range (rand, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX + 1));
      chrono_event_set_category (event, categories[g_rand_int_range (rand, 0, 3)]);
      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);
  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    g_object_unref (categories[c]);

  return timeline;
}

static void
random_filter (GRand             *rand,
               ChronoEventFilter *filter)
{
  const char *searches[] = { NULL, "alpha", "beta", "1", "nothing matches this" };

  chrono_event_filter_set_search_text (filter, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
  chrono_event_filter_set_category_visible (filter, "red", g_rand_boolean (rand));
  chrono_event_filter_set_category_visible (filter, "green", g_rand_int_range (rand, 0, 4) != 0);
  chrono_event_filter_set_category_visible (filter, "blue", TRUE);
}

/* The filtered positions, the slow and obvious way. */
static GArray *
brute_force (ChronoTimeline    *timeline,
             ChronoEventFilter *filter)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    if (filter == NULL || chrono_event_filter_matches (filter, chrono_timeline_get_event (timeline, i)))
      g_array_append_val (positions, i);

  return positions;
}

static void
check_against_brute_force (ChronoEventIndex *index,
                           GRand            *rand)
{
  ChronoTimeline *timeline = chrono_event_index_get_timeline (index);
  g_autoptr(GArray) expected = brute_force (timeline, chrono_event_index_get_filter (index));
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  guint n = expected->len;
  ChronoTime last_start = n > 0 ? starts[g_array_index (expected, guint, n - 1)] : 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (index)), ==, n);
  g_assert_cmpuint (chrono_event_index_get_size (index), ==, n);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (index), n));

  for (guint i = 0; i < n; i++)
    {
      guint position = g_array_index (expected, guint, i);
      g_autoptr(ChronoEvent) item = g_list_model_get_item (G_LIST_MODEL (index), i);

      g_assert_true (item == chrono_timeline_get_event (timeline, position));
      g_assert_true (chrono_event_index_get_event (index, i) == item);
      g_assert_cmpuint (chrono_event_index_get_position (index, i), ==, position);
      g_assert_cmpint (chrono_event_index_get_start_time (index, i), ==, starts[position]);
      g_assert_cmpuint (chrono_event_index_find (index, item), ==, i);
      g_assert_cmpuint (chrono_event_index_find_position (index, position), ==, i);
      g_assert_true (chrono_event_index_contains_position (index, position));
    }

  /* Events that did not pass are not found. */
  for (guint position = 0, j = 0; position < chrono_timeline_get_n_events (timeline); position++)
    {
      if (j < n && g_array_index (expected, guint, j) == position)
        {
          j++;
          continue;
        }
      g_assert_false (chrono_event_index_contains_position (index, position));
      g_assert_cmpuint (chrono_event_index_find_position (index, position), ==, G_MAXUINT);
      g_assert_cmpuint (chrono_event_index_find (index, chrono_timeline_get_event (timeline, position)), ==, G_MAXUINT);
    }

  /* Lower bounds, spans and the most important event of random spans. */
  for (guint k = 0; k < 50; k++)
    {
      ChronoTime a = g_rand_int_range (rand, -2, (gint32) (last_start / 86400) + 3) * 86400 + g_rand_int_range (rand, -1, 2);
      ChronoTime b = a + g_rand_int_range (rand, 0, 10) * 86400;
      guint lower = 0, first, last, best = G_MAXUINT;

      while (lower < n && starts[g_array_index (expected, guint, lower)] < a)
        lower++;
      g_assert_cmpuint (chrono_event_index_lower_bound (index, a), ==, lower);
      /* Galloping from any event before the bound finds the same one. */
      for (guint from = lower > 40 ? lower - 40 : 0; from <= lower; from += 1 + from / 7)
        g_assert_cmpuint (chrono_event_index_lower_bound_from (index, from, a), ==, lower);
      g_assert_cmpuint (chrono_event_index_lower_bound_from (index, 0, a), ==, lower);
      /* So does searching around any guess, before the bound, after it or beyond the end. */
      for (guint guess = lower > 40 ? lower - 40 : 0; guess <= lower + 40; guess += 1 + guess / 9)
        {
          g_assert_cmpuint (chrono_event_index_lower_bound_near (index, 0, guess, a), ==, lower);
          if (lower > 3)
            g_assert_cmpuint (chrono_event_index_lower_bound_near (index, lower - 3, guess, a), ==, lower);
        }
      g_assert_cmpuint (chrono_event_index_lower_bound_near (index, 0, G_MAXUINT, a), ==, lower);

      chrono_event_index_get_span (index, a, b, &first, &last);
      g_assert_cmpuint (first, ==, lower);
      for (guint i = first; i < last; i++)
        {
          ChronoTime start = starts[g_array_index (expected, guint, i)];

          g_assert_cmpint (start, >=, a);
          g_assert_cmpint (start, <, b);
        }
      g_assert_true (last == n || starts[g_array_index (expected, guint, last)] >= b);

      for (guint i = first; i < last; i++)
        {
          ChronoEvent *event = chrono_timeline_get_event (timeline, g_array_index (expected, guint, i));
          ChronoEvent *best_event = best == G_MAXUINT ? NULL
                                    : chrono_timeline_get_event (timeline, g_array_index (expected, guint, best));

          if (best == G_MAXUINT ||
              chrono_event_get_importance (event) > chrono_event_get_importance (best_event) ||
              (chrono_event_get_importance (event) == chrono_event_get_importance (best_event) &&
               (g_str_hash (chrono_event_get_id (event)) & 0xffffff) >
               (g_str_hash (chrono_event_get_id (best_event)) & 0xffffff)))
            best = i;
        }
      g_assert_cmpuint (chrono_event_index_find_most_important (index, first, last), ==, best);
    }

  /* The density strip's columns add up to the events in their span, each holds the
   * events starting in it, and a column counts the same whichever column comes first. */
  if (n > 0)
    {
      double origin = g_rand_double_range (rand, -86400 * 3, 86400 * 3);
      double column = g_rand_double_range (rand, 600, 86400 * 2);
      double first_column = floor (((double) starts[g_array_index (expected, guint, 0)] - origin) / column) - 1;
      guint n_columns = (guint) ceil (((double) last_start - origin) / column - first_column) + 1;
      guint skipped = g_rand_int_range (rand, 0, n_columns);
      g_autofree guint *counts = g_new (guint, n_columns);
      g_autofree guint *later = g_new (guint, n_columns - skipped);
      guint total = 0, first, last;

      chrono_event_index_count_columns (index, origin, column, first_column, n_columns, counts);
      chrono_event_index_count_columns (index, origin, column, first_column + skipped, n_columns - skipped, later);
      for (guint c = 0; c < n_columns; c++)
        {
          ChronoTime column_start = (ChronoTime) ceil (origin + (first_column + c) * column);
          ChronoTime column_end = (ChronoTime) ceil (origin + (first_column + c + 1) * column);
          guint expected_count = 0;

          for (guint i = 0; i < n; i++)
            {
              ChronoTime start = starts[g_array_index (expected, guint, i)];

              if (start >= column_start && start < column_end)
                expected_count++;
            }
          g_assert_cmpuint (counts[c], ==, expected_count);
          if (c >= skipped)
            g_assert_cmpuint (later[c - skipped], ==, expected_count);
          total += counts[c];
        }
      chrono_event_index_get_span (index, (ChronoTime) ceil (origin + first_column * column),
                                   (ChronoTime) ceil (origin + (first_column + n_columns) * column), &first, &last);
      g_assert_cmpuint (total, ==, last - first);
      g_assert_cmpuint (total, ==, n);
    }
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_signals++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250105);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(ChronoTimeline) timeline = random_timeline (rand, g_rand_int_range (rand, 0, 400));
      g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
      g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
      ItemsChanged record = { 0 };

      check_against_brute_force (index, rand);

      g_signal_connect (index, "items-changed", G_CALLBACK (items_changed_cb), &record);
      for (guint k = 0; k < 4; k++)
        {
          guint before = chrono_event_index_get_size (index);
          g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; i < before; i++)
            {
              guint position = chrono_event_index_get_position (index, i);
              g_array_append_val (old, position);
            }

          record.n_signals = 0;
          g_object_freeze_notify (G_OBJECT (filter));
          if (k == 0)
            chrono_event_index_set_filter (index, filter);
          else
            random_filter (rand, filter);
          g_object_thaw_notify (G_OBJECT (filter));

          check_against_brute_force (index, rand);

          /* At most one signal per change of the filter, and it describes the change:
           * what is outside the reported run is unchanged. */
          if (k == 0)
            {
              g_assert_cmpuint (record.n_signals, ==, 0);
              continue;
            }
          g_assert_cmpuint (record.n_signals, <=, 3);
          if (record.n_signals == 1)
            {
              g_assert_cmpuint (before - record.removed + record.added, ==, chrono_event_index_get_size (index));
              for (guint i = 0; i < record.position; i++)
                g_assert_cmpuint (chrono_event_index_get_position (index, i), ==, g_array_index (old, guint, i));
            }
        }
    }
}

/* One change of the filter is one "items-changed", and a change that lets the same
 * events through is none. */
static void
test_one_signal_per_change (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(ChronoTimeline) timeline = random_timeline (rand, 300);
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, filter);
  ItemsChanged record = { 0 };
  guint all = chrono_timeline_get_n_events (timeline);

  guint64 revision = chrono_event_index_get_revision (index);

  g_signal_connect (index, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_assert_cmpuint (chrono_event_index_get_size (index), ==, all);

  chrono_event_filter_set_category_visible (filter, "red", FALSE);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (chrono_event_index_get_revision (index), !=, revision);
  g_assert_cmpuint (record.removed - record.added, ==, all - chrono_event_index_get_size (index));
  g_assert_cmpuint (chrono_event_index_get_size (index), <, all);

  chrono_event_filter_set_search_text (filter, "beta");
  g_assert_cmpuint (record.n_signals, ==, 2);

  /* The same hidden categories again: no change, no signal. */
  chrono_event_filter_set_category_visible (filter, "red", FALSE);
  g_assert_cmpuint (record.n_signals, ==, 2);

  chrono_event_filter_set_search_text (filter, NULL);
  chrono_event_filter_set_category_visible (filter, "red", TRUE);
  g_assert_cmpuint (record.n_signals, ==, 4);
  g_assert_cmpuint (chrono_event_index_get_size (index), ==, all);

  /* A new timeline replaces everything at once. */
  chrono_event_index_set_timeline (index, NULL);
  g_assert_cmpuint (record.n_signals, ==, 5);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, all);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (index)), ==, 0);
  g_assert_cmpuint (chrono_event_index_lower_bound (index, 0), ==, 0);
  g_assert_cmpuint (chrono_event_index_find_most_important (index, 0, 10), ==, G_MAXUINT);
}

static void
pending_cb (ChronoEventIndex *index,
            GParamSpec       *pspec,
            guint            *n_notifies)
{
  (*n_notifies)++;
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  guint change[4] = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_vals (changes, change, 4);
}

/* Another timeline empties the list in one change and fills it in another, so that no
 * change both removes rows a list view tracks and adds a million it would search them
 * among; the list says how many items it has at each. */
static void
test_new_timeline_two_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(ChronoTimeline) first = random_timeline (rand, 200);
  g_autoptr(ChronoTimeline) second = random_timeline (rand, 250);
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (first, filter);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_first = chrono_timeline_get_n_events (first);
  guint n_second = chrono_timeline_get_n_events (second);

  g_signal_connect (index, "items-changed", G_CALLBACK (record_change_cb), changes);
  chrono_event_index_set_timeline (index, second);

  g_assert_cmpuint (changes->len, ==, 8);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, n_first);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 6), ==, n_second);
  g_assert_cmpuint (g_array_index (changes, guint, 7), ==, n_second);
  check_against_brute_force (index, rand);
}

/* Over many events a filter runs in chunks on idle: the list stays what it was until the
 * run is done, then changes once to what filtering at once gives; a change made while a
 * run is under way drops it, so only the newest filter's list is ever shown. */
static void
test_chunked (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(ChronoTimeline) timeline = random_timeline (rand, 40000);
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventFilter) sync_filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, filter);
  ItemsChanged record = { 0 };
  guint n_notifies = 0, n_iterations = 0;
  guint all = chrono_timeline_get_n_events (timeline);

  g_assert_false (chrono_event_index_get_pending (index));
  g_signal_connect (index, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect (index, "notify::pending", G_CALLBACK (pending_cb), &n_notifies);

  /* A run, then a newer filter before it could finish: the first never shows. Not after
   * one chunk of it: a chunk is 4 ms, in which a fast machine filters all 40,000. */
  chrono_event_filter_set_category_visible (filter, "red", FALSE);
  g_assert_true (chrono_event_index_get_pending (index));
  g_assert_cmpuint (chrono_event_index_get_size (index), ==, all);
  g_assert_cmpuint (record.n_signals, ==, 0);
  chrono_event_filter_set_search_text (filter, "alpha");
  chrono_event_filter_set_category_visible (filter, "green", FALSE);
  g_assert_true (chrono_event_index_get_pending (index));

  while (chrono_event_index_get_pending (index))
    {
      g_assert_cmpuint (record.n_signals, ==, 0);
      g_main_context_iteration (NULL, TRUE);
      n_iterations++;
    }
  g_test_message ("filtered %u events in %u main loop iterations", all, n_iterations);
  g_assert_cmpuint (n_notifies, ==, 2);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.removed - record.added, ==, all - chrono_event_index_get_size (index));

  /* The same list as filtering at once (the brute force) and as an index made with the
   * same filter, which filters when it is made. */
  check_against_brute_force (index, rand);
  chrono_event_filter_set_category_visible (sync_filter, "red", FALSE);
  chrono_event_filter_set_category_visible (sync_filter, "green", FALSE);
  chrono_event_filter_set_search_text (sync_filter, "alpha");
  {
    g_autoptr(ChronoEventIndex) at_once = chrono_event_index_new (timeline, sync_filter);

    g_assert_false (chrono_event_index_get_pending (at_once));
    g_assert_cmpuint (chrono_event_index_get_size (at_once), ==, chrono_event_index_get_size (index));
    for (guint i = 0; i < chrono_event_index_get_size (index); i++)
      g_assert_cmpuint (chrono_event_index_get_position (at_once, i), ==, chrono_event_index_get_position (index, i));
    for (guint k = 0; k < 200; k++)
      {
        guint first = g_rand_int_range (rand, 0, chrono_event_index_get_size (index));
        guint last = first + g_rand_int_range (rand, 0, 5000);

        g_assert_cmpuint (chrono_event_index_find_most_important (at_once, first, last), ==,
                          chrono_event_index_find_most_important (index, first, last));
      }
  }

  /* An edit of the timeline during a run is taken into the list at once, which is still
   * the one before the run but of the edited timeline, and the run starts again, since
   * it may have filtered the event already. */
  chrono_event_filter_set_search_text (filter, "beta");
  g_assert_true (chrono_event_index_get_pending (index));
  {
    g_autoptr(ChronoEvent) gone = g_object_ref (chrono_timeline_get_event (timeline, 0));

    chrono_timeline_remove_event (timeline, gone);
    g_signal_emit_by_name (timeline, "changed");   /* as ChronoEdit does after an edit */
    g_assert_true (chrono_event_index_get_pending (index));
    for (guint i = 0; i < chrono_event_index_get_size (index); i++)
      {
        ChronoEvent *event = chrono_event_index_get_event (index, i);

        g_assert_true (event != gone);
        g_assert_true (event == chrono_timeline_get_event (timeline, chrono_event_index_get_position (index, i)));
      }
  }
  while (chrono_event_index_get_pending (index))
    g_main_context_iteration (NULL, TRUE);
  check_against_brute_force (index, rand);

  chrono_event_filter_set_search_text (filter, NULL);
  while (chrono_event_index_get_pending (index))
    g_main_context_iteration (NULL, TRUE);
  check_against_brute_force (index, rand);
  record.n_signals = 0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (record.n_signals, ==, 0);

  chrono_event_filter_set_category_visible (filter, "red", TRUE);
  chrono_event_filter_set_category_visible (filter, "green", TRUE);
  g_assert_false (chrono_event_index_get_pending (index));
  g_assert_cmpuint (chrono_event_index_get_size (index), ==, all - 1);

  /* Another timeline empties the list at once, and fills it when the run is done. */
  chrono_event_filter_set_category_visible (filter, "blue", FALSE);
  while (chrono_event_index_get_pending (index))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(ChronoTimeline) other = random_timeline (rand, 30000);

    chrono_event_index_set_timeline (index, other);
    g_assert_true (chrono_event_index_get_pending (index));
    g_assert_cmpuint (chrono_event_index_get_size (index), ==, 0);
    while (chrono_event_index_get_pending (index))
      g_main_context_iteration (NULL, TRUE);
    check_against_brute_force (index, rand);
    g_assert_cmpuint (chrono_event_index_get_size (index), >, 0);
    g_clear_object (&index);
  }
}

static void
search_once_cb (GListModel        *model,
                guint              position,
                guint              removed,
                guint              added,
                ChronoEventFilter *filter)
{
  g_signal_handlers_disconnect_by_func (model, search_once_cb, filter);
  chrono_event_filter_set_search_text (filter, "beta");
}

/* A handler of the change that ends a run may start another: the index then says it is
 * pending until that one is done too. */
static void
test_chunked_run_from_handler (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(ChronoTimeline) timeline = random_timeline (rand, 40000);
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, filter);
  guint n_iterations = 0;

  g_signal_connect (index, "items-changed", G_CALLBACK (search_once_cb), filter);
  chrono_event_filter_set_category_visible (filter, "red", FALSE);
  g_assert_true (chrono_event_index_get_pending (index));

  /* The first run ends, its change starts the second: still pending. */
  while (g_signal_handler_find (index, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, search_once_cb, NULL) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (chrono_event_index_get_pending (index));

  while (chrono_event_index_get_pending (index))
    {
      g_main_context_iteration (NULL, TRUE);
      n_iterations++;
    }
  g_assert_cmpuint (n_iterations, >, 0);
  check_against_brute_force (index, rand);
}

/* An index with no timeline is empty to every query, without a critical. */
static void
test_no_timeline (void)
{
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (NULL, NULL);
  g_autofree guint *counts = NULL;

  g_assert_cmpuint (chrono_event_index_get_size (index), ==, 0);
  g_assert_cmpuint (chrono_event_index_lower_bound (index, 0), ==, 0);
  g_assert_cmpuint (chrono_event_index_lower_bound_from (index, 0, 100), ==, 0);
  g_assert_cmpuint (chrono_event_index_find_most_important (index, 0, 10), ==, G_MAXUINT);
  counts = g_new (guint, 10);
  chrono_event_index_count_columns (index, 0, 100, 0, 10, counts);
  for (guint c = 0; c < 10; c++)
    g_assert_cmpuint (counts[c], ==, 0);
}

/* The index borrows the events from the timeline: no object per item. */
static void
test_items_are_the_timelines (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(ChronoTimeline) timeline = random_timeline (rand, 50);
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (index)) == CHRONO_TYPE_EVENT);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(ChronoEvent) a = g_list_model_get_item (G_LIST_MODEL (index), i);
      g_autoptr(ChronoEvent) b = g_list_model_get_item (chrono_timeline_get_events (timeline), i);

      g_assert_true (a == b);
    }
}


/* Event k of @n on day 10 k: alpha or beta, red, green or blue, importance 1 to 5. */
static ChronoTimeline *
spaced_timeline (guint n)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  const char *category_ids[] = { "red", "green", "blue" };

  for (guint c = 0; c < G_N_ELEMENTS (category_ids); c++)
    {
      g_autoptr(ChronoCategory) category = chrono_category_new (category_ids[c], category_ids[c], "#3584e4", NULL);

      chrono_timeline_add_category (timeline, category);
    }
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", k);
      g_autofree char *title = g_strdup_printf ("%s %u", k % 2 ? "beta" : "alpha", k);
      ChronoDate start;
      g_autoptr(ChronoEvent) event = NULL;

      chrono_date_from_time ((ChronoTime) k * 10 * 86400, CHRONO_PRECISION_DAY, &start);
      event = chrono_event_new (id, &start, title);
      chrono_event_set_importance (event, 1 + k * 7 % 5);
      chrono_event_set_category (event, chrono_timeline_lookup_category (timeline, category_ids[k % 3]));
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

/* The list after an edit is the one a new index makes of the edited timeline: the same
 * events, and the same answers from the tree of ranks over any range. */
static void
check_same_as_new (ChronoEventIndex *index,
                   GRand            *rand)
{
  g_autoptr(ChronoEventIndex) fresh = chrono_event_index_new (chrono_event_index_get_timeline (index),
                                                              chrono_event_index_get_filter (index));
  guint n = chrono_event_index_get_size (fresh);

  g_assert_cmpuint (chrono_event_index_get_size (index), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (chrono_event_index_get_position (index, i), ==, chrono_event_index_get_position (fresh, i));
  for (guint first = 0; first <= n; first++)
    for (guint last = first; last <= n; last += 1 + g_rand_int_range (rand, 0, 9))
      g_assert_cmpuint (chrono_event_index_find_most_important (index, first, last), ==,
                        chrono_event_index_find_most_important (fresh, first, last));
  check_against_brute_force (index, rand);
}

/* Applies @edit (NULL: undoes the last one) and checks that the list said exactly
 * @n_expected changes, each (position, removed, added), and is then as a new one. */
static void
check_edit (ChronoUndoStack  *stack,
            ChronoEdit       *edit,
            ChronoEventIndex *index,
            GRand            *rand,
            guint             n_expected,
            const guint      *expected)
{
  g_autoptr(ChronoEdit) owned = edit;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  gulong id = g_signal_connect (index, "items-changed", G_CALLBACK (record_change_cb), changes);
  guint64 revision = chrono_event_index_get_revision (index);

  if (edit != NULL)
    chrono_undo_stack_push (stack, edit);
  else
    g_assert_true (chrono_undo_stack_undo (stack));
  g_signal_handler_disconnect (index, id);
  /* What a view worked out from the index before no longer holds. */
  g_assert_cmpuint (chrono_event_index_get_revision (index), !=, revision);

  g_assert_cmpuint (changes->len, ==, 4 * n_expected);
  for (guint c = 0; c < n_expected; c++)
    {
      g_assert_cmpuint (g_array_index (changes, guint, 4 * c), ==, expected[3 * c]);
      g_assert_cmpuint (g_array_index (changes, guint, 4 * c + 1), ==, expected[3 * c + 1]);
      g_assert_cmpuint (g_array_index (changes, guint, 4 * c + 2), ==, expected[3 * c + 2]);
    }
  g_assert_false (chrono_event_index_get_pending (index));
  check_same_as_new (index, rand);
}

static ChronoEdit *
span_edit (ChronoEvent *event,
           guint        day)
{
  ChronoDate start;

  chrono_date_from_time ((ChronoTime) day * 86400, CHRONO_PRECISION_DAY, &start);

  return CHRONO_EDIT (chrono_edit_span_new (event, &start, NULL));
}

static void
set_search (ChronoEventIndex *index,
            const char       *text)
{
  chrono_event_filter_set_search_text (chrono_event_index_get_filter (index), text);
  g_assert_false (chrono_event_index_get_pending (index));
}

/* Each kind of edit changes the list by what it changed of it and no more: an event that
 * moves goes from its place and comes to its new one, one that changed in place is one
 * item changed, one that the filter now lets through or not comes or goes. With every
 * event listed, and with red events filtered out (positions 0, 3, 6…). */
static void
test_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1616);

  for (guint filtered = 0; filtered < 2; filtered++)
    {
      g_autoptr(ChronoTimeline) timeline = spaced_timeline (90);
      g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
      g_autoptr(ChronoEventIndex) index = NULL;
      g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
      g_autoptr(ChronoEditGroup) group = chrono_edit_group_new (NULL);
      g_autoptr(ChronoEvent) added = NULL;
      g_autoptr(ChronoQuote) quote = chrono_quote_new ("Zeta words", NULL);
      ChronoEvent *e12 = chrono_timeline_get_event (timeline, 12);   /* red */
      ChronoEvent *e13 = chrono_timeline_get_event (timeline, 13);   /* green */
      ChronoEvent *e15 = chrono_timeline_get_event (timeline, 15);   /* red */
      ChronoCategory *blue = chrono_timeline_lookup_category (timeline, "blue");
      ChronoDate start;
      guint i13 = filtered ? 8 : 13;

      if (filtered)
        chrono_event_filter_set_category_visible (filter, "red", FALSE);
      index = chrono_event_index_new (timeline, filter);
      check_same_as_new (index, rand);
      g_assert_cmpuint (chrono_event_index_find (index, e13), ==, i13);

      /* A title: one item changed; of an event filtered out, nothing. */
      check_edit (stack, CHRONO_EDIT (chrono_edit_properties_new (e13, "title", "gamma", NULL)), index, rand,
                  1, (guint[]) { i13, 1, 1 });
      check_edit (stack, CHRONO_EDIT (chrono_edit_properties_new (e12, "title", "delta", NULL)), index, rand,
                  filtered ? 0 : 1, (guint[]) { 12, 1, 1 });

      /* The importance changes the rank, and so the tree (checked against a new index). */
      check_edit (stack, CHRONO_EDIT (chrono_edit_properties_new (e13, "importance", 5, NULL)), index, rand,
                  1, (guint[]) { i13, 1, 1 });

      /* A later date that keeps its place among the events (day 130 to 133): one item. */
      check_edit (stack, span_edit (e13, 133), index, rand, 1, (guint[]) { i13, 1, 1 });

      /* Past other events (to day 305, after day 300: position 30): gone from its place,
       * come at the new one; undone, the other way. */
      check_edit (stack, span_edit (e13, 305), index, rand, 2, (guint[]) { i13, 1, 0, filtered ? 19 : 30, 0, 1 });
      g_assert_cmpuint (chrono_timeline_get_position (timeline, e13), ==, 30);
      check_edit (stack, NULL, index, rand, 2, (guint[]) { filtered ? 19 : 30, 1, 0, i13, 0, 1 });
      g_assert_cmpuint (chrono_timeline_get_position (timeline, e13), ==, 13);

      /* An event moved while filtered out changes nothing of the list. */
      check_edit (stack, span_edit (e15, 2), index, rand, filtered ? 0 : 2, (guint[]) { 15, 1, 0, 1, 0, 1 });
      check_edit (stack, NULL, index, rand, filtered ? 0 : 2, (guint[]) { 1, 1, 0, 15, 0, 1 });

      /* An event added on day 135, after e13, in a shown category or not; deleted again. */
      chrono_date_from_time ((ChronoTime) 135 * 86400, CHRONO_PRECISION_DAY, &start);
      added = chrono_event_new ("added", &start, "Added");
      chrono_event_set_category (added, chrono_timeline_lookup_category (timeline, "green"));
      check_edit (stack, CHRONO_EDIT (chrono_edit_insert_new (added, NULL, 0)), index, rand,
                  1, (guint[]) { i13 + 1, 0, 1 });
      check_edit (stack, chrono_edit_delete_new (timeline, added), index, rand, 1, (guint[]) { i13 + 1, 1, 0 });
      chrono_event_set_category (added, chrono_timeline_lookup_category (timeline, "red"));
      check_edit (stack, CHRONO_EDIT (chrono_edit_insert_new (added, NULL, 0)), index, rand,
                  filtered ? 0 : 1, (guint[]) { i13 + 1, 0, 1 });
      check_edit (stack, NULL, index, rand, filtered ? 0 : 1, (guint[]) { i13 + 1, 1, 0 });

      /* A shown event deleted; undone, it is back. */
      check_edit (stack, chrono_edit_delete_new (timeline, e13), index, rand, 1, (guint[]) { i13, 1, 0 });
      check_edit (stack, NULL, index, rand, 1, (guint[]) { i13, 0, 1 });

      /* A search: a title it no longer finds takes the event out, a quote it finds puts
       * one in. */
      set_search (index, "gamma");
      check_edit (stack, CHRONO_EDIT (chrono_edit_properties_new (e13, "title", "none", NULL)), index, rand,
                  1, (guint[]) { 0, 1, 0 });
      check_edit (stack, NULL, index, rand, 1, (guint[]) { 0, 0, 1 });
      set_search (index, "zeta");
      g_assert_cmpuint (chrono_event_index_get_size (index), ==, 0);
      check_edit (stack, CHRONO_EDIT (chrono_edit_insert_new (quote, e13, 0)), index, rand,
                  1, (guint[]) { 0, 0, 1 });
      check_edit (stack, NULL, index, rand, 1, (guint[]) { 0, 1, 0 });
      set_search (index, NULL);

      /* Many events changed by one edit: the list is filtered again, and says what differs
       * in one change (every red event comes in when they all turn blue). */
      for (guint k = 0; k < 90; k++)
        chrono_edit_group_add (group, CHRONO_EDIT (chrono_edit_properties_new (chrono_timeline_get_event (timeline, k),
                                                                               "category", blue, NULL)));
      check_edit (stack, CHRONO_EDIT (g_object_ref (group)), index, rand,
                  filtered ? 1 : 0, (guint[]) { 0, 58, 88 });
      check_edit (stack, NULL, index, rand, filtered ? 1 : 0, (guint[]) { 0, 88, 58 });
    }
}

/* An event given the date of its neighbour keeps its place when its id still sorts it
 * there, however far apart the two ids sort ("alpha" and "mid", "mid" and "omega"): one
 * item changed, not a remove and an insert; one whose id sorts it before its new
 * neighbour ("beta" and "omega") moves. */
static void
test_edit_ties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1617);
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  const char *ids[] = { "alpha", "mid", "omega", "beta" };
  g_autoptr(ChronoEventIndex) index = NULL;
  g_autoptr(ChronoUndoStack) stack = NULL;
  ChronoEvent *mid, *beta;

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      ChronoDate start;
      g_autoptr(ChronoEvent) event = NULL;

      chrono_date_from_time ((ChronoTime) (k + 1) * 10 * 86400, CHRONO_PRECISION_DAY, &start);
      event = chrono_event_new (ids[k], &start, ids[k]);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);
  index = chrono_event_index_new (timeline, NULL);
  stack = chrono_undo_stack_new (timeline);
  mid = chrono_timeline_lookup_event (timeline, "mid");
  beta = chrono_timeline_lookup_event (timeline, "beta");

  check_edit (stack, span_edit (mid, 10), index, rand, 1, (guint[]) { 1, 1, 1 });
  g_assert_cmpuint (chrono_timeline_get_position (timeline, mid), ==, 1);
  check_edit (stack, NULL, index, rand, 1, (guint[]) { 1, 1, 1 });
  check_edit (stack, span_edit (mid, 30), index, rand, 1, (guint[]) { 1, 1, 1 });
  g_assert_cmpuint (chrono_timeline_get_position (timeline, mid), ==, 1);
  check_edit (stack, NULL, index, rand, 1, (guint[]) { 1, 1, 1 });

  check_edit (stack, span_edit (beta, 30), index, rand, 2, (guint[]) { 3, 1, 0, 2, 0, 1 });
  g_assert_cmpuint (chrono_timeline_get_position (timeline, beta), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/event-index/random", test_random);
  g_test_add_func ("/model/event-index/one-signal-per-change", test_one_signal_per_change);
  g_test_add_func ("/model/event-index/items-are-the-timelines", test_items_are_the_timelines);
  g_test_add_func ("/model/event-index/new-timeline-two-changes", test_new_timeline_two_changes);
  g_test_add_func ("/model/event-index/chunked", test_chunked);
  g_test_add_func ("/model/event-index/chunked-run-from-handler", test_chunked_run_from_handler);
  g_test_add_func ("/model/event-index/no-timeline", test_no_timeline);
  g_test_add_func ("/model/event-index/edits", test_edits);
  g_test_add_func ("/model/event-index/edit-ties", test_edit_ties);

  return g_test_run ();
}
