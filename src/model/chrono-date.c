/* chrono-date.c — a calendar date of any era, at a stated precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-date"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-date.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

G_DEFINE_BOXED_TYPE (ChronoDate, chrono_date, chrono_date_copy, chrono_date_free)
G_DEFINE_QUARK (chrono-date-error-quark, chrono_date_error)

ChronoDate *
chrono_date_copy (const ChronoDate *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
chrono_date_free (ChronoDate *self)
{
  g_free (self);
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
chrono_date_days_in_month (gint64 year,
                           guint  month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;

  return days[month - 1];
}

/* Division rounding towards minus infinity, as calendars before 1970 need. */
gint64
chrono_floor_div (gint64 a,
                  gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. The calendar repeats every
 * 400 years (146097 days), so the year is split into 400-year cycles, and the year is
 * taken to begin on 1 March so that the leap day falls at its end. */
static gint64
days_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  gint64 cycle, year_of_cycle, day_of_year, day_of_cycle;

  if (month <= 2)
    year--;

  cycle = chrono_floor_div (year, 400);
  year_of_cycle = year - cycle * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;

  return cycle * 146097 + day_of_cycle - 719468;
}

static void
civil_from_days (gint64  days,
                 gint64 *out_year,
                 guint  *out_month,
                 guint  *out_day)
{
  gint64 cycle, day_of_cycle, year_of_cycle, day_of_year, shifted_month, year;

  days += 719468;
  cycle = chrono_floor_div (days, 146097);
  day_of_cycle = days - cycle * 146097;
  year_of_cycle = (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36524 - day_of_cycle / 146096) / 365;
  year = year_of_cycle + cycle * 400;
  day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
  shifted_month = (5 * day_of_year + 2) / 153;

  *out_day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  *out_month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  *out_year = year + (*out_month <= 2 ? 1 : 0);
}

gboolean
chrono_date_is_valid (const ChronoDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->year < -CHRONO_DATE_YEAR_LIMIT || self->year > CHRONO_DATE_YEAR_LIMIT)
    return FALSE;
  if (self->precision > CHRONO_PRECISION_SECOND)
    return FALSE;
  if ((self->flags & ~(CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN)) != 0)
    return FALSE;

  if (self->precision >= CHRONO_PRECISION_MONTH)
    {
      if (self->month < 1 || self->month > 12)
        return FALSE;
    }
  else if (self->month != 0)
    return FALSE;

  if (self->precision >= CHRONO_PRECISION_DAY)
    {
      if (self->day < 1 || self->day > chrono_date_days_in_month (self->year, self->month))
        return FALSE;
    }
  else if (self->day != 0)
    return FALSE;

  if (self->hour > 23 || self->minute > 59 || self->second > 59)
    return FALSE;
  if (self->precision < CHRONO_PRECISION_HOUR && self->hour != 0)
    return FALSE;
  if (self->precision < CHRONO_PRECISION_MINUTE && self->minute != 0)
    return FALSE;
  if (self->precision < CHRONO_PRECISION_SECOND && self->second != 0)
    return FALSE;

  return TRUE;
}

static gboolean
parse_number (const char **p,
              guint        n_digits,
              guint       *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *out_value = value;

  return TRUE;
}

static gboolean
set_not_a_date (GError     **error,
                const char  *text)
{
  g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
               /* Translators: the forms are those of ISO 8601 / EDTF; keep them as they are */
               _("“%s” is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS"),
               text);
  return FALSE;
}

