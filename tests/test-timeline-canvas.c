/* test-timeline-canvas.c — making, moving and resizing events on the window's timeline,
 * through its gestures, as one step each on the session's undo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ui-test-util.h"
#include "ui/chrono-session.h"
#include "view/chrono-timeline-view.h"

typedef struct
{
  ChronoWindow       *window;
  ChronoSession      *session;
  ChronoTimeline     *timeline;
  ChronoTimelineView *view;
  ChronoViewport     *viewport;
  ChronoUndoStack    *stack;
  GtkEventController *click;
  GtkEventController *drag;
  double              width;
} Fixture;

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

static void
show_span (Fixture    *fixture,
           const char *from,
           const char *to)
{
  ChronoDate start = date (from), end = date (to);

  chrono_timeline_view_stop_animation (fixture->view);
  chrono_viewport_set_visible_span (fixture->viewport, chrono_date_get_start (&start), chrono_date_get_start (&end));
  ui_test_iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoDate start = date ("2005-07"), end = date ("2008-03");

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* A span, for resizing. */
  chrono_timeline_set_event_span (timeline, chrono_timeline_lookup_event (timeline, "dinner"), &start, &end);

  fixture->window = ui_test_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  ui_test_wait_loaded (fixture->window);
  fixture->session = chrono_window_get_session (fixture->window);
  if (data == NULL)
    {
      chrono_session_set_timeline (fixture->session, timeline);
      fixture->timeline = timeline;
    }
  else
    {
      fixture->timeline = chrono_session_get_timeline (fixture->session);
    }
  fixture->stack = chrono_session_get_undo_stack (fixture->session);
  fixture->view = CHRONO_TIMELINE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       CHRONO_TYPE_WINDOW, "timeline_view"));
  fixture->viewport = chrono_session_get_viewport (fixture->session);
  fixture->click = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK);
  fixture->drag = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_DRAG);
  ui_test_iterate ();
  fixture->width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  g_assert_cmpfloat (fixture->width, >, 500);

  /* Thirty years: the labelled ticks are years. */
  show_span (fixture, "2000", "2030");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate ();
}

static double
x_of (Fixture    *fixture,
      const char *when)
{
  ChronoDate d = date (when);

  return chrono_viewport_time_to_x (fixture->viewport, chrono_date_get_start (&d), fixture->width);
}

static double
years_in_pixels (Fixture *fixture,
                 double   years)
{
  double start, end;

  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);

  return years * 365.2425 * 86400 * fixture->width / (end - start);
}

static const ChronoLayoutLabel *
find_label (Fixture    *fixture,
            const char *id)
{
  ChronoLayout *layout = chrono_timeline_view_get_layout (fixture->view);
  ChronoEvent *event = chrono_timeline_lookup_event (fixture->timeline, id);
  const ChronoLayoutLabel *label;

  g_assert_nonnull (layout);
  label = chrono_layout_find_label (layout, chrono_timeline_get_position (fixture->timeline, event));
  g_assert_nonnull (label);

  return label;
}

/* An empty place on the timeline: at @when, low in the label rows, where nothing is. */
static double
empty_y (Fixture *fixture)
{
  ChronoLayout *layout = chrono_timeline_view_get_layout (fixture->view);

  return layout->label_area.y + 4;
}

static void
double_click (Fixture *fixture,
              double   x,
              double   y)
{
  g_signal_emit_by_name (fixture->click, "released", 1, x, y);
  g_signal_emit_by_name (fixture->click, "released", 2, x, y);
  ui_test_iterate ();
}

/* A press at (@x, @y), moves by @dx in steps, and a release there, as the drag gesture
 * reports them; @escape presses Escape before the release. */
static void
drag (Fixture  *fixture,
      double    x,
      double    y,
      double    dx,
      gboolean  escape)
{
  g_signal_emit_by_name (fixture->drag, "drag-begin", x, y);
  for (guint i = 1; i <= 8; i++)
    g_signal_emit_by_name (fixture->drag, "drag-update", dx * i / 8, 0.0);
  if (escape)
    {
      /* What Escape does on the timeline (the first of its shortcuts, see escape-key). */
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.clear-selection", NULL);
      g_signal_emit_by_name (fixture->drag, "drag-update", dx * 2, 0.0);
    }
  g_signal_emit_by_name (fixture->drag, "drag-end", escape ? dx * 2 : dx, 0.0);
  ui_test_iterate ();
}

/* The widget that has the keyboard, or its entry when that is an entry's text. */
static GtkWidget *
focused_entry (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  while (focus != NULL && !GTK_IS_ENTRY (focus))
    focus = gtk_widget_get_parent (focus);

  return focus;
}

