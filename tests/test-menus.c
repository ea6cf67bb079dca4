/* test-menus.c — the window's main menu: its access keys and Open Recent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-menus"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui/chrono-window-private.h"
#include "ui-test-util.h"

static GtkMenuButton *
open_primary_menu (ChronoWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), CHRONO_TYPE_WINDOW,
                                                                          "primary_menu_button"));

  gtk_menu_button_popup (button);
  ui_test_iterate ();
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));

  return button;
}

/* Every item of the main menu has an access key, and none is another's. */
static void
assert_primary_menu_mnemonics_distinct (void)
{
  ChronoWindow *window = ui_test_window_new ();
  GtkMenuButton *button;
  GMenuModel *menu;
  g_autofree char *letters = NULL;
  guint n_items = 0;

  ui_test_wait_loaded (window);
  button = open_primary_menu (window);
  menu = gtk_menu_button_get_menu_model (button);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      n_items += g_menu_model_get_n_items (section);
    }
  letters = ui_test_menu_mnemonics (menu);
  g_assert_nonnull (letters);
  g_assert_cmpuint (g_utf8_strlen (letters, -1), ==, n_items);

  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* In English and in Chinese: Open Recent and Redo were both R, and Save As, Add a Quote
 * and About all A, so their keys only moved between them. */
static void
test_mnemonics (void)
{
  if (g_test_subprocess ())
    {
      ui_test_use_chinese ();
      g_assert_cmpstr (_("_Open…"), !=, "_Open…");
      assert_primary_menu_mnemonics_distinct ();
      return;
    }

  assert_primary_menu_mnemonics_distinct ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Open Recent shows a file's name as it is: an underline in it is not an access key
 * (moon_landing.chronoscope was shown as moonlanding.chronoscope). */
static void
test_recent_underline (void)
{
  g_autofree char *folder = g_dir_make_tmp ("chronoscope-menus-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "moon_landing.chronoscope", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkRecentData data = { NULL, NULL, (char *) "application/x-chronoscope", (char *) g_get_application_name (),
                         (char *) "chronoscope %u", NULL, FALSE };
  ChronoWindow *window;
  GtkMenuButton *button;

  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data));
  window = ui_test_window_new ();
  ui_test_wait_loaded (window);
  button = open_primary_menu (window);
  ui_test_wait_for_label (GTK_WIDGET (gtk_menu_button_get_popover (button)), "moon_landing.chronoscope");

  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_true (gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL));
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("chronoscope-test-XXXXXX", NULL);

  /* Recent files are written under the user's data folder: a fresh one per run. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/menus/mnemonics", test_mnemonics);
  g_test_add_func ("/ui/menus/recent-underline", test_recent_underline);

  return g_test_run ();
}
