/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-date.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_DATE_ENTRY (chrono_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (ChronoDateEntry, chrono_date_entry, CHRONO, DATE_ENTRY, GtkWidget)

/* A date typed as EDTF-like text (2022, 2022-11, 2022-11-30, 2022-11-30T18:00), with
 * checks for “approximate”, “uncertain” and “BCE”, and below it the date as the user
 * reads it (“around 30 November 2022”) or, in red, why it is not a date. An optional
 * entry may be left empty: then there is no date, and that is valid. */
GtkWidget        *chrono_date_entry_new          (void);
gboolean          chrono_date_entry_get_optional (ChronoDateEntry  *self);
void              chrono_date_entry_set_optional (ChronoDateEntry  *self,
                                                  gboolean          optional);
/* The end of a span, below its start in the same form: its boxes have other access
 * keys than a start's. */
gboolean          chrono_date_entry_get_end      (ChronoDateEntry  *self);
void              chrono_date_entry_set_end      (ChronoDateEntry  *self,
                                                  gboolean          end);
/* NULL clears the entry. */
void              chrono_date_entry_set_date     (ChronoDateEntry  *self,
                                                  const ChronoDate *date);
/* FALSE when what is typed is not a date (then @error says why); TRUE and *@has_date
 * FALSE when an optional entry is empty. */
gboolean          chrono_date_entry_get_date     (ChronoDateEntry  *self,
                                                  ChronoDate       *out_date,
                                                  gboolean         *has_date,
                                                  GError          **error);
gboolean          chrono_date_entry_get_valid    (ChronoDateEntry  *self);
/* Marks the entry wrong with @message (e.g. “ends before it starts”), or clears that. */
void              chrono_date_entry_set_problem  (ChronoDateEntry  *self,
                                                  const char       *message);
/* Why what is typed is not a date shows once the user has edited the entry; this shows
 * it before, as when they try to confirm an empty one. */
void              chrono_date_entry_show_problem (ChronoDateEntry  *self);
GtkEditable      *chrono_date_entry_get_editable (ChronoDateEntry  *self);

G_END_DECLS
