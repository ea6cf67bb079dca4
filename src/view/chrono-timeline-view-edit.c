/* chrono-timeline-view-edit.c — making and moving events on the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "chrono-timeline-view-private.h"

/* How near the end of a span's bar a press resizes it rather than moving it. */
#define RESIZE_GRIP_PX 8.0

enum {
  CREATE_EVENT,
  SPAN_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
unit_seconds (ChronoAxisUnit unit)
{
  switch (unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
      return 60;
    case CHRONO_AXIS_UNIT_HOUR:
      return 3600;
    case CHRONO_AXIS_UNIT_DAY:
      return 86400;
    case CHRONO_AXIS_UNIT_MONTH:
      return 365.2425 * 86400 / 12;
    case CHRONO_AXIS_UNIT_YEAR:
    default:
      return 365.2425 * 86400;
    }
}

/* The axis's steps: a drag snaps to the finest tick; a new event is dated as precisely
 * as the labelled ticks (a year when they are years, a day when they are days). */
static ChronoAxisStep
get_step (ChronoTimelineView *self,
          gboolean            finest)
{
  ChronoTimeAxis *axis;

  _chrono_timeline_view_ensure_layout (self);
  if (self->layout == NULL || self->layout->axis == NULL)
    return (ChronoAxisStep) { CHRONO_AXIS_UNIT_YEAR, 1 };

  axis = self->layout->axis;

  return finest && axis->has_minor ? axis->minor_step : axis->major_step;
}

static ChronoPrecision
unit_precision (ChronoAxisUnit unit)
{
  switch (unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
      return CHRONO_PRECISION_MINUTE;
    case CHRONO_AXIS_UNIT_HOUR:
      return CHRONO_PRECISION_HOUR;
    case CHRONO_AXIS_UNIT_DAY:
      return CHRONO_PRECISION_DAY;
    case CHRONO_AXIS_UNIT_MONTH:
      return CHRONO_PRECISION_MONTH;
    case CHRONO_AXIS_UNIT_YEAR:
    default:
      return CHRONO_PRECISION_YEAR;
    }
}

/* @date moved by @steps whole units, keeping its precision and flags: a day moved by
 * years stays that day of its month. */
static ChronoDate
shift_date (const ChronoDate *date,
            ChronoAxisUnit    unit,
            gint64            steps)
{
  ChronoDate shifted = *date;

  if (unit == CHRONO_AXIS_UNIT_YEAR || unit == CHRONO_AXIS_UNIT_MONTH)
    {
      gint64 months = shifted.year * 12 + MAX (shifted.month, 1) - 1;

      months += unit == CHRONO_AXIS_UNIT_YEAR ? steps * 12 : steps;
      shifted.year = months >= 0 ? months / 12 : -((-months + 11) / 12);
      if (shifted.precision >= CHRONO_PRECISION_MONTH)
        shifted.month = (guint8) (months - shifted.year * 12 + 1);
      if (shifted.precision >= CHRONO_PRECISION_DAY)
        shifted.day = MIN (shifted.day, chrono_date_days_in_month (shifted.year, shifted.month));
    }
  else
    {
      ChronoTime time = chrono_date_get_start (date) + (ChronoTime) (steps * unit_seconds (unit));

      chrono_date_from_time (time, date->precision, &shifted);
      shifted.flags = date->flags;
    }

  return shifted;
}

gboolean
chrono_timeline_view_get_editable (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), FALSE);

  return self->editable;
}

void
chrono_timeline_view_set_editable (ChronoTimelineView *self,
                                   gboolean            editable)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  self->editable = !!editable;
}

gboolean
_chrono_timeline_view_edit_double_click (ChronoTimelineView *self,
                                         double              x)
{
  ChronoAxisStep step;
  ChronoDate date;
  double time;

  if (!self->editable || self->timeline == NULL)
    return FALSE;

  step = get_step (self, FALSE);
  time = chrono_viewport_x_to_time (self->viewport, x, _chrono_timeline_view_get_width (self));
  chrono_date_from_time ((ChronoTime) floor (time), unit_precision (step.unit), &date);
  g_signal_emit (self, signals[CREATE_EVENT], 0, &date);

  return TRUE;
}

