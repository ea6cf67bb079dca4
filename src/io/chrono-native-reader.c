/* chrono-native-reader.c — the native XML format, read with a streaming parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-native-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-native-reader.h"
#include "chrono-native-reader-private.h"
#include "chrono-timeline-reader-private.h"

void
chrono_native_reader_clear (Reader *r)
{
  chrono_native_clear_attributes (r);
  g_clear_pointer (&r->context, g_markup_parse_context_free);
  g_clear_pointer (&r->stack, g_array_unref);
  if (r->text != NULL)
    g_string_free (g_steal_pointer (&r->text), TRUE);
  g_clear_pointer (&r->prefix, g_free);
  g_clear_object (&r->timeline);
  g_clear_pointer (&r->domain, g_free);
  g_clear_pointer (&r->event_ids, g_hash_table_unref);
  g_clear_pointer (&r->fragment_events, g_ptr_array_unref);
  g_clear_pointer (&r->blank_events, chrono_native_blank_events_free);
  g_clear_object (&r->event);
  g_clear_object (&r->quote);
}

static gsize
skip_past (Reader     *r,
           gsize       from,
           const char *terminator)
{
  gsize n = strlen (terminator);

  for (gsize i = from; i + n <= r->length; i++)
    {
      if (memcmp (r->data + i, terminator, n) == 0)
        return i + n;
    }

  return r->length;
}

/* The offset of the next start or end tag at or after the cursor. */
static gsize
find_next_tag (Reader *r)
{
  gsize i = r->cursor;

  while (i < r->length)
    {
      const char *p = memchr (r->data + i, '<', r->length - i);
      gsize rest;

      if (p == NULL)
        return r->length;

      i = p - r->data;
      rest = r->length - i;

      if (rest >= 4 && memcmp (p, "<!--", 4) == 0)
        i = skip_past (r, i + 4, "-->");
      else if (rest >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        i = skip_past (r, i + 9, "]]>");
      else if (rest >= 2 && p[1] == '?')
        i = skip_past (r, i + 2, "?>");
      else if (rest >= 2 && p[1] == '!')
        i = skip_past (r, i + 2, ">");
      else
        return i;
    }

  return r->length;
}

/* Moves the cursor past the tag at @offset; returns whether it ends in “/>”. */
static gboolean
skip_tag (Reader *r,
          gsize   offset)
{
  char quote = 0;

  for (gsize i = offset + 1; i < r->length; i++)
    {
      char c = r->data[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        {
          r->cursor = i + 1;
          return r->data[i - 1] == '/';
        }
    }

  r->cursor = r->length;
  return FALSE;
}

/* Collapses runs of white space to one space and trims, in place: a million events
 * mean millions of texts, and this way none of them is copied on the way. */
static void
normalize_whitespace (GString *text)
{
  gsize out = 0;
  gboolean pending_space = FALSE;

  for (gsize in = 0; in < text->len; in++)
    {
      char c = text->str[in];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          pending_space = out > 0;
          continue;
        }
      if (pending_space)
        text->str[out++] = ' ';
      pending_space = FALSE;
      text->str[out++] = c;
    }

  g_string_truncate (text, out);
}

/* Multi-line texts keep the line breaks written as character references (“&#10;”, as
 * the writer writes them); the file's own line breaks and indents are only how it is
 * laid out, and collapse as in any other text. */
static gboolean
keeps_line_breaks (ElementKind kind)
{
  return kind == ELEMENT_DESCRIPTION || kind == ELEMENT_SUMMARY ||
         kind == ELEMENT_ORIGINAL || kind == ELEMENT_TRANSLATION;
}

static gboolean
starts_with (const char *p,
             const char *end,
             const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - p) >= length && memcmp (p, prefix, length) == 0;
}

/* Walks the decoded @text along @raw, the element's content as written, to tell the
 * line breaks written as references from the others; with @apply, collapses white space
 * as normalize_whitespace() does but keeps those line breaks, in place. FALSE, having
 * changed nothing, when the two do not match. */
