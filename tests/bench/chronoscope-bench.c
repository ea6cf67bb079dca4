/* chronoscope-bench.c — the figures the performance targets are written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program, not a test: it prints figures and asserts nothing about time. For each
 * number of events it measures
 *   frame-<zoom>       laying out and drawing a 1920×400 frame (the renderer the widget
 *                      and the exporters use), panning, at five zoom levels;
 *   filter-<change>    the longest the main thread is busy at once while the list takes
 *                      in a change of category, search or neither (-done: until it does);
 *   edit-<kind>        the longest the main thread is busy at once for one edit of the
 *                      selected event, with the list and its selection (bench-edit.c);
 *   load-native        loading a generated native file, in a child process so that its
 *                      peak resident memory is the load's own;
 *   load-timelinejs    the same for a TimelineJS JSON file;
 *   start-baseline     exec to first painted frame of a minimal libadwaita window with
 *                      one Chinese label (chronoscope-bench-baseline);
 *   start-builtin      exec to first timeline frame of the app on the built-in timeline;
 *   start-native       the same on a generated native file.
 * The start figures need a display (run it under Xvfb); without one they are left out.
 * Their memory column is what the app holds once its first frame shows all the events
 * (resident set then, from /proc).
 *
 * Usage: chronoscope-bench [--tsv] [--sizes=1000,10000,…] [--only=frame,filter,edit,load,start,same-view]
 *                          [--runs=N] [--frames=N] [--cpu] [--zooms=ZOOM,…] [--pictures=DIR]
 *        chronoscope-bench --sizes=N --write-native=FILE   (the generated file, for app-frames.sh)
 * --tsv prints one line per figure: name, N, median ms, p95 ms, peak resident MiB.
 * --only=same-view measures frame-decade-same-view and frame-year-same-view: the same
 * frames over a timeline whose first thousand events are those of every size and whose
 * others all lie outside the years these frames look at, so that every size shows the
 * same events (what N alone costs a frame).
 * After each zoom's frames, frame-<zoom>-shows tells how many labels and cluster badges a
 * frame drew on average (what a frame's cost follows) and the median of its layout alone,
 * and after each size's, frame-bitmaps how many bitmaps of titles, markers and badges the
 * renderer keeps and their size (both on standard error with --tsv).
 * --pictures=DIR writes the first frame of each zoom as DIR/frame-<zoom>-<N>-<look>.png,
 * in the light and dark styles and at scale 2, to compare the pictures of two builds.
 * --cpu times frames and loads by the CPU time of the thread or process doing them
 * instead of the wall clock, and a start by the CPU time the started process has used
 * (all its threads) when it reports its first frame: on a machine busy with other work
 * the wall clock measures the other work too. Both start-up programs run with an empty
 * data directory, so that no autosave of a real session asks to be recovered.
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "view/chrono-renderer.h"

#include "bench-edit.h"

#define FRAME_WIDTH  1920
#define FRAME_HEIGHT 400
#define FRAMES_PER_ZOOM 40

static gboolean tsv;
static gboolean cpu_clock;
static int runs = 5;
static int frames_per_zoom = FRAMES_PER_ZOOM;
static char *data_home;   /* XDG_DATA_HOME of the started programs */
static char *zooms_only;
static char *pictures;    /* a directory, or NULL */

/* Microseconds, on the clock --cpu chooses: the wall clock, or the CPU time of this
 * thread (frames) or process (a load's child, which has one thread doing the work). */
