/* chrono-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/chrono-event-index.h"
#include "model/chrono-timeline.h"
#include "chrono-time-axis.h"

G_BEGIN_DECLS

typedef struct _ChronoLayout ChronoLayout;
typedef struct _ChronoLayoutMemo ChronoLayoutMemo;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ChronoRect;

typedef struct
{
  ChronoTimeline    *timeline;
  ChronoEventFilter *filter;          /* optional */
  ChronoEventIndex  *index;           /* optional: made from timeline and filter if NULL */
  double             start;           /* the visible span, in seconds */
  double             end;
  double             width;           /* in logical pixels */
  double             height;
  ChronoMeasureFunc  measure;
  gpointer           measure_data;
  ChronoEvent       *selected;        /* optional: labelled first if it is in view */
  ChronoTime         now;             /* where "today" is drawn */
  gboolean           lanes;           /* one band of rows per category */
  const ChronoLayout *previous;       /* optional: the frame before, whose labels stay put */
} ChronoLayoutParams;

/* An event in view that has a label: its marker, its label box and the stem between. */
typedef struct
{
  ChronoEvent *event;            /* borrowed from the timeline */
  guint        position;         /* in the timeline */
  guint        item;             /* in the layout's items */
  double       x;                /* marker: where the event starts */
  double       x_end;            /* where it ends (== x for a moment shorter than a pixel) */
  gboolean     is_range;         /* a real range, drawn as a bar */
  gboolean     is_imprecise;     /* a moment wider than a few pixels, drawn whiskered */
  ChronoDateFlags flags;         /* approximate or uncertain, start or end */
  ChronoRect   box;              /* the label */
  double       stem_x;
  double       text_x;
  double       text_width;       /* the room for the text: less than it needs means ellipsis */
  guint        row;
  gboolean     crossed;          /* placed where stems may pass behind labels (important events) */
  /* A forecast points from its marker to the date or span it predicts, from the start of
   * the one to the end of the other (the end of 2025 for “2025”); NAN otherwise. */
  double       predicted_x;
  double       predicted_x_end;
} ChronoLayoutLabel;

/* Events in view that did not get a label, shown as one "+N" badge that zooms in. */
typedef struct
{
  guint       first_item;        /* [first_item, last_item) of the layout's items … */
  guint       last_item;
  guint       count;             /* … less those that have a label */
  double      x0;                /* the span of its events on screen */
  double      x1;
  ChronoTime  start;             /* and in time, to zoom into */
  ChronoTime  end;
  ChronoRect  badge;
  char       *text;
} ChronoLayoutCluster;

typedef struct
{
  const char *name;              /* borrowed from the era */
  double      x0;
  double      x1;
  double      text_x;
  double      text_width;        /* clipped to the band and the legend */
} ChronoLayoutEra;

typedef struct
{
  ChronoCategory *category;      /* borrowed */
  const char     *name;
  ChronoRect      box;           /* swatch and name, in one of the legend's rows */
  ChronoRect      swatch;
  double          text_x;
  double          text_width;
} ChronoLayoutLegendEntry;

/* In lanes mode, each visible category has a band of label rows, with its name at the
 * band's left edge; its events' labels go only in its band. */
typedef struct
{
  ChronoCategory *category;      /* borrowed */
  const char     *name;
  ChronoRect      band;          /* across the label area */
  ChronoRect      name_box;      /* the name, in the band's top row */
  guint           first_row;     /* its rows: [first_row, first_row + n_rows) */
  guint           n_rows;
} ChronoLayoutLane;

struct _ChronoLayout
{
  double      width;
  double      height;

  /* From top to bottom: the strip with era names and legend, the label rows, the
   * cluster row, the marker track, the axis line and its labels. */
  ChronoRect  top_strip;         /* the legend rows above the era row */
  ChronoRect  legend_row;        /* as many rows as the legend needs at this width */
  ChronoRect  era_row;
  ChronoRect  label_area;
  ChronoRect  cluster_row;
  ChronoRect  axis_band;         /* marker track, axis line, tick labels */
  double      axis_y;
  double      row_height;
  double      row_pitch;
  guint       n_rows;

  double      start;
  double      end;
  double      today_x;           /* NAN when today is not in view */

  /* Every event in view is an item: first those that began before the view (ranges
   * crossing its left edge), then those that start in it, in time order. Each item is
   * either labelled or counted in exactly one cluster. */
  guint       n_items;
  GArray     *crossing;          /* guint timeline positions */
  guint       first_indexed;     /* [first_indexed, last_indexed) in the index */
  guint       last_indexed;
  ChronoEventIndex *index;

  GArray     *labels;            /* ChronoLayoutLabel, by priority */
  GArray     *clusters;          /* ChronoLayoutCluster, by x */
  GArray     *eras;              /* ChronoLayoutEra */
  GArray     *legend;            /* ChronoLayoutLegendEntry */
  GArray     *lanes;             /* ChronoLayoutLane, top to bottom; empty out of lanes mode */
  /* The density strip: how many events start in each column, the first column from
   * density_x, each density_step wide. Column k holds the events from density_origin +
   * k × density_column seconds on; density[0] is column density_first. */
  guint      *density;
  guint       n_density;
  double      density_step;
  double      density_x;
  double      density_origin;
  double      density_column;
  double      density_first;
  ChronoTimeAxis *axis;

  ChronoLayoutMemo *memo;        /* private: for the next frame's layout */
};

typedef enum
{
  CHRONO_LAYOUT_HIT_NONE,
  CHRONO_LAYOUT_HIT_LABEL,
  CHRONO_LAYOUT_HIT_CLUSTER,
} ChronoLayoutHit;

ChronoLayout   *chrono_layout_new               (const ChronoLayoutParams *params);
void            chrono_layout_free              (ChronoLayout             *self);
/* Text is measured differently from now on (another font, another resolution): a layout
 * given @self as the frame before measures every title again. */
void            chrono_layout_forget_measures   (ChronoLayout             *self);
guint           chrono_layout_get_item_position (ChronoLayout             *self,
                                                 guint                     item);
ChronoLayoutHit chrono_layout_hit_test          (ChronoLayout             *self,
                                                 double                    x,
                                                 double                    y,
                                                 guint                    *index);
/* The label of the event at @position, or NULL when it has none. */
const ChronoLayoutLabel *chrono_layout_find_label (ChronoLayout           *self,
                                                   guint                   position);
/* The lane of @category, or G_MAXUINT when it has none (not in lanes mode, or too
 * little room for all the lanes). */
guint           chrono_layout_get_lane          (ChronoLayout             *self,
                                                 ChronoCategory           *category);
/* What an event's label says: its title, or “Untitled event” while it has none. */
const char     *chrono_layout_event_text        (ChronoEvent              *event);
gboolean        chrono_rect_intersects          (const ChronoRect         *a,
                                                 const ChronoRect         *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoLayout, chrono_layout_free)

G_END_DECLS
