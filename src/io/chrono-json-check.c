/* chrono-json-check.c — the first mistake in a JSON document, in words a person reads
 *
 * json-glib says where a document stops being JSON in GScanner's English, which no
 * catalogue translates (“unexpected string constant "b", expected character `:'”), and
 * its error codes are not always the mistake's. This follows strict JSON (RFC 8259) to
 * the first place it is not, and says in a translated sentence what is wrong there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-input-limits.h"
#include "chrono-json-check.h"
#include "chrono-json-spans.h"
#include "chrono-timeline-reader.h"

typedef struct
{
  const char *data;
  gsize length;
  gsize i;
  gsize comma;          /* the comma just read, or G_MAXSIZE */
  GArray *open;         /* where each object or array still open begins */
  gsize offset;         /* of the mistake */
  char *what;
  gboolean certain;     /* a mistake that lenient readers refuse too */
} Check;

typedef enum
{
  AT_VALUE,
  AT_MEMBER,
  AFTER_VALUE,
} Expecting;

static gboolean
mistake (Check *c,
         gsize  offset,
         char  *what)
{
  c->offset = offset;
  c->what = what;
  c->certain = TRUE;
  return FALSE;
}

/* One that a lenient reader such as json-glib may read: texts in single quotes, line
 * breaks in texts, escapes, numbers and comments that JSON does not have. */
static gboolean
lenient_mistake (Check *c,
                 gsize  offset,
                 char  *what)
{
  mistake (c, offset, what);
  c->certain = FALSE;
  return FALSE;
}

/* json-glib skips a comment between two values as white space. 1.6 takes everything from
 * a “/” to the next “/” for one, whether a “*” follows the first or not. */
static gboolean
skip_space (Check *c)
{
  c->i = chrono_json_skip_space (c->data, c->length, c->i);
  if (c->i < c->length && c->data[c->i] == '/')
    return lenient_mistake (c, c->i, g_strdup (_("“/” outside a text: JSON has no comments")));

  return TRUE;
}

