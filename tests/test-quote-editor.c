/* test-quote-editor.c — the quote editor window: what its header says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-util.h"
#include "ui/chrono-quote-editor.h"

/* Whether a label under @root reads @text. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/quote-editor/header-title", test_header_title);

  return g_test_run ();
}
