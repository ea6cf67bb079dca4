/* test-quotes.c — the quote pane, the menu of each of its quotes, and the quote editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "ui/chrono-quote-editor.h"
#include "ui/chrono-quote-pane.h"
#include "ui/chrono-quote-row.h"
#include "ui/chrono-ui-util.h"

static gboolean
is_mapped_label_reading (GtkWidget     *widget,
                         gconstpointer  text)
{
  return ui_test_is_label_reading (widget, text) && gtk_widget_get_mapped (widget);
}

/* Whether a label under @root reads @text. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return ui_test_find_widget (root, is_mapped_label_reading, text) != NULL;
}

/* The header says whether the quote is a new one, as the catalog's editor does for a
 * source, a category or an era. (It said "Quote" for both: the window's title, which
 * said "New Quote", was not the one shown.) */
static void
test_header_title (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  ChronoQuote *quote;
  ChronoQuoteEditor *editor;

  g_assert_nonnull (launch);
  g_assert_cmpuint (chrono_event_get_n_quotes (launch), >, 0);
  quote = g_ptr_array_index (chrono_event_get_quotes (launch), 0);

  editor = chrono_quote_editor_new (NULL, timeline, launch, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  ui_test_iterate ();
  g_assert_true (shows_label (GTK_WIDGET (editor), "New Quote"));
  g_assert_false (shows_label (GTK_WIDGET (editor), "Quote"));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = chrono_quote_editor_new (NULL, timeline, launch, quote);
  gtk_window_present (GTK_WINDOW (editor));
  ui_test_iterate ();
  g_assert_true (shows_label (GTK_WIDGET (editor), "Quote"));
  g_assert_false (shows_label (GTK_WIDGET (editor), "New Quote"));
  gtk_window_destroy (GTK_WINDOW (editor));
  ui_test_iterate ();
}

/* The field that the label reading @text names. */
static GtkWidget *
field_named (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = ui_test_find_widget (root, ui_test_is_label_reading, text);

  g_assert_nonnull (label);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (label));
}

static void
assert_problem_told (GtkWidget  *root,
                     GtkWidget  *field,
                     const char *problem_text)
{
  GtkWidget *problem = ui_test_find_widget (root, ui_test_is_label_reading, problem_text);

  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  gtk_test_accessible_assert_state (field, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_relation (field, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, NULL);
  ui_test_assert_error_message (field, problem);
  gtk_test_accessible_assert_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem_text);
}

