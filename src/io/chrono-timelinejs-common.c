/* chrono-timelinejs-common.c — what the TimelineJS readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs"

#include "config.h"

#include <string.h>

#include "chrono-input-limits.h"
#include "chrono-timelinejs-private.h"
#include "model/chrono-event.h"

/* TimelineJS has groups but no colours; these GNOME palette pairs (light theme, dark
 * theme) are handed out in order of first appearance. */
static const struct { const char *color; const char *dark_color; } palette[] = {
  { "#1c71d8", "#99c1f1" },
  { "#26a269", "#8ff0a4" },
  { "#e66100", "#ffbe6f" },
  { "#9141ac", "#dc8add" },
  { "#c01c28", "#f66151" },
  { "#986a44", "#cdab8f" },
  { "#e5a50a", "#f9f06b" },
  { "#5e5c64", "#c0bfbc" },
};

gint64
_chrono_timelinejs_year_to_astronomical (gint64 year)
{
  return year < 0 ? year + 1 : year;
}

gint64
_chrono_timelinejs_year_from_astronomical (gint64 year)
{
  return year <= 0 ? year - 1 : year;
}

gboolean
_chrono_timelinejs_make_date (const gint64     values[CHRONO_TIMELINEJS_N_PARTS],
                              const gboolean   present[CHRONO_TIMELINEJS_N_PARTS],
                              ChronoDate      *out_date,
                              GError         **error)
{
  g_autoptr(GString) edtf = g_string_new (NULL);
  gint64 year;
  guint finest = 0;

  for (guint i = 0; i < CHRONO_TIMELINEJS_N_PARTS; i++)
    if (present[i])
      finest = i;

  if (!present[CHRONO_TIMELINEJS_YEAR])
    {
      g_set_error_literal (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID, "year");
      return FALSE;
    }

  for (guint i = CHRONO_TIMELINEJS_MONTH; i < CHRONO_TIMELINEJS_N_PARTS; i++)
    {
      /* A number too large for two digits would be misread by the EDTF parser. */
      if (i <= finest && present[i] && (values[i] < 0 || values[i] > 99))
        {
          g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                       "%" G_GINT64_FORMAT, values[i]);
          return FALSE;
        }
    }

  /* Spelled as EDTF and parsed, so that a bad date gets the native reader's message.
   * A part left out between given ones (a day without a month) counts as its first. */
  year = _chrono_timelinejs_year_to_astronomical (values[CHRONO_TIMELINEJS_YEAR]);
  if (year < 0)
    g_string_append_printf (edtf, "-%04" G_GINT64_FORMAT, -year);
  else
    g_string_append_printf (edtf, "%04" G_GINT64_FORMAT, year);
  if (finest >= CHRONO_TIMELINEJS_MONTH)
    g_string_append_printf (edtf, "-%02d", present[CHRONO_TIMELINEJS_MONTH] ? (int) values[CHRONO_TIMELINEJS_MONTH] : 1);
  if (finest >= CHRONO_TIMELINEJS_DAY)
    g_string_append_printf (edtf, "-%02d", present[CHRONO_TIMELINEJS_DAY] ? (int) values[CHRONO_TIMELINEJS_DAY] : 1);
  /* EDTF has no hour-only form: an hour is read as HH:00. */
  if (finest >= CHRONO_TIMELINEJS_HOUR)
    g_string_append_printf (edtf, "T%02d:%02d",
                            present[CHRONO_TIMELINEJS_HOUR] ? (int) values[CHRONO_TIMELINEJS_HOUR] : 0,
                            present[CHRONO_TIMELINEJS_MINUTE] ? (int) values[CHRONO_TIMELINEJS_MINUTE] : 0);
  if (finest >= CHRONO_TIMELINEJS_SECOND)
    g_string_append_printf (edtf, ":%02d", (int) values[CHRONO_TIMELINEJS_SECOND]);

  return chrono_date_parse (edtf->str, out_date, error);
}

