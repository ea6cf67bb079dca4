/* test-timeline-edit.c — making, moving and resizing events on the timeline view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ui/chrono-session.h"
#include "view/chrono-timeline-view-private.h"

#define WIDTH  1000
#define HEIGHT 400

typedef struct
{
  ChronoTimeline     *timeline;
  ChronoSession      *session;
  GtkWidget          *window;
  ChronoTimelineView *view;
  ChronoViewport     *viewport;
  guint               n_edits;
  ChronoEvent        *edited;
  ChronoDate          start;
  ChronoDate          end;
  gboolean            has_end;
  guint               n_created;
  ChronoDate          created;
} Fixture;

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

static void
add_event (ChronoTimeline *timeline,
           const char     *id,
           const char     *start,
           const char     *end)
{
  ChronoDate s = date (start);
  g_autoptr(ChronoEvent) event = chrono_event_new (id, &s, id);

  if (end != NULL)
    {
      ChronoDate e = date (end);

      chrono_event_set_end (event, &e);
    }
  chrono_timeline_add_event (timeline, event);
}

static void
span_edited_cb (ChronoTimelineView *view,
                ChronoEvent        *event,
                const ChronoDate   *start,
                const ChronoDate   *end,
                Fixture            *fixture)
{
  fixture->n_edits++;
  fixture->edited = event;
  fixture->start = *start;
  fixture->has_end = end != NULL;
  if (end != NULL)
    fixture->end = *end;
}

static void
create_event_cb (ChronoTimelineView *view,
                 const ChronoDate   *created,
                 Fixture            *fixture)
{
  fixture->n_created++;
  fixture->created = *created;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ChronoDate from = date ("2000"), to = date ("2030");
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture->timeline = chrono_timeline_new ();
  add_event (fixture->timeline, "launch", "2022-11-30", NULL);
  add_event (fixture->timeline, "dinners", "2005-07", "2008-03");
  chrono_timeline_seal (fixture->timeline);

  fixture->view = CHRONO_TIMELINE_VIEW (chrono_timeline_view_new ());
  fixture->session = chrono_session_new ();
  chrono_session_set_timeline (fixture->session, fixture->timeline);
  g_object_set (fixture->view, "session", fixture->session, NULL);
  fixture->viewport = chrono_session_get_viewport (fixture->session);
  chrono_timeline_view_set_editable (fixture->view, TRUE);
  g_signal_connect (fixture->view, "span-edited", G_CALLBACK (span_edited_cb), fixture);
  g_signal_connect (fixture->view, "create-event", G_CALLBACK (create_event_cb), fixture);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->view), WIDTH, HEIGHT);

  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  while ((gtk_widget_get_width (GTK_WIDGET (fixture->view)) != WIDTH ||
          !gtk_widget_get_mapped (GTK_WIDGET (fixture->view))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  /* Thirty years: the axis ticks are years. */
  chrono_viewport_set_visible_span (fixture->viewport, chrono_date_get_start (&from), chrono_date_get_start (&to));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->timeline);
}

static const ChronoLayoutLabel *
find_label (Fixture    *fixture,
            const char *id)
{
  ChronoLayout *layout = chrono_timeline_view_get_layout (fixture->view);
  ChronoEvent *event = chrono_timeline_lookup_event (fixture->timeline, id);

  g_assert_nonnull (layout);
  return chrono_layout_find_label (layout, chrono_timeline_get_position (fixture->timeline, event));
}

static double
years_in_pixels (Fixture *fixture,
                 double   years)
{
  double start, end;

  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);

  return years * 365.2425 * 86400 * WIDTH / (end - start);
}

static void
test_drag_moves (Fixture       *fixture,
                 gconstpointer  data)
{
  const ChronoLayoutLabel *label = find_label (fixture, "launch");

  g_assert_nonnull (label);

  /* Three years and a bit to the left: snapped to three years, the day kept. */
  chrono_timeline_view_edit_drag (fixture->view, label->box.x + 4, label->box.y + label->box.height / 2,
                                  -years_in_pixels (fixture, 3.2));
  g_assert_cmpuint (fixture->n_edits, ==, 1);
  g_assert_cmpstr (chrono_event_get_id (fixture->edited), ==, "launch");
  g_assert_cmpint (fixture->start.year, ==, 2019);
  g_assert_cmpint (fixture->start.month, ==, 11);
  g_assert_cmpint (fixture->start.day, ==, 30);
  g_assert_false (fixture->has_end);

  /* The view changed nothing itself. */
  g_assert_cmpint (chrono_event_get_start (fixture->edited)->year, ==, 2022);
}

