/* chrono-timelinejs-writer.c — TimelineJS's JSON and its spreadsheet template as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timelinejs-writer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chrono-native-reader.h"
#include "chrono-timelinejs-private.h"
#include "chrono-timelinejs-writer.h"
#include "model/chrono-atomic-file.h"

/* TimelineJS's “human” scale is JavaScript's Date, which ends at these years. */
#define HUMAN_SCALE_FIRST_YEAR G_GINT64_CONSTANT (-271820)
#define HUMAN_SCALE_LAST_YEAR  G_GINT64_CONSTANT (275759)

static const char * const part_names[CHRONO_TIMELINEJS_N_PARTS] = {
  "year", "month", "day", "hour", "minute", "second",
};

/* The event's text as HTML: the summary, the notes, then each quote. */
static char *
event_to_html (ChronoEvent *event)
{
  GString *html = g_string_new (NULL);
  GPtrArray *quotes = chrono_event_get_quotes (event);

  if (chrono_event_get_summary (event) != NULL)
    _chrono_append_text_as_html (html, chrono_event_get_summary (event), "");
  if (chrono_event_get_notes (event) != NULL)
    _chrono_append_text_as_html (html, chrono_event_get_notes (event), "");

  for (guint i = 0; i < quotes->len; i++)
    {
      ChronoQuote *quote = g_ptr_array_index (quotes, i);
      const char *translation = chrono_quote_get_translation (quote);
      const char *original = chrono_quote_get_original_text (quote);
      const char *speaker = chrono_quote_get_speaker (quote);
      ChronoSource *source = chrono_quote_get_source (quote);
      g_autoptr(GString) cite = g_string_new (NULL);

      g_string_append (html, "<blockquote>");
      /* Each paragraph says what it is, so that the quote reads back whole. */
      if (translation != NULL && *translation != '\0')
        {
          const char *lang = chrono_quote_get_translation_language (quote);
          g_autofree char *escaped = lang != NULL ? g_markup_escape_text (lang, -1) : NULL;
          g_autofree char *attributes = escaped != NULL ? g_strdup_printf (" class=\"translation\" lang=\"%s\"", escaped)
                                                        : g_strdup (" class=\"translation\"");

          _chrono_append_text_as_html (html, translation, attributes);
        }
      if (original != NULL && *original != '\0')
        {
          const char *lang = chrono_quote_get_original_language (quote);
          g_autofree char *escaped = g_markup_escape_text (lang != NULL ? lang : "und", -1);
          g_autofree char *attributes = g_strdup_printf (" lang=\"%s\"", escaped);

          _chrono_append_text_as_html (html, original, attributes);
        }
      /* Marked, so that the speaker and the source read back apart. */
      if (speaker != NULL && *speaker != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (speaker, -1);

          g_string_append_printf (cite, "<span class=\"speaker\">%s</span>", escaped);
        }
      if (source != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (chrono_source_get_title (source), -1);

          if (cite->len > 0)
            g_string_append (cite, ", ");
          g_string_append_printf (cite, "<span class=\"source\">%s</span>", escaped);
        }
      if (cite->len > 0)
        g_string_append_printf (html, "<cite>%s</cite>", cite->str);
      g_string_append (html, "</blockquote>");
    }

  return g_string_free (html, FALSE);
}

static void
add_date (JsonBuilder      *builder,
          const char       *member,
          const ChronoDate *date)
{
  gint64 values[CHRONO_TIMELINEJS_N_PARTS];
  guint n = _chrono_timelinejs_date_parts (date, values);
  g_autofree char *display = NULL;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (builder, part_names[i]);
      json_builder_add_int_value (builder, values[i]);
    }
  /* TimelineJS has no approximate dates; it shows what it is told to, in the words of
   * the language written in, and leaves alone the mark that reads back in any. */
  display = _chrono_timelinejs_flags_display (date, NULL);
  if (display != NULL)
    {
      g_autofree char *qualifier = _chrono_timelinejs_qualifiers (date, NULL);

      json_builder_set_member_name (builder, "display_date");
      json_builder_add_string_value (builder, display);
      json_builder_set_member_name (builder, "qualifier");
      json_builder_add_string_value (builder, qualifier);
    }
  json_builder_end_object (builder);
}

