/* i18n-test-util.h — a check run in English, then in Simplified Chinese with the
 * catalogue built from po/zh_CN.po, for tests that link no test library of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <glib.h>
#include <libintl.h>

G_BEGIN_DECLS

/* Runs @check (FALSE) in this test, then @check (TRUE) in a subprocess of it that reads
 * Simplified Chinese; the test function calls it and nothing else. */
static inline void
i18n_test_check_in_english_and_chinese (void (*check) (gboolean chinese))
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      check (TRUE);
      return;
    }

  check (FALSE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

G_END_DECLS
