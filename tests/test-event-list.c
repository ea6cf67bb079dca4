/* test-event-list.c — the sidebar's list follows the selected event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/chrono-edit-span.h"
#include "ui-test-util.h"
#include "ui/chrono-event-list.h"
#include "ui/chrono-event-row.h"
#include "ui/chrono-session.h"

#define N_EVENTS 300

typedef struct
{
  ChronoSession   *session;
  ChronoTimeline  *timeline;
  GtkWindow       *window;
  ChronoEventList *list;
  GtkWidget       *list_view;
  guint            n_shown_at_move;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->session = chrono_session_new ();
  fixture->timeline = ui_test_big_timeline_new (N_EVENTS);
  chrono_session_set_timeline (fixture->session, fixture->timeline);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 480);
  fixture->list = g_object_new (CHRONO_TYPE_EVENT_LIST, NULL);
  fixture->list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->list), CHRONO_TYPE_EVENT_LIST,
                                                                  "list_view"));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  ui_test_iterate ();
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->timeline);
}

/* The row that shows @event, or NULL when the list has none made for it. */
static GtkWidget *
find_row (Fixture     *fixture,
          ChronoEvent *event)
{
  for (GtkWidget *item = gtk_widget_get_first_child (fixture->list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = ui_test_find_child (item, CHRONO_TYPE_EVENT_ROW);

      if (row != NULL && chrono_event_row_get_event (CHRONO_EVENT_ROW (row)) == event)
        return item;
    }

  return NULL;
}

/* Whether the row that shows @event lies whole inside the part of the list that the
 * scrolled window shows. */
static gboolean
row_shown (Fixture     *fixture,
           ChronoEvent *event)
{
  GtkWidget *item = find_row (fixture, event);
  GtkWidget *viewport = gtk_widget_get_ancestor (fixture->list_view, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (item == NULL || !gtk_widget_get_mapped (item) || !gtk_widget_get_child_visible (item) ||
      !gtk_widget_compute_bounds (item, viewport, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 && bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

static gboolean
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Why the row of @event is not in view, for the test's log. */
static void
tell_where (Fixture     *fixture,
            ChronoEvent *event)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->list_view));
  GtkWidget *item = find_row (fixture, event);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  if (item != NULL && !gtk_widget_compute_bounds (item, fixture->list_view, &bounds))
    item = NULL;
  g_test_message ("%s not in view: the list is scrolled to %g of %g, page %g; its row %s at %g, %g high",
                  chrono_event_get_id (event), gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment),
                  item != NULL ? "is" : "is not made, or", bounds.origin.y, bounds.size.height);
}

/* Frames are drawn until the row of @event is in view, for at most @seconds (a loaded
 * machine is slow; a list that does not follow never gets there). */
static gboolean
wait_row_shown (Fixture     *fixture,
                ChronoEvent *event,
                guint        seconds)
{
  gboolean time_up = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, time_up_cb, &time_up);

  while (!row_shown (fixture, event) && !time_up)
    g_main_context_iteration (NULL, TRUE);
  if (!time_up)
    g_source_remove (timeout);

  if (!row_shown (fixture, event))
    {
      tell_where (fixture, event);
      return FALSE;
    }

  return TRUE;
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

/* Whether the next frame drawn shows the row of @event whole: the list follows an event
 * before it is drawn in its new place, not a frame later. */
static gboolean
next_frame_shows (Fixture     *fixture,
                  ChronoEvent *event)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  guint n_frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &n_frames);
  gboolean time_up = FALSE;
  guint timeout = g_timeout_add_seconds (30, time_up_cb, &time_up);

  while (n_frames == 0 && !time_up)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  if (!time_up)
    g_source_remove (timeout);
  g_assert_cmpuint (n_frames, >, 0);

  if (!row_shown (fixture, event))
    {
      tell_where (fixture, event);
      return FALSE;
    }

  return TRUE;
}

