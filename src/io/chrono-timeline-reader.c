/* chrono-timeline-reader.c — the native XML format, read with a streaming parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-reader"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-timeline-reader.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-timelinejs-reader.h"

#define NATIVE_NAMESPACE "https://chronoscope.github.io/ns/timeline/1"
#define NATIVE_VERSION 1
#define MAX_FILE_SIZE (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#define CHUNK_SIZE (1024 * 1024)

G_DEFINE_QUARK (chrono-reader-error-quark, chrono_reader_error)

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
} ElementKind;

typedef struct
{
  ElementKind kind;
  gsize offset;             /* of its “<” */
  guint self_closing : 1;
} Frame;

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
  char *prefix;             /* namespace prefix bound to ours on the root, if any */

  ChronoTimeline *timeline;
  char *domain;
  guint section;
  guint n_elements;
  GHashTable *event_ids;

  /* The element being read. */
  ChronoEvent *event;
  ChronoQuote *quote;
  guint event_has_title : 1;
  guint event_has_summary : 1;
  guint quote_has_original : 1;
  guint quote_has_translation : 1;
  guint quote_has_context : 1;
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

static const char * const element_names[] = {
  [ELEMENT_DOCUMENT] = "",
  [ELEMENT_TIMELINE] = "timeline",
  [ELEMENT_TIMELINE_TITLE] = "title",
  [ELEMENT_DESCRIPTION] = "description",
  [ELEMENT_CATEGORIES] = "categories",
  [ELEMENT_CATEGORY] = "category",
  [ELEMENT_ERAS] = "eras",
  [ELEMENT_ERA] = "era",
  [ELEMENT_SOURCES] = "sources",
  [ELEMENT_SOURCE] = "source",
  [ELEMENT_EVENTS] = "events",
  [ELEMENT_EVENT] = "event",
  [ELEMENT_EVENT_TITLE] = "title",
  [ELEMENT_SUMMARY] = "summary",
  [ELEMENT_NOTE] = "note",
  [ELEMENT_QUOTE] = "quote",
  [ELEMENT_ORIGINAL] = "original",
  [ELEMENT_TRANSLATION] = "translation",
  [ELEMENT_CONTEXT] = "context",
};

static void
reader_clear_attributes (Reader *r)
{
  g_clear_pointer (&r->attr_id, g_free);
  g_clear_pointer (&r->attr_color, g_free);
  g_clear_pointer (&r->attr_dark_color, g_free);
  g_clear_pointer (&r->attr_author, g_free);
  g_clear_pointer (&r->attr_publisher, g_free);
  g_clear_pointer (&r->attr_url, g_free);
  g_clear_pointer (&r->attr_lang, g_free);
  r->attr_has_date = FALSE;
}

static void
reader_clear (Reader *r)
{
  reader_clear_attributes (r);
  g_clear_pointer (&r->context, g_markup_parse_context_free);
  g_clear_pointer (&r->stack, g_array_unref);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  g_clear_pointer (&r->prefix, g_free);
  g_clear_object (&r->timeline);
  g_clear_pointer (&r->domain, g_free);
  g_clear_pointer (&r->event_ids, g_hash_table_unref);
  g_clear_object (&r->event);
  g_clear_object (&r->quote);
}

/* Line and column (both from 1, the column in characters) of a byte offset. */
static void
get_line_column (const char *data,
                 gsize       length,
                 gsize       offset,
                 int        *out_line,
                 int        *out_column)
{
  gsize line_start = 0;
  int line = 1;
  const char *p;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  /* Count characters by their lead bytes, so that an invalid sequence still counts. */
  *out_column = 1;
  for (p = data + line_start; p < data + offset; p++)
    {
      if ((*p & 0xC0) != 0x80)
        (*out_column)++;
    }
  *out_line = line;
}

