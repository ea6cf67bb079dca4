/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-event.h"

G_BEGIN_DECLS

/* What the seal reads of each of a million events, in one call. */
typedef struct
{
  ChronoTime  start;
  ChronoTime  end;
  const char *id;
  guint       importance;
  gboolean    has_quotes;
  gboolean    is_forecast;
} ChronoEventSortFields;

void  _chrono_event_get_sort_fields (ChronoEvent           *self,
                                     ChronoEventSortFields *fields);

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

/* For an event made blank on one thread, with g_object_new(), and given its id and start
 * on another by a reader: on GLib before 2.76 a thread that makes objects waits for every
 * other one that does. */
void  _chrono_event_set_identity (ChronoEvent      *self,
                                  const char       *id,
                                  const ChronoDate *start);

G_END_DECLS
