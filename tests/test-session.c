/* test-session.c — the one object a window's views and panes follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "ui/chrono-session.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-span.h"

typedef struct
{
  guint timeline;
  guint selected;
  guint loading;
  guint failed;
  char *failed_message;
} Notified;

static void
count_cb (ChronoSession *session,
          GParamSpec    *pspec,
          guint         *count)
{
  (*count)++;
}

static void
failed_cb (ChronoSession *session,
           GFile         *file,
           const GError  *error,
           Notified      *notified)
{
  notified->failed++;
  g_free (notified->failed_message);
  notified->failed_message = g_strdup (error->message);
}

static void
watch (ChronoSession *session,
       Notified      *notified)
{
  g_signal_connect (session, "notify::timeline", G_CALLBACK (count_cb), &notified->timeline);
  g_signal_connect (session, "notify::selected-event", G_CALLBACK (count_cb), &notified->selected);
  g_signal_connect (session, "notify::loading", G_CALLBACK (count_cb), &notified->loading);
  g_signal_connect (session, "load-failed", G_CALLBACK (failed_cb), notified);
}

static gboolean
not_loading (gpointer data)
{
  return !chrono_session_get_loading (data);
}

static void
wait_loaded (ChronoSession *session)
{
  while (!not_loading (session))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_timeline (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoViewport *viewport = chrono_session_get_viewport (session);
  Notified notified = { 0 };
  ChronoTime start, end;
  double visible_start, visible_end, fit_start, fit_end, limit_start, limit_end;

  watch (session, &notified);
  g_assert_null (chrono_session_get_timeline (session));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_selection (session))), ==, 0);
  g_assert_false (chrono_session_get_modified (session));

  chrono_session_set_timeline (session, timeline);
  g_assert_cmpuint (notified.timeline, ==, 1);
  g_assert_true (chrono_session_get_timeline (session) == timeline);
  g_assert_null (chrono_session_get_file (session));
  g_assert_false (chrono_session_get_builtin (session));

  /* The filtered events, the list's selection model and the viewport follow. */
  g_assert_true (chrono_event_index_get_timeline (chrono_session_get_events (session)) == timeline);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_selection (session))), ==,
                    chrono_timeline_get_n_events (timeline));
  g_assert_true (chrono_timeline_get_span (timeline, &start, &end));
  chrono_viewport_get_visible_span (viewport, &visible_start, &visible_end);
  chrono_viewport_get_fit_span (viewport, &fit_start, &fit_end);
  g_assert_cmpfloat (visible_start, ==, fit_start);
  g_assert_cmpfloat (visible_end, ==, fit_end);
  /* Fitted to this timeline: its whole span is in view, within the limits. */
  chrono_viewport_get_limits (viewport, &limit_start, &limit_end);
  g_assert_cmpfloat (visible_start, <=, start);
  g_assert_cmpfloat (visible_end, >=, end);
  g_assert_cmpfloat (limit_start, <=, visible_start);
  g_assert_cmpfloat (limit_end, >=, visible_end);

  /* A new timeline clears the selection. */
  chrono_session_select_event (session, chrono_timeline_lookup_event (timeline, "price"));
  g_assert_nonnull (chrono_session_get_selected_event (session));
  chrono_session_set_timeline (session, NULL);
  g_assert_null (chrono_session_get_selected_event (session));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_events (session))), ==, 0);
  g_assert_cmpuint (notified.timeline, ==, 2);
}

