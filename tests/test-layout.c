/* test-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "model/chrono-edit-properties.h"
#include "view/chrono-layout.h"
#include "view/chrono-layout-private.h"

/* A measure that needs no fonts: every character is 7 pixels wide. */
static void
measure_cb (ChronoTextKind  kind,
            const char     *text,
            double         *width,
            double         *height,
            gpointer        user_data)
{
  *width = 7.0 * g_utf8_strlen (text, -1);
  *height = kind == CHRONO_TEXT_LABEL ? 15 : 12;
}

static ChronoTimeline *
make_random_timeline (guint32 seed,
                      guint   n_events,
                      gint64  first_year,
                      gint64  n_years)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) tech = chrono_category_new ("tech", "Technology", "#1c71d8", "#62a0ea");
  g_autoptr(ChronoCategory) business = chrono_category_new ("business", "Business", "#e66100", NULL);
  ChronoCategory *categories[] = { tech, business, NULL };
  ChronoDate era_start = { first_year + 2, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate era_end = { first_year + n_years / 2, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  g_autoptr(ChronoEra) era = chrono_era_new ("The early years", &era_start, &era_end);

  chrono_timeline_add_category (timeline, tech);
  chrono_timeline_add_category (timeline, business);
  chrono_timeline_add_era (timeline, era);

  for (guint i = 0; i < n_events; i++)
    {
      ChronoDate start = { 0 };
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = NULL;
      g_autoptr(ChronoEvent) event = NULL;
      static const char *words[] = { "Launch", "of the", "new model", "paper", "funding round", "AGI", "人工智能" };
      GString *text = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 1, 6);

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      title = g_string_free (text, FALSE);

      start.year = first_year + g_rand_int_range (rand, 0, n_years);
      start.precision = g_rand_int_range (rand, CHRONO_PRECISION_YEAR, CHRONO_PRECISION_MINUTE + 1);
      start.month = start.precision >= CHRONO_PRECISION_MONTH ? g_rand_int_range (rand, 1, 13) : 0;
      start.day = start.precision >= CHRONO_PRECISION_DAY ? g_rand_int_range (rand, 1, 29) : 0;
      start.hour = start.precision >= CHRONO_PRECISION_HOUR ? g_rand_int_range (rand, 0, 24) : 0;
      start.minute = start.precision >= CHRONO_PRECISION_MINUTE ? g_rand_int_range (rand, 0, 60) : 0;
      if (g_rand_int_range (rand, 0, 10) == 0)
        start.flags = CHRONO_DATE_APPROXIMATE;

      event = chrono_event_new (id, &start, title);
      chrono_event_set_importance (event, g_rand_int_range (rand, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX + 1));
      chrono_event_set_category (event, categories[g_rand_int_range (rand, 0, 3)]);

      if (g_rand_int_range (rand, 0, 6) == 0)
        {
          ChronoDate end = start;

          end.year += g_rand_int_range (rand, 0, 3);
          if (end.precision >= CHRONO_PRECISION_MONTH)
            end.month = 12;
          chrono_event_set_end (event, &end);
        }

      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

/* Checks every promise the layout makes; returns how many events had a label. */
static guint
check_layout_full (ChronoTimeline    *timeline,
                   ChronoEventFilter *filter,
                   double             start,
                   double             end,
                   double             width,
                   double             height,
                   gboolean           lanes)
{
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) layout = NULL;
  g_autoptr(GArray) in_view = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) labelled = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) clustered = g_hash_table_new (NULL, NULL);
  guint cluster_total = 0;

  params.timeline = timeline;
  params.filter = filter;
  params.start = start;
  params.end = end;
  params.width = width;
  params.height = height;
  params.measure = measure_cb;
  params.now = 1669766400;
  params.lanes = lanes;
  layout = chrono_layout_new (&params);

  /* Lanes: one per visible category while there are rows for them, stacked without
   * overlapping, each with its name at the left of its top row. */
  g_assert_cmpuint (layout->lanes->len, ==, lanes ? MIN (layout->legend->len, layout->n_rows) : 0);
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const ChronoLayoutLane *lane = &g_array_index (layout->lanes, ChronoLayoutLane, i);

      g_assert_true (lane->category == g_array_index (layout->legend, ChronoLayoutLegendEntry, i).category);
      g_assert_cmpuint (lane->n_rows, >, 0);
      g_assert_cmpfloat (lane->name_box.x, ==, 0);
      g_assert_cmpfloat (lane->name_box.y, >=, lane->band.y);
      g_assert_cmpfloat (lane->name_box.y + lane->name_box.height, <=, lane->band.y + lane->band.height);
      g_assert_cmpuint (chrono_layout_get_lane (layout, lane->category), ==, i);
      if (i > 0)
        {
          const ChronoLayoutLane *above = &g_array_index (layout->lanes, ChronoLayoutLane, i - 1);

          g_assert_cmpfloat (above->band.y + above->band.height, <=, lane->band.y + 0.001);
          g_assert_cmpuint (above->first_row, ==, lane->first_row + lane->n_rows);
        }
    }

  /* What is in view, the slow way. */
  chrono_timeline_query_range (timeline, (ChronoTime) ceil (start), (ChronoTime) ceil (end), in_view);
  for (guint i = 0; i < in_view->len; i++)
    {
      guint position = g_array_index (in_view, guint, i);

      if (filter == NULL || chrono_event_filter_matches (filter, chrono_timeline_get_event (timeline, position)))
        g_hash_table_add (expected, GUINT_TO_POINTER (position + 1));
    }
  g_assert_cmpuint (layout->n_items, ==, g_hash_table_size (expected));

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      g_assert_true (g_hash_table_contains (expected, GUINT_TO_POINTER (label->position + 1)));
      g_assert_true (g_hash_table_add (labelled, GUINT_TO_POINTER (label->position + 1)));
      g_assert_cmpuint (chrono_layout_get_item_position (layout, label->item), ==, label->position);
      g_assert_true (chrono_timeline_get_event (timeline, label->position) == label->event);

      /* Inside the widget, above the clusters and the axis, below the top strip. */
      g_assert_cmpfloat (label->box.x, >=, 0);
      g_assert_cmpfloat (label->box.x + label->box.width, <=, width);
      g_assert_cmpfloat (label->box.y, >=, layout->top_strip.y + layout->top_strip.height);
      g_assert_false (chrono_rect_intersects (&label->box, &layout->axis_band));
      g_assert_false (chrono_rect_intersects (&label->box, &layout->cluster_row));
      g_assert_cmpfloat (label->text_width, >, 0);

      for (guint j = 0; j < i; j++)
        {
          const ChronoLayoutLabel *other = &g_array_index (layout->labels, ChronoLayoutLabel, j);

          g_assert_false (chrono_rect_intersects (&label->box, &other->box));
        }

      /* In lanes, each label is inside its category's lane and clear of the names. */
      if (lanes)
        {
          guint lane_index = chrono_layout_get_lane (layout, chrono_event_get_category (label->event));
          const ChronoLayoutLane *lane;

          g_assert_cmpuint (lane_index, <, layout->lanes->len);
          lane = &g_array_index (layout->lanes, ChronoLayoutLane, lane_index);
          g_assert_cmpuint (label->row, >=, lane->first_row);
          g_assert_cmpuint (label->row, <, lane->first_row + lane->n_rows);
          g_assert_cmpfloat (label->box.y, >=, lane->band.y);
          g_assert_cmpfloat (label->box.y + label->box.height, <=, lane->band.y + lane->band.height);
          for (guint j = 0; j < layout->lanes->len; j++)
            g_assert_false (chrono_rect_intersects (&label->box,
                                                    &g_array_index (layout->lanes, ChronoLayoutLane, j).name_box));
        }
    }

  for (guint i = 0; i < layout->clusters->len; i++)
    {
      const ChronoLayoutCluster *cluster = &g_array_index (layout->clusters, ChronoLayoutCluster, i);
      guint count = 0;
      g_autofree char *text = g_strdup_printf ("+%u", cluster->count);

      g_assert_cmpuint (cluster->count, >, 0);
      g_assert_cmpstr (cluster->text, ==, text);
      g_assert_cmpuint (cluster->last_item, <=, layout->n_items);
      g_assert_cmpint (cluster->start, <, cluster->end);
      g_assert_false (chrono_rect_intersects (&cluster->badge, &layout->axis_band));
      g_assert_cmpfloat (cluster->badge.x, >=, 0);
      /* Inside the view, unless the view is narrower than the badge. */
      if (cluster->badge.width <= floor (width))
        g_assert_cmpfloat (cluster->badge.x + cluster->badge.width, <=, width);

      for (guint item = cluster->first_item; item < cluster->last_item; item++)
        {
          guint position = chrono_layout_get_item_position (layout, item);
          gpointer key = GUINT_TO_POINTER (position + 1);

          if (g_hash_table_contains (labelled, key))
            continue;

          g_assert_true (g_hash_table_contains (expected, key));
          /* In exactly one cluster. */
          g_assert_true (g_hash_table_add (clustered, key));
          count++;
        }
      g_assert_cmpuint (count, ==, cluster->count);
      cluster_total += count;

      for (guint j = 0; j < i; j++)
        {
          const ChronoLayoutCluster *other = &g_array_index (layout->clusters, ChronoLayoutCluster, j);

          g_assert_false (chrono_rect_intersects (&cluster->badge, &other->badge));
        }
    }

  /* None lost. */
  g_assert_cmpuint (g_hash_table_size (labelled) + cluster_total, ==, g_hash_table_size (expected));

  /* Axis labels do not overlap either. */
  for (guint i = 1, last = 0; i < layout->axis->ticks->len; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (layout->axis->ticks, ChronoAxisTick, i);
      const ChronoAxisTick *previous = &g_array_index (layout->axis->ticks, ChronoAxisTick, last);

      g_assert_cmpfloat (tick->x, >=, previous->x);
      if (tick->label == NULL)
        continue;
      g_assert_cmpfloat (tick->x + 3 + tick->label_width, <=, width);
      if (previous->label != NULL && last != i)
        g_assert_cmpfloat (previous->x + previous->label_width, <, tick->x);
      last = i;
    }

  return layout->labels->len;
}

