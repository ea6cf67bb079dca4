/* bench-edit.c — edits and undo on a million-event timeline
 *
 * Prints figures; asserts nothing about time.
 * Usage: bench-edit [N_EVENTS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"
#include "model/chrono-undo-stack.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static ChronoDate
random_day (GRand *rand)
{
  return (ChronoDate) { g_rand_int_range (rand, 1800, 2100), g_rand_int_range (rand, 1, 13),
                        g_rand_int_range (rand, 1, 29), 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
}

int
main (int   argc,
      char *argv[])
{
  guint n_events = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  const guint n_edits = 200;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoUndoStack) stack = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  double t;

  setlocale (LC_ALL, "");

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      ChronoDate start = random_day (rand);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, id);

      if (i % 50 == 0)
        {
          g_autoptr(ChronoQuote) quote = chrono_quote_new ("Words", "en");

          chrono_event_add_quote (event, quote);
        }
      chrono_timeline_add_event (timeline, event);
    }
  t = now ();
  chrono_timeline_seal (timeline);
  g_print ("%u events sealed in %.3f s\n", n_events, now () - t);
  stack = chrono_undo_stack_new (timeline);

  t = now ();
  for (guint i = 0; i < n_edits; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, g_rand_int_range (rand, 0, n_events));
      ChronoDate start = random_day (rand);
      g_autoptr(ChronoEditSpan) edit = chrono_edit_span_new (event, &start, NULL);

      chrono_undo_stack_push (stack, CHRONO_EDIT (edit));
    }
  g_print ("move an event (drag): %.2f ms each\n", (now () - t) * 1000 / n_edits);

  t = now ();
  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_EVENT, "event");
      ChronoDate start = random_day (rand);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, "New");
      g_autoptr(ChronoEditInsert) edit = chrono_edit_insert_new (event, NULL, 0);

      chrono_undo_stack_push (stack, CHRONO_EDIT (edit));
    }
  g_print ("add an event: %.2f ms each\n", (now () - t) * 1000 / n_edits);

  t = now ();
  for (guint i = 0; i < n_edits; i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, g_rand_int_range (rand, 0, n_events));
      g_autoptr(ChronoEditProperties) edit = chrono_edit_properties_new (event, "title", "Renamed", NULL);

      chrono_undo_stack_push (stack, CHRONO_EDIT (edit));
    }
  g_print ("rename an event: %.3f ms each\n", (now () - t) * 1000 / n_edits);

  t = now ();
  while (chrono_undo_stack_undo (stack))
    ;
  g_print ("undo: %.2f ms a step on average\n", (now () - t) * 1000 / (3 * n_edits));

  t = now ();
  for (guint i = 0; i < 1000; i++)
    {
      ChronoTime start = chrono_timeline_get_start_times (timeline)[g_rand_int_range (rand, 0, n_events)];

      g_array_set_size (found, 0);
      chrono_timeline_query_range (timeline, start, start + 7 * 86400, found);
    }
  g_print ("1000 range queries of one week after the edits: %.4f s\n", now () - t);

  return 0;
}
