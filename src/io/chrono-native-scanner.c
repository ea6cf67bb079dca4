/* chrono-native-scanner.c — the native reader's fast path, and its second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-native-reader"

#include "config.h"

#include <string.h>

#include "chrono-native-reader-private.h"
#include "chrono-timeline-reader-private.h"
#include "model/chrono-event-private.h"

/* The fast path: a scanner over the whole file for the XML that Chronoscope and most
 * tools write (elements, attributes in double or single quotes, text, the five named
 * entities and “&#10;”, an XML declaration, comments), feeding the same callbacks as
 * GMarkup with none of its per-element allocations. Anything else — CDATA, other
 * character references, something malformed — and any error at all make it give up,
 * and the file is read again by GMarkup, so every message and position stays GMarkup's
 * and the reader's. */

static inline gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':';
}

static inline gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == ':' || c == '.' || c == '-';
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends [p, end) to @out with the named entities, and the line break the writer writes
 * as a reference, replaced; FALSE on any other. */
static gboolean
append_decoded (GString    *out,
                const char *p,
                const char *end)
{
  static const struct { const char *name; gsize length; char c; } entities[] = {
    { "&amp;", 5, '&' }, { "&lt;", 4, '<' }, { "&gt;", 4, '>' }, { "&quot;", 6, '"' }, { "&apos;", 6, '\'' },
    { "&#10;", 5, '\n' },
  };

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      guint i;

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          return TRUE;
        }
      g_string_append_len (out, p, amp - p);
      for (i = 0; i < G_N_ELEMENTS (entities); i++)
        if ((gsize) (end - amp) >= entities[i].length && memcmp (amp, entities[i].name, entities[i].length) == 0)
          break;
      if (i == G_N_ELEMENTS (entities))
        return FALSE;
      g_string_append_c (out, entities[i].c);
      p = amp + entities[i].length;
    }

  return TRUE;
}

typedef struct
{
  gsize name;               /* offsets into the scratch string */
  gsize value;
} ScannedAttribute;

/* The name of an open element, where it is in the file. */
typedef struct
{
  const char *name;
  gsize length;
} OpenElement;

/* Below this much of <events>, a second thread costs more than it saves. */
#define HELPER_MIN_SIZE (4 * 1024 * 1024)

static gboolean always_split;
static gboolean always_make_ahead;
static guint n_halves_taken;
static guint n_made_ahead_taken;

/* A second thread reads the second half of a long <events> while the reader reads the
 * first. Where that half begins is a guess, the first “<event” after the middle, until
 * the reader gets there: if it finds an <event> start tag at that very place, among the
 * events, the helper has read what the reader would have read. Anywhere else (the
 * guess was inside a comment), or if the helper stopped at a mistake, its work is
 * dropped and the reader reads on by itself, to report any mistake as it always does.
 *
 * Before GLib 2.76, every GObject came from one slab allocator behind global locks, and
 * two threads making events took longer than one. There the reader makes one blank
 * event for each “<event” in the helper's part while the helper reads, and the helper
 * fills them in as they come. Since the reader makes those as well as reading its
 * own events, the helper's part begins at a quarter instead of the middle. */
typedef struct
{
  Reader reader;
  gsize from;               /* just past <events> */
  gsize start;
  gint stop;
  gboolean done;
  GThread *thread;
} Helper;

static void
helper_free (Helper *helper)
{
  if (helper->thread != NULL)
    {
      g_atomic_int_set (&helper->stop, TRUE);
      g_thread_join (helper->thread);
    }
  chrono_native_reader_clear (&helper->reader);
  g_free (helper);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Helper, helper_free)

static gpointer
helper_thread (gpointer data)
{
  Helper *helper = data;

  helper->done = chrono_native_scan_fast (&helper->reader, helper->start, NULL, NULL);

  return NULL;
}

/* The first “<event” tag at or after @from, or NULL. */
static const char *
find_event_tag (Reader *r,
                gsize   from)
{
  const char *end = r->data + r->length;

  for (const char *p = r->data + from; (p = memchr (p, '<', end - p)) != NULL; p++)
    {
      if (end - p > 7 && memcmp (p, "<event", 6) == 0 && (is_space (p[6]) || p[6] == '>'))
        return p;
    }

  return NULL;
}

static BlankEvents *
blank_events_new (Reader     *r,
                  const char *first_event)
{
  BlankEvents *blanks = g_new0 (BlankEvents, 1);

  for (const char *p = first_event; p != NULL; p = find_event_tag (r, p + 1 - r->data))
    blanks->n_events++;
  blanks->events = g_new (ChronoEvent *, blanks->n_events);

  return blanks;
}

