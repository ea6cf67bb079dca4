/* ui-test-util.c — what the UI tests share: timelines, windows, waiting, finding widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "ui-test-util.h"
#include "ui/chrono-ui-util.h"

GResource *chrono_get_resource (void);

static ChronoDate
date_of (const char *edtf)
{
  ChronoDate date;
  g_autoptr(GError) error = NULL;

  chrono_date_parse (edtf, &date, &error);
  g_assert_no_error (error);

  return date;
}

static ChronoEvent *
add_event (ChronoTimeline *timeline,
           const char     *id,
           const char     *edtf,
           const char     *title,
           const char     *category_id,
           const char     *summary)
{
  ChronoDate start = date_of (edtf);
  g_autoptr(ChronoEvent) event = chrono_event_new (id, &start, title);

  chrono_event_set_summary (event, summary);
  chrono_event_set_category (event, chrono_timeline_lookup_category (timeline, category_id));
  chrono_timeline_add_event (timeline, event);

  return event;
}

static void
add_quote (ChronoEvent  *event,
           ChronoSource *source,
           const char   *original,
           const char   *translation,
           const char   *speaker)
{
  g_autoptr(ChronoQuote) quote = chrono_quote_new (original, "zh-Hans");

  chrono_quote_set_translation (quote, translation, "en");
  chrono_quote_set_speaker (quote, speaker);
  chrono_quote_set_source (quote, source);
  chrono_event_add_quote (event, quote);
}

ChronoTimeline *
ui_test_timeline_new (void)
{
  ChronoTimeline *timeline = chrono_timeline_new ();
  g_autoptr(ChronoCategory) research = chrono_category_new ("research", "Research", "#3584e4", NULL);
  g_autoptr(ChronoCategory) business = chrono_category_new ("business", "Business", "#e66100", NULL);
  g_autoptr(ChronoSource) article = chrono_source_new ("article", "An interview");
  ChronoEvent *event;

  chrono_source_set_url (article, "https://example.org/interview");
  chrono_timeline_set_title (timeline, "Test Timeline");
  chrono_timeline_add_category (timeline, research);
  chrono_timeline_add_category (timeline, business);
  chrono_timeline_add_source (timeline, article);

  add_event (timeline, "alexnet", "2012-09-30", "AlexNet wins ImageNet", "research",
             "A neural network wins the image recognition contest.");
  event = add_event (timeline, "dinner", "2015-07", "The founding dinner", "business",
                     "A dinner where the lab was planned.");
  add_quote (event, article, "我们想做一个实验室。", "We wanted to start a lab.", "Sam Altman");
  add_event (timeline, "gpt3", "2020-06", "A large language model", "research",
             "A model with 175 billion parameters.");
  event = add_event (timeline, "launch", "2022-11-30", "The chatbot launches", "business",
                     "A research preview goes public.");
  chrono_event_add_source (event, article);
  add_quote (event, article, "我们没想到会这么火。", "We did not expect it to take off.", "Sam Altman");
  add_quote (event, article, "服务器一直不够用。", "We never had enough servers.", "Sam Altman");
  event = add_event (timeline, "price", "2022-12", "The $20 price", "business",
                     "The subscription price is chosen.");
  add_quote (event, article, "我们测试了20美元和42美元两个价格。",
             "We tested two prices, $20 and $42.", "Sam Altman");
  add_event (timeline, "agi", "2025", "An outlook on AGI", "research",
             "What might come next.");

  chrono_timeline_seal (timeline);

  return timeline;
}

ChronoTimeline *
ui_test_big_timeline_new (guint n)
{
  ChronoTimeline *timeline = chrono_timeline_new ();

  chrono_timeline_set_title (timeline, "Big");
  for (guint i = 0; i < n; i++)
    {
      ChronoDate date = { 0 };
      g_autofree char *id = g_strdup_printf ("e%07u", i);
      g_autoptr(ChronoEvent) event = NULL;

      /* Three events share each day, so ties on the start time must be resolved. */
      chrono_date_from_time ((ChronoTime) (i / 3) * 86400, CHRONO_PRECISION_DAY, &date);
      event = chrono_event_new (id, &date, id);
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GtkCssProvider) style = NULL;

  /* Widget tests need no accessibility bus (the end-to-end tests use one); those that
   * check what a screen reader is told ask for GTK's test backend. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") != 0)
    g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The application registers the resource and loads its style sheet; these tests build
   * windows without one. */
  g_resources_register (chrono_get_resource ());
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

