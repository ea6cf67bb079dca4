/* chrono-session.c — one window's document and the state its views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-session"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-session-private.h"
#include "io/chrono-sliced-write.h"
#include "io/chrono-timeline-writer.h"

G_DEFINE_FINAL_TYPE (ChronoSession, chrono_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_FILE,
  PROP_BUILTIN,
  PROP_FILTER,
  PROP_EVENTS,
  PROP_SELECTION,
  PROP_SELECTED_EVENT,
  PROP_VIEWPORT,
  PROP_LOADING,
  PROP_OPENING_FILE,
  PROP_WAITING_FOR_SAVE,
  PROP_PROGRESS,
  PROP_MODIFIED,
  PROP_UNDO_STACK,
  N_PROPS
};

enum {
  LOAD_FAILED,
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
modified_cb (ChronoSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Whatever was shown before goes with its undo steps; its copy for a crash goes too,
 * since the user chose to leave it (the window asks before). */
static void
set_up_editing (ChronoSession *self)
{
  if (self->autosave != NULL)
    chrono_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_clear_object (&self->undo_stack);

  if (self->timeline != NULL)
    {
      self->undo_stack = chrono_undo_stack_new (self->timeline);
      g_signal_connect_swapped (self->undo_stack, "notify::modified", G_CALLBACK (modified_cb), self);
      if (!self->builtin)
        {
          self->autosave = chrono_autosave_new (NULL);
          chrono_autosave_set_document (self->autosave, self->file);
          chrono_autosave_watch (self->autosave, self->undo_stack);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_chrono_session_apply_timeline (ChronoSession  *self,
                                ChronoTimeline *timeline,
                                GFile          *file,
                                gboolean        builtin)
{
  g_object_freeze_notify (G_OBJECT (self));

  _chrono_session_watch_edits (self, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_set_object (&self->timeline, timeline);
  /* Before the list, which then takes in each change after the session saw it coming. */
  _chrono_session_watch_edits (self, timeline);
  g_set_object (&self->file, file);
  self->builtin = builtin;
  chrono_event_index_set_timeline (self->events, timeline);
  set_up_editing (self);

  if (timeline != NULL)
    {
      /* A timeline without events, such as a new one, opens on this year. */
      if (!_chrono_session_fit_document_span (self))
        {
          ChronoDate today;

          chrono_date_from_time (g_get_real_time () / G_USEC_PER_SEC, CHRONO_PRECISION_YEAR, &today);
          chrono_viewport_set_document_span (self->viewport, chrono_date_get_start (&today),
                                             chrono_date_get_end (&today));
        }
      chrono_viewport_zoom_to_fit (self->viewport);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Shows @timeline at once: a load still running for an earlier request is ignored. */
static void
show_timeline (ChronoSession  *self,
               ChronoTimeline *timeline,
               GFile          *file)
{
  self->applied_serial = ++self->load_serial;
  _chrono_session_apply_timeline (self, timeline, file, FALSE);
}

void
_chrono_session_selected_item_cb (ChronoSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

static void
chrono_session_dispose (GObject *object)
{
  ChronoSession *self = CHRONO_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_object (&self->opening_file);

  _chrono_session_dispose_edits (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->autosave);
  g_clear_object (&self->timeline);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (chrono_session_parent_class)->dispose (object);
}

static void
chrono_session_finalize (GObject *object)
{
  ChronoSession *self = CHRONO_SESSION (object);

  g_clear_object (&self->filter);
  g_clear_object (&self->viewport);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (chrono_session_parent_class)->finalize (object);
}

static void
chrono_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ChronoSession *self = CHRONO_SESSION (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_SELECTED_EVENT:
      g_value_set_object (value, chrono_session_get_selected_event (self));
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->pending_loads > 0);
      break;

    case PROP_OPENING_FILE:
      g_value_set_object (value, self->opening_file);
      break;

    case PROP_WAITING_FOR_SAVE:
      g_value_set_boolean (value, self->waiting_for_save);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, chrono_session_get_modified (self));
      break;

    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ChronoSession *self = CHRONO_SESSION (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      chrono_session_select_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_session_class_init (ChronoSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chrono_session_dispose;
  object_class->finalize = chrono_session_finalize;
  object_class->get_property = chrono_session_get_property;
  object_class->set_property = chrono_session_set_property;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONO_TYPE_TIMELINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         CHRONO_TYPE_EVENT_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL,
                         CHRONO_TYPE_EVENT_INDEX,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GTK_TYPE_SINGLE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         CHRONO_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL,
                         CHRONO_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENING_FILE] =
    g_param_spec_object ("opening-file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAITING_FOR_SAVE] =
    g_param_spec_boolean ("waiting-for-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the timeline has changes that are not saved: its undo stack's. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL,
                         CHRONO_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronoSession::load-failed:
   * @file: the file that could not be opened
   * @error: the reader's error, naming the file and the place in it
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  /**
   * ChronoSession::edited:
   *
   * Emitted after each edit of the timeline (ChronoTimeline::changed), once the list of
   * events and the selection have taken it in: for views that draw more than the list
   * tells them of (eras, categories, sources).
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chrono_session_init (ChronoSession *self)
{
  self->cancellable = g_cancellable_new ();
  self->filter = chrono_event_filter_new ();
  self->events = chrono_event_index_new (NULL, self->filter);
  self->viewport = chrono_viewport_new ();

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (_chrono_session_selected_item_cb), self);
  _chrono_session_init_edits (self);
}

ChronoSession *
chrono_session_new (void)
{
  return g_object_new (CHRONO_TYPE_SESSION, NULL);
}

ChronoTimeline *
chrono_session_get_timeline (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->timeline;
}

void
chrono_session_set_timeline (ChronoSession  *self,
                             ChronoTimeline *timeline)
{
  g_return_if_fail (CHRONO_IS_SESSION (self));
  g_return_if_fail (timeline == NULL || CHRONO_IS_TIMELINE (timeline));

  show_timeline (self, timeline, NULL);
}

GFile *
chrono_session_get_file (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->file;
}

gboolean
chrono_session_get_builtin (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);

  return self->builtin;
}

ChronoEventFilter *
chrono_session_get_filter (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->filter;
}

ChronoEventIndex *
chrono_session_get_events (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->events;
}

GtkSingleSelection *
chrono_session_get_selection (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->selection;
}

ChronoEvent *
chrono_session_get_selected_event (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

void
chrono_session_select_event (ChronoSession *self,
                             ChronoEvent   *event)
{
  g_return_if_fail (CHRONO_IS_SESSION (self));
  g_return_if_fail (event == NULL || CHRONO_IS_EVENT (event));

  gtk_single_selection_set_selected (self->selection, chrono_event_index_find (self->events, event));
}

ChronoViewport *
chrono_session_get_viewport (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->viewport;
}

gboolean
chrono_session_get_read_only (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), TRUE);

  return self->timeline == NULL || self->builtin;
}

gboolean
chrono_session_get_can_save_in_place (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);

  return self->timeline != NULL && self->file != NULL && !self->builtin &&
         chrono_timeline_get_foreign_format (self->timeline) == NULL;
}

/* The language the user reads, as a BCP 47 tag: what a new timeline is written in. */
static char *
get_user_language (void)
{
  const char *name = g_get_language_names ()[0];
  GString *tag = g_string_new (NULL);

  if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    return g_string_free (g_string_append (tag, "en"), FALSE);

  for (const char *p = name; *p != '\0' && *p != '.' && *p != '@'; p++)
    g_string_append_c (tag, *p == '_' ? '-' : *p);

  return g_string_free (tag, FALSE);
}

void
chrono_session_new_timeline (ChronoSession *self)
{
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_new ();
  g_autofree char *language = get_user_language ();

  g_return_if_fail (CHRONO_IS_SESSION (self));

  chrono_timeline_set_language (timeline, language);
  chrono_timeline_seal (timeline);
  show_timeline (self, timeline, NULL);
}

gboolean
chrono_session_recover (ChronoSession   *self,
                        ChronoAutosave  *orphan,
                        GError         **error)
{
  g_autoptr(ChronoTimeline) timeline = NULL;

  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CHRONO_IS_AUTOSAVE (orphan), FALSE);

  timeline = chrono_autosave_load (orphan, NULL, error);
  if (timeline == NULL)
    return FALSE;

  show_timeline (self, timeline, chrono_autosave_get_document (orphan));

  /* The recovered work is not in its file: it stays modified until saved, and its copy
   * is kept up to date under the same name. */
  chrono_undo_stack_set_modified (self->undo_stack);
  chrono_autosave_discard (self->autosave);
  g_set_object (&self->autosave, orphan);
  chrono_autosave_watch (self->autosave, self->undo_stack);

  return TRUE;
}

/* A save under way, of @timeline as it was at @generation of the undo stack; @bytes
 * once written out, until they are on the disk. */
typedef struct
{
  GFile          *file;
  char           *writing;    /* the file's identity, while the save writes it */
  ChronoTimeline *timeline;
  guint64         generation;
  GBytes         *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  _chrono_session_writing_end (data->writing);
  g_clear_pointer (&data->writing, g_free);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->timeline);
  g_clear_object (&data->file);
  g_free (data);
}

static void save_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

/* The saves go to the disk one at a time, in the order they were asked, so that a save
 * of the timeline opened since is never overwritten by the one before it finishing
 * later. The first save in the queue keeps the others waiting until it is done. */
static void
save_next (ChronoSession *self)
{
  GTask *task = g_queue_peek_head (&self->saves);
  SaveData *data = task != NULL ? g_task_get_task_data (task) : NULL;

  if (data == NULL || data->bytes == NULL)
    return;

  chrono_timeline_save_bytes_async (data->bytes, data->file, g_task_get_cancellable (task), save_cb, task);
  g_clear_pointer (&data->bytes, g_bytes_unref);
}

/* Done with @task, which is removed from the queue; the next save may go to the disk. */
static void
save_done (ChronoSession *self,
           GTask         *task)
{
  gboolean was_first = g_queue_peek_head (&self->saves) == task;

  g_queue_remove (&self->saves, task);
  if (was_first)
    save_next (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChronoSession *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GFile *file = G_FILE (object);
  GError *error = NULL;

  save_done (self, task);
  if (!chrono_timeline_save_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Another timeline shown since: its file, copy and changes are its own. */
  if (self->timeline != data->timeline)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Saved as it was when the save began: what was edited since stays modified. */
  if (data->generation == chrono_undo_stack_get_generation (self->undo_stack))
    chrono_undo_stack_set_unmodified (self->undo_stack);

  if (!g_file_equal (file, self->file != NULL ? self->file : file) || self->file == NULL || self->builtin)
    {
      g_set_object (&self->file, file);
      self->builtin = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
    }
  chrono_timeline_set_foreign_format (self->timeline, NULL);
  if (self->autosave == NULL)
    {
      self->autosave = chrono_autosave_new (NULL);
      chrono_autosave_watch (self->autosave, self->undo_stack);
    }
  chrono_autosave_set_document (self->autosave, file);

  g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  ChronoSession *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->bytes = chrono_sliced_write_finish (result, &data->generation, &error);
  if (data->bytes == NULL)
    {
      save_done (self, task);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The queue holds @task from now on, and save_cb gets it. */
  if (g_queue_peek_head (&self->saves) == task)
    save_next (self);
}

/* The timeline is written out a slice at a time on idle, so that saving a large one
 * does not stop the window; reading it back to check it and the disk are a worker's.
 * Another timeline opened meanwhile does not stop it: the user asked for this one to be
 * saved, the file is replaced whole or not at all either way, and a save dropped here
 * could not be asked for again, as the session has let the timeline go (it can no
 * longer change, so what is written is what the user saw). */
void
chrono_session_save_async (ChronoSession       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (CHRONO_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->timeline != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_session_save_async);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->timeline = g_object_ref (self->timeline);
  data->writing = _chrono_session_writing_begin (file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_queue_push_tail (&self->saves, task);
  chrono_sliced_write_async (self->undo_stack, G_PRIORITY_DEFAULT_IDLE, 0, cancellable, written_cb, task);
}

gboolean
chrono_session_save_finish (ChronoSession  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  ChronoTimelineJSFormat  format;
  GFile                  *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (chrono_timelinejs_export_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = chrono_sliced_write_finish (result, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  chrono_timelinejs_export_async (bytes, data->format, data->file, g_task_get_cancellable (task),
                                  exported_cb, g_object_ref (task));
}

void
chrono_session_export_async (ChronoSession          *self,
                             ChronoTimelineJSFormat  format,
                             GFile                  *file,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  GTask *task;
  ExportData *data;

  g_return_if_fail (CHRONO_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->timeline != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_session_export_async);
  data = g_new0 (ExportData, 1);
  data->format = format;
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  chrono_sliced_write_async (self->undo_stack, G_PRIORITY_DEFAULT_IDLE, 0, cancellable, export_written_cb, task);
}

gboolean
chrono_session_export_finish (ChronoSession  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What the timeline is called while it has no title: its file's name, or Untitled
 * Timeline. Without asking the file system: the window asks at every first edit. */
char *
chrono_session_dup_untitled_name (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  if (self->file != NULL && !self->builtin)
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);

      return g_path_get_basename (parse_name);
    }

  return g_strdup (_("Untitled Timeline"));
}

char *
chrono_session_dup_display_name (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  if (self->file != NULL && !self->builtin)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        return g_strdup (g_file_info_get_display_name (info));
      return g_file_get_basename (self->file);
    }

  if (self->timeline != NULL && chrono_timeline_get_title (self->timeline) != NULL)
    return g_strdup (chrono_timeline_get_title (self->timeline));

  return g_strdup (_("Untitled Timeline"));
}