guint
_chrono_timelinejs_date_parts (const ChronoDate *date,
                               gint64            values[CHRONO_TIMELINEJS_N_PARTS])
{
  guint n = 1;

  memset (values, 0, sizeof (gint64) * CHRONO_TIMELINEJS_N_PARTS);
  values[CHRONO_TIMELINEJS_YEAR] = _chrono_timelinejs_year_from_astronomical (date->year);
  values[CHRONO_TIMELINEJS_MONTH] = date->month;
  values[CHRONO_TIMELINEJS_DAY] = date->day;
  values[CHRONO_TIMELINEJS_HOUR] = date->hour;
  values[CHRONO_TIMELINEJS_MINUTE] = date->minute;
  values[CHRONO_TIMELINEJS_SECOND] = date->second;

  switch (date->precision)
    {
    case CHRONO_PRECISION_YEAR: n = 1; break;
    case CHRONO_PRECISION_MONTH: n = 2; break;
    case CHRONO_PRECISION_DAY: n = 3; break;
    /* An hour is written with its minutes, as EDTF does. */
    case CHRONO_PRECISION_HOUR:
    case CHRONO_PRECISION_MINUTE: n = 5; break;
    case CHRONO_PRECISION_SECOND:
    default: n = 6; break;
    }

  return n;
}

char *
_chrono_timelinejs_flags_display (const ChronoDate *start,
                                  const ChronoDate *end)
{
  if (start->flags == CHRONO_DATE_EXACT && (end == NULL || end->flags == CHRONO_DATE_EXACT))
    return NULL;

  return chrono_date_format_span (start, end);
}

char *
_chrono_timelinejs_edtf_display (const ChronoDate *start,
                                 const ChronoDate *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start->flags == CHRONO_DATE_EXACT && (end == NULL || end->flags == CHRONO_DATE_EXACT))
    return NULL;

  start_text = chrono_date_to_edtf (start);
  if (end == NULL)
    return g_steal_pointer (&start_text);
  end_text = chrono_date_to_edtf (end);

  return g_strconcat (start_text, "/", end_text, NULL);
}

static const struct
{
  const char *mark;
  ChronoDateFlags flags;
} qualifiers[] = {
  { "", CHRONO_DATE_EXACT },
  { "~", CHRONO_DATE_APPROXIMATE },
  { "?", CHRONO_DATE_UNCERTAIN },
  { "%", CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN },
};

static const char *
get_qualifier (ChronoDateFlags flags)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifiers); i++)
    if (qualifiers[i].flags == flags)
      return qualifiers[i].mark;

  return "";
}

static gboolean
parse_qualifier (const char      *text,
                 gsize            length,
                 ChronoDateFlags *out_flags)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifiers); i++)
    if (strlen (qualifiers[i].mark) == length && strncmp (text, qualifiers[i].mark, length) == 0)
      {
        *out_flags = qualifiers[i].flags;
        return TRUE;
      }

  return FALSE;
}

char *
_chrono_timelinejs_qualifiers (const ChronoDate *start,
                               const ChronoDate *end)
{
  if (start->flags == CHRONO_DATE_EXACT && (end == NULL || end->flags == CHRONO_DATE_EXACT))
    return NULL;

  if (end == NULL)
    return g_strdup (get_qualifier (start->flags));

  return g_strconcat (get_qualifier (start->flags), "/", get_qualifier (end->flags), NULL);
}

gboolean
_chrono_timelinejs_read_qualifiers (const char *text,
                                    ChronoDate *start,
                                    ChronoDate *end)
{
  const char *slash = strchr (text, '/');
  ChronoDateFlags start_flags, end_flags = CHRONO_DATE_EXACT;

  if (!parse_qualifier (text, slash != NULL ? (gsize) (slash - text) : strlen (text), &start_flags) ||
      (slash != NULL && (end == NULL || !parse_qualifier (slash + 1, strlen (slash + 1), &end_flags))))
    return FALSE;

  start->flags = start_flags;
  if (end != NULL)
    end->flags = end_flags;

  return TRUE;
}