gboolean
chrono_date_parse (const char  *text,
                   ChronoDate  *out_date,
                   GError     **error)
{
  ChronoDate date = { 0 };
  const char *p = text;
  gboolean negative = FALSE;
  guint n_year_digits = 0;
  guint value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  while (g_ascii_isdigit (p[n_year_digits]))
    n_year_digits++;

  if (n_year_digits < 4)
    return set_not_a_date (error, text);

  /* Leading zeros aside, more than 12 digits is beyond CHRONO_DATE_YEAR_LIMIT anyway. */
  while (n_year_digits > 4 && *p == '0')
    {
      p++;
      n_year_digits--;
    }
  if (n_year_digits > 12)
    {
      g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                   _("“%s” is not a date: the year is too far in the past or the future"), text);
      return FALSE;
    }
  for (guint i = 0; i < n_year_digits; i++)
    date.year = date.year * 10 + (p[i] - '0');
  p += n_year_digits;

  if (negative)
    {
      if (date.year == 0)
        return set_not_a_date (error, text);
      date.year = -date.year;
    }
  if (date.year < -CHRONO_DATE_YEAR_LIMIT || date.year > CHRONO_DATE_YEAR_LIMIT)
    {
      g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                   _("“%s” is not a date: the year is too far in the past or the future"), text);
      return FALSE;
    }

  date.precision = CHRONO_PRECISION_YEAR;

  if (*p == '-')
    {
      p++;
      if (!parse_number (&p, 2, &value))
        return set_not_a_date (error, text);
      if (value < 1 || value > 12)
        {
          g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                       _("“%s” is not a date: month %u does not exist"), text, value);
          return FALSE;
        }
      date.month = value;
      date.precision = CHRONO_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!parse_number (&p, 2, &value))
            return set_not_a_date (error, text);
          if (value < 1 || value > chrono_date_days_in_month (date.year, date.month))
            {
              g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                           _("“%s” is not a date: that month has no day %u"), text, value);
              return FALSE;
            }
          date.day = value;
          date.precision = CHRONO_PRECISION_DAY;

          if (*p == 'T')
            {
              p++;
              if (!parse_number (&p, 2, &value) || *p != ':')
                return set_not_a_date (error, text);
              if (value > 23)
                {
                  g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                               _("“%s” is not a date: hour %u does not exist"), text, value);
                  return FALSE;
                }
              date.hour = value;
              p++;
              if (!parse_number (&p, 2, &value))
                return set_not_a_date (error, text);
              if (value > 59)
                {
                  g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                               _("“%s” is not a date: minute %u does not exist"), text, value);
                  return FALSE;
                }
              date.minute = value;
              date.precision = CHRONO_PRECISION_MINUTE;

              if (*p == ':')
                {
                  p++;
                  if (!parse_number (&p, 2, &value))
                    return set_not_a_date (error, text);
                  if (value > 59)
                    {
                      g_set_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                                   _("“%s” is not a date: second %u does not exist"), text, value);
                      return FALSE;
                    }
                  date.second = value;
                  date.precision = CHRONO_PRECISION_SECOND;
                }
            }
        }
    }

  switch (*p)
    {
    case '~':
      date.flags = CHRONO_DATE_APPROXIMATE;
      p++;
      break;
    case '?':
      date.flags = CHRONO_DATE_UNCERTAIN;
      p++;
      break;
    case '%':
      date.flags = CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN;
      p++;
      break;
    default:
      break;
    }

  if (*p != '\0')
    return set_not_a_date (error, text);

  if (out_date != NULL)
    *out_date = date;

  return TRUE;
}

char *
chrono_date_to_edtf (const ChronoDate *self)
{
  GString *str;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);

  if (self->year < 0)
    g_string_append_printf (str, "-%04" G_GINT64_FORMAT, -self->year);
  else
    g_string_append_printf (str, "%04" G_GINT64_FORMAT, self->year);

  if (self->precision >= CHRONO_PRECISION_MONTH)
    g_string_append_printf (str, "-%02u", self->month);
  if (self->precision >= CHRONO_PRECISION_DAY)
    g_string_append_printf (str, "-%02u", self->day);
  /* EDTF has no hour-only form, so an hour is written with its zero minutes. */
  if (self->precision >= CHRONO_PRECISION_HOUR)
    g_string_append_printf (str, "T%02u:%02u", self->hour, self->minute);
  if (self->precision >= CHRONO_PRECISION_SECOND)
    g_string_append_printf (str, ":%02u", self->second);

  if ((self->flags & CHRONO_DATE_APPROXIMATE) && (self->flags & CHRONO_DATE_UNCERTAIN))
    g_string_append_c (str, '%');
  else if (self->flags & CHRONO_DATE_APPROXIMATE)
    g_string_append_c (str, '~');
  else if (self->flags & CHRONO_DATE_UNCERTAIN)
    g_string_append_c (str, '?');

  return g_string_free (str, FALSE);
}

