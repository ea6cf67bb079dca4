/* chrono-sliced-write.c — a timeline written out a slice at a time on the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-sliced-write"

#include "config.h"

#include "chrono-sliced-write.h"
#include "chrono-timeline-writer.h"

/* How long one slice holds the main loop at most: well under a frame. */
#define SLICE_US 4000
#define MAX_RESTARTS 2

typedef struct
{
  ChronoUndoStack    *stack;
  ChronoTimeline     *timeline;
  ChronoNativeWriter *writer;       /* NULL while waiting to start again */
  guint64             generation;   /* of the stack when the writer started */
  gboolean            changed;      /* since the writer started */
  guint               n_restarts;
  gint64              restart_delay;
  gulong              changed_handler;
  GCancellable       *cancellable;
  gulong              cancelled_handler;
  GSource            *source;
} SlicedWrite;

static void
sliced_write_free (SlicedWrite *data)
{
  if (data->cancellable != NULL)
    g_cancellable_disconnect (data->cancellable, data->cancelled_handler);
  g_clear_object (&data->cancellable);
  g_clear_signal_handler (&data->changed_handler, data->timeline);
  g_clear_pointer (&data->writer, chrono_native_writer_free);
  g_clear_object (&data->timeline);
  g_clear_object (&data->stack);
  if (data->source != NULL)
    g_source_destroy (data->source);
  g_clear_pointer (&data->source, g_source_unref);
  g_free (data);
}

/* The slices run when the source's ready time has come: at once (0), or after the
 * delay before a restart. */
static gboolean
dispatch (GSource     *source,
          GSourceFunc  callback,
          gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs slice_source_funcs = { NULL, NULL, dispatch, NULL, NULL, NULL };

/* Edits through the undo stack change its generation; others only show as signals. */
static void
changed_cb (SlicedWrite *data)
{
  data->changed = TRUE;
}

/* Called in any thread: the next slice, delayed or not, runs at once and stops. */
static void
cancelled_cb (GCancellable *cancellable,
              SlicedWrite  *data)
{
  g_source_set_ready_time (data->source, 0);
}

static void
start (SlicedWrite *data)
{
  data->writer = chrono_native_writer_new (data->timeline);
  data->generation = chrono_undo_stack_get_generation (data->stack);
  data->changed = FALSE;
}

static gboolean
slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  SlicedWrite *data = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  if (data->writer != NULL &&
      (data->changed || chrono_undo_stack_get_generation (data->stack) != data->generation))
    {
      g_clear_pointer (&data->writer, chrono_native_writer_free);
      data->n_restarts++;
      if (data->restart_delay > 0)
        {
          g_source_set_ready_time (data->source, g_get_monotonic_time () + data->restart_delay);
          /* Cancelled in another thread meanwhile: cancelled_cb may have come first. */
          if (g_cancellable_is_cancelled (data->cancellable))
            g_source_set_ready_time (data->source, 0);
          return G_SOURCE_CONTINUE;
        }
    }

  if (data->writer == NULL)
    {
      g_source_set_ready_time (data->source, 0);
      start (data);
    }

  if (data->n_restarts < MAX_RESTARTS &&
      !chrono_native_writer_step (data->writer, CHRONO_SLICED_WRITE_SLICE_EVENTS,
                                  g_get_monotonic_time () + SLICE_US))
    return G_SOURCE_CONTINUE;

  g_task_return_pointer (task, chrono_native_writer_finish (g_steal_pointer (&data->writer)),
                         (GDestroyNotify) g_bytes_unref);

  return G_SOURCE_REMOVE;
}

void
chrono_sliced_write_async (ChronoUndoStack     *stack,
                           int                  priority,
                           guint                restart_delay_ms,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SlicedWrite *data;

  g_return_if_fail (CHRONO_IS_UNDO_STACK (stack));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chrono_sliced_write_async);
  g_task_set_priority (task, priority);

  data = g_new0 (SlicedWrite, 1);
  data->stack = g_object_ref (stack);
  data->timeline = g_object_ref (chrono_undo_stack_get_timeline (stack));
  data->restart_delay = (gint64) restart_delay_ms * 1000;
  data->changed_handler = g_signal_connect_swapped (data->timeline, "changed", G_CALLBACK (changed_cb), data);
  start (data);

  data->source = g_source_new (&slice_source_funcs, sizeof (GSource));
  g_source_set_static_name (data->source, "[chronoscope] sliced write");
  g_source_set_priority (data->source, priority);
  g_source_set_ready_time (data->source, 0);
  /* The source holds the task until it returns; the task data holds the source. */
  g_source_set_callback (data->source, slice_cb, task, g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) sliced_write_free);

  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      data->cancelled_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), data, NULL);
    }

  g_source_attach (data->source, g_task_get_context (task));
}

GBytes *
chrono_sliced_write_finish (GAsyncResult  *result,
                            guint64       *generation,
                            GError       **error)
{
  SlicedWrite *data;
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chrono_sliced_write_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes != NULL && generation != NULL)
    *generation = data->generation;

  return bytes;
}
