/* chrono-catalog-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-catalog-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-catalog-editor.h"
#include "chrono-date-entry.h"
#include "chrono-event-editor.h"
#include "chrono-ui-util.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"

struct _ChronoCatalogEditor
{
  AdwWindow parent_instance;

  ChronoTimeline *timeline;
  GType type;
  GObject *item;

  GtkStack *form_stack;
  GtkEntry *source_title_entry;
  GtkLabel *source_title_problem;
  GtkEntry *source_author_entry;
  GtkEntry *source_publisher_entry;
  ChronoDateEntry *source_date_entry;
  GtkEntry *source_url_entry;
  GtkLabel *source_url_problem;
  GtkEntry *category_name_entry;
  GtkLabel *category_name_problem;
  GtkGrid *palette_box;
  GtkEntry *era_name_entry;
  GtkLabel *era_name_problem;
  ChronoDateEntry *era_start_entry;
  ChronoDateEntry *era_end_entry;
};

G_DEFINE_FINAL_TYPE (ChronoCatalogEditor, chrono_catalog_editor, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GNOME's palette, a darker shade for light themes and a lighter one for dark themes,
 * so that the category's dots and edges stand out from either background. */
static const ChronoPaletteColor palette[] = {
  { "#1c71d8", "#62a0ea", NC_("colour", "Blue") },
  { "#0f7b79", "#5ed6d0", NC_("colour", "Teal") },
  { "#26a269", "#57e389", NC_("colour", "Green") },
  { "#c88800", "#f8e45c", NC_("colour", "Yellow") },
  { "#c64600", "#ffa348", NC_("colour", "Orange") },
  { "#c01c28", "#f66151", NC_("colour", "Red") },
  { "#813d9c", "#c061cb", NC_("colour", "Purple") },
  { "#865e3c", "#cdab8f", NC_("colour", "Brown") },
  { "#5e5c64", "#c0bfbc", NC_("colour", "Grey") },
};

const ChronoPaletteColor *
chrono_catalog_get_palette (guint *n_colors)
{
  *n_colors = G_N_ELEMENTS (palette);

  return palette;
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Why @url is not a web address a reader can follow, or NULL when it is one (or empty). */
static const char *
url_problem (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (*url == '\0')
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || strchr (url, ' ') != NULL)
    return _("This is not a web address; write the whole address, such as https://example.org/article");
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return _("A web address starts with https:// or http://");
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return _("The address needs a site’s name after https://, such as example.org");

  return NULL;
}

static void
clear_problem_cb (GtkEditable *editable,
                  GtkLabel    *problem)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_visible (GTK_WIDGET (problem), FALSE);
}

static void
done_clicked_cb (ChronoCatalogEditor *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
chrono_catalog_editor_dispose (GObject *object)
{
  ChronoCatalogEditor *self = CHRONO_CATALOG_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_CATALOG_EDITOR);
  g_clear_object (&self->timeline);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (chrono_catalog_editor_parent_class)->dispose (object);
}

static GtkWidget *
get_chosen_swatch (ChronoCatalogEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->palette_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      return child;

  return NULL;
}

/* The “Colour” label's mnemonic goes to the chosen swatch, as Tab does. */
static gboolean
palette_mnemonic_activate_cb (ChronoCatalogEditor *self,
                              gboolean             group_cycling)
{
  GtkWidget *chosen = get_chosen_swatch (self);

  return chosen != NULL && gtk_widget_grab_focus (chosen);
}

static void
chrono_catalog_editor_class_init (ChronoCatalogEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_catalog_editor_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CHRONO_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-catalog-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, form_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_title_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_title_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_author_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_publisher_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_date_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_url_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, source_url_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, category_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, category_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, palette_box);
  gtk_widget_class_bind_template_callback (widget_class, palette_mnemonic_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, era_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, era_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, era_start_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoCatalogEditor, era_end_entry);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chrono_catalog_editor_init (ChronoCatalogEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));

  g_signal_connect (self->source_title_entry, "changed", G_CALLBACK (clear_problem_cb), self->source_title_problem);
  g_signal_connect (self->source_url_entry, "changed", G_CALLBACK (clear_problem_cb), self->source_url_problem);
  g_signal_connect (self->category_name_entry, "changed", G_CALLBACK (clear_problem_cb), self->category_name_problem);
  g_signal_connect (self->era_name_entry, "changed", G_CALLBACK (clear_problem_cb), self->era_name_problem);
  /* Enter in a date is Done, as in every other field. */
  gtk_entry_set_activates_default (GTK_ENTRY (chrono_date_entry_get_editable (self->source_date_entry)), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (chrono_date_entry_get_editable (self->era_start_entry)), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (chrono_date_entry_get_editable (self->era_end_entry)), TRUE);
}

