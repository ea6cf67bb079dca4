/* chrono-timeline-reader.c — loading a timeline file of any format, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "model/chrono-bulk-memory.h"

#include "chrono-csv-reader.h"
#include "chrono-input-limits.h"
#include "chrono-thetimelineproj-reader.h"
#include "chrono-timeline-reader.h"
#include "chrono-timeline-reader-private.h"

G_DEFINE_QUARK (chrono-reader-error-quark, chrono_reader_error)

/* Each sniff function sees the content from its first character that is not a byte
 * order mark or white space (at least one), and may look at the name too. */
typedef gboolean (*SniffFunc) (const char *content,
                               gsize       length,
                               const char *display_name);

static gboolean
starts_json_object (const char *content,
                    gsize       length,
                    const char *display_name)
{
  return content[0] == '{';
}

static gboolean
starts_xml (const char *content,
            gsize       length,
            const char *display_name)
{
  return content[0] == '<';
}

static gboolean
starts_thetimelineproj (const char *content,
                        gsize       length,
                        const char *display_name)
{
  return content[0] == '<' && chrono_thetimelineproj_sniff (content, length);
}

/* A spreadsheet is known by its first row, which names the template's columns. */
static gboolean
starts_csv (const char *content,
            gsize       length,
            const char *display_name)
{
  return chrono_csv_sniff (content, length);
}

/* The formats the loader reads, tried in order: to add one, add its reader (a file of
 * its own, through chrono-input-limits.h) and a line here. */
static const struct
{
  SniffFunc sniff;
  ChronoFormatReadFunc read;
  const char *name;         /* NULL for the native format */
} formats[] = {
  { starts_json_object, _chrono_read_timelinejs, "timelinejs" },
  { starts_thetimelineproj, _chrono_read_thetimelineproj, "thetimelineproj" },
  { starts_xml, _chrono_read_native, NULL },
  { starts_csv, _chrono_read_csv, "csv" },
};

/* What a reader freed in the middle of the heap, below the timeline's own, malloc would
 * keep for as long as the process runs. The largest buffers, the file's and the seal's,
 * no longer lie there (chrono-bulk-memory.c): after a million native events it gives
 * back about 1 MB of 217. It stays for the other readers, which free their trees of
 * parsed JSON or XML there. */
static void
give_back_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* Reads until the end of the file or of @buffer, a piece at a time to see a cancel. */
static gboolean
read_whole (int            fd,
            char          *buffer,
            gsize          size,
            gsize         *length,
            GCancellable  *cancellable,
            GError       **error)
{
  enum { CHUNK = 16 * 1024 * 1024 };

  *length = 0;
  while (*length < size)
    {
      gssize got = read (fd, buffer + *length, MIN (CHUNK, size - *length));

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
          return FALSE;
        }
      if (got == 0)
        break;
      *length += got;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* The whole of a local file, read into memory of its own (chrono-bulk-memory.c).
 * Mapping the file itself would be faster still, but a file cut short by another
 * program while it is read would then stop Chronoscope with SIGBUS.
 * Returns NULL, with no error set, when the file changes size while it is read, for
 * the caller to read it the ordinary way. */
static GBytes *
read_local_file (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  struct stat info;
  gpointer memory;
  gsize size, length = 0;
  gboolean done;

  if (fd < 0 || fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  /* One byte more than the file, to see it grow. */
  size = (gsize) info.st_size + 1;
  memory = chrono_bulk_try_alloc (size);
  if (memory == NULL)
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOMEM));
      return NULL;
    }

  done = read_whole (fd, memory, size, &length, cancellable, error);
  close (fd);
  if (!done || length != (gsize) info.st_size)
    {
      chrono_bulk_free (memory, size);
      return NULL;
    }

  return chrono_bulk_new_bytes (memory, size, length);
}

static GBytes *
load_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  GBytes *bytes = NULL;
  GError *local_error = NULL;

  if (g_file_peek_path (file) != NULL)
    bytes = read_local_file (g_file_peek_path (file), cancellable, &local_error);
  if (bytes == NULL && local_error == NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    g_propagate_error (error, local_error);

  return bytes;
}

