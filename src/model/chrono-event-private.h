/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-event.h"

G_BEGIN_DECLS

/* For the timeline, which keeps its events sorted by their span and its quotes in event
 * order: everything else changes an event's span and quotes through the timeline. */
void  _chrono_event_set_span     (ChronoEvent      *self,
                                  const ChronoDate *start,
                                  const ChronoDate *end);
void  _chrono_event_insert_quote (ChronoEvent      *self,
                                  guint             index,
                                  ChronoQuote      *quote);
/* Returns the index @quote had. */
guint _chrono_event_remove_quote (ChronoEvent      *self,
                                  ChronoQuote      *quote);

G_END_DECLS