ChronoTime
chrono_date_get_start (const ChronoDate *self)
{
  guint month, day;

  g_return_val_if_fail (self != NULL, 0);

  month = self->precision >= CHRONO_PRECISION_MONTH ? MAX (self->month, 1) : 1;
  day = self->precision >= CHRONO_PRECISION_DAY ? MAX (self->day, 1) : 1;

  return days_from_civil (self->year, month, day) * SECONDS_PER_DAY
         + self->hour * 3600 + self->minute * 60 + self->second;
}

ChronoTime
chrono_date_get_end (const ChronoDate *self)
{
  ChronoTime start;

  g_return_val_if_fail (self != NULL, 0);

  start = chrono_date_get_start (self);

  switch (self->precision)
    {
    case CHRONO_PRECISION_YEAR:
      return days_from_civil (self->year + 1, 1, 1) * SECONDS_PER_DAY;
    case CHRONO_PRECISION_MONTH:
      if (self->month >= 12)
        return days_from_civil (self->year + 1, 1, 1) * SECONDS_PER_DAY;
      return days_from_civil (self->year, self->month + 1, 1) * SECONDS_PER_DAY;
    case CHRONO_PRECISION_DAY:
      return start + SECONDS_PER_DAY;
    case CHRONO_PRECISION_HOUR:
      return start + 3600;
    case CHRONO_PRECISION_MINUTE:
      return start + 60;
    case CHRONO_PRECISION_SECOND:
    default:
      return start + 1;
    }
}

void
chrono_date_from_time (ChronoTime       time,
                       ChronoPrecision  precision,
                       ChronoDate      *out_date)
{
  gint64 days, seconds_of_day, year;
  guint month, day;

  g_return_if_fail (out_date != NULL);

  days = chrono_floor_div (time, SECONDS_PER_DAY);
  seconds_of_day = time - days * SECONDS_PER_DAY;
  civil_from_days (days, &year, &month, &day);

  memset (out_date, 0, sizeof *out_date);
  out_date->year = year;
  out_date->precision = precision;
  if (precision >= CHRONO_PRECISION_MONTH)
    out_date->month = month;
  if (precision >= CHRONO_PRECISION_DAY)
    out_date->day = day;
  if (precision >= CHRONO_PRECISION_HOUR)
    out_date->hour = seconds_of_day / 3600;
  if (precision >= CHRONO_PRECISION_MINUTE)
    out_date->minute = (seconds_of_day / 60) % 60;
  if (precision >= CHRONO_PRECISION_SECOND)
    out_date->second = seconds_of_day % 60;
}

int
chrono_date_compare (const ChronoDate *a,
                     const ChronoDate *b)
{
  ChronoTime ta, tb;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  ta = chrono_date_get_start (a);
  tb = chrono_date_get_start (b);
  if (ta != tb)
    return ta < tb ? -1 : 1;

  /* The same first second: the shorter period comes first. */
  ta = chrono_date_get_end (a);
  tb = chrono_date_get_end (b);
  if (ta != tb)
    return ta < tb ? -1 : 1;

  if (a->flags != b->flags)
    return a->flags < b->flags ? -1 : 1;

  return 0;
}

