/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/chrono-application.h"
#include "ui/chrono-export-command.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChronoApplication) app = NULL;
  /* `meson devenv` points this at the build tree, so that the uninstalled app is translated. */
  const char *localedir = g_getenv ("CHRONOSCOPE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  chrono_export_command_prepare (argv);

  app = chrono_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
