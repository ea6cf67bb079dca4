/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "model/chrono-date.h"

static ChronoDate
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  ChronoDate date = { 0 };

  g_assert_true (chrono_date_parse (text, &date, &error));
  g_assert_no_error (error);
  g_assert_true (chrono_date_is_valid (&date));

  return date;
}

static void
test_parse_edtf (void)
{
  ChronoDate date;

  date = parse ("2012");
  g_assert_cmpint (date.year, ==, 2012);
  g_assert_cmpint (date.month, ==, 0);
  g_assert_cmpint (date.precision, ==, CHRONO_PRECISION_YEAR);
  g_assert_cmpint (date.flags, ==, CHRONO_DATE_EXACT);

  date = parse ("2022-11");
  g_assert_cmpint (date.year, ==, 2022);
  g_assert_cmpint (date.month, ==, 11);
  g_assert_cmpint (date.day, ==, 0);
  g_assert_cmpint (date.precision, ==, CHRONO_PRECISION_MONTH);

  date = parse ("2022-11-30");
  g_assert_cmpint (date.day, ==, 30);
  g_assert_cmpint (date.precision, ==, CHRONO_PRECISION_DAY);

  date = parse ("2022-11-30T18:05");
  g_assert_cmpint (date.hour, ==, 18);
  g_assert_cmpint (date.minute, ==, 5);
  g_assert_cmpint (date.second, ==, 0);
  g_assert_cmpint (date.precision, ==, CHRONO_PRECISION_MINUTE);

  date = parse ("2022-11-30T18:05:59");
  g_assert_cmpint (date.second, ==, 59);
  g_assert_cmpint (date.precision, ==, CHRONO_PRECISION_SECOND);

  date = parse ("2024-02-29");
  g_assert_cmpint (date.day, ==, 29);
  date = parse ("2000-02-29");
  g_assert_cmpint (date.year, ==, 2000);
}

static void
test_parse_flags (void)
{
  ChronoDate date;

  date = parse ("2015~");
  g_assert_cmpint (date.year, ==, 2015);
  g_assert_cmpint (date.flags, ==, CHRONO_DATE_APPROXIMATE);

  date = parse ("2015?");
  g_assert_cmpint (date.flags, ==, CHRONO_DATE_UNCERTAIN);

  date = parse ("2015-12%");
  g_assert_cmpint (date.month, ==, 12);
  g_assert_cmpint (date.flags, ==, CHRONO_DATE_APPROXIMATE | CHRONO_DATE_UNCERTAIN);

  date = parse ("2022-12-08T14:00~");
  g_assert_cmpint (date.hour, ==, 14);
  g_assert_cmpint (date.flags, ==, CHRONO_DATE_APPROXIMATE);
}

static void
test_parse_bce_and_big_years (void)
{
  ChronoDate date;

  date = parse ("-0500");
  g_assert_cmpint (date.year, ==, -500);

  date = parse ("0000");
  g_assert_cmpint (date.year, ==, 0);

  date = parse ("-12000");
  g_assert_cmpint (date.year, ==, -12000);

  date = parse ("250000");
  g_assert_cmpint (date.year, ==, 250000);

  date = parse ("-0044-03-15");
  g_assert_cmpint (date.year, ==, -44);
  g_assert_cmpint (date.month, ==, 3);
  g_assert_cmpint (date.day, ==, 15);

  /* -4 is 5 BCE, a leap year in the proleptic Gregorian calendar. */
  date = parse ("-0004-02-29");
  g_assert_cmpint (date.day, ==, 29);

  date = parse ("-13800000000");
  g_assert_cmpint (date.year, ==, G_GINT64_CONSTANT (-13800000000));
}

