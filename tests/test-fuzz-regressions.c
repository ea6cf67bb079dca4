/* test-fuzz-regressions.c — every input a fuzzer ever crashed on, and the seed corpora,
 * through the same checks as the fuzzers (tests/fuzz/chrono-fuzz-targets.c); with
 * CHRONO_FUZZ_CORPUS=DIR, also each DIR/NAME/ that a fuzzing build's corpus has, to replay
 * on another stack what the fuzzers found on this one (tests/fuzz/replay-in-sdk.sh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fuzz/chrono-fuzz-targets.h"

/* Each data is a NULL-terminated array: the target's name, then folders under tests/. */
static const char *const native_dirs[] = { "native", "fuzz/regressions/native", "data", NULL };
static const char *const timelinejs_dirs[] = { "timelinejs", "fuzz/regressions/timelinejs", "fuzz/seeds/timelinejs", "data", NULL };
static const char *const csv_dirs[] = { "csv", "fuzz/regressions/csv", "fuzz/seeds/csv", "data", NULL };
static const char *const thetimelineproj_dirs[] = { "thetimelineproj", "fuzz/regressions/thetimelineproj", "data", NULL };
static const char *const date_dirs[] = { "date", "fuzz/regressions/date", "fuzz/seeds/date", NULL };
static const char *const roundtrip_dirs[] = { "roundtrip", "fuzz/regressions/roundtrip", "fuzz/seeds/timelinejs", "fuzz/seeds/csv", "data", NULL };

static guint
run_folder (ChronoFuzzTarget  target,
            const char       *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (file, G_FILE_TEST_IS_DIR) || g_str_has_suffix (name, ".po") ||
          g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".md"))
        continue;

      g_test_message ("%s", file);
      g_assert_true (g_file_get_contents (file, &contents, &length, &error));
      g_assert_no_error (error);
      target ((const guint8 *) contents, length);
      n++;
    }

  return n;
}

static void
test_target (gconstpointer data)
{
  const char *const *dirs = data;
  ChronoFuzzTarget target = chrono_fuzz_lookup (dirs[0]);
  guint n = 0;

  g_assert_nonnull (target);
  for (guint i = 1; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, dirs[i], NULL);

      /* A target's regressions folder exists once a fuzzer has found something there. */
      if (!g_str_has_prefix (dirs[i], "fuzz/regressions/") || g_file_test (path, G_FILE_TEST_IS_DIR))
        n += run_folder (target, path);
    }
  if (g_getenv ("CHRONO_FUZZ_CORPUS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CHRONO_FUZZ_CORPUS"), dirs[0], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += run_folder (target, path);
    }

  /* The folders are found and not empty: a test that reads nothing proves nothing. */
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  chrono_fuzz_setup ();

  g_test_add_data_func ("/fuzz-regressions/native", native_dirs, test_target);
  g_test_add_data_func ("/fuzz-regressions/timelinejs", timelinejs_dirs, test_target);
  g_test_add_data_func ("/fuzz-regressions/csv", csv_dirs, test_target);
  g_test_add_data_func ("/fuzz-regressions/thetimelineproj", thetimelineproj_dirs, test_target);
  g_test_add_data_func ("/fuzz-regressions/date", date_dirs, test_target);
  g_test_add_data_func ("/fuzz-regressions/roundtrip", roundtrip_dirs, test_target);

  return g_test_run ();
}
