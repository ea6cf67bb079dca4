/* chrono-window-open.c — opening timelines: the dialog, dropped files, progress, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-window-private.h"

#define MAX_RECENT 10

static void
open_file (ChronoWindow *self,
           GFile        *file)
{
  if (file != NULL)
    chrono_window_open_files (self, &file, 1);
}

/* Whether the window shows only the built-in timeline (or nothing yet): a file can take
 * its place without anything of the user's being lost. */
static gboolean
shows_nothing_of_its_own (ChronoWindow *self)
{
  return (chrono_session_get_timeline (self->session) == NULL || chrono_session_get_builtin (self->session)) &&
         chrono_session_get_opening_file (self->session) == NULL && !chrono_session_get_modified (self->session);
}

/* Like a new document in GNOME Text Editor: a window that shows only the built-in
 * timeline (or nothing yet) takes the first file, and any other file opens in a window
 * of its own, which remembers the window it was opened from for an error. */
void
chrono_window_open_files (ChronoWindow  *self,
                          GFile        **files,
                          guint          n_files)
{
  GtkApplication *application;
  gboolean replaceable;

  g_return_if_fail (CHRONO_IS_WINDOW (self));

  application = gtk_window_get_application (GTK_WINDOW (self));
  replaceable = shows_nothing_of_its_own (self);

  for (guint i = 0; i < n_files; i++)
    {
      ChronoWindow *target = self;

      if (i > 0 || !replaceable)
        target = chrono_window_new (CHRONO_APPLICATION (application));
      g_weak_ref_set (&target->opened_from, target != self ? self : NULL);
      chrono_window_open_file (target, files[i]);
      gtk_window_present (GTK_WINDOW (target));
    }
}

/* Pictures exported through the file chooser are recent files of the app too. */
static gboolean
is_timeline_name (const char *name)
{
  static const char * const suffixes[] = { ".chronoscope", ".json", ".csv", ".tsv", ".timeline" };
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

static int
compare_recent (GtkRecentInfo *a,
                GtkRecentInfo *b)
{
  return -g_date_time_compare (gtk_recent_info_get_modified (a), gtk_recent_info_get_modified (b));
}

/* A file's name as a menu item shows it: an underline in it is no access key. */
static char *
menu_label_for_name (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "_", -1);

  return g_strjoinv ("__", parts);
}

/* Open Recent in the main menu: the timelines opened last, newest first. */
static void
update_recent_menu (ChronoWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  const char *application = g_get_application_name ();
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, (GCompareFunc) compare_recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (application != NULL && !gtk_recent_info_has_application (info, application))
        continue;
      if ((gtk_recent_info_is_local (info) && !gtk_recent_info_exists (info)) ||
          !is_timeline_name (gtk_recent_info_get_display_name (info)))
        continue;

      label = menu_label_for_name (gtk_recent_info_get_display_name (info));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    g_menu_append (self->recent_menu, _("No Recent Timelines"), "win.no-recent");
}

/* A file of the user's that opened is remembered among the recent files. */
static void
remember_file_cb (ChronoWindow *self)
{
  GFile *file = chrono_session_get_file (self->session);
  g_autofree char *uri = NULL;

  if (file == NULL || chrono_session_get_builtin (self->session))
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  ChronoWindow *self = user_data;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = g_value_get_boxed (value);
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
      if (files->len == 0)
        return FALSE;
      chrono_window_open_files (self, (GFile **) files->pdata, files->len);
      return TRUE;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      open_file (self, g_value_get_object (value));
      return TRUE;
    }

  return FALSE;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChronoWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  open_file (self, file);
}
#else
static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  ChronoWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      open_file (self, file);
    }

  g_object_unref (dialog);
}
#endif

static GListStore *
create_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) native = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) timelinejs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) spreadsheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) thetimelineproj = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Timelines"));
  gtk_file_filter_add_pattern (all, "*.chronoscope");
  gtk_file_filter_add_mime_type (all, "application/x-chronoscope-timeline");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_filter_add_mime_type (all, "application/json");
  gtk_file_filter_add_pattern (all, "*.csv");
  gtk_file_filter_add_pattern (all, "*.tsv");
  gtk_file_filter_add_mime_type (all, "text/csv");
  gtk_file_filter_add_mime_type (all, "text/tab-separated-values");
  gtk_file_filter_add_pattern (all, "*.timeline");

  gtk_file_filter_set_name (spreadsheets, _("TimelineJS Spreadsheets (CSV)"));
  gtk_file_filter_add_pattern (spreadsheets, "*.csv");
  gtk_file_filter_add_pattern (spreadsheets, "*.tsv");
  gtk_file_filter_add_mime_type (spreadsheets, "text/csv");
  gtk_file_filter_add_mime_type (spreadsheets, "text/tab-separated-values");

  gtk_file_filter_set_name (thetimelineproj, _("The Timeline Project Files"));
  gtk_file_filter_add_pattern (thetimelineproj, "*.timeline");

  gtk_file_filter_set_name (native, _("Chronoscope Timelines"));
  gtk_file_filter_add_pattern (native, "*.chronoscope");
  gtk_file_filter_add_mime_type (native, "application/x-chronoscope-timeline");

  gtk_file_filter_set_name (timelinejs, _("TimelineJS Files"));
  gtk_file_filter_add_pattern (timelinejs, "*.json");
  gtk_file_filter_add_mime_type (timelinejs, "application/json");

  g_list_store_append (filters, all);
  g_list_store_append (filters, native);
  g_list_store_append (filters, timelinejs);
  g_list_store_append (filters, spreadsheets);
  g_list_store_append (filters, thetimelineproj);

  return filters;
}

