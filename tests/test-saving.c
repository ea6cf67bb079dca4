/* test-saving.c — a session's saves: in slices, in order, superseded, and the file
 * opened or the window closed while one is under way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "sliced-test-util.h"
#include "ui-test-util.h"
#include "io/chrono-sliced-write.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-properties.h"
#include "ui/chrono-window-private.h"

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!chrono_session_save_finish (CHRONO_SESSION (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (object, "saved", GINT_TO_POINTER (TRUE));
}

static gboolean
saved (gpointer session)
{
  return g_object_get_data (session, "saved") != NULL;
}

static void
test_save_clears_modified (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = ui_test_timeline_new ();
  g_autoptr(ChronoEditProperties) edit = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("chronoscope-saving-XXXXXX.chronoscope", &stream, NULL);
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;

  chrono_session_set_timeline (session, timeline);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_false (chrono_session_get_read_only (session));

  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "price"), "title", "Twenty dollars", NULL);
  chrono_session_push_edit (session, CHRONO_EDIT (edit));
  g_assert_true (chrono_session_get_modified (session));

  chrono_session_save_async (session, file, NULL, save_done_cb, &error);
  ui_test_wait_for (saved, session);
  g_assert_no_error (error);
  g_assert_false (chrono_session_get_modified (session));
  g_assert_true (g_file_equal (chrono_session_get_file (session), file));
  g_assert_true (chrono_session_get_can_save_in_place (session));

  back = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "price")), ==, "Twenty dollars");

  /* Undone past the save: modified again. */
  chrono_session_undo (session);
  g_assert_true (chrono_session_get_modified (session));
  g_file_delete (file, NULL, NULL);
}

/* A new timeline has no title: once saved, and once opened again, the window is named
 * after its file. */
static void
test_title_after_save (void)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  AdwWindowTitle *header = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), CHRONO_TYPE_WINDOW,
                                                                             "window_title"));
  g_autofree char *dir = g_dir_make_tmp ("chronoscope-saving-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "moon.chronoscope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  ui_test_wait_loaded (window);
  chrono_session_new_timeline (session);
  ui_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Timeline");

  chrono_session_save_async (session, file, NULL, save_done_cb, &error);
  ui_test_wait_for (saved, session);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "moon.chronoscope");
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "moon.chronoscope");
  /* Not twice. */
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "");

  /* Opened again, it is still called after its file, not “Untitled timeline”. */
  chrono_session_new_timeline (session);
  chrono_session_load (session, file, FALSE);
  ui_test_wait_loaded (window);
  g_assert_true (g_file_equal (chrono_session_get_file (session), file));
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "moon.chronoscope");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "moon.chronoscope");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

/* A large timeline is written out a slice at a time: the window goes on between slices
 * (at least one main loop iteration for each CHRONO_SLICED_WRITE_SLICE_EVENTS events),
 * and an edit made meanwhile starts the save again, so the file has it and the session
 * is unmodified after. */
static void
test_save_in_slices (void)
{
  g_autoptr(ChronoSession) session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (100000);
  g_autoptr(ChronoEditProperties) first = NULL;
  g_autoptr(ChronoEditProperties) second = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("chronoscope-saving-XXXXXX.chronoscope", &stream, NULL);
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  SlicedTestStats stats = { 0 };

  chrono_session_set_timeline (session, timeline);

  first = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "e7"), "title", "Before the save", NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (first)));
  chrono_session_save_async (session, file, NULL, save_done_cb, &error);

  sliced_test_run (&stats, 3, saved, session, deadline);
  g_assert_cmpuint (stats.slices, ==, 3);
  second = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "e99999"), "title",
                                       "During the save", NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (second)));
  stats.dispatches = 0;
  sliced_test_run (&stats, 0, saved, session, deadline);
  g_assert_true (saved (session));
  g_assert_no_error (error);
  g_test_message ("%u iterations after the edit, the longest %.1f ms of CPU", stats.dispatches, stats.longest_ms);
  /* Started again with the edit, all 100,000 events were written after it. */
  g_assert_cmpuint (stats.dispatches, >=, 100000 / CHRONO_SLICED_WRITE_SLICE_EVENTS + 1);
  g_assert_false (chrono_session_get_modified (session));

  back = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "e7")), ==, "Before the save");
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "e99999")), ==, "During the save");
  g_file_delete (file, NULL, NULL);
}