#define PALETTE_COLUMNS 5

/* A swatch that is one choice of the palette's radio group, named for screen readers.
 * The group gives GNOME's keyboard behaviour: Tab reaches the chosen colour and leaves
 * the palette, the arrow keys choose another. The swatch shows the choice; the style
 * sheet gives the radio indicator no size. */
static GtkWidget *
add_swatch (ChronoCatalogEditor *self,
            GtkCheckButton      *group,
            const char          *color,
            const char          *dark_color,
            const char          *name,
            guint                palette_index)
{
  GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->palette_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), chrono_ui_color_swatch_new (color, dark_color));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "palette-index", GUINT_TO_POINTER (palette_index));
  gtk_grid_attach (self->palette_box, button, n % PALETTE_COLUMNS, n / PALETTE_COLUMNS, 1, 1);

  return button;
}

/* One swatch per colour of the palette, one of them chosen: the category's colour, or
 * for a new category the first that no category has yet. A colour from a file that is
 * not in the palette comes first, as “Current colour”, so that leaving it is a choice. */
static void
fill_palette (ChronoCatalogEditor *self,
              ChronoCategory      *category)
{
  GListModel *categories = chrono_timeline_get_categories (self->timeline);
  GtkCheckButton *group = NULL;
  GtkCheckButton *chosen = NULL;
  GtkCheckButton *unused = NULL;

  if (category != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
        known |= g_ascii_strcasecmp (palette[i].color, chrono_category_get_color (category)) == 0;
      if (!known)
        group = chosen = GTK_CHECK_BUTTON (add_swatch (self, NULL, chrono_category_get_color (category),
                                                       chrono_category_get_dark_color (category),
                                                       _("Current colour"), 0));
    }

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      GtkCheckButton *button;
      gboolean in_use = FALSE;

      button = GTK_CHECK_BUTTON (add_swatch (self, group, palette[i].color, palette[i].dark_color,
                                             g_dpgettext2 (NULL, "colour", palette[i].name), i + 1));
      if (group == NULL)
        group = button;

      if (category != NULL && chosen == NULL &&
          g_ascii_strcasecmp (palette[i].color, chrono_category_get_color (category)) == 0)
        chosen = button;
      for (guint j = 0; j < g_list_model_get_n_items (categories); j++)
        {
          g_autoptr(ChronoCategory) other = g_list_model_get_item (categories, j);

          in_use |= g_ascii_strcasecmp (palette[i].color, chrono_category_get_color (other)) == 0;
        }
      if (!in_use && unused == NULL)
        unused = button;
    }

  if (chosen == NULL)
    chosen = unused != NULL ? unused : group;
  gtk_check_button_set_active (chosen, TRUE);
}

/* The palette entry chosen, or NULL for the category's own colour from its file. */
static const ChronoPaletteColor *
get_chosen_color (ChronoCatalogEditor *self)
{
  GtkWidget *chosen = get_chosen_swatch (self);
  guint index = chosen != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chosen), "palette-index")) : 0;

  return index > 0 ? &palette[index - 1] : NULL;
}

