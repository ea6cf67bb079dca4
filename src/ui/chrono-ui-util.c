/* chrono-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-ui-util"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chrono-ui-util.h"
#include "chrono-window.h"

gboolean
chrono_ui_get_category_color (ChronoCategory *category,
                              GdkRGBA        *out_color)
{
  const char *spec;

  if (category == NULL)
    return FALSE;

  spec = chrono_category_get_color_for (category, adw_style_manager_get_dark (adw_style_manager_get_default ()));

  return spec != NULL && gdk_rgba_parse (out_color, spec);
}

const char *
chrono_ui_quote_get_display_text (ChronoQuote *quote)
{
  const char *translation = chrono_quote_get_translation (quote);

  if (translation != NULL && *translation != '\0')
    return translation;

  return chrono_quote_get_original_text (quote);
}

/* In the Chinese UI the translation of a Chinese quote is its original wording, and
 * showing both would only repeat it. */
gboolean
chrono_ui_quote_has_distinct_original (ChronoQuote *quote)
{
  const char *translation = chrono_quote_get_translation (quote);
  const char *original = chrono_quote_get_original_text (quote);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (translation == NULL || *translation == '\0' || original == NULL || *original == '\0')
    return FALSE;

  a = g_utf8_normalize (translation, -1, G_NORMALIZE_ALL);
  b = g_utf8_normalize (original, -1, G_NORMALIZE_ALL);
  if (a == NULL || b == NULL)
    return TRUE;

  return strcmp (g_strstrip (a), g_strstrip (b)) != 0;
}

char *
chrono_ui_source_dup_description (ChronoSource *source)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *author = chrono_source_get_author (source);
  const char *publisher = chrono_source_get_publisher (source);
  const ChronoDate *date = chrono_source_get_date (source);

  if (author != NULL && *author != '\0')
    g_ptr_array_add (parts, g_strdup (author));
  if (publisher != NULL && *publisher != '\0')
    g_ptr_array_add (parts, g_strdup (publisher));
  if (date != NULL)
    g_ptr_array_add (parts, chrono_date_format (date));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the author, publisher and date of a source */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

char *
chrono_ui_quote_dup_attribution (ChronoQuote *quote)
{
  const char *speaker = chrono_quote_get_speaker (quote);
  const char *context = chrono_quote_get_context (quote);
  const ChronoDate *said = chrono_quote_get_said (quote);
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  if (speaker != NULL && *speaker != '\0' && context != NULL && *context != '\0')
    /* Translators: who said a quote, and in what situation */
    who = g_strdup_printf (_("%s, %s"), speaker, context);
  else if (speaker != NULL && *speaker != '\0')
    who = g_strdup (speaker);
  else if (context != NULL && *context != '\0')
    who = g_strdup (context);

  if (said == NULL)
    return g_steal_pointer (&who);

  /* The words are dated by when they were said, which is not when the event was. */
  when = chrono_date_format (said);
  if (who == NULL)
    /* Translators: when a quote was said; %s is a date such as “December 2024” */
    return g_strdup_printf (_("said %s"), when);

  /* Translators: who said a quote (and in what situation), then when; the second %s is a
   * date such as “December 2024” */
  return g_strdup_printf (_("%s; said %s"), who, when);
}

char *
chrono_ui_quote_dup_clipboard_text (ChronoQuote *quote,
                                    gboolean     with_original)
{
  GString *text = g_string_new (NULL);
  g_autofree char *attribution = chrono_ui_quote_dup_attribution (quote);
  ChronoSource *source = chrono_quote_get_source (quote);
  gboolean distinct = chrono_ui_quote_has_distinct_original (quote);

  /* Translators: a quote as copied to the clipboard, in quotation marks */
  g_string_append_printf (text, _("“%s”"), chrono_ui_quote_get_display_text (quote));
  if (distinct)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("(Translated from the source’s original wording)"));
    }
  if (with_original && distinct)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("“%s”"), chrono_quote_get_original_text (quote));
    }
  if (attribution != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: the attribution line under a copied quote */
      g_string_append_printf (text, _("— %s"), attribution);
    }
  if (source != NULL)
    {
      const char *url = chrono_source_get_url (source);

      g_string_append_c (text, '\n');
      /* Translators: names the publication a copied quote comes from */
      g_string_append_printf (text, _("Source: %s"), chrono_source_get_title (source));
      if (url != NULL && *url != '\0')
        g_string_append_printf (text, " <%s>", url);
    }

  return g_string_free (text, FALSE);
}

