/* chrono-event-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-index"

#include "config.h"

#include <math.h>

#include "chrono-event-index-private.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronoEventIndex, chrono_event_index, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_FILTER,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Filtering more events than this runs in chunks on idle, each at most CHUNK_US long,
 * so that a million events never hold up a frame; the list keeps what it had until the
 * run is done. Fewer are filtered at once. */
#define CHUNKED_MIN 16384
#define CHUNK_US    4000
#define STEP        1024

enum {
  RUN_MATCH,
  RUN_LEAVES,
  RUN_NODES,
  RUN_DONE,
};

/* A list being built, and how far its run has got. */
struct _Run
{
  int         phase;
  gboolean    all;               /* every event passes */
  guint       n_events;
  guint       cursor;            /* the next timeline position, leaf or node */
  guint       n;
  guint      *positions;         /* NULL when all */
  ChronoTime *starts;            /* likewise */
  guint32    *ranks;             /* likewise */
  guint      *tree;
  guint       tree_size;
};

static void
run_free (Run *run)
{
  g_free (run->positions);
  g_free (run->starts);
  g_free (run->ranks);
  g_free (run->tree);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
run_new (ChronoEventIndex *self)
{
  Run *run = g_new0 (Run, 1);

  if (self->timeline != NULL && chrono_timeline_is_sealed (self->timeline))
    run->n_events = chrono_timeline_get_n_events (self->timeline);

  run->all = self->filter == NULL || chrono_event_filter_is_empty (self->filter);
  if (run->all)
    {
      run->n = run->n_events;
      run->phase = RUN_MATCH;
      run->cursor = run->n_events;
    }
  else
    {
      run->positions = g_new (guint, MAX (run->n_events, 1));
      run->starts = g_new (ChronoTime, MAX (run->n_events, 1));
      run->ranks = g_new (guint32, MAX (run->n_events, 1));
    }

  return run;
}

/* Works on @run until it is done (TRUE) or @deadline has passed (FALSE); no deadline
 * when it is negative. The filter goes over the events in order; then a segment tree of
 * the argmax of the ranks over ranges of the list, leaves first, then the nodes from
 * the bottom up, each made of its two children. */
static gboolean
run_step (ChronoEventIndex *self,
          Run              *run,
          gint64            deadline)
{
  while (run->phase != RUN_DONE)
    {
      if (run->phase == RUN_MATCH)
        {
          guint end = MIN (run->cursor + STEP, run->n_events);
          const ChronoTime *starts = end > run->cursor ? chrono_timeline_get_start_times (self->timeline) : NULL;
          const guint32 *ranks = end > run->cursor ? chrono_timeline_get_ranks (self->timeline) : NULL;

          for (guint i = run->cursor; i < end; i++)
            if (chrono_event_filter_matches (self->filter, chrono_timeline_get_event (self->timeline, i)))
              {
                run->positions[run->n] = i;
                run->starts[run->n] = starts[i];
                run->ranks[run->n] = ranks[i];
                run->n++;
              }
          run->cursor = end;

          if (run->cursor == run->n_events)
            {
              if (!run->all)
                {
                  run->positions = g_renew (guint, run->positions, MAX (run->n, 1));
                  run->starts = g_renew (ChronoTime, run->starts, MAX (run->n, 1));
                  run->ranks = g_renew (guint32, run->ranks, MAX (run->n, 1));
                }
              if (run->n == 0)
                {
                  run->phase = RUN_DONE;
                  break;
                }
              run->tree_size = 1;
              while (run->tree_size < run->n)
                run->tree_size *= 2;
              run->tree = g_new (guint, 2 * run->tree_size);
              run->cursor = 0;
              run->phase = RUN_LEAVES;
            }
        }
      else if (run->phase == RUN_LEAVES)
        {
          guint end = MIN (run->cursor + 64 * STEP, run->tree_size);

          for (guint i = run->cursor; i < end; i++)
            run->tree[run->tree_size + i] = i < run->n ? i : G_MAXUINT;
          run->cursor = end;
          if (run->cursor == run->tree_size)
            {
              run->cursor = run->tree_size - 1;
              run->phase = RUN_NODES;
            }
        }
      else
        {
          const guint32 *ranks = run->all ? chrono_timeline_get_ranks (self->timeline) : run->ranks;
          guint end = run->cursor > 64 * STEP ? run->cursor - 64 * STEP : 0;

          for (guint i = run->cursor; i > end; i--)
            run->tree[i] = better (ranks, run->tree[2 * i], run->tree[2 * i + 1]);
          run->cursor = end;
          if (run->cursor == 0)
            run->phase = RUN_DONE;
        }

      if (deadline >= 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  return run->phase == RUN_DONE;
}

/* Puts the list of @run in place and reports the change as one run of removed and added
 * items, after the prefix and before the suffix that stayed the same. */
static void
install (ChronoEventIndex *self,
         Run              *run,
         gboolean          same_timeline)
{
  g_autofree guint *old_positions = g_steal_pointer (&self->positions);
  guint old_n = self->n;
  guint prefix = 0, suffix = 0;

  self->revision++;
  g_free (self->starts);
  g_free (self->ranks);
  g_free (self->tree);
  self->n = run->n;
  self->positions = g_steal_pointer (&run->positions);
  self->starts = g_steal_pointer (&run->starts);
  self->ranks = g_steal_pointer (&run->ranks);
  self->tree = g_steal_pointer (&run->tree);
  self->tree_size = run->tree_size;

  if (same_timeline)
    {
      guint common = MIN (old_n, self->n);

      while (prefix < common && position_at (old_positions, prefix) == position_at (self->positions, prefix))
        prefix++;
      while (suffix < common - prefix &&
             position_at (old_positions, old_n - 1 - suffix) == position_at (self->positions, self->n - 1 - suffix))
        suffix++;
    }

  if (old_n - prefix - suffix > 0 || self->n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, self->n - prefix - suffix);
}

static void
set_pending (ChronoEventIndex *self,
             gboolean          pending)
{
  if (self->pending == pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
drop_run (ChronoEventIndex *self)
{
  g_clear_handle_id (&self->run_source, g_source_remove);
  g_clear_pointer (&self->run, run_free);
}

static gboolean
run_cb (gpointer data)
{
  ChronoEventIndex *self = data;
  g_autoptr(Run) run = NULL;

  if (!run_step (self, self->run, g_get_monotonic_time () + CHUNK_US))
    return G_SOURCE_CONTINUE;

  self->run_source = 0;
  run = g_steal_pointer (&self->run);
  install (self, run, self->run_same_timeline);
  /* A handler of the change may have started the next run. */
  set_pending (self, self->run != NULL);

  return G_SOURCE_REMOVE;
}

/* Runs the filter over the timeline, dropping a run that is under way: in chunks on idle
 * when @chunked and there are many events to filter, otherwise at once. Another
 * timeline empties the list at once, since the old positions mean nothing in it. */
void
_chrono_event_index_rebuild (ChronoEventIndex *self,
         gboolean          same_timeline,
         gboolean          chunked)
{
  g_autoptr(Run) run = NULL;

  drop_run (self);
  run = run_new (self);

  /* With no filter there is only the tree to build, a few milliseconds at a million. */
  if (!chunked || self->at_once || run->all || run->n_events < CHUNKED_MIN)
    {
      run_step (self, run, -1);
      install (self, run, same_timeline);
      set_pending (self, self->run != NULL);
      return;
    }

  if (!same_timeline)
    {
      g_autoptr(Run) empty = g_new0 (Run, 1);

      install (self, empty, FALSE);
    }

  self->run = g_steal_pointer (&run);
  self->run_same_timeline = same_timeline;
  self->run_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_cb, self, NULL);
  set_pending (self, TRUE);
}

static void
filter_changed_cb (ChronoEventIndex *self)
{
  _chrono_event_index_rebuild (self, TRUE, TRUE);
}

static GType
get_item_type (GListModel *model)
{
  return CHRONO_TYPE_EVENT;
}

static guint
get_n_items (GListModel *model)
{
  return CHRONO_EVENT_INDEX (model)->n;
}

static gpointer
get_item (GListModel *model,
          guint       i)
{
  ChronoEventIndex *self = CHRONO_EVENT_INDEX (model);

  if (i >= self->n)
    return NULL;

  return g_object_ref (chrono_event_index_get_event (self, i));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
chrono_event_index_dispose (GObject *object)
{
  ChronoEventIndex *self = CHRONO_EVENT_INDEX (object);

  drop_run (self);
  g_clear_signal_handler (&self->filter_changed_id, self->filter);
  g_clear_object (&self->filter);
  g_clear_signal_handler (&self->event_changed_id, self->timeline);
  g_clear_signal_handler (&self->events_changed_id, self->timeline_events);
  g_clear_object (&self->timeline_events);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (chrono_event_index_parent_class)->dispose (object);
}

static void
chrono_event_index_finalize (GObject *object)
{
  ChronoEventIndex *self = CHRONO_EVENT_INDEX (object);

  g_free (self->positions);
  g_free (self->starts);
  g_free (self->ranks);
  g_free (self->tree);

  G_OBJECT_CLASS (chrono_event_index_parent_class)->finalize (object);
}

static void
chrono_event_index_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChronoEventIndex *self = CHRONO_EVENT_INDEX (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_index_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChronoEventIndex *self = CHRONO_EVENT_INDEX (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      chrono_event_index_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      chrono_event_index_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_index_class_init (ChronoEventIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chrono_event_index_dispose;
  object_class->finalize = chrono_event_index_finalize;
  object_class->get_property = chrono_event_index_get_property;
  object_class->set_property = chrono_event_index_set_property;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONO_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         CHRONO_TYPE_EVENT_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ChronoEventIndex:pending:
   *
   * Whether a filter run is under way; the list is the previous one until it is done.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_event_index_init (ChronoEventIndex *self)
{
}

ChronoEventIndex *
chrono_event_index_new (ChronoTimeline    *timeline,
                        ChronoEventFilter *filter)
{
  ChronoEventIndex *self;

  g_return_val_if_fail (!timeline || CHRONO_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (!filter || CHRONO_IS_EVENT_FILTER (filter), NULL);

  /* What it is made with is filtered at once. */
  self = g_object_new (CHRONO_TYPE_EVENT_INDEX, NULL);
  self->at_once = TRUE;
  chrono_event_index_set_filter (self, filter);
  chrono_event_index_set_timeline (self, timeline);
  self->at_once = FALSE;

  return self;
}

ChronoTimeline *
chrono_event_index_get_timeline (ChronoEventIndex *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), NULL);

  return self->timeline;
}

void
chrono_event_index_set_timeline (ChronoEventIndex *self,
                                 ChronoTimeline   *timeline)
{
  g_return_if_fail (CHRONO_IS_EVENT_INDEX (self));
  g_return_if_fail (!timeline || CHRONO_IS_TIMELINE (timeline));

  if (self->timeline == timeline)
    return;

  g_clear_signal_handler (&self->event_changed_id, self->timeline);
  g_clear_signal_handler (&self->events_changed_id, self->timeline_events);
  g_set_object (&self->timeline, timeline);
  self->revision++;
  g_clear_object (&self->timeline_events);
  if (timeline != NULL)
    self->timeline_events = g_object_ref (chrono_timeline_get_events (timeline));
  if (timeline != NULL)
    {
      self->events_changed_id = g_signal_connect (self->timeline_events, "items-changed",
                                                  G_CALLBACK (_chrono_event_index_timeline_events_changed_cb), self);
      self->event_changed_id = g_signal_connect_swapped (timeline, "event-changed",
                                                         G_CALLBACK (_chrono_event_index_timeline_event_changed_cb), self);
    }

  /* Emptied in a change of its own, and then filled in another: a GtkListView that loses
   * a row it tracks (focus, anchor) in a change looks for it among every item the same
   * change adds, which for a million events took a quarter of a second. */
  if (self->n > 0)
    {
      g_autoptr(Run) empty = g_new0 (Run, 1);

      drop_run (self);
      install (self, empty, FALSE);
    }
  _chrono_event_index_rebuild (self, FALSE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

ChronoEventFilter *
chrono_event_index_get_filter (ChronoEventIndex *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), NULL);

  return self->filter;
}

void
chrono_event_index_set_filter (ChronoEventIndex  *self,
                               ChronoEventFilter *filter)
{
  g_return_if_fail (CHRONO_IS_EVENT_INDEX (self));
  g_return_if_fail (!filter || CHRONO_IS_EVENT_FILTER (filter));

  if (self->filter == filter)
    return;

  g_clear_signal_handler (&self->filter_changed_id, self->filter);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    self->filter_changed_id = g_signal_connect_swapped (filter, "changed", G_CALLBACK (filter_changed_cb), self);

  _chrono_event_index_rebuild (self, TRUE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint64
chrono_event_index_get_revision (ChronoEventIndex *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), 0);

  return self->revision;
}

gboolean
chrono_event_index_get_pending (ChronoEventIndex *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), FALSE);

  return self->pending;
}

guint
chrono_event_index_get_size (ChronoEventIndex *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), 0);

  return self->n;
}

ChronoEvent *
chrono_event_index_get_event (ChronoEventIndex *self,
                              guint             i)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), NULL);
  g_return_val_if_fail (i < self->n, NULL);

  return chrono_timeline_get_event (self->timeline, position_at (self->positions, i));
}

