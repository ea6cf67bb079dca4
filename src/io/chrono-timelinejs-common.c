/* chrono-timelinejs-common.c — what the TimelineJS readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs"

#include "config.h"

#include <string.h>

#include "chrono-input-limits.h"
#include "chrono-timelinejs-private.h"

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

        flagged_start.flags = flags[i];
        if (end != NULL)
          {
            flagged_end = *end;
            flagged_end.flags = flags[j];
          }
        written = _chrono_timelinejs_flags_display (&flagged_start, end != NULL ? &flagged_end : NULL);
        if (g_strcmp0 (written, display) == 0)
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

char *
_chrono_html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      const char *end;

      if (*p == '<' && (end = strchr (p, '>')) != NULL)
        {
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
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_len (out, decoded->str, decoded->len);
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
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
                             const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      escaped = g_markup_escape_text (paragraphs[i], -1);
      g_string_append_printf (out, "<p>%s</p>", escaped);
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
