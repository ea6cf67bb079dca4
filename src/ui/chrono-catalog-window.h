/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "chrono-session.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_CATALOG_WINDOW (chrono_catalog_window_get_type ())
G_DECLARE_FINAL_TYPE (ChronoCatalogWindow, chrono_catalog_window, CHRONO, CATALOG_WINDOW, AdwWindow)

/* The sources, categories and eras of @session's timeline, in lists where each can be
 * added, changed and deleted; every change is one step of the session's undo stack,
 * which Ctrl+Z and Ctrl+Shift+Z in this window undo and redo. With @own_steps_only, only
 * steps taken in this window are undone here (the event editor is open beneath it). */
ChronoCatalogWindow *chrono_catalog_window_new (GtkWindow     *parent,
                                                ChronoSession *session,
                                                gboolean       own_steps_only);

G_END_DECLS