static void
assert_no_problem_told (GtkWidget *field)
{
  gtk_test_accessible_assert_state (field, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* The red warnings under the fields reach screen readers: each field that is wrong is
 * invalid and described by its warning, and is no longer once it is right. */
static void
test_problems_for_screen_readers (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  ChronoQuoteEditor *editor = chrono_quote_editor_new (NULL, timeline, launch, NULL);
  GtkWidget *words;
  GtkWidget *speaker;
  g_autoptr(ChronoEdit) edit = NULL;
  gboolean valid = TRUE;

  gtk_window_present (GTK_WINDOW (editor));
  ui_test_iterate ();
  words = field_named (GTK_WIDGET (editor), "Words, as said or written");
  speaker = field_named (GTK_WIDGET (editor), "Speaker");
  g_assert_true (GTK_IS_TEXT_VIEW (words));
  g_assert_true (GTK_IS_ENTRY (speaker));

  g_assert_null (chrono_quote_editor_build_edit (editor, &valid));
  g_assert_false (valid);
  assert_problem_told (GTK_WIDGET (editor), words, "Write the words as they were said or written");
  assert_problem_told (GTK_WIDGET (editor), speaker, "Who said or wrote the words?");

  chrono_ui_text_view_set_text (GTK_TEXT_VIEW (words), "We choose to go to the Moon\n  in this  decade");
  gtk_editable_set_text (GTK_EDITABLE (speaker), "John F. Kennedy");
  gtk_editable_set_text (GTK_EDITABLE (field_named (GTK_WIDGET (editor), "Language of the words (a code such as en or zh-Hans)")), "en");
  edit = chrono_quote_editor_build_edit (editor, &valid);
  g_assert_true (valid);
  assert_no_problem_told (words);
  assert_no_problem_told (speaker);

  /* The words keep their lines. */
  chrono_edit_apply (edit, timeline);
  g_assert_cmpstr (chrono_quote_get_original_text (g_ptr_array_index (chrono_event_get_quotes (launch),
                                                                      chrono_event_get_n_quotes (launch) - 1)),
                   ==, "We choose to go to the Moon\nin this decade");

  gtk_window_destroy (GTK_WINDOW (editor));
  ui_test_iterate ();
}

/* The menu of the first of two quotes: Edit, Move Down, Delete Quote. */
static void
assert_menu_mnemonics_distinct (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *row = chrono_quote_row_new ();
  g_autofree char *letters = NULL;
  GtkMenuButton *button;

  g_assert_cmpuint (chrono_event_get_n_quotes (launch), ==, 2);
  g_object_set (row, "editable", TRUE, NULL);
  chrono_quote_row_set_quote (CHRONO_QUOTE_ROW (row), g_ptr_array_index (chrono_event_get_quotes (launch), 0));
  gtk_window_set_child (window, row);
  gtk_window_present (window);
  ui_test_iterate ();
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (row, CHRONO_TYPE_QUOTE_ROW, "menu_button"));
  gtk_menu_button_popup (button);
  ui_test_iterate ();

  letters = ui_test_menu_mnemonics (gtk_menu_button_get_menu_model (button));
  g_assert_nonnull (letters);
  g_assert_cmpuint (g_utf8_strlen (letters, -1), ==, 3);

  gtk_menu_button_popdown (button);
  gtk_window_destroy (window);
  ui_test_iterate ();
}

/* Each item of a quote's menu has a letter of its own, in English and in Chinese: Move
 * Down and Delete Quote (下移 and 删除引语) were both D, so Alt+D did not delete the quote. */
static void
test_menu_mnemonics (void)
{
  if (g_test_subprocess ())
    {
      ui_test_use_chinese ();
      g_assert_cmpstr (_("_Delete Quote"), !=, "_Delete Quote");

      assert_menu_mnemonics_distinct ();
      return;
    }

  assert_menu_mnemonics_distinct ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The pane shows a quote added to its event, also after its timeline was set again.
 * (Setting the same timeline again let go of its edits, so an added quote did not
 * show until another event was chosen.) */
static void
test_pane_follows_edits (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronoQuotePane *pane = g_object_new (CHRONO_TYPE_QUOTE_PANE, NULL);
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_QUOTE_PANE,
                                                               "event_quotes"));
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("Words said.", "en");
  g_autoptr(ChronoEditInsert) edit = NULL;

  /* Room for the quotes to come: a window sized for the empty pane is too short for them,
   * which GTK 4.18 warns about. */
  gtk_widget_set_size_request (GTK_WIDGET (pane), 480, 600);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  chrono_quote_pane_set_timeline (pane, timeline);
  chrono_quote_pane_set_timeline (pane, timeline);
  chrono_quote_pane_set_event (pane, launch);
  ui_test_iterate ();
  g_assert_cmpuint (n_rows (list), ==, 2);

  edit = chrono_edit_insert_new (quote, launch, G_MAXUINT);
  chrono_edit_apply (CHRONO_EDIT (edit), timeline);
  ui_test_iterate ();
  g_assert_cmpuint (n_rows (list), ==, 3);

  chrono_edit_revert (CHRONO_EDIT (edit), timeline);
  ui_test_iterate ();
  g_assert_cmpuint (n_rows (list), ==, 2);

  gtk_window_destroy (window);
  ui_test_iterate ();
}

