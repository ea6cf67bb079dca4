/* chrono-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event"

#include "config.h"

#include <string.h>

#include "chrono-event-private.h"
#include "chrono-model-private.h"
#include "chrono-quote-private.h"

typedef struct
{
  ChronoDate start;
  ChronoDate end;
  gboolean has_end;
} Forecast;

/* Fields that many events do without, kept out of the struct: a generated or
 * imported timeline of a million events has none of them. */
typedef struct
{
  char *notes;              /* several notes are separated by "\n" */
  GPtrArray *sources;
  GPtrArray *quotes;
  ChronoSource *date_source;
  Forecast *forecast;
  char *display_date;
  char *media_url;
  char *media_caption;
  char *media_credit;
} ChronoEventExtra;

/* A timeline may hold a million of these, so the struct stays small (112 bytes): an id
 * shorter than 16 bytes is kept in the struct, and what most events lack is in the
 * extra part, allocated when one of it is set. */
#define INLINE_ID_SIZE 16

struct _ChronoEvent
{
  GObject parent_instance;

  union
  {
    char *heap;
    char inline_text[INLINE_ID_SIZE];
  } id;
  char *title;
  char *summary;
  ChronoCategory *category;
  ChronoEventExtra *extra;
  ChronoDate start;
  ChronoDate end;
  guint8 importance;
  guint8 has_end : 1;
  guint8 provenance : 3;
  guint8 date_provenance : 3;
  guint8 id_inline : 1;
};

static ChronoEventExtra *
get_extra (ChronoEvent *self)
{
  if (self->extra == NULL)
    self->extra = g_new0 (ChronoEventExtra, 1);

  return self->extra;
}

#define EXTRA(self, field) ((self)->extra != NULL ? (self)->extra->field : NULL)

