/* test-catalog.c — the Sources, Categories and Eras window and its item editor: what
 * they refuse and say, and that every change is one step of the window's undo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ui-test-util.h"
#include "ui/chrono-catalog-editor.h"
#include "ui/chrono-catalog-window.h"
#include "ui/chrono-category-filter.h"
#include "ui/chrono-date-entry.h"
#include "ui/chrono-event-editor.h"
#include "ui/chrono-event-pane.h"
#include "ui/chrono-event-row.h"
#include "ui/chrono-session.h"
#include "ui/chrono-window.h"
#include "view/chrono-layout.h"

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

static void
set_text (ChronoCatalogEditor *editor,
          const char          *name,
          const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (editor, CHRONO_TYPE_CATALOG_EDITOR, name)), text);
}

static void
set_date (ChronoCatalogEditor *editor,
          const char          *name,
          const char          *text)
{
  ChronoDateEntry *entry = child (editor, CHRONO_TYPE_CATALOG_EDITOR, name);

  gtk_editable_set_text (chrono_date_entry_get_editable (entry), text);
}

static gboolean
problem_shown (ChronoCatalogEditor *editor,
               const char          *name)
{
  return gtk_widget_get_visible (child (editor, CHRONO_TYPE_CATALOG_EDITOR, name));
}

/* Opens the item editor with one of the window's Add buttons. */
static ChronoCatalogEditor *
add (ChronoCatalogWindow *catalog,
     const char          *action)
{
  ChronoCatalogEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (catalog), action, NULL));
  editor = ui_test_find_toplevel (CHRONO_TYPE_CATALOG_EDITOR);
  g_assert_nonnull (editor);

  return editor;
}

/* Done: TRUE when the editor took it and closed. */
static gboolean
done (ChronoCatalogEditor *editor)
{
  g_signal_emit_by_name (editor, "done");
  ui_test_iterate ();

  return ui_test_find_toplevel (CHRONO_TYPE_CATALOG_EDITOR) == NULL;
}

static void
press_delete (ChronoCatalogWindow *catalog,
              const char          *list_name,
              int                  index)
{
  GtkListBox *list = child (catalog, CHRONO_TYPE_CATALOG_WINDOW, list_name);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "delete-button"), "clicked");
  ui_test_iterate ();
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
undo (ChronoCatalogWindow *catalog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (catalog), "catalog.undo", NULL));
}

static ChronoCatalogWindow *
open_catalog (ChronoWindow *window)
{
  ChronoCatalogWindow *catalog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-catalog", NULL));
  catalog = ui_test_find_toplevel (CHRONO_TYPE_CATALOG_WINDOW);
  g_assert_nonnull (catalog);

  return catalog;
}