G_GNUC_PRINTF (5, 6)
static void
set_error_at (Reader      *r,
              gsize        offset,
              GError     **error,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *sentence = NULL;
  va_list args;
  int line, column;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  get_line_column (r->data, r->length, offset, &line, &column);
  g_set_error (error, CHRONO_READER_ERROR, code, "%s:%d:%d: %s",
               r->display_name, line, column, sentence);
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

static const char *
translate (Reader     *r,
           const char *text)
{
  if (r->domain == NULL || *text == '\0')
    return text;

  return g_dgettext (r->domain, text);
}

/* The user's language as a BCP 47 tag (“zh-CN”), or NULL for the C locale. */
static char *
get_runtime_language (void)
{
  const char *name = g_get_language_names ()[0];
  GString *tag;

  if (name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
    return NULL;

  tag = g_string_new (NULL);
  for (const char *p = name; *p != '\0' && *p != '.' && *p != '@'; p++)
    g_string_append_c (tag, *p == '_' ? '-' : *p);

  return g_string_free (tag, FALSE);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_color (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}

static Frame *
current_frame (Reader *r)
{
  return &g_array_index (r->stack, Frame, r->stack->len - 1);
}

/* Attributes are matched against a list of the names an element allows; the values
 * land in the array at the same index. */
static gboolean
collect_attributes (Reader       *r,
                    gsize         offset,
                    const char   *element,
                    const char  **names,
                    const char  **values,
                    const char   *allowed[],
                    const char   *out_values[],
                    GError      **error)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    out_values[i] = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint j;

      for (j = 0; allowed[j] != NULL; j++)
        {
          if (strcmp (names[i], allowed[j]) == 0)
            break;
        }

      if (allowed[j] == NULL)
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("unknown attribute “%s” on <%s>"), names[i], element);
          return FALSE;
        }
      if (out_values[j] != NULL)
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_SYNTAX,
                        _("the attribute “%s” appears twice on <%s>"), names[i], element);
          return FALSE;
        }
      out_values[j] = values[i];
    }

  return TRUE;
}

static gboolean
parse_date_at (Reader      *r,
               gsize        offset,
               const char  *text,
               ChronoDate  *out_date,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!chrono_date_parse (text, out_date, &local_error))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
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