ChronoWindow *
ui_test_window_new (void)
{
  ChronoWindow *window = g_object_new (CHRONO_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
ui_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

void
ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting in a UI test");
  return G_SOURCE_REMOVE;
}

void
ui_test_wait_for (gboolean (*predicate) (gpointer),
                  gpointer   data)
{
  guint guard = g_timeout_add_seconds (30, timeout_cb, NULL);

  while (!predicate (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
  ui_test_iterate ();
}

static gboolean
loaded (gpointer data)
{
  return !chrono_session_get_loading (chrono_window_get_session (data));
}

void
ui_test_wait_loaded (ChronoWindow *window)
{
  ui_test_wait_for (loaded, window);
}

gboolean
ui_test_is_gone (gpointer ref)
{
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL;
}

void
ui_test_wait_gone (GWeakRef *ref)
{
  ui_test_wait_for (ui_test_is_gone, ref);
}

GtkWidget *
ui_test_find_widget (GtkWidget       *root,
                     UiTestWidgetFunc matches,
                     gconstpointer    data)
{
  if (matches (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
ui_test_find_child (GtkWidget *root,
                    GType      type)
{
  return ui_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

gboolean
ui_test_is_label_reading (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

gboolean
ui_test_is_button_reading (GtkWidget     *widget,
                           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_mapped_row_of (GtkWidget     *widget,
                  gconstpointer  quote)
{
  return CHRONO_IS_QUOTE_ROW (widget) && chrono_quote_row_get_quote (CHRONO_QUOTE_ROW (widget)) == quote &&
         gtk_widget_get_mapped (widget);
}

ChronoQuoteRow *
ui_test_find_quote_row (GtkWidget   *root,
                        ChronoQuote *quote)
{
  return (ChronoQuoteRow *) ui_test_find_widget (root, is_mapped_row_of, quote);
}

void
ui_test_use_chinese (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  /* LANGUAGE is ignored in the plain C locale. */
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

#if ADW_CHECK_VERSION (1, 5, 0)
#define QUESTION_TYPE ADW_TYPE_ALERT_DIALOG
#else
#define QUESTION_TYPE ADW_TYPE_MESSAGE_DIALOG
#endif

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
shows_label (gpointer data)
{
  LabelWait *wait = data;

  return ui_test_find_widget (wait->root, ui_test_is_label_reading, wait->text) != NULL;
}

void
ui_test_wait_for_label (GtkWidget  *root,
                        const char *text)
{
  LabelWait wait = { root, text };

  ui_test_wait_for (shows_label, &wait);
}

gpointer
ui_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

GtkWidget *
ui_test_find_question (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (l->data))
        continue;
      found = ui_test_find_child (l->data, QUESTION_TYPE);
      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ui_test_has_question (gpointer unused)
{
  return ui_test_find_question () != NULL;
}

gboolean
ui_test_has_no_question (gpointer unused)
{
  return ui_test_find_question () == NULL;
}

const char *
ui_test_question_get_heading (GtkWidget *question)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (question));
#else
  return adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question));
#endif
}

gboolean
ui_test_question_has_response (GtkWidget  *question,
                               const char *response)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_has_response (ADW_ALERT_DIALOG (question), response);
#else
  return adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (question), response);
#endif
}

gboolean
ui_test_question_click (GtkWidget  *question,
                        const char *response)
{
  const char *label;
  GtkWidget *button;

  if (!ui_test_question_has_response (question, response))
    return FALSE;
#if ADW_CHECK_VERSION (1, 5, 0)
  label = adw_alert_dialog_get_response_label (ADW_ALERT_DIALOG (question), response);
#else
  label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), response);
#endif
  button = ui_test_find_widget (question, ui_test_is_button_reading, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  return TRUE;
}

/* The character after the underline of @label, lower-cased, or 0; "__" is an underline. */
static gunichar
mnemonic_of (const char *label)
{
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p != '_')
        continue;
      if (p[1] == '_')
        {
          p++;
          continue;
        }
      return p[1] == '\0' ? 0 : g_unichar_tolower (g_utf8_get_char (p + 1));
    }

  return 0;
}

static gboolean
add_mnemonics (GMenuModel *model,
               GString    *letters)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autofree char *label = NULL;
      gunichar mnemonic;

      if (section != NULL)
        {
          if (!add_mnemonics (section, letters))
            return FALSE;
          continue;
        }
      if (submenu != NULL)
        {
          g_autofree char *letters_of_submenu = ui_test_menu_mnemonics (submenu);

          if (letters_of_submenu == NULL)
            return FALSE;
        }
      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        continue;
      mnemonic = mnemonic_of (label);
      g_test_message ("%s", label);
      if (mnemonic == 0)
        continue;
      if (g_utf8_strchr (letters->str, -1, mnemonic) != NULL)
        {
          g_test_message ("%s: its access key is another item's", label);
          return FALSE;
        }
      g_string_append_unichar (letters, mnemonic);
    }

  return TRUE;
}

char *
ui_test_menu_mnemonics (GMenuModel *model)
{
  g_autoptr(GString) letters = g_string_new (NULL);

  if (!add_mnemonics (model, letters))
    return NULL;

  return g_string_free (g_steal_pointer (&letters), FALSE);
}

static void
collect_label_mnemonics (GtkWidget *widget,
                         GArray    *keyvals)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));

      g_test_message ("%s: %s", gtk_label_get_label (GTK_LABEL (widget)), gdk_keyval_name (keyval));
      for (guint i = 0; i < keyvals->len; i++)
        if (g_array_index (keyvals, guint, i) == keyval)
          g_error ("%s is the access key of two fields", gdk_keyval_name (keyval));
      g_array_append_val (keyvals, keyval);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_label_mnemonics (child, keyvals);
}

guint
ui_test_assert_mnemonics_distinct (GtkWidget *root)
{
  g_autoptr(GArray) keyvals = g_array_new (FALSE, FALSE, sizeof (guint));

  collect_label_mnemonics (root, keyvals);

  return keyvals->len;
}

void
ui_test_assert_error_message (GtkWidget *field,
                              GtkWidget *problem)
{
  if (chrono_ui_error_message_is_list ())
    gtk_test_accessible_assert_relation (field, GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, problem, NULL);
  else
    gtk_test_accessible_assert_relation (field, GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, problem);
}
