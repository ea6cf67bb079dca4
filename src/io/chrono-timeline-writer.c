/* chrono-timeline-writer.c — the native XML format, written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-writer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-native-reader.h"
#include "chrono-timeline-writer.h"
#include "model/chrono-atomic-file.h"
#include "model/chrono-file-text.h"

G_DEFINE_QUARK (chrono-writer-error-quark, chrono_writer_error)

#define NATIVE_NAMESPACE "https://chronoscope.github.io/ns/timeline/1"

/* The reader refuses empty names and titles, so that a file always reads back; a
 * timeline built in memory (from TimelineJS, say) may lack them. */
static const char *
nonempty (const char *text,
          const char *fallback)
{
  return text != NULL && *text != '\0' ? text : fallback;
}

/* A placeholder for a missing text, in the file's language: the user's translation
 * only when the user reads the file's language, the English otherwise. */
static const char *
placeholder (ChronoTimeline *timeline,
             const char     *msgid)
{
  const char *file_language = chrono_timeline_get_language (timeline);
  const char *user_language = g_get_language_names ()[0];
  gsize length;

  if (file_language == NULL)
    return msgid;

  /* The primary subtags: “zh” of “zh-Hans” and of “zh_CN.UTF-8”. */
  length = strcspn (file_language, "-_");
  if (g_ascii_strncasecmp (file_language, user_language, length) == 0 &&
      strchr ("-_.@", user_language[length]) != NULL)
    return _(msgid);

  return msgid;
}

/* The text of a field as its file has it (chrono-file-text.h). */
static const char *
file_text (gpointer    object,
           const char *field,
           const char *shown)
{
  return shown != NULL ? chrono_file_text_get (object, field, shown) : NULL;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* A reader normalizes white space in an attribute to spaces unless it is written as a
 * character reference, so a newline in a URL or a display date would not come back; and
 * in a text, Chronoscope's reader keeps only the line breaks written so (the others lay
 * the file out), so that a summary's paragraphs come back. */
static void
append_escaped_breaks (GString    *out,
                       const char *text)
{
  for (const char *run = text; *run != '\0';)
    {
      gsize length = strcspn (run, "\n\r\t");
      g_autofree char *part = g_strndup (run, length);

      append_escaped (out, part);
      run += length;
      if (*run != '\0')
        g_string_append_printf (out, "&#%d;", *run++);
    }
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (out, " %s=\"", name);
  append_escaped_breaks (out, value);
  g_string_append_c (out, '"');
}

static void
append_date_attribute (GString          *out,
                       const char       *name,
                       const ChronoDate *date)
{
  g_autofree char *edtf = NULL;

  if (date == NULL)
    return;

  edtf = chrono_date_to_edtf (date);
  append_attribute (out, name, edtf);
}

