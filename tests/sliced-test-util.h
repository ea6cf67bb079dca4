/* sliced-test-util.h — a timeline large enough that writing it out takes many slices,
 * and the main loop run a slice at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/chrono-undo-stack.h"

G_BEGIN_DECLS

/* @n events "e0" … with a category, a title and a summary each; sealed. */
ChronoTimeline *sliced_test_timeline_new (guint n);

/* Renames the first event, the one a writer writes first, through @stack. */
void            sliced_test_rename       (ChronoUndoStack *stack,
                                          const char      *title);

typedef struct
{
  guint  slices;       /* iterations that did work: more than 0.25 ms of CPU */
  guint  dispatches;   /* iterations that dispatched anything (a slice, a timeout, a result) */
  double busy_ms;      /* figures for g_test_message (), not for assertions */
  double longest_ms;
} SlicedTestStats;

/* Iterates the main loop without blocking, 0.1 ms apart, until @stats counts @slices
 * more slices (0: any number), @done (@data) is true (@done may be NULL) or @deadline (monotonic) passes.
 * Each iteration is timed in this thread's CPU time: one that took more than 0.25 ms
 * wrote, where the bookkeeping of timeouts and results takes far less, so that a test can
 * place an edit a few slices into a write. Assertions on how a write is sliced count
 * @dispatches, which do not depend on how fast the machine is. */
void sliced_test_run (SlicedTestStats *stats,
                      guint            slices,
                      gboolean       (*done) (gpointer data),
                      gpointer         data,
                      gint64           deadline);

G_END_DECLS