ChronoEra *
chrono_ui_find_era (ChronoTimeline *timeline,
                    ChronoEvent    *event)
{
  GListModel *eras;
  ChronoTime when;
  guint n;

  if (timeline == NULL || event == NULL)
    return NULL;

  eras = chrono_timeline_get_eras (timeline);
  when = chrono_event_get_start_time (event);
  n = g_list_model_get_n_items (eras);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoEra) era = g_list_model_get_item (eras, i);
      ChronoTime start = chrono_date_get_start (chrono_era_get_start (era));
      ChronoTime end = chrono_date_get_end (chrono_era_get_end (era));

      if (start <= when && when < end)
        return era;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *widget;
  char      *uri;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_clear_object (&data->widget);
  g_free (data->uri);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LaunchData, launch_data_free)

/* A toast in the widget's window says that nothing could open the address. */
static void
report_failure (LaunchData   *data,
                const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (data->widget);
  g_autofree char *text = NULL;

  g_debug ("Could not open %s: %s", data->uri, error->message);
  if (!CHRONO_IS_WINDOW (root))
    return;

  if (g_str_has_prefix (data->uri, "help:"))
    text = g_strdup (_("No help viewer is installed; the help opens in Yelp"));
  else
    /* Translators: %s is a web address */
    text = g_strdup_printf (_("No app could open %s"), data->uri);
  chrono_window_add_toast (CHRONO_WINDOW (root), chrono_ui_toast_new (text));
}

static void
undo_toast_clicked_cb (AdwToast      *toast,
                       ChronoSession *session)
{
  ChronoEdit *edit = g_object_get_data (G_OBJECT (toast), "edit");
  ChronoUndoStack *stack = chrono_session_get_undo_stack (session);

  if (stack != NULL && chrono_undo_stack_peek_undo (stack) == edit)
    chrono_session_undo (session);
}

AdwToast *
chrono_ui_undo_toast_new (const char    *text,
                          ChronoSession *session,
                          ChronoEdit    *edit)
{
  AdwToast *toast = chrono_ui_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "edit", g_object_ref (edit), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), session, 0);

  return toast;
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LaunchData) data = user_data;
  g_autoptr(GError) error = NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
#else
  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
#endif

  report_failure (data, error);
}

static void
launch (LaunchData *data)
{
  GtkRoot *root = gtk_widget_get_root (data->widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (data->uri);

  gtk_uri_launcher_launch (launcher, window, NULL, launch_cb, data);
#else
  gtk_show_uri_full (window, data->uri, GDK_CURRENT_TIME, NULL, launch_cb, data);
#endif
}

static void
portal_version_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LaunchData) data = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    report_failure (data, error);
  else
    launch (g_steal_pointer (&data));
}

/* Both paths go through the OpenURI portal when the app is sandboxed. With no portal there,
 * GTK 4.18 and GLib 2.84 fail badly (a critical and a task never returned, or an assertion),
 * so a sandboxed app asks the portal for its version first. When nothing can open the
 * address, a toast in the widget's window says so. */
void
chrono_ui_open_uri (GtkWidget  *widget,
                    const char *uri)
{
  g_autoptr(GDBusConnection) bus = NULL;
  LaunchData *data = g_new0 (LaunchData, 1);

  data->widget = g_object_ref (widget);
  data->uri = g_strdup (uri);
  if (!g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      launch (data);
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no session bus");

      report_failure (data, error);
      launch_data_free (data);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", "org.freedesktop.portal.OpenURI", "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          portal_version_cb, data);
}

/* Han characters are drawn differently in Chinese and Japanese fonts; telling Pango
 * the language picks the right glyphs whatever the UI language is. */
void
chrono_ui_set_label_language (GtkLabel   *label,
                              const char *language)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (language != NULL && *language != '\0')
    pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));
  gtk_label_set_attributes (label, attrs);
}

/* Asks @heading with AdwAlertDialog on libadwaita >= 1.5, AdwMessageDialog (deprecated
 * there) before. The arguments after @body are triples of a response's id, label and
 * AdwResponseAppearance, ended by NULL: the first is the close response, the last the
 * default one. Returns the dialog for its "response" signal, whose handler takes a
 * GtkWidget *dialog, the response's id and the user data. */
