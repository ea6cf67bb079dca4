/* chrono-partial-selection.c — the first items of a selection model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-partial-selection"

#include "config.h"

#include "chrono-partial-selection.h"

struct _ChronoPartialSelection
{
  GObject            parent_instance;

  GtkSelectionModel *model;
  guint              limit;    /* G_MAXUINT: every item */
  guint              n_shown;  /* what the last items-changed told */
};

static void list_model_iface_init      (GListModelInterface         *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronoPartialSelection, chrono_partial_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_shown (ChronoPartialSelection *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  return MIN (n, self->limit);
}

static GType
chrono_partial_selection_get_item_type (GListModel *list)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (list);

  return self->model != NULL ? g_list_model_get_item_type (G_LIST_MODEL (self->model)) : G_TYPE_OBJECT;
}

static guint
chrono_partial_selection_get_n_items (GListModel *list)
{
  return CHRONO_PARTIAL_SELECTION (list)->n_shown;
}

static gpointer
chrono_partial_selection_get_item (GListModel *list,
                                   guint       position)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (list);

  if (position >= self->n_shown)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->model), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chrono_partial_selection_get_item_type;
  iface->get_n_items = chrono_partial_selection_get_n_items;
  iface->get_item = chrono_partial_selection_get_item;
}

static gboolean
chrono_partial_selection_is_selected (GtkSelectionModel *model,
                                      guint              position)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (model);

  return position < self->n_shown && gtk_selection_model_is_selected (self->model, position);
}

static GtkBitset *
chrono_partial_selection_get_selection_in_range (GtkSelectionModel *model,
                                                 guint              position,
                                                 guint              n_items)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (model);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitset *shown;

  if (position >= self->n_shown)
    return gtk_bitset_new_empty ();

  /* The answer may name items past the range asked for, so past those shown too. */
  selected = gtk_selection_model_get_selection_in_range (self->model, position,
                                                         MIN (n_items, self->n_shown - position));
  shown = gtk_bitset_new_range (0, self->n_shown);
  gtk_bitset_intersect (shown, selected);

  return shown;
}

static gboolean
chrono_partial_selection_select_item (GtkSelectionModel *model,
                                      guint              position,
                                      gboolean           unselect_rest)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (model);

  return position < self->n_shown && gtk_selection_model_select_item (self->model, position, unselect_rest);
}

static gboolean
chrono_partial_selection_unselect_item (GtkSelectionModel *model,
                                        guint              position)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (model);

  return position < self->n_shown && gtk_selection_model_unselect_item (self->model, position);
}

static gboolean
chrono_partial_selection_unselect_all (GtkSelectionModel *model)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (model);

  return self->model != NULL && gtk_selection_model_unselect_all (self->model);
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = chrono_partial_selection_is_selected;
  iface->get_selection_in_range = chrono_partial_selection_get_selection_in_range;
  iface->select_item = chrono_partial_selection_select_item;
  iface->unselect_item = chrono_partial_selection_unselect_item;
  iface->unselect_all = chrono_partial_selection_unselect_all;
}

/* While some items are held back, any change is told as all the shown items changing:
 * that only happens before the list is complete, when it shows a screenful. */
static void
items_changed_cb (ChronoPartialSelection *self,
                  guint                   position,
                  guint                   removed,
                  guint                   added)
{
  guint old_shown = self->n_shown;

  self->n_shown = count_shown (self);
  if (self->limit == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else if (position < MAX (old_shown, self->n_shown))
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_shown, self->n_shown);
}

static void
selection_changed_cb (ChronoPartialSelection *self,
                      guint                   position,
                      guint                   n_items)
{
  if (position < self->n_shown)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                           MIN (n_items, self->n_shown - position));
}

static void
chrono_partial_selection_dispose (GObject *object)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (chrono_partial_selection_parent_class)->dispose (object);
}

static void
chrono_partial_selection_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_partial_selection_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ChronoPartialSelection *self = CHRONO_PARTIAL_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      chrono_partial_selection_set_model (self, g_value_get_object (value));
      break;

    case PROP_LIMIT:
      chrono_partial_selection_set_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_partial_selection_class_init (ChronoPartialSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chrono_partial_selection_dispose;
  object_class->get_property = chrono_partial_selection_get_property;
  object_class->set_property = chrono_partial_selection_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_partial_selection_init (ChronoPartialSelection *self)
{
  self->limit = G_MAXUINT;
}

ChronoPartialSelection *
chrono_partial_selection_new (GtkSelectionModel *model)
{
  g_return_val_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model), NULL);

  return g_object_new (CHRONO_TYPE_PARTIAL_SELECTION, "model", model, NULL);
}

GtkSelectionModel *
chrono_partial_selection_get_model (ChronoPartialSelection *self)
{
  g_return_val_if_fail (CHRONO_IS_PARTIAL_SELECTION (self), NULL);

  return self->model;
}

void
chrono_partial_selection_set_model (ChronoPartialSelection *self,
                                    GtkSelectionModel      *model)
{
  guint old_shown;

  g_return_if_fail (CHRONO_IS_PARTIAL_SELECTION (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
      g_signal_connect_swapped (model, "selection-changed", G_CALLBACK (selection_changed_cb), self);
    }

  old_shown = self->n_shown;
  self->n_shown = count_shown (self);
  if (old_shown > 0 || self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_shown, self->n_shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

guint
chrono_partial_selection_get_limit (ChronoPartialSelection *self)
{
  g_return_val_if_fail (CHRONO_IS_PARTIAL_SELECTION (self), 0);

  return self->limit;
}

/* A higher limit adds the items it lets through after those shown; a lower one takes
 * the others away. */
void
chrono_partial_selection_set_limit (ChronoPartialSelection *self,
                                    guint                   limit)
{
  guint old_shown;

  g_return_if_fail (CHRONO_IS_PARTIAL_SELECTION (self));

  if (self->limit == limit)
    return;

  self->limit = limit;
  old_shown = self->n_shown;
  self->n_shown = count_shown (self);
  if (self->n_shown > old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, self->n_shown - old_shown);
  else if (self->n_shown < old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown, old_shown - self->n_shown, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

/* Lets @n_items more through; a limit that would pass G_MAXUINT lets every item through. */
void
chrono_partial_selection_grow (ChronoPartialSelection *self,
                               guint                   n_items)
{
  g_return_if_fail (CHRONO_IS_PARTIAL_SELECTION (self));

  chrono_partial_selection_set_limit (self, n_items > G_MAXUINT - self->limit ? G_MAXUINT : self->limit + n_items);
}
