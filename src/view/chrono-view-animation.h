/* chrono-view-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CHRONO_VIEW_ANIMATION_NONE,
  CHRONO_VIEW_ANIMATION_SPAN,      /* to a span: the centre moves, the zoom is geometric */
  CHRONO_VIEW_ANIMATION_ANCHORED,  /* a zoom that keeps one time under the pointer */
  CHRONO_VIEW_ANIMATION_KINETIC,   /* panning on after a drag, slowing down */
} ChronoViewAnimationKind;

/* How the visible span moves over time, as plain numbers: spans in seconds, times in
 * microseconds, speeds in pixels per second. The widget feeds it frame times and applies
 * the spans it returns. */
typedef struct _ChronoViewAnimation ChronoViewAnimation;

ChronoViewAnimation    *chrono_view_animation_new            (void);
void                    chrono_view_animation_free           (ChronoViewAnimation *self);
ChronoViewAnimationKind chrono_view_animation_get_kind       (ChronoViewAnimation *self);
void                    chrono_view_animation_stop           (ChronoViewAnimation *self);
/* Where a span or anchored animation ends; FALSE for the others. */
gboolean                chrono_view_animation_get_target     (ChronoViewAnimation *self,
                                                              double              *start,
                                                              double              *end);
void                    chrono_view_animation_animate_span   (ChronoViewAnimation *self,
                                                              double               from_start,
                                                              double               from_end,
                                                              double               to_start,
                                                              double               to_end,
                                                              gint64               duration);
void                    chrono_view_animation_animate_zoom   (ChronoViewAnimation *self,
                                                              double               from_start,
                                                              double               from_end,
                                                              double               anchor,
                                                              double               to_duration,
                                                              gint64               duration);
/* Drag samples: the last few give the speed at release. */
void                    chrono_view_animation_drag_begin     (ChronoViewAnimation *self);
void                    chrono_view_animation_drag_sample    (ChronoViewAnimation *self,
                                                              gint64               time,
                                                              double               offset);
/* Starts kinetic panning at the speed of the last drag samples, if it was a fling
 * (recent and fast enough); @frame_time is the frame clock's time. */
gboolean                chrono_view_animation_fling          (ChronoViewAnimation *self,
                                                              gint64               now,
                                                              gint64               frame_time);
/* Advances to @frame_time. @start and @end hold the current span and receive the next
 * one; @width is the view's width in pixels. Returns FALSE once the animation ended. */
gboolean                chrono_view_animation_step           (ChronoViewAnimation *self,
                                                              gint64               frame_time,
                                                              double               width,
                                                              double              *start,
                                                              double              *end);
double                  chrono_view_animation_ease           (double               t);
double                  chrono_view_animation_get_velocity   (ChronoViewAnimation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoViewAnimation, chrono_view_animation_free)

G_END_DECLS
