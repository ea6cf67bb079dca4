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

#define CHUNK_SIZE (1024 * 1024)

static void
reader_clear (Reader *r)
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

static Frame *
current_frame (Reader *r)
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

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *qualified_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *r = user_data;
  Frame *parent = current_frame (r);
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

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *qualified_name,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  Frame frame = *current_frame (r);
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

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  Reader *r = user_data;
  Frame *frame = current_frame (r);

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
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

/* The fast path: a scanner over the whole file for the XML that Chronoscope and most
 * tools write (elements, attributes in double or single quotes, text, the five named
 * entities and “&#10;”, an XML declaration, comments), feeding the same callbacks as
 * GMarkup with none of its per-element allocations. Anything else — CDATA, other
 * character references, something malformed — and any error at all make it give up,
 * and the file is read again by GMarkup, so every message and position stays GMarkup's
 * and the reader's. */

static inline gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':';
}

static inline gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == ':' || c == '.' || c == '-';
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends [p, end) to @out with the named entities, and the line break the writer writes
 * as a reference, replaced; FALSE on any other. */
static gboolean
append_decoded (GString    *out,
                const char *p,
                const char *end)
{
  static const struct { const char *name; gsize length; char c; } entities[] = {
    { "&amp;", 5, '&' }, { "&lt;", 4, '<' }, { "&gt;", 4, '>' }, { "&quot;", 6, '"' }, { "&apos;", 6, '\'' },
    { "&#10;", 5, '\n' },
  };

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      guint i;

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          return TRUE;
        }
      g_string_append_len (out, p, amp - p);
      for (i = 0; i < G_N_ELEMENTS (entities); i++)
        if ((gsize) (end - amp) >= entities[i].length && memcmp (amp, entities[i].name, entities[i].length) == 0)
          break;
      if (i == G_N_ELEMENTS (entities))
        return FALSE;
      g_string_append_c (out, entities[i].c);
      p = amp + entities[i].length;
    }

  return TRUE;
}

typedef struct
{
  gsize name;               /* offsets into the scratch string */
  gsize value;
} ScannedAttribute;

/* The name of an open element, where it is in the file. */
typedef struct
{
  const char *name;
  gsize length;
} OpenElement;

static gboolean scan_fast (Reader                 *r,
                           gsize                   start,
                           ChronoLoadProgressFunc  progress,
                           gpointer                progress_data);

/* Below this much of <events>, a second thread costs more than it saves. */
#define HELPER_MIN_SIZE (4 * 1024 * 1024)

static gboolean always_split;
static guint n_halves_taken;

/* A second thread reads the second half of a long <events> while the reader reads the
 * first. Where that half begins is a guess, the first “<event” after the middle, until
 * the reader gets there: if it finds an <event> start tag at that very place, among the
 * events, the helper has read what the reader would have read. Anywhere else (the
 * guess was inside a comment), or if the helper stopped at a mistake, its work is
 * dropped and the reader reads on by itself, to report any mistake as it always does. */
typedef struct
{
  Reader reader;
  gsize from;               /* just past <events> */
  gsize start;
  gint stop;
  gboolean done;
  GThread *thread;
} Helper;

static void
helper_free (Helper *helper)
{
  if (helper->thread != NULL)
    {
      g_atomic_int_set (&helper->stop, TRUE);
      g_thread_join (helper->thread);
    }
  reader_clear (&helper->reader);
  g_free (helper);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Helper, helper_free)

static gpointer
helper_thread (gpointer data)
{
  Helper *helper = data;

  helper->done = scan_fast (&helper->reader, helper->start, NULL, NULL);

  return NULL;
}

/* The first “<event” tag at or after @from, or NULL. */
static const char *
find_event_tag (Reader *r,
                gsize   from)
{
  const char *end = r->data + r->length;

  for (const char *p = r->data + from; (p = memchr (p, '<', end - p)) != NULL; p++)
    {
      if (end - p > 7 && memcmp (p, "<event", 6) == 0 && (is_space (p[6]) || p[6] == '>'))
        return p;
    }

  return NULL;
}

