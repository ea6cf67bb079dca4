/* test-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <cairo-tee.h>
#include <math.h>

#include "view/chrono-overview-private.h"
#include "view/chrono-theme.h"
#include "view/chrono-timeline-view-private.h"

#define WIDTH  1000
#define HEIGHT 400

typedef struct
{
  ChronoTimeline     *timeline;
  ChronoSession      *session;
  GtkWidget          *window;
  ChronoTimelineView *view;
  ChronoOverview     *overview;
  ChronoViewport     *viewport;
} Fixture;

static void
add_event (ChronoTimeline *timeline,
           const char     *id,
           gint64          year,
           guint           month,
           guint           day,
           const char     *title,
           guint           importance)
{
  ChronoDate date = { year, month, day, 0, 0, 0,
                      day ? CHRONO_PRECISION_DAY : month ? CHRONO_PRECISION_MONTH : CHRONO_PRECISION_YEAR, 0 };
  g_autoptr(ChronoEvent) event = chrono_event_new (id, &date, title);

  chrono_event_set_importance (event, importance);
  chrono_timeline_add_event (timeline, event);
}

static ChronoTimeline *
make_timeline (void)
{
  ChronoTimeline *timeline = chrono_timeline_new ();

  add_event (timeline, "alexnet", 2012, 9, 30, "AlexNet wins ImageNet", 5);
  add_event (timeline, "openai", 2015, 12, 11, "OpenAI is founded", 5);
  add_event (timeline, "gpt2", 2019, 2, 14, "GPT-2", 3);
  add_event (timeline, "chatgpt", 2022, 11, 30, "ChatGPT launches", 5);
  add_event (timeline, "million", 2022, 12, 5, "One million users", 4);
  add_event (timeline, "gpt4", 2023, 3, 14, "GPT-4", 5);
  add_event (timeline, "agi", 2025, 1, 5, "The AGI outlook", 4);

  /* A crowd on one day in 2018, too many for labels: a cluster when zoomed out. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("crowd%02u", i);
      g_autofree char *title = g_strdup_printf ("A minor event, number %u", i);

      add_event (timeline, id, 2018, 6, 15, title, 1);
    }

  chrono_timeline_seal (timeline);

  return timeline;
}

static void
wait_for_allocation (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (GTK_WIDGET (fixture->view)) != WIDTH ||
          !gtk_widget_get_mapped (GTK_WIDGET (fixture->view))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, WIDTH);
}

static void
wait_for_animation (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (chrono_timeline_view_is_animating (fixture->view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (chrono_timeline_view_is_animating (fixture->view));
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  set_animations (FALSE);

  fixture->timeline = make_timeline ();
  fixture->session = chrono_session_new ();
  chrono_session_set_timeline (fixture->session, fixture->timeline);
  fixture->view = CHRONO_TIMELINE_VIEW (chrono_timeline_view_new ());
  fixture->overview = CHRONO_OVERVIEW (chrono_overview_new ());
  g_object_set (fixture->view, "session", fixture->session, NULL);
  g_object_set (fixture->overview, "session", fixture->session, NULL);
  fixture->viewport = chrono_timeline_view_get_viewport (fixture->view);
  g_assert_true (fixture->viewport == chrono_session_get_viewport (fixture->session));

  gtk_widget_set_size_request (GTK_WIDGET (fixture->view), WIDTH, HEIGHT);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->overview));

  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_allocation (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (view != NULL && g_main_context_iteration (NULL, FALSE))
    ;
  /* The widget goes with its window: no reference was leaked. */
  g_assert_null (view);

  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->timeline);
  set_animations (FALSE);
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

