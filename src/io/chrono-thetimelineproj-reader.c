/* chrono-thetimelineproj-reader.c — the .timeline files of The Timeline Project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-thetimelineproj-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-input-limits.h"
#include "chrono-thetimelineproj-reader.h"
#include "chrono-timeline-reader.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-thetimelineproj-private.h"
#include "chrono-timelinejs-private.h"

#define CHUNK_SIZE (256 * 1024)

static void
reader_clear_fields (Reader *r)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (i == FIELD_VERSION || i == FIELD_TIMETYPE)
        continue;
      g_string_truncate (r->fields[i].text, 0);
      r->fields[i].present = FALSE;
    }
  g_clear_pointer (&r->first_extra_category, g_free);
}

/* The byte offset of GMarkup's (line, byte column), both counted from 1. Positions
 * come in file order while parsing, so the walk goes on from the last one. */
static gsize
offset_of (Reader *r,
           int     line,
           int     byte_column)
{
  if (line < r->cache_line)
    {
      r->cache_line = 1;
      r->cache_offset = 0;
    }

  while (r->cache_line < line && r->cache_offset < r->length)
    {
      const char *newline = memchr (r->data + r->cache_offset, '\n', r->length - r->cache_offset);

      if (newline == NULL)
        break;
      r->cache_offset = newline - r->data + 1;
      r->cache_line++;
    }

  return MIN (r->cache_offset + MAX (byte_column, 1) - 1, r->length);
}

void
_chrono_thetimelineproj_set_error_at (Reader      *r,
              gsize        offset,
              GError     **error,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  chrono_input_set_error_at (error, code, r->display_name, r->data, r->length, offset, "%s", sentence);
}

static gboolean
check_version (Reader  *r,
               GError **error)
{
  const char *version = g_strstrip (r->fields[FIELD_VERSION].text->str);

  if (!g_regex_match_simple ("^\\d+\\.\\d+\\.\\d+", version, 0, 0))
    {
      set_field_error (r, FIELD_VERSION, error, _("“%s” is not a version of The Timeline Project"), version);
      return FALSE;
    }
  r->seen_version = TRUE;

  return TRUE;
}

