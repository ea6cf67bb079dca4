/* chrono-event-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-filter"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "chrono-event-filter.h"

struct _ChronoEventFilter
{
  GObject parent_instance;

  char *search_text;
  char *search_key;           /* casefolded and normalised, NULL when empty */
  gsize search_key_length;
  gboolean search_key_is_ascii;
  GHashTable *hidden;         /* category ids */
};

G_DEFINE_FINAL_TYPE (ChronoEventFilter, chrono_event_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCH_TEXT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
chrono_event_filter_finalize (GObject *object)
{
  ChronoEventFilter *self = CHRONO_EVENT_FILTER (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (chrono_event_filter_parent_class)->finalize (object);
}

static void
chrono_event_filter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChronoEventFilter *self = CHRONO_EVENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, chrono_event_filter_get_search_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_filter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChronoEventFilter *self = CHRONO_EVENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      chrono_event_filter_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_filter_class_init (ChronoEventFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chrono_event_filter_finalize;
  object_class->get_property = chrono_event_filter_get_property;
  object_class->set_property = chrono_event_filter_set_property;

  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chrono_event_filter_init (ChronoEventFilter *self)
{
  self->search_text = g_strdup ("");
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ChronoEventFilter *
chrono_event_filter_new (void)
{
  return g_object_new (CHRONO_TYPE_EVENT_FILTER, NULL);
}

const char *
chrono_event_filter_get_search_text (ChronoEventFilter *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_FILTER (self), NULL);

  return self->search_text;
}

/* Casefolding alone leaves composed and decomposed forms apart; NFKD brings them
 * together, so “é” typed either way finds both. */
static char *
make_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

void
chrono_event_filter_set_search_text (ChronoEventFilter *self,
                                     const char        *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (CHRONO_IS_EVENT_FILTER (self));

  if (text == NULL)
    text = "";

  if (strcmp (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  stripped = g_strstrip (g_strdup (text));
  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    {
      self->search_key = make_key (stripped);
      self->search_key_length = strlen (self->search_key);
      self->search_key_is_ascii = g_str_is_ascii (self->search_key);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
chrono_event_filter_get_category_visible (ChronoEventFilter *self,
                                          const char        *category_id)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_FILTER (self), TRUE);
  g_return_val_if_fail (category_id != NULL, TRUE);

  return !g_hash_table_contains (self->hidden, category_id);
}

void
chrono_event_filter_set_category_visible (ChronoEventFilter *self,
                                          const char        *category_id,
                                          gboolean           visible)
{
  gboolean changed;

  g_return_if_fail (CHRONO_IS_EVENT_FILTER (self));
  g_return_if_fail (category_id != NULL);

  if (visible)
    changed = g_hash_table_remove (self->hidden, category_id);
  else
    changed = g_hash_table_add (self->hidden, g_strdup (category_id));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
chrono_event_filter_dup_hidden_categories (ChronoEventFilter *self)
{
  char **ids;

  g_return_val_if_fail (CHRONO_IS_EVENT_FILTER (self), NULL);

  ids = (char **) g_hash_table_get_keys_as_array (self->hidden, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    ids[i] = g_strdup (ids[i]);
  /* Sorted, so that saving the same set twice writes the same value. */
  qsort (ids, g_strv_length (ids), sizeof (char *), compare_strings);

  return ids;
}

void
chrono_event_filter_set_hidden_categories (ChronoEventFilter  *self,
                                           const char * const *ids)
{
  g_autoptr(GHashTable) hidden = NULL;
  gboolean changed;

  g_return_if_fail (CHRONO_IS_EVENT_FILTER (self));

  hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (hidden, g_strdup (ids[i]));

  changed = g_hash_table_size (hidden) != g_hash_table_size (self->hidden);
  if (!changed)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, hidden);
      while (!changed && g_hash_table_iter_next (&iter, &key, NULL))
        changed = !g_hash_table_contains (self->hidden, key);
    }

  if (!changed)
    return;

  g_hash_table_unref (self->hidden);
  self->hidden = g_steal_pointer (&hidden);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
chrono_event_filter_is_empty (ChronoEventFilter *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_FILTER (self), TRUE);

  return self->search_key == NULL && g_hash_table_size (self->hidden) == 0;
}

/* TRUE or FALSE when @text is ASCII (the usual case, and no allocation); -1 when a
 * non-ASCII byte comes before any match, since casefolding and normalising can turn
 * such characters into ASCII ones (“ﬁ” into “fi”). */
static int
ascii_text_matches (const char *text,
                    const char *key,
                    gsize       key_length)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return -1;
      if (g_ascii_tolower (*p) == key[0] && g_ascii_strncasecmp (p, key, key_length) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
text_matches (ChronoEventFilter *self,
              const char        *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  if (self->search_key_is_ascii)
    {
      int matches = ascii_text_matches (text, self->search_key, self->search_key_length);

      if (matches >= 0)
        return matches;
    }

  folded = make_key (text);

  return strstr (folded, self->search_key) != NULL;
}

gboolean
chrono_event_filter_matches (ChronoEventFilter *self,
                             ChronoEvent       *event)
{
  ChronoCategory *category;
  guint n_quotes;

  g_return_val_if_fail (CHRONO_IS_EVENT_FILTER (self), TRUE);
  g_return_val_if_fail (CHRONO_IS_EVENT (event), FALSE);

  category = chrono_event_get_category (event);
  if (category != NULL && g_hash_table_contains (self->hidden, chrono_category_get_id (category)))
    return FALSE;

  if (self->search_key == NULL)
    return TRUE;

  if (text_matches (self, chrono_event_get_title (event)) ||
      text_matches (self, chrono_event_get_summary (event)) ||
      text_matches (self, chrono_event_get_notes (event)))
    return TRUE;

  n_quotes = chrono_event_get_n_quotes (event);
  if (n_quotes > 0)
    {
      GPtrArray *quotes = chrono_event_get_quotes (event);

      for (guint i = 0; i < n_quotes; i++)
        {
          ChronoQuote *quote = g_ptr_array_index (quotes, i);

          if (text_matches (self, chrono_quote_get_translation (quote)) ||
              text_matches (self, chrono_quote_get_original_text (quote)))
            return TRUE;
        }
    }

  return FALSE;
}