static gboolean
start_timeline (Reader       *r,
                gsize         offset,
                const char   *qualified_name,
                const char  **names,
                const char  **values,
                GError      **error)
{
  const char *version = NULL;
  const char *language = NULL;
  const char *domain = NULL;
  const char *colon = strchr (qualified_name, ':');
  g_autofree char *element_prefix = NULL;
  gboolean namespace_ok = TRUE;
  guint64 version_number;

  if (colon != NULL)
    element_prefix = g_strndup (qualified_name, colon - qualified_name);

  /* Namespaces first, then the version: a newer file may carry attributes this version
   * does not know, and deserves the version message rather than an unknown attribute. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "xmlns") == 0)
        {
          if (element_prefix == NULL && strcmp (values[i], NATIVE_NAMESPACE) != 0)
            namespace_ok = FALSE;
        }
      else if (g_str_has_prefix (names[i], "xmlns:"))
        {
          if (element_prefix != NULL && strcmp (names[i] + 6, element_prefix) == 0)
            {
              if (strcmp (values[i], NATIVE_NAMESPACE) == 0)
                r->prefix = g_strdup (element_prefix);
              else
                namespace_ok = FALSE;
            }
        }
      else if (strcmp (names[i], "version") == 0)
        version = values[i];
    }

  if (!namespace_ok || (element_prefix != NULL && r->prefix == NULL))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                    _("not a Chronoscope timeline: the root element is in another namespace"));
      return FALSE;
    }

  if (version == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<timeline> needs a version (version=\"1\")"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &version_number, NULL))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a format version: it must be a whole number"), version);
      return FALSE;
    }
  if (version_number > NATIVE_VERSION)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_VERSION,
                    _("written by a newer version of Chronoscope (format %s); this version reads format %d"),
                    version, NATIVE_VERSION);
      return FALSE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "xml:lang") == 0)
        language = values[i];
      else if (strcmp (names[i], "gettext-domain") == 0)
        domain = values[i];
      else if (strcmp (names[i], "version") != 0 && strcmp (names[i], "xmlns") != 0 &&
               !g_str_has_prefix (names[i], "xmlns:"))
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("unknown attribute “%s” on <%s>"), names[i], "timeline");
          return FALSE;
        }
    }

  r->timeline = chrono_timeline_new ();
  chrono_timeline_set_language (r->timeline, language);
  if (domain != NULL && *domain != '\0')
    {
      chrono_timeline_set_gettext_domain (r->timeline, domain);
      r->domain = g_strdup (domain);
    }

  return TRUE;
}

static gboolean
start_timeline_child (Reader      *r,
                      gsize        offset,
                      const char  *name,
                      ElementKind *out_kind,
                      GError     **error)
{
  static const struct { const char *name; ElementKind kind; } sections[] = {
    { "title", ELEMENT_TIMELINE_TITLE },
    { "description", ELEMENT_DESCRIPTION },
    { "categories", ELEMENT_CATEGORIES },
    { "eras", ELEMENT_ERAS },
    { "sources", ELEMENT_SOURCES },
    { "events", ELEMENT_EVENTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (strcmp (name, sections[i].name) != 0)
        continue;

      if (i + 1 == r->section)
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<%s> may appear only once"), name);
          return FALSE;
        }
      if (i + 1 < r->section)
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<%s> must come before <%s>: the order is title, description, categories, eras, sources, events"),
                        name, sections[r->section - 1].name);
          return FALSE;
        }
      if (i > 0 && r->section == 0)
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<timeline> must begin with its <title>"));
          return FALSE;
        }

      r->section = i + 1;
      *out_kind = sections[i].kind;
      return TRUE;
    }

  set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                _("unknown element <%s> inside <%s>"), name, "timeline");
  return FALSE;
}

static gboolean
start_category (Reader       *r,
                gsize         offset,
                const char  **names,
                const char  **values,
                GError      **error)
{
  const char *allowed[] = { "id", "color", "dark-color", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, offset, "category", names, values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<category> needs an id"));
      return FALSE;
    }
  if (!is_valid_id (v[0]))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), v[0]);
      return FALSE;
    }
  if (chrono_timeline_lookup_category (r->timeline, v[0]) != NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("the id “%s” is already used by another <%s>"), v[0], "category");
      return FALSE;
    }
  if (v[1] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<category> needs a colour (color=\"#rrggbb\")"));
      return FALSE;
    }
  for (guint i = 1; i <= 2; i++)
    {
      if (v[i] != NULL && !is_valid_color (v[i]))
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("“%s” is not a colour: write it as #rrggbb"), v[i]);
          return FALSE;
        }
    }

  r->attr_id = g_strdup (v[0]);
  r->attr_color = g_strdup (v[1]);
  r->attr_dark_color = g_strdup (v[2]);

  return TRUE;
}

static gboolean
check_end_after_start (Reader            *r,
                       gsize              offset,
                       const char        *element,
                       const ChronoDate  *start,
                       const ChronoDate  *end,
                       GError           **error)
{
  if (chrono_date_get_end (end) <= chrono_date_get_start (start))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> ends before it starts"), element);
      return FALSE;
    }

  return TRUE;
}

static gboolean
start_era (Reader       *r,
           gsize         offset,
           const char  **names,
           const char  **values,
           GError      **error)
{
  const char *allowed[] = { "start", "end", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, offset, "era", names, values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<era> needs a start date"));
      return FALSE;
    }
  if (v[1] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<era> needs an end date"));
      return FALSE;
    }
  if (!parse_date_at (r, offset, v[0], &r->attr_start, error) ||
      !parse_date_at (r, offset, v[1], &r->attr_end, error) ||
      !check_end_after_start (r, offset, "era", &r->attr_start, &r->attr_end, error))
    return FALSE;

  return TRUE;
}

static gboolean
start_source (Reader       *r,
              gsize         offset,
              const char  **names,
              const char  **values,
              GError      **error)
{
  const char *allowed[] = { "id", "date", "author", "publisher", "url", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, offset, "source", names, values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<source> needs an id"));
      return FALSE;
    }
  if (!is_valid_id (v[0]))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), v[0]);
      return FALSE;
    }
  if (chrono_timeline_lookup_source (r->timeline, v[0]) != NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("the id “%s” is already used by another <%s>"), v[0], "source");
      return FALSE;
    }
  if (v[1] != NULL)
    {
      if (!parse_date_at (r, offset, v[1], &r->attr_start, error))
        return FALSE;
      r->attr_has_date = TRUE;
    }

  r->attr_id = g_strdup (v[0]);
  r->attr_author = g_strdup (v[2]);
  r->attr_publisher = g_strdup (v[3]);
  r->attr_url = g_strdup (v[4]);

  return TRUE;
}

static gboolean
start_event (Reader       *r,
             gsize         offset,
             const char  **names,
             const char  **values,
             GError      **error)
{
  const char *allowed[] = { "id", "start", "end", "category", "importance", "sources", NULL };
  const char *v[G_N_ELEMENTS (allowed)];
  ChronoCategory *category;
  ChronoDate start, end;

  if (!collect_attributes (r, offset, "event", names, values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<event> needs an id"));
      return FALSE;
    }
  if (!is_valid_id (v[0]))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), v[0]);
      return FALSE;
    }
  if (g_hash_table_contains (r->event_ids, v[0]))
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("the id “%s” is already used by another <%s>"), v[0], "event");
      return FALSE;
    }
  if (v[1] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<event> needs a start date"));
      return FALSE;
    }
  if (!parse_date_at (r, offset, v[1], &start, error))
    return FALSE;
  if (v[2] != NULL)
    {
      if (!parse_date_at (r, offset, v[2], &end, error) ||
          !check_end_after_start (r, offset, "event", &start, &end, error))
        return FALSE;
    }
  if (v[3] == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<event> needs a category"));
      return FALSE;
    }
  category = chrono_timeline_lookup_category (r->timeline, v[3]);
  if (category == NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<event> refers to the category “%s”, which <categories> does not declare"), v[3]);
      return FALSE;
    }

  r->event = chrono_event_new (v[0], &start, NULL);
  chrono_event_set_category (r->event, category);
  if (v[2] != NULL)
    chrono_event_set_end (r->event, &end);

  if (v[4] != NULL)
    {
      guint64 importance;

      if (!g_ascii_string_to_unsigned (v[4], 10, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX,
                                       &importance, NULL))
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("“%s” is not an importance: use a whole number from 1 to 5"), v[4]);
          return FALSE;
        }
      chrono_event_set_importance (r->event, importance);
    }

  if (v[5] != NULL)
    {
      g_auto(GStrv) ids = g_strsplit_set (v[5], " \t\n\r", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          ChronoSource *source;

          if (*ids[i] == '\0')
            continue;

          source = chrono_timeline_lookup_source (r->timeline, ids[i]);
          if (source == NULL)
            {
              set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                            _("<event> refers to the source “%s”, which <sources> does not declare"), ids[i]);
              return FALSE;
            }
          chrono_event_add_source (r->event, source);
        }
    }

  r->event_has_title = FALSE;
  r->event_has_summary = FALSE;

  return TRUE;
}

static gboolean
start_quote (Reader       *r,
             gsize         offset,
             const char  **names,
             const char  **values,
             GError      **error)
{
  const char *allowed[] = { "speaker", "source", NULL };
  const char *v[G_N_ELEMENTS (allowed)];
  ChronoSource *source = NULL;

  if (!collect_attributes (r, offset, "quote", names, values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL || *v[0] == '\0')
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID, _("<quote> needs a speaker"));
      return FALSE;
    }
  if (v[1] != NULL)
    {
      source = chrono_timeline_lookup_source (r->timeline, v[1]);
      if (source == NULL)
        {
          set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<quote> refers to the source “%s”, which <sources> does not declare"), v[1]);
          return FALSE;
        }
    }

  /* The original text is not known yet; it is filled in when <original> ends. */
  r->quote = chrono_quote_new ("", NULL);
  chrono_quote_set_speaker (r->quote, v[0]);
  chrono_quote_set_source (r->quote, source);
  r->quote_has_original = FALSE;
  r->quote_has_translation = FALSE;
  r->quote_has_context = FALSE;

  return TRUE;
}