guint
chrono_event_index_get_position (ChronoEventIndex *self,
                                 guint             i)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), G_MAXUINT);
  g_return_val_if_fail (i < self->n, G_MAXUINT);

  return position_at (self->positions, i);
}

ChronoTime
chrono_event_index_get_start_time (ChronoEventIndex *self,
                                   guint             i)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), 0);
  g_return_val_if_fail (i < self->n, 0);

  return get_starts (self)[i];
}

/* Where the timeline's @position is in the list: positions are sorted, so a binary
 * search; G_MAXUINT when it is not there. */
static guint
find_position (ChronoEventIndex *self,
               guint             position)
{
  guint lo = 0, hi = self->n;

  if (self->positions == NULL)
    return position < self->n ? position : G_MAXUINT;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->positions[mid] < position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < self->n && self->positions[lo] == position ? lo : G_MAXUINT;
}

guint
chrono_event_index_find (ChronoEventIndex *self,
                         ChronoEvent      *event)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), G_MAXUINT);
  g_return_val_if_fail (!event || CHRONO_IS_EVENT (event), G_MAXUINT);

  if (event == NULL || self->n == 0)
    return G_MAXUINT;

  return find_position (self, chrono_timeline_get_position (self->timeline, event));
}

guint
chrono_event_index_find_position (ChronoEventIndex *self,
                                  guint             position)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), G_MAXUINT);

  return find_position (self, position);
}

