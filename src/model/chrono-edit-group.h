/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EDIT_GROUP (chrono_edit_group_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEditGroup, chrono_edit_group, CHRONO, EDIT_GROUP, ChronoEdit)

/* Several edits as one step: applied in order, reverted in reverse order. */
ChronoEditGroup *chrono_edit_group_new     (const char      *label);
/* Takes a reference to @edit, which must not have been applied. */
void             chrono_edit_group_add     (ChronoEditGroup *self,
                                            ChronoEdit      *edit);
guint            chrono_edit_group_get_size (ChronoEditGroup *self);

G_END_DECLS