static gboolean
start_quote_text (Reader       *r,
                  gsize         offset,
                  const char   *element,
                  gboolean      seen,
                  const char  **names,
                  const char  **values,
                  GError      **error)
{
  const char *allowed[] = { "xml:lang", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (seen)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> may appear only once in a <quote>"), element);
      return FALSE;
    }
  if (!collect_attributes (r, offset, element, names, values, allowed, v, error))
    return FALSE;
  if (v[0] == NULL || *v[0] == '\0')
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> needs a language (xml:lang=\"…\")"), element);
      return FALSE;
    }

  r->attr_lang = g_strdup (v[0]);

  return TRUE;
}

static gboolean
check_no_attributes (Reader       *r,
                     gsize         offset,
                     const char   *element,
                     const char  **names,
                     GError      **error)
{
  if (names[0] != NULL)
    {
      set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                    _("unknown attribute “%s” on <%s>"), names[0], element);
      return FALSE;
    }

  return TRUE;
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
  ElementKind parent = current_frame (r)->kind;
  const char *name = local_name (r, qualified_name);
  Frame frame = { 0 };
  gboolean ok = TRUE;

  frame.offset = find_next_tag (r);
  frame.self_closing = skip_tag (r, frame.offset);

  if ((++r->n_elements & 0x3FF) == 0 && g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return;

#define UNKNOWN_ELEMENT() \
  G_STMT_START { \
    set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID, \
                  _("unknown element <%s> inside <%s>"), qualified_name, element_names[parent]); \
    return; \
  } G_STMT_END

  switch (parent)
    {
    case ELEMENT_DOCUMENT:
      if (r->timeline != NULL)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_SYNTAX,
                        _("the file goes on after the end of <timeline>"));
          return;
        }
      if (strcmp (strchr (qualified_name, ':') != NULL ? strchr (qualified_name, ':') + 1 : qualified_name,
                  "timeline") != 0)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                        _("not a Chronoscope timeline: the root element is <%s>, not <timeline>"),
                        qualified_name);
          return;
        }
      ok = start_timeline (r, frame.offset, qualified_name, names, values, error);
      frame.kind = ELEMENT_TIMELINE;
      break;

    case ELEMENT_TIMELINE:
      ok = start_timeline_child (r, frame.offset, name, &frame.kind, error) &&
           check_no_attributes (r, frame.offset, name, names, error);
      break;

    case ELEMENT_CATEGORIES:
      if (strcmp (name, "category") != 0)
        UNKNOWN_ELEMENT ();
      frame.kind = ELEMENT_CATEGORY;
      ok = start_category (r, frame.offset, names, values, error);
      break;

    case ELEMENT_ERAS:
      if (strcmp (name, "era") != 0)
        UNKNOWN_ELEMENT ();
      frame.kind = ELEMENT_ERA;
      ok = start_era (r, frame.offset, names, values, error);
      break;

    case ELEMENT_SOURCES:
      if (strcmp (name, "source") != 0)
        UNKNOWN_ELEMENT ();
      frame.kind = ELEMENT_SOURCE;
      ok = start_source (r, frame.offset, names, values, error);
      break;

    case ELEMENT_EVENTS:
      if (strcmp (name, "event") != 0)
        UNKNOWN_ELEMENT ();
      frame.kind = ELEMENT_EVENT;
      ok = start_event (r, frame.offset, names, values, error);
      break;

    case ELEMENT_EVENT:
      if (strcmp (name, "title") == 0)
        {
          frame.kind = ELEMENT_EVENT_TITLE;
          if (r->event_has_title)
            {
              set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                            _("<%s> may appear only once in an <event>"), name);
              return;
            }
        }
      else if (strcmp (name, "summary") == 0)
        {
          frame.kind = ELEMENT_SUMMARY;
          if (r->event_has_summary)
            {
              set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                            _("<%s> may appear only once in an <event>"), name);
              return;
            }
        }
      else if (strcmp (name, "note") == 0)
        frame.kind = ELEMENT_NOTE;
      else if (strcmp (name, "quote") == 0)
        frame.kind = ELEMENT_QUOTE;
      else
        UNKNOWN_ELEMENT ();

      if (frame.kind == ELEMENT_QUOTE)
        ok = start_quote (r, frame.offset, names, values, error);
      else
        ok = check_no_attributes (r, frame.offset, name, names, error);
      break;

    case ELEMENT_QUOTE:
      if (strcmp (name, "original") == 0)
        {
          frame.kind = ELEMENT_ORIGINAL;
          ok = start_quote_text (r, frame.offset, name, r->quote_has_original, names, values, error);
        }
      else if (strcmp (name, "translation") == 0)
        {
          frame.kind = ELEMENT_TRANSLATION;
          ok = start_quote_text (r, frame.offset, name, r->quote_has_translation, names, values, error);
        }
      else if (strcmp (name, "context") == 0)
        {
          frame.kind = ELEMENT_CONTEXT;
          if (r->quote_has_context)
            {
              set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                            _("<%s> may appear only once in a <quote>"), name);
              return;
            }
          ok = check_no_attributes (r, frame.offset, name, names, error);
        }
      else
        UNKNOWN_ELEMENT ();
      break;

    /* Elements that hold text hold nothing else. */
    case ELEMENT_TIMELINE_TITLE:
    case ELEMENT_DESCRIPTION:
    case ELEMENT_CATEGORY:
    case ELEMENT_ERA:
    case ELEMENT_SOURCE:
    case ELEMENT_EVENT_TITLE:
    case ELEMENT_SUMMARY:
    case ELEMENT_NOTE:
    case ELEMENT_ORIGINAL:
    case ELEMENT_TRANSLATION:
    case ELEMENT_CONTEXT:
    default:
      UNKNOWN_ELEMENT ();
    }

