/* bench-load.c — load a million-event timeline and query it
 *
 * Prints figures; asserts nothing about time.
 * Usage: bench-load [N_EVENTS]             generate, load, query (the timeline and the
 *                                           filtered event index), write back
 *        bench-load --write FILE [N_EVENTS]  only write the generated timeline to FILE,
 *                                           e.g. to open it in the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/chrono-timeline-reader.h"
#include "model/chrono-event-filter.h"
#include "model/chrono-event-index.h"
#include "io/chrono-timeline-writer.h"

static double
read_status_mib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, field);
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

/* CPU time of the process, which a busy machine inflates less than wall-clock time. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
count_signal_cb (guint *count)
{
  (*count)++;
}

static GBytes *
generate (guint  n_events,
          GRand *rand)
{
  static const char *categories[] = { "research", "product", "business", "infrastructure", "context" };
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"1\" xml:lang=\"en\">\n"
                   "  <title>A million events</title>\n"
                   "  <categories>\n");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_string_append_printf (out, "    <category id=\"%s\" color=\"#%06x\">%s</category>\n",
                            categories[i], g_rand_int_range (rand, 0, 0xffffff), categories[i]);
  g_string_append (out, "  </categories>\n  <events>\n");

  for (guint i = 0; i < n_events; i++)
    {
      int year = g_rand_int_range (rand, 1800, 2100);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);

      g_string_append_printf (out, "    <event id=\"e%u\" ", i);
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_string_append_printf (out, "start=\"%04d\"", year);
          break;
        case 1:
          g_string_append_printf (out, "start=\"%04d-%02d\"", year, month);
          break;
        case 2:
          g_string_append_printf (out, "start=\"%04d-%02d-%02d\"", year, month, day);
          break;
        default:
          g_string_append_printf (out, "start=\"%04d-%02d-%02dT%02d:%02d\"", year, month, day,
                                  g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60));
          break;
        }
      /* One event in ten is a span, a few of them long. */
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append_printf (out, " end=\"%04d\"", year + (g_rand_int_range (rand, 0, 20) == 0 ? 50 : 1));
      g_string_append_printf (out, " category=\"%s\" importance=\"%d\">"
                              "<title>Event number %u</title>",
                              categories[i % G_N_ELEMENTS (categories)], g_rand_int_range (rand, 1, 6), i);
      if (i % 4 == 0)
        g_string_append (out, "<summary>Something happened, and it mattered to somebody.</summary>");
      g_string_append (out, "</event>\n");
    }

  g_string_append (out, "  </events>\n</timeline>\n");

  return g_string_free_to_bytes (out);
}