/* Cancelling stops it within a few milliseconds. The progress goes from @first to
 * @last on the way. */
static void
make_blank_events (Reader                 *r,
                   BlankEvents            *blanks,
                   ChronoLoadProgressFunc  progress,
                   gpointer                progress_data,
                   double                  first,
                   double                  last)
{
  for (guint i = 0; i < blanks->n_events; i++)
    {
      if (i % 4096 == 0)
        {
          if (g_cancellable_is_cancelled (r->cancellable))
            break;
          if (progress != NULL && i > 0)
            progress (first + (last - first) * i / blanks->n_events, progress_data);
        }
      blanks->events[i] = g_object_new (CHRONO_TYPE_EVENT, NULL);
      g_atomic_int_set (&blanks->n_made, i + 1);
    }
  g_atomic_int_set (&blanks->all_made, TRUE);
}

/* The next blank event, waiting for the reader to make it; NULL once it makes no more. */
ChronoEvent *
chrono_native_take_blank_event (BlankEvents *blanks)
{
  for (;;)
    {
      gboolean all_made = g_atomic_int_get (&blanks->all_made);

      if (blanks->n_taken < (guint) g_atomic_int_get (&blanks->n_made))
        return blanks->events[blanks->n_taken++];
      if (all_made)
        return NULL;
      g_thread_yield ();
    }
}

/* Once the helper has stopped. */
void
chrono_native_blank_events_free (BlankEvents *blanks)
{
  for (guint i = blanks->n_taken; i < (guint) blanks->n_made; i++)
    g_object_unref (blanks->events[i]);
  g_free (blanks->events);
  g_free (blanks);
}

/* Called when <events> has just begun, with @from just past its start tag. */
static Helper *
start_helper (Reader *r,
              gsize   from)
{
  g_autoptr(Helper) helper = NULL;
  gboolean make_for_helper = always_make_ahead || glib_check_version (2, 76, 0) != NULL;
  const char *guess;

  /* The helper checks no ids and knows no namespace prefix. */
  if (r->event_ids != NULL || r->prefix != NULL)
    return NULL;
  if (!always_split && (r->length - from < HELPER_MIN_SIZE || g_get_num_processors () < 2))
    return NULL;

  guess = find_event_tag (r, from + (r->length - from) * (make_for_helper ? 1 : 2) / 4);
  if (guess == NULL)
    return NULL;

  helper = g_new0 (Helper, 1);
  helper->from = from;
  helper->start = guess - r->data;
  helper->reader.data = r->data;
  helper->reader.length = r->length;
  helper->reader.display_name = r->display_name;
  helper->reader.cancellable = r->cancellable;
  helper->reader.cursor = helper->start;
  helper->reader.stack = g_array_copy (r->stack);
  helper->reader.text = g_string_new (NULL);
  /* Only looked up in: the categories and sources are all read by now. */
  helper->reader.timeline = g_object_ref (r->timeline);
  helper->reader.domain = g_strdup (r->domain);
  helper->reader.version = r->version;
  helper->reader.section = r->section;
  helper->reader.fragment_events = g_ptr_array_new_with_free_func (g_object_unref);
  helper->reader.stop = &helper->stop;
  if (make_for_helper)
    helper->reader.blank_events = blank_events_new (r, guess);

  helper->thread = g_thread_try_new ("chrono-reader", helper_thread, helper, NULL);
  if (helper->thread == NULL)
    return NULL;

  return g_steal_pointer (&helper);
}

/* With the reader at the helper's start, among the events: takes what the helper read
 * and returns where the reader goes on, the end tag of <events>; or NULL. */
static const char *
join_helper (Reader *r,
             Helper *helper)
{
  GPtrArray *events = helper->reader.fragment_events;
  const Frame *helper_frame;

  g_thread_join (g_steal_pointer (&helper->thread));
  if (!helper->done)
    return NULL;

  helper_frame = &g_array_index (helper->reader.stack, Frame, helper->reader.stack->len - 1);
  chrono_native_current_frame (r)->children_seen |= helper_frame->children_seen;
  for (guint i = 0; i < events->len; i++)
    chrono_timeline_add_event (r->timeline, g_ptr_array_index (events, i));
  r->cursor = helper->reader.cursor;
  r->n_elements += helper->reader.n_elements;
  g_atomic_int_inc (&n_halves_taken);
  if (helper->reader.blank_events != NULL)
    {
      guint made_ahead = helper->reader.blank_events->n_taken;

      g_atomic_int_add (&n_made_ahead_taken, made_ahead);
      g_debug ("%s: %u events read by a second thread, %u of them made ahead", r->display_name, events->len, made_ahead);
    }
  else
    g_debug ("%s: %u events read by a second thread", r->display_name, events->len);

  return r->data + helper->reader.fragment_end;
}