static double
duration_of (ChronoViewport *viewport)
{
  double start, end;

  chrono_viewport_get_visible_span (viewport, &start, &end);

  return end - start;
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

static void
test_view_fits_on_show (Fixture       *fixture,
                        gconstpointer  data)
{
  ChronoTime first, last;
  double start, end;
  ChronoLayout *layout;

  g_assert_true (chrono_timeline_get_span (fixture->timeline, &first, &last));
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat (start, <=, first);
  g_assert_cmpfloat (end, >=, last);

  /* Zoomed out, the important events have labels and the crowd is a cluster. */
  layout = chrono_timeline_view_get_layout (fixture->view);
  g_assert_cmpfloat (layout->width, ==, WIDTH);
  g_assert_nonnull (find_label (fixture, "chatgpt"));
  g_assert_nonnull (find_label (fixture, "alexnet"));
  g_assert_cmpuint (layout->clusters->len, >, 0);
}

static void
test_view_wheel_zooms_about_pointer (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  GtkEventController *scroll = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  double anchor, before = duration_of (fixture->viewport);
  gboolean handled = FALSE;

  g_signal_emit_by_name (motion, "motion", 700.0, 200.0);
  anchor = chrono_viewport_x_to_time (fixture->viewport, 700, WIDTH);

  /* Three notches of the wheel towards the user zoom in. */
  for (guint i = 0; i < 3; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);

  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), before / pow (1.25, 3), before * 1e-9);
  g_assert_cmpfloat_with_epsilon (chrono_viewport_time_to_x (fixture->viewport, anchor, WIDTH), 700, 1e-6);

  /* And back out. */
  for (guint i = 0; i < 3; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), before, before * 1e-9);
}

/* A zoom or a pan moves what is under a pointer that rests: once the frame is laid out,
 * what it hovers (and so its tooltip) is looked for again, as if it had moved. */
static void
test_view_hover_follows_view (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  ChronoLayout *layout;
  const ChronoLayoutLabel *label;
  ChronoEvent *before, *under = NULL;
  double x, y, start, end;
  guint index;

  /* Zoomed in, with room to pan either way. */
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  chrono_viewport_set_visible_span (fixture->viewport, start + (end - start) / 3, end - (end - start) / 3);
  layout = chrono_timeline_view_get_layout (fixture->view);

  for (index = 0; index < layout->labels->len; index++)
    if (!g_array_index (layout->labels, ChronoLayoutLabel, index).is_range)
      break;
  g_assert_cmpuint (index, <, layout->labels->len);
  label = &g_array_index (layout->labels, ChronoLayoutLabel, index);
  before = label->event;
  x = label->box.x + label->box.width / 2;
  y = label->box.y + label->box.height / 2;
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_true (fixture->view->hovered == before);

  chrono_viewport_pan_by (fixture->viewport, duration_of (fixture->viewport) / 4);
  layout = chrono_timeline_view_get_layout (fixture->view);
  if (chrono_layout_hit_test (layout, x, y, &index) == CHRONO_LAYOUT_HIT_LABEL)
    under = g_array_index (layout->labels, ChronoLayoutLabel, index).event;
  g_assert_true (under != before);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (fixture->view->hovered == under);
  g_assert_cmpuint (fixture->view->hover_idle_id, ==, 0);
}

static void
test_view_wheel_animates (Fixture       *fixture,
                          gconstpointer  data)
{
  double anchor, before = duration_of (fixture->viewport);

  set_animations (TRUE);

  g_signal_emit_by_name (find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_MOTION),
                         "motion", 300.0, 100.0);
  anchor = chrono_viewport_x_to_time (fixture->viewport, 300, WIDTH);

  /* Two notches in quick succession add up to one smooth zoom. */
  chrono_timeline_view_scroll (fixture->view, 0, -1, GDK_SCROLL_UNIT_WHEEL, 0);
  chrono_timeline_view_scroll (fixture->view, 0, -1, GDK_SCROLL_UNIT_WHEEL, 0);
  g_assert_true (chrono_timeline_view_is_animating (fixture->view));
  wait_for_animation (fixture);

  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), before / (1.25 * 1.25), before * 1e-6);
  g_assert_cmpfloat_with_epsilon (chrono_viewport_time_to_x (fixture->viewport, anchor, WIDTH), 300, 0.5);
}

