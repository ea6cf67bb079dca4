/* chrono-csv-reader.c — TimelineJS's spreadsheet template, saved as CSV or TSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-csv-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-csv-reader.h"
#include "chrono-input-limits.h"
#include "chrono-timeline-reader.h"
#include "chrono-timeline-reader-private.h"
#include "chrono-timelinejs-private.h"

typedef enum
{
  COLUMN_YEAR,
  COLUMN_MONTH,
  COLUMN_DAY,
  COLUMN_TIME,
  COLUMN_END_YEAR,
  COLUMN_END_MONTH,
  COLUMN_END_DAY,
  COLUMN_END_TIME,
  COLUMN_DISPLAY_DATE,
  COLUMN_HEADLINE,
  COLUMN_TEXT,
  COLUMN_MEDIA,
  COLUMN_MEDIA_CREDIT,
  COLUMN_MEDIA_CAPTION,
  COLUMN_MEDIA_THUMBNAIL,
  COLUMN_TYPE,
  COLUMN_GROUP,
  COLUMN_BACKGROUND,
  COLUMN_DATE_QUALIFIER,        /* Chronoscope's: the dates' EDTF flags */
  N_COLUMNS
} Column;

/* The template's headers, in its order; the writer uses them too. */
static const char * const column_names[N_COLUMNS] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
  "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
  "Media Thumbnail", "Type", "Group", "Background", "Date Qualifier",
};

typedef struct
{
  const char *display_name;
  const char *data;
  gsize length;
  gsize cursor;
  int line;                     /* of the cursor, from 1 */
  char delimiter;
  guint row;                    /* of the record just read, from 1 */
  GPtrArray *cells;             /* GString, reused from row to row */
  guint n_cells;
  int where[N_COLUMNS];         /* cell index of each column, or -1 */
  ChronoTimeline *timeline;
  gboolean has_title;
} Reader;

/* “A”, “B”, … “Z”, “AA”: the column as a spreadsheet names it. */
static char *
column_letters (guint index)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  index++;
  while (index > 0 && i > 0)
    {
      letters[--i] = 'A' + (index - 1) % 26;
      index = (index - 1) / 26;
    }

  return g_strdup (letters + i);
}

G_GNUC_PRINTF (4, 5)
static void
set_cell_error (Reader      *r,
                GError     **error,
                Column       column,
                const char  *format,
                ...)
{
  g_autofree char *sentence = NULL;
  g_autofree char *letters = column_letters (r->where[column]);
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: where an error is in a spreadsheet file: the file name, the row
   * number, the column's letter and its header, then what is wrong */
  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_INVALID,
               _("%s: row %u, column %s (“%s”): %s"),
               r->display_name, r->row, letters, column_names[column], sentence);
}

/* Reads one record into r->cells; FALSE at the end of the data or on an error. */
static gboolean
read_record (Reader   *r,
             GError  **error)
{
  r->n_cells = 0;
  if (r->cursor >= r->length)
    return FALSE;

  r->row++;
  for (;;)
    {
      GString *cell;

      if (r->n_cells == r->cells->len)
        g_ptr_array_add (r->cells, g_string_new (NULL));
      cell = g_ptr_array_index (r->cells, r->n_cells++);
      g_string_truncate (cell, 0);

      if (r->cursor < r->length && r->data[r->cursor] == '"')
        {
          int start_line = r->line;

          r->cursor++;

          for (;;)
            {
              const char *quote = memchr (r->data + r->cursor, '"', r->length - r->cursor);

              if (quote == NULL)
                {
                  g_autofree char *letters = column_letters (r->n_cells - 1);

                  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX,
                               _("%s: row %u, column %s: the quoted text that starts on line %d has no closing quote"),
                               r->display_name, r->row, letters, start_line);
                  return FALSE;
                }
              for (const char *p = r->data + r->cursor; p < quote; p++)
                if (*p == '\n')
                  r->line++;
              g_string_append_len (cell, r->data + r->cursor, quote - (r->data + r->cursor));
              r->cursor = quote - r->data + 1;
              /* A doubled quote is a quote. */
              if (r->cursor < r->length && r->data[r->cursor] == '"')
                {
                  g_string_append_c (cell, '"');
                  r->cursor++;
                  continue;
                }
              break;
            }

          if (r->cursor < r->length && r->data[r->cursor] != r->delimiter &&
              r->data[r->cursor] != '\n' && r->data[r->cursor] != '\r')
            {
              g_autofree char *letters = column_letters (r->n_cells - 1);

              g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX,
                           _("%s: row %u, column %s: text after a closing quote (a quote inside quoted text is written twice: \"\")"),
                           r->display_name, r->row, letters);
              return FALSE;
            }
        }
      else
        {
          gsize start = r->cursor;

          while (r->cursor < r->length && r->data[r->cursor] != r->delimiter &&
                 r->data[r->cursor] != '\n' && r->data[r->cursor] != '\r')
            r->cursor++;
          g_string_append_len (cell, r->data + start, r->cursor - start);
        }

      if (cell->len > CHRONO_INPUT_MAX_STRING_LENGTH)
        {
          g_autofree char *letters = column_letters (r->n_cells - 1);

          g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_TOO_LARGE,
                       _("%s: row %u, column %s: the text is longer than %u bytes"),
                       r->display_name, r->row, letters, (guint) CHRONO_INPUT_MAX_STRING_LENGTH);
          return FALSE;
        }

      if (r->cursor < r->length && r->data[r->cursor] == r->delimiter)
        {
          r->cursor++;
          continue;
        }

      /* The end of the record: \n, \r\n or the end of the data. */
      if (r->cursor < r->length && r->data[r->cursor] == '\r')
        r->cursor++;
      if (r->cursor < r->length && r->data[r->cursor] == '\n')
        r->cursor++;
      r->line++;
      return TRUE;
    }
}