/* Called when <events> has just begun, with @from just past its start tag. */
static Helper *
start_helper (Reader *r,
              gsize   from)
{
  g_autoptr(Helper) helper = NULL;
  const char *guess;

  /* The helper checks no ids and knows no namespace prefix. */
  if (r->event_ids != NULL || r->prefix != NULL)
    return NULL;
  /* Before 2.76, GLib made every GObject from one slab allocator behind global locks,
   * and two threads making events took longer than one. */
  if (!always_split && (r->length - from < HELPER_MIN_SIZE || g_get_num_processors () < 2 ||
                        glib_check_version (2, 76, 0) != NULL))
    return NULL;

  guess = find_event_tag (r, from + (r->length - from) / 2);
  if (guess == NULL)
    return NULL;

  helper = g_new0 (Helper, 1);
  helper->from = from;
  helper->start = guess - r->data;
  helper->reader.data = r->data;
  helper->reader.length = r->length;
  helper->reader.display_name = r->display_name;
  helper->reader.cancellable = r->cancellable;
  helper->reader.cursor = helper->start;
  helper->reader.stack = g_array_copy (r->stack);
  helper->reader.text = g_string_new (NULL);
  /* Only looked up in: the categories and sources are all read by now. */
  helper->reader.timeline = g_object_ref (r->timeline);
  helper->reader.domain = g_strdup (r->domain);
  helper->reader.version = r->version;
  helper->reader.section = r->section;
  helper->reader.fragment = TRUE;
  helper->reader.fragment_events = g_ptr_array_new_with_free_func (g_object_unref);
  helper->reader.stop = &helper->stop;

  helper->thread = g_thread_try_new ("chrono-reader", helper_thread, helper, NULL);
  if (helper->thread == NULL)
    return NULL;

  return g_steal_pointer (&helper);
}

/* With the reader at the helper's start, among the events: takes what the helper read
 * and returns where the reader goes on, the end tag of <events>; or NULL. */
static const char *
join_helper (Reader *r,
             Helper *helper)
{
  GPtrArray *events = helper->reader.fragment_events;
  const Frame *helper_frame;

  g_thread_join (g_steal_pointer (&helper->thread));
  if (!helper->done)
    return NULL;

  helper_frame = &g_array_index (helper->reader.stack, Frame, helper->reader.stack->len - 1);
  current_frame (r)->children_seen |= helper_frame->children_seen;
  for (guint i = 0; i < events->len; i++)
    chrono_timeline_add_event (r->timeline, g_ptr_array_index (events, i));
  r->cursor = helper->reader.cursor;
  r->n_elements += helper->reader.n_elements;
  g_atomic_int_inc (&n_halves_taken);
  g_debug ("%s: %u events read by a second thread", r->display_name, events->len);

  return r->data + helper->reader.fragment_end;
}

/* How far the reading is at @p; while a helper reads the second half of <events>, the
 * way through the first stands for both. */
static double
progress_fraction (Reader       *r,
                   const Helper *helper,
                   const char   *p)
{
  gsize offset = p - r->data;

  if (helper != NULL && offset < helper->start)
    offset = helper->from + (offset - helper->from) * (r->length - helper->from) / (helper->start - helper->from);

  return (double) offset / r->length;
}

