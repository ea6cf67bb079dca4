/* test-dialogs.c — what the app shows around its dialogs: help with no viewer, the About
 * window's debug information, the Open and Export dialogs up to where the user chooses
 *
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-properties.h"
#include "ui/chrono-application.h"
#include "ui/chrono-ui-util.h"
#include "ui/chrono-window-private.h"
#include "ui-test-util.h"

/* In the sanitizer build: libglib has no frame pointers, so only the slow unwinder follows
 * GLib's abandoned first quark block up to _dl_init (see sanitizers/lsan.supp). */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static void
test_help_without_viewer (void)
{
  ChronoWindow *window = ui_test_window_new ();
  const char *text = "No help viewer is installed; the help opens in Yelp";

  ui_test_wait_loaded (window);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_label_reading, text));

  chrono_ui_open_uri (GTK_WIDGET (window), "help:chronoscope");
  ui_test_wait_for_label (GTK_WIDGET (window), text);

  /* A toast in the window, not another window with GTK's own error message. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_about_debug_info (void)
{
  GtkWidget *about = g_object_ref_sink (chrono_application_create_about ());
  g_autofree char *debug_info = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *gtk_line = g_strdup_printf ("GTK %u.%u.%u\n", gtk_get_major_version (),
                                               gtk_get_minor_version (), gtk_get_micro_version ());
  g_autofree char *adw_line = g_strdup_printf ("libadwaita %u.%u.%u\n", adw_get_major_version (),
                                               adw_get_minor_version (), adw_get_micro_version ());

  g_object_get (about, "debug-info", &debug_info, NULL);
  versions = chrono_application_dup_versions ();

  g_assert_true (g_str_has_prefix (debug_info, PACKAGE_NAME " " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (debug_info, versions));
  g_assert_nonnull (strstr (versions, gtk_line));
  g_assert_nonnull (strstr (versions, adw_line));
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_true (ADW_IS_ABOUT_DIALOG (about));
#else
  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (about));
#endif
  g_object_unref (about);
}

static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name,
                const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);

  return gtk_filter_match (GTK_FILTER (filter), info);
}

static GtkFileFilter *
find_filter (GListModel *filters,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), name) == 0)
        return filter;
    }

  return NULL;
}

/* The Open dialog as built, before it is shown: a GtkFileDialog from GTK 4.10 (the Flatpak
 * runtime), a GtkFileChooserNative on GTK 4.8 (Debian 12); the same file types. */