/* How far the reading is when the reader is @part of the way through its own work,
 * which stands for the helper's too. */
static double
share_fraction (Reader       *r,
                const Helper *helper,
                double        part)
{
  return (helper->from + part * (r->length - helper->from)) / r->length;
}

/* How far the reading is at @p. The reader's work is its part of <events>, after the
 * helper's blanks where it makes them, which take about as long. */
static double
progress_fraction (Reader       *r,
                   const Helper *helper,
                   const char   *p)
{
  gsize offset = p - r->data;
  double part;

  if (helper == NULL || offset >= helper->start)
    return (double) offset / r->length;

  part = (double) (offset - helper->from) / (helper->start - helper->from);
  if (helper->reader.blank_events != NULL)
    part = 0.5 + part / 2;

  return share_fraction (r, helper, part);
}

/* As often as without a helper, by the fraction reported. */
static gsize
progress_step (Reader       *r,
               const Helper *helper)
{
  gsize step;

  if (helper == NULL)
    return CHRONO_NATIVE_CHUNK_SIZE;

  step = CHRONO_NATIVE_CHUNK_SIZE * (helper->start - helper->from) / (r->length - helper->from);
  if (helper->reader.blank_events != NULL)
    step /= 2;

  return MAX (step, 1);
}

gboolean
chrono_native_scan_fast (Reader                 *r,
                         gsize                   start,
                         ChronoLoadProgressFunc  progress,
                         gpointer                progress_data)
{
  const char *p = r->data + start;
  const char *end = r->data + r->length;
  const char *next_progress = p + CHRONO_NATIVE_CHUNK_SIZE;
  double reported = 0;
  g_autoptr(GString) scratch = g_string_sized_new (256);
  g_autoptr(GArray) attributes = g_array_new (FALSE, FALSE, sizeof (ScannedAttribute));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  g_autoptr(GError) error = NULL;
  g_autoptr(Helper) helper = NULL;
  gboolean fragment = r->fragment_events != NULL;
  gboolean seen_root = fragment;

  r->texts_valid = TRUE;
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *text_end = lt != NULL ? lt : end;
      const char *name;
      gsize name_length;

      if (text_end > p)
        {
          if (open->len == 0 && !fragment)
            {
              for (const char *q = p; q < text_end; q++)
                if (!is_space (*q))
                  return FALSE;
            }
          else if (memchr (p, '&', text_end - p) == NULL)
            chrono_native_text (NULL, p, text_end - p, r, &error);
          else
            {
              g_string_truncate (scratch, 0);
              if (!append_decoded (scratch, p, text_end))
                return FALSE;
              chrono_native_text (NULL, scratch->str, scratch->len, r, &error);
            }
          if (error != NULL)
            return FALSE;
        }

      if (helper != NULL && (lt == NULL || lt >= r->data + helper->start))
        {
          const char *events_end = NULL;

          if (lt == r->data + helper->start && chrono_native_current_frame (r)->kind == ELEMENT_EVENTS)
            events_end = join_helper (r, helper);
          g_clear_pointer (&helper, helper_free);
          if (events_end != NULL)
            lt = events_end;
        }

      if (lt == NULL)
        break;
      p = lt + 1;

      if (p >= end)
        return FALSE;

      /* A comment is skipped, wherever it is; an unterminated one, and any other “<!”
       * (CDATA, a document type), is GMarkup's to read and to report. */
      if (*p == '!')
        {
          const char *close = end - p >= 3 && p[1] == '-' && p[2] == '-' ? g_strstr_len (p + 3, end - (p + 3), "-->") : NULL;

          if (close == NULL)
            return FALSE;
          p = close + 3;
          continue;
        }

      if (*p == '?')
        {
          const char *close = seen_root ? NULL : g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
          continue;
        }

      if (*p == '/')
        {
          const OpenElement *top;

          p++;
          name = p;
          while (p < end && is_name_char (*p))
            p++;
          name_length = p - name;
          while (p < end && is_space (*p))
            p++;
          if (p >= end || *p != '>')
            return FALSE;
          if (open->len == 0 && fragment && name_length == 6 && memcmp (name, "events", 6) == 0)
            {
              r->fragment_end = lt - r->data;
              return TRUE;
            }
          if (open->len == 0)
            return FALSE;
          top = &g_array_index (open, OpenElement, open->len - 1);
          if (top->length != name_length || memcmp (top->name, name, name_length) != 0)
            return FALSE;
          p++;
          /* The end handler goes by the reader's own stack, not by the name. */
          chrono_native_end_element (NULL, "", r, &error);
          if (error != NULL)
            return FALSE;
          g_array_set_size (open, open->len - 1);
          continue;
        }

      /* A start tag: its name and attributes, NUL-terminated in the scratch string. */
      if (!is_name_start (*p) || (seen_root && open->len == 0 && !fragment))
        return FALSE;
      g_string_truncate (scratch, 0);
      g_array_set_size (attributes, 0);
      name = p;
      while (p < end && is_name_char (*p))
        p++;
      g_string_append_len (scratch, name, p - name);
      g_string_append_c (scratch, '\0');

      for (;;)
        {
          ScannedAttribute attribute;
          const char *attribute_name, *value, *close;
          gboolean spaced = FALSE;
          char quote;

          while (p < end && is_space (*p))
            {
              p++;
              spaced = TRUE;
            }
          if (p >= end)
            return FALSE;
          if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
            break;
          if (!spaced || !is_name_start (*p))
            return FALSE;

          attribute_name = p;
          while (p < end && is_name_char (*p))
            p++;
          if (p + 1 >= end || *p != '=' || (p[1] != '"' && p[1] != '\''))
            return FALSE;
          quote = p[1];
          value = p + 2;
          close = memchr (value, quote, end - value);
          if (close == NULL)
            return FALSE;
          for (const char *q = value; q < close; q++)
            if (*q == '<' || *q == '>' || *q == '\t' || *q == '\n' || *q == '\r')
              return FALSE;

          attribute.name = scratch->len;
          g_string_append_len (scratch, attribute_name, p - attribute_name);
          g_string_append_c (scratch, '\0');
          attribute.value = scratch->len;
          if (!append_decoded (scratch, value, close))
            return FALSE;
          g_string_append_c (scratch, '\0');
          g_array_append_val (attributes, attribute);
          p = close + 1;
        }

      g_ptr_array_set_size (names, 0);
      g_ptr_array_set_size (values, 0);
      for (guint i = 0; i < attributes->len; i++)
        {
          const ScannedAttribute *attribute = &g_array_index (attributes, ScannedAttribute, i);

          for (guint j = 0; j < i; j++)
            if (strcmp (g_ptr_array_index (names, j), scratch->str + attribute->name) == 0)
              return FALSE;
          g_ptr_array_add (names, scratch->str + attribute->name);
          g_ptr_array_add (values, scratch->str + attribute->value);
        }
      g_ptr_array_add (names, NULL);
      g_ptr_array_add (values, NULL);

      seen_root = TRUE;
      chrono_native_start_element (NULL, scratch->str, (const char **) names->pdata, (const char **) values->pdata, r, &error);
      if (error != NULL)
        return FALSE;

      if (*p == '/')
        {
          chrono_native_end_element (NULL, scratch->str, r, &error);
          if (error != NULL)
            return FALSE;
          p += 2;
        }
      else
        {
          OpenElement element = { name, strlen (scratch->str) };

          g_array_append_val (open, element);
          p++;
          if (helper == NULL && !fragment && chrono_native_current_frame (r)->kind == ELEMENT_EVENTS)
            {
              helper = start_helper (r, p - r->data);
              if (helper != NULL && helper->reader.blank_events != NULL)
                {
                  make_blank_events (r, helper->reader.blank_events, progress, progress_data,
                                     MAX (reported, share_fraction (r, helper, 0)), share_fraction (r, helper, 0.5));
                  reported = MAX (reported, share_fraction (r, helper, 0.5));
                }
              next_progress = MIN (next_progress, p + progress_step (r, helper));
            }
        }

      if (r->stop != NULL && (r->n_elements & 0x3FF) == 0 && g_atomic_int_get (r->stop))
        return FALSE;

      if (progress != NULL && p >= next_progress)
        {
          double fraction = progress_fraction (r, helper, p);

          if (fraction > reported)
            progress (fraction, progress_data);
          reported = MAX (reported, fraction);
          next_progress = p + progress_step (r, helper);
        }
    }

  return seen_root && open->len == 0 && !fragment;
}

void
_chrono_native_reader_always_split (gboolean split)
{
  always_split = split;
}

guint
_chrono_native_reader_n_halves_taken (void)
{
  return g_atomic_int_get (&n_halves_taken);
}

void
_chrono_native_reader_always_make_ahead (gboolean make_ahead)
{
  always_make_ahead = make_ahead;
}

guint
_chrono_native_reader_n_made_ahead_taken (void)
{
  return g_atomic_int_get (&n_made_ahead_taken);
}
