/* chrono-timeline-view-input.c — what the pointer, the touchpad and the keyboard do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-view"

#include "config.h"

#include <math.h>

#include "chrono-timeline-view-private.h"

#define WHEEL_ZOOM_STEP   1.25
#define KEY_ZOOM_STEP     2.0
#define SURFACE_ZOOM_RATE 0.006

static void
pan_by_pixels (ChronoTimelineView *self,
               double              dx,
               gboolean            animate)
{
  double start, end, seconds;

  /* Animated pans add up: the next one starts where the running one is going. */
  if (!(animate && chrono_view_animation_get_kind (self->animation) == CHRONO_VIEW_ANIMATION_SPAN &&
        chrono_view_animation_get_target (self->animation, &start, &end)))
    chrono_viewport_get_visible_span (self->viewport, &start, &end);

  seconds = dx * (end - start) / _chrono_timeline_view_get_width (self);

  if (animate)
    {
      _chrono_timeline_view_animate_to_span (self, start + seconds, end + seconds, ZOOM_DURATION_US);
    }
  else
    {
      chrono_timeline_view_stop_animation (self);
      _chrono_timeline_view_set_span (self, start + seconds, end + seconds);
    }
}

/**
 * chrono_timeline_view_scroll:
 *
 * What a scroll does: a wheel zooms about the pointer (animated), with Shift it pans; a
 * touchpad pans with horizontal motion and zooms with vertical motion, following the
 * fingers without animation.
 */
void
chrono_timeline_view_scroll (ChronoTimelineView *self,
                             double              dx,
                             double              dy,
                             GdkScrollUnit       unit,
                             GdkModifierType     state)
{
  double x = self->pointer_inside ? self->pointer_x : _chrono_timeline_view_get_width (self) / 2;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      if (state & GDK_SHIFT_MASK)
        {
          pan_by_pixels (self, (dy != 0 ? dy : dx) * _chrono_timeline_view_get_width (self) * 0.1, TRUE);
        }
      else if (dx != 0 && dy == 0)
        {
          pan_by_pixels (self, dx * _chrono_timeline_view_get_width (self) * 0.1, TRUE);
        }
      else if (dy != 0)
        {
          chrono_timeline_view_zoom_at (self, pow (WHEEL_ZOOM_STEP, -dy), x, TRUE);
        }
    }
  else
    {
      if (state & GDK_SHIFT_MASK)
        {
          pan_by_pixels (self, dx + dy, FALSE);
          return;
        }

      if (dx != 0)
        pan_by_pixels (self, dx, FALSE);
      if (dy != 0)
        chrono_timeline_view_zoom_at (self, exp (-dy * SURFACE_ZOOM_RATE), x, FALSE);
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           ChronoTimelineView       *self)
{
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  chrono_timeline_view_scroll (self, dx, dy, unit, state);

  return GDK_EVENT_STOP;
}

