/* chrono-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-application"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-application.h"
#include "chrono-export-command.h"
#include "chrono-ui-util.h"
#include "chrono-session.h"
#include "chrono-window.h"
#include "io/chrono-timeline-reader.h"

GResource *chrono_get_resource (void);

struct _ChronoApplication
{
  AdwApplication parent_instance;

  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (ChronoApplication, chrono_application, ADW_TYPE_APPLICATION)

static ChronoWindow *
get_or_create_window (ChronoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (chrono_window_new (self));

  return CHRONO_WINDOW (window);
}

static void
recovery_response_cb (GtkWidget      *dialog,
                      const char     *response,
                      ChronoAutosave *orphan)
{
  ChronoApplication *self = CHRONO_APPLICATION (g_application_get_default ());
  g_autoptr(GError) error = NULL;
  ChronoWindow *window;

  if (g_str_equal (response, "discard"))
    chrono_autosave_discard (orphan);
  else if (g_str_equal (response, "recover"))
    {
      window = chrono_window_new (self);
      chrono_window_set_timeline (window, NULL);
      if (!chrono_session_recover (chrono_window_get_session (window), orphan, &error))
        chrono_window_add_toast (window, chrono_ui_toast_new (error->message));
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Work that a crash or a kill left unsaved, offered once per start, one question each. */
static void
offer_recovery (ChronoApplication *self,
                ChronoWindow      *window)
{
  g_autoptr(GPtrArray) orphans = NULL;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  orphans = chrono_autosave_find_orphans (NULL);
  for (guint i = 0; i < orphans->len; i++)
    {
      ChronoAutosave *orphan = g_ptr_array_index (orphans, i);
      GFile *document = chrono_autosave_get_document (orphan);
      g_autofree char *name = document != NULL ? g_file_get_basename (document) : NULL;
      g_autoptr(GDateTime) local = g_date_time_to_local (chrono_autosave_get_time (orphan));
      g_autofree char *time = g_date_time_format (local, "%c");
      const char *title = chrono_autosave_get_title (orphan);
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      /* Translators: the first %s is a timeline's file name or title, the second when its copy was made */
      body = g_strdup_printf (_("Changes to “%s” were not saved when Chronoscope stopped. A copy made %s is kept."),
                              name != NULL ? name : title != NULL ? title : _("Untitled Timeline"), time);
      dialog = chrono_ui_ask (GTK_WIDGET (window), _("Recover Unsaved Changes?"), body,
                              "later", _("_Later"), ADW_RESPONSE_DEFAULT,
                              "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE,
                              "recover", _("_Recover"), ADW_RESPONSE_SUGGESTED,
                              NULL);
      g_signal_connect_data (dialog, "response", G_CALLBACK (recovery_response_cb),
                             g_object_ref (orphan), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
    }
}

static void
chrono_application_activate (GApplication *app)
{
  ChronoWindow *window = get_or_create_window (CHRONO_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (CHRONO_APPLICATION (app), window);
}

/* `chronoscope --check FILE`: one line on standard output, or the error on standard error. */
static int
check_timeline_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  timeline = chrono_timeline_load_named (file, display_name, NULL, &error);
  if (timeline == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  summary = chrono_timeline_dup_summary (timeline);
  g_print ("%s: %s\n", display_name, summary);

  return EXIT_SUCCESS;
}

static void
chrono_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  ChronoApplication *self = CHRONO_APPLICATION (app);
  ChronoWindow *window = get_or_create_window (self);

  chrono_window_open_files (window, files, n_files);
  offer_recovery (self, window);
}

static int
chrono_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  const char *check_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_autofree char *versions = chrono_application_dup_versions ();

      g_print ("%s %s\n%s", PACKAGE_NAME, PACKAGE_VERSION, versions);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "check", "^&ay", &check_path))
    return check_timeline_file (check_path);

  /* With --export, chrono_application_local_command_line() has taken over. */
  if (g_variant_dict_contains (options, "size") || g_variant_dict_contains (options, "range") ||
      g_variant_dict_contains (options, "lang") || g_variant_dict_contains (options, "lanes"))
    {
      g_printerr ("chronoscope: %s\n", _("--size, --range, --lang and --lanes go with --export"));
      return EXIT_FAILURE;
    }

  return -1;
}

/* `chronoscope FILE…`, as the desktop starts it: the first file is loaded while GTK
 * starts. With any option, the arguments are GApplication's alone to make sense of. */
static void
load_first_file_ahead (char **arguments)
{
  g_autoptr(GFile) file = NULL;

  if (arguments[0] == NULL || arguments[1] == NULL)
    return;
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      if (arguments[i][0] == '-')
        return;
    }

  file = g_file_new_for_commandline_arg (arguments[1]);
  chrono_timeline_load_ahead (file);
}

/* `chronoscope --export=OUT FILE` runs here, before GTK is started, so that it needs
 * no display. */
static gboolean
chrono_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  gboolean handled;

  if (chrono_export_command_wanted (*arguments))
    {
      *exit_status = chrono_export_command_run (*arguments);
      return TRUE;
    }

  load_first_file_ahead (*arguments);
  handled = G_APPLICATION_CLASS (chrono_application_parent_class)->local_command_line (app, arguments, exit_status);
  /* The window has taken the load over by now, or another instance was given the file. */
  chrono_timeline_drop_load_ahead ();

  return handled;
}

