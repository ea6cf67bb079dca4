/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "chrono-category.h"
#include "chrono-era.h"
#include "chrono-event.h"
#include "chrono-source.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_TIMELINE (chrono_timeline_get_type ())
G_DECLARE_FINAL_TYPE (ChronoTimeline, chrono_timeline, CHRONO, TIMELINE, GObject)

/* A timeline is built (add_*) and then sealed: sealing sorts the events by start time
 * (ties: end, then id) and builds the range index. Readers seal what they return. A
 * sealed timeline changes through the functions under “Edits” below, which keep the
 * order and the index; the UI calls them through ChronoEdit, so that each change can
 * be undone. */
ChronoTimeline *chrono_timeline_new              (void);
void            chrono_timeline_seal             (ChronoTimeline *self);
/* As chrono_timeline_seal(), for a reader that leaves the check of ids to the seal's
 * sort: returns an id that more than one event has, or NULL. */
const char     *chrono_timeline_seal_finding_repeat (ChronoTimeline *self);
gboolean        chrono_timeline_is_sealed        (ChronoTimeline *self);

const char     *chrono_timeline_get_title        (ChronoTimeline *self);
void            chrono_timeline_set_title        (ChronoTimeline *self,
                                                  const char     *title);
const char     *chrono_timeline_get_description  (ChronoTimeline *self);
void            chrono_timeline_set_description  (ChronoTimeline *self,
                                                  const char     *description);

/* The language of the translatable texts (xml:lang) and the gettext domain that
 * translated them, as read from a file; kept so that saving writes them back. */
const char     *chrono_timeline_get_language     (ChronoTimeline *self);
void            chrono_timeline_set_language     (ChronoTimeline *self,
                                                  const char     *language);
const char     *chrono_timeline_get_gettext_domain (ChronoTimeline *self);
void            chrono_timeline_set_gettext_domain (ChronoTimeline *self,
                                                    const char     *domain);

/* The format the timeline was read from when not the native one (“timelinejs”, “csv”,
 * “thetimelineproj”), NULL otherwise. */
const char     *chrono_timeline_get_foreign_format (ChronoTimeline *self);
void            chrono_timeline_set_foreign_format (ChronoTimeline *self,
                                                    const char     *format);

void            chrono_timeline_add_category     (ChronoTimeline *self,
                                                  ChronoCategory *category);
void            chrono_timeline_add_era          (ChronoTimeline *self,
                                                  ChronoEra      *era);
void            chrono_timeline_add_source       (ChronoTimeline *self,
                                                  ChronoSource   *source);
/* Before the seal, in the order added; after it, where the event sorts. */
void            chrono_timeline_add_event        (ChronoTimeline *self,
                                                  ChronoEvent    *event);

/* Edits. Each costs a few linear passes over compact arrays (O(n) moves, no sorting);
 * event lists announce what moved with items-changed. The category, era and source
 * positions are clamped; the removals return the position or index the item had. */
void            chrono_timeline_remove_event     (ChronoTimeline   *self,
                                                  ChronoEvent      *event);
/* Sets the event's start and end (NULL: a moment) and moves it where it now sorts. */
void            chrono_timeline_set_event_span   (ChronoTimeline   *self,
                                                  ChronoEvent      *event,
                                                  const ChronoDate *start,
                                                  const ChronoDate *end);
void            chrono_timeline_insert_quote     (ChronoTimeline   *self,
                                                  ChronoEvent      *event,
                                                  guint             index,
                                                  ChronoQuote      *quote);
guint           chrono_timeline_remove_quote     (ChronoTimeline   *self,
                                                  ChronoQuote      *quote);
void            chrono_timeline_insert_category  (ChronoTimeline   *self,
                                                  guint             position,
                                                  ChronoCategory   *category);
guint           chrono_timeline_remove_category  (ChronoTimeline   *self,
                                                  ChronoCategory   *category);
void            chrono_timeline_insert_era       (ChronoTimeline   *self,
                                                  guint             position,
                                                  ChronoEra        *era);
guint           chrono_timeline_remove_era       (ChronoTimeline   *self,
                                                  ChronoEra        *era);
void            chrono_timeline_insert_source    (ChronoTimeline   *self,
                                                  guint             position,
                                                  ChronoSource     *source);