static void
test_open_dialog (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(GObject) dialog = _chrono_window_create_open_dialog (window);
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *all;

#if GTK_CHECK_VERSION (4, 10, 0)
  g_assert_true (GTK_IS_FILE_DIALOG (dialog));
  g_assert_cmpstr (gtk_file_dialog_get_title (GTK_FILE_DIALOG (dialog)), ==, "Open Timeline");
  g_assert_true (gtk_file_dialog_get_modal (GTK_FILE_DIALOG (dialog)));
  filters = g_object_ref (gtk_file_dialog_get_filters (GTK_FILE_DIALOG (dialog)));
#else
  g_assert_true (GTK_IS_FILE_CHOOSER_NATIVE (dialog));
  g_assert_cmpstr (gtk_native_dialog_get_title (GTK_NATIVE_DIALOG (dialog)), ==, "Open Timeline");
  g_assert_true (gtk_native_dialog_get_modal (GTK_NATIVE_DIALOG (dialog)));
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
#endif

  all = find_filter (filters, "All Timelines");
  g_assert_nonnull (all);
  g_assert_nonnull (find_filter (filters, "Chronoscope Timelines"));
  g_assert_nonnull (find_filter (filters, "TimelineJS Files"));
  g_assert_true (filter_matches (all, "history.chronoscope", "application/x-chronoscope-timeline"));
  g_assert_true (filter_matches (all, "history.json", "application/json"));
  g_assert_false (filter_matches (all, "notes.txt", "text/plain"));

#if !GTK_CHECK_VERSION (4, 10, 0)
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
#endif
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
read_head (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_strndup (contents, MIN (length, 5));
}

/* An untitled timeline is exported under its file's name, as the window shows it: the
 * dialog suggested "Timeline.png" and the picture said "Untitled Timeline". */
static void
test_export_untitled_named_after_file (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) untitled = chrono_timeline_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "moon.chronoscope", NULL);
  g_autofree char *picture = g_build_filename (dir, "picture.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) picture_file = g_file_new_for_path (picture);
  g_autofree char *current_name = NULL;
  g_autofree char *contents = NULL;
  GtkFileChooserNative *dialog;

  g_assert_no_error (error);
  chrono_timeline_seal (untitled);
  bytes = chrono_timeline_write_native (untitled);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  ui_test_wait_loaded (window);
  chrono_session_load (session, file, FALSE);
  ui_test_wait_loaded (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "moon.chronoscope");

  dialog = _chrono_window_create_export_dialog (window);
  current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (current_name, ==, "moon.png");
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);

  _chrono_window_export_chosen (window, picture_file, NULL, NULL);
  g_assert_true (g_file_get_contents (picture, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<title>moon.chronoscope, "));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (picture);
  g_unlink (path);
  g_rmdir (dir);
}

/* The file type chosen in the Export dialog decides the format, unless the typed name ends
 * in another format's extension: on every GTK, since all use this dialog. */
static void
test_export_filter_decides_format (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GtkFileChooserNative *dialog;
  GtkFileChooser *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GFile) picture_file = NULL;
  g_autoptr(GFile) named_pdf_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-export-XXXXXX", &error);
  g_autofree char *picture = g_build_filename (dir, "picture", NULL);
  g_autofree char *named_pdf = g_build_filename (dir, "named.pdf", NULL);
  g_autofree char *head = NULL;
  g_autofree char *current_name = NULL;

  g_assert_no_error (error);
  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);

  dialog = _chrono_window_create_export_dialog (window);
  chooser = GTK_FILE_CHOOSER (dialog);
  g_assert_true (gtk_native_dialog_get_modal (GTK_NATIVE_DIALOG (dialog)));
  current_name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (current_name, ==, "Test Timeline.png");
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 5);

  picture_file = g_file_new_for_path (picture);
  named_pdf_file = g_file_new_for_path (named_pdf);

  /* SVG chosen, a name with no extension: an SVG picture. */
  _chrono_window_export_chosen (window, picture_file, find_filter (filters, "SVG Image"), NULL);
  head = read_head (picture);
  g_assert_cmpstr (head, ==, "<?xml");
  g_clear_pointer (&head, g_free);

  /* SVG chosen, but the name asks for a PDF. */
  _chrono_window_export_chosen (window, named_pdf_file, find_filter (filters, "SVG Image"), NULL);
  head = read_head (named_pdf);
  g_assert_cmpstr (head, ==, "%PDF-");
  g_clear_pointer (&head, g_free);

  /* PNG chosen. */
  _chrono_window_export_chosen (window, picture_file, find_filter (filters, "PNG Image"), NULL);
  head = read_head (picture);
  g_assert_cmpstr (head, ==, "\x89PNG\r");

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
  g_unlink (picture);
  g_unlink (named_pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
shows_export_failure (gpointer window)
{
  return ui_test_find_widget (window, is_label_starting, "Could not export: ") != NULL;
}

/* TimelineJS's two types in the Export dialog write the whole timeline, whatever the view
 * shows, for TimelineJS, off the main loop; a toast says where it went or why not. The
 * session's file and unsaved changes are left alone. (Only the command line could write
 * them.) */
static void
test_export_timelinejs (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-export-XXXXXX", &error);
  g_autofree char *json = g_build_filename (dir, "shared.json", NULL);
  g_autofree char *sheet = g_build_filename (dir, "sheet", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "gone", "lost.json", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autoptr(ChronoTimeline) back = NULL;
  g_autofree char *head = NULL;
  g_autofree char *failure = NULL;
  GtkFileChooserNative *dialog;

  g_assert_no_error (error);
  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  dialog = _chrono_window_create_export_dialog (window);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_nonnull (find_filter (filters, "TimelineJS Timeline (JSON)"));
  g_assert_nonnull (find_filter (filters, "TimelineJS Spreadsheet (CSV)"));
  chrono_event_filter_set_search_text (chrono_session_get_filter (session), "chatbot");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_events (session))), ==, 1);

  /* PNG chosen, but the name asks for TimelineJS. */
  _chrono_window_export_chosen (window, json_file, find_filter (filters, "PNG Image"), NULL);
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  ui_test_wait_for_label (GTK_WIDGET (window), "Exported to shared.json");
  back = chrono_timeline_load (json_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, chrono_timeline_get_n_events (timeline));
  g_assert_cmpstr (chrono_timeline_get_title (back), ==, "Test Timeline");
  g_assert_cmpuint (g_list_model_get_n_items (chrono_timeline_get_quotes (back)), ==,
                    g_list_model_get_n_items (chrono_timeline_get_quotes (timeline)));

  /* The spreadsheet chosen, a name with no extension. */
  _chrono_window_export_chosen (window, sheet_file, find_filter (filters, "TimelineJS Spreadsheet (CSV)"), NULL);
  ui_test_wait_for_label (GTK_WIDGET (window), "Exported to sheet");
  head = read_head (sheet);
  g_assert_cmpstr (head, ==, "Year,");

  g_assert_null (chrono_session_get_file (session));
  g_assert_false (chrono_session_get_modified (session));

  /* A folder that is not there: the toast names the file. */
  _chrono_window_export_chosen (window, nowhere_file, NULL, NULL);
  ui_test_wait_for (shows_export_failure, window);
  failure = g_strdup (gtk_label_get_text (GTK_LABEL (ui_test_find_widget (GTK_WIDGET (window), is_label_starting,
                                                                          "Could not export: "))));
  g_test_message ("%s", failure);
  g_assert_nonnull (strstr (failure, nowhere));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (json);
  g_unlink (sheet);
  g_rmdir (dir);
}

