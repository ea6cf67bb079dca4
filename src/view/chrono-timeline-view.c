/* chrono-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "chrono-renderer.h"
#include "chrono-timeline-view.h"

#define WHEEL_ZOOM_STEP      1.25
#define KEY_ZOOM_STEP        2.0
#define ZOOM_DURATION_US     (220 * G_USEC_PER_SEC / 1000)
#define JUMP_DURATION_US     (450 * G_USEC_PER_SEC / 1000)
#define KINETIC_FRICTION     4.0
#define KINETIC_MIN_VELOCITY 20.0
#define SURFACE_ZOOM_RATE    0.006

typedef enum
{
  ANIMATION_NONE,
  ANIMATION_SPAN,
  ANIMATION_ANCHORED,
  ANIMATION_KINETIC,
} AnimationKind;

struct _ChronoTimelineView
{
  GtkWidget          parent_instance;

  ChronoTimeline    *timeline;
  gint64             timeline_set_time;  /* for CHRONO_DEBUG=frames: the first frame's delay */
  guint              n_frames;
  ChronoEventFilter *filter;
  ChronoEvent       *selected;
  ChronoViewport    *viewport;

  ChronoEventIndex *index;
  ChronoRenderer    *renderer;
  ChronoLayout      *layout;
  gboolean           layout_dirty;

  ChronoEvent       *hovered;
  guint              hovered_cluster;
  double             pointer_x;
  double             pointer_y;
  gboolean           pointer_inside;

  /* Animation of the visible span, by frame clock ticks. */
  guint              tick_id;
  AnimationKind      animation;
  gboolean           animating_step;
  gint64             animation_start;
  gint64             animation_duration;
  gint64             last_frame;
  double             from_start;
  double             from_end;
  double             to_start;
  double             to_end;
  double             anchor;
  double             anchor_fraction;
  double             velocity;

  /* Drag to pan, with the last moves to measure the speed at release. */
  double             drag_span_start;
  double             drag_span_end;
  double             drag_last_offset;
  gint64             drag_times[4];
  double             drag_offsets[4];
  guint              drag_n_samples;
  gboolean           dragging;

  double             pinch_start;
  double             pinch_end;
  double             pinch_x;
};

G_DEFINE_FINAL_TYPE (ChronoTimelineView, chrono_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_FILTER,
  PROP_SELECTED_EVENT,
  PROP_VIEWPORT,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
invalidate_layout (ChronoTimelineView *self)
{
  self->layout_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drop_index (ChronoTimelineView *self)
{
  g_clear_object (&self->index);
  invalidate_layout (self);
}

static ChronoEventIndex *
get_index (ChronoTimelineView *self)
{
  if (self->index == NULL && self->timeline != NULL)
    self->index = chrono_event_index_new (self->timeline, self->filter);

  return self->index;
}

static gboolean
animations_enabled (ChronoTimelineView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);

  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static double
get_width (ChronoTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static double
x_to_time (ChronoTimelineView *self,
           double              x)
{
  return chrono_viewport_x_to_time (self->viewport, x, get_width (self));
}

static void
set_span (ChronoTimelineView *self,
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
  self->animation = ANIMATION_NONE;
}

gboolean
chrono_timeline_view_is_animating (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), FALSE);

  return self->animation != ANIMATION_NONE;
}

static double
ease_out_cubic (double t)
{
  double p = 1 - t;

  return 1 - p * p * p;
}

/* Zooming looks even when the duration changes geometrically: every frame zooms by the
 * same factor, as the eye expects. */
static void
interpolate (ChronoTimelineView *self,
             double              progress,
             double             *start,
             double             *end)
{
  double from_duration = self->from_end - self->from_start;
  double to_duration = self->to_end - self->to_start;
  double duration = from_duration * pow (to_duration / from_duration, progress);

  if (self->animation == ANIMATION_ANCHORED)
    {
      *start = self->anchor - self->anchor_fraction * duration;
    }
  else
    {
      double from_centre = (self->from_start + self->from_end) / 2;
      double to_centre = (self->to_start + self->to_end) / 2;

      *start = from_centre + (to_centre - from_centre) * progress - duration / 2;
    }

  *end = *start + duration;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);

  if (self->animation == ANIMATION_KINETIC)
    {
      double dt = MAX (now - self->last_frame, 0) / (double) G_USEC_PER_SEC;
      double start, end;

      self->last_frame = now;
      self->velocity *= exp (-KINETIC_FRICTION * dt);
      chrono_viewport_get_visible_span (self->viewport, &start, &end);
      set_span (self,
                start - self->velocity * dt * (end - start) / get_width (self),
                end - self->velocity * dt * (end - start) / get_width (self));

      if (fabs (self->velocity) < KINETIC_MIN_VELOCITY)
        {
          self->tick_id = 0;
          self->animation = ANIMATION_NONE;
          return G_SOURCE_REMOVE;
        }

      return G_SOURCE_CONTINUE;
    }
  else
    {
      double t = (now - self->animation_start) / (double) self->animation_duration;
      double start, end;

      if (self->animation_start == 0)
        {
          /* The first frame after the request starts the clock. */
          self->animation_start = now;
          t = 0;
        }

      t = CLAMP (t, 0, 1);
      interpolate (self, ease_out_cubic (t), &start, &end);
      set_span (self, start, end);

      if (t >= 1)
        {
          self->tick_id = 0;
          self->animation = ANIMATION_NONE;
          return G_SOURCE_REMOVE;
        }

      return G_SOURCE_CONTINUE;
    }
}