static void
test_view_scroll_pans (Fixture       *fixture,
                       gconstpointer  data)
{
  double start, end, start2, end2;

  /* Zoom in first, so that there is room to pan. */
  chrono_viewport_zoom_at (fixture->viewport, 8, (double) chrono_event_get_start_time (
                             chrono_timeline_lookup_event (fixture->timeline, "gpt2")));
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);

  /* Shift and the wheel: a tenth of the view to the right. */
  chrono_timeline_view_scroll (fixture->view, 0, 1, GDK_SCROLL_UNIT_WHEEL, GDK_SHIFT_MASK);
  chrono_viewport_get_visible_span (fixture->viewport, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (start2 - start, (end - start) * 0.1, 1);
  g_assert_cmpfloat_with_epsilon (end2 - start2, end - start, 1e-3);

  /* A touchpad's horizontal motion: that many pixels. */
  chrono_timeline_view_scroll (fixture->view, -50, 0, GDK_SCROLL_UNIT_SURFACE, 0);
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (start - start2, -50 * (end - start) / WIDTH, 1);
  g_assert_cmpfloat_with_epsilon (end - start, end2 - start2, 1e-3);
}

static void
test_view_drag_pans (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkEventController *drag = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_DRAG);
  double start, end, start2, end2;

  chrono_viewport_zoom_at (fixture->viewport, 8, (double) chrono_event_get_start_time (
                             chrono_timeline_lookup_event (fixture->timeline, "gpt2")));
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);

  /* Dragging 100 pixels to the right shows what was to the left. */
  g_signal_emit_by_name (drag, "drag-begin", 500.0, 200.0);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 100.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 100.0, 0.0);
  chrono_viewport_get_visible_span (fixture->viewport, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (start2 - start, -100 * (end - start) / WIDTH, 1);
  g_assert_cmpfloat_with_epsilon (end2 - start2, end - start, 1e-3);

  chrono_timeline_view_drag (fixture->view, -100);
  chrono_viewport_get_visible_span (fixture->viewport, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (start2, start, 1);
}

static void
test_view_pinch_zooms (Fixture       *fixture,
                       gconstpointer  data)
{
  double before = duration_of (fixture->viewport);
  double centre = chrono_viewport_x_to_time (fixture->viewport, 400, WIDTH);

  /* The view has a pinch gesture, and what it does: fingers apart to twice their
   * distance halve the duration, about the point between them. */
  find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_ZOOM);
  chrono_timeline_view_pinch_begin (fixture->view, 400);
  chrono_timeline_view_pinch_update (fixture->view, 1.5);
  chrono_timeline_view_pinch_update (fixture->view, 2.0);
  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), before / 2, before * 1e-9);
  g_assert_cmpfloat_with_epsilon (chrono_viewport_time_to_x (fixture->viewport, centre, WIDTH), 400, 1e-6);
}

static void
selected_cb (GObject    *object,
             GParamSpec *pspec,
             guint      *count)
{
  (*count)++;
}

static void
activated_cb (ChronoTimelineView *view,
              ChronoEvent        *event,
              ChronoEvent       **out)
{
  *out = event;
}

static void
test_view_click_selects (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkEventController *click = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK);
  ChronoEvent *chatgpt = chrono_timeline_lookup_event (fixture->timeline, "chatgpt");
  ChronoEvent *activated = NULL;
  const ChronoLayoutLabel *label = find_label (fixture, "chatgpt");
  ChronoRect box;
  guint notified = 0;
  double start, end;

  g_assert_nonnull (label);
  box = label->box;

  g_signal_connect (fixture->view, "notify::selected-event", G_CALLBACK (selected_cb), &notified);
  g_signal_connect (fixture->view, "event-activated", G_CALLBACK (activated_cb), &activated);

  /* A click on empty space selects nothing. */
  g_signal_emit_by_name (click, "released", 1, 5.0, 60.0);
  g_assert_null (chrono_timeline_view_get_selected_event (fixture->view));

  g_signal_emit_by_name (click, "released", 1, box.x + box.width / 2, box.y + box.height / 2);
  g_assert_true (chrono_timeline_view_get_selected_event (fixture->view) == chatgpt);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->view)));

  /* A double-click zooms to the event and activates it. */
  g_signal_emit_by_name (click, "released", 2, box.x + box.width / 2, box.y + box.height / 2);
  g_assert_true (activated == chatgpt);
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat (start, <=, chrono_event_get_start_time (chatgpt));
  g_assert_cmpfloat (end, >=, chrono_event_get_end_time (chatgpt));
  g_assert_cmpfloat (end - start, <, 86400.0 * 30);
}

