/* test-sliced-write.c — a timeline written out a slice at a time: the same bytes as at
 * once, started again by an edit, finished despite steady edits, stopped by a cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io/chrono-sliced-write.h"
#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-properties.h"
#include "sliced-test-util.h"

#define N_EVENTS 20000

typedef struct
{
  GBytes  *bytes;
  guint64  generation;
  GError  *error;
  gboolean done;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_error (&result->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *out = user_data;

  g_assert_null (object);
  g_assert_false (out->done);
  out->bytes = chrono_sliced_write_finish (result, &out->generation, &out->error);
  g_assert_true ((out->bytes == NULL) != (out->error == NULL));
  out->done = TRUE;
}

static gboolean
is_done (gpointer result)
{
  return ((Result *) result)->done;
}

static gint64
deadline_in_s (int seconds)
{
  return g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
}

/* The bytes written at once, for what the timeline is now. */
static void
assert_written_as_now (Result          *result,
                       ChronoUndoStack *stack)
{
  g_autoptr(GBytes) expected = chrono_timeline_write_native (chrono_undo_stack_get_timeline (stack));

  g_assert_no_error (result->error);
  g_assert_nonnull (result->bytes);
  g_assert_true (g_bytes_equal (result->bytes, expected));
  g_assert_cmpuint (result->generation, ==, chrono_undo_stack_get_generation (stack));
}

/* A small timeline and a large one: the bytes are those written at once, the large one
 * over many slices, none with more than CHRONO_SLICED_WRITE_SLICE_EVENTS events, the
 * main loop getting control back after each. (How long a slice takes is the benchmark's
 * to measure.) */
static void
test_same_bytes (void)
{
  g_autoptr(ChronoTimeline) small = sliced_test_timeline_new (3);
  g_autoptr(ChronoTimeline) large = sliced_test_timeline_new (N_EVENTS * 5);
  ChronoTimeline *timelines[] = { small, large };

  for (guint i = 0; i < G_N_ELEMENTS (timelines); i++)
    {
      g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timelines[i]);
      g_auto(Result) result = { 0 };
      SlicedTestStats stats = { 0 };

      chrono_sliced_write_async (stack, G_PRIORITY_DEFAULT_IDLE, 0, NULL, written_cb, &result);
      g_assert_false (result.done);
      sliced_test_run (&stats, 0, is_done, &result, deadline_in_s (60));
      assert_written_as_now (&result, stack);
      g_test_message ("%u events: %u iterations, the longest %.1f ms", chrono_timeline_get_n_events (timelines[i]),
                      stats.dispatches, stats.longest_ms);
      if (timelines[i] == large)
        g_assert_cmpuint (stats.dispatches, >=, N_EVENTS * 5 / CHRONO_SLICED_WRITE_SLICE_EVENTS + 1);
    }
}

/* Cancelled halfway: G_IO_ERROR_CANCELLED, no slice after, and the timeline let go. The
 * same when cancelled while it waits to start again after an edit, at once and not
 * after the wait; and when cancelled before it starts. */
static void
test_cancel (void)
{
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (N_EVENTS);
      g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_auto(Result) result = { 0 };
      SlicedTestStats stats = { 0 };
      gint64 cancelled;
      guint iterations = 0;

      if (round == 2)
        g_cancellable_cancel (cancellable);
      chrono_sliced_write_async (stack, G_PRIORITY_DEFAULT_IDLE, round == 1 ? 60000 : 0, cancellable,
                                 written_cb, &result);
      if (round < 2)
        {
          sliced_test_run (&stats, 2, NULL, NULL, deadline_in_s (60));
          g_assert_cmpuint (stats.slices, ==, 2);
        }
      if (round == 1)
        {
          sliced_test_rename (stack, "Edited");
          sliced_test_run (&stats, 0, NULL, NULL, g_get_monotonic_time () + G_USEC_PER_SEC / 10);
          g_assert_false (result.done);
        }

      /* One slice finds it cancelled, and the result comes in the next iteration. */
      g_cancellable_cancel (cancellable);
      cancelled = g_get_monotonic_time ();
      while (!result.done && g_get_monotonic_time () < cancelled + 10 * G_USEC_PER_SEC)
        {
          iterations += g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (iterations, <=, 2);
      g_assert_false (g_main_context_pending (NULL));
      g_assert_finalize_object (g_steal_pointer (&stack));
      g_assert_finalize_object (g_steal_pointer (&timeline));
    }
}