static void
ensure_ticking (ChronoTimelineView *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
animate_to_span (ChronoTimelineView *self,
                 double              start,
                 double              end,
                 gint64              duration)
{
  chrono_viewport_constrain_span (self->viewport, &start, &end);

  if (!animations_enabled (self))
    {
      chrono_timeline_view_stop_animation (self);
      set_span (self, start, end);
      return;
    }

  chrono_viewport_get_visible_span (self->viewport, &self->from_start, &self->from_end);
  self->to_start = start;
  self->to_end = end;
  self->animation = ANIMATION_SPAN;
  self->animation_start = 0;
  self->animation_duration = duration;
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
  double start, end, duration, target_duration;

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
  if (self->animation == ANIMATION_ANCHORED || self->animation == ANIMATION_SPAN)
    target_duration = self->to_end - self->to_start;
  target_duration = CLAMP (target_duration / factor,
                           chrono_viewport_get_min_duration (self->viewport),
                           chrono_viewport_get_max_duration (self->viewport));

  self->anchor = x_to_time (self, x);
  self->anchor_fraction = (self->anchor - start) / duration;
  self->from_start = start;
  self->from_end = end;
  self->to_start = self->anchor - self->anchor_fraction * target_duration;
  self->to_end = self->to_start + target_duration;
  self->animation = ANIMATION_ANCHORED;
  self->animation_start = 0;
  self->animation_duration = ZOOM_DURATION_US;
  ensure_ticking (self);
}

static void
pan_by_pixels (ChronoTimelineView *self,
               double              dx,
               gboolean            animate)
{
  double start, end, seconds;

  if (self->animation == ANIMATION_SPAN && animate)
    {
      start = self->to_start;
      end = self->to_end;
    }
  else
    {
      chrono_viewport_get_visible_span (self->viewport, &start, &end);
    }

  seconds = dx * (end - start) / get_width (self);

  if (animate)
    {
      animate_to_span (self, start + seconds, end + seconds, ZOOM_DURATION_US);
    }
  else
    {
      chrono_timeline_view_stop_animation (self);
      set_span (self, start + seconds, end + seconds);
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
  double x = self->pointer_inside ? self->pointer_x : get_width (self) / 2;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      if (state & GDK_SHIFT_MASK)
        {
          pan_by_pixels (self, (dy != 0 ? dy : dx) * get_width (self) * 0.1, TRUE);
        }
      else if (dx != 0 && dy == 0)
        {
          pan_by_pixels (self, dx * get_width (self) * 0.1, TRUE);
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

/* Scrolls @event into view, keeping the zoom, unless it is in view already. */
static void
reveal_event (ChronoTimelineView *self,
              ChronoEvent        *event)
{
  double start, end, margin, event_start, event_end, centre;

  if (self->animation == ANIMATION_SPAN || self->animation == ANIMATION_ANCHORED)
    {
      start = self->to_start;
      end = self->to_end;
    }
  else
    {
      chrono_viewport_get_visible_span (self->viewport, &start, &end);
    }

  margin = (end - start) * 0.1;
  event_start = (double) chrono_event_get_start_time (event);
  event_end = (double) chrono_event_get_end_time (event);

  if (event_start >= start + margin && event_start <= end - margin)
    return;

  centre = event_end - event_start < (end - start) * 0.8 ? (event_start + event_end) / 2 : event_start;
  animate_to_span (self, centre - (end - start) / 2, centre + (end - start) / 2, JUMP_DURATION_US);
}

static void
update_accessible (ChronoTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    {
      g_autofree char *date = chrono_date_format (chrono_event_get_start (self->selected));

      /* Translators: the description of the timeline for screen readers: an event's
       * title and its date. */
      description = g_strdup_printf (_("Selected: %s, %s"), chrono_event_get_title (self->selected), date);
    }
  else
    {
      description = g_strdup (_("No event selected. Use the arrow keys to move between events."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_selected (ChronoTimelineView *self,
              ChronoEvent        *event,
              gboolean            reveal)
{
  if (!g_set_object (&self->selected, event))
    return;

  if (event != NULL && reveal)
    reveal_event (self, event);

  update_accessible (self);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/* CHRONO_DEBUG=frames prints what each frame costs, to see how zooming feels on a big
 * timeline in the real app. */
static gboolean
debug_frames (void)
{
  static gsize once = 0;
  static gboolean enabled = FALSE;

  if (g_once_init_enter (&once))
    {
      const GDebugKey keys[] = { { "frames", 1 } };

      enabled = g_parse_debug_string (g_getenv ("CHRONO_DEBUG"), keys, G_N_ELEMENTS (keys)) != 0;
      g_once_init_leave (&once, 1);
    }

  return enabled;
}

static void
ensure_layout (ChronoTimelineView *self)
{
  ChronoLayoutParams params = { 0 };
  double start, end;

  if (self->timeline == NULL || self->renderer == NULL)
    return;

  if (!self->layout_dirty && self->layout != NULL &&
      self->layout->width == get_width (self) &&
      self->layout->height == MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1))
    return;

  chrono_viewport_get_visible_span (self->viewport, &start, &end);

  params.timeline = self->timeline;
  params.filter = self->filter;
  params.index = get_index (self);
  params.start = start;
  params.end = end;
  params.width = get_width (self);
  params.height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  params.measure = chrono_renderer_measure;
  params.measure_data = self->renderer;
  params.selected = self->selected;
  params.now = g_get_real_time () / G_USEC_PER_SEC;

  g_clear_pointer (&self->layout, chrono_layout_free);
  self->layout = chrono_layout_new (&params);
  self->layout_dirty = FALSE;
}

static ChronoColor
to_color (const GdkRGBA *rgba)
{
  return (ChronoColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static void
blend_opaque (ChronoColor       *result,
              const ChronoColor *background,
              const ChronoColor *foreground,
              double             amount)
{
  double a = foreground->alpha * amount;

  result->red = background->red * (1 - a) + foreground->red * a;
  result->green = background->green * (1 - a) + foreground->green * a;
  result->blue = background->blue * (1 - a) + foreground->blue * a;
  result->alpha = 1;
}

/* Fills the renderer's style from the theme: the text colour, the view background and
 * the accent, dark and high contrast from libadwaita, the font from the widget. */
static void
update_style (ChronoTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  ChronoRenderStyle style = { 0 };
  GdkRGBA fg, bg, accent;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);

#if GTK_CHECK_VERSION (4, 10, 0)
    gtk_widget_get_color (widget, &fg);
#else
    gtk_style_context_get_color (context, &fg);
#endif
    if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg) &&
        !gtk_style_context_lookup_color (context, "theme_base_color", &bg))
      gdk_rgba_parse (&bg, adw_style_manager_get_dark (manager) ? "#1e1e1e" : "#ffffff");
    if (!gtk_style_context_lookup_color (context, "accent_color", &accent) &&
        !gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent))
      gdk_rgba_parse (&accent, adw_style_manager_get_dark (manager) ? "#78aeed" : "#1c71d8");
  }
  G_GNUC_END_IGNORE_DEPRECATIONS

  style.dark = adw_style_manager_get_dark (manager);
  style.high_contrast = adw_style_manager_get_high_contrast (manager);
  style.foreground = to_color (&fg);
  style.background = to_color (&bg);
  style.background.alpha = 1;
  style.accent = to_color (&accent);
  style.grid = style.foreground;
  style.grid.alpha = style.high_contrast ? 0.35 : 0.1;
  blend_opaque (&style.label_background, &style.background, &style.foreground,
                style.high_contrast ? 0 : style.dark ? 0.06 : 0.03);
  style.font = (PangoFontDescription *) pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  style.scale = gtk_widget_get_scale_factor (widget);

  if (self->renderer == NULL)
    {
      self->renderer = chrono_renderer_new (gtk_widget_get_pango_context (widget), &style);
      self->layout_dirty = TRUE;
    }
  else
    {
      const ChronoRenderStyle *old = chrono_renderer_get_style (self->renderer);

      if (!pango_font_description_equal (old->font, style.font) || old->dark != style.dark)
        self->layout_dirty = TRUE;
      chrono_renderer_set_style (self->renderer, &style);
    }
}

static void
chrono_timeline_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  ChronoRenderState state = { self->selected, self->hovered, self->hovered_cluster };
  gint64 begin = g_get_monotonic_time ();
  gint64 layout_done;
  gboolean relayout = self->layout_dirty || self->layout == NULL;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  update_style (self);
  ensure_layout (self);

  layout_done = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->layout != NULL)
    chrono_renderer_draw (self->renderer, cr, self->layout, &state);
  else
    {
      const ChronoColor *bg = &chrono_renderer_get_style (self->renderer)->background;

      cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, bg->alpha);
      cairo_paint (cr);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      const ChronoColor *accent = &chrono_renderer_get_style (self->renderer)->accent;

      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);

  if (debug_frames () && self->layout != NULL)
    {
      gint64 end = g_get_monotonic_time ();

      /* Drawing goes into a render node here; GSK rasterizes it afterwards. */
      g_printerr ("frame %u: layout %.2f ms%s, draw %.2f ms, %u events in view, %u labels, %u clusters",
                  self->n_frames, (layout_done - begin) / 1000.0, relayout ? "" : " (kept)",
                  (end - layout_done) / 1000.0, self->layout->n_items,
                  self->layout->labels->len, self->layout->clusters->len);
      if (self->n_frames == 0)
        g_printerr (", first frame %.0f ms after the timeline was set",
                    (end - self->timeline_set_time) / 1000.0);
      g_printerr ("\n");
      self->n_frames++;
    }
}

static void
chrono_timeline_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 900;
    }
  else
    {
      *minimum = 180;
      *natural = 360;
    }
}

