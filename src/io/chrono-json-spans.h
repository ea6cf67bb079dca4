/* chrono-json-spans.h — where the elements of a JSON document's big array lie
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize begin;
  gsize end;                /* just past it */
} ChronoJsonSpan;

gsize    chrono_json_skip_space        (const char     *data,
                                        gsize           length,
                                        gsize           i);
gboolean chrono_json_find_member_array (const char     *data,
                                        gsize           length,
                                        const char     *name,
                                        ChronoJsonSpan *array,
                                        GArray         *elements);

G_END_DECLS
