/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-category.h"
#include "chrono-date.h"
#include "chrono-provenance.h"
#include "chrono-quote.h"
#include "chrono-source.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT (chrono_event_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEvent, chrono_event, CHRONO, EVENT, GObject)

#define CHRONO_IMPORTANCE_MIN 1
#define CHRONO_IMPORTANCE_MAX 5

ChronoEvent      *chrono_event_new            (const char       *id,
                                               const ChronoDate *start,
                                               const char       *title);
const char       *chrono_event_get_id         (ChronoEvent      *self);
const char       *chrono_event_get_title      (ChronoEvent      *self);
void              chrono_event_set_title      (ChronoEvent      *self,
                                               const char       *title);
const ChronoDate *chrono_event_get_start      (ChronoEvent      *self);
/* NULL for a moment; a range otherwise. */
const ChronoDate *chrono_event_get_end        (ChronoEvent      *self);
void              chrono_event_set_end        (ChronoEvent      *self,
                                               const ChronoDate *end);
/* The span on the axis: [start of start, end of end or of start). */
ChronoTime        chrono_event_get_start_time (ChronoEvent      *self);
ChronoTime        chrono_event_get_end_time   (ChronoEvent      *self);
const char       *chrono_event_get_summary    (ChronoEvent      *self);
void              chrono_event_set_summary    (ChronoEvent      *self,
                                               const char       *summary);
/* The notes, one per line ("\n" between them; a note itself never holds a newline
 * when read from a file, since text is whitespace-normalised). NULL when none. */
const char       *chrono_event_get_notes      (ChronoEvent      *self);
void              chrono_event_set_notes      (ChronoEvent      *self,
                                               const char       *notes);
void              chrono_event_add_note       (ChronoEvent      *self,
                                               const char       *note);
ChronoCategory   *chrono_event_get_category   (ChronoEvent      *self);
void              chrono_event_set_category   (ChronoEvent      *self,
                                               ChronoCategory   *category);
guint             chrono_event_get_importance (ChronoEvent      *self);
void              chrono_event_set_importance (ChronoEvent      *self,
                                               guint             importance);
/* Both return an array owned by the event, to read only (change it with the setters);
 * element types ChronoSource / ChronoQuote. */
GPtrArray        *chrono_event_get_sources    (ChronoEvent      *self);
void              chrono_event_add_source     (ChronoEvent      *self,
                                               ChronoSource     *source);
/* Copies @sources (NULL or empty for none). */
void              chrono_event_set_sources    (ChronoEvent      *self,
                                               GPtrArray        *sources);
GPtrArray        *chrono_event_get_quotes     (ChronoEvent      *self);
void              chrono_event_add_quote      (ChronoEvent      *self,
                                               ChronoQuote      *quote);
guint             chrono_event_get_n_quotes   (ChronoEvent      *self);
/* How the date reads for people when the author wrote it out (TimelineJS's
 * “display_date”, e.g. “Spring 1848”); NULL when the dates speak for themselves. */
const char       *chrono_event_get_display_date (ChronoEvent    *self);
void              chrono_event_set_display_date (ChronoEvent    *self,
                                                 const char     *display_date);
/* A picture or other media illustrating the event: a URL (web, relative to the
 * timeline's file, or a data: URI), its caption and its credit; NULL when not given. */
const char       *chrono_event_get_media_url     (ChronoEvent    *self);
const char       *chrono_event_get_media_caption (ChronoEvent    *self);
const char       *chrono_event_get_media_credit  (ChronoEvent    *self);
void              chrono_event_set_media         (ChronoEvent    *self,
                                                  const char     *url,
                                                  const char     *caption,
                                                  const char     *credit);

/* Where the event's claim comes from, and where its date comes from: a source may tell
 * what happened without saying when, and the editors then date it by inference or from
 * an outside source (the date source). */
ChronoProvenance  chrono_event_get_provenance      (ChronoEvent      *self);
void              chrono_event_set_provenance      (ChronoEvent      *self,
                                                    ChronoProvenance  provenance);
ChronoProvenance  chrono_event_get_date_provenance (ChronoEvent      *self);
ChronoSource     *chrono_event_get_date_source     (ChronoEvent      *self);
void              chrono_event_set_date_provenance (ChronoEvent      *self,
                                                    ChronoProvenance  provenance,
                                                    ChronoSource     *source);

/* A forecast is made on the event's start and predicts a date, or a span when it has a
 * predicted end. Both getters return NULL for an event that is not a forecast. */
gboolean          chrono_event_is_forecast          (ChronoEvent      *self);
const ChronoDate *chrono_event_get_predicted_start  (ChronoEvent      *self);
const ChronoDate *chrono_event_get_predicted_end    (ChronoEvent      *self);
void              chrono_event_set_forecast         (ChronoEvent      *self,
                                                     const ChronoDate *predicted_start,
                                                     const ChronoDate *predicted_end);
/* The predicted span on the axis, like chrono_event_get_start_time () and _end_time ();
 * 0 for an event that is not a forecast. */
ChronoTime        chrono_event_get_predicted_start_time (ChronoEvent  *self);
ChronoTime        chrono_event_get_predicted_end_time   (ChronoEvent  *self);

G_END_DECLS
