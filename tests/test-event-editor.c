/* test-event-editor.c — the event editor: what it builds, and what it refuses and says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ui-test-util.h"
#include "model/chrono-undo-stack.h"
#include "ui/chrono-date-entry.h"
#include "ui/chrono-event-editor.h"
#include "ui/chrono-ui-util.h"

typedef struct
{
  ChronoTimeline *timeline;
  ChronoEvent *event;
  ChronoEventEditor *editor;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->timeline = ui_test_timeline_new ();
  fixture->event = chrono_timeline_lookup_event (fixture->timeline, "price");
  g_assert_nonnull (fixture->event);
  fixture->editor = CHRONO_EVENT_EDITOR (chrono_event_editor_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  chrono_event_editor_edit (fixture->editor, fixture->timeline, fixture->event);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->timeline);
}

typedef struct
{
  GType type;
  guint to_skip;
} NthOfType;

static gboolean
is_nth_of_type (GtkWidget     *widget,
                gconstpointer  data)
{
  NthOfType *nth = (NthOfType *) data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, nth->type) && nth->to_skip-- == 0;
}

/* The @nth widget of @type under @root, depth first. */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint      nth)
{
  NthOfType data = { type, nth };

  return ui_test_find_widget (root, is_nth_of_type, &data);
}

static ChronoDateEntry *
date_entry (Fixture *fixture,
            guint    nth)
{
  return CHRONO_DATE_ENTRY (find_nth (GTK_WIDGET (fixture->editor), CHRONO_TYPE_DATE_ENTRY, nth));
}

/* The label under a date entry: its preview or its reason. */
static const char *
preview_text (ChronoDateEntry *entry)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (entry))));
}

static GtkEntry *
title_entry (Fixture *fixture)
{
  return GTK_ENTRY (find_nth (GTK_WIDGET (fixture->editor), GTK_TYPE_ENTRY, 0));
}

static void
test_invalid_date_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronoDateEntry *start = date_entry (fixture, 0);
  GtkEditable *text = chrono_date_entry_get_editable (start);
  ChronoDate before = *chrono_event_get_start (fixture->event);
  gboolean valid = TRUE;
  ChronoEdit *edit;

  gtk_editable_set_text (text, "2022-13-01");
  g_assert_false (chrono_date_entry_get_valid (start));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (text), "error"));
  g_test_message ("%s", preview_text (start));
  g_assert_nonnull (strstr (preview_text (start), "month 13 does not exist"));
  /* A screen reader is told so too. */
  gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, preview_text (start));

  edit = chrono_event_editor_build_edit (fixture->editor, &valid);
  g_assert_null (edit);
  g_assert_false (valid);
  /* Nothing was saved. */
  g_assert_cmpint (chrono_event_get_start (fixture->event)->year, ==, before.year);
  g_assert_cmpint (chrono_event_get_start (fixture->event)->month, ==, before.month);

  gtk_editable_set_text (text, "in the spring");
  g_assert_false (chrono_date_entry_get_valid (start));
  g_assert_nonnull (strstr (preview_text (start), "is not a date"));

  /* Years before the Common Era: unticked, as files keep them (year 0 is 1 BC); with
   * BCE ticked, as people count them, where there is no year 0. */
  gtk_editable_set_text (text, "0000");
  g_assert_true (chrono_date_entry_get_valid (start));
  g_assert_cmpstr (preview_text (start), ==, "1 BC");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth (GTK_WIDGET (start), GTK_TYPE_CHECK_BUTTON, 2)), TRUE);
  g_assert_false (chrono_date_entry_get_valid (start));
  g_assert_nonnull (strstr (preview_text (start), "There is no year 0 BCE"));
  gtk_editable_set_text (text, "0001");
  g_assert_cmpstr (preview_text (start), ==, "1 BC");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth (GTK_WIDGET (start), GTK_TYPE_CHECK_BUTTON, 2)), FALSE);

  /* Fixed, it reads as people read dates. */
  gtk_editable_set_text (text, "2022-11-30");
  g_assert_true (chrono_date_entry_get_valid (start));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (text), "error"));
  g_assert_cmpstr (preview_text (start), ==, "30 November 2022");
  gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "30 November 2022");
}

static void
test_end_before_start_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  ChronoDateEntry *start = date_entry (fixture, 0);
  ChronoDateEntry *end = date_entry (fixture, 1);
  gboolean valid = TRUE;
  ChronoEdit *edit;

  gtk_editable_set_text (chrono_date_entry_get_editable (start), "2023-02");
  gtk_editable_set_text (chrono_date_entry_get_editable (end), "2022");
  g_assert_true (chrono_date_entry_get_valid (end));

  edit = chrono_event_editor_build_edit (fixture->editor, &valid);
  g_assert_null (edit);
  g_assert_false (valid);
  g_assert_cmpstr (preview_text (end), ==, "The end is before the start");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chrono_date_entry_get_editable (end)), "error"));
  g_assert_null (chrono_event_get_end (fixture->event));
}