static gint64
now_us (clockid_t cpu_clock_id)
{
  struct timespec ts;

  if (!cpu_clock)
    return g_get_monotonic_time ();

  clock_gettime (cpu_clock_id, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct
{
  const char *name;
  guint       n;
  GArray     *samples_ms;   /* double */
  double      rss_mib;      /* peak resident memory, or < 0 when not measured */
} Figure;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint i;

  if (samples->len == 0)
    return -1;
  g_array_sort (samples, compare_doubles);
  i = (guint) (p * (samples->len - 1) + 0.5);

  return g_array_index (samples, double, i);
}

static void
print_figure (const Figure *figure)
{
  double median = percentile (figure->samples_ms, 0.5);
  double p95 = percentile (figure->samples_ms, 0.95);
  double min = figure->samples_ms->len > 0 ? g_array_index (figure->samples_ms, double, 0) : -1;

  if (tsv)
    g_print ("%s\t%u\t%.3f\t%.3f\t%.1f\n", figure->name, figure->n, median, p95, figure->rss_mib);
  else
    {
      g_autofree char *rss = figure->rss_mib < 0 ? g_strdup ("-") : g_strdup_printf ("%.1f", figure->rss_mib);

      g_print ("%-22s %9u %10.3f %10.3f %10.3f %9s  (%u samples)\n", figure->name, figure->n,
               min, median, p95, rss, figure->samples_ms->len);
    }
}

static void
report (const char *name,
        guint       n,
        GArray     *samples_ms,
        double      rss_mib)
{
  Figure figure = { name, n, samples_ms, rss_mib };

  print_figure (&figure);
}

/* The first thousand events of every size; with @same_view, the rest are moments
 * outside the years the decade and year frames look at, which then show the same
 * events at every size. */
#define SAME_VIEW_EVENTS 1000
#define SAME_VIEW_FROM   1930
#define SAME_VIEW_TO     1990

/* A deterministic timeline of @n events over three centuries, a tenth of them spans. */
static GBytes *
generate_native (guint    n,
                 gboolean same_view)
{
  static const char *categories[] = { "research", "product", "business", "infrastructure", "context" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *out = g_string_sized_new (n * 160 + 1024);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"1\" xml:lang=\"en\">\n"
                   "  <title>Generated events</title>\n  <categories>\n");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_string_append_printf (out, "    <category id=\"%s\" color=\"#%06x\">%s</category>\n",
                            categories[i], 0x204060 + 0x102030 * i, categories[i]);
  g_string_append (out, "  </categories>\n  <events>\n");

  for (guint i = 0; i < n; i++)
    {
      gboolean outside = same_view && i >= SAME_VIEW_EVENTS;
      int year;

      /* Well inside the first thousand's three centuries, which keep their span. */
      if (outside)
        {
          year = g_rand_int_range (rand, 1850, 2050 - (SAME_VIEW_TO - SAME_VIEW_FROM));
          if (year >= SAME_VIEW_FROM)
            year += SAME_VIEW_TO - SAME_VIEW_FROM;
        }
      else
        {
          year = g_rand_int_range (rand, 1800, 2100);
        }
      g_string_append_printf (out, "    <event id=\"e%u\" start=\"%04d-%02d-%02d\"", i, year,
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (i % 10 == 0 && !outside)
        g_string_append_printf (out, " end=\"%04d\"", year + 1 + g_rand_int_range (rand, 0, 3));
      g_string_append_printf (out, " category=\"%s\" importance=\"%d\"><title>Event number %u</title>",
                              categories[i % G_N_ELEMENTS (categories)], g_rand_int_range (rand, 1, 6), i);
      if (i % 4 == 0)
        g_string_append (out, "<summary>Something happened, and it mattered to somebody.</summary>");
      g_string_append (out, "</event>\n");
    }
  g_string_append (out, "  </events>\n</timeline>\n");

  return g_string_free_to_bytes (out);
}

static GBytes *
generate_timelinejs (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *out = g_string_sized_new (n * 200 + 256);

  g_string_append (out, "{\"title\": {\"text\": {\"headline\": \"Generated events\"}},\n \"events\": [\n");
  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_int_range (rand, 1800, 2100);

      g_string_append_printf (out, "  %s{\"unique_id\": \"e%u\", \"start_date\": {\"year\": %d, \"month\": %d, \"day\": %d}, "
                              "\"text\": {\"headline\": \"Event number %u\", \"text\": \"Something happened.\"}, "
                              "\"group\": \"group %u\"}\n",
                              i > 0 ? "," : "", i, year, g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29), i, i % 5);
    }
  g_string_append (out, " ]}\n");

  return g_string_free_to_bytes (out);
}