static void
chrono_timeline_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  invalidate_layout (CHRONO_TIMELINE_VIEW (widget));
}

static void
chrono_timeline_view_state_flags_changed (GtkWidget     *widget,
                                          GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  /* The focus ring is drawn in snapshot. */
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (chrono_timeline_view_parent_class)->state_flags_changed (widget, previous);
}

static void
update_hover (ChronoTimelineView *self)
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
  update_hover (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          ChronoTimelineView       *self)
{
  self->pointer_inside = FALSE;
  update_hover (self);
}

static void
zoom_into_cluster (ChronoTimelineView        *self,
                   const ChronoLayoutCluster *cluster)
{
  double start, end;

  chrono_viewport_get_span_around (self->viewport, cluster->start, cluster->end, &start, &end);
  animate_to_span (self, start, end, JUMP_DURATION_US);
}

static void
zoom_to_event (ChronoTimelineView *self,
               ChronoEvent        *event)
{
  double start, end;

  chrono_viewport_get_span_for_event (self->viewport, event, &start, &end);
  animate_to_span (self, start, end, JUMP_DURATION_US);
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
  if (self->renderer == NULL)
    update_style (self);
  ensure_layout (self);
  if (self->layout == NULL)
    return;

  switch (chrono_layout_hit_test (self->layout, x, y, &index))
    {
    case CHRONO_LAYOUT_HIT_LABEL:
      {
        ChronoEvent *event = g_array_index (self->layout->labels, ChronoLayoutLabel, index).event;

        set_selected (self, event, FALSE);
        if (n_press >= 2)
          {
            zoom_to_event (self, event);
            g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
          }
      }
      break;

    case CHRONO_LAYOUT_HIT_CLUSTER:
      if (n_press == 1)
        zoom_into_cluster (self, &g_array_index (self->layout->clusters, ChronoLayoutCluster, index));
      break;

    case CHRONO_LAYOUT_HIT_NONE:
    default:
      if (n_press == 2)
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
  self->drag_n_samples = 0;
  self->drag_last_offset = 0;
}

static void
drag_update (ChronoTimelineView *self,
             double              offset_x)
{
  double seconds = offset_x * (self->drag_span_end - self->drag_span_start) / get_width (self);
  guint slot = self->drag_n_samples % G_N_ELEMENTS (self->drag_times);

  self->dragging = TRUE;
  self->drag_times[slot] = g_get_monotonic_time ();
  self->drag_offsets[slot] = offset_x;
  self->drag_n_samples++;
  self->drag_last_offset = offset_x;

  set_span (self, self->drag_span_start - seconds, self->drag_span_end - seconds);
}

/* Keeps panning after the release, at the speed of the last moves, slowing down. */
static void
drag_end (ChronoTimelineView *self)
{
  guint n = MIN (self->drag_n_samples, G_N_ELEMENTS (self->drag_times));
  guint last = (self->drag_n_samples + G_N_ELEMENTS (self->drag_times) - 1) % G_N_ELEMENTS (self->drag_times);
  guint first = (self->drag_n_samples + G_N_ELEMENTS (self->drag_times) - n) % G_N_ELEMENTS (self->drag_times);
  gint64 now = g_get_monotonic_time ();
  double elapsed;

  self->dragging = FALSE;

  if (n < 2 || now - self->drag_times[last] > G_USEC_PER_SEC / 10 || !animations_enabled (self))
    return;

  elapsed = (self->drag_times[last] - self->drag_times[first]) / (double) G_USEC_PER_SEC;
  if (elapsed <= 0)
    return;

  self->velocity = (self->drag_offsets[last] - self->drag_offsets[first]) / elapsed;
  if (fabs (self->velocity) < KINETIC_MIN_VELOCITY * 5)
    return;

  self->animation = ANIMATION_KINETIC;
  self->last_frame = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  ensure_ticking (self);
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

  drag_update (self, offset_x);
  update_hover (self);
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              offset_x,
             double              offset_y,
             ChronoTimelineView *self)
{
  if (self->dragging)
    drag_end (self);
  update_hover (self);
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

  anchor = self->pinch_start + self->pinch_x * (self->pinch_end - self->pinch_start) / get_width (self);
  duration = CLAMP ((self->pinch_end - self->pinch_start) / scale,
                    chrono_viewport_get_min_duration (self->viewport),
                    chrono_viewport_get_max_duration (self->viewport));
  set_span (self,
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
    x = get_width (self) / 2;
  chrono_timeline_view_pinch_begin (self, x);
}

static void
pinch_scale_changed_cb (GtkGestureZoom     *gesture,
                        double              scale,
                        ChronoTimelineView *self)
{
  chrono_timeline_view_pinch_update (self, scale);
}

static char *
format_event_date (ChronoEvent *event)
{
  g_autofree char *start = chrono_date_format (chrono_event_get_start (event));

  if (chrono_event_get_end (event) != NULL)
    {
      g_autofree char *end = chrono_date_format (chrono_event_get_end (event));

      /* Translators: a span of dates, from the first to the second. */
      return g_strdup_printf (_("%s – %s"), start, end);
    }

  return g_steal_pointer (&start);
}

static gboolean
chrono_timeline_view_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  g_autofree char *markup = NULL;
  const ChronoRect *area = NULL;
  guint index;

  if (self->layout == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      const ChronoLayoutLabel *label;

      if (self->selected == NULL)
        return FALSE;

      label = chrono_layout_find_label (self->layout, chrono_timeline_get_position (self->timeline, self->selected));
      if (label == NULL)
        return FALSE;

      x = label->box.x + 1;
      y = label->box.y + 1;
    }

  switch (chrono_layout_hit_test (self->layout, x, y, &index))
    {
    case CHRONO_LAYOUT_HIT_LABEL:
      {
        const ChronoLayoutLabel *label = &g_array_index (self->layout->labels, ChronoLayoutLabel, index);
        g_autofree char *date = format_event_date (label->event);

        markup = g_markup_printf_escaped ("<b>%s</b>\n%s", chrono_event_get_title (label->event), date);
        area = &label->box;
      }
      break;

    case CHRONO_LAYOUT_HIT_CLUSTER:
      {
        const ChronoLayoutCluster *cluster = &g_array_index (self->layout->clusters, ChronoLayoutCluster, index);

        markup = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u more event here. Click to zoom in.",
                                                       "%u more events here. Click to zoom in.",
                                                       cluster->count),
                                          cluster->count);
        area = &cluster->badge;
      }
      break;

    case CHRONO_LAYOUT_HIT_NONE:
    default:
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area->x, (int) area->y,
                                                       (int) area->width, (int) area->height });

  return TRUE;
}