static gboolean
read_hex (Check   *c,
          gsize    at,
          guint   *value)
{
  *value = 0;
  for (gsize i = at; i < at + 4; i++)
    {
      if (i >= c->length || !g_ascii_isxdigit (c->data[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (c->data[i]);
    }

  return TRUE;
}

/* The escape at the backslash c->i; leaves c->i on its last character. */
static gboolean
read_escape (Check *c)
{
  gsize backslash = c->i;
  guint unit, low;

  if (strchr ("\"\\/bfnrt", c->data[c->i + 1]) != NULL && c->data[c->i + 1] != '\0')
    {
      c->i++;
      return TRUE;
    }
  if (c->data[c->i + 1] != 'u')
    return lenient_mistake (c, backslash, g_strdup (_("this backslash does not begin an escape that JSON knows")));
  if (!read_hex (c, c->i + 2, &unit))
    return lenient_mistake (c, backslash, g_strdup (_("“\\u” needs four hexadecimal digits after it")));
  c->i += 5;

  /* A character beyond U+FFFF is written as two escapes, a surrogate pair. */
  if (unit >= 0xD800 && unit <= 0xDBFF && c->i + 2 < c->length &&
      c->data[c->i + 1] == '\\' && c->data[c->i + 2] == 'u' &&
      read_hex (c, c->i + 3, &low) && low >= 0xDC00 && low <= 0xDFFF)
    {
      c->i += 6;
      return TRUE;
    }
  if (unit >= 0xD800 && unit <= 0xDFFF)
    return lenient_mistake (c, backslash,
                            g_strdup_printf (_("“\\u%04X” is half of a character: a surrogate needs its other half"), unit));

  return TRUE;
}

static gboolean
read_string (Check *c)
{
  gsize begin = c->i;

  for (c->i++; c->i < c->length; c->i++)
    {
      guchar ch = c->data[c->i];

      if (ch == '"')
        {
          c->i++;
          return TRUE;
        }
      if (ch == '\n' || ch == '\r')
        return lenient_mistake (c, c->i, g_strdup (_("a line ends inside a text: a line break is written “\\n”")));
      if (ch < 0x20)
        return lenient_mistake (c, c->i,
                                g_strdup_printf (_("a control character (U+%04X) inside a text must be written as an escape"),
                                                 ch));
      if (ch == '\\' && c->i + 1 < c->length && !read_escape (c))
        return FALSE;
    }

  return mistake (c, begin, g_strdup (_("this text is never closed with “\"”")));
}

static gboolean
skip_digits (Check *c)
{
  gsize begin = c->i;

  while (c->i < c->length && g_ascii_isdigit (c->data[c->i]))
    c->i++;

  return c->i > begin;
}

static gboolean
is_number (Check *c)
{
  if (c->i < c->length && c->data[c->i] == '-')
    c->i++;
  if (c->i < c->length && c->data[c->i] == '0')
    c->i++;
  else if (c->i >= c->length || c->data[c->i] < '1' || c->data[c->i] > '9' || !skip_digits (c))
    return FALSE;

  if (c->i < c->length && c->data[c->i] == '.')
    {
      c->i++;
      if (!skip_digits (c))
        return FALSE;
    }
  if (c->i < c->length && (c->data[c->i] == 'e' || c->data[c->i] == 'E'))
    {
      c->i++;
      if (c->i < c->length && (c->data[c->i] == '+' || c->data[c->i] == '-'))
        c->i++;
      if (!skip_digits (c))
        return FALSE;
    }

  return c->i >= c->length || !(g_ascii_isalnum (c->data[c->i]) || c->data[c->i] == '.');
}

static gboolean
read_word (Check *c)
{
  static const char *const words[] = { "true", "false", "null" };
  gsize begin = c->i;

  while (c->i < c->length && (g_ascii_isalnum (c->data[c->i]) || c->data[c->i] == '_'))
    c->i++;
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    if (c->i - begin == strlen (words[w]) && memcmp (c->data + begin, words[w], c->i - begin) == 0)
      return TRUE;

  return mistake (c, begin, g_strdup (_("a word without quotes: only true, false and null are written so, "
                                        "a text is written in double quotes")));
}

static gboolean
never_closed (Check *c)
{
  gsize begin = g_array_index (c->open, gsize, c->open->len - 1);

  return mistake (c, begin, g_strdup (c->data[begin] == '{' ? _("this object is never closed with “}”")
                                                            : _("this array is never closed with “]”")));
}

/* A value at c->i: a whole one, or the beginning of an object or array. */
static gboolean
read_value (Check     *c,
            Expecting *next)
{
  char ch;

  if (c->i >= c->length)
    return c->open->len > 0 ? never_closed (c)
                            : mistake (c, c->i, g_strdup (_("the file ends where a value should be")));

  ch = c->data[c->i];
  *next = AFTER_VALUE;
  if (ch == '{' || ch == '[')
    {
      g_array_append_val (c->open, c->i);
      c->i++;
      if (!skip_space (c))
        return FALSE;
      if (c->i < c->length && c->data[c->i] == (ch == '{' ? '}' : ']'))
        {
          g_array_set_size (c->open, c->open->len - 1);
          c->i++;
        }
      else
        *next = ch == '{' ? AT_MEMBER : AT_VALUE;
      return TRUE;
    }
  if (ch == '"')
    return read_string (c);
  /* GScanner, under json-glib, also reads “$7DF” as a number, in hexadecimal, even
   * with white space or a line break after the “$”, and “.5” as one half. */
  if (ch == '-' || ch == '$' || ch == '.' || g_ascii_isdigit (ch))
    {
      gsize begin = c->i;

      return is_number (c) || lenient_mistake (c, begin, g_strdup (_("this is not a number as JSON writes them")));
    }
  if (ch == '\'')
    return lenient_mistake (c, c->i, g_strdup (_("a text in single quotes: JSON writes texts in double quotes")));
  if ((ch == ']' || ch == '}') && c->comma != G_MAXSIZE)
    return mistake (c, c->comma, g_strdup (_("nothing follows this comma")));
  if (g_ascii_isalpha (ch))
    return read_word (c);

  return mistake (c, c->i, g_strdup (_("a value is missing here")));
}

/* A member's name and its colon. */
static gboolean
read_name (Check *c)
{
  gsize name;

  if (c->i >= c->length)
    return never_closed (c);
  if (c->data[c->i] == '}' && c->comma != G_MAXSIZE)
    return mistake (c, c->comma, g_strdup (_("nothing follows this comma")));
  if (c->data[c->i] == '\'')
    return lenient_mistake (c, c->i, g_strdup (_("a name in single quotes: JSON writes names in double quotes")));
  if (c->data[c->i] != '"')
    return lenient_mistake (c, c->i, g_strdup (_("a name in double quotes is missing here")));

  name = c->i;
  if (!read_string (c) || !skip_space (c))
    return FALSE;
  if (c->i >= c->length || c->data[c->i] != ':')
    return mistake (c, name, g_strdup (_("this name needs a colon (:) after it")));
  c->i++;

  return TRUE;
}

/* After a value: the end of the document, or of objects and arrays, or a comma. */
static gboolean
read_after_value (Check     *c,
                  Expecting *next,
                  gboolean  *done)
{
  for (;;)
    {
      char close;

      if (!skip_space (c))
        return FALSE;
      if (c->open->len == 0)
        {
          *done = TRUE;
          if (c->i >= c->length)
            return TRUE;
          /* json-glib 1.6 reads an object or an array after the end, and leaves it. */
          if (c->data[c->i] == '{' || c->data[c->i] == '[')
            return lenient_mistake (c, c->i, g_strdup (_("there is more after the end of the JSON")));
          return mistake (c, c->i, g_strdup (_("there is more after the end of the JSON")));
        }
      if (c->i >= c->length)
        return never_closed (c);

      close = c->data[g_array_index (c->open, gsize, c->open->len - 1)] == '{' ? '}' : ']';
      if (c->data[c->i] == close)
        {
          g_array_set_size (c->open, c->open->len - 1);
          c->i++;
          continue;
        }
      if (c->data[c->i] == ',')
        {
          c->comma = c->i++;
          *next = close == '}' ? AT_MEMBER : AT_VALUE;
          return TRUE;
        }

      return mistake (c, c->i, g_strdup (close == '}' ? _("a comma or “}” is missing here")
                                                      : _("a comma or “]” is missing here")));
    }
}

/**
 * chrono_json_find_mistake:
 * @offset: (out): where the mistake is, in bytes
 * @certain: (out): whether lenient readers, json-glib among them, refuse the document
 *     there too (a missing comma, say), or may read on (a text in single quotes)
 *
 * Returns: (transfer full) (nullable): what is wrong at the first place where @data
 *     is not strict JSON, or %NULL when it is JSON
 */
char *
chrono_json_find_mistake (const char *data,
                          gsize       length,
                          gsize      *offset,
                          gboolean   *certain)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gsize));
  Check c = { data, length, 0, G_MAXSIZE, open, 0, NULL };
  Expecting next = AT_VALUE;
  gboolean done = FALSE;

  while (!done)
    {
      gboolean ok = skip_space (&c);

      switch (next)
        {
        case AT_MEMBER:
          ok = ok && read_name (&c);
          c.comma = G_MAXSIZE;
          ok = ok && skip_space (&c) && read_value (&c, &next);
          break;
        case AT_VALUE:
          ok = ok && read_value (&c, &next);
          c.comma = G_MAXSIZE;
          break;
        case AFTER_VALUE:
        default:
          ok = ok && read_after_value (&c, &next, &done);
          break;
        }
      if (!ok)
        {
          *offset = c.offset;
          *certain = c.certain;
          return c.what;
        }
    }

  return NULL;
}