gboolean
chrono_event_index_contains_position (ChronoEventIndex *self,
                                      guint             position)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), FALSE);

  return find_position (self, position) != G_MAXUINT;
}

guint
chrono_event_index_lower_bound (ChronoEventIndex *self,
                                ChronoTime        time)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), 0);

  if (self->n == 0)
    return 0;

  return chrono_times_lower_bound (get_starts (self), self->n, time);
}

/* Gallops from @from, so that a sweep across the list costs O(log gap) a step, in memory
 * it has just read, instead of O(log n) all over a million events. */
guint
chrono_event_index_lower_bound_from (ChronoEventIndex *self,
                                     guint             from,
                                     ChronoTime        time)
{
  return chrono_event_index_lower_bound_near (self, from, from, time);
}

guint
chrono_event_index_lower_bound_near (ChronoEventIndex *self,
                                     guint             from,
                                     guint             guess,
                                     ChronoTime        time)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), 0);

  if (self->n == 0)
    return 0;

  return chrono_times_lower_bound_near (get_starts (self), self->n, from, guess, time);
}

void
chrono_event_index_get_span (ChronoEventIndex *self,
                             ChronoTime        start,
                             ChronoTime        end,
                             guint            *first,
                             guint            *last)
{
  guint end_bound;

  g_return_if_fail (CHRONO_IS_EVENT_INDEX (self));

  /* Not in MAX (), which would look it up twice. */
  end_bound = chrono_event_index_lower_bound (self, end);
  *first = chrono_event_index_lower_bound (self, start);
  *last = MAX (*first, end_bound);
}

