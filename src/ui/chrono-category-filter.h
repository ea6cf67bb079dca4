/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "chrono-session.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_CATEGORY_FILTER (chrono_category_filter_get_type ())
G_DECLARE_FINAL_TYPE (ChronoCategoryFilter, chrono_category_filter, CHRONO, CATEGORY_FILTER, GtkWidget)

/* A menu button with a check for each of the session's categories: unticking one hides
 * its events through the session's filter. */
ChronoSession *chrono_category_filter_get_session (ChronoCategoryFilter *self);
void           chrono_category_filter_set_session (ChronoCategoryFilter *self,
                                                   ChronoSession        *session);

G_END_DECLS
