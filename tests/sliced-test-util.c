/* sliced-test-util.c — see sliced-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "model/chrono-edit-properties.h"
#include "sliced-test-util.h"

ChronoTimeline *
sliced_test_timeline_new (guint n)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "Category", "#1c71d8", NULL);

  chrono_timeline_set_title (timeline, "A large timeline");
  chrono_timeline_add_category (timeline, category);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      ChronoDate start = { 1800 + i % 300, 1 + i % 12, 1 + i % 28, 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, "An event with a title of some length");

      chrono_event_set_category (event, category);
      chrono_event_set_summary (event, "A summary that makes the file larger, so that writing it takes a while.");
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

void
sliced_test_rename (ChronoUndoStack *stack,
                    const char      *title)
{
  ChronoTimeline *timeline = chrono_undo_stack_get_timeline (stack);
  g_autoptr(ChronoEditProperties) edit =
    chrono_edit_properties_new (chrono_timeline_get_event (timeline, 0), "title", title, NULL);

  chrono_undo_stack_push (stack, CHRONO_EDIT (edit));
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void
sliced_test_run (SlicedTestStats *stats,
                 guint            slices,
                 gboolean       (*done) (gpointer data),
                 gpointer         data,
                 gint64           deadline)
{
  guint until = slices > 0 ? stats->slices + slices : G_MAXUINT;

  while (stats->slices < until && (done == NULL || !done (data)) && g_get_monotonic_time () < deadline)
    {
      double begin = thread_cpu_ms ();
      gboolean dispatched = g_main_context_iteration (NULL, FALSE);
      double ms = thread_cpu_ms () - begin;

      stats->slices += ms > 0.25;
      stats->dispatches += dispatched;
      stats->busy_ms += ms;
      stats->longest_ms = MAX (stats->longest_ms, ms);
      g_usleep (100);
    }
}