static void
select_index (ChronoTimelineView *self,
              guint               i)
{
  ChronoEventIndex *index = get_index (self);

  if (index == NULL || i >= chrono_event_index_get_size (index))
    return;

  set_selected (self, chrono_event_index_get_event (index, i), TRUE);
}

static void
select_step (ChronoTimelineView *self,
             int                 step)
{
  ChronoEventIndex *index = get_index (self);
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
  double x = get_width (self) / 2;

  /* Zoom about the selected event when it is in view, so that it stays there. */
  if (self->selected && self->layout)
    {
      const ChronoLayoutLabel *label =
        chrono_layout_find_label (self->layout, chrono_timeline_get_position (self->timeline, self->selected));

      if (label != NULL)
        x = CLAMP (label->x, 0, get_width (self));
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
  animate_to_span (self, start, end, JUMP_DURATION_US);
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

  pan_by_pixels (self, g_variant_get_double (parameter) * get_width (self), TRUE);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);
  ChronoEventIndex *index = get_index (self);

  if (g_str_equal (action_name, "timeline.select-next"))
    select_step (self, 1);
  else if (g_str_equal (action_name, "timeline.select-previous"))
    select_step (self, -1);
  else if (g_str_equal (action_name, "timeline.select-first"))
    select_index (self, 0);
  else if (g_str_equal (action_name, "timeline.select-last") && index != NULL)
    select_index (self, chrono_event_index_get_size (index) - 1);
  else if (g_str_equal (action_name, "timeline.clear-selection"))
    set_selected (self, NULL, FALSE);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (widget);

  if (self->selected != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->selected);
}