static gboolean
check_timetype (Reader  *r,
                GError **error)
{
  const char *timetype = g_strstrip (r->fields[FIELD_TIMETYPE].text->str);

  if (strcmp (timetype, "gregoriantime") == 0)
    r->numtime = FALSE;
  else if (strcmp (timetype, "numtime") == 0)
    r->numtime = TRUE;
  else
    {
      set_field_error (r, FIELD_TIMETYPE, error,
                       _("the timeline counts time as “%s”, which Chronoscope cannot read (it reads “gregoriantime” and “numtime”)"),
                       timetype);
      return FALSE;
    }

  return TRUE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *r = user_data;
  int line, column;
  gsize offset;

  r->depth++;
  if (r->depth > CHRONO_INPUT_MAX_DEPTH)
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_TOO_LARGE,
                   _("%s: the elements are nested more than %d deep"), r->display_name, CHRONO_INPUT_MAX_DEPTH);
      return;
    }
  /* GMarkup's position is a little past the start tag; errors point at its “<”. */
  g_markup_parse_context_get_position (context, &line, &column);
  offset = MIN (offset_of (r, line, column), r->length - 1);
  while (offset > 0 && r->data[offset] != '>')
    offset--;
  while (offset > 0 && r->data[offset] != '<')
    offset--;

  if (r->depth == 1)
    {
      if (strcmp (element_name, "timeline") != 0)
        {
          _chrono_thetimelineproj_set_error_at (r, offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                        _("not a file of The Timeline Project: its root element is <%s>, not <timeline>"),
                        element_name);
          return;
        }
      r->seen_root = TRUE;
      return;
    }

  if (r->depth == 2)
    {
      if (!r->seen_version && strcmp (element_name, "version") != 0)
        {
          _chrono_thetimelineproj_set_error_at (r, offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                        _("not a file of The Timeline Project: <timeline> must begin with its <version>"));
          return;
        }
      if (strcmp (element_name, "version") == 0)
        r->collecting = FIELD_VERSION;
      else if (strcmp (element_name, "timetype") == 0)
        r->collecting = FIELD_TIMETYPE;
      if (r->collecting >= 0)
        {
          g_string_truncate (r->fields[r->collecting].text, 0);
          r->fields[r->collecting].present = TRUE;
          r->fields[r->collecting].offset = offset;
        }
      return;
    }

  if (r->depth == 3)
    {
      const char *parent = g_markup_parse_context_get_element_stack (context)->next->data;

      r->kind = OBJECT_NONE;
      if (strcmp (parent, "categories") == 0 && strcmp (element_name, "category") == 0)
        r->kind = OBJECT_CATEGORY;
      else if (strcmp (parent, "eras") == 0 && strcmp (element_name, "era") == 0)
        r->kind = OBJECT_ERA;
      else if (strcmp (parent, "events") == 0 && strcmp (element_name, "event") == 0)
        r->kind = OBJECT_EVENT;
      if (r->kind != OBJECT_NONE)
        {
          reader_clear_fields (r);
          r->object_offset = offset;
        }
      return;
    }

  if (r->kind == OBJECT_NONE)
    return;

  if (r->depth == 4)
    {
      if (r->kind == OBJECT_EVENT && strcmp (element_name, "categories") == 0)
        {
          r->in_event_categories = TRUE;
          return;
        }
      for (guint i = 0; i < FIELD_VERSION; i++)
        {
          if (strcmp (element_name, field_names[i]) == 0)
            {
              r->collecting = i;
              g_string_truncate (r->fields[i].text, 0);
              r->fields[i].present = TRUE;
              r->fields[i].offset = offset;
              break;
            }
        }
      return;
    }

  if (r->depth == 5 && r->in_event_categories && strcmp (element_name, "category") == 0 &&
      r->first_extra_category == NULL)
    {
      /* Read like a field, into the description's place for now. */
      r->collecting = N_FIELDS;
      r->extra_offset = offset;
      g_string_truncate (r->fields[FIELD_NAME].text, 0);
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  guint depth = r->depth--;

  if (r->collecting == N_FIELDS)
    {
      /* An event's extra category: kept in the name field, which events do not use. */
      r->first_extra_category = _chrono_collapse_space (r->fields[FIELD_NAME].text->str);
      g_string_truncate (r->fields[FIELD_NAME].text, 0);
      r->collecting = -1;
      return;
    }

  if (r->collecting == FIELD_VERSION)
    {
      r->collecting = -1;
      check_version (r, error);
      return;
    }
  if (r->collecting == FIELD_TIMETYPE)
    {
      r->collecting = -1;
      check_timetype (r, error);
      return;
    }
  r->collecting = -1;

  if (depth == 4 && r->in_event_categories)
    r->in_event_categories = FALSE;

  if (depth == 3)
    {
      ObjectKind kind = r->kind;

      r->kind = OBJECT_NONE;
      _chrono_thetimelineproj_collapse_fields (r);
      switch (kind)
        {
        case OBJECT_CATEGORY:
          _chrono_thetimelineproj_end_category (r, error);
          break;
        case OBJECT_ERA:
          _chrono_thetimelineproj_end_era (r, error);
          break;
        case OBJECT_EVENT:
          _chrono_thetimelineproj_end_event (r, error);
          break;
        case OBJECT_NONE:
        default:
          break;
        }
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
  GString *field;

  if (r->collecting < 0)
    return;

  field = r->fields[r->collecting == N_FIELDS ? FIELD_NAME : r->collecting].text;
  if (field->len + text_len > CHRONO_INPUT_MAX_STRING_LENGTH)
    {
      int line, column;

      g_markup_parse_context_get_position (context, &line, &column);
      _chrono_thetimelineproj_set_error_at (r, offset_of (r, line, column), error, CHRONO_READER_ERROR_TOO_LARGE,
                    _("this text is longer than %u bytes"), (guint) CHRONO_INPUT_MAX_STRING_LENGTH);
      return;
    }
  g_string_append_len (field, text, text_len);
}

static const GMarkupParser parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

gboolean
chrono_thetimelineproj_sniff (const char *data,
                              gsize       length)
{
  g_autofree char *head = NULL;
  const char *root, *version;

  length = MIN (length, 4096);
  head = g_strndup (data, length);

  /* Past the XML declaration and any comments, the root must be a bare <timeline>. */
  root = strstr (head, "<timeline");
  if (root == NULL || (root[9] != '>' && !g_ascii_isspace (root[9])))
    return FALSE;
  version = strstr (root, "<version>");

  return version != NULL && strstr (root, "xmlns") == NULL;
}

static char *
title_from_name (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

ChronoTimeline *
_chrono_read_thetimelineproj (GBytes                  *bytes,
                              const char              *display_name,
                              ChronoLoadProgressFunc   progress,
                              gpointer                 progress_data,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  Reader r = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;
  ChronoTimeline *timeline = NULL;
  gsize start;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.data = g_bytes_get_data (bytes, &r.length);
  r.display_name = display_name;

  if (!chrono_input_check_size (r.length, display_name, error) ||
      !chrono_input_check_utf8 (r.data, r.length, display_name, error))
    return NULL;

  /* A byte order mark is allowed, but GMarkup does not expect one. */
  start = chrono_input_skip_bom (r.data, r.length);
  {
    gsize i = start;

    while (i < r.length && g_ascii_isspace (r.data[i]))
      i++;
    if (i == r.length)
      {
        g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                     _("%s: the file is empty"), display_name);
        return NULL;
      }
  }

  r.timeline = chrono_timeline_new ();
  r.collecting = -1;
  r.cache_line = 1;
  for (guint i = 0; i < N_FIELDS; i++)
    r.fields[i].text = g_string_new (NULL);
  r.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.containers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    chrono_date_parse (today, &r.today, NULL);
  }
  r.context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &r, NULL);

  for (gsize offset = start; offset < r.length; offset += CHUNK_SIZE)
    {
      if (progress != NULL)
        progress ((double) offset / r.length, progress_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
          !g_markup_parse_context_parse (r.context, r.data + offset, MIN (CHUNK_SIZE, r.length - offset), &local_error))
        break;
    }
  if (local_error == NULL)
    g_markup_parse_context_end_parse (r.context, &local_error);

  if (local_error != NULL && local_error->domain == G_MARKUP_ERROR)
    {
      const char *sentence = local_error->message;
      g_autofree char *valid = NULL;
      const char *marker;
      int line, column;

      if (g_str_has_prefix (sentence, "Error on line ") && (marker = strstr (sentence, ": ")) != NULL)
        sentence = marker + 2;
      /* GMarkup quotes a bad name's first byte alone, which may be part of a character. */
      valid = g_utf8_make_valid (sentence, -1);
      g_markup_parse_context_get_position (r.context, &line, &column);
      _chrono_thetimelineproj_set_error_at (&r, offset_of (&r, line, column), error, CHRONO_READER_ERROR_SYNTAX, "%s", valid);
    }
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (!r.seen_root || !r.seen_version)
    g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                 _("%s: not a file of The Timeline Project: there is no <timeline> with a <version>"),
                 display_name);
  else
    {
      title = title_from_name (display_name);
      chrono_timeline_set_title (r.timeline, title);
      chrono_timeline_seal (r.timeline);
      timeline = g_steal_pointer (&r.timeline);
    }

  g_markup_parse_context_free (r.context);
  for (guint i = 0; i < N_FIELDS; i++)
    g_string_free (r.fields[i].text, TRUE);
  g_clear_pointer (&r.first_extra_category, g_free);
  g_hash_table_unref (r.categories);
  g_hash_table_unref (r.containers);
  g_clear_object (&r.timeline);

  return timeline;
}

ChronoTimeline *
chrono_timeline_read_thetimelineproj_bytes (GBytes        *bytes,
                                            const char    *display_name,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  return _chrono_read_thetimelineproj (bytes, display_name, NULL, NULL, cancellable, error);
}