static void
append_text_element (GString    *out,
                     guint       indent,
                     const char *name,
                     const char *lang,
                     const char *text)
{
  if (text == NULL)
    return;

  g_string_append_printf (out, "%*s<%s", indent, "", name);
  append_attribute (out, "xml:lang", lang);
  g_string_append_c (out, '>');
  append_escaped_breaks (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
write_categories (GString        *out,
                  ChronoTimeline *timeline)
{
  GListModel *categories = chrono_timeline_get_categories (timeline);
  guint n = g_list_model_get_n_items (categories);

  if (n == 0)
    return;

  g_string_append (out, "  <categories>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);

      g_string_append (out, "    <category");
      append_attribute (out, "id", chrono_category_get_id (category));
      append_attribute (out, "color", chrono_category_get_color (category));
      if (chrono_category_has_dark_color (category))
        append_attribute (out, "dark-color", chrono_category_get_dark_color (category));
      g_string_append_c (out, '>');
      append_escaped (out, nonempty (file_text (category, "name", chrono_category_get_name (category)),
                                     chrono_category_get_id (category)));
      g_string_append (out, "</category>\n");
    }
  g_string_append (out, "  </categories>\n");
}

static void
write_eras (GString        *out,
            ChronoTimeline *timeline)
{
  GListModel *eras = chrono_timeline_get_eras (timeline);
  guint n = g_list_model_get_n_items (eras);

  if (n == 0)
    return;

  g_string_append (out, "  <eras>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoEra) era = g_list_model_get_item (eras, i);

      g_string_append (out, "    <era");
      append_date_attribute (out, "start", chrono_era_get_start (era));
      append_date_attribute (out, "end", chrono_era_get_end (era));
      g_string_append_c (out, '>');
      append_escaped (out, nonempty (file_text (era, "name", chrono_era_get_name (era)),
                                     placeholder (timeline, N_("Untitled era"))));
      g_string_append (out, "</era>\n");
    }
  g_string_append (out, "  </eras>\n");
}

static void
write_sources (GString        *out,
               ChronoTimeline *timeline)
{
  GListModel *sources = chrono_timeline_get_sources (timeline);
  guint n = g_list_model_get_n_items (sources);

  if (n == 0)
    return;

  g_string_append (out, "  <sources>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoSource) source = g_list_model_get_item (sources, i);

      g_string_append (out, "    <source");
      append_attribute (out, "id", chrono_source_get_id (source));
      append_date_attribute (out, "date", chrono_source_get_date (source));
      append_attribute (out, "author", file_text (source, "author", chrono_source_get_author (source)));
      append_attribute (out, "publisher", file_text (source, "publisher", chrono_source_get_publisher (source)));
      append_attribute (out, "url", chrono_source_get_url (source));
      g_string_append_c (out, '>');
      append_escaped (out, nonempty (file_text (source, "title", chrono_source_get_title (source)),
                                     chrono_source_get_id (source)));
      g_string_append (out, "</source>\n");
    }
  g_string_append (out, "  </sources>\n");
}

static void
write_quote (GString     *out,
             ChronoQuote *quote)
{
  ChronoSource *source = chrono_quote_get_source (quote);
  const char *translation = chrono_quote_get_translation (quote);
  const char *translation_language = chrono_quote_get_translation_language (quote);
  const char *translation_in_file = file_text (quote, "translation", translation);

  /* The file's language goes with the file's text, and only with it: a translation
   * edited on screen is in the language the quote says. */
  if (translation_in_file != translation)
    translation_language = file_text (quote, "translation-language", translation_language);

  g_string_append (out, "      <quote");
  append_attribute (out, "speaker", chrono_quote_get_speaker (quote));
  if (source != NULL)
    append_attribute (out, "source", chrono_source_get_id (source));
  append_date_attribute (out, "said", chrono_quote_get_said (quote));
  append_attribute (out, "provenance", chrono_provenance_to_string (chrono_quote_get_provenance (quote)));
  g_string_append (out, ">\n");
  /* “und” is BCP 47 for a language not known. */
  append_text_element (out, 8, "original", nonempty (chrono_quote_get_original_language (quote), "und"),
                       nonempty (chrono_quote_get_original_text (quote), "…"));
  append_text_element (out, 8, "translation", nonempty (translation_language, "und"), translation_in_file);
  append_text_element (out, 8, "context", NULL, file_text (quote, "context", chrono_quote_get_context (quote)));
  g_string_append (out, "      </quote>\n");
}

static void
write_event_provenance (GString     *out,
                        ChronoEvent *event)
{
  ChronoProvenance provenance = chrono_event_get_provenance (event);
  ChronoProvenance date_provenance = chrono_event_get_date_provenance (event);
  ChronoSource *date_source = chrono_event_get_date_source (event);

  append_attribute (out, "provenance", chrono_provenance_to_string (provenance));
  /* A date that comes from where the claim does goes without saying. */
  if (date_provenance != provenance || date_source != NULL)
    append_attribute (out, "date-provenance", chrono_provenance_to_string (date_provenance));
  if (date_source != NULL)
    append_attribute (out, "date-source", chrono_source_get_id (date_source));
}

static void
write_event (GString        *out,
             ChronoTimeline *timeline,
             ChronoEvent    *event)
{
  ChronoCategory *category = chrono_event_get_category (event);
  GPtrArray *sources = chrono_event_get_sources (event);
  const char *notes = file_text (event, "notes", chrono_event_get_notes (event));

  g_string_append (out, "    <event");
  append_attribute (out, "id", chrono_event_get_id (event));
  append_date_attribute (out, "start", chrono_event_get_start (event));
  append_date_attribute (out, "end", chrono_event_get_end (event));
  if (category != NULL)
    append_attribute (out, "category", chrono_category_get_id (category));
  g_string_append_printf (out, " importance=\"%u\"", chrono_event_get_importance (event));
  if (sources->len > 0)
    {
      g_string_append (out, " sources=\"");
      for (guint i = 0; i < sources->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_escaped (out, chrono_source_get_id (g_ptr_array_index (sources, i)));
        }
      g_string_append_c (out, '"');
    }
  write_event_provenance (out, event);
  append_attribute (out, "display-date", chrono_event_get_display_date (event));
  g_string_append (out, ">\n");

  append_text_element (out, 6, "title", NULL, nonempty (file_text (event, "title", chrono_event_get_title (event)),
                                                        placeholder (timeline, N_("Untitled event"))));
  append_text_element (out, 6, "summary", NULL, file_text (event, "summary", chrono_event_get_summary (event)));

  if (notes != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        append_text_element (out, 6, "note", NULL, lines[i]);
    }

  if (chrono_event_get_media_url (event) != NULL || chrono_event_get_media_caption (event) != NULL ||
      chrono_event_get_media_credit (event) != NULL)
    {
      g_string_append (out, "      <media");
      append_attribute (out, "url", chrono_event_get_media_url (event));
      append_attribute (out, "caption", chrono_event_get_media_caption (event));
      append_attribute (out, "credit", chrono_event_get_media_credit (event));
      g_string_append (out, "/>\n");
    }

  if (chrono_event_is_forecast (event))
    {
      g_string_append (out, "      <forecast");
      append_date_attribute (out, "start", chrono_event_get_predicted_start (event));
      append_date_attribute (out, "end", chrono_event_get_predicted_end (event));
      g_string_append (out, "/>\n");
    }

  for (guint i = 0; i < chrono_event_get_n_quotes (event); i++)
    write_quote (out, g_ptr_array_index (chrono_event_get_quotes (event), i));

  g_string_append (out, "    </event>\n");
}

/* Events written between two looks at the clock. */
#define EVENTS_PER_CHECK 64
/* The most room made at once for the events still to write. */
#define MAX_RESERVED_PER_EVENT 1024
#define MAX_RESERVED (256 * 1024 * 1024)

struct _ChronoNativeWriter
{
  ChronoTimeline *timeline;
  GString *out;
  guint next_event;          /* G_MAXUINT before the head, then the next to write */
  gsize head_length;
};

ChronoNativeWriter *
chrono_native_writer_new (ChronoTimeline *timeline)
{
  ChronoNativeWriter *writer;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (chrono_timeline_is_sealed (timeline), NULL);

  writer = g_new0 (ChronoNativeWriter, 1);
  writer->timeline = g_object_ref (timeline);
  writer->out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  writer->next_event = G_MAXUINT;

  return writer;
}

static void
write_head (GString        *out,
            ChronoTimeline *timeline)
{
  g_string_append (out, "<timeline xmlns=\"" NATIVE_NAMESPACE "\" version=\"2\"");
  append_attribute (out, "xml:lang", chrono_timeline_get_language (timeline));
  append_attribute (out, "gettext-domain", chrono_timeline_get_gettext_domain (timeline));
  g_string_append (out, ">\n");

  /* Without a title of its own the timeline is called after its file, as the window
   * called it before the save, and keeps its name when the file is renamed. */
  append_text_element (out, 2, "title", NULL,
                       nonempty (file_text (timeline, "title", chrono_timeline_get_title (timeline)), NULL));
  append_text_element (out, 2, "description", NULL,
                       file_text (timeline, "description", chrono_timeline_get_description (timeline)));

  write_categories (out, timeline);
  write_eras (out, timeline);
  write_sources (out, timeline);
  g_string_append (out, "  <events>\n");
}

gboolean
chrono_native_writer_step (ChronoNativeWriter *writer,
                           guint               max_events,
                           gint64              deadline)
{
  guint n_events;
  guint limit;

  g_return_val_if_fail (writer != NULL, TRUE);
  g_return_val_if_fail (writer->out != NULL, TRUE);
  g_return_val_if_fail (max_events > 0, TRUE);

  n_events = chrono_timeline_get_n_events (writer->timeline);
  if (writer->next_event == G_MAXUINT)
    {
      write_head (writer->out, writer->timeline);
      writer->head_length = writer->out->len;
      writer->next_event = 0;
    }
  limit = writer->next_event + MIN (max_events, n_events - writer->next_event);

  do
    {
      guint begin = writer->next_event;
      guint end = MIN (limit, begin + EVENTS_PER_CHECK);

      for (; writer->next_event < end; writer->next_event++)
        write_event (writer->out, writer->timeline, chrono_timeline_get_event (writer->timeline, writer->next_event));

      /* Room for the rest at once, by the size of the first events: growing the string
       * as it fills copies it (up to where the allocator maps memory of its own), which
       * at a million events held one step for 10 ms. */
      if (begin < EVENTS_PER_CHECK && end >= MIN (n_events, EVENTS_PER_CHECK))
        {
          gsize length = writer->out->len;
          gsize per_event = (length - writer->head_length) / MAX (end, 1);
          gsize room;

          /* A guess, and the first events may be far longer than the others. */
          per_event = MIN (per_event, MAX_RESERVED_PER_EVENT);
          room = MIN ((per_event + per_event / 8) * (n_events - end) + 64, MAX_RESERVED);
          g_string_set_size (writer->out, length + room);
          g_string_truncate (writer->out, length);
        }
    }
  while (writer->next_event < limit && g_get_monotonic_time () < deadline);

  return writer->next_event >= n_events;
}

GBytes *
chrono_native_writer_finish (ChronoNativeWriter *writer)
{
  GString *out;

  g_return_val_if_fail (writer != NULL, NULL);

  while (!chrono_native_writer_step (writer, G_MAXUINT, G_MAXINT64))
    ;

  out = g_steal_pointer (&writer->out);
  g_string_append (out, "  </events>\n");
  g_string_append (out, "</timeline>\n");
  chrono_native_writer_free (writer);

  return g_string_free_to_bytes (out);
}

static gpointer
free_string_thread (gpointer data)
{
  g_string_free (data, TRUE);

  return NULL;
}

void
chrono_native_writer_free (ChronoNativeWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->timeline);
  /* Giving back the memory of most of a million events takes 10 ms: a writer abandoned
   * because of an edit would hold that edit up. */
  if (writer->out != NULL && writer->out->len > 16 * 1024 * 1024)
    g_thread_unref (g_thread_new ("chrono-free", free_string_thread, writer->out));
  else if (writer->out != NULL)
    g_string_free (writer->out, TRUE);
  g_free (writer);
}

GBytes *
chrono_timeline_write_native (ChronoTimeline *timeline)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (chrono_timeline_is_sealed (timeline), NULL);

  return chrono_native_writer_finish (chrono_native_writer_new (timeline));
}