guint           chrono_timeline_remove_source    (ChronoTimeline   *self,
                                                  ChronoSource     *source);
/* An id that no event (or category, or source, after @type) has yet: “STEM-N”. */
char           *chrono_timeline_dup_unused_id    (ChronoTimeline   *self,
                                                  GType             type,
                                                  const char       *stem);

/* Lookups by id; NULL when there is none. */
ChronoCategory *chrono_timeline_lookup_category  (ChronoTimeline *self,
                                                  const char     *id);
ChronoSource   *chrono_timeline_lookup_source    (ChronoTimeline *self,
                                                  const char     *id);
ChronoEvent    *chrono_timeline_lookup_event     (ChronoTimeline *self,
                                                  const char     *id);

/* GListModels of ChronoCategory, ChronoEra, ChronoSource (in file order), ChronoEvent
 * (sorted) and ChronoQuote (all quotes, in event order). The last two are empty until
 * the timeline is sealed. */
GListModel     *chrono_timeline_get_categories   (ChronoTimeline *self);
GListModel     *chrono_timeline_get_eras         (ChronoTimeline *self);
GListModel     *chrono_timeline_get_sources      (ChronoTimeline *self);
GListModel     *chrono_timeline_get_events       (ChronoTimeline *self);
GListModel     *chrono_timeline_get_quotes       (ChronoTimeline *self);
/* Where the first quote of @event is in chrono_timeline_get_quotes(), or G_MAXUINT. */
guint           chrono_timeline_find_first_quote (ChronoTimeline *self,
                                                  ChronoEvent    *event);

guint           chrono_timeline_get_n_events     (ChronoTimeline *self);
ChronoEvent    *chrono_timeline_get_event        (ChronoTimeline *self,
                                                  guint           position);
/* Position of @event in the sorted events, or G_MAXUINT. */
guint           chrono_timeline_get_position     (ChronoTimeline *self,
                                                  ChronoEvent    *event);
/* Sorted start times, one per event, n_events long; for binary searches in the view. */
const ChronoTime *chrono_timeline_get_start_times (ChronoTimeline *self);
/* End times (exclusive) in the same order: chrono_event_get_end_time() of each event. */
const ChronoTime *chrono_timeline_get_end_times  (ChronoTimeline *self);
/* One rank per event in the same order, for choosing which of many events gets a label:
 * the importance in the top 8 bits, then 24 bits of a hash of the id, so that among
 * equally important events the choice is the same wherever a range of them begins and
 * ends. Kept by every edit. */
const guint32    *chrono_timeline_get_ranks      (ChronoTimeline *self);
/* The whole span: earliest start to latest end, or to the latest date a forecast
 * predicts. FALSE when there are no events. O(1 + number of forecasts): the timeline
 * keeps its forecasts through the seal and every edit. */
gboolean        chrono_timeline_get_span         (ChronoTimeline *self,
                                                  ChronoTime     *out_start,
                                                  ChronoTime     *out_end);

/* Appends to @positions (a GArray of guint) the positions of the events whose
 * [start_time, end_time) intersects [start, end), in sorted order. O(log n + k), except
 * that long events scattered thinly among short ones can cost up to O(k log n). */
void            chrono_timeline_query_range      (ChronoTimeline *self,
                                                  ChronoTime      start,
                                                  ChronoTime      end,
                                                  GArray         *positions);
/* Number of events whose start time is in [start, end). O(log n). */
guint           chrono_timeline_count_starts     (ChronoTimeline *self,
                                                  ChronoTime      start,
                                                  ChronoTime      end);

/* The first of @n sorted times that is not less than @time (@n when there is none). */
guint           chrono_times_lower_bound         (const ChronoTime *times,
                                                  guint             n,
                                                  ChronoTime        time);
/* The same among those from @from on, looked for around @guess: O(log d) reads near it,
 * d its distance from the answer. */
guint           chrono_times_lower_bound_near    (const ChronoTime *times,
                                                  guint             n,
                                                  guint             from,
                                                  guint             guess,
                                                  ChronoTime        time);

/* A one-line summary for people, e.g. “42 events, 30 quotes, 2012–2025”. */
char           *chrono_timeline_dup_summary      (ChronoTimeline *self);

G_END_DECLS
