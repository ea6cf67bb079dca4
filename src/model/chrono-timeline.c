/* chrono-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-array-list-private.h"
#include "chrono-timeline-private.h"

G_DEFINE_FINAL_TYPE (ChronoTimeline, chrono_timeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_CHANGED,
  CHANGED,
  N_SIGNALS
};

/* More events changed in place by one edit are told as one "event-changed" with NULL. */
#define CHANGED_EVENTS_MAX 64

static guint signals[N_SIGNALS];

static void
chrono_timeline_dispose (GObject *object)
{
  ChronoTimeline *self = CHRONO_TIMELINE (object);

  g_clear_object (&self->categories);
  g_clear_object (&self->eras);
  g_clear_object (&self->sources);
  g_clear_object (&self->events);
  g_clear_object (&self->quotes);
  g_clear_pointer (&self->pending_events, g_ptr_array_unref);
  g_clear_pointer (&self->category_index, g_hash_table_unref);
  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->forecasts, g_hash_table_unref);
  g_clear_pointer (&self->changed_events, g_ptr_array_unref);

  G_OBJECT_CLASS (chrono_timeline_parent_class)->dispose (object);
}

static void
chrono_timeline_finalize (GObject *object)
{
  ChronoTimeline *self = CHRONO_TIMELINE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->gettext_domain, g_free);
  g_clear_pointer (&self->foreign_format, g_free);
  chrono_bulk_free (self->start_times, sizeof *self->start_times * self->capacity);
  chrono_bulk_free (self->end_times, sizeof *self->end_times * self->capacity);
  chrono_bulk_free (self->max_end, sizeof *self->max_end * self->capacity);
  chrono_bulk_free (self->ranks, sizeof *self->ranks * self->capacity);
  chrono_bulk_free (self->events_by_id, sizeof *self->events_by_id * self->capacity);

  G_OBJECT_CLASS (chrono_timeline_parent_class)->finalize (object);
}

static void
chrono_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronoTimeline *self = CHRONO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SEALED:
      g_value_set_boolean (value, self->sealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChronoTimeline *self = CHRONO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      chrono_timeline_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      chrono_timeline_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_timeline_class_init (ChronoTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chrono_timeline_dispose;
  object_class->finalize = chrono_timeline_finalize;
  object_class->get_property = chrono_timeline_get_property;
  object_class->set_property = chrono_timeline_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEALED] =
    g_param_spec_boolean ("sealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronoTimeline::event-changed:
   * @event: (nullable): the event, or NULL when many events changed
   *
   * Emitted at the end of an edit, before ChronoTimeline::changed, once for each event
   * whose properties or quotes the edit changed and that kept its place in the order,
   * in the order of the events; what an edit adds, removes or moves the list of events
   * has said with items-changed as it happened.
   */
  signals[EVENT_CHANGED] =
    g_signal_new ("event-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONO_TYPE_EVENT);

  /**
   * ChronoTimeline::changed:
   *
   * Emitted once after each edit (a ChronoEdit applied or reverted), whatever it
   * changed, for views that redraw. Which events it added, removed, moved or changed
   * the list of events and ChronoTimeline::event-changed have said before.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chrono_timeline_init (ChronoTimeline *self)
{
  self->categories = g_list_store_new (CHRONO_TYPE_CATEGORY);
  self->eras = g_list_store_new (CHRONO_TYPE_ERA);
  self->sources = g_list_store_new (CHRONO_TYPE_SOURCE);
  self->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->forecasts = g_hash_table_new (NULL, NULL);
  self->changed_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = chrono_array_list_new (CHRONO_TYPE_EVENT);
  self->quotes = chrono_array_list_new (CHRONO_TYPE_QUOTE);
}

ChronoTimeline *
chrono_timeline_new (void)
{
  return g_object_new (CHRONO_TYPE_TIMELINE, NULL);
}

gboolean
chrono_timeline_is_sealed (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), FALSE);

  return self->sealed;
}

const char *
chrono_timeline_get_title (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->title;
}

void
chrono_timeline_set_title (ChronoTimeline *self,
                           const char     *title)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
chrono_timeline_get_description (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->description;
}

void
chrono_timeline_set_description (ChronoTimeline *self,
                                 const char     *description)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
chrono_timeline_get_language (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->language;
}

void
chrono_timeline_set_language (ChronoTimeline *self,
                              const char     *language)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

const char *
chrono_timeline_get_gettext_domain (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->gettext_domain;
}

void
chrono_timeline_set_gettext_domain (ChronoTimeline *self,
                                    const char     *domain)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));

  g_free (self->gettext_domain);
  self->gettext_domain = g_strdup (domain);
}

const char *
chrono_timeline_get_foreign_format (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->foreign_format;
}

void
chrono_timeline_set_foreign_format (ChronoTimeline *self,
                                    const char     *format)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));

  g_free (self->foreign_format);
  self->foreign_format = g_strdup (format);
}

void
chrono_timeline_add_category (ChronoTimeline *self,
                              ChronoCategory *category)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_CATEGORY (category));

  chrono_timeline_insert_category (self, G_MAXUINT, category);
}

void
chrono_timeline_add_era (ChronoTimeline *self,
                         ChronoEra      *era)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_ERA (era));

  chrono_timeline_insert_era (self, G_MAXUINT, era);
}

void
chrono_timeline_add_source (ChronoTimeline *self,
                            ChronoSource   *source)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_SOURCE (source));

  chrono_timeline_insert_source (self, G_MAXUINT, source);
}

void
chrono_timeline_add_event (ChronoTimeline *self,
                           ChronoEvent    *event)
{
  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (CHRONO_IS_EVENT (event));

  if (self->sealed)
    _chrono_timeline_insert_sorted (self, event);
  else
    g_ptr_array_add (self->pending_events, g_object_ref (event));
}

ChronoCategory *
chrono_timeline_lookup_category (ChronoTimeline *self,
                                 const char     *id)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->category_index, id);
}

ChronoSource *
chrono_timeline_lookup_source (ChronoTimeline *self,
                               const char     *id)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->source_index, id);
}

/* O(log n) once sealed; a linear scan before. */
ChronoEvent *
chrono_timeline_lookup_event (ChronoTimeline *self,
                              const char     *id)
{
  guint lo, hi;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!self->sealed)
    {
      for (guint i = 0; i < self->pending_events->len; i++)
        {
          ChronoEvent *event = g_ptr_array_index (self->pending_events, i);

          if (strcmp (chrono_event_get_id (event), id) == 0)
            return event;
        }
      return NULL;
    }

  lo = 0;
  hi = chrono_timeline_get_n_events (self);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (chrono_event_get_id (self->events_by_id[mid]), id);

      if (cmp == 0)
        return self->events_by_id[mid];
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

GListModel *
chrono_timeline_get_categories (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->categories);
}

GListModel *
chrono_timeline_get_eras (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->eras);
}

GListModel *
chrono_timeline_get_sources (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/* Empty until the timeline is sealed. */
GListModel *
chrono_timeline_get_events (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->events);
}

GListModel *
chrono_timeline_get_quotes (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->quotes);
}

