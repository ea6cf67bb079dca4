/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "chrono-session.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT_LIST (chrono_event_list_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEventList, chrono_event_list, CHRONO, EVENT_LIST, GtkWidget)

/* The sidebar: the search, how many events it lets through, the category filter and
 * the list of the session's filtered events, which shares the session's selection.
 * "event-chosen" says the user picked an event in the list (a click or Enter). */
ChronoSession *chrono_event_list_get_session     (ChronoEventList *self);
void           chrono_event_list_set_session     (ChronoEventList *self,
                                                  ChronoSession   *session);
gboolean       chrono_event_list_get_search_mode (ChronoEventList *self);
void           chrono_event_list_set_search_mode (ChronoEventList *self,
                                                  gboolean         search_mode);
/* Opens the search and puts the keyboard in it. */
void           chrono_event_list_start_search    (ChronoEventList *self);
/* Empties the search box, so that every event matches the search again. */
void           chrono_event_list_clear_search    (ChronoEventList *self);

G_END_DECLS
