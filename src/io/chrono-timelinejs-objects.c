/* chrono-timelinejs-objects.c — the title, events, eras and group colours of a
 * TimelineJS document, from its JSON objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-input-limits.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-timelinejs-private.h"
#include "chrono-timelinejs-reader-private.h"

G_GNUC_PRINTF (4, 5)
static void
set_path_error (JsReader    *r,
                GError     **error,
                const char  *path,
                const char  *format,
                ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID,
               /* Translators: where an error is in a TimelineJS file: the file name, the
                * place in it as a JSON path (“$.events[0].start_date.month”), then what
                * is wrong */
               _("%s: %s: %s"), r->display_name, path, sentence);
}

/* A member that must be an object when present; NULL when absent. */
static gboolean
get_object_member (JsReader    *r,
                   JsonObject  *object,
                   const char  *name,
                   const char  *path,
                   JsonObject **out_object,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_object = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_path_error (r, error, path, _("“%s” must be an object"), name);
      return FALSE;
    }

  *out_object = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_string_member (JsReader    *r,
                   JsonObject  *object,
                   const char  *name,
                   const char  *path,
                   const char **out_string,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *problem = NULL;
  const char *string;

  *out_string = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_path_error (r, error, path, _("“%s” must be a string"), name);
      return FALSE;
    }

  string = json_node_get_string (node);
  problem = chrono_input_check_text (string, strlen (string));
  if (problem != NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

      set_path_error (r, error, member_path, "%s", problem);
      return FALSE;
    }

  *out_string = string;
  return TRUE;
}

/* TimelineJS writes date parts as numbers or as strings of digits ("2012", "-500");
 * an empty string means the part is not given. */
static gboolean
get_date_part (JsReader    *r,
               JsonObject  *object,
               const char  *name,
               const char  *path,
               gboolean    *out_present,
               gint64      *out_value,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out_value = json_node_get_int (node);
      *out_present = TRUE;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* The cast is defined only for values that fit; 2^63 itself does not. */
      if (value >= -0x1p63 && value < 0x1p63 && value == (double) (gint64) value)
        {
          *out_value = (gint64) value;
          *out_present = TRUE;
          return TRUE;
        }
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));

      if (*text == '\0')
        return TRUE;
      if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out_value, NULL))
        {
          *out_present = TRUE;
          return TRUE;
        }
    }

  set_path_error (r, error, path, _("“%s” must be a whole number"), name);
  return FALSE;
}

/* The parts of a date, as the file wrote them, are those of a date; the error names
 * the part that is wrong and says it as the file did (month 13, not “2012-13”). */