/* Where the quotes of the event at @position begin in the list of all quotes: a binary
 * search, since they are in the order of their events, each of which is found by its
 * date. So every quote in the list must be of an event in the timeline where it sorts. */
guint
_chrono_timeline_quotes_before (ChronoTimeline *self,
                                guint           position)
{
  GPtrArray *quotes = chrono_array_list_get_items (self->quotes);
  guint lo = 0, hi = quotes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      ChronoEvent *event = chrono_quote_get_event (g_ptr_array_index (quotes, mid));

      if (chrono_timeline_get_position (self, event) < position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
chrono_timeline_find_first_quote (ChronoTimeline *self,
                                  ChronoEvent    *event)
{
  GPtrArray *quotes;
  guint position, first;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), G_MAXUINT);
  g_return_val_if_fail (CHRONO_IS_EVENT (event), G_MAXUINT);

  position = chrono_timeline_get_position (self, event);
  if (position == G_MAXUINT || chrono_event_get_quotes (event)->len == 0)
    return G_MAXUINT;

  quotes = chrono_array_list_get_items (self->quotes);
  first = _chrono_timeline_quotes_before (self, position);
  if (first >= quotes->len || chrono_quote_get_event (g_ptr_array_index (quotes, first)) != event)
    return G_MAXUINT;

  return first;
}

void
_chrono_timeline_notify_sealed (ChronoTimeline *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEALED]);
}

void
_chrono_timeline_note_event_changed (ChronoTimeline *self,
                                     ChronoEvent    *event)
{
  if (self->changed_events == NULL || g_ptr_array_find (self->changed_events, event, NULL))
    return;

  if (self->changed_events->len < CHANGED_EVENTS_MAX)
    g_ptr_array_add (self->changed_events, g_object_ref (event));
  else
    g_clear_pointer (&self->changed_events, g_ptr_array_unref);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

void
_chrono_timeline_emit_changed (ChronoTimeline *self)
{
  g_autoptr(GPtrArray) changed = g_steal_pointer (&self->changed_events);

  self->changed_events = g_ptr_array_new_with_free_func (g_object_unref);

  if (changed == NULL)
    g_signal_emit (self, signals[EVENT_CHANGED], 0, NULL);
  else if (changed->len > 0)
    {
      g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), changed->len);

      /* Those still in the timeline (an edit may have changed one, then deleted it). */
      for (guint i = 0; i < changed->len; i++)
        {
          guint position = chrono_timeline_get_position (self, g_ptr_array_index (changed, i));

          if (position != G_MAXUINT)
            g_array_append_val (positions, position);
        }
      g_array_sort (positions, compare_positions);
      for (guint i = 0; i < positions->len; i++)
        g_signal_emit (self, signals[EVENT_CHANGED], 0,
                       chrono_timeline_get_event (self, g_array_index (positions, guint, i)));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

guint
chrono_timeline_get_n_events (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), 0);

  return chrono_array_list_get_items (self->events)->len;
}

