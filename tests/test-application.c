/* test-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-application"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui/chrono-application.h"
#include "ui/chrono-window.h"
#include "ui/chrono-window-private.h"
#include "io/chrono-timeline-reader-private.h"
#include "model/chrono-edit-properties.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow *window;
  gboolean   mapped;
  char      *title;
  guint      n_events;
  gboolean   timed_out;
} WindowState;

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

/* The built-in timeline loads off the main thread, so its title arrives after the map. */
static void
check_loaded (ChronoWindow *window,
              WindowState  *state)
{
  ChronoTimeline *timeline = chrono_session_get_timeline (chrono_window_get_session (window));

  if (!state->mapped || chrono_session_get_loading (chrono_window_get_session (window)) || timeline == NULL)
    return;

  g_free (state->title);
  state->title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  state->n_events = g_list_model_get_n_items (chrono_timeline_get_events (timeline));

  g_signal_handlers_disconnect_by_data (window, state);
  g_signal_handlers_disconnect_by_data (chrono_window_get_session (window), state);
  g_idle_add (quit_cb, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
session_loaded_cb (ChronoSession *session,
                   GParamSpec    *pspec,
                   WindowState   *state)
{
  check_loaded (CHRONO_WINDOW (state->window), state);
}

static void
window_mapped_cb (GtkWidget   *widget,
                  WindowState *state)
{
  state->mapped = gtk_widget_get_mapped (widget);
  check_loaded (CHRONO_WINDOW (widget), state);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 WindowState    *state)
{
  if (state->window != NULL)
    return;

  state->window = window;
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), state);
  g_signal_connect (chrono_window_get_session (CHRONO_WINDOW (window)), "notify::loading",
                    G_CALLBACK (session_loaded_cb), state);
  g_signal_connect (chrono_window_get_session (CHRONO_WINDOW (window)), "notify::timeline",
                    G_CALLBACK (session_loaded_cb), state);
}

/* A guard so that a window that never appears fails the test instead of hanging it. */
static gboolean
give_up_cb (gpointer user_data)
{
  WindowState *state = user_data;

  state->timed_out = TRUE;
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
test_application_window_mapped (void)
{
  g_autoptr(ChronoApplication) app = chrono_application_new ();
  WindowState state = { NULL, };
  char *argv[] = { (char *) "chronoscope", NULL };
  guint guard;
  int status;

  /* The test bus is private, but a unique name would make a second run in it a remote call. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &state);
  guard = g_timeout_add_seconds (60, give_up_cb, &state);

  status = g_application_run (G_APPLICATION (app), 1, argv);

  if (!state.timed_out)
    g_source_remove (guard);

  g_assert_cmpint (status, ==, 0);
  g_assert_false (state.timed_out);
  g_assert_nonnull (state.window);
  g_assert_true (state.mapped);
  /* The window opens on the built-in timeline and takes its title (untranslated here). */
  g_assert_cmpstr (state.title, ==, "From AlexNet to AGI");
  g_assert_cmpuint (state.n_events, >, 0);

  /* Ctrl+W closes a window, as in every GNOME app (it asks about unsaved changes). */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>w"));
  }

  g_free (state.title);
}

static char *
chronoscope_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "chronoscope", NULL);
}

static void
run_chronoscope (const char  *option,
                 int         *exit_status,
                 char       **out,
                 char       **err)
{
  g_autofree char *path = chronoscope_path ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, path, option, NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);

  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

typedef struct
{
  GFile   *file;
  gboolean exported;
} ExportState;

static gboolean
export_and_close_cb (gpointer user_data)
{
  ChronoWindow *window = user_data;
  ExportState *state = g_object_get_data (G_OBJECT (window), "export-state");

  _chrono_window_export_chosen (window, state->file, NULL, NULL);
  state->exported = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));

  return G_SOURCE_REMOVE;
}