static gboolean
collapse_keeping_breaks (GString    *text,
                         const char *raw,
                         const char *raw_end,
                         gboolean    apply)
{
  gsize in = 0, out = 0;
  gboolean in_cdata = FALSE;
  gboolean pending_space = FALSE;

  while (in < text->len)
    {
      char c = text->str[in];
      gsize length = 1;
      gboolean referenced = FALSE;

      if (raw >= raw_end)
        return FALSE;

      if (in_cdata ? starts_with (raw, raw_end, "]]>") : starts_with (raw, raw_end, "<![CDATA["))
        {
          raw += in_cdata ? 3 : 9;
          in_cdata = !in_cdata;
          continue;
        }
      if (!in_cdata && (starts_with (raw, raw_end, "<!--") || starts_with (raw, raw_end, "<?")))
        {
          const char *close = raw[1] == '?' ? g_strstr_len (raw, raw_end - raw, "?>")
                                            : g_strstr_len (raw + 4, raw_end - raw - 4, "-->");

          if (close == NULL)
            return FALSE;
          raw = close + (raw[1] == '?' ? 2 : 3);
          continue;
        }

      if (!in_cdata && *raw == '&')
        {
          const char *semicolon = memchr (raw, ';', raw_end - raw);

          if (semicolon == NULL)
            return FALSE;
          raw = semicolon + 1;
          referenced = TRUE;
          length = g_utf8_skip[(guchar) c];
          if (in + length > text->len)
            return FALSE;
        }
      else if (*raw++ != c)
        return FALSE;

      if (referenced && c == '\n')
        {
          if (apply && out > 0)
            text->str[out++] = '\n';
          pending_space = FALSE;
        }
      else if (length == 1 && (c == ' ' || c == '\t' || c == '\n' || c == '\r'))
        pending_space = TRUE;
      else if (apply)
        {
          if (pending_space && out > 0 && text->str[out - 1] != '\n')
            text->str[out++] = ' ';
          pending_space = FALSE;
          memmove (text->str + out, text->str + in, length);
          out += length;
        }
      in += length;
    }

  if (apply)
    {
      while (out > 0 && text->str[out - 1] == '\n')
        out--;
      g_string_truncate (text, out);
    }

  return TRUE;
}

static void
normalize_text (GString     *text,
                ElementKind  kind,
                const char  *raw,
                const char  *raw_end)
{
  if (keeps_line_breaks (kind) && g_strstr_len (raw, raw_end - raw, "&#") != NULL &&
      collapse_keeping_breaks (text, raw, raw_end, FALSE))
    collapse_keeping_breaks (text, raw, raw_end, TRUE);
  else
    normalize_whitespace (text);
}

static const char *
local_name (Reader     *r,
            const char *name)
{
  const char *colon = strchr (name, ':');

  if (colon == NULL)
    return name;

  if (r->prefix != NULL && strncmp (name, r->prefix, colon - name) == 0 &&
      r->prefix[colon - name] == '\0')
    return colon + 1;

  /* A name in another namespace: never one of ours, reported as unknown. */
  return name;
}

/* The fast scanner's texts are pieces of a file already checked to be UTF-8, or one of
 * the five entities, so only their length is left to check. */
static char *
check_text (Reader     *r,
            const char *text,
            gsize       length)
{
  if (r->texts_valid && length <= CHRONO_INPUT_MAX_STRING_LENGTH)
    return NULL;

  return chrono_input_check_text (text, length);
}

Frame *
chrono_native_current_frame (Reader *r)
{
  return &g_array_index (r->stack, Frame, r->stack->len - 1);
}

static ElementKind
find_child (ElementKind  parent,
            const char  *name)
{
  for (ElementKind kind = ELEMENT_TIMELINE; kind < N_ELEMENTS; kind++)
    {
      if (chrono_native_elements[kind].parent == parent && strcmp (chrono_native_elements[kind].name, name) == 0)
        return kind;
    }

  return ELEMENT_DOCUMENT;
}

void
chrono_native_start_element (GMarkupParseContext  *context,
                             const char           *qualified_name,
                             const char          **names,
                             const char          **values,
                             gpointer              user_data,
                             GError              **error)
{
  Reader *r = user_data;
  Frame *parent = chrono_native_current_frame (r);
  Frame frame = { 0 };
  Tag tag = { 0 };

  frame.offset = find_next_tag (r);
  frame.self_closing = skip_tag (r, frame.offset);

  if ((++r->n_elements & 0x3FF) == 0 && g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return;

  if (parent->kind == ELEMENT_DOCUMENT)
    {
      const char *colon = strchr (qualified_name, ':');

      if (r->timeline != NULL)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_SYNTAX,
                        _("the file goes on after the end of <timeline>"));
          return;
        }
      /* The root binds the prefix, so any prefix will do here; start_timeline checks it. */
      tag.name = colon != NULL ? colon + 1 : qualified_name;
    }
  else
    tag.name = local_name (r, qualified_name);

  frame.kind = find_child (parent->kind, tag.name);
  if (frame.kind == ELEMENT_DOCUMENT)
    {
      if (parent->kind == ELEMENT_DOCUMENT)
        set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                      _("not a Chronoscope timeline: the root element is <%s>, not <timeline>"),
                      qualified_name);
      else
        set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                      _("unknown element <%s> inside <%s>"), qualified_name, chrono_native_elements[parent->kind].name);
      return;
    }

  if (chrono_native_elements[frame.kind].once && (parent->children_seen & ELEMENT_BIT (frame.kind)) != 0)
    {
      if (parent->kind == ELEMENT_QUOTE)
        set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                      _("<%s> may appear only once in a <quote>"), tag.name);
      else
        set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                      _("<%s> may appear only once in an <event>"), tag.name);
      return;
    }

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *problem = check_text (r, values[i], strlen (values[i]));

      if (problem != NULL)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                        _("the attribute “%s”: %s"), names[i], problem);
          return;
        }
    }

  tag.kind = frame.kind;
  tag.offset = frame.offset;
  tag.qualified_name = qualified_name;
  tag.names = names;
  tag.values = values;
  if (!chrono_native_elements[frame.kind].start (r, &tag, error))
    return;

  parent->children_seen |= ELEMENT_BIT (frame.kind);
  g_string_truncate (r->text, 0);
  g_array_append_val (r->stack, frame);
}

