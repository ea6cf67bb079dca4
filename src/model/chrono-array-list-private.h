/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHRONO_TYPE_ARRAY_LIST (chrono_array_list_get_type ())
G_DECLARE_FINAL_TYPE (ChronoArrayList, chrono_array_list, CHRONO, ARRAY_LIST, GObject)

/* A read-only GListModel over a GPtrArray of objects. GListStore keeps its items in a
 * GSequence, which costs a tree node per item; a sealed timeline never changes, so a
 * plain array is enough. */
ChronoArrayList *chrono_array_list_new       (GType            item_type);
/* Takes @items (holding references) and announces them with items-changed. */
void             chrono_array_list_set_items (ChronoArrayList *self,
                                              GPtrArray       *items);
GPtrArray       *chrono_array_list_get_items (ChronoArrayList *self);

G_END_DECLS