#undef UNKNOWN_ELEMENT

  if (!ok)
    return;

  g_string_truncate (r->text, 0);
  g_array_append_val (r->stack, frame);
}

static gboolean
require_text (Reader      *r,
              const Frame *frame,
              const char  *text,
              GError     **error)
{
  if (*text == '\0')
    {
      set_error_at (r, frame->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> must not be empty"), element_names[frame->kind]);
      return FALSE;
    }

  return TRUE;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *qualified_name,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  Frame frame = *current_frame (r);
  const char *text = NULL;

  if (!frame.self_closing)
    {
      gsize offset = find_next_tag (r);

      skip_tag (r, offset);
    }

  g_array_set_size (r->stack, r->stack->len - 1);

  switch (frame.kind)
    {
    case ELEMENT_TIMELINE_TITLE:
    case ELEMENT_DESCRIPTION:
    case ELEMENT_CATEGORY:
    case ELEMENT_ERA:
    case ELEMENT_SOURCE:
    case ELEMENT_EVENT_TITLE:
    case ELEMENT_SUMMARY:
    case ELEMENT_NOTE:
    case ELEMENT_ORIGINAL:
    case ELEMENT_TRANSLATION:
    case ELEMENT_CONTEXT:
      normalize_whitespace (r->text);
      text = r->text->str;
      break;
    case ELEMENT_DOCUMENT:
    case ELEMENT_TIMELINE:
    case ELEMENT_CATEGORIES:
    case ELEMENT_ERAS:
    case ELEMENT_SOURCES:
    case ELEMENT_EVENTS:
    case ELEMENT_EVENT:
    case ELEMENT_QUOTE:
    default:
      break;
    }

  switch (frame.kind)
    {
    case ELEMENT_TIMELINE:
      if (r->section == 0)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<timeline> needs a <title>"));
          return;
        }
      break;

    case ELEMENT_TIMELINE_TITLE:
      if (require_text (r, &frame, text, error))
        {
          const char *translated = translate (r, text);

          chrono_timeline_set_title (r->timeline, translated);
        }
      break;

    case ELEMENT_DESCRIPTION:
      {
        const char *translated = translate (r, text);

        chrono_timeline_set_description (r->timeline, translated);
      }
      break;

    case ELEMENT_CATEGORY:
      if (require_text (r, &frame, text, error))
        {
          const char *translated = translate (r, text);
          g_autoptr(ChronoCategory) category = chrono_category_new (r->attr_id, translated,
                                                                    r->attr_color, r->attr_dark_color);

          chrono_timeline_add_category (r->timeline, category);
        }
      reader_clear_attributes (r);
      break;

    case ELEMENT_ERA:
      if (require_text (r, &frame, text, error))
        {
          const char *translated = translate (r, text);
          g_autoptr(ChronoEra) era = chrono_era_new (translated, &r->attr_start, &r->attr_end);

          chrono_timeline_add_era (r->timeline, era);
        }
      reader_clear_attributes (r);
      break;

    case ELEMENT_SOURCE:
      if (require_text (r, &frame, text, error))
        {
          g_autoptr(ChronoSource) source = chrono_source_new (r->attr_id, translate (r, text));

          if (r->attr_author != NULL)
            chrono_source_set_author (source, translate (r, r->attr_author));
          if (r->attr_publisher != NULL)
            chrono_source_set_publisher (source, translate (r, r->attr_publisher));
          chrono_source_set_url (source, r->attr_url);
          if (r->attr_has_date)
            chrono_source_set_date (source, &r->attr_start);
          chrono_timeline_add_source (r->timeline, source);
        }
      reader_clear_attributes (r);
      break;

    case ELEMENT_EVENT:
      if (!r->event_has_title)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<event> needs a <title>"));
          return;
        }
      /* The timeline holds the id string for as long as the reader needs it. */
      g_hash_table_add (r->event_ids, (gpointer) chrono_event_get_id (r->event));
      chrono_timeline_add_event (r->timeline, r->event);
      g_clear_object (&r->event);
      break;

    case ELEMENT_EVENT_TITLE:
      if (require_text (r, &frame, text, error))
        {
          const char *translated = translate (r, text);

          chrono_event_set_title (r->event, translated);
          r->event_has_title = TRUE;
        }
      break;

    case ELEMENT_SUMMARY:
      {
        const char *translated = translate (r, text);

        chrono_event_set_summary (r->event, translated);
        r->event_has_summary = TRUE;
      }
      break;

    case ELEMENT_NOTE:
      if (require_text (r, &frame, text, error))
        {
          const char *translated = translate (r, text);

          chrono_event_add_note (r->event, translated);
        }
      break;

    case ELEMENT_QUOTE:
      if (!r->quote_has_original)
        {
          set_error_at (r, frame.offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<quote> needs an <original>"));
          return;
        }
      chrono_event_add_quote (r->event, r->quote);
      g_clear_object (&r->quote);
      break;

    case ELEMENT_ORIGINAL:
      if (require_text (r, &frame, text, error))
        {
          chrono_quote_set_original (r->quote, text, r->attr_lang);
          r->quote_has_original = TRUE;
        }
      reader_clear_attributes (r);
      break;

    case ELEMENT_TRANSLATION:
      if (require_text (r, &frame, text, error))
        {
          const char *translated = translate (r, text);
          g_autofree char *language = NULL;

          /* Once gettext has put it into the user's language, it is no longer in the
           * language the file names. */
          if (strcmp (translated, text) != 0)
            language = get_runtime_language ();
          chrono_quote_set_translation (r->quote, translated,
                                        language != NULL ? language : r->attr_lang);
          r->quote_has_translation = TRUE;
        }
      reader_clear_attributes (r);
      break;

    case ELEMENT_CONTEXT:
      {
        const char *translated = translate (r, text);

        chrono_quote_set_context (r->quote, translated);
        r->quote_has_context = TRUE;
      }
      break;

    case ELEMENT_DOCUMENT:
    case ELEMENT_CATEGORIES:
    case ELEMENT_ERAS:
    case ELEMENT_SOURCES:
    case ELEMENT_EVENTS:
    default:
      break;
    }
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

  switch (frame->kind)
    {
    case ELEMENT_TIMELINE_TITLE:
    case ELEMENT_DESCRIPTION:
    case ELEMENT_CATEGORY:
    case ELEMENT_ERA:
    case ELEMENT_SOURCE:
    case ELEMENT_EVENT_TITLE:
    case ELEMENT_SUMMARY:
    case ELEMENT_NOTE:
    case ELEMENT_ORIGINAL:
    case ELEMENT_TRANSLATION:
    case ELEMENT_CONTEXT:
      g_string_append_len (r->text, text, text_len);
      return;

    case ELEMENT_DOCUMENT:
    case ELEMENT_TIMELINE:
    case ELEMENT_CATEGORIES:
    case ELEMENT_ERAS:
    case ELEMENT_SOURCES:
    case ELEMENT_EVENTS:
    case ELEMENT_EVENT:
    case ELEMENT_QUOTE:
    default:
      break;
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
                          _("text is not allowed inside <%s>"), element_names[frame->kind]);
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

/* GMarkup's own messages begin with “Error on line N char M: ”, in bytes; the
 * position is given again here in characters, in the reader's form. */
static void
set_markup_error (Reader  *r,
                  GError  *markup_error,
                  GError **error)
{
  const char *sentence = markup_error->message;
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

  set_error_at (r, offset, error, CHRONO_READER_ERROR_SYNTAX, "%s", sentence);
}

gboolean
_chrono_looks_like_xml (const char *data,
                        gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '<';
}

gboolean
_chrono_check_utf8 (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  const char *end;

  if (!g_utf8_validate_len (data, length, &end))
    {
      int line, column;

      get_line_column (data, length, end - data, &line, &column);
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX,
                   _("%s:%d:%d: the file is not valid UTF-8 text here (byte 0x%02X)"),
                   display_name, line, column, (guint) (guchar) *end);
      return FALSE;
    }

  return TRUE;
}