static void
test_view_click_cluster_zooms (Fixture       *fixture,
                               gconstpointer  data)
{
  ChronoLayout *layout = chrono_timeline_view_get_layout (fixture->view);
  const ChronoLayoutCluster *cluster = NULL;
  ChronoTime crowd = chrono_event_get_start_time (chrono_timeline_lookup_event (fixture->timeline, "crowd00"));
  double before = duration_of (fixture->viewport);
  double start, end;

  for (guint i = 0; i < layout->clusters->len; i++)
    {
      const ChronoLayoutCluster *candidate = &g_array_index (layout->clusters, ChronoLayoutCluster, i);

      if (candidate->start <= crowd && candidate->end > crowd)
        cluster = candidate;
    }
  g_assert_nonnull (cluster);

  chrono_timeline_view_click (fixture->view, 1,
                              cluster->badge.x + cluster->badge.width / 2,
                              cluster->badge.y + cluster->badge.height / 2);

  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat (end - start, <, before / 10);
  g_assert_cmpfloat (start, <=, crowd);
  g_assert_cmpfloat (end, >, crowd);
}

static void
test_view_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  ChronoEvent *previous = NULL;
  double start, end, duration;

  gtk_widget_grab_focus (widget);

  /* Right with nothing selected: the first event in view; then on in time order. */
  g_assert_true (gtk_widget_activate_action (widget, "timeline.select-next", NULL));
  g_assert_true (chrono_timeline_view_get_selected_event (fixture->view) ==
                 chrono_timeline_lookup_event (fixture->timeline, "alexnet"));
  for (guint i = 0; i < 10; i++)
    {
      ChronoEvent *event;

      previous = chrono_timeline_view_get_selected_event (fixture->view);
      gtk_widget_activate_action (widget, "timeline.select-next", NULL);
      event = chrono_timeline_view_get_selected_event (fixture->view);
      g_assert_cmpuint (chrono_timeline_get_position (fixture->timeline, event), ==,
                        chrono_timeline_get_position (fixture->timeline, previous) + 1);
    }
  gtk_widget_activate_action (widget, "timeline.select-previous", NULL);
  g_assert_true (chrono_timeline_view_get_selected_event (fixture->view) == previous);

  /* End: the last event, scrolled into view after zooming in elsewhere. */
  chrono_viewport_zoom_to_span (fixture->viewport, 1325376000, 1328054400);
  gtk_widget_activate_action (widget, "timeline.select-last", NULL);
  g_assert_true (chrono_timeline_view_get_selected_event (fixture->view) ==
                 chrono_timeline_lookup_event (fixture->timeline, "agi"));
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat (start, <=, chrono_event_get_start_time (chrono_timeline_view_get_selected_event (fixture->view)));
  g_assert_cmpfloat (end, >=, chrono_event_get_start_time (chrono_timeline_view_get_selected_event (fixture->view)));
  /* The selected event is labelled, even zoomed in where it is. */
  g_assert_nonnull (find_label (fixture, "agi"));

  gtk_widget_activate_action (widget, "timeline.select-first", NULL);
  g_assert_true (chrono_timeline_view_get_selected_event (fixture->view) ==
                 chrono_timeline_lookup_event (fixture->timeline, "alexnet"));

  gtk_widget_activate_action (widget, "timeline.clear-selection", NULL);
  g_assert_null (chrono_timeline_view_get_selected_event (fixture->view));

  /* Zoom keys. */
  duration = duration_of (fixture->viewport);
  gtk_widget_activate_action (widget, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), duration / 2, duration * 1e-9);
  gtk_widget_activate_action (widget, "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), duration, duration * 1e-9);
  gtk_widget_activate_action (widget, "timeline.zoom-to-fit", NULL);
  chrono_viewport_get_fit_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (duration_of (fixture->viewport), end - start, 1);
}

static void
test_view_selection_from_outside (Fixture       *fixture,
                                  gconstpointer  data)
{
  ChronoEvent *gpt4 = chrono_timeline_lookup_event (fixture->timeline, "gpt4");
  double start, end, duration;

  set_animations (TRUE);

  /* Far from GPT-4, zoomed in on 2012. */
  chrono_viewport_zoom_to_span (fixture->viewport, 1325376000, 1328054400);
  duration = duration_of (fixture->viewport);

  g_object_set (fixture->view, "selected-event", gpt4, NULL);
  g_assert_true (chrono_timeline_view_is_animating (fixture->view));
  wait_for_animation (fixture);

  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat (start, <=, chrono_event_get_start_time (gpt4));
  g_assert_cmpfloat (end, >=, chrono_event_get_start_time (gpt4));
  g_assert_cmpfloat_with_epsilon (end - start, duration, duration * 1e-6);
}

