/* chrono-timeline-seal.c — sorting the added events once, and the range index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline"

#include "config.h"

#include <string.h>

#include "chrono-event-private.h"
#include "chrono-timeline-private.h"

/* Sealing sorts a compact array of keys, each naming an event by its index among the
 * added ones, and then places the events once; the events themselves are never moved
 * around or asked for their fields while sorting. */
typedef struct
{
  guint64 key;
  guint   index;
} SortKey;

/* What the tie-breaking comparisons look at, fetched once per event. */
typedef struct
{
  const ChronoTime *ends;
  const guint64    *id_keys;    /* id_key() of each id */
  const char      **ids;
} SortData;

/* The seal's passes over a million events take tens of milliseconds each on one core,
 * and a load has the machine to itself when it seals: big timelines are sealed in two
 * halves at once, each pass with a thread of its own for the second half. */
#define MIN_EVENTS_FOR_HALVES 65536

typedef void (*HalfFunc) (gpointer data,
                          guint    first,
                          guint    last);

typedef struct
{
  HalfFunc func;
  gpointer data;
  guint    first;
  guint    last;
} Half;

static gpointer
run_half (gpointer user_data)
{
  Half *half = user_data;

  half->func (half->data, half->first, half->last);

  return NULL;
}

/* Calls @func on [0, @split) here and on [@split, @n) in another thread, or on [0, @n)
 * here when @n is small or no thread can be made. */
static void
in_two_parts (HalfFunc func,
              gpointer data,
              guint    n,
              guint    split)
{
  Half second = { func, data, split, n };
  GThread *thread = n >= MIN_EVENTS_FOR_HALVES ? g_thread_try_new ("chrono-seal", run_half, &second, NULL) : NULL;

  func (data, 0, thread != NULL ? split : n);
  if (thread != NULL)
    g_thread_join (thread);
}

static void
in_two_halves (HalfFunc func,
               gpointer data,
               guint    n)
{
  in_two_parts (func, data, n, n / 2);
}

/* A stable radix sort on the 64-bit keys, 16 bits a pass. Passes where every key has
 * the same digit (the high bits of nearby dates or of ids with one prefix) are skipped.
 * It costs a few linear passes where a comparison sort of a million keys costs twenty,
 * each of them a cache miss or two. */
static void
radix_sort (SortKey *keys,
            SortKey *buffer,
            guint    n)
{
  g_autofree guint *offsets = g_new (guint, 1 << 16);
  SortKey *from = keys;
  SortKey *to = buffer;

  if (n < 2)
    return;

  for (guint shift = 0; shift < 64; shift += 16)
    {
      guint first_digit = (guint) ((from[0].key >> shift) & 0xffff);
      gboolean uniform = TRUE;
      guint total = 0;

      memset (offsets, 0, sizeof (guint) << 16);
      for (guint i = 0; i < n; i++)
        {
          guint digit = (guint) ((from[i].key >> shift) & 0xffff);

          offsets[digit]++;
          uniform &= digit == first_digit;
        }
      if (uniform)
        continue;

      for (guint d = 0; d < (1 << 16); d++)
        {
          guint count = offsets[d];

          offsets[d] = total;
          total += count;
        }
      for (guint i = 0; i < n; i++)
        to[offsets[(from[i].key >> shift) & 0xffff]++] = from[i];

      from = to;
      to = from == keys ? buffer : keys;
    }

  if (from != keys)
    memcpy (keys, from, n * sizeof *keys);
}

/* Sorts each run of equal keys with @compare, which sees the rest of the order. */
static void
sort_ties (SortKey          *keys,
           guint             n,
           GCompareDataFunc  compare,
           gpointer          data)
{
  for (guint i = 0; i < n;)
    {
      guint j = i + 1;

      while (j < n && keys[j].key == keys[i].key)
        j++;
      if (j - i > 1)
        g_qsort_with_data (keys + i, j - i, sizeof *keys, compare, data);
      i = j;
    }
}

typedef struct
{
  SortKey          *keys;
  GCompareDataFunc  compare;
  gpointer          data;
} Ties;

static void
sort_ties_in (gpointer data,
              guint    first,
              guint    last)
{
  Ties *ties = data;

  sort_ties (ties->keys + first, last - first, ties->compare, ties->data);
}

/* The same in two parts at once, split where a run of equal keys ends: most dates of a
 * million events are shared with others. */
static void
sort_all_ties (SortKey          *keys,
               guint             n,
               GCompareDataFunc  compare,
               gpointer          data)
{
  Ties ties = { keys, compare, data };
  guint split = n / 2;

  while (split > 0 && split < n && keys[split].key == keys[split - 1].key)
    split++;
  in_two_parts (sort_ties_in, &ties, n, split);
}

