/* chrono-timelinejs-reader.c — the JSON of Knight Lab's TimelineJS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chrono-input-limits.h"
#include "chrono-json-check.h"
#include "chrono-json-spans.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-timelinejs-private.h"
#include "chrono-timelinejs-reader.h"


typedef struct
{
  const char *display_name;
  ChronoTimeline *timeline;
  GHashTable *event_ids;
} JsReader;

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

static gboolean
read_event (JsReader    *r,
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

static gboolean
read_slides (JsReader    *r,
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
        ok = read_event (r, json_node_get_object (element), i, path, error);
      else if (strcmp (name, "eras") == 0)
        ok = read_era (r, json_node_get_object (element), path, error);
      else
        ok = read_group_colors (r, json_node_get_object (element), path, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean read_whole;
static guint n_read_by_event;

void
_chrono_timelinejs_reader_read_whole (gboolean whole)
{
  read_whole = whole;
}

guint
_chrono_timelinejs_reader_n_read_by_event (void)
{
  return g_atomic_int_get (&n_read_by_event);
}

/* Not an immutable parser: json-glib 1.10 gathers values after the first into an array
 * with it, which it does not seal, and then aborts on its own check that an immutable
 * parser's root is sealed. */
static JsonParser *
new_parser (void)
{
  return json_parser_new ();
}

/* Where the events lie in the document, each an object. */
typedef struct
{
  const char *data;
  gsize length;
  GArray *spans;
} EventSpans;

/* Each event read by itself, one parser for them all. A span is one object to the spans'
 * strict JSON, and may be more to json-glib's (after a text in single quotes holding a
 * “"”, say): then the whole read tells the mistake. */
static gboolean
read_event_spans (JsReader                *r,
                  const EventSpans        *events,
                  ChronoLoadProgressFunc   progress,
                  gpointer                 progress_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(JsonParser) parser = new_parser ();

  for (guint i = 0; i < events->spans->len; i++)
    {
      const ChronoJsonSpan *span = &g_array_index (events->spans, ChronoJsonSpan, i);
      g_autofree char *path = NULL;
      JsonNode *root;

      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) span->begin / events->length, progress_data);
        }

      if (!json_parser_load_from_data (parser, events->data + span->begin, span->end - span->begin, error))
        return FALSE;
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "not one object");
          return FALSE;
        }
      path = g_strdup_printf ("$.events[%u]", i);
      if (!read_event (r, json_node_get_object (root), i, path, error))
        return FALSE;
    }

  return TRUE;
}

static void
remember_error_line (JsonParser *parser,
                     gpointer    error,
                     guint      *line)
{
  *line = json_parser_get_current_line (parser);
}

/* @data, or with @events the rest of the document once they are taken out. */
static ChronoTimeline *
read_document (const char              *display_name,
               const char              *data,
               gsize                    length,
               const EventSpans        *events,
               ChronoLoadProgressFunc   progress,
               gpointer                 progress_data,
               GCancellable            *cancellable,
               GError                 **error)
{
  g_autoptr(JsonParser) parser = new_parser ();
  guint error_line = 0;
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  JsReader r = { 0 };
  JsonNode *root;
  JsonObject *root_object, *title;
  ChronoTimeline *result = NULL;

  r.display_name = display_name;
  g_signal_connect (parser, "error", G_CALLBACK (remember_error_line), &error_line);
  if (!json_parser_load_from_data (parser, data, length, NULL))
    {
      chrono_json_set_syntax_error (error, display_name, data, length, error_line);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* json-glib reads nothing from a document that is all comment, and 1.10 reads a
       * second one after the first into an array with it: the mistake is told. */
      if (!chrono_json_set_mistake_error (error, display_name, data, length, FALSE))
        g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                     _("%s: not a TimelineJS timeline: the JSON is not an object"), display_name);
      return NULL;
    }
  root_object = json_node_get_object (root);

  if (!json_object_has_member (root_object, "events"))
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a TimelineJS timeline: it has no “events”"), display_name);
      return NULL;
    }

  r.timeline = chrono_timeline_new ();
  r.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (get_object_member (&r, root_object, "title", "$", &title, error) &&
      (title == NULL || read_text (&r, title, "$.title", &headline, &text, NULL, error)) &&
      read_slides (&r, root_object, "group_colors", error) &&
      read_slides (&r, root_object, "eras", error) &&
      (events != NULL
       ? read_event_spans (&r, events, progress, progress_data, cancellable, error)
       : read_slides (&r, root_object, "events", error)))
    {
      /* Untitled, the timeline is called after its file, as it was before it was exported. */
      chrono_timeline_set_title (r.timeline, headline);
      chrono_timeline_set_description (r.timeline, text);
      chrono_timeline_seal (r.timeline);
      result = g_steal_pointer (&r.timeline);
    }

  g_clear_object (&r.timeline);
  g_clear_pointer (&r.event_ids, g_hash_table_unref);

  return result;
}

ChronoTimeline *
_chrono_read_timelinejs (GBytes                  *bytes,
                         const char              *display_name,
                         ChronoLoadProgressFunc   progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ChronoJsonSpan));
  ChronoJsonSpan array;
  const char *data;
  gsize length, bom, content;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (!chrono_input_check_size (length, display_name, error) ||
      !chrono_input_check_utf8 (data, length, display_name, error) ||
      !chrono_input_find_content (data, length, display_name, &content, error) ||
      !chrono_input_check_json_nesting (data, length, content, display_name, error))
    return NULL;

  bom = chrono_input_skip_bom (data, length);
  data += bom;
  length -= bom;

  /* The events one at a time, and the rest of the document around an empty array. Any
   * other mistake, and the document is read again as a whole, for the first one to be
   * the one told. */
  if (!read_whole && chrono_json_find_member_array (data, length, "events", &array, spans))
    {
      EventSpans events = { data, length, spans };
      g_autoptr(GString) rest = g_string_new_len (data, array.begin + 1);
      g_autoptr(GError) local_error = NULL;
      ChronoTimeline *timeline;

      g_string_append_len (rest, data + array.end - 1, length - array.end + 1);
      timeline = read_document (display_name, rest->str, rest->len, &events, progress, progress_data,
                                cancellable, &local_error);
      if (timeline != NULL)
        {
          g_atomic_int_inc (&n_read_by_event);
          return timeline;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* json-glib refused an event. When the first mistake in the document is one it
       * refuses too, it would refuse the whole document there, and the check's message
       * for it is the one told: it needs no tree of the whole document. Before any
       * other mistake, json-glib may read on, or read a text wrongly (1.6 does with
       * half a surrogate pair), and only the whole read says what it makes of it. */
      if (local_error->domain == JSON_PARSER_ERROR && chrono_json_set_mistake_error (error, display_name, data, length, TRUE))
        {
          g_atomic_int_inc (&n_read_by_event);
          return NULL;
        }
      g_debug ("%s: read again as a whole: %s", display_name, local_error->message);
    }

  return read_document (display_name, data, length, NULL, progress, progress_data, cancellable, error);
}

ChronoTimeline *
chrono_timeline_read_timelinejs_bytes (GBytes        *bytes,
                                       const char    *display_name,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  return _chrono_read_timelinejs (bytes, display_name, NULL, NULL, cancellable, error);
}