static void
export_when_loaded_cb (ChronoSession *session,
                       GParamSpec    *pspec,
                       ChronoWindow  *window)
{
  if (chrono_session_get_loading (session) || chrono_session_get_timeline (session) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (session, export_when_loaded_cb, window);
  g_idle_add (export_and_close_cb, window);
}

static void
export_window_added_cb (GtkApplication *app,
                        GtkWindow      *window,
                        ExportState    *state)
{
  ChronoSession *session = chrono_window_get_session (CHRONO_WINDOW (window));

  g_object_set_data (G_OBJECT (window), "export-state", state);
  g_signal_connect (session, "notify::loading", G_CALLBACK (export_when_loaded_cb), window);
  g_signal_connect (session, "notify::timeline", G_CALLBACK (export_when_loaded_cb), window);
}

/* An export for TimelineJS is written after the window asked for it has closed, before
 * the application quits. (Closing the last window quit the application, and the file
 * was never written.) */
static void
test_application_export_outlives_window (void)
{
  g_autoptr(ChronoApplication) app = chrono_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handed-on.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronoTimeline) back = NULL;
  ExportState state = { file, FALSE };
  char *argv[] = { (char *) "chronoscope", NULL };
  guint guard;
  WindowState timeout = { NULL, };

  g_assert_no_error (error);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (export_window_added_cb), &state);
  guard = g_timeout_add_seconds (60, give_up_cb, &timeout);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  if (!timeout.timed_out)
    g_source_remove (guard);

  g_assert_false (timeout.timed_out);
  g_assert_true (state.exported);
  back = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), >, 0);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_application_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_autofree char *expected = NULL;
  int status;

  run_chronoscope ("--version", &status, &out, &err);

  /* The libraries it runs on, which this test process shares. */
  expected = g_strdup_printf (PACKAGE_NAME " " PACKAGE_VERSION "\n"
                              "GTK %u.%u.%u\nlibadwaita %u.%u.%u\nGLib %u.%u.%u\n",
                              gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                              adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                              glib_major_version, glib_minor_version, glib_micro_version);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_application_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  run_chronoscope ("--help", &status, &out, &err);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage:"));
  /* The usage line says where the timeline files go. */
  g_assert_nonnull (strstr (out, "[OPTION…] [FILE…]\n"));
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_nonnull (strstr (out, "Show the version and exit"));
}