static gboolean
starts_with_brace (gpointer path)
{
  g_autofree char *head = read_head (path);

  return head != NULL && head[0] == '{';
}

/* The dialog cannot say when another file type is chosen, so the name it suggested kept
 * its “.png” and the picture won: choosing TimelineJS and exporting wrote a PNG. A name
 * left as suggested now takes the chosen type's ending; a name the user typed keeps
 * deciding; and a file of the new name is replaced only when the user says so. */
static void
test_export_suggested_name_follows_type (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-export-XXXXXX", &error);
  g_autofree char *suggested = g_build_filename (dir, "Test Timeline.png", NULL);
  g_autofree char *json = g_build_filename (dir, "Test Timeline.json", NULL);
  g_autofree char *typed = g_build_filename (dir, "typed.png", NULL);
  g_autoptr(GFile) suggested_file = g_file_new_for_path (suggested);
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed);
  g_autofree char *head = NULL;
  GtkFileChooserNative *dialog;
  GtkFileFilter *timelinejs;

  g_assert_no_error (error);
  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  dialog = _chrono_window_create_export_dialog (window);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  timelinejs = find_filter (filters, "TimelineJS Timeline (JSON)");

  _chrono_window_export_chosen (window, suggested_file, timelinejs, "Test Timeline.png");
  ui_test_wait_for_label (GTK_WIDGET (window), "Exported to Test Timeline.json");
  g_assert_true (starts_with_brace (json));
  g_assert_false (g_file_test (suggested, G_FILE_TEST_EXISTS));

  _chrono_window_export_chosen (window, typed_file, timelinejs, "Test Timeline.png");
  head = read_head (typed);
  g_assert_cmpstr (head, ==, "\x89PNG\r");

  /* Test Timeline.json is there now: asked, and kept on Cancel. */
  g_assert_true (g_file_set_contents (json, "old", -1, &error));
  _chrono_window_export_chosen (window, suggested_file, timelinejs, "Test Timeline.png");
  g_assert_cmpstr (ui_test_question_get_heading (ui_test_find_question ()), ==, "Replace File?");
  g_assert_true (ui_test_question_click (ui_test_find_question (), "cancel"));
  ui_test_wait_for (ui_test_has_no_question, NULL);
  g_clear_pointer (&head, g_free);
  head = read_head (json);
  g_assert_cmpstr (head, ==, "old");

  _chrono_window_export_chosen (window, suggested_file, timelinejs, "Test Timeline.png");
  g_assert_true (ui_test_question_click (ui_test_find_question (), "replace"));
  ui_test_wait_for (starts_with_brace, json);
  g_assert_false (g_file_test (suggested, G_FILE_TEST_EXISTS));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (json);
  g_unlink (typed);
  g_rmdir (dir);
}

