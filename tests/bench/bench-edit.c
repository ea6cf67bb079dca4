/* bench-edit.c — chronoscope-bench's edit figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The longest the main thread is busy at once for one edit of the selected event, with
 * what the window has on the timeline attached: the event index over it and a
 * GtkSingleSelection over the index, the edited event selected before and after (as
 * ChronoSession keeps it). That is the edit with every handler of its signals, then each
 * main loop iteration it left work for, then the query the next frame makes of the
 * index. CPU time of this thread, like the filter figures.
 *   edit-title          a new title (the event keeps its place)
 *   edit-drag           a few days later or earlier (it moves among its neighbours)
 *   edit-move           a date anywhere in the three centuries (it moves far)
 *   edit-add            a new event, where a double-click puts it
 *   edit-delete         the selected event
 *   edit-undo           undoing a move
 *   edit-move-filtered  edit-move with a category hidden
 *   edit-move-quoted    edit-move of an event with a quote, one event in 50 having one
 *   edit-autosave       the copy of the unsaved changes (chrono-autosave.c) after a new
 *                       title: the longest main loop iteration while it is made and written
 */

#include "config.h"

#include <time.h>
#include <glib/gstdio.h>

#include "bench-edit.h"
#include "io/chrono-autosave.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"
#include "model/chrono-event-index.h"
#include "model/chrono-undo-stack.h"

typedef enum
{
  EDIT_TITLE,
  EDIT_DRAG,
  EDIT_MOVE,
  EDIT_ADD,
  EDIT_DELETE,
  EDIT_UNDO,
  EDIT_MOVE_QUOTED,
} EditKind;

static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static ChronoDate
random_day (GRand *rand)
{
  return (ChronoDate) { g_rand_int_range (rand, 1800, 2100), g_rand_int_range (rand, 1, 13),
                        g_rand_int_range (rand, 1, 29), 0, 0, 0, CHRONO_PRECISION_DAY, 0 };
}

static ChronoEdit *
make_edit (ChronoTimeline *timeline,
           ChronoEvent    *event,
           EditKind        kind,
           GRand          *rand)
{
  ChronoDate start = random_day (rand);

  switch (kind)
    {
    case EDIT_TITLE:
      return CHRONO_EDIT (chrono_edit_properties_new (event, "title", g_rand_boolean (rand) ? "Renamed" : "Named again", NULL));

    case EDIT_DRAG:
    case EDIT_MOVE:
    case EDIT_UNDO:
    case EDIT_MOVE_QUOTED:
      if (kind == EDIT_DRAG)
        {
          const ChronoDate *end = chrono_event_get_end (event);

          start = *chrono_event_get_start (event);
          start.precision = MAX (start.precision, CHRONO_PRECISION_DAY);
          start.day = start.day % 28 + 1;
          return CHRONO_EDIT (chrono_edit_span_new (event, &start, end));
        }
      return CHRONO_EDIT (chrono_edit_span_new (event, &start, NULL));

    case EDIT_ADD:
      {
        g_autofree char *id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_EVENT, "event");
        g_autoptr(ChronoEvent) added = chrono_event_new (id, &start, NULL);

        return CHRONO_EDIT (chrono_edit_insert_new (added, NULL, 0));
      }

    case EDIT_DELETE:
      return chrono_edit_delete_new (timeline, event);

    default:
      g_assert_not_reached ();
    }
}

