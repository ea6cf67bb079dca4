/* chrono-time-axis.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/chrono-date.h"

G_BEGIN_DECLS

/* Which font a piece of text is set in; the renderer measures each with its own font. */
typedef enum
{
  CHRONO_TEXT_LABEL,
  CHRONO_TEXT_AXIS,
  CHRONO_TEXT_AXIS_CONTEXT,
  CHRONO_TEXT_BADGE,
  CHRONO_TEXT_ERA,
  CHRONO_TEXT_OVERVIEW,      /* every text in the overview strip */
  CHRONO_TEXT_LABEL_AT_LEAST, /* not a font: at most the width CHRONO_TEXT_LABEL measures,
                               * found without shaping the text (0 when nothing is known) */
} ChronoTextKind;

/* Measures @text in logical pixels. Tests pass a simple arithmetic measure; the renderer
 * passes one that asks Pango. */
typedef void (*ChronoMeasureFunc) (ChronoTextKind  kind,
                                   const char     *text,
                                   double         *width,
                                   double         *height,
                                   gpointer        user_data);

typedef enum
{
  CHRONO_AXIS_UNIT_MINUTE,
  CHRONO_AXIS_UNIT_HOUR,
  CHRONO_AXIS_UNIT_DAY,
  CHRONO_AXIS_UNIT_MONTH,
  CHRONO_AXIS_UNIT_YEAR,
} ChronoAxisUnit;

typedef struct
{
  ChronoAxisUnit unit;
  gint64         count;
} ChronoAxisStep;

typedef struct
{
  double      x;
  ChronoTime  time;
  gboolean    major;
  char       *label;        /* NULL on minor ticks */
  double      label_width;
} ChronoAxisTick;

/* A coarser label that says where the ticks are: the year under months, the month under
 * days, the date under hours. */
typedef struct
{
  double  x;
  double  width;
  char   *text;
} ChronoAxisContext;

typedef struct
{
  ChronoAxisStep  major_step;
  ChronoAxisStep  minor_step;
  gboolean        has_minor;
  GArray         *ticks;          /* ChronoAxisTick, by x */
  GArray         *contexts;       /* ChronoAxisContext, by x */
  double          label_height;
  double          context_height;
} ChronoTimeAxis;

ChronoTimeAxis *chrono_time_axis_new          (double             start,
                                               double             end,
                                               double             width,
                                               ChronoMeasureFunc  measure,
                                               gpointer           user_data);
void            chrono_time_axis_free         (ChronoTimeAxis    *self);
char           *chrono_time_axis_format_year  (gint64             year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoTimeAxis, chrono_time_axis_free)

G_END_DECLS
