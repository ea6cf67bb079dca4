/* chrono-json-spans.c — where the elements of a JSON document's big array lie
 *
 * json-glib builds a tree of the whole document before anything can be read from it:
 * for 100,000 TimelineJS events, 250 MB of small blocks, each page of them faulted in.
 * Knowing where each event's object lies, a reader can give json-glib one at a time.
 *
 * Only strict JSON is followed here, and only as far as finding the spans needs: the
 * brackets and strings of each element, and everything between the elements and
 * around the array. What the elements hold is json-glib's to judge when it reads them,
 * and so is the rest of the document once the array is taken out of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chrono-json-spans.h"

/**
 * chrono_json_skip_space:
 *
 * Returns: the first byte at or after @i that is not JSON white space, or @length
 */
gsize
chrono_json_skip_space (const char *data,
                        gsize       length,
                        gsize       i)
{
  while (i < length && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
    i++;

  return i;
}

/* Past the string that begins at @i, or 0. */
static gsize
skip_string (const char *data,
             gsize       length,
             gsize       i)
{
  for (i++; i < length; i++)
    {
      if (data[i] == '\\')
        i++;
      else if (data[i] == '"')
        return i + 1;
    }

  return 0;
}

/* Past the object or array that begins at @i, or 0. */
static gsize
skip_nested (const char *data,
             gsize       length,
             gsize       i)
{
  guint depth = 0;

  for (; i < length; i++)
    {
      switch (data[i])
        {
        case '"':
          i = skip_string (data, length, i);
          if (i == 0)
            return 0;
          i--;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return i + 1;
          break;
        default:
          break;
        }
    }

  return 0;
}

/* Past a number, true, false or null beginning at @i, or 0. */
static gsize
skip_scalar (const char *data,
             gsize       length,
             gsize       i)
{
  gsize begin = i;

  while (i < length && (g_ascii_isalnum (data[i]) || data[i] == '-' || data[i] == '+' || data[i] == '.'))
    i++;

  return i > begin ? i : 0;
}

/* The array at @i, each element an object. */
static gboolean
find_elements (const char     *data,
               gsize           length,
               gsize           i,
               ChronoJsonSpan *array,
               GArray         *elements)
{
  array->begin = i;
  i = chrono_json_skip_space (data, length, i + 1);
  if (i < length && data[i] == ']')
    {
      array->end = i + 1;
      return TRUE;
    }

  for (;;)
    {
      ChronoJsonSpan element = { i, 0 };

      if (i >= length || data[i] != '{' || (element.end = skip_nested (data, length, i)) == 0)
        return FALSE;
      g_array_append_val (elements, element);

      i = chrono_json_skip_space (data, length, element.end);
      if (i < length && data[i] == ']')
        {
          array->end = i + 1;
          return TRUE;
        }
      if (i >= length || data[i] != ',')
        return FALSE;
      i = chrono_json_skip_space (data, length, i + 1);
    }
}

/* Where the array that is the member @name of the document's root object lies, and
 * each of its elements, all objects. FALSE for any other document, or one that is not
 * strict JSON around them, or names @name twice: json-glib reads those whole. */
gboolean
chrono_json_find_member_array (const char     *data,
                               gsize           length,
                               const char     *name,
                               ChronoJsonSpan *array,
                               GArray         *elements)
{
  gsize name_length = strlen (name);
  gboolean found = FALSE;
  gsize i = chrono_json_skip_space (data, length, 0);

  g_array_set_size (elements, 0);
  if (i >= length || data[i] != '{')
    return FALSE;
  i = chrono_json_skip_space (data, length, i + 1);

  for (;;)
    {
      gsize key = i, value;
      gboolean is_name;

      if (i >= length || data[i] != '"' || (i = skip_string (data, length, i)) == 0)
        return FALSE;
      /* An escape in a key is json-glib's to decode. */
      if (memchr (data + key, '\\', i - key) != NULL)
        return FALSE;
      is_name = i - key - 2 == name_length && memcmp (data + key + 1, name, name_length) == 0;

      i = chrono_json_skip_space (data, length, i);
      if (i >= length || data[i] != ':')
        return FALSE;
      value = chrono_json_skip_space (data, length, i + 1);
      if (value >= length)
        return FALSE;

      if (is_name)
        {
          if (found || data[value] != '[' || !find_elements (data, length, value, array, elements))
            return FALSE;
          found = TRUE;
          i = array->end;
        }
      else if (data[value] == '"')
        i = skip_string (data, length, value);
      else if (data[value] == '{' || data[value] == '[')
        i = skip_nested (data, length, value);
      else
        i = skip_scalar (data, length, value);
      if (i == 0)
        return FALSE;

      i = chrono_json_skip_space (data, length, i);
      if (i < length && data[i] == '}')
        break;
      if (i >= length || data[i] != ',')
        return FALSE;
      i = chrono_json_skip_space (data, length, i + 1);
    }

  return found && chrono_json_skip_space (data, length, i + 1) == length;
}
