/* test-atomic-file.c — files are replaced whole or not at all, also when the process
 * writing them is killed in the middle of an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "io/chrono-timeline-reader.h"
#include "model/chrono-atomic-file.h"
#include "view/chrono-exporter.h"

#define OLD_CONTENT "the previous file, which must survive"
#define CHILD_ENV "CHRONO_TEST_EXPORT_TO"

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("chrono-atomic-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "picture.png", NULL);
  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, &error));
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (path);
}

/* The names in the folder, sorted and joined by spaces. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
fixture_tear_down (Fixture       *fixture,
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
  g_object_unref (fixture->file);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

static void
test_set_contents (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_true (chrono_atomic_file_set_contents (fixture->file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (fixture->file);
  g_assert_cmpstr (contents, ==, "new");

  /* No temporary file is left behind. */
  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, "picture.png");
}

static void
test_abort (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *during = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  stream = chrono_atomic_file_replace (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), "half", 4, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_flush (G_OUTPUT_STREAM (stream), NULL, &error));

  /* While it is written, the new content is beside the file, not in it. */
  during = list_folder (fixture->dir);
  g_assert_cmpstr (during, !=, "picture.png");
  contents = read_file (fixture->file);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  g_clear_pointer (&contents, g_free);

  chrono_atomic_file_abort (stream);
  contents = read_file (fixture->file);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, "picture.png");
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.png", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;

  g_assert_true (g_file_make_symbolic_link (link, "picture.png", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (chrono_atomic_file_set_contents (link, "through the link", 16, NULL, &error));
  g_assert_no_error (error);

  /* The link is still a link, and the file it points to has the new content. */
  target = g_file_read_link (link_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, "picture.png");
  contents = read_file (fixture->file);
  g_assert_cmpstr (contents, ==, "through the link");
}

/* The child: exports a large PNG of the sample timeline to the file named in CHILD_ENV. */
static int
export_child (const char *path)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "sample.chronoscope", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoExporter) exporter = NULL;
  ChronoExportParams params = { 0 };
  ChronoDate from = { -600, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };
  ChronoDate to = { 2100, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 };

  timeline = chrono_timeline_load (sample_file, NULL, &error);
  g_assert_no_error (error);

  params.timeline = timeline;
  params.start = (double) chrono_date_get_start (&from);
  params.end = (double) chrono_date_get_end (&to);
  params.width = 6000;
  params.height = 2000;
  exporter = chrono_exporter_new (&params);

  if (!chrono_exporter_write (exporter, CHRONO_EXPORT_FORMAT_PNG, 2, file, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

/* Size of the largest file in @dir other than @keep. */
static goffset
largest_other_file (const char *dir,
                    const char *keep)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  goffset largest = -1;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf buf;

      if (strcmp (name, keep) != 0 && g_stat (path, &buf) == 0)
        largest = MAX (largest, (goffset) buf.st_size);
    }

  return largest;
}

static void
test_killed_during_export (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *contents = NULL;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  goffset written = -1;

  g_subprocess_launcher_setenv (launcher, CHILD_ENV, path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);

  /* Wait until the export is writing its bytes (beside the file), then kill it. */
  while (written <= 0 && g_get_monotonic_time () < deadline)
    {
      written = largest_other_file (fixture->dir, "picture.png");
      if (written <= 0)
        g_usleep (500);
    }
  g_assert_cmpint (written, >, 0);
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);

  /* It died of the kill, not by finishing first: the test saw it in the middle. */
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  contents = read_file (fixture->file);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv (CHILD_ENV) != NULL)
    {
      g_autofree char *path = g_strdup (g_getenv (CHILD_ENV));

      g_unsetenv (CHILD_ENV);
      g_test_init (&argc, &argv, NULL);
      return export_child (path);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/atomic-file/set-contents", Fixture, NULL, fixture_set_up, test_set_contents, fixture_tear_down);
  g_test_add ("/atomic-file/abort", Fixture, NULL, fixture_set_up, test_abort, fixture_tear_down);
  g_test_add ("/atomic-file/symlink", Fixture, NULL, fixture_set_up, test_symlink, fixture_tear_down);
  g_test_add ("/atomic-file/killed-during-export", Fixture, NULL, fixture_set_up,
              test_killed_during_export, fixture_tear_down);

  return g_test_run ();
}
