/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Memory for one large array or buffer, asked of the kernel in huge pages when it is
 * large enough to fill one, with g_malloc() otherwise. Returns NULL when there is no
 * room. Free it with chrono_bulk_free() and the same @size. */
gpointer chrono_bulk_try_alloc (gsize    size);
void     chrono_bulk_free      (gpointer memory,
                                gsize    size);
/* As the above, but with no room they end the program, as g_malloc() does. */
gpointer chrono_bulk_alloc     (gsize    size);
gpointer chrono_bulk_resize    (gpointer memory,
                                gsize    old_size,
                                gsize    new_size);

/* Takes @memory, of @size bytes, of which the first @length are the bytes' content. */
GBytes  *chrono_bulk_new_bytes (gpointer memory,
                                gsize    size,
                                gsize    length);

G_END_DECLS
