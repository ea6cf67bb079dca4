/* chrono-array-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-array-list"

#include "config.h"

#include "chrono-array-list-private.h"

struct _ChronoArrayList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
};

static GType
chrono_array_list_get_item_type (GListModel *model)
{
  return CHRONO_ARRAY_LIST (model)->item_type;
}

static guint
chrono_array_list_get_n_items (GListModel *model)
{
  return CHRONO_ARRAY_LIST (model)->items->len;
}

static gpointer
chrono_array_list_get_item (GListModel *model,
                            guint       position)
{
  ChronoArrayList *self = CHRONO_ARRAY_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chrono_array_list_get_item_type;
  iface->get_n_items = chrono_array_list_get_n_items;
  iface->get_item = chrono_array_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronoArrayList, chrono_array_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
chrono_array_list_finalize (GObject *object)
{
  ChronoArrayList *self = CHRONO_ARRAY_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (chrono_array_list_parent_class)->finalize (object);
}

static void
chrono_array_list_class_init (ChronoArrayListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chrono_array_list_finalize;
}

static void
chrono_array_list_init (ChronoArrayList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

ChronoArrayList *
chrono_array_list_new (GType item_type)
{
  ChronoArrayList *self = g_object_new (CHRONO_TYPE_ARRAY_LIST, NULL);

  self->item_type = item_type;

  return self;
}

void
chrono_array_list_set_items (ChronoArrayList *self,
                             GPtrArray       *items)
{
  guint removed;

  g_return_if_fail (CHRONO_IS_ARRAY_LIST (self));
  g_return_if_fail (items != NULL);

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = items;

  if (removed > 0 || items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->len);
}

GPtrArray *
chrono_array_list_get_items (ChronoArrayList *self)
{
  g_return_val_if_fail (CHRONO_IS_ARRAY_LIST (self), NULL);

  return self->items;
}