static void
add_text (JsonBuilder *builder,
          const char  *headline,
          const char  *html)
{
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "headline");
  if (headline != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (headline, -1);
      json_builder_add_string_value (builder, escaped);
    }
  else
    json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, html != NULL ? html : "");
  json_builder_end_object (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static gboolean
needs_cosmological_scale (ChronoTimeline *timeline)
{
  ChronoTime start, end;
  ChronoDate first, last;

  if (!chrono_timeline_get_span (timeline, &start, &end))
    return FALSE;

  chrono_date_from_time (start, CHRONO_PRECISION_YEAR, &first);
  chrono_date_from_time (end - 1, CHRONO_PRECISION_YEAR, &last);

  return _chrono_timelinejs_year_from_astronomical (first.year) < HUMAN_SCALE_FIRST_YEAR ||
         last.year > HUMAN_SCALE_LAST_YEAR;
}

GBytes *
chrono_timeline_write_timelinejs (ChronoTimeline *timeline)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *eras, *categories;
  const char *title;
  char *data;
  gsize length;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (chrono_timeline_is_sealed (timeline), NULL);

  json_builder_begin_object (builder);

  title = chrono_timeline_get_title (timeline);
  if ((title != NULL && *title != '\0') || chrono_timeline_get_description (timeline) != NULL)
    {
      g_autoptr(GString) html = g_string_new (NULL);

      if (chrono_timeline_get_description (timeline) != NULL)
        _chrono_append_text_as_html (html, chrono_timeline_get_description (timeline), "");
      json_builder_set_member_name (builder, "title");
      json_builder_begin_object (builder);
      add_text (builder, title, html->str);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      ChronoCategory *category = chrono_event_get_category (event);
      g_autofree char *html = event_to_html (event);

      json_builder_begin_object (builder);
      add_date (builder, "start_date", chrono_event_get_start (event));
      if (chrono_event_get_end (event) != NULL)
        add_date (builder, "end_date", chrono_event_get_end (event));
      add_text (builder, chrono_event_get_title (event), html);
      if (category != NULL)
        add_string_member (builder, "group", chrono_category_get_name (category));
      add_string_member (builder, "display_date", chrono_event_get_display_date (event));
      if (chrono_event_get_media_url (event) != NULL)
        {
          g_autofree char *caption = NULL;
          g_autofree char *credit = NULL;

          if (chrono_event_get_media_caption (event) != NULL)
            caption = g_markup_escape_text (chrono_event_get_media_caption (event), -1);
          if (chrono_event_get_media_credit (event) != NULL)
            credit = g_markup_escape_text (chrono_event_get_media_credit (event), -1);

          json_builder_set_member_name (builder, "media");
          json_builder_begin_object (builder);
          add_string_member (builder, "url", chrono_event_get_media_url (event));
          add_string_member (builder, "caption", caption);
          add_string_member (builder, "credit", credit);
          json_builder_end_object (builder);
        }
      add_string_member (builder, "unique_id", chrono_event_get_id (event));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  eras = chrono_timeline_get_eras (timeline);
  if (g_list_model_get_n_items (eras) > 0)
    {
      json_builder_set_member_name (builder, "eras");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
        {
          g_autoptr(ChronoEra) era = g_list_model_get_item (eras, i);

          json_builder_begin_object (builder);
          add_date (builder, "start_date", chrono_era_get_start (era));
          add_date (builder, "end_date", chrono_era_get_end (era));
          add_text (builder, chrono_era_get_name (era), NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "scale");
  json_builder_add_string_value (builder, needs_cosmological_scale (timeline) ? "cosmological" : "human");

  /* TimelineJS has no colours for its groups, and reads no member it does not know:
   * Chronoscope's categories keep theirs, and their order, there. */
  categories = chrono_timeline_get_categories (timeline);
  json_builder_set_member_name (builder, "group_colors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "group", chrono_category_get_name (category));
      add_string_member (builder, "color", chrono_category_get_color (category));
      if (chrono_category_has_dark_color (category))
        add_string_member (builder, "dark_color", chrono_category_get_dark_color (category));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  /* A final newline, as text files have. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}

/* ── CSV ─────────────────────────────────────────────────────────────────────── */

static void
append_cell (GString    *out,
             const char *text)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",;\t\"\r\n") != NULL || g_ascii_isspace (text[0]) ||
      (*text != '\0' && g_ascii_isspace (text[strlen (text) - 1])))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

/* The date's cells: Year, Month, Day, Time. */
static void
date_cells (const ChronoDate *date,
            char             *cells[4])
{
  gint64 values[CHRONO_TIMELINEJS_N_PARTS];
  guint n;

  memset (cells, 0, sizeof (char *) * 4);
  if (date == NULL)
    return;

  n = _chrono_timelinejs_date_parts (date, values);
  cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, values[CHRONO_TIMELINEJS_YEAR]);
  if (n > 1)
    cells[1] = g_strdup_printf ("%" G_GINT64_FORMAT, values[CHRONO_TIMELINEJS_MONTH]);
  if (n > 2)
    cells[2] = g_strdup_printf ("%" G_GINT64_FORMAT, values[CHRONO_TIMELINEJS_DAY]);
  if (n > 5)
    cells[3] = g_strdup_printf ("%02d:%02d:%02d", (int) values[CHRONO_TIMELINEJS_HOUR],
                                (int) values[CHRONO_TIMELINEJS_MINUTE], (int) values[CHRONO_TIMELINEJS_SECOND]);
  else if (n > 3)
    cells[3] = g_strdup_printf ("%02d:%02d", (int) values[CHRONO_TIMELINEJS_HOUR],
                                (int) values[CHRONO_TIMELINEJS_MINUTE]);
}

typedef enum
{
  CELL_DISPLAY_DATE,
  CELL_HEADLINE,
  CELL_TEXT,
  CELL_MEDIA,
  CELL_MEDIA_CREDIT,
  CELL_MEDIA_CAPTION,
  CELL_MEDIA_THUMBNAIL,
  CELL_TYPE,
  CELL_GROUP,
  CELL_BACKGROUND,
  CELL_DATE_QUALIFIER,
  N_TEXT_CELLS
} TextCell;

static void
append_row (GString          *out,
            const ChronoDate *start,
            const ChronoDate *end,
            const char       *texts[N_TEXT_CELLS])
{
  char *start_cells[4], *end_cells[4];

  date_cells (start, start_cells);
  date_cells (end, end_cells);

  for (guint i = 0; i < 4; i++)
    {
      append_cell (out, start_cells[i]);
      g_string_append_c (out, ',');
    }
  for (guint i = 0; i < 4; i++)
    {
      append_cell (out, end_cells[i]);
      g_string_append_c (out, ',');
    }
  for (guint i = 0; i < N_TEXT_CELLS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_cell (out, texts[i]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < 4; i++)
    {
      g_free (start_cells[i]);
      g_free (end_cells[i]);
    }
}

GBytes *
chrono_timeline_write_csv (ChronoTimeline *timeline)
{
  GString *out;
  GListModel *eras;
  const char *title;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (chrono_timeline_is_sealed (timeline), NULL);

  out = g_string_new ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,"
                      "Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,"
                      "Date Qualifier\r\n");

  title = chrono_timeline_get_title (timeline);
  if ((title != NULL && *title != '\0') || chrono_timeline_get_description (timeline) != NULL)
    {
      g_autoptr(GString) html = g_string_new (NULL);
      g_autofree char *headline = title != NULL ? g_markup_escape_text (title, -1) : NULL;
      const char *texts[N_TEXT_CELLS] = { NULL };

      if (chrono_timeline_get_description (timeline) != NULL)
        _chrono_append_text_as_html (html, chrono_timeline_get_description (timeline), "");
      texts[CELL_HEADLINE] = headline;
      texts[CELL_TEXT] = html->str;
      texts[CELL_TYPE] = "title";
      append_row (out, NULL, NULL, texts);
    }

  for (guint i = 0; i < chrono_timeline_get_n_events (timeline); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, i);
      ChronoCategory *category = chrono_event_get_category (event);
      g_autofree char *html = event_to_html (event);
      g_autofree char *headline = g_markup_escape_text (chrono_event_get_title (event), -1);
      g_autofree char *caption = NULL;
      g_autofree char *credit = NULL;
      g_autofree char *flags_display = NULL;
      g_autofree char *qualifiers = NULL;
      const char *texts[N_TEXT_CELLS] = { NULL };

      if (chrono_event_get_media_caption (event) != NULL)
        caption = g_markup_escape_text (chrono_event_get_media_caption (event), -1);
      if (chrono_event_get_media_credit (event) != NULL)
        credit = g_markup_escape_text (chrono_event_get_media_credit (event), -1);

      /* The spreadsheet has one date to show: the event's own, or one that keeps it
       * approximate, in EDTF, which reads back the same whatever the language it was
       * written or read in. The flags have a column of their own besides, which
       * TimelineJS leaves alone, so that an event's own display date keeps them too. */
      texts[CELL_DISPLAY_DATE] = chrono_event_get_display_date (event);
      if (texts[CELL_DISPLAY_DATE] == NULL)
        texts[CELL_DISPLAY_DATE] = flags_display = _chrono_timelinejs_edtf_display (chrono_event_get_start (event),
                                                                                     chrono_event_get_end (event));
      texts[CELL_DATE_QUALIFIER] = qualifiers = _chrono_timelinejs_qualifiers (chrono_event_get_start (event),
                                                                                chrono_event_get_end (event));
      texts[CELL_HEADLINE] = headline;
      texts[CELL_TEXT] = html;
      texts[CELL_MEDIA] = chrono_event_get_media_url (event);
      texts[CELL_MEDIA_CREDIT] = credit;
      texts[CELL_MEDIA_CAPTION] = caption;
      texts[CELL_GROUP] = category != NULL ? chrono_category_get_name (category) : NULL;
      append_row (out, chrono_event_get_start (event), chrono_event_get_end (event), texts);
    }

  eras = chrono_timeline_get_eras (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(ChronoEra) era = g_list_model_get_item (eras, i);
      g_autofree char *headline = g_markup_escape_text (chrono_era_get_name (era), -1);
      g_autofree char *qualifiers = _chrono_timelinejs_qualifiers (chrono_era_get_start (era), chrono_era_get_end (era));
      const char *texts[N_TEXT_CELLS] = { NULL };

      texts[CELL_HEADLINE] = headline;
      texts[CELL_TYPE] = "era";
      texts[CELL_DATE_QUALIFIER] = qualifiers;
      append_row (out, chrono_era_get_start (era), chrono_era_get_end (era), texts);
    }

  return g_string_free_to_bytes (out);
}

typedef struct
{
  GBytes                 *native;
  ChronoTimelineJSFormat  format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_bytes_unref (data->native);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GFile *file = source_object;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  timeline = chrono_timeline_read_native_bytes (data->native, name, cancellable, &error);
  if (timeline == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->format == CHRONO_TIMELINEJS_SPREADSHEET)
    bytes = chrono_timeline_write_csv (timeline);
  else
    bytes = chrono_timeline_write_timelinejs (timeline);

  if (chrono_atomic_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
chrono_timelinejs_export_async (GBytes                 *native,
                                ChronoTimelineJSFormat  format,
                                GFile                  *file,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (native != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->native = g_bytes_ref (native);
  data->format = format;
  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_timelinejs_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
chrono_timelinejs_export_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chrono_timelinejs_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
