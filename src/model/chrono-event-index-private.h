/* chrono-event-index-private.h — what the parts of ChronoEventIndex share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-event-index.h"

G_BEGIN_DECLS

typedef struct _Run Run;

struct _ChronoEventIndex
{
  GObject            parent_instance;

  ChronoTimeline    *timeline;
  GListModel        *timeline_events;
  gulong             events_changed_id;
  gulong             event_changed_id;
  ChronoEventFilter *filter;
  gulong             filter_changed_id;

  guint64            revision;     /* chrono_event_index_get_revision() */
  guint              n;
  guint             *positions;    /* NULL when every event passes */
  ChronoTime        *starts;       /* likewise: then the timeline's start times */

  /* Built with the list: the timeline's ranks by index (NULL when every event passes)
   * and a segment tree of the argmax over ranges of the index. */
  guint32           *ranks;
  guint             *tree;
  guint              tree_size;

  /* The filter run under way, if any. */
  Run               *run;
  guint              run_source;
  gboolean           run_same_timeline;
  gboolean           pending;
  gboolean           at_once;      /* while being made: what it is made with */
};

static inline guint
position_at (const guint *positions,
             guint        i)
{
  return positions != NULL ? positions[i] : i;
}

static inline const ChronoTime *
get_starts (ChronoEventIndex *self)
{
  return self->starts != NULL ? self->starts : chrono_timeline_get_start_times (self->timeline);
}

static inline const guint32 *
get_ranks (ChronoEventIndex *self)
{
  return self->ranks != NULL ? self->ranks : chrono_timeline_get_ranks (self->timeline);
}

/* The higher ranked of two events in the list; the earlier one on a tie. */
static inline guint
better (const guint32 *ranks,
        guint          a,
        guint          b)
{
  if (a == G_MAXUINT)
    return b;
  if (b == G_MAXUINT)
    return a;
  if (ranks[a] != ranks[b])
    return ranks[a] > ranks[b] ? a : b;

  return MIN (a, b);
}

/* chrono-event-index.c: runs the filter over the timeline (see there). */
void _chrono_event_index_rebuild                     (ChronoEventIndex *self,
                                                      gboolean          same_timeline,
                                                      gboolean          chunked);

/* chrono-event-index-edit.c: the timeline's signals of an edit. */
void _chrono_event_index_timeline_events_changed_cb (GListModel       *events,
                                                      guint             position,
                                                      guint             removed,
                                                      guint             added,
                                                      ChronoEventIndex *self);
void _chrono_event_index_timeline_event_changed_cb  (ChronoEventIndex *self,
                                                      ChronoEvent      *event);

G_END_DECLS