/* A session dropped (its window closed) during a save finishes the save, then goes,
 * and with it the timeline. */
static void
test_save_outlives_session (void)
{
  ChronoSession *session = chrono_session_new ();
  g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (20000);
  g_autoptr(ChronoEditProperties) edit = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("chronoscope-saving-XXXXXX.chronoscope", &stream, NULL);
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;
  SlicedTestStats stats = { 0 };
  GWeakRef ref;

  chrono_session_set_timeline (session, timeline);
  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (timeline, "e7"), "title", "Saved", NULL);
  g_assert_true (chrono_session_push_edit (session, CHRONO_EDIT (edit)));
  chrono_session_save_async (session, file, NULL, save_done_cb, &error);
  sliced_test_run (&stats, 2, saved, session, g_get_monotonic_time () + 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (stats.slices, ==, 2);

  g_weak_ref_init (&ref, session);
  g_object_unref (session);
  g_assert_false (ui_test_is_gone (&ref));
  ui_test_wait_gone (&ref);
  g_weak_ref_clear (&ref);
  g_assert_no_error (error);
  g_clear_object (&edit);
  g_assert_finalize_object (g_steal_pointer (&timeline));

  back = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "e7")), ==, "Saved");
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, 20000);
  g_file_delete (file, NULL, NULL);
}

/* A session two slices into saving a timeline of 20,000 events ("e7" renamed "Saved"
 * just before) to a file, and showing another timeline since, with an edit of its own
 * (the title of "price", the test's data). */
typedef struct
{
  ChronoSession  *session;
  ChronoTimeline *timeline;
  ChronoTimeline *other;
  GFile          *file;
  GError         *error;    /* the save's */
} Superseded;

static void
superseded_set_up (Superseded    *fixture,
                   gconstpointer  other_title)
{
  g_autoptr(ChronoEditProperties) edit = NULL;
  g_autoptr(ChronoEditProperties) other_edit = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  SlicedTestStats stats = { 0 };

  fixture->session = chrono_session_new ();
  fixture->timeline = sliced_test_timeline_new (20000);
  fixture->other = ui_test_timeline_new ();
  fixture->file = g_file_new_tmp ("chronoscope-saving-XXXXXX.chronoscope", &stream, NULL);

  chrono_session_set_timeline (fixture->session, fixture->timeline);
  edit = chrono_edit_properties_new (chrono_timeline_lookup_event (fixture->timeline, "e7"), "title", "Saved", NULL);
  g_assert_true (chrono_session_push_edit (fixture->session, CHRONO_EDIT (edit)));
  chrono_session_save_async (fixture->session, fixture->file, NULL, save_done_cb, &fixture->error);
  sliced_test_run (&stats, 2, saved, fixture->session, g_get_monotonic_time () + 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (stats.slices, ==, 2);

  chrono_session_set_timeline (fixture->session, fixture->other);
  other_edit = chrono_edit_properties_new (chrono_timeline_lookup_event (fixture->other, "price"), "title",
                                           other_title, NULL);
  g_assert_true (chrono_session_push_edit (fixture->session, CHRONO_EDIT (other_edit)));
}

static void
superseded_tear_down (Superseded    *fixture,
                      gconstpointer  other_title)
{
  g_file_delete (fixture->file, NULL, NULL);
  g_clear_error (&fixture->error);
  g_clear_object (&fixture->file);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->timeline);
  g_clear_object (&fixture->session);
}

/* Another timeline opened during a save: the save the user asked for goes on, and the
 * file has the timeline as it was when the save began, whole; the session, which shows
 * the other timeline now, keeps that one's file (none) and its unsaved change. */