static char *
write_temp (GBytes     *bytes,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat ("chronoscope-bench-XXXXXX", suffix, NULL);
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  if (fd < 0 || !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("chronoscope-bench: cannot write a temporary file: %s", error->message);
  close (fd);

  return path;
}

static ChronoTimeline *
load_or_die (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChronoTimeline *timeline = chrono_timeline_load (file, NULL, &error);

  if (timeline == NULL)
    g_error ("chronoscope-bench: %s", error->message);

  return timeline;
}

/* Loads @path in a child process @runs times: wall time of the load itself, and the
 * child's peak resident memory. */
static void
bench_load (const char *name,
            const char *path,
            guint       n)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double peak_mib = 0;

  for (int run = 0; run < runs; run++)
    {
      int fds[2];
      pid_t pid;
      struct rusage usage;
      int status;
      double ms = -1;

      if (pipe (fds) != 0)
        g_error ("chronoscope-bench: pipe: %s", g_strerror (errno));
      pid = fork ();
      if (pid == 0)
        {
          gint64 begin = now_us (CLOCK_PROCESS_CPUTIME_ID);
          G_GNUC_UNUSED g_autoptr(ChronoTimeline) timeline = load_or_die (path);

          ms = (now_us (CLOCK_PROCESS_CPUTIME_ID) - begin) / 1000.0;
          if (write (fds[1], &ms, sizeof ms) != sizeof ms)
            _exit (1);
          _exit (0);
        }
      close (fds[1]);
      if (read (fds[0], &ms, sizeof ms) != sizeof ms)
        ms = -1;
      close (fds[0]);
      if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || ms < 0)
        g_error ("chronoscope-bench: loading %s failed in the child", path);
      g_array_append_val (samples, ms);
      peak_mib = MAX (peak_mib, usage.ru_maxrss / 1024.0);
    }

  report (name, n, samples, peak_mib);
}

/* The first frame of @zoom in the light and dark styles, and at scale 2, as PNG files. */
static void
write_pictures (ChronoTimeline   *timeline,
                ChronoEventIndex *index,
                const char       *zoom,
                guint             n,
                double            start,
                double            end)
{
  static const struct {
    const char *look;
    gboolean    dark;
    double      scale;
  } looks[] = {
    { "light", FALSE, 1 },
    { "dark", TRUE, 1 },
    { "light-x2", FALSE, 2 },
  };

  for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u-%s.png", zoom, n, looks[l].look);
      g_autofree char *path = g_build_filename (pictures, name, NULL);
      g_autoptr(ChronoRenderer) renderer = NULL;
      g_autoptr(ChronoLayout) layout = NULL;
      ChronoLayoutParams params = { 0 };
      ChronoRenderState state = { NULL, NULL, G_MAXUINT };
      ChronoRenderStyle style;
      cairo_surface_t *surface;
      cairo_t *cr;

      chrono_render_style_init_default (&style, looks[l].dark);
      style.scale = looks[l].scale;
      renderer = chrono_renderer_new (NULL, &style);
      chrono_render_style_clear (&style);

      params.timeline = timeline;
      params.index = index;
      params.start = start;
      params.end = end;
      params.width = FRAME_WIDTH;
      params.height = FRAME_HEIGHT;
      params.measure = chrono_renderer_measure;
      params.measure_data = renderer;
      params.now = 1735689600;
      layout = chrono_layout_new (&params);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH * looks[l].scale,
                                            FRAME_HEIGHT * looks[l].scale);
      cairo_surface_set_device_scale (surface, looks[l].scale, looks[l].scale);
      /* Twice: the second frame draws from whatever the first left in the renderer. */
      for (guint i = 0; i < 2; i++)
        {
          cr = cairo_create (surface);
          chrono_renderer_draw (renderer, cr, layout, &state);
          cairo_destroy (cr);
        }
      if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
        g_error ("chronoscope-bench: could not write %s", path);
      cairo_surface_destroy (surface);
    }
}