static void
test_selection (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEventFilter *filter = chrono_session_get_filter (session);
  GtkSingleSelection *selection = chrono_session_get_selection (session);
  ChronoEvent *price = chrono_timeline_lookup_event (timeline, "price");
  ChronoEvent *alexnet = chrono_timeline_lookup_event (timeline, "alexnet");
  Notified notified = { 0 };
  g_autoptr(ChronoEvent) through_property = NULL;

  chrono_session_set_timeline (session, timeline);
  watch (session, &notified);

  /* One selection: selecting through the session or the list model is the same. */
  chrono_session_select_event (session, price);
  g_assert_true (chrono_session_get_selected_event (session) == price);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == price);
  g_assert_cmpuint (notified.selected, ==, 1);
  g_object_get (session, "selected-event", &through_property, NULL);
  g_assert_true (through_property == price);

  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (chrono_session_get_selected_event (session) == alexnet);
  g_assert_cmpuint (notified.selected, ==, 2);

  g_object_set (session, "selected-event", price, NULL);
  g_assert_true (chrono_session_get_selected_event (session) == price);
  g_assert_cmpuint (notified.selected, ==, 3);

  /* The filter runs once; the selected event stays selected while it passes … */
  chrono_event_filter_set_category_visible (filter, "research", FALSE);
  g_assert_true (chrono_session_get_selected_event (session) == price);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    chrono_event_index_find (chrono_session_get_events (session), price));

  /* … and an event the filter hides cannot be selected. */
  chrono_session_select_event (session, alexnet);
  g_assert_null (chrono_session_get_selected_event (session));
  chrono_event_filter_set_category_visible (filter, "research", TRUE);
  chrono_session_select_event (session, price);
  chrono_event_filter_set_category_visible (filter, "business", FALSE);
  g_assert_null (chrono_session_get_selected_event (session));

  chrono_session_select_event (session, NULL);
  g_assert_null (chrono_session_get_selected_event (session));
}

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

static void
test_edits (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoTimeline) other = ui_test_timeline_new ();
  ChronoEventIndex *events = chrono_session_get_events (session);
  ChronoEvent *price = chrono_timeline_lookup_event (timeline, "price");
  ChronoDate early = date ("1990-05"), late = date ("2030");
  g_autoptr(ChronoEvent) added = chrono_event_new ("added", &early, "Added");
  g_autoptr(ChronoEditInsert) insert = NULL;
  g_autoptr(ChronoEditSpan) move = NULL;
  g_autoptr(ChronoUndoStack) stack = NULL;
  guint n, modified = 0, selected_notifies = 0;

  chrono_session_set_timeline (session, timeline);
  g_signal_connect (session, "notify::modified", G_CALLBACK (count_cb), &modified);
  /* Held, so that a new stack cannot take the old one's address. */
  stack = g_object_ref (chrono_session_get_undo_stack (session));
  g_assert_nonnull (stack);
  g_assert_true (chrono_undo_stack_get_timeline (stack) == timeline);
  g_assert_false (chrono_session_get_modified (session));
  n = chrono_event_index_get_size (events);
  chrono_session_select_event (session, price);
  g_signal_connect (session, "notify::selected-event", G_CALLBACK (count_cb), &selected_notifies);

  /* An event added by an edit is in the filtered events at once, first by its date;
   * the selection keeps its event. */
  insert = chrono_edit_insert_new (added, NULL, 0);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (insert)));
  g_assert_cmpuint (chrono_event_index_get_size (events), ==, n + 1);
  g_assert_true (chrono_event_index_get_event (events, 0) == added);
  g_assert_true (chrono_session_get_selected_event (session) == price);
  g_assert_true (chrono_session_get_modified (session));
  g_assert_cmpuint (modified, ==, 1);

  /* A move re-sorts it: the selected event goes last and stays selected, without a
   * notification that would make the views go after it. */
  move = chrono_edit_span_new (price, &late, NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (move)));
  g_assert_true (chrono_event_index_get_event (events, n) == price);
  g_assert_true (chrono_session_get_selected_event (session) == price);
  g_assert_cmpuint (gtk_single_selection_get_selected (chrono_session_get_selection (session)), ==, n);
  g_assert_cmpuint (selected_notifies, ==, 0);

  /* Undone, all is as loaded, and not modified. */
  g_assert_true (chrono_undo_stack_undo (stack));
  g_assert_true (chrono_undo_stack_undo (stack));
  g_assert_cmpuint (chrono_event_index_get_size (events), ==, n);
  g_assert_cmpuint (chrono_event_index_find (events, added), ==, G_MAXUINT);
  g_assert_cmpint (chrono_event_get_start (price)->year, ==, 2022);
  g_assert_true (chrono_session_get_selected_event (session) == price);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_cmpuint (modified, ==, 2);

  /* Another timeline comes with its own history; leaving a modified one says so. */
  g_assert_true (chrono_undo_stack_redo (stack));
  g_assert_true (chrono_session_get_modified (session));
  chrono_session_set_timeline (session, other);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_cmpuint (modified, ==, 4);
  g_assert_true (chrono_session_get_undo_stack (session) != stack);
  g_assert_false (chrono_undo_stack_get_can_undo (chrono_session_get_undo_stack (session)));
}