static guint
check_layout (ChronoTimeline    *timeline,
              ChronoEventFilter *filter,
              double             start,
              double             end,
              double             width,
              double             height)
{
  return check_layout_full (timeline, filter, start, end, width, height, FALSE);
}

/* A layout, 800 by 160 pixels, of the two years around 30 November 2022. */
static ChronoLayout *
layout_two_years (ChronoTimeline *timeline,
                  ChronoEvent    *selected)
{
  ChronoLayoutParams params = { 0 };

  params.timeline = timeline;
  params.start = 1669766400 - 86400.0 * 365;
  params.end = 1669766400 + 86400.0 * 365;
  params.width = 800;
  params.height = 160;
  params.measure = measure_cb;
  params.selected = selected;

  return chrono_layout_new (&params);
}

/* Before the common era the ticks fall on round years as people count them (400 BC,
 * 200 BC), not on round astronomical years (401 BC, 201 BC). */
static void
test_layout_axis_bce_round (void)
{
  static const gint64 spans[][2] = { { -700, 300 }, { -3000, -1000 }, { -60, 20 } };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      ChronoDate from = { spans[i][0], 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
      ChronoDate to = { spans[i][1], 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
      g_autoptr(ChronoTimeAxis) axis = chrono_time_axis_new (chrono_date_get_start (&from), chrono_date_get_start (&to),
                                                             1000, measure_cb, NULL);
      guint n_bce = 0;

      g_assert_cmpint (axis->major_step.unit, ==, CHRONO_AXIS_UNIT_YEAR);
      for (guint t = 0; t < axis->ticks->len; t++)
        {
          const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, t);
          ChronoDate date;

          chrono_date_from_time (tick->time, CHRONO_PRECISION_YEAR, &date);
          if (date.year > 0 || tick->label == NULL)
            continue;
          g_test_message ("%s", tick->label);
          g_assert_cmpint ((1 - date.year) % axis->major_step.count, ==, 0);
          n_bce++;
        }
      g_assert_cmpuint (n_bce, >, 0);
    }
}

/* The same promises in lanes, on random timelines and views, with and without a
 * category hidden; and every event is still either labelled or counted. */
static void
test_layout_lanes (void)
{
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(ChronoTimeline) timeline = make_random_timeline (seed, 60 + seed * 30, 1990, 30);
      g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      ChronoTime first, last;
      guint labelled = 0;

      g_assert_true (chrono_timeline_get_span (timeline, &first, &last));
      labelled += check_layout_full (timeline, NULL, first, last, 1200, 600, TRUE);
      chrono_event_filter_set_category_visible (filter, "business", FALSE);
      labelled += check_layout_full (timeline, filter, first, last, 1200, 600, TRUE);

      for (guint i = 0; i < 20; i++)
        {
          double duration = exp (g_rand_double_range (rand, log (3600), log (last - first)));
          double start = g_rand_double_range (rand, first - duration / 2, last - duration / 2);
          /* Whole widths, as widgets have, half the time: the rows' record of covered
           * pixel columns is kept only then. */
          double width = g_rand_double_range (rand, 200, 1920);
          double height = g_rand_double_range (rand, 120, 900);

          if (i % 2)
            width = floor (width);
          labelled += check_layout_full (timeline, i % 3 ? NULL : filter, start, start + duration, width, height, TRUE);
        }

      g_assert_cmpuint (labelled, >, 0);
    }
}

static void
test_layout_random_small (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(ChronoTimeline) timeline = make_random_timeline (seed, 40 + seed * 20, 2000, 20);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      ChronoTime first, last;
      guint labelled = 0;

      g_assert_true (chrono_timeline_get_span (timeline, &first, &last));
      labelled += check_layout (timeline, NULL, first - 86400.0 * 30, last + 86400.0 * 30, 1200, 400);

      for (guint i = 0; i < 25; i++)
        {
          double duration = exp (g_rand_double_range (rand, log (600), log (last - first)));
          double start = g_rand_double_range (rand, first - duration / 2, last - duration / 2);
          double width = g_rand_double_range (rand, 200, 1920);
          double height = g_rand_double_range (rand, 120, 600);

          if (i % 2)
            width = floor (width);
          labelled += check_layout (timeline, NULL, start, start + duration, width, height);
        }

      /* Something must have been labelled, or the checks above prove nothing. */
      g_assert_cmpuint (labelled, >, 0);
    }
}

