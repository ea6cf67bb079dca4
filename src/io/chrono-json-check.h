/* chrono-json-check.h — the first mistake in a JSON document, in words a person reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *chrono_json_find_mistake (const char *data,
                                gsize       length,
                                gsize      *offset,
                                gboolean   *certain);

gboolean chrono_json_set_mistake_error (GError     **error,
                                        const char  *display_name,
                                        const char  *data,
                                        gsize        length,
                                        gboolean     only_certain);
void     chrono_json_set_syntax_error  (GError     **error,
                                        const char  *display_name,
                                        const char  *data,
                                        gsize        length,
                                        guint        json_glib_line);

G_END_DECLS
