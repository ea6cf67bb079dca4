/* chrono-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-source"

#include "config.h"

#include "chrono-model-private.h"
#include "chrono-source.h"

struct _ChronoSource
{
  GObject parent_instance;

  char *id;
  char *title;
  char *author;
  char *publisher;
  char *url;
  ChronoDate date;
  guint has_date : 1;
};

G_DEFINE_FINAL_TYPE (ChronoSource, chrono_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_PUBLISHER,
  PROP_URL,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chrono_source_finalize (GObject *object)
{
  ChronoSource *self = CHRONO_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (chrono_source_parent_class)->finalize (object);
}

static void
chrono_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChronoSource *self = CHRONO_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, chrono_source_get_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_source_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ChronoSource *self = CHRONO_SOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      chrono_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      chrono_source_set_author (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHER:
      chrono_source_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_URL:
      chrono_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      chrono_source_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_source_class_init (ChronoSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_source_finalize;
  object_class->get_property = chrono_source_get_property;
  object_class->set_property = chrono_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, CHRONO_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chrono_source_init (ChronoSource *self)
{
}

ChronoSource *
chrono_source_new (const char *id,
                   const char *title)
{
  ChronoSource *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_SOURCE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title != NULL ? title : "");

  return self;
}

const char *
chrono_source_get_id (ChronoSource *self)
{
  g_return_val_if_fail (CHRONO_IS_SOURCE (self), NULL);

  return self->id;
}

const char *
chrono_source_get_title (ChronoSource *self)
{
  g_return_val_if_fail (CHRONO_IS_SOURCE (self), NULL);

  return self->title;
}

void
chrono_source_set_title (ChronoSource *self,
                         const char   *title)
{
  g_return_if_fail (CHRONO_IS_SOURCE (self));

  if (chrono_set_str (&self->title, title != NULL ? title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
chrono_source_get_author (ChronoSource *self)
{
  g_return_val_if_fail (CHRONO_IS_SOURCE (self), NULL);

  return self->author;
}

void
chrono_source_set_author (ChronoSource *self,
                          const char   *author)
{
  g_return_if_fail (CHRONO_IS_SOURCE (self));

  if (chrono_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
chrono_source_get_publisher (ChronoSource *self)
{
  g_return_val_if_fail (CHRONO_IS_SOURCE (self), NULL);

  return self->publisher;
}

void
chrono_source_set_publisher (ChronoSource *self,
                             const char   *publisher)
{
  g_return_if_fail (CHRONO_IS_SOURCE (self));

  if (chrono_set_str (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

const ChronoDate *
chrono_source_get_date (ChronoSource *self)
{
  g_return_val_if_fail (CHRONO_IS_SOURCE (self), NULL);

  return self->has_date ? &self->date : NULL;
}

void
chrono_source_set_date (ChronoSource     *self,
                        const ChronoDate *date)
{
  g_return_if_fail (CHRONO_IS_SOURCE (self));

  self->has_date = date != NULL;
  if (date != NULL)
    self->date = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
chrono_source_get_url (ChronoSource *self)
{
  g_return_val_if_fail (CHRONO_IS_SOURCE (self), NULL);

  return self->url;
}

void
chrono_source_set_url (ChronoSource *self,
                       const char   *url)
{
  g_return_if_fail (CHRONO_IS_SOURCE (self));

  if (chrono_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}
