/* test-window.c — the window: built-in timeline, opening files, search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "io/chrono-timeline-writer.h"
#include "ui-test-util.h"
#include "ui/chrono-category-filter.h"
#include "ui/chrono-event-row.h"
#include "ui/chrono-event-list.h"
#include "ui/chrono-event-pane.h"
#include "view/chrono-overview.h"
#include "view/chrono-timeline-view.h"

static GObject *
template_child_of (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static GObject *
template_child (gpointer    widget,
                const char *name)
{
  return template_child_of (widget, CHRONO_TYPE_WINDOW, name);
}

/* The sidebar's parts: search, count, categories and list. */
static GObject *
sidebar_child (gpointer    window,
               const char *name)
{
  GObject *list = template_child (window, "event_list");

  if (g_str_equal (name, "category_box") || g_str_equal (name, "category_button"))
    return template_child_of (ui_test_find_child (GTK_WIDGET (list), CHRONO_TYPE_CATEGORY_FILTER),
                              CHRONO_TYPE_CATEGORY_FILTER, name);

  return template_child_of (list, CHRONO_TYPE_EVENT_LIST, name);
}

static void
test_builtin (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoTimeline *timeline;
  AdwWindowTitle *title = ADW_WINDOW_TITLE (template_child (window, "window_title"));

  ui_test_wait_loaded (window);
  timeline = chrono_session_get_timeline (chrono_window_get_session (window));
  g_assert_nonnull (timeline);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (chrono_timeline_get_n_events (timeline), >, 10);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "From AlexNet to AGI");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "From AlexNet to AGI");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "From AlexNet to AGI");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child (window, "error_revealer"))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)))), ==,
                    chrono_timeline_get_n_events (timeline));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static gboolean
all_rows_filled (gpointer data)
{
  ChronoWindow *window = data;
  GtkWidget *list_view = GTK_WIDGET (sidebar_child (window, "list_view"));
  GListModel *shown = G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)));
  guint n_filled = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = ui_test_find_child (item, CHRONO_TYPE_EVENT_ROW);

      if (row != NULL && chrono_event_row_get_event (CHRONO_EVENT_ROW (row)) != NULL)
        n_filled++;
    }

  return n_filled == g_list_model_get_n_items (shown);
}

/* The list view gets the built-in timeline's events that fit in the window first, the
 * others after the first frame, and then every event has a row that shows it, in order. */
static void
test_list_rows_filled (void)
{
  ChronoWindow *window = ui_test_window_new ();
  GtkWidget *list_view = GTK_WIDGET (sidebar_child (window, "list_view"));
  GListModel *shown = G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)));
  guint n_rows = 0;

  ui_test_wait_loaded (window);
  ui_test_wait_for (all_rows_filled, window);

  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = ui_test_find_child (item, CHRONO_TYPE_EVENT_ROW);
      g_autoptr(ChronoEvent) event = NULL;

      if (row == NULL)
        continue;
      event = g_list_model_get_item (shown, n_rows++);
      g_assert_true (chrono_event_row_get_event (CHRONO_EVENT_ROW (row)) == event);
    }
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (shown));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

typedef struct
{
  ChronoWindow *window;
  guint         n_painted;
  guint         first_rows;     /* at the first frame */
  gboolean      first_panes;
  gboolean      events_painted; /* a frame with the events has been painted */
  gboolean      next_done;      /* and the frame after it seen: */
  gboolean      next_filled;
  gboolean      next_panes;
} FirstFrames;

static guint
count_rows (GtkWidget *list_view,
            double    *bottom)
{
  guint n_rows = 0;

  *bottom = 0;
  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = ui_test_find_child (item, CHRONO_TYPE_EVENT_ROW);
      graphene_rect_t bounds;

      if (row == NULL || chrono_event_row_get_event (CHRONO_EVENT_ROW (row)) == NULL ||
          !gtk_widget_compute_bounds (item, list_view, &bounds))
        continue;
      n_rows++;
      *bottom = MAX (*bottom, bounds.origin.y + bounds.size.height);
    }

  return n_rows;
}