static const char *
row_label (ChronoQuoteRow *row,
           const char     *name)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), CHRONO_TYPE_QUOTE_ROW, name)));
}

/* All Quotes shows a quote as it is after an edit of it, of its source or of its event,
 * as This Event does. (Its rows kept what they showed when they were made.) */
static void
test_all_quotes_follow_edits (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *price = chrono_timeline_lookup_event (timeline, "price");
  ChronoQuote *quote = g_ptr_array_index (chrono_event_get_quotes (price), 0);
  ChronoSource *article = chrono_timeline_lookup_source (timeline, "article");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronoQuotePane *pane = g_object_new (CHRONO_TYPE_QUOTE_PANE, NULL);
  g_autoptr(ChronoEditProperties) edit = NULL;
  g_autoptr(ChronoEditProperties) rename = NULL;
  g_autoptr(ChronoEditProperties) retitle = NULL;
  ChronoQuoteRow *row;

  gtk_window_set_default_size (window, 480, 2000);
  /* As above. */
  gtk_widget_set_size_request (GTK_WIDGET (pane), 480, 600);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  chrono_quote_pane_set_timeline (pane, timeline);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_QUOTE_PANE,
                                                                                  "all_toggle")), TRUE);
  ui_test_iterate ();
  row = ui_test_find_quote_row (GTK_WIDGET (pane), quote);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row_label (row, "text_label"), "We tested two prices"));

  edit = chrono_edit_properties_new (quote, "translation", "We tried two prices.", NULL);
  chrono_edit_apply (CHRONO_EDIT (edit), timeline);
  ui_test_iterate ();
  g_assert_true (ui_test_find_quote_row (GTK_WIDGET (pane), quote) == row);
  g_assert_nonnull (strstr (row_label (row, "text_label"), "We tried two prices."));

  rename = chrono_edit_properties_new (article, "title", "The interview", NULL);
  chrono_edit_apply (CHRONO_EDIT (rename), timeline);
  ui_test_iterate ();
  g_assert_nonnull (strstr (row_label (row, "source_label"), "The interview"));

  retitle = chrono_edit_properties_new (price, "title", "The price", NULL);
  chrono_edit_apply (CHRONO_EDIT (retitle), timeline);
  ui_test_iterate ();
  g_assert_nonnull (strstr (row_label (row, "event_label"), "The price"));

  gtk_window_destroy (window);
  ui_test_iterate ();
}

/* @n events, each with two quotes. */
static ChronoTimeline *
quoted_timeline_new (guint n)
{
  ChronoTimeline *timeline = chrono_timeline_new ();

  for (guint i = 0; i < n; i++)
    {
      ChronoDate date = { 0 };
      g_autofree char *id = g_strdup_printf ("e%03u", i);
      g_autoptr(ChronoEvent) event = NULL;

      chrono_date_from_time ((ChronoTime) i * 86400, CHRONO_PRECISION_DAY, &date);
      event = chrono_event_new (id, &date, id);
      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *text = g_strdup_printf ("Words %u said on %s.", j, id);
          g_autoptr(ChronoQuote) quote = chrono_quote_new (text, "en");

          chrono_event_add_quote (event, quote);
        }
      chrono_timeline_add_event (timeline, event);
    }
  chrono_timeline_seal (timeline);

  return timeline;
}

/* Whether the row of @quote is in sight in the list of all quotes. */
static gboolean
shows_quote (ChronoQuotePane *pane,
             ChronoQuote     *quote)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_QUOTE_PANE, "all_quotes"));
  ChronoQuoteRow *row = ui_test_find_quote_row (list, quote);
  graphene_rect_t bounds;

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
         gtk_widget_compute_bounds (GTK_WIDGET (row), list, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y < gtk_widget_get_height (list);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

static gboolean
at_least_three (gpointer frames)
{
  return *(guint *) frames >= 3;
}

/* Lists scroll when they are laid out, at the next frames. */
static void
wait_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  ui_test_wait_for (at_least_three, &frames);
  gtk_widget_remove_tick_callback (widget, id);
}