gboolean
_chrono_timelinejs_read_flags_display (const char *display,
                                       ChronoDate *start,
                                       ChronoDate *end)
{
  static const ChronoDateFlags flags[] = {
    CHRONO_DATE_EXACT, CHRONO_DATE_APPROXIMATE, CHRONO_DATE_UNCERTAIN,
    CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN,
  };

  if (display == NULL || *display == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    for (guint j = 0; j < (end != NULL ? G_N_ELEMENTS (flags) : 1); j++)
      {
        ChronoDate flagged_start = *start, flagged_end;
        g_autofree char *written = NULL;
        g_autofree char *edtf = NULL;

        flagged_start.flags = flags[i];
        if (end != NULL)
          {
            flagged_end = *end;
            flagged_end.flags = flags[j];
          }
        written = _chrono_timelinejs_flags_display (&flagged_start, end != NULL ? &flagged_end : NULL);
        edtf = _chrono_timelinejs_edtf_display (&flagged_start, end != NULL ? &flagged_end : NULL);
        if (g_strcmp0 (written, display) == 0 || g_strcmp0 (edtf, display) == 0)
          {
            *start = flagged_start;
            if (end != NULL)
              *end = flagged_end;
            return TRUE;
          }
      }

  return FALSE;
}

static void
append_entity (GString    *out,
               const char *entity,
               gsize       length)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
    { "nbsp", " " }, { "mdash", "—" }, { "ndash", "–" }, { "hellip", "…" },
    { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" },
  };

  if (length > 1 && entity[0] == '#')
    {
      guint64 c;

      if (entity[1] == 'x' || entity[1] == 'X')
        c = g_ascii_strtoull (entity + 2, NULL, 16);
      else
        c = g_ascii_strtoull (entity + 1, NULL, 10);

      if (c != 0 && c <= G_MAXUINT32 && g_unichar_validate ((gunichar) c))
        {
          g_string_append_unichar (out, (gunichar) c);
          return;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      if (strlen (named[i].name) == length && strncmp (entity, named[i].name, length) == 0)
        {
          g_string_append (out, named[i].text);
          return;
        }
    }

  g_string_append_c (out, '&');
  g_string_append_len (out, entity, length);
  g_string_append_c (out, ';');
}

static gboolean
is_entity_name (const char *start,
                const char *end)
{
  if (start == end)
    return FALSE;
  for (const char *c = start; c < end; c++)
    if (!g_ascii_isalnum (*c) && *c != '#')
      return FALSE;

  return TRUE;
}

/* Whether the tag at @p (just after its “<”, maybe a closing one) ends a line: a
 * paragraph, a line break, a heading, a list item or a block. */
static gboolean
is_block_tag (const char *p)
{
  static const char * const blocks[] = {
    "p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
  };
  gsize length = 0;

  if (*p == '/')
    p++;
  while (g_ascii_isalnum (p[length]))
    length++;
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (strlen (blocks[i]) == length && g_ascii_strncasecmp (p, blocks[i], length) == 0)
      return TRUE;

  return FALSE;
}

/* Plain text from @html: tags go, entities are decoded, white space collapses to single
 * spaces; with @keep_lines, where block tags part text, a line break parts it. */
static char *
html_to_text (const char *html,
              gboolean    keep_lines)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;
  gboolean pending_line = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      const char *end;

      if (*p == '<' && (end = strchr (p, '>')) != NULL)
        {
          if (keep_lines && is_block_tag (p + 1))
            pending_line = out->len > 0;
          pending_space = out->len > 0;
          p = end;
          continue;
        }

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          pending_space = out->len > 0;
          continue;
        }

      /* Entities are short names or numbers; a lone "&" stays as it is. An entity that
       * stands for white space is white space, collapsed like the rest. */
      if (*p == '&' && (end = strchr (p, ';')) != NULL && end - p <= 10 && is_entity_name (p + 1, end))
        {
          g_autoptr(GString) decoded = g_string_new (NULL);

          append_entity (decoded, p + 1, end - p - 1);
          p = end;
          if (decoded->len == 1 && strchr (" \t\n\r", decoded->str[0]) != NULL)
            {
              pending_space = out->len > 0;
              continue;
            }
          g_string_append (out, pending_line ? "\n" : pending_space ? " " : "");
          pending_space = pending_line = FALSE;
          g_string_append_len (out, decoded->str, decoded->len);
          continue;
        }

      g_string_append (out, pending_line ? "\n" : pending_space ? " " : "");
      pending_space = pending_line = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
_chrono_html_to_text (const char *html)
{
  return html_to_text (html, FALSE);
}

char *
_chrono_html_to_lines (const char *html)
{
  return html_to_text (html, TRUE);
}

char *
_chrono_collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

void
_chrono_append_text_as_html (GString    *out,
                             const char *text,
                             const char *attributes)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      escaped = g_markup_escape_text (paragraphs[i], -1);
      g_string_append_printf (out, "<p%s>%s</p>", attributes, escaped);
    }
}