void
_chrono_timeline_view_update_hover (ChronoTimelineView *self)
{
  ChronoEvent *hovered = NULL;
  guint hovered_cluster = G_MAXUINT;
  guint index;

  if (self->pointer_inside && self->layout != NULL && !self->dragging)
    {
      switch (chrono_layout_hit_test (self->layout, self->pointer_x, self->pointer_y, &index))
        {
        case CHRONO_LAYOUT_HIT_LABEL:
          hovered = g_array_index (self->layout->labels, ChronoLayoutLabel, index).event;
          break;
        case CHRONO_LAYOUT_HIT_CLUSTER:
          hovered_cluster = index;
          break;
        case CHRONO_LAYOUT_HIT_NONE:
        default:
          break;
        }
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->dragging ? "grabbing" :
                                   hovered || hovered_cluster != G_MAXUINT ? "pointer" : NULL);

  if (hovered != self->hovered || hovered_cluster != self->hovered_cluster)
    {
      self->hovered = hovered;
      self->hovered_cluster = hovered_cluster;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ChronoTimelineView       *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  _chrono_timeline_view_update_hover (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          ChronoTimelineView       *self)
{
  self->pointer_inside = FALSE;
  _chrono_timeline_view_update_hover (self);
}

static void
zoom_into_cluster (ChronoTimelineView        *self,
                   const ChronoLayoutCluster *cluster)
{
  double start, end;

  chrono_viewport_get_span_around (self->viewport, cluster->start, cluster->end, &start, &end);
  _chrono_timeline_view_animate_to_span (self, start, end, JUMP_DURATION_US);
}

static void
zoom_to_event (ChronoTimelineView *self,
               ChronoEvent        *event)
{
  double start, end;

  chrono_viewport_get_span_for_event (self->viewport, event, &start, &end);
  _chrono_timeline_view_animate_to_span (self, start, end, JUMP_DURATION_US);
}

/**
 * chrono_timeline_view_click:
 *
 * What a click does at (@x, @y): a click on an event selects it; a double-click zooms
 * to it and activates it; a click on a cluster zooms into it; a double-click elsewhere
 * zooms in there.
 */
void
chrono_timeline_view_click (ChronoTimelineView *self,
                            int                 n_press,
                            double              x,
                            double              y)
{
  guint index;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  _chrono_timeline_view_ensure_layout (self);
  if (self->layout == NULL)
    return;

  switch (chrono_layout_hit_test (self->layout, x, y, &index))
    {
    case CHRONO_LAYOUT_HIT_LABEL:
      {
        ChronoEvent *event = g_array_index (self->layout->labels, ChronoLayoutLabel, index).event;

        _chrono_timeline_view_set_selected (self, event, FALSE);
        if (n_press >= 2)
          {
            zoom_to_event (self, event);
            _chrono_timeline_view_activate (self, event);
          }
      }
      break;

    case CHRONO_LAYOUT_HIT_CLUSTER:
      if (n_press == 1)
        zoom_into_cluster (self, &g_array_index (self->layout->clusters, ChronoLayoutCluster, index));
      break;

    case CHRONO_LAYOUT_HIT_NONE:
    default:
      if (n_press == 2 && !_chrono_timeline_view_edit_double_click (self, x))
        chrono_timeline_view_zoom_at (self, KEY_ZOOM_STEP, x, TRUE);
      break;
    }
}

static void
click_released_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   ChronoTimelineView *self)
{
  chrono_timeline_view_click (self, n_press, x, y);
}

static void
drag_begin (ChronoTimelineView *self)
{
  chrono_timeline_view_stop_animation (self);
  chrono_viewport_get_visible_span (self->viewport, &self->drag_span_start, &self->drag_span_end);
  chrono_view_animation_drag_begin (self->animation);
}

static void
drag_update (ChronoTimelineView *self,
             double              offset_x)
{
  double seconds = offset_x * (self->drag_span_end - self->drag_span_start) / _chrono_timeline_view_get_width (self);

  self->dragging = TRUE;
  chrono_view_animation_drag_sample (self->animation, g_get_monotonic_time (), offset_x);
  _chrono_timeline_view_set_span (self, self->drag_span_start - seconds, self->drag_span_end - seconds);
}

void
chrono_timeline_view_drag (ChronoTimelineView *self,
                           double              offset_x)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  drag_begin (self);
  drag_update (self, offset_x);
  self->dragging = FALSE;
}

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               ChronoTimelineView *self)
{
  /* In an editable view, a drag that starts on an event moves that event. */
  if (!_chrono_timeline_view_edit_press (self, x, y))
    drag_begin (self);
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              offset_x,
                double              offset_y,
                ChronoTimelineView *self)
{
  int threshold = 8;

  if (!self->dragging)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      if (fabs (offset_x) < threshold && fabs (offset_y) < threshold)
        return;

      /* From here on it is a drag, not a click. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  if (_chrono_timeline_view_is_edit_dragging (self))
    {
      self->dragging = TRUE;
      _chrono_timeline_view_edit_drag (self, offset_x);
      return;
    }

  drag_update (self, offset_x);
  _chrono_timeline_view_update_hover (self);
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              offset_x,
             double              offset_y,
             ChronoTimelineView *self)
{
  if (_chrono_timeline_view_is_edit_dragging (self))
    {
      self->dragging = FALSE;
      _chrono_timeline_view_edit_release (self);
    }
  else if (self->dragging)
    {
      self->dragging = FALSE;
      /* Keeps panning after the release, at the speed of the last moves, slowing down. */
      _chrono_timeline_view_fling (self);
    }
  _chrono_timeline_view_update_hover (self);
}

void
chrono_timeline_view_pinch_begin (ChronoTimelineView *self,
                                  double              x)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  chrono_timeline_view_stop_animation (self);
  chrono_viewport_get_visible_span (self->viewport, &self->pinch_start, &self->pinch_end);
  self->pinch_x = x;
}

/**
 * chrono_timeline_view_pinch_update:
 * @scale: the distance between the fingers relative to the start of the pinch
 *
 * Zooms about the point between the fingers where the pinch began.
 */
void
chrono_timeline_view_pinch_update (ChronoTimelineView *self,
                                   double              scale)
{
  double anchor, duration;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  if (scale <= 0)
    return;

  anchor = self->pinch_start + self->pinch_x * (self->pinch_end - self->pinch_start) / _chrono_timeline_view_get_width (self);
  duration = CLAMP ((self->pinch_end - self->pinch_start) / scale,
                    chrono_viewport_get_min_duration (self->viewport),
                    chrono_viewport_get_max_duration (self->viewport));
  _chrono_timeline_view_set_span (self,
            anchor - (anchor - self->pinch_start) / (self->pinch_end - self->pinch_start) * duration,
            anchor + (self->pinch_end - anchor) / (self->pinch_end - self->pinch_start) * duration);
}