/* The first quote of the event of @quote. */
static ChronoQuote *
first_quote_of (ChronoQuote *quote)
{
  return g_ptr_array_index (chrono_event_get_quotes (chrono_quote_get_event (quote)), 0);
}

static void
select_quote_event_cb (ChronoQuotePane *pane,
                       ChronoQuote     *quote)
{
  chrono_quote_pane_set_event (pane, chrono_quote_get_event (quote));
}

/* Showing All Quotes, choosing an event brings its quotes into sight, as the other panes
 * follow the selection; activating a quote there selects its event without moving the
 * list. (The list stayed where it was, so the event's quotes were out of sight.) */
static void
test_all_quotes_follow_selection (void)
{
  g_autoptr(ChronoTimeline) timeline = quoted_timeline_new (60);
  GListModel *quotes = chrono_timeline_get_quotes (timeline);
  g_autoptr(ChronoQuote) first = g_list_model_get_item (quotes, 0);
  g_autoptr(ChronoQuote) middle = g_list_model_get_item (quotes, 60);
  g_autoptr(ChronoQuote) last = g_list_model_get_item (quotes, g_list_model_get_n_items (quotes) - 1);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronoQuotePane *pane = g_object_new (CHRONO_TYPE_QUOTE_PANE, NULL);
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_QUOTE_PANE,
                                                                    "all_quotes"));
  GtkAdjustment *adjustment;
  double value;

  gtk_window_set_default_size (window, 480, 500);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  chrono_quote_pane_set_timeline (pane, timeline);
  chrono_quote_pane_set_event (pane, chrono_quote_get_event (middle));
  g_object_set (pane, "view", "all", NULL);
  wait_frames (GTK_WIDGET (list));
  g_assert_true (shows_quote (pane, middle));
  g_assert_false (shows_quote (pane, first));

  chrono_quote_pane_set_event (pane, chrono_quote_get_event (last));
  wait_frames (GTK_WIDGET (list));
  g_assert_true (shows_quote (pane, first_quote_of (last)));
  g_assert_false (shows_quote (pane, middle));

  chrono_quote_pane_set_event (pane, chrono_quote_get_event (first));
  wait_frames (GTK_WIDGET (list));
  g_assert_true (shows_quote (pane, first));
  g_assert_false (shows_quote (pane, middle));

  /* The window selects the event of an activated quote; the list stays. */
  chrono_quote_pane_set_event (pane, chrono_quote_get_event (middle));
  wait_frames (GTK_WIDGET (list));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  value = gtk_adjustment_get_value (adjustment);
  g_signal_connect (pane, "quote-activated", G_CALLBACK (select_quote_event_cb), NULL);
  g_signal_emit_by_name (list, "activate", g_list_model_get_n_items (quotes) - 1);
  wait_frames (GTK_WIDGET (list));
  g_assert_true (chrono_quote_pane_get_event (pane) == chrono_quote_get_event (last));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
  g_assert_true (shows_quote (pane, middle));

  gtk_window_destroy (window);
  ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* The editors' warnings are checked as a screen reader gets them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/quote-editor/header-title", test_header_title);
  g_test_add_func ("/ui/quote-editor/problems-for-screen-readers", test_problems_for_screen_readers);
  g_test_add_func ("/ui/quote-row/menu-mnemonics", test_menu_mnemonics);
  g_test_add_func ("/ui/quote-pane/follows-edits", test_pane_follows_edits);
  g_test_add_func ("/ui/quote-pane/all-quotes-follow-edits", test_all_quotes_follow_edits);
  g_test_add_func ("/ui/quote-pane/all-quotes-follow-selection", test_all_quotes_follow_selection);

  return g_test_run ();
}
