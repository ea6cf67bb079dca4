/* chrono-catalog-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-catalog-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-catalog-editor.h"
#include "chrono-catalog-window.h"
#include "chrono-ui-util.h"
#include "model/chrono-edit-insert.h"

struct _ChronoCatalogWindow
{
  AdwWindow parent_instance;

  ChronoSession *session;
  ChronoTimeline *timeline;
  ChronoUndoStack *undo_stack;
  gboolean own_steps_only;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkListBox *source_list;
  GtkListBox *category_list;
  GtkListBox *era_list;
  GtkLabel *category_problem;
};

G_DEFINE_FINAL_TYPE (ChronoCatalogWindow, chrono_catalog_window, ADW_TYPE_WINDOW)

/* Marks the steps taken in a catalog window, which it may undo even when others may not. */
static GQuark
catalog_step_quark (void)
{
  return g_quark_from_static_string ("chrono-catalog-step");
}

static void
update_undo_actions (ChronoCatalogWindow *self)
{
  gboolean can[2] = { FALSE, FALSE };

  for (guint redo = 0; redo < 2 && self->undo_stack != NULL; redo++)
    {
      ChronoEdit *edit = redo ? chrono_undo_stack_peek_redo (self->undo_stack)
                              : chrono_undo_stack_peek_undo (self->undo_stack);

      can[redo] = edit != NULL &&
                  (!self->own_steps_only || g_object_get_qdata (G_OBJECT (edit), catalog_step_quark ()) != NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.undo", can[0]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.redo", can[1]);
}

static void
push (ChronoCatalogWindow *self,
      ChronoEdit          *edit,
      const char          *label)
{
  gtk_widget_set_visible (GTK_WIDGET (self->category_problem), FALSE);
  chrono_edit_set_label (edit, label);
  g_object_set_qdata (G_OBJECT (edit), catalog_step_quark (), GINT_TO_POINTER (TRUE));
  chrono_session_push_edit (self->session, edit);
  update_undo_actions (self);
}

/* ----- Rows ----- */

static void
update_source_row (AdwActionRow *row,
                   GParamSpec   *pspec,
                   ChronoSource *source)
{
  g_autofree char *description = chrono_ui_source_dup_description (source);
  g_autofree char *delete_label = NULL;
  const char *url = chrono_source_get_url (source);
  GtkWidget *delete_button = g_object_get_data (G_OBJECT (row), "delete-button");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chrono_source_get_title (source));
  if (url != NULL && *url != '\0')
    {
      g_autofree char *both = (description != NULL && *description != '\0')
                              ? g_strconcat (description, "\n", url, NULL) : g_strdup (url);

      adw_action_row_set_subtitle (row, both);
    }
  else
    adw_action_row_set_subtitle (row, description != NULL ? description : "");

  /* Translators: the name of a button that deletes a source, category or era; %s is its name */
  delete_label = g_strdup_printf (_("Delete “%s”"), chrono_source_get_title (source));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_widget_set_tooltip_text (delete_button, delete_label);
}

static void
update_category_row (AdwActionRow   *row,
                     GParamSpec     *pspec,
                     ChronoCategory *category)
{
  GtkWidget *delete_button = g_object_get_data (G_OBJECT (row), "delete-button");
  GtkWidget *old = g_object_get_data (G_OBJECT (row), "swatch");
  GtkWidget *swatch = chrono_ui_color_swatch_new (chrono_category_get_color (category),
                                                  chrono_category_get_dark_color (category));
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), chrono_category_get_name (category));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chrono_category_get_name (category));
  if (old != NULL)
    adw_action_row_remove (row, old);
  adw_action_row_add_prefix (row, swatch);
  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_widget_set_tooltip_text (delete_button, delete_label);
}

static void
update_era_row (AdwActionRow *row,
                GParamSpec   *pspec,
                ChronoEra    *era)
{
  GtkWidget *delete_button = g_object_get_data (G_OBJECT (row), "delete-button");
  g_autofree char *start = chrono_date_format (chrono_era_get_start (era));
  g_autofree char *end = chrono_date_format (chrono_era_get_end (era));
  /* Translators: an era's span, from its start to its end, e.g. “2012 – 2015” */
  g_autofree char *span = g_strdup_printf (_("%s – %s"), start, end);
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), chrono_era_get_name (era));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chrono_era_get_name (era));
  adw_action_row_set_subtitle (row, span);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_widget_set_tooltip_text (delete_button, delete_label);
}