static ChronoTimeline *
read_native_bytes_full (GBytes                  *bytes,
                        const char              *display_name,
                        ChronoLoadProgressFunc   progress,
                        gpointer                 progress_data,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  Reader r = { 0 };
  g_autoptr(GError) local_error = NULL;
  Frame document = { ELEMENT_DOCUMENT, 0, FALSE };
  ChronoTimeline *timeline = NULL;
  gsize start = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.data = g_bytes_get_data (bytes, &r.length);
  r.display_name = display_name;
  r.cancellable = cancellable;

  if (r.length > MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (r.length);

      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s); timelines may have up to 512 MiB"),
                   display_name, size);
      return NULL;
    }

  if (!_chrono_check_utf8 (r.data, r.length, display_name, error))
    return NULL;

  if (!_chrono_looks_like_xml (r.data, r.length))
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a Chronoscope timeline: the file is not XML"), display_name);
      return NULL;
    }

  /* A byte order mark is allowed, but GMarkup does not expect one. */
  if (r.length >= 3 && memcmp (r.data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  r.cursor = start;

  r.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_append_val (r.stack, document);
  r.text = g_string_new (NULL);
  r.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
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
      chrono_timeline_seal (r.timeline);
      timeline = g_steal_pointer (&r.timeline);
    }

  reader_clear (&r);

  return timeline;
}

