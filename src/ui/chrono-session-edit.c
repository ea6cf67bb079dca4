/* chrono-session-edit.c — edits of the session's timeline, undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-session"

#include "config.h"

#include <time.h>

#include "chrono-session-private.h"
#include "model/chrono-undo-stack.h"

static void end_edit_cb (ChronoSession *self);

/* A change of the events that no "changed" ends (a timeline changed by hand, not by an
 * edit) ends before the main loop goes on. */
static gboolean
end_edit_idle_cb (gpointer data)
{
  ChronoSession *self = data;

  self->end_edit_id = 0;
  end_edit_cb (self);

  return G_SOURCE_REMOVE;
}

/* An edit that moves the selected event tells it as the event going from its old place
 * and coming to its new one, and the selection loses it in between. So from the first
 * change of the timeline's events (before the list takes it in) to the end of the edit,
 * the session holds the selected event; then it selects it again, and notifies
 * :selected-event only when another event (or none) is selected, so that the views do
 * not go after the event they show already. */
static void
begin_edit_cb (ChronoSession *self)
{
  if (self->editing)
    return;

  self->editing = TRUE;
  g_set_object (&self->edited_selection, chrono_session_get_selected_event (self));
  g_signal_handlers_block_by_func (self->selection, _chrono_session_selected_item_cb, self);
  self->end_edit_id = g_idle_add_full (G_PRIORITY_HIGH, end_edit_idle_cb, self, NULL);
}

static void
end_edit_cb (ChronoSession *self)
{
  g_autoptr(ChronoEvent) selected = g_steal_pointer (&self->edited_selection);

  if (!self->editing)
    return;

  self->editing = FALSE;
  g_clear_handle_id (&self->end_edit_id, g_source_remove);
  if (selected != NULL && chrono_session_get_selected_event (self) != selected &&
      chrono_timeline_get_position (self->timeline, selected) != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, chrono_event_index_find (self->events, selected));
  g_signal_handlers_unblock_by_func (self->selection, _chrono_session_selected_item_cb, self);

  if (chrono_session_get_selected_event (self) != selected)
    g_object_notify (G_OBJECT (self), "selected-event");
}

/* Whether every event is on one date, [start, end) being the whole span: then some
 * moment without an end covers that span, and, sorted by start and then by end, it is
 * the last of the events that start first. */
static gboolean
is_one_moment (ChronoTimeline *timeline,
               ChronoTime      start,
               ChronoTime      end)
{
  const ChronoTime *starts = chrono_timeline_get_start_times (timeline);
  guint lo = 0, hi = chrono_timeline_get_n_events (timeline);

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] == start)
        lo = mid;
      else
        hi = mid;
    }

  return chrono_timeline_get_end_times (timeline)[lo] == end &&
         chrono_event_get_end (chrono_timeline_get_event (timeline, lo)) == NULL;
}

gboolean
_chrono_session_fit_document_span (ChronoSession *self)
{
  ChronoTime start, end;

  if (!chrono_timeline_get_span (self->timeline, &start, &end))
    return FALSE;

  if (is_one_moment (self->timeline, start, end))
    chrono_viewport_set_document_moment (self->viewport, start, end);
  else
    chrono_viewport_set_document_span (self->viewport, start, end);
  return TRUE;
}

/* Before the views redraw, so that they see an edited event within the span. An edit only
 * widens it: it never moves the view, and what could be reached before still can (the first
 * event of a new timeline would otherwise shrink this year to that moment). */
static void
widen_document_span (ChronoSession *self)
{
  ChronoTime start, end;
  gint64 document_start, document_end;

  if (!chrono_timeline_get_span (self->timeline, &start, &end))
    return;

  g_object_get (self->viewport, "document-start", &document_start, "document-end", &document_end, NULL);
  chrono_viewport_set_document_span (self->viewport, MIN (start, document_start), MAX (end, document_end));
}