static void
first_frames_cb (GdkFrameClock *clock,
                 FirstFrames   *frames)
{
  GtkWidget *list_view = GTK_WIDGET (sidebar_child (frames->window, "list_view"));
  GListModel *shown = G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (frames->window)));
  guint n_items = g_list_model_get_n_items (shown);
  gboolean panes = gtk_widget_get_mapped (GTK_WIDGET (template_child (frames->window, "panes_box")));
  double bottom;
  guint n_rows = count_rows (list_view, &bottom);

  if (frames->n_painted++ == 0)
    {
      frames->first_rows = n_rows;
      frames->first_panes = panes;
    }
  if (frames->events_painted && !frames->next_done)
    {
      frames->next_done = TRUE;
      frames->next_filled = n_rows == n_items || bottom >= gtk_widget_get_height (list_view);
      frames->next_panes = panes;
    }
  frames->events_painted |= n_items > 0;
}

static gboolean
next_frame_seen (gpointer data)
{
  return ((FirstFrames *) data)->next_done;
}

/* The first frame is the timeline's (the built-in timeline may still be loading then):
 * the list's rows and the panes below, which cost as much again, come after it. In the
 * frame after the first one with the events, the rows made reach the bottom of the list,
 * unless there is a row for every event. */
static void
test_first_frames (void)
{
  FirstFrames frames = { ui_test_window_new () };
  GdkFrameClock *clock;

  gtk_widget_realize (GTK_WIDGET (frames.window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (frames.window));
  g_signal_connect (clock, "paint", G_CALLBACK (first_frames_cb), &frames);
  ui_test_wait_for (next_frame_seen, &frames);
  g_signal_handlers_disconnect_by_func (clock, first_frames_cb, &frames);

  g_assert_cmpuint (frames.first_rows, ==, 0);
  g_assert_false (frames.first_panes);
  g_assert_true (frames.next_filled);
  g_assert_true (frames.next_panes);

  gtk_window_destroy (GTK_WINDOW (frames.window));
  ui_test_iterate ();
}

/* What the window's layout is: where the panes divide, whether the bottom panes are
 * stacked and the sidebar folded, and how big the timeline is. */
typedef struct
{
  int            position;
  GtkOrientation orientation;
  gboolean       folded;
  int            view_width;
  int            view_height;
} WindowLayout;

static void
get_window_layout (ChronoWindow *window,
                   WindowLayout *layout)
{
  GtkWidget *view = GTK_WIDGET (template_child (window, "timeline_view"));

  layout->position = gtk_paned_get_position (GTK_PANED (template_child (window, "main_box")));
  layout->orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (template_child (window, "panes_box")));
  layout->folded = adw_flap_get_folded (ADW_FLAP (template_child (window, "flap")));
  layout->view_width = gtk_widget_get_width (view);
  layout->view_height = gtk_widget_get_height (view);
}

typedef struct
{
  ChronoWindow *window;
  gboolean      painted;
  WindowLayout  layout;
} FirstLayout;

static void
first_layout_cb (GdkFrameClock *clock,
                 FirstLayout   *first)
{
  if (first->painted)
    return;
  first->painted = TRUE;
  get_window_layout (first->window, &first->layout);
}

static gboolean
first_layout_painted (gpointer data)
{
  return ((FirstLayout *) data)->painted;
}

