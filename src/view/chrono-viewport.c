/* chrono-viewport.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-viewport"

#include "config.h"

#include <math.h>

#include "chrono-viewport.h"

/* The visible span is kept in double precision, so that a smooth zoom made of many small
 * steps does not round to whole seconds at every frame and jitter. */
struct _ChronoViewport
{
  GObject    parent_instance;

  ChronoTime document_start;
  ChronoTime document_end;

  double     visible_start;
  double     visible_end;
};

G_DEFINE_FINAL_TYPE (ChronoViewport, chrono_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_START,
  PROP_DOCUMENT_END,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_MIN_DURATION,
  PROP_MAX_DURATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
document_margin (ChronoViewport *self)
{
  double duration = (double) self->document_end - (double) self->document_start;

  return MAX (duration * 0.05, CHRONO_VIEWPORT_MIN_DURATION * 3);
}

void
chrono_viewport_get_limits (ChronoViewport *self,
                            double         *extent_start,
                            double         *extent_end)
{
  double margin = document_margin (self);

  if (extent_start)
    *extent_start = (double) self->document_start - margin;
  if (extent_end)
    *extent_end = (double) self->document_end + margin;
}

double
chrono_viewport_get_min_duration (ChronoViewport *self)
{
  return CHRONO_VIEWPORT_MIN_DURATION;
}

double
chrono_viewport_get_max_duration (ChronoViewport *self)
{
  double extent_start, extent_end;

  chrono_viewport_get_limits (self, &extent_start, &extent_end);

  return extent_end - extent_start;
}

/* Keeps the duration within the zoom limits (about the centre) and then slides the span,
 * without changing its duration, until it lies within the document and its margin. */
void
chrono_viewport_constrain_span (ChronoViewport *self,
                                double         *start,
                                double         *end)
{
  double extent_start, extent_end;
  double duration, centre;

  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  chrono_viewport_get_limits (self, &extent_start, &extent_end);

  if (!isfinite (*start) || !isfinite (*end) || *end <= *start)
    {
      *start = extent_start;
      *end = extent_end;
      return;
    }

  duration = CLAMP (*end - *start, CHRONO_VIEWPORT_MIN_DURATION, extent_end - extent_start);
  centre = (*start + *end) / 2.0;
  *start = centre - duration / 2.0;
  *end = centre + duration / 2.0;

  if (*start < extent_start)
    {
      *start = extent_start;
      *end = extent_start + duration;
    }
  else if (*end > extent_end)
    {
      *end = extent_end;
      *start = extent_end - duration;
    }
}

static void
chrono_viewport_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronoViewport *self = CHRONO_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_START:
      g_value_set_int64 (value, self->document_start);
      break;

    case PROP_DOCUMENT_END:
      g_value_set_int64 (value, self->document_end);
      break;

    case PROP_VISIBLE_START:
      g_value_set_double (value, self->visible_start);
      break;

    case PROP_VISIBLE_END:
      g_value_set_double (value, self->visible_end);
      break;

    case PROP_MIN_DURATION:
      g_value_set_double (value, chrono_viewport_get_min_duration (self));
      break;

    case PROP_MAX_DURATION:
      g_value_set_double (value, chrono_viewport_get_max_duration (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_viewport_class_init (ChronoViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = chrono_viewport_get_property;

  properties[PROP_DOCUMENT_START] =
    g_param_spec_int64 ("document-start", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DOCUMENT_END] =
    g_param_spec_int64 ("document-end", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBLE_END] =
    g_param_spec_double ("visible-end", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MIN_DURATION] =
    g_param_spec_double ("min-duration", NULL, NULL,
                         0, G_MAXDOUBLE, CHRONO_VIEWPORT_MIN_DURATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_DURATION] =
    g_param_spec_double ("max-duration", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_viewport_init (ChronoViewport *self)
{
  /* Until a document arrives, show one year from the epoch. */
  self->document_start = 0;
  self->document_end = 365 * 86400;
  chrono_viewport_get_limits (self, &self->visible_start, &self->visible_end);
}

ChronoViewport *
chrono_viewport_new (void)
{
  return g_object_new (CHRONO_TYPE_VIEWPORT, NULL);
}

/**
 * chrono_viewport_set_document_span:
 *
 * Sets the span of the whole document, which bounds panning and zooming out. The
 * visible span is kept where it is as far as the new limits allow.
 */
void
chrono_viewport_set_document_span (ChronoViewport *self,
                                   ChronoTime      start,
                                   ChronoTime      end)
{
  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  if (end < start)
    {
      ChronoTime tmp = start;
      start = end;
      end = tmp;
    }

  if (start == self->document_start && end == self->document_end)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  self->document_start = start;
  self->document_end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_END]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DURATION]);

  chrono_viewport_set_visible_span (self, self->visible_start, self->visible_end);

  g_object_thaw_notify (G_OBJECT (self));
}

ChronoTime
chrono_viewport_get_visible_start (ChronoViewport *self)
{
  g_return_val_if_fail (CHRONO_IS_VIEWPORT (self), 0);

  return (ChronoTime) floor (self->visible_start);
}

ChronoTime
chrono_viewport_get_visible_end (ChronoViewport *self)
{
  g_return_val_if_fail (CHRONO_IS_VIEWPORT (self), 0);

  return (ChronoTime) ceil (self->visible_end);
}

void
chrono_viewport_get_visible_span (ChronoViewport *self,
                                  double         *start,
                                  double         *end)
{
  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  if (start)
    *start = self->visible_start;
  if (end)
    *end = self->visible_end;
}

void
chrono_viewport_set_visible_span (ChronoViewport *self,
                                  double          start,
                                  double          end)
{
  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  chrono_viewport_constrain_span (self, &start, &end);

  g_object_freeze_notify (G_OBJECT (self));

  if (start != self->visible_start)
    {
      self->visible_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
    }

  if (end != self->visible_end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * chrono_viewport_zoom_at:
 * @factor: greater than 1 to zoom in, less than 1 to zoom out
 * @anchor: the time that keeps its place on screen, usually the one under the pointer
 */
void
chrono_viewport_zoom_at (ChronoViewport *self,
                         double          factor,
                         double          anchor)
{
  double duration, new_duration, ratio;

  g_return_if_fail (CHRONO_IS_VIEWPORT (self));
  g_return_if_fail (factor > 0);

  duration = self->visible_end - self->visible_start;
  new_duration = CLAMP (duration / factor,
                        CHRONO_VIEWPORT_MIN_DURATION,
                        chrono_viewport_get_max_duration (self));
  ratio = new_duration / duration;

  chrono_viewport_set_visible_span (self,
                                    anchor - (anchor - self->visible_start) * ratio,
                                    anchor + (self->visible_end - anchor) * ratio);
}

void
chrono_viewport_pan_by (ChronoViewport *self,
                        double          seconds)
{
  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  chrono_viewport_set_visible_span (self,
                                    self->visible_start + seconds,
                                    self->visible_end + seconds);
}

/* How many spans of a moment's own length lie on each side of it when it is all there
 * is: a week of days around a day, seven years around a year. */
#define MOMENT_SPANS_AROUND 7

/* A timeline of one moment, every event on one date [start, end), would fit that date
 * alone, and a day shown as its hours says nothing. Its document is the date in the
 * middle of others like it, so that fitting shows the days (or the years) around it. */
void
chrono_viewport_set_document_moment (ChronoViewport *self,
                                     ChronoTime      start,
                                     ChronoTime      end)
{
  ChronoTime around;

  g_return_if_fail (CHRONO_IS_VIEWPORT (self));
  g_return_if_fail (end > start);

  around = (end - start) * MOMENT_SPANS_AROUND;
  chrono_viewport_set_document_span (self, start - around, end + around);
}

void
chrono_viewport_get_fit_span (ChronoViewport *self,
                              double         *start,
                              double         *end)
{
  chrono_viewport_get_span_around (self, self->document_start, self->document_end, start, end);
}

void
chrono_viewport_zoom_to_fit (ChronoViewport *self)
{
  double start, end;

  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  chrono_viewport_get_fit_span (self, &start, &end);
  chrono_viewport_set_visible_span (self, start, end);
}

/* A span showing [start, end) with a little room on both sides. */
void
chrono_viewport_get_span_around (ChronoViewport *self,
                                 ChronoTime      start,
                                 ChronoTime      end,
                                 double         *out_start,
                                 double         *out_end)
{
  double padding = MAX (((double) end - (double) start) * 0.03, CHRONO_VIEWPORT_MIN_DURATION / 4);

  *out_start = (double) start - padding;
  *out_end = (double) end + padding;
  chrono_viewport_constrain_span (self, out_start, out_end);
}

void
chrono_viewport_zoom_to_span (ChronoViewport *self,
                              ChronoTime      start,
                              ChronoTime      end)
{
  double out_start, out_end;

  g_return_if_fail (CHRONO_IS_VIEWPORT (self));

  chrono_viewport_get_span_around (self, start, end, &out_start, &out_end);
  chrono_viewport_set_visible_span (self, out_start, out_end);
}

/* Centres the event with its neighbourhood: a day event shows the days around it, a
 * month event the months around it. */
void
chrono_viewport_get_span_for_event (ChronoViewport *self,
                                    ChronoEvent    *event,
                                    double         *start,
                                    double         *end)
{
  double event_start = (double) chrono_event_get_start_time (event);
  double event_end = (double) chrono_event_get_end_time (event);
  double duration = MAX ((event_end - event_start) * 4, CHRONO_VIEWPORT_MIN_DURATION * 6);
  double centre = (event_start + event_end) / 2.0;

  *start = centre - duration / 2.0;
  *end = centre + duration / 2.0;
  chrono_viewport_constrain_span (self, start, end);
}

double
chrono_viewport_time_to_x (ChronoViewport *self,
                           double          time,
                           double          width)
{
  return (time - self->visible_start) * width / (self->visible_end - self->visible_start);
}

double
chrono_viewport_x_to_time (ChronoViewport *self,
                           double          x,
                           double          width)
{
  if (width <= 0)
    return self->visible_start;

  return self->visible_start + x * (self->visible_end - self->visible_start) / width;
}