static void
test_layout_random_large (void)
{
  /* Enough events that the layout takes its bucketed path when zoomed out. */
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4242, 60000, 1900, 120);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  ChronoTime first, last;

  g_assert_true (chrono_timeline_get_span (timeline, &first, &last));
  g_assert_cmpuint (check_layout (timeline, NULL, first, last, 1920, 400), >, 5);

  for (guint i = 0; i < 12; i++)
    {
      double duration = exp (g_rand_double_range (rand, log (86400.0), log (last - first)));
      double start = g_rand_double_range (rand, first, last - duration);

      check_layout (timeline, NULL, start, start + duration, 1600, 360);
    }
}

static void
test_layout_filter (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (77, 3000, 2010, 15);
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  ChronoTime first, last;

  g_assert_true (chrono_timeline_get_span (timeline, &first, &last));

  chrono_event_filter_set_category_visible (filter, "tech", FALSE);
  check_layout (timeline, filter, first, last, 1400, 400);
  check_layout (timeline, filter, first + (last - first) / 3.0, first + (last - first) / 2.0, 1400, 400);

  chrono_event_filter_set_search_text (filter, "paper");
  check_layout (timeline, filter, first, last, 1400, 400);
}

static void
test_layout_importance_wins (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoLayout) layout = NULL;

  /* Thirty events on one day: there is room for a few labels only, and the most
   * important must be among them. */
  for (guint i = 0; i < 30; i++)
    {
      ChronoDate date = { 2022, 11, 30, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autofree char *id = g_strdup_printf ("e%02u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, i == 17 ? "ChatGPT" : "Something else");

      chrono_event_set_importance (event, i == 17 ? 5 : 1);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);
  layout = layout_two_years (timeline, NULL);

  g_assert_cmpuint (layout->n_rows, >, 0);
  g_assert_cmpuint (layout->labels->len, >, 0);
  g_assert_cmpuint (layout->labels->len, <, 30);
  g_assert_cmpstr (chrono_event_get_title (g_array_index (layout->labels, ChronoLayoutLabel, 0).event), ==, "ChatGPT");
  g_assert_nonnull (chrono_layout_find_label (layout, chrono_timeline_get_position (timeline,
                                                                                    chrono_timeline_lookup_event (timeline, "e17"))));
  g_assert_cmpuint (layout->clusters->len, ==, 1);
  g_assert_cmpuint (g_array_index (layout->clusters, ChronoLayoutCluster, 0).count, ==, 30 - layout->labels->len);
}

/* Sixty ranges run across the whole view, more than can compete for its few rows: the
 * most important of them get the labels, and the selected one, of any importance. */
static void
test_layout_running_importance_wins (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  ChronoEvent *selected;

  for (guint i = 0; i < 60; i++)
    {
      ChronoDate start = { 2010 + i % 7, 1, 1, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
      ChronoDate end = { 2040 - i % 5, 1, 1, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
      g_autofree char *id = g_strdup_printf ("r%02u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, "A long range");

      chrono_event_set_end (event, &end);
      chrono_event_set_importance (event, i >= 40 ? 4 : 1);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);
  selected = chrono_timeline_lookup_event (timeline, "r03");

  for (guint with_selected = 0; with_selected < 2; with_selected++)
    {
      g_autoptr(ChronoLayout) layout = layout_two_years (timeline, with_selected ? selected : NULL);

      g_assert_cmpuint (layout->n_items, ==, 60);
      g_assert_cmpuint (2 * layout->n_rows, <, 20);
      g_assert_cmpuint (layout->labels->len, >, 0);
      for (guint i = 0; i < layout->labels->len; i++)
        {
          ChronoEvent *event = g_array_index (layout->labels, ChronoLayoutLabel, i).event;

          g_assert_true (chrono_event_get_importance (event) == 4 || (with_selected && event == selected));
        }
      if (with_selected)
        g_assert_nonnull (chrono_layout_find_label (layout, chrono_timeline_get_position (timeline, selected)));
    }
}

/* Zoomed out over sixty thousand events only the most important of each few pixels
 * competes for a label; the selected event always does, so it always has one. */
static void
test_layout_selected_in_crowd (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4243, 60000, 1900, 120);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4243);
  ChronoTime first, last;

  g_assert_true (chrono_timeline_get_span (timeline, &first, &last));

  for (guint i = 0; i < 20; i++)
    {
      ChronoLayoutParams params = { 0 };
      g_autoptr(ChronoLayout) layout = NULL;
      double duration = (last - first) / g_rand_double_range (rand, 1, 20);
      double start = g_rand_double_range (rand, first, last - duration);
      guint first_in_view = chrono_timeline_count_starts (timeline, G_MININT64, (ChronoTime) ceil (start));
      guint n_in_view = chrono_timeline_count_starts (timeline, (ChronoTime) ceil (start), (ChronoTime) ceil (start + duration));
      guint position = first_in_view + g_rand_int_range (rand, 0, n_in_view);
      const ChronoLayoutLabel *label;

      params.timeline = timeline;
      params.start = start;
      params.end = start + duration;
      params.width = 1600;
      params.height = 400;
      params.measure = measure_cb;
      params.selected = chrono_timeline_get_event (timeline, position);
      layout = chrono_layout_new (&params);

      g_assert_cmpuint (n_in_view, >, 1500);
      label = chrono_layout_find_label (layout, position);
      g_assert_nonnull (label);
      g_assert_true (label->event == params.selected);
    }
}

/* Far from the epoch a double no longer tells one small bucket from the next; a crowd
 * seen there at the closest zoom still gets its layout instead of a loop that never
 * ends. */
static void
test_layout_crowd_in_deep_time (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  ChronoDate date = { -4000000000, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) layout = NULL;
  ChronoTime start;

  /* More than the layout places one by one (EXACT_LIMIT), all at one instant. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, id);

      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);
  start = chrono_timeline_get_start_times (timeline)[0];

  params.timeline = timeline;
  params.start = (double) start - 300;
  params.end = (double) start + 300;
  params.width = 1600;
  params.height = 400;
  params.measure = measure_cb;
  layout = chrono_layout_new (&params);

  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->labels->len, >, 0);
}

static void
test_layout_time_axis (void)
{
  static const struct {
    double         duration;
    ChronoAxisUnit unit;
  } cases[] = {
    { 3600.0 * 3, CHRONO_AXIS_UNIT_MINUTE },
    { 86400.0 * 2, CHRONO_AXIS_UNIT_HOUR },
    { 86400.0 * 40, CHRONO_AXIS_UNIT_DAY },
    { 86400.0 * 600, CHRONO_AXIS_UNIT_MONTH },
    { 86400.0 * 365 * 15, CHRONO_AXIS_UNIT_YEAR },
    { 86400.0 * 365 * 900, CHRONO_AXIS_UNIT_YEAR },
  };
  double start = 1669766400;          /* 30 November 2022 */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ChronoTimeAxis) axis = chrono_time_axis_new (start - cases[i].duration / 2,
                                                             start + cases[i].duration / 2,
                                                             1200, measure_cb, NULL);
      guint labelled = 0;

      g_assert_cmpint (axis->major_step.unit, ==, cases[i].unit);
      for (guint j = 0; j < axis->ticks->len; j++)
        {
          const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, j);

          g_assert_cmpfloat (tick->x, >=, 0);
          g_assert_cmpfloat (tick->x, <=, 1200);
          if (tick->label != NULL)
            labelled++;
        }
      g_assert_cmpuint (labelled, >=, 3);
      /* Under anything finer than years, a context label says which year or month. */
      if (cases[i].unit == CHRONO_AXIS_UNIT_YEAR)
        g_assert_cmpuint (axis->contexts->len, ==, 0);
      else
        g_assert_cmpuint (axis->contexts->len, >=, 1);
    }

  /* Hours are labelled as times of day, under the date. */
  {
    g_autoptr(ChronoTimeAxis) axis = chrono_time_axis_new (start, start + 86400, 1200, measure_cb, NULL);
    gboolean found = FALSE;

    for (guint j = 0; j < axis->ticks->len; j++)
      found |= g_strcmp0 (g_array_index (axis->ticks, ChronoAxisTick, j).label, "12:00") == 0;
    g_assert_true (found);
    g_assert_cmpstr (g_array_index (axis->contexts, ChronoAxisContext, 0).text, ==, "30 November 2022");
  }

  /* Before the common era, and across year zero. */
  {
    g_autofree char *bce = chrono_time_axis_format_year (-499);
    g_autofree char *ce = chrono_time_axis_format_year (2012);

    g_assert_cmpstr (bce, ==, "500 BC");
    g_assert_cmpstr (ce, ==, "2012");
  }
  {
    ChronoDate from = { -1000, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
    ChronoDate to = { 1000, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
    g_autoptr(ChronoTimeAxis) axis = chrono_time_axis_new (chrono_date_get_start (&from), chrono_date_get_start (&to),
                                                           1200, measure_cb, NULL);
    gboolean found = FALSE;

    for (guint j = 0; j < axis->ticks->len; j++)
      {
        const char *label = g_array_index (axis->ticks, ChronoAxisTick, j).label;

        found |= label != NULL && g_str_has_suffix (label, " BC");
      }
    g_assert_true (found);
  }
}

/* At one zoom the axis keeps its step while the view pans: the step must not depend on
 * whether the view ends on a day with one digit or two. */
static void
test_layout_axis_steady_while_panning (void)
{
  ChronoDate first = { 2022, 1, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
  double start = chrono_date_get_start (&first);
  ChronoAxisStep step = { 0 };

  /* Five pixels a day: a week's day numbers fit when they have one digit, not two. */
  for (guint day = 0; day < 62; day++)
    {
      double from = start + day * 86400.0;
      g_autoptr(ChronoTimeAxis) axis = chrono_time_axis_new (from, from + 365 * 86400.0, 365 * 5, measure_cb, NULL);

      if (day == 0)
        step = axis->major_step;
      g_assert_cmpint (axis->major_step.unit, ==, step.unit);
      g_assert_cmpint (axis->major_step.count, ==, step.count);
    }
}

/* The same measure, counting in @user_data, if given, the titles measured at their least
 * width: the ones a layout turns away without shaping them. */
static void
counting_measure_cb (ChronoTextKind  kind,
                     const char     *text,
                     double         *width,
                     double         *height,
                     gpointer        user_data)
{
  guint *n_at_least = user_data;

  if (n_at_least != NULL)
    *n_at_least += kind == CHRONO_TEXT_LABEL_AT_LEAST;
  measure_cb (kind, text, width, height, NULL);
}

/* A frame of a view panning, as the timeline view lays it out: knowing the one before,
 * over the view's @index if given. */
static ChronoLayout *
lay_out_frame (ChronoTimeline     *timeline,
               ChronoEventIndex   *index,
               double              start,
               double              end,
               const ChronoLayout *previous,
               guint              *n_at_least)
{
  ChronoLayoutParams params = { 0 };

  params.timeline = timeline;
  params.index = index;
  params.start = start;
  params.end = end;
  params.width = 1600;
  params.height = 360;
  params.measure = counting_measure_cb;
  params.measure_data = n_at_least;
  params.previous = previous;

  return chrono_layout_new (&params);
}

static ChronoLayout *
lay_out_view (ChronoTimeline     *timeline,
              double              start,
              double              end,
              const ChronoLayout *previous)
{
  return lay_out_frame (timeline, NULL, start, end, previous, NULL);
}

/* While the view pans, the "+N" badges away from its edges stand for the same stretch of
 * time from frame to frame (their count changes only when a label in it comes or goes):
 * they were grouped from the view's left edge, and all changed as the view moved. */
static void
test_layout_clusters_steady_while_panning (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4242, 60000, 1900, 120);
  double start = chrono_date_get_start (&(ChronoDate) { 1950, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  double view = 10 * 365.25 * 86400;
  g_autoptr(ChronoLayout) previous = NULL;
  guint n_inside = 0, n_same = 0;

  for (guint frame = 0; frame < 20; frame++)
    {
      double from = start + frame * view / 50;
      g_autoptr(ChronoLayout) layout = lay_out_view (timeline, from, from + view, previous);

      for (guint i = 0; previous != NULL && i < layout->clusters->len; i++)
        {
          const ChronoLayoutCluster *cluster = &g_array_index (layout->clusters, ChronoLayoutCluster, i);

          /* Clear of both views' edges by a cluster's greatest span. */
          if (cluster->start < from + view * 0.15 || cluster->end > from + view * 0.8)
            continue;
          n_inside++;
          for (guint j = 0; j < previous->clusters->len; j++)
            {
              const ChronoLayoutCluster *before = &g_array_index (previous->clusters, ChronoLayoutCluster, j);

              if (before->start == cluster->start && before->end == cluster->end)
                {
                  n_same++;
                  break;
                }
            }
        }
      g_clear_pointer (&previous, chrono_layout_free);
      previous = g_steal_pointer (&layout);
    }

  g_test_message ("%u of %u clusters inside the view kept their stretch of time", n_same, n_inside);
  g_assert_cmpuint (n_inside, >, 50);
  g_assert_cmpuint (n_same, >=, n_inside * 9 / 10);
}

static void
assert_same_layout (const ChronoLayout *a,
                    const ChronoLayout *b)
{
  g_assert_cmpuint (a->n_items, ==, b->n_items);
  g_assert_cmpuint (a->labels->len, ==, b->labels->len);
  for (guint i = 0; i < a->labels->len; i++)
    {
      const ChronoLayoutLabel *la = &g_array_index (a->labels, ChronoLayoutLabel, i);
      const ChronoLayoutLabel *lb = &g_array_index (b->labels, ChronoLayoutLabel, i);

      g_assert_true (la->event == lb->event);
      g_assert_cmpuint (la->row, ==, lb->row);
      g_assert_cmpfloat (la->box.x, ==, lb->box.x);
      g_assert_cmpfloat (la->box.width, ==, lb->box.width);
    }
  g_assert_cmpuint (a->clusters->len, ==, b->clusters->len);
  for (guint i = 0; i < a->clusters->len; i++)
    {
      const ChronoLayoutCluster *ca = &g_array_index (a->clusters, ChronoLayoutCluster, i);
      const ChronoLayoutCluster *cb = &g_array_index (b->clusters, ChronoLayoutCluster, i);

      g_assert_cmpuint (ca->first_item, ==, cb->first_item);
      g_assert_cmpuint (ca->last_item, ==, cb->last_item);
      g_assert_cmpuint (ca->count, ==, cb->count);
    }
  g_assert_cmpfloat (a->density_first, ==, b->density_first);
  g_assert_cmpfloat (a->density_x, ==, b->density_x);
  g_assert_cmpuint (a->n_density, ==, b->n_density);
  for (guint c = 0; c < a->n_density; c++)
    g_assert_cmpuint (a->density[c], ==, b->density[c]);
}

/* What a frame hands on to the next, its buckets, the density strip's columns and the
 * events that competed for labels with their titles' least widths, lays out the next
 * frame as looking again would, while the view pans and zooms; and it spares most of
 * the looking. */
static void
test_layout_memo_same_as_fresh (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4242, 60000, 1900, 120);
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  double start = chrono_date_get_start (&(ChronoDate) { 1950, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  double view = 10 * 365.25 * 86400;
  g_autoptr(ChronoLayout) previous = NULL;
  guint n_measured = 0, n_first = 0, n_handed_on = 0, n_afresh = 0;

  for (guint frame = 0; frame < 40; frame++)
    {
      double from = start + frame * view / 50;
      g_autoptr(ChronoLayout) layout = NULL;
      guint n_before = n_measured;

      /* Panning, then zooming out by more than a factor of two, which makes the buckets
       * twice as wide. */
      if (frame >= 20)
        view *= 1.08;
      layout = lay_out_frame (timeline, index, from, from + view, previous, &n_measured);
      *(previous ? &n_handed_on : &n_first) += n_measured - n_before;
      /* While the view pans, the density strip's columns stay where they are in time. */
      if (previous != NULL && frame < 20)
        g_assert_cmpfloat (layout->density_column, ==, previous->density_column);
      if (previous != NULL)
        {
          g_autoptr(ChronoLayout) afresh = NULL;

          chrono_layout_forget_measures (previous);
          n_before = n_measured;
          afresh = lay_out_frame (timeline, index, from, from + view, previous, &n_measured);
          n_afresh += n_measured - n_before;
          assert_same_layout (layout, afresh);
        }
      g_clear_pointer (&previous, chrono_layout_free);
      previous = g_steal_pointer (&layout);
    }

  g_test_message ("titles measured at their least: %u in the first frame, then %u handed on, %u afresh",
                  n_first, n_handed_on, n_afresh);
  g_assert_cmpuint (n_first, >, 20);
  g_assert_cmpuint (n_handed_on * 4, <, n_afresh);
}

/* The events running at the view's left edge, handed on from frame to frame while the
 * view pans either way and zooms, are those a look at every event finds, and most frames
 * take them from the frame before. */
static void
test_layout_memo_running (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (77, 60000, 1900, 120);
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = NULL;
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  const ChronoTime *ends = chrono_timeline_get_end_times (timeline);
  double from = chrono_date_get_start (&(ChronoDate) { 1950, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  double view = 10 * 365.25 * 86400;
  g_autoptr(ChronoLayout) previous = NULL;
  guint n_taken = 0, n_hidden = 0, n_running = 0;

  chrono_event_filter_set_category_visible (filter, "business", FALSE);
  index = chrono_event_index_new (timeline, filter);
  for (guint frame = 0; frame < 90; frame++)
    {
      g_autoptr(ChronoLayout) layout = NULL;
      g_autoptr(ChronoLayout) afresh = NULL;
      ChronoTime edge;
      guint n = 0;

      /* Right, left, out, in, and a jump. */
      if (frame < 20)
        from += view * 0.02;
      else if (frame < 40)
        from -= view * 0.03;
      else if (frame < 55)
        {
          from -= view * 0.05;
          view *= 1.1;
        }
      else if (frame < 70)
        {
          view /= 1.1;
          from += view * 0.05;
        }
      else if (frame == 80)
        from += 7 * view;
      else
        from += view * 0.01;

      layout = lay_out_frame (timeline, index, from, from + view, previous, NULL);
      edge = (ChronoTime) ceil (from);
      for (guint position = 0; position < chrono_timeline_get_n_events (timeline); position++)
        {
          if (!(starts[position] < edge && ends[position] > edge))
            continue;
          if (!chrono_event_index_contains_position (index, position))
            {
              n_hidden++;
              continue;
            }
          g_assert_cmpuint (n, <, layout->crossing->len);
          g_assert_cmpuint (g_array_index (layout->crossing, guint, n), ==, position);
          n++;
        }
      g_assert_cmpuint (n, ==, layout->crossing->len);
      n_running += n;

      if (previous != NULL)
        {
          n_taken += layout->memo->running == previous->memo->running;
          chrono_layout_forget_measures (previous);
          afresh = lay_out_frame (timeline, index, from, from + view, previous, NULL);
          assert_same_layout (layout, afresh);
        }
      g_clear_pointer (&previous, chrono_layout_free);
      previous = g_steal_pointer (&layout);
    }

  g_test_message ("%u events running at the left edge in 90 frames, %u hidden; %u frames took them from the one before",
                  n_running, n_hidden, n_taken);
  g_assert_cmpuint (n_running, >, 90 * 100);
  g_assert_cmpuint (n_hidden, >, 90 * 10);
  g_assert_cmpuint (n_taken, >=, 45);
  g_assert_cmpuint (n_taken, <, 89);
}

/* After an edit, what the frame before worked out may no longer hold: the next frame
 * looks again, and lays out what looking again does. */
static void
test_layout_memo_after_edit (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4242, 60000, 1900, 120);
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  double start = chrono_date_get_start (&(ChronoDate) { 1950, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  double end = start + 10 * 365.25 * 86400;
  guint n_measured = 0, n_edited, n_afresh;
  g_autoptr(ChronoLayout) first = lay_out_frame (timeline, index, start, end, NULL, &n_measured);
  g_autoptr(ChronoLayout) second = lay_out_frame (timeline, index, start, end, first, &n_measured);
  guint n_before = n_measured;
  g_autoptr(ChronoLayout) again = lay_out_frame (timeline, index, start, end, second, &n_measured);
  g_autoptr(ChronoLayout) edited = NULL;
  g_autoptr(ChronoLayout) afresh = NULL;
  guint64 revision = chrono_event_index_get_revision (index);
  guint unlabelled = chrono_layout_get_item_position (again, again->n_items / 2);
  g_autoptr(ChronoEdit) edit = NULL;

  g_assert_null (chrono_layout_find_label (again, unlabelled));
  /* Nothing changed: the third frame measured none of the titles the second had. */
  g_assert_cmpuint (n_measured, ==, n_before);
  g_assert_cmpuint (n_before, >, 20);

  /* A title in the middle of the crowd, short enough now to fit anywhere. */
  edit = CHRONO_EDIT (chrono_edit_properties_new (chrono_timeline_get_event (timeline, unlabelled), "title", "x", NULL));
  chrono_edit_apply (edit, timeline);
  g_assert_cmpuint (chrono_event_index_get_revision (index), !=, revision);

  n_before = n_measured;
  edited = lay_out_frame (timeline, index, start, end, again, &n_measured);
  n_edited = n_measured - n_before;
  chrono_layout_forget_measures (again);
  n_before = n_measured;
  afresh = lay_out_frame (timeline, index, start, end, again, &n_measured);
  n_afresh = n_measured - n_before;
  assert_same_layout (edited, afresh);
  g_assert_cmpuint (n_edited, ==, n_afresh);
  g_assert_cmpuint (n_edited, >, 20);
}

/* How many of @before's labels of moments whose stems are at least a fifth of the view
 * from either edge in @after are labelled in @after too, and in the same row. */
static void
count_labels_kept (const ChronoLayout *before,
                   const ChronoLayout *after,
                   guint              *n_inside,
                   guint              *n_kept)
{
  for (guint i = 0; i < before->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (before->labels, ChronoLayoutLabel, i);
      const ChronoLayoutLabel *again;
      ChronoTime start = chrono_event_get_start_time (label->event);
      double x = (start - after->start) * after->width / (after->end - after->start);

      if (label->is_range || x < after->width / 5 || x > after->width * 4 / 5)
        continue;
      (*n_inside)++;
      again = chrono_layout_find_label ((ChronoLayout *) after, label->position);
      if (again != NULL && again->row == label->row)
        (*n_kept)++;
    }
}

/* While the view pans across a crowd, a label away from the edges stays, in its row:
 * each frame was laid out afresh, and a label coming in at one edge pushed others out
 * or into other rows across the whole view, several in every frame. */
static void
test_layout_labels_stay_while_panning (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4242, 60000, 1900, 120);
  double start = chrono_date_get_start (&(ChronoDate) { 1950, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  double view = 10 * 365.25 * 86400;
  g_autoptr(ChronoLayout) previous = NULL;
  guint n_inside = 0, n_kept = 0;

  for (guint frame = 0; frame < 30; frame++)
    {
      double from = start + frame * view / 50;
      g_autoptr(ChronoLayout) layout = lay_out_view (timeline, from, from + view, previous);

      if (previous != NULL)
        count_labels_kept (previous, layout, &n_inside, &n_kept);
      g_clear_pointer (&previous, chrono_layout_free);
      previous = g_steal_pointer (&layout);
    }

  g_test_message ("%u of %u labels inside the view stayed in their row", n_kept, n_inside);
  g_assert_cmpuint (n_inside, >, 300);
  g_assert_cmpuint (n_kept, ==, n_inside);
}

/* Selecting an event in a crowd gives it a label without moving the others around it. */
static void
test_layout_labels_stay_when_selecting (void)
{
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (4243, 60000, 1900, 120);
  double start = chrono_date_get_start (&(ChronoDate) { 1950, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 });
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) before = NULL;
  guint n_inside = 0, n_kept = 0;

  params.timeline = timeline;
  params.start = start;
  params.end = start + 10 * 365.25 * 86400;
  params.width = 1600;
  params.height = 360;
  params.measure = measure_cb;
  before = chrono_layout_new (&params);

  for (guint i = 0; i < before->labels->len; i += 4)
    {
      g_autoptr(ChronoLayout) after = NULL;
      guint position = g_array_index (before->labels, ChronoLayoutLabel, i).position;
      ChronoTime next_start = chrono_event_get_start_time (chrono_timeline_get_event (timeline, position + 1));

      if (next_start < params.start || next_start >= params.end)
        continue;
      /* The event after a labelled one, which most often has no label. */
      params.selected = chrono_timeline_get_event (timeline, position + 1);
      params.previous = before;
      after = chrono_layout_new (&params);
      g_assert_nonnull (chrono_layout_find_label (after, position + 1));
      count_labels_kept (before, after, &n_inside, &n_kept);
    }

  g_test_message ("%u of %u labels stayed in their row", n_kept, n_inside);
  g_assert_cmpuint (n_inside, >, 100);
  /* The selected event's label takes the room of one or two. */
  g_assert_cmpuint (n_kept, >=, n_inside * 9 / 10);
}

/* A date as wide as a span, near the right edge, whose title has room there only cut
 * short: it is labelled so, as a range would be, and not turned away for want of room
 * to hang its whole title left of it (the check before its title is measured took it
 * for a moment). */
static void
test_layout_wide_date_near_edge (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  ChronoDate year = { 2000, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  double year_start = chrono_date_get_start (&year), year_length = chrono_date_get_end (&year) - year_start;
  g_autoptr(ChronoEvent) wide = chrono_event_new ("wide", &year, "A year long title that is cut short here");
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) layout = NULL;
  guint n_rows;

  /* 130 pixels a year; the year starts 210 pixels into a view 503 wide. */
  params.timeline = timeline;
  params.start = year_start - 210 * year_length / 130;
  params.end = params.start + 503 * year_length / 130;
  params.width = 503;
  params.height = 300;
  params.measure = measure_cb;
  chrono_event_set_importance (wide, CHRONO_IMPORTANCE_MIN);
  chrono_timeline_add_event (timeline, wide);

  /* Important moments at the left fill every row there. */
  {
    g_autoptr(ChronoTimeline) probe = chrono_timeline_new ();
    g_autoptr(ChronoLayout) empty = NULL;

    chrono_timeline_seal (probe);
    params.timeline = probe;
    empty = chrono_layout_new (&params);
    n_rows = empty->n_rows;
    params.timeline = timeline;
  }
  g_assert_cmpuint (n_rows, >=, 1);
  for (guint r = 0; r < n_rows; r++)
    {
      ChronoDate day = { 1998, 10, 1 + r, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autofree char *id = g_strdup_printf ("blocker%u", r);
      g_autoptr(ChronoEvent) blocker = chrono_event_new (id, &day, "Blocker");

      chrono_event_set_importance (blocker, CHRONO_IMPORTANCE_MAX);
      chrono_timeline_add_event (timeline, blocker);
    }
  chrono_timeline_seal (timeline);

  layout = chrono_layout_new (&params);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (layout->labels, ChronoLayoutLabel, i);

      if (label->event != wide)
        continue;
      g_assert_true (label->is_imprecise);
      g_assert_cmpfloat (label->box.x, ==, 210);
      g_assert_cmpfloat (label->box.x + label->box.width, ==, 503);
      return;
    }
  g_assert_not_reached ();
}

/* The rows that a label would overlap, as the label rows find them from their columns,
 * against every label placed: never a row where it would not overlap, and every row
 * where it would once its box, with the gap on either side, is 16 columns or wider. */
static void
test_layout_label_rows_covering (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);

  for (guint round = 0; round < 60; round++)
    {
      ChronoLayout layout = { 0 };
      ChronoLabelRows rows;

      layout.n_rows = g_rand_int_range (rand, 1, 65);
      layout.width = g_rand_int_range (rand, 40, 1200);
      layout.labels = g_array_new (FALSE, TRUE, sizeof (ChronoLayoutLabel));
      _chrono_label_rows_init (&rows, &layout);
      g_assert_true (rows.use_covered);

      for (guint i = 0; i < 40; i++)
        {
          ChronoLayoutLabel label = { 0 };
          double label_width = g_rand_int_range (rand, 1, (gint32) MIN (layout.width, 300) + 1);

          label.box = (ChronoRect) { g_rand_int_range (rand, 0, (gint32) (layout.width - label_width) + 1), 0,
                                     label_width, 10 };
          label.row = g_rand_int_range (rand, 0, layout.n_rows);
          g_array_append_val (layout.labels, label);
          _chrono_label_rows_add (&rows, &layout, label.row, layout.labels->len - 1);

          for (guint q = 0; q < 20; q++)
            {
              double width = g_rand_int_range (rand, 1, 300);
              ChronoRect box = { g_rand_int_range (rand, 0, (gint32) (layout.width - MIN (width, layout.width)) + 1), 0,
                                 MIN (width, layout.width), 10 };
              guint first_row = g_rand_int_range (rand, 0, layout.n_rows);
              guint last_row = g_rand_int_range (rand, first_row + 1, layout.n_rows + 1);
              double from = MAX (box.x - 2, 0);
              double to = MIN (box.x + box.width + 2, layout.width);
              guint64 wanted = 0, exact = 0, covering;

              for (guint row = first_row; row < last_row; row++)
                wanted |= G_GUINT64_CONSTANT (1) << row;
              for (guint j = 0; j < layout.labels->len; j++)
                {
                  const ChronoLayoutLabel *other = &g_array_index (layout.labels, ChronoLayoutLabel, j);

                  if (other->box.x < to && from < other->box.x + other->box.width)
                    exact |= G_GUINT64_CONSTANT (1) << other->row;
                }

              covering = _chrono_label_rows_covering (&rows, &box, first_row, last_row);
              g_assert_cmpuint (covering & ~exact, ==, 0);
              if (to - from >= 16)
                g_assert_cmpuint (covering & wanted, ==, exact & wanted);
            }
        }

      _chrono_label_rows_clear (&rows);
      g_array_unref (layout.labels);
    }
}

static void
test_layout_degenerate (void)
{
  g_autoptr(ChronoTimeline) empty = chrono_timeline_new ();
  g_autoptr(ChronoTimeline) timeline = make_random_timeline (5, 3000, 2000, 20);
  static const double sizes[][2] = { { 1, 1 }, { 0, 0 }, { 30, 500 }, { 2000, 20 }, { 5000, 3000 } };

  chrono_timeline_seal (empty);

  /* Nothing to show, or no room to show it: still a consistent layout, never a crash. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      ChronoLayoutParams params = { 0 };
      g_autoptr(ChronoLayout) nothing = NULL;

      params.timeline = empty;
      params.start = 0;
      params.end = 86400;
      params.width = sizes[i][0];
      params.height = sizes[i][1];
      params.measure = measure_cb;
      nothing = chrono_layout_new (&params);
      g_assert_cmpuint (nothing->n_items, ==, 0);
      g_assert_cmpuint (nothing->labels->len, ==, 0);
      g_assert_cmpuint (nothing->clusters->len, ==, 0);

      if (sizes[i][0] >= 1 && sizes[i][1] >= 1)
        check_layout (timeline, NULL, 946684800, 946684800 + 86400.0 * 365 * 20, sizes[i][0], sizes[i][1]);
    }

  /* An empty or reversed span. */
  check_layout (timeline, NULL, 1e9, 1e9 + 1, 800, 300);
}

/* A narrow window with many, long category names (the Chinese ones are as wide as
 * these): every category has an entry, inside the widget, on no label. */
static void
test_layout_legend_narrow (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  static const char *names[] = { "Research", "Product", "Business", "Infrastructure",
                                 "Organisation and safety", "Outlook", "Context",
                                 "A category whose name is longer than any narrow window" };
  static const double widths[] = { 360, 200, 1200 };
  guint n_categories = G_N_ELEMENTS (names);

  for (guint i = 0; i < n_categories; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autoptr(ChronoCategory) category = chrono_category_new (id, names[i], "#1c71d8", NULL);

      chrono_timeline_add_category (timeline, category);
    }

  for (guint i = 0; i < 200; i++)
    {
      ChronoDate date = { 2012 + i % 14, 1 + i % 12, 1 + i % 28, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, "An event");
      g_autoptr(ChronoCategory) category = g_list_model_get_item (chrono_timeline_get_categories (timeline),
                                                                  i % n_categories);

      chrono_event_set_importance (event, 1 + i % 5);
      chrono_event_set_category (event, category);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      ChronoLayoutParams params = { 0 };
      g_autoptr(ChronoLayout) layout = NULL;
      g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);

      params.timeline = timeline;
      params.start = 1325376000;          /* 2012 … 2026 */
      params.end = 1767225600;
      params.width = widths[w];
      params.height = 400;
      params.measure = measure_cb;
      layout = chrono_layout_new (&params);

      g_assert_cmpuint (layout->labels->len, >, 0);
      g_assert_cmpuint (layout->legend->len, ==, n_categories);

      for (guint i = 0; i < layout->legend->len; i++)
        {
          const ChronoLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronoLayoutLegendEntry, i);

          g_hash_table_add (shown, entry->category);
          g_assert_cmpfloat (entry->box.x, >=, 0);
          g_assert_cmpfloat (entry->box.y, >=, 0);
          g_assert_cmpfloat (entry->box.x + entry->box.width, <=, params.width);
          g_assert_cmpfloat (entry->box.y + entry->box.height, <=, params.height);
          g_assert_cmpfloat (entry->swatch.x, >=, entry->box.x);
          g_assert_cmpfloat (entry->text_x + entry->text_width, <=, entry->box.x + entry->box.width);
          g_assert_cmpfloat (entry->text_width, >, 0);
          g_assert_cmpfloat (entry->box.y + entry->box.height, <=, layout->top_strip.y + layout->top_strip.height);

          for (guint j = 0; j < i; j++)
            g_assert_false (chrono_rect_intersects (&entry->box,
                                                    &g_array_index (layout->legend, ChronoLayoutLegendEntry, j).box));

          for (guint j = 0; j < layout->labels->len; j++)
            g_assert_false (chrono_rect_intersects (&entry->box,
                                                    &g_array_index (layout->labels, ChronoLayoutLabel, j).box));
        }
      g_assert_cmpuint (g_hash_table_size (shown), ==, n_categories);

      /* At 360 px these names need more than one row; at 1200 px one is enough. */
      if (widths[w] <= 360)
        g_assert_cmpfloat (layout->legend_row.height, >, g_array_index (layout->legend, ChronoLayoutLegendEntry, 0).box.height);
      else
        g_assert_cmpfloat (layout->legend_row.height, ==, g_array_index (layout->legend, ChronoLayoutLegendEntry, 0).box.height);
    }
}

/* The axis writes a year as every other date in the app does: the span label under the
 * overview and the event pane use chrono_date_format(), and so must the ticks, in
 * English and with the real Chinese catalogue, before and after the common era. */
static void
check_axis_years_as_dates (void)
{
  static const gint64 years[] = { -627, -600, -499, 0, 1, 2012 };
  ChronoDate from = { -700, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate to = { -500, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  g_autoptr(ChronoTimeAxis) axis = chrono_time_axis_new (chrono_date_get_start (&from), chrono_date_get_start (&to),
                                                         1200, measure_cb, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      ChronoDate date = { years[i], 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
      g_autofree char *on_axis = chrono_time_axis_format_year (years[i]);
      g_autofree char *in_text = chrono_date_format (&date);

      g_assert_cmpstr (on_axis, ==, in_text);
    }

  g_assert_cmpuint (axis->ticks->len, >, 1);
  for (guint j = 0; j < axis->ticks->len; j++)
    {
      const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, j);
      ChronoDate date;
      g_autofree char *in_text = NULL;

      if (tick->label == NULL)
        continue;
      chrono_date_from_time (tick->time, CHRONO_PRECISION_YEAR, &date);
      in_text = chrono_date_format (&date);
      g_assert_cmpstr (tick->label, ==, in_text);
    }
}

static void
test_layout_axis_years_as_dates (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *bce = NULL;

      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      bce = chrono_time_axis_format_year (-627);
      g_assert_cmpstr (bce, ==, "公元前628年");
      check_axis_years_as_dates ();
      return;
    }

  check_axis_years_as_dates ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A forecast's label knows where the date it predicts is, for the arrow; others do not. */
static void
test_layout_forecast (void)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "Outlook", "#c01c28", NULL);
  ChronoDate made = { 2015, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate predicted = { 2025, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate predicted_end = { 2028, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate plain_date = { 2020, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  g_autoptr(ChronoEvent) forecast = chrono_event_new ("forecast", &made, "AGI by 2025");
  g_autoptr(ChronoEvent) span = chrono_event_new ("span", &plain_date, "Fusion");
  g_autoptr(ChronoEvent) plain = chrono_event_new ("plain", &plain_date, "Nothing predicted");
  ChronoLayoutParams params = { 0 };
  g_autoptr(ChronoLayout) layout = NULL;
  const ChronoLayoutLabel *label;
  double seconds_per_px;

  chrono_timeline_add_category (timeline, category);
  chrono_event_set_forecast (forecast, &predicted, NULL);
  chrono_event_set_forecast (span, &predicted, &predicted_end);
  chrono_event_set_category (forecast, category);
  chrono_event_set_category (span, category);
  chrono_event_set_category (plain, category);
  chrono_timeline_add_event (timeline, forecast);
  chrono_timeline_add_event (timeline, span);
  chrono_timeline_add_event (timeline, plain);
  chrono_timeline_seal (timeline);

  params.timeline = timeline;
  params.start = chrono_date_get_start (&made);
  params.end = chrono_date_get_end (&predicted_end);
  params.width = 1300;
  params.height = 400;
  params.measure = measure_cb;
  layout = chrono_layout_new (&params);
  seconds_per_px = (params.end - params.start) / params.width;

  label = chrono_layout_find_label (layout, chrono_timeline_get_position (timeline, forecast));
  g_assert_nonnull (label);
  g_assert_cmpfloat_with_epsilon (label->predicted_x,
                                  (chrono_date_get_start (&predicted) - params.start) / seconds_per_px, 0.01);
  /* “2025” is the whole year. */
  g_assert_cmpfloat_with_epsilon (label->predicted_x_end,
                                  (chrono_date_get_end (&predicted) - params.start) / seconds_per_px, 0.01);
  g_assert_cmpfloat (label->predicted_x, >, label->x);

  label = chrono_layout_find_label (layout, chrono_timeline_get_position (timeline, span));
  g_assert_nonnull (label);
  g_assert_cmpfloat_with_epsilon (label->predicted_x_end,
                                  (chrono_date_get_end (&predicted_end) - params.start) / seconds_per_px, 0.01);
  g_assert_cmpfloat (label->predicted_x_end, >, label->predicted_x);

  label = chrono_layout_find_label (layout, chrono_timeline_get_position (timeline, plain));
  g_assert_nonnull (label);
  g_assert_true (isnan (label->predicted_x));
  g_assert_true (isnan (label->predicted_x_end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/layout/random-small", test_layout_random_small);
  g_test_add_func ("/view/layout/lanes", test_layout_lanes);
  g_test_add_func ("/view/layout/axis-bce-round", test_layout_axis_bce_round);
  g_test_add_func ("/view/layout/random-large", test_layout_random_large);
  g_test_add_func ("/view/layout/filter", test_layout_filter);
  g_test_add_func ("/view/layout/forecast", test_layout_forecast);
  g_test_add_func ("/view/layout/importance-wins", test_layout_importance_wins);
  g_test_add_func ("/view/layout/running-importance-wins", test_layout_running_importance_wins);
  g_test_add_func ("/view/layout/selected-in-crowd", test_layout_selected_in_crowd);
  g_test_add_func ("/view/layout/crowd-in-deep-time", test_layout_crowd_in_deep_time);
  g_test_add_func ("/view/layout/time-axis", test_layout_time_axis);
  g_test_add_func ("/view/layout/axis-steady-while-panning", test_layout_axis_steady_while_panning);
  g_test_add_func ("/view/layout/clusters-steady-while-panning", test_layout_clusters_steady_while_panning);
  g_test_add_func ("/view/layout/labels-stay-while-panning", test_layout_labels_stay_while_panning);
  g_test_add_func ("/view/layout/labels-stay-when-selecting", test_layout_labels_stay_when_selecting);
  g_test_add_func ("/view/layout/memo-same-as-fresh", test_layout_memo_same_as_fresh);
  g_test_add_func ("/view/layout/memo-after-edit", test_layout_memo_after_edit);
  g_test_add_func ("/view/layout/memo-running", test_layout_memo_running);
  g_test_add_func ("/view/layout/wide-date-near-edge", test_layout_wide_date_near_edge);
  g_test_add_func ("/view/layout/label-rows-covering", test_layout_label_rows_covering);
  g_test_add_func ("/view/layout/degenerate", test_layout_degenerate);
  g_test_add_func ("/view/layout/legend-narrow", test_layout_legend_narrow);
  g_test_add_func ("/view/layout/axis-years-as-dates", test_layout_axis_years_as_dates);

  return g_test_run ();
}