static void
test_sources (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GListModel *sources = chrono_timeline_get_sources (timeline);
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  ChronoSource *article = chrono_timeline_lookup_source (timeline, "article");
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;
  g_autoptr(ChronoSource) added = NULL;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  catalog = open_catalog (window);
  g_assert_cmpuint (n_items (sources), ==, 1);

  /* A title is needed, and a web address must be one. */
  editor = add (catalog, "catalog.add-source");
  set_text (editor, "source_url_entry", "example.org/book");
  g_assert_false (done (editor));
  g_assert_true (problem_shown (editor, "source_title_problem"));
  g_assert_true (problem_shown (editor, "source_url_problem"));
  g_assert_true (gtk_widget_has_css_class (child (editor, CHRONO_TYPE_CATALOG_EDITOR, "source_url_entry"), "error"));
  set_text (editor, "source_title_entry", "  A   new book ");
  set_text (editor, "source_url_entry", "ftp://example.org/book");
  g_assert_false (done (editor));
  g_assert_false (problem_shown (editor, "source_title_problem"));
  g_assert_true (problem_shown (editor, "source_url_problem"));
  set_text (editor, "source_url_entry", "https://example.org/book");
  set_text (editor, "source_author_entry", "Someone");
  set_date (editor, "source_date_entry", "2024-13");
  g_assert_false (done (editor));
  set_date (editor, "source_date_entry", "2024-12");
  g_assert_false (chrono_session_get_modified (session));
  g_assert_true (done (editor));

  g_assert_cmpuint (n_items (sources), ==, 2);
  added = g_list_model_get_item (sources, 1);
  g_assert_cmpstr (chrono_source_get_title (added), ==, "A new book");
  g_assert_cmpstr (chrono_source_get_author (added), ==, "Someone");
  g_assert_cmpstr (chrono_source_get_url (added), ==, "https://example.org/book");
  g_assert_cmpint (chrono_source_get_date (added)->month, ==, 12);
  g_assert_true (chrono_session_get_modified (session));

  /* One step back and forth. */
  undo (catalog);
  g_assert_cmpuint (n_items (sources), ==, 1);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (catalog), "catalog.redo", NULL));
  g_assert_cmpuint (n_items (sources), ==, 2);

  /* Deleting a cited source takes its citations with it, in one step. */
  g_assert_true (g_ptr_array_find (chrono_event_get_sources (launch), article, NULL));
  press_delete (catalog, "source_list", 0);
  g_assert_cmpuint (n_items (sources), ==, 1);
  g_assert_false (g_ptr_array_find (chrono_event_get_sources (launch), article, NULL));
  for (guint i = 0; i < chrono_event_get_n_quotes (launch); i++)
    g_assert_null (chrono_quote_get_source (g_ptr_array_index (chrono_event_get_quotes (launch), i)));
  undo (catalog);
  g_assert_cmpuint (n_items (sources), ==, 2);
  g_assert_true (g_ptr_array_find (chrono_event_get_sources (launch), article, NULL));
  g_assert_true (chrono_quote_get_source (g_ptr_array_index (chrono_event_get_quotes (launch), 0)) == article);

  /* Changing one: the row follows. */
  g_signal_emit_by_name (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "source_list"), "row-activated",
                         gtk_list_box_get_row_at_index (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "source_list"), 0));
  editor = ui_test_find_toplevel (CHRONO_TYPE_CATALOG_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, CHRONO_TYPE_CATALOG_EDITOR, "source_title_entry")), ==,
                   "An interview");
  set_text (editor, "source_title_entry", "The interview");
  g_assert_true (done (editor));
  g_assert_cmpstr (chrono_source_get_title (article), ==, "The interview");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "source_list"), 0))),
                   ==, "The interview");
  undo (catalog);
  g_assert_cmpstr (chrono_source_get_title (article), ==, "An interview");

  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_categories (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GListModel *categories = chrono_timeline_get_categories (timeline);
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;
  g_autoptr(ChronoCategory) added = NULL;
  const ChronoPaletteColor *palette;
  GtkLabel *problem;
  guint n_colors;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  catalog = open_catalog (window);
  problem = child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_problem");

  /* A category that events have is not deleted, and the window says why. */
  press_delete (catalog, "category_list", 0);
  g_assert_cmpuint (n_items (categories), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_nonnull (strstr (gtk_label_get_text (problem), "Research"));

  /* A name is needed and must be its own; the colour is the palette's first unused. */
  editor = add (catalog, "catalog.add-category");
  g_assert_false (done (editor));
  g_assert_true (problem_shown (editor, "category_name_problem"));
  set_text (editor, "category_name_entry", "Business");
  g_assert_false (done (editor));
  g_assert_true (problem_shown (editor, "category_name_problem"));
  set_text (editor, "category_name_entry", "Policy");
  g_assert_true (done (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpuint (n_items (categories), ==, 3);
  added = g_list_model_get_item (categories, 2);
  palette = chrono_catalog_get_palette (&n_colors);
  g_assert_cmpuint (n_colors, >=, 8);
  /* The test timeline's research colour is not in the palette, so the first is free. */
  g_assert_cmpstr (chrono_category_get_color (added), ==, palette[0].color);
  g_assert_cmpstr (chrono_category_get_dark_color (added), ==, palette[0].dark_color);
  for (guint i = 0; i < n_colors; i++)
    {
      GdkRGBA light, dark;

      g_assert_true (gdk_rgba_parse (&light, palette[i].color));
      g_assert_true (gdk_rgba_parse (&dark, palette[i].dark_color));
      /* Darker for light themes, lighter for dark ones. */
      g_assert_cmpfloat (light.red + light.green + light.blue, <, dark.red + dark.green + dark.blue);
    }

  /* An unused category is deleted, and comes back with one undo. */
  press_delete (catalog, "category_list", 2);
  g_assert_cmpuint (n_items (categories), ==, 2);
  undo (catalog);
  g_assert_cmpuint (n_items (categories), ==, 3);

  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
focus_after (ChronoCatalogEditor *editor,
             GtkDirectionType     direction)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), direction));

  return gtk_root_get_focus (GTK_ROOT (editor));
}

