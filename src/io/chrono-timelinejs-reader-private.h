/* chrono-timelinejs-reader-private.h — what the TimelineJS reader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* A document being read: its errors name @display_name and the JSON path of the place. */
typedef struct
{
  const char *display_name;
  ChronoTimeline *timeline;
  GHashTable *event_ids;
} JsReader;

/* The root's "title" slide, as plain text; either part may come back NULL. */
gboolean _chrono_timelinejs_read_title  (JsReader    *r,
                                         JsonObject  *root,
                                         char       **out_headline,
                                         char       **out_text,
                                         GError     **error);
/* The root's array @name ("events", "eras" or "group_colors"), each element an object. */
gboolean _chrono_timelinejs_read_slides (JsReader    *r,
                                         JsonObject  *root,
                                         const char  *name,
                                         GError     **error);
/* The event at @index of "events", whose place in the document is @path. */
gboolean _chrono_timelinejs_read_event  (JsReader    *r,
                                         JsonObject  *object,
                                         guint        index,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