ChronoCatalogEditor *
chrono_catalog_editor_new (GtkWindow      *parent,
                           ChronoTimeline *timeline,
                           GType           type,
                           gpointer        item)
{
  ChronoCatalogEditor *self;
  gboolean is_new = item == NULL;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (type == CHRONO_TYPE_SOURCE || type == CHRONO_TYPE_CATEGORY || type == CHRONO_TYPE_ERA, NULL);
  g_return_val_if_fail (item == NULL || G_TYPE_CHECK_INSTANCE_TYPE (item, type), NULL);

  self = g_object_new (CHRONO_TYPE_CATALOG_EDITOR, "transient-for", parent, NULL);
  self->timeline = g_object_ref (timeline);
  self->type = type;
  self->item = item != NULL ? g_object_ref (item) : NULL;

  if (type == CHRONO_TYPE_SOURCE)
    {
      ChronoSource *source = item;

      gtk_stack_set_visible_child_name (self->form_stack, "source");
      gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Source") : _("Source"));
      if (source != NULL)
        {
          set_entry (self->source_title_entry, chrono_source_get_title (source));
          set_entry (self->source_author_entry, chrono_source_get_author (source));
          set_entry (self->source_publisher_entry, chrono_source_get_publisher (source));
          chrono_date_entry_set_date (self->source_date_entry, chrono_source_get_date (source));
          set_entry (self->source_url_entry, chrono_source_get_url (source));
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->source_title_entry));
    }
  else if (type == CHRONO_TYPE_CATEGORY)
    {
      ChronoCategory *category = item;

      gtk_stack_set_visible_child_name (self->form_stack, "category");
      gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Category") : _("Category"));
      if (category != NULL)
        set_entry (self->category_name_entry, chrono_category_get_name (category));
      fill_palette (self, category);
      gtk_widget_grab_focus (GTK_WIDGET (self->category_name_entry));
    }
  else
    {
      ChronoEra *era = item;

      gtk_stack_set_visible_child_name (self->form_stack, "era");
      gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Era") : _("Era"));
      if (era != NULL)
        {
          set_entry (self->era_name_entry, chrono_era_get_name (era));
          chrono_date_entry_set_date (self->era_start_entry, chrono_era_get_start (era));
          chrono_date_entry_set_date (self->era_end_entry, chrono_era_get_end (era));
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->era_name_entry));
    }

  return self;
}

static ChronoEdit *
build_source_edit (ChronoCatalogEditor *self,
                   gboolean            *valid)
{
  g_autofree char *title = chrono_entry_dup_normalized_text (self->source_title_entry);
  g_autofree char *author = chrono_ui_nonempty_or_null (chrono_entry_dup_normalized_text (self->source_author_entry));
  g_autofree char *publisher = chrono_ui_nonempty_or_null (chrono_entry_dup_normalized_text (self->source_publisher_entry));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_url_entry))));
  g_autoptr(ChronoEditProperties) properties = NULL;
  ChronoDate date;
  gboolean has_date;
  gboolean ok = TRUE;

  ok &= chrono_ui_show_problem (GTK_WIDGET (self->source_title_entry), self->source_title_problem,
               *title == '\0' ? _("A source needs a title") : NULL);
  chrono_date_entry_show_problem (self->source_date_entry);
  ok &= chrono_date_entry_get_date (self->source_date_entry, &date, &has_date, NULL);
  ok &= chrono_ui_show_problem (GTK_WIDGET (self->source_url_entry), self->source_url_problem, url_problem (url));
  if (!ok)
    return NULL;
  *valid = TRUE;
  url = chrono_ui_nonempty_or_null (g_steal_pointer (&url));

  if (self->item == NULL)
    {
      g_autofree char *id = chrono_timeline_dup_unused_id (self->timeline, CHRONO_TYPE_SOURCE, "source");
      g_autoptr(ChronoSource) source = chrono_source_new (id, title);

      chrono_source_set_author (source, author);
      chrono_source_set_publisher (source, publisher);
      chrono_source_set_date (source, has_date ? &date : NULL);
      chrono_source_set_url (source, url);

      return CHRONO_EDIT (chrono_edit_insert_new (source, NULL, G_MAXUINT));
    }

  properties = chrono_edit_properties_new (self->item,
                                           "title", title,
                                           "author", author,
                                           "publisher", publisher,
                                           "date", has_date ? &date : NULL,
                                           "url", url,
                                           NULL);
  if (chrono_edit_properties_is_noop (properties))
    return NULL;

  return CHRONO_EDIT (g_steal_pointer (&properties));
}