static gboolean
scan_fast (Reader                 *r,
           gsize                   start,
           ChronoLoadProgressFunc  progress,
           gpointer                progress_data)
{
  const char *p = r->data + start;
  const char *end = r->data + r->length;
  const char *next_progress = p + CHUNK_SIZE;
  double reported = 0;
  g_autoptr(GString) scratch = g_string_sized_new (256);
  g_autoptr(GArray) attributes = g_array_new (FALSE, FALSE, sizeof (ScannedAttribute));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  g_autoptr(GError) error = NULL;
  g_autoptr(Helper) helper = NULL;
  gboolean seen_root = r->fragment;

  r->texts_valid = TRUE;
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *text_end = lt != NULL ? lt : end;
      const char *name;
      gsize name_length;

      if (text_end > p)
        {
          if (open->len == 0 && !r->fragment)
            {
              for (const char *q = p; q < text_end; q++)
                if (!is_space (*q))
                  return FALSE;
            }
          else if (memchr (p, '&', text_end - p) == NULL)
            text_cb (NULL, p, text_end - p, r, &error);
          else
            {
              g_string_truncate (scratch, 0);
              if (!append_decoded (scratch, p, text_end))
                return FALSE;
              text_cb (NULL, scratch->str, scratch->len, r, &error);
            }
          if (error != NULL)
            return FALSE;
        }

      if (helper != NULL && (lt == NULL || lt >= r->data + helper->start))
        {
          const char *events_end = NULL;

          if (lt == r->data + helper->start && current_frame (r)->kind == ELEMENT_EVENTS)
            events_end = join_helper (r, helper);
          g_clear_pointer (&helper, helper_free);
          if (events_end != NULL)
            lt = events_end;
        }

      if (lt == NULL)
        break;
      p = lt + 1;

      if (p >= end)
        return FALSE;

      /* A comment is skipped, wherever it is; an unterminated one, and any other “<!”
       * (CDATA, a document type), is GMarkup's to read and to report. */
      if (*p == '!')
        {
          const char *close = end - p >= 3 && p[1] == '-' && p[2] == '-' ? g_strstr_len (p + 3, end - (p + 3), "-->") : NULL;

          if (close == NULL)
            return FALSE;
          p = close + 3;
          continue;
        }

      if (*p == '?')
        {
          const char *close = seen_root ? NULL : g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
          continue;
        }

      if (*p == '/')
        {
          const OpenElement *top;

          p++;
          name = p;
          while (p < end && is_name_char (*p))
            p++;
          name_length = p - name;
          while (p < end && is_space (*p))
            p++;
          if (p >= end || *p != '>')
            return FALSE;
          if (open->len == 0 && r->fragment && name_length == 6 && memcmp (name, "events", 6) == 0)
            {
              r->fragment_end = lt - r->data;
              return TRUE;
            }
          if (open->len == 0)
            return FALSE;
          top = &g_array_index (open, OpenElement, open->len - 1);
          if (top->length != name_length || memcmp (top->name, name, name_length) != 0)
            return FALSE;
          p++;
          /* The end handler goes by the reader's own stack, not by the name. */
          end_element_cb (NULL, "", r, &error);
          if (error != NULL)
            return FALSE;
          g_array_set_size (open, open->len - 1);
          continue;
        }

      /* A start tag: its name and attributes, NUL-terminated in the scratch string. */
      if (!is_name_start (*p) || (seen_root && open->len == 0 && !r->fragment))
        return FALSE;
      g_string_truncate (scratch, 0);
      g_array_set_size (attributes, 0);
      name = p;
      while (p < end && is_name_char (*p))
        p++;
      g_string_append_len (scratch, name, p - name);
      g_string_append_c (scratch, '\0');

      for (;;)
        {
          ScannedAttribute attribute;
          const char *attribute_name, *value, *close;
          gboolean spaced = FALSE;
          char quote;

          while (p < end && is_space (*p))
            {
              p++;
              spaced = TRUE;
            }
          if (p >= end)
            return FALSE;
          if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
            break;
          if (!spaced || !is_name_start (*p))
            return FALSE;

          attribute_name = p;
          while (p < end && is_name_char (*p))
            p++;
          if (p + 1 >= end || *p != '=' || (p[1] != '"' && p[1] != '\''))
            return FALSE;
          quote = p[1];
          value = p + 2;
          close = memchr (value, quote, end - value);
          if (close == NULL)
            return FALSE;
          for (const char *q = value; q < close; q++)
            if (*q == '<' || *q == '>' || *q == '\t' || *q == '\n' || *q == '\r')
              return FALSE;

          attribute.name = scratch->len;
          g_string_append_len (scratch, attribute_name, p - attribute_name);
          g_string_append_c (scratch, '\0');
          attribute.value = scratch->len;
          if (!append_decoded (scratch, value, close))
            return FALSE;
          g_string_append_c (scratch, '\0');
          g_array_append_val (attributes, attribute);
          p = close + 1;
        }

      g_ptr_array_set_size (names, 0);
      g_ptr_array_set_size (values, 0);
      for (guint i = 0; i < attributes->len; i++)
        {
          const ScannedAttribute *attribute = &g_array_index (attributes, ScannedAttribute, i);

          for (guint j = 0; j < i; j++)
            if (strcmp (g_ptr_array_index (names, j), scratch->str + attribute->name) == 0)
              return FALSE;
          g_ptr_array_add (names, scratch->str + attribute->name);
          g_ptr_array_add (values, scratch->str + attribute->value);
        }
      g_ptr_array_add (names, NULL);
      g_ptr_array_add (values, NULL);

      seen_root = TRUE;
      start_element_cb (NULL, scratch->str, (const char **) names->pdata, (const char **) values->pdata, r, &error);
      if (error != NULL)
        return FALSE;

      if (*p == '/')
        {
          end_element_cb (NULL, scratch->str, r, &error);
          if (error != NULL)
            return FALSE;
          p += 2;
        }
      else
        {
          OpenElement element = { name, strlen (scratch->str) };

          g_array_append_val (open, element);
          p++;
          if (helper == NULL && !r->fragment && current_frame (r)->kind == ELEMENT_EVENTS)
            helper = start_helper (r, p - r->data);
        }

      if (r->stop != NULL && (r->n_elements & 0x3FF) == 0 && g_atomic_int_get (r->stop))
        return FALSE;

      if (progress != NULL && p >= next_progress)
        {
          double fraction = progress_fraction (r, helper, p);

          if (fraction > reported)
            progress (fraction, progress_data);
          reported = MAX (reported, fraction);
          next_progress = p + (helper != NULL ? CHUNK_SIZE / 2 : CHUNK_SIZE);
        }
    }

  return seen_root && open->len == 0 && !r->fragment;
}

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