/* What would not open again is not written: the file on disk stays as it was. */
static gboolean
check_and_write (GFile         *file,
                 GBytes        *bytes,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(ChronoTimeline) check = NULL;
  g_autoptr(GError) local_error = NULL;

  check = chrono_timeline_read_native_bytes (bytes, name, cancellable, &local_error);
  if (check == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CHRONO_WRITER_ERROR, CHRONO_WRITER_ERROR_INVALID,
                     /* Translators: %s is why, e.g. “notes.chronoscope:12:5: <event> needs a category” */
                     _("The timeline was not saved, because it would not open again: %s"),
                     local_error->message);
      return FALSE;
    }

  return chrono_atomic_file_set_contents_full (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               TRUE, cancellable, error);
}

gboolean
chrono_timeline_save (ChronoTimeline  *timeline,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = chrono_timeline_write_native (timeline);

  return check_and_write (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (check_and_write (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Saves @bytes, a timeline written out by a ChronoNativeWriter, to @file: reading them
 * back to check them and the disk are a worker's. */
void
chrono_timeline_save_bytes_async (GBytes              *bytes,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_timeline_save_bytes_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_thread);
}

void
chrono_timeline_save_async (ChronoTimeline      *timeline,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (CHRONO_IS_TIMELINE (timeline));
  g_return_if_fail (G_IS_FILE (file));

  bytes = chrono_timeline_write_native (timeline);
  chrono_timeline_save_bytes_async (bytes, file, cancellable, callback, user_data);
}

gboolean
chrono_timeline_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chrono_timeline_save_bytes_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