static void
assert_invalid (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  ChronoDate date = { 0 };

  g_assert_false (chrono_date_parse (text, &date, &error));
  g_assert_error (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_parse_invalid (void)
{
  assert_invalid ("2022-13", "“2022-13” is not a date: month 13 does not exist");
  assert_invalid ("2022-00", "“2022-00” is not a date: month 0 does not exist");
  assert_invalid ("2023-02-29", "“2023-02-29” is not a date: that month has no day 29");
  assert_invalid ("1900-02-29", NULL);
  assert_invalid ("2022-04-31", NULL);
  assert_invalid ("2022-11-30T24:00", "“2022-11-30T24:00” is not a date: hour 24 does not exist");
  assert_invalid ("2022-11-30T18:60", NULL);
  assert_invalid ("2022-11-30T18:00:60", NULL);
  assert_invalid ("", NULL);
  assert_invalid ("12", NULL);
  assert_invalid ("201", NULL);
  assert_invalid ("2012-1", NULL);
  assert_invalid ("2012-01-1", NULL);
  assert_invalid ("2012-01-01T1:00", NULL);
  assert_invalid ("2012-01-01T", NULL);
  assert_invalid ("2012 ", NULL);
  assert_invalid (" 2012", NULL);
  assert_invalid ("2012~~", NULL);
  assert_invalid ("2012~?", NULL);
  assert_invalid ("-0000", NULL);
  assert_invalid ("+2012", NULL);
  assert_invalid ("2012-11-30T18", NULL);
  assert_invalid ("two thousand", NULL);
  assert_invalid ("9999999999999", "“9999999999999” is not a date: the year is too far in the past or the future");
}

static void
test_to_edtf (void)
{
  const char *forms[] = {
    "2012", "2022-11", "2022-11-30", "2022-11-30T18:00", "2022-11-30T18:00:05",
    "2015~", "2015?", "2015%", "-0500", "0000", "-12000", "250000", "0044-03-15~",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      ChronoDate date = parse (forms[i]);
      g_autofree char *edtf = chrono_date_to_edtf (&date);

      g_assert_cmpstr (edtf, ==, forms[i]);
    }
}

static void
test_start_end (void)
{
  ChronoDate date;

  date = parse ("1970");
  g_assert_cmpint (chrono_date_get_start (&date), ==, 0);
  g_assert_cmpint (chrono_date_get_end (&date), ==, 365 * 86400);

  date = parse ("1972-02");
  g_assert_cmpint (chrono_date_get_end (&date) - chrono_date_get_start (&date), ==, 29 * 86400);

  date = parse ("2022-11-30");
  g_assert_cmpint (chrono_date_get_start (&date), ==, G_GINT64_CONSTANT (1669766400));
  g_assert_cmpint (chrono_date_get_end (&date), ==, G_GINT64_CONSTANT (1669766400) + 86400);

  date = parse ("2022-11-30T18:00");
  g_assert_cmpint (chrono_date_get_start (&date), ==, G_GINT64_CONSTANT (1669766400) + 18 * 3600);
  g_assert_cmpint (chrono_date_get_end (&date), ==, G_GINT64_CONSTANT (1669766400) + 18 * 3600 + 60);

  date = parse ("2022-12");
  g_assert_cmpint (chrono_date_get_end (&date), ==, chrono_date_get_start (&(ChronoDate) { 2023, 0, 0, 0, 0, 0, CHRONO_PRECISION_YEAR, 0 }));

  /* 1969-12-31 is the day before the epoch. */
  date = parse ("1969-12-31");
  g_assert_cmpint (chrono_date_get_start (&date), ==, -86400);

  /* Year 0 (1 BCE) is a leap year; year 1 starts 366 days after it. */
  date = parse ("0000");
  g_assert_cmpint (chrono_date_get_end (&date) - chrono_date_get_start (&date), ==, 366 * 86400);

  /* 400 Gregorian years are always 146097 days, far from the epoch too. */
  {
    ChronoDate a = parse ("-100000");
    ChronoDate b = parse ("-99600");

    g_assert_cmpint (chrono_date_get_start (&b) - chrono_date_get_start (&a), ==, G_GINT64_CONSTANT (146097) * 86400);
  }
}

static void
test_from_time (void)
{
  const char *forms[] = {
    "2012", "2022-11", "2022-11-30", "2022-11-30T18:05", "2022-11-30T18:05:09",
    "1969-12-31T23:59:59", "-0500", "-0044-03-15", "0000-02-29", "250000-12-31", "-13800000000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      ChronoDate date = parse (forms[i]);
      ChronoDate back;
      g_autofree char *edtf = NULL;

      chrono_date_from_time (chrono_date_get_start (&date), date.precision, &back);
      edtf = chrono_date_to_edtf (&back);
      g_assert_cmpstr (edtf, ==, forms[i]);

      /* The last second of the period still belongs to it. */
      chrono_date_from_time (chrono_date_get_end (&date) - 1, date.precision, &back);
      g_clear_pointer (&edtf, g_free);
      edtf = chrono_date_to_edtf (&back);
      g_assert_cmpstr (edtf, ==, forms[i]);
    }

  /* Every day over a few thousand years, against a day-by-day walk. */
  {
    ChronoDate date;
    gint64 year = -2001;
    guint month = 1, day = 1;
    ChronoTime t = chrono_date_get_start (&(ChronoDate) { -2001, 1, 1, 0, 0, 0, CHRONO_PRECISION_DAY, 0 });

    for (guint i = 0; i < 4000 * 366; i++)
      {
        static const guint8 lengths[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
        gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        guint length = lengths[month - 1] + (month == 2 && leap ? 1 : 0);

        chrono_date_from_time (t, CHRONO_PRECISION_DAY, &date);
        if (date.year != year || date.month != month || date.day != day)
          g_error ("day %u: expected %" G_GINT64_FORMAT "-%u-%u, got %" G_GINT64_FORMAT "-%u-%u",
                   i, year, month, day, date.year, date.month, date.day);

        t += 86400;
        if (++day > length)
          {
            day = 1;
            if (++month > 12)
              {
                month = 1;
                year++;
              }
          }
      }
  }
}

static void
test_compare (void)
{
  ChronoDate a, b;

  a = parse ("2012");
  b = parse ("2022-11-30");
  g_assert_cmpint (chrono_date_compare (&a, &b), <, 0);
  g_assert_cmpint (chrono_date_compare (&b, &a), >, 0);
  g_assert_cmpint (chrono_date_compare (&a, &a), ==, 0);

  a = parse ("-0500");
  b = parse ("0000");
  g_assert_cmpint (chrono_date_compare (&a, &b), <, 0);

  /* Same first second: the shorter period first. */
  a = parse ("2022-01-01");
  b = parse ("2022");
  g_assert_cmpint (chrono_date_compare (&a, &b), <, 0);

  a = parse ("2015");
  b = parse ("2015~");
  g_assert_cmpint (chrono_date_compare (&a, &b), <, 0);
  g_assert_cmpint (chrono_date_compare (&b, &a), >, 0);
}

static void
test_boxed (void)
{
  ChronoDate date = parse ("2022-11-30~");
  g_autoptr(ChronoDate) copy = chrono_date_copy (&date);

  g_assert_true (G_TYPE_IS_BOXED (CHRONO_TYPE_DATE));
  g_assert_cmpint (chrono_date_compare (&date, copy), ==, 0);
  g_assert_cmpint (copy->flags, ==, CHRONO_DATE_APPROXIMATE);
}

static void
assert_format (const char *edtf,
               const char *expected)
{
  ChronoDate date = parse (edtf);
  g_autofree char *text = chrono_date_format (&date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_english (void)
{
  assert_format ("2012", "2012");
  assert_format ("2022-11", "November 2022");
  assert_format ("2022-11-30", "30 November 2022");
  assert_format ("2022-11-30T18:00", "30 November 2022, 18:00");
  assert_format ("2022-11-30T18:00:05", "30 November 2022, 18:00:05");
  assert_format ("2015~", "around 2015");
  assert_format ("2015?", "perhaps 2015");
  assert_format ("2015%", "perhaps around 2015");
  assert_format ("-0499", "500 BC");
  assert_format ("0000", "1 BC");
  assert_format ("0001", "1");
  assert_format ("-0043-03-15", "15 March 44 BC");
  assert_format ("250000", "250000");
  assert_format ("2022-01~", "around January 2022");
}

/* The Chinese patterns come from a small test catalogue (tests/data/zh_CN-date-test.po),
 * compiled at build time, so that this test does not wait for po/zh_CN.po. */
static void
use_chinese (gboolean chinese)
{
  if (chinese)
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "C.UTF-8");
    }
}

static void
test_format_chinese (void)
{
  use_chinese (TRUE);

  assert_format ("2012", "2012年");
  assert_format ("2022-11", "2022年11月");
  assert_format ("2022-11-30", "2022年11月30日");
  assert_format ("2022-11-30T18:00", "2022年11月30日 18:00");
  assert_format ("2015~", "约2015年");
  assert_format ("2015?", "可能是2015年");
  assert_format ("-0499", "公元前500年");
  assert_format ("-0499-03", "公元前500年3月");

  use_chinese (FALSE);
  assert_format ("2022-11", "November 2022");
}

static void
assert_span (const char *start_edtf,
             const char *end_edtf,
             const char *expected)
{
  ChronoDate start = parse (start_edtf);
  ChronoDate end = { 0 };
  g_autofree char *text = NULL;

  if (end_edtf != NULL)
    end = parse (end_edtf);
  text = chrono_date_format_span (&start, end_edtf != NULL ? &end : NULL);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_span (void)
{
  assert_span ("2012", NULL, "2012");
  assert_span ("2015", "2022-11-29", "2015 – 29 November 2022");
  assert_span ("2012~", "2015~", "around 2012 – around 2015");
  /* An end that reads the same as the start is said once. */
  assert_span ("2022-11-30", "2022-11-30", "30 November 2022");
  assert_span ("2022", "2022", "2022");
}

static void
test_precision_for_duration (void)
{
  const double day = 86400;

  g_assert_cmpint (chrono_date_precision_for_duration (15 * 365.25 * day), ==, CHRONO_PRECISION_YEAR);
  g_assert_cmpint (chrono_date_precision_for_duration (3 * 365.25 * day + 1), ==, CHRONO_PRECISION_YEAR);
  g_assert_cmpint (chrono_date_precision_for_duration (3 * 365.25 * day), ==, CHRONO_PRECISION_MONTH);
  g_assert_cmpint (chrono_date_precision_for_duration (91 * day), ==, CHRONO_PRECISION_MONTH);
  g_assert_cmpint (chrono_date_precision_for_duration (90 * day), ==, CHRONO_PRECISION_DAY);
  g_assert_cmpint (chrono_date_precision_for_duration (4 * day), ==, CHRONO_PRECISION_DAY);
  g_assert_cmpint (chrono_date_precision_for_duration (3 * day), ==, CHRONO_PRECISION_MINUTE);
  g_assert_cmpint (chrono_date_precision_for_duration (60), ==, CHRONO_PRECISION_MINUTE);
}

static void
test_floor_div (void)
{
  g_assert_cmpint (chrono_floor_div (7, 2), ==, 3);
  g_assert_cmpint (chrono_floor_div (6, 2), ==, 3);
  g_assert_cmpint (chrono_floor_div (-7, 2), ==, -4);
  g_assert_cmpint (chrono_floor_div (-6, 2), ==, -3);
  g_assert_cmpint (chrono_floor_div (7, -2), ==, -4);
  g_assert_cmpint (chrono_floor_div (-7, -2), ==, 3);
  g_assert_cmpint (chrono_floor_div (0, 5), ==, 0);
  /* A second before 1970 is on the day before. */
  g_assert_cmpint (chrono_floor_div (-1, 86400), ==, -1);
  g_assert_cmpint (chrono_floor_div (-86400, 86400), ==, -1);
  g_assert_cmpint (chrono_floor_div (-86401, 86400), ==, -2);
  g_assert_cmpint (chrono_floor_div (G_MININT64 + 1, 400), ==, (G_MININT64 + 1) / 400 - 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/date/parse-edtf", test_parse_edtf);
  g_test_add_func ("/model/date/parse-flags", test_parse_flags);
  g_test_add_func ("/model/date/parse-bce-big-years", test_parse_bce_and_big_years);
  g_test_add_func ("/model/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/model/date/to-edtf", test_to_edtf);
  g_test_add_func ("/model/date/start-end", test_start_end);
  g_test_add_func ("/model/date/from-time", test_from_time);
  g_test_add_func ("/model/date/compare", test_compare);
  g_test_add_func ("/model/date/boxed", test_boxed);
  g_test_add_func ("/model/date/format-english", test_format_english);
  g_test_add_func ("/model/date/format-chinese", test_format_chinese);
  g_test_add_func ("/model/date/format-span", test_format_span);
  g_test_add_func ("/model/date/precision-for-duration", test_precision_for_duration);
  g_test_add_func ("/model/date/floor-div", test_floor_div);

  return g_test_run ();
}
