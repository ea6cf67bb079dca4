/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHRONO_TYPE_CATEGORY (chrono_category_get_type ())
G_DECLARE_FINAL_TYPE (ChronoCategory, chrono_category, CHRONO, CATEGORY, GObject)

/* Colours are "#rrggbb"; dark_color may be NULL, meaning "use color"
 * (chrono_category_get_dark_color() then returns color). */
ChronoCategory *chrono_category_new            (const char     *id,
                                                const char     *name,
                                                const char     *color,
                                                const char     *dark_color);
const char     *chrono_category_get_id         (ChronoCategory *self);
const char     *chrono_category_get_name       (ChronoCategory *self);
const char     *chrono_category_get_color      (ChronoCategory *self);
const char     *chrono_category_get_dark_color (ChronoCategory *self);
const char     *chrono_category_get_color_for  (ChronoCategory *self,
                                                gboolean        dark);
void            chrono_category_set_name       (ChronoCategory *self,
                                                const char     *name);
void            chrono_category_set_color      (ChronoCategory *self,
                                                const char     *color);
/* NULL: no colour of its own for dark themes. */
void            chrono_category_set_dark_color (ChronoCategory *self,
                                                const char     *dark_color);
/* Whether a dark colour was given (get_dark_color falls back to the colour). */
gboolean        chrono_category_has_dark_color (ChronoCategory *self);

G_END_DECLS
