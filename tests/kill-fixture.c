/* kill-fixture.c — a folder holding one old file, and a child killed while writing over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>

#include "kill-fixture.h"

void
kill_fixture_set_up (KillFixture   *fixture,
                     gconstpointer  data)
{
  const KillFixtureFile *start = data;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("chrono-kill-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, start->name, NULL);
  g_assert_true (g_file_set_contents (fixture->path, start->contents, -1, &error));
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);
}

void
kill_fixture_tear_down (KillFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDir) handle = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
}

char *
kill_fixture_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

char *
kill_fixture_child_path (const char *child_env)
{
  char *path = g_strdup (g_getenv (child_env));

  g_unsetenv (child_env);

  return path;
}

/* The size of the largest file in the folder but the file and its backup (“NAME~”). */
static goffset
largest_other_file (KillFixture *fixture)
{
  g_autoptr(GDir) handle = g_dir_open (fixture->dir, 0, NULL);
  g_autofree char *name = g_path_get_basename (fixture->path);
  const char *other;
  goffset largest = -1;

  while (handle != NULL && (other = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, other, NULL);
      GStatBuf buf;

      if (!g_str_has_prefix (other, name) && g_stat (path, &buf) == 0)
        largest = MAX (largest, (goffset) buf.st_size);
    }

  return largest;
}

goffset
kill_fixture_kill_child (KillFixture *fixture,
                         const char  *child_env)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) child = NULL;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  goffset written = -1;

  g_subprocess_launcher_setenv (launcher, child_env, fixture->path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);

  /* The identifier goes once the child has ended: then there is nothing to wait for. */
  while (written <= 0 && g_subprocess_get_identifier (child) != NULL
         && g_get_monotonic_time () < deadline)
    {
      written = largest_other_file (fixture);
      if (written <= 0)
        g_usleep (200);
    }
  g_assert_cmpint (written, >, 0);
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("killed with %" G_GOFFSET_FORMAT " bytes written", written);

  /* It died of the kill, not by finishing first: the test saw it in the middle. */
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  return written;
}
