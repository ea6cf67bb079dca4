/* chrono-native-elements.c — the native format's elements: what each allows and what it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-native-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-native-reader-private.h"
#include "model/chrono-event-private.h"
#include "model/chrono-file-text.h"

void
chrono_native_clear_attributes (Reader *r)
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

static const char *
translate (Reader     *r,
           const char *text)
{
  if (r->domain == NULL || *text == '\0')
    return text;

  return g_dgettext (r->domain, text);
}

/* Keeps the file's own @text of a translated field beside @object, so that saving
 * writes the file's language and not the translation on screen (chrono-file-text.h). */
static void
keep_file_text (Reader     *r,
                gpointer    object,
                const char *field,
                const char *shown,
                const char *text)
{
  if (r->domain != NULL)
    chrono_file_text_set (object, field, shown, text);
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

static gboolean
start_timeline (Reader     *r,
                const Tag  *tag,
                GError    **error)
{
  const char *version = NULL;
  const char *language = NULL;
  const char *domain = NULL;
  const char *colon = strchr (tag->qualified_name, ':');
  g_autofree char *element_prefix = NULL;
  gboolean namespace_ok = TRUE;
  guint64 version_number;

  if (colon != NULL)
    element_prefix = g_strndup (tag->qualified_name, colon - tag->qualified_name);

  /* Namespaces first, then the version: a newer file may carry attributes this version
   * does not know, and deserves the version message rather than an unknown attribute. */
  for (guint i = 0; tag->names[i] != NULL; i++)
    {
      if (strcmp (tag->names[i], "xmlns") == 0)
        {
          if (element_prefix == NULL && strcmp (tag->values[i], NATIVE_NAMESPACE) != 0)
            namespace_ok = FALSE;
        }
      else if (g_str_has_prefix (tag->names[i], "xmlns:"))
        {
          if (element_prefix != NULL && strcmp (tag->names[i] + 6, element_prefix) == 0)
            {
              if (strcmp (tag->values[i], NATIVE_NAMESPACE) == 0)
                r->prefix = g_strdup (element_prefix);
              else
                namespace_ok = FALSE;
            }
        }
      else if (strcmp (tag->names[i], "version") == 0)
        version = tag->values[i];
    }

  if (!namespace_ok || (element_prefix != NULL && r->prefix == NULL))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                    _("not a Chronoscope timeline: the root element is in another namespace"));
      return FALSE;
    }

  if (version == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<timeline> needs a version (version=\"1\")"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &version_number, NULL))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a format version: it must be a whole number"), version);
      return FALSE;
    }
  if (version_number > NATIVE_VERSION)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_VERSION,
                    _("written by a newer version of Chronoscope (format %s); this version reads format %d"),
                    version, NATIVE_VERSION);
      return FALSE;
    }
  r->version = version_number;

  for (guint i = 0; tag->names[i] != NULL; i++)
    {
      if (strcmp (tag->names[i], "xml:lang") == 0)
        language = tag->values[i];
      else if (strcmp (tag->names[i], "gettext-domain") == 0)
        domain = tag->values[i];
      else if (strcmp (tag->names[i], "version") != 0 && strcmp (tag->names[i], "xmlns") != 0 &&
               !g_str_has_prefix (tag->names[i], "xmlns:"))
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("unknown attribute “%s” on <%s>"), tag->names[i], "timeline");
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
start_category (Reader     *r,
                const Tag  *tag,
                GError    **error)
{
  const char *allowed[] = { "id", "color", "dark-color", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, tag->offset, "category", tag->names, tag->values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<category> needs an id"));
      return FALSE;
    }
  if (!chrono_input_is_valid_id (v[0]))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), v[0]);
      return FALSE;
    }
  if (chrono_timeline_lookup_category (r->timeline, v[0]) != NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("the id “%s” is already used by another <%s>"), v[0], "category");
      return FALSE;
    }
  if (v[1] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<category> needs a colour (color=\"#rrggbb\")"));
      return FALSE;
    }
  for (guint i = 1; i <= 2; i++)
    {
      if (v[i] != NULL && !chrono_input_is_valid_color (v[i]))
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
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
start_era (Reader     *r,
           const Tag  *tag,
           GError    **error)
{
  const char *allowed[] = { "start", "end", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, tag->offset, "era", tag->names, tag->values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<era> needs a start date"));
      return FALSE;
    }
  if (v[1] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<era> needs an end date"));
      return FALSE;
    }
  if (!parse_date_at (r, tag->offset, v[0], &r->attr_start, error) ||
      !parse_date_at (r, tag->offset, v[1], &r->attr_end, error) ||
      !check_end_after_start (r, tag->offset, "era", &r->attr_start, &r->attr_end, error))
    return FALSE;

  return TRUE;
}

static gboolean
start_source (Reader     *r,
              const Tag  *tag,
              GError    **error)
{
  const char *allowed[] = { "id", "date", "author", "publisher", "url", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, tag->offset, "source", tag->names, tag->values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<source> needs an id"));
      return FALSE;
    }
  if (!chrono_input_is_valid_id (v[0]))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), v[0]);
      return FALSE;
    }
  if (chrono_timeline_lookup_source (r->timeline, v[0]) != NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("the id “%s” is already used by another <%s>"), v[0], "source");
      return FALSE;
    }
  if (v[1] != NULL)
    {
      if (!parse_date_at (r, tag->offset, v[1], &r->attr_start, error))
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
start_event (Reader     *r,
             const Tag  *tag,
             GError    **error)
{
  const char *allowed[] = { "id", "start", "end", "category", "importance", "sources",
                            "provenance", "date-provenance", "date-source", "display-date", NULL };
  const char *v[G_N_ELEMENTS (allowed)];
  ChronoCategory *category;
  ChronoDate start, end;

  if (!collect_attributes (r, tag->offset, "event", tag->names, tag->values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<event> needs an id"));
      return FALSE;
    }
  if (!chrono_input_is_valid_id (v[0]))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), v[0]);
      return FALSE;
    }
  if (v[1] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<event> needs a start date"));
      return FALSE;
    }
  if (!parse_date_at (r, tag->offset, v[1], &start, error))
    return FALSE;
  if (v[2] != NULL)
    {
      if (!parse_date_at (r, tag->offset, v[2], &end, error) ||
          !check_end_after_start (r, tag->offset, "event", &start, &end, error))
        return FALSE;
    }
  if (v[3] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<event> needs a category"));
      return FALSE;
    }
  category = chrono_timeline_lookup_category (r->timeline, v[3]);
  if (category == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<event> refers to the category “%s”, which <categories> does not declare"), v[3]);
      return FALSE;
    }

  if (r->blank_events != NULL && (r->event = chrono_native_take_blank_event (r->blank_events)) != NULL)
    _chrono_event_set_identity (r->event, v[0], &start);
  else
    r->event = chrono_event_new (v[0], &start, NULL);
  /* One look-up for the check and the record, of the id the event holds: on an error
   * the set is let go without reading its strings. */
  if (r->event_ids != NULL && !g_hash_table_add (r->event_ids, (gpointer) chrono_event_get_id (r->event)))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("the id “%s” is already used by another <%s>"), v[0], "event");
      return FALSE;
    }
  chrono_event_set_category (r->event, category);
  if (v[2] != NULL)
    chrono_event_set_end (r->event, &end);

  if (v[4] != NULL)
    {
      guint64 importance;

      if (!g_ascii_string_to_unsigned (v[4], 10, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX,
                                       &importance, NULL))
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
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
              set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                            _("<event> refers to the source “%s”, which <sources> does not declare"), ids[i]);
              return FALSE;
            }
          chrono_event_add_source (r->event, source);
        }
    }

  return chrono_native_read_event_provenance (r, tag, v[6], v[7], v[8], error) &&
         chrono_native_read_display_date (r, tag, v[9], error);
}