/* The dialog, not shown yet: a GtkFileDialog from GTK 4.10, a GtkFileChooserNative before.
 * Both go through the FileChooser portal in a sandbox. */
GObject *
_chrono_window_create_open_dialog (ChronoWindow *self)
{
  g_autoptr(GListStore) filters = create_file_filters ();
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Timeline"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));

  return G_OBJECT (dialog);
#else
  GtkFileChooserNative *native;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (filters));

  native = gtk_file_chooser_native_new (_("Open Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  return G_OBJECT (native);
#endif
}

void
_chrono_window_open (ChronoWindow *self)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GObject) dialog = _chrono_window_create_open_dialog (self);

  gtk_file_dialog_open (GTK_FILE_DIALOG (dialog), GTK_WINDOW (self), NULL, open_dialog_cb, g_object_ref (self));
#else
  GObject *native = _chrono_window_create_open_dialog (self);

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

/* Past this many, the banner names the latest and counts the others. */
#define MAX_ERRORS_SHOWN 3

/* Files that fail while the banner is up (several dropped at once) each add their own
 * error to it, until it is dismissed. */
static void
show_load_error (ChronoWindow *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name; the reader's explanation follows on the next line */
  g_autofree char *headline = g_strdup_printf (_("Could not open “%s”"), name);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n, first;

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    g_ptr_array_set_size (self->load_errors, 0);
  g_ptr_array_add (self->load_errors, g_strdup_printf ("%s\n%s", headline, error->message));

  n = self->load_errors->len;
  first = n > MAX_ERRORS_SHOWN ? n - MAX_ERRORS_SHOWN : 0;
  if (first > 0)
    /* Translators: above the errors of the last files that did not open */
    g_string_append_printf (text, ngettext ("%'u more file could not be opened.",
                                            "%'u more files could not be opened.", first), first);
  for (guint i = first; i < n; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", (const char *) self->load_errors->pdata[i]);

  gtk_label_set_text (self->error_label, text->str);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* A window made for a file that does not open would be a stray copy of the built-in
 * timeline: it goes, and the error shows in the window the user opened the file from,
 * which keeps what it showed. */
static void
load_failed_cb (ChronoWindow *self,
                GFile        *file,
                const GError *error)
{
  g_autoptr(ChronoWindow) opener = g_weak_ref_get (&self->opened_from);

  g_weak_ref_set (&self->opened_from, NULL);
  if (opener == NULL || !shows_nothing_of_its_own (self))
    {
      show_load_error (self, file, error);
      return;
    }

  show_load_error (opener, file, error);
  gtk_window_present (GTK_WINDOW (opener));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The timeline on screen stays usable while another file opens, with its progress and a
 * Cancel button above; a file that a save is writing says why it does not move. */
static void
opening_file_cb (ChronoWindow *self)
{
  GFile *file = chrono_session_get_opening_file (self->session);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = NULL;

      if (chrono_session_get_waiting_for_save (self->session))
        /* Translators: shown with a progress bar while a file that is being saved waits
         * to be opened; %s is its name */
        text = g_strdup_printf (_("Waiting for “%s” to finish saving…"), name);
      else
        /* Translators: shown with a progress bar while a file loads; %s is its name */
        text = g_strdup_printf (_("Opening “%s”…"), name);
      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, chrono_session_get_progress (self->session));
    }

  gtk_revealer_set_reveal_child (self->progress_revealer, file != NULL);
  _chrono_window_update_actions (self);
}

static void
progress_cb (ChronoWindow *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, chrono_session_get_progress (self->session));
}

void
_chrono_window_dismiss_error (ChronoWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

void
_chrono_window_open_init (ChronoWindow *self)
{
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *drop_target;

  self->load_errors = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->session, "load-failed", G_CALLBACK (load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::opening-file", G_CALLBACK (opening_file_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::waiting-for-save", G_CALLBACK (opening_file_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::progress", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::timeline", G_CALLBACK (remember_file_cb), self, G_CONNECT_SWAPPED);

  update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
