/* chrono-timelinejs-reader.c — the JSON of Knight Lab's TimelineJS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chrono-input-limits.h"
#include "chrono-json-check.h"
#include "chrono-json-spans.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-timelinejs-private.h"
#include "chrono-timelinejs-reader.h"
#include "chrono-timelinejs-reader-private.h"

static gboolean read_whole;
static guint n_read_by_event;

void
_chrono_timelinejs_reader_read_whole (gboolean whole)
{
  read_whole = whole;
}

guint
_chrono_timelinejs_reader_n_read_by_event (void)
{
  return g_atomic_int_get (&n_read_by_event);
}

/* Not an immutable parser: json-glib 1.10 gathers values after the first into an array
 * with it, which it does not seal, and then aborts on its own check that an immutable
 * parser's root is sealed. */
static JsonParser *
new_parser (void)
{
  return json_parser_new ();
}

/* Where the events lie in the document, each an object. */
typedef struct
{
  const char *data;
  gsize length;
  GArray *spans;
} EventSpans;

/* Each event read by itself, one parser for them all. A span is one object to the spans'
 * strict JSON, and may be more to json-glib's (after a text in single quotes holding a
 * “"”, say): then the whole read tells the mistake. */
static gboolean
read_event_spans (JsReader                *r,
                  const EventSpans        *events,
                  ChronoLoadProgressFunc   progress,
                  gpointer                 progress_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(JsonParser) parser = new_parser ();

  for (guint i = 0; i < events->spans->len; i++)
    {
      const ChronoJsonSpan *span = &g_array_index (events->spans, ChronoJsonSpan, i);
      g_autofree char *path = NULL;
      JsonNode *root;

      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) span->begin / events->length, progress_data);
        }

      if (!json_parser_load_from_data (parser, events->data + span->begin, span->end - span->begin, error))
        return FALSE;
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "not one object");
          return FALSE;
        }
      path = g_strdup_printf ("$.events[%u]", i);
      if (!_chrono_timelinejs_read_event (r, json_node_get_object (root), i, path, error))
        return FALSE;
    }

  return TRUE;
}

static void
remember_error_line (JsonParser *parser,
                     gpointer    error,
                     guint      *line)
{
  *line = json_parser_get_current_line (parser);
}

/* @data, or with @events the rest of the document once they are taken out. */
static ChronoTimeline *
read_document (const char              *display_name,
               const char              *data,
               gsize                    length,
               const EventSpans        *events,
               ChronoLoadProgressFunc   progress,
               gpointer                 progress_data,
               GCancellable            *cancellable,
               GError                 **error)
{
  g_autoptr(JsonParser) parser = new_parser ();
  guint error_line = 0;
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  JsReader r = { 0 };
  JsonNode *root;
  JsonObject *root_object;
  ChronoTimeline *result = NULL;

  r.display_name = display_name;
  g_signal_connect (parser, "error", G_CALLBACK (remember_error_line), &error_line);
  if (!json_parser_load_from_data (parser, data, length, NULL))
    {
      chrono_json_set_syntax_error (error, display_name, data, length, error_line);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* json-glib reads nothing from a document that is all comment, and 1.10 reads a
       * second one after the first into an array with it: the mistake is told. */
      if (!chrono_json_set_mistake_error (error, display_name, data, length, FALSE))
        g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                     _("%s: not a TimelineJS timeline: the JSON is not an object"), display_name);
      return NULL;
    }
  root_object = json_node_get_object (root);

  if (!json_object_has_member (root_object, "events"))
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a TimelineJS timeline: it has no “events”"), display_name);
      return NULL;
    }

  r.timeline = chrono_timeline_new ();
  r.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (_chrono_timelinejs_read_title (&r, root_object, &headline, &text, error) &&
      _chrono_timelinejs_read_slides (&r, root_object, "group_colors", error) &&
      _chrono_timelinejs_read_slides (&r, root_object, "eras", error) &&
      (events != NULL
       ? read_event_spans (&r, events, progress, progress_data, cancellable, error)
       : _chrono_timelinejs_read_slides (&r, root_object, "events", error)))
    {
      /* Untitled, the timeline is called after its file, as it was before it was exported. */
      chrono_timeline_set_title (r.timeline, headline);
      chrono_timeline_set_description (r.timeline, text);
      chrono_timeline_seal (r.timeline);
      result = g_steal_pointer (&r.timeline);
    }

  g_clear_object (&r.timeline);
  g_clear_pointer (&r.event_ids, g_hash_table_unref);

  return result;
}

ChronoTimeline *
_chrono_read_timelinejs (GBytes                  *bytes,
                         const char              *display_name,
                         ChronoLoadProgressFunc   progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ChronoJsonSpan));
  ChronoJsonSpan array;
  const char *data;
  gsize length, bom, content;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (!chrono_input_check_size (length, display_name, error) ||
      !chrono_input_check_utf8 (data, length, display_name, error) ||
      !chrono_input_find_content (data, length, display_name, &content, error) ||
      !chrono_input_check_json_nesting (data, length, content, display_name, error))
    return NULL;

  bom = chrono_input_skip_bom (data, length);
  data += bom;
  length -= bom;

  /* The events one at a time, and the rest of the document around an empty array. Any
   * other mistake, and the document is read again as a whole, for the first one to be
   * the one told. */
  if (!read_whole && chrono_json_find_member_array (data, length, "events", &array, spans))
    {
      EventSpans events = { data, length, spans };
      g_autoptr(GString) rest = g_string_new_len (data, array.begin + 1);
      g_autoptr(GError) local_error = NULL;
      ChronoTimeline *timeline;

      g_string_append_len (rest, data + array.end - 1, length - array.end + 1);
      timeline = read_document (display_name, rest->str, rest->len, &events, progress, progress_data,
                                cancellable, &local_error);
      if (timeline != NULL)
        {
          g_atomic_int_inc (&n_read_by_event);
          return timeline;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* json-glib refused an event. When the first mistake in the document is one it
       * refuses too, it would refuse the whole document there, and the check's message
       * for it is the one told: it needs no tree of the whole document. Before any
       * other mistake, json-glib may read on, or read a text wrongly (1.6 does with
       * half a surrogate pair), and only the whole read says what it makes of it. */
      if (local_error->domain == JSON_PARSER_ERROR && chrono_json_set_mistake_error (error, display_name, data, length, TRUE))
        {
          g_atomic_int_inc (&n_read_by_event);
          return NULL;
        }
      g_debug ("%s: read again as a whole: %s", display_name, local_error->message);
    }

  return read_document (display_name, data, length, NULL, progress, progress_data, cancellable, error);
}

ChronoTimeline *
chrono_timeline_read_timelinejs_bytes (GBytes        *bytes,
                                       const char    *display_name,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  return _chrono_read_timelinejs (bytes, display_name, NULL, NULL, cancellable, error);
}
