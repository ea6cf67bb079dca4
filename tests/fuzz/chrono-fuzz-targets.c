/* chrono-fuzz-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-fuzz"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "chrono-fuzz-targets.h"
#include "io/chrono-csv-reader.h"
#include "io/chrono-input-limits.h"
#include "io/chrono-json-check.h"
#include "io/chrono-json-spans.h"
#include "io/chrono-native-reader.h"
#include "io/chrono-thetimelineproj-reader.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-reader-private.h"
#include "io/chrono-timeline-writer.h"
#include "io/chrono-timelinejs-reader.h"

#define DISPLAY_NAME "fuzz-input"

G_GNUC_NORETURN static void
trap_cb (int signal_number)
{
  abort ();
}

void
chrono_fuzz_setup (void)
{
  /* A critical or a warning from the code under test is a finding, like a crash. GLib
   * stops at a fatal message with SIGTRAP, which libFuzzer does not catch; an abort
   * makes it save the input. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  signal (SIGTRAP, trap_cb);
}

/* Exactly one of @timeline and @error; an error names the input and says something. */
static void
check_result (ChronoTimeline *timeline,
              const GError   *error)
{
  if (timeline == NULL)
    {
      g_autofree char *escaped = NULL;

      if (error == NULL || error->message == NULL)
        g_error ("a reader returned no timeline and no error");
      escaped = g_strescape (error->message, NULL);
      if (!g_str_has_prefix (error->message, DISPLAY_NAME) ||
          strlen (error->message) <= strlen (DISPLAY_NAME ": ") ||
          !g_utf8_validate (error->message, -1, NULL))
        g_error ("a reader's error does not name the input in valid UTF-8: %s", escaped);
    }
  else
    {
      g_assert_null (error);
      g_assert_true (chrono_timeline_is_sealed (timeline));
    }
}

/* The second way of reading gives the same timeline as the first, or the same error. */
static void
check_same (ChronoTimeline *timeline,
            const GError   *error,
            ChronoTimeline *other,
            const GError   *other_error,
            const char     *other_way)
{
  check_result (other, other_error);
  if (timeline != NULL)
    {
      g_autoptr(GBytes) expected = chrono_timeline_write_native (timeline);
      g_autoptr(GBytes) written = other != NULL ? chrono_timeline_write_native (other) : NULL;

      if (written == NULL || !g_bytes_equal (written, expected))
        g_error ("%s differs%s%s", other_way, other_error != NULL ? ": " : "",
                 other_error != NULL ? other_error->message : "");
    }
  else if (other_error == NULL || strcmp (other_error->message, error->message) != 0)
    g_error ("%s does not give the same error (%s): %s", other_way, error->message,
             other_error != NULL ? other_error->message : "a timeline");
}

void
chrono_fuzz_native (const guint8 *data,
                    gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GError) split_error = NULL;
  g_autoptr(ChronoTimeline) split = NULL;

  timeline = chrono_timeline_read_native_bytes (bytes, DISPLAY_NAME, NULL, &error);
  check_result (timeline, error);

  /* With the second half of <events> read by a second thread. */
  _chrono_native_reader_always_split (TRUE);
  split = chrono_timeline_read_native_bytes (bytes, DISPLAY_NAME, NULL, &split_error);
  _chrono_native_reader_always_split (FALSE);
  check_same (timeline, error, split, split_error, "a split read");
}

/* Where it finds the events, the TimelineJS reader tells a mistake that the check calls
 * certain without reading the whole document: json-glib must refuse the document too. */
static void
check_certain_mistake (const char *data,
                       gsize       length)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ChronoJsonSpan));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *what = NULL;
  ChronoJsonSpan array;
  gsize content, bom, offset;
  gboolean certain;

  if (!chrono_input_check_utf8 (data, length, DISPLAY_NAME, NULL) ||
      !chrono_input_find_content (data, length, DISPLAY_NAME, &content, NULL) ||
      !chrono_input_check_json_nesting (data, length, content, DISPLAY_NAME, NULL))
    return;

  bom = chrono_input_skip_bom (data, length);
  data += bom;
  length -= bom;
  if (!chrono_json_find_member_array (data, length, "events", &array, spans))
    return;
  what = chrono_json_find_mistake (data, length, &offset, &certain);
  if (what != NULL && certain && json_parser_load_from_data (parser, data, length, NULL))
    g_error ("json-glib reads a document with a certain mistake at byte %" G_GSIZE_FORMAT ": %s", offset, what);
}

