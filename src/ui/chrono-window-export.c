/* chrono-window-export.c — exporting and printing what the timeline view shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "chrono-print-operation.h"
#include "chrono-ui-util.h"
#include "chrono-window-private.h"
#include "view/chrono-exporter.h"

static ChronoExporter *
create_exporter (ChronoWindow *self)
{
  ChronoExportParams params = { 0 };
  g_autofree char *untitled_name = chrono_session_dup_untitled_name (self->session);

  params.timeline = chrono_session_get_timeline (self->session);
  params.filter = chrono_session_get_filter (self->session);
  params.selected = chrono_session_get_selected_event (self->session);
  chrono_viewport_get_visible_span (chrono_session_get_viewport (self->session), &params.start, &params.end);
  params.width = MAX (gtk_widget_get_width (GTK_WIDGET (self->timeline_view)), 600);
  params.height = MAX (gtk_widget_get_height (GTK_WIDGET (self->timeline_view)), 300);
  params.lanes = chrono_timeline_view_get_lanes (self->timeline_view);
  params.untitled_name = untitled_name;
  params.shown = chrono_timeline_view_get_layout (self->timeline_view);

  return chrono_exporter_new (&params);
}

static void
toast (ChronoWindow *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, chrono_ui_toast_new (text));
}

static void
toast_export_result (ChronoWindow *self,
                     const char   *name,
                     const GError *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    /* Translators: %s is the name of the file the timeline was exported to */
    text = g_strdup_printf (_("Exported to %s"), name);
  else
    /* Translators: %s says which file and why, such as “/home/ana/notes.png: the folder to write it in does not exist” */
    text = g_strdup_printf (_("Could not export: %s"), error->message);
  toast (self, text);
}

static void
export_picture (ChronoWindow       *self,
                GFile              *file,
                ChronoExportFormat  format)
{
  g_autoptr(ChronoExporter) exporter = create_exporter (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  chrono_exporter_write (exporter, format, format == CHRONO_EXPORT_FORMAT_PNG ? 2 : 1, file, NULL, &error);
  toast_export_result (self, name, error);
}

typedef struct
{
  GWeakRef      window;
  GApplication *application;   /* held until the file is written */
  char         *name;
} TimelineJSExport;

static void
timelinejs_exported_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  TimelineJSExport *data = user_data;
  g_autoptr(ChronoWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;

  chrono_session_export_finish (CHRONO_SESSION (object), result, &error);
  if (self != NULL)
    toast_export_result (self, data->name, error);

  if (data->application != NULL)
    g_application_release (data->application);
  g_clear_object (&data->application);
  g_weak_ref_clear (&data->window);
  g_free (data->name);
  g_free (data);
}

/* The whole timeline, not only what the view shows: it is handed on to be read. The
 * window may close meanwhile; the application stays until the file is written. */
static void
export_timelinejs (ChronoWindow           *self,
                   GFile                  *file,
                   ChronoTimelineJSFormat  format)
{
  TimelineJSExport *data = g_new0 (TimelineJSExport, 1);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    {
      data->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (data->application);
    }
  g_weak_ref_init (&data->window, self);
  data->name = g_file_get_basename (file);
  chrono_session_export_async (self->session, format, file, NULL, timelinejs_exported_cb, data);
}

/* A file type's format: a picture's under one key, a TimelineJS one's, plus one, under
 * the other. */
#define PICTURE_FORMAT_KEY    "chrono-export-format"
#define TIMELINEJS_FORMAT_KEY "chrono-timelinejs-format"
#define EXTENSION_KEY         "chrono-extension"
#define SUGGESTED_NAME_KEY    "chrono-suggested-name"

static GListStore *
create_export_filters (void)
{
  static const struct {
    const char *name;
    const char *mime_type;
    const char *extension;
    const char *key;
    int         format;
  } types[] = {
    { N_("PNG Image"), "image/png", "png", PICTURE_FORMAT_KEY, CHRONO_EXPORT_FORMAT_PNG },
    { N_("SVG Image"), "image/svg+xml", "svg", PICTURE_FORMAT_KEY, CHRONO_EXPORT_FORMAT_SVG },
    { N_("PDF Document"), "application/pdf", "pdf", PICTURE_FORMAT_KEY, CHRONO_EXPORT_FORMAT_PDF },
    { N_("TimelineJS Timeline (JSON)"), "application/json", "json", TIMELINEJS_FORMAT_KEY,
      CHRONO_TIMELINEJS_JSON + 1 },
    { N_("TimelineJS Spreadsheet (CSV)"), "text/csv", "csv", TIMELINEJS_FORMAT_KEY,
      CHRONO_TIMELINEJS_SPREADSHEET + 1 },
  };
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", types[i].extension);

      gtk_file_filter_set_name (filter, _(types[i].name));
      gtk_file_filter_add_mime_type (filter, types[i].mime_type);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), types[i].key, GINT_TO_POINTER (types[i].format));
      g_object_set_data (G_OBJECT (filter), EXTENSION_KEY, (gpointer) types[i].extension);
      g_list_store_append (filters, filter);
    }

  return filters;
}

