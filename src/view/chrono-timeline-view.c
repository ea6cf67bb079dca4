/* chrono-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chrono-theme.h"
#include "chrono-timeline-view-private.h"

G_DEFINE_FINAL_TYPE (ChronoTimelineView, chrono_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED_EVENT,
  PROP_VIEWPORT,
  PROP_LANES,
  PROP_N_LANES,
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

ChronoEventIndex *
_chrono_timeline_view_get_index (ChronoTimelineView *self)
{
  if (self->timeline == NULL)
    return NULL;

  return chrono_session_get_events (self->session);
}

double
_chrono_timeline_view_get_width (ChronoTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static void
update_accessible (ChronoTimelineView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->selected != NULL)
    {
      /* Translators: the name of the timeline for screen readers, with the title of the
       * selected event, which is what a screen reader says first */
      label = g_strdup_printf (_("Timeline: %s"), chrono_layout_event_text (self->selected));
    }
  else
    {
      label = g_strdup (_("Timeline"));
    }

  if (self->selected != NULL)
    {
      g_autofree char *date = chrono_date_format (chrono_event_get_start (self->selected));

      /* Translators: the description of the timeline for screen readers: an event's
       * title and its date. */
      description = g_strdup_printf (_("Selected: %s, %s"), chrono_layout_event_text (self->selected), date);
    }
  else
    {
      description = g_strdup (_("No event selected. Use the arrow keys to move between events."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Shows the session's selection; @reveal scrolls to it when it is out of view. */
static void
show_selection (ChronoTimelineView *self,
                gboolean            reveal)
{
  ChronoEvent *event = chrono_session_get_selected_event (self->session);

  g_set_object (&self->selected, event);
  if (event != NULL && reveal)
    _chrono_timeline_view_reveal_event (self, event);

  update_accessible (self);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/* What the view selects itself (a click, a key) it asks the session for; the session's
 * notification then finds it already shown. */
void
_chrono_timeline_view_set_selected (ChronoTimelineView *self,
                                    ChronoEvent        *event,
                                    gboolean            reveal)
{
  if (!g_set_object (&self->selected, event))
    return;

  chrono_session_select_event (self->session, event);
  show_selection (self, reveal);
}

/* Chosen elsewhere (the list, a restored state): scroll there. */
static void
selected_event_cb (ChronoTimelineView *self)
{
  if (chrono_session_get_selected_event (self->session) != self->selected)
    show_selection (self, TRUE);
}

static void
timeline_cb (ChronoTimelineView *self)
{
  self->timeline_set_time = g_get_monotonic_time ();
  self->n_frames = 0;
  if (!g_set_object (&self->timeline, chrono_session_get_timeline (self->session)))
    return;

  chrono_timeline_view_stop_animation (self);
  self->hovered = NULL;
  self->hovered_cluster = G_MAXUINT;
  g_clear_pointer (&self->layout, chrono_layout_free);
  invalidate_layout (self);
  /* A tooltip shown over the timeline before would name an event no longer there. Only
   * with the pointer here: GTK 4.8 would otherwise ask the window the pointer was last
   * in, perhaps one destroyed since, and position a tooltip on it. */
  if (self->pointer_inside)
    gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

enum {
  DEBUG_FRAMES = 1 << 0,
  DEBUG_QUIT = 1 << 1,
};

/* CHRONO_DEBUG=frames prints what each frame costs, to see how zooming feels on a big
 * timeline in the real app; CHRONO_DEBUG=quit quits once the first frame with events is
 * painted, so that a profiler sees exactly the start-up. */
static guint
debug_flags (void)
{
  static gsize once = 0;
  static guint flags = 0;

  if (g_once_init_enter (&once))
    {
      const GDebugKey keys[] = { { "frames", DEBUG_FRAMES }, { "quit", DEBUG_QUIT } };

      flags = g_parse_debug_string (g_getenv ("CHRONO_DEBUG"), keys, G_N_ELEMENTS (keys));
      g_once_init_leave (&once, 1);
    }

  return flags;
}

static gboolean
debug_frames (void)
{
  return (debug_flags () & DEBUG_FRAMES) != 0;
}

static void
quit_after_paint_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, quit_after_paint_cb, user_data);
  g_application_quit (g_application_get_default ());
}

/* Once the frames of a zoom or a pan are drawn: what is under the pointer now, which did
 * not move, and its tooltip rather than the one of what was there before. */
static gboolean
hover_idle_cb (gpointer data)
{
  ChronoTimelineView *self = data;
  ChronoEvent *hovered = self->hovered;
  guint hovered_cluster = self->hovered_cluster;

  self->hover_idle_id = 0;
  _chrono_timeline_view_update_hover (self);
  if (self->hovered != hovered || self->hovered_cluster != hovered_cluster)
    gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
ensure_layout (ChronoTimelineView *self)
{
  ChronoLayoutParams params = { 0 };
  ChronoLayout *layout;
  double start, end;

  if (self->timeline == NULL || self->renderer == NULL)
    return;

  if (!self->layout_dirty && self->layout != NULL &&
      self->layout->width == _chrono_timeline_view_get_width (self) &&
      self->layout->height == MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1))
    return;

  chrono_viewport_get_visible_span (self->viewport, &start, &end);

  params.timeline = self->timeline;
  params.index = _chrono_timeline_view_get_index (self);
  params.start = start;
  params.end = end;
  params.width = _chrono_timeline_view_get_width (self);
  params.height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  params.measure = chrono_renderer_measure;
  params.measure_data = self->renderer;
  params.selected = self->selected;
  params.now = g_get_real_time () / G_USEC_PER_SEC;
  params.lanes = self->lanes;
  params.previous = self->layout;

  layout = chrono_layout_new (&params);
  g_clear_pointer (&self->layout, chrono_layout_free);
  self->layout = layout;
  self->layout_dirty = FALSE;
  if (self->pointer_inside && self->hover_idle_id == 0)
    self->hover_idle_id = g_idle_add (hover_idle_cb, self);

  if (self->n_lanes != self->layout->lanes->len)
    {
      self->n_lanes = self->layout->lanes->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LANES]);
    }
}

static void
update_style (ChronoTimelineView *self)
{
  if (chrono_theme_update_renderer (GTK_WIDGET (self), &self->renderer, &self->context_serial))
    {
      self->layout_dirty = TRUE;
      if (self->layout != NULL)
        chrono_layout_forget_measures (self->layout);
    }
}

void
_chrono_timeline_view_ensure_layout (ChronoTimelineView *self)
{
  if (self->renderer == NULL)
    update_style (self);
  ensure_layout (self);
}

void
_chrono_timeline_view_activate (ChronoTimelineView *self,
                                ChronoEvent        *event)
{
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
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
  _chrono_timeline_view_edit_snapshot (self, snapshot);

  if ((debug_flags () & DEBUG_QUIT) != 0 && self->layout != NULL && self->layout->n_items > 0 &&
      !self->quit_requested)
    {
      self->quit_requested = TRUE;
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (quit_after_paint_cb), NULL);
    }

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
        g_autofree char *date = chrono_date_format_span (chrono_event_get_start (label->event),
                                                         chrono_event_get_end (label->event));

        markup = g_markup_printf_escaped ("<b>%s</b>\n%s", chrono_layout_event_text (label->event), date);
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
viewport_changed_cb (ChronoTimelineView *self)
{
  /* Someone else moved the view (the overview, a restored state): it wins over any
   * animation of ours. */
  if (!self->animating_step && chrono_timeline_view_is_animating (self) && !self->dragging)
    chrono_timeline_view_stop_animation (self);

  invalidate_layout (self);
}

static void
style_changed_cb (ChronoTimelineView *self)
{
  invalidate_layout (self);
}


static void
chrono_timeline_view_dispose (GObject *object)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (object);

  chrono_timeline_view_stop_animation (self);
  g_clear_handle_id (&self->hover_idle_id, g_source_remove);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->events_signals);
  g_clear_object (&self->viewport_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->timeline);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->layout, chrono_layout_free);
  g_clear_pointer (&self->renderer, chrono_renderer_free);

  g_clear_object (&self->edit_event);

  G_OBJECT_CLASS (chrono_timeline_view_parent_class)->dispose (object);
}

