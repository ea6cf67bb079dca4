/* chrono-quote-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-quote-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-date-entry.h"
#include "chrono-event-editor.h"
#include "chrono-ui-util.h"
#include "chrono-quote-editor.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-file-text.h"

struct _ChronoQuoteEditor
{
  AdwWindow parent_instance;

  ChronoTimeline *timeline;
  ChronoEvent *event;
  ChronoQuote *quote;
  GPtrArray *sources;            /* parallel to the dropdown, after its “None” */

  GtkTextView *original_view;
  GtkLabel *original_problem;
  GtkEntry *original_language_entry;
  GtkLabel *original_language_problem;
  GtkTextView *translation_view;
  GtkLabel *translation_note;
  GtkEntry *translation_language_entry;
  GtkLabel *translation_language_problem;
  GtkEntry *speaker_entry;
  GtkLabel *speaker_problem;
  GtkEntry *context_entry;
  GtkDropDown *source_dropdown;
  ChronoDateEntry *said_entry;
};

G_DEFINE_FINAL_TYPE (ChronoQuoteEditor, chrono_quote_editor, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_text (GtkTextView *view)
{
  g_autofree char *text = chrono_ui_text_view_dup_text (view);

  return chrono_normalize_lines (text);
}

/* A language tag as BCP 47 spells them: letters and digits in parts joined by “-”. */
static gboolean
is_language_tag (const char *text)
{
  gboolean part_empty = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (part_empty)
            return FALSE;
          part_empty = TRUE;
        }
      else if (g_ascii_isalnum (*p))
        part_empty = FALSE;
      else
        return FALSE;
    }

  return !part_empty;
}

static const char *
language_problem (const char *tag,
                  gboolean    needed)
{
  if (*tag == '\0')
    return needed ? _("Give the language’s code, such as en or zh-Hans") : NULL;
  if (!is_language_tag (tag))
    return _("A language code is letters and digits in parts joined by “-”, such as zh-Hans");

  return NULL;
}

/* What gettext made of a timeline's translation for the user's language (the built-in
 * timeline's English in Chinese is the original wording again) is what the panes show,
 * not what the quote holds: the editor shows the file's own translation in the file's
 * language, as a save writes it. NULL @language when the two are the same. */
static const char *
get_file_translation (ChronoQuote  *quote,
                      const char  **language)
{
  const char *shown = chrono_quote_get_translation (quote);
  const char *in_file = shown != NULL ? chrono_file_text_get (quote, "translation", shown) : NULL;

  *language = NULL;
  if (in_file != shown)
    *language = chrono_file_text_get (quote, "translation-language", chrono_quote_get_translation_language (quote));

  return in_file;
}

static void
done_clicked_cb (ChronoQuoteEditor *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
chrono_quote_editor_dispose (GObject *object)
{
  ChronoQuoteEditor *self = CHRONO_QUOTE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_QUOTE_EDITOR);
  g_clear_object (&self->timeline);
  g_clear_object (&self->event);
  g_clear_object (&self->quote);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (chrono_quote_editor_parent_class)->dispose (object);
}

static void
chrono_quote_editor_class_init (ChronoQuoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_quote_editor_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CHRONO_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-quote-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, original_view);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, original_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, original_language_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, original_language_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, translation_view);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, translation_note);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, translation_language_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, translation_language_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, speaker_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, speaker_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, context_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteEditor, said_entry);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chrono_quote_editor_init (ChronoQuoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  /* GTK 4.8 reads the drop-down's own button by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->source_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source"), -1);
}

ChronoQuoteEditor *
chrono_quote_editor_new (GtkWindow      *parent,
                         ChronoTimeline *timeline,
                         ChronoEvent    *event,
                         ChronoQuote    *quote)
{
  ChronoQuoteEditor *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *sources;
  guint selected = 0;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (CHRONO_IS_EVENT (event), NULL);
  g_return_val_if_fail (quote == NULL || CHRONO_IS_QUOTE (quote), NULL);

  self = g_object_new (CHRONO_TYPE_QUOTE_EDITOR, "transient-for", parent, NULL);
  self->timeline = g_object_ref (timeline);
  self->event = g_object_ref (event);
  self->quote = quote != NULL ? g_object_ref (quote) : NULL;

  /* Translators: the choice of no source for a quote */
  gtk_string_list_append (names, C_("source", "None"));
  sources = chrono_timeline_get_sources (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      ChronoSource *source = g_list_model_get_item (sources, i);

      gtk_string_list_append (names, chrono_source_get_title (source));
      g_ptr_array_add (self->sources, source);
      if (quote != NULL && chrono_quote_get_source (quote) == source)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->source_dropdown, selected);

  if (quote != NULL)
    {
      const char *translation_language = NULL;
      const char *translation = get_file_translation (quote, &translation_language);

      if (translation_language == NULL)
        translation_language = chrono_quote_get_translation_language (quote);
      gtk_widget_set_visible (GTK_WIDGET (self->translation_note), translation != chrono_quote_get_translation (quote));
      chrono_ui_text_view_set_text (self->original_view, chrono_quote_get_original_text (quote));
      gtk_editable_set_text (GTK_EDITABLE (self->original_language_entry),
                             chrono_quote_get_original_language (quote) != NULL ? chrono_quote_get_original_language (quote) : "");
      chrono_ui_text_view_set_text (self->translation_view, translation);
      gtk_editable_set_text (GTK_EDITABLE (self->translation_language_entry),
                             translation_language != NULL ? translation_language : "");
      gtk_editable_set_text (GTK_EDITABLE (self->speaker_entry),
                             chrono_quote_get_speaker (quote) != NULL ? chrono_quote_get_speaker (quote) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->context_entry),
                             chrono_quote_get_context (quote) != NULL ? chrono_quote_get_context (quote) : "");
      chrono_date_entry_set_date (self->said_entry, chrono_quote_get_said (quote));
    }
  else
    {
      /* The timeline's language is the likeliest for a translation. */
      const char *language = chrono_timeline_get_language (timeline);

      gtk_editable_set_text (GTK_EDITABLE (self->translation_language_entry), language != NULL ? language : "");
      gtk_window_set_title (GTK_WINDOW (self), _("New Quote"));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->original_view));

  return self;
}