/* An edit to what was already written starts it again: the result has the edit; also
 * an edit made around the undo stack. With a delay, it starts again only once the
 * delay has passed, and no slice is written meanwhile. */
static void
test_restart_on_edit (void)
{
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (N_EVENTS * 5);
      g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
      g_auto(Result) result = { 0 };
      guint delay_ms = round == 2 ? 1000 : 0;
      SlicedTestStats stats = { 0 };
      gint64 edited;

      chrono_sliced_write_async (stack, G_PRIORITY_DEFAULT_IDLE, delay_ms, NULL, written_cb, &result);
      sliced_test_run (&stats, 3, is_done, &result, deadline_in_s (60));
      g_assert_false (result.done);

      if (round == 1)
        {
          g_autoptr(ChronoEditProperties) edit =
            chrono_edit_properties_new (chrono_timeline_get_event (timeline, 0), "title", "Edited during the write", NULL);

          chrono_edit_apply (CHRONO_EDIT (edit), timeline);
        }
      else
        sliced_test_rename (stack, "Edited during the write");
      edited = g_get_monotonic_time ();
      stats.slices = 0;
      stats.dispatches = 0;
      if (delay_ms > 0)
        {
          sliced_test_run (&stats, 0, is_done, &result, edited + delay_ms * 800);
          g_assert_false (result.done);
          /* The slice already due, and no other: counted by what was dispatched, as an
           * iteration that dispatches nothing can take a quarter of a millisecond too on
           * a busy machine. */
          g_assert_cmpuint (stats.dispatches, <=, 1);
        }
      sliced_test_run (&stats, 0, is_done, &result, deadline_in_s (60));
      assert_written_as_now (&result, stack);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (result.bytes, NULL), g_bytes_get_size (result.bytes),
                                      "Edited during the write"));
      g_assert_cmpint (g_get_monotonic_time () - edited, >=, delay_ms * 1000);
      /* Started again, not finished at once. */
      g_assert_cmpuint (stats.dispatches, >=, N_EVENTS * 5 / CHRONO_SLICED_WRITE_SLICE_EVENTS + 1);
    }
}

/* An edit after every slice: after the second start, it is written at once, with the
 * last edit. */
static void
test_steady_edits (void)
{
  g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (N_EVENTS * 5);
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_auto(Result) result = { 0 };
  gint64 deadline = deadline_in_s (60);
  guint edits = 0;

  chrono_sliced_write_async (stack, G_PRIORITY_DEFAULT_IDLE, 0, NULL, written_cb, &result);
  while (!result.done && edits < 10 && g_get_monotonic_time () < deadline)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", ++edits);
      SlicedTestStats stats = { 0 };

      sliced_test_rename (stack, title);
      sliced_test_run (&stats, 1, is_done, &result, deadline);
    }
  g_test_message ("written after %u edits", edits);
  g_assert_true (result.done);
  g_assert_cmpuint (edits, ==, 2);
  assert_written_as_now (&result, stack);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (result.bytes, NULL), g_bytes_get_size (result.bytes),
                                  "Edit 2"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/sliced-write/same-bytes", test_same_bytes);
  g_test_add_func ("/io/sliced-write/cancel", test_cancel);
  g_test_add_func ("/io/sliced-write/restart-on-edit", test_restart_on_edit);
  g_test_add_func ("/io/sliced-write/steady-edits", test_steady_edits);

  return g_test_run ();
}