static const char *
get_cell (Reader *r,
          Column  column)
{
  int index = r->where[column];

  if (index < 0 || (guint) index >= r->n_cells)
    return "";

  return g_strstrip (((GString *) g_ptr_array_index (r->cells, index))->str);
}

static char
guess_delimiter (const char *data,
                 gsize       length)
{
  const char candidates[] = { '\t', ';', ',' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        break;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (data[i] == candidates[c])
            counts[c]++;
    }

  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > counts[best])
      best = c;

  return counts[best] > 0 ? candidates[best] : ',';
}

static gboolean
read_header (Reader  *r,
             GError **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    r->where[c] = -1;

  if (!read_record (r, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                     _("%s: the file is empty"), r->display_name);
      return FALSE;
    }

  for (guint i = 0; i < r->n_cells; i++)
    {
      const char *header = g_strstrip (((GString *) g_ptr_array_index (r->cells, i))->str);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          /* A repeated header: the first column counts. */
          if (r->where[c] < 0 && g_ascii_strcasecmp (header, column_names[c]) == 0)
            r->where[c] = i;
        }
    }

  if (r->where[COLUMN_YEAR] < 0 || r->where[COLUMN_HEADLINE] < 0)
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: row 1: not a TimelineJS spreadsheet: the first row must name the columns, among them “%s” and “%s”"),
                   r->display_name, column_names[COLUMN_YEAR], column_names[COLUMN_HEADLINE]);
      return FALSE;
    }

  return TRUE;
}