/* The first frame shows the window laid out as it stays: it does not jump after it. */
static void
check_first_frame_layout (int width)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  FirstLayout first = { NULL, FALSE };
  WindowLayout settled;
  GdkFrameClock *clock;

  g_settings_set_int (settings, "window-width", width);
  first.window = ui_test_window_new ();
  gtk_widget_realize (GTK_WIDGET (first.window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (first.window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_layout_cb), &first);
  ui_test_wait_for (first_layout_painted, &first);
  g_signal_handlers_disconnect_by_func (clock, first_layout_cb, &first);
  ui_test_wait_loaded (first.window);
  for (guint i = 0; i < 10; i++)
    ui_test_iterate ();

  get_window_layout (first.window, &settled);
  g_test_message ("%d px wide: first frame position %d, view %d×%d; then %d, view %d×%d", width,
                  first.layout.position, first.layout.view_width, first.layout.view_height,
                  settled.position, settled.view_width, settled.view_height);
  g_assert_cmpint (first.layout.position, ==, settled.position);
  g_assert_cmpint (first.layout.orientation, ==, settled.orientation);
  g_assert_cmpint (first.layout.folded, ==, settled.folded);
  g_assert_cmpint (first.layout.view_width, ==, settled.view_width);
  g_assert_cmpint (first.layout.view_height, ==, settled.view_height);

  gtk_window_destroy (GTK_WINDOW (first.window));
  ui_test_iterate ();
  g_settings_reset (settings, "window-width");
}

static void
test_first_frame_layout (void)
{
  check_first_frame_layout (1200);
  check_first_frame_layout (360);
}

/* The main menu's popover and the shortcuts window are made when they are first asked
 * for, not with the window. */
static void
test_built_on_demand (void)
{
  ChronoWindow *window = ui_test_window_new ();
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (template_child (window, "primary_menu_button"));
  GtkShortcutsWindow *overlay;
  GtkPopover *popover;

  ui_test_wait_loaded (window);
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_menu_button_popup (menu_button);
  ui_test_iterate ();
  popover = gtk_menu_button_get_popover (menu_button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_menu_button_get_menu_model (menu_button) == G_MENU_MODEL (template_child (window, "primary_menu")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (menu_button);
  ui_test_iterate ();

  /* Opening it again keeps the same popover. */
  gtk_menu_button_popup (menu_button);
  ui_test_iterate ();
  g_assert_true (gtk_menu_button_get_popover (menu_button) == popover);
  gtk_menu_button_popdown (menu_button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_iterate ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closed, it is hidden and shown again, not built again. */
  gtk_window_close (GTK_WINDOW (overlay));
  ui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_iterate ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_open_broken_keeps_timeline (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkRevealer *revealer = GTK_REVEALER (template_child (window, "error_revealer"));
  GtkLabel *label = GTK_LABEL (template_child (window, "error_label"));
  ChronoTimeline *before;
  ChronoEvent *selected;

  g_assert_no_error (error);
  g_file_set_contents (path,
                       "<?xml version=\"1.0\"?>\n"
                       "<timeline xmlns=\"https://chronoscope.github.io/ns/timeline/1\" version=\"1\">\n"
                       "  <title>Broken\n"
                       "</timeline>\n",
                       -1, &error);
  g_assert_no_error (error);

  ui_test_wait_loaded (window);
  before = chrono_session_get_timeline (chrono_window_get_session (window));
  g_assert_nonnull (before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL);
  selected = chrono_session_get_selected_event (chrono_window_get_session (window));
  g_assert_nonnull (selected);

  chrono_window_open_file (window, file);
  g_assert_true (chrono_session_get_loading (chrono_window_get_session (window)));
  ui_test_wait_loaded (window);

  /* The old timeline and its selection stay; the reader's message names the place. */
  g_assert_true (chrono_session_get_timeline (chrono_window_get_session (window)) == before);
  g_assert_true (chrono_session_get_selected_event (chrono_window_get_session (window)) == selected);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "broken.chronoscope:"));
  g_test_message ("Error shown: %s", gtk_label_get_text (label));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

static ChronoWindow *
other_window (ChronoWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CHRONO_IS_WINDOW (toplevel) && CHRONO_WINDOW (toplevel) != window)
        return CHRONO_WINDOW (toplevel);
    }

  return NULL;
}

static gboolean
gone_or_loaded (gpointer data)
{
  g_autoptr(ChronoWindow) window = g_weak_ref_get (data);

  return window == NULL || !chrono_session_get_loading (chrono_window_get_session (window));
}

/* A broken file opened from a window that shows a file of its own: the error shows in
 * that window, which keeps its timeline, and no other window stays. */
static void
test_open_broken_from_file_window (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "not-xml.chronoscope", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  GtkRevealer *revealer = GTK_REVEALER (template_child (window, "error_revealer"));
  GtkLabel *label = GTK_LABEL (template_child (window, "error_label"));
  ChronoTimeline *before;
  GWeakRef other;

  ui_test_wait_loaded (window);
  chrono_window_open_file (window, good_file);
  ui_test_wait_loaded (window);
  before = chrono_session_get_timeline (chrono_window_get_session (window));
  g_assert_false (chrono_session_get_builtin (chrono_window_get_session (window)));
  g_assert_null (other_window (window));

  chrono_window_open_files (window, &broken_file, 1);
  g_weak_ref_init (&other, other_window (window));
  ui_test_wait_for (gone_or_loaded, &other);
  ui_test_iterate ();

  g_assert_null (other_window (window));
  g_assert_true (chrono_session_get_timeline (chrono_window_get_session (window)) == before);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "not-xml.chronoscope:"));
  g_test_message ("Error shown: %s", gtk_label_get_text (label));

  g_weak_ref_clear (&other);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static gboolean
