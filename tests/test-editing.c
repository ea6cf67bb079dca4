/* test-editing.c — editing in a window: unsaved changes, quotes, deletions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "ui/chrono-date-entry.h"
#include "ui/chrono-event-editor.h"
#include "ui/chrono-quote-editor.h"
#include "ui/chrono-quote-row.h"
#include "ui/chrono-timeline-editor.h"
#include "ui/chrono-session.h"
#include "ui/chrono-window.h"

/* Closing over unsaved changes asks; Cancel keeps the window and the changes, Discard
 * closes it. */
static void
test_unsaved_dialog (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoEditProperties) edit = NULL;
  GtkWidget *question;
  GWeakRef ref;

  chrono_window_set_timeline (window, timeline);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_loaded (window);

  /* Nothing unsaved: no question. */
  g_assert_null (ui_test_find_question ());

  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "price"), "title", "Changed", NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (edit)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_wait_for (ui_test_has_question, NULL);
  question = ui_test_find_question ();
  g_assert_cmpstr (ui_test_question_get_heading (question), ==, "Save Changes?");
  g_assert_true (ui_test_question_has_response (question, "save"));
  g_assert_true (ui_test_question_has_response (question, "discard"));
  g_assert_false (ui_test_question_has_response (question, "later"));
  g_assert_true (ui_test_question_click (question, "cancel"));
  ui_test_wait_for (ui_test_has_no_question, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (chrono_session_get_modified (session));
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (timeline, "price")), ==, "Changed");

  g_weak_ref_init (&ref, window);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_wait_for (ui_test_has_question, NULL);
  question = ui_test_find_question ();
  g_assert_true (ui_test_question_click (question, "discard"));
  ui_test_wait_gone (&ref);
  g_weak_ref_clear (&ref);
}

static gboolean
find_menu_item (GMenuModel  *model,
                const char  *label,
                char       **action,
                GVariant   **target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *item_label = NULL;

      if (section != NULL && find_menu_item (section, label, action, target))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        {
          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", action));
          *target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

/* Opens the menu of @quote's row in @window, as a click would, and activates its item
 * @label; FALSE when the menu has no such item. */
static gboolean
activate_quote_menu (ChronoWindow *window,
                     ChronoQuote  *quote,
                     const char   *label)
{
  ChronoQuoteRow *row;
  GtkMenuButton *button;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  gboolean found;

  ui_test_iterate ();
  row = ui_test_find_quote_row (GTK_WIDGET (window), quote);
  g_assert_nonnull (row);
  button = GTK_MENU_BUTTON (ui_test_find_child (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  ui_test_iterate ();
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  found = find_menu_item (gtk_menu_button_get_menu_model (button), label, &action, &target);
  gtk_menu_button_popdown (button);
  if (found)
    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (row), action, target));
  ui_test_iterate ();

  return found;
}

static guint
quote_index (ChronoQuote *quote)
{
  guint index = G_MAXUINT;

  if (chrono_quote_get_event (quote) != NULL)
    g_ptr_array_find (chrono_event_get_quotes (chrono_quote_get_event (quote)), quote, &index);

  return index;
}

/* A quote row's menu edits, moves and deletes its quote, each as one step that undo takes back. */
static void
test_quote_menu (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *event = chrono_timeline_lookup_event (timeline, "price");
  g_autoptr(ChronoQuote) second = chrono_quote_new ("Second words.", "en");
  g_autoptr(ChronoEditInsert) insert = NULL;
  g_autofree char *words = NULL;
  ChronoQuoteEditor *editor;
  ChronoQuote *first;
  GtkTextView *view;

  chrono_window_set_timeline (window, timeline);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_loaded (window);

  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 1);
  first = g_ptr_array_index (chrono_event_get_quotes (event), 0);
  words = g_strdup (chrono_quote_get_original_text (first));
  chrono_quote_set_speaker (second, "Someone");
  insert = chrono_edit_insert_new (second, event, 1);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (insert)));
  chrono_session_select_event (session, event);

  /* Edit…: the dialog comes filled in; Done changes the words, one undo restores them. */
  g_assert_true (activate_quote_menu (window, first, "_Edit…"));
  editor = ui_test_find_toplevel (CHRONO_TYPE_QUOTE_EDITOR);
  g_assert_nonnull (editor);
  view = GTK_TEXT_VIEW (ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, words);
    gtk_text_buffer_set_text (buffer, "Changed words.", -1);
  }
  g_signal_emit_by_name (editor, "done");
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_QUOTE_EDITOR));
  g_assert_cmpstr (chrono_quote_get_original_text (first), ==, "Changed words.");
  chrono_session_undo (session);
  g_assert_cmpstr (chrono_quote_get_original_text (first), ==, words);
  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 2);

  /* The first cannot move up, the last cannot move down; down then up is the old order. */
  g_assert_false (activate_quote_menu (window, first, "Move _Up"));
  g_assert_false (activate_quote_menu (window, second, "Move Do_wn"));
  g_assert_true (activate_quote_menu (window, first, "Move Do_wn"));
  g_assert_cmpuint (quote_index (first), ==, 1);
  g_assert_cmpuint (quote_index (second), ==, 0);
  g_assert_true (activate_quote_menu (window, first, "Move _Up"));
  g_assert_cmpuint (quote_index (first), ==, 0);
  g_assert_cmpuint (quote_index (second), ==, 1);
  chrono_session_undo (session);
  g_assert_cmpuint (quote_index (first), ==, 1);
  chrono_session_undo (session);
  g_assert_cmpuint (quote_index (first), ==, 0);
  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 2);

  /* Delete takes the first quote out; one undo puts it back in its place. */
  g_assert_true (activate_quote_menu (window, first, "_Delete Quote"));
  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 1);
  g_assert_cmpuint (quote_index (first), ==, G_MAXUINT);
  g_assert_cmpuint (quote_index (second), ==, 0);
  chrono_session_undo (session);
  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 2);
  g_assert_cmpuint (quote_index (first), ==, 0);
  g_assert_cmpuint (quote_index (second), ==, 1);

  chrono_session_undo (session);
  g_assert_cmpuint (chrono_event_get_n_quotes (event), ==, 1);
  g_assert_false (chrono_session_get_modified (session));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A toast shows an event's title as it is, even when it reads like markup. */