/* The type that the name ends in, or else the file type chosen in the dialog. */
static void
export_to (ChronoWindow  *self,
           GFile         *file,
           GtkFileFilter *filter)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (name, -1);
  ChronoExportFormat format = CHRONO_EXPORT_FORMAT_PNG;
  int timelinejs = 0;

  if (chrono_session_get_timeline (self->session) == NULL)
    return;

  if (chrono_export_format_from_name (name, &format))
    timelinejs = 0;
  else if (g_str_has_suffix (lower, ".json"))
    timelinejs = CHRONO_TIMELINEJS_JSON + 1;
  else if (g_str_has_suffix (lower, ".csv"))
    timelinejs = CHRONO_TIMELINEJS_SPREADSHEET + 1;
  else if (filter != NULL)
    {
      timelinejs = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), TIMELINEJS_FORMAT_KEY));
      format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), PICTURE_FORMAT_KEY));
    }

  if (timelinejs != 0)
    export_timelinejs (self, file, timelinejs - 1);
  else
    export_picture (self, file, format);
}

typedef struct
{
  ChronoWindow  *self;
  GFile         *file;
  GtkFileFilter *filter;
} ReplaceData;

static void
replace_response_cb (GtkWidget   *dialog,
                     const char  *response,
                     ReplaceData *data)
{
  if (g_str_equal (response, "replace"))
    export_to (data->self, data->file, data->filter);

  g_object_unref (data->self);
  g_object_unref (data->file);
  g_clear_object (&data->filter);
  g_free (data);
}

/* The dialog cannot tell us when another file type is chosen, to change the ending of
 * the name it suggested: a name left as suggested (“Timeline.png”) takes the ending of
 * the type chosen (“Timeline.json”), and the dialog, which asked before replacing the
 * name it had, did not ask about this one. */
void
_chrono_window_export_chosen (ChronoWindow  *self,
                              GFile         *file,
                              GtkFileFilter *filter,
                              const char    *suggested_name)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), EXTENSION_KEY) : NULL;
  const char *dot = strrchr (name, '.');
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *body = NULL;
  ReplaceData *data;
  GtkWidget *dialog;

  if (suggested_name == NULL || g_strcmp0 (name, suggested_name) != 0 || extension == NULL || dot == NULL ||
      g_ascii_strcasecmp (dot + 1, extension) == 0 || folder == NULL)
    {
      export_to (self, file, filter);
      return;
    }

  renamed = g_strdup_printf ("%.*s.%s", (int) (dot - name), name, extension);
  target = g_file_get_child (folder, renamed);
  if (!g_file_query_exists (target, NULL))
    {
      export_to (self, target, filter);
      return;
    }

  /* Translators: %s is the name of a file */
  body = g_strdup_printf (_("A file named “%s” already exists. Replacing it overwrites what it holds."), renamed);
  dialog = chrono_ui_ask (GTK_WIDGET (self), _("Replace File?"), body,
                          "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT,
                          "replace", _("_Replace"), ADW_RESPONSE_DESTRUCTIVE,
                          NULL);
  data = g_new0 (ReplaceData, 1);
  data->self = g_object_ref (self);
  data->file = g_steal_pointer (&target);
  data->filter = filter != NULL ? g_object_ref (filter) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), data);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  ChronoWindow *self = user_data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    _chrono_window_export_chosen (self, file, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog)),
                                  g_object_get_data (G_OBJECT (dialog), SUGGESTED_NAME_KEY));

  g_object_unref (dialog);
}

/* A GtkFileChooserNative on every GTK: GtkFileDialog (4.10) does not say which file type
 * was chosen, and that type decides the format. Through the FileChooser portal too. */
GtkFileChooserNative *
_chrono_window_create_export_dialog (ChronoWindow *self)
{
  ChronoTimeline *timeline = chrono_session_get_timeline (self->session);
  g_autoptr(GListStore) filters = create_export_filters ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (filters));
  g_autofree char *name = NULL;
  g_autofree char *initial_name = NULL;
  const char *title = timeline != NULL ? chrono_timeline_get_title (timeline) : NULL;
  GtkFileChooserNative *native;

  /* Untitled, the picture is named after the timeline's file: moon.png for moon.chronoscope. */
  if (title != NULL && *title != '\0')
    {
      name = g_strdup (title);
    }
  else
    {
      char *extension;

      name = chrono_session_dup_untitled_name (self->session);
      extension = strrchr (name, '.');
      if (chrono_session_get_file (self->session) != NULL && extension != NULL && extension != name)
        *extension = '\0';
    }
  initial_name = g_strdup_printf ("%s.png", name);
  g_strdelimit (initial_name, "/\\", '-');

  native = gtk_file_chooser_native_new (_("Export Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
  g_object_set_data_full (G_OBJECT (native), SUGGESTED_NAME_KEY, g_steal_pointer (&initial_name), g_free);

  return native;
}

void
_chrono_window_export (ChronoWindow *self)
{
  GtkFileChooserNative *native;

  if (chrono_session_get_timeline (self->session) == NULL)
    return;

  native = _chrono_window_create_export_dialog (self);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               ChronoWindow            *self)
{
  g_autoptr(GError) error = NULL;

  /* Reported once, whether the error came from running or from the finished job. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "chrono-reported") == NULL)
    {
      g_object_set_data (G_OBJECT (operation), "chrono-reported", GINT_TO_POINTER (TRUE));
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("Could not print"));
    }
}

void
_chrono_window_print (ChronoWindow *self)
{
  g_autoptr(ChronoPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (chrono_session_get_timeline (self->session) == NULL)
    return;

  operation = chrono_print_operation_new (create_exporter (self));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    print_done_cb (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_RESULT_ERROR, self);
}