no_other_window (gpointer data)
{
  return other_window (data) == NULL;
}

/* Several broken files dropped at once: each one's error shows, the latest ones in full
 * and the others counted, until the banner is dismissed. */
static void
test_open_several_broken (void)
{
  static const char * const names[] = {
    "not-xml.chronoscope", "truncated.chronoscope", "bad-date.chronoscope",
    "missing-start.chronoscope", "wrong-root.chronoscope",
  };
  ChronoWindow *window = ui_test_window_new ();
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  GFile *broken[G_N_ELEMENTS (names)];
  GtkRevealer *revealer = GTK_REVEALER (template_child (window, "error_revealer"));
  GtkLabel *label = GTK_LABEL (template_child (window, "error_label"));
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", names[i], NULL);

      broken[i] = g_file_new_for_path (path);
    }
  ui_test_wait_loaded (window);
  chrono_window_open_file (window, good_file);
  ui_test_wait_loaded (window);

  chrono_window_open_files (window, broken, 2);
  ui_test_wait_for (no_other_window, window);
  ui_test_iterate ();
  text = gtk_label_get_text (label);
  g_test_message ("Errors shown: %s", text);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (text, "not-xml.chronoscope:"));
  g_assert_nonnull (strstr (text, "truncated.chronoscope:"));
  g_assert_null (strstr (text, "could not be opened."));

  /* Three more: the last three in full, the first two counted. */
  chrono_window_open_files (window, broken + 2, 3);
  ui_test_wait_for (no_other_window, window);
  ui_test_iterate ();
  text = gtk_label_get_text (label);
  g_test_message ("Errors shown: %s", text);
  g_assert_true (g_str_has_prefix (text, "2 more files could not be opened.\n\n"));
  g_assert_null (strstr (text, "not-xml.chronoscope"));
  g_assert_null (strstr (text, "truncated.chronoscope"));
  for (guint i = 2; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (text, names[i]));

  /* Once dismissed, the next error shows alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
  chrono_window_open_files (window, broken, 1);
  ui_test_wait_for (no_other_window, window);
  ui_test_iterate ();
  text = gtk_label_get_text (label);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (g_str_has_prefix (text, "Could not open “not-xml.chronoscope”\n"));
  g_assert_null (strstr (text, "wrong-root"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (broken[i]);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_open_file (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (template_child (window, "window_title"));

  g_assert_no_error (error);
  chrono_timeline_save (timeline, file, NULL, &error);
  g_assert_no_error (error);

  ui_test_wait_loaded (window);
  chrono_window_open_file (window, file);
  ui_test_wait_loaded (window);

  g_assert_cmpstr (chrono_timeline_get_title (chrono_session_get_timeline (chrono_window_get_session (window))), ==, "Test Timeline");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Test Timeline");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "test.chronoscope");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)))), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

static void
test_search_and_categories (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoTimeline) other = ui_test_big_timeline_new (3);
  GtkEditable *entry = GTK_EDITABLE (sidebar_child (window, "search_entry"));
  GtkLabel *count = GTK_LABEL (sidebar_child (window, "count_label"));
  GtkStack *list_stack = GTK_STACK (sidebar_child (window, "list_stack"));
  GtkWidget *category_box = GTK_WIDGET (sidebar_child (window, "category_box"));
  GListModel *shown = G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)));
  LabelWait wait = { count, NULL };
  GtkWidget *check;
  g_autoptr(ChronoEvent) first = NULL;

  ui_test_wait_loaded (window);
  chrono_window_set_timeline (window, timeline);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "6 events");

  /* Ctrl+F opens the search; the entry filters after its short delay. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (sidebar_child (window, "search_bar"))));
  gtk_editable_set_text (entry, "$20");
  wait.text = "1 of 6 events";
  ui_test_wait_for (label_is, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (chrono_event_get_id (first), ==, "price");

  /* The original Chinese wording of a quote matches too. */
  gtk_editable_set_text (entry, "20美元");
  ui_test_iterate ();
  wait.text = "1 of 6 events";
  ui_test_wait_for (label_is, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  gtk_editable_set_text (entry, "no such thing anywhere");
  wait.text = "0 of 6 events";
  ui_test_wait_for (label_is, &wait);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");

  gtk_editable_set_text (entry, "");
  wait.text = "6 events";
  ui_test_wait_for (label_is, &wait);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* The popover's checks are built when it first opens, one per category; unticking
   * "Research" hides its three events. */
  g_assert_null (gtk_widget_get_first_child (category_box));
  gtk_menu_button_popup (GTK_MENU_BUTTON (sidebar_child (window, "category_button")));
  ui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (category_box));
  check = gtk_widget_get_first_child (category_box);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (check), "chrono-category-id"), ==, "research");
  g_assert_nonnull (gtk_widget_get_next_sibling (check));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (check)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  ui_test_iterate ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "3 of 6 events");
  g_assert_false (chrono_event_filter_get_category_visible (chrono_session_get_filter (chrono_window_get_session (window)), "research"));

  /* Search and categories combine. */
  gtk_editable_set_text (entry, "AlexNet");
  wait.text = "0 of 6 events";
  ui_test_wait_for (label_is, &wait);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-categories", NULL);
  ui_test_iterate ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "1 of 6 events");

  /* Another timeline's categories replace them, built when the popover opens again. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (sidebar_child (window, "category_button")));
  ui_test_iterate ();
  chrono_window_set_timeline (window, other);
  ui_test_iterate ();
  g_assert_null (gtk_widget_get_first_child (category_box));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sidebar_child (window, "category_button"))));
  chrono_window_set_timeline (window, timeline);
  ui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sidebar_child (window, "category_button"))));
  gtk_menu_button_popup (GTK_MENU_BUTTON (sidebar_child (window, "category_button")));
  ui_test_iterate ();
  check = gtk_widget_get_first_child (category_box);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (check), "chrono-category-id"), ==, "research");
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (check)));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

typedef struct
{
  ChronoWindow *window;
  gboolean      narrow;
} LayoutWait;

static gboolean
layout_is (gpointer data)
{
  LayoutWait *wait = data;
  AdwFlap *flap = ADW_FLAP (template_child (wait->window, "flap"));
  GtkWidget *panes = GTK_WIDGET (template_child (wait->window, "panes_box"));

  /* The panes are laid out after the first frame, which newer GTK lays out folded
   * already. */
  return adw_flap_get_folded (flap) == wait->narrow && gtk_widget_get_mapped (panes) &&
         gtk_widget_get_width (panes) > 0;
}

