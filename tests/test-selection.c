/* test-selection.c — one selection shared by the list, the timeline and the panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-util.h"
#include "ui/chrono-event-list.h"
#include "ui/chrono-event-pane.h"
#include "ui/chrono-quote-pane.h"
#include "ui/chrono-quote-row.h"
#include "view/chrono-timeline-view.h"

typedef struct
{
  ChronoWindow    *window;
  ChronoTimeline  *timeline;
  GtkWidget       *view;
  GtkListView     *event_list;
  ChronoEventPane *event_pane;
  ChronoQuotePane *quote_pane;
} Fixture;

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_test_reset_settings ();
  fixture->window = ui_test_window_new ();
  ui_test_wait_loaded (fixture->window);
  fixture->timeline = ui_test_timeline_new ();
  chrono_window_set_timeline (fixture->window, fixture->timeline);
  fixture->view = ui_test_find_child (GTK_WIDGET (fixture->window), CHRONO_TYPE_TIMELINE_VIEW);
  g_assert_nonnull (fixture->view);
  fixture->event_list = GTK_LIST_VIEW (template_child (template_child (fixture->window, CHRONO_TYPE_WINDOW, "event_list"),
                                                       CHRONO_TYPE_EVENT_LIST, "list_view"));
  fixture->event_pane = CHRONO_EVENT_PANE (template_child (fixture->window, CHRONO_TYPE_WINDOW, "event_pane"));
  fixture->quote_pane = CHRONO_QUOTE_PANE (template_child (fixture->window, CHRONO_TYPE_WINDOW, "quote_pane"));
  ui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate ();
  g_clear_object (&fixture->timeline);
}

static ChronoEvent *
view_selected_event (Fixture *fixture)
{
  g_autoptr(ChronoEvent) event = NULL;

  g_object_get (fixture->view, "selected-event", &event, NULL);
  return event;   /* borrowed: the timeline keeps it alive */
}

static void
assert_everything_shows (Fixture     *fixture,
                         ChronoEvent *event)
{
  GtkLabel *title = GTK_LABEL (template_child (fixture->event_pane, CHRONO_TYPE_EVENT_PANE, "title_label"));
  GtkListBox *quotes = GTK_LIST_BOX (template_child (fixture->quote_pane, CHRONO_TYPE_QUOTE_PANE, "event_quotes"));
  GPtrArray *event_quotes = chrono_event_get_quotes (event);
  guint n_rows = 0;

  g_assert_true (chrono_session_get_selected_event (chrono_window_get_session (fixture->window)) == event);
  g_assert_true (view_selected_event (fixture) == event);
  g_assert_true (chrono_event_pane_get_event (fixture->event_pane) == event);
  g_assert_true (chrono_quote_pane_get_event (fixture->quote_pane) == event);
  g_assert_cmpstr (gtk_label_get_text (title), ==, chrono_event_get_title (event));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (quotes));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      ChronoQuoteRow *quote_row = CHRONO_QUOTE_ROW (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

      g_assert_true (chrono_quote_row_get_quote (quote_row) == g_ptr_array_index (event_quotes, n_rows));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, event_quotes->len);
}

static void
test_list_to_view (Fixture       *fixture,
                   gconstpointer  data)
{
  ChronoEvent *launch = chrono_timeline_lookup_event (fixture->timeline, "launch");

  /* What a click or Enter on the fourth row does. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->event_list), "list.select-item", "(ubb)", 3, FALSE, FALSE);
  ui_test_iterate ();
  assert_everything_shows (fixture, launch);

  gtk_widget_activate_action (GTK_WIDGET (fixture->event_list), "list.select-item", "(ubb)", 0, FALSE, FALSE);
  ui_test_iterate ();
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "alexnet"));
}

static void
test_view_to_list (Fixture       *fixture,
                   gconstpointer  data)
{
  ChronoEvent *price = chrono_timeline_lookup_event (fixture->timeline, "price");
  GtkSelectionModel *model = gtk_list_view_get_model (fixture->event_list);

  g_object_set (fixture->view, "selected-event", price, NULL);
  ui_test_iterate ();
  assert_everything_shows (fixture, price);
  g_assert_true (gtk_selection_model_is_selected (model, 4));

  g_object_set (fixture->view, "selected-event", NULL, NULL);
  ui_test_iterate ();
  g_assert_null (chrono_session_get_selected_event (chrono_window_get_session (fixture->window)));
  g_assert_null (chrono_event_pane_get_event (fixture->event_pane));
  g_assert_false (gtk_selection_model_is_selected (model, 4));
}

static void
test_previous_next (Fixture       *fixture,
                    gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-event", NULL);
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "alexnet"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-event", NULL);
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "dinner"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-event", NULL);
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "alexnet"));

  /* At either end the selection stays put. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-event", NULL);
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "alexnet"));
  chrono_session_select_event (chrono_window_get_session (fixture->window), chrono_timeline_lookup_event (fixture->timeline, "agi"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-event", NULL);
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "agi"));
}

static void
test_all_quotes_to_event (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkListView *all = GTK_LIST_VIEW (template_child (fixture->quote_pane, CHRONO_TYPE_QUOTE_PANE, "all_quotes"));
  GListModel *quotes = chrono_timeline_get_quotes (fixture->timeline);
  ChronoEvent *dinner = chrono_timeline_lookup_event (fixture->timeline, "dinner");

  g_object_set (fixture->quote_pane, "view", "all", NULL);
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (all))), ==,
                    g_list_model_get_n_items (quotes));

  /* The last quote belongs to the $20 price; activating it selects that event. */
  g_signal_emit_by_name (all, "activate", g_list_model_get_n_items (quotes) - 1);
  ui_test_iterate ();
  assert_everything_shows (fixture, chrono_timeline_lookup_event (fixture->timeline, "price"));

  /* A quote of an event the filter hides still reaches it: the filter is cleared. */
  chrono_event_filter_set_category_visible (chrono_session_get_filter (chrono_window_get_session (fixture->window)), "business", FALSE);
  ui_test_iterate ();
  g_assert_null (chrono_session_get_selected_event (chrono_window_get_session (fixture->window)));
  g_signal_emit_by_name (all, "activate", 0);
  ui_test_iterate ();
  g_assert_true (chrono_event_filter_get_category_visible (chrono_session_get_filter (chrono_window_get_session (fixture->window)), "business"));
  assert_everything_shows (fixture, dinner);
}

