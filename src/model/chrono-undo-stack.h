/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_UNDO_STACK (chrono_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (ChronoUndoStack, chrono_undo_stack, CHRONO, UNDO_STACK, GObject)

/* The edits made to one timeline, for undo and redo: one entry per user action, no limit.
 * “modified” is whether the timeline differs from what was last saved (or loaded): it
 * turns false again when undo or redo come back to that point. */
ChronoUndoStack *chrono_undo_stack_new            (ChronoTimeline  *timeline);
ChronoTimeline  *chrono_undo_stack_get_timeline   (ChronoUndoStack *self);
/* Applies @edit to the timeline and records it; what could be redone is dropped. */
void             chrono_undo_stack_push           (ChronoUndoStack *self,
                                                   ChronoEdit      *edit);
gboolean         chrono_undo_stack_undo           (ChronoUndoStack *self);
gboolean         chrono_undo_stack_redo           (ChronoUndoStack *self);
gboolean         chrono_undo_stack_get_can_undo   (ChronoUndoStack *self);
gboolean         chrono_undo_stack_get_can_redo   (ChronoUndoStack *self);
/* The edits that undo and redo would revert and apply next, or NULL. */
ChronoEdit      *chrono_undo_stack_peek_undo      (ChronoUndoStack *self);
ChronoEdit      *chrono_undo_stack_peek_redo      (ChronoUndoStack *self);
gboolean         chrono_undo_stack_get_modified   (ChronoUndoStack *self);
/* The timeline as it is now is what its file holds. */
void             chrono_undo_stack_set_unmodified (ChronoUndoStack *self);
/* The timeline differs from its file at every point of the stack (a recovered copy). */
void             chrono_undo_stack_set_modified   (ChronoUndoStack *self);
/* A counter that grows with every push, undo and redo: autosave compares it with the
 * one it wrote to tell whether its copy is still current. */
guint64          chrono_undo_stack_get_generation (ChronoUndoStack *self);

G_END_DECLS
