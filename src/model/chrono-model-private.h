/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *@field by a copy of @value; FALSE when they were already equal, so that
 * setters notify only of real changes. (g_set_str() arrives in GLib 2.76.) */
static inline gboolean
chrono_set_str (char       **field,
                const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}

G_END_DECLS
