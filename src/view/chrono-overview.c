/* chrono-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chrono-overview.h"
#include "chrono-renderer.h"
#include "chrono-theme.h"

struct _ChronoOverview
{
  GtkWidget          parent_instance;

  ChronoTimeline    *timeline;
  ChronoEventFilter *filter;
  ChronoViewport    *viewport;
  ChronoEventIndex *index;

  ChronoRenderer    *renderer;

  double             grab_x;
  double             grab_start;
  double             grab_duration;
  gboolean           dragging;
};

G_DEFINE_FINAL_TYPE (ChronoOverview, chrono_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_FILTER,
  PROP_VIEWPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drop_index (ChronoOverview *self)
{
  g_clear_object (&self->index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_extent (ChronoOverview *self,
            double         *start,
            double         *end)
{
  if (self->viewport != NULL)
    {
      chrono_viewport_get_limits (self->viewport, start, end);
    }
  else
    {
      *start = 0;
      *end = 1;
    }
}

double
chrono_overview_time_to_x (ChronoOverview *self,
                           double          time)
{
  double start, end;

  get_extent (self, &start, &end);

  return (time - start) * gtk_widget_get_width (GTK_WIDGET (self)) / (end - start);
}

double
chrono_overview_x_to_time (ChronoOverview *self,
                           double          x)
{
  double start, end;

  get_extent (self, &start, &end);

  return start + x * (end - start) / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static void
chrono_overview_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ChronoOverview *self = CHRONO_OVERVIEW (widget);
  ChronoOverviewParams params = { 0 };
  g_autoptr(ChronoOverviewLayout) layout = NULL;
  ChronoRenderStyle style;
  cairo_t *cr;

  params.width = gtk_widget_get_width (widget);
  params.height = gtk_widget_get_height (widget);
  if (params.width <= 0 || params.height <= 0 || self->viewport == NULL)
    return;

  chrono_theme_get_render_style (widget, &style);
  if (self->renderer == NULL)
    self->renderer = chrono_renderer_new (gtk_widget_get_pango_context (widget), &style);
  else
    chrono_renderer_set_style (self->renderer, &style);

  if (self->timeline != NULL && self->index == NULL)
    self->index = chrono_event_index_new (self->timeline, self->filter);

  params.index = self->timeline != NULL ? self->index : NULL;
  get_extent (self, &params.extent_start, &params.extent_end);
  chrono_viewport_get_visible_span (self->viewport, &params.visible_start, &params.visible_end);
  params.measure = chrono_renderer_measure;
  params.measure_data = self->renderer;
  layout = chrono_overview_layout_new (&params);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, params.width, params.height));
  chrono_renderer_draw_overview (self->renderer, cr, layout);
  cairo_destroy (cr);
}

static void
chrono_overview_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    {
      *minimum = 44;
      *natural = 56;
    }
}

static gboolean
in_window (ChronoOverview *self,
           double          x)
{
  double start, end;

  chrono_viewport_get_visible_span (self->viewport, &start, &end);

  return x >= chrono_overview_time_to_x (self, start) - 4 && x <= chrono_overview_time_to_x (self, end) + 4;
}

void
chrono_overview_drag_begin (ChronoOverview *self,
                            double          x)
{
  double start, end;

  g_return_if_fail (CHRONO_IS_OVERVIEW (self));

  if (self->viewport == NULL)
    return;

  chrono_viewport_get_visible_span (self->viewport, &start, &end);

  /* A press outside the window centres the window there, then drags it from there. */
  if (!in_window (self, x))
    {
      double centre = chrono_overview_x_to_time (self, x);

      chrono_viewport_set_visible_span (self->viewport, centre - (end - start) / 2, centre + (end - start) / 2);
      chrono_viewport_get_visible_span (self->viewport, &start, &end);
    }

  self->grab_x = x;
  self->grab_start = start;
  self->grab_duration = end - start;
  self->dragging = TRUE;
}

