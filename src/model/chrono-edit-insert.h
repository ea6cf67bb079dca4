/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EDIT_INSERT (chrono_edit_insert_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEditInsert, chrono_edit_insert, CHRONO, EDIT_INSERT, ChronoEdit)

/* Adds an item to the timeline, or takes it out: an event (where it sorts; @position
 * is ignored), a quote (into @event's quotes at @position), a category, an era or a
 * source (at @position in its list; G_MAXUINT for the end). */
ChronoEditInsert *chrono_edit_insert_new (gpointer     item,
                                          ChronoEvent *event,
                                          guint        position);
ChronoEditInsert *chrono_edit_remove_new (gpointer     item);

/* Deletes @item with what refers to it: a category also leaves the events it colours
 * without a category, a source leaves the events and quotes that cite it. One step. */
ChronoEdit       *chrono_edit_delete_new     (ChronoTimeline *timeline,
                                              gpointer        item);
/* Moves a quote to @index among its event's quotes. */
ChronoEdit       *chrono_edit_move_quote_new (ChronoQuote    *quote,
                                              guint           index);

G_END_DECLS
