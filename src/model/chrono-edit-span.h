/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EDIT_SPAN (chrono_edit_span_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEditSpan, chrono_edit_span, CHRONO, EDIT_SPAN, ChronoEdit)

/* Moves or resizes an event: sets its start and end (NULL for a moment), which moves it
 * in the timeline's order. */
ChronoEditSpan *chrono_edit_span_new (ChronoEvent      *event,
                                      const ChronoDate *start,
                                      const ChronoDate *end);

G_END_DECLS