/* The colours are one radio group, as GNOME's are: Tab reaches the chosen colour in one
 * press and leaves the palette with the next (it took two presses per colour, one for
 * its cell and one for its button), the arrow keys choose another, and each colour is
 * named for screen readers. */
static void
test_palette_keyboard (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GListModel *categories = chrono_timeline_get_categories (timeline);
  g_autoptr(ChronoCategory) added = NULL;
  const ChronoPaletteColor *palette;
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;
  GtkWidget *palette_box;
  GtkWidget *focus;
  guint n_colors, n_swatches = 0;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  catalog = open_catalog (window);
  editor = add (catalog, "catalog.add-category");
  set_text (editor, "category_name_entry", "Policy");
  palette_box = child (editor, CHRONO_TYPE_CATALOG_EDITOR, "palette_box");
  palette = chrono_catalog_get_palette (&n_colors);
  ui_test_wait_for (mapped, palette_box);

  /* From the name, one Tab reaches the palette and one more leaves it. */
  gtk_widget_grab_focus (child (editor, CHRONO_TYPE_CATALOG_EDITOR, "category_name_entry"));
  focus = focus_after (editor, GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_is_ancestor (focus, palette_box));
  focus = focus_after (editor, GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_widget_is_ancestor (focus, palette_box));

  /* Back: the chosen colour (the first no category has), named and checked. */
  focus = focus_after (editor, GTK_DIR_TAB_BACKWARD);
  g_assert_true (gtk_widget_get_parent (focus) == palette_box);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL, "Blue");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE);

  /* An arrow key moves to the next colour and chooses it; Done gives it to the category. */
  focus = focus_after (editor, GTK_DIR_RIGHT);
  g_assert_true (gtk_widget_get_parent (focus) == palette_box);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL, "Teal");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));

  /* Every colour is a radio button with its name. The colour fills it, centred: the
   * style sheet leaves its radio indicator no room, and none of GTK's own parts of the
   * button is hidden by hand (newer GTK may build the button of other parts). */
  for (GtkWidget *swatch = gtk_widget_get_first_child (palette_box); swatch != NULL;
       swatch = gtk_widget_get_next_sibling (swatch))
    {
      GtkWidget *color = gtk_check_button_get_child (GTK_CHECK_BUTTON (swatch));
      graphene_rect_t bounds;

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           palette[n_swatches].name);
      for (GtkWidget *part = gtk_widget_get_first_child (swatch); part != NULL;
           part = gtk_widget_get_next_sibling (part))
        g_assert_true (gtk_widget_get_visible (part));
      g_assert_true (gtk_widget_compute_bounds (color, swatch, &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 0);
      g_assert_cmpfloat_with_epsilon (bounds.origin.x,
                                      gtk_widget_get_width (swatch) - bounds.origin.x - bounds.size.width, 1);
      g_assert_cmpfloat_with_epsilon (bounds.origin.y,
                                      gtk_widget_get_height (swatch) - bounds.origin.y - bounds.size.height, 1);
      n_swatches++;
    }
  g_assert_cmpuint (n_swatches, ==, n_colors);

  g_assert_true (done (editor));
  added = g_list_model_get_item (categories, n_items (categories) - 1);
  g_assert_cmpstr (chrono_category_get_name (added), ==, "Policy");
  g_assert_cmpstr (chrono_category_get_color (added), ==, palette[1].color);

  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_eras (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GListModel *eras = chrono_timeline_get_eras (timeline);
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;
  g_autoptr(ChronoEra) added = NULL;
  guint before;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  catalog = open_catalog (window);
  before = n_items (eras);

  editor = add (catalog, "catalog.add-era");
  set_text (editor, "era_name_entry", "The lab years");
  set_date (editor, "era_start_entry", "2019");
  g_assert_false (done (editor));        /* no end */
  set_date (editor, "era_end_entry", "2015");
  g_assert_false (done (editor));        /* it ends before it starts */
  g_assert_cmpuint (n_items (eras), ==, before);
  set_date (editor, "era_end_entry", "2022-11~");
  g_assert_true (done (editor));
  g_assert_cmpuint (n_items (eras), ==, before + 1);
  added = g_list_model_get_item (eras, before);
  g_assert_cmpstr (chrono_era_get_name (added), ==, "The lab years");
  g_assert_cmpint (chrono_era_get_end (added)->year, ==, 2022);
  g_assert_true (chrono_era_get_end (added)->flags & CHRONO_DATE_APPROXIMATE);

  press_delete (catalog, "era_list", before);
  g_assert_cmpuint (n_items (eras), ==, before);
  undo (catalog);
  g_assert_cmpuint (n_items (eras), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The catalogue of the test timeline in a window of its own, its New Era dialog open. */
static ChronoCatalogEditor *
open_new_era (ChronoWindow        **window,
              ChronoCatalogWindow **catalog)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();

  *window = ui_test_window_new ();
  chrono_window_set_timeline (*window, timeline);
  ui_test_wait_loaded (*window);
  *catalog = open_catalog (*window);

  return add (*catalog, "catalog.add-era");
}

static void
close_all (ChronoCatalogEditor *editor,
           ChronoCatalogWindow *catalog,
           ChronoWindow        *window)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
assert_date_quiet (ChronoCatalogEditor *editor,
                   const char          *name,
                   gboolean             quiet)
{
  ChronoDateEntry *entry = child (editor, CHRONO_TYPE_CATALOG_EDITOR, name);
  GtkWidget *text = GTK_WIDGET (chrono_date_entry_get_editable (entry));
  GtkWidget *found = ui_test_find_widget (GTK_WIDGET (entry), ui_test_is_label_reading, "A date is needed");

  g_assert_cmpint (gtk_widget_has_css_class (text, "error"), ==, !quiet);
  g_assert_cmpint (found == NULL, ==, quiet);
  gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID,
                                    quiet ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE);
}