static const char *
get_month_name (guint month)
{
  switch (month)
    {
    /* Translators: the month name in a date such as “30 November 2022” or
     * “November 2022”; languages with cases may need the form used in dates. */
    case 1: return C_("month name in a date", "January");
    case 2: return C_("month name in a date", "February");
    case 3: return C_("month name in a date", "March");
    case 4: return C_("month name in a date", "April");
    case 5: return C_("month name in a date", "May");
    case 6: return C_("month name in a date", "June");
    case 7: return C_("month name in a date", "July");
    case 8: return C_("month name in a date", "August");
    case 9: return C_("month name in a date", "September");
    case 10: return C_("month name in a date", "October");
    case 11: return C_("month name in a date", "November");
    case 12: return C_("month name in a date", "December");
    default: return "";
    }
}

static const char *
get_date_pattern (ChronoPrecision precision,
                  gboolean        before_common_era)
{
  /* The patterns use their own codes rather than strftime's, which the C library
   * cannot apply to years before 1 or after 9999: %Y is the year (a positive number,
   * also before the common era), %B the month name, %m the month number (1–12), %d the
   * day of the month, %H the hour (00–23), %M the minute, %S the second, %% a percent
   * sign. */
  if (before_common_era)
    {
      switch (precision)
        {
        case CHRONO_PRECISION_YEAR:
          /* Translators: a year before the common era, e.g. “500 BC” (Chinese:
           * “公元前%Y年”). %Y is the year, counted back from 1 BC. These are not printf
           * or strftime patterns; the codes are %Y, %B (month name), %m (month number),
           * %d (day), %H, %M, %S (time) and %% (a percent sign). */
          /* xgettext:no-c-format */
          return C_("date pattern", "%Y BC");
        case CHRONO_PRECISION_MONTH:
          /* Translators: a month before the common era, e.g. “March 500 BC”. %B is the
           * month name, %m its number, %Y the year. */
          /* xgettext:no-c-format */
          return C_("date pattern", "%B %Y BC");
        case CHRONO_PRECISION_DAY:
          /* Translators: a day before the common era, e.g. “15 March 44 BC”. %d is the
           * day, %B the month name, %m its number, %Y the year. */
          /* xgettext:no-c-format */
          return C_("date pattern", "%d %B %Y BC");
        case CHRONO_PRECISION_HOUR:
        case CHRONO_PRECISION_MINUTE:
          /* Translators: a time on a day before the common era, e.g. “15 March 44 BC,
           * 11:00”. %H is the hour (00–23), %M the minute. */
          /* xgettext:no-c-format */
          return C_("date pattern", "%d %B %Y BC, %H:%M");
        case CHRONO_PRECISION_SECOND:
        default:
          /* Translators: a time with seconds on a day before the common era. %S is
           * the second. */
          /* xgettext:no-c-format */
          return C_("date pattern", "%d %B %Y BC, %H:%M:%S");
        }
    }

  switch (precision)
    {
    case CHRONO_PRECISION_YEAR:
      /* Translators: a year, e.g. “2012” (Chinese: “%Y年”). These are not printf or
       * strftime patterns; the codes are %Y (year), %B (month name), %m (month number),
       * %d (day), %H, %M, %S (time) and %% (a percent sign). */
      /* xgettext:no-c-format */
      return C_("date pattern", "%Y");
    case CHRONO_PRECISION_MONTH:
      /* Translators: a month, e.g. “November 2022” (Chinese: “%Y年%m月”). %B is the
       * month name, %m its number, %Y the year. */
      /* xgettext:no-c-format */
      return C_("date pattern", "%B %Y");
    case CHRONO_PRECISION_DAY:
      /* Translators: a day, e.g. “30 November 2022” (Chinese: “%Y年%m月%d日”). %d is
       * the day, %B the month name, %m its number, %Y the year. */
      /* xgettext:no-c-format */
      return C_("date pattern", "%d %B %Y");
    case CHRONO_PRECISION_HOUR:
    case CHRONO_PRECISION_MINUTE:
      /* Translators: a time on a day, e.g. “30 November 2022, 18:00”. %H is the hour
       * (00–23), %M the minute. */
      /* xgettext:no-c-format */
      return C_("date pattern", "%d %B %Y, %H:%M");
    case CHRONO_PRECISION_SECOND:
    default:
      /* Translators: a time with seconds, e.g. “30 November 2022, 18:00:05”. %S is
       * the second. */
      /* xgettext:no-c-format */
      return C_("date pattern", "%d %B %Y, %H:%M:%S");
    }
}

