/* chrono-date.h — a calendar date of any era, at a stated precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Seconds since 1970-01-01T00:00:00 UTC on the proleptic Gregorian calendar.
 * Every position on the time axis is a ChronoTime. */
typedef gint64 ChronoTime;

typedef enum
{
  CHRONO_PRECISION_YEAR,
  CHRONO_PRECISION_MONTH,
  CHRONO_PRECISION_DAY,
  CHRONO_PRECISION_HOUR,
  CHRONO_PRECISION_MINUTE,
  CHRONO_PRECISION_SECOND,
} ChronoPrecision;

typedef enum
{
  CHRONO_DATE_EXACT       = 0,
  CHRONO_DATE_APPROXIMATE = 1 << 0,   /* EDTF "~" */
  CHRONO_DATE_UNCERTAIN   = 1 << 1,   /* EDTF "?" */
} ChronoDateFlags;

/* Years are astronomical, as in ISO 8601 and EDTF: 0 is 1 BCE, -1 is 2 BCE.
 * Fields finer than the precision are 0 (month and day are then 1 when converted).
 * Sixteen bytes: every event holds two. */
typedef struct
{
  gint64          year;
  guint8          month;     /* 1–12 */
  guint8          day;       /* 1–31 */
  guint8          hour;
  guint8          minute;
  guint8          second;
  ChronoPrecision precision : 8;
  ChronoDateFlags flags : 8;
} ChronoDate;

/* The years a date can have either side of year 0: far enough for geology and
 * cosmology, near enough that every second of every such date fits in a gint64. */
#define CHRONO_DATE_YEAR_LIMIT G_GINT64_CONSTANT (100000000000)

#define CHRONO_TYPE_DATE (chrono_date_get_type ())
#define CHRONO_DATE_ERROR (chrono_date_error_quark ())

typedef enum
{
  CHRONO_DATE_ERROR_INVALID,
} ChronoDateError;

GType       chrono_date_get_type      (void) G_GNUC_CONST;
GQuark      chrono_date_error_quark   (void);
ChronoDate *chrono_date_copy          (const ChronoDate *self);
void        chrono_date_free          (ChronoDate       *self);
gboolean    chrono_date_parse         (const char       *text,
                                       ChronoDate       *out_date,
                                       GError          **error);
gboolean    chrono_date_is_valid      (const ChronoDate *self);
/* @year is astronomical (0 is 1 BC); @month from 1 to 12. */
guint       chrono_date_days_in_month (gint64            year,
                                       guint             month);
char       *chrono_date_to_edtf       (const ChronoDate *self);
int         chrono_date_compare       (const ChronoDate *a,
                                       const ChronoDate *b);
ChronoTime  chrono_date_get_start     (const ChronoDate *self);
ChronoTime  chrono_date_get_end       (const ChronoDate *self);
void        chrono_date_from_time     (ChronoTime        time,
                                       ChronoPrecision   precision,
                                       ChronoDate       *out_date);
char       *chrono_date_format        (const ChronoDate *self);
char       *chrono_date_format_span   (const ChronoDate *start,
                                       const ChronoDate *end);
ChronoPrecision chrono_date_precision_for_duration (double seconds);
gint64      chrono_floor_div          (gint64            a,
                                       gint64            b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoDate, chrono_date_free)

G_END_DECLS