/* A new era's empty dates say nothing until the user edits them or tries to add the
 * era: then each says that it needs a date, to the eye and to a screen reader. */
static void
test_new_era_quiet (void)
{
  ChronoWindow *window;
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor = open_new_era (&window, &catalog);

  assert_date_quiet (editor, "era_start_entry", TRUE);
  assert_date_quiet (editor, "era_end_entry", TRUE);
  g_assert_false (problem_shown (editor, "era_name_problem"));

  /* Typed and taken back, the start says so at once; the end waits. */
  set_date (editor, "era_start_entry", "2");
  set_date (editor, "era_start_entry", "");
  assert_date_quiet (editor, "era_start_entry", FALSE);
  assert_date_quiet (editor, "era_end_entry", TRUE);

  /* Add (Done) shows every problem. */
  g_assert_false (done (editor));
  assert_date_quiet (editor, "era_end_entry", FALSE);
  g_assert_true (problem_shown (editor, "era_name_problem"));

  close_all (editor, catalog, window);
}

static void
assert_era_mnemonics_distinct (void)
{
  ChronoWindow *window;
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor = open_new_era (&window, &catalog);

  ui_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, child (editor, CHRONO_TYPE_CATALOG_EDITOR, "era_end_entry"));

  /* The name, the start and the end, and the two dates' three boxes each. */
  g_assert_cmpuint (ui_test_assert_mnemonics_distinct (GTK_WIDGET (editor)), ==, 9);

  close_all (editor, catalog, window);
}

/* Each field of a new era has an access key of its own, in English and in Chinese: the
 * start's and the end's Approximate, Uncertain and BCE were A, U and B both, so that
 * Alt+A ticked the start's twice and never the end's. */