static void
bench_frames (ChronoTimeline *timeline,
              guint           n,
              gboolean        same_view)
{
  static const struct {
    const char *name;
    double      duration;   /* seconds; 0 for the whole timeline */
  } zooms[] = {
    { "frame-all", 0 },
    { "frame-decade", 86400.0 * 3652 },
    { "frame-year", 86400.0 * 365 },
    { "frame-month", 86400.0 * 30 },
    { "frame-day", 86400.0 },
  };
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, NULL);
  g_autoptr(ChronoRenderer) renderer = NULL;
  ChronoRenderStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  ChronoTime first, last;

  chrono_render_style_init_default (&style, FALSE);
  renderer = chrono_renderer_new (NULL, &style);
  chrono_render_style_clear (&style);
  if (!chrono_timeline_get_span (timeline, &first, &last))
    g_error ("chronoscope-bench: the generated timeline is empty");

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) layout_samples = g_array_new (FALSE, FALSE, sizeof (double));
      double duration = zooms[z].duration > 0 ? zooms[z].duration : (double) (last - first) * 1.05;
      double centre = (first + (double) last) / 2;
      guint n_labels = 0, n_badges = 0;
      /* As in the app, each frame is laid out knowing the one before. */
      g_autoptr(ChronoLayout) previous = NULL;

      g_autofree char *name = g_strconcat (zooms[z].name, same_view ? "-same-view" : "", NULL);

      if (zooms_only != NULL && strstr (zooms_only, zooms[z].name + strlen ("frame-")) == NULL)
        continue;
      /* The other zooms look at more than the years kept the same. */
      if (same_view && z != 1 && z != 2)
        continue;

      for (int frame = 0; frame < frames_per_zoom; frame++)
        {
          ChronoLayoutParams params = { 0 };
          ChronoRenderState state = { NULL, NULL, G_MAXUINT };
          double pan = duration * 0.02 * (frame % 40);
          gint64 begin, laid_out;
          double ms;
          cairo_t *cr;

          params.timeline = timeline;
          params.index = index;
          params.start = centre - duration / 2 + pan;
          params.end = centre + duration / 2 + pan;
          params.width = FRAME_WIDTH;
          params.height = FRAME_HEIGHT;
          params.measure = chrono_renderer_measure;
          params.measure_data = renderer;
          params.now = 1735689600; /* 2025-01-01: the same "today" on every run */
          params.previous = previous;

          begin = now_us (CLOCK_THREAD_CPUTIME_ID);
          {
            ChronoLayout *layout = chrono_layout_new (&params);

            laid_out = now_us (CLOCK_THREAD_CPUTIME_ID);
            cr = cairo_create (surface);
            chrono_renderer_draw (renderer, cr, layout, &state);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            n_labels += layout->labels->len;
            n_badges += layout->clusters->len;
            g_clear_pointer (&previous, chrono_layout_free);
            previous = layout;
          }
          ms = (now_us (CLOCK_THREAD_CPUTIME_ID) - begin) / 1000.0;
          g_array_append_val (samples, ms);
          ms = (laid_out - begin) / 1000.0;
          g_array_append_val (layout_samples, ms);
        }

      report (name, n, samples, -1);
      /* A frame's cost follows what it shows: at a sparse size it shows less. */
      if (tsv)
        g_printerr ("%s-shows\t%u\t%.1f labels\t%.1f badges\tlayout median %.2f ms\n", name, n,
                    (double) n_labels / frames_per_zoom, (double) n_badges / frames_per_zoom,
                    percentile (layout_samples, 0.5));
      else
        g_print ("%-22s %9u %.1f labels, %.1f badges a frame; layout median %.2f ms\n", "  shows", n,
                 (double) n_labels / frames_per_zoom, (double) n_badges / frames_per_zoom,
                 percentile (layout_samples, 0.5));
      if (pictures != NULL)
        write_pictures (timeline, index, name, n, centre - duration / 2, centre + duration / 2);
    }

  /* What the renderer keeps of titles, markers and badges drawn once (bounded). */
  {
    guint n_bitmaps = 0;
    gsize bytes = 0;

    chrono_renderer_get_bitmap_usage (renderer, &n_bitmaps, &bytes);
    if (tsv)
      g_printerr ("frame-bitmaps\t%u\t%u\t%.1f MiB\n", n, n_bitmaps, bytes / 1048576.0);
    else
      g_print ("%-22s %9u %u kept, %.1f MiB\n", "frame-bitmaps", n, n_bitmaps, bytes / 1048576.0);
  }

  cairo_surface_destroy (surface);
}