static void
test_delete_toast_plain_text (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *event = chrono_timeline_lookup_event (timeline, "price");
  g_autoptr(ChronoEditProperties) edit = NULL;

  chrono_window_set_timeline (window, timeline);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_loaded (window);

  edit = chrono_edit_properties_new (event, "title", "R&D <b>beta", NULL);
  chrono_session_push_edit (session, CHRONO_EDIT (edit));
  chrono_session_select_event (session, event);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-event", NULL));
  ui_test_iterate ();

  g_assert_null (chrono_timeline_lookup_event (timeline, "price"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_label_reading, "“R&D <b>beta” deleted"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  unused)
{
  return ui_test_is_button_reading (widget, "_Undo") && gtk_widget_is_visible (widget);
}

/* A deletion's toast undoes the deletion, and nothing else: once it was undone (with
 * Ctrl+Z), its Undo button leaves the steps before it alone. */
static void
test_delete_toast_undo (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *event = chrono_timeline_lookup_event (timeline, "price");
  g_autoptr(ChronoEditProperties) rename = NULL;
  GtkWidget *undo;

  chrono_window_set_timeline (window, timeline);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_loaded (window);
  rename = chrono_edit_properties_new (event, "title", "Renamed", NULL);
  chrono_session_push_edit (session, CHRONO_EDIT (rename));

  /* Right after the deletion, Undo brings the event back. */
  chrono_session_select_event (session, event);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-event", NULL));
  ui_test_iterate ();
  g_assert_null (chrono_timeline_lookup_event (timeline, "price"));
  undo = ui_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ui_test_iterate ();
  g_assert_true (chrono_timeline_lookup_event (timeline, "price") == event);
  g_assert_cmpstr (chrono_event_get_title (event), ==, "Renamed");

  /* Deleted again and undone with Ctrl+Z: the toast's Undo then keeps the rename. */
  chrono_session_select_event (session, event);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-event", NULL));
  ui_test_iterate ();
  undo = ui_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL);
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (chrono_timeline_lookup_event (timeline, "price") == event);
  g_signal_emit_by_name (undo, "clicked");
  ui_test_iterate ();
  g_assert_true (chrono_timeline_lookup_event (timeline, "price") == event);
  g_assert_cmpstr (chrono_event_get_title (event), ==, "Renamed");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A timeline whose texts gettext translates, as the built-in one: its quote's English
 * translation is, in Chinese, the original wording again. */
#define TRANSLATED_TIMELINE \
  "<timeline version='1' xml:lang='en' gettext-domain='" GETTEXT_PACKAGE "'><title>Notes</title>" \
  "<categories><category id='c' color='#000000'>C</category></categories>" \
  "<events><event id='e' start='2012' category='c'><title>First</title>" \
  "<quote speaker='Sam Altman'><original xml:lang='zh-Hans'>" ORIGINAL "</original>" \
  "<translation xml:lang='en'>" TRANSLATION "</translation></quote></event></events></timeline>"
#define ORIGINAL "几乎没有人敢和我讨论这个想法，他们认为这会毁掉职业生涯。"
#define TRANSLATION "Almost no one dared to discuss the idea with me. They thought it would ruin their careers."

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static char *
dup_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* In Chinese, the quote editor showed the built-in timeline's Chinese original twice,
 * as the words and as their translation (gettext's Chinese for the English), labelled
 * zh-CN. The quote pane shows it once; the editor shows the file's English translation,
 * labelled en and noted as the file's, and Done keeps what the pane shows unless the
 * translation was changed. */
static void
test_quote_editor_file_translation (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_static (TRANSLATED_TIMELINE, strlen (TRANSLATED_TIMELINE));
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronoTimeline) timeline = NULL;
      g_autoptr(GPtrArray) views = g_ptr_array_new ();
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();
      g_autoptr(ChronoEdit) edit = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autofree char *original = NULL;
      g_autofree char *translation = NULL;
      g_autofree char *saved = NULL;
      ChronoQuoteEditor *editor;
      ChronoEvent *event;
      ChronoQuote *quote;
      GtkWidget *note;
      gboolean valid;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      timeline = chrono_timeline_read_bytes (bytes, "notes.chronoscope", NULL, &error);
      g_assert_no_error (error);
      event = chrono_timeline_lookup_event (timeline, "e");
      quote = g_ptr_array_index (chrono_event_get_quotes (event), 0);
      g_assert_cmpstr (chrono_quote_get_translation (quote), ==, ORIGINAL);

      editor = chrono_quote_editor_new (NULL, timeline, event, quote);
      collect (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, views);
      collect (GTK_WIDGET (editor), GTK_TYPE_ENTRY, entries);
      g_assert_cmpuint (views->len, ==, 2);
      original = dup_text_view_text (g_ptr_array_index (views, 0));
      translation = dup_text_view_text (g_ptr_array_index (views, 1));
      g_assert_cmpstr (original, ==, ORIGINAL);
      g_assert_cmpstr (translation, ==, TRANSLATION);
      g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "zh-Hans");
      g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, "en");
      note = find_label (GTK_WIDGET (editor), _("The translation as the timeline file has it. Until it is changed, "
                                                "you see the quote in your language instead."));
      g_assert_nonnull (note);
      g_assert_true (gtk_widget_get_visible (note));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (note)), !=,
                       "The translation as the timeline file has it. Until it is changed, you see the quote in your language instead.");

      /* Nothing changed: nothing to do. */
      edit = chrono_quote_editor_build_edit (editor, &valid);
      g_assert_true (valid);
      g_assert_null (edit);

      /* Another field changed: the quote is still shown as before, and saved as before. */
      gtk_editable_set_text (g_ptr_array_index (entries, 2), "Altman");
      edit = chrono_quote_editor_build_edit (editor, &valid);
      g_assert_nonnull (edit);
      chrono_edit_apply (edit, timeline);
      g_assert_cmpstr (chrono_quote_get_speaker (quote), ==, "Altman");
      g_assert_cmpstr (chrono_quote_get_translation (quote), ==, ORIGINAL);
      g_assert_cmpstr (chrono_quote_get_translation_language (quote), ==, "zh-CN");
      written = chrono_timeline_write_native (timeline);
      saved = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
      g_assert_nonnull (strstr (saved, "<translation xml:lang=\"en\">" TRANSLATION "</translation>"));
      g_clear_object (&edit);

      /* The translation changed: that is the quote's translation now, in its language. */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 1)), "Hardly anyone dared.", -1);
      edit = chrono_quote_editor_build_edit (editor, &valid);
      g_assert_nonnull (edit);
      chrono_edit_apply (edit, timeline);
      g_assert_cmpstr (chrono_quote_get_translation (quote), ==, "Hardly anyone dared.");
      g_assert_cmpstr (chrono_quote_get_translation_language (quote), ==, "en");

      gtk_window_destroy (GTK_WINDOW (editor));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static GtkWidget *