static void
test_save_superseded (Superseded    *fixture,
                      gconstpointer  other_title)
{
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;

  ui_test_wait_for (saved, fixture->session);
  g_assert_no_error (fixture->error);

  back = chrono_timeline_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, 20000);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "e7")), ==, "Saved");
  g_assert_null (chrono_session_get_file (fixture->session));
  g_assert_true (chrono_session_get_modified (fixture->session));
  g_assert_true (chrono_session_get_timeline (fixture->session) == fixture->other);
}

static void
newer_save_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (chrono_session_save_finish (CHRONO_SESSION (object), result, &error));
  g_assert_no_error (error);
  g_object_set_data (object, "saved-newer", GINT_TO_POINTER (TRUE));
}

static gboolean
both_saved (gpointer session)
{
  return saved (session) && g_object_get_data (session, "saved-newer") != NULL;
}

/* The timeline opened during a save and saved to the same file before that save is done:
 * the saves go to the disk in the order asked, and the file has the later one, as the
 * session says. */
static void
test_save_superseded_then_saved (Superseded    *fixture,
                                 gconstpointer  other_title)
{
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;

  chrono_session_save_async (fixture->session, fixture->file, NULL, newer_save_done_cb, NULL);
  ui_test_wait_for (both_saved, fixture->session);
  g_assert_no_error (fixture->error);

  g_assert_true (g_file_equal (chrono_session_get_file (fixture->session), fixture->file));
  g_assert_false (chrono_session_get_modified (fixture->session));
  back = chrono_timeline_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, chrono_timeline_get_n_events (fixture->other));
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_lookup_event (back, "price")), ==, other_title);
}

static gboolean
done_loading (gpointer session)
{
  return !chrono_session_get_loading (session);
}

/* A file holding the six events of ui_test_timeline_new(). */
static GFile *
small_file_new (void)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("chronoscope-saving-XXXXXX.chronoscope", &stream, NULL);
  g_autoptr(ChronoTimeline) small = ui_test_timeline_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (chrono_timeline_save (small, file, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

/* A window showing a large read-only timeline, as if it were the built-in one, two
 * slices into saving a copy of it over @file (which holds a small timeline before);
 * with another window on the built-in timeline, ready before the save began, when the
 * test asks for one. */
typedef struct
{
  GFile         *file;
  char          *name;          /* the file's */
  GCancellable  *cancellable;
  GError        *error;
  ChronoWindow  *window;
  ChronoSession *session;
  ChronoWindow  *opening;
} SavingCopy;

static void
saving_copy_set_up (SavingCopy    *fixture,
                    gconstpointer  with_opening_window)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) builtin = g_file_new_tmp ("chronoscope-saving-XXXXXX.chronoscope", &stream, NULL);
  g_autoptr(ChronoTimeline) large = sliced_test_timeline_new (20000);
  SlicedTestStats stats = { 0 };

  if (with_opening_window)
    {
      fixture->opening = ui_test_window_new ();
      ui_test_wait_loaded (fixture->opening);
    }

  fixture->file = small_file_new ();
  fixture->name = g_file_get_basename (fixture->file);
  fixture->cancellable = g_cancellable_new ();
  fixture->window = ui_test_window_new ();
  fixture->session = chrono_window_get_session (fixture->window);
  g_assert_true (chrono_timeline_save (large, builtin, NULL, &fixture->error));
  g_assert_no_error (fixture->error);
  chrono_session_load (fixture->session, builtin, TRUE);
  ui_test_wait_loaded (fixture->window);
  g_file_delete (builtin, NULL, NULL);
  g_assert_true (chrono_session_get_read_only (fixture->session));

  chrono_session_save_async (fixture->session, fixture->file, fixture->cancellable, save_done_cb, &fixture->error);
  sliced_test_run (&stats, 2, saved, fixture->session, g_get_monotonic_time () + 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (stats.slices, ==, 2);
  g_assert_false (saved (fixture->session));
}

static void
saving_copy_tear_down (SavingCopy    *fixture,
                       gconstpointer  with_opening_window)
{
  g_clear_pointer ((GtkWindow **) &fixture->opening, gtk_window_destroy);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_file_delete (fixture->file, NULL, NULL);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->name, g_free);
  g_clear_object (&fixture->cancellable);
  g_clear_error (&fixture->error);
}