/* TimelineJS drops spaces and commas in numbers (“1,815”). */
static gboolean
parse_integer (Reader      *r,
               Column       column,
               gboolean    *out_present,
               gint64      *out_value,
               GError     **error)
{
  const char *cell = get_cell (r, column);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GError) number_error = NULL;

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (digits, *p);

  *out_present = digits->len > 0;
  if (!*out_present)
    return TRUE;

  /* A number too large for a gint64 is still one: check_date says what is wrong with it. */
  if (!g_ascii_string_to_signed (digits->str, 10, G_MININT64, G_MAXINT64, out_value, &number_error))
    {
      if (g_error_matches (number_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        {
          *out_value = digits->str[0] == '-' ? G_MININT64 : G_MAXINT64;
          return TRUE;
        }
      set_cell_error (r, error, column, _("“%s” is not a whole number"), cell);
      return FALSE;
    }

  return TRUE;
}

/* “14:30”, “14:30:05”, “2:30 PM”, “1430”, “9”. */
static gboolean
parse_time (Reader      *r,
            Column       column,
            gint64       values[CHRONO_TIMELINEJS_N_PARTS],
            gboolean     present[CHRONO_TIMELINEJS_N_PARTS],
            GError     **error)
{
  g_autofree char *text = g_strdup (get_cell (r, column));
  g_auto(GStrv) parts = NULL;
  gsize length = strlen (text);
  int period = 0;               /* 1 for am, 2 for pm */
  guint n;

  if (length > 0)
    {
      char *p = text + length;

      /* A trailing “am”, “a.m.”, “PM”… */
      while (p > text && (p[-1] == '.' || g_ascii_isalpha (p[-1])))
        p--;
      if (*p != '\0')
        {
          g_autofree char *letters = g_ascii_strdown (p, -1);

          if (strcmp (letters, "am") == 0 || strcmp (letters, "a.m.") == 0 || strcmp (letters, "a") == 0)
            period = 1;
          else if (strcmp (letters, "pm") == 0 || strcmp (letters, "p.m.") == 0 || strcmp (letters, "p") == 0)
            period = 2;
          else
            goto bad;
          *p = '\0';
          g_strstrip (text);
        }
    }

  if (strlen (text) == 3 || strlen (text) == 4)
    {
      gboolean all_digits = TRUE;

      for (const char *p = text; *p != '\0'; p++)
        all_digits = all_digits && g_ascii_isdigit (*p);
      if (all_digits)
        {
          char *with_colon = g_strdup_printf ("%.*s:%s", (int) strlen (text) - 2, text, text + strlen (text) - 2);
          g_free (text);
          text = with_colon;
        }
    }

  parts = g_strsplit (text, strchr (text, ':') != NULL ? ":" : ".", -1);
  n = g_strv_length (parts);
  if (n == 0 || n > 3)
    goto bad;

  for (guint i = 0; i < n; i++)
    {
      guint64 value;
      guint max = i == 0 ? 23 : 59;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 0, max, &value, NULL))
        goto bad;
      values[CHRONO_TIMELINEJS_HOUR + i] = value;
      present[CHRONO_TIMELINEJS_HOUR + i] = TRUE;
    }

  if (period != 0)
    {
      gint64 *hour = &values[CHRONO_TIMELINEJS_HOUR];

      if (*hour < 1 || *hour > 12)
        goto bad;
      if (period == 2 && *hour != 12)
        *hour += 12;
      else if (period == 1 && *hour == 12)
        *hour = 0;
    }

  return TRUE;

bad:
  set_cell_error (r, error, column, _("“%s” is not a time of day (such as 14:30 or 2:30 PM)"), get_cell (r, column));
  return FALSE;
}

/* The year, month and day of the columns from @year on are those of a date; the error
 * names the column that is wrong. */
static gboolean
check_date (Reader         *r,
            Column          year,
            const gint64    values[CHRONO_TIMELINEJS_N_PARTS],
            const gboolean  present[CHRONO_TIMELINEJS_N_PARTS],
            GError        **error)
{
  gint64 y = values[CHRONO_TIMELINEJS_YEAR];
  gint64 month = values[CHRONO_TIMELINEJS_MONTH];
  gint64 day = values[CHRONO_TIMELINEJS_DAY];

  if (y < -CHRONO_DATE_YEAR_LIMIT || y > CHRONO_DATE_YEAR_LIMIT)
    {
      set_cell_error (r, error, year, _("the year %s is too far in the past or the future"),
                      get_cell (r, year));
      return FALSE;
    }
  if (present[CHRONO_TIMELINEJS_MONTH] && (month < 1 || month > 12))
    {
      set_cell_error (r, error, year + 1, _("there is no month %s"), get_cell (r, year + 1));
      return FALSE;
    }
  if (present[CHRONO_TIMELINEJS_DAY] &&
      (day < 1 || day > chrono_date_days_in_month (_chrono_timelinejs_year_to_astronomical (y), month)))
    {
      /* Translators: “month 2 of 2011 has no day 29”: the month, the year, the day */
      set_cell_error (r, error, year + 2, _("month %s of %s has no day %s"),
                      get_cell (r, year + 1), get_cell (r, year), get_cell (r, year + 2));
      return FALSE;
    }

  return TRUE;
}