ChronoTimeline *
chrono_timeline_read_native_bytes (GBytes        *bytes,
                                   const char    *display_name,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return read_native_bytes_full (bytes, display_name, NULL, NULL, cancellable, error);
}

static ChronoTimeline *
read_bytes_full (GBytes                  *bytes,
                 const char              *display_name,
                 ChronoLoadProgressFunc   progress,
                 gpointer                 progress_data,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  const char *data;
  gsize length, i = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i < length && data[i] == '{')
    return chrono_timeline_read_timelinejs_bytes (bytes, display_name, cancellable, error);

  if (i < length && data[i] != '<' && g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a timeline: Chronoscope reads its own format (XML) and TimelineJS (JSON)"),
                   display_name);
      return NULL;
    }

  if (i == length)
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  return read_native_bytes_full (bytes, display_name, progress, progress_data, cancellable, error);
}

ChronoTimeline *
chrono_timeline_read_bytes (GBytes        *bytes,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return read_bytes_full (bytes, display_name, NULL, NULL, cancellable, error);
}

static ChronoTimeline *
load_full (GFile                   *file,
           const char              *display_name,
           ChronoLoadProgressFunc   progress,
           gpointer                 progress_data,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s: there is no such file"), display_name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     "%s: %s", display_name, local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: this is a folder, not a timeline file"), display_name);
      return NULL;
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      /* Devices and pipes could feed the reader forever. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: this is not a regular file"), display_name);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s); timelines may have up to 512 MiB"),
                   display_name, size);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  return read_bytes_full (bytes, display_name, progress, progress_data, cancellable, error);
}

ChronoTimeline *
chrono_timeline_load_named (GFile         *file,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return load_full (file, display_name, NULL, NULL, cancellable, error);
}

static char *
get_display_name (GFile *file)
{
  char *display_name = g_file_get_basename (file);

  if (display_name == NULL)
    display_name = g_file_get_parse_name (file);

  return display_name;
}

ChronoTimeline *
chrono_timeline_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = get_display_name (file);

  return load_full (file, display_name, NULL, NULL, cancellable, error);
}

/* Shared by the loading thread and the progress reports it sends to the caller's main
 * context, which may run after the thread is done: the last one to let go frees it. */
