/* chrono-view-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-view-animation"

#include "config.h"

#include <math.h>

#include "chrono-view-animation.h"

#define KINETIC_FRICTION     4.0
#define KINETIC_MIN_VELOCITY 20.0
#define N_DRAG_SAMPLES       4

struct _ChronoViewAnimation
{
  ChronoViewAnimationKind kind;

  gint64 start_time;             /* 0 until the first frame starts the clock */
  gint64 duration;
  double from_start;
  double from_end;
  double to_start;
  double to_end;
  double anchor;
  double anchor_fraction;

  gint64 last_frame;
  double velocity;

  gint64 drag_times[N_DRAG_SAMPLES];
  double drag_offsets[N_DRAG_SAMPLES];
  guint  drag_n_samples;
};

ChronoViewAnimation *
chrono_view_animation_new (void)
{
  return g_new0 (ChronoViewAnimation, 1);
}

void
chrono_view_animation_free (ChronoViewAnimation *self)
{
  g_free (self);
}

ChronoViewAnimationKind
chrono_view_animation_get_kind (ChronoViewAnimation *self)
{
  return self->kind;
}

void
chrono_view_animation_stop (ChronoViewAnimation *self)
{
  self->kind = CHRONO_VIEW_ANIMATION_NONE;
}

gboolean
chrono_view_animation_get_target (ChronoViewAnimation *self,
                                  double              *start,
                                  double              *end)
{
  if (self->kind != CHRONO_VIEW_ANIMATION_SPAN && self->kind != CHRONO_VIEW_ANIMATION_ANCHORED)
    return FALSE;

  *start = self->to_start;
  *end = self->to_end;

  return TRUE;
}

double
chrono_view_animation_get_velocity (ChronoViewAnimation *self)
{
  return self->velocity;
}

void
chrono_view_animation_animate_span (ChronoViewAnimation *self,
                                    double               from_start,
                                    double               from_end,
                                    double               to_start,
                                    double               to_end,
                                    gint64               duration)
{
  self->from_start = from_start;
  self->from_end = from_end;
  self->to_start = to_start;
  self->to_end = to_end;
  self->kind = CHRONO_VIEW_ANIMATION_SPAN;
  self->start_time = 0;
  self->duration = duration;
}

void
chrono_view_animation_animate_zoom (ChronoViewAnimation *self,
                                    double               from_start,
                                    double               from_end,
                                    double               anchor,
                                    double               to_duration,
                                    gint64               duration)
{
  self->anchor = anchor;
  self->anchor_fraction = (anchor - from_start) / (from_end - from_start);
  self->from_start = from_start;
  self->from_end = from_end;
  self->to_start = anchor - self->anchor_fraction * to_duration;
  self->to_end = self->to_start + to_duration;
  self->kind = CHRONO_VIEW_ANIMATION_ANCHORED;
  self->start_time = 0;
  self->duration = duration;
}

/* Fast at first, settling gently. */
double
chrono_view_animation_ease (double t)
{
  double p = 1 - t;

  return 1 - p * p * p;
}

/* Zooming looks even when the duration changes geometrically: every frame zooms by the
 * same factor, as the eye expects. */
static void
interpolate (ChronoViewAnimation *self,
             double               progress,
             double              *start,
             double              *end)
{
  double from_duration = self->from_end - self->from_start;
  double to_duration = self->to_end - self->to_start;
  double duration = from_duration * pow (to_duration / from_duration, progress);

  if (self->kind == CHRONO_VIEW_ANIMATION_ANCHORED)
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

gboolean
chrono_view_animation_step (ChronoViewAnimation *self,
                            gint64               frame_time,
                            double               width,
                            double              *start,
                            double              *end)
{
  switch (self->kind)
    {
    case CHRONO_VIEW_ANIMATION_KINETIC:
      {
        double dt = MAX (frame_time - self->last_frame, 0) / (double) G_USEC_PER_SEC;
        double shift;

        self->last_frame = frame_time;
        self->velocity *= exp (-KINETIC_FRICTION * dt);
        shift = self->velocity * dt * (*end - *start) / width;
        *start -= shift;
        *end -= shift;

        if (fabs (self->velocity) < KINETIC_MIN_VELOCITY)
          self->kind = CHRONO_VIEW_ANIMATION_NONE;
      }
      break;

    case CHRONO_VIEW_ANIMATION_SPAN:
    case CHRONO_VIEW_ANIMATION_ANCHORED:
      {
        double t = (frame_time - self->start_time) / (double) self->duration;

        if (self->start_time == 0)
          {
            /* The first frame after the request starts the clock. */
            self->start_time = frame_time;
            t = 0;
          }

        t = CLAMP (t, 0, 1);
        interpolate (self, chrono_view_animation_ease (t), start, end);

        if (t >= 1)
          self->kind = CHRONO_VIEW_ANIMATION_NONE;
      }
      break;

    case CHRONO_VIEW_ANIMATION_NONE:
    default:
      return FALSE;
    }

  return self->kind != CHRONO_VIEW_ANIMATION_NONE;
}

void
chrono_view_animation_drag_begin (ChronoViewAnimation *self)
{
  self->drag_n_samples = 0;
}

void
chrono_view_animation_drag_sample (ChronoViewAnimation *self,
                                   gint64               time,
                                   double               offset)
{
  guint slot = self->drag_n_samples % N_DRAG_SAMPLES;

  self->drag_times[slot] = time;
  self->drag_offsets[slot] = offset;
  self->drag_n_samples++;
}

gboolean
chrono_view_animation_fling (ChronoViewAnimation *self,
                             gint64               now,
                             gint64               frame_time)
{
  guint n = MIN (self->drag_n_samples, N_DRAG_SAMPLES);
  guint last = (self->drag_n_samples + N_DRAG_SAMPLES - 1) % N_DRAG_SAMPLES;
  guint first = (self->drag_n_samples + N_DRAG_SAMPLES - n) % N_DRAG_SAMPLES;
  double elapsed, velocity;

  /* A drag that stopped before the release is no fling. */
  if (n < 2 || now - self->drag_times[last] > G_USEC_PER_SEC / 10)
    return FALSE;

  elapsed = (self->drag_times[last] - self->drag_times[first]) / (double) G_USEC_PER_SEC;
  if (elapsed <= 0)
    return FALSE;

  velocity = (self->drag_offsets[last] - self->drag_offsets[first]) / elapsed;
  if (fabs (velocity) < KINETIC_MIN_VELOCITY * 5)
    return FALSE;

  self->velocity = velocity;
  self->kind = CHRONO_VIEW_ANIMATION_KINETIC;
  self->last_frame = frame_time;

  return TRUE;
}
