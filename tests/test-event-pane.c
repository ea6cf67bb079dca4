/* test-event-pane.c — the event pane: how it reads in Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "ui/chrono-event-pane.h"

/* Where an event and its date come from are two sentences in one line; Chinese puts no
 * space between sentences. (A space was put after the first sentence in every
 * language: “来源自己的叙述，不是引用谁的话。 日期是编者的推断……”.) */
static void
test_provenance_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
      ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
      ChronoEventPane *pane;
      GtkWindow *window;
      g_autofree char *expected = NULL;
      const char *text;

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      /* LANGUAGE is ignored in the plain C locale. */
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));

      chrono_event_set_provenance (launch, CHRONO_PROVENANCE_NARRATED);
      chrono_event_set_date_provenance (launch, CHRONO_PROVENANCE_INFERRED, NULL);
      pane = g_object_new (CHRONO_TYPE_EVENT_PANE, NULL);
      window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_child (window, GTK_WIDGET (pane));
      chrono_event_pane_set_timeline (pane, timeline);
      chrono_event_pane_set_event (pane, launch);
      gtk_window_present (window);
      ui_test_iterate ();

      text = gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_EVENT_PANE,
                                                                            "provenance_label")));
      g_test_message ("%s", text);
      expected = g_strconcat (_("The source’s own account, not anyone’s quoted words."),
                              _("The date is the editors’ inference: the sources do not give it."), NULL);
      g_assert_cmpstr (text, ==, expected);
      g_assert_null (strstr (text, "The source"));

      gtk_window_destroy (window);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/event-pane/provenance-chinese", test_provenance_chinese);

  return g_test_run ();
}