ChronoCategory *
_chrono_timelinejs_get_group (ChronoTimeline *timeline,
                              const char     *group)
{
  g_autofree char *slug = chrono_input_make_id (group);
  g_autofree char *id = slug != NULL ? g_strdup_printf ("group-%s", slug) : g_strdup ("group");
  g_autoptr(ChronoCategory) created = NULL;
  ChronoCategory *category;
  guint suffix = 2, i;

  /* Different group names may make the same slug (or none); the name tells them apart. */
  while ((category = chrono_timeline_lookup_category (timeline, id)) != NULL)
    {
      if (strcmp (chrono_category_get_name (category), group) == 0)
        return category;
      g_free (id);
      if (slug != NULL)
        id = g_strdup_printf ("group-%s-%u", slug, suffix++);
      else
        id = g_strdup_printf ("group-%u", suffix++);
    }

  i = g_list_model_get_n_items (chrono_timeline_get_categories (timeline)) % G_N_ELEMENTS (palette);
  created = chrono_category_new (id, group, palette[i].color, palette[i].dark_color);
  chrono_timeline_add_category (timeline, created);

  return created;
}

static const char *
find_ascii_caseless (const char *haystack,
                     const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, length) == 0)
      return p;

  return NULL;
}

typedef struct
{
  const char *start;        /* its “<” */
  char       *attributes;   /* what its start tag has after the name */
  char       *inner;        /* between its tags */
  const char *after;        /* past its end tag */
} Element;

static void
element_clear (Element *element)
{
  g_clear_pointer (&element->attributes, g_free);
  g_clear_pointer (&element->inner, g_free);
}

/* The next <@tag …>…</@tag> in @html from @from on. One that is not closed ends the
 * search, since nothing after it is closed either: the scan stays linear. */
static gboolean
next_element (const char *from,
              const char *tag,
              Element    *out)
{
  g_autofree char *open = g_strconcat ("<", tag, NULL);
  g_autofree char *close = g_strconcat ("</", tag, NULL);
  const char *p = from;

  element_clear (out);
  while ((p = find_ascii_caseless (p, open)) != NULL)
    {
      const char *name_end = p + strlen (open);
      const char *content, *end, *end_close;

      if (*name_end != '>' && !g_ascii_isspace (*name_end))
        {
          p = name_end;
          continue;
        }
      if ((content = strchr (name_end, '>')) == NULL ||
          (end = find_ascii_caseless (content + 1, close)) == NULL)
        return FALSE;

      end_close = strchr (end, '>');
      out->start = p;
      out->attributes = g_strndup (name_end, content - name_end);
      out->inner = g_strndup (content + 1, end - content - 1);
      out->after = end_close != NULL ? end_close + 1 : end + strlen (end);
      return TRUE;
    }

  return FALSE;
}

/* The value of attribute @name (quoted with " or ') in a start tag's @attributes. */
static char *
dup_attribute (const char *attributes,
               const char *name)
{
  gsize length = strlen (name);

  for (const char *p = find_ascii_caseless (attributes, name); p != NULL;
       p = find_ascii_caseless (p + length, name))
    {
      const char *value = p + length;
      const char *end;

      if (p > attributes && !g_ascii_isspace (p[-1]))
        continue;
      while (g_ascii_isspace (*value))
        value++;
      if (*value++ != '=')
        continue;
      while (g_ascii_isspace (*value))
        value++;
      if ((*value != '"' && *value != '\'') || (end = strchr (value + 1, *value)) == NULL)
        continue;
      return g_strndup (value + 1, end - value - 1);
    }

  return NULL;
}

/* The texts of the @tag elements in @html, separated by spaces, whose attribute @name is
 * @value (all of them when @name is NULL); NULL when there are none. */
