/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_EDIT_PROPERTIES (chrono_edit_properties_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEditProperties, chrono_edit_properties, CHRONO, EDIT_PROPERTIES, ChronoEdit)

/* Sets properties of one object of the model (an event's title, a quote's translation,
 * a category's colour…), as g_object_set() would; reverting puts back the values they
 * had when it was applied. */
ChronoEditProperties *chrono_edit_properties_new        (gpointer              object,
                                                         const char           *first_property_name,
                                                         ...) G_GNUC_NULL_TERMINATED;
ChronoEditProperties *chrono_edit_properties_new_empty  (gpointer              object);
void                  chrono_edit_properties_add_value  (ChronoEditProperties *self,
                                                         const char           *property_name,
                                                         const GValue         *value);
gpointer              chrono_edit_properties_get_object (ChronoEditProperties *self);
/* Whether applying it now would change nothing, e.g. an editor closed untouched. */
gboolean              chrono_edit_properties_is_noop    (ChronoEditProperties *self);

G_END_DECLS