static void
move_event (Fixture     *fixture,
            ChronoEvent *event,
            ChronoTime   time)
{
  ChronoDate date = { 0 };
  g_autoptr(ChronoEditSpan) edit = NULL;

  chrono_date_from_time (time, CHRONO_PRECISION_DAY, &date);
  edit = chrono_edit_span_new (event, &date, NULL);
  g_assert_true (chrono_session_push_edit (fixture->session, CHRONO_EDIT (edit)));
}

/* An edit that moves the selected event to the other end of the list (a new date in the
 * editor, a drag on the timeline) scrolls the list to it, and so does undoing it. */
static void
test_follows_moved_event (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronoEvent *event = chrono_timeline_lookup_event (fixture->timeline, "e0000001");
  GtkSingleSelection *selection = chrono_session_get_selection (fixture->session);

  chrono_event_list_set_session (fixture->list, fixture->session);
  gtk_window_present (fixture->window);
  chrono_session_select_event (fixture->session, event);
  g_assert_true (wait_row_shown (fixture, event, 10));

  move_event (fixture, event, (ChronoTime) N_EVENTS * 86400);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, N_EVENTS - 1);
  g_assert_true (next_frame_shows (fixture, event));

  chrono_session_undo (fixture->session);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_true (next_frame_shows (fixture, event));

  /* Into the middle, between rows laid out long ago, before e0000150 of the same day. */
  move_event (fixture, event, (ChronoTime) N_EVENTS / 6 * 86400);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, N_EVENTS / 2 - 1);
  g_assert_true (next_frame_shows (fixture, event));

  chrono_session_undo (fixture->session);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_true (next_frame_shows (fixture, event));

  /* An edit that moves another event past the selected one leaves the list where it is. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->list_view)),
                            gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->list_view))) / 2);
  ui_test_iterate ();
  g_assert_false (row_shown (fixture, event));
  move_event (fixture, chrono_timeline_lookup_event (fixture->timeline, "e0000299"), -86400);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_false (wait_row_shown (fixture, event, 1));
}

static void
move_at_first_frame_cb (GdkFrameClock *clock,
                        Fixture       *fixture)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (fixture->list_view)));

  g_signal_handlers_disconnect_by_func (clock, move_at_first_frame_cb, fixture);
  fixture->n_shown_at_move = g_list_model_get_n_items (shown);
  move_event (fixture, chrono_session_get_selected_event (fixture->session), (ChronoTime) N_EVENTS * 86400);
}

/* The list shows a screenful of events after the first frame, the others after the
 * frames that follow; an event selected before and moved past those shown at first is
 * shown all the same. */
static void
test_follows_past_partial_limit (Fixture       *fixture,
                                 gconstpointer  data)
{
  ChronoEvent *event = chrono_timeline_lookup_event (fixture->timeline, "e0000000");
  GtkSelectionModel *shown = gtk_list_view_get_model (GTK_LIST_VIEW (fixture->list_view));

  chrono_session_select_event (fixture->session, event);
  chrono_event_list_set_session (fixture->list, fixture->session);
  gtk_window_present (fixture->window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "after-paint",
                    G_CALLBACK (move_at_first_frame_cb), fixture);

  g_assert_true (wait_row_shown (fixture, event, 10));
  g_assert_cmpuint (fixture->n_shown_at_move, >, 0);
  g_assert_cmpuint (fixture->n_shown_at_move, <, N_EVENTS / 2);
  g_assert_true (gtk_selection_model_is_selected (shown, N_EVENTS - 1));
}

/* A list given another session lets go of the first one's events. */
static void
test_lets_go_of_old_session (Fixture       *fixture,
                             gconstpointer  data)
{
  ChronoSession *old_session = chrono_session_new ();
  ChronoTimeline *old_timeline = ui_test_big_timeline_new (10);
  ChronoEvent *event = chrono_timeline_lookup_event (old_timeline, "e0000003");

  g_assert_nonnull (event);
  g_object_add_weak_pointer (G_OBJECT (event), (gpointer *) &event);
  chrono_session_set_timeline (old_session, old_timeline);
  chrono_event_list_set_session (fixture->list, old_session);
  chrono_session_select_event (old_session, event);
  gtk_window_present (fixture->window);
  ui_test_iterate ();

  chrono_event_list_set_session (fixture->list, fixture->session);
  g_object_unref (old_session);
  g_object_unref (old_timeline);
  ui_test_iterate ();
  g_assert_null (event);
}

