/* test-editing.c — a session's editing: undo stack, modified, save, recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ui-test-util.h"
#include "io/chrono-timeline-reader.h"
#include "model/chrono-edit-properties.h"
#include "ui/chrono-session.h"
#include "ui/chrono-window.h"

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!chrono_session_save_finish (CHRONO_SESSION (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (object, "saved", GINT_TO_POINTER (TRUE));
}

static gboolean
saved (gpointer session)
{
  return g_object_get_data (session, "saved") != NULL;
}

static void
test_save_clears_modified (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoEditProperties) edit = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("chronoscope-editing-XXXXXX.chronoscope", &stream, NULL);
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;

  chrono_session_set_timeline (session, timeline);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_false (chrono_session_get_read_only (session));

  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "price"), "title", "Twenty dollars", NULL);
  chrono_session_push_edit (session, CHRONO_EDIT (edit));
  g_assert_true (chrono_session_get_modified (session));

  chrono_session_save_async (session, file, NULL, save_done_cb, &error);
  ui_test_wait_for (saved, session);
  g_assert_no_error (error);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_true (g_file_equal (chrono_session_get_file (session), file));
  g_assert_true (chrono_session_get_can_save_in_place (session));

  back = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "price")), ==, "Twenty dollars");

  /* Undone past the save: modified again. */
  chrono_session_undo (session);
  g_assert_true (chrono_session_get_modified (session));
  g_file_delete (file, NULL, NULL);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
is_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL;
}

/* Closing over unsaved changes asks; Cancel keeps the window and the changes, Discard
 * closes it. */
static void
test_unsaved_dialog (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoEditProperties) edit = NULL;
  AdwMessageDialog *dialog;
  GWeakRef ref;

  chrono_window_set_timeline (window, timeline);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_loaded (window);

  /* Nothing unsaved: no question. */
  g_assert_null (find_dialog ());

  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "price"), "title", "Changed", NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (edit)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_wait_for (has_dialog, NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "cancel");
  ui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (chrono_session_get_modified (session));
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (timeline, "price")), ==, "Changed");

  g_weak_ref_init (&ref, window);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_wait_for (has_dialog, NULL);
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "discard");
  ui_test_wait_for (is_gone, &ref);
  g_weak_ref_clear (&ref);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/editing/save-clears-modified", test_save_clears_modified);
  g_test_add_func ("/ui/editing/unsaved-dialog", test_unsaved_dialog);

  return g_test_run ();
}