static gboolean
start_quote (Reader     *r,
             const Tag  *tag,
             GError    **error)
{
  const char *allowed[] = { "speaker", "source", "said", "provenance", NULL };
  const char *v[G_N_ELEMENTS (allowed)];
  ChronoSource *source = NULL;

  if (!collect_attributes (r, tag->offset, "quote", tag->names, tag->values, allowed, v, error))
    return FALSE;

  if (v[0] == NULL || *v[0] == '\0')
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, _("<quote> needs a speaker"));
      return FALSE;
    }
  if (v[1] != NULL)
    {
      source = chrono_timeline_lookup_source (r->timeline, v[1]);
      if (source == NULL)
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<quote> refers to the source “%s”, which <sources> does not declare"), v[1]);
          return FALSE;
        }
    }

  /* The original text is not known yet; it is filled in when <original> ends. */
  r->quote = chrono_quote_new ("", NULL);
  chrono_quote_set_speaker (r->quote, v[0]);
  chrono_quote_set_source (r->quote, source);

  return chrono_native_read_quote_provenance (r, tag, v[2], v[3], error);
}

static gboolean
start_quote_text (Reader     *r,
                  const Tag  *tag,
                  GError    **error)
{
  const char *element = tag->name;
  const char *allowed[] = { "xml:lang", NULL };
  const char *v[G_N_ELEMENTS (allowed)];

  if (!collect_attributes (r, tag->offset, element, tag->names, tag->values, allowed, v, error))
    return FALSE;
  if (v[0] == NULL || *v[0] == '\0')
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> needs a language (xml:lang=\"…\")"), element);
      return FALSE;
    }

  r->attr_lang = g_strdup (v[0]);

  return TRUE;
}