static gboolean
row_made (gpointer list)
{
  GtkWidget *row = ui_test_find_child (GTK_WIDGET (list), CHRONO_TYPE_EVENT_ROW);

  return row != NULL && chrono_event_row_get_event (CHRONO_EVENT_ROW (row)) != NULL &&
         gtk_widget_get_mapped (row);
}

/* A long date reads whole in a sidebar as wide as the window's, over two lines: a span
 * of days (“10 December 1815 – 27 November 1852”), or of approximate days. (It was cut
 * short with “…” on one line.) */
static void
test_long_date_wraps (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoEvent) event = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronoEventList *list = g_object_new (CHRONO_TYPE_EVENT_LIST, NULL);
  ChronoDate start, end;
  GtkLabel *date_label = NULL;
  GtkWidget *row;

  g_assert_true (chrono_date_parse ("1815-12-10", &start, NULL));
  g_assert_true (chrono_date_parse ("1852-11-27", &end, NULL));
  start.flags = end.flags = CHRONO_DATE_APPROXIMATE;
  event = chrono_event_new ("ada", &start, "Ada Lovelace");
  chrono_event_set_end (event, &end);
  chrono_timeline_add_event (timeline, event);
  chrono_timeline_seal (timeline);
  chrono_session_set_timeline (session, timeline);

  /* The sidebar's width in the window. */
  gtk_widget_set_size_request (GTK_WIDGET (list), 300, -1);
  gtk_window_set_default_size (window, 300, 480);
  gtk_window_set_child (window, GTK_WIDGET (list));
  chrono_event_list_set_session (list, session);
  gtk_window_present (window);
  ui_test_wait_for (row_made, list);

  row = ui_test_find_child (GTK_WIDGET (list), CHRONO_TYPE_EVENT_ROW);
  date_label = GTK_LABEL (gtk_widget_get_template_child (row, CHRONO_TYPE_EVENT_ROW, "date_label"));
  g_test_message ("%s", gtk_label_get_text (date_label));
  g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (date_label), -1), >, 40);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (date_label)));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (date_label)), ==, 2);

  gtk_window_destroy (window);
  ui_test_iterate ();
}

/* A timeline with no events says so, and how to add one, instead of an empty list; a
 * search that finds nothing still says that, and a timeline with events lists them. */
static void
test_empty_timeline (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronoEventList *list = g_object_new (CHRONO_TYPE_EVENT_LIST, NULL);
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (list), CHRONO_TYPE_EVENT_LIST, "list_stack"));

  gtk_window_set_child (window, GTK_WIDGET (list));
  chrono_event_list_set_session (list, session);
  gtk_window_present (window);
  ui_test_iterate ();
  /* Nothing loaded yet: nothing to say. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  chrono_session_new_timeline (session);
  ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (stack)));

  chrono_session_set_timeline (session, timeline);
  ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  chrono_event_filter_set_search_text (chrono_session_get_filter (session), "no such thing anywhere");
  ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  gtk_window_destroy (window);
  ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/event-list/long-date-wraps", test_long_date_wraps);
  g_test_add_func ("/ui/event-list/empty-timeline", test_empty_timeline);
  g_test_add ("/ui/event-list/follows-moved-event", Fixture, NULL, fixture_set_up, test_follows_moved_event,
              fixture_tear_down);
  g_test_add ("/ui/event-list/follows-past-partial-limit", Fixture, NULL, fixture_set_up,
              test_follows_past_partial_limit, fixture_tear_down);
  g_test_add ("/ui/event-list/lets-go-of-old-session", Fixture, NULL, fixture_set_up,
              test_lets_go_of_old_session, fixture_tear_down);

  return g_test_run ();
}
