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

const char *
chrono_timeline_seal_finding_repeat (ChronoTimeline *self)
{
  SortKey *keys, *buffer;
  ChronoTime *ends;
  guint64 *id_keys;
  const char **ids;
  guint32 *ranks;
  guint8 *has_quotes;
  gpointer scratch;
  gsize scratch_size;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  SortData data;
  guint n;
  const char *repeated = NULL;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (!self->sealed, NULL);

  pending = g_steal_pointer (&self->pending_events);
  n = pending->len;

  /* All the scratch arrays in one block, the widest first so that each is aligned. */
  scratch_size = (gsize) n * (2 * sizeof (SortKey) + sizeof (ChronoTime) + sizeof (guint64) +
                              sizeof (char *) + sizeof (guint32) + sizeof (guint8));
  scratch = chrono_bulk_alloc (scratch_size);
  keys = scratch;
  buffer = keys + n;
  ends = (ChronoTime *) (buffer + n);
  id_keys = (guint64 *) (ends + n);
  ids = (const char **) (id_keys + n);
  ranks = (guint32 *) (ids + n);
  has_quotes = (guint8 *) (ranks + n);
  /* Everything read from the events in the order they were made, which is the order
   * they lie in memory; the sorted order would jump all over it. */
  for (guint i = 0; i < n; i++)
    {
      ChronoEvent *event = g_ptr_array_index (pending, i);
      ChronoEventSortFields fields;

      _chrono_event_get_sort_fields (event, &fields);
      ends[i] = fields.end;
      ids[i] = fields.id;
      id_keys[i] = id_key (fields.id);
      ranks[i] = _chrono_timeline_rank_from (fields.importance, fields.id);
      has_quotes[i] = fields.has_quotes;
      if (fields.is_forecast)
        g_hash_table_add (self->forecasts, event);
      keys[i].key = time_key (fields.start);
      keys[i].index = i;
    }
  data.ends = ends;
  data.id_keys = id_keys;
  data.ids = ids;

  /* By start, then end, then id. */
  radix_sort (keys, buffer, n);
  sort_ties (keys, n, compare_time_ties, &data);

  /* The references move from the pending array to the sorted one. */
  g_ptr_array_set_free_func (pending, NULL);
  /* With room for the events that edits add, so that the first ones added do not copy
   * every array (a new event at a million took 15 ms, most of it that). */
  self->capacity = n + n / 16 + 16;
  sorted = g_ptr_array_new_full (self->capacity, g_object_unref);
  self->start_times = chrono_bulk_alloc (sizeof (ChronoTime) * self->capacity);
  self->end_times = chrono_bulk_alloc (sizeof (ChronoTime) * self->capacity);
  self->max_end = chrono_bulk_alloc (sizeof (ChronoTime) * self->capacity);
  self->ranks = chrono_bulk_alloc (sizeof (guint32) * self->capacity);
  quotes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      guint index = keys[i].index;
      ChronoEvent *event = g_ptr_array_index (pending, index);

      g_ptr_array_add (sorted, event);
      self->start_times[i] = start_from_key (keys[i].key);
      self->end_times[i] = ends[index];
      self->ranks[i] = ranks[index];

      if (has_quotes[index])
        {
          GPtrArray *event_quotes = chrono_event_get_quotes (event);

          for (guint j = 0; j < event_quotes->len; j++)
            g_ptr_array_add (quotes, g_object_ref (g_ptr_array_index (event_quotes, j)));
        }
    }

  self->span_end = _chrono_timeline_build_max_end (self, 0, n);

  /* By id, for lookups; the same keys, now made from the ids. */
  for (guint i = 0; i < n; i++)
    {
      keys[i].key = id_keys[i];
      keys[i].index = i;
    }
  radix_sort (keys, buffer, n);
  sort_ties (keys, n, compare_id_ties, &data);

  self->events_by_id = chrono_bulk_alloc (sizeof (ChronoEvent *) * self->capacity);
  for (guint i = 0; i < n; i++)
    {
      guint index = keys[i].index;

      self->events_by_id[i] = g_ptr_array_index (pending, index);
      /* Different keys are different ids, without reading the strings. */
      if (repeated == NULL && i > 0 && keys[i - 1].key == keys[i].key &&
          strcmp (ids[keys[i - 1].index], ids[index]) == 0)
        repeated = ids[index];
    }

  chrono_bulk_free (scratch, scratch_size);
  self->sealed = TRUE;

  chrono_array_list_set_items (self->events, g_steal_pointer (&sorted));
  chrono_array_list_set_items (self->quotes, g_steal_pointer (&quotes));
  _chrono_timeline_notify_sealed (self);

  return repeated;
}

void
chrono_timeline_seal (ChronoTimeline *self)
{
  const char *repeated = chrono_timeline_seal_finding_repeat (self);

  if (repeated != NULL)
    g_critical ("Two events have the id “%s”", repeated);
}