static void
timeline_changed_cb (ChronoSession *self)
{
  end_edit_cb (self);
  widen_document_span (self);
  g_signal_emit_by_name (self, "edited");
}

void
_chrono_session_init_edits (ChronoSession *self)
{
  self->timeline_signals = g_signal_group_new (CHRONO_TYPE_TIMELINE);
  g_signal_group_connect_swapped (self->timeline_signals, "changed", G_CALLBACK (timeline_changed_cb), self);
  self->timeline_events_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->timeline_events_signals, "items-changed", G_CALLBACK (begin_edit_cb), self);
}

void
_chrono_session_dispose_edits (ChronoSession *self)
{
  end_edit_cb (self);
  g_clear_object (&self->timeline_signals);
  g_clear_object (&self->timeline_events_signals);
}

void
_chrono_session_watch_edits (ChronoSession  *self,
                             ChronoTimeline *timeline)
{
  end_edit_cb (self);
  g_signal_group_set_target (self->timeline_signals, timeline);
  g_signal_group_set_target (self->timeline_events_signals, timeline != NULL ? chrono_timeline_get_events (timeline) : NULL);
}

gboolean
chrono_session_get_modified (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);

  return self->undo_stack != NULL && chrono_undo_stack_get_modified (self->undo_stack);
}

ChronoUndoStack *
chrono_session_get_undo_stack (ChronoSession *self)
{
  g_return_val_if_fail (CHRONO_IS_SESSION (self), NULL);

  return self->undo_stack;
}

/* CHRONO_DEBUG=frames also prints how long the main thread was busy with each edit,
 * undo or redo, with every handler of what it changed (the list, the selection, the
 * list view, the editors). */
static void
edit_clock (gint64 t[2])
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  t[0] = g_get_monotonic_time ();
  t[1] = (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Wall clock, and this thread's CPU time (on a machine busy with other work). */
static void
debug_edit (const char   *what,
            const gint64  begin[2])
{
  gint64 end[2];

  static gsize once = 0;
  static gboolean enabled = FALSE;

  if (g_once_init_enter (&once))
    {
      const GDebugKey keys[] = { { "frames", 1 } };

      enabled = g_parse_debug_string (g_getenv ("CHRONO_DEBUG"), keys, G_N_ELEMENTS (keys)) != 0;
      g_once_init_leave (&once, 1);
    }

  if (!enabled)
    return;

  edit_clock (end);
  g_printerr ("edit: %s, %.2f ms (CPU %.2f ms)\n", what, (end[0] - begin[0]) / 1000.0, (end[1] - begin[1]) / 1000.0);
}

/* Applies @edit to the timeline as one step that can be undone. The built-in timeline
 * is not edited: FALSE then, and the edit is dropped. */
gboolean
chrono_session_push_edit (ChronoSession *self,
                          ChronoEdit    *edit)
{
  gint64 begin[2];

  g_return_val_if_fail (CHRONO_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CHRONO_IS_EDIT (edit), FALSE);

  if (self->undo_stack == NULL || self->builtin)
    return FALSE;

  edit_clock (begin);
  chrono_undo_stack_push (self->undo_stack, edit);
  debug_edit (G_OBJECT_TYPE_NAME (edit), begin);
  return TRUE;
}

void
chrono_session_undo (ChronoSession *self)
{
  gint64 begin[2];

  g_return_if_fail (CHRONO_IS_SESSION (self));

  edit_clock (begin);
  if (self->undo_stack != NULL)
    chrono_undo_stack_undo (self->undo_stack);
  debug_edit ("undo", begin);
}

void
chrono_session_redo (ChronoSession *self)
{
  gint64 begin[2];

  g_return_if_fail (CHRONO_IS_SESSION (self));

  edit_clock (begin);
  if (self->undo_stack != NULL)
    chrono_undo_stack_redo (self->undo_stack);
  debug_edit ("redo", begin);
}
