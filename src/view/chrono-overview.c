/* chrono-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chrono-overview-private.h"
#include "chrono-renderer.h"
#include "chrono-theme.h"

struct _ChronoOverview
{
  GtkWidget          parent_instance;

  ChronoSession     *session;
  GSignalGroup      *session_signals;
  GSignalGroup      *events_signals;
  GSignalGroup      *filter_signals;
  GSignalGroup      *viewport_signals;
  ChronoViewport    *viewport;           /* the session's */

  ChronoRenderer    *renderer;
  gboolean           lanes;
  guint              max_lanes;

  guint              context_serial;     /* the Pango context's, as the renderer knows it */

  /* The bars change with the events, the size, the document's span and the text, not
   * with the visible span: a frame of a zoom only moves the window. */
  ChronoOverviewLayout *layout;
  ChronoOverviewParams  layout_params;

  double             grab_x;
  double             grab_start;
  double             grab_duration;
  gboolean           dragging;
};

G_DEFINE_FINAL_TYPE (ChronoOverview, chrono_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LANES,
  PROP_MAX_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
queue_draw (ChronoOverview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_layout (ChronoOverview *self)
{
  g_clear_pointer (&self->layout, chrono_overview_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The lanes are the categories the filter shows, with events in view or not: hiding
 * one that has none changes no item of the list. */
static void
filter_changed_cb (ChronoOverview *self)
{
  if (self->lanes)
    invalidate_layout (self);
}

static gboolean
layout_is_current (ChronoOverview             *self,
                   const ChronoOverviewParams *params)
{
  const ChronoOverviewParams *old = &self->layout_params;

  return self->layout != NULL && old->index == params->index && old->lanes == params->lanes &&
         old->max_lanes == params->max_lanes &&
         old->extent_start == params->extent_start && old->extent_end == params->extent_end &&
         old->width == params->width && old->height == params->height;
}

ChronoOverviewLayout *
_chrono_overview_get_layout (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), NULL);

  return self->layout;
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
  cairo_t *cr;

  params.width = gtk_widget_get_width (widget);
  params.height = gtk_widget_get_height (widget);
  if (params.width <= 0 || params.height <= 0 || self->viewport == NULL)
    return;

  if (chrono_theme_update_renderer (widget, &self->renderer, &self->context_serial))
    g_clear_pointer (&self->layout, chrono_overview_layout_free);

  if (chrono_session_get_timeline (self->session) != NULL)
    params.index = chrono_session_get_events (self->session);
  get_extent (self, &params.extent_start, &params.extent_end);
  chrono_viewport_get_visible_span (self->viewport, &params.visible_start, &params.visible_end);
  params.lanes = self->lanes;
  params.max_lanes = self->max_lanes;
  params.measure = chrono_renderer_measure;
  params.measure_data = self->renderer;
  if (layout_is_current (self, &params))
    {
      chrono_overview_layout_set_window (self->layout, &params);
    }
  else
    {
      g_clear_pointer (&self->layout, chrono_overview_layout_free);
      self->layout = chrono_overview_layout_new (&params);
      self->layout_params = params;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, params.width, params.height));
  chrono_renderer_draw_overview (self->renderer, cr, self->layout);
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
  ChronoOverview *self = CHRONO_OVERVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    {
      /* Lanes want rows of a few pixels each. */
      *minimum = self->lanes ? 64 : 44;
      *natural = self->lanes ? 88 : 56;
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
chrono_overview_dispose (GObject *object)
{
  ChronoOverview *self = CHRONO_OVERVIEW (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->events_signals);
  g_clear_object (&self->filter_signals);
  g_clear_object (&self->viewport_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->renderer, chrono_renderer_free);
  g_clear_pointer (&self->layout, chrono_overview_layout_free);

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
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_LANES:
      g_value_set_boolean (value, self->lanes);
      break;

    case PROP_MAX_LANES:
      g_value_set_uint (value, self->max_lanes);
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
    case PROP_SESSION:
      chrono_overview_set_session (self, g_value_get_object (value));
      break;

    case PROP_LANES:
      chrono_overview_set_lanes (self, g_value_get_boolean (value));
      break;

    case PROP_MAX_LANES:
      chrono_overview_set_max_lanes (self, g_value_get_uint (value));
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

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CHRONO_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANES] =
    g_param_spec_boolean ("lanes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_LANES] =
    g_param_spec_uint ("max-lanes", NULL, NULL, 0, G_MAXUINT, 0,
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

  self->session_signals = g_signal_group_new (CHRONO_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::timeline", G_CALLBACK (invalidate_layout), self);
  g_signal_group_connect_swapped (self->session_signals, "edited", G_CALLBACK (invalidate_layout), self);
  self->events_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->events_signals, "items-changed", G_CALLBACK (invalidate_layout), self);
  self->filter_signals = g_signal_group_new (CHRONO_TYPE_EVENT_FILTER);
  g_signal_group_connect_swapped (self->filter_signals, "changed", G_CALLBACK (filter_changed_cb), self);
  self->viewport_signals = g_signal_group_new (CHRONO_TYPE_VIEWPORT);
  g_signal_group_connect_swapped (self->viewport_signals, "notify", G_CALLBACK (queue_draw), self);

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

ChronoSession *
chrono_overview_get_session (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), NULL);

  return self->session;
}

/* Shows the density of @session's filtered events and its visible span, and moves that
 * span when dragged. */
void
chrono_overview_set_session (ChronoOverview *self,
                             ChronoSession  *session)
{
  g_return_if_fail (CHRONO_IS_OVERVIEW (self));
  g_return_if_fail (!session || CHRONO_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_clear_object (&self->viewport);
  if (session != NULL)
    self->viewport = g_object_ref (chrono_session_get_viewport (session));
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->events_signals, session != NULL ? chrono_session_get_events (session) : NULL);
  g_signal_group_set_target (self->filter_signals, session != NULL ? chrono_session_get_filter (session) : NULL);
  g_signal_group_set_target (self->viewport_signals, self->viewport);

  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
chrono_overview_get_lanes (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), FALSE);

  return self->lanes;
}

/* A row of bars per lane, as the timeline view shows its lanes. */
void
chrono_overview_set_lanes (ChronoOverview *self,
                           gboolean        lanes)
{
  g_return_if_fail (CHRONO_IS_OVERVIEW (self));

  lanes = !!lanes;
  if (self->lanes == lanes)
    return;

  self->lanes = lanes;
  g_clear_pointer (&self->layout, chrono_overview_layout_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

guint
chrono_overview_get_max_lanes (ChronoOverview *self)
{
  g_return_val_if_fail (CHRONO_IS_OVERVIEW (self), 0);

  return self->max_lanes;
}

/* No more lanes than the timeline view has room for (its ChronoTimelineView:n-lanes), so
 * that a category it leaves without a lane has none here either; 0 for no limit. */
void
chrono_overview_set_max_lanes (ChronoOverview *self,
                               guint           max_lanes)
{
  g_return_if_fail (CHRONO_IS_OVERVIEW (self));

  if (self->max_lanes == max_lanes)
    return;

  self->max_lanes = max_lanes;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_LANES]);
}
