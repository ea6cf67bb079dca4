/* chrono-thetimelineproj-private.h — what the .timeline reader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* The leaf elements read from a <category>, <era> or <event>; all are optional to the
 * parser, and each object's end checks what it needs. */
typedef enum
{
  FIELD_NAME,
  FIELD_COLOR,
  FIELD_START,
  FIELD_END,
  FIELD_TEXT,
  FIELD_DESCRIPTION,
  FIELD_CATEGORY,
  FIELD_FUZZY,
  FIELD_ENDS_TODAY,
  FIELD_PROGRESS,
  FIELD_LABELS,
  FIELD_HYPERLINK,
  FIELD_ICON,
  FIELD_MILESTONE,
  FIELD_VERSION,
  FIELD_TIMETYPE,
  N_FIELDS
} FieldId;

static const char * const field_names[N_FIELDS] G_GNUC_UNUSED = {
  "name", "color", "start", "end", "text", "description", "category", "fuzzy",
  "ends_today", "progress", "labels", "hyperlink", "icon", "milestone", "version",
  "timetype",
};

typedef enum
{
  OBJECT_NONE,
  OBJECT_CATEGORY,
  OBJECT_ERA,
  OBJECT_EVENT,
} ObjectKind;

typedef struct
{
  GString *text;
  gsize offset;         /* of the element's “<” */
  gboolean present;
} Field;

typedef struct
{
  const char *display_name;
  const char *data;
  gsize length;
  GMarkupParseContext *context;
  ChronoTimeline *timeline;

  guint depth;                  /* of the element being read; the root is 1 */
  gboolean seen_root;
  gboolean seen_version;
  gboolean numtime;
  ObjectKind kind;
  gsize object_offset;
  int collecting;               /* a FieldId, or -1 */
  gboolean in_event_categories; /* inside an event's <categories> */
  Field fields[N_FIELDS];
  char *first_extra_category;   /* the first of an event's <categories> */
  gsize extra_offset;
  gboolean text_has_mark;
  int cache_line;
  gsize cache_offset;

  GHashTable *categories;       /* name → ChronoCategory, borrowed from the timeline */
  GHashTable *containers;       /* container id (string) → name */
  guint n_events;
  guint n_links;
  ChronoDate today;
} Reader;

G_GNUC_PRINTF (5, 6)
void     _chrono_thetimelineproj_set_error_at (Reader      *r,
                                               gsize        offset,
                                               GError     **error,
                                               int          code,
                                               const char  *format,
                                               ...);

#define set_field_error(r, id, error, ...) \
  _chrono_thetimelineproj_set_error_at ((r), (r)->fields[id].offset, (error), \
                                        CHRONO_READER_ERROR_INVALID, __VA_ARGS__)
#define set_object_error(r, error, ...) \
  _chrono_thetimelineproj_set_error_at ((r), (r)->object_offset, (error), \
                                        CHRONO_READER_ERROR_INVALID, __VA_ARGS__)

/* chrono-thetimelineproj-objects.c: a <category>, <era> or <event> once read. */
void     _chrono_thetimelineproj_collapse_fields (Reader  *r);
gboolean _chrono_thetimelineproj_end_category    (Reader  *r,
                                                  GError **error);
gboolean _chrono_thetimelineproj_end_era         (Reader  *r,
                                                  GError **error);
gboolean _chrono_thetimelineproj_end_event       (Reader  *r,
                                                  GError **error);

G_END_DECLS