static void
test_era_mnemonics (void)
{
  if (g_test_subprocess ())
    {
      ui_test_use_chinese ();
      assert_era_mnemonics_distinct ();
      return;
    }

  assert_era_mnemonics_distinct ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

/* Opened from the event editor: its changes show in the editor at once, and its undo
 * takes back only what was done in it, never the event being edited. */
static void
test_from_event_editor (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *price = chrono_timeline_lookup_event (timeline, "price");
  ChronoEventEditor *event_editor;
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;
  GtkWidget *sources_box;
  GtkDropDown *dropdown;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  chrono_session_select_event (session, price);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", NULL));
  ui_test_iterate ();
  event_editor = CHRONO_EVENT_EDITOR (ui_test_find_child (GTK_WIDGET (window), CHRONO_TYPE_EVENT_EDITOR));
  g_assert_true (chrono_undo_stack_get_can_undo (chrono_session_get_undo_stack (session)));
  sources_box = child (event_editor, CHRONO_TYPE_EVENT_EDITOR, "sources_box");
  dropdown = child (event_editor, CHRONO_TYPE_EVENT_EDITOR, "category_dropdown");
  g_assert_cmpuint (n_children (sources_box), ==, 1);

  catalog = open_catalog (window);
  /* The new event is not this window's to undo. */
  gtk_widget_activate_action (GTK_WIDGET (catalog), "catalog.undo", NULL);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 7);

  editor = add (catalog, "catalog.add-source");
  set_text (editor, "source_title_entry", "A new book");
  g_assert_true (done (editor));
  g_assert_cmpuint (n_children (sources_box), ==, 2);

  /* A renamed category reads by its new name in the editor's choice. */
  g_signal_emit_by_name (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_list"), "row-activated",
                         gtk_list_box_get_row_at_index (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_list"), 1));
  editor = ui_test_find_toplevel (CHRONO_TYPE_CATALOG_EDITOR);
  set_text (editor, "category_name_entry", "Money");
  g_assert_true (done (editor));
  g_assert_cmpstr (chrono_category_get_name (gtk_drop_down_get_selected_item (dropdown)), ==, "Money");

  undo (catalog);
  undo (catalog);
  g_assert_cmpuint (n_children (sources_box), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (catalog), "catalog.undo", NULL);
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), ==, 7);
  g_assert_true (chrono_event_editor_get_event (event_editor) != NULL);

  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The check at @index in the category filter's popover, or NULL. */
static GtkWidget *
filter_check (ChronoWindow *window,
              guint         index)
{
  GtkWidget *filter = ui_test_find_child (GTK_WIDGET (window), CHRONO_TYPE_CATEGORY_FILTER);
  GtkWidget *check = gtk_widget_get_first_child (child (filter, CHRONO_TYPE_CATEGORY_FILTER, "category_box"));

  for (guint i = 0; i < index && check != NULL; i++)
    check = gtk_widget_get_next_sibling (check);

  return check;
}

static const char *
check_label (GtkWidget *check)
{
  GtkWidget *label = ui_test_find_child (check, GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The Categories menu button is named without its access key's underscore: on GTK 4.8
 * its outer part, a button of its own to a screen reader, was read as "GtkMenuButton". */
static void
test_filter_button_name (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GtkWidget *filter;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  filter = ui_test_find_child (GTK_WIDGET (window), CHRONO_TYPE_CATEGORY_FILTER);
  gtk_test_accessible_assert_property (child (filter, CHRONO_TYPE_CATEGORY_FILTER, "category_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Categories");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The category filter follows what the catalog does to the categories: one added shows
 * in its popover, and one renamed by its new name, while the popover is open too. A new
 * timeline's filter, which has nothing to offer, offers its first category once its
 * first event made it. (It kept the categories the timeline opened with, and stayed
 * insensitive on a new timeline.) */
static void
test_filter_follows_categories (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  GtkWidget *filter;
  GtkMenuButton *button;
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  filter = ui_test_find_child (GTK_WIDGET (window), CHRONO_TYPE_CATEGORY_FILTER);
  button = child (filter, CHRONO_TYPE_CATEGORY_FILTER, "category_button");

  catalog = open_catalog (window);
  editor = add (catalog, "catalog.add-category");
  set_text (editor, "category_name_entry", "Policy");
  g_assert_true (done (editor));

  gtk_menu_button_popup (button);
  ui_test_iterate ();
  g_assert_nonnull (filter_check (window, 2));
  g_assert_cmpstr (check_label (filter_check (window, 2)), ==, "Policy");
  g_assert_null (filter_check (window, 3));

  g_signal_emit_by_name (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_list"), "row-activated",
                         gtk_list_box_get_row_at_index (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_list"), 2));
  editor = ui_test_find_toplevel (CHRONO_TYPE_CATALOG_EDITOR);
  set_text (editor, "category_name_entry", "Politics");
  g_assert_true (done (editor));
  g_assert_cmpstr (check_label (filter_check (window, 2)), ==, "Politics");

  undo (catalog);
  undo (catalog);
  g_assert_null (filter_check (window, 2));
  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (catalog));

  /* As New Timeline makes it in a window of its own. */
  chrono_window_set_timeline (window, NULL);
  chrono_session_new_timeline (chrono_window_get_session (window));
  ui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", NULL));
  ui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  ui_test_iterate ();
  g_assert_nonnull (filter_check (window, 0));
  g_assert_null (filter_check (window, 1));
  gtk_menu_button_popdown (button);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  event)
{
  return CHRONO_IS_EVENT_ROW (widget) && chrono_event_row_get_event (CHRONO_EVENT_ROW (widget)) == event;
}

/* A category renamed in the catalog reads by its new name in the event pane and in the
 * event list, as on the timeline. (Both kept the old name and colour: they followed
 * the event, which an edit of its category does not change.) */
static void
test_panes_follow_categories (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  GtkWidget *pane = ui_test_find_child (GTK_WIDGET (window), CHRONO_TYPE_EVENT_PANE);
  GtkLabel *category_label = child (pane, CHRONO_TYPE_EVENT_PANE, "category_label");
  ChronoCatalogWindow *catalog;
  ChronoCatalogEditor *editor;
  g_autofree char *dates = NULL;
  g_autofree char *read_as = NULL;
  GtkWidget *row;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  chrono_session_select_event (session, launch);
  ui_test_iterate ();
  g_assert_cmpstr (gtk_label_get_text (category_label), ==, "Business");
  row = ui_test_find_widget (GTK_WIDGET (window), is_row_of, launch);
  g_assert_nonnull (row);

  catalog = open_catalog (window);
  g_signal_emit_by_name (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_list"), "row-activated",
                         gtk_list_box_get_row_at_index (child (catalog, CHRONO_TYPE_CATALOG_WINDOW, "category_list"), 1));
  editor = ui_test_find_toplevel (CHRONO_TYPE_CATALOG_EDITOR);
  set_text (editor, "category_name_entry", "Money");
  g_assert_true (done (editor));

  g_assert_cmpstr (gtk_label_get_text (category_label), ==, "Money");
  dates = chrono_date_format_span (chrono_event_get_start (launch), chrono_event_get_end (launch));
  read_as = g_strdup_printf ("%s, %s, %s", dates, chrono_layout_event_text (launch), "Money");
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window), is_row_of, launch) == row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, read_as);

  undo (catalog);
  g_assert_cmpstr (gtk_label_get_text (category_label), ==, "Business");

  gtk_window_destroy (GTK_WINDOW (catalog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The built-in timeline is read-only: the window does not open, a copy is offered. */
static void
test_builtin_read_only (void)
{
  ChronoWindow *window = ui_test_window_new ();
  GtkWidget *question;

  ui_test_wait_loaded (window);
  g_assert_true (chrono_session_get_read_only (chrono_window_get_session (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-catalog", NULL);
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_CATALOG_WINDOW));
  question = ui_test_find_question ();
  g_assert_nonnull (question);
  g_assert_true (ui_test_question_has_response (question, "copy"));
  g_assert_true (ui_test_question_click (question, "cancel"));
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (CHRONO_TYPE_CATALOG_WINDOW));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The palette's names and roles are checked as a screen reader gets them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/catalog/sources", test_sources);
  g_test_add_func ("/ui/catalog/categories", test_categories);
  g_test_add_func ("/ui/catalog/palette-keyboard", test_palette_keyboard);
  g_test_add_func ("/ui/catalog/eras", test_eras);
  g_test_add_func ("/ui/catalog/new-era-quiet", test_new_era_quiet);
  g_test_add_func ("/ui/catalog/era-mnemonics", test_era_mnemonics);
  g_test_add_func ("/ui/catalog/from-event-editor", test_from_event_editor);
  g_test_add_func ("/ui/catalog/filter-follows-categories", test_filter_follows_categories);
  g_test_add_func ("/ui/catalog/filter-button-name", test_filter_button_name);
  g_test_add_func ("/ui/catalog/panes-follow-categories", test_panes_follow_categories);
  g_test_add_func ("/ui/catalog/builtin-read-only", test_builtin_read_only);

  return g_test_run ();
}