static void
viewport_changed_cb (ChronoTimelineView *self)
{
  /* Someone else moved the view (the overview, a restored state): it wins over any
   * animation of ours. */
  if (!self->animating_step && self->animation != ANIMATION_NONE && !self->dragging)
    chrono_timeline_view_stop_animation (self);

  invalidate_layout (self);
}

static void
style_changed_cb (ChronoTimelineView *self)
{
  invalidate_layout (self);
}

static void
filter_changed_cb (ChronoTimelineView *self)
{
  drop_index (self);
}

static void
chrono_timeline_view_dispose (GObject *object)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (object);

  chrono_timeline_view_stop_animation (self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->timeline);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->layout, chrono_layout_free);
  g_clear_object (&self->index);
  g_clear_pointer (&self->renderer, chrono_renderer_free);

  G_OBJECT_CLASS (chrono_timeline_view_parent_class)->dispose (object);
}

static void
chrono_timeline_view_finalize (GObject *object)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (object);

  g_clear_object (&self->viewport);

  G_OBJECT_CLASS (chrono_timeline_view_parent_class)->finalize (object);
}

static void
chrono_timeline_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected);
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_timeline_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      chrono_timeline_view_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      chrono_timeline_view_set_filter (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_EVENT:
      chrono_timeline_view_set_selected_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class,
                   guint           key,
                   const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK, action, NULL);
}

