/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT_EDITOR (chrono_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEventEditor, chrono_event_editor, CHRONO, EVENT_EDITOR, GtkWidget)

/* The event pane's edit mode: a form for an event's title, start and end, category,
 * importance, summary, notes and sources. It changes nothing by itself: "done" (the
 * Done button, or Enter in the title) asks its owner to take the edit it builds, and
 * "cancelled" to leave it. */
GtkWidget   *chrono_event_editor_new        (void);
void         chrono_event_editor_edit       (ChronoEventEditor *self,
                                             ChronoTimeline    *timeline,
                                             ChronoEvent       *event);
ChronoEvent *chrono_event_editor_get_event  (ChronoEventEditor *self);
/* The edit that makes the event what the form says, as one step; NULL when nothing
 * changed, or when something is wrong: then *@valid is FALSE and the form shows what
 * and why, beside the field. */
ChronoEdit  *chrono_event_editor_build_edit (ChronoEventEditor *self,
                                             gboolean          *valid);
void         chrono_event_editor_focus_title (ChronoEventEditor *self);
gboolean     chrono_event_editor_get_scrolls (ChronoEventEditor *self);
void         chrono_event_editor_set_scrolls (ChronoEventEditor *self,
                                              gboolean           scrolls);

/* The text as the file keeps it: runs of white space made one space, none at the ends. */
char        *chrono_normalize_space         (const char        *text);
/* The same for a text of paragraphs, whose line breaks are kept. */
char        *chrono_normalize_lines         (const char        *text);
char        *chrono_entry_dup_normalized_text (GtkEntry        *entry);

G_END_DECLS