static void
progress_label_cb (GtkLabel   *label,
                   GParamSpec *pspec,
                   GPtrArray  *texts)
{
  g_ptr_array_add (texts, g_strdup (gtk_label_get_text (label)));
}

/* The file that Save a Copy of the built-in timeline is still writing, opened in that
 * window (which shows nothing the user could lose) and in another: both show what the
 * save writes, once it is done, never what the file held before. Until then the window
 * says that the file waits for its save, then that it opens. */
static void
test_open_during_save (SavingCopy    *fixture,
                       gconstpointer  unused)
{
  ChronoWindow *window = fixture->window;
  ChronoSession *session = fixture->session;
  g_autoptr(ChronoSession) other = chrono_session_new ();
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *waiting = g_strdup_printf ("Waiting for “%s” to finish saving…", fixture->name);
  g_autofree char *opening = g_strdup_printf ("Opening “%s”…", fixture->name);

  g_signal_connect (window->progress_label, "notify::label", G_CALLBACK (progress_label_cb), texts);
  chrono_window_open_files (window, &fixture->file, 1);
  chrono_session_load (other, fixture->file, FALSE);
  g_assert_true (chrono_session_get_opening_file (session) != NULL);
  g_assert_true (chrono_session_get_waiting_for_save (session));
  g_assert_true (chrono_session_get_waiting_for_save (other));
  g_assert_cmpstr (gtk_label_get_text (window->progress_label), ==, waiting);
  g_assert_true (gtk_revealer_get_reveal_child (window->progress_revealer));
  ui_test_wait_for (done_loading, session);
  ui_test_wait_for (done_loading, other);
  ui_test_wait_for (saved, session);
  g_assert_no_error (fixture->error);
  g_assert_false (chrono_session_get_waiting_for_save (session));
  g_assert_false (chrono_session_get_waiting_for_save (other));
  g_signal_handlers_disconnect_by_func (window->progress_label, progress_label_cb, texts);
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, waiting);
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, opening);

  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (session)), ==, 20000);
  g_assert_true (g_file_equal (chrono_session_get_file (session), fixture->file));
  g_assert_false (chrono_session_get_builtin (session));
  g_assert_false (chrono_session_get_modified (session));
  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (other)), ==, 20000);
  back = chrono_timeline_load (fixture->file, NULL, &fixture->error);
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, 20000);
}

/* The file being saved, opened by other names for it, a symbolic link to it and a path
 * through a link to its folder, waits for the save as under its own name: it was read
 * at once and showed what the save was about to replace. */