/* A press on an event's label starts moving it; near the end of a span's bar, resizing. */
gboolean
_chrono_timeline_view_edit_press (ChronoTimelineView *self,
                                  double              x,
                                  double              y)
{
  const ChronoLayoutLabel *label;
  const ChronoDate *end;
  guint index;

  self->edit_cancelled = FALSE;
  if (!self->editable)
    return FALSE;

  _chrono_timeline_view_ensure_layout (self);
  if (self->layout == NULL || chrono_layout_hit_test (self->layout, x, y, &index) != CHRONO_LAYOUT_HIT_LABEL)
    return FALSE;

  label = &g_array_index (self->layout->labels, ChronoLayoutLabel, index);
  end = chrono_event_get_end (label->event);

  /* So that Escape, which cancels the drag, comes here. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_set_object (&self->edit_event, label->event);
  self->edit_resizing = label->is_range && end != NULL && fabs (x - label->x_end) <= RESIZE_GRIP_PX;
  self->edit_moved = FALSE;
  self->edit_row_y = label->box.y;
  self->edit_start = *chrono_event_get_start (label->event);
  self->edit_has_end = end != NULL;
  if (end != NULL)
    self->edit_end = *end;
  self->edit_new_start = self->edit_start;
  self->edit_new_end = self->edit_end;

  return TRUE;
}

gboolean
_chrono_timeline_view_is_edit_dragging (ChronoTimelineView *self)
{
  return self->edit_event != NULL || self->edit_cancelled;
}

void
_chrono_timeline_view_edit_drag (ChronoTimelineView *self,
                                 double              offset_x)
{
  double start, end, seconds;
  ChronoAxisStep step;
  ChronoAxisUnit unit;
  gint64 steps;

  if (self->edit_event == NULL)
    return;

  chrono_viewport_get_visible_span (self->viewport, &start, &end);
  seconds = offset_x * (end - start) / _chrono_timeline_view_get_width (self);
  step = get_step (self, TRUE);
  unit = step.unit;
  steps = (gint64) llround (seconds / (unit_seconds (unit) * MAX (step.count, 1))) * MAX (step.count, 1);

  if (self->edit_resizing)
    {
      ChronoDate candidate = shift_date (&self->edit_end, unit, steps);

      /* A span that would end before it starts stops at its start. */
      if (chrono_date_get_end (&candidate) > chrono_date_get_start (&self->edit_start))
        self->edit_new_end = candidate;
    }
  else
    {
      self->edit_new_start = shift_date (&self->edit_start, unit, steps);
      if (self->edit_has_end)
        self->edit_new_end = shift_date (&self->edit_end, unit, steps);
    }

  self->edit_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stop (ChronoTimelineView *self)
{
  g_clear_object (&self->edit_event);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_chrono_timeline_view_edit_release (ChronoTimelineView *self)
{
  g_autoptr(ChronoEvent) event = NULL;
  ChronoDate start, end;
  gboolean has_end;

  self->edit_cancelled = FALSE;
  if (self->edit_event == NULL)
    return;

  event = g_object_ref (self->edit_event);
  start = self->edit_new_start;
  end = self->edit_new_end;
  has_end = self->edit_has_end;
  stop (self);

  if (chrono_date_compare (&start, &self->edit_start) != 0 ||
      (has_end && chrono_date_compare (&end, &self->edit_end) != 0))
    {
      g_signal_emit (self, signals[SPAN_EDITED], 0, event, &start, has_end ? &end : NULL);
      /* What was dragged is what the panes show, at its new date. */
      if (chrono_timeline_get_position (self->timeline, event) != G_MAXUINT)
        _chrono_timeline_view_set_selected (self, event, FALSE);
    }
}

gboolean
chrono_timeline_view_cancel_edit_drag (ChronoTimelineView *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE_VIEW (self), FALSE);

  if (self->edit_event == NULL)
    return FALSE;

  stop (self);
  self->edit_cancelled = TRUE;
  return TRUE;
}