/* The libraries the app runs on, one per line: a bug report says which stack it came from. */
char *
chrono_application_dup_versions (void)
{
  return g_strdup_printf ("GTK %u.%u.%u\nlibadwaita %u.%u.%u\nGLib %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          glib_major_version, glib_minor_version, glib_micro_version);
}

static char *
dup_debug_info (void)
{
  g_autofree char *versions = chrono_application_dup_versions ();
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);

  return g_strdup_printf ("%s %s\n%s%s%s\n",
                          PACKAGE_NAME, PACKAGE_VERSION, versions,
                          g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ? "Flatpak\n" : "",
                          os != NULL ? os : "");
}

/* An AdwAboutDialog where libadwaita has it (1.5), an AdwAboutWindow before. */
GtkWidget *
chrono_application_create_about (void)
{
  const char *developers[] = { _("The Chronoscope developers"), NULL };
  g_autofree char *debug_info = dup_debug_info ();

  return g_object_new (
#if ADW_CHECK_VERSION (1, 5, 0)
                       ADW_TYPE_ABOUT_DIALOG,
#else
                       ADW_TYPE_ABOUT_WINDOW,
#endif
                       "application-name", _("Chronoscope"),
                       "application-icon", BASE_APPLICATION_ID,
                       "developer-name", _("The Chronoscope developers"),
                       "version", PACKAGE_VERSION,
                       "website", "https://github.com/chronoscope/chronoscope",
                       "issue-url", "https://github.com/chronoscope/chronoscope/issues",
                       "copyright", _("© 2026 The Chronoscope developers"),
                       "license-type", GTK_LICENSE_GPL_3_0,
                       "developers", developers,
                       /* Translators: replace with your names, one per line */
                       "translator-credits", _("translator-credits"),
                       "comments", _("Explore timelines: zoom through time, read each event and the quotes behind it"),
                       "debug-info", debug_info,
                       "debug-info-filename", "chronoscope-debug-info.txt",
                       NULL);
}

static void
chrono_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  ChronoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about = chrono_application_create_about ();

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (window));
#else
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
chrono_application_help_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  ChronoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    chrono_ui_open_uri (GTK_WIDGET (window), "help:chronoscope");
}

static void
chrono_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_autolist(GtkWindow) windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                                                    (GCopyFunc) g_object_ref, NULL);

  /* Each window closes as its close button closes it: one with unsaved changes asks
   * first and may stay. The application ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", chrono_application_about_action },
  { "help", chrono_application_help_action },
  { "quit", chrono_application_quit_action },
};

static void
load_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (source_object, "open-menu-symbolic");
}

static void
chrono_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (chrono_application_parent_class)->startup (app);

  /* GTK reads the icon theme in a thread as the display opens, but the resource paths
   * that GtkApplication and libadwaita add after that make it stale, so the window's
   * first icon read it again on the main thread (66 M instructions before the first
   * frame). Read again here, in a thread, while the window is being built: an icon
   * looked up meanwhile waits for it instead of reading it a third time. */
  if (gdk_display_get_default () != NULL)
    {
      g_autoptr(GTask) task = g_task_new (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          NULL, NULL, NULL);

      g_task_run_in_thread (task, load_icon_theme_thread);
    }

  /* The keyboard reaches the event's date, and other texts one can copy, without
   * highlighting them as if they had been chosen for copying. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  /* What GTK sets when it finds gtk/help-overlay.ui, which Chronoscope builds on demand. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
}

static void
chrono_application_class_init (ChronoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resource lives in a static library, so nothing would pull its constructor in. */
  g_resources_register (chrono_get_resource ());

  app_class->activate = chrono_application_activate;
  app_class->open = chrono_application_open;
  app_class->startup = chrono_application_startup;
  app_class->handle_local_options = chrono_application_handle_local_options;
  app_class->local_command_line = chrono_application_local_command_line;
}

static void
chrono_application_init (ChronoApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Check a timeline file, print a summary or the first error, and exit"),
      /* Translators: the argument of --check in `chronoscope --help` */
      N_("FILE") },
    /* Handled by chrono_application_local_command_line(); listed for --help. */
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write FILE's timeline to OUT without opening a window and exit; the extension picks the format: .png, .svg, .pdf, .json (TimelineJS), .csv or .chronoscope"),
      /* Translators: the argument of --export in `chronoscope --help` */
      N_("OUT") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: the picture's size in pixels (default 1600x900)"),
      /* Translators: the argument of --size in `chronoscope --help`: width x height */
      N_("WxH") },
    { "range", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: the span of time to draw, two dates such as 2012..2025-06 (default: all of it)"),
      /* Translators: the argument of --range in `chronoscope --help` */
      N_("FROM..TO") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: the language of dates and translated text, such as zh_CN"),
      /* Translators: the argument of --lang in `chronoscope --help` */
      N_("LL") },
    { "lanes", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export: draw one lane per category"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  /* Translators: what follows the options in `chronoscope --help`'s usage line */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore timelines: zoom through time and read the quotes behind each event."));
}

ChronoApplication *
chrono_application_new (void)
{
  return g_object_new (CHRONO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