static void
test_open_during_save_by_other_names (SavingCopy    *fixture,
                                      gconstpointer  unused)
{
  g_autoptr(ChronoSession) by_link = chrono_session_new ();
  g_autoptr(ChronoSession) by_folder = chrono_session_new ();
  g_autoptr(GFile) folder = g_file_get_parent (fixture->file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *file_path = g_file_get_path (fixture->file);
  g_autofree char *dir = g_dir_make_tmp ("chronoscope-saving-XXXXXX", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.chronoscope", NULL);
  g_autofree char *folder_link_path = g_build_filename (dir, "folder", NULL);
  g_autofree char *through_folder_path = g_build_filename (folder_link_path, fixture->name, NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GFile) through_folder = g_file_new_for_path (through_folder_path);

  g_assert_no_errno (symlink (file_path, link_path));
  g_assert_no_errno (symlink (folder_path, folder_link_path));

  chrono_session_load (by_link, link, FALSE);
  chrono_session_load (by_folder, through_folder, FALSE);
  g_assert_true (chrono_session_get_waiting_for_save (by_link));
  g_assert_true (chrono_session_get_waiting_for_save (by_folder));
  ui_test_wait_for (done_loading, by_link);
  ui_test_wait_for (done_loading, by_folder);
  ui_test_wait_for (saved, fixture->session);
  g_assert_no_error (fixture->error);
  g_assert_true (g_file_equal (chrono_session_get_file (by_link), link));
  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (by_link)), ==, 20000);
  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (by_folder)), ==, 20000);

  g_assert_no_errno (g_unlink (link_path));
  g_assert_no_errno (g_unlink (folder_link_path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A save that fails (cancelled here) leaves the file as it was, and the file opened
 * meanwhile shows that, once the save has given up. */
static void
test_open_during_failed_save (SavingCopy    *fixture,
                              gconstpointer  unused)
{
  g_autoptr(ChronoSession) other = chrono_session_new ();

  chrono_session_load (other, fixture->file, FALSE);
  g_cancellable_cancel (fixture->cancellable);
  ui_test_wait_for (done_loading, other);
  g_assert_true (saved (fixture->session));
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_equal (chrono_session_get_file (other), fixture->file));
  g_assert_cmpuint (chrono_timeline_get_n_events (chrono_session_get_timeline (other)), ==, 6);
  g_assert_true (chrono_session_get_builtin (fixture->session));
}

/* A save that does not end (a stuck disk) holds the file opened in the window for as
 * long: the window says so, and Cancel there stops the wait. */
static void
test_open_waiting_cancelled_in_window (SavingCopy    *fixture,
                                       gconstpointer  with_opening_window)
{
  ChronoWindow *opening = fixture->opening;
  ChronoSession *opening_session = chrono_window_get_session (opening);
  g_autofree char *waiting = g_strdup_printf ("Waiting for “%s” to finish saving…", fixture->name);

  chrono_session_load (opening_session, fixture->file, FALSE);
  g_assert_true (chrono_session_get_waiting_for_save (opening_session));
  g_assert_cmpstr (gtk_label_get_text (opening->progress_label), ==, waiting);
  g_assert_true (gtk_revealer_get_reveal_child (opening->progress_revealer));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (opening->progress_bar), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opening), "win.cancel-load", NULL));
  g_assert_false (chrono_session_get_waiting_for_save (opening_session));
  g_assert_false (gtk_revealer_get_reveal_child (opening->progress_revealer));
  while (chrono_session_get_loading (opening_session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (saved (fixture->session));

  ui_test_wait_for (saved, fixture->session);
  g_assert_no_error (fixture->error);
}

/* Cancel while the file waits for the save: the session stops loading at once, not when
 * the save is done (which may be never), and the file is not opened once it is. */
static void
test_open_during_save_cancelled (SavingCopy    *fixture,
                                 gconstpointer  unused)
{
  ChronoSession *session = fixture->session;
  g_autoptr(ChronoSession) other = chrono_session_new ();

  chrono_session_load (other, fixture->file, FALSE);
  g_assert_true (g_file_equal (chrono_session_get_opening_file (other), fixture->file));
  chrono_session_cancel_load (other);
  g_assert_null (chrono_session_get_opening_file (other));
  g_assert_false (chrono_session_get_waiting_for_save (other));
  while (chrono_session_get_loading (other))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (saved (session));
  ui_test_wait_for (saved, session);
  ui_test_iterate ();
  g_assert_false (chrono_session_get_loading (other));
  g_assert_no_error (fixture->error);
  g_assert_null (chrono_session_get_timeline (other));
  g_assert_null (chrono_session_get_file (other));
}

/* A window closed while the file it opens waits for a save goes at once, and the save
 * ends well without it. */
static void
test_close_while_open_waits (SavingCopy    *fixture,
                             gconstpointer  with_opening_window)
{
  ChronoSession *opening_session = chrono_window_get_session (fixture->opening);
  g_autoptr(ChronoTimeline) back = NULL;
  GWeakRef ref;

  chrono_session_load (opening_session, fixture->file, FALSE);
  g_weak_ref_init (&ref, opening_session);
  g_clear_pointer ((GtkWindow **) &fixture->opening, gtk_window_destroy);
  while (!ui_test_is_gone (&ref))
    g_main_context_iteration (NULL, TRUE);
  g_weak_ref_clear (&ref);
  g_assert_false (saved (fixture->session));

  ui_test_wait_for (saved, fixture->session);
  g_assert_no_error (fixture->error);
  back = chrono_timeline_load (fixture->file, NULL, &fixture->error);
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (chrono_timeline_get_n_events (back), ==, 20000);
}

static gboolean
gone_or_asked (gpointer data)
{
  return ui_test_is_gone (data) || ui_test_find_question () != NULL;
}

/* Deletes @dir and the timeline and the backup that saving left in it. */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_remove (dir), ==, 0);
}