window_child (ChronoWindow *window,
              const char   *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CHRONO_TYPE_WINDOW, name));
}

static gboolean
is_stacked (gpointer window)
{
  GtkOrientable *panes = GTK_ORIENTABLE (window_child (window, "panes_box"));

  return gtk_orientable_get_orientation (panes) == GTK_ORIENTATION_VERTICAL;
}

static gboolean
editor_allocated (gpointer window)
{
  GtkStack *stack = GTK_STACK (window_child (window, "event_stack"));
  GtkWidget *editor = gtk_stack_get_child_by_name (stack, "edit");

  return editor != NULL && gtk_widget_get_mapped (editor) && gtk_widget_get_height (editor) > 0 &&
         !gtk_widget_get_child_visible (gtk_stack_get_child_by_name (stack, "view"));
}

/* Whether a widget from @widget up to @ancestor (not included) hears the mouse wheel. */
static gboolean
wheel_heard_between (GtkWidget *widget,
                     GtkWidget *ancestor)
{
  for (; widget != NULL && widget != ancestor; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
              gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_NONE)
            return TRUE;
        }
    }

  return FALSE;
}

/* In a narrow window the event editor shows its whole form, and the quote pane follows
 * it, the two scrolling together. The panes took half the height each, so that the form
 * showed three fields at a time above the quote pane. */