static gboolean
check_no_attributes (Reader     *r,
                     const Tag  *tag,
                     GError    **error)
{
  if (tag->names[0] != NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("unknown attribute “%s” on <%s>"), tag->names[0], tag->name);
      return FALSE;
    }

  return TRUE;
}

static const char * const section_names[] = {
  "title", "description", "categories", "eras", "sources", "events",
};

/* The children of <timeline> come once each, in the order of section_names; each may
 * be left out, the title too: an untitled timeline is called after its file. */
static gboolean
start_section (Reader     *r,
               const Tag  *tag,
               GError    **error)
{
  guint section;

  for (section = 1; section <= G_N_ELEMENTS (section_names); section++)
    {
      if (strcmp (tag->name, section_names[section - 1]) == 0)
        break;
    }

  if (section == r->section)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> may appear only once"), tag->name);
      return FALSE;
    }
  if (section < r->section)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> must come before <%s>: the order is title, description, categories, eras, sources, events"),
                    tag->name, section_names[r->section - 1]);
      return FALSE;
    }
  r->section = section;

  return check_no_attributes (r, tag, error);
}

static gboolean
require_text (Reader       *r,
              const Frame  *frame,
              const char   *name,
              const char   *text,
              GError      **error)
{
  if (*text == '\0')
    {
      set_error_at (r, frame->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<%s> must not be empty"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
end_timeline_title (Reader       *r,
                    const Frame  *frame,
                    const char   *text,
                    GError      **error)
{
  if (!require_text (r, frame, "title", text, error))
    return FALSE;

  chrono_timeline_set_title (r->timeline, translate (r, text));
  keep_file_text (r, r->timeline, "title", chrono_timeline_get_title (r->timeline), text);
  return TRUE;
}

static gboolean
end_description (Reader       *r,
                 const Frame  *frame,
                 const char   *text,
                 GError      **error)
{
  chrono_timeline_set_description (r->timeline, translate (r, text));
  keep_file_text (r, r->timeline, "description", chrono_timeline_get_description (r->timeline), text);
  return TRUE;
}

static gboolean
end_category (Reader       *r,
              const Frame  *frame,
              const char   *text,
              GError      **error)
{
  g_autoptr(ChronoCategory) category = NULL;

  if (!require_text (r, frame, "category", text, error))
    return FALSE;

  category = chrono_category_new (r->attr_id, translate (r, text), r->attr_color, r->attr_dark_color);
  keep_file_text (r, category, "name", chrono_category_get_name (category), text);
  chrono_timeline_add_category (r->timeline, category);
  chrono_native_clear_attributes (r);
  return TRUE;
}

static gboolean
end_era (Reader       *r,
         const Frame  *frame,
         const char   *text,
         GError      **error)
{
  g_autoptr(ChronoEra) era = NULL;

  if (!require_text (r, frame, "era", text, error))
    return FALSE;

  era = chrono_era_new (translate (r, text), &r->attr_start, &r->attr_end);
  keep_file_text (r, era, "name", chrono_era_get_name (era), text);
  chrono_timeline_add_era (r->timeline, era);
  chrono_native_clear_attributes (r);
  return TRUE;
}

static gboolean
end_source (Reader       *r,
            const Frame  *frame,
            const char   *text,
            GError      **error)
{
  g_autoptr(ChronoSource) source = NULL;

  if (!require_text (r, frame, "source", text, error))
    return FALSE;

  source = chrono_source_new (r->attr_id, translate (r, text));
  keep_file_text (r, source, "title", chrono_source_get_title (source), text);
  if (r->attr_author != NULL)
    {
      chrono_source_set_author (source, translate (r, r->attr_author));
      keep_file_text (r, source, "author", chrono_source_get_author (source), r->attr_author);
    }
  if (r->attr_publisher != NULL)
    {
      chrono_source_set_publisher (source, translate (r, r->attr_publisher));
      keep_file_text (r, source, "publisher", chrono_source_get_publisher (source), r->attr_publisher);
    }
  chrono_source_set_url (source, r->attr_url);
  if (r->attr_has_date)
    chrono_source_set_date (source, &r->attr_start);
  chrono_timeline_add_source (r->timeline, source);
  chrono_native_clear_attributes (r);
  return TRUE;
}

static gboolean
end_event (Reader       *r,
           const Frame  *frame,
           const char   *text,
           GError      **error)
{
  if ((frame->children_seen & ELEMENT_BIT (ELEMENT_EVENT_TITLE)) == 0)
    {
      set_error_at (r, frame->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<event> needs a <title>"));
      return FALSE;
    }

  if (r->fragment_events != NULL)
    g_ptr_array_add (r->fragment_events, g_steal_pointer (&r->event));
  else
    {
      chrono_timeline_add_event (r->timeline, r->event);
      g_clear_object (&r->event);
    }
  return TRUE;
}

static gboolean
end_event_title (Reader       *r,
                 const Frame  *frame,
                 const char   *text,
                 GError      **error)
{
  if (!require_text (r, frame, "title", text, error))
    return FALSE;

  chrono_event_set_title (r->event, translate (r, text));
  keep_file_text (r, r->event, "title", chrono_event_get_title (r->event), text);
  return TRUE;
}

static gboolean
end_summary (Reader       *r,
             const Frame  *frame,
             const char   *text,
             GError      **error)
{
  chrono_event_set_summary (r->event, translate (r, text));
  keep_file_text (r, r->event, "summary", chrono_event_get_summary (r->event), text);
  return TRUE;
}

static gboolean
end_note (Reader       *r,
          const Frame  *frame,
          const char   *text,
          GError      **error)
{
  const char *shown;
  g_autofree char *in_file = NULL;

  if (!require_text (r, frame, "note", text, error))
    return FALSE;

  /* The notes are one field, a line each, in the file as on screen. */
  shown = chrono_event_get_notes (r->event);
  if (shown != NULL)
    in_file = g_strconcat (chrono_file_text_get (r->event, "notes", shown), "\n", text, NULL);
  chrono_event_add_note (r->event, translate (r, text));
  keep_file_text (r, r->event, "notes", chrono_event_get_notes (r->event), in_file != NULL ? in_file : text);
  return TRUE;
}

static gboolean
end_quote (Reader       *r,
           const Frame  *frame,
           const char   *text,
           GError      **error)
{
  if ((frame->children_seen & ELEMENT_BIT (ELEMENT_ORIGINAL)) == 0)
    {
      set_error_at (r, frame->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<quote> needs an <original>"));
      return FALSE;
    }

  chrono_event_add_quote (r->event, r->quote);
  g_clear_object (&r->quote);
  return TRUE;
}

static gboolean
end_original (Reader       *r,
              const Frame  *frame,
              const char   *text,
              GError      **error)
{
  if (!require_text (r, frame, "original", text, error))
    return FALSE;

  chrono_quote_set_original (r->quote, text, r->attr_lang);
  chrono_native_clear_attributes (r);
  return TRUE;
}

static gboolean
end_translation (Reader       *r,
                 const Frame  *frame,
                 const char   *text,
                 GError      **error)
{
  const char *translated;
  g_autofree char *language = NULL;

  if (!require_text (r, frame, "translation", text, error))
    return FALSE;

  /* Once gettext has put it into the user's language, it is no longer in the language
   * the file names. */
  translated = translate (r, text);
  if (strcmp (translated, text) != 0)
    language = get_runtime_language ();
  chrono_quote_set_translation (r->quote, translated, language != NULL ? language : r->attr_lang);
  keep_file_text (r, r->quote, "translation", translated, text);
  keep_file_text (r, r->quote, "translation-language", chrono_quote_get_translation_language (r->quote), r->attr_lang);
  chrono_native_clear_attributes (r);
  return TRUE;
}

static gboolean
end_context (Reader       *r,
             const Frame  *frame,
             const char   *text,
             GError      **error)
{
  chrono_quote_set_context (r->quote, translate (r, text));
  keep_file_text (r, r->quote, "context", chrono_quote_get_context (r->quote), text);
  return TRUE;
}

const Element chrono_native_elements[N_ELEMENTS] = {
  [ELEMENT_DOCUMENT] = { "", ELEMENT_DOCUMENT, FALSE, FALSE, NULL, NULL },
  [ELEMENT_TIMELINE] = { "timeline", ELEMENT_DOCUMENT, FALSE, FALSE, start_timeline, NULL },
  [ELEMENT_TIMELINE_TITLE] = { "title", ELEMENT_TIMELINE, TRUE, FALSE, start_section, end_timeline_title },
  [ELEMENT_DESCRIPTION] = { "description", ELEMENT_TIMELINE, TRUE, FALSE, start_section, end_description },
  [ELEMENT_CATEGORIES] = { "categories", ELEMENT_TIMELINE, FALSE, FALSE, start_section, NULL },
  [ELEMENT_CATEGORY] = { "category", ELEMENT_CATEGORIES, TRUE, FALSE, start_category, end_category },
  [ELEMENT_ERAS] = { "eras", ELEMENT_TIMELINE, FALSE, FALSE, start_section, NULL },
  [ELEMENT_ERA] = { "era", ELEMENT_ERAS, TRUE, FALSE, start_era, end_era },
  [ELEMENT_SOURCES] = { "sources", ELEMENT_TIMELINE, FALSE, FALSE, start_section, NULL },
  [ELEMENT_SOURCE] = { "source", ELEMENT_SOURCES, TRUE, FALSE, start_source, end_source },
  [ELEMENT_EVENTS] = { "events", ELEMENT_TIMELINE, FALSE, FALSE, start_section, NULL },
  [ELEMENT_EVENT] = { "event", ELEMENT_EVENTS, FALSE, FALSE, start_event, end_event },
  [ELEMENT_EVENT_TITLE] = { "title", ELEMENT_EVENT, TRUE, TRUE, check_no_attributes, end_event_title },
  [ELEMENT_SUMMARY] = { "summary", ELEMENT_EVENT, TRUE, TRUE, check_no_attributes, end_summary },
  [ELEMENT_NOTE] = { "note", ELEMENT_EVENT, TRUE, FALSE, check_no_attributes, end_note },
  [ELEMENT_QUOTE] = { "quote", ELEMENT_EVENT, FALSE, FALSE, start_quote, end_quote },
  [ELEMENT_ORIGINAL] = { "original", ELEMENT_QUOTE, TRUE, TRUE, start_quote_text, end_original },
  [ELEMENT_TRANSLATION] = { "translation", ELEMENT_QUOTE, TRUE, TRUE, start_quote_text, end_translation },
  [ELEMENT_CONTEXT] = { "context", ELEMENT_QUOTE, TRUE, TRUE, check_no_attributes, end_context },
  [ELEMENT_FORECAST] = { "forecast", ELEMENT_EVENT, FALSE, TRUE, chrono_native_start_forecast, NULL },
  [ELEMENT_MEDIA] = { "media", ELEMENT_EVENT, FALSE, TRUE, chrono_native_start_media, NULL },
};