static void
expand_pattern (GString          *str,
                const char       *pattern,
                const ChronoDate *date)
{
  gint64 year = date->year > 0 ? date->year : 1 - date->year;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (str, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'Y':
          g_string_append_printf (str, "%" G_GINT64_FORMAT, year);
          break;
        case 'B':
          g_string_append (str, get_month_name (date->month));
          break;
        case 'm':
          g_string_append_printf (str, "%u", date->month);
          break;
        case 'd':
          g_string_append_printf (str, "%u", date->day);
          break;
        case 'H':
          g_string_append_printf (str, "%02u", date->hour);
          break;
        case 'M':
          g_string_append_printf (str, "%02u", date->minute);
          break;
        case 'S':
          g_string_append_printf (str, "%02u", date->second);
          break;
        case '%':
          g_string_append_c (str, '%');
          break;
        default:
          g_string_append_c (str, '%');
          g_string_append_c (str, *p);
          break;
        }
    }
}

char *
chrono_date_format (const ChronoDate *self)
{
  g_autoptr(GString) str = NULL;
  const char *pattern;

  g_return_val_if_fail (self != NULL, NULL);

  pattern = get_date_pattern (self->precision, self->year <= 0);
  str = g_string_new (NULL);
  expand_pattern (str, pattern, self);

  if ((self->flags & CHRONO_DATE_APPROXIMATE) && (self->flags & CHRONO_DATE_UNCERTAIN))
    /* Translators: a date that is both approximate and uncertain (EDTF “%”),
     * e.g. “perhaps around 2015”. %s is the formatted date. */
    return g_strdup_printf (C_("date qualifier", "perhaps around %s"), str->str);
  else if (self->flags & CHRONO_DATE_APPROXIMATE)
    /* Translators: an approximate date (EDTF “~”), e.g. “around 2015”
     * (Chinese: “约%s”). %s is the formatted date. */
    return g_strdup_printf (C_("date qualifier", "around %s"), str->str);
  else if (self->flags & CHRONO_DATE_UNCERTAIN)
    /* Translators: an uncertain date (EDTF “?”), e.g. “perhaps 2015”. %s is the
     * formatted date. */
    return g_strdup_printf (C_("date qualifier", "perhaps %s"), str->str);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/**
 * chrono_date_format_span:
 * @end: (nullable): the end, for a span
 *
 * The dates of an event, as every view shows them: the start alone, or the start and the
 * end, or the start alone when the end formats the same at their precisions.
 */
char *
chrono_date_format_span (const ChronoDate *start,
                         const ChronoDate *end)
{
  g_autofree char *start_text = chrono_date_format (start);
  g_autofree char *end_text = NULL;

  if (end == NULL)
    return g_steal_pointer (&start_text);

  end_text = chrono_date_format (end);
  if (g_strcmp0 (start_text, end_text) == 0)
    return g_steal_pointer (&start_text);

  /* Translators: a span of time, from the first date to the second */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

/**
 * chrono_date_precision_for_duration:
 *
 * How precisely to name the ends of a span of @seconds: years for a few years or more,
 * then months, days and minutes.
 */
ChronoPrecision
chrono_date_precision_for_duration (double seconds)
{
  if (seconds > 3 * 365.25 * 86400)
    return CHRONO_PRECISION_YEAR;
  if (seconds > 90 * 86400)
    return CHRONO_PRECISION_MONTH;
  if (seconds > 3 * 86400)
    return CHRONO_PRECISION_DAY;

  return CHRONO_PRECISION_MINUTE;
}