static gboolean
check_date_parts (JsReader     *r,
                  const char   *path,
                  const char  **parts,
                  const gint64 *values,
                  guint         finest,
                  GError      **error)
{
  static const gint64 time_limits[] = { 23, 59, 59 };
  g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, values[CHRONO_TIMELINEJS_YEAR]);
  g_autofree char *month = g_strdup_printf ("%" G_GINT64_FORMAT, values[CHRONO_TIMELINEJS_MONTH]);
  g_autofree char *day = g_strdup_printf ("%" G_GINT64_FORMAT, values[CHRONO_TIMELINEJS_DAY]);
  g_autofree char *part_path = NULL;

  if (values[CHRONO_TIMELINEJS_YEAR] < -CHRONO_DATE_YEAR_LIMIT || values[CHRONO_TIMELINEJS_YEAR] > CHRONO_DATE_YEAR_LIMIT)
    {
      part_path = g_strdup_printf ("%s.%s", path, parts[CHRONO_TIMELINEJS_YEAR]);
      set_path_error (r, error, part_path, _("the year %s is too far in the past or the future"), year);
      return FALSE;
    }
  if (finest >= CHRONO_TIMELINEJS_MONTH &&
      (values[CHRONO_TIMELINEJS_MONTH] < 1 || values[CHRONO_TIMELINEJS_MONTH] > 12))
    {
      part_path = g_strdup_printf ("%s.%s", path, parts[CHRONO_TIMELINEJS_MONTH]);
      set_path_error (r, error, part_path, _("there is no month %s"), month);
      return FALSE;
    }
  if (finest >= CHRONO_TIMELINEJS_DAY &&
      (values[CHRONO_TIMELINEJS_DAY] < 1 ||
       values[CHRONO_TIMELINEJS_DAY] > chrono_date_days_in_month (_chrono_timelinejs_year_to_astronomical (values[CHRONO_TIMELINEJS_YEAR]),
                                                                  (guint) values[CHRONO_TIMELINEJS_MONTH])))
    {
      part_path = g_strdup_printf ("%s.%s", path, parts[CHRONO_TIMELINEJS_DAY]);
      set_path_error (r, error, part_path, _("month %s of %s has no day %s"), month, year, day);
      return FALSE;
    }
  for (guint i = CHRONO_TIMELINEJS_HOUR; i <= finest; i++)
    {
      g_autofree char *number = NULL;

      if (values[i] >= 0 && values[i] <= time_limits[i - CHRONO_TIMELINEJS_HOUR])
        continue;

      part_path = g_strdup_printf ("%s.%s", path, parts[i]);
      number = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
      if (i == CHRONO_TIMELINEJS_HOUR)
        set_path_error (r, error, part_path, _("hour %s does not exist"), number);
      else if (i == CHRONO_TIMELINEJS_MINUTE)
        set_path_error (r, error, part_path, _("minute %s does not exist"), number);
      else
        set_path_error (r, error, part_path, _("second %s does not exist"), number);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_date (JsReader    *r,
           JsonObject  *object,
           const char  *path,
           ChronoDate  *out_date,
           GError     **error)
{
  static const char *parts[CHRONO_TIMELINEJS_N_PARTS] = { "year", "month", "day", "hour", "minute", "second" };
  gint64 values[G_N_ELEMENTS (parts)] = { 0 };
  gboolean present[G_N_ELEMENTS (parts)] = { FALSE };
  g_autoptr(GString) edtf = NULL;
  g_autoptr(GError) date_error = NULL;
  ChronoDate date;
  guint finest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part_path = g_strdup_printf ("%s.%s", path, parts[i]);

      if (!get_date_part (r, object, parts[i], path, &present[i], &values[i], error))
        return FALSE;

      if (present[i] && i > 0 && !present[i - 1])
        {
          set_path_error (r, error, part_path, _("a date with a %s needs a %s too"), parts[i], parts[i - 1]);
          return FALSE;
        }
      if (present[i])
        finest = i;
    }

  if (!present[0])
    {
      set_path_error (r, error, path, _("a date needs a year"));
      return FALSE;
    }

  if (!check_date_parts (r, path, parts, values, finest, error))
    return FALSE;

  /* Spelled as EDTF and parsed; the parts are those of a date by now. */
  edtf = g_string_new (NULL);
  g_string_append_printf (edtf, "%s%04" G_GUINT64_FORMAT, values[0] < 0 ? "-" : "",
                          values[0] < 0 ? -(guint64) values[0] : (guint64) values[0]);
  if (finest >= 1)
    g_string_append_printf (edtf, "-%02" G_GINT64_FORMAT, values[1]);
  if (finest >= 2)
    g_string_append_printf (edtf, "-%02" G_GINT64_FORMAT, values[2]);
  if (finest >= 3)
    g_string_append_printf (edtf, "T%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, values[3], values[4]);
  if (finest >= 5)
    g_string_append_printf (edtf, ":%02" G_GINT64_FORMAT, values[5]);

  if (!chrono_date_parse (edtf->str, &date, &date_error))
    {
      set_path_error (r, error, path, "%s", date_error->message);
      return FALSE;
    }

  /* TimelineJS shows "year": -500 as 500 BCE, which is the astronomical year -499. */
  if (date.year < 0)
    {
      g_autofree char *astronomical = NULL;

      date.year = _chrono_timelinejs_year_to_astronomical (date.year);
      astronomical = chrono_date_to_edtf (&date);
      if (!chrono_date_parse (astronomical, &date, &date_error))
        {
          set_path_error (r, error, path, "%s", date_error->message);
          return FALSE;
        }
    }

  /* An hour without minutes is read as HH:00, since the native format (EDTF) has no
   * hour-only form and the file must read back the same. */
  *out_date = date;
  return TRUE;
}

static gboolean
read_dates (JsReader    *r,
            JsonObject  *object,
            const char  *path,
            gboolean     end_required,
            ChronoDate  *out_start,
            ChronoDate  *out_end,
            gboolean    *out_has_end,
            GError     **error)
{
  g_autofree char *start_path = g_strdup_printf ("%s.start_date", path);
  g_autofree char *end_path = g_strdup_printf ("%s.end_date", path);
  JsonObject *start_object, *end_object;

  if (!get_object_member (r, object, "start_date", path, &start_object, error) ||
      !get_object_member (r, object, "end_date", path, &end_object, error))
    return FALSE;

  if (start_object == NULL)
    {
      set_path_error (r, error, path, _("“start_date” is missing"));
      return FALSE;
    }
  if (!read_date (r, start_object, start_path, out_start, error))
    return FALSE;

  *out_has_end = end_object != NULL;
  if (end_object == NULL)
    {
      if (end_required)
        {
          set_path_error (r, error, path, _("“end_date” is missing"));
          return FALSE;
        }
      return TRUE;
    }

  if (!read_date (r, end_object, end_path, out_end, error))
    return FALSE;
  if (chrono_date_get_end (out_end) <= chrono_date_get_start (out_start))
    {
      set_path_error (r, error, path, _("it ends before it starts"));
      return FALSE;
    }

  return TRUE;
}

/* The headline and text of a slide, as plain text; either may come back NULL. With
 * @out_body, the text as it is written too. */
static gboolean
read_text (JsReader    *r,
           JsonObject  *object,
           const char  *path,
           char       **out_headline,
           char       **out_text,
           const char **out_body,
           GError     **error)
{
  g_autofree char *text_path = g_strdup_printf ("%s.text", path);
  JsonObject *text;
  const char *headline = NULL, *body = NULL;

  *out_headline = NULL;
  *out_text = NULL;

  if (!get_object_member (r, object, "text", path, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!get_string_member (r, text, "headline", text_path, &headline, error) ||
      !get_string_member (r, text, "text", text_path, &body, error))
    return FALSE;

  if (headline != NULL)
    *out_headline = _chrono_html_to_text (headline);
  if (body != NULL)
    *out_text = _chrono_html_to_lines (body);
  if (out_body != NULL)
    *out_body = body;

  if (*out_headline != NULL && **out_headline == '\0')
    g_clear_pointer (out_headline, g_free);
  if (*out_text != NULL && **out_text == '\0')
    g_clear_pointer (out_text, g_free);

  return TRUE;
}

/* A date's qualifier (“~”), as Chronoscope writes it beside the display_date that says
 * so in the language it was written in (“around 2015”, “约2015年”), gives the date
 * its flags, whatever the language read in; so does a display_date alone that says so
 * in this language. Any other display_date is returned. */
static gboolean
read_date_flags (JsReader     *r,
                 JsonObject   *object,
                 const char   *member,
                 const char   *path,
                 ChronoDate   *date,
                 const char  **out_display_date,
                 GError      **error)
{
  JsonObject *date_object = json_object_get_object_member (object, member);
  const char *display_date, *qualifier;

  if (!get_string_member (r, date_object, "display_date", path, &display_date, error) ||
      !get_string_member (r, date_object, "qualifier", path, &qualifier, error))
    return FALSE;
  if (qualifier != NULL)
    {
      g_autofree char *qualifier_path = NULL;

      if (_chrono_timelinejs_read_qualifiers (qualifier, date, NULL))
        return TRUE;
      qualifier_path = g_strdup_printf ("%s.%s.qualifier", path, member);
      set_path_error (r, error, qualifier_path,
                      _("“%s” is not a date qualifier: write ~ for approximate, ? for uncertain or %% for both"),
                      qualifier);
      return FALSE;
    }
  if (display_date == NULL)
    return TRUE;

  if (!_chrono_timelinejs_read_flags_display (display_date, date, NULL) && out_display_date != NULL)
    *out_display_date = display_date;
  return TRUE;
}

/* The slide's media: its URL as given (a blockquote, which TimelineJS also takes for
 * media, is not a URL and is left out), caption and credit as plain text. */
static gboolean
read_media (JsReader    *r,
            JsonObject  *object,
            const char  *path,
            char       **out_url,
            char       **out_caption,
            char       **out_credit,
            GError     **error)
{
  g_autofree char *media_path = g_strdup_printf ("%s.media", path);
  JsonObject *media;
  const char *url = NULL, *caption = NULL, *credit = NULL;

  if (!get_object_member (r, object, "media", path, &media, error))
    return FALSE;
  if (media == NULL)
    return TRUE;

  if (!get_string_member (r, media, "url", media_path, &url, error) ||
      !get_string_member (r, media, "caption", media_path, &caption, error) ||
      !get_string_member (r, media, "credit", media_path, &credit, error))
    return FALSE;

  if (url != NULL && *url != '\0' && *url != '<')
    *out_url = g_strstrip (g_strdup (url));
  if (caption != NULL)
    *out_caption = _chrono_html_to_text (caption);
  if (credit != NULL)
    *out_credit = _chrono_html_to_text (credit);

  return TRUE;
}

gboolean
_chrono_timelinejs_read_event (JsReader    *r,
                               JsonObject  *object,
                               guint        index,
                               const char  *path,
                               GError     **error)
{
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *media_url = NULL;
  g_autofree char *media_caption = NULL;
  g_autofree char *media_credit = NULL;
  g_autoptr(ChronoEvent) event = NULL;
  const char *unique_id = NULL, *group = NULL, *display_date = NULL, *body = NULL;
  ChronoDate start, end;
  gboolean has_end;

  if (!read_dates (r, object, path, FALSE, &start, &end, &has_end, error) ||
      !read_text (r, object, path, &headline, &text, &body, error) ||
      !get_string_member (r, object, "unique_id", path, &unique_id, error) ||
      !get_string_member (r, object, "group", path, &group, error) ||
      !get_string_member (r, object, "display_date", path, &display_date, error) ||
      !read_media (r, object, path, &media_url, &media_caption, &media_credit, error))
    return FALSE;

  /* TimelineJS shows the slide's display_date, else the start date's own, unless that
   * only says the date is approximate, as Chronoscope writes it. */
  if (has_end && !read_date_flags (r, object, "end_date", path, &end, NULL, error))
    return FALSE;
  if (!read_date_flags (r, object, "start_date", path, &start,
                        display_date == NULL || *display_date == '\0' ? &display_date : NULL, error))
    return FALSE;

  /* A unique_id with nothing an id allows (“@”, “事件”) is numbered like a missing one. */
  if (unique_id != NULL)
    id = chrono_input_make_id (unique_id);

  if (id != NULL)
    {
      if (g_hash_table_contains (r->event_ids, id))
        {
          set_path_error (r, error, path, _("the unique_id “%s” is already used by another event"), unique_id);
          return FALSE;
        }
    }
  else
    {
      guint suffix = 0;

      id = g_strdup_printf ("event-%u", index + 1);
      while (g_hash_table_contains (r->event_ids, id))
        {
          g_free (id);
          id = g_strdup_printf ("event-%u-%u", index + 1, ++suffix);
        }
    }

  event = chrono_event_new (id, &start, headline != NULL ? headline : _("Untitled event"));
  if (has_end)
    chrono_event_set_end (event, &end);
  /* Its block quotes are its quotes, as Chronoscope writes them. */
  if (body != NULL)
    {
      g_free (text);
      text = _chrono_timelinejs_read_text_and_quotes (body, r->timeline, event);
      if (*text == '\0')
        g_clear_pointer (&text, g_free);
    }
  chrono_event_set_summary (event, text);
  if (display_date != NULL)
    {
      g_autofree char *plain = _chrono_html_to_text (display_date);
      chrono_event_set_display_date (event, plain);
    }
  if (media_url != NULL || media_caption != NULL || media_credit != NULL)
    chrono_event_set_media (event, media_url, media_caption, media_credit);

  if (group != NULL)
    group_name = _chrono_collapse_space (group);
  if (group_name != NULL && *group_name != '\0')
    chrono_event_set_category (event, _chrono_timelinejs_get_group (r->timeline, group_name));
  else
    /* Translators: the category of TimelineJS events that belong to no group */
    chrono_event_set_category (event, _chrono_timelinejs_get_group (r->timeline, _("Other events")));

  g_hash_table_add (r->event_ids, g_steal_pointer (&id));
  chrono_timeline_add_event (r->timeline, event);

  return TRUE;
}

static gboolean
read_era (JsReader    *r,
          JsonObject  *object,
          const char  *path,
          GError     **error)
{
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ChronoEra) era = NULL;
  ChronoDate start, end;
  gboolean has_end;

  if (!read_dates (r, object, path, TRUE, &start, &end, &has_end, error) ||
      !read_text (r, object, path, &headline, &text, NULL, error) ||
      !read_date_flags (r, object, "start_date", path, &start, NULL, error) ||
      !read_date_flags (r, object, "end_date", path, &end, NULL, error))
    return FALSE;

  era = chrono_era_new (headline != NULL ? headline : _("Untitled era"), &start, &end);
  chrono_timeline_add_era (r->timeline, era);

  return TRUE;
}

/* A category's colours as Chronoscope writes them beside TimelineJS's groups: the
 * group's category is made with them, in their order, before the events name it. */
static gboolean
read_group_colors (JsReader    *r,
                   JsonObject  *object,
                   const char  *path,
                   GError     **error)
{
  const char *group, *color, *dark_color;
  const char *colors[2];
  const char *names[2] = { "color", "dark_color" };
  g_autofree char *group_name = NULL;
  ChronoCategory *category;

  if (!get_string_member (r, object, "group", path, &group, error) ||
      !get_string_member (r, object, "color", path, &color, error) ||
      !get_string_member (r, object, "dark_color", path, &dark_color, error))
    return FALSE;

  group_name = group != NULL ? _chrono_collapse_space (group) : NULL;
  if (group_name == NULL || *group_name == '\0')
    {
      set_path_error (r, error, path, _("“%s” is missing"), "group");
      return FALSE;
    }
  if (color == NULL)
    {
      set_path_error (r, error, path, _("“%s” is missing"), "color");
      return FALSE;
    }
  colors[0] = color;
  colors[1] = dark_color;
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (colors[i] != NULL && !chrono_input_is_valid_color (colors[i]))
      {
        g_autofree char *color_path = g_strdup_printf ("%s.%s", path, names[i]);

        set_path_error (r, error, color_path, _("“%s” is not a colour: write it as #rrggbb"), colors[i]);
        return FALSE;
      }

  category = _chrono_timelinejs_get_group (r->timeline, group_name);
  chrono_category_set_color (category, color);
  chrono_category_set_dark_color (category, dark_color);

  return TRUE;
}

gboolean
_chrono_timelinejs_read_slides (JsReader    *r,
                                JsonObject  *root,
                                const char  *name,
                                GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_path_error (r, error, "$", _("“%s” must be an array"), name);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", name, i);
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_path_error (r, error, path, _("each of the “%s” must be an object"), name);
          return FALSE;
        }

      if (strcmp (name, "events") == 0)
        ok = _chrono_timelinejs_read_event (r, json_node_get_object (element), i, path, error);
      else if (strcmp (name, "eras") == 0)
        ok = read_era (r, json_node_get_object (element), path, error);
      else
        ok = read_group_colors (r, json_node_get_object (element), path, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

gboolean
_chrono_timelinejs_read_title (JsReader    *r,
                               JsonObject  *root,
                               char       **out_headline,
                               char       **out_text,
                               GError     **error)
{
  JsonObject *title;

  *out_headline = *out_text = NULL;
  if (!get_object_member (r, root, "title", "$", &title, error))
    return FALSE;

  return title == NULL || read_text (r, title, "$.title", out_headline, out_text, NULL, error);
}
