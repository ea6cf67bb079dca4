/* test-autosave.c — unsaved changes are copied aside, and found again after a kill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "io/chrono-autosave.h"
#include "io/chrono-sliced-write.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-properties.h"
#include "sliced-test-util.h"

#define SAMPLE "<timeline version='1' xml:lang='en'><title>Notes</title>" \
               "<categories><category id='c' color='#000000'>C</category></categories>" \
               "<events><event id='e' start='2000' category='c'><title>First</title></event></events></timeline>"
#define CHILD_ENV "CHRONO_TEST_AUTOSAVE_IN"

static ChronoTimeline *
read_sample (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (SAMPLE, strlen (SAMPLE));
  g_autoptr(GError) error = NULL;
  ChronoTimeline *timeline = chrono_timeline_read_bytes (bytes, "notes.chronoscope", NULL, &error);

  g_assert_no_error (error);

  return timeline;
}

/* The files in @directory, not counting the temporary ones a write makes beside them. */
static guint
count_files (GFile *directory)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;
  guint n = 0;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      n += g_file_info_get_name (info)[0] != '.';
      g_object_unref (info);
    }

  return n;
}

static void
remove_directory (GFile *directory)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (directory, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (directory, NULL, NULL);
}

/* Runs the main loop until @count_files (@directory) is @n, for at most ten seconds. */
static void
wait_for_files (GFile *directory,
                guint  n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint count;

  while ((count = count_files (directory)) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);

  g_assert_cmpuint (count, ==, n);
}

static GFile *
make_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("chrono-autosave-XXXXXX", &error);

  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_copy_follows_changes (void)
{
  g_autoptr(GFile) directory = make_directory ();
  g_autoptr(GFile) document = g_file_new_for_path ("/home/someone/notes.chronoscope");
  g_autoptr(ChronoTimeline) timeline = read_sample ();
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_autoptr(ChronoAutosave) autosave = chrono_autosave_new (directory);
  g_autoptr(GPtrArray) orphans = NULL;

  chrono_autosave_set_delay (autosave, 50);
  chrono_autosave_set_document (autosave, document);
  chrono_autosave_watch (autosave, stack);

  /* Nothing unsaved, no copy. */
  g_usleep (100000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_files (directory), ==, 0);

  sliced_test_rename (stack, "Renamed");
  wait_for_files (directory, 2);

  /* Undone back to what the file holds: the copy goes. */
  chrono_undo_stack_undo (stack);
  wait_for_files (directory, 0);

  sliced_test_rename (stack, "Renamed again");
  wait_for_files (directory, 2);

  /* Saved: the copy goes. */
  chrono_undo_stack_set_unmodified (stack);
  wait_for_files (directory, 0);

  sliced_test_rename (stack, "Discarded");
  wait_for_files (directory, 2);
  /* This process keeps it: not an orphan. */
  orphans = chrono_autosave_find_orphans (directory);
  g_assert_cmpuint (orphans->len, ==, 0);
  chrono_autosave_discard (autosave);
  g_assert_cmpuint (count_files (directory), ==, 0);

  remove_directory (directory);
}

/* The file of the one copy in @directory whose name ends in @suffix, or NULL. */
static GFile *
find_copy (GFile      *directory,
           const char *suffix)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFile *found = NULL;
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (found == NULL && g_str_has_suffix (name, suffix) && name[0] != '.')
        found = g_file_get_child (directory, name);
      g_object_unref (info);
    }

  return found;
}

/* The key file of the one copy in @directory, or NULL. */
static GKeyFile *
read_key_file (GFile *directory)
{
  g_autoptr(GFile) file = find_copy (directory, ".autosave");
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  GKeyFile *key_file;

  if (path == NULL)
    return NULL;

  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL));

  return key_file;
}

/* Saved, or undone to what was saved, the copy goes at once: a window closed right after
 * (which takes the autosave's timeout with it) left it behind, and the next start offered
 * to recover changes that were saved or discarded. */
static void
test_no_copy_once_unmodified (void)
{
  g_autoptr(GFile) directory = make_directory ();
  g_autoptr(ChronoTimeline) timeline = read_sample ();
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_autoptr(ChronoAutosave) autosave = chrono_autosave_new (directory);

  chrono_autosave_set_delay (autosave, 50);
  chrono_autosave_watch (autosave, stack);

  sliced_test_rename (stack, "Saved right away");
  wait_for_files (directory, 2);
  chrono_undo_stack_set_unmodified (stack);
  g_assert_cmpuint (count_files (directory), ==, 0);

  sliced_test_rename (stack, "Undone right away");
  wait_for_files (directory, 2);
  chrono_undo_stack_undo (stack);
  g_assert_cmpuint (count_files (directory), ==, 0);

  /* Nothing comes back once the writes under way have ended. */
  g_clear_object (&autosave);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_files (directory), ==, 0);

  remove_directory (directory);
}