void
chrono_overview_drag_update (ChronoOverview *self,
                             double          offset_x)
{
  double start;

  g_return_if_fail (CHRONO_IS_OVERVIEW (self));

  if (self->viewport == NULL || !self->dragging)
    return;

  start = self->grab_start + chrono_overview_x_to_time (self, self->grab_x + offset_x)
          - chrono_overview_x_to_time (self, self->grab_x);
  chrono_viewport_set_visible_span (self->viewport, start, start + self->grab_duration);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               ChronoOverview *self)
{
  chrono_overview_drag_begin (self, x);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                ChronoOverview *self)
{
  chrono_overview_drag_update (self, offset_x);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             ChronoOverview *self)
{
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ChronoOverview           *self)
{
  if (!self->dragging && self->viewport != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), in_window (self, x) ? "grab" : "pointer");
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           ChronoOverview           *self)
{
  double start, end;

  if (self->viewport == NULL)
    return GDK_EVENT_PROPAGATE;

  /* The wheel zooms the view about its centre; the overview itself never zooms. */
  chrono_viewport_get_visible_span (self->viewport, &start, &end);
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    chrono_viewport_zoom_at (self->viewport, pow (1.25, -dy), (start + end) / 2);
  else
    chrono_viewport_zoom_at (self->viewport, exp (-dy * 0.006), (start + end) / 2);

  return GDK_EVENT_STOP;
}

static void
viewport_changed_cb (ChronoOverview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chrono_overview_dispose (GObject *object)
{
  ChronoOverview *self = CHRONO_OVERVIEW (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->viewport);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->renderer, chrono_renderer_free);
  g_clear_object (&self->index);

  G_OBJECT_CLASS (chrono_overview_parent_class)->dispose (object);
}

static void
chrono_overview_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronoOverview *self = CHRONO_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_overview_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChronoOverview *self = CHRONO_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      chrono_overview_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      chrono_overview_set_filter (self, g_value_get_object (value));
      break;

    case PROP_VIEWPORT:
      chrono_overview_set_viewport (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_overview_class_init (ChronoOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_overview_dispose;
  object_class->get_property = chrono_overview_get_property;
  object_class->set_property = chrono_overview_set_property;

  widget_class->snapshot = chrono_overview_snapshot;
  widget_class->measure = chrono_overview_measure;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONO_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         CHRONO_TYPE_EVENT_FILTER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL,
                         CHRONO_TYPE_VIEWPORT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chronooverview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chrono_overview_init (ChronoOverview *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of the whole timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Drag the highlighted window to move the view; click elsewhere to jump there."),
                                  -1);
}

GtkWidget *
chrono_overview_new (void)
{
  return g_object_new (CHRONO_TYPE_OVERVIEW, NULL);
}

ChronoTimeline *
chrono_overview_get_timeline (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), NULL);

  return self->timeline;
}

void
chrono_overview_set_timeline (ChronoOverview *self,
                              ChronoTimeline *timeline)
{
  g_return_if_fail (CHRONO_IS_OVERVIEW (self));
  g_return_if_fail (!timeline || CHRONO_IS_TIMELINE (timeline));

  if (!g_set_object (&self->timeline, timeline))
    return;

  drop_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

ChronoEventFilter *
chrono_overview_get_filter (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), NULL);

  return self->filter;
}

void
chrono_overview_set_filter (ChronoOverview    *self,
                            ChronoEventFilter *filter)
{
  g_return_if_fail (CHRONO_IS_OVERVIEW (self));
  g_return_if_fail (!filter || CHRONO_IS_EVENT_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (drop_index), self);

  drop_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

ChronoViewport *
chrono_overview_get_viewport (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), NULL);

  return self->viewport;
}

void
chrono_overview_set_viewport (ChronoOverview *self,
                              ChronoViewport *viewport)
{
  g_return_if_fail (CHRONO_IS_OVERVIEW (self));
  g_return_if_fail (!viewport || CHRONO_IS_VIEWPORT (viewport));

  if (self->viewport == viewport)
    return;

  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_set_object (&self->viewport, viewport);
  if (viewport != NULL)
    {
      g_signal_connect_swapped (viewport, "notify", G_CALLBACK (viewport_changed_cb), self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWPORT]);
}
