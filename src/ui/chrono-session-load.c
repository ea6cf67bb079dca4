/* chrono-session-load.c — reading a file into the session, with progress and Cancel,
 * once the saves of it are done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-session"

#include "config.h"

#include "chrono-session-private.h"
#include "io/chrono-timeline-reader.h"

typedef struct
{
  GWeakRef      session;
  GFile        *file;
  guint         serial;
  gboolean      builtin;
  GCancellable *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_weak_ref_clear (&data->session);
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
set_opening_file (ChronoSession *self,
                  GFile         *file)
{
  if (g_set_object (&self->opening_file, file))
    g_object_notify (G_OBJECT (self), "opening-file");
}

static void
set_progress (ChronoSession *self,
              double         progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify (G_OBJECT (self), "progress");
}

static void
set_waiting_for_save (ChronoSession *self,
                      gboolean       waiting)
{
  if (self->waiting_for_save == waiting)
    return;

  self->waiting_for_save = waiting;
  g_object_notify (G_OBJECT (self), "waiting-for-save");
}

static void
stop_opening (ChronoSession *self)
{
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  set_waiting_for_save (self, FALSE);
  set_opening_file (self, NULL);
}

/* Takes @data. */
static void
load_done (LoadData       *data_,
           ChronoTimeline *timeline,
           const GError   *error)
{
  g_autoptr(LoadData) data = data_;
  g_autoptr(ChronoSession) self = g_weak_ref_get (&data->session);

  if (self == NULL)
    return;

  self->pending_loads--;

  if (!data->builtin && data->serial == self->load_serial)
    stop_opening (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (timeline == NULL)
    g_signal_emit_by_name (self, "load-failed", data->file, error);
  /* A newer request already won: an older load finishing late must not replace it. */
  else if (data->serial > self->applied_serial)
    {
      self->applied_serial = data->serial;
      _chrono_session_apply_timeline (self, timeline, data->file, data->builtin);
    }

  if (self->pending_loads == 0)
    g_object_notify (G_OBJECT (self), "loading");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = chrono_timeline_load_finish (result, &error);
  load_done (user_data, timeline, error);
}

typedef struct
{
  GWeakRef session;
  guint    serial;
} ProgressData;

static void
progress_data_free (ProgressData *data)
{
  g_weak_ref_clear (&data->session);
  g_free (data);
}

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  ProgressData *data = user_data;
  g_autoptr(ChronoSession) self = g_weak_ref_get (&data->session);

  /* A reader that gives up on its fast way reads again from the start: the bar waits
   * for it instead of going back. */
  if (self != NULL && data->serial == self->load_serial)
    set_progress (self, MAX (fraction, chrono_session_get_progress (self)));
}

static void
read_file (gpointer user_data)
{
  LoadData *data = user_data;
  g_autoptr(ChronoSession) self = NULL;
  g_autoptr(GError) error = NULL;
  ProgressData *progress;

  /* Cancelled while it waited for a save. */
  if (g_cancellable_set_error_if_cancelled (data->cancellable, &error))
    {
      load_done (data, NULL, error);
      return;
    }

  self = g_weak_ref_get (&data->session);
  if (self != NULL && data->serial == self->load_serial)
    set_waiting_for_save (self, FALSE);
  progress = g_new0 (ProgressData, 1);
  g_weak_ref_init (&progress->session, self);
  progress->serial = data->serial;
  chrono_timeline_load_with_progress_async (data->file, load_progress_cb, progress,
                                            (GDestroyNotify) progress_data_free,
                                            data->cancellable, load_cb, data);
}

void
chrono_session_load (ChronoSession *self,
                     GFile         *file,
                     gboolean       builtin)
{
  LoadData *data;

  g_return_if_fail (CHRONO_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  g_weak_ref_init (&data->session, self);
  data->file = g_object_ref (file);
  data->serial = ++self->load_serial;
  data->builtin = builtin;

  if (self->pending_loads++ == 0)
    g_object_notify (G_OBJECT (self), "loading");

  if (builtin)
    {
      chrono_timeline_load_async (file, self->cancellable, load_cb, data);
      return;
    }

  /* Opening another file supersedes this one, and Cancel stops it. The views are told
   * once, what the file waits for too. */
  g_object_freeze_notify (G_OBJECT (self));
  stop_opening (self);
  self->file_cancellable = g_cancellable_new ();
  set_progress (self, 0);
  set_opening_file (self, file);

  data->cancellable = g_object_ref (self->file_cancellable);
  /* A file that a save is still writing shows what the save wrote. */
  if (_chrono_session_writing_wait (file, data->cancellable, read_file, data))
    set_waiting_for_save (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
chrono_session_cancel_load (ChronoSession *self)
{
  g_return_if_fail (CHRONO_IS_SESSION (self));

  stop_opening (self);
}

gboolean
chrono_session_get_loading (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);

  return self->pending_loads > 0;
}

GFile *
chrono_session_get_opening_file (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->opening_file;
}

gboolean
chrono_session_get_waiting_for_save (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);

  return self->waiting_for_save;
}

double
chrono_session_get_progress (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), 0);

  return self->progress;
}
