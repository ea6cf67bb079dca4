/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-event.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_QUOTE_ROW (chrono_quote_row_get_type ())
G_DECLARE_FINAL_TYPE (ChronoQuoteRow, chrono_quote_row, CHRONO, QUOTE_ROW, GtkWidget)

GtkWidget   *chrono_quote_row_new               (void);
ChronoQuote *chrono_quote_row_get_quote         (ChronoQuoteRow *self);
void         chrono_quote_row_set_quote         (ChronoQuoteRow *self,
                                                 ChronoQuote    *quote);
gboolean     chrono_quote_row_get_show_original (ChronoQuoteRow *self);
void         chrono_quote_row_set_show_original (ChronoQuoteRow *self,
                                                 gboolean        show_original);

G_END_DECLS