static void delete_clicked_cb (GtkButton           *button,
                               ChronoCatalogWindow *self);

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  ChronoCatalogWindow *self = user_data;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *edit_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GCallback update;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_set_subtitle_lines (row, 3);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  g_object_set_data (G_OBJECT (delete_button), "item", item);
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  g_object_set_data (G_OBJECT (row), "delete-button", delete_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit"), -1);
  adw_action_row_add_suffix (row, edit_icon);
  adw_action_row_add_suffix (row, delete_button);

  if (CHRONO_IS_SOURCE (item))
    update = G_CALLBACK (update_source_row);
  else if (CHRONO_IS_CATEGORY (item))
    update = G_CALLBACK (update_category_row);
  else
    update = G_CALLBACK (update_era_row);
  ((void (*) (AdwActionRow *, GParamSpec *, gpointer)) update) (row, NULL, item);
  g_signal_connect_object (item, "notify", update, row, G_CONNECT_SWAPPED);

  return GTK_WIDGET (row);
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

/* ----- Editing ----- */

static const char *
edit_label (gpointer item,
            GType    type)
{
  if (type == CHRONO_TYPE_SOURCE)
    return item == NULL ? _("Add Source") : _("Edit Source");
  if (type == CHRONO_TYPE_CATEGORY)
    return item == NULL ? _("Add Category") : _("Edit Category");

  return item == NULL ? _("Add Era") : _("Edit Era");
}

static void
editor_done_cb (ChronoCatalogEditor *editor,
                ChronoCatalogWindow *self)
{
  g_autoptr(ChronoEdit) edit = NULL;
  gboolean valid;

  edit = chrono_catalog_editor_build_edit (editor, &valid);
  if (!valid)
    return;
  if (edit != NULL)
    push (self, edit, edit_label (g_object_get_data (G_OBJECT (editor), "item"),
                                  GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editor), "type"))));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
open_editor (ChronoCatalogWindow *self,
             GType                type,
             gpointer             item)
{
  ChronoCatalogEditor *editor = chrono_catalog_editor_new (GTK_WINDOW (self), self->timeline, type, item);

  g_object_set_data (G_OBJECT (editor), "item", item);
  g_object_set_data (G_OBJECT (editor), "type", GSIZE_TO_POINTER (type));
  g_signal_connect_object (editor, "done", G_CALLBACK (editor_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (ChronoCatalogWindow *self,
                  GtkListBoxRow       *row)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "item");

  if (item != NULL)
    open_editor (self, G_OBJECT_TYPE (item), item);
}

static guint
count_events_in (ChronoTimeline *timeline,
                 ChronoCategory *category)
{
  GListModel *events = chrono_timeline_get_events (timeline);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ChronoEvent) event = g_list_model_get_item (events, i);

      n += chrono_event_get_category (event) == category;
    }

  return n;
}

static guint
count_citations (ChronoTimeline *timeline,
                 ChronoSource   *source)
{
  GListModel *events = chrono_timeline_get_events (timeline);
  GListModel *quotes = chrono_timeline_get_quotes (timeline);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ChronoEvent) event = g_list_model_get_item (events, i);

      n += g_ptr_array_find (chrono_event_get_sources (event), source, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

      n += chrono_quote_get_source (quote) == source;
    }

  return n;
}