/* The limits of panning and zooming out cover [start, end), and Ctrl+0 shows it. */
static void
assert_reachable (ChronoViewport *viewport,
                  ChronoTime      start,
                  ChronoTime      end)
{
  double limit_start, limit_end, fit_start, fit_end;

  chrono_viewport_get_limits (viewport, &limit_start, &limit_end);
  g_assert_cmpfloat (limit_start, <, start);
  g_assert_cmpfloat (limit_end, >, end);
  chrono_viewport_get_fit_span (viewport, &fit_start, &fit_end);
  g_assert_cmpfloat (fit_start, <=, start);
  g_assert_cmpfloat (fit_end, >=, end);
}

static void
test_edits_widen_span (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoViewport *viewport = chrono_session_get_viewport (session);
  ChronoEvent *price = chrono_timeline_lookup_event (timeline, "price");
  ChronoDate moon = date ("1969-07-20"), far = date ("2300");
  g_autoptr(ChronoEvent) added = chrono_event_new ("added", &far, "Added");
  g_autoptr(ChronoEditInsert) insert = NULL;
  g_autoptr(ChronoEditSpan) move = NULL;
  ChronoUndoStack *stack;
  ChronoTime start, end, loaded_start, loaded_end;
  double visible_start, visible_end, limit_start, limit_end;

  chrono_session_set_timeline (session, timeline);
  stack = chrono_session_get_undo_stack (session);
  g_assert_true (chrono_timeline_get_span (timeline, &loaded_start, &loaded_end));
  g_assert_cmpint (loaded_start, >, chrono_date_get_end (&moon));
  g_assert_cmpint (loaded_end, <, chrono_date_get_start (&far));

  /* An event moved before the span, or added after it, can be reached. */
  move = chrono_edit_span_new (price, &moon, NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (move)));
  assert_reachable (viewport, chrono_date_get_start (&moon), loaded_end);
  insert = chrono_edit_insert_new (added, NULL, 0);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (insert)));
  assert_reachable (viewport, chrono_date_get_start (&moon), chrono_date_get_end (&far));

  /* The same limits as the timeline would have if it were opened so. */
  {
    g_autoptr(ChronoSession) fresh = chrono_session_new ();
    double fresh_start, fresh_end;

    chrono_session_set_timeline (fresh, timeline);
    chrono_viewport_get_limits (chrono_session_get_viewport (fresh), &fresh_start, &fresh_end);
    chrono_viewport_get_limits (viewport, &limit_start, &limit_end);
    g_assert_cmpfloat (limit_start, ==, fresh_start);
    g_assert_cmpfloat (limit_end, ==, fresh_end);
  }

  /* Undone or deleted, the span stays: an edit does not move the view, and nothing that
   * could be reached stops being reachable. Reopened, it fits the events again. */
  chrono_viewport_get_visible_span (viewport, &visible_start, &visible_end);
  g_assert_true (chrono_undo_stack_undo (stack));
  g_assert_true (chrono_undo_stack_undo (stack));
  assert_reachable (viewport, chrono_date_get_start (&moon), chrono_date_get_end (&far));
  g_assert_true (chrono_undo_stack_redo (stack));
  {
    g_autoptr(ChronoEdit) delete = chrono_edit_delete_new (timeline, price);

    g_assert_true (chrono_session_push_edit (session, delete));
    g_assert_true (chrono_timeline_get_span (timeline, &start, &end));
    g_assert_cmpint (start, >, chrono_date_get_end (&moon));
    assert_reachable (viewport, chrono_date_get_start (&moon), chrono_date_get_end (&far));
  }
  {
    double now_start, now_end;

    chrono_viewport_get_visible_span (viewport, &now_start, &now_end);
    g_assert_cmpfloat (now_start, ==, visible_start);
    g_assert_cmpfloat (now_end, ==, visible_end);
  }
}

