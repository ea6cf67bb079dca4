/* chrono-layout-private.h — what the layout's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-layout.h"

G_BEGIN_DECLS

/* Below this many events in view every one is a label candidate; above it the view is cut
 * into buckets of BUCKET_WIDTH pixels and only the most important event of each bucket
 * competes, so that a frame costs the same at 1,000 events as at 1,000,000. */
#define EXACT_LIMIT       1500
#define BUCKET_WIDTH      6.0
#define DENSITY_STEP      2.0
#define MAX_LABEL_WIDTH   340.0
#define LABEL_PAD_X       6.0
#define LABEL_PAD_Y       3.0
#define LABEL_ACCENT      3.0
#define ROW_GAP           4.0
#define LANE_NAME_PAD     6.0
#define LABEL_GAP         4.0
#define CLUSTER_GAP       10.0
#define MAX_CLUSTER_SPAN  160.0
#define MIN_LABEL_WIDTH   36.0
#define MIN_RANGE_LABEL_WIDTH 120.0
#define BADGE_PAD_X       6.0
#define BADGE_GAP         4.0
#define MARKER_TRACK      12.0
#define RELAXED_IMPORTANCE 3

/* A run of items that share an x for clustering: one item, or a bucket of them. */
typedef struct
{
  guint  first_item;
  guint  last_item;
  double x;
  gboolean bucket;              /* of items, or one item */
  guint  labelled;
} Unit;

typedef struct
{
  guint       item;
  guint       unit;
  ChronoEvent *event;
  gboolean    selected;
  guint       importance;
  guint       tie;              /* among equals: a hash of the id, the same in every view */
  guint       position;         /* in the timeline */
  ChronoTime  start;
  ChronoTime  end;              /* as chrono_event_get_end_time () */
  ChronoTime  duration;         /* 0 for an event without an end date */
  double      text_width_at_least; /* of its title; NAN until measured */
  guint       known;            /* where the layout's memo has it, or G_MAXUINT */
  gboolean    shown;            /* labelled in the frame before … */
  guint       shown_row;        /* … in this row … */
  gboolean    shown_crossed;    /* … where stems may pass behind labels */
} Candidate;

static inline double
_chrono_layout_time_to_x (ChronoLayout *self,
                          double        time)
{
  return (time - self->start) * self->width / (self->end - self->start);
}

static inline double
_chrono_layout_x_to_time (ChronoLayout *self,
                          double        x)
{
  return self->start + x * (self->end - self->start) / self->width;
}

static inline double
_chrono_layout_row_y (ChronoLayout *self,
                      guint         row)
{
  return self->cluster_row.y - ROW_GAP - self->row_height - row * self->row_pitch;
}

/* chrono-layout-memo.c: what a layout hands on to the next frame's. */
typedef struct
{
  guint        position;        /* in the timeline */
  ChronoEvent *event;
  gboolean     has_end;
  double       text_width_at_least; /* of its title, or NAN */
} ChronoKnownEvent;

/* An event of the index running at a time: started before it, ending after it. */
typedef struct
{
  guint      position;          /* in the timeline */
  guint32    rank;
  ChronoTime start;
  ChronoTime end;
} ChronoKnownRunning;

typedef struct
{
  guint first;                  /* [first, next) in the index */
  guint next;
  guint best;                   /* the most important of them */
} ChronoKnownBucket;

struct _ChronoLayoutMemo
{
  ChronoEventIndex *index;      /* borrowed from the layout */
  guint64           revision;   /* of the index */
  ChronoMeasureFunc measure;
  gpointer          measure_data;
  /* Plain arrays, not GArrays: they grow by hundreds of entries a frame at a million
   * events, where a call to append each would cost more than the rest of its work. */
  ChronoKnownEvent *events;     /* by position */
  guint             n_events;
  guint             events_size;
  double            bucket;     /* seconds */
  double            first_bucket;
  ChronoKnownBucket *buckets;   /* whole buckets from first_bucket on */
  guint             n_buckets;
  guint             buckets_size;
  ChronoTime        running_anchor;
  double            running_quantum; /* seconds; the anchor is a multiple of it */
  GArray           *running;    /* ChronoKnownRunning at running_anchor, by position; or NULL */
  guint             running_first; /* the first event starting at or after running_anchor */
  ChronoTime        edge_time;  /* the view's left edge */
  GArray           *edge_running; /* ChronoKnownRunning at edge_time, by position; or NULL */
  guint             edge_first; /* the first event starting at or after edge_time */
};

