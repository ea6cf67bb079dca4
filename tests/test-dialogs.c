/* test-dialogs.c — what the app shows around its dialogs: help with no viewer, the About
 * window's debug information
 *
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ui/chrono-application.h"
#include "ui/chrono-ui-util.h"
#include "ui-test-util.h"

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return has_label (wait->window, wait->text);
}

static void
test_help_without_viewer (void)
{
  ChronoWindow *window = ui_test_window_new ();
  LabelWait wait = { GTK_WIDGET (window), "No help viewer is installed; the help opens in Yelp" };

  ui_test_wait_loaded (window);
  g_assert_false (has_label (wait.window, wait.text));

  chrono_ui_open_uri (GTK_WIDGET (window), "help:chronoscope");
  ui_test_wait_for (label_shown, &wait);

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
 * icons), so that no application can open help: addresses; returns the folder to delete. */
static char *
hide_applications (void)
{
  const char *needed[] = { "mime", "icons" };
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

  status = g_test_run ();
  if (portal != NULL)
    g_subprocess_force_exit (portal);
  remove_tree (folder);

  return status;
}