void
chrono_native_end_element (GMarkupParseContext  *context,
                           const char           *qualified_name,
                           gpointer              user_data,
                           GError              **error)
{
  Reader *r = user_data;
  Frame frame = *chrono_native_current_frame (r);
  const Element *element = &chrono_native_elements[frame.kind];
  gsize content_start = r->cursor;
  gsize content_end = content_start;

  if (!frame.self_closing)
    {
      content_end = find_next_tag (r);
      skip_tag (r, content_end);
    }

  g_array_set_size (r->stack, r->stack->len - 1);

  if (element->holds_text)
    {
      g_autofree char *problem = NULL;

      normalize_text (r->text, frame.kind, r->data + content_start, r->data + content_end);
      problem = check_text (r, r->text->str, r->text->len);
      if (problem != NULL)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID, "%s", problem);
          return;
        }
    }
  if (element->end != NULL)
    element->end (r, &frame, element->holds_text ? r->text->str : NULL, error);
}

void
chrono_native_text (GMarkupParseContext  *context,
                    const char           *text,
                    gsize                 text_len,
                    gpointer              user_data,
                    GError              **error)
{
  Reader *r = user_data;
  Frame *frame = chrono_native_current_frame (r);

  if (chrono_native_elements[frame->kind].holds_text)
    {
      g_string_append_len (r->text, text, text_len);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    {
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
        {
          gsize offset = r->cursor;

          /* Point at the first visible character of the stray text. */
          while (offset < r->length && g_ascii_isspace (r->data[offset]))
            offset++;

          if (frame->kind == ELEMENT_DOCUMENT)
            set_error_at (r, offset, error, CHRONO_READER_ERROR_SYNTAX,
                          _("text is not allowed outside <timeline>"));
          else
            set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                          _("text is not allowed inside <%s>"), chrono_native_elements[frame->kind].name);
          return;
        }
    }
}

static const GMarkupParser parser = {
  chrono_native_start_element,
  chrono_native_end_element,
  chrono_native_text,
  NULL,
  NULL,
};

/* GMarkup's own messages begin with “Error on line N char M: ”, in bytes; the
 * position is given again here in characters, in the reader's form. */
static void
set_markup_error (Reader  *r,
                  GError  *markup_error,
                  GError **error)
{
  const char *sentence = markup_error->message;
  g_autofree char *valid = NULL;
  const char *marker;
  int line, byte_column;
  gsize offset = 0;
  int current_line = 1;

  if (g_str_has_prefix (sentence, "Error on line ") && (marker = strstr (sentence, ": ")) != NULL)
    sentence = marker + 2;

  g_markup_parse_context_get_position (r->context, &line, &byte_column);
  while (current_line < line && offset < r->length)
    {
      const char *newline = memchr (r->data + offset, '\n', r->length - offset);

      if (newline == NULL)
        break;
      offset = newline - r->data + 1;
      current_line++;
    }
  offset = MIN (offset + MAX (byte_column, 1) - 1, r->length);

  /* GMarkup quotes a bad name's first byte alone, which may be part of a character. */
  valid = g_utf8_make_valid (sentence, -1);
  set_error_at (r, offset, error, CHRONO_READER_ERROR_SYNTAX, "%s", valid);
}

static void
reader_begin (Reader   *r,
              gsize     start,
              gboolean  check_ids)
{
  Frame document = { ELEMENT_DOCUMENT, 0, 0, FALSE };

  r->cursor = start;
  r->texts_valid = FALSE;
  r->version = 0;
  r->section = 0;
  r->n_elements = 0;
  r->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_append_val (r->stack, document);
  r->text = g_string_new (NULL);
  r->event_ids = check_ids ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;
}

