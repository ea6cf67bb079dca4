/* chrono-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chrono-layout.h"
#include "chrono-overview.h"
#include "chrono-time-axis.h"

#define COLUMN_WIDTH 2.0

struct _ChronoOverview
{
  GtkWidget          parent_instance;

  ChronoTimeline    *timeline;
  ChronoEventFilter *filter;
  ChronoViewport    *viewport;
  ChronoEventIndex *index;

  PangoLayout       *text;

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
measure_text_cb (ChronoTextKind  kind,
                 const char     *text,
                 double         *width,
                 double         *height,
                 gpointer        user_data)
{
  ChronoOverview *self = user_data;
  int w, h;

  pango_layout_set_text (self->text, text, -1);
  pango_layout_get_pixel_size (self->text, &w, &h);
  *width = w;
  *height = h;
}

static void
ensure_text (ChronoOverview *self)
{
  if (self->text == NULL)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      self->text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (self->text, attributes);
    }
}

static void
chrono_overview_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ChronoOverview *self = CHRONO_OVERVIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(ChronoTimeAxis) axis = NULL;
  double extent_start, extent_end, visible_start, visible_end;
  double x0, x1, bars_height;
  guint n_columns, max_count = 1;
  g_autofree guint *counts = NULL;
  GdkRGBA fg, accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->viewport == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);

#if GTK_CHECK_VERSION (4, 10, 0)
    gtk_widget_get_color (widget, &fg);
#else
    gtk_style_context_get_color (context, &fg);
#endif
    if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
      gdk_rgba_parse (&accent, "#3584e4");
  }
  G_GNUC_END_IGNORE_DEPRECATIONS

  ensure_text (self);
  get_extent (self, &extent_start, &extent_end);
  chrono_viewport_get_visible_span (self->viewport, &visible_start, &visible_end);

  axis = chrono_time_axis_new (extent_start, extent_end, width, measure_text_cb, self);
  bars_height = height - axis->label_height - 4;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The density of the whole timeline: how many events start in each column. */
  if (self->timeline != NULL)
    {
      if (self->index == NULL)
        self->index = chrono_event_index_new (self->timeline, self->filter);

      counts = chrono_event_index_count_columns (self->index, extent_start, extent_end, width,
                                                 COLUMN_WIDTH, &n_columns);
      for (guint c = 0; c < n_columns; c++)
        max_count = MAX (max_count, counts[c]);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.45);
      for (guint c = 0; c < n_columns; c++)
        {
          double bar;

          if (counts[c] == 0)
            continue;

          /* Square root, so that a lone event still shows next to a crowded year. */
          bar = MAX (2, sqrt ((double) counts[c] / max_count) * (bars_height - 4));
          cairo_rectangle (cr, c * COLUMN_WIDTH, bars_height - bar, COLUMN_WIDTH - 0.5, bar);
        }
      cairo_fill (cr);
    }

  /* The baseline and the years (or whatever the extent calls for). */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.3);
  cairo_rectangle (cr, 0, floor (bars_height), width, 1);
  cairo_fill (cr);

  /* Under months, the years (the axis's context) say more than the months would. */
  for (guint i = 0; i < axis->contexts->len; i++)
    {
      const ChronoAxisContext *context = &g_array_index (axis->contexts, ChronoAxisContext, i);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.3);
      cairo_rectangle (cr, floor (context->x - 3), bars_height, 1, 3);
      cairo_fill (cr);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
      pango_layout_set_text (self->text, context->text, -1);
      cairo_move_to (cr, context->x - 1, bars_height + 2);
      pango_cairo_show_layout (cr, self->text);
    }

  for (guint i = 0; i < axis->ticks->len && axis->contexts->len == 0; i++)
    {
      const ChronoAxisTick *tick = &g_array_index (axis->ticks, ChronoAxisTick, i);

      if (tick->label == NULL)
        continue;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.3);
      cairo_rectangle (cr, floor (tick->x), bars_height, 1, 3);
      cairo_fill (cr);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
      pango_layout_set_text (self->text, tick->label, -1);
      cairo_move_to (cr, tick->x + 2, bars_height + 2);
      pango_cairo_show_layout (cr, self->text);
    }

  /* The visible window, with what lies outside it dimmed. */
  x0 = round (chrono_overview_time_to_x (self, visible_start));
  x1 = round (chrono_overview_time_to_x (self, visible_end));
  if (x1 - x0 < 4)
    {
      double centre = (x0 + x1) / 2;

      x0 = round (centre - 2);
      x1 = x0 + 4;
    }

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
  cairo_rectangle (cr, 0, 0, MAX (x0, 0), height);
  cairo_rectangle (cr, x1, 0, MAX (width - x1, 0), height);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
  cairo_rectangle (cr, x0, 0, x1 - x0, height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, x0 + 1, 1, x1 - x0 - 2, height - 2);
  cairo_stroke (cr);

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
  g_clear_object (&self->text);
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
