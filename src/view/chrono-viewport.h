/* chrono-viewport.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "model/chrono-event.h"

G_BEGIN_DECLS

/* The narrowest visible span: ten minutes. */
#define CHRONO_VIEWPORT_MIN_DURATION 600.0

#define CHRONO_TYPE_VIEWPORT (chrono_viewport_get_type ())

G_DECLARE_FINAL_TYPE (ChronoViewport, chrono_viewport, CHRONO, VIEWPORT, GObject)

ChronoViewport *chrono_viewport_new                (void);
void            chrono_viewport_set_document_span  (ChronoViewport *self,
                                                    ChronoTime      start,
                                                    ChronoTime      end);
ChronoTime      chrono_viewport_get_visible_start  (ChronoViewport *self);
ChronoTime      chrono_viewport_get_visible_end    (ChronoViewport *self);
void            chrono_viewport_get_visible_span   (ChronoViewport *self,
                                                    double         *start,
                                                    double         *end);
void            chrono_viewport_set_visible_span   (ChronoViewport *self,
                                                    double          start,
                                                    double          end);
double          chrono_viewport_get_min_duration   (ChronoViewport *self);
double          chrono_viewport_get_max_duration   (ChronoViewport *self);
void            chrono_viewport_get_limits         (ChronoViewport *self,
                                                    double         *extent_start,
                                                    double         *extent_end);
void            chrono_viewport_constrain_span     (ChronoViewport *self,
                                                    double         *start,
                                                    double         *end);
void            chrono_viewport_zoom_at            (ChronoViewport *self,
                                                    double          factor,
                                                    double          anchor);
void            chrono_viewport_pan_by             (ChronoViewport *self,
                                                    double          seconds);
/* The document of a timeline whose events are all on the date [start, end). */
void            chrono_viewport_set_document_moment (ChronoViewport *self,
                                                     ChronoTime      start,
                                                     ChronoTime      end);
void            chrono_viewport_zoom_to_fit        (ChronoViewport *self);
void            chrono_viewport_zoom_to_span       (ChronoViewport *self,
                                                    ChronoTime      start,
                                                    ChronoTime      end);
void            chrono_viewport_get_fit_span       (ChronoViewport *self,
                                                    double         *start,
                                                    double         *end);
void            chrono_viewport_get_span_for_event (ChronoViewport *self,
                                                    ChronoEvent    *event,
                                                    double         *start,
                                                    double         *end);
void            chrono_viewport_get_span_around    (ChronoViewport *self,
                                                    ChronoTime      start,
                                                    ChronoTime      end,
                                                    double         *out_start,
                                                    double         *out_end);
double          chrono_viewport_time_to_x          (ChronoViewport *self,
                                                    double          time,
                                                    double          width);
double          chrono_viewport_x_to_time          (ChronoViewport *self,
                                                    double          x,
                                                    double          width);

G_END_DECLS
