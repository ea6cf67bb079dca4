/* chrono-timeline-view-private.h — what the timeline view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-renderer.h"
#include "chrono-timeline-view.h"
#include "chrono-view-animation.h"

G_BEGIN_DECLS

#define ZOOM_DURATION_US (220 * G_USEC_PER_SEC / 1000)
#define JUMP_DURATION_US (450 * G_USEC_PER_SEC / 1000)

struct _ChronoTimelineView
{
  GtkWidget            parent_instance;

  ChronoSession       *session;
  GSignalGroup        *session_signals;
  GSignalGroup        *events_signals;
  GSignalGroup        *viewport_signals;
  /* The session's timeline, selected event and viewport, as this view last showed them. */
  ChronoTimeline      *timeline;
  ChronoEvent         *selected;
  ChronoViewport      *viewport;
  gboolean             lanes;
  gboolean             quit_requested;     /* for CHRONO_DEBUG=quit */
  gint64               timeline_set_time;  /* for CHRONO_DEBUG=frames: the first frame's delay */
  guint                n_frames;

  ChronoRenderer      *renderer;
  guint                context_serial;     /* the Pango context's, as the renderer knows it */
  ChronoLayout        *layout;
  gboolean             layout_dirty;
  guint                n_lanes;      /* the layout's, notified as n-lanes */

  ChronoEvent         *hovered;
  guint                hovered_cluster;
  double               pointer_x;
  double               pointer_y;
  gboolean             pointer_inside;
  guint                hover_idle_id;  /* to look again under a pointer that rests */

  /* Animation of the visible span, by frame clock ticks. */
  ChronoViewAnimation *animation;
  guint                tick_id;
  gboolean             animating_step;

  /* Drag to pan. */
  double               drag_span_start;
  double               drag_span_end;
  gboolean             dragging;

  /* Moving or resizing an event (chrono-timeline-view-edit.c). */
  gboolean             editable;
  ChronoEvent         *edit_event;
  gboolean             edit_resizing;
  gboolean             edit_moved;
  gboolean             edit_cancelled;     /* the rest of the drag does nothing */
  gboolean             edit_has_end;
  double               edit_row_y;
  ChronoDate           edit_start;
  ChronoDate           edit_end;
  ChronoDate           edit_new_start;
  ChronoDate           edit_new_end;

  double               pinch_start;
  double               pinch_end;
  double               pinch_x;
};

/* chrono-timeline-view.c */
double             _chrono_timeline_view_get_width        (ChronoTimelineView *self);
ChronoEventIndex  *_chrono_timeline_view_get_index        (ChronoTimelineView *self);
void               _chrono_timeline_view_ensure_layout    (ChronoTimelineView *self);
void               _chrono_timeline_view_set_selected     (ChronoTimelineView *self,
                                                           ChronoEvent        *event,
                                                           gboolean            reveal);
void               _chrono_timeline_view_activate         (ChronoTimelineView *self,
                                                           ChronoEvent        *event);

/* chrono-timeline-view-scroll.c: the visible span, animated or not */
void               _chrono_timeline_view_set_span         (ChronoTimelineView *self,
                                                           double              start,
                                                           double              end);
void               _chrono_timeline_view_animate_to_span  (ChronoTimelineView *self,
                                                           double              start,
                                                           double              end,
                                                           gint64              duration);
void               _chrono_timeline_view_fling            (ChronoTimelineView *self);
void               _chrono_timeline_view_reveal_event    (ChronoTimelineView *self,
                                                           ChronoEvent        *event);

/* chrono-timeline-view-input.c: pointer, touchpad and keyboard */
void               _chrono_timeline_view_class_init_input (GtkWidgetClass     *widget_class);
void               _chrono_timeline_view_init_input       (ChronoTimelineView *self);
void               _chrono_timeline_view_update_hover     (ChronoTimelineView *self);

/* chrono-timeline-view-edit.c: double-click to make an event, drag to move or resize */
void               _chrono_timeline_view_class_init_edit  (GtkWidgetClass     *widget_class);
gboolean           _chrono_timeline_view_edit_double_click (ChronoTimelineView *self,
                                                            double              x);
gboolean           _chrono_timeline_view_edit_press       (ChronoTimelineView *self,
                                                           double              x,
                                                           double              y);
gboolean           _chrono_timeline_view_is_edit_dragging (ChronoTimelineView *self);
void               _chrono_timeline_view_edit_drag        (ChronoTimelineView *self,
                                                           double              offset_x);
void               _chrono_timeline_view_edit_release     (ChronoTimelineView *self);
void               _chrono_timeline_view_edit_snapshot    (ChronoTimelineView *self,
                                                           GtkSnapshot        *snapshot);

G_END_DECLS