static void
test_title_needed (Fixture       *fixture,
                   gconstpointer  data)
{
  gboolean valid = TRUE;

  GtkWidget *entry = GTK_WIDGET (title_entry (fixture));
  GtkWidget *problem;

  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_null (chrono_event_editor_build_edit (fixture->editor, &valid));
  g_assert_false (valid);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (chrono_event_get_title (fixture->event), !=, "");

  /* A screen reader hears it too: the field is invalid, and the warning says why. */
  problem = ui_test_find_widget (GTK_WIDGET (fixture->editor), ui_test_is_label_reading, "An event needs a title");
  g_assert_nonnull (problem);
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_relation (entry, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, NULL);
  ui_test_assert_error_message (entry, problem);
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "An event needs a title");

  /* Typing takes the warning back, for both. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Apollo");
  g_assert_false (gtk_widget_get_visible (problem));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_build_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (fixture->timeline);
  g_autoptr(ChronoEdit) edit = NULL;
  g_autofree char *old_title = g_strdup (chrono_event_get_title (fixture->event));
  ChronoDateEntry *start = date_entry (fixture, 0);
  gboolean valid = FALSE;

  /* Untouched, there is nothing to do. */
  g_assert_null (chrono_event_editor_build_edit (fixture->editor, &valid));
  g_assert_true (valid);

  gtk_editable_set_text (GTK_EDITABLE (title_entry (fixture)), "  Twenty   dollars ");
  gtk_editable_set_text (chrono_date_entry_get_editable (start), "0500");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth (GTK_WIDGET (start), GTK_TYPE_CHECK_BUTTON, 2)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth (GTK_WIDGET (start), GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  g_assert_cmpstr (preview_text (start), ==, "around 500 BC");

  edit = chrono_event_editor_build_edit (fixture->editor, &valid);
  g_assert_true (valid);
  g_assert_nonnull (edit);
  chrono_undo_stack_push (stack, edit);
  g_assert_cmpstr (chrono_event_get_title (fixture->event), ==, "Twenty dollars");
  g_assert_cmpint (chrono_event_get_start (fixture->event)->year, ==, -499);
  g_assert_true (chrono_event_get_start (fixture->event)->flags & CHRONO_DATE_APPROXIMATE);
  g_assert_cmpuint (chrono_timeline_get_position (fixture->timeline, fixture->event), ==, 0);

  /* One step undoes it all. */
  g_assert_true (chrono_undo_stack_undo (stack));
  g_assert_cmpstr (chrono_event_get_title (fixture->event), ==, old_title);
  g_assert_cmpint (chrono_event_get_start (fixture->event)->year, ==, 2022);
}

/* A new, empty item's date says nothing until it is edited or the editor confirmed. */
static void
test_empty_date_quiet (Fixture       *fixture,
                       gconstpointer  data)
{
  ChronoDateEntry *start = date_entry (fixture, 0);
  GtkWidget *text = GTK_WIDGET (chrono_date_entry_get_editable (start));
  gboolean valid = TRUE;

  chrono_date_entry_set_date (start, NULL);
  g_assert_false (chrono_date_entry_get_valid (start));
  g_assert_false (gtk_widget_has_css_class (text, "error"));
  g_assert_cmpstr (preview_text (start), !=, "A date is needed");
  gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);

  g_assert_null (chrono_event_editor_build_edit (fixture->editor, &valid));
  g_assert_false (valid);
  g_assert_true (gtk_widget_has_css_class (text, "error"));
  g_assert_cmpstr (preview_text (start), ==, "A date is needed");
  gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* Filled in again, as for the next event, it is quiet again. */
  chrono_date_entry_set_date (start, NULL);
  g_assert_false (gtk_widget_has_css_class (text, "error"));
}

/* A summary's paragraphs are kept as typed; the title, a field of one line, is not. */
static void
test_summary_keeps_lines (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkTextView *summary = GTK_TEXT_VIEW (find_nth (GTK_WIDGET (fixture->editor), GTK_TYPE_TEXT_VIEW, 0));
  g_autoptr(ChronoEdit) edit = NULL;
  gboolean valid = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (title_entry (fixture)), " Twenty \n dollars ");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary),
                            "\n  First   paragraph,\nits second line.  \n\n \n\nSecond paragraph.\n\n", -1);
  edit = chrono_event_editor_build_edit (fixture->editor, &valid);
  g_assert_true (valid);
  g_assert_nonnull (edit);
  chrono_edit_apply (edit, fixture->timeline);
  g_assert_cmpstr (chrono_event_get_title (fixture->event), ==, "Twenty dollars");
  g_assert_cmpstr (chrono_event_get_summary (fixture->event), ==,
                   "First paragraph,\nits second line.\n\nSecond paragraph.");
}

static gboolean
is_mnemonic_label_of (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) == data;
}

/* Each field is named as its label reads, without the access key that the label shows:
 * in Chinese “标题(_T)” shows as “标题(T)”, underlined, and is heard as “标题”. */