/* A timeline saved under a name while it has further changes (edited during the save):
 * its copy names the file from then on, not only after the next change, so a kill in
 * between offers it as that file's and not as an untitled timeline. */
static void
test_document_named_at_once (void)
{
  g_autoptr(GFile) directory = make_directory ();
  g_autoptr(GFile) document = g_file_new_for_path ("/home/someone/notes.chronoscope");
  g_autoptr(ChronoTimeline) timeline = read_sample ();
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_autoptr(ChronoAutosave) autosave = chrono_autosave_new (directory);
  g_autoptr(GKeyFile) key_file = NULL;
  g_autofree char *uri = g_file_get_uri (document);
  g_autofree char *named = NULL;

  chrono_autosave_set_delay (autosave, 50);
  chrono_autosave_watch (autosave, stack);
  sliced_test_rename (stack, "Before the save");
  wait_for_files (directory, 2);
  key_file = read_key_file (directory);
  g_assert_false (g_key_file_has_key (key_file, "Autosave", "Document", NULL));

  chrono_autosave_set_document (autosave, document);
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       named == NULL && g_get_monotonic_time () < deadline;)
    {
      g_clear_pointer (&key_file, g_key_file_unref);
      key_file = read_key_file (directory);
      named = g_key_file_get_string (key_file, "Autosave", "Document", NULL);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpstr (named, ==, uri);

  chrono_autosave_discard (autosave);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_directory (directory);
}

/* The timeline of the one copy in @directory. */
static ChronoTimeline *
read_copy (GFile *directory)
{
  g_autoptr(GFile) file = find_copy (directory, ".chronoscope");
  g_autoptr(GError) error = NULL;
  ChronoTimeline *timeline;

  g_assert_nonnull (file);
  timeline = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);

  return timeline;
}

static gboolean
has_copy (gpointer directory)
{
  return count_files (directory) == 2;
}

/* An autosave of a delay of 50 ms, in a folder of its own, that watches a timeline of
 * as many events as the test's data says, with the main loop run until it is idle. */
typedef struct
{
  GFile           *directory;
  ChronoTimeline  *timeline;
  ChronoUndoStack *stack;
  ChronoAutosave  *autosave;
  gint64           deadline;
  SlicedTestStats  stats;
} Copying;

static void
copying_set_up (Copying       *fixture,
                gconstpointer  n_events)
{
  fixture->directory = make_directory ();
  fixture->timeline = sliced_test_timeline_new (GPOINTER_TO_UINT (n_events));
  fixture->stack = chrono_undo_stack_new (fixture->timeline);
  fixture->autosave = chrono_autosave_new (fixture->directory);
  fixture->deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  chrono_autosave_set_delay (fixture->autosave, 50);
  chrono_autosave_watch (fixture->autosave, fixture->stack);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
copying_tear_down (Copying       *fixture,
                   gconstpointer  n_events)
{
  chrono_autosave_discard (fixture->autosave);
  g_clear_object (&fixture->autosave);
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->timeline);
  remove_directory (fixture->directory);
  g_clear_object (&fixture->directory);
}

/* Runs the main loop until the copy is made: in slices, at least one iteration for each
 * CHRONO_SLICED_WRITE_SLICE_EVENTS events, and whole, its first event titled @title. */
static void
assert_copied_in_slices (Copying    *fixture,
                         const char *title)
{
  guint n_events = chrono_timeline_get_n_events (fixture->timeline);
  g_autoptr(ChronoTimeline) copy = NULL;

  fixture->stats.dispatches = 0;
  sliced_test_run (&fixture->stats, 0, has_copy, fixture->directory, fixture->deadline);
  g_assert_cmpuint (count_files (fixture->directory), ==, 2);
  g_test_message ("the copy in %u iterations, %.0f ms in all, the longest %.1f ms", fixture->stats.dispatches,
                  fixture->stats.busy_ms, fixture->stats.longest_ms);
  g_assert_cmpuint (fixture->stats.dispatches, >=, n_events / CHRONO_SLICED_WRITE_SLICE_EVENTS + 1);

  copy = read_copy (fixture->directory);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (copy, 0)), ==, title);
  g_assert_cmpuint (chrono_timeline_get_n_events (copy), ==, n_events);
}

