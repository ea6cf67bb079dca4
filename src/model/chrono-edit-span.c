/* chrono-edit-span.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-edit-span"

#include "config.h"

#include "chrono-edit-span.h"

typedef struct
{
  ChronoDate start;
  ChronoDate end;
  gboolean   has_end;
} Span;

struct _ChronoEditSpan
{
  ChronoEdit parent_instance;

  ChronoEvent *event;
  Span span;
  Span old_span;
};

G_DEFINE_FINAL_TYPE (ChronoEditSpan, chrono_edit_span, CHRONO_TYPE_EDIT)

static void
set_span (ChronoTimeline *timeline,
          ChronoEvent    *event,
          const Span     *span)
{
  chrono_timeline_set_event_span (timeline, event, &span->start, span->has_end ? &span->end : NULL);
}

static void
chrono_edit_span_apply (ChronoEdit     *edit,
                        ChronoTimeline *timeline)
{
  ChronoEditSpan *self = CHRONO_EDIT_SPAN (edit);
  const ChronoDate *end = chrono_event_get_end (self->event);

  self->old_span.start = *chrono_event_get_start (self->event);
  self->old_span.has_end = end != NULL;
  if (end != NULL)
    self->old_span.end = *end;

  set_span (timeline, self->event, &self->span);
}

static void
chrono_edit_span_revert (ChronoEdit     *edit,
                         ChronoTimeline *timeline)
{
  ChronoEditSpan *self = CHRONO_EDIT_SPAN (edit);

  set_span (timeline, self->event, &self->old_span);
}

static void
chrono_edit_span_finalize (GObject *object)
{
  ChronoEditSpan *self = CHRONO_EDIT_SPAN (object);

  g_clear_object (&self->event);

  G_OBJECT_CLASS (chrono_edit_span_parent_class)->finalize (object);
}

static void
chrono_edit_span_class_init (ChronoEditSpanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ChronoEditClass *edit_class = CHRONO_EDIT_CLASS (klass);

  object_class->finalize = chrono_edit_span_finalize;
  edit_class->apply = chrono_edit_span_apply;
  edit_class->revert = chrono_edit_span_revert;
}

static void
chrono_edit_span_init (ChronoEditSpan *self)
{
}

ChronoEditSpan *
chrono_edit_span_new (ChronoEvent      *event,
                      const ChronoDate *start,
                      const ChronoDate *end)
{
  ChronoEditSpan *self;

  g_return_val_if_fail (CHRONO_IS_EVENT (event), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_EDIT_SPAN, NULL);
  self->event = g_object_ref (event);
  self->span.start = *start;
  self->span.has_end = end != NULL;
  if (end != NULL)
    self->span.end = *end;

  return self;
}
