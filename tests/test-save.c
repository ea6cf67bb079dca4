/* test-save.c — saving a timeline: everything editable comes back, the old file is kept
 * as a backup, a save that would not open again is refused, and a save killed halfway
 * leaves the old file whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"
#include "model/chrono-undo-stack.h"
#include "model-dump.h"
#include "kill-fixture.h"
#include "sliced-test-util.h"

#define OLD_CONTENT "<timeline version='1' xml:lang='en'><title>The old file</title>" \
                    "<categories><category id='c' color='#000000'>C</category></categories>" \
                    "<events><event id='e' start='2000' category='c'><title>Old</title></event></events></timeline>"
#define CHILD_ENV "CHRONO_TEST_SAVE_TO"

static const KillFixtureFile old_file = { "notes.chronoscope", OLD_CONTENT };

static void
push (ChronoUndoStack *stack,
      gpointer         edit)
{
  chrono_undo_stack_push (stack, edit);
  g_object_unref (edit);
}

static ChronoDate
date (const char *text)
{
  ChronoDate d;

  g_assert_true (chrono_date_parse (text, &d, NULL));

  return d;
}

/* Every field the editor can set, set through edits as the editor sets them, then saved
 * and opened again: the model that comes back holds the same, property for property. */
static void
test_round_trip_editable (KillFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (fixture->file, NULL, &error);
  g_autoptr(ChronoUndoStack) stack = NULL;
  g_autoptr(ChronoTimeline) back = NULL;
  g_autoptr(ChronoCategory) category = chrono_category_new ("people", "People", "#1c71d8", "#99c1f1");
  g_autoptr(ChronoSource) source = chrono_source_new ("interview", "An interview");
  g_autoptr(ChronoSource) other = chrono_source_new ("paper", "A paper");
  g_autoptr(ChronoEra) era = NULL;
  g_autoptr(ChronoEvent) event = NULL;
  g_autoptr(ChronoQuote) quote = chrono_quote_new ("我们很惊讶。", "zh-Hans");
  g_autoptr(ChronoQuote) second = chrono_quote_new ("Second words", "en");
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ChronoDate start = date ("2022-11-30"), end = date ("2023-01~"), said = date ("2024-12?");
  ChronoDate era_start = date ("-0500"), era_end = date ("2030");
  ChronoDate predicted = date ("2025"), predicted_end = date ("2027?"), source_date = date ("2025-01-05");

  g_assert_no_error (error);
  stack = chrono_undo_stack_new (timeline);

  push (stack, chrono_edit_properties_new (timeline, "title", "My timeline", "description", "What I read.", NULL));
  push (stack, chrono_edit_insert_new (category, NULL, 0));
  push (stack, chrono_edit_properties_new (category, "name", "Persons", "color", "#e01b24", "dark-color", "#f66151", NULL));
  era = chrono_era_new ("Before", &era_start, &era_end);
  push (stack, chrono_edit_insert_new (era, NULL, 0));
  push (stack, chrono_edit_properties_new (era, "name", "Long ago", NULL));
  push (stack, chrono_edit_insert_new (source, NULL, 0));
  push (stack, chrono_edit_insert_new (other, NULL, 1));
  push (stack, chrono_edit_properties_new (source, "title", "Bloomberg interview", "author", "Josh Tyrangiel",
                                           "publisher", "Bloomberg", "url", "https://example.org/a?b=1&c=2",
                                           "date", &source_date, NULL));

  event = chrono_event_new ("event-2", &start, "New event");
  chrono_event_set_category (event, category);
  push (stack, chrono_edit_insert_new (event, NULL, 0));
  g_ptr_array_add (sources, source);
  g_ptr_array_add (sources, other);
  push (stack, chrono_edit_properties_new (event, "title", "ChatGPT launches", "summary", "It went out.",
                                           "notes", "First note.\nSecond note.", "importance", 5,
                                           "sources", sources, "provenance", CHRONO_PROVENANCE_OUTSIDE,
                                           "date-provenance", CHRONO_PROVENANCE_INFERRED, NULL));
  push (stack, chrono_edit_span_new (event, &start, &end));
  push (stack, chrono_edit_properties_new (event, "predicted-start", &predicted, "predicted-end", &predicted_end, NULL));

  chrono_quote_set_speaker (quote, "Sam Altman");
  push (stack, chrono_edit_insert_new (quote, event, 0));
  push (stack, chrono_edit_properties_new (quote, "translation", "We were surprised.", "translation-language", "en",
                                           "context", "On stage.", "source", source, "said", &said,
                                           "provenance", CHRONO_PROVENANCE_REPORTED, NULL));
  chrono_quote_set_speaker (second, "Ilya Sutskever");
  push (stack, chrono_edit_insert_new (second, event, 1));
  push (stack, chrono_edit_move_quote_new (second, 0));

  /* What the Sources, Categories and Eras window does: an era's span changed, and a
   * source, a category and an era added and deleted again, the source's citation with it. */
  {
    ChronoDate new_start = date ("1999-12"), new_end = date ("2001~");
    g_autoptr(ChronoSource) gone = chrono_source_new ("gone", "Deleted later");
    g_autoptr(ChronoCategory) unused = chrono_category_new ("unused", "Unused", "#26a269", "#57e389");
    g_autoptr(ChronoEra) short_lived = chrono_era_new ("Short-lived", &new_start, &new_end);

    push (stack, chrono_edit_properties_new (era, "start", &new_start, "end", &new_end, NULL));
    push (stack, chrono_edit_insert_new (gone, NULL, G_MAXUINT));
    push (stack, chrono_edit_properties_new (second, "source", gone, NULL));
    push (stack, chrono_edit_delete_new (timeline, gone));
    g_assert_null (chrono_quote_get_source (second));
    push (stack, chrono_edit_insert_new (unused, NULL, G_MAXUINT));
    push (stack, chrono_edit_delete_new (timeline, unused));
    push (stack, chrono_edit_insert_new (short_lived, NULL, G_MAXUINT));
    push (stack, chrono_edit_delete_new (timeline, short_lived));
    push (stack, chrono_edit_properties_new (other, "date", NULL, "url", NULL, NULL));
    g_assert_null (chrono_timeline_lookup_source (timeline, "gone"));
    g_assert_null (chrono_timeline_lookup_category (timeline, "unused"));
  }

  before = model_dump (timeline);
  g_assert_true (chrono_timeline_save (timeline, fixture->file, NULL, &error));
  g_assert_no_error (error);

  back = chrono_timeline_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  after = model_dump (back);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "1999-12"));
  g_assert_null (strstr (after, "Deleted later"));
}