static void
test_narrow_layout (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  ChronoWindow *window;
  GtkOrientable *panes;
  AdwFlap *flap;
  LayoutWait wait = { NULL, TRUE };

  /* The window takes its size from the settings, as at a real start. */
  g_settings_set_int (settings, "window-width", 360);
  window = ui_test_window_new ();
  panes = GTK_ORIENTABLE (template_child (window, "panes_box"));
  flap = ADW_FLAP (template_child (window, "flap"));
  wait.window = window;
  ui_test_wait_loaded (window);
  ui_test_wait_for (layout_is, &wait);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 720);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_cmpint (gtk_orientable_get_orientation (panes), ==, GTK_ORIENTATION_VERTICAL);

  /* With no event chosen, the details pane is as tall as its wrapped text needs: nothing
   * of it is cut off below. */
  {
    GtkWidget *pane = GTK_WIDGET (template_child (window, "event_pane"));
    GtkStack *stack = GTK_STACK (template_child_of (pane, CHRONO_TYPE_EVENT_PANE, "stack"));
    int natural;

    chrono_session_select_event (CHRONO_SESSION (template_child (window, "session")), NULL);
    ui_test_iterate ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    gtk_widget_measure (gtk_stack_get_visible_child (stack), GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (pane),
                        NULL, &natural, NULL, NULL);
    g_test_message ("empty page: %d px wide, %d px tall, needs %d", gtk_widget_get_width (pane),
                    gtk_widget_get_height (pane), natural);
    g_assert_cmpint (gtk_widget_get_height (pane), >=, natural);
  }

  /* F9 still opens the folded sidebar. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 720);
  wait.narrow = FALSE;
  ui_test_wait_for (layout_is, &wait);
  g_assert_cmpint (gtk_orientable_get_orientation (panes), ==, GTK_ORIENTATION_HORIZONTAL);
  g_assert_true (adw_flap_get_reveal_flap (flap));

  /* Folding hides the sidebar, but the wide window's choice stays, for the next start too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait.narrow = TRUE;
  ui_test_wait_for (layout_is, &wait);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 720);
  wait.narrow = FALSE;
  ui_test_wait_for (layout_is, &wait);
  g_assert_true (adw_flap_get_reveal_flap (flap));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "sidebar-visible");
}

static gboolean
lanes_laid_out (gpointer data)
{
  ChronoTimelineView *view = CHRONO_TIMELINE_VIEW (template_child (data, "timeline_view"));
  ChronoOverview *overview = CHRONO_OVERVIEW (template_child (data, "overview"));
  ChronoLayout *layout = chrono_timeline_view_get_layout (view);

  return layout != NULL && layout->lanes->len > 0 && chrono_overview_get_max_lanes (overview) > 0;
}

/* In a short window the timeline has rows for fewer lanes than there are categories; the
 * overview shows no more lanes than the timeline does. */