static void
delete_item (ChronoCatalogWindow *self,
             gpointer             item)
{
  g_autoptr(ChronoEdit) edit = NULL;
  g_autofree char *message = NULL;

  if (CHRONO_IS_CATEGORY (item))
    {
      guint n = count_events_in (self->timeline, item);

      /* Every event needs a category, and which other one is the user's to say. */
      if (n > 0)
        {
          message = g_strdup_printf (ngettext ("“%s” is not deleted: it is the category of %u event. "
                                               "Give it another category first.",
                                               "“%s” is not deleted: it is the category of %u events. "
                                               "Give them another category first.",
                                               n),
                                     chrono_category_get_name (item), n);
          gtk_label_set_text (self->category_problem, message);
          gtk_widget_set_visible (GTK_WIDGET (self->category_problem), TRUE);
          return;
        }
      message = g_strdup (_("Category deleted"));
      edit = chrono_edit_delete_new (self->timeline, item);
      push (self, edit, _("Delete Category"));
    }
  else if (CHRONO_IS_SOURCE (item))
    {
      guint n = count_citations (self->timeline, item);

      /* What cited it, events and quotes, cites nothing in its place. */
      if (n > 0)
        message = g_strdup_printf (ngettext ("Source deleted, and %u citation of it",
                                             "Source deleted, and %u citations of it", n), n);
      else
        message = g_strdup (_("Source deleted"));
      edit = chrono_edit_delete_new (self->timeline, item);
      push (self, edit, _("Delete Source"));
    }
  else
    {
      message = g_strdup (_("Era deleted"));
      edit = chrono_edit_delete_new (self->timeline, item);
      push (self, edit, _("Delete Era"));
    }

  adw_toast_overlay_add_toast (self->toast_overlay, chrono_ui_undo_toast_new (message, self->session, edit));
}

static void
delete_clicked_cb (GtkButton           *button,
                   ChronoCatalogWindow *self)
{
  delete_item (self, g_object_get_data (G_OBJECT (button), "item"));
}

/* ----- Actions ----- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChronoCatalogWindow *self = CHRONO_CATALOG_WINDOW (widget);

  if (g_str_equal (action_name, "catalog.add-source"))
    open_editor (self, CHRONO_TYPE_SOURCE, NULL);
  else if (g_str_equal (action_name, "catalog.add-category"))
    open_editor (self, CHRONO_TYPE_CATEGORY, NULL);
  else
    open_editor (self, CHRONO_TYPE_ERA, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChronoCatalogWindow *self = CHRONO_CATALOG_WINDOW (widget);

  if (g_str_equal (action_name, "catalog.undo"))
    chrono_session_undo (self->session);
  else
    chrono_session_redo (self->session);
  update_undo_actions (self);
}

static void
chrono_catalog_window_dispose (GObject *object)
{
  ChronoCatalogWindow *self = CHRONO_CATALOG_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_CATALOG_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->timeline);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (chrono_catalog_window_parent_class)->dispose (object);
}

static void
chrono_catalog_window_class_init (ChronoCatalogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_catalog_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-catalog-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogWindow, category_list);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogWindow, era_list);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogWindow, category_problem);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-source", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalog.add-category", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalog.add-era", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalog.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "catalog.redo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "catalog.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "catalog.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chrono_catalog_window_init (ChronoCatalogWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));

  set_placeholder (self->source_list, _("No sources yet"));
  set_placeholder (self->category_list, _("No categories yet"));
  set_placeholder (self->era_list, _("No eras yet"));
}

ChronoCatalogWindow *
chrono_catalog_window_new (GtkWindow     *parent,
                           ChronoSession *session,
                           gboolean       own_steps_only)
{
  ChronoCatalogWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CHRONO_IS_SESSION (session), NULL);
  g_return_val_if_fail (chrono_session_get_timeline (session) != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_CATALOG_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->timeline = g_object_ref (chrono_session_get_timeline (session));
  self->undo_stack = g_object_ref (chrono_session_get_undo_stack (session));
  self->own_steps_only = own_steps_only;

  name = chrono_session_dup_display_name (session);
  adw_window_title_set_subtitle (self->window_title, name);

  gtk_list_box_bind_model (self->source_list, chrono_timeline_get_sources (self->timeline), create_row, self, NULL);
  gtk_list_box_bind_model (self->category_list, chrono_timeline_get_categories (self->timeline), create_row, self, NULL);
  gtk_list_box_bind_model (self->era_list, chrono_timeline_get_eras (self->timeline), create_row, self, NULL);

  g_signal_connect_object (self->undo_stack, "notify::can-undo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify::can-redo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "changed", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  /* The lists are of the timeline shown when it opened. */
  g_signal_connect_object (session, "notify::timeline", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);

  return self;
}
