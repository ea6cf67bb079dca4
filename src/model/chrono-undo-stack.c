/* chrono-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-undo-stack"

#include "config.h"

#include "chrono-undo-stack.h"

/* edits[0, position) have been applied; edits[position, len) were undone and can be
 * redone. saved is the position the file matches, or G_MAXUINT once that state cannot
 * be reached again (its redo branch was dropped). */
struct _ChronoUndoStack
{
  GObject parent_instance;

  ChronoTimeline *timeline;
  GPtrArray *edits;
  guint position;
  guint saved;
  guint64 generation;
};

G_DEFINE_FINAL_TYPE (ChronoUndoStack, chrono_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_undo_stack_dispose (GObject *object)
{
  ChronoUndoStack *self = CHRONO_UNDO_STACK (object);

  g_clear_object (&self->timeline);
  g_clear_pointer (&self->edits, g_ptr_array_unref);

  G_OBJECT_CLASS (chrono_undo_stack_parent_class)->dispose (object);
}

static void
chrono_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronoUndoStack *self = CHRONO_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, chrono_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, chrono_undo_stack_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, chrono_undo_stack_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_undo_stack_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronoUndoStack *self = CHRONO_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      self->timeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_undo_stack_class_init (ChronoUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chrono_undo_stack_dispose;
  object_class->get_property = chrono_undo_stack_get_property;
  object_class->set_property = chrono_undo_stack_set_property;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL, CHRONO_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_undo_stack_init (ChronoUndoStack *self)
{
  self->edits = g_ptr_array_new_with_free_func (g_object_unref);
}

ChronoUndoStack *
chrono_undo_stack_new (ChronoTimeline *timeline)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);

  return g_object_new (CHRONO_TYPE_UNDO_STACK, "timeline", timeline, NULL);
}

ChronoTimeline *
chrono_undo_stack_get_timeline (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), NULL);

  return self->timeline;
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (ChronoUndoStack *self)
{
  return (State) {
    chrono_undo_stack_get_can_undo (self),
    chrono_undo_stack_get_can_redo (self),
    chrono_undo_stack_get_modified (self),
  };
}

static void
notify_changes (ChronoUndoStack *self,
                State            before)
{
  State after = get_state (self);

  self->generation++;

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
chrono_undo_stack_push (ChronoUndoStack *self,
                        ChronoEdit      *edit)
{
  State before;

  g_return_if_fail (CHRONO_IS_UNDO_STACK (self));
  g_return_if_fail (CHRONO_IS_EDIT (edit));

  before = get_state (self);

  if (self->position < self->edits->len)
    {
      if (self->saved > self->position && self->saved != G_MAXUINT)
        self->saved = G_MAXUINT;
      g_ptr_array_set_size (self->edits, self->position);
    }

  g_ptr_array_add (self->edits, g_object_ref (edit));
  self->position++;
  chrono_edit_apply (edit, self->timeline);

  notify_changes (self, before);
}

gboolean
chrono_undo_stack_undo (ChronoUndoStack *self)
{
  State before;

  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), FALSE);

  if (self->position == 0)
    return FALSE;

  before = get_state (self);
  self->position--;
  chrono_edit_revert (g_ptr_array_index (self->edits, self->position), self->timeline);
  notify_changes (self, before);

  return TRUE;
}

gboolean
chrono_undo_stack_redo (ChronoUndoStack *self)
{
  State before;

  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), FALSE);

  if (self->position == self->edits->len)
    return FALSE;

  before = get_state (self);
  chrono_edit_apply (g_ptr_array_index (self->edits, self->position), self->timeline);
  self->position++;
  notify_changes (self, before);

  return TRUE;
}

gboolean
chrono_undo_stack_get_can_undo (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), FALSE);

  return self->position > 0;
}

gboolean
chrono_undo_stack_get_can_redo (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), FALSE);

  return self->position < self->edits->len;
}

ChronoEdit *
chrono_undo_stack_peek_undo (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), NULL);

  return self->position > 0 ? g_ptr_array_index (self->edits, self->position - 1) : NULL;
}

ChronoEdit *
chrono_undo_stack_peek_redo (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), NULL);

  return self->position < self->edits->len ? g_ptr_array_index (self->edits, self->position) : NULL;
}

gboolean
chrono_undo_stack_get_modified (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), FALSE);

  return self->position != self->saved;
}

void
chrono_undo_stack_set_unmodified (ChronoUndoStack *self)
{
  gboolean was_modified;

  g_return_if_fail (CHRONO_IS_UNDO_STACK (self));

  was_modified = chrono_undo_stack_get_modified (self);
  self->saved = self->position;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
chrono_undo_stack_set_modified (ChronoUndoStack *self)
{
  gboolean was_modified;

  g_return_if_fail (CHRONO_IS_UNDO_STACK (self));

  was_modified = chrono_undo_stack_get_modified (self);
  self->saved = G_MAXUINT;
  if (!was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

guint64
chrono_undo_stack_get_generation (ChronoUndoStack *self)
{
  g_return_val_if_fail (CHRONO_IS_UNDO_STACK (self), 0);

  return self->generation;
}