G_DEFINE_FINAL_TYPE (ChronoEvent, chrono_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_NOTES,
  PROP_CATEGORY,
  PROP_IMPORTANCE,
  PROP_PROVENANCE,
  PROP_SOURCES,
  PROP_START,
  PROP_END,
  PROP_DATE_PROVENANCE,
  PROP_DATE_SOURCE,
  PROP_PREDICTED_START,
  PROP_PREDICTED_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_event_finalize (GObject *object)
{
  ChronoEvent *self = CHRONO_EVENT (object);

  if (!self->id_inline)
    g_clear_pointer (&self->id.heap, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_object (&self->category);
  if (self->extra != NULL)
    {
      ChronoEventExtra *extra = self->extra;

      if (extra->quotes != NULL)
        {
          for (guint i = 0; i < extra->quotes->len; i++)
            _chrono_quote_set_event (g_ptr_array_index (extra->quotes, i), NULL);
        }
      g_free (extra->notes);
      g_clear_pointer (&extra->sources, g_ptr_array_unref);
      g_clear_pointer (&extra->quotes, g_ptr_array_unref);
      g_clear_object (&extra->date_source);
      g_free (extra->forecast);
      g_free (self->extra->display_date);
      g_free (self->extra->media_url);
      g_free (self->extra->media_caption);
      g_free (self->extra->media_credit);
      g_free (self->extra);
    }

  G_OBJECT_CLASS (chrono_event_parent_class)->finalize (object);
}

static void
chrono_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ChronoEvent *self = CHRONO_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, chrono_event_get_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, chrono_event_get_title (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_NOTES:
      g_value_set_string (value, EXTRA (self, notes));
      break;
    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;
    case PROP_IMPORTANCE:
      g_value_set_uint (value, self->importance);
      break;
    case PROP_PROVENANCE:
      g_value_set_enum (value, self->provenance);
      break;
    case PROP_SOURCES:
      /* A copy, so that a value kept for undo does not change with the event. */
      g_value_take_boxed (value, g_ptr_array_copy (chrono_event_get_sources (self),
                                                   (GCopyFunc) g_object_ref, NULL));
      break;
    case PROP_START:
      g_value_set_boxed (value, &self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, chrono_event_get_end (self));
      break;
    case PROP_DATE_PROVENANCE:
      /* As stated, not falling back to the claim's, so that it can be written back. */
      g_value_set_enum (value, self->date_provenance);
      break;
    case PROP_DATE_SOURCE:
      g_value_set_object (value, EXTRA (self, date_source));
      break;
    case PROP_PREDICTED_START:
      g_value_set_boxed (value, chrono_event_get_predicted_start (self));
      break;
    case PROP_PREDICTED_END:
      g_value_set_boxed (value, chrono_event_get_predicted_end (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ChronoEvent *self = CHRONO_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      chrono_event_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      chrono_event_set_summary (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      chrono_event_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      chrono_event_set_category (self, g_value_get_object (value));
      break;
    case PROP_IMPORTANCE:
      chrono_event_set_importance (self, g_value_get_uint (value));
      break;
    case PROP_SOURCES:
      chrono_event_set_sources (self, g_value_get_boxed (value));
      break;
    case PROP_PROVENANCE:
      chrono_event_set_provenance (self, g_value_get_enum (value));
      break;
    case PROP_DATE_PROVENANCE:
      chrono_event_set_date_provenance (self, g_value_get_enum (value), EXTRA (self, date_source));
      break;
    case PROP_DATE_SOURCE:
      chrono_event_set_date_provenance (self, self->date_provenance, g_value_get_object (value));
      break;
    case PROP_PREDICTED_START:
      /* No predicted start: not a forecast, and no predicted end either. */
      chrono_event_set_forecast (self, g_value_get_boxed (value),
                                 g_value_get_boxed (value) != NULL ? chrono_event_get_predicted_end (self) : NULL);
      break;
    case PROP_PREDICTED_END:
      chrono_event_set_forecast (self, chrono_event_get_predicted_start (self), g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_class_init (ChronoEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_event_finalize;
  object_class->get_property = chrono_event_get_property;
  object_class->set_property = chrono_event_set_property;

  /* The span is read-only here: the timeline keeps its events sorted by it, so it
   * changes through chrono_timeline_set_event_span(). */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL, CHRONO_TYPE_CATEGORY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMPORTANCE] =
    g_param_spec_uint ("importance", NULL, NULL,
                       CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX, 3,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROVENANCE] =
    g_param_spec_enum ("provenance", NULL, NULL,
                       CHRONO_TYPE_PROVENANCE, CHRONO_PROVENANCE_UNSTATED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE_PROVENANCE] =
    g_param_spec_enum ("date-provenance", NULL, NULL,
                       CHRONO_TYPE_PROVENANCE, CHRONO_PROVENANCE_UNSTATED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE_SOURCE] =
    g_param_spec_object ("date-source", NULL, NULL, CHRONO_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Set the start before the end: a predicted end needs a predicted start. */
  properties[PROP_PREDICTED_START] =
    g_param_spec_boxed ("predicted-start", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREDICTED_END] =
    g_param_spec_boxed ("predicted-end", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_event_init (ChronoEvent *self)
{
  self->importance = 3;
}

ChronoEvent *
chrono_event_new (const char       *id,
                  const ChronoDate *start,
                  const char       *title)
{
  ChronoEvent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_EVENT, NULL);
  _chrono_event_set_identity (self, id, start);
  self->title = g_strdup (title);

  return self;
}

/* Once, on an event made with g_object_new() and nothing else. */
void
_chrono_event_set_identity (ChronoEvent      *self,
                            const char       *id,
                            const ChronoDate *start)
{
  if (strlen (id) < INLINE_ID_SIZE)
    {
      strcpy (self->id.inline_text, id);
      self->id_inline = TRUE;
    }
  else
    self->id.heap = g_strdup (id);
  self->start = *start;
}

const char *
chrono_event_get_id (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->id_inline ? self->id.inline_text : self->id.heap;
}

const char *
chrono_event_get_title (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  /* NULL until set: readers create the event before they reach its <title>. */
  return self->title != NULL ? self->title : "";
}

void
chrono_event_set_title (ChronoEvent *self,
                        const char  *title)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));

  if (chrono_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const ChronoDate *
chrono_event_get_start (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return &self->start;
}

const ChronoDate *
chrono_event_get_end (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->has_end ? &self->end : NULL;
}

void
chrono_event_set_end (ChronoEvent      *self,
                      const ChronoDate *end)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));

  self->has_end = end != NULL;
  if (end != NULL)
    self->end = *end;
}

void
_chrono_event_set_span (ChronoEvent      *self,
                        const ChronoDate *start,
                        const ChronoDate *end)
{
  self->start = *start;
  chrono_event_set_end (self, end);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

ChronoTime
chrono_event_get_start_time (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), 0);

  return chrono_date_get_start (&self->start);
}

ChronoTime
chrono_event_get_end_time (ChronoEvent *self)
{
  ChronoTime start, end;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), 0);

  start = chrono_date_get_start (&self->start);
  end = chrono_date_get_end (self->has_end ? &self->end : &self->start);

  /* A span is never empty, even for an end written before its start. */
  return MAX (end, start + 1);
}

void
_chrono_event_get_sort_fields (ChronoEvent           *self,
                               ChronoEventSortFields *fields)
{
  ChronoTime start = chrono_date_get_start (&self->start);
  ChronoTime end = self->has_end ? chrono_date_get_end (&self->end) : chrono_date_get_end (&self->start);

  fields->start = start;
  fields->end = MAX (end, start + 1);
  fields->id = self->id_inline ? self->id.inline_text : self->id.heap;
  fields->importance = self->importance;
  fields->has_quotes = EXTRA (self, quotes) != NULL && self->extra->quotes->len > 0;
  fields->is_forecast = EXTRA (self, forecast) != NULL;
}

const char *
chrono_event_get_summary (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->summary;
}

void
chrono_event_set_summary (ChronoEvent *self,
                          const char  *summary)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));

  if (chrono_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
chrono_event_get_notes (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return EXTRA (self, notes);
}

void
chrono_event_set_notes (ChronoEvent *self,
                        const char  *notes)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));

  if ((notes != NULL || self->extra != NULL) && chrono_set_str (&get_extra (self)->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

void
chrono_event_add_note (ChronoEvent *self,
                       const char  *note)
{
  ChronoEventExtra *extra;
  char *notes;

  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (note != NULL);

  extra = get_extra (self);
  if (extra->notes == NULL)
    notes = g_strdup (note);
  else
    notes = g_strconcat (extra->notes, "\n", note, NULL);

  g_free (extra->notes);
  extra->notes = notes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

ChronoCategory *
chrono_event_get_category (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->category;
}

void
chrono_event_set_category (ChronoEvent    *self,
                           ChronoCategory *category)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (category == NULL || CHRONO_IS_CATEGORY (category));

  if (g_set_object (&self->category, category))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

guint
chrono_event_get_importance (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), 3);

  return self->importance;
}

void
chrono_event_set_importance (ChronoEvent *self,
                             guint        importance)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));

  importance = CLAMP (importance, CHRONO_IMPORTANCE_MIN, CHRONO_IMPORTANCE_MAX);
  if (self->importance == importance)
    return;

  self->importance = importance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTANCE]);
}

