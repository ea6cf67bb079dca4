/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-provenance.h"
#include "chrono-source.h"

G_BEGIN_DECLS

typedef struct _ChronoEvent ChronoEvent;

#define CHRONO_TYPE_QUOTE (chrono_quote_get_type ())
G_DECLARE_FINAL_TYPE (ChronoQuote, chrono_quote, CHRONO, QUOTE, GObject)

/* A quote keeps the source's own wording (original_text in original_language, a BCP 47
 * tag such as "zh-Hans") and, separately, a translation that is never presented as
 * verbatim. The event is a weak back-pointer, set when the quote is added to an event. */
ChronoQuote  *chrono_quote_new                   (const char   *original_text,
                                                  const char   *original_language);
const char   *chrono_quote_get_original_text     (ChronoQuote  *self);
const char   *chrono_quote_get_original_language (ChronoQuote  *self);
void          chrono_quote_set_original          (ChronoQuote  *self,
                                                  const char   *text,
                                                  const char   *language);
const char   *chrono_quote_get_translation       (ChronoQuote  *self);
const char   *chrono_quote_get_translation_language (ChronoQuote *self);
void          chrono_quote_set_translation       (ChronoQuote  *self,
                                                  const char   *text,
                                                  const char   *language);
const char   *chrono_quote_get_speaker           (ChronoQuote  *self);
void          chrono_quote_set_speaker           (ChronoQuote  *self,
                                                  const char   *speaker);
const char   *chrono_quote_get_context           (ChronoQuote  *self);
void          chrono_quote_set_context           (ChronoQuote  *self,
                                                  const char   *context);
ChronoSource *chrono_quote_get_source            (ChronoQuote  *self);
void          chrono_quote_set_source            (ChronoQuote  *self,
                                                  ChronoSource *source);
ChronoEvent  *chrono_quote_get_event             (ChronoQuote  *self);
/* When the words were said or written, which is not when what they speak of happened.
 * NULL when unknown. */
const ChronoDate *chrono_quote_get_said          (ChronoQuote  *self);
void          chrono_quote_set_said              (ChronoQuote  *self,
                                                  const ChronoDate *said);
ChronoProvenance chrono_quote_get_provenance     (ChronoQuote  *self);
void          chrono_quote_set_provenance        (ChronoQuote  *self,
                                                  ChronoProvenance provenance);

G_END_DECLS