static void
test_double_click_creates (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkStack *event_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    CHRONO_TYPE_WINDOW, "event_stack"));
  guint n = chrono_timeline_get_n_events (fixture->timeline);
  ChronoEvent *made;
  const ChronoDate *start;
  GtkWidget *entry;

  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));

  /* Mid-2018, where no event is: one event, that year, selected, one step to undo … */
  double_click (fixture, x_of (fixture, "2018-06-15"), empty_y (fixture));
  g_assert_cmpuint (chrono_timeline_get_n_events (fixture->timeline), ==, n + 1);
  made = chrono_session_get_selected_event (fixture->session);
  g_assert_nonnull (made);
  start = chrono_event_get_start (made);
  g_assert_cmpint (start->year, ==, 2018);
  g_assert_cmpint (start->precision, ==, CHRONO_PRECISION_YEAR);
  g_assert_null (chrono_event_get_end (made));
  g_assert_true (chrono_timeline_lookup_event (fixture->timeline, chrono_event_get_id (made)) == made);
  g_assert_true (chrono_session_get_modified (fixture->session));

  /* … open in the editor, the keyboard in its title: a title and Enter keep it. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (event_stack), ==, "edit");
  entry = focused_entry (fixture);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Typed on the timeline");
  /* What Enter does in the entry: its text activates it. */
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (fixture->window)), "activate");
  ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (event_stack), ==, "view");
  g_assert_cmpstr (chrono_event_get_title (made), ==, "Typed on the timeline");
  g_assert_true (chrono_session_get_selected_event (fixture->session) == made);

  /* Undone: first the title, then the event, and the timeline is as it was. */
  g_assert_true (chrono_undo_stack_undo (fixture->stack));
  g_assert_cmpuint (chrono_timeline_get_n_events (fixture->timeline), ==, n + 1);
  g_assert_true (chrono_undo_stack_undo (fixture->stack));
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));
  g_assert_cmpuint (chrono_timeline_get_n_events (fixture->timeline), ==, n);
  g_assert_cmpuint (chrono_timeline_get_position (fixture->timeline, made), ==, G_MAXUINT);
  g_assert_null (chrono_session_get_selected_event (fixture->session));
  g_assert_false (chrono_session_get_modified (fixture->session));

  /* Two months wide, the ticks are days: the new event is a day. */
  show_span (fixture, "2018-05", "2018-07");
  double_click (fixture, x_of (fixture, "2018-06-15T12:00"), empty_y (fixture));
  made = chrono_session_get_selected_event (fixture->session);
  g_assert_nonnull (made);
  start = chrono_event_get_start (made);
  g_assert_cmpint (start->precision, ==, CHRONO_PRECISION_DAY);
  g_assert_cmpint (start->year, ==, 2018);
  g_assert_cmpint (start->month, ==, 6);
  g_assert_cmpint (start->day, ==, 15);
  g_assert_cmpuint (chrono_timeline_get_n_events (fixture->timeline), ==, n + 1);
}

static void
test_drag_moves (Fixture       *fixture,
                 gconstpointer  data)
{
  ChronoEvent *gpt3 = chrono_timeline_lookup_event (fixture->timeline, "gpt3");
  const ChronoLayoutLabel *label = find_label (fixture, "gpt3");
  double start, end, after_start, after_end;

  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);

  /* Two years and a bit to the right: snapped to two years, the month kept; the view
   * did not pan. */
  drag (fixture, label->box.x + 6, label->box.y + label->box.height / 2, years_in_pixels (fixture, 2.3), FALSE);
  g_assert_cmpint (chrono_event_get_start (gpt3)->year, ==, 2022);
  g_assert_cmpint (chrono_event_get_start (gpt3)->month, ==, 6);
  g_assert_cmpint (chrono_event_get_start (gpt3)->precision, ==, CHRONO_PRECISION_MONTH);
  chrono_viewport_get_visible_span (fixture->viewport, &after_start, &after_end);
  g_assert_cmpfloat (after_start, ==, start);
  g_assert_cmpfloat (after_end, ==, end);
  g_assert_true (chrono_session_get_selected_event (fixture->session) == gpt3);

  /* Eight motion events, one step. */
  g_assert_true (chrono_undo_stack_undo (fixture->stack));
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));
  g_assert_cmpint (chrono_event_get_start (gpt3)->year, ==, 2020);
  g_assert_cmpint (chrono_event_get_start (gpt3)->month, ==, 6);
}

