/* chrono-file-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-file-text"

#include "config.h"

#include <string.h>

#include "chrono-file-text.h"

/* Kept as object data, which costs nothing on the objects that have none: most fields
 * of most timelines are not translated. The translation is kept too, to tell whether
 * the field still shows it. */
typedef struct
{
  char *shown;
  char *in_file;
} FileText;

static void
file_text_free (gpointer data)
{
  FileText *text = data;

  g_free (text->shown);
  g_free (text->in_file);
  g_free (text);
}

/* Set on every object with some file text, so that the writer asks the others (nearly
 * all of them) with one quick look. */
static GQuark
has_file_text_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chrono-file-text");

  return quark;
}

static GQuark
field_quark (const char *field)
{
  g_autofree char *key = g_strconcat ("chrono-file-text-", field, NULL);

  return g_quark_from_string (key);
}

void
chrono_file_text_set (gpointer    object,
                      const char *field,
                      const char *shown,
                      const char *in_file)
{
  FileText *text = NULL;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (field != NULL);

  if (g_strcmp0 (shown, in_file) != 0)
    {
      text = g_new (FileText, 1);
      text->shown = g_strdup (shown);
      text->in_file = g_strdup (in_file);
    }

  g_object_set_qdata_full (object, field_quark (field), text, text != NULL ? file_text_free : NULL);
  if (text != NULL)
    g_object_set_qdata (object, has_file_text_quark (), GINT_TO_POINTER (TRUE));
}

const char *
chrono_file_text_get (gpointer    object,
                      const char *field,
                      const char *shown)
{
  FileText *text;

  g_return_val_if_fail (G_IS_OBJECT (object), shown);
  g_return_val_if_fail (field != NULL, shown);

  if (g_object_get_qdata (object, has_file_text_quark ()) == NULL)
    return shown;

  text = g_object_get_qdata (object, field_quark (field));
  if (text != NULL && g_strcmp0 (text->shown, shown) == 0)
    return text->in_file;

  return shown;
}