static void
chrono_timeline_view_finalize (GObject *object)
{
  ChronoTimelineView *self = CHRONO_TIMELINE_VIEW (object);

  g_clear_object (&self->viewport);
  g_clear_pointer (&self->animation, chrono_view_animation_free);

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
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected);
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    case PROP_LANES:
      g_value_set_boolean (value, self->lanes);
      break;

    case PROP_N_LANES:
      g_value_set_uint (value, self->n_lanes);
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
    case PROP_SESSION:
      chrono_timeline_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_EVENT:
      chrono_timeline_view_set_selected_event (self, g_value_get_object (value));
      break;

    case PROP_LANES:
      chrono_timeline_view_set_lanes (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CHRONO_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         CHRONO_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL,
                         CHRONO_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* One lane of label rows per category, with the category's name at its left. */
  properties[PROP_LANES] =
    g_param_spec_boolean ("lanes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* How many lanes the last frame had room for (the last categories may have none). */
  properties[PROP_N_LANES] =
    g_param_spec_uint ("n-lanes", NULL, NULL, 0, G_MAXUINT, 0,
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

  _chrono_timeline_view_class_init_input (widget_class);
  _chrono_timeline_view_class_init_edit (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chronotimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chrono_timeline_view_init (ChronoTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->session_signals = g_signal_group_new (CHRONO_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::timeline", G_CALLBACK (timeline_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "edited", G_CALLBACK (invalidate_layout), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::selected-event", G_CALLBACK (selected_event_cb), self);
  self->events_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->events_signals, "items-changed", G_CALLBACK (invalidate_layout), self);
  self->viewport_signals = g_signal_group_new (CHRONO_TYPE_VIEWPORT);
  g_signal_group_connect_swapped (self->viewport_signals, "notify::visible-start", G_CALLBACK (viewport_changed_cb), self);
  g_signal_group_connect_swapped (self->viewport_signals, "notify::visible-end", G_CALLBACK (viewport_changed_cb), self);
  self->animation = chrono_view_animation_new ();
  self->hovered_cluster = G_MAXUINT;
  self->layout_dirty = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  _chrono_timeline_view_init_input (self);
  chrono_timeline_view_set_session (self, NULL);

  update_accessible (self);
}

GtkWidget *
chrono_timeline_view_new (void)
{
  return g_object_new (CHRONO_TYPE_TIMELINE_VIEW, NULL);
}

ChronoSession *
chrono_timeline_view_get_session (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), NULL);

  return self->session;
}

/**
 * chrono_timeline_view_set_session:
 *
 * Shows @session's timeline, filtered events, selection and visible span, and follows
 * them; what the user does in the view goes to the session. %NULL gives the view a
 * session of its own.
 */
void
chrono_timeline_view_set_session (ChronoTimelineView *self,
                                  ChronoSession      *session)
{
  g_autoptr(ChronoSession) own = NULL;

  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!session || CHRONO_IS_SESSION (session));

  if (session == NULL)
    session = own = chrono_session_new ();
  if (self->session == session)
    return;

  chrono_timeline_view_stop_animation (self);
  g_set_object (&self->session, session);
  g_set_object (&self->viewport, chrono_session_get_viewport (session));
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->events_signals, chrono_session_get_events (session));
  g_signal_group_set_target (self->viewport_signals, self->viewport);

  timeline_cb (self);
  show_selection (self, FALSE);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
chrono_timeline_view_get_lanes (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), FALSE);

  return self->lanes;
}

void
chrono_timeline_view_set_lanes (ChronoTimelineView *self,
                                gboolean            lanes)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  lanes = !!lanes;
  if (self->lanes == lanes)
    return;

  self->lanes = lanes;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
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

  _chrono_timeline_view_set_selected (self, event, TRUE);
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

  _chrono_timeline_view_ensure_layout (self);

  return self->layout;
}