static void
pinch_begin_cb (GtkGesture         *gesture,
                GdkEventSequence   *sequence,
                ChronoTimelineView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = _chrono_timeline_view_get_width (self) / 2;
  chrono_timeline_view_pinch_begin (self, x);
}

static void
pinch_scale_changed_cb (GtkGestureZoom     *gesture,
                        double              scale,
                        ChronoTimelineView *self)
{
  chrono_timeline_view_pinch_update (self, scale);
}

static void
select_index (ChronoTimelineView *self,
              guint               i)
{
  ChronoEventIndex *index = _chrono_timeline_view_get_index (self);

  if (index == NULL || i >= chrono_event_index_get_size (index))
    return;

  _chrono_timeline_view_set_selected (self, chrono_event_index_get_event (index, i), TRUE);
}

static void
select_step (ChronoTimelineView *self,
             int                 step)
{
  ChronoEventIndex *index = _chrono_timeline_view_get_index (self);
  guint current;
  guint n;

  if (index == NULL || (n = chrono_event_index_get_size (index)) == 0)
    return;

  current = chrono_event_index_find (index, self->selected);

  if (current == G_MAXUINT)
    {
      /* With nothing selected, start from the first or last event in view. */
      if (step > 0)
        current = chrono_event_index_lower_bound (index, chrono_viewport_get_visible_start (self->viewport));
      else
        current = chrono_event_index_lower_bound (index, chrono_viewport_get_visible_end (self->viewport)) - 1;
      select_index (self, MIN (current, n - 1));
      return;
    }

  if (step < 0 && current == 0)
    return;

  select_index (self, current + step);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  double factor = g_str_equal (action_name, "timeline.zoom-in") ? KEY_ZOOM_STEP : 1 / KEY_ZOOM_STEP;
  double x = _chrono_timeline_view_get_width (self) / 2;

  /* Zoom about the selected event when it is in view, so that it stays there. */
  if (self->selected && self->layout)
    {
      const ChronoLayoutLabel *label =
        chrono_layout_find_label (self->layout, chrono_timeline_get_position (self->timeline, self->selected));

      if (label != NULL)
        x = CLAMP (label->x, 0, _chrono_timeline_view_get_width (self));
    }

  chrono_timeline_view_zoom_at (self, factor, x, TRUE);
}

static void
zoom_to_fit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  double start, end;

  chrono_viewport_get_fit_span (self->viewport, &start, &end);
  _chrono_timeline_view_animate_to_span (self, start, end, JUMP_DURATION_US);
}

static void
zoom_to_event_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);

  if (self->selected != NULL)
    zoom_to_event (self, self->selected);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);

  pan_by_pixels (self, g_variant_get_double (parameter) * _chrono_timeline_view_get_width (self), TRUE);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  ChronoEventIndex *index = _chrono_timeline_view_get_index (self);

  if (g_str_equal (action_name, "timeline.select-next"))
    select_step (self, 1);
  else if (g_str_equal (action_name, "timeline.select-previous"))
    select_step (self, -1);
  else if (g_str_equal (action_name, "timeline.select-first"))
    select_index (self, 0);
  else if (g_str_equal (action_name, "timeline.select-last") && index != NULL)
    select_index (self, chrono_event_index_get_size (index) - 1);
  /* Escape drops a drag under way before it lets go of the selection. */
  else if (g_str_equal (action_name, "timeline.clear-selection") &&
           !chrono_timeline_view_cancel_edit_drag (self))
    _chrono_timeline_view_set_selected (self, NULL, FALSE);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);

  if (self->selected != NULL)
    _chrono_timeline_view_activate (self, self->selected);
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class,
                   guint           key,
                   const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK, action, NULL);
}

void
_chrono_timeline_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-fit", NULL, zoom_to_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-event", NULL, zoom_to_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "d", pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);

  add_zoom_bindings (widget_class, GDK_KEY_plus, "timeline.zoom-in");
  add_zoom_bindings (widget_class, GDK_KEY_equal, "timeline.zoom-in");
  add_zoom_bindings (widget_class, GDK_KEY_KP_Add, "timeline.zoom-in");
  add_zoom_bindings (widget_class, GDK_KEY_minus, "timeline.zoom-out");
  add_zoom_bindings (widget_class, GDK_KEY_KP_Subtract, "timeline.zoom-out");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-to-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.zoom-to-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.select-first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.select-last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.pan", "d", -0.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.pan", "d", 0.25);
}

void
_chrono_timeline_view_init_input (ChronoTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
}
