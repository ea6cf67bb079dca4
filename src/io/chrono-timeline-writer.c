/* chrono-timeline-writer.c — the native XML format, written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chrono-timeline-writer.h"

#define NATIVE_NAMESPACE "https://chronoscope.github.io/ns/timeline/1"

/* The reader refuses empty names and titles, so that a file always reads back; a
 * timeline built in memory (from TimelineJS, say) may lack them. */
static const char *
nonempty (const char *text,
          const char *fallback)
{
  return text != NULL && *text != '\0' ? text : fallback;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value);
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
  append_escaped (out, text);
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
      append_escaped (out, nonempty (chrono_category_get_name (category), chrono_category_get_id (category)));
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
      append_escaped (out, nonempty (chrono_era_get_name (era), _("Untitled era")));
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
      append_attribute (out, "author", chrono_source_get_author (source));
      append_attribute (out, "publisher", chrono_source_get_publisher (source));
      append_attribute (out, "url", chrono_source_get_url (source));
      g_string_append_c (out, '>');
      append_escaped (out, nonempty (chrono_source_get_title (source), chrono_source_get_id (source)));
      g_string_append (out, "</source>\n");
    }
  g_string_append (out, "  </sources>\n");
}

static void
write_quote (GString     *out,
             ChronoQuote *quote)
{
  ChronoSource *source = chrono_quote_get_source (quote);

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
  append_text_element (out, 8, "translation", nonempty (chrono_quote_get_translation_language (quote), "und"),
                       chrono_quote_get_translation (quote));
  append_text_element (out, 8, "context", NULL, chrono_quote_get_context (quote));
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
write_event (GString     *out,
             ChronoEvent *event)
{
  ChronoCategory *category = chrono_event_get_category (event);
  GPtrArray *sources = chrono_event_get_sources (event);
  const char *notes = chrono_event_get_notes (event);

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
  g_string_append (out, ">\n");

  append_text_element (out, 6, "title", NULL, nonempty (chrono_event_get_title (event), _("Untitled event")));
  append_text_element (out, 6, "summary", NULL, chrono_event_get_summary (event));

  if (notes != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        append_text_element (out, 6, "note", NULL, lines[i]);
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

GBytes *
chrono_timeline_write_native (ChronoTimeline *timeline)
{
  GString *out;
  guint n_events;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (chrono_timeline_is_sealed (timeline), NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<timeline xmlns=\"" NATIVE_NAMESPACE "\" version=\"2\"");
  append_attribute (out, "xml:lang", chrono_timeline_get_language (timeline));
  append_attribute (out, "gettext-domain", chrono_timeline_get_gettext_domain (timeline));
  g_string_append (out, ">\n");

  append_text_element (out, 2, "title", NULL,
                       nonempty (chrono_timeline_get_title (timeline), _("Untitled timeline")));
  append_text_element (out, 2, "description", NULL, chrono_timeline_get_description (timeline));

  write_categories (out, timeline);
  write_eras (out, timeline);
  write_sources (out, timeline);

  n_events = chrono_timeline_get_n_events (timeline);
  g_string_append (out, "  <events>\n");
  for (guint i = 0; i < n_events; i++)
    write_event (out, chrono_timeline_get_event (timeline, i));
  g_string_append (out, "  </events>\n");
  g_string_append (out, "</timeline>\n");

  return g_string_free_to_bytes (out);
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

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}