/* The longest time the main thread is busy at once while a change of the filter is
 * taken in: the change itself, then each main loop iteration until the index is done
 * (filter-<change>), and the time until the list shows the result (filter-<change>-done).
 * Wall clock, or this thread's CPU time with --cpu. */
static void
bench_filter (ChronoTimeline *timeline,
              guint           n)
{
  static const struct {
    const char *name;
    const char *search;
    const char *hidden;
  } changes[] = {
    { "filter-category", NULL, "research" },
    { "filter-search", "number 1", NULL },
    { "filter-clear", NULL, NULL },
  };
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, filter);

  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *done_name = g_strconcat (changes[c].name, "-done", NULL);

      for (int run = 0; run < runs; run++)
        {
          const char *hidden[] = { changes[c].hidden, NULL };
          gint64 begin, start, end;
          double longest;

          /* From a different filter each time, so that every change changes the list. */
          chrono_event_filter_set_search_text (filter, run % 2 ? "number 2" : NULL);
          chrono_event_filter_set_hidden_categories (filter, run % 2 ? NULL : (const char * const []) { "context", NULL });
          while (chrono_event_index_get_pending (index))
            g_main_context_iteration (NULL, TRUE);

          begin = g_get_monotonic_time ();
          start = now_us (CLOCK_THREAD_CPUTIME_ID);
          chrono_event_filter_set_search_text (filter, changes[c].search);
          chrono_event_filter_set_hidden_categories (filter, hidden);
          longest = (now_us (CLOCK_THREAD_CPUTIME_ID) - start) / 1000.0;
          while (chrono_event_index_get_pending (index))
            {
              start = now_us (CLOCK_THREAD_CPUTIME_ID);
              g_main_context_iteration (NULL, TRUE);
              end = now_us (CLOCK_THREAD_CPUTIME_ID);
              longest = MAX (longest, (end - start) / 1000.0);
            }
          g_array_append_val (blocks, longest);
          longest = (g_get_monotonic_time () - begin) / 1000.0;
          g_array_append_val (totals, longest);
        }

      report (changes[c].name, n, blocks, -1);
      report (done_name, n, totals, -1);
    }
}

/* The resident set of process @pid in MiB, or -1. */
static double
resident_mib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, "\nVmRSS:")) == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("\nVmRSS:"), NULL) / 1024.0;
}

/* The CPU time process @pid has used so far (user and system, all threads), in ms, or -1. */
static double
process_cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after_name = strrchr (stat, ')')) == NULL)
    return -1;

  /* After the name: state (field 3), …, utime (14) and stime (15), in clock ticks. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 / sysconf (_SC_CLK_TCK);
}

/* Runs @argv with CHRONO_DEBUG=frames and returns the milliseconds from exec to the
 * first line of standard error that contains @marker and passes @min_in_view (the
 * app's "N events in view"), then ends the process; *@rss_mib is its resident memory
 * at that moment. */
