/* chrono-window-open.c — opening timelines: the dialog, dropped files, progress, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-window-private.h"

static void
open_file (ChronoWindow *self,
           GFile        *file)
{
  if (file != NULL)
    chrono_window_open_file (self, file);
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
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      open_file (self, files->data);
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

  gtk_file_filter_set_name (all, _("All Timelines"));
  gtk_file_filter_add_pattern (all, "*.chronoscope");
  gtk_file_filter_add_mime_type (all, "application/x-chronoscope-timeline");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_filter_add_mime_type (all, "application/json");

  gtk_file_filter_set_name (native, _("Chronoscope Timelines"));
  gtk_file_filter_add_pattern (native, "*.chronoscope");
  gtk_file_filter_add_mime_type (native, "application/x-chronoscope-timeline");

  gtk_file_filter_set_name (timelinejs, _("TimelineJS Files"));
  gtk_file_filter_add_pattern (timelinejs, "*.json");
  gtk_file_filter_add_mime_type (timelinejs, "application/json");

  g_list_store_append (filters, all);
  g_list_store_append (filters, native);
  g_list_store_append (filters, timelinejs);

  return filters;
}

void
_chrono_window_open (ChronoWindow *self)
{
  g_autoptr(GListStore) filters = create_file_filters ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Timeline"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, open_dialog_cb, g_object_ref (self));
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
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

static void
load_failed_cb (ChronoWindow *self,
                GFile        *file,
                const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name; the reader's explanation follows on the next line */
  g_autofree char *headline = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *text = g_strdup_printf ("%s\n%s", headline, error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* The timeline on screen stays usable while another file opens, with its progress and a
 * Cancel button above. */
static void
opening_file_cb (ChronoWindow *self)
{
  GFile *file = chrono_session_get_opening_file (self->session);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: shown with a progress bar while a file loads; %s is its name */
      g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);

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

  g_signal_connect_object (self->session, "load-failed", G_CALLBACK (load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::opening-file", G_CALLBACK (opening_file_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::progress", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