/* The quote rows shown by the All Quotes list, in order. */
static GPtrArray *
shown_all_quotes (GtkListView *all)
{
  GPtrArray *shown = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (all));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = ui_test_find_child (item, CHRONO_TYPE_QUOTE_ROW);

      if (row != NULL && gtk_widget_get_mapped (row))
        g_ptr_array_add (shown, chrono_quote_row_get_quote (CHRONO_QUOTE_ROW (row)));
    }

  return shown;
}

static void
assert_all_quotes_show (GtkListView    *all,
                        ChronoTimeline *timeline)
{
  GListModel *quotes = chrono_timeline_get_quotes (timeline);
  g_autoptr(GPtrArray) shown = NULL;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (all)));
  g_assert_nonnull (gtk_list_view_get_model (all));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (all))), ==,
                    g_list_model_get_n_items (quotes));

  shown = shown_all_quotes (all);
  g_assert_cmpuint (shown->len, >, 0);
  for (guint i = 0; i < shown->len; i++)
    {
      g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

      g_assert_true (g_ptr_array_index (shown, i) == quote);
    }
}

/* The All Quotes list is filled the first time it is shown, not while hidden, and then
 * shows the quotes of the timeline open at that moment. */
static void
test_all_quotes_filled_when_shown (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkListView *all = GTK_LIST_VIEW (template_child (fixture->quote_pane, CHRONO_TYPE_QUOTE_PANE, "all_quotes"));
  g_autoptr(ChronoTimeline) other = ui_test_timeline_new ();
  g_autoptr(GPtrArray) hidden_rows = NULL;

  g_assert_null (gtk_list_view_get_model (all));
  hidden_rows = shown_all_quotes (all);
  g_assert_cmpuint (hidden_rows->len, ==, 0);

  g_object_set (fixture->quote_pane, "view", "all", NULL);
  ui_test_iterate ();
  assert_all_quotes_show (all, fixture->timeline);

  /* Another timeline opened while the list is hidden empties it until it shows again. */
  g_object_set (fixture->quote_pane, "view", "event", NULL);
  chrono_window_set_timeline (fixture->window, other);
  ui_test_iterate ();
  g_assert_null (gtk_list_view_get_model (all));
  g_object_set (fixture->quote_pane, "view", "all", NULL);
  ui_test_iterate ();
  assert_all_quotes_show (all, other);

  /* While it shows, a new timeline fills it at once. */
  chrono_window_set_timeline (fixture->window, fixture->timeline);
  ui_test_iterate ();
  assert_all_quotes_show (all, fixture->timeline);
}

