/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_QUOTE_EDITOR (chrono_quote_editor_get_type ())
G_DECLARE_FINAL_TYPE (ChronoQuoteEditor, chrono_quote_editor, CHRONO, QUOTE_EDITOR, AdwWindow)

/* A window to write or change one quote of @event: the words in their own language
 * with its code, an optional translation in another, the speaker, the context, the
 * source and when the words were said. @quote NULL makes a new one. "done" asks the
 * owner to take the edit it builds; Cancel closes it. */
ChronoQuoteEditor *chrono_quote_editor_new        (GtkWindow         *parent,
                                                   ChronoTimeline    *timeline,
                                                   ChronoEvent       *event,
                                                   ChronoQuote       *quote);
/* The edit that adds the quote or makes it what the form says; NULL when nothing changed
 * or something is wrong (then *@valid is FALSE and the form says what, beside it). */
ChronoEdit        *chrono_quote_editor_build_edit (ChronoQuoteEditor *self,
                                                   gboolean          *valid);

G_END_DECLS