/* A window showing @n generated events, saved once to a new file in @dir so that Save
 * writes there. */
static ChronoWindow *
window_with_file (guint        n,
                  const char  *dir,
                  GFile      **file)
{
  ChronoWindow *window = ui_test_window_new ();
  ChronoSession *session = chrono_window_get_session (window);
  g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (n);
  g_autofree char *path = g_build_filename (dir, "large.chronoscope", NULL);
  g_autoptr(GError) error = NULL;

  chrono_window_set_timeline (window, timeline);
  ui_test_wait_loaded (window);
  *file = g_file_new_for_path (path);
  chrono_session_save_async (session, *file, NULL, save_done_cb, &error);
  ui_test_wait_for (saved, session);
  g_assert_no_error (error);
  g_assert_false (chrono_session_get_modified (session));

  return window;
}

/* Starts Save of an edit in @window and closes the window two slices into it. A save that
 * goes well is still under way then, and closing waits for it; one that @fails may have
 * failed already, or fail at the next iteration, and then the window rightly asks. */
static void
close_during_save (ChronoWindow *window,
                   GWeakRef     *ref,
                   gboolean      fails)
{
  ChronoSession *session = chrono_window_get_session (window);
  SlicedTestStats stats = { 0 };

  sliced_test_rename (chrono_session_get_undo_stack (session), "Saved while closing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  sliced_test_run (&stats, 2, NULL, NULL, g_get_monotonic_time () + 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (stats.slices, ==, 2);
  g_assert_true (chrono_session_get_modified (session));
  if (!fails)
    g_assert_cmpuint (window->n_saves, >, 0);

  g_weak_ref_init (ref, window);
  gtk_window_close (GTK_WINDOW (window));
  /* Waiting is decided at once, and looked at before the main loop runs again: running it
   * may rightly finish the save and close the window. */
  g_assert_false (ui_test_is_gone (ref));
  g_assert_null (ui_test_find_question ());
  if (!fails)
    g_assert_true (window->close_after_save);
}

/* Closing the window while Save is still writing a large timeline waits for it, and the
 * save leaves nothing unsaved: the window closes without asking (it asked at once). */
static void
test_close_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronoscope-saving-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(GError) error = NULL;
  ChronoWindow *window = window_with_file (100000, dir, &file);
  GWeakRef ref;

  close_during_save (window, &ref, FALSE);
  ui_test_wait_for (gone_or_asked, &ref);
  g_assert_null (ui_test_find_question ());
  g_assert_true (ui_test_is_gone (&ref));
  g_weak_ref_clear (&ref);

  back = chrono_timeline_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_event_get_title (chrono_timeline_get_event (back, 0)), ==, "Saved while closing");
  remove_dir (dir);
}

/* Renames an event in the window of @ref until it is gone or asks. */
static gboolean
edit_while_closing_cb (gpointer ref)
{
  static guint n_edits;
  g_autoptr(ChronoWindow) window = g_weak_ref_get (ref);
  g_autofree char *title = NULL;

  if (window == NULL || ui_test_find_question () != NULL)
    return G_SOURCE_REMOVE;

  title = g_strdup_printf ("Edited while closing %u", n_edits++);
  sliced_test_rename (chrono_session_get_undo_stack (chrono_window_get_session (window)), title);

  return G_SOURCE_CONTINUE;
}