static void
test_filter_keeps_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  ChronoEvent *price = chrono_timeline_lookup_event (fixture->timeline, "price");
  ChronoEventFilter *filter = chrono_session_get_filter (chrono_window_get_session (fixture->window));

  chrono_session_select_event (chrono_window_get_session (fixture->window), price);
  ui_test_iterate ();

  /* Hiding another category keeps the selected event, now at another position. */
  chrono_event_filter_set_category_visible (filter, "research", FALSE);
  ui_test_iterate ();
  assert_everything_shows (fixture, price);
  g_assert_cmpuint (gtk_single_selection_get_selected (chrono_session_get_selection (chrono_window_get_session (fixture->window))), ==, 2);

  /* Hiding its own category drops it from every pane. */
  chrono_event_filter_set_category_visible (filter, "business", FALSE);
  ui_test_iterate ();
  g_assert_null (chrono_session_get_selected_event (chrono_window_get_session (fixture->window)));
  g_assert_null (chrono_event_pane_get_event (fixture->event_pane));
  g_assert_null (chrono_quote_pane_get_event (fixture->quote_pane));
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static char *
copy_first_quote (Fixture *fixture)
{
  GtkListBox *quotes = GTK_LIST_BOX (template_child (fixture->quote_pane, CHRONO_TYPE_QUOTE_PANE, "event_quotes"));
  GtkWidget *row = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_first_child (GTK_WIDGET (quotes))));
  ClipboardRead read = { NULL, FALSE };

  g_assert_true (gtk_widget_activate_action (row, "quote.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (row), NULL, clipboard_read_cb, &read);
  ui_test_wait_for (clipboard_read_done, &read);
  g_assert_nonnull (read.text);

  return read.text;
}

static void
test_copy_quote (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *plain = NULL;
  g_autofree char *with_original = NULL;

  chrono_session_select_event (chrono_window_get_session (fixture->window), chrono_timeline_lookup_event (fixture->timeline, "price"));
  ui_test_iterate ();

  plain = copy_first_quote (fixture);
  g_assert_nonnull (strstr (plain, "“We tested two prices, $20 and $42.”"));
  g_assert_nonnull (strstr (plain, "— Sam Altman"));
  g_assert_nonnull (strstr (plain, "Source: An interview <https://example.org/interview>"));
  g_assert_null (strstr (plain, "20美元"));

  /* With the original wording shown, the copy carries it too. */
  chrono_quote_pane_set_show_original (fixture->quote_pane, TRUE);
  ui_test_iterate ();
  with_original = copy_first_quote (fixture);
  g_assert_nonnull (strstr (with_original, "“我们测试了20美元和42美元两个价格。”"));
}

static void
test_find_position_large (void)
{
  const guint n = 100000;
  g_autoptr(ChronoTimeline) timeline = ui_test_big_timeline_new (n);
  ChronoWindow *window = ui_test_window_new ();
  ChronoEventFilter *filter = chrono_session_get_filter (chrono_window_get_session (window));
  guint probes[] = { 0, 1, 2, 3, 4, 5, n / 2, n / 2 + 1, n - 2, n - 1 };
  gint64 begin;

  ui_test_wait_loaded (window);
  chrono_window_set_timeline (window, timeline);

  begin = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      ChronoEvent *event = chrono_timeline_get_event (timeline, probes[i]);

      g_assert_cmpuint (chrono_event_index_find (chrono_session_get_events (chrono_window_get_session (window)), event), ==, probes[i]);
    }
  g_test_message ("find_position: %.1f µs per lookup among %u events",
                  (g_get_monotonic_time () - begin) / (double) G_N_ELEMENTS (probes), n);

  /* With a search, positions are those in the filtered model: "e000001" matches the
   * titles e0000010 to e0000019 only. */
  chrono_event_filter_set_search_text (filter, "e000001");
  ui_test_iterate ();
  {
    GListModel *model = G_LIST_MODEL (chrono_session_get_selection (chrono_window_get_session (window)));
    guint shown = g_list_model_get_n_items (model);

    g_assert_cmpuint (shown, ==, 10);
    for (guint i = 0; i < shown; i++)
      {
        g_autoptr(ChronoEvent) event = g_list_model_get_item (model, i);

        g_assert_cmpuint (chrono_event_index_find (chrono_session_get_events (chrono_window_get_session (window)), event), ==, i);
      }
    g_assert_cmpuint (chrono_event_index_find (chrono_session_get_events (chrono_window_get_session (window)), chrono_timeline_get_event (timeline, 0)), ==,
                      GTK_INVALID_LIST_POSITION);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/selection/list-to-view-and-panes", Fixture, NULL, fixture_set_up, test_list_to_view, fixture_tear_down);
  g_test_add ("/ui/selection/view-to-list-and-panes", Fixture, NULL, fixture_set_up, test_view_to_list, fixture_tear_down);
  g_test_add ("/ui/selection/previous-next", Fixture, NULL, fixture_set_up, test_previous_next, fixture_tear_down);
  g_test_add ("/ui/selection/all-quotes-to-event", Fixture, NULL, fixture_set_up, test_all_quotes_to_event, fixture_tear_down);
  g_test_add ("/ui/selection/all-quotes-filled-when-shown", Fixture, NULL, fixture_set_up, test_all_quotes_filled_when_shown, fixture_tear_down);
  g_test_add ("/ui/selection/filter-keeps-selection", Fixture, NULL, fixture_set_up, test_filter_keeps_selection, fixture_tear_down);
  g_test_add ("/ui/selection/copy-quote", Fixture, NULL, fixture_set_up, test_copy_quote, fixture_tear_down);
  g_test_add_func ("/ui/selection/find-position-large", test_find_position_large);

  return g_test_run ();
}