static char *
dup_elements_text (const char *html,
                   const char *tag,
                   const char *name,
                   const char *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Element element = { 0 };

  for (const char *p = html; next_element (p, tag, &element); p = element.after)
    {
      g_autofree char *attribute = name != NULL ? dup_attribute (element.attributes, name) : NULL;
      g_autofree char *line = NULL;

      if (name != NULL && g_strcmp0 (attribute, value) != 0)
        continue;
      line = _chrono_html_to_text (element.inner);
      if (*line == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, line);
    }
  element_clear (&element);

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* @html without its @tag elements. */
static char *
dup_without_elements (const char *html,
                      const char *tag)
{
  GString *rest = g_string_new (NULL);
  Element element = { 0 };
  const char *p = html;

  for (; next_element (p, tag, &element); p = element.after)
    g_string_append_len (rest, p, element.start - p);
  g_string_append (rest, p);
  element_clear (&element);

  return g_string_free (rest, FALSE);
}

static ChronoSource *
get_source (ChronoTimeline *timeline,
            const char     *title)
{
  GListModel *sources = chrono_timeline_get_sources (timeline);
  g_autoptr(ChronoSource) source = NULL;
  g_autofree char *id = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ChronoSource) candidate = g_list_model_get_item (sources, i);

      if (g_strcmp0 (chrono_source_get_title (candidate), title) == 0)
        return candidate;
    }

  id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_SOURCE, "source");
  source = chrono_source_new (id, title);
  chrono_timeline_add_source (timeline, source);

  return source;
}

/* Paragraphs are joined by a space: the native reader collapses white space in a quote,
 * so a line break would not read back the same. */
static void
append_line (GString    *text,
             const char *line)
{
  if (*line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* A block quote as Chronoscope writes it, or any other: its paragraphs with a lang are
 * the original, those of class “translation” (or with no lang) the translation; with no
 * original, all but the <cite> is the original. The <cite> names the speaker and the
 * source, or is the speaker. */
static ChronoQuote *
read_blockquote (const char     *html,
                 ChronoTimeline *timeline)
{
  g_autoptr(GString) original = g_string_new (NULL);
  g_autoptr(GString) translation = g_string_new (NULL);
  g_autofree char *original_lang = NULL;
  g_autofree char *translation_lang = NULL;
  g_autofree char *speaker = dup_elements_text (html, "span", "class", "speaker");
  g_autofree char *source = dup_elements_text (html, "span", "class", "source");
  g_autoptr(ChronoQuote) quote = NULL;
  Element element = { 0 };

  for (const char *p = html; next_element (p, "p", &element); p = element.after)
    {
      g_autofree char *class = dup_attribute (element.attributes, "class");
      g_autofree char *lang = dup_attribute (element.attributes, "lang");
      g_autofree char *line = _chrono_html_to_text (element.inner);

      if (lang == NULL || g_strcmp0 (class, "translation") == 0)
        {
          append_line (translation, line);
          if (translation_lang == NULL)
            translation_lang = g_steal_pointer (&lang);
        }
      else
        {
          append_line (original, line);
          if (original_lang == NULL)
            original_lang = g_steal_pointer (&lang);
        }
    }
  element_clear (&element);

  if (original->len == 0)
    {
      g_autofree char *without_cite = dup_without_elements (html, "cite");
      g_autofree char *text = _chrono_html_to_text (without_cite);

      if (*text == '\0')
        return NULL;
      g_string_assign (original, text);
      g_string_truncate (translation, 0);
    }

  quote = chrono_quote_new (original->str, original_lang != NULL && *original_lang != '\0' ? original_lang : "und");
  if (translation->len > 0)
    chrono_quote_set_translation (quote, translation->str, translation_lang);
  if (speaker == NULL && source == NULL)
    speaker = dup_elements_text (html, "cite", NULL, NULL);
  /* A quote needs a speaker (the native format has none without one). */
  if (speaker == NULL)
    return NULL;
  chrono_quote_set_speaker (quote, speaker);
  if (source != NULL)
    chrono_quote_set_source (quote, get_source (timeline, source));

  return g_steal_pointer (&quote);
}

char *
_chrono_timelinejs_read_text_and_quotes (const char     *html,
                                         ChronoTimeline *timeline,
                                         ChronoEvent    *event)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  Element element = { 0 };
  const char *p = html;

  /* A block quote that makes no quote stays in the text. */
  for (; next_element (p, "blockquote", &element); p = element.after)
    {
      g_autoptr(ChronoQuote) quote = read_blockquote (element.inner, timeline);

      g_string_append_len (rest, p, (quote != NULL ? element.start : element.after) - p);
      if (quote != NULL)
        chrono_event_add_quote (event, quote);
    }
  g_string_append (rest, p);
  element_clear (&element);

  return _chrono_html_to_lines (rest->str);
}