/* A timeline of events all on one date, opened and then fitted with Ctrl+0. */
static void
assert_moment_fit (const char * const *dates,
                   double              at_least,
                   double              at_most)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("c", "C", "#336699", "#88aadd");
  ChronoViewport *viewport = chrono_session_get_viewport (session);
  ChronoTime start, end;
  double visible_start, visible_end, middle;

  chrono_timeline_add_category (timeline, category);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      ChronoDate when = date (dates[i]);
      g_autoptr(ChronoEvent) event = chrono_event_new (id, &when, "Event");

      chrono_event_set_category (event, category);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);
  g_assert_true (chrono_timeline_get_span (timeline, &start, &end));
  middle = (start + end) / 2.0;

  chrono_session_set_timeline (session, timeline);
  for (guint fit = 0; fit < 2; fit++)
    {
      chrono_viewport_get_visible_span (viewport, &visible_start, &visible_end);
      g_test_message ("%s: %g days shown", dates[0], (visible_end - visible_start) / 86400);
      g_assert_cmpfloat (visible_end - visible_start, >=, at_least);
      g_assert_cmpfloat (visible_end - visible_start, <=, at_most);
      /* The date in the middle. */
      g_assert_cmpfloat (fabs ((visible_start + visible_end) / 2 - middle), <, (visible_end - visible_start) / 20);

      chrono_viewport_zoom_at (viewport, 8, middle);
      chrono_viewport_zoom_to_fit (viewport);
    }
}

/* A timeline of one moment fits to dates around it at about its own precision, not to
 * the hours of the one date: a day among some days, a year among some years. */
static void
test_one_moment_span (void)
{
  static const char *day[] = { "1969-07-20", NULL };
  static const char *same_day[] = { "1969-07-20", "1969-07-20T20:17", "1969-07-20", NULL };
  static const char *year[] = { "1969", NULL };
  static const char *minute[] = { "1969-07-20T20:17", NULL };

  assert_moment_fit (day, 7 * 86400.0, 62 * 86400.0);
  assert_moment_fit (same_day, 7 * 86400.0, 62 * 86400.0);
  assert_moment_fit (year, 5 * 365 * 86400.0, 30 * 366 * 86400.0);
  assert_moment_fit (minute, 7 * 60.0, 2 * 3600.0);
}

static void
test_new_timeline_span (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  ChronoViewport *viewport = chrono_session_get_viewport (session);
  ChronoTime now = g_get_real_time () / G_USEC_PER_SEC;
  double visible_start, visible_end;

  chrono_session_new_timeline (session);
  chrono_viewport_get_visible_span (viewport, &visible_start, &visible_end);
  g_assert_cmpfloat (visible_start, <=, now);
  g_assert_cmpfloat (visible_end, >=, now);
  g_assert_cmpfloat (visible_end - visible_start, <, 2 * 366 * 86400.0);

  /* Its first event leaves the year in view and within reach, to place the next one
   * with the mouse; it did zoom in to the hour around the event. */
  {
    ChronoDate day;
    g_autoptr(ChronoEvent) first = NULL;
    g_autoptr(ChronoEditInsert) insert = NULL;
    double start, end, limit_start, limit_end;

    chrono_date_from_time (now, CHRONO_PRECISION_DAY, &day);
    first = chrono_event_new ("first", &day, "First");
    insert = chrono_edit_insert_new (first, NULL, 0);
    chrono_viewport_set_visible_span (viewport, visible_start, visible_end);
    g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (insert)));
    chrono_viewport_get_visible_span (viewport, &start, &end);
    g_assert_cmpfloat (end - start, ==, visible_end - visible_start);
    chrono_viewport_get_limits (viewport, &limit_start, &limit_end);
    g_assert_cmpfloat (limit_end - limit_start, >, 365 * 86400.0);
  }
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static void
test_load (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(GFile) file = data_file ("sample.chronoscope");
  g_autoptr(GFile) broken = data_file ("truncated.chronoscope");
  Notified notified = { 0 };
  ChronoTimeline *loaded;

  watch (session, &notified);

  chrono_session_load (session, file, FALSE);
  g_assert_true (chrono_session_get_loading (session));
  g_assert_true (chrono_session_get_opening_file (session) == file);
  g_assert_cmpuint (notified.loading, ==, 1);
  wait_loaded (session);

  g_assert_cmpuint (notified.loading, ==, 2);
  g_assert_null (chrono_session_get_opening_file (session));
  loaded = chrono_session_get_timeline (session);
  g_assert_nonnull (loaded);
  g_assert_true (g_file_equal (chrono_session_get_file (session), file));
  g_assert_false (chrono_session_get_builtin (session));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_events (session))), ==,
                    chrono_timeline_get_n_events (loaded));
  g_assert_cmpuint (notified.failed, ==, 0);

  /* A broken file is reported with its name; the timeline shown stays. */
  chrono_session_load (session, broken, FALSE);
  wait_loaded (session);
  g_assert_cmpuint (notified.failed, ==, 1);
  g_assert_nonnull (strstr (notified.failed_message, "truncated.chronoscope"));
  g_assert_true (chrono_session_get_timeline (session) == loaded);
  g_free (notified.failed_message);
}