static void
test_narrow_editor (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoWindow *window;
  GtkWidget *panes;
  GtkWidget *editor;
  GtkWidget *quote_pane;
  GtkWidget *form;
  graphene_rect_t editor_bounds;
  graphene_rect_t quote_bounds;
  int form_height;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = ui_test_window_new ();
  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  ui_test_wait_for (is_stacked, window);
  panes = window_child (window, "panes_box");
  quote_pane = window_child (window, "quote_pane");

  chrono_session_select_event (chrono_window_get_session (window), chrono_timeline_lookup_event (timeline, "price"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-event", NULL));
  ui_test_wait_for (editor_allocated, window);
  ui_test_iterate ();

  editor = gtk_stack_get_child_by_name (GTK_STACK (window_child (window, "event_stack")), "edit");
  form = gtk_viewport_get_child (GTK_VIEWPORT (ui_test_find_child (editor, GTK_TYPE_VIEWPORT)));
  gtk_widget_measure (form, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (editor), &form_height, NULL, NULL, NULL);
  g_test_message ("editor %d px tall, its form needs %d, the panes %d, the quote pane %d",
                  gtk_widget_get_height (editor), form_height, gtk_widget_get_height (panes),
                  gtk_widget_get_height (quote_pane));
  g_assert_cmpint (gtk_widget_get_height (editor), >=, form_height);
  g_assert_false (chrono_event_editor_get_scrolls (CHRONO_EVENT_EDITOR (editor)));
  /* The wheel over the form reaches the panes' scrolled window: GTK 4.8's scrolled
   * windows take it even when they cannot scroll. */
  g_assert_false (wheel_heard_between (form, gtk_widget_get_ancestor (panes, GTK_TYPE_SCROLLED_WINDOW)));
  /* The quote pane is still there, below the form. */
  g_assert_true (gtk_widget_get_mapped (quote_pane));
  g_assert_true (gtk_widget_compute_bounds (editor, panes, &editor_bounds));
  g_assert_true (gtk_widget_compute_bounds (quote_pane, panes, &quote_bounds));
  g_assert_cmpfloat (quote_bounds.origin.y, >=, editor_bounds.origin.y + editor_bounds.size.height);
  g_assert_cmpint (gtk_widget_get_height (quote_pane), >=, 200);

  /* Side by side, the editor scrolls its form itself again, beside the quote pane. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 720);
  ui_test_wait_for ((gboolean (*) (gpointer)) chrono_event_editor_get_scrolls, editor);
  g_assert_false (is_stacked (window));
  g_assert_true (gtk_box_get_homogeneous (GTK_BOX (panes)));
  g_assert_true (wheel_heard_between (form, gtk_widget_get_ancestor (panes, GTK_TYPE_SCROLLED_WINDOW)));

  /* Done with the editor, the panes share the height again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  ui_test_wait_for (is_stacked, window);
  g_assert_false (gtk_box_get_homogeneous (GTK_BOX (panes)));
  g_signal_emit_by_name (editor, "cancelled");
  ui_test_iterate ();
  g_assert_true (gtk_box_get_homogeneous (GTK_BOX (panes)));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  ui_test_reset_settings ();
}

static void
assert_editor_mnemonics_distinct (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoWindow *window = ui_test_window_new ();

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  chrono_session_select_event (chrono_window_get_session (window), chrono_timeline_lookup_event (timeline, "price"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-event", NULL));
  ui_test_wait_for (editor_allocated, window);

  /* The editor's fields, with the start's and the end's three boxes, and the sidebar's. */
  g_assert_cmpuint (ui_test_assert_mnemonics_distinct (GTK_WIDGET (window)), >=, 15);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* Each field of the event editor has an access key of its own in the window, in English
 * and in Chinese: Category and Approximate were both A, and the start's and the end's
 * Approximate, Uncertain and BCE were A, U and B both. */
static void
test_editor_mnemonics (void)
{
  if (g_test_subprocess ())
    {
      ui_test_use_chinese ();
      g_assert_cmpstr (_("_Approximate"), !=, "_Approximate");
      assert_editor_mnemonics_distinct ();
      return;
    }

  assert_editor_mnemonics_distinct ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
has_timeline_editor (gpointer unused)
{
  return ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR) != NULL;
}

static const char *
header_title (ChronoWindow *window)
{
  AdwWindowTitle *header = ADW_WINDOW_TITLE (window_child (window, "window_title"));

  return adw_window_title_get_title (header);
}

/* Timeline Properties in the main menu changes the timeline's title and description,
 * as one step to undo, and the header shows them; there was no way to. */
static void
test_timeline_properties (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  ChronoTimelineEditor *editor;
  GtkWidget *entry;
  GtkWidget *view;
  GtkWidget *done;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *saved = NULL;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  g_assert_cmpstr (header_title (window), ==, "Test Timeline");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-timeline", NULL));
  ui_test_wait_for (has_timeline_editor, NULL);
  editor = ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  entry = ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  view = ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Test Timeline");

  /* Untouched, Done changes nothing. */
  g_assert_null (chrono_timeline_editor_build_edit (editor));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Moon   landings ");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "From Luna 2\nto Apollo 17.", -1);
  done = ui_test_find_widget (GTK_WIDGET (editor), ui_test_is_button_reading, "Done");
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR));

  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "Moon landings");
  /* The description keeps its line breaks, in the timeline and in the file. */
  g_assert_cmpstr (chrono_timeline_get_description (timeline), ==, "From Luna 2\nto Apollo 17.");
  g_assert_cmpstr (header_title (window), ==, "• Moon landings");
  written = chrono_timeline_write_native (timeline);
  saved = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  g_assert_nonnull (strstr (saved, "<title>Moon landings</title>"));
  g_assert_nonnull (strstr (saved, "<description>From Luna 2&#10;to Apollo 17.</description>"));

  /* One step back: both as they were, and the header too. */
  chrono_session_undo (session);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "Test Timeline");
  g_assert_null (chrono_timeline_get_description (timeline));
  g_assert_cmpstr (header_title (window), ==, "Test Timeline");
  chrono_session_redo (session);
  g_assert_cmpstr (header_title (window), ==, "• Moon landings");

  /* A second change, with the timeline already changed, shows too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-timeline", NULL));
  ui_test_wait_for (has_timeline_editor, NULL);
  editor = ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR);
  entry = ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Apollo");
  g_signal_emit_by_name (editor, "done");
  ui_test_iterate ();
  g_assert_cmpstr (header_title (window), ==, "• Apollo");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* A timeline may do without a title, as a new one does: it is then called after its file,
 * which the title field shows while empty. Timeline Properties refused an empty title, so
 * an untitled timeline could not be given a description without making one up. */