guint
chrono_event_index_find_most_important (ChronoEventIndex *self,
                                        guint             first,
                                        guint             last)
{
  const guint32 *ranks;
  guint best = G_MAXUINT;

  g_return_val_if_fail (CHRONO_IS_EVENT_INDEX (self), G_MAXUINT);

  last = MIN (last, self->n);
  if (first >= last)
    return G_MAXUINT;

  ranks = get_ranks (self);
  for (guint l = first + self->tree_size, r = last + self->tree_size; l < r; l /= 2, r /= 2)
    {
      if (l & 1)
        best = better (ranks, best, self->tree[l++]);
      if (r & 1)
        best = better (ranks, best, self->tree[--r]);
    }

  return best;
}

void
chrono_event_index_count_columns (ChronoEventIndex *self,
                                  double            origin,
                                  double            column,
                                  double            first_column,
                                  guint             n_columns,
                                  guint            *counts)
{
  guint previous;

  g_return_if_fail (CHRONO_IS_EVENT_INDEX (self));
  g_return_if_fail (column > 0);

  previous = chrono_event_index_lower_bound (self, (ChronoTime) ceil (origin + first_column * column));
  for (guint c = 0; c < n_columns; c++)
    {
      ChronoTime boundary = (ChronoTime) ceil (origin + (first_column + c + 1) * column);
      guint guess = previous + (c > 0 ? counts[c - 1] : 0);
      guint next = chrono_event_index_lower_bound_near (self, previous, guess, boundary);

      counts[c] = next - previous;
      previous = next;
    }
}