ChronoEdit *
chrono_quote_editor_build_edit (ChronoQuoteEditor *self,
                                gboolean          *valid)
{
  g_autofree char *original = get_text (self->original_view);
  g_autofree char *original_language = chrono_entry_dup_normalized_text (self->original_language_entry);
  g_autofree char *translation = chrono_ui_nonempty_or_null (get_text (self->translation_view));
  g_autofree char *translation_language = chrono_entry_dup_normalized_text (self->translation_language_entry);
  g_autofree char *speaker = chrono_entry_dup_normalized_text (self->speaker_entry);
  g_autofree char *context = chrono_ui_nonempty_or_null (chrono_entry_dup_normalized_text (self->context_entry));
  g_autoptr(ChronoEditProperties) properties = NULL;
  g_autoptr(ChronoQuote) quote = NULL;
  ChronoSource *source = NULL;
  guint selected;
  ChronoDate said;
  gboolean has_said;
  gboolean ok = TRUE;

  g_return_val_if_fail (CHRONO_IS_QUOTE_EDITOR (self), NULL);

  *valid = FALSE;

  ok &= chrono_ui_show_problem (GTK_WIDGET (self->original_view), self->original_problem,
               *original == '\0' ? _("Write the words as they were said or written") : NULL);
  ok &= chrono_ui_show_problem (GTK_WIDGET (self->original_language_entry), self->original_language_problem,
               language_problem (original_language, TRUE));
  ok &= chrono_ui_show_problem (GTK_WIDGET (self->translation_language_entry), self->translation_language_problem,
               language_problem (translation_language, translation != NULL));
  ok &= chrono_ui_show_problem (GTK_WIDGET (self->speaker_entry), self->speaker_problem,
               *speaker == '\0' ? _("Who said or wrote the words?") : NULL);
  chrono_date_entry_show_problem (self->said_entry);
  ok &= chrono_date_entry_get_date (self->said_entry, &said, &has_said, NULL);
  if (!ok)
    return NULL;
  *valid = TRUE;

  selected = gtk_drop_down_get_selected (self->source_dropdown);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    source = g_ptr_array_index (self->sources, selected - 1);

  if (self->quote != NULL)
    {
      const char *file_language;
      const char *in_file = get_file_translation (self->quote, &file_language);

      /* The file's translation left as it was: the quote keeps the one shown. */
      if (file_language != NULL && g_strcmp0 (translation, in_file) == 0 &&
          g_strcmp0 (translation_language, file_language) == 0)
        {
          g_free (translation);
          translation = g_strdup (chrono_quote_get_translation (self->quote));
          g_free (translation_language);
          translation_language = g_strdup (chrono_quote_get_translation_language (self->quote));
        }
    }

  if (self->quote == NULL)
    {
      quote = chrono_quote_new (original, original_language);
      chrono_quote_set_translation (quote, translation, translation != NULL ? translation_language : NULL);
      chrono_quote_set_speaker (quote, speaker);
      chrono_quote_set_context (quote, context);
      chrono_quote_set_source (quote, source);
      chrono_quote_set_said (quote, has_said ? &said : NULL);

      return CHRONO_EDIT (chrono_edit_insert_new (quote, self->event, chrono_event_get_n_quotes (self->event)));
    }

  properties = chrono_edit_properties_new (self->quote,
                                           "original-text", original,
                                           "original-language", original_language,
                                           "translation", translation,
                                           "translation-language", translation != NULL ? translation_language : NULL,
                                           "speaker", speaker,
                                           "context", context,
                                           "source", source,
                                           "said", has_said ? &said : NULL,
                                           NULL);
  if (chrono_edit_properties_is_noop (properties))
    return NULL;

  return CHRONO_EDIT (g_steal_pointer (&properties));
}
