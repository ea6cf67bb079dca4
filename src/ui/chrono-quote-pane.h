/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_QUOTE_PANE (chrono_quote_pane_get_type ())
G_DECLARE_FINAL_TYPE (ChronoQuotePane, chrono_quote_pane, CHRONO, QUOTE_PANE, GtkWidget)

ChronoEvent    *chrono_quote_pane_get_event         (ChronoQuotePane *self);
void            chrono_quote_pane_set_event         (ChronoQuotePane *self,
                                                     ChronoEvent     *event);
ChronoTimeline *chrono_quote_pane_get_timeline      (ChronoQuotePane *self);
void            chrono_quote_pane_set_timeline      (ChronoQuotePane *self,
                                                     ChronoTimeline  *timeline);
gboolean        chrono_quote_pane_get_show_original (ChronoQuotePane *self);
void            chrono_quote_pane_set_show_original (ChronoQuotePane *self,
                                                     gboolean         show_original);

G_END_DECLS