/* What an event with no sources or quotes answers: reading them allocates nothing, so
 * that a save or a search of a million events does not give each one its extra part. */
static GPtrArray *
empty_array (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());

  return empty;
}

static GPtrArray *
ensure_array (GPtrArray **array)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (g_object_unref);

  return *array;
}

GPtrArray *
chrono_event_get_sources (ChronoEvent *self)
{
  GPtrArray *sources;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  sources = EXTRA (self, sources);
  return sources != NULL ? sources : empty_array ();
}

void
chrono_event_add_source (ChronoEvent  *self,
                         ChronoSource *source)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (CHRONO_IS_SOURCE (source));

  g_ptr_array_add (ensure_array (&get_extra (self)->sources), g_object_ref (source));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES]);
}

void
chrono_event_set_sources (ChronoEvent *self,
                          GPtrArray   *sources)
{
  GPtrArray *copy = NULL;

  g_return_if_fail (CHRONO_IS_EVENT (self));

  if (sources != NULL && sources->len > 0)
    {
      copy = g_ptr_array_new_full (sources->len, g_object_unref);
      for (guint i = 0; i < sources->len; i++)
        g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (sources, i)));
    }

  if (copy != NULL || self->extra != NULL)
    {
      ChronoEventExtra *extra = get_extra (self);

      g_clear_pointer (&extra->sources, g_ptr_array_unref);
      extra->sources = copy;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES]);
}

GPtrArray *
chrono_event_get_quotes (ChronoEvent *self)
{
  GPtrArray *quotes;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  quotes = EXTRA (self, quotes);
  return quotes != NULL ? quotes : empty_array ();
}

guint
chrono_event_get_n_quotes (ChronoEvent *self)
{
  GPtrArray *quotes;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), 0);

  quotes = EXTRA (self, quotes);

  return quotes != NULL ? quotes->len : 0;
}

void
chrono_event_add_quote (ChronoEvent *self,
                        ChronoQuote *quote)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (CHRONO_IS_QUOTE (quote));
  g_return_if_fail (chrono_quote_get_event (quote) == NULL);

  g_ptr_array_add (ensure_array (&get_extra (self)->quotes), g_object_ref (quote));
  _chrono_quote_set_event (quote, self);
}

ChronoProvenance
chrono_event_get_provenance (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), CHRONO_PROVENANCE_UNSTATED);

  return self->provenance;
}

void
chrono_event_set_provenance (ChronoEvent      *self,
                             ChronoProvenance  provenance)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (provenance <= CHRONO_PROVENANCE_OUTSIDE);

  if (self->provenance == provenance)
    return;

  self->provenance = provenance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVENANCE]);
}

/* Unstated, the date comes from wherever the claim does. */
ChronoProvenance
chrono_event_get_date_provenance (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), CHRONO_PROVENANCE_UNSTATED);

  return self->date_provenance != CHRONO_PROVENANCE_UNSTATED ? self->date_provenance
                                                             : self->provenance;
}

ChronoSource *
chrono_event_get_date_source (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return EXTRA (self, date_source);
}

