/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* Every readable property of the timeline and of everything in it, in order, one
 * object a line; other objects by their id. All the model holds, whether or not the
 * writer writes it. */
char *model_dump (ChronoTimeline *timeline);

G_END_DECLS