static double
time_to_first_frame (const char * const *argv,
                     const char         *marker,
                     guint               min_in_view,
                     double             *rss_mib)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GIOChannel) channel = NULL;
  gint64 begin;
  GPid pid;
  int err_fd;
  double ms = -1;

  envp = g_environ_setenv (envp, "CHRONO_DEBUG", "frames", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", BENCH_BUILD_ROOT "/data", TRUE);
  envp = g_environ_setenv (envp, "CHRONOSCOPE_LOCALEDIR", BENCH_BUILD_ROOT "/po", TRUE);
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", FALSE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", FALSE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);

  begin = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, NULL, &err_fd, &error))
    g_error ("chronoscope-bench: cannot start %s: %s", argv[0], error->message);

  channel = g_io_channel_unix_new (err_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  for (;;)
    {
      g_autofree char *line = NULL;
      const char *in_view;

      if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
        break;
      if (strstr (line, marker) == NULL)
        continue;
      in_view = strstr (line, " events in view");
      if (min_in_view > 0)
        {
          const char *digits = in_view;

          if (in_view == NULL)
            continue;
          while (digits > line && g_ascii_isdigit (digits[-1]))
            digits--;
          if (g_ascii_strtoull (digits, NULL, 10) < min_in_view)
            continue;
        }
      ms = cpu_clock ? process_cpu_ms (pid) : (g_get_monotonic_time () - begin) / 1000.0;
      *rss_mib = resident_mib (pid);
      break;
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  if (ms < 0)
    g_error ("chronoscope-bench: %s never reported its first frame", argv[0]);

  return ms;
}

static void
bench_start (const char *name,
             guint       n,
             const char *file,
             guint       min_in_view)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  const char *app_argv[] = { BENCH_BUILD_ROOT "/src/chronoscope", file, NULL };
  double peak_mib = -1;

  for (int run = 0; run < runs; run++)
    {
      double rss_mib = -1;
      double ms = time_to_first_frame (app_argv, "first frame", min_in_view, &rss_mib);

      g_array_append_val (samples, ms);
      peak_mib = MAX (peak_mib, rss_mib);
    }

  report (name, n, samples, peak_mib);
}

/* The baseline and the built-in timeline take turns, run by run, so that a machine
 * getting busier or quieter during the runs weighs on both alike. */
static void
bench_start_builtin (void)
{
  g_autoptr(GArray) baseline_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) builtin_samples = g_array_new (FALSE, FALSE, sizeof (double));
  const char *app_argv[] = { BENCH_BUILD_ROOT "/src/chronoscope", NULL };
  const char *baseline_argv[] = { BENCH_BUILD_ROOT "/tests/bench/chronoscope-bench-baseline", NULL };
  double baseline_mib = -1, builtin_mib = -1;

  for (int run = 0; run < runs; run++)
    {
      double rss_mib = -1;
      double ms;

      ms = time_to_first_frame (baseline_argv, "first frame", 0, &rss_mib);
      g_array_append_val (baseline_samples, ms);
      baseline_mib = MAX (baseline_mib, rss_mib);

      ms = time_to_first_frame (app_argv, "first frame", 0, &rss_mib);
      g_array_append_val (builtin_samples, ms);
      builtin_mib = MAX (builtin_mib, rss_mib);
    }

  report ("start-baseline", 1, baseline_samples, baseline_mib);
  report ("start-builtin", 0, builtin_samples, builtin_mib);
}