void
chrono_event_set_date_provenance (ChronoEvent      *self,
                                  ChronoProvenance  provenance,
                                  ChronoSource     *source)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (provenance <= CHRONO_PROVENANCE_OUTSIDE);
  g_return_if_fail (source == NULL || CHRONO_IS_SOURCE (source));

  if (self->date_provenance != provenance)
    {
      self->date_provenance = provenance;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_PROVENANCE]);
    }
  if ((source != NULL || self->extra != NULL) && g_set_object (&get_extra (self)->date_source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_SOURCE]);
}

gboolean
chrono_event_is_forecast (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), FALSE);

  return EXTRA (self, forecast) != NULL;
}

const ChronoDate *
chrono_event_get_predicted_start (ChronoEvent *self)
{
  Forecast *forecast;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  forecast = EXTRA (self, forecast);

  return forecast != NULL ? &forecast->start : NULL;
}

const ChronoDate *
chrono_event_get_predicted_end (ChronoEvent *self)
{
  Forecast *forecast;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  forecast = EXTRA (self, forecast);

  return forecast != NULL && forecast->has_end ? &forecast->end : NULL;
}

void
chrono_event_set_forecast (ChronoEvent      *self,
                           const ChronoDate *predicted_start,
                           const ChronoDate *predicted_end)
{
  g_return_if_fail (CHRONO_IS_EVENT (self));
  g_return_if_fail (predicted_start != NULL || predicted_end == NULL);

  if (predicted_start == NULL)
    {
      if (self->extra != NULL)
        g_clear_pointer (&self->extra->forecast, g_free);
    }
  else
    {
      Forecast *forecast = get_extra (self)->forecast;

      if (forecast == NULL)
        forecast = self->extra->forecast = g_new0 (Forecast, 1);

      forecast->start = *predicted_start;
      forecast->has_end = predicted_end != NULL;
      if (predicted_end != NULL)
        forecast->end = *predicted_end;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDICTED_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDICTED_END]);
}

ChronoTime
chrono_event_get_predicted_start_time (ChronoEvent *self)
{
  Forecast *forecast;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), 0);

  forecast = EXTRA (self, forecast);

  return forecast != NULL ? chrono_date_get_start (&forecast->start) : 0;
}

ChronoTime
chrono_event_get_predicted_end_time (ChronoEvent *self)
{
  Forecast *forecast;
  ChronoTime start, end;

  g_return_val_if_fail (CHRONO_IS_EVENT (self), 0);

  forecast = EXTRA (self, forecast);
  if (forecast == NULL)
    return 0;

  start = chrono_date_get_start (&forecast->start);
  end = chrono_date_get_end (forecast->has_end ? &forecast->end : &forecast->start);

  return MAX (end, start + 1);
}

void
_chrono_event_insert_quote (ChronoEvent *self,
                            guint        index,
                            ChronoQuote *quote)
{
  GPtrArray *quotes = ensure_array (&get_extra (self)->quotes);

  g_return_if_fail (chrono_quote_get_event (quote) == NULL);
  g_return_if_fail (index <= quotes->len);

  g_ptr_array_insert (quotes, index, g_object_ref (quote));
  _chrono_quote_set_event (quote, self);
}

guint
_chrono_event_remove_quote (ChronoEvent *self,
                            ChronoQuote *quote)
{
  guint index;

  g_return_val_if_fail (chrono_quote_get_event (quote) == self, G_MAXUINT);

  if (!g_ptr_array_find (self->extra->quotes, quote, &index))
    g_return_val_if_reached (G_MAXUINT);

  _chrono_quote_set_event (quote, NULL);
  g_ptr_array_remove_index (self->extra->quotes, index);

  return index;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

const char *
chrono_event_get_display_date (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->extra != NULL ? self->extra->display_date : NULL;
}

void
chrono_event_set_display_date (ChronoEvent *self,
                               const char  *display_date)
{
  ChronoEventExtra *extra;

  g_return_if_fail (CHRONO_IS_EVENT (self));

  extra = get_extra (self);
  g_free (extra->display_date);
  extra->display_date = dup_nonempty (display_date);
}

const char *
chrono_event_get_media_url (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->extra != NULL ? self->extra->media_url : NULL;
}

const char *
chrono_event_get_media_caption (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->extra != NULL ? self->extra->media_caption : NULL;
}

const char *
chrono_event_get_media_credit (ChronoEvent *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT (self), NULL);

  return self->extra != NULL ? self->extra->media_credit : NULL;
}

void
chrono_event_set_media (ChronoEvent *self,
                        const char  *url,
                        const char  *caption,
                        const char  *credit)
{
  ChronoEventExtra *extra;

  g_return_if_fail (CHRONO_IS_EVENT (self));

  extra = get_extra (self);
  g_free (extra->media_url);
  g_free (extra->media_caption);
  g_free (extra->media_credit);
  extra->media_url = dup_nonempty (url);
  extra->media_caption = dup_nonempty (caption);
  extra->media_credit = dup_nonempty (credit);
}
