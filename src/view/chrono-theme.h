/* chrono-theme.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chrono-renderer.h"

G_BEGIN_DECLS

void chrono_theme_get_render_style (GtkWidget         *widget,
                                    ChronoRenderStyle *style);
gboolean chrono_theme_update_renderer (GtkWidget       *widget,
                                       ChronoRenderer **renderer,
                                       guint           *context_serial);

G_END_DECLS