ChronoEvent *
chrono_timeline_get_event (ChronoTimeline *self,
                           guint           position)
{
  GPtrArray *items;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  items = chrono_array_list_get_items (self->events);
  g_return_val_if_fail (position < items->len, NULL);

  return g_ptr_array_index (items, position);
}

guint
chrono_times_lower_bound (const ChronoTime *times,
                          guint             n,
                          ChronoTime        time)
{
  const ChronoTime *base = times;

  if (n == 0)
    return 0;

  /* Without a branch on the comparison, which a processor guesses wrong half the time. */
  while (n > 1)
    {
      guint half = n / 2;

      base = base[half] < time ? base + half : base;
      n -= half;
    }

  return (guint) (base - times) + (*base < time);
}

/* Sweeps where the times spread about evenly guess each step from the one before: a
 * few reads next to the guess instead of a gallop all the way from @from. */
guint
chrono_times_lower_bound_near (const ChronoTime *times,
                               guint             n,
                               guint             from,
                               guint             guess,
                               ChronoTime        time)
{
  guint lo, hi, step = 1;

  if (from >= n)
    return n;

  guess = CLAMP (guess, from, n - 1);
  if (times[guess] < time)
    {
      /* times[lo] < time, and time <= times[hi] when hi < n: galloping on. */
      lo = guess;
      hi = guess + 1;
      while (hi < n && times[hi] < time)
        {
          lo = hi;
          step *= 2;
          hi = lo + step;
        }
      hi = MIN (hi, n);
    }
  else
    {
      /* time <= times[hi], and times[lo] < time unless lo is @from: galloping back. */
      lo = hi = guess;
      while (lo > from && times[lo] >= time)
        {
          hi = lo;
          lo = hi - from > step ? hi - step : from;
          step *= 2;
        }
      if (times[lo] >= time)
        return lo;
    }

  return lo + 1 + chrono_times_lower_bound (times + lo + 1, hi - lo - 1, time);
}

/* The order the seal puts events in (start, end, id), for finding one by position. */
typedef struct
{
  ChronoTime   start;
  ChronoTime   end;
  const char  *id;
  ChronoEvent *event;
} SortEntry;

static int
compare_sort_entries (const SortEntry *a,
                      const SortEntry *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;

  return strcmp (a->id, b->id);
}

guint
chrono_timeline_get_position (ChronoTimeline *self,
                              ChronoEvent    *event)
{
  GPtrArray *items;
  SortEntry key;
  guint lo, hi;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), G_MAXUINT);
  g_return_val_if_fail (CHRONO_IS_EVENT (event), G_MAXUINT);

  if (!self->sealed)
    return G_MAXUINT;

  items = chrono_array_list_get_items (self->events);
  key.start = chrono_event_get_start_time (event);
  key.end = chrono_event_get_end_time (event);
  key.id = chrono_event_get_id (event);
  key.event = event;

  lo = 0;
  hi = items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      ChronoEvent *other = g_ptr_array_index (items, mid);
      SortEntry entry = { self->start_times[mid], self->end_times[mid], chrono_event_get_id (other), other };

      if (compare_sort_entries (&entry, &key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Only a timeline with duplicate ids has more than one event with this key. */
  for (; lo < items->len; lo++)
    {
      ChronoEvent *other = g_ptr_array_index (items, lo);
      SortEntry entry = { self->start_times[lo], self->end_times[lo], chrono_event_get_id (other), other };

      if (entry.event == event)
        return lo;
      if (compare_sort_entries (&entry, &key) != 0)
        break;
    }

  return G_MAXUINT;
}

const ChronoTime *
chrono_timeline_get_start_times (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->start_times;
}

const ChronoTime *
chrono_timeline_get_end_times (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->end_times;
}

guint32
_chrono_timeline_rank_from (guint       importance,
                            const char *id)
{
  return (MIN (importance, 255u) << 24) | (g_str_hash (id) & 0xffffff);
}

guint32
_chrono_timeline_rank_of (ChronoEvent *event)
{
  return _chrono_timeline_rank_from (chrono_event_get_importance (event), chrono_event_get_id (event));
}

const guint32 *
chrono_timeline_get_ranks (ChronoTimeline *self)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  return self->ranks;
}