static void
test_drag_resizes (Fixture       *fixture,
                   gconstpointer  data)
{
  const ChronoLayoutLabel *label = find_label (fixture, "dinners");

  g_assert_nonnull (label);
  g_assert_true (label->is_range);

  /* From the end of the bar, two years to the right: the end moves, the start stays. */
  chrono_timeline_view_edit_drag (fixture->view, label->x_end - 2, label->box.y + label->box.height / 2,
                                  years_in_pixels (fixture, 2));
  g_assert_cmpuint (fixture->n_edits, ==, 1);
  g_assert_cmpint (fixture->start.year, ==, 2005);
  g_assert_cmpint (fixture->start.month, ==, 7);
  g_assert_true (fixture->has_end);
  g_assert_cmpint (fixture->end.year, ==, 2010);
  g_assert_cmpint (fixture->end.month, ==, 3);

  /* Not before its start, however far back. */
  label = find_label (fixture, "dinners");
  chrono_timeline_view_edit_drag (fixture->view, label->x_end - 2, label->box.y + label->box.height / 2,
                                  -years_in_pixels (fixture, 20));
  g_assert_cmpint (chrono_date_get_end (&fixture->end), >, chrono_date_get_start (&fixture->start));
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  const ChronoLayoutLabel *label = find_label (fixture, "launch");
  double x = label->box.x + 4, y = label->box.y + label->box.height / 2;

  /* Pressed, dragged (the view shows where it would go), Escape, more dragging, then
   * released: no edit. */
  g_assert_true (_chrono_timeline_view_edit_press (fixture->view, x, y));
  _chrono_timeline_view_edit_drag (fixture->view, -years_in_pixels (fixture, 2));
  g_assert_true (fixture->view->edit_moved);
  g_assert_cmpint (fixture->view->edit_new_start.year, ==, 2020);
  g_assert_true (chrono_timeline_view_cancel_edit_drag (fixture->view));
  g_assert_true (_chrono_timeline_view_is_edit_dragging (fixture->view));
  _chrono_timeline_view_edit_drag (fixture->view, -years_in_pixels (fixture, 5));
  _chrono_timeline_view_edit_release (fixture->view);
  g_assert_cmpuint (fixture->n_edits, ==, 0);
  g_assert_false (_chrono_timeline_view_is_edit_dragging (fixture->view));

  /* Nothing is being dragged now: Escape goes on to the window. */
  g_assert_false (chrono_timeline_view_cancel_edit_drag (fixture->view));
}

static void
test_double_click_creates (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronoLayout *layout = chrono_timeline_view_get_layout (fixture->view);
  double x = chrono_viewport_time_to_x (fixture->viewport, chrono_date_get_start (&(ChronoDate) { 2014, 6, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 }), WIDTH);
  double y = layout->label_area.y + layout->label_area.height - 2;

  chrono_timeline_view_click (fixture->view, 2, x, y);
  g_assert_cmpuint (fixture->n_created, ==, 1);
  g_assert_cmpint (fixture->created.year, ==, 2014);
  g_assert_cmpint (fixture->created.precision, ==, CHRONO_PRECISION_YEAR);

  /* Not editable: a double-click zooms in as before. */
  chrono_timeline_view_set_editable (fixture->view, FALSE);
  chrono_timeline_view_click (fixture->view, 2, x, y);
  g_assert_cmpuint (fixture->n_created, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/view/timeline-edit/drag-moves", Fixture, NULL, fixture_set_up, test_drag_moves, fixture_tear_down);
  g_test_add ("/view/timeline-edit/drag-resizes", Fixture, NULL, fixture_set_up, test_drag_resizes, fixture_tear_down);
  g_test_add ("/view/timeline-edit/escape-cancels", Fixture, NULL, fixture_set_up, test_escape_cancels, fixture_tear_down);
  g_test_add ("/view/timeline-edit/double-click-creates", Fixture, NULL, fixture_set_up,
              test_double_click_creates, fixture_tear_down);

  return g_test_run ();
}
