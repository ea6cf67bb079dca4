/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-event.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EVENT_ROW (chrono_event_row_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEventRow, chrono_event_row, CHRONO, EVENT_ROW, GtkWidget)

ChronoEvent *chrono_event_row_get_event (ChronoEventRow *self);
void         chrono_event_row_set_event (ChronoEventRow *self,
                                         ChronoEvent    *event);

G_END_DECLS
