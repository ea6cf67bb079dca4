/* chrono-load-ahead.c — a file named at launch, loaded while GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK and libadwaita take a third of a second to start, on one core. A file named on
 * the command line is loaded on the other meanwhile, and the window's load of the same
 * file, once there is a window, takes that load over instead of beginning its own.
 */

#define G_LOG_DOMAIN "chrono-timeline-reader"

#include "config.h"

#include "chrono-timeline-reader-private.h"

/* Only ever touched on the main thread: the reader calls back in the main context. */
typedef struct
{
  GFile                  *file;
  GCancellable           *cancellable;
  /* The result, once the load has ended and until it is taken over: one of them is set. */
  ChronoTimeline         *timeline;
  GError                 *error;
  /* What took it over. */
  GTask                  *task;
  ChronoLoadProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_destroy;
  GCancellable           *task_cancellable;
  gulong                  cancelled_id;
} Ahead;

/* Started and neither taken over nor dropped yet. */
static Ahead *waiting;
static guint n_taken;

static void
forget_taker (Ahead *ahead)
{
  if (ahead->task_cancellable != NULL)
    g_cancellable_disconnect (ahead->task_cancellable, ahead->cancelled_id);
  g_clear_object (&ahead->task_cancellable);
  if (ahead->progress_destroy != NULL)
    ahead->progress_destroy (ahead->progress_data);
  ahead->progress = NULL;
  ahead->progress_destroy = NULL;
  g_clear_object (&ahead->task);
}

static gboolean
has_ended (Ahead *ahead)
{
  return ahead->timeline != NULL || ahead->error != NULL;
}

static void
ahead_clear (gpointer data)
{
  Ahead *ahead = data;

  forget_taker (ahead);
  g_clear_object (&ahead->timeline);
  g_clear_error (&ahead->error);
  g_clear_object (&ahead->cancellable);
  g_clear_object (&ahead->file);
}

static void
ahead_release (gpointer data)
{
  g_rc_box_release_full (data, ahead_clear);
}

/* Takes @timeline and @error. */
static void
return_to_taker (Ahead          *ahead,
                 ChronoTimeline *timeline,
                 GError         *error)
{
  if (timeline != NULL)
    g_task_return_pointer (ahead->task, timeline, g_object_unref);
  else
    g_task_return_error (ahead->task, error);
  forget_taker (ahead);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Ahead *ahead = user_data;

  if (ahead->progress != NULL)
    ahead->progress (fraction, ahead->progress_data);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Ahead *ahead = user_data;
  GError *error = NULL;
  ChronoTimeline *timeline = chrono_timeline_load_finish (result, &error);

  if (ahead->task != NULL)
    return_to_taker (ahead, timeline, error);
  else
    {
      ahead->timeline = timeline;
      ahead->error = error;
    }
  ahead_release (ahead);
}

void
chrono_timeline_load_ahead (GFile *file)
{
  Ahead *ahead;

  g_return_if_fail (G_IS_FILE (file));

  chrono_timeline_drop_load_ahead ();

  ahead = g_rc_box_new0 (Ahead);
  ahead->file = g_object_ref (file);
  ahead->cancellable = g_cancellable_new ();
  chrono_timeline_load_with_progress_async (file, progress_cb, g_rc_box_acquire (ahead), ahead_release,
                                            ahead->cancellable, loaded_cb, g_rc_box_acquire (ahead));
  waiting = ahead;
}

void
chrono_timeline_drop_load_ahead (void)
{
  Ahead *ahead = g_steal_pointer (&waiting);

  if (ahead == NULL)
    return;

  g_cancellable_cancel (ahead->cancellable);
  ahead_release (ahead);
}

static void
task_cancelled_cb (GCancellable *task_cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

gboolean
_chrono_timeline_take_load_ahead (GFile                  *file,
                                  ChronoLoadProgressFunc  progress,
                                  gpointer                progress_data,
                                  GDestroyNotify          progress_destroy,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  Ahead *ahead = waiting;

  if (ahead == NULL || !g_file_equal (ahead->file, file))
    return FALSE;

  waiting = NULL;
  n_taken++;
  ahead->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (ahead->task, chrono_timeline_load_async);
  ahead->progress = progress;
  ahead->progress_data = progress_data;
  ahead->progress_destroy = progress_destroy;
  if (cancellable != NULL)
    {
      ahead->task_cancellable = g_object_ref (cancellable);
      ahead->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (task_cancelled_cb),
                                                   g_object_ref (ahead->cancellable), g_object_unref);
    }
  if (has_ended (ahead))
    return_to_taker (ahead, g_steal_pointer (&ahead->timeline), g_steal_pointer (&ahead->error));
  ahead_release (ahead);

  return TRUE;
}

guint
_chrono_timeline_n_loads_ahead_taken (void)
{
  return n_taken;
}

gboolean
_chrono_timeline_load_ahead_is_done (void)
{
  return waiting != NULL && has_ended (waiting);
}