static void
test_backup (KillFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (fixture->file, NULL, &error);
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  chrono_timeline_set_title (timeline, "Saved once");
  g_assert_true (chrono_timeline_save (timeline, fixture->file, NULL, &error));
  g_assert_no_error (error);

  backup = kill_fixture_read (backup_path);
  g_assert_cmpstr (backup, ==, OLD_CONTENT);
  saved = kill_fixture_read (fixture->path);
  g_assert_nonnull (strstr (saved, "<title>Saved once</title>"));
}

static void
save_async_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (chrono_timeline_save_finish (result, error));
  g_assert_nonnull (*error);
}

/* A timeline the reader would refuse is not saved, and the file stays as it was. */
static void
test_refuse_unreadable (KillFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = chrono_timeline_load (fixture->file, NULL, &error);
  g_autoptr(ChronoEditProperties) uncategorise = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  uncategorise = chrono_edit_properties_new (chrono_timeline_get_event (timeline, 0), "category", NULL, NULL);
  chrono_edit_apply (CHRONO_EDIT (uncategorise), timeline);

  g_assert_false (chrono_timeline_save (timeline, fixture->file, NULL, &error));
  g_assert_error (error, CHRONO_WRITER_ERROR, CHRONO_WRITER_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "notes.chronoscope"));
  g_assert_nonnull (strstr (error->message, "category"));

  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);

  /* The same when saving asynchronously, where the check is the worker's. */
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  chrono_timeline_save_async (timeline, fixture->file, NULL, save_async_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, CHRONO_WRITER_ERROR, CHRONO_WRITER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "notes.chronoscope"));
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
}

/* The child: saves a large generated timeline to the file named in CHILD_ENV. */
static int
save_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronoTimeline) timeline = sliced_test_timeline_new (400000);
  g_autoptr(GError) error = NULL;

  if (!chrono_timeline_save (timeline, file, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

static void
test_killed_during_save (KillFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autofree char *contents = NULL;

  kill_fixture_kill_child (fixture, CHILD_ENV);
  contents = kill_fixture_read (fixture->path);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  timeline = chrono_timeline_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chrono_timeline_get_title (timeline), ==, "The old file");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *child_path = kill_fixture_child_path (CHILD_ENV);

  setlocale (LC_ALL, "C.UTF-8");
  if (child_path != NULL)
    {
      g_test_init (&argc, &argv, NULL);
      return save_child (child_path);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io/save/round-trip-editable", KillFixture, &old_file, kill_fixture_set_up, test_round_trip_editable, kill_fixture_tear_down);
  g_test_add ("/io/save/backup", KillFixture, &old_file, kill_fixture_set_up, test_backup, kill_fixture_tear_down);
  g_test_add ("/io/save/refuse-unreadable", KillFixture, &old_file, kill_fixture_set_up, test_refuse_unreadable, kill_fixture_tear_down);
  g_test_add ("/io/save/killed-during-save", KillFixture, &old_file, kill_fixture_set_up, test_killed_during_save, kill_fixture_tear_down);

  return g_test_run ();
}
