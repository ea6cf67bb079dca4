/* chrono-timeline-view-scroll.c — the timeline view's visible span: zooms, scrolls,
 * flings and their animation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-view"

#include "config.h"

#include "chrono-timeline-view-private.h"

static gboolean
animations_enabled (ChronoTimelineView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);

  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static double
x_to_time (ChronoTimelineView *self,
           double              x)
{
  return chrono_viewport_x_to_time (self->viewport, x, _chrono_timeline_view_get_width (self));
}

void
_chrono_timeline_view_set_span (ChronoTimelineView *self,
                                double              start,
                                double              end)
{
  self->animating_step = TRUE;
  chrono_viewport_set_visible_span (self->viewport, start, end);
  self->animating_step = FALSE;
}

void
chrono_timeline_view_stop_animation (ChronoTimelineView *self)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  chrono_view_animation_stop (self->animation);
}

gboolean
chrono_timeline_view_is_animating (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), FALSE);

  return chrono_view_animation_get_kind (self->animation) != CHRONO_VIEW_ANIMATION_NONE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  double start, end;
  gboolean running;

  chrono_viewport_get_visible_span (self->viewport, &start, &end);
  running = chrono_view_animation_step (self->animation, gdk_frame_clock_get_frame_time (frame_clock),
                                        _chrono_timeline_view_get_width (self), &start, &end);
  _chrono_timeline_view_set_span (self, start, end);

  if (!running)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
ensure_ticking (ChronoTimelineView *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

void
_chrono_timeline_view_animate_to_span (ChronoTimelineView *self,
                                       double              start,
                                       double              end,
                                       gint64              duration)
{
  double from_start, from_end;

  chrono_viewport_constrain_span (self->viewport, &start, &end);

  if (!animations_enabled (self))
    {
      chrono_timeline_view_stop_animation (self);
      _chrono_timeline_view_set_span (self, start, end);
      return;
    }

  chrono_viewport_get_visible_span (self->viewport, &from_start, &from_end);
  chrono_view_animation_animate_span (self->animation, from_start, from_end, start, end, duration);
  ensure_ticking (self);
}

void
_chrono_timeline_view_fling (ChronoTimelineView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (animations_enabled (self) &&
      chrono_view_animation_fling (self->animation, g_get_monotonic_time (), gdk_frame_clock_get_frame_time (clock)))
    ensure_ticking (self);
}

/**
 * chrono_timeline_view_zoom_at:
 * @factor: more than 1 zooms in
 * @x: where the time stays put, in widget coordinates
 *
 * Zooms as the wheel does. Zooms requested while one is animating add up, so that a
 * fast turn of the wheel zooms far and smoothly.
 */
void
chrono_timeline_view_zoom_at (ChronoTimelineView *self,
                              double              factor,
                              double              x,
                              gboolean            animate)
{
  double start, end, duration, target_start, target_end, target_duration;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  chrono_viewport_get_visible_span (self->viewport, &start, &end);
  duration = end - start;

  if (!animate || !animations_enabled (self))
    {
      chrono_timeline_view_stop_animation (self);
      self->animating_step = TRUE;
      chrono_viewport_zoom_at (self->viewport, factor, x_to_time (self, x));
      self->animating_step = FALSE;
      return;
    }

  target_duration = duration;
  if (chrono_view_animation_get_target (self->animation, &target_start, &target_end))
    target_duration = target_end - target_start;
  target_duration = CLAMP (target_duration / factor,
                           chrono_viewport_get_min_duration (self->viewport),
                           chrono_viewport_get_max_duration (self->viewport));

  chrono_view_animation_animate_zoom (self->animation, start, end, x_to_time (self, x),
                                      target_duration, ZOOM_DURATION_US);
  ensure_ticking (self);
}

/* Scrolls @event into view, keeping the zoom, unless it is in view already. */
void
_chrono_timeline_view_reveal_event (ChronoTimelineView *self,
                                    ChronoEvent        *event)
{
  double start, end, margin, event_start, event_end, centre;

  if (!chrono_view_animation_get_target (self->animation, &start, &end))
    chrono_viewport_get_visible_span (self->viewport, &start, &end);

  margin = (end - start) * 0.1;
  event_start = (double) chrono_event_get_start_time (event);
  event_end = (double) chrono_event_get_end_time (event);

  if (event_start >= start + margin && event_start <= end - margin)
    return;

  centre = event_end - event_start < (end - start) * 0.8 ? (event_start + event_end) / 2 : event_start;
  _chrono_timeline_view_animate_to_span (self, centre - (end - start) / 2, centre + (end - start) / 2, JUMP_DURATION_US);
}