/* The date of the columns from @year on; FALSE with no error when there is no year. */
static gboolean
parse_date (Reader      *r,
            Column       year,
            ChronoDate  *out_date,
            gboolean    *out_present,
            GError     **error)
{
  gint64 values[CHRONO_TIMELINEJS_N_PARTS] = { 0 };
  gboolean present[CHRONO_TIMELINEJS_N_PARTS] = { FALSE };
  g_autoptr(GError) date_error = NULL;

  *out_present = FALSE;
  for (guint i = 0; i < 3; i++)
    if (!parse_integer (r, year + i, &present[i], &values[i], error))
      return FALSE;

  if (!present[CHRONO_TIMELINEJS_YEAR])
    {
      for (guint i = 1; i < 4; i++)
        {
          if (*get_cell (r, year + i) != '\0')
            {
              set_cell_error (r, error, year + i, _("a date needs a year (in the “%s” column)"), column_names[year]);
              return FALSE;
            }
        }
      return TRUE;
    }

  if (present[CHRONO_TIMELINEJS_DAY] && !present[CHRONO_TIMELINEJS_MONTH])
    {
      set_cell_error (r, error, year + 2, _("a date with a day needs a month"));
      return FALSE;
    }

  if (*get_cell (r, year + 3) != '\0')
    {
      if (!present[CHRONO_TIMELINEJS_DAY])
        {
          set_cell_error (r, error, year + 3, _("a date with a time needs a day"));
          return FALSE;
        }
      if (!parse_time (r, year + 3, values, present, error))
        return FALSE;
    }

  if (!check_date (r, year, values, present, error))
    return FALSE;
  if (!_chrono_timelinejs_make_date (values, present, out_date, &date_error))
    {
      set_cell_error (r, error, year, "%s", date_error->message);
      return FALSE;
    }

  *out_present = TRUE;
  return TRUE;
}

/* An empty cell is no text at all. */
static char *
null_if_empty (char *text)
{
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
dup_html_cell (Reader *r,
               Column  column)
{
  return null_if_empty (_chrono_html_to_text (get_cell (r, column)));
}

static gboolean
read_row (Reader  *r,
          GError **error)
{
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *type = NULL;
  const char *display_date;
  ChronoDate start, end;
  gboolean has_start, has_end;
  gboolean empty = TRUE;

  for (guint i = 0; i < r->n_cells && empty; i++)
    empty = *g_strstrip (((GString *) g_ptr_array_index (r->cells, i))->str) == '\0';
  if (empty)
    return TRUE;

  type = g_ascii_strdown (get_cell (r, COLUMN_TYPE), -1);
  headline = dup_html_cell (r, COLUMN_HEADLINE);
  text = null_if_empty (_chrono_html_to_lines (get_cell (r, COLUMN_TEXT)));

  if (!parse_date (r, COLUMN_YEAR, &start, &has_start, error) ||
      !parse_date (r, COLUMN_END_YEAR, &end, &has_end, error))
    return FALSE;

  if (strcmp (type, "title") == 0 && !r->has_title)
    {
      r->has_title = TRUE;
      if (headline != NULL)
        chrono_timeline_set_title (r->timeline, headline);
      chrono_timeline_set_description (r->timeline, text);
      return TRUE;
    }

  /* TimelineJS skips what has no start date. */
  if (!has_start)
    {
      if (has_end)
        {
          set_cell_error (r, error, COLUMN_YEAR, _("there is an end year but no year"));
          return FALSE;
        }
      return TRUE;
    }

  if (has_end && chrono_date_get_end (&end) <= chrono_date_get_start (&start))
    {
      set_cell_error (r, error, COLUMN_END_YEAR, _("it ends before it starts"));
      return FALSE;
    }
  if (!_chrono_timelinejs_read_qualifiers (get_cell (r, COLUMN_DATE_QUALIFIER), &start, has_end ? &end : NULL))
    {
      set_cell_error (r, error, COLUMN_DATE_QUALIFIER,
                      _("“%s” is not a date qualifier: write ~ for approximate, ? for uncertain or %% for both, "
                        "and the end's after a /, such as ~/?"),
                      get_cell (r, COLUMN_DATE_QUALIFIER));
      return FALSE;
    }
  if (strcmp (type, "era") == 0)
    {
      g_autoptr(ChronoEra) era = NULL;

      if (!has_end)
        {
          set_cell_error (r, error, COLUMN_END_YEAR, _("an era needs an end year"));
          return FALSE;
        }
      era = chrono_era_new (headline != NULL ? headline : _("Untitled era"), &start, &end);
      chrono_timeline_add_era (r->timeline, era);
      return TRUE;
    }

  /* TimelineJS drops an end that repeats the start. */
  if (has_end && chrono_date_compare (&start, &end) == 0)
    has_end = FALSE;

  /* What Chronoscope writes for an approximate date (older versions in the user's
   * language) gives the dates that flag instead of being shown. */
  display_date = get_cell (r, COLUMN_DISPLAY_DATE);
  if (_chrono_timelinejs_read_flags_display (display_date, &start, has_end ? &end : NULL))
    display_date = NULL;

  {
    g_autofree char *id = g_strdup_printf ("row-%u", r->row);
    g_autofree char *caption = dup_html_cell (r, COLUMN_MEDIA_CAPTION);
    g_autofree char *credit = dup_html_cell (r, COLUMN_MEDIA_CREDIT);
    g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, headline != NULL ? headline : _("Untitled event"));
    /* White space collapsed as the native reader does, so that the group reads back the same. */
    g_autofree char *group = _chrono_collapse_space (get_cell (r, COLUMN_GROUP));
    const char *media = get_cell (r, COLUMN_MEDIA);
    /* Its block quotes are its quotes, as Chronoscope writes them. */
    g_autofree char *summary = _chrono_timelinejs_read_text_and_quotes (get_cell (r, COLUMN_TEXT), r->timeline, event);

    if (has_end)
      chrono_event_set_end (event, &end);
    chrono_event_set_summary (event, *summary != '\0' ? summary : NULL);
    chrono_event_set_display_date (event, display_date);
    if (*media != '\0' || caption != NULL || credit != NULL)
      chrono_event_set_media (event, media, caption, credit);
    /* Translators: the category of TimelineJS events that belong to no group */
    chrono_event_set_category (event, _chrono_timelinejs_get_group (r->timeline, *group != '\0' ? group : _("Other events")));
    chrono_timeline_add_event (r->timeline, event);
  }

  return TRUE;
}