static GArray *
parse_sizes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, G_MAXUINT32, &n, NULL))
        g_error ("chronoscope-bench: not a number of events: “%s”", parts[i]);
      g_array_append_val (sizes, n);
    }

  return sizes;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_text = NULL;
  g_autofree char *only = NULL;
  g_autofree char *write_native = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— Chronoscope's performance figures");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  const GOptionEntry entries[] = {
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &tsv, "One tab-separated line per figure", NULL },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Numbers of events (default 1000,10000,100000,1000000)", "N,…" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only these groups: frame, filter, edit, load, start, and same-view (only when asked for)", "GROUP,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each load and start measurement (default 5)", "N" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames_per_zoom, "Frames of each zoom, each panned a fiftieth of the view further, back every 40 (default 40; more for a profiler)", "N" },
    { "write-native", 0, 0, G_OPTION_ARG_FILENAME, &write_native, "Write the generated native file of the first size and stop", "FILE" },
    { "cpu", 0, 0, G_OPTION_ARG_NONE, &cpu_clock, "Time frames and loads by CPU time, not the wall clock", NULL },
    { "zooms", 0, 0, G_OPTION_ARG_STRING, &zooms_only, "Only these frame zooms: all, decade, year, month, day", "ZOOM,…" },
    { "pictures", 0, 0, G_OPTION_ARG_FILENAME, &pictures, "Write the first frame of each zoom as PNG files into DIR", "DIR" },
    { NULL }
  };
  gboolean do_frame, do_filter, do_edit, do_load, do_start, do_same_view;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("chronoscope-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  runs = MAX (runs, 1);
  frames_per_zoom = MAX (frames_per_zoom, 1);
  sizes = parse_sizes (sizes_text != NULL ? sizes_text : "1000,10000,100000,1000000");
  if (write_native != NULL)
    {
      g_autoptr(GBytes) native = generate_native (g_array_index (sizes, guint, 0), FALSE);

      if (!g_file_set_contents (write_native, g_bytes_get_data (native, NULL), g_bytes_get_size (native), &error))
        {
          g_printerr ("chronoscope-bench: %s\n", error->message);
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  do_frame = only == NULL || strstr (only, "frame") != NULL;
  do_filter = only == NULL || strstr (only, "filter") != NULL;
  do_edit = only == NULL || strstr (only, "edit") != NULL;
  do_load = only == NULL || strstr (only, "load") != NULL;
  do_start = only == NULL || strstr (only, "start") != NULL;
  do_same_view = only != NULL && strstr (only, "same-view") != NULL;
  if (do_start && g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("chronoscope-bench: no display, so no start-up figures (run it under Xvfb)\n");
      do_start = FALSE;
    }

  if (tsv)
    g_print ("name\tN\tmedian_ms\tp95_ms\trss_mb\n");
  else
    g_print ("%-22s %9s %10s %10s %10s %9s\n", "figure", "events", "min ms", "median ms", "p95 ms", "peak MiB");

  if (do_start)
    {
      data_home = g_dir_make_tmp ("chronoscope-bench-XXXXXX", &error);
      if (data_home == NULL)
        g_error ("chronoscope-bench: %s", error->message);
      bench_start_builtin ();
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      guint n = g_array_index (sizes, guint, i);
      g_autoptr(GBytes) native = generate_native (n, FALSE);
      g_autofree char *native_path = write_temp (native, ".chronoscope");

      g_clear_pointer (&native, g_bytes_unref);

      if (do_load)
        {
          g_autoptr(GBytes) json = generate_timelinejs (n);
          g_autofree char *json_path = write_temp (json, ".json");

          g_clear_pointer (&json, g_bytes_unref);
          bench_load ("load-native", native_path, n);
          bench_load ("load-timelinejs", json_path, n);
          g_unlink (json_path);
        }

      if (do_frame || do_filter || do_edit)
        {
          g_autoptr(ChronoTimeline) timeline = load_or_die (native_path);

          if (do_frame)
            bench_frames (timeline, n, FALSE);
          if (do_filter)
            bench_filter (timeline, n);
          if (do_edit)
            bench_edit (timeline, 4 * runs, report);
        }

      if (do_start)
        bench_start ("start-native", n, native_path, MAX (n / 2, 1));

      if (do_same_view)
        {
          g_autoptr(GBytes) same = generate_native (n, TRUE);
          g_autofree char *same_path = write_temp (same, ".chronoscope");
          g_autoptr(ChronoTimeline) timeline = load_or_die (same_path);

          g_unlink (same_path);
          bench_frames (timeline, n, TRUE);
        }

      g_unlink (native_path);
    }

  if (data_home != NULL)
    g_rmdir (data_home);

  return EXIT_SUCCESS;
}
