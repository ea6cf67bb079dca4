/* chrono-native-reader-private.h — shared by the native reader's parser and its elements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chrono-input-limits.h"
#include "chrono-timeline-reader.h"

G_BEGIN_DECLS

#define NATIVE_NAMESPACE "https://chronoscope.github.io/ns/timeline/1"
#define NATIVE_VERSION 2

typedef enum
{
  ELEMENT_DOCUMENT,
  ELEMENT_TIMELINE,
  ELEMENT_TIMELINE_TITLE,
  ELEMENT_DESCRIPTION,
  ELEMENT_CATEGORIES,
  ELEMENT_CATEGORY,
  ELEMENT_ERAS,
  ELEMENT_ERA,
  ELEMENT_SOURCES,
  ELEMENT_SOURCE,
  ELEMENT_EVENTS,
  ELEMENT_EVENT,
  ELEMENT_EVENT_TITLE,
  ELEMENT_SUMMARY,
  ELEMENT_NOTE,
  ELEMENT_QUOTE,
  ELEMENT_ORIGINAL,
  ELEMENT_TRANSLATION,
  ELEMENT_CONTEXT,
  ELEMENT_FORECAST,
  ELEMENT_MEDIA,
  N_ELEMENTS
} ElementKind;

#define ELEMENT_BIT(kind) (1u << (kind))

typedef struct
{
  ElementKind kind;
  gsize offset;             /* of its “<” */
  guint32 children_seen;    /* ELEMENT_BIT of each kind of child started so far */
  guint self_closing : 1;
} Frame;

/* A start tag, as the element's start handler sees it. */
typedef struct
{
  ElementKind kind;
  gsize offset;
  const char *qualified_name;
  const char *name;         /* without our namespace prefix */
  const char **names;
  const char **values;
} Tag;

/* Events a reader makes for its helper while the helper reads (chrono-native-scanner.c):
 * the helper takes them in order, as the reader publishes them. */
typedef struct
{
  ChronoEvent **events;
  guint n_events;
  gint n_made;              /* atomic, raised by the reader */
  gint all_made;            /* atomic: the reader makes no more */
  guint n_taken;            /* by the helper */
} BlankEvents;

typedef struct
{
  const char *data;
  gsize length;
  const char *display_name;
  GCancellable *cancellable;
  GMarkupParseContext *context;

  /* Byte offset just past the last tag matched to a parser callback. GMarkup reports
   * positions after the fact and in bytes, so the reader finds each tag itself. */
  gsize cursor;
  GArray *stack;
  GString *text;
  gboolean texts_valid;     /* every text is part of the validated file or an entity */
  char *prefix;             /* namespace prefix bound to ours on the root, if any */

  ChronoTimeline *timeline;
  char *domain;
  guint version;            /* the file's format version */
  guint section;            /* of the last child of <timeline> begun, from 1 */
  guint n_elements;
  GHashTable *event_ids;    /* NULL: repeated ids are left to the seal */

  /* Set for a helper thread's reader of the second half of <events>
   * (chrono-native-scanner.c), which keeps its events here, and stops at the end tag
   * of <events> or when told to. */
  GPtrArray *fragment_events;
  gsize fragment_end;       /* the offset of “</events>” */
  const gint *stop;
  BlankEvents *blank_events;

  /* The element being read. */
  ChronoEvent *event;
  ChronoQuote *quote;
  char *attr_id;
  char *attr_color;
  char *attr_dark_color;
  char *attr_author;
  char *attr_publisher;
  char *attr_url;
  char *attr_lang;
  ChronoDate attr_start;
  ChronoDate attr_end;
  gboolean attr_has_date;
} Reader;

/* GMarkup is given the file in pieces of this size, and progress is reported as often. */
#define CHRONO_NATIVE_CHUNK_SIZE (1024 * 1024)

/* An error at a byte offset of the file, as “NAME:LINE:COLUMN: sentence”. */
#define set_error_at(r, offset, error, code, ...) \
  chrono_input_set_error_at ((error), (code), (r)->display_name, (r)->data, (r)->length, (offset), __VA_ARGS__)

typedef struct
{
  const char *name;
  ElementKind parent;
  gboolean holds_text;      /* and nothing else */
  gboolean once;            /* at most one in its parent */
  gboolean (*start) (Reader *r, const Tag *tag, GError **error);
  gboolean (*end) (Reader *r, const Frame *frame, const char *text, GError **error);
} Element;

/* The native format, element by element: where each may appear and what reads it. */
extern const Element chrono_native_elements[N_ELEMENTS];

void chrono_native_clear_attributes (Reader *r);
void chrono_native_reader_clear     (Reader *r);
Frame *chrono_native_current_frame  (Reader *r);

/* The reader's handlers of what the file holds, fed by GMarkup or by the fast scanner. */
void chrono_native_start_element (GMarkupParseContext  *context,
                                  const char           *qualified_name,
                                  const char          **names,
                                  const char          **values,
                                  gpointer              user_data,
                                  GError              **error);
void chrono_native_end_element   (GMarkupParseContext  *context,
                                  const char           *qualified_name,
                                  gpointer              user_data,
                                  GError              **error);
void chrono_native_text          (GMarkupParseContext  *context,
                                  const char           *text,
                                  gsize                 text_len,
                                  gpointer              user_data,
                                  GError              **error);

/* The fast path (chrono-native-scanner.c): FALSE where GMarkup must read the file again. */
gboolean chrono_native_scan_fast (Reader                 *r,
                                  gsize                   start,
                                  ChronoLoadProgressFunc  progress,
                                  gpointer                progress_data);
ChronoEvent *chrono_native_take_blank_event (BlankEvents *blanks);
void         chrono_native_blank_events_free (BlankEvents *blanks);

/* Format 2: when words were said, forecasts, who says so (chrono-native-provenance.c). */
gboolean chrono_native_read_event_provenance (Reader      *r,
                                              const Tag   *tag,
                                              const char  *provenance,
                                              const char  *date_provenance,
                                              const char  *date_source,
                                              GError     **error);
gboolean chrono_native_read_quote_provenance (Reader      *r,
                                              const Tag   *tag,
                                              const char  *said,
                                              const char  *provenance,
                                              GError     **error);
gboolean chrono_native_start_forecast        (Reader      *r,
                                              const Tag   *tag,
                                              GError     **error);
/* Format 2 too: an event's display date and its media (from TimelineJS). */
gboolean chrono_native_read_display_date     (Reader      *r,
                                              const Tag   *tag,
                                              const char  *display_date,
                                              GError     **error);
gboolean chrono_native_start_media           (Reader      *r,
                                              const Tag   *tag,
                                              GError     **error);

G_END_DECLS
