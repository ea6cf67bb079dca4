/* chrono-autosave.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-autosave"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "chrono-autosave.h"
#include "chrono-native-reader.h"
#include "chrono-sliced-write.h"
#include "model/chrono-atomic-file.h"

#define TIMELINE_SUFFIX ".chronoscope"
#define INFO_SUFFIX ".autosave"
#define GROUP "Autosave"
#define DEFAULT_DELAY_MS 3000

struct _ChronoAutosave
{
  GObject parent_instance;

  GFile *directory;
  char *name;
  GFile *document;
  char *title;
  GDateTime *time;
  guint delay;

  ChronoUndoStack *stack;
  GSignalGroup *timeline_signals;
  gulong modified_handler;
  guint timeout_id;
  GCancellable *copy;        /* the copy being made, a slice at a time */
  GCancellable *cancellable;
  guint64 written_generation;
  guint writing : 1;
  guint again : 1;           /* changed or renamed while being written */
};

G_DEFINE_FINAL_TYPE (ChronoAutosave, chrono_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (ChronoAutosave *self);

static GFile *
get_child (ChronoAutosave *self,
           const char     *suffix)
{
  g_autofree char *basename = g_strconcat (self->name, suffix, NULL);

  return g_file_get_child (self->directory, basename);
}

static void
delete_files (ChronoAutosave *self)
{
  g_autoptr(GFile) info = get_child (self, INFO_SUFFIX);
  g_autoptr(GFile) timeline = get_child (self, TIMELINE_SUFFIX);

  /* The key file first: without it, a copy is not offered. */
  g_file_delete (info, NULL, NULL);
  g_file_delete (timeline, NULL, NULL);
}

typedef struct
{
  GBytes *timeline;
  char   *info;
  guint64 generation;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->timeline, g_bytes_unref);
  g_free (data->info);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ChronoAutosave *self = source_object;
  WriteData *data = task_data;
  g_autoptr(GFile) timeline = get_child (self, TIMELINE_SUFFIX);
  g_autoptr(GFile) info = get_child (self, INFO_SUFFIX);
  GError *error = NULL;

  if (!g_file_make_directory_with_parents (self->directory, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }

  /* The timeline, then the key file that makes it a copy to offer. */
  if (!chrono_atomic_file_set_contents (timeline, g_bytes_get_data (data->timeline, NULL),
                                        g_bytes_get_size (data->timeline), cancellable, &error) ||
      !chrono_atomic_file_set_contents (info, data->info, strlen (data->info), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Giving back the memory of a large timeline takes a while too. */
  g_clear_pointer (&data->timeline, g_bytes_unref);
  g_task_return_boolean (task, TRUE);
}

static gboolean
is_modified (ChronoAutosave *self)
{
  return self->stack != NULL && chrono_undo_stack_get_modified (self->stack);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ChronoAutosave *self = CHRONO_AUTOSAVE (object);
  WriteData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;

  /* Changed, or named another document, while it was written: it is written again. */
  if (g_task_propagate_boolean (G_TASK (result), &error))
    self->written_generation = self->again ? G_MAXUINT64 : data->generation;
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep a copy of the unsaved changes: %s", error->message);

  /* Saved or undone while it was written: the copy is not wanted. */
  if (!is_modified (self))
    delete_files (self);
  else if (self->again)
    schedule (self);
  self->again = FALSE;
}

static char *
make_info (ChronoAutosave *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *time = NULL;

  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_new_now_utc ();
  time = g_date_time_format_iso8601 (self->time);

  g_key_file_set_string (key_file, GROUP, "Time", time);
  g_key_file_set_int64 (key_file, GROUP, "Process", getpid ());
  if (self->title != NULL)
    g_key_file_set_string (key_file, GROUP, "Title", self->title);
  if (self->document != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->document);

      g_key_file_set_string (key_file, GROUP, "Document", uri);
    }

  return g_key_file_to_data (key_file, NULL, NULL);
}

/* The restarts a copy had for edits go with it. A copy is abandoned only when nothing
 * is left unsaved (saved, undone to the saved state, discarded), for another undo stack
 * or with the autosave: the next unsaved work has its own two restarts, so edits cannot
 * hold its copy off, and it is not made at once, holding the window, for edits that
 * were undone. */
static void
abandon_copy (ChronoAutosave *self)
{
  g_cancellable_cancel (self->copy);
  g_clear_object (&self->copy);
}

static void
write_files (ChronoAutosave *self,
             GBytes         *bytes,
             guint64         generation)
{
  ChronoTimeline *timeline = chrono_undo_stack_get_timeline (self->stack);
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_free (self->title);
  self->title = g_strdup (chrono_timeline_get_title (timeline));

  data = g_new0 (WriteData, 1);
  data->timeline = bytes;
  data->info = make_info (self);
  data->generation = generation;

  self->writing = TRUE;
  task = g_task_new (self, self->cancellable, write_done_cb, NULL);
  g_task_set_source_tag (task, write_files);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/* An abandoned copy ends cancelled, and may end after the autosave is gone. */
static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ChronoAutosave *self = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  guint64 generation;

  bytes = chrono_sliced_write_finish (result, &generation, &error);
  if (bytes == NULL)
    return;

  g_clear_object (&self->copy);
  write_files (self, bytes, generation);
}

/* The model belongs to this thread, so it is written out here, a slice at a time below
 * the priority of input and drawing, and after an edit started again a few seconds on;
 * the disk is left to a worker. */
static void
write_copy (ChronoAutosave *self)
{
  if (self->writing)
    {
      self->again = TRUE;
      return;
    }
  if (self->copy != NULL)
    return;

  self->copy = g_cancellable_new ();
  chrono_sliced_write_async (self->stack, G_PRIORITY_LOW, self->delay, self->copy, copied_cb, self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  ChronoAutosave *self = user_data;

  self->timeout_id = 0;

  if (!is_modified (self))
    delete_files (self);
  else if (chrono_undo_stack_get_generation (self->stack) != self->written_generation)
    write_copy (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (ChronoAutosave *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay, timeout_cb, self);
}

/* A copy under way starts again by itself (chrono-sliced-write.h). */
static void
changed_cb (ChronoAutosave *self)
{
  schedule (self);
}

/* Saved, undone to the saved state or discarded: the copy goes now, not after the delay,
 * since the window may close (and the timeout with it) before. */
static void
modified_cb (ChronoAutosave *self)
{
  if (is_modified (self))
    schedule (self);
  else
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      abandon_copy (self);
      delete_files (self);
    }
}

static void
chrono_autosave_dispose (GObject *object)
{
  ChronoAutosave *self = CHRONO_AUTOSAVE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  abandon_copy (self);
  if (self->stack != NULL)
    g_clear_signal_handler (&self->modified_handler, self->stack);
  g_clear_object (&self->timeline_signals);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (chrono_autosave_parent_class)->dispose (object);
}

static void
chrono_autosave_finalize (GObject *object)
{
  ChronoAutosave *self = CHRONO_AUTOSAVE (object);

  g_clear_object (&self->directory);
  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (chrono_autosave_parent_class)->finalize (object);
}

static void
chrono_autosave_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronoAutosave *self = CHRONO_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_autosave_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChronoAutosave *self = CHRONO_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      chrono_autosave_set_document (self, g_value_get_object (value));
      break;
    case PROP_DELAY:
      chrono_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_autosave_class_init (ChronoAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chrono_autosave_dispose;
  object_class->finalize = chrono_autosave_finalize;
  object_class->get_property = chrono_autosave_get_property;
  object_class->set_property = chrono_autosave_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_autosave_init (ChronoAutosave *self)
{
  self->delay = DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
  self->timeline_signals = g_signal_group_new (CHRONO_TYPE_TIMELINE);
  g_signal_group_connect_swapped (self->timeline_signals, "changed", G_CALLBACK (changed_cb), self);
  g_signal_group_connect_swapped (self->timeline_signals, "event-changed", G_CALLBACK (changed_cb), self);
}

GFile *
chrono_autosave_get_default_directory (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "autosave", NULL);
}

ChronoAutosave *
chrono_autosave_new (GFile *directory)
{
  ChronoAutosave *self = g_object_new (CHRONO_TYPE_AUTOSAVE, NULL);

  self->directory = directory != NULL ? g_object_ref (directory) : chrono_autosave_get_default_directory ();
  self->name = g_uuid_string_random ();

  return self;
}

void
chrono_autosave_watch (ChronoAutosave  *self,
                       ChronoUndoStack *stack)
{
  g_return_if_fail (CHRONO_IS_AUTOSAVE (self));
  g_return_if_fail (stack == NULL || CHRONO_IS_UNDO_STACK (stack));

  if (self->stack != NULL)
    g_clear_signal_handler (&self->modified_handler, self->stack);
  abandon_copy (self);
  g_set_object (&self->stack, stack);
  g_signal_group_set_target (self->timeline_signals,
                             stack != NULL ? chrono_undo_stack_get_timeline (stack) : NULL);
  if (stack != NULL)
    {
      self->modified_handler = g_signal_connect_swapped (stack, "notify::modified", G_CALLBACK (modified_cb), self);
      self->written_generation = G_MAXUINT64;
      schedule (self);
    }
}

GFile *
chrono_autosave_get_document (ChronoAutosave *self)
{
  g_return_val_if_fail (CHRONO_IS_AUTOSAVE (self), NULL);

  return self->document;
}

void
chrono_autosave_set_document (ChronoAutosave *self,
                              GFile          *document)
{
  g_return_if_fail (CHRONO_IS_AUTOSAVE (self));
  g_return_if_fail (document == NULL || G_IS_FILE (document));

  if (!g_set_object (&self->document, document))
    return;

  /* The key file names the document: written again, so that a kill before the next
   * change still leaves a copy that says whose it is. */
  self->written_generation = G_MAXUINT64;
  if (self->writing)
    self->again = TRUE;
  else if (is_modified (self))
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
chrono_autosave_get_delay (ChronoAutosave *self)
{
  g_return_val_if_fail (CHRONO_IS_AUTOSAVE (self), 0);

  return self->delay;
}

void
chrono_autosave_set_delay (ChronoAutosave *self,
                           guint           delay_ms)
{
  g_return_if_fail (CHRONO_IS_AUTOSAVE (self));

  if (self->delay == delay_ms)
    return;

  self->delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

void
chrono_autosave_discard (ChronoAutosave *self)
{
  g_return_if_fail (CHRONO_IS_AUTOSAVE (self));

  chrono_autosave_watch (self, NULL);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A write under way finds the timeline unwatched, so not modified, and deletes what
   * it wrote. */
  delete_files (self);
}

/* Whether the process that wrote a copy is a Chronoscope still running (and so still
 * keeping it), by its id and its name. */
static gboolean
is_kept_by_running_process (gint64 pid)
{
  g_autofree char *comm_path = NULL;
  g_autofree char *comm = NULL;
  g_autofree char *own_comm = NULL;

  if (pid <= 0 || pid == getpid () || kill ((pid_t) pid, 0) != 0)
    return pid == getpid ();

  comm_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/comm", pid);
  if (!g_file_get_contents (comm_path, &comm, NULL, NULL) ||
      !g_file_get_contents ("/proc/self/comm", &own_comm, NULL, NULL))
    return TRUE;

  return g_strcmp0 (comm, own_comm) == 0;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  ChronoAutosave *first = *(ChronoAutosave **) a;
  ChronoAutosave *second = *(ChronoAutosave **) b;

  return g_date_time_compare (second->time, first->time);
}

static ChronoAutosave *
read_orphan (GFile      *directory,
             const char *info_name)
{
  g_autoptr(ChronoAutosave) self = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GFile) info = g_file_get_child (directory, info_name);
  g_autoptr(GFile) timeline = NULL;
  g_autofree char *path = g_file_get_path (info);
  g_autofree char *time = NULL;
  g_autofree char *document = NULL;

  if (path == NULL || !g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  if (is_kept_by_running_process (g_key_file_get_int64 (key_file, GROUP, "Process", NULL)))
    return NULL;

  self = g_object_new (CHRONO_TYPE_AUTOSAVE, NULL);
  self->directory = g_object_ref (directory);
  self->name = g_strndup (info_name, strlen (info_name) - strlen (INFO_SUFFIX));

  timeline = get_child (self, TIMELINE_SUFFIX);
  if (!g_file_query_exists (timeline, NULL))
    return NULL;

  time = g_key_file_get_string (key_file, GROUP, "Time", NULL);
  self->time = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  if (self->time == NULL)
    self->time = g_date_time_new_from_unix_utc (0);
  self->title = g_key_file_get_string (key_file, GROUP, "Title", NULL);
  document = g_key_file_get_string (key_file, GROUP, "Document", NULL);
  if (document != NULL)
    self->document = g_file_new_for_uri (document);

  return g_steal_pointer (&self);
}

GPtrArray *
chrono_autosave_find_orphans (GFile *directory)
{
  g_autoptr(GFile) default_directory = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  if (directory == NULL)
    directory = default_directory = chrono_autosave_get_default_directory ();

  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, INFO_SUFFIX) && name[0] != '.')
        {
          ChronoAutosave *orphan = read_orphan (directory, name);

          if (orphan != NULL)
            g_ptr_array_add (orphans, orphan);
        }
      g_object_unref (info);
    }

  g_ptr_array_sort (orphans, compare_newest_first);

  return orphans;
}

const char *
chrono_autosave_get_title (ChronoAutosave *self)
{
  g_return_val_if_fail (CHRONO_IS_AUTOSAVE (self), NULL);

  return self->title;
}

GDateTime *
chrono_autosave_get_time (ChronoAutosave *self)
{
  g_return_val_if_fail (CHRONO_IS_AUTOSAVE (self), NULL);

  return self->time;
}

ChronoTimeline *
chrono_autosave_load (ChronoAutosave  *self,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GFile) timeline = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CHRONO_IS_AUTOSAVE (self), NULL);

  timeline = get_child (self, TIMELINE_SUFFIX);
  bytes = g_file_load_bytes (timeline, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  /* Errors name the document the copy was made of, which is what the user knows. */
  name = self->document != NULL ? g_file_get_basename (self->document) : g_file_get_basename (timeline);

  return chrono_timeline_read_native_bytes (bytes, name, cancellable, error);
}
