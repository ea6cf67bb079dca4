/* chrono-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-quote"

#include "config.h"

#include "chrono-event.h"
#include "chrono-quote.h"
#include "chrono-model-private.h"
#include "chrono-quote-private.h"

struct _ChronoQuote
{
  GObject parent_instance;

  char *original_text;
  char *original_language;
  char *translation;
  char *translation_language;
  char *speaker;
  char *context;
  ChronoSource *source;
  ChronoEvent *event;     /* weak: the event owns its quotes */
  ChronoDate said;
  gboolean has_said;
  ChronoProvenance provenance;
};

G_DEFINE_FINAL_TYPE (ChronoQuote, chrono_quote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORIGINAL_TEXT,
  PROP_ORIGINAL_LANGUAGE,
  PROP_TRANSLATION,
  PROP_TRANSLATION_LANGUAGE,
  PROP_SPEAKER,
  PROP_CONTEXT,
  PROP_SOURCE,
  PROP_EVENT,
  PROP_SAID,
  PROP_PROVENANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_quote_finalize (GObject *object)
{
  ChronoQuote *self = CHRONO_QUOTE (object);

  g_clear_pointer (&self->original_text, g_free);
  g_clear_pointer (&self->original_language, g_free);
  g_clear_pointer (&self->translation, g_free);
  g_clear_pointer (&self->translation_language, g_free);
  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->context, g_free);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (chrono_quote_parent_class)->finalize (object);
}

static void
chrono_quote_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ChronoQuote *self = CHRONO_QUOTE (object);

  switch (prop_id)
    {
    case PROP_ORIGINAL_TEXT:
      g_value_set_string (value, self->original_text);
      break;
    case PROP_ORIGINAL_LANGUAGE:
      g_value_set_string (value, self->original_language);
      break;
    case PROP_TRANSLATION:
      g_value_set_string (value, self->translation);
      break;
    case PROP_TRANSLATION_LANGUAGE:
      g_value_set_string (value, self->translation_language);
      break;
    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;
    case PROP_CONTEXT:
      g_value_set_string (value, self->context);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_SAID:
      g_value_set_boxed (value, chrono_quote_get_said (self));
      break;
    case PROP_PROVENANCE:
      g_value_set_enum (value, self->provenance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_quote_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ChronoQuote *self = CHRONO_QUOTE (object);
  char **field = NULL;

  switch (prop_id)
    {
    case PROP_ORIGINAL_TEXT:
      field = &self->original_text;
      break;
    case PROP_ORIGINAL_LANGUAGE:
      field = &self->original_language;
      break;
    case PROP_TRANSLATION:
      field = &self->translation;
      break;
    case PROP_TRANSLATION_LANGUAGE:
      field = &self->translation_language;
      break;
    case PROP_SPEAKER:
      field = &self->speaker;
      break;
    case PROP_CONTEXT:
      field = &self->context;
      break;
    case PROP_SOURCE:
      chrono_quote_set_source (self, g_value_get_object (value));
      break;
    case PROP_SAID:
      chrono_quote_set_said (self, g_value_get_boxed (value));
      break;
    case PROP_PROVENANCE:
      chrono_quote_set_provenance (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (field != NULL && chrono_set_str (field, g_value_get_string (value)))
    g_object_notify_by_pspec (object, pspec);
}

static void
chrono_quote_class_init (ChronoQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_quote_finalize;
  object_class->get_property = chrono_quote_get_property;
  object_class->set_property = chrono_quote_set_property;

  properties[PROP_ORIGINAL_TEXT] =
    g_param_spec_string ("original-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORIGINAL_LANGUAGE] =
    g_param_spec_string ("original-language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TRANSLATION] =
    g_param_spec_string ("translation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TRANSLATION_LANGUAGE] =
    g_param_spec_string ("translation-language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTEXT] =
    g_param_spec_string ("context", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, CHRONO_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, CHRONO_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAID] =
    g_param_spec_boxed ("said", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROVENANCE] =
    g_param_spec_enum ("provenance", NULL, NULL,
                       CHRONO_TYPE_PROVENANCE, CHRONO_PROVENANCE_UNSTATED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_quote_init (ChronoQuote *self)
{
}

ChronoQuote *
chrono_quote_new (const char *original_text,
                  const char *original_language)
{
  ChronoQuote *self;

  g_return_val_if_fail (original_text != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_QUOTE, NULL);
  self->original_text = g_strdup (original_text);
  self->original_language = g_strdup (original_language);

  return self;
}

const char *
chrono_quote_get_original_text (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->original_text;
}

const char *
chrono_quote_get_original_language (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->original_language;
}

void
chrono_quote_set_original (ChronoQuote *self,
                           const char  *text,
                           const char  *language)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));
  g_return_if_fail (text != NULL);

  if (chrono_set_str (&self->original_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGINAL_TEXT]);
  if (chrono_set_str (&self->original_language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGINAL_LANGUAGE]);
}

const char *
chrono_quote_get_translation (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->translation;
}

const char *
chrono_quote_get_translation_language (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->translation_language;
}

void
chrono_quote_set_translation (ChronoQuote *self,
                              const char  *text,
                              const char  *language)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));

  if (chrono_set_str (&self->translation, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSLATION]);
  if (chrono_set_str (&self->translation_language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSLATION_LANGUAGE]);
}

const char *
chrono_quote_get_speaker (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->speaker;
}

void
chrono_quote_set_speaker (ChronoQuote *self,
                          const char  *speaker)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));

  if (chrono_set_str (&self->speaker, speaker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
}

const char *
chrono_quote_get_context (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->context;
}

void
chrono_quote_set_context (ChronoQuote *self,
                          const char  *context)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));

  if (chrono_set_str (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

ChronoSource *
chrono_quote_get_source (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->source;
}

void
chrono_quote_set_source (ChronoQuote  *self,
                         ChronoSource *source)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));
  g_return_if_fail (source == NULL || CHRONO_IS_SOURCE (source));

  if (g_set_object (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

ChronoEvent *
chrono_quote_get_event (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->event;
}

void
_chrono_quote_set_event (ChronoQuote *self,
                         ChronoEvent *event)
{
  self->event = event;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

const ChronoDate *
chrono_quote_get_said (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), NULL);

  return self->has_said ? &self->said : NULL;
}

void
chrono_quote_set_said (ChronoQuote      *self,
                       const ChronoDate *said)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));

  self->has_said = said != NULL;
  if (said != NULL)
    self->said = *said;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAID]);
}

ChronoProvenance
chrono_quote_get_provenance (ChronoQuote *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE (self), CHRONO_PROVENANCE_UNSTATED);

  return self->provenance;
}

void
chrono_quote_set_provenance (ChronoQuote      *self,
                             ChronoProvenance  provenance)
{
  g_return_if_fail (CHRONO_IS_QUOTE (self));
  g_return_if_fail (provenance <= CHRONO_PROVENANCE_OUTSIDE);

  if (self->provenance == provenance)
    return;

  self->provenance = provenance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVENANCE]);
}