/* While an event is dragged: where it would go, and its date as it would read. */
void
_chrono_timeline_view_edit_snapshot (ChronoTimelineView *self,
                                     GtkSnapshot        *snapshot)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *text = NULL;
  double width = _chrono_timeline_view_get_width (self);
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x0, x1;
  int text_width, text_height;
  const ChronoRenderStyle *style;
  GdkRGBA band, backdrop, text_color;

  if (self->edit_event == NULL || !self->edit_moved || self->renderer == NULL)
    return;

  /* The theme's colours, so that it reads in dark and high-contrast themes too: the
   * accent as a band, the date as in a tooltip, the theme's text and background swapped. */
  style = chrono_renderer_get_style (self->renderer);
  band = (GdkRGBA) { style->accent.red, style->accent.green, style->accent.blue, 0.35 };
  backdrop = (GdkRGBA) { style->foreground.red, style->foreground.green, style->foreground.blue, 0.9 };
  text_color = (GdkRGBA) { style->background.red, style->background.green, style->background.blue, 1 };

  x0 = chrono_viewport_time_to_x (self->viewport, chrono_date_get_start (&self->edit_new_start), width);
  x1 = chrono_viewport_time_to_x (self->viewport,
                                  chrono_date_get_end (self->edit_has_end ? &self->edit_new_end : &self->edit_new_start),
                                  width);
  x1 = MAX (x1, x0 + 3);
  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, height));

  start_text = chrono_date_format (&self->edit_new_start);
  if (self->edit_has_end)
    {
      g_autofree char *end_text = chrono_date_format (&self->edit_new_end);

      /* Translators: the span of an event being dragged, e.g. “2015 – 2018” */
      text = g_strdup_printf (_("%s – %s"), start_text, end_text);
    }
  else
    text = g_steal_pointer (&start_text);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  x0 = CLAMP (x0, 0, MAX (0, width - text_width - 12));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, MAX (0, self->edit_row_y - text_height - 10)));
  gtk_snapshot_append_color (snapshot, &backdrop, &GRAPHENE_RECT_INIT (0, 0, text_width + 12, text_height + 6));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (6, 3));
  gtk_snapshot_append_layout (snapshot, layout, &text_color);
  gtk_snapshot_restore (snapshot);
}

void
_chrono_timeline_view_class_init_edit (GtkWidgetClass *widget_class)
{
  /**
   * ChronoTimelineView::create-event:
   * @date: where the double-click was, at the precision of the axis's ticks
   *
   * A double-click on an empty place of an editable view.
   */
  signals[CREATE_EVENT] =
    g_signal_new ("create-event", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONO_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * ChronoTimelineView::span-edited:
   * @event: the event dragged
   * @start: its new start
   * @end: (nullable): its new end, NULL for a moment
   *
   * An event of an editable view was dragged to another date, or its end to another
   * (snapped to the axis's ticks); the view changes nothing itself.
   */
  signals[SPAN_EDITED] =
    g_signal_new ("span-edited", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, CHRONO_TYPE_EVENT,
                  CHRONO_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE,
                  CHRONO_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

/**
 * chrono_timeline_view_edit_drag:
 *
 * What a drag from (@x, @y) by @offset_x does in an editable view, press to release,
 * as the pointer does it; for tests and for keyboard-free scripting.
 */
void
chrono_timeline_view_edit_drag (ChronoTimelineView *self,
                                double              x,
                                double              y,
                                double              offset_x)
{
  g_return_if_fail (CHRONO_IS_TIMELINE_VIEW (self));

  if (!_chrono_timeline_view_edit_press (self, x, y))
    return;
  _chrono_timeline_view_edit_drag (self, offset_x);
  _chrono_timeline_view_edit_release (self);
}