static void
test_application_bad_option (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  run_chronoscope ("--no-such-option", &status, &out, &err);

  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

typedef struct
{
  GtkApplication *app;
  guint           step;
  guint           n_windows[3];
  char           *titles[3];
  gboolean        recent;
  guint           ticks;
  char           *uri;
  GFile          *third;
} SeveralState;

static gboolean
all_loaded (GtkApplication *app)
{
  GList *windows = gtk_application_get_windows (app);

  if (windows == NULL)
    return FALSE;
  for (GList *l = windows; l != NULL; l = l->next)
    if (chrono_session_get_loading (chrono_window_get_session (l->data)) ||
        chrono_session_get_timeline (chrono_window_get_session (l->data)) == NULL)
      return FALSE;

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
window_titles (GtkApplication *app)
{
  GList *windows = gtk_application_get_windows (app);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (GList *l = windows; l != NULL; l = l->next)
    g_ptr_array_add (titles, (gpointer) chrono_timeline_get_title (chrono_session_get_timeline (chrono_window_get_session (l->data))));
  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

/* Steps: the two files of the command line are loaded (two windows); then a third is
 * opened in a window that shows a file of its own (a new window). */
static gboolean
several_step_cb (gpointer user_data)
{
  SeveralState *state = user_data;
  GtkWindow *first;

  if (!all_loaded (state->app))
    return G_SOURCE_CONTINUE;

  state->n_windows[state->step] = g_list_length (gtk_application_get_windows (state->app));
  state->titles[state->step] = window_titles (state->app);

  if (state->step == 0)
    {
      first = gtk_application_get_windows (state->app)->data;
      chrono_window_open_files (CHRONO_WINDOW (first), &state->third, 1);
      state->step++;
      return G_SOURCE_CONTINUE;
    }

  /* The recent files are written asynchronously; give them a few seconds. */
  state->recent = gtk_recent_manager_has_item (gtk_recent_manager_get_default (), state->uri);
  if (!state->recent && state->ticks++ < 50)
    return G_SOURCE_CONTINUE;

  g_application_quit (G_APPLICATION (state->app));
  return G_SOURCE_REMOVE;
}

static void
test_application_several_windows (void)
{
  g_autoptr(ChronoApplication) app = chrono_application_new ();
  g_autofree char *first = g_test_build_filename (G_TEST_DIST, "data", "thetimelineproj-full.timeline", NULL);
  g_autofree char *second = g_test_build_filename (G_TEST_DIST, "data", "timelinejs-template.csv", NULL);
  g_autofree char *third = g_test_build_filename (G_TEST_DIST, "data", "sample-timelinejs.json", NULL);
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  char *argv[] = { (char *) "chronoscope", first, second, NULL };
  SeveralState state = { GTK_APPLICATION (app), 0 };
  guint taken = _chrono_timeline_n_loads_ahead_taken ();
  guint guard;
  int status;

  state.uri = g_file_get_uri (first_file);
  state.third = g_file_new_for_path (third);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_timeout_add (100, several_step_cb, &state);
  guard = g_timeout_add_seconds (90, give_up_cb, &(WindowState) { 0 });

  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_source_remove (guard);

  g_assert_cmpint (status, ==, 0);
  /* Each file of the command line in its window; the first took the built-in's. */
  g_assert_cmpuint (state.n_windows[0], ==, 2);
  /* The first was loaded while GTK started, by a load the window took over. */
  g_assert_cmpuint (_chrono_timeline_n_loads_ahead_taken (), ==, taken + 1);
  g_assert_cmpstr (state.titles[0], ==, "Women in Computing|thetimelineproj-full");
  /* A file opened in a window that has one of its own gets a new window. */
  g_assert_cmpuint (state.n_windows[1], ==, 3);
  g_assert_cmpstr (state.titles[1], ==, "From AlexNet to AGI|Women in Computing|thetimelineproj-full");
  /* And is remembered among the recent files. */
  g_assert_true (state.recent);

  for (guint i = 0; i < 3; i++)
    g_free (state.titles[i]);
  g_free (state.uri);
  g_object_unref (state.third);
}

typedef struct
{
  GtkApplication *app;
  gboolean        modify;
  guint           step;
  gboolean        asked;
  gboolean        window_kept;
} QuitState;

/* Steps: the file is loaded, perhaps changed, and Quit is chosen; a window with unsaved
 * changes asks, stays, and closes on Discard, which ends the application. */
static gboolean
quit_step_cb (gpointer user_data)
{
  QuitState *state = user_data;
  GtkWidget *question;

  if (state->step == 0)
    {
      ChronoSession *session;
      ChronoTimeline *timeline;

      if (!all_loaded (state->app))
        return G_SOURCE_CONTINUE;
      session = chrono_window_get_session (gtk_application_get_windows (state->app)->data);
      timeline = chrono_session_get_timeline (session);
      if (state->modify)
        {
          ChronoEvent *event = g_list_model_get_item (chrono_timeline_get_events (timeline), 0);
          g_autoptr(ChronoEditProperties) edit = chrono_edit_properties_new (event, "title", "Changed", NULL);

          g_object_unref (event);
          g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (edit)));
        }
      g_action_group_activate_action (G_ACTION_GROUP (state->app), "quit", NULL);
      state->step++;
      /* Without a question, the application ends with its window. */
      return state->modify ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
    }

  question = ui_test_find_question ();
  if (question == NULL)
    return G_SOURCE_CONTINUE;
  state->asked = TRUE;
  state->window_kept = gtk_application_get_windows (state->app) != NULL;
  g_assert_true (ui_test_question_click (question, "discard"));

  return G_SOURCE_REMOVE;
}

static void
test_application_quit (gconstpointer data)
{
  g_autoptr(ChronoApplication) app = chrono_application_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample-timelinejs.json", NULL);
  char *argv[] = { (char *) "chronoscope", path, NULL };
  QuitState state = { GTK_APPLICATION (app), GPOINTER_TO_INT (data) };
  WindowState guard_state = { 0 };
  guint guard;
  int status;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_timeout_add (100, quit_step_cb, &state);
  guard = g_timeout_add_seconds (60, give_up_cb, &guard_state);

  status = g_application_run (G_APPLICATION (app), 2, argv);
  if (!guard_state.timed_out)
    g_source_remove (guard);

  g_assert_false (guard_state.timed_out);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (state.step, ==, 1);
  g_assert_cmpint (state.asked, ==, state.modify);
  g_assert_cmpint (state.window_kept, ==, state.modify);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("chronoscope-test-XXXXXX", NULL);

  /* Recent files are written under the user's data folder: a fresh one per run. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application/window/mapped", test_application_window_mapped);
  g_test_add_func ("/application/window/several", test_application_several_windows);
  g_test_add_func ("/application/export/outlives-window", test_application_export_outlives_window);
  g_test_add_data_func ("/application/quit/unmodified", GINT_TO_POINTER (FALSE), test_application_quit);
  g_test_add_data_func ("/application/quit/asks-unsaved", GINT_TO_POINTER (TRUE), test_application_quit);
  g_test_add_func ("/application/options/version", test_application_version);
  g_test_add_func ("/application/options/help", test_application_help);
  g_test_add_func ("/application/options/bad-option", test_application_bad_option);

  return g_test_run ();
}
