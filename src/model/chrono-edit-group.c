/* chrono-edit-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-edit-group"

#include "config.h"

#include "chrono-edit-group.h"

struct _ChronoEditGroup
{
  ChronoEdit parent_instance;

  GPtrArray *edits;
};

G_DEFINE_FINAL_TYPE (ChronoEditGroup, chrono_edit_group, CHRONO_TYPE_EDIT)

static void
chrono_edit_group_apply (ChronoEdit     *edit,
                         ChronoTimeline *timeline)
{
  ChronoEditGroup *self = CHRONO_EDIT_GROUP (edit);

  for (guint i = 0; i < self->edits->len; i++)
    {
      ChronoEdit *child = g_ptr_array_index (self->edits, i);

      CHRONO_EDIT_GET_CLASS (child)->apply (child, timeline);
    }
}

static void
chrono_edit_group_revert (ChronoEdit     *edit,
                          ChronoTimeline *timeline)
{
  ChronoEditGroup *self = CHRONO_EDIT_GROUP (edit);

  for (guint i = self->edits->len; i > 0; i--)
    {
      ChronoEdit *child = g_ptr_array_index (self->edits, i - 1);

      CHRONO_EDIT_GET_CLASS (child)->revert (child, timeline);
    }
}

static void
chrono_edit_group_finalize (GObject *object)
{
  ChronoEditGroup *self = CHRONO_EDIT_GROUP (object);

  g_clear_pointer (&self->edits, g_ptr_array_unref);

  G_OBJECT_CLASS (chrono_edit_group_parent_class)->finalize (object);
}

static void
chrono_edit_group_class_init (ChronoEditGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ChronoEditClass *edit_class = CHRONO_EDIT_CLASS (klass);

  object_class->finalize = chrono_edit_group_finalize;
  edit_class->apply = chrono_edit_group_apply;
  edit_class->revert = chrono_edit_group_revert;
}

static void
chrono_edit_group_init (ChronoEditGroup *self)
{
  self->edits = g_ptr_array_new_with_free_func (g_object_unref);
}

ChronoEditGroup *
chrono_edit_group_new (const char *label)
{
  return g_object_new (CHRONO_TYPE_EDIT_GROUP, "label", label, NULL);
}

void
chrono_edit_group_add (ChronoEditGroup *self,
                       ChronoEdit      *edit)
{
  g_return_if_fail (CHRONO_IS_EDIT_GROUP (self));
  g_return_if_fail (CHRONO_IS_EDIT (edit));

  g_ptr_array_add (self->edits, g_object_ref (edit));
}

guint
chrono_edit_group_get_size (ChronoEditGroup *self)
{
  g_return_val_if_fail (CHRONO_IS_EDIT_GROUP (self), 0);

  return self->edits->len;
}