int
main (int   argc,
      char *argv[])
{
  const char *write_path = NULL;
  guint n_events;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GBytes) written = NULL;
  ChronoTime span_start, span_end;
  double rss_before, t0, t1, c0;
  guint64 n_results = 0, n_counted = 0;

  setlocale (LC_ALL, "");

  if (argc > 2 && strcmp (argv[1], "--write") == 0)
    {
      write_path = argv[2];
      argc -= 2;
      argv += 2;
    }
  n_events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;

  t0 = g_get_monotonic_time () / 1e6;
  bytes = generate (n_events, rand);
  if (write_path != NULL)
    {
      if (!g_file_set_contents (write_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print ("wrote %u events, %.1f MiB of XML, to %s\n",
               n_events, g_bytes_get_size (bytes) / 1048576.0, write_path);
      return EXIT_SUCCESS;
    }
  file = g_file_new_tmp ("chronoscope-bench-XXXXXX.chronoscope", &stream, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                             g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);
  t1 = g_get_monotonic_time () / 1e6;
  g_print ("generated %u events, %.1f MiB of XML, in %.2f s\n",
           n_events, g_bytes_get_size (bytes) / 1048576.0, t1 - t0);
  g_clear_pointer (&bytes, g_bytes_unref);

  rss_before = read_status_mib ("VmRSS:");
  t0 = g_get_monotonic_time () / 1e6;
  c0 = cpu_seconds ();
  timeline = chrono_timeline_load (file, NULL, &error);
  t1 = g_get_monotonic_time () / 1e6;
  g_file_delete (file, NULL, NULL);
  g_assert_no_error (error);
  g_print ("loaded (read, parse, sort, index) in %.2f s (%.2f s of CPU)\n", t1 - t0, cpu_seconds () - c0);
  g_print ("resident memory: %.1f MiB before, %.1f MiB after loading, peak %.1f MiB; "
           "%.0f bytes per event held\n",
           rss_before, read_status_mib ("VmRSS:"), read_status_mib ("VmHWM:"),
           (read_status_mib ("VmRSS:") - rss_before) * 1048576.0 / MAX (n_events, 1));

  if (!chrono_timeline_get_span (timeline, &span_start, &span_end))
    return EXIT_SUCCESS;

  /* The seal alone (sorting by time and by id, the interval index), on the same events
   * added in a shuffled order as a file would list them. */
  {
    g_autoptr(ChronoTimeline) again = chrono_timeline_new ();
    g_autofree guint *order = g_new (guint, n_events);
    guint n = chrono_timeline_get_n_events (timeline);

    for (guint i = 0; i < n; i++)
      order[i] = i;
    for (guint i = n; i > 1; i--)
      {
        guint j = g_rand_int_range (rand, 0, i);
        guint swap = order[i - 1];

        order[i - 1] = order[j];
        order[j] = swap;
      }
    for (guint i = 0; i < n; i++)
      chrono_timeline_add_event (again, chrono_timeline_get_event (timeline, order[i]));

    t0 = g_get_monotonic_time () / 1e6;
    c0 = cpu_seconds ();
    chrono_timeline_seal (again);
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("sealed %u shuffled events in %.2f s (%.2f s of CPU)\n", n, t1 - t0, cpu_seconds () - c0);
  }

  /* Windows from the whole span (about 350 years) down to a few hours, like zooming. */
  t0 = g_get_monotonic_time () / 1e6;
  c0 = cpu_seconds ();
  for (guint i = 0; i < 1000; i++)
    {
      ChronoTime width = (span_end - span_start) / (1 << g_rand_int_range (rand, 0, 20));
      ChronoTime start = span_start + (ChronoTime) (g_rand_double (rand) * (span_end - span_start - width));

      g_array_set_size (positions, 0);
      chrono_timeline_query_range (timeline, start, start + width, positions);
      n_results += positions->len;
    }
  t1 = g_get_monotonic_time () / 1e6;
  g_print ("1000 range queries (span/1 to span/2^19): %.3f s (%.3f s of CPU), %.0f events per query on average\n",
           t1 - t0, cpu_seconds () - c0, n_results / 1000.0);

  /* Narrow windows only, as when zoomed in to days. */
  n_results = 0;
  t0 = g_get_monotonic_time () / 1e6;
  c0 = cpu_seconds ();
  for (guint i = 0; i < 1000; i++)
    {
      ChronoTime start = span_start + (ChronoTime) (g_rand_double (rand) * (span_end - span_start));

      g_array_set_size (positions, 0);
      chrono_timeline_query_range (timeline, start, start + 7 * 86400, positions);
      n_results += positions->len;
    }
  t1 = g_get_monotonic_time () / 1e6;
  g_print ("1000 range queries of one week: %.4f s (%.4f s of CPU), %.0f events per query on average\n",
           t1 - t0, cpu_seconds () - c0, n_results / 1000.0);

  t0 = g_get_monotonic_time () / 1e6;
  for (guint i = 0; i < 1000; i++)
    {
      ChronoTime start = span_start + (ChronoTime) (g_rand_double (rand) * (span_end - span_start));

      n_counted += chrono_timeline_count_starts (timeline, start, start + 365 * 86400);
    }
  t1 = g_get_monotonic_time () / 1e6;
  g_print ("1000 count_starts of one year: %.4f s, %.2f µs each, %.0f events on average\n",
           t1 - t0, (t1 - t0) * 1e3, n_counted / 1000.0);

  {
    g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
    guint n_matches = 0;

    chrono_event_filter_set_search_text (filter, "NUMBER 12345");
    t0 = g_get_monotonic_time () / 1e6;
    for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
      n_matches += chrono_event_filter_matches (filter, chrono_timeline_get_event (timeline, i));
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("search “NUMBER 12345” over every event: %.2f s, %u matches\n", t1 - t0, n_matches);
  }

  /* The filtered event index the list, the timeline and the overview share. */
  {
    g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
    g_autoptr(ChronoEventIndex) index = NULL;
    g_autofree guint *counts = NULL;
    guint n_signals = 0, n_columns, found = 0;

    t0 = g_get_monotonic_time () / 1e6;
    index = chrono_event_index_new (timeline, filter);
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("event index, nothing filtered: %.4f s\n", t1 - t0);

    g_signal_connect_swapped (index, "items-changed", G_CALLBACK (count_signal_cb), &n_signals);
    t0 = g_get_monotonic_time () / 1e6;
    chrono_event_filter_set_category_visible (filter, "research", FALSE);
    t1 = g_get_monotonic_time () / 1e6;
    /* Its arrays: a position and a start time per event that passes. */
    g_print ("event index, one category hidden: %.2f s, %u of %u events, %u items-changed, arrays of %.1f MiB\n",
             t1 - t0, chrono_event_index_get_size (index), chrono_timeline_get_n_events (timeline), n_signals,
             chrono_event_index_get_size (index) * (sizeof (guint) + sizeof (ChronoTime)) / 1048576.0);

    t0 = g_get_monotonic_time () / 1e6;
    for (guint i = 0; i < 1000; i++)
      {
        ChronoEvent *event = chrono_timeline_get_event (timeline, g_rand_int_range (rand, 0, chrono_timeline_get_n_events (timeline)));

        found += chrono_event_index_find (index, event) != G_MAXUINT;
      }
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("1000 finds of an event in the index: %.2f µs each, %u found\n", (t1 - t0) * 1e3, found);

    t0 = g_get_monotonic_time () / 1e6;
    chrono_event_index_find_most_important (index, 0, chrono_event_index_get_size (index));
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("most important event, first query (builds the tree): %.3f s\n", t1 - t0);
    t0 = g_get_monotonic_time () / 1e6;
    for (guint i = 0; i < 1000; i++)
      {
        guint first = g_rand_int_range (rand, 0, chrono_event_index_get_size (index));

        chrono_event_index_find_most_important (index, first, first + 5000);
      }
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("1000 most important events in spans of 5000: %.2f µs each\n", (t1 - t0) * 1e3);

    t0 = g_get_monotonic_time () / 1e6;
    n_columns = 600;
    counts = g_new (guint, n_columns);
    chrono_event_index_count_columns (index, span_start, (span_end - span_start) / n_columns, 0, n_columns, counts);
    t1 = g_get_monotonic_time () / 1e6;
    g_print ("density of the whole span in %u columns: %.3f ms\n", n_columns, (t1 - t0) * 1e3);
  }

  t0 = g_get_monotonic_time () / 1e6;
  written = chrono_timeline_write_native (timeline);
  t1 = g_get_monotonic_time () / 1e6;
  g_print ("written back in %.2f s (%.1f MiB)\n", t1 - t0, g_bytes_get_size (written) / 1048576.0);
  g_clear_pointer (&written, g_bytes_unref);

  t0 = g_get_monotonic_time () / 1e6;
  g_clear_object (&timeline);
  t1 = g_get_monotonic_time () / 1e6;
  g_print ("freed in %.2f s\n", t1 - t0);

  return EXIT_SUCCESS;
}
