/* chrono-thetimelineproj-objects.c — the categories, eras and events of a .timeline
 * file, from the texts of their elements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-thetimelineproj-reader"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-input-limits.h"
#include "chrono-thetimelineproj-private.h"
#include "chrono-timeline-reader.h"
#include "chrono-timelinejs-private.h"

static const char *
field_text (Reader  *r,
            FieldId  id)
{
  return r->fields[id].present ? r->fields[id].text->str : NULL;
}

/* Texts are kept as the native reader keeps them: white space collapsed. */
void
_chrono_thetimelineproj_collapse_fields (Reader *r)
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

gboolean
_chrono_thetimelineproj_end_category (Reader  *r,
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

gboolean
_chrono_thetimelineproj_end_era (Reader  *r,
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
    _chrono_thetimelineproj_set_error_at (r, offset, error, CHRONO_READER_ERROR_INVALID,
                  _("the category “%s” is not among the file's <categories>"), name);

  return category;
}

gboolean
_chrono_thetimelineproj_end_event (Reader  *r,
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