static int
compare_time_ties (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const SortKey *ka = a;
  const SortKey *kb = b;
  const SortData *data = user_data;
  ChronoTime end_a = data->ends[ka->index];
  ChronoTime end_b = data->ends[kb->index];
  guint64 id_a = data->id_keys[ka->index];
  guint64 id_b = data->id_keys[kb->index];

  if (end_a != end_b)
    return end_a < end_b ? -1 : 1;
  /* Most ids differ in their first eight bytes. */
  if (id_a != id_b)
    return id_a < id_b ? -1 : 1;

  return strcmp (data->ids[ka->index], data->ids[kb->index]);
}

static int
compare_id_ties (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortKey *ka = a;
  const SortKey *kb = b;
  const SortData *data = user_data;

  return strcmp (data->ids[ka->index], data->ids[kb->index]);
}

/* Start times as unsigned keys in the same order. */
static inline guint64
time_key (ChronoTime time)
{
  return (guint64) time ^ G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline ChronoTime
start_from_key (guint64 key)
{
  return (ChronoTime) (key ^ G_GUINT64_CONSTANT (0x8000000000000000));
}

/* The first eight bytes of an id, big-endian, so that keys order as strcmp() does on
 * those bytes; longer ids that share them are told apart by sort_ties(). */
static inline guint64
id_key (const char *id)
{
  guint64 key = 0;
  guint i;

  for (i = 0; i < 8 && id[i] != '\0'; i++)
    key = (key << 8) | (guchar) id[i];

  /* Shifting a 64-bit value by 64 is undefined: an empty id is key 0. */
  return i > 0 ? key << (8 * (8 - i)) : 0;
}

ChronoTime
_chrono_timeline_build_max_end (ChronoTimeline *self,
                                guint           lo,
                                guint           hi)
{
  ChronoTime max, left, right;
  guint mid;

  if (lo >= hi)
    return G_MININT64;

  /* Not MAX (max, build_max_end (…)): the macro would evaluate the recursion twice. */
  mid = lo + (hi - lo) / 2;
  left = _chrono_timeline_build_max_end (self, lo, mid);
  right = _chrono_timeline_build_max_end (self, mid + 1, hi);
  max = MAX (self->end_times[mid], MAX (left, right));
  self->max_end[mid] = max;

  return max;
}

enum
{
  HAS_QUOTES  = 1 << 0,
  IS_FORECAST = 1 << 1,
};

/* What the passes of one seal share. */
typedef struct
{
  ChronoTimeline *timeline;
  ChronoEvent   **pending;    /* in the order added */
  guint           n;
  SortKey        *keys;
  ChronoTime     *ends;
  guint64        *id_keys;
  const char    **ids;
  guint32        *ranks;
  guint8         *flags;
  ChronoEvent   **sorted;
  GPtrArray      *quotes[2];  /* of each half's events, in their order */
  const char     *repeated[2];
  ChronoTime      half_max_end[2];
  gboolean        whole;      /* the max-end tree was built in one piece */
} Seal;

static inline guint
half_of (guint first)
{
  return first == 0 ? 0 : 1;
}

/* Everything read from the events in the order they were made, which is the order they
 * lie in memory; the sorted order would jump all over it. */
static void
gather_fields (gpointer data,
               guint    first,
               guint    last)
{
  Seal *seal = data;

  for (guint i = first; i < last; i++)
    {
      ChronoEventSortFields fields;

      _chrono_event_get_sort_fields (seal->pending[i], &fields);
      seal->ends[i] = fields.end;
      seal->ids[i] = fields.id;
      seal->id_keys[i] = id_key (fields.id);
      seal->ranks[i] = _chrono_timeline_rank_from (fields.importance, fields.id);
      seal->flags[i] = (fields.has_quotes ? HAS_QUOTES : 0) | (fields.is_forecast ? IS_FORECAST : 0);
      seal->keys[i].key = time_key (fields.start);
      seal->keys[i].index = i;
    }
}

static void
place_events (gpointer data,
              guint    first,
              guint    last)
{
  Seal *seal = data;
  ChronoTimeline *self = seal->timeline;
  GPtrArray *quotes = seal->quotes[half_of (first)];

  for (guint i = first; i < last; i++)
    {
      guint index = seal->keys[i].index;
      ChronoEvent *event = seal->pending[index];

      seal->sorted[i] = event;
      self->start_times[i] = start_from_key (seal->keys[i].key);
      self->end_times[i] = seal->ends[index];
      self->ranks[i] = seal->ranks[index];

      if (seal->flags[index] & HAS_QUOTES)
        {
          GPtrArray *event_quotes = chrono_event_get_quotes (event);

          for (guint j = 0; j < event_quotes->len; j++)
            g_ptr_array_add (quotes, g_object_ref (g_ptr_array_index (event_quotes, j)));
        }
    }
}

/* The halves are those of the tree's root, the middle event, which neither holds. */
static void
build_max_end (gpointer data,
               guint    first,
               guint    last)
{
  Seal *seal = data;

  if (first == 0 && last == seal->n)
    {
      seal->whole = TRUE;
      seal->timeline->span_end = _chrono_timeline_build_max_end (seal->timeline, 0, seal->n);
    }
  else
    {
      seal->half_max_end[half_of (first)] = _chrono_timeline_build_max_end (seal->timeline,
                                                                            first == 0 ? 0 : first + 1, last);
    }
}

static void
place_by_id (gpointer data,
             guint    first,
             guint    last)
{
  Seal *seal = data;
  ChronoTimeline *self = seal->timeline;
  const char **repeated = &seal->repeated[half_of (first)];

  for (guint i = first; i < last; i++)
    {
      guint index = seal->keys[i].index;

      self->events_by_id[i] = seal->pending[index];
      /* Different keys are different ids, without reading the strings. */
      if (*repeated == NULL && i > 0 && seal->keys[i - 1].key == seal->keys[i].key &&
          strcmp (seal->ids[seal->keys[i - 1].index], seal->ids[index]) == 0)
        *repeated = seal->ids[index];
    }
}

const char *
chrono_timeline_seal_finding_repeat (ChronoTimeline *self)
{
  Seal seal = { self };
  SortKey *buffer;
  gpointer scratch;
  gsize scratch_size;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  SortData data;
  guint n;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (!self->sealed, NULL);

  pending = g_steal_pointer (&self->pending_events);
  n = seal.n = pending->len;
  seal.pending = (ChronoEvent **) pending->pdata;

  /* All the scratch arrays in one block, the widest first so that each is aligned. */
  scratch_size = (gsize) n * (2 * sizeof (SortKey) + sizeof (ChronoTime) + sizeof (guint64) +
                              sizeof (char *) + sizeof (guint32) + sizeof (guint8));
  scratch = chrono_bulk_alloc (scratch_size);
  seal.keys = scratch;
  buffer = seal.keys + n;
  seal.ends = (ChronoTime *) (buffer + n);
  seal.id_keys = (guint64 *) (seal.ends + n);
  seal.ids = (const char **) (seal.id_keys + n);
  seal.ranks = (guint32 *) (seal.ids + n);
  seal.flags = (guint8 *) (seal.ranks + n);
  in_two_halves (gather_fields, &seal, n);
  for (guint i = 0; i < n; i++)
    if (seal.flags[i] & IS_FORECAST)
      g_hash_table_add (self->forecasts, seal.pending[i]);
  data.ends = seal.ends;
  data.id_keys = seal.id_keys;
  data.ids = seal.ids;

  /* By start, then end, then id. */
  radix_sort (seal.keys, buffer, n);
  sort_all_ties (seal.keys, n, compare_time_ties, &data);

  /* The references move from the pending array to the sorted one. */
  g_ptr_array_set_free_func (pending, NULL);
  /* With room for the events that edits add, so that the first ones added do not copy
   * every array (a new event at a million took 15 ms, most of it that). */
  self->capacity = n + n / 16 + 16;
  sorted = g_ptr_array_new_full (self->capacity, g_object_unref);
  g_ptr_array_set_size (sorted, n);
  seal.sorted = (ChronoEvent **) sorted->pdata;
  self->start_times = chrono_bulk_alloc (sizeof (ChronoTime) * self->capacity);
  self->end_times = chrono_bulk_alloc (sizeof (ChronoTime) * self->capacity);
  self->max_end = chrono_bulk_alloc (sizeof (ChronoTime) * self->capacity);
  self->ranks = chrono_bulk_alloc (sizeof (guint32) * self->capacity);
  seal.quotes[0] = g_ptr_array_new_with_free_func (g_object_unref);
  seal.quotes[1] = g_ptr_array_new_with_free_func (g_object_unref);
  in_two_halves (place_events, &seal, n);
  g_ptr_array_extend_and_steal (seal.quotes[0], seal.quotes[1]);

  in_two_halves (build_max_end, &seal, n);
  if (!seal.whole)
    {
      guint middle = n / 2;

      self->max_end[middle] = MAX (self->end_times[middle], MAX (seal.half_max_end[0], seal.half_max_end[1]));
      self->span_end = self->max_end[middle];
    }

  /* By id, for lookups; the same keys, now made from the ids. */
  for (guint i = 0; i < n; i++)
    {
      seal.keys[i].key = seal.id_keys[i];
      seal.keys[i].index = i;
    }
  radix_sort (seal.keys, buffer, n);
  sort_all_ties (seal.keys, n, compare_id_ties, &data);

  self->events_by_id = chrono_bulk_alloc (sizeof (ChronoEvent *) * self->capacity);
  in_two_halves (place_by_id, &seal, n);

  chrono_bulk_free (scratch, scratch_size);
  self->sealed = TRUE;

  chrono_array_list_set_items (self->events, g_steal_pointer (&sorted));
  chrono_array_list_set_items (self->quotes, g_steal_pointer (&seal.quotes[0]));
  _chrono_timeline_notify_sealed (self);

  return seal.repeated[0] != NULL ? seal.repeated[0] : seal.repeated[1];
}

void
chrono_timeline_seal (ChronoTimeline *self)
{
  const char *repeated = chrono_timeline_seal_finding_repeat (self);

  if (repeated != NULL)
    g_critical ("Two events have the id “%s”", repeated);
}