static void
chrono_timeline_view_class_init (ChronoTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_timeline_view_dispose;
  object_class->finalize = chrono_timeline_view_finalize;
  object_class->get_property = chrono_timeline_view_get_property;
  object_class->set_property = chrono_timeline_view_set_property;

  widget_class->snapshot = chrono_timeline_view_snapshot;
  widget_class->measure = chrono_timeline_view_measure;
  widget_class->size_allocate = chrono_timeline_view_size_allocate;
  widget_class->query_tooltip = chrono_timeline_view_query_tooltip;
  widget_class->state_flags_changed = chrono_timeline_view_state_flags_changed;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONO_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         CHRONO_TYPE_EVENT_FILTER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         CHRONO_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL,
                         CHRONO_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronoTimelineView::event-activated:
   *
   * An event was double-clicked, or Enter was pressed on the selected one.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CHRONO_TYPE_EVENT);

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

  gtk_widget_class_set_css_name (widget_class, "chronotimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chrono_timeline_view_init (ChronoTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->viewport = chrono_viewport_new ();
  self->hovered_cluster = G_MAXUINT;
  self->layout_dirty = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (self->viewport, "notify::visible-start", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify::visible-end", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
chrono_timeline_view_new (void)
{
  return g_object_new (CHRONO_TYPE_TIMELINE_VIEW, NULL);
}

ChronoTimeline *
chrono_timeline_view_get_timeline (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

/**
 * chrono_timeline_view_set_timeline:
 *
 * Shows @timeline, fitted whole into the view.
 */
void
chrono_timeline_view_set_timeline (ChronoTimelineView *self,
                                   ChronoTimeline     *timeline)
{
  ChronoTime start, end;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!timeline || CHRONO_IS_TIMELINE (timeline));

  self->timeline_set_time = g_get_monotonic_time ();
  self->n_frames = 0;
  if (!g_set_object (&self->timeline, timeline))
    return;

  chrono_timeline_view_stop_animation (self);
  self->hovered = NULL;
  self->hovered_cluster = G_MAXUINT;
  g_clear_pointer (&self->layout, chrono_layout_free);
  drop_index (self);

  if (timeline != NULL && chrono_timeline_get_span (timeline, &start, &end))
    {
      chrono_viewport_set_document_span (self->viewport, start, end);
      chrono_viewport_zoom_to_fit (self->viewport);
    }

  if (self->selected != NULL &&
      (timeline == NULL || chrono_timeline_get_position (timeline, self->selected) == G_MAXUINT))
    set_selected (self, NULL, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

ChronoEventFilter *
chrono_timeline_view_get_filter (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), NULL);

  return self->filter;
}

void
chrono_timeline_view_set_filter (ChronoTimelineView *self,
                                 ChronoEventFilter  *filter)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!filter || CHRONO_IS_EVENT_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (filter_changed_cb), self);

  drop_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

ChronoEvent *
chrono_timeline_view_get_selected_event (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), NULL);

  return self->selected;
}

/**
 * chrono_timeline_view_set_selected_event:
 *
 * Selects @event and, when it is out of view, scrolls there smoothly.
 */
void
chrono_timeline_view_set_selected_event (ChronoTimelineView *self,
                                         ChronoEvent        *event)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!event || CHRONO_IS_EVENT (event));

  set_selected (self, event, TRUE);
}

ChronoViewport *
chrono_timeline_view_get_viewport (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), NULL);

  return self->viewport;
}

ChronoLayout *
chrono_timeline_view_get_layout (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), NULL);

  if (self->renderer == NULL)
    update_style (self);
  ensure_layout (self);

  return self->layout;
}