static void
test_overview_lanes_follow_timeline (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  ChronoWindow *window;
  ChronoLayout *layout;
  guint n_categories;

  g_settings_set_boolean (settings, "lanes", TRUE);
  g_settings_set_int (settings, "window-height", 480);
  window = ui_test_window_new ();
  ui_test_wait_loaded (window);
  ui_test_wait_for (lanes_laid_out, window);

  layout = chrono_timeline_view_get_layout (CHRONO_TIMELINE_VIEW (template_child (window, "timeline_view")));
  n_categories = g_list_model_get_n_items (chrono_timeline_get_categories (chrono_session_get_timeline (CHRONO_SESSION (template_child (window, "session")))));
  g_test_message ("%u lanes for %u categories", layout->lanes->len, n_categories);
  g_assert_cmpuint (layout->lanes->len, <, n_categories);
  g_assert_cmpuint (chrono_overview_get_max_lanes (CHRONO_OVERVIEW (template_child (window, "overview"))), ==,
                    layout->lanes->len);

  ui_test_reset_settings ();
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* The number of handlers @window has on @timeline's signals. */
static guint
count_window_handlers (ChronoTimeline *timeline,
                       ChronoWindow   *window)
{
  guint n = g_signal_handlers_block_matched (timeline, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window);

  g_signal_handlers_unblock_matched (timeline, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window);

  return n;
}

/* The header follows the title of the timeline shown, and lets go of a timeline that is
 * no longer shown (it kept two handlers on every timeline it had shown, and two more each
 * time one was shown again). */
static void
test_title_follows_timeline (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) first = chrono_timeline_new ();
  g_autoptr(ChronoTimeline) second = chrono_timeline_new ();
  AdwWindowTitle *title;

  ui_test_wait_loaded (window);
  title = ADW_WINDOW_TITLE (template_child (window, "window_title"));
  chrono_timeline_set_title (first, "First");
  chrono_timeline_seal (first);
  chrono_timeline_set_title (second, "Second");
  chrono_timeline_seal (second);

  chrono_window_set_timeline (window, first);
  chrono_window_set_timeline (window, first);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "First");
  g_assert_cmpuint (count_window_handlers (first, window), ==, 2);

  chrono_window_set_timeline (window, second);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Second");
  g_assert_cmpuint (count_window_handlers (first, window), ==, 0);
  g_assert_cmpuint (count_window_handlers (second, window), ==, 2);

  chrono_timeline_set_title (second, "Second, renamed");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Second, renamed");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_cmpuint (count_window_handlers (second, window), ==, 0);
}