static void
test_timeline_properties_untitled (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  ChronoTimelineEditor *editor;
  GtkWidget *entry;
  GtkWidget *view;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-timeline", NULL));
  ui_test_wait_for (has_timeline_editor, NULL);
  editor = ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR);
  entry = ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "Untitled Timeline");

  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (editor, "done");
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR));
  g_assert_null (chrono_timeline_get_title (timeline));
  g_assert_cmpstr (header_title (window), ==, "• Untitled Timeline");

  /* Untitled, it takes a description, and stays untitled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-timeline", NULL));
  ui_test_wait_for (has_timeline_editor, NULL);
  editor = ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR);
  entry = ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  view = ui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Landings on the Moon", -1);
  g_signal_emit_by_name (editor, "done");
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR));
  g_assert_null (chrono_timeline_get_title (timeline));
  g_assert_cmpstr (chrono_timeline_get_description (timeline), ==, "Landings on the Moon");

  /* Two steps back, the title is there again. */
  chrono_session_undo (session);
  chrono_session_undo (session);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "Test Timeline");
  g_assert_cmpstr (header_title (window), ==, "Test Timeline");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* The timeline and quote windows close when another timeline replaces theirs (a file
 * that was opening arrives): Done in them pushed an edit of the old timeline on the new
 * one's undo stack, which then showed the new file changed. */