/* Closing during Save asks after all when the save leaves something unsaved: an edit it
 * could not take in, or a save that failed. */
static void
test_close_during_save_asks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronoscope-saving-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  ChronoWindow *window = window_with_file (100000, dir, &file);
  ChronoSession *session = chrono_window_get_session (window);
  GWeakRef ref;

  /* An edit after every slice: the save starts again twice, then writes out what it
   * has, and the edit after that is not in the file. The edits come from an idle of the
   * slices' own priority, so that each round of the main loop runs one slice and then
   * one edit, however fast the machine (edits made between iterations would queue work
   * of higher priority every time, and the slices would never run). */
  close_during_save (window, &ref, FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, edit_while_closing_cb, &ref, NULL);
  ui_test_wait_for (gone_or_asked, &ref);
  g_assert_false (ui_test_is_gone (&ref));
  g_assert_true (chrono_session_get_modified (session));
  g_assert_cmpstr (ui_test_question_get_heading (ui_test_find_question ()), ==, "Save Changes?");
  g_assert_true (ui_test_question_click (ui_test_find_question (), "cancel"));
  ui_test_wait_for (ui_test_has_no_question, NULL);
  g_weak_ref_clear (&ref);

  /* The file's folder gone, the save fails, and says so. */
  remove_dir (dir);
  close_during_save (window, &ref, TRUE);
  ui_test_wait_for (gone_or_asked, &ref);
  g_assert_false (ui_test_is_gone (&ref));
  g_assert_true (chrono_session_get_modified (session));
  g_assert_cmpstr (ui_test_question_get_heading (ui_test_find_question ()), ==, "Save Changes?");
  g_assert_true (ui_test_question_click (ui_test_find_question (), "discard"));
  ui_test_wait_gone (&ref);
  g_weak_ref_clear (&ref);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/saving/clears-modified", test_save_clears_modified);
  g_test_add_func ("/ui/saving/in-slices", test_save_in_slices);
  g_test_add_func ("/ui/saving/outlives-session", test_save_outlives_session);
  g_test_add ("/ui/saving/superseded", Superseded, "Not saved",
              superseded_set_up, test_save_superseded, superseded_tear_down);
  g_test_add ("/ui/saving/superseded-then-saved", Superseded, "Saved later",
              superseded_set_up, test_save_superseded_then_saved, superseded_tear_down);
  g_test_add ("/ui/saving/open-during-save", SavingCopy, NULL,
              saving_copy_set_up, test_open_during_save, saving_copy_tear_down);
  g_test_add ("/ui/saving/open-during-save-by-other-names", SavingCopy, NULL,
              saving_copy_set_up, test_open_during_save_by_other_names, saving_copy_tear_down);
  g_test_add ("/ui/saving/open-during-failed-save", SavingCopy, NULL,
              saving_copy_set_up, test_open_during_failed_save, saving_copy_tear_down);
  g_test_add ("/ui/saving/open-during-save-cancelled", SavingCopy, NULL,
              saving_copy_set_up, test_open_during_save_cancelled, saving_copy_tear_down);
  g_test_add ("/ui/saving/open-waiting-cancelled-in-window", SavingCopy, GINT_TO_POINTER (TRUE),
              saving_copy_set_up, test_open_waiting_cancelled_in_window, saving_copy_tear_down);
  g_test_add ("/ui/saving/close-while-open-waits", SavingCopy, GINT_TO_POINTER (TRUE),
              saving_copy_set_up, test_close_while_open_waits, saving_copy_tear_down);
  g_test_add_func ("/ui/saving/close-during-save", test_close_during_save);
  g_test_add_func ("/ui/saving/close-during-save-asks", test_close_during_save_asks);
  g_test_add_func ("/ui/saving/title-after-save", test_title_after_save);

  return g_test_run ();
}