ChronoLayoutMemo        *_chrono_layout_memo_new         (const ChronoLayoutParams *params,
                                                          ChronoEventIndex         *index);
void                     _chrono_layout_memo_free        (ChronoLayoutMemo         *self);
gboolean                 _chrono_layout_memo_applies     (const ChronoLayoutMemo   *self,
                                                          const ChronoLayoutParams *params,
                                                          ChronoEventIndex         *index);
const ChronoKnownEvent  *_chrono_layout_memo_find_event  (const ChronoLayoutMemo   *self,
                                                          guint                     position,
                                                          guint                    *cursor);
guint                    _chrono_layout_memo_add_event   (ChronoLayoutMemo         *self,
                                                          guint                     position,
                                                          ChronoEvent              *event,
                                                          gboolean                  has_end,
                                                          double                    text_width_at_least);
const ChronoKnownBucket *_chrono_layout_memo_find_bucket (const ChronoLayoutMemo   *self,
                                                          double                    bucket,
                                                          double                    k);
void                     _chrono_layout_memo_add_bucket  (ChronoLayoutMemo         *self,
                                                          double                    bucket,
                                                          double                    k,
                                                          const ChronoKnownBucket  *known);
void                     _chrono_layout_memo_collect_running (ChronoLayoutMemo     *self,
                                                          const ChronoLayoutMemo   *known,
                                                          ChronoTimeline           *timeline,
                                                          ChronoTime                time,
                                                          double                    quantum,
                                                          GArray                   *running);

/* The labels placed so far, row by row; and for each pixel column, the rows whose
 * labels cover some of the run of columns from it on, so that a label looks only at
 * rows where it might fit. */
typedef struct
{
  GPtrArray *rows;              /* GArray of label indices, one per row */
  guint64   *covered_ahead;     /* a bit per row (up to 64), a word per pixel column */
  guint      n_columns;
  gboolean   use_covered;       /* every box so far on whole pixels, and few enough rows */
} ChronoLabelRows;

/* chrono-layout-labels.c: puts @candidate's label in the lowest of @rows where it fits,
 * or with @in_shown_row only in the row where it was shown; FALSE when it does not fit. */
void     _chrono_label_rows_init       (ChronoLabelRows          *rows,
                                        ChronoLayout             *self);
void     _chrono_label_rows_clear      (ChronoLabelRows          *rows);
void     _chrono_label_rows_add        (ChronoLabelRows          *rows,
                                        ChronoLayout             *self,
                                        guint                     row,
                                        guint                     index);
guint64  _chrono_label_rows_covering   (ChronoLabelRows          *rows,
                                        const ChronoRect         *box,
                                        guint                     first_row,
                                        guint                     last_row);
gboolean _chrono_layout_place_label    (ChronoLayout             *self,
                                        ChronoLabelRows          *rows,
                                        Candidate                *candidate,
                                        const ChronoLayoutParams *params,
                                        gboolean                  in_shown_row);
/* chrono-layout-clusters.c: the badges of the units' unlabelled items. */
void     _chrono_layout_build_clusters (ChronoLayout             *self,
                                        GArray                   *units,
                                        const ChronoLayoutParams *params);
/* chrono-layout-legend.c: the legend (returns the height of its rows), era bands, lanes. */
double   _chrono_layout_place_legend   (ChronoLayout             *self,
                                        const ChronoLayoutParams *params,
                                        double                    row_height);
void     _chrono_layout_add_eras       (ChronoLayout             *self,
                                        const ChronoLayoutParams *params);
void     _chrono_layout_place_lanes    (ChronoLayout             *self,
                                        const ChronoLayoutParams *params);

G_END_DECLS
