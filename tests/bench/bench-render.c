/* bench-render.c — lays out and renders a 1920×400 frame of a million events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program, not a test: it prints how long frames take and asserts nothing about time.
 */

#include "config.h"

#include <locale.h>
#include <time.h>

#include "view/chrono-renderer.h"

#define N_EVENTS 1000000
#define WIDTH    1920
#define HEIGHT   400
#define N_FRAMES 10

static ChronoTimeline *
make_timeline (guint n_events)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000000);
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) a = chrono_category_new ("a", "Research", "#1c71d8", "#62a0ea");
  g_autoptr(ChronoCategory) b = chrono_category_new ("b", "Business", "#e66100", "#ffa348");
  ChronoCategory *categories[] = { a, b };

  chrono_timeline_add_category (timeline, a);
  chrono_timeline_add_category (timeline, b);

  for (guint i = 0; i < n_events; i++)
    {
      ChronoDate start = { 0 };
      g_autoptr(ChronoEvent) event = NULL;
      char id[32], title[64];

      /* A century of events, down to the minute. */
      start.year = 1925 + g_rand_int_range (rand, 0, 100);
      start.month = g_rand_int_range (rand, 1, 13);
      start.day = g_rand_int_range (rand, 1, 29);
      start.hour = g_rand_int_range (rand, 0, 24);
      start.minute = g_rand_int_range (rand, 0, 60);
      start.precision = CHRONO_PRECISION_MINUTE;

      g_snprintf (id, sizeof id, "e%u", i);
      g_snprintf (title, sizeof title, "Event number %u of the benchmark", i);
      event = chrono_event_new (id, &start, title);
      chrono_event_set_importance (event, g_rand_int_range (rand, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX + 1));
      chrono_event_set_category (event, categories[i % 2]);

      if (i % 10 == 0)
        {
          ChronoDate end = start;

          end.day = MIN (start.day + g_rand_int_range (rand, 0, 20), 28);
          chrono_event_set_end (event, &end);
        }

      chrono_timeline_add_event (timeline, event);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoEventIndex) index = NULL;
  g_autoptr(ChronoRenderer) renderer = NULL;
  ChronoRenderStyle style;
  cairo_surface_t *surface;
  ChronoTime first, last;
  guint n_events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : N_EVENTS;
  gint64 begin;
  static const struct {
    const char *name;
    double      duration;
  } levels[] = {
    { "whole century", 0 },
    { "ten years", 86400.0 * 3652 },
    { "one year", 86400.0 * 365 },
    { "one month", 86400.0 * 30 },
    { "one day", 86400.0 },
    { "one hour", 3600.0 },
  };

  setlocale (LC_ALL, "");

  begin = g_get_monotonic_time ();
  timeline = make_timeline (MAX (n_events, 1));
  g_print ("%u events made and sealed in %.0f ms\n", n_events, (g_get_monotonic_time () - begin) / 1000.0);

  begin = g_get_monotonic_time ();
  index = chrono_event_index_new (timeline, NULL);
  g_print ("index in %.1f ms\n", (g_get_monotonic_time () - begin) / 1000.0);

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_assert_true (chrono_timeline_get_span (timeline, &first, &last));

  /* CPU time next to wall-clock time: a busy machine stretches the latter. */
  g_print ("%-14s %10s %10s %10s %10s %8s %8s %9s\n",
           "zoom", "layout ms", "render ms", "frame ms", "frame cpu", "in view", "labels", "clusters");

  for (guint level = 0; level < G_N_ELEMENTS (levels); level++)
    {
      double duration = levels[level].duration > 0 ? levels[level].duration : (double) (last - first);
      double centre = (first + (double) last) / 2;
      double layout_ms = 0, render_ms = 0, cpu_ms = 0;
      guint frame_count_offset = 0;
      guint n_items = 0, n_labels = 0, n_clusters = 0;

      /* The first frame builds the importance tree; it is measured with the others. */
      for (guint frame = 0; frame < N_FRAMES; frame++)
        {
          ChronoLayoutParams params = { 0 };
          ChronoRenderState state = { NULL, NULL, G_MAXUINT };
          g_autoptr(ChronoLayout) layout = NULL;
          double pan = duration * 0.01 * frame;
          cairo_t *cr;
          gint64 t0, t1, t2;
          clock_t c0, c1;

          params.timeline = timeline;
          params.index = index;
          params.start = centre - duration / 2 + pan;
          params.end = centre + duration / 2 + pan;
          params.width = WIDTH;
          params.height = HEIGHT;
          params.measure = chrono_renderer_measure;
          params.measure_data = renderer;
          params.now = g_get_real_time () / G_USEC_PER_SEC;

          c0 = clock ();
          t0 = g_get_monotonic_time ();
          layout = chrono_layout_new (&params);
          t1 = g_get_monotonic_time ();
          cr = cairo_create (surface);
          chrono_renderer_draw (renderer, cr, layout, &state);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          t2 = g_get_monotonic_time ();
          c1 = clock ();

          if (level == 0 && frame == 0)
            {
              g_print ("first frame, building the importance tree: layout %.2f ms\n", (t1 - t0) / 1000.0);
              frame_count_offset = 1;
              continue;
            }

          layout_ms += (t1 - t0) / 1000.0;
          render_ms += (t2 - t1) / 1000.0;
          cpu_ms += (c1 - c0) * 1000.0 / CLOCKS_PER_SEC;
          n_items = layout->n_items;
          n_labels = layout->labels->len;
          n_clusters = layout->clusters->len;
        }

      g_print ("%-14s %10.2f %10.2f %10.2f %10.2f %8u %8u %9u\n", levels[level].name,
               layout_ms / (N_FRAMES - frame_count_offset), render_ms / (N_FRAMES - frame_count_offset),
               (layout_ms + render_ms) / (N_FRAMES - frame_count_offset),
               cpu_ms / (N_FRAMES - frame_count_offset),
               n_items, n_labels, n_clusters);

      if (argc > 2)
        {
          g_autofree char *path = g_strdup_printf ("%s-%u.png", argv[2], level);
          cairo_surface_write_to_png (surface, path);
        }
    }

  cairo_surface_destroy (surface);

  return 0;
}