static void
test_editors_close_with_timeline (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoTimeline) other = ui_test_timeline_new ();
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-timeline", NULL));
  ui_test_wait_for (has_timeline_editor, NULL);
  chrono_window_set_timeline (window, other);
  ui_test_wait_loaded (window);
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_TIMELINE_EDITOR));

  chrono_session_select_event (session, chrono_timeline_lookup_event (other, "price"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-quote", NULL));
  ui_test_iterate ();
  g_assert_nonnull (ui_test_find_toplevel (CHRONO_TYPE_QUOTE_EDITOR));
  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_QUOTE_EDITOR));
  g_assert_false (chrono_session_get_modified (session));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* The editors' warnings are checked as a screen reader gets them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/editing/unsaved-dialog", test_unsaved_dialog);
  g_test_add_func ("/ui/editing/quote-menu", test_quote_menu);
  g_test_add_func ("/ui/editing/delete-toast-plain-text", test_delete_toast_plain_text);
  g_test_add_func ("/ui/editing/delete-toast-undo", test_delete_toast_undo);
  g_test_add_func ("/ui/editing/quote-editor-file-translation", test_quote_editor_file_translation);
  g_test_add_func ("/ui/editing/narrow-editor", test_narrow_editor);
  g_test_add_func ("/ui/editing/timeline-properties", test_timeline_properties);
  g_test_add_func ("/ui/editing/timeline-properties-untitled", test_timeline_properties_untitled);
  g_test_add_func ("/ui/editing/editors-close-with-timeline", test_editors_close_with_timeline);
  g_test_add_func ("/ui/editing/editor-mnemonics", test_editor_mnemonics);

  return g_test_run ();
}