/* The copy of a large timeline is made a slice at a time, and an edit while it is made
 * starts it again: the first copy written has the edit, written after it over at least
 * one main loop iteration for each CHRONO_SLICED_WRITE_SLICE_EVENTS events. */
static void
test_copy_in_slices (Copying       *fixture,
                     gconstpointer  n_events)
{
  sliced_test_rename (fixture->stack, "Before the copy");

  /* Some slices of the copy, not all. */
  sliced_test_run (&fixture->stats, 3, NULL, NULL, fixture->deadline);
  g_assert_cmpuint (fixture->stats.slices, ==, 3);
  g_assert_cmpuint (count_files (fixture->directory), ==, 0);

  sliced_test_rename (fixture->stack, "During the copy");
  assert_copied_in_slices (fixture, "During the copy");
}

/* Edits that keep coming while each copy is made still leave a copy: after two copies
 * given up, the third is made at once. */
static void
test_copy_despite_steady_edits (Copying       *fixture,
                                gconstpointer  n_events)
{
  g_autoptr(ChronoTimeline) copy = NULL;
  guint slices;

  /* An edit after every third slice of a copy: none would ever be finished. */
  for (guint edits = 1; edits <= 3; edits++)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", edits);

      g_assert_false (has_copy (fixture->directory));
      sliced_test_rename (fixture->stack, title);
      if (edits < 3)
        sliced_test_run (&fixture->stats, 3, has_copy, fixture->directory, fixture->deadline);
    }

  /* A slice or two, not one for each CHRONO_SLICED_WRITE_SLICE_EVENTS events, then the
   * disk's worker, however long it takes on a busy machine. */
  slices = fixture->stats.slices;
  sliced_test_run (&fixture->stats, 0, has_copy, fixture->directory, fixture->deadline);
  wait_for_files (fixture->directory, 2);
  g_test_message ("the third copy in %u slices", fixture->stats.slices - slices);
  g_assert_cmpuint (fixture->stats.slices - slices, <, GPOINTER_TO_UINT (n_events) / CHRONO_SLICED_WRITE_SLICE_EVENTS);

  copy = read_copy (fixture->directory);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (copy, 0)), ==, "Edit 3");
}

/* A copy started again twice for edits, then cancelled as the edits are undone back to
 * the saved state: nothing is copied while nothing is unsaved, and the copy of the next
 * unsaved work (the edits redone) is made in slices again, not at once as a third start
 * of the cancelled copy would have been: restarts are counted for one stretch of unsaved
 * work, and a cancel ends it. */
