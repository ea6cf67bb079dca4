/* test-atomic-file.c — files are replaced whole or not at all, also when the process
 * writing them is killed in the middle of an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "io/chrono-timeline-reader.h"
#include "model/chrono-atomic-file.h"
#include "view/chrono-exporter.h"
#include "kill-fixture.h"

#define OLD_CONTENT "the previous file, which must survive"
#define CHILD_ENV "CHRONO_TEST_EXPORT_TO"
#define NEW_CHILD_ENV "CHRONO_TEST_WRITE_BESIDE"
#define NEW_NAME "new.chronoscope"
#define NEW_LENGTH (64 * 1024 * 1024)

static const KillFixtureFile old_file = { "picture.png", OLD_CONTENT };

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
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
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_set_contents (KillFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_true (chrono_atomic_file_set_contents (fixture->file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, "new");

  /* No temporary file is left behind. */
  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, "picture.png");
}

static void
test_abort (KillFixture   *fixture,
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
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  g_clear_pointer (&contents, g_free);

  chrono_atomic_file_abort (stream);
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, "picture.png");
}

static void
test_symlink (KillFixture   *fixture,
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
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, "through the link");
}

/* A file in a folder that does not exist: one message that names the file once and says
 * why (test-exporter checks an export's). */
static void
test_missing_folder (KillFixture   *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "picture.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (chrono_atomic_file_set_contents (file, "new", 3, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (strstr (error->message + strlen (path), "picture.png"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
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

static void
test_killed_during_export (KillFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *contents = NULL;

  kill_fixture_kill_child (fixture, CHILD_ENV);
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
}

/* The child: writes a large file that does not exist yet beside the one in NEW_CHILD_ENV. */
static int
write_new_child (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *new_path = g_build_filename (dir, NEW_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (new_path);
  g_autofree char *data = g_malloc (NEW_LENGTH);
  g_autoptr(GError) error = NULL;

  memset (data, 'x', NEW_LENGTH);
  if (!chrono_atomic_file_set_contents (file, data, NEW_LENGTH, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

/* A new file is all there or not there at all, as a replaced one is: GIO writes a file
 * that does not exist yet in place, so a write killed halfway (an autosave's first copy,
 * a first save) left it cut short under its name. */
static void
test_killed_writing_new_file (KillFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *new_path = g_build_filename (fixture->dir, NEW_NAME, NULL);
  g_autofree char *contents = NULL;
  GStatBuf buf;

  kill_fixture_kill_child (fixture, NEW_CHILD_ENV);
  if (g_stat (new_path, &buf) == 0)
    g_assert_cmpint (buf.st_size, ==, NEW_LENGTH);
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
}

/* Written whole, with nothing left beside it. */
static void
test_new_file (KillFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *new_path = g_build_filename (fixture->dir, NEW_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_true (chrono_atomic_file_set_contents (file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  contents = kill_fixture_read (new_path);
  g_assert_cmpstr (contents, ==, "new");
  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, NEW_NAME " picture.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *child_path = kill_fixture_child_path (CHILD_ENV);
  g_autofree char *new_child_path = kill_fixture_child_path (NEW_CHILD_ENV);

  if (child_path != NULL)
    {
      g_test_init (&argc, &argv, NULL);
      return export_child (child_path);
    }
  if (new_child_path != NULL)
    {
      g_test_init (&argc, &argv, NULL);
      return write_new_child (new_child_path);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/atomic-file/set-contents", KillFixture, &old_file, kill_fixture_set_up, test_set_contents, kill_fixture_tear_down);
  g_test_add ("/atomic-file/abort", KillFixture, &old_file, kill_fixture_set_up, test_abort, kill_fixture_tear_down);
  g_test_add ("/atomic-file/symlink", KillFixture, &old_file, kill_fixture_set_up, test_symlink, kill_fixture_tear_down);
  g_test_add ("/atomic-file/missing-folder", KillFixture, &old_file, kill_fixture_set_up, test_missing_folder, kill_fixture_tear_down);
  g_test_add ("/atomic-file/new-file", KillFixture, &old_file, kill_fixture_set_up, test_new_file, kill_fixture_tear_down);
  g_test_add ("/atomic-file/killed-writing-new-file", KillFixture, &old_file, kill_fixture_set_up,
              test_killed_writing_new_file, kill_fixture_tear_down);
  g_test_add ("/atomic-file/killed-during-export", KillFixture, &old_file, kill_fixture_set_up,
              test_killed_during_export, kill_fixture_tear_down);

  return g_test_run ();
}