static void
test_drag_resizes (Fixture       *fixture,
                   gconstpointer  data)
{
  ChronoEvent *dinner = chrono_timeline_lookup_event (fixture->timeline, "dinner");
  const ChronoLayoutLabel *label = find_label (fixture, "dinner");

  g_assert_true (label->is_range);

  /* From the end of its bar, three years to the right: only the end moves. */
  drag (fixture, label->x_end - 2, label->box.y + label->box.height / 2, years_in_pixels (fixture, 3), FALSE);
  g_assert_cmpint (chrono_event_get_start (dinner)->year, ==, 2005);
  g_assert_cmpint (chrono_event_get_start (dinner)->month, ==, 7);
  g_assert_nonnull (chrono_event_get_end (dinner));
  g_assert_cmpint (chrono_event_get_end (dinner)->year, ==, 2011);
  g_assert_cmpint (chrono_event_get_end (dinner)->month, ==, 3);

  g_assert_true (chrono_undo_stack_undo (fixture->stack));
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));
  g_assert_cmpint (chrono_event_get_end (dinner)->year, ==, 2008);
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  ChronoEvent *gpt3 = chrono_timeline_lookup_event (fixture->timeline, "gpt3");
  ChronoEvent *price = chrono_timeline_lookup_event (fixture->timeline, "price");
  const ChronoLayoutLabel *label;

  chrono_session_select_event (fixture->session, price);
  ui_test_iterate ();
  label = find_label (fixture, "gpt3");
  drag (fixture, label->box.x + 6, label->box.y + label->box.height / 2, years_in_pixels (fixture, 3), TRUE);

  /* Nothing moved, nothing to undo, and Escape did not also drop the selection. */
  g_assert_cmpint (chrono_event_get_start (gpt3)->year, ==, 2020);
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));
  g_assert_false (chrono_session_get_modified (fixture->session));
  g_assert_true (chrono_session_get_selected_event (fixture->session) == price);

  /* With no drag, Escape lets go of the selection as before. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.clear-selection", NULL);
  g_assert_null (chrono_session_get_selected_event (fixture->session));
}

/* GTK runs a widget's shortcuts in the order they were added and stops at the first that
 * acts: Escape must reach the action that cancels a drag, not one before it. */
static void
test_escape_key (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  const char *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && first == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && first == NULL; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (GTK_IS_NAMED_ACTION (action));
              first = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
            }
        }
    }

  g_assert_cmpstr (first, ==, "timeline.clear-selection");
}

static void
test_click_and_pan_unchanged (Fixture       *fixture,
                              gconstpointer  data)
{
  ChronoEvent *gpt3 = chrono_timeline_lookup_event (fixture->timeline, "gpt3");
  const ChronoLayoutLabel *label = find_label (fixture, "gpt3");
  double start, end, after_start, after_end;

  /* A click on an event selects it and changes nothing. */
  g_signal_emit_by_name (fixture->click, "released", 1, label->box.x + 6, label->box.y + label->box.height / 2);
  g_assert_true (chrono_session_get_selected_event (fixture->session) == gpt3);
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));

  /* A drag in an empty place pans by as much, and edits nothing. */
  show_span (fixture, "2016", "2019");
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_signal_emit_by_name (fixture->drag, "drag-begin", x_of (fixture, "2017-06"), empty_y (fixture));
  g_signal_emit_by_name (fixture->drag, "drag-update", 40.0, 0.0);
  g_signal_emit_by_name (fixture->drag, "drag-update", 100.0, 0.0);
  g_signal_emit_by_name (fixture->drag, "drag-end", 100.0, 0.0);
  chrono_viewport_get_visible_span (fixture->viewport, &after_start, &after_end);
  g_assert_cmpfloat_with_epsilon (after_start - start, -100 * (end - start) / fixture->width, 1);
  g_assert_cmpfloat_with_epsilon (after_end - after_start, end - start, 1e-3);
  chrono_timeline_view_stop_animation (fixture->view);
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));
  g_assert_cmpint (chrono_event_get_start (gpt3)->year, ==, 2020);
}

static void
test_builtin_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  guint n = chrono_timeline_get_n_events (fixture->timeline);
  GtkWidget *question;

  g_assert_true (chrono_session_get_builtin (fixture->session));

  /* A double-click offers a copy and adds nothing. */
  g_assert_null (ui_test_find_question ());
  double_click (fixture, x_of (fixture, "2018-06-15"), empty_y (fixture));
  question = ui_test_find_question ();
  g_assert_nonnull (question);
  g_assert_cmpstr (ui_test_question_get_heading (question), ==, "Save a Copy to Edit?");
  g_assert_true (ui_test_question_has_response (question, "copy"));
  g_assert_cmpuint (chrono_timeline_get_n_events (fixture->timeline), ==, n);
  g_assert_false (chrono_undo_stack_get_can_undo (fixture->stack));
  g_assert_false (chrono_session_get_modified (fixture->session));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/ui/timeline-canvas/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("double-click-creates", test_double_click_creates, NULL);
  ADD ("drag-moves", test_drag_moves, NULL);
  ADD ("drag-resizes", test_drag_resizes, NULL);
  ADD ("escape-cancels", test_escape_cancels, NULL);
  ADD ("escape-key", test_escape_key, NULL);
  ADD ("click-and-pan-unchanged", test_click_and_pan_unchanged, NULL);
  ADD ("builtin-read-only", test_builtin_read_only, "builtin");
#undef ADD

  return g_test_run ();
}