typedef struct
{
  ChronoWindow   *window;
  GtkProgressBar *bar;
  guint           n_reports;
  double          last;
  gboolean        cancel_on_first;
} ProgressWatch;

static void
fraction_notify_cb (GtkProgressBar *bar,
                    GParamSpec     *pspec,
                    ProgressWatch  *watch)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction <= 0)
    return;

  g_assert_cmpfloat (fraction, >=, watch->last);
  g_assert_cmpfloat (fraction, <=, 1);
  watch->last = fraction;
  watch->n_reports++;

  /* Cancel while the file is still being read: the first report comes at 1 %. */
  if (watch->cancel_on_first && watch->n_reports == 1)
    {
      g_assert_cmpfloat (fraction, <, 1);
      gtk_widget_activate_action (GTK_WIDGET (watch->window), "win.cancel-load", NULL);
    }
}

static char *
write_big_file (const char *dir,
                guint       n_events)
{
  g_autoptr(ChronoTimeline) big = chrono_timeline_new ();
  g_autoptr(ChronoCategory) category = chrono_category_new ("misc", "Miscellany", "#1c71d8", NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "big.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* The file format wants a category on every event. */
  chrono_timeline_set_title (big, "Big");
  chrono_timeline_add_category (big, category);
  for (guint i = 0; i < n_events; i++)
    {
      ChronoDate date = { 0 };
      g_autofree char *id = g_strdup_printf ("e%07u", i);
      g_autoptr(ChronoEvent) event = NULL;

      chrono_date_from_time ((ChronoTime) i * 3600, CHRONO_PRECISION_MINUTE, &date);
      event = chrono_event_new (id, &date, id);
      chrono_event_set_category (event, category);
      chrono_timeline_add_event (big, event);
    }
  chrono_timeline_seal (big);

  chrono_timeline_save (big, file, NULL, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_open_progress_and_cancel (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkRevealer *revealer = GTK_REVEALER (template_child (window, "progress_revealer"));
  ProgressWatch watch = { window, GTK_PROGRESS_BAR (template_child (window, "progress_bar")), 0, 0, TRUE };
  ChronoTimeline *before;
  gulong handler;

  g_assert_no_error (error);
  path = write_big_file (dir, 100000);
  file = g_file_new_for_path (path);

  ui_test_wait_loaded (window);
  before = chrono_session_get_timeline (chrono_window_get_session (window));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  handler = g_signal_connect (watch.bar, "notify::fraction", G_CALLBACK (fraction_notify_cb), &watch);

  /* Cancelled part-way: the old timeline stays, with no error. */
  chrono_window_open_file (window, file);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (chrono_session_get_timeline (chrono_window_get_session (window)) == before);
  ui_test_wait_loaded (window);
  g_assert_cmpuint (watch.n_reports, >=, 1);
  g_assert_true (chrono_session_get_timeline (chrono_window_get_session (window)) == before);
  g_assert_cmpstr (chrono_timeline_get_title (before), ==, "From AlexNet to AGI");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child (window, "error_revealer"))));

  /* Left to finish: progress climbs to the end and the new timeline replaces the old. */
  watch.n_reports = 0;
  watch.last = 0;
  watch.cancel_on_first = FALSE;
  chrono_window_open_file (window, file);
  ui_test_wait_loaded (window);
  g_assert_cmpuint (watch.n_reports, >, 1);
  g_assert_cmpfloat (watch.last, ==, 1);
  g_assert_cmpstr (chrono_timeline_get_title (chrono_session_get_timeline (chrono_window_get_session (window))), ==, "Big");
  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (chrono_window_get_session (window))), ==, 100000);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  g_signal_handler_disconnect (watch.bar, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

/* A file dropped on the window: the drop target's "drop" signal with a GFile, as GTK
 * emits it once the drag's data has arrived. */
static void
test_drop_file (void)
{
  ChronoWindow *window = ui_test_window_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chrono-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "dropped.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_no_error (error);
  chrono_timeline_save (timeline, file, NULL, &error);
  g_assert_no_error (error);
  ui_test_wait_loaded (window);
  g_assert_cmpstr (chrono_timeline_get_title (chrono_session_get_timeline (chrono_window_get_session (window))), ==, "From AlexNet to AGI");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  ui_test_wait_loaded (window);
  g_assert_cmpstr (chrono_timeline_get_title (chrono_session_get_timeline (chrono_window_get_session (window))), ==, "Test Timeline");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)))), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/builtin-timeline", test_builtin);
  g_test_add_func ("/ui/window/built-on-demand", test_built_on_demand);
  g_test_add_func ("/ui/window/list-rows-filled", test_list_rows_filled);
  g_test_add_func ("/ui/window/list-first-frame", test_first_frames);
  g_test_add_func ("/ui/window/first-frame-layout", test_first_frame_layout);
  g_test_add_func ("/ui/window/open-broken-keeps-timeline", test_open_broken_keeps_timeline);
  g_test_add_func ("/ui/window/open-broken-from-file-window", test_open_broken_from_file_window);
  g_test_add_func ("/ui/window/open-several-broken", test_open_several_broken);
  g_test_add_func ("/ui/window/open-file", test_open_file);
  g_test_add_func ("/ui/window/search-and-categories", test_search_and_categories);
  g_test_add_func ("/ui/window/narrow-layout", test_narrow_layout);
  /* After other windows were destroyed: changing the lanes setting must not reach them. */
  g_test_add_func ("/ui/window/overview-lanes-follow-timeline", test_overview_lanes_follow_timeline);
  g_test_add_func ("/ui/window/open-progress-and-cancel", test_open_progress_and_cancel);
  g_test_add_func ("/ui/window/drop-file", test_drop_file);
  g_test_add_func ("/ui/window/title-follows-timeline", test_title_follows_timeline);

  return g_test_run ();
}
