/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-quote.h"

G_BEGIN_DECLS

/* Called by the event that takes the quote; the pointer is not a reference. */
void _chrono_quote_set_event (ChronoQuote *self,
                              ChronoEvent *event);

G_END_DECLS

