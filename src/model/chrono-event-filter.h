/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-event.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT_FILTER (chrono_event_filter_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEventFilter, chrono_event_filter, CHRONO, EVENT_FILTER, GObject)

/* What the user narrowed the timeline to: a search text (matched case-insensitively
 * against title, summary, notes and every quote's translation and original wording)
 * and a set of hidden category ids. Emits "changed" whenever the result may differ. */
ChronoEventFilter *chrono_event_filter_new                  (void);
const char        *chrono_event_filter_get_search_text      (ChronoEventFilter *self);
void               chrono_event_filter_set_search_text      (ChronoEventFilter *self,
                                                             const char        *text);
gboolean           chrono_event_filter_get_category_visible (ChronoEventFilter *self,
                                                             const char        *category_id);
void               chrono_event_filter_set_category_visible (ChronoEventFilter *self,
                                                             const char        *category_id,
                                                             gboolean           visible);
/* The hidden category ids, NULL-terminated, for saving in GSettings. */
char             **chrono_event_filter_dup_hidden_categories (ChronoEventFilter *self);
void               chrono_event_filter_set_hidden_categories (ChronoEventFilter *self,
                                                              const char * const *ids);
gboolean           chrono_event_filter_is_empty             (ChronoEventFilter *self);
gboolean           chrono_event_filter_matches              (ChronoEventFilter *self,
                                                             ChronoEvent       *event);

G_END_DECLS