static void
test_view_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  ChronoEventFilter *filter = chrono_session_get_filter (fixture->session);
  ChronoLayout *layout;

  layout = chrono_timeline_view_get_layout (fixture->view);
  g_assert_cmpuint (layout->n_items, ==, chrono_timeline_get_n_events (fixture->timeline));

  chrono_event_filter_set_search_text (filter, "GPT");
  layout = chrono_timeline_view_get_layout (fixture->view);
  /* GPT-2, ChatGPT, GPT-4. */
  g_assert_cmpuint (layout->n_items, ==, 3);
  g_assert_cmpuint (layout->labels->len, ==, 3);
}

static void
test_overview_drag (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *overview = GTK_WIDGET (fixture->overview);
  double start, end, start2, end2, duration;

  chrono_viewport_zoom_to_span (fixture->viewport, 1325376000, 1328054400);
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  duration = end - start;

  /* A press on the far right jumps there. */
  chrono_overview_drag_begin (fixture->overview, gtk_widget_get_width (overview) * 0.8);
  chrono_viewport_get_visible_span (fixture->viewport, &start2, &end2);
  g_assert_cmpfloat_with_epsilon ((start2 + end2) / 2,
                                  chrono_overview_x_to_time (fixture->overview, gtk_widget_get_width (overview) * 0.8),
                                  duration);
  g_assert_cmpfloat_with_epsilon (end2 - start2, duration, 1e-3);

  /* Dragging moves the window with the pointer. */
  chrono_overview_drag_update (fixture->overview, -50);
  chrono_viewport_get_visible_span (fixture->viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (chrono_overview_time_to_x (fixture->overview, start),
                                  chrono_overview_time_to_x (fixture->overview, start2) - 50, 0.01);
}

/* The overview's layout of the next frame. */
static ChronoOverviewLayout *
next_overview_layout (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->overview));
  while (_chrono_overview_get_layout (fixture->overview) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (_chrono_overview_get_layout (fixture->overview));

  return _chrono_overview_get_layout (fixture->overview);
}

/* The overview's lanes are the categories the filter shows, also one with no events:
 * hiding it changes no item of the list, and its lane still goes. */
static void
test_overview_lanes_follow_filter (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) busy = chrono_category_new ("busy", "Busy", "#3584e4", NULL);
  g_autoptr(ChronoCategory) empty = chrono_category_new ("empty", "Empty", "#e01b24", NULL);
  ChronoEventFilter *filter = chrono_session_get_filter (fixture->session);
  guint n_items;

  chrono_timeline_add_category (timeline, busy);
  chrono_timeline_add_category (timeline, empty);
  add_event (timeline, "one", 2012, 9, 30, "One", 3);
  add_event (timeline, "two", 2015, 12, 11, "Two", 3);
  chrono_event_set_category (chrono_timeline_lookup_event (timeline, "one"), busy);
  chrono_event_set_category (chrono_timeline_lookup_event (timeline, "two"), busy);
  chrono_timeline_seal (timeline);
  chrono_session_set_timeline (fixture->session, timeline);
  chrono_overview_set_lanes (fixture->overview, TRUE);
  g_assert_cmpuint (next_overview_layout (fixture)->lanes->len, ==, 2);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_events (fixture->session)));
  chrono_event_filter_set_category_visible (filter, "empty", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_events (fixture->session))), ==, n_items);
  g_assert_cmpuint (next_overview_layout (fixture)->lanes->len, ==, 1);

  chrono_event_filter_set_category_visible (filter, "empty", TRUE);
  g_assert_cmpuint (next_overview_layout (fixture)->lanes->len, ==, 2);
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for @n frames, for at most five seconds; with @redraw, each draws the view anew,
 * else only what GTK asked for is drawn. */