static void
free_cell (gpointer cell)
{
  g_string_free (cell, TRUE);
}

gboolean
chrono_csv_sniff (const char *data,
                  gsize       length)
{
  Reader r = { 0 };
  gboolean found;

  r.display_name = "";
  r.data = data;
  r.length = MIN (length, 4096);
  if (r.length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.cursor = 3;
  r.delimiter = guess_delimiter (r.data + r.cursor, r.length - r.cursor);
  r.cells = g_ptr_array_new_with_free_func (free_cell);
  found = read_header (&r, NULL);
  g_ptr_array_unref (r.cells);

  return found;
}

ChronoTimeline *
_chrono_read_csv (GBytes                  *bytes,
                  const char              *display_name,
                  ChronoLoadProgressFunc   progress,
                  gpointer                 progress_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  Reader r = { 0 };
  g_autoptr(GError) local_error = NULL;
  ChronoTimeline *timeline = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.data = g_bytes_get_data (bytes, &r.length);
  r.display_name = display_name;
  r.line = 1;

  /* Empty input is refused before anything is done with its (NULL) data. */
  if (!chrono_input_check_size (r.length, display_name, error) ||
      !chrono_input_check_utf8 (r.data, r.length, display_name, error) ||
      !chrono_input_find_content (r.data, r.length, display_name, &r.cursor, error))
    return NULL;

  r.cursor = chrono_input_skip_bom (r.data, r.length);
  r.delimiter = guess_delimiter (r.data + r.cursor, r.length - r.cursor);
  r.cells = g_ptr_array_new_with_free_func (free_cell);
  r.timeline = chrono_timeline_new ();

  if (read_header (&r, &local_error))
    {
      guint n = 0;

      while (read_record (&r, &local_error))
        {
          if ((++n % 4096) == 0)
            {
              if (progress != NULL)
                progress ((double) r.cursor / r.length, progress_data);
              if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
                break;
            }
          if (!read_row (&r, &local_error))
            break;
        }
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      if (chrono_timeline_get_title (r.timeline) == NULL || *chrono_timeline_get_title (r.timeline) == '\0')
        {
          g_autofree char *base = g_path_get_basename (display_name);
          char *dot = strrchr (base, '.');

          if (dot != NULL && dot != base)
            *dot = '\0';
          chrono_timeline_set_title (r.timeline, base);
        }
      chrono_timeline_seal (r.timeline);
      timeline = g_steal_pointer (&r.timeline);
    }

  g_ptr_array_unref (r.cells);
  g_clear_object (&r.timeline);

  return timeline;
}

ChronoTimeline *
chrono_timeline_read_csv_bytes (GBytes        *bytes,
                                const char    *display_name,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return _chrono_read_csv (bytes, display_name, NULL, NULL, cancellable, error);
}