static void
assert_names_without_access_keys (const char *title,
                                  const char *start,
                                  const char *approximate)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEventEditor *editor = CHRONO_EVENT_EDITOR (chrono_event_editor_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *entry, *label, *date, *check;

  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  chrono_event_editor_edit (editor, timeline, chrono_timeline_lookup_event (timeline, "price"));
  ui_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, editor);

  entry = find_nth (GTK_WIDGET (editor), GTK_TYPE_ENTRY, 0);
  label = ui_test_find_widget (GTK_WIDGET (editor), is_mnemonic_label_of, entry);
  g_assert_nonnull (label);
  g_test_message ("shown: %s", gtk_label_get_text (GTK_LABEL (label)));
  /* The label still shows its key, and the key still works. */
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), ==, GDK_KEY_t);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), title));
  gtk_test_accessible_assert_relation (entry, GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  gtk_test_accessible_assert_property (label, GTK_ACCESSIBLE_PROPERTY_LABEL, title);

  /* A date's text field is named by the date's label; its boxes without their keys. */
  date = find_nth (GTK_WIDGET (editor), CHRONO_TYPE_DATE_ENTRY, 0);
  label = ui_test_find_widget (GTK_WIDGET (editor), is_mnemonic_label_of, date);
  g_assert_nonnull (label);
  gtk_test_accessible_assert_relation (chrono_date_entry_get_editable (CHRONO_DATE_ENTRY (date)),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  gtk_test_accessible_assert_property (label, GTK_ACCESSIBLE_PROPERTY_LABEL, start);
  check = find_nth (date, GTK_TYPE_CHECK_BUTTON, 0);
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, approximate);

  gtk_window_destroy (window);
  ui_test_iterate ();
}

static void
test_names_without_access_keys (void)
{
  if (g_test_subprocess ())
    {
      ui_test_use_chinese ();
      assert_names_without_access_keys ("标题", "开始", "约");
      return;
    }

  assert_names_without_access_keys ("Title", "Start", "Approximate");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_name_without_access_key (void)
{
  static const char *cases[][2] = {
    { "_Title", "Title" },
    { "标题(_T)", "标题" },
    { "作者(_A)（可选）", "作者（可选）" },
    { "来源、类别和时期(_O)…", "来源、类别和时期…" },
    { "标题（_T）", "标题" },
    { "Title (_T)", "Title" },
    { "S_ources…", "Sources…" },
    { "snake__case (_s)", "snake_case" },
    /* Brackets that do not hold the key stay. */
    { "注释(_N)(A)", "注释(A)" },
    { "(None)", "(None)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = chrono_ui_dup_name_without_access_key (cases[i][0]);

      g_assert_cmpstr (name, ==, cases[i][1]);
    }
}

/* A source's long title wraps: the editor stays as narrow as it was, so that it does not
 * push the quote pane beside it out of the window. */
static void
test_long_source_wraps (Fixture       *fixture,
                        gconstpointer  data)
{
  ChronoSource *source = chrono_timeline_lookup_source (fixture->timeline, "article");
  int before, after;

  gtk_widget_measure (GTK_WIDGET (fixture->editor), GTK_ORIENTATION_HORIZONTAL, -1, &before, NULL, NULL, NULL);
  chrono_source_set_title (source, "Bloomberg interviews Sam Altman: the road to AI commercialization. "
                                   "How OpenAI went from 0 to $300 million a month in 60 days, and what came next");
  chrono_event_editor_edit (fixture->editor, fixture->timeline, fixture->event);
  gtk_widget_measure (GTK_WIDGET (fixture->editor), GTK_ORIENTATION_HORIZONTAL, -1, &after, NULL, NULL, NULL);
  g_assert_cmpint (after, <=, MAX (before, 360));
}

int
main (int   argc,
      char *argv[])
{
  /* The editors' warnings are checked as a screen reader gets them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/event-editor/invalid-date-refused", Fixture, NULL, fixture_set_up,
              test_invalid_date_refused, fixture_tear_down);
  g_test_add ("/ui/event-editor/end-before-start-refused", Fixture, NULL, fixture_set_up,
              test_end_before_start_refused, fixture_tear_down);
  g_test_add ("/ui/event-editor/title-needed", Fixture, NULL, fixture_set_up,
              test_title_needed, fixture_tear_down);
  g_test_add ("/ui/event-editor/empty-date-quiet", Fixture, NULL, fixture_set_up,
              test_empty_date_quiet, fixture_tear_down);
  g_test_add ("/ui/event-editor/summary-keeps-lines", Fixture, NULL, fixture_set_up,
              test_summary_keeps_lines, fixture_tear_down);
  g_test_add ("/ui/event-editor/build-edit", Fixture, NULL, fixture_set_up,
              test_build_edit, fixture_tear_down);
  g_test_add_func ("/ui/event-editor/names-without-access-keys", test_names_without_access_keys);
  g_test_add_func ("/ui/event-editor/name-without-access-key", test_name_without_access_key);
  g_test_add ("/ui/event-editor/long-source-wraps", Fixture, NULL, fixture_set_up,
              test_long_source_wraps, fixture_tear_down);

  return g_test_run ();
}
