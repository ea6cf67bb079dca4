/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EDIT (chrono_edit_get_type ())
G_DECLARE_DERIVABLE_TYPE (ChronoEdit, chrono_edit, CHRONO, EDIT, GObject)

/* One change to a sealed timeline that can be applied and reverted, for the undo stack.
 * An edit notes what it replaces when it is applied, so it must be applied and reverted
 * in turn, to the timeline in the state it left it. */
struct _ChronoEditClass
{
  GObjectClass parent_class;

  void (*apply)  (ChronoEdit     *self,
                  ChronoTimeline *timeline);
  void (*revert) (ChronoEdit     *self,
                  ChronoTimeline *timeline);
};

/* Both emit ChronoTimeline::changed once, after the change. */
void        chrono_edit_apply     (ChronoEdit     *self,
                                   ChronoTimeline *timeline);
void        chrono_edit_revert    (ChronoEdit     *self,
                                   ChronoTimeline *timeline);
/* What the edit does, for people (“Move Event”); NULL when not given. */
const char *chrono_edit_get_label (ChronoEdit     *self);
void        chrono_edit_set_label (ChronoEdit     *self,
                                   const char     *label);

G_END_DECLS