static void
test_cancelled_copy (Copying       *fixture,
                     gconstpointer  n_events)
{
  /* Three edits, a few slices of a copy apart: the copy is started again twice. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", i);

      sliced_test_rename (fixture->stack, title);
      if (i < 3)
        {
          sliced_test_run (&fixture->stats, 3, NULL, NULL, fixture->deadline);
          g_assert_cmpuint (count_files (fixture->directory), ==, 0);
        }
    }
  sliced_test_run (&fixture->stats, 0, NULL, NULL, g_get_monotonic_time () + G_USEC_PER_SEC / 100);

  while (chrono_undo_stack_undo (fixture->stack))
    ;
  g_assert_false (chrono_undo_stack_get_modified (fixture->stack));
  sliced_test_run (&fixture->stats, 0, NULL, NULL, g_get_monotonic_time () + G_USEC_PER_SEC / 5);
  g_assert_cmpuint (count_files (fixture->directory), ==, 0);

  while (chrono_undo_stack_redo (fixture->stack))
    ;
  assert_copied_in_slices (fixture, "Edit 3");
}

/* An autosave dropped while it makes a copy stops making it: it lets the timeline go,
 * and nothing is written after. */
static void
test_dropped_during_copy (void)
{
  g_autoptr(GFile) directory = make_directory ();
  g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (100000);
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  ChronoAutosave *autosave = chrono_autosave_new (directory);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  SlicedTestStats stats = { 0 };
  guint iterations = 0;

  chrono_autosave_set_delay (autosave, 50);
  chrono_autosave_watch (autosave, stack);
  sliced_test_rename (stack, "Never copied");
  sliced_test_run (&stats, 2, NULL, NULL, deadline);
  g_assert_cmpuint (stats.slices, ==, 2);

  /* One slice finds the copy cancelled; the driver's result is dropped in another. */
  g_assert_finalize_object (autosave);
  while (g_main_context_iteration (NULL, FALSE))
    iterations++;
  g_assert_cmpuint (iterations, <=, 2);
  g_assert_finalize_object (g_steal_pointer (&stack));
  g_assert_finalize_object (g_steal_pointer (&timeline));
  g_assert_cmpuint (count_files (directory), ==, 0);

  remove_directory (directory);
}

/* The child: edits the sample with autosave on, waits until the copy is written, makes
 * one more change and dies of SIGKILL before that is copied. */
static int
edit_and_die (const char *path)
{
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(GFile) document = g_file_new_for_path ("/home/someone/notes.chronoscope");
  g_autoptr(ChronoTimeline) timeline = read_sample ();
  g_autoptr(ChronoUndoStack) stack = chrono_undo_stack_new (timeline);
  g_autoptr(ChronoAutosave) autosave = chrono_autosave_new (directory);

  chrono_autosave_set_delay (autosave, 50);
  chrono_autosave_set_document (autosave, document);
  chrono_autosave_watch (autosave, stack);
  sliced_test_rename (stack, "Written before the crash");
  chrono_timeline_set_title (timeline, "Notes, edited");
  wait_for_files (directory, 2);

  chrono_autosave_set_delay (autosave, 60000);
  sliced_test_rename (stack, "Lost in the crash");
  raise (SIGKILL);

  return 1;
}

static void
test_recover_after_kill (void)
{
  g_autoptr(GFile) directory = make_directory ();
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) recovered = NULL;
  g_autoptr(ChronoUndoStack) stack = NULL;
  g_autoptr(GFile) document = NULL;
  g_autofree char *document_path = NULL;
  ChronoAutosave *orphan;

  g_subprocess_launcher_setenv (launcher, CHILD_ENV, path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  orphans = chrono_autosave_find_orphans (directory);
  g_assert_cmpuint (orphans->len, ==, 1);
  orphan = g_ptr_array_index (orphans, 0);
  document_path = g_file_get_path (chrono_autosave_get_document (orphan));
  g_assert_cmpstr (document_path, ==, "/home/someone/notes.chronoscope");
  g_assert_cmpstr (chrono_autosave_get_title (orphan), ==, "Notes, edited");
  g_assert_nonnull (chrono_autosave_get_time (orphan));

  recovered = chrono_autosave_load (orphan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (recovered, 0)), ==, "Written before the crash");

  /* Taken over, the copy is kept up to date under its name, and goes once saved. */
  stack = chrono_undo_stack_new (recovered);
  chrono_autosave_set_delay (orphan, 50);
  chrono_autosave_watch (orphan, stack);
  sliced_test_rename (stack, "Recovered and changed");
  /* Written whole: the timeline, then the key file that says this process keeps it.
   * (Until then, a save would be followed by the key file of the write under way, which
   * is deleted only once that write has ended.) */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < deadline;)
    {
      g_autoptr(GKeyFile) key_file = NULL;

      g_clear_object (&recovered);
      recovered = chrono_autosave_load (orphan, NULL, &error);
      g_assert_no_error (error);
      key_file = read_key_file (directory);
      if (g_str_equal (chrono_event_get_title (chrono_timeline_get_event (recovered, 0)), "Recovered and changed") &&
          g_key_file_get_int64 (key_file, "Autosave", "Process", NULL) == getpid ())
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (recovered, 0)), ==, "Recovered and changed");
  wait_for_files (directory, 2);
  chrono_undo_stack_set_unmodified (stack);
  wait_for_files (directory, 0);

  remove_directory (directory);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  if (g_getenv (CHILD_ENV) != NULL)
    {
      g_autofree char *path = g_strdup (g_getenv (CHILD_ENV));

      g_unsetenv (CHILD_ENV);
      g_test_init (&argc, &argv, NULL);
      return edit_and_die (path);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/autosave/copy-follows-changes", test_copy_follows_changes);
  g_test_add_func ("/io/autosave/no-copy-once-unmodified", test_no_copy_once_unmodified);
  g_test_add_func ("/io/autosave/document-named-at-once", test_document_named_at_once);
  g_test_add_func ("/io/autosave/recover-after-kill", test_recover_after_kill);
  g_test_add ("/io/autosave/copy-in-slices", Copying, GUINT_TO_POINTER (200000),
              copying_set_up, test_copy_in_slices, copying_tear_down);
  g_test_add ("/io/autosave/copy-despite-steady-edits", Copying, GUINT_TO_POINTER (200000),
              copying_set_up, test_copy_despite_steady_edits, copying_tear_down);
  g_test_add ("/io/autosave/cancelled-copy", Copying, GUINT_TO_POINTER (100000),
              copying_set_up, test_cancelled_copy, copying_tear_down);
  g_test_add_func ("/io/autosave/dropped-during-copy", test_dropped_during_copy);

  return g_test_run ();
}
