/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHRONO_TYPE_PARTIAL_SELECTION (chrono_partial_selection_get_type ())
G_DECLARE_FINAL_TYPE (ChronoPartialSelection, chrono_partial_selection, CHRONO, PARTIAL_SELECTION, GObject)

/* A selection model that shows the first items of another, as many as its limit lets
 * through, with the same selection: a list view makes a row for each item it is given
 * (GTK 4.8 for up to 200 at once), so a list that only needs the rows that fit in the
 * window at first can take the others later. */
ChronoPartialSelection *chrono_partial_selection_new       (GtkSelectionModel      *model);
GtkSelectionModel      *chrono_partial_selection_get_model (ChronoPartialSelection *self);
void                    chrono_partial_selection_set_model (ChronoPartialSelection *self,
                                                            GtkSelectionModel      *model);
guint                   chrono_partial_selection_get_limit (ChronoPartialSelection *self);
void                    chrono_partial_selection_set_limit (ChronoPartialSelection *self,
                                                            guint                   limit);
void                    chrono_partial_selection_grow      (ChronoPartialSelection *self,
                                                            guint                   n_items);

G_END_DECLS
