/* chrono-thetimelineproj-reader.c — the .timeline files of The Timeline Project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-thetimelineproj-reader"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-input-limits.h"
#include "chrono-thetimelineproj-reader.h"
#include "chrono-timeline-reader.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-timelinejs-private.h"

#define CHUNK_SIZE (256 * 1024)

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

static const char * const field_names[N_FIELDS] = {
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

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  chrono_input_set_error_at (error, code, r->display_name, r->data, r->length, offset, "%s", sentence);
}

#define set_field_error(r, id, error, ...) \
  set_error_at ((r), (r)->fields[id].offset, (error), \
                CHRONO_READER_ERROR_INVALID, __VA_ARGS__)
#define set_object_error(r, error, ...) \
  set_error_at ((r), (r)->object_offset, (error), \
                CHRONO_READER_ERROR_INVALID, __VA_ARGS__)

static const char *
field_text (Reader  *r,
            FieldId  id)
{
  return r->fields[id].present ? r->fields[id].text->str : NULL;
}

/* Texts are kept as the native reader keeps them: white space collapsed. */
static void
collapse_fields (Reader *r)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *collapsed = NULL;

      if (!r->fields[i].present || i == FIELD_ICON)
        continue;
      /* A container's mark starts the raw text; a space before a bracket escapes it. */
      if (i == FIELD_TEXT)
        r->text_has_mark = r->fields[i].text->str[0] == '[' || r->fields[i].text->str[0] == '(';
      collapsed = _chrono_collapse_space (r->fields[i].text->str);
      g_string_assign (r->fields[i].text, collapsed);
    }
}

static gboolean
field_is_true (Reader  *r,
               FieldId  id)
{
  /* The Timeline Project writes Python's booleans. */
  return r->fields[id].present && strcmp (g_strstrip (r->fields[id].text->str), "True") == 0;
}

static gboolean
parse_color (Reader      *r,
             FieldId      id,
             guint        rgb[3],
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (g_strstrip (r->fields[id].text->str), ",", -1);

  if (g_strv_length (parts) == 3)
    {
      guint i;

      for (i = 0; i < 3; i++)
        {
          guint64 value;

          if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 255, &value, NULL))
            break;
          rgb[i] = value;
        }
      if (i == 3)
        return TRUE;
    }

  set_field_error (r, id, error, _("“%s” is not a colour: The Timeline Project writes colours as red,green,blue from 0 to 255"),
                   r->fields[id].text->str);
  return FALSE;
}