static void
draw_frames (Fixture  *fixture,
             guint     n,
             gboolean  redraw)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->view));
  gboolean time_up = FALSE;
  guint timeout = g_timeout_add_seconds (5, time_up_cb, &time_up);
  guint n_frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &n_frames);

  while (n_frames < n && !time_up)
    {
      if (redraw)
        gtk_widget_queue_draw (GTK_WIDGET (fixture->view));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  if (!time_up)
    g_source_remove (timeout);
  g_assert_cmpuint (n_frames, >=, n);
}

/* "Large text" (a higher text DPI) reaches the titles: measured, laid out and kept as
 * bitmaps again, larger, not as they were at the old DPI. */
static void
test_view_text_dpi (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  double measured_before, measured_after, height, box_before, box_after;
  gsize bytes_before, bytes_after;
  guint n_bitmaps;
  int dpi;

  /* Two frames: a title gets its bitmap when a second frame draws it the same way. */
  draw_frames (fixture, 2, TRUE);
  chrono_renderer_measure (CHRONO_TEXT_LABEL, "ChatGPT launches", &measured_before, &height, fixture->view->renderer);
  box_before = find_label (fixture, "chatgpt")->box.width;
  chrono_renderer_get_bitmap_usage (fixture->view->renderer, &n_bitmaps, &bytes_before);
  g_assert_cmpuint (n_bitmaps, >, 0);

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * (dpi > 0 ? dpi : 96 * 1024), NULL);
  draw_frames (fixture, 1, FALSE);
  draw_frames (fixture, 1, TRUE);
  chrono_renderer_measure (CHRONO_TEXT_LABEL, "ChatGPT launches", &measured_after, &height, fixture->view->renderer);
  box_after = find_label (fixture, "chatgpt")->box.width;
  chrono_renderer_get_bitmap_usage (fixture->view->renderer, &n_bitmaps, &bytes_after);
  gtk_settings_reset_property (settings, "gtk-xft-dpi");

  g_assert_cmpfloat (measured_after, >, 1.5 * measured_before);
  g_assert_cmpfloat (box_after, >, box_before + 0.5 * measured_before);
  g_assert_cmpuint (bytes_after, >, bytes_before + bytes_before / 2);
}

/* The view's renderer draws its layout onto an image: on pixels, from its bitmaps; or
 * through a tee, directly, as a new renderer of the same style and Pango context would. */
static cairo_surface_t *
draw_view (Fixture  *fixture,
           gboolean  anew)
{
  ChronoRenderer *renderer = fixture->view->renderer;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *target = anew ? cairo_tee_surface_create (image) : cairo_surface_reference (image);
  cairo_t *cr = cairo_create (target);

  if (anew)
    renderer = chrono_renderer_new (gtk_widget_get_pango_context (GTK_WIDGET (fixture->view)),
                                    chrono_renderer_get_style (fixture->view->renderer));
  chrono_renderer_draw (renderer, cr, chrono_timeline_view_get_layout (fixture->view), NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (target);
  cairo_surface_flush (image);
  if (anew)
    chrono_renderer_free (renderer);

  return image;
}

static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 pa = *(guint32 *) (gpointer) (cairo_image_surface_get_data (a) + y * stride + x * 4);
        guint32 pb = *(guint32 *) (gpointer) (cairo_image_surface_get_data (b) + y * stride + x * 4);

        for (guint shift = 0; shift < 32; shift += 8)
          if (ABS ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)) > 24)
            {
              n++;
              break;
            }
      }

  return n;
}

/* Text drawn without antialiasing (or hinted otherwise) once the settings say so: the
 * titles and badges kept as bitmaps are made again, not copied as they were (2,422
 * pixels of the old ones differed). */
