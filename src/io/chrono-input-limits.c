/* chrono-input-limits.c — the limits and rules every reader enforces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-input-limits"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-input-limits.h"
#include "chrono-timeline-reader.h"

/* Line and column (both from 1, the column in characters) of a byte offset. */
static void
get_line_column (const char *data,
                 gsize       length,
                 gsize       offset,
                 int        *out_line,
                 int        *out_column)
{
  gsize line_start = 0;
  int line = 1;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  /* Count characters by their lead bytes, so that an invalid sequence still counts. */
  *out_column = 1;
  for (const char *p = data + line_start; p < data + offset; p++)
    {
      if ((*p & 0xC0) != 0x80)
        (*out_column)++;
    }
  *out_line = line;
}

void
chrono_input_set_error_at (GError     **error,
                           int          code,
                           const char  *display_name,
                           const char  *data,
                           gsize        length,
                           gsize        offset,
                           const char  *format,
                           ...)
{
  g_autofree char *sentence = NULL;
  va_list args;
  int line, column;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  get_line_column (data, length, offset, &line, &column);
  g_set_error (error, CHRONO_READER_ERROR, code, "%s:%d:%d: %s",
               display_name, line, column, sentence);
}

gboolean
chrono_input_check_size (guint64      size,
                         const char  *display_name,
                         GError     **error)
{
  g_autofree char *formatted = NULL;

  if (size <= CHRONO_INPUT_MAX_FILE_SIZE)
    return TRUE;

  formatted = g_format_size (size);
  g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_TOO_LARGE,
               _("%s: the file is too large (%s); timelines may have up to 512 MiB"),
               display_name, formatted);
  return FALSE;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* As g_utf8_validate_len(), which looks at a byte at a time, but eight bytes at a time
 * while they are ASCII and none is nul, as in most of a timeline, even a Chinese one.
 * A character of more than one byte is bytes of 0x80 and above only, so each run of
 * those is checked on its own. */
const char *
chrono_input_find_invalid_utf8 (const char *data,
                                gsize       length)
{
  const char *p = data, *stop;

  /* An empty input may come without a buffer. */
  if (length == 0)
    return NULL;

  stop = data + length;
  while (p < stop)
    {
      guint64 word;
      const char *run, *end;

      if (stop - p >= 8)
        {
          memcpy (&word, p, sizeof word);
          if (((word | (word - ONES)) & HIGHS) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p == '\0')
        return p;
      if (((guchar) *p & 0x80) == 0)
        {
          p++;
          continue;
        }
      for (run = p; p < stop && ((guchar) *p & 0x80) != 0; p++)
        ;
      if (!g_utf8_validate_len (run, p - run, &end))
        return end;
    }

  return NULL;
}

gboolean
chrono_input_check_utf8 (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  const char *end = chrono_input_find_invalid_utf8 (data, length);

  if (end == NULL)
    return TRUE;

  chrono_input_set_error_at (error, CHRONO_READER_ERROR_SYNTAX, display_name, data, length, end - data,
                             _("the file is not valid UTF-8 text here (byte 0x%02X)"),
                             (guint) (guchar) *end);
  return FALSE;
}

gsize
chrono_input_skip_bom (const char *data,
                       gsize       length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Finds the first character after the byte order mark and any white space. */
gboolean
chrono_input_find_content (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           gsize       *out_offset,
                           GError     **error)
{
  gsize i = chrono_input_skip_bom (data, length);

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i == length)
    {
      g_set_error (error, CHRONO_READER_ERROR, CHRONO_READER_ERROR_UNKNOWN_FORMAT,
                   _("%s: the file is empty"), display_name);
      return FALSE;
    }

  *out_offset = i;
  return TRUE;
}

/* json-glib parses recursively, so a file nested deeply enough overflows the stack:
 * the brackets outside strings are counted first, from @start on. */
gboolean
chrono_input_check_json_nesting (const char  *data,
                                 gsize        length,
                                 gsize        start,
                                 const char  *display_name,
                                 GError     **error)
{
  guint depth = 0;

  for (gsize i = start; i < length; i++)
    {
      switch (data[i])
        {
        case '"':
          for (i++; i < length && data[i] != '"'; i++)
            {
              if (data[i] == '\\')
                i++;
            }
          break;
        case '[':
        case '{':
          if (++depth > CHRONO_INPUT_MAX_DEPTH)
            {
              chrono_input_set_error_at (error, CHRONO_READER_ERROR_INVALID, display_name, data, length, i,
                                         _("the data is nested more than %d levels deep here"),
                                         CHRONO_INPUT_MAX_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/* A text as a reader hands it to the model, after its escapes are decoded: what was
 * valid in the file may not be (a JSON “\ud800” is half a character). Returns NULL
 * when it is acceptable, or else the sentence that says why not. */
char *
chrono_input_check_text (const char *text,
                         gsize       length)
{
  if (length > CHRONO_INPUT_MAX_STRING_LENGTH)
    return g_strdup_printf (_("the text is too long: a text may have up to %u bytes"),
                            (guint) CHRONO_INPUT_MAX_STRING_LENGTH);
  if (!g_utf8_validate_len (text, length, NULL))
    return g_strdup (_("the text is not valid UTF-8 once its escapes are decoded"));

  return NULL;
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-';
}

gboolean
chrono_input_is_valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!is_id_char (*p))
        return FALSE;
    }

  return TRUE;
}

/* Keeps the characters an id allows and turns each run of others into one “-”.
 * Returns NULL when nothing is left, so that the caller numbers the item instead. */
char *
chrono_input_make_id (const char *text)
{
  GString *id = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_id_char (*p))
        g_string_append_c (id, *p);
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }

  return g_string_free (id, id->len == 0);
}

gboolean
chrono_input_is_valid_color (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}