static double
relative_luminance (const double rgb[3])
{
  double l[3];

  for (guint i = 0; i < 3; i++)
    l[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/* The Timeline Project draws on white with pale colours. Chronoscope needs a colour
 * that reads on a light background and one that reads on a dark one: the file's colour
 * is darkened, or lightened, just until it has a contrast of 3:1 against either. */
static char *
adjust_color (const guint rgb[3],
              gboolean    for_dark)
{
  /* Relative luminances of the light and dark view backgrounds. */
  const double light_background = 1.0, dark_background = 0.015;
  double c[3];

  for (guint step = 0; step <= 20; step++)
    {
      double mix = step / 20.0, contrast;

      for (guint i = 0; i < 3; i++)
        c[i] = for_dark ? rgb[i] / 255.0 + (1.0 - rgb[i] / 255.0) * mix
                        : rgb[i] / 255.0 * (1.0 - mix);

      if (for_dark)
        contrast = (relative_luminance (c) + 0.05) / (dark_background + 0.05);
      else
        contrast = (light_background + 0.05) / (relative_luminance (c) + 0.05);
      if (contrast >= 3.0)
        break;
    }

  return g_strdup_printf ("#%02x%02x%02x", (guint) round (c[0] * 255), (guint) round (c[1] * 255),
                          (guint) round (c[2] * 255));
}

/* Reads up to @max_digits digits and no more; FALSE when there are none or too many. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint64     *out_value)
{
  guint64 value = 0;
  guint n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (out_value != NULL)
    *out_value = value;

  return n > 0 && !g_ascii_isdigit (**p);
}

/* One or two digits, or G_MAXUINT. */
static guint
read_small (const char **p)
{
  guint64 value;

  return read_number (p, 2, &value) ? (guint) value : G_MAXUINT;
}

/* Dates are “YEAR-MM-DD HH:MM:SS” (a negative year is astronomical, as in Chronoscope)
 * or, in numtime files, plain numbers, which are read as years. The precision is the
 * finest part that is not zero, so that a whole day stays a day. */
static gboolean
parse_time (Reader      *r,
            FieldId      id,
            ChronoDate  *out_date,
            GError     **error)
{
  const char *text = g_strstrip (r->fields[id].text->str);
  g_autofree char *edtf = NULL;
  g_autoptr(GError) date_error = NULL;

  if (r->numtime)
    {
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);

      if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value) || fabs (value) > 1e11)
        {
          set_field_error (r, id, error, _("“%s” is not a number"), text);
          return FALSE;
        }
      edtf = g_strdup_printf ("%s%04" G_GINT64_FORMAT, value < -0.5 ? "-" : "",
                              (gint64) llround (fabs (value)));
    }
  else
    {
      guint64 year;
      guint month, day, hour, minute, second;
      const char *p = text;
      gboolean negative = *p == '-';

      if (negative)
        p++;
      if (!read_number (&p, 12, &year) || *p++ != '-' ||
          (month = read_small (&p)) == G_MAXUINT || *p++ != '-' ||
          (day = read_small (&p)) == G_MAXUINT || *p++ != ' ' ||
          (hour = read_small (&p)) == G_MAXUINT || *p++ != ':' ||
          (minute = read_small (&p)) == G_MAXUINT || *p++ != ':' ||
          (second = read_small (&p)) == G_MAXUINT || *p != '\0')
        goto bad;

      /* Out-of-range parts are left to chrono_date_parse() to name. */
      edtf = g_strdup_printf ("%s%04" G_GUINT64_FORMAT "-%02u-%02u", negative && year != 0 ? "-" : "", year, month, day);
      if (second != 0)
        {
          char *with_time = g_strdup_printf ("%sT%02u:%02u:%02u", edtf, hour, minute, second);
          g_free (edtf);
          edtf = with_time;
        }
      else if (hour != 0 || minute != 0)
        {
          char *with_time = g_strdup_printf ("%sT%02u:%02u", edtf, hour, minute);
          g_free (edtf);
          edtf = with_time;
        }
    }

  if (!chrono_date_parse (edtf, out_date, &date_error))
    {
      set_field_error (r, id, error, "%s", date_error->message);
      return FALSE;
    }
  return TRUE;

bad:
  set_field_error (r, id, error, _("“%s” is not a time: The Timeline Project writes YEAR-MM-DD HH:MM:SS"), text);
  return FALSE;
}

