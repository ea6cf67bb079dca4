/* chrono-timeline-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/chrono-timeline.h"
#include "ui/chrono-session.h"
#include "chrono-layout.h"
#include "chrono-viewport.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_TIMELINE_VIEW (chrono_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (ChronoTimelineView, chrono_timeline_view, CHRONO, TIMELINE_VIEW, GtkWidget)

GtkWidget         *chrono_timeline_view_new                (void);
ChronoSession     *chrono_timeline_view_get_session        (ChronoTimelineView *self);
void               chrono_timeline_view_set_session        (ChronoTimelineView *self,
                                                            ChronoSession      *session);
ChronoEvent       *chrono_timeline_view_get_selected_event (ChronoTimelineView *self);
void               chrono_timeline_view_set_selected_event (ChronoTimelineView *self,
                                                            ChronoEvent        *event);
gboolean           chrono_timeline_view_get_lanes          (ChronoTimelineView *self);
void               chrono_timeline_view_set_lanes          (ChronoTimelineView *self,
                                                            gboolean            lanes);
ChronoViewport    *chrono_timeline_view_get_viewport       (ChronoTimelineView *self);
/* The layout of the last frame, for tests and for export; NULL before the first. */
ChronoLayout      *chrono_timeline_view_get_layout         (ChronoTimelineView *self);
/* What the input controllers do, callable on their own (tests, accessibility). */
void               chrono_timeline_view_zoom_at            (ChronoTimelineView *self,
                                                            double              factor,
                                                            double              x,
                                                            gboolean            animate);
void               chrono_timeline_view_scroll             (ChronoTimelineView *self,
                                                            double              dx,
                                                            double              dy,
                                                            GdkScrollUnit       unit,
                                                            GdkModifierType     state);
void               chrono_timeline_view_click              (ChronoTimelineView *self,
                                                            int                 n_press,
                                                            double              x,
                                                            double              y);
void               chrono_timeline_view_drag               (ChronoTimelineView *self,
                                                            double              offset_x);
void               chrono_timeline_view_pinch_begin       (ChronoTimelineView *self,
                                                            double              x);
void               chrono_timeline_view_pinch_update      (ChronoTimelineView *self,
                                                            double              scale);
void               chrono_timeline_view_stop_animation     (ChronoTimelineView *self);
gboolean           chrono_timeline_view_is_animating       (ChronoTimelineView *self);

/* An editable view makes an event on a double-click in an empty place ("create-event")
 * and lets events be dragged to another date or resized ("span-edited"); it changes
 * nothing in the timeline itself. Escape (chrono_timeline_view_cancel_edit_drag ())
 * drops a drag under way. */
gboolean            chrono_timeline_view_get_editable         (ChronoTimelineView *self);
void                chrono_timeline_view_set_editable         (ChronoTimelineView *self,
                                                               gboolean            editable);
gboolean            chrono_timeline_view_cancel_edit_drag     (ChronoTimelineView *self);
void                chrono_timeline_view_edit_drag            (ChronoTimelineView *self,
                                                               double              x,
                                                               double              y,
                                                               double              offset_x);

G_END_DECLS