gboolean
chrono_timeline_get_span (ChronoTimeline *self,
                          ChronoTime     *out_start,
                          ChronoTime     *out_end)
{
  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), FALSE);

  if (chrono_timeline_get_n_events (self) == 0)
    return FALSE;

  if (out_start != NULL)
    *out_start = self->start_times[0];
  if (out_end != NULL)
    {
      GHashTableIter iter;
      gpointer event;

      /* A forecast's arrow is drawn to the date it predicts, so that date is in the span. */
      *out_end = self->span_end;
      g_hash_table_iter_init (&iter, self->forecasts);
      while (g_hash_table_iter_next (&iter, &event, NULL))
        {
          ChronoTime predicted_end = chrono_event_get_predicted_end_time (event);

          *out_end = MAX (*out_end, predicted_end);
        }
    }

  return TRUE;
}

/* Appends, in order, the positions below @limit in [lo, hi) whose events end after
 * @time. A subtree whose latest end is not after @time is skipped whole. */
static void
collect_ending_after (ChronoTimeline *self,
                      guint           lo,
                      guint           hi,
                      guint           limit,
                      ChronoTime      time,
                      GArray         *positions)
{
  while (lo < hi && lo < limit)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->max_end[mid] <= time)
        return;

      collect_ending_after (self, lo, mid, limit, time, positions);

      if (mid >= limit)
        return;
      if (self->end_times[mid] > time)
        g_array_append_val (positions, mid);

      lo = mid + 1;
    }
}

void
chrono_timeline_query_range (ChronoTimeline *self,
                             ChronoTime      start,
                             ChronoTime      end,
                             GArray         *positions)
{
  guint n, first_inside, first_after;

  g_return_if_fail (CHRONO_IS_TIMELINE (self));
  g_return_if_fail (positions != NULL);
  g_return_if_fail (g_array_get_element_size (positions) == sizeof (guint));

  n = chrono_timeline_get_n_events (self);
  if (n == 0 || start >= end)
    return;

  /* Events that start inside the span are a contiguous run of the sorted array, found
   * in O(log n) and listed in O(k). Of those that start before it, the tree finds the
   * ones still running at @start: every subtree it enters holds one, so the cost is
   * O(log n + k) when such events are few or close together, and at worst O(k log n)
   * when long events are scattered thinly among many short ones. */
  first_inside = chrono_times_lower_bound (self->start_times, n, start);
  first_after = chrono_times_lower_bound (self->start_times, n, end);

  collect_ending_after (self, 0, n, first_inside, start, positions);

  for (guint i = first_inside; i < first_after; i++)
    g_array_append_val (positions, i);
}

guint
chrono_timeline_count_starts (ChronoTimeline *self,
                              ChronoTime      start,
                              ChronoTime      end)
{
  guint n;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), 0);

  n = chrono_timeline_get_n_events (self);
  if (start >= end)
    return 0;

  return chrono_times_lower_bound (self->start_times, n, end) - chrono_times_lower_bound (self->start_times, n, start);
}

char *
chrono_timeline_dup_summary (ChronoTimeline *self)
{
  g_autofree char *events = NULL;
  g_autofree char *quotes = NULL;
  guint n_events, n_quotes;
  ChronoTime start, end;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (self), NULL);

  n_events = chrono_timeline_get_n_events (self);
  n_quotes = g_list_model_get_n_items (chrono_timeline_get_quotes (self));

  /* Translators: part of a timeline summary such as “42 events, 30 quotes, 2012–2025”;
   * %'u is the number with the locale's thousands separators */
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event", "%'u events", n_events), n_events);
  /* Translators: part of a timeline summary such as “42 events, 30 quotes, 2012–2025” */
  quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u quote", "%'u quotes", n_quotes), n_quotes);

  if (chrono_timeline_get_span (self, &start, &end))
    {
      ChronoDate first, last;
      g_autofree char *first_text = NULL;
      g_autofree char *last_text = NULL;
      g_autofree char *span = NULL;

      chrono_date_from_time (start, CHRONO_PRECISION_YEAR, &first);
      chrono_date_from_time (end - 1, CHRONO_PRECISION_YEAR, &last);
      first_text = chrono_date_format (&first);
      last_text = chrono_date_format (&last);

      if (first.year == last.year)
        span = g_steal_pointer (&first_text);
      else
        /* Translators: a span of years, e.g. “2012–2025”; each %s is a formatted year */
        span = g_strdup_printf (C_("span of years", "%s–%s"), first_text, last_text);

      /* Translators: a timeline summary: the number of events, the number of quotes and
       * the years covered, e.g. “42 events, 30 quotes, 2012–2025” */
      return g_strdup_printf (C_("timeline summary", "%s, %s, %s"), events, quotes, span);
    }

  /* Translators: a summary of a timeline without events, e.g. “0 events, 0 quotes” */
  return g_strdup_printf (C_("timeline summary", "%s, %s"), events, quotes);
}