/* Start and end, both required. The same start and end make a moment. */
static gboolean
parse_period (Reader      *r,
              const char  *what,
              ChronoDate  *out_start,
              ChronoDate  *out_end,
              gboolean    *out_has_end,
              GError     **error)
{
  for (FieldId id = FIELD_START; id <= FIELD_END; id++)
    {
      if (!r->fields[id].present)
        {
          /* Translators: the first %s is an element name (<era>, <event>), the second
           * <start> or <end> */
          set_object_error (r, error, _("this <%s> has no <%s>"), what, field_names[id]);
          return FALSE;
        }
    }

  if (!parse_time (r, FIELD_START, out_start, error) ||
      !parse_time (r, FIELD_END, out_end, error))
    return FALSE;

  *out_has_end = strcmp (r->fields[FIELD_START].text->str, r->fields[FIELD_END].text->str) != 0;
  if (field_is_true (r, FIELD_ENDS_TODAY) && chrono_date_get_end (&r->today) > chrono_date_get_start (out_start))
    {
      *out_end = r->today;
      *out_has_end = TRUE;
    }
  if (*out_has_end && chrono_date_get_end (out_end) <= chrono_date_get_start (out_start))
    {
      set_field_error (r, FIELD_END, error, _("it ends before it starts"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
end_category (Reader  *r,
              GError **error)
{
  const char *name = field_text (r, FIELD_NAME);
  g_autoptr(ChronoCategory) category = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  guint rgb[3], suffix = 2;

  if (name == NULL || *g_strstrip ((char *) name) == '\0')
    {
      set_object_error (r, error, _("this <category> has no <name>"));
      return FALSE;
    }
  if (!r->fields[FIELD_COLOR].present)
    {
      set_object_error (r, error, _("the category “%s” has no <color>"), name);
      return FALSE;
    }
  if (!parse_color (r, FIELD_COLOR, rgb, error))
    return FALSE;

  /* The Timeline Project keeps the first of two categories with one name. */
  if (g_hash_table_contains (r->categories, name))
    return TRUE;

  slug = chrono_input_make_id (name);
  id = g_strdup_printf ("category-%s", slug != NULL ? slug : "");
  while (chrono_timeline_lookup_category (r->timeline, id) != NULL || !chrono_input_is_valid_id (id))
    {
      g_free (id);
      id = g_strdup_printf ("category-%s%s%u", slug != NULL ? slug : "", slug != NULL ? "-" : "", suffix++);
    }

  light = adjust_color (rgb, FALSE);
  dark = adjust_color (rgb, TRUE);
  category = chrono_category_new (id, name, light, dark);
  chrono_timeline_add_category (r->timeline, category);
  g_hash_table_insert (r->categories, g_strdup (name), category);

  return TRUE;
}

static gboolean
end_era (Reader  *r,
         GError **error)
{
  const char *name = field_text (r, FIELD_NAME);
  g_autoptr(ChronoEra) era = NULL;
  ChronoDate start, end;
  gboolean has_end;

  if (name == NULL || *g_strstrip ((char *) name) == '\0')
    {
      set_object_error (r, error, _("this <era> has no <name>"));
      return FALSE;
    }
  if (!parse_period (r, "era", &start, &end, &has_end, error))
    return FALSE;

  era = chrono_era_new (name, &start, has_end ? &end : &start);
  chrono_timeline_add_era (r->timeline, era);

  return TRUE;
}

static ChronoCategory *
lookup_category (Reader      *r,
                 const char  *name,
                 gsize        offset,
                 GError     **error)
{
  ChronoCategory *category = g_hash_table_lookup (r->categories, name);

  if (category == NULL)
    set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                  _("the category “%s” is not among the file's <categories>"), name);

  return category;
}

static gboolean
end_event (Reader  *r,
           GError **error)
{
  g_autoptr(ChronoEvent) event = NULL;
  g_autofree char *id = NULL;
  g_autofree char *container_of = NULL;
  const char *text = field_text (r, FIELD_TEXT);
  const char *description = field_text (r, FIELD_DESCRIPTION);
  ChronoCategory *category = NULL;
  ChronoDate start, end;
  gboolean has_end;

  if (text == NULL)
    {
      set_object_error (r, error, _("this <event> has no <text>"));
      return FALSE;
    }
  if (!parse_period (r, "event", &start, &end, &has_end, error))
    return FALSE;

  if (r->fields[FIELD_CATEGORY].present)
    category = lookup_category (r, g_strstrip (r->fields[FIELD_CATEGORY].text->str),
                                r->fields[FIELD_CATEGORY].offset, error);
  else if (r->first_extra_category != NULL)
    category = lookup_category (r, r->first_extra_category, r->extra_offset, error);
  if ((r->fields[FIELD_CATEGORY].present || r->first_extra_category != NULL) && category == NULL)
    return FALSE;
  /* The Timeline Project draws an event with no category in grey; Chronoscope gives
   * every event a category, so these share one. */
  if (category == NULL)
    {
      category = chrono_timeline_lookup_category (r->timeline, "uncategorized");
      if (category == NULL)
        {
          /* Translators: the category of events that have none in a .timeline file */
          g_autoptr(ChronoCategory) created = chrono_category_new ("uncategorized", _("Other events"),
                                                                   "#77767b", "#c0bfbc");
          chrono_timeline_add_category (r->timeline, created);
          category = created;
        }
    }

  /* A container's text starts with “[ID]”, a part of one with “(ID)”; a text that
   * really starts with a bracket is written with a space before it (which the white
   * space collapse has already taken). */
  if (r->text_has_mark)
    {
      const char *close = strchr (text, text[0] == '[' ? ']' : ')');

      if (close != NULL)
        {
          g_autofree char *cid = g_strndup (text + 1, close - text - 1);

          if (text[0] == '[')
            g_hash_table_insert (r->containers, g_steal_pointer (&cid), g_strdup (close + 1));
          else
            container_of = g_strdup (g_hash_table_lookup (r->containers, cid));
          text = close + 1;
        }
    }

  if (field_is_true (r, FIELD_FUZZY))
    {
      start.flags |= CHRONO_DATE_APPROXIMATE;
      end.flags |= CHRONO_DATE_APPROXIMATE;
    }

  id = g_strdup_printf ("event-%u", ++r->n_events);
  event = chrono_event_new (id, &start, *text != '\0' ? text : _("Untitled event"));
  /* A milestone is a moment, whatever its end says. */
  if (has_end && !field_is_true (r, FIELD_MILESTONE))
    chrono_event_set_end (event, &end);
  chrono_event_set_category (event, category);
  if (description != NULL && *g_strstrip ((char *) description) != '\0')
    chrono_event_set_summary (event, description);

  if (container_of != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("Part of “%s”."), container_of);
      chrono_event_add_note (event, note);
    }

  if (field_is_true (r, FIELD_ENDS_TODAY))
    chrono_event_add_note (event, _("Still going on: it ends today."));

  if (r->fields[FIELD_PROGRESS].present)
    {
      guint64 progress;

      if (!g_ascii_string_to_unsigned (g_strstrip (r->fields[FIELD_PROGRESS].text->str), 10, 0, 100, &progress, NULL))
        {
          set_field_error (r, FIELD_PROGRESS, error, _("the progress “%s” is not a whole number from 0 to 100"),
                           r->fields[FIELD_PROGRESS].text->str);
          return FALSE;
        }
      if (progress > 0)
        {
          /* Translators: how far a task has come, e.g. “40% done” */
          g_autofree char *note = g_strdup_printf (_("%u%% done"), (guint) progress);
          chrono_event_add_note (event, note);
        }
    }

  if (r->fields[FIELD_LABELS].present && *g_strstrip (r->fields[FIELD_LABELS].text->str) != '\0')
    {
      g_autofree char *note = g_strdup_printf (_("Labels: %s"), r->fields[FIELD_LABELS].text->str);
      chrono_event_add_note (event, note);
    }

  if (r->fields[FIELD_HYPERLINK].present && *g_strstrip (r->fields[FIELD_HYPERLINK].text->str) != '\0')
    {
      /* Several links may be given, separated by semicolons. */
      g_auto(GStrv) links = g_strsplit (r->fields[FIELD_HYPERLINK].text->str, ";", -1);

      for (guint i = 0; links[i] != NULL; i++)
        {
          g_autofree char *source_id = NULL;
          g_autoptr(ChronoSource) source = NULL;

          if (*g_strstrip (links[i]) == '\0')
            continue;
          source_id = g_strdup_printf ("link-%u", ++r->n_links);
          source = chrono_source_new (source_id, links[i]);
          chrono_source_set_url (source, links[i]);
          chrono_timeline_add_source (r->timeline, source);
          chrono_event_add_source (event, source);
        }
    }

  /* The icon is a PNG in base64: shown as the event's picture. */
  if (r->fields[FIELD_ICON].present)
    {
      g_autoptr(GString) uri = g_string_new ("data:image/png;base64,");

      for (const char *p = r->fields[FIELD_ICON].text->str; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (uri, *p);
      if (uri->len > strlen ("data:image/png;base64,"))
        chrono_event_set_media (event, uri->str, NULL, NULL);
    }

  chrono_timeline_add_event (r->timeline, event);

  return TRUE;
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
          set_error_at (r, offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
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
          set_error_at (r, offset, error, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
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
      collapse_fields (r);
      switch (kind)
        {
        case OBJECT_CATEGORY:
          end_category (r, error);
          break;
        case OBJECT_ERA:
          end_era (r, error);
          break;
        case OBJECT_EVENT:
          end_event (r, error);
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
      set_error_at (r, offset_of (r, line, column), error, CHRONO_READER_ERROR_TOO_LARGE,
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
      const char *marker;
      int line, column;

      if (g_str_has_prefix (sentence, "Error on line ") && (marker = strstr (sentence, ": ")) != NULL)
        sentence = marker + 2;
      g_markup_parse_context_get_position (r.context, &line, &column);
      set_error_at (&r, offset_of (&r, line, column), error, CHRONO_READER_ERROR_SYNTAX, "%s", sentence);
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