/* The fast scanner leaves events that repeat an id to the seal's sort, which finds
 * them for nothing where a set of a million ids took a tenth of the load. GMarkup reads
 * what the scanner does not (a mistake, or what it does not know), and a file in which
 * the seal found an id repeated (@repeats_an_id); it checks every id, so that the
 * mistake it reports is the first in the file. */
static ChronoTimeline *
read_native (GBytes                  *bytes,
             const char              *display_name,
             ChronoLoadProgressFunc   progress,
             gpointer                 progress_data,
             GCancellable            *cancellable,
             gboolean                 repeats_an_id,
             GError                 **error)
{
  Reader r = { 0 };
  g_autoptr(GError) local_error = NULL;
  ChronoTimeline *timeline = NULL;
  gsize start;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.data = g_bytes_get_data (bytes, &r.length);
  r.display_name = display_name;
  r.cancellable = cancellable;

  if (!chrono_input_check_size (r.length, display_name, error) ||
      !chrono_input_check_utf8 (r.data, r.length, display_name, error) ||
      !chrono_input_find_content (r.data, r.length, display_name, &start, error))
    return NULL;

  if (r.data[start] != '<')
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a Chronoscope timeline: the file is not XML"), display_name);
      return NULL;
    }

  /* A byte order mark is allowed, but GMarkup does not expect one. */
  start = chrono_input_skip_bom (r.data, r.length);

  reader_begin (&r, start, FALSE);
  /* A scan stopped by a cancellation is not read again. */
  if ((repeats_an_id || !chrono_native_scan_fast (&r, start, progress, progress_data)) &&
      !g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    {
      g_debug ("%s: read again by GMarkup", display_name);
      chrono_native_reader_clear (&r);
      reader_begin (&r, start, TRUE);
      r.context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &r, NULL);

      for (gsize offset = start; offset < r.length; offset += CHRONO_NATIVE_CHUNK_SIZE)
        {
          gsize chunk = MIN (CHRONO_NATIVE_CHUNK_SIZE, r.length - offset);

          if (progress != NULL)
            progress ((double) offset / r.length, progress_data);

          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
              !g_markup_parse_context_parse (r.context, r.data + offset, chunk, &local_error))
            break;
        }

      if (local_error == NULL)
        g_markup_parse_context_end_parse (r.context, &local_error);
    }

  if (local_error != NULL)
    {
      if (local_error->domain == G_MARKUP_ERROR)
        set_markup_error (&r, local_error, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else if (r.timeline == NULL)
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a Chronoscope timeline: the file has no <timeline> element"), display_name);
    }
  else
    {
      /* The id set borrows strings from events that the timeline owns. */
      g_clear_pointer (&r.event_ids, g_hash_table_unref);
      timeline = g_steal_pointer (&r.timeline);
    }

  chrono_native_reader_clear (&r);

  return timeline;
}

ChronoTimeline *
_chrono_read_native (GBytes                  *bytes,
                     const char              *display_name,
                     ChronoLoadProgressFunc   progress,
                     gpointer                 progress_data,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  return read_native (bytes, display_name, progress, progress_data, cancellable, FALSE, error);
}

void
_chrono_native_report_repeated_id (GBytes                 *bytes,
                                   const char             *display_name,
                                   const char             *id,
                                   ChronoLoadProgressFunc  progress,
                                   gpointer                progress_data,
                                   GCancellable           *cancellable,
                                   GError                **error)
{
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autofree char *message = NULL;

  if (bytes != NULL)
    {
      timeline = read_native (bytes, display_name, progress, progress_data, cancellable, TRUE, error);
      if (timeline == NULL)
        return;
    }

  /* The bytes could not be read again, or changed in between. */
  message = g_strdup_printf (_("the id “%s” is already used by another <%s>"), id, "event");
  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID, "%s: %s", display_name, message);
}

ChronoTimeline *
chrono_timeline_read_native_bytes (GBytes        *bytes,
                                   const char    *display_name,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  ChronoTimeline *timeline = _chrono_read_native (bytes, display_name, NULL, NULL, cancellable, error);
  const char *repeated;

  if (timeline == NULL)
    return NULL;

  repeated = chrono_timeline_seal_finding_repeat (timeline);
  if (repeated != NULL)
    {
      g_autofree char *id = g_strdup (repeated);

      g_clear_object (&timeline);
      _chrono_native_report_repeated_id (bytes, display_name, id, NULL, NULL, cancellable, error);
    }

  return timeline;
}