void
chrono_fuzz_timelinejs (const guint8 *data,
                        gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(ChronoTimeline) whole = NULL;

  timeline = chrono_timeline_read_timelinejs_bytes (bytes, DISPLAY_NAME, NULL, &error);
  check_result (timeline, error);

  /* The document read whole by json-glib, not one event at a time. */
  _chrono_timelinejs_reader_read_whole (TRUE);
  whole = chrono_timeline_read_timelinejs_bytes (bytes, DISPLAY_NAME, NULL, &whole_error);
  _chrono_timelinejs_reader_read_whole (FALSE);
  check_same (timeline, error, whole, whole_error, "a whole read");
  check_certain_mistake ((const char *) data, size);
}

void
chrono_fuzz_csv (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  timeline = chrono_timeline_read_csv_bytes (bytes, DISPLAY_NAME, NULL, &error);
  check_result (timeline, error);
}

void
chrono_fuzz_thetimelineproj (const guint8 *data,
                             gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;

  timeline = chrono_timeline_read_thetimelineproj_bytes (bytes, DISPLAY_NAME, NULL, &error);
  check_result (timeline, error);
}

/* A date that parses is valid, has bounds in order, and reads back the same from its
 * EDTF form; one that does not parse says why. */
void
chrono_fuzz_date (const guint8 *data,
                  gsize         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  ChronoDate date = { 0 };

  if (!chrono_date_parse (text, &date, &error))
    {
      g_assert_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID);
      g_assert_true (error->message != NULL && *error->message != '\0');
      return;
    }

  {
    g_autofree char *edtf = chrono_date_to_edtf (&date);
    g_autofree char *formatted = chrono_date_format (&date);
    ChronoDate again = { 0 };

    g_assert_no_error (error);
    g_assert_true (chrono_date_is_valid (&date));
    g_assert_cmpint (chrono_date_get_start (&date), <=, chrono_date_get_end (&date));
    g_assert_true (g_utf8_validate (formatted, -1, NULL));
    g_assert_true (chrono_date_parse (edtf, &again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (chrono_date_compare (&date, &again), ==, 0);
    g_assert_cmpint (date.year, ==, again.year);
    g_assert_cmpint (date.precision, ==, again.precision);
    g_assert_cmpint (date.flags, ==, again.flags);
  }
}

/* Any format the app opens → native → read again → native again: the two native texts
 * are the same, so nothing read is lost or changed by writing it. */
void
chrono_fuzz_roundtrip (const guint8 *data,
                       gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(ChronoTimeline) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  timeline = chrono_timeline_read_bytes (bytes, DISPLAY_NAME, NULL, &error);
  check_result (timeline, error);
  if (timeline == NULL)
    return;

  written = chrono_timeline_write_native (timeline);
  again = chrono_timeline_read_native_bytes (written, DISPLAY_NAME, NULL, &error);
  if (again == NULL)
    g_error ("the native reader refuses what the writer wrote: %s\n%.*s", error->message,
             (int) MIN (g_bytes_get_size (written), 4096), (const char *) g_bytes_get_data (written, NULL));

  rewritten = chrono_timeline_write_native (again);
  g_assert_cmpuint (chrono_timeline_get_n_events (again), ==, chrono_timeline_get_n_events (timeline));
  if (!g_bytes_equal (written, rewritten))
    g_error ("writing what was read back changed it:\n%.*s\n---\n%.*s",
             (int) MIN (g_bytes_get_size (written), 4096), (const char *) g_bytes_get_data (written, NULL),
             (int) MIN (g_bytes_get_size (rewritten), 4096), (const char *) g_bytes_get_data (rewritten, NULL));
}

ChronoFuzzTarget
chrono_fuzz_lookup (const char *name)
{
  static const struct { const char *name; ChronoFuzzTarget target; } targets[] = {
    { "native", chrono_fuzz_native },
    { "timelinejs", chrono_fuzz_timelinejs },
    { "csv", chrono_fuzz_csv },
    { "thetimelineproj", chrono_fuzz_thetimelineproj },
    { "date", chrono_fuzz_date },
    { "roundtrip", chrono_fuzz_roundtrip },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
    if (strcmp (targets[i].name, name) == 0)
      return targets[i].target;

  return NULL;
}