/* Takes @bytes. A reader may leave its timeline unsealed, so that the bytes of @file,
 * when they came from one, are let go before the seal needs its memory: for a million
 * events, a third of the peak. */
static ChronoTimeline *
read_bytes_full (GBytes                  *bytes,
                 GFile                   *file,
                 const char              *display_name,
                 ChronoLoadProgressFunc   progress,
                 gpointer                 progress_data,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(GBytes) owned = bytes;
  const char *data;
  gsize length, i;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!chrono_input_find_content (data, length, display_name, &i, error))
    return NULL;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      if (formats[f].sniff (data + i, length - i, display_name))
        {
          ChronoTimeline *timeline = formats[f].read (bytes, display_name, progress, progress_data,
                                                      cancellable, error);
          const char *repeated = NULL;

          if (file != NULL)
            g_clear_pointer (&owned, g_bytes_unref);
          if (timeline == NULL)
            return NULL;
          /* Only the native reader leaves repeated ids to the seal; the others make
           * ids of their own. */
          if (!chrono_timeline_is_sealed (timeline))
            {
              if (formats[f].name != NULL)
                chrono_timeline_seal (timeline);
              else
                repeated = chrono_timeline_seal_finding_repeat (timeline);
            }
          if (repeated != NULL)
            {
              g_autofree char *id = g_strdup (repeated);
              g_autoptr(GBytes) again = NULL;

              /* Not two timelines of a million events at once. */
              g_clear_object (&timeline);
              give_back_memory ();
              again = owned != NULL ? g_bytes_ref (owned) : load_bytes (file, cancellable, NULL);
              _chrono_native_report_repeated_id (again, display_name, id, progress, progress_data,
                                                 cancellable, error);
            }
          give_back_memory ();
          /* So that Save never writes a foreign format's file in the native one. */
          if (timeline != NULL)
            chrono_timeline_set_foreign_format (timeline, formats[f].name);
          return timeline;
        }
    }

  /* Bytes that are not text at all deserve to hear so. */
  if (!chrono_input_check_utf8 (data, length, display_name, error))
    return NULL;

  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
               _("%s: not a timeline: Chronoscope reads its own format, TimelineJS (JSON or its spreadsheet as CSV) and The Timeline Project (.timeline)"),
               display_name);
  return NULL;
}

ChronoTimeline *
chrono_timeline_read_bytes (GBytes        *bytes,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return read_bytes_full (g_bytes_ref (bytes), NULL, display_name, NULL, NULL, cancellable, error);
}

/* GIO's messages name the file by its path; ours begin with the name the caller gave. */
static void
set_file_error (GError      **error,
                const GError *io_error,
                const char   *display_name)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s: there is no such file"), display_name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("%s: you do not have permission to read this file"), display_name);
  else
    g_set_error (error, io_error->domain, io_error->code, "%s: %s", display_name, io_error->message);
}

static ChronoTimeline *
load_full (GFile                   *file,
           const char              *display_name,
           ChronoLoadProgressFunc   progress,
           gpointer                 progress_data,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_file_error (error, local_error, display_name);
      return NULL;
    }
  /* A file in a folder that may not be searched: GIO answers without its type. */
  if (!g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE))
    {
      local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "");
      set_file_error (error, local_error, display_name);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: this is a folder, not a timeline file"), display_name);
      return NULL;
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      /* Devices and pipes could feed the reader forever. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: this is not a regular file"), display_name);
      return NULL;
    }

  if (!chrono_input_check_size (g_file_info_get_size (info), display_name, error))
    return NULL;

  bytes = load_bytes (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      set_file_error (error, local_error, display_name);
      return NULL;
    }

  return read_bytes_full (g_steal_pointer (&bytes), file, display_name, progress, progress_data, cancellable, error);
}

ChronoTimeline *
chrono_timeline_load_named (GFile         *file,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return load_full (file, display_name, NULL, NULL, cancellable, error);
}

static char *
get_display_name (GFile *file)
{
  char *display_name = g_file_get_basename (file);

  if (display_name == NULL)
    display_name = g_file_get_parse_name (file);

  return display_name;
}

ChronoTimeline *
chrono_timeline_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = get_display_name (file);

  return load_full (file, display_name, NULL, NULL, cancellable, error);
}

/* Shared by the loading thread and the progress reports it sends to the caller's main
 * context, which may run after the thread is done: the last one to let go frees it. */
