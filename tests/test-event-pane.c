/* test-event-pane.c — the event pane: how it reads in Chinese, and its media
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "model/chrono-edit-properties.h"
#include "ui/chrono-event-pane.h"

/* Where an event and its date come from are two sentences in one line; Chinese puts no
 * space between sentences. (A space was put after the first sentence in every
 * language: “来源自己的叙述，不是引用谁的话。 日期是编者的推断……”.) */
static void
test_provenance_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
      ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
      ChronoEventPane *pane;
      GtkWindow *window;
      g_autofree char *expected = NULL;
      const char *text;

      ui_test_use_chinese ();

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

#define PICTURE "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4z8AARGDiPwMAHfAD/aAzCYkAAAAASUVORK5CYII="

static GtkWidget *
media_picture (ChronoEventPane *pane)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_EVENT_PANE, "media_box"));

  return ui_test_find_child (box, GTK_TYPE_PICTURE);
}

static GtkWidget *
media_caption (ChronoEventPane *pane)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (pane), CHRONO_TYPE_EVENT_PANE, "media_box"));

  return ui_test_find_child (box, GTK_TYPE_LABEL);
}

/* The pane reads the timeline again after every edit; its picture is made again only when
 * the media changed, so an edit elsewhere neither reads the picture from the disk again
 * nor takes away a selection in its caption. */
static void
test_media_kept_across_edits (void)
{
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  ChronoEvent *launch = chrono_timeline_lookup_event (timeline, "launch");
  ChronoEvent *price = chrono_timeline_lookup_event (timeline, "price");
  ChronoEventPane *pane = g_object_new (CHRONO_TYPE_EVENT_PANE, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(ChronoEdit) rename = NULL;
  GtkWidget *picture, *caption;

  chrono_event_set_media (launch, PICTURE, "A caption", NULL);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  chrono_event_pane_set_timeline (pane, timeline);
  chrono_event_pane_set_event (pane, launch);
  gtk_window_present (window);
  ui_test_iterate ();
  picture = media_picture (pane);
  caption = media_caption (pane);
  g_assert_nonnull (picture);
  g_assert_nonnull (caption);

  rename = CHRONO_EDIT (chrono_edit_properties_new (price, "title", "Renamed", NULL));
  chrono_edit_apply (rename, timeline);
  ui_test_iterate ();
  g_assert_true (media_picture (pane) == picture);
  g_assert_true (media_caption (pane) == caption);

  /* Other media is shown. */
  chrono_event_set_media (launch, PICTURE, "Another caption", NULL);
  chrono_edit_revert (rename, timeline);
  ui_test_iterate ();
  g_assert_nonnull (media_caption (pane));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (media_caption (pane))), ==, "Another caption");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/event-pane/provenance-chinese", test_provenance_chinese);
  g_test_add_func ("/ui/event-pane/media-kept-across-edits", test_media_kept_across_edits);

  return g_test_run ();
}