/* Without @check_ids, events that repeat an id are left to the seal's sort, which
 * finds them for nothing where a set of a million ids took a tenth of the load. */
static ChronoTimeline *
read_native (GBytes                  *bytes,
             const char              *display_name,
             ChronoLoadProgressFunc   progress,
             gpointer                 progress_data,
             GCancellable            *cancellable,
             gboolean                 check_ids,
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

  reader_begin (&r, start, check_ids);
  if (!scan_fast (&r, start, progress, progress_data))
    {
      g_debug ("%s: read again by GMarkup", display_name);
      reader_clear (&r);
      reader_begin (&r, start, check_ids);
      r.context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &r, NULL);

      for (gsize offset = start; offset < r.length; offset += CHUNK_SIZE)
        {
          gsize chunk = MIN (CHUNK_SIZE, r.length - offset);

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

  reader_clear (&r);

  return timeline;
}

void
_chrono_native_reader_always_split (gboolean split)
{
  always_split = split;
}

guint
_chrono_native_reader_n_halves_taken (void)
{
  return g_atomic_int_get (&n_halves_taken);
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
_chrono_native_report_repeated_id (GBytes        *bytes,
                                   const char    *display_name,
                                   const char    *id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autofree char *message = NULL;

  if (bytes != NULL)
    {
      timeline = read_native (bytes, display_name, NULL, NULL, cancellable, TRUE, error);
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
      _chrono_native_report_repeated_id (bytes, display_name, id, cancellable, error);
    }

  return timeline;
}
