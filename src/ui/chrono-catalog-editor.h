/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/chrono-edit.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_CATALOG_EDITOR (chrono_catalog_editor_get_type ())
G_DECLARE_FINAL_TYPE (ChronoCatalogEditor, chrono_catalog_editor, CHRONO, CATALOG_EDITOR, AdwWindow)

/* A window to write or change one source (title, author, publisher, date, web address),
 * category (name, colour from a palette made for light and dark themes) or era (name,
 * start, end) of @timeline. @item is the one to change, or NULL with @type
 * (CHRONO_TYPE_SOURCE, CHRONO_TYPE_CATEGORY or CHRONO_TYPE_ERA) for a new one. "done"
 * asks the owner to take the edit it builds; Cancel closes it. */
ChronoCatalogEditor *chrono_catalog_editor_new        (GtkWindow           *parent,
                                                       ChronoTimeline      *timeline,
                                                       GType                type,
                                                       gpointer             item);
/* The edit that adds the item or makes it what the form says; NULL when nothing changed
 * or something is wrong (then *@valid is FALSE and the form says what, beside it). */
ChronoEdit          *chrono_catalog_editor_build_edit (ChronoCatalogEditor *self,
                                                       gboolean            *valid);

/* The palette categories take their colours from: @n_colors pairs of a colour for light
 * themes and one for dark themes, each with a name for people. */
typedef struct
{
  const char *color;
  const char *dark_color;
  const char *name;
} ChronoPaletteColor;

const ChronoPaletteColor *chrono_catalog_get_palette (guint *n_colors);

G_END_DECLS