/* In a sandbox (the Flatpak SDK's test run) GTK opens addresses through the OpenURI portal:
 * a stand-in on the test's session bus answers as the real one does when nothing can open
 * the address. */
static GSubprocess *
start_portal (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "fake-openuri-portal.py", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *portal;

  if (!g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return NULL;

  portal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "python3", script, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  return portal;
}

/* Each data folder is shadowed by one that keeps only what GTK needs from it (MIME types,
 * icons, schemas), so that no application can open help: addresses; returns the folder
 * to delete. */
static char *
hide_applications (void)
{
  const char *needed[] = { "mime", "icons", "glib-2.0" };
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_auto(GStrv) dirs = g_strsplit (data_dirs != NULL ? data_dirs : "/usr/local/share:/usr/share", ":", -1);
  g_autoptr(GPtrArray) shadows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shadow_dirs = NULL;
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("chrono-no-apps-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      char *shadow = g_strdup_printf ("%s/%u", folder, i);

      g_assert_cmpint (g_mkdir (shadow, 0700), ==, 0);
      for (guint j = 0; j < G_N_ELEMENTS (needed); j++)
        {
          g_autofree char *target = g_build_filename (dirs[i], needed[j], NULL);
          g_autofree char *link = g_build_filename (shadow, needed[j], NULL);

          if (g_file_test (target, G_FILE_TEST_IS_DIR))
            g_assert_cmpint (symlink (target, link), ==, 0);
        }
      g_ptr_array_add (shadows, shadow);
    }
  g_ptr_array_add (shadows, NULL);
  shadow_dirs = g_strjoinv (":", (char **) shadows->pdata);

  g_setenv ("XDG_DATA_DIRS", shadow_dirs, TRUE);
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", folder, TRUE);
  g_setenv ("XDG_CONFIG_HOME", folder, TRUE);

  return folder;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

/* Open does not ask about unsaved changes: another file opens in a window of its own,
 * and the changes stay, unsaved. (It asked, and Discard left the changes in the window
 * marked as saved.) */
static void
test_open_keeps_unsaved (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoEditProperties) edit = NULL;
  g_autoptr(GList) toplevels = NULL;
  GWeakRef chooser;

  chrono_window_set_timeline (window, timeline);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_loaded (window);
  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "price"), "title", "Changed", NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (edit)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  for (guint i = 0; i < 5; i++)
    ui_test_iterate ();
  g_assert_null (ui_test_find_question ());
  g_assert_true (chrono_session_get_modified (session));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The file chooser, where it is a window of this process, is closed unanswered, and
   * gone before the next test. */
  g_weak_ref_init (&chooser, NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window && gtk_widget_get_visible (l->data))
      {
        g_weak_ref_set (&chooser, l->data);
        gtk_window_close (l->data);
      }
  ui_test_wait_gone (&chooser);
  g_weak_ref_clear (&chooser);
  g_assert_true (chrono_session_get_modified (session));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = hide_applications ();
  g_autoptr(GSubprocess) portal = NULL;
  int status;

  ui_test_init (&argc, &argv);
  portal = start_portal ();

  g_test_add_func ("/dialogs/help/no-viewer", test_help_without_viewer);
  g_test_add_func ("/dialogs/about/debug-info", test_about_debug_info);
  g_test_add_func ("/dialogs/open/file-types", test_open_dialog);
  g_test_add_func ("/dialogs/open/keeps-unsaved", test_open_keeps_unsaved);
  g_test_add_func ("/dialogs/export/file-type-decides-format", test_export_filter_decides_format);
  g_test_add_func ("/dialogs/export/untitled-named-after-file", test_export_untitled_named_after_file);
  g_test_add_func ("/dialogs/export/timelinejs", test_export_timelinejs);
  g_test_add_func ("/dialogs/export/suggested-name-follows-type", test_export_suggested_name_follows_type);

  status = g_test_run ();
  if (portal != NULL)
    g_subprocess_force_exit (portal);
  remove_tree (folder);

  return status;
}
