/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-array-list-private.h"
#include "chrono-bulk-memory.h"
#include "chrono-timeline.h"

G_BEGIN_DECLS

/* Once sealed, the events sit in one array sorted by (start, end, id), with their start
 * and end times in two parallel arrays. The range index is an implicit balanced binary
 * tree over that array: the node of the subarray [lo, hi) is its middle element, and
 * max_end[mid] holds the latest end time in [lo, hi). No pointers, 8 bytes per event. */
struct _ChronoTimeline
{
  GObject parent_instance;

  char *title;
  char *description;
  char *language;
  char *gettext_domain;
  char *foreign_format;

  GListStore *categories;
  GListStore *eras;
  GListStore *sources;
  GHashTable *category_index;
  GHashTable *source_index;

  GPtrArray *pending_events;     /* before sealing, in the order added */

  ChronoArrayList *events;
  ChronoArrayList *quotes;
  ChronoTime *start_times;
  ChronoTime *end_times;
  ChronoTime *max_end;
  guint32 *ranks;                /* chrono_timeline_get_ranks() */
  ChronoEvent **events_by_id;
  GHashTable *forecasts;         /* the events that are forecasts, kept by every edit */
  GPtrArray *changed_events;     /* changed in place since the last "changed"; NULL: many */
  ChronoTime span_end;
  guint capacity;                /* of the five arrays above, in chrono-bulk-memory.h's memory */

  guint sealed : 1;
};


/* Fills max_end[] for the subtree [lo, hi) and returns its latest end. */
ChronoTime _chrono_timeline_build_max_end (ChronoTimeline *self,
                                           guint           lo,
                                           guint           hi);
/* Puts @event where it sorts, in a sealed timeline (chrono-timeline-edit.c). */
void       _chrono_timeline_insert_sorted (ChronoTimeline *self,
                                           ChronoEvent    *event);
/* How many quotes the events before @position have: the position of the first quote of
 * the event at @position, if it has any. */
guint      _chrono_timeline_quotes_before (ChronoTimeline *self,
                                           guint           position);
/* The rank of @event, from its importance and id. */
guint32    _chrono_timeline_rank_of       (ChronoEvent    *event);
guint32    _chrono_timeline_rank_from     (guint           importance,
                                           const char     *id);
/* After an edit set properties of @event: its rank, and whether it is a forecast; the
 * next "changed" is preceded by an "event-changed" for it. */
void       _chrono_timeline_event_changed (ChronoTimeline *self,
                                           ChronoEvent    *event);
/* Notes that an edit changed @event in place, for the next "event-changed". */
void       _chrono_timeline_note_event_changed (ChronoTimeline *self,
                                                ChronoEvent    *event);
/* Notifies :sealed; for the seal (chrono-timeline-seal.c). */
void       _chrono_timeline_notify_sealed (ChronoTimeline *self);
/* Emits ChronoTimeline::event-changed for each event changed in place since the last
 * time, then ChronoTimeline::changed; for ChronoEdit. */
void       _chrono_timeline_emit_changed  (ChronoTimeline *self);

G_END_DECLS