typedef struct
{
  GFile *file;
  ChronoLoadProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GMainContext *context;
  double last_reported;
} LoadData;

typedef struct
{
  GDestroyNotify destroy;
  gpointer data;
} PendingDestroy;

static gboolean
run_destroy_cb (gpointer user_data)
{
  PendingDestroy *pending = user_data;

  pending->destroy (pending->data);

  return G_SOURCE_REMOVE;
}

/* The last reference may go in the loading thread; the progress data belongs to the
 * caller's thread, so it is destroyed there. */
static void
load_data_clear (gpointer data)
{
  LoadData *load = data;

  if (load->progress_destroy != NULL)
    {
      PendingDestroy *pending = g_new (PendingDestroy, 1);

      pending->destroy = load->progress_destroy;
      pending->data = load->progress_data;
      g_main_context_invoke_full (load->context, G_PRIORITY_DEFAULT, run_destroy_cb, pending, g_free);
    }

  g_clear_object (&load->file);
  g_clear_pointer (&load->context, g_main_context_unref);
}

static void
load_data_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, load_data_clear);
}

typedef struct
{
  LoadData *load;
  double fraction;
} ProgressReport;

static gboolean
report_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->load->progress (report->fraction, report->load->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  load_data_unref (report->load);
  g_free (report);
}

/* Runs in the loading thread; hands the fraction to the caller's main context, at most
 * once per percent. */
static void
send_progress (double   fraction,
               gpointer user_data)
{
  LoadData *load = user_data;
  ProgressReport *report;

  if (fraction < 1.0 && fraction - load->last_reported < 0.01)
    return;
  load->last_reported = fraction;

  report = g_new (ProgressReport, 1);
  report->load = g_atomic_rc_box_acquire (load);
  report->fraction = fraction;
  g_main_context_invoke_full (load->context, G_PRIORITY_DEFAULT,
                              report_progress_cb, report, progress_report_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autofree char *display_name = get_display_name (load->file);
  GError *error = NULL;
  ChronoTimeline *timeline;

  timeline = load_full (load->file, display_name,
                        load->progress != NULL ? send_progress : NULL, load,
                        cancellable, &error);
  if (timeline == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (load->progress != NULL)
    send_progress (1.0, load);
  g_task_return_pointer (task, timeline, g_object_unref);
}

void
chrono_timeline_load_with_progress_async (GFile                  *file,
                                          ChronoLoadProgressFunc  progress,
                                          gpointer                progress_data,
                                          GDestroyNotify          progress_destroy,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));

  load = g_atomic_rc_box_new0 (LoadData);
  load->file = g_object_ref (file);
  load->progress = progress;
  load->progress_data = progress_data;
  load->progress_destroy = progress_destroy;
  load->context = g_main_context_ref_thread_default ();
  load->last_reported = -1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_timeline_load_async);
  g_task_set_task_data (task, load, load_data_unref);
  g_task_run_in_thread (task, load_thread);
}

void
chrono_timeline_load_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  chrono_timeline_load_with_progress_async (file, NULL, NULL, NULL, cancellable, callback, user_data);
}

ChronoTimeline *
chrono_timeline_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chrono_timeline_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