typedef struct
{
  GFile *file;
  ChronoLoadProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GMainContext *context;
  double last_reported;
} LoadData;

typedef struct
{
  GDestroyNotify destroy;
  gpointer data;
} PendingDestroy;

static gboolean
run_destroy_cb (gpointer user_data)
{
  PendingDestroy *pending = user_data;

  pending->destroy (pending->data);

  return G_SOURCE_REMOVE;
}

/* The last reference may go in the loading thread; the progress data belongs to the
 * caller's thread, so it is destroyed there. */
static void
load_data_clear (gpointer data)
{
  LoadData *load = data;

  if (load->progress_destroy != NULL)
    {
      PendingDestroy *pending = g_new (PendingDestroy, 1);

      pending->destroy = load->progress_destroy;
      pending->data = load->progress_data;
      g_main_context_invoke_full (load->context, G_PRIORITY_DEFAULT, run_destroy_cb, pending, g_free);
    }

  g_clear_object (&load->file);
  g_clear_pointer (&load->context, g_main_context_unref);
}

static void
load_data_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, load_data_clear);
}

typedef struct
{
  LoadData *load;
  double fraction;
} ProgressReport;

static gboolean
report_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->load->progress (report->fraction, report->load->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  load_data_unref (report->load);
  g_free (report);
}

/* Runs in the loading thread; hands the fraction to the caller's main context, at most
 * once per percent. It goes back to the start when the file is read again: by GMarkup
 * after the fast scanner, or to find where an id is repeated. */
static void
send_progress (double   fraction,
               gpointer user_data)
{
  LoadData *load = user_data;
  ProgressReport *report;

  if (fraction < 1.0 && fabs (fraction - load->last_reported) < 0.01)
    return;
  load->last_reported = fraction;

  report = g_new (ProgressReport, 1);
  report->load = g_atomic_rc_box_acquire (load);
  report->fraction = fraction;
  g_main_context_invoke_full (load->context, G_PRIORITY_DEFAULT,
                              report_progress_cb, report, progress_report_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autofree char *display_name = get_display_name (load->file);
  GError *error = NULL;
  ChronoTimeline *timeline;

  timeline = load_full (load->file, display_name,
                        load->progress != NULL ? send_progress : NULL, load,
                        cancellable, &error);
  if (timeline == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (load->progress != NULL)
    send_progress (1.0, load);
  g_task_return_pointer (task, timeline, g_object_unref);
}

void
chrono_timeline_load_with_progress_async (GFile                  *file,
                                          ChronoLoadProgressFunc  progress,
                                          gpointer                progress_data,
                                          GDestroyNotify          progress_destroy,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));

  if (_chrono_timeline_take_load_ahead (file, progress, progress_data, progress_destroy,
                                        cancellable, callback, user_data))
    return;

  load = g_atomic_rc_box_new0 (LoadData);
  load->file = g_object_ref (file);
  load->progress = progress;
  load->progress_data = progress_data;
  load->progress_destroy = progress_destroy;
  load->context = g_main_context_ref_thread_default ();
  load->last_reported = -1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_timeline_load_async);
  g_task_set_task_data (task, load, load_data_unref);
  g_task_run_in_thread (task, load_thread);
}

void
chrono_timeline_load_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  chrono_timeline_load_with_progress_async (file, NULL, NULL, NULL, cancellable, callback, user_data);
}

ChronoTimeline *
chrono_timeline_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chrono_timeline_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