/* The built-in timeline is shown, never edited. */
static void
test_builtin_read_only (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(GFile) file = data_file ("sample.chronoscope");
  ChronoDate when = date ("2001");
  g_autoptr(ChronoEvent) event = chrono_event_new ("new", &when, "New");
  g_autoptr(ChronoEditInsert) insert = chrono_edit_insert_new (event, NULL, 0);
  guint n;

  chrono_session_load (session, file, TRUE);
  wait_loaded (session);
  g_assert_true (chrono_session_get_builtin (session));
  n = chrono_timeline_get_n_events (chrono_session_get_timeline (session));

  g_assert_false (chrono_session_push_edit (session, CHRONO_EDIT (insert)));
  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (session)), ==, n);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_false (chrono_undo_stack_get_can_undo (chrono_session_get_undo_stack (session)));
}

static void
test_load_order (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(GFile) native = data_file ("sample.chronoscope");
  g_autoptr(GFile) timelinejs = data_file ("sample-timelinejs.json");
  g_autoptr(ChronoTimeline) own = ui_test_timeline_new ();
  Notified notified = { 0 };

  watch (session, &notified);

  /* A file opened after another supersedes it. */
  chrono_session_load (session, native, FALSE);
  chrono_session_load (session, timelinejs, FALSE);
  wait_loaded (session);
  g_assert_true (g_file_equal (chrono_session_get_file (session), timelinejs));
  g_assert_cmpuint (notified.timeline, ==, 1);

  /* A timeline set while a file loads wins over it. */
  chrono_session_load (session, native, FALSE);
  chrono_session_set_timeline (session, own);
  wait_loaded (session);
  g_assert_true (chrono_session_get_timeline (session) == own);

  /* Cancel leaves the timeline as it was. */
  chrono_session_load (session, native, FALSE);
  chrono_session_cancel_load (session);
  g_assert_null (chrono_session_get_opening_file (session));
  wait_loaded (session);
  g_assert_true (chrono_session_get_timeline (session) == own);
  g_assert_cmpuint (notified.failed, ==, 0);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* A session that goes while a file loads is not touched by the load's end. */
static void
test_dispose_while_loading (void)
{
  ChronoSession *session = chrono_session_new ();
  g_autoptr(GFile) file = data_file ("sample.chronoscope");
  gboolean done = FALSE;

  chrono_session_load (session, file, FALSE);
  chrono_session_load (session, file, TRUE);
  g_assert_finalize_object (session);

  /* Long enough for both loads to finish and call back. */
  g_timeout_add (500, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/session/timeline", test_timeline);
  g_test_add_func ("/ui/session/selection", test_selection);
  g_test_add_func ("/ui/session/edits", test_edits);
  g_test_add_func ("/ui/session/edits-widen-span", test_edits_widen_span);
  g_test_add_func ("/ui/session/new-timeline-span", test_new_timeline_span);
  g_test_add_func ("/ui/session/one-moment-span", test_one_moment_span);
  g_test_add_func ("/ui/session/builtin-read-only", test_builtin_read_only);
  g_test_add_func ("/ui/session/load", test_load);
  g_test_add_func ("/ui/session/load-order", test_load_order);
  g_test_add_func ("/ui/session/dispose-while-loading", test_dispose_while_loading);

  return g_test_run ();
}