static ChronoEdit *
build_category_edit (ChronoCatalogEditor *self,
                     gboolean            *valid)
{
  g_autofree char *name = chrono_entry_dup_normalized_text (self->category_name_entry);
  GListModel *categories = chrono_timeline_get_categories (self->timeline);
  const ChronoPaletteColor *color = get_chosen_color (self);
  g_autoptr(ChronoEditProperties) properties = NULL;
  g_autofree char *taken = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ChronoCategory) other = g_list_model_get_item (categories, i);

      if ((GObject *) other != self->item && g_utf8_collate (chrono_category_get_name (other), name) == 0)
        /* Translators: %s is a category's name */
        taken = g_strdup_printf (_("Another category is already called “%s”"), name);
    }
  if (!chrono_ui_show_problem (GTK_WIDGET (self->category_name_entry), self->category_name_problem,
              *name == '\0' ? _("A category needs a name") : taken))
    return NULL;
  *valid = TRUE;

  if (self->item == NULL)
    {
      g_autofree char *id = chrono_timeline_dup_unused_id (self->timeline, CHRONO_TYPE_CATEGORY, "category");
      g_autoptr(ChronoCategory) category = NULL;

      color = color != NULL ? color : &palette[0];
      category = chrono_category_new (id, name, color->color, color->dark_color);

      return CHRONO_EDIT (chrono_edit_insert_new (category, NULL, G_MAXUINT));
    }

  properties = chrono_edit_properties_new (self->item, "name", name, NULL);
  if (color != NULL)
    {
      g_auto(GValue) light = G_VALUE_INIT;
      g_auto(GValue) dark = G_VALUE_INIT;

      g_value_init (&light, G_TYPE_STRING);
      g_value_set_static_string (&light, color->color);
      g_value_init (&dark, G_TYPE_STRING);
      g_value_set_static_string (&dark, color->dark_color);
      chrono_edit_properties_add_value (properties, "color", &light);
      chrono_edit_properties_add_value (properties, "dark-color", &dark);
    }
  if (chrono_edit_properties_is_noop (properties))
    return NULL;

  return CHRONO_EDIT (g_steal_pointer (&properties));
}

static ChronoEdit *
build_era_edit (ChronoCatalogEditor *self,
                gboolean            *valid)
{
  g_autofree char *name = chrono_entry_dup_normalized_text (self->era_name_entry);
  g_autoptr(ChronoEditProperties) properties = NULL;
  ChronoDate start, end;
  gboolean has_start, has_end;
  gboolean ok = TRUE;

  ok &= chrono_ui_show_problem (GTK_WIDGET (self->era_name_entry), self->era_name_problem,
               *name == '\0' ? _("An era needs a name") : NULL);
  chrono_date_entry_show_problem (self->era_start_entry);
  ok &= chrono_date_entry_get_date (self->era_start_entry, &start, &has_start, NULL);
  chrono_date_entry_show_problem (self->era_end_entry);
  if (!chrono_date_entry_get_date (self->era_end_entry, &end, &has_end, NULL))
    ok = FALSE;
  else if (has_start && chrono_date_get_end (&end) <= chrono_date_get_start (&start))
    {
      chrono_date_entry_set_problem (self->era_end_entry, _("The end is before the start"));
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  *valid = TRUE;

  if (self->item == NULL)
    {
      g_autoptr(ChronoEra) era = chrono_era_new (name, &start, &end);

      return CHRONO_EDIT (chrono_edit_insert_new (era, NULL, G_MAXUINT));
    }

  properties = chrono_edit_properties_new (self->item, "name", name, "start", &start, "end", &end, NULL);
  if (chrono_edit_properties_is_noop (properties))
    return NULL;

  return CHRONO_EDIT (g_steal_pointer (&properties));
}

ChronoEdit *
chrono_catalog_editor_build_edit (ChronoCatalogEditor *self,
                                  gboolean            *valid)
{
  g_return_val_if_fail (CHRONO_IS_CATALOG_EDITOR (self), NULL);

  *valid = FALSE;
  if (self->type == CHRONO_TYPE_SOURCE)
    return build_source_edit (self, valid);
  if (self->type == CHRONO_TYPE_CATEGORY)
    return build_category_edit (self, valid);

  return build_era_edit (self, valid);
}