GtkWidget *
chrono_ui_ask (GtkWidget  *parent,
               const char *heading,
               const char *body,
               const char *first_response,
               ...)
{
  const char *last = NULL;
  va_list args;
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
#else
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                                         heading, body));
#endif

  va_start (args, first_response);
  for (const char *id = first_response; id != NULL; id = va_arg (args, const char *))
    {
      const char *label = va_arg (args, const char *);
      AdwResponseAppearance appearance = va_arg (args, int);

#if ADW_CHECK_VERSION (1, 5, 0)
      adw_alert_dialog_add_response (dialog, id, label);
      adw_alert_dialog_set_response_appearance (dialog, id, appearance);
#else
      adw_message_dialog_add_response (dialog, id, label);
      adw_message_dialog_set_response_appearance (dialog, id, appearance);
#endif
      last = id;
    }
  va_end (args);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_set_close_response (dialog, first_response);
  adw_alert_dialog_set_default_response (dialog, last);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  adw_message_dialog_set_close_response (dialog, first_response);
  adw_message_dialog_set_default_response (dialog, last);
  gtk_window_present (GTK_WINDOW (dialog));
#endif

  return GTK_WIDGET (dialog);
}

/* A toast's title is markup; text from files, errors and users is not. */
AdwToast *
chrono_ui_toast_new (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return adw_toast_new (markup);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  const char *dark_color = g_object_get_data (G_OBJECT (area), "dark-color");
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, dark && dark_color != NULL ? dark_color : color))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

GtkWidget *
chrono_ui_color_swatch_new (const char *color,
                            const char *dark_color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_object_set_data_full (G_OBJECT (area), "color", g_strdup (color), g_free);
  g_object_set_data_full (G_OBJECT (area), "dark-color", g_strdup (dark_color), g_free);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 20);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 20);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);

  return area;
}

/* GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE takes one element in GTK 4.8 and a
 * NULL-terminated list of them in newer GTK: given one without the NULL, GTK 4.18 reads
 * past it and crashes. The running GTK says which. */
gboolean
chrono_ui_error_message_is_list (void)
{
  static gsize once = 0;
  static gboolean is_list;

  if (g_once_init_enter (&once))
    {
      GValue value = G_VALUE_INIT;

      gtk_accessible_relation_init_value (GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, &value);
      is_list = G_VALUE_HOLDS_POINTER (&value);
      g_value_unset (&value);
      g_once_init_leave (&once, 1);
    }

  return is_list;
}

gboolean
chrono_ui_show_problem (GtkWidget  *field,
                        GtkLabel   *problem_label,
                        const char *problem)
{
  gtk_label_set_text (problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (problem_label), problem != NULL);
  /* A screen reader says the field is wrong, and why, as the red shows it. The label is
   * the field's error message and describes it; GTK 4.8 passes on neither an error
   * message nor a description made from the relation, only the relation itself, so the
   * problem is the field's description too. */
  if (problem != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem_label, NULL, -1);
      if (chrono_ui_error_message_is_list ())
        gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                        GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, problem_label, NULL, -1);
      else
        gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                        GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, problem_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  return problem == NULL;
}

char *
chrono_ui_nonempty_or_null (char *text)
{
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

void
chrono_ui_text_view_set_text (GtkTextView *view,
                              const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

char *
chrono_ui_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

char *
chrono_ui_dup_name_without_access_key (const char *label)
{
  GString *name = g_string_new (NULL);
  char key = '\0';

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        {
          p++;
          if (*p != '_' && key == '\0' && g_ascii_isalnum (*p))
            key = *p;
        }
      g_string_append_c (name, *p);
    }

  if (key != '\0')
    {
      static const char *brackets[][2] = { { "(", ")" }, { "（", "）" } };

      /* The key as it is written in the brackets, in either case. */
      for (guint i = 0; i < 2 * G_N_ELEMENTS (brackets); i++)
        {
          char written = i % 2 == 0 ? g_ascii_toupper (key) : g_ascii_tolower (key);
          g_autofree char *bracketed = g_strdup_printf ("%s%c%s", brackets[i / 2][0], written, brackets[i / 2][1]);
          const char *found = strstr (name->str, bracketed);
          gsize at;

          if (found == NULL)
            continue;
          at = found - name->str;
          g_string_erase (name, at, strlen (bracketed));
          if (at > 0 && name->str[at - 1] == ' ')
            g_string_erase (name, at - 1, 1);
          break;
        }
    }

  return g_string_free (name, FALSE);
}

static void
name_without_access_key (GtkWidget  *widget,
                         const char *label)
{
  g_autofree char *name = chrono_ui_dup_name_without_access_key (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
chrono_ui_name_without_access_keys (GtkWidget *root)
{
  const char *label = NULL;

  if (GTK_IS_LABEL (root) && gtk_label_get_use_underline (GTK_LABEL (root)))
    label = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_CHECK_BUTTON (root) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (root)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
  /* On GTK 4.8 a menu button is read as two buttons, the outer one unnamed. */
  else if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (root)))
    label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
  if (label != NULL)
    name_without_access_key (root, label);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    chrono_ui_name_without_access_keys (child);
}