static void
test_view_font_options (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  cairo_surface_t *kept, *anew;
  guint n_differing, serial;
  int antialias;

  draw_frames (fixture, 3, TRUE);
  /* Frames alone leave the context as it was, and the text and bitmaps with it. */
  serial = fixture->view->context_serial;
  draw_frames (fixture, 2, TRUE);
  g_assert_cmpuint (fixture->view->context_serial, ==, serial);

  g_object_get (settings, "gtk-xft-antialias", &antialias, NULL);
  g_object_set (settings, "gtk-xft-antialias", antialias == 0 ? 1 : 0, "gtk-xft-hintstyle", "hintfull", NULL);
  /* GTK draws the view again by itself. */
  draw_frames (fixture, 1, FALSE);
  kept = draw_view (fixture, FALSE);
  anew = draw_view (fixture, TRUE);
  gtk_settings_reset_property (settings, "gtk-xft-antialias");
  gtk_settings_reset_property (settings, "gtk-xft-hintstyle");

  n_differing = count_differing (kept, anew);
  g_test_message ("%u of %u pixels differ", n_differing, WIDTH * HEIGHT);
  g_assert_cmpuint (n_differing, <, WIDTH * HEIGHT / 1000);
  cairo_surface_destroy (kept);
  cairo_surface_destroy (anew);
}

/* The overview's years are measured again when its Pango context changes in place, as
 * GTK changes it for new font options, a new text DPI or new fonts: its layout has the
 * widths a new renderer measures, not the ones kept from before. Text turned on its side
 * measures differently whatever fonts the system has. */
static void
test_overview_context_changed (Fixture       *fixture,
                               gconstpointer  data)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (fixture->overview));
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (double));
  ChronoOverviewLayout *layout;
  ChronoRenderStyle style;
  ChronoRenderer *renderer;
  guint n_labels = 0, n_changed = 0;

  draw_frames (fixture, 2, TRUE);
  layout = next_overview_layout (fixture);
  for (guint i = 0; i < layout->axis->ticks->len; i++)
    g_array_append_val (before, g_array_index (layout->axis->ticks, ChronoAxisTick, i).label_width);

  pango_context_set_base_gravity (context, PANGO_GRAVITY_EAST);
  pango_context_set_gravity_hint (context, PANGO_GRAVITY_HINT_STRONG);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->overview));
  draw_frames (fixture, 1, TRUE);
  layout = next_overview_layout (fixture);
  chrono_theme_get_render_style (GTK_WIDGET (fixture->overview), &style);
  renderer = chrono_renderer_new (context, &style);
  for (guint i = 0; i < layout->axis->ticks->len; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (layout->axis->ticks, ChronoAxisTick, i);
      double width, height;

      if (tick->label == NULL)
        continue;
      n_labels++;
      chrono_renderer_measure (CHRONO_TEXT_OVERVIEW, tick->label, &width, &height, renderer);
      g_test_message ("%s: %g before, %g now, %g anew", tick->label,
                      i < before->len ? g_array_index (before, double, i) : -1, tick->label_width, width);
      g_assert_cmpfloat_with_epsilon (tick->label_width, width, 0.01);
      if (i < before->len && fabs (g_array_index (before, double, i) - width) > 1)
        n_changed++;
    }
  pango_context_set_base_gravity (context, PANGO_GRAVITY_SOUTH);
  pango_context_set_gravity_hint (context, PANGO_GRAVITY_HINT_NATURAL);
  chrono_renderer_free (renderer);

  g_assert_cmpuint (n_labels, >, 0);
  g_assert_cmpuint (n_changed, ==, n_labels);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bus is shared by parallel test sessions, and nothing here reads
   * it; the end-to-end test does. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add ("/view/timeline-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fits-on-show", test_view_fits_on_show);
  ADD ("wheel-zooms-about-pointer", test_view_wheel_zooms_about_pointer);
  ADD ("hover-follows-view", test_view_hover_follows_view);
  ADD ("wheel-animates", test_view_wheel_animates);
  ADD ("scroll-pans", test_view_scroll_pans);
  ADD ("drag-pans", test_view_drag_pans);
  ADD ("pinch-zooms", test_view_pinch_zooms);
  ADD ("click-selects", test_view_click_selects);
  ADD ("click-cluster-zooms", test_view_click_cluster_zooms);
  ADD ("keyboard", test_view_keyboard);
  ADD ("selection-from-outside", test_view_selection_from_outside);
  ADD ("filter", test_view_filter);
  ADD ("overview-drag", test_overview_drag);
  ADD ("overview-lanes-follow-filter", test_overview_lanes_follow_filter);
  ADD ("text-dpi", test_view_text_dpi);
  ADD ("font-options", test_view_font_options);
  ADD ("overview-context-changed", test_overview_context_changed);
#undef ADD

  return g_test_run ();
}
