/* test-partial-selection.c — the first items of a selection model, the rest later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ui/chrono-partial-selection.h"

typedef struct
{
  guint position, removed, added;
  guint n_changes;
  guint selection_position, selection_n;
  guint n_selection_changes;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_changes++;
  /* What the signal says must be what the model now answers. */
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      Changes           *changes)
{
  changes->selection_position = position;
  changes->selection_n = n_items;
  changes->n_selection_changes++;
}

static GListStore *
new_store (guint n)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

      g_list_store_append (store, item);
    }

  return store;
}

static const char *
item_text (GListModel *model,
           guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* A limit holds back the items after it; raising it adds them after the others. */
static void
test_limit (void)
{
  g_autoptr(GListStore) store = new_store (10);
  g_autoptr(GtkSingleSelection) all = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(ChronoPartialSelection) partial = chrono_partial_selection_new (GTK_SELECTION_MODEL (all));
  GListModel *list = G_LIST_MODEL (partial);
  Changes changes = { 0 };

  g_signal_connect (partial, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);

  chrono_partial_selection_set_limit (partial, 3);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 7);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpstr (item_text (list, 2), ==, "2");
  g_assert_null (item_text (list, 3));

  chrono_partial_selection_set_limit (partial, 5);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 2);

  /* A limit past the end shows every item, and only once. */
  changes.n_changes = 0;
  chrono_partial_selection_set_limit (partial, 50);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.added, ==, 5);
  chrono_partial_selection_set_limit (partial, G_MAXUINT);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpstr (item_text (list, 9), ==, "9");

  /* Grown, the limit adds as many items; grown by more than any count, every item. */
  chrono_partial_selection_set_limit (partial, 3);
  changes.n_changes = 0;
  chrono_partial_selection_grow (partial, 4);
  g_assert_cmpuint (chrono_partial_selection_get_limit (partial), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.added, ==, 4);
  chrono_partial_selection_grow (partial, G_MAXUINT);
  g_assert_cmpuint (chrono_partial_selection_get_limit (partial), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);
  g_assert_cmpuint (changes.n_changes, ==, 2);
  g_assert_cmpuint (changes.position, ==, 7);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 3);
  chrono_partial_selection_grow (partial, 1);
  g_assert_cmpuint (chrono_partial_selection_get_limit (partial), ==, G_MAXUINT);
  g_assert_cmpuint (changes.n_changes, ==, 2);
}

/* Changes of the model under the limit reach the list; those past it change nothing. */
static void
test_model_changes (void)
{
  g_autoptr(GListStore) store = new_store (10);
  g_autoptr(GtkSingleSelection) all = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(ChronoPartialSelection) partial = chrono_partial_selection_new (GTK_SELECTION_MODEL (all));
  GListModel *list = G_LIST_MODEL (partial);
  g_autoptr(GtkStringObject) first = gtk_string_object_new ("first");
  Changes changes = { 0 };

  chrono_partial_selection_set_limit (partial, 4);
  g_signal_connect (partial, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  g_list_store_remove (store, 8);
  g_assert_cmpuint (changes.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  g_list_store_insert (store, 0, first);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_cmpstr (item_text (list, 0), ==, "first");
  g_assert_cmpstr (item_text (list, 3), ==, "2");

  /* Fewer items than the limit: all of them. */
  g_list_store_splice (store, 2, 8, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (changes.removed + changes.added, >, 0);

  /* Once every item is let through, a change is passed on as it is. */
  chrono_partial_selection_set_limit (partial, G_MAXUINT);
  g_list_store_append (store, first);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
}

/* The selection is the model's: chosen through either, seen through both, and only
 * told for the items shown. */
static void
test_selection (void)
{
  g_autoptr(GListStore) store = new_store (10);
  g_autoptr(GtkSingleSelection) all = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(ChronoPartialSelection) partial = chrono_partial_selection_new (GTK_SELECTION_MODEL (all));
  GtkSelectionModel *model = GTK_SELECTION_MODEL (partial);
  g_autoptr(GtkBitset) selected = NULL;
  Changes changes = { 0 };

  gtk_single_selection_set_autoselect (all, FALSE);
  gtk_single_selection_set_can_unselect (all, TRUE);
  gtk_single_selection_set_selected (all, GTK_INVALID_LIST_POSITION);
  chrono_partial_selection_set_limit (partial, 5);
  g_signal_connect (partial, "selection-changed", G_CALLBACK (selection_changed_cb), &changes);

  g_assert_true (gtk_selection_model_select_item (model, 2, TRUE));
  g_assert_cmpuint (gtk_single_selection_get_selected (all), ==, 2);
  g_assert_true (gtk_selection_model_is_selected (model, 2));
  g_assert_cmpuint (changes.n_selection_changes, ==, 1);
  g_assert_cmpuint (changes.selection_position, <=, 2);
  g_assert_cmpuint (changes.selection_position + changes.selection_n, <=, 5);

  /* Selected past the limit: not shown, so not selected in the list. */
  changes.n_selection_changes = 0;
  gtk_single_selection_set_selected (all, 7);
  g_assert_false (gtk_selection_model_is_selected (model, 2));
  g_assert_false (gtk_selection_model_is_selected (model, 7));
  g_assert_false (gtk_selection_model_select_item (model, 7, TRUE));
  selected = gtk_selection_model_get_selection_in_range (model, 0, 10);
  g_assert_true (gtk_bitset_is_empty (selected));
  g_assert_cmpuint (changes.n_selection_changes, ==, 1);
  g_assert_cmpuint (changes.selection_position + changes.selection_n, <=, 5);

  chrono_partial_selection_set_limit (partial, G_MAXUINT);
  g_assert_true (gtk_selection_model_is_selected (model, 7));
  g_assert_true (gtk_selection_model_unselect_item (model, 7));
  g_assert_cmpuint (gtk_single_selection_get_selected (all), ==, GTK_INVALID_LIST_POSITION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/partial-selection/limit", test_limit);
  g_test_add_func ("/ui/partial-selection/model-changes", test_model_changes);
  g_test_add_func ("/ui/partial-selection/selection", test_selection);

  return g_test_run ();
}
