/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-category.h"
#include "chrono-date.h"
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
/* Both return an array owned by the event; element types ChronoSource / ChronoQuote. */
GPtrArray        *chrono_event_get_sources    (ChronoEvent      *self);
void              chrono_event_add_source     (ChronoEvent      *self,
                                               ChronoSource     *source);
GPtrArray        *chrono_event_get_quotes     (ChronoEvent      *self);
void              chrono_event_add_quote      (ChronoEvent      *self,
                                               ChronoQuote      *quote);
guint             chrono_event_get_n_quotes   (ChronoEvent      *self);

G_END_DECLS
