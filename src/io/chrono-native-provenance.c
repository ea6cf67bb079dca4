/* chrono-native-provenance.c — format 2 of the native format: when words were said,
 * forecasts, and who says so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-native-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chrono-native-reader-private.h"

/* A file that says version="1" and uses a field of format 2 is mistaken about itself. */
static gboolean
check_format_2 (Reader      *r,
                const Tag   *tag,
                const char  *attribute,
                GError     **error)
{
  if (r->version >= 2)
    return TRUE;

  if (attribute != NULL)
    set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                  _("the attribute “%s” on <%s> is new in format 2, but the file says version=\"%u\""),
                  attribute, tag->name, r->version);
  else
    set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                  _("<%s> is new in format 2, but the file says version=\"%u\""),
                  tag->name, r->version);
  return FALSE;
}

static gboolean
parse_provenance (Reader            *r,
                  const Tag         *tag,
                  const char        *attribute,
                  const char        *text,
                  ChronoProvenance  *out_provenance,
                  GError           **error)
{
  if (!check_format_2 (r, tag, attribute, error))
    return FALSE;

  if (!chrono_provenance_parse (text, out_provenance))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("“%s” is not a provenance: use reported, narrated, inferred or outside"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_date (Reader      *r,
            const Tag   *tag,
            const char  *text,
            ChronoDate  *out_date,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!chrono_date_parse (text, out_date, &local_error))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
chrono_native_read_event_provenance (Reader      *r,
                                     const Tag   *tag,
                                     const char  *provenance_text,
                                     const char  *date_provenance_text,
                                     const char  *date_source_id,
                                     GError     **error)
{
  ChronoProvenance provenance = CHRONO_PROVENANCE_UNSTATED;
  ChronoProvenance date_provenance = CHRONO_PROVENANCE_UNSTATED;
  ChronoSource *date_source = NULL;

  if (provenance_text != NULL)
    {
      if (!parse_provenance (r, tag, "provenance", provenance_text, &provenance, error))
        return FALSE;
      /* An outside fact is only as good as its source, so it must name one. */
      if (provenance == CHRONO_PROVENANCE_OUTSIDE && chrono_event_get_sources (r->event)->len == 0)
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("an outside fact needs its source: give the <event> sources=\"…\""));
          return FALSE;
        }
      chrono_event_set_provenance (r->event, provenance);
    }

  if (date_provenance_text != NULL &&
      !parse_provenance (r, tag, "date-provenance", date_provenance_text, &date_provenance, error))
    return FALSE;

  if (date_source_id != NULL)
    {
      if (!check_format_2 (r, tag, "date-source", error))
        return FALSE;
      date_source = chrono_timeline_lookup_source (r->timeline, date_source_id);
      if (date_source == NULL)
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<event> refers to the source “%s”, which <sources> does not declare"), date_source_id);
          return FALSE;
        }
    }

  if ((date_provenance == CHRONO_PROVENANCE_OUTSIDE) != (date_source != NULL))
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("a date from outside needs its source, and only such a date has one: "
                      "write date-provenance=\"outside\" together with date-source=\"…\""));
      return FALSE;
    }

  if (date_provenance != CHRONO_PROVENANCE_UNSTATED)
    chrono_event_set_date_provenance (r->event, date_provenance, date_source);

  return TRUE;
}

gboolean
chrono_native_read_quote_provenance (Reader      *r,
                                     const Tag   *tag,
                                     const char  *said_text,
                                     const char  *provenance_text,
                                     GError     **error)
{
  if (said_text != NULL)
    {
      ChronoDate said;

      if (!check_format_2 (r, tag, "said", error) ||
          !parse_date (r, tag, said_text, &said, error))
        return FALSE;
      chrono_quote_set_said (r->quote, &said);
    }

  if (provenance_text != NULL)
    {
      ChronoProvenance provenance;

      if (!parse_provenance (r, tag, "provenance", provenance_text, &provenance, error))
        return FALSE;
      chrono_quote_set_provenance (r->quote, provenance);
    }

  return TRUE;
}

/* <forecast start="…" end="…"/>: the event is a prediction made on its own start. */
gboolean
chrono_native_start_forecast (Reader      *r,
                              const Tag   *tag,
                              GError     **error)
{
  const char *start_text = NULL;
  const char *end_text = NULL;
  ChronoDate start, end;

  if (!check_format_2 (r, tag, NULL, error))
    return FALSE;

  for (guint i = 0; tag->names[i] != NULL; i++)
    {
      const char **slot;

      if (g_str_equal (tag->names[i], "start"))
        slot = &start_text;
      else if (g_str_equal (tag->names[i], "end"))
        slot = &end_text;
      else
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("unknown attribute “%s” on <%s>"), tag->names[i], tag->name);
          return FALSE;
        }
      if (*slot != NULL)
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_SYNTAX,
                        _("the attribute “%s” appears twice on <%s>"), tag->names[i], tag->name);
          return FALSE;
        }
      *slot = tag->values[i];
    }

  if (start_text == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<forecast> needs the date it predicts (start=\"…\")"));
      return FALSE;
    }
  if (!parse_date (r, tag, start_text, &start, error))
    return FALSE;
  if (end_text != NULL)
    {
      if (!parse_date (r, tag, end_text, &end, error))
        return FALSE;
      if (chrono_date_get_end (&end) <= chrono_date_get_start (&start))
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("<%s> ends before it starts"), "forecast");
          return FALSE;
        }
    }

  chrono_event_set_forecast (r->event, &start, end_text != NULL ? &end : NULL);
  return TRUE;
}

gboolean
chrono_native_read_display_date (Reader      *r,
                                 const Tag   *tag,
                                 const char  *display_date,
                                 GError     **error)
{
  if (display_date == NULL)
    return TRUE;
  if (!check_format_2 (r, tag, "display-date", error))
    return FALSE;

  chrono_event_set_display_date (r->event, display_date);
  return TRUE;
}

/* <media url="…" caption="…" credit="…"/>: a picture or other media of the event. */
gboolean
chrono_native_start_media (Reader      *r,
                           const Tag   *tag,
                           GError     **error)
{
  static const char * const names[] = { "url", "caption", "credit" };
  const char *values[G_N_ELEMENTS (names)] = { NULL };

  if (!check_format_2 (r, tag, NULL, error))
    return FALSE;

  for (guint i = 0; tag->names[i] != NULL; i++)
    {
      guint n;

      for (n = 0; n < G_N_ELEMENTS (names) && !g_str_equal (tag->names[i], names[n]); n++)
        ;
      if (n == G_N_ELEMENTS (names))
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                        _("unknown attribute “%s” on <%s>"), tag->names[i], tag->name);
          return FALSE;
        }
      if (values[n] != NULL)
        {
          set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_SYNTAX,
                        _("the attribute “%s” appears twice on <%s>"), tag->names[i], tag->name);
          return FALSE;
        }
      values[n] = tag->values[i];
    }

  if (values[0] == NULL && values[1] == NULL && values[2] == NULL)
    {
      set_error_at (r, tag->offset, error, CHRONO_READER_ERROR_INVALID,
                    _("<media> needs a url, a caption or a credit"));
      return FALSE;
    }

  chrono_event_set_media (r->event, values[0], values[1], values[2]);
  return TRUE;
}