static void
bench_edit_kind (ChronoTimeline     *timeline,
                 ChronoEventIndex   *index,
                 GtkSingleSelection *selection,
                 const char         *name,
                 EditKind            kind,
                 guint               n_samples,
                 BenchReportFunc     report)
{
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = chrono_timeline_get_n_events (timeline);

  for (guint run = 0; run < n_samples; run++)
    {
      g_autoptr(ChronoEdit) edit = NULL;
      ChronoEvent *event = NULL;
      double start, longest;

      /* An event the list shows, selected as the one being edited. */
      for (guint tries = 0;
           tries < 1000 && (event == NULL || chrono_event_index_find (index, event) == G_MAXUINT ||
                            (kind == EDIT_MOVE_QUOTED && chrono_event_get_n_quotes (event) == 0));
           tries++)
        event = chrono_timeline_get_event (timeline, g_rand_int_range (rand, 0, n));
      gtk_single_selection_set_selected (selection, chrono_event_index_find (index, event));
      g_object_ref (event);

      edit = make_edit (timeline, event, kind, rand);
      if (kind == EDIT_UNDO)
        chrono_undo_stack_push (stack, edit);

      start = thread_ms ();
      if (kind == EDIT_UNDO)
        chrono_undo_stack_undo (stack);
      else
        chrono_undo_stack_push (stack, edit);
      if (gtk_single_selection_get_selected_item (selection) != (gpointer) event &&
          chrono_timeline_get_position (timeline, event) != G_MAXUINT)
        gtk_single_selection_set_selected (selection, chrono_event_index_find (index, event));
      longest = thread_ms () - start;

      while (g_main_context_pending (NULL))
        {
          start = thread_ms ();
          g_main_context_iteration (NULL, FALSE);
          longest = MAX (longest, thread_ms () - start);
        }

      start = thread_ms ();
      chrono_event_index_find_most_important (index, 0, chrono_event_index_get_size (index));
      longest = MAX (longest, thread_ms () - start);

      g_array_append_val (blocks, longest);
      g_object_unref (event);
    }

  /* Back to the timeline as loaded, for the next figure. */
  while (chrono_undo_stack_undo (stack))
    ;
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  report (name, n, blocks, -1);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += name[0] != '.';

  return n;
}

static void
bench_edit_autosave (ChronoTimeline  *timeline,
                     guint            n_samples,
                     BenchReportFunc  report)
{
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *path = g_dir_make_tmp ("chronoscope-bench-XXXXXX", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);

  for (guint run = 0; run < n_samples; run++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, g_rand_int_range (rand, 0, chrono_timeline_get_n_events (timeline)));
      g_autoptr(ChronoEdit) edit = make_edit (timeline, event, EDIT_TITLE, rand);
      g_autoptr(ChronoAutosave) autosave = chrono_autosave_new (directory);
      double longest = 0;

      chrono_undo_stack_push (stack, edit);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);

      /* Watched, the copy is due after the delay. */
      chrono_autosave_set_delay (autosave, 0);
      chrono_autosave_watch (autosave, stack);
      while (count_files (path) < 2)
        {
          double start = thread_ms ();

          g_main_context_iteration (NULL, FALSE);
          longest = MAX (longest, thread_ms () - start);
        }
      g_array_append_val (blocks, longest);

      chrono_autosave_discard (autosave);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }

  while (chrono_undo_stack_undo (stack))
    ;
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_rmdir (path);

  report ("edit-autosave", chrono_timeline_get_n_events (timeline), blocks, -1);
}

void
bench_edit (ChronoTimeline  *timeline,
            guint            n_samples,
            BenchReportFunc  report)
{
  static const struct {
    const char *name;
    EditKind    kind;
  } kinds[] = {
    { "edit-title", EDIT_TITLE },
    { "edit-drag", EDIT_DRAG },
    { "edit-move", EDIT_MOVE },
    { "edit-add", EDIT_ADD },
    { "edit-delete", EDIT_DELETE },
    { "edit-undo", EDIT_UNDO },
  };
  g_autoptr(ChronoEventFilter) filter = chrono_event_filter_new ();
  g_autoptr(ChronoEventIndex) index = chrono_event_index_new (timeline, filter);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (index)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    bench_edit_kind (timeline, index, selection, kinds[k].name, kinds[k].kind, n_samples, report);

  chrono_event_filter_set_hidden_categories (filter, (const char * const []) { "research", NULL });
  while (chrono_event_index_get_pending (index))
    g_main_context_iteration (NULL, TRUE);
  bench_edit_kind (timeline, index, selection, "edit-move-filtered", EDIT_MOVE, n_samples, report);

  chrono_event_filter_set_hidden_categories (filter, NULL);
  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i += 50)
    {
      g_autoptr(ChronoQuote) quote = chrono_quote_new ("Words", "en");

      chrono_timeline_insert_quote (timeline, chrono_timeline_get_event (timeline, i), 0, quote);
    }
  bench_edit_kind (timeline, index, selection, "edit-move-quoted", EDIT_MOVE_QUOTED, n_samples, report);

  bench_edit_autosave (timeline, MIN (n_samples, 4), report);
}
