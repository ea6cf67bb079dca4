/* test-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-application"

#include "config.h"

#include <adwaita.h>

#include "ui/chrono-application.h"
#include "ui/chrono-window.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application/window/mapped", test_application_window_mapped);
  g_test_add_func ("/application/options/version", test_application_version);
  g_test_add_func ("/application/options/help", test_application_help);
  g_test_add_func ("/application/options/bad-option", test_application_bad_option);

  return g_test_run ();
}
