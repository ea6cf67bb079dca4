/* chrono-event-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-event-filter.h"
#include "chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT_INDEX (chrono_event_index_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEventIndex, chrono_event_index, CHRONO, EVENT_INDEX, GObject)

/* The events of a timeline that its filter lets through, in the timeline's order (by
 * start), as a GListModel of ChronoEvent, with the queries the views make. It keeps
 * compact arrays, not an object per item, runs the filter once per change and then says
 * so with one "items-changed". Over many events a new filter or timeline is run in
 * chunks on idle (ChronoEventIndex:pending meanwhile), and a newer change drops the run
 * under way. An edit of the timeline is taken in at once, event by event as the
 * timeline tells it, each with the least "items-changed": an event that moves goes at
 * its old place and comes at its new one, one that changed in place is one item
 * changed. Indices below are positions in this list, not in the timeline. */
ChronoEventIndex *chrono_event_index_new               (ChronoTimeline    *timeline,
                                                        ChronoEventFilter *filter);
ChronoTimeline   *chrono_event_index_get_timeline      (ChronoEventIndex  *self);
void              chrono_event_index_set_timeline      (ChronoEventIndex  *self,
                                                        ChronoTimeline    *timeline);
ChronoEventFilter *chrono_event_index_get_filter       (ChronoEventIndex  *self);
void              chrono_event_index_set_filter        (ChronoEventIndex  *self,
                                                        ChronoEventFilter *filter);

gboolean          chrono_event_index_get_pending       (ChronoEventIndex  *self);
guint             chrono_event_index_get_size          (ChronoEventIndex  *self);
/* Changes whenever the list, or the events of the timeline (their places, dates, titles),
 * may have changed: what was worked out from the index holds as long as this is the same. */
guint64           chrono_event_index_get_revision      (ChronoEventIndex  *self);
/* Borrowed. */
ChronoEvent      *chrono_event_index_get_event         (ChronoEventIndex  *self,
                                                        guint              i);
/* The timeline position of the @i-th event. */
guint             chrono_event_index_get_position      (ChronoEventIndex  *self,
                                                        guint              i);
ChronoTime        chrono_event_index_get_start_time    (ChronoEventIndex  *self,
                                                        guint              i);
/* Where @event is in the list, or G_MAXUINT when it is filtered out or elsewhere. */
guint             chrono_event_index_find              (ChronoEventIndex  *self,
                                                        ChronoEvent       *event);
/* Where the timeline's @position is in the list, or G_MAXUINT. */
guint             chrono_event_index_find_position     (ChronoEventIndex  *self,
                                                        guint              position);
gboolean          chrono_event_index_contains_position (ChronoEventIndex  *self,
                                                        guint              position);
/* The first event starting at or after @time (the size when there is none). */
guint             chrono_event_index_lower_bound       (ChronoEventIndex  *self,
                                                        ChronoTime         time);
/* The same, for a @time after the start of every event before @from: O(log (result - from)). */
guint             chrono_event_index_lower_bound_from  (ChronoEventIndex  *self,
                                                        guint              from,
                                                        ChronoTime         time);
/* The same, searched first around @guess (from @from on): O(log |result - guess|), in
 * memory close together. */
guint             chrono_event_index_lower_bound_near  (ChronoEventIndex  *self,
                                                        guint              from,
                                                        guint              guess,
                                                        ChronoTime         time);
/* The events starting in [start, end): [*first, *last). */
void              chrono_event_index_get_span          (ChronoEventIndex  *self,
                                                        ChronoTime         start,
                                                        ChronoTime         end,
                                                        guint             *first,
                                                        guint             *last);
/* The event of the highest rank (chrono_timeline_get_ranks(): the most important, and
 * among those the same one wherever the range begins) in [first, last), the earliest on
 * a tie; G_MAXUINT when the range is empty. O(log n). */
guint             chrono_event_index_find_most_important (ChronoEventIndex *self,
                                                          guint             first,
                                                          guint             last);
/* For a density strip: fills @counts with how many events start in each of @n_columns
 * columns of @column seconds, from column @first_column on. Column k holds the events
 * from ceil (@origin + k × @column) up to the next column's start: with the same @origin
 * and @column, a column counts the same events whatever the first column asked for. */
void              chrono_event_index_count_columns     (ChronoEventIndex  *self,
                                                        double             origin,
                                                        double             column,
                                                        double             first_column,
                                                        guint              n_columns,
                                                        guint             *counts);

G_END_DECLS