/**
 * chrono_json_set_mistake_error:
 * @only_certain: only a mistake that lenient readers refuse too
 *
 * Sets @error to the first mistake in @data, where there is one (with @only_certain,
 * one that json-glib would refuse @data for: then the error is known without its
 * reading @data). Returns whether @error was set.
 */
gboolean
chrono_json_set_mistake_error (GError     **error,
                               const char  *display_name,
                               const char  *data,
                               gsize        length,
                               gboolean     only_certain)
{
  gsize offset;
  gboolean certain;
  g_autofree char *what = chrono_json_find_mistake (data, length, &offset, &certain);

  if (what == NULL || (only_certain && !certain))
    return FALSE;
  chrono_input_set_error_at (error, CHRONO_READER_ERROR_SYNTAX, display_name, data, length, offset, "%s", what);

  return TRUE;
}

/**
 * chrono_json_set_syntax_error:
 * @json_glib_line: the line where json-glib stopped, or 0
 *
 * The error for @data, which json-glib refused: json-glib's message is GScanner's
 * English, which no catalogue translates, so the first place where @data is not strict
 * JSON is told in a sentence of ours. json-glib reads a little more (texts in single
 * quotes, for one): it may have stopped later.
 */
void
chrono_json_set_syntax_error (GError     **error,
                              const char  *display_name,
                              const char  *data,
                              gsize        length,
                              guint        json_glib_line)
{
  if (chrono_json_set_mistake_error (error, display_name, data, length, FALSE))
    return;

  if (json_glib_line > 0)
    g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX,
                 /* Translators: the file's name and the line where it stops being JSON */
                 _("%s:%u: this line is not valid JSON"), display_name, json_glib_line);
  else
    g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_SYNTAX,
                 _("%s: this is not valid JSON"), display_name);
}
