/* chrono-time-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-time-axis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chrono-time-axis.h"

#define MIN_MINOR_SPACING 7.0
#define LABEL_GAP         14.0

static const ChronoAxisStep fine_steps[] = {
  { CHRONO_AXIS_UNIT_MINUTE, 1 },
  { CHRONO_AXIS_UNIT_MINUTE, 5 },
  { CHRONO_AXIS_UNIT_MINUTE, 10 },
  { CHRONO_AXIS_UNIT_MINUTE, 15 },
  { CHRONO_AXIS_UNIT_MINUTE, 30 },
  { CHRONO_AXIS_UNIT_HOUR, 1 },
  { CHRONO_AXIS_UNIT_HOUR, 3 },
  { CHRONO_AXIS_UNIT_HOUR, 6 },
  { CHRONO_AXIS_UNIT_HOUR, 12 },
  { CHRONO_AXIS_UNIT_DAY, 1 },
  { CHRONO_AXIS_UNIT_DAY, 2 },
  { CHRONO_AXIS_UNIT_DAY, 7 },
  { CHRONO_AXIS_UNIT_MONTH, 1 },
  { CHRONO_AXIS_UNIT_MONTH, 3 },
  { CHRONO_AXIS_UNIT_MONTH, 6 },
};

/* Steps past the table are years in a 1, 2, 5 sequence, up to the age of the universe. */
#define N_STEPS (G_N_ELEMENTS (fine_steps) + 33)

static ChronoAxisStep
get_step (guint index)
{
  static const gint64 mantissa[] = { 1, 2, 5 };
  ChronoAxisStep step = { CHRONO_AXIS_UNIT_YEAR, 1 };
  guint k;

  if (index < G_N_ELEMENTS (fine_steps))
    return fine_steps[index];

  k = index - G_N_ELEMENTS (fine_steps);
  step.count = mantissa[k % 3];
  for (guint i = 0; i < k / 3; i++)
    step.count *= 10;

  return step;
}

static double
step_seconds (const ChronoAxisStep *step)
{
  switch (step->unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
      return 60.0 * step->count;
    case CHRONO_AXIS_UNIT_HOUR:
      return 3600.0 * step->count;
    case CHRONO_AXIS_UNIT_DAY:
      return 86400.0 * step->count;
    case CHRONO_AXIS_UNIT_MONTH:
      return 2629746.0 * step->count;
    case CHRONO_AXIS_UNIT_YEAR:
      return 31556952.0 * step->count;
    default:
      g_return_val_if_reached (1.0);
    }
}

static ChronoTime
time_of (gint64 year,
         guint  month,
         guint  day)
{
  ChronoDate date = { 0 };

  date.year = year;
  date.month = month;
  date.day = day;
  date.precision = CHRONO_PRECISION_DAY;

  return chrono_date_get_start (&date);
}

/* The day ticks of a step of n days restart on the first of each month and stop early
 * enough that the last one of a month is not crowded against the next first. */
static gboolean
is_day_tick (guint  day,
             gint64 n)
{
  return n == 1 || ((day - 1) % n == 0 && day <= 1 + n * ((28 - 1) / n));
}

/* Calls @func for every tick of @step in [start, end]. Returns FALSE if there would be
 * more than @limit ticks. */
static GArray *
collect_ticks (const ChronoAxisStep *step,
               double                start,
               double                end,
               guint                 limit)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (ChronoTime));
  ChronoTime first = (ChronoTime) floor (start);
  ChronoTime last = (ChronoTime) ceil (end);
  ChronoDate date;

  switch (step->unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
    case CHRONO_AXIS_UNIT_HOUR:
      {
        gint64 seconds = (gint64) step_seconds (step);

        for (ChronoTime t = chrono_floor_div (first, seconds) * seconds; t <= last && times->len < limit; t += seconds)
          if (t >= first)
            g_array_append_val (times, t);
      }
      break;

    case CHRONO_AXIS_UNIT_DAY:
      for (ChronoTime t = chrono_floor_div (first, 86400) * 86400; t <= last && times->len < limit; t += 86400)
        {
          chrono_date_from_time (t, CHRONO_PRECISION_DAY, &date);
          if (t >= first && is_day_tick (date.day, step->count))
            g_array_append_val (times, t);
        }
      break;

    case CHRONO_AXIS_UNIT_MONTH:
      {
        gint64 index;

        chrono_date_from_time (first, CHRONO_PRECISION_MONTH, &date);
        index = chrono_floor_div (date.year * 12 + (date.month - 1), step->count) * step->count;
        for (;; index += step->count)
          {
            ChronoTime t = time_of (chrono_floor_div (index, 12), index - chrono_floor_div (index, 12) * 12 + 1, 1);

            if (t > last || times->len >= limit)
              break;
            if (t >= first)
              g_array_append_val (times, t);
          }
      }
      break;

    case CHRONO_AXIS_UNIT_YEAR:
      {
        gint64 year;

        chrono_date_from_time (first, CHRONO_PRECISION_YEAR, &date);
        year = chrono_floor_div (date.year, step->count) * step->count;
        for (;; year += step->count)
          {
            /* Before the common era the round numbers are those people read, 400 BC
             * and 200 BC (astronomically -399 and -199), and year 0's tick is AD 1. */
            ChronoTime t = time_of (year <= 0 && step->count > 1 ? year + 1 : year, 1, 1);

            if (t > last || times->len >= limit)
              break;
            if (t >= first)
              g_array_append_val (times, t);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return times;
}

/* Years read as in every other date the app shows (the span label, the event pane):
 * one wording, including before the common era, from the model. */
static char *
format_in_model (gint64          year,
                 guint           month,
                 guint           day,
                 ChronoPrecision precision)
{
  ChronoDate date = { year, month, day, 0, 0, 0, precision, 0 };

  return chrono_date_format (&date);
}

char *
chrono_time_axis_format_year (gint64 year)
{
  return format_in_model (year, 0, 0, CHRONO_PRECISION_YEAR);
}

/* Formats with a strftime-like pattern (month names in the user's locale) when GDateTime
 * can represent the year; otherwise returns NULL. */
static char *
format_date_time (const char       *format,
                  const ChronoDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (date->year < 1 || date->year > 9999)
    return NULL;

  date_time = g_date_time_new_utc ((int) date->year, MAX (date->month, 1), MAX (date->day, 1),
                                   date->hour, date->minute, 0);
  if (date_time == NULL)
    return NULL;

  return g_date_time_format (date_time, format);
}

static char *
format_month_name (const ChronoDate *date)
{
  ChronoDate in_range = *date;

  in_range.year = 2000;
  /* Translators: an abbreviated month on the time axis, as in g_date_time_format(). */
  return format_date_time (C_("time axis", "%b"), &in_range);
}

static char *
format_tick (ChronoAxisUnit unit,
             ChronoTime     time)
{
  ChronoDate date;
  char *text;

  chrono_date_from_time (time, CHRONO_PRECISION_MINUTE, &date);

  switch (unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
    case CHRONO_AXIS_UNIT_HOUR:
      /* Translators: a time of day on the time axis, as in g_date_time_format(). */
      text = format_date_time (C_("time axis", "%H:%M"), &date);
      return text ? text : g_strdup_printf ("%02u:%02u", date.hour, date.minute);

    case CHRONO_AXIS_UNIT_DAY:
      /* Translators: a day of the month on the time axis, as in g_date_time_format();
       * in Chinese "%-d日". */
      text = format_date_time (C_("time axis", "%-d"), &date);
      return text ? text : g_strdup_printf ("%u", date.day);

    case CHRONO_AXIS_UNIT_MONTH:
      return format_month_name (&date);

    case CHRONO_AXIS_UNIT_YEAR:
      return chrono_time_axis_format_year (date.year);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* The coarser label that goes under ticks of @unit. NULL when there is none. */
static char *
format_context (ChronoAxisUnit unit,
                ChronoTime     time)
{
  ChronoDate date;
  char *text;

  chrono_date_from_time (time, CHRONO_PRECISION_DAY, &date);

  switch (unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
    case CHRONO_AXIS_UNIT_HOUR:
      /* Translators: a date under the hours of the time axis, as in g_date_time_format();
       * in Chinese "%Y年%-m月%-d日". */
      text = format_date_time (C_("time axis", "%-d %B %Y"), &date);
      return text ? text : format_in_model (date.year, date.month, date.day, CHRONO_PRECISION_DAY);

    case CHRONO_AXIS_UNIT_DAY:
      /* Translators: a month under the days of the time axis, as in g_date_time_format();
       * in Chinese "%Y年%-m月". */
      text = format_date_time (C_("time axis", "%B %Y"), &date);
      return text ? text : format_in_model (date.year, date.month, 0, CHRONO_PRECISION_MONTH);

    case CHRONO_AXIS_UNIT_MONTH:
      return chrono_time_axis_format_year (date.year);

    case CHRONO_AXIS_UNIT_YEAR:
      return NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Where a new context begins: a new year under months, a new month under days, a new
 * day under hours. */
static gboolean
starts_context (ChronoAxisUnit unit,
                ChronoTime     time)
{
  ChronoDate date;

  chrono_date_from_time (time, CHRONO_PRECISION_MINUTE, &date);

  switch (unit)
    {
    case CHRONO_AXIS_UNIT_MINUTE:
    case CHRONO_AXIS_UNIT_HOUR:
      return date.hour == 0 && date.minute == 0;
    case CHRONO_AXIS_UNIT_DAY:
      return date.day == 1;
    case CHRONO_AXIS_UNIT_MONTH:
      return date.month == 1;
    case CHRONO_AXIS_UNIT_YEAR:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
clear_tick (gpointer data)
{
  ChronoAxisTick *tick = data;

  g_free (tick->label);
}

static void
clear_context (gpointer data)
{
  ChronoAxisContext *context = data;

  g_free (context->text);
}

void
chrono_time_axis_free (ChronoTimeAxis *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->contexts, g_array_unref);
  g_free (self);
}

static void
add_contexts (ChronoTimeAxis    *self,
              double             start,
              double             end,
              double             width,
              ChronoMeasureFunc  measure,
              gpointer           user_data)
{
  ChronoAxisUnit unit = self->major_step.unit;
  double scale = width / (end - start);
  ChronoAxisContext sticky = { 0 };
  double height = 0;

  if (unit == CHRONO_AXIS_UNIT_YEAR)
    return;

  /* The context of the left edge stays put until the next one pushes it away, like the
   * headers of a list. */
  sticky.text = format_context (unit, (ChronoTime) floor (start));
  measure (CHRONO_TEXT_AXIS_CONTEXT, sticky.text, &sticky.width, &height, user_data);
  self->context_height = MAX (self->context_height, height);
  sticky.x = 4;
  g_array_append_val (self->contexts, sticky);

  for (guint i = 0; i < self->ticks->len; i++)
    {
      ChronoAxisTick *tick = &g_array_index (self->ticks, ChronoAxisTick, i);
      ChronoAxisContext *previous;
      ChronoAxisContext context = { 0 };

      if (!tick->major || !starts_context (unit, tick->time))
        continue;

      context.text = format_context (unit, tick->time);
      measure (CHRONO_TEXT_AXIS_CONTEXT, context.text, &context.width, &height, user_data);
      context.x = (tick->time - start) * scale + 3;

      previous = &g_array_index (self->contexts, ChronoAxisContext, self->contexts->len - 1);
      if (previous->x + previous->width + LABEL_GAP > context.x)
        {
          if (self->contexts->len == 1)
            {
              /* Push the sticky label left, out of view if needs be. */
              previous->x = context.x - LABEL_GAP - previous->width;
              if (previous->x + previous->width < 0)
                g_array_remove_index (self->contexts, 0);
            }
          else
            {
              g_free (context.text);
              continue;
            }
        }

      g_array_append_val (self->contexts, context);
    }
}

/* The widest label @unit can have between @start and @end: the step chosen must not
 * depend on which day or month the view happens to end in, or it would change while
 * the view pans. */
static void
widest_label (ChronoAxisUnit     unit,
              double             start,
              double             end,
              ChronoMeasureFunc  measure,
              gpointer           user_data,
              double            *width,
              double            *height)
{
  ChronoTime samples[12];
  guint n_samples = 0;
  ChronoDate date;

  chrono_date_from_time ((ChronoTime) floor (end), CHRONO_PRECISION_DAY, &date);
  switch (unit)
    {
    case CHRONO_AXIS_UNIT_DAY:
      samples[n_samples++] = time_of (date.year, date.month, 28);
      break;
    case CHRONO_AXIS_UNIT_MONTH:
      for (guint month = 1; month <= 12; month++)
        samples[n_samples++] = time_of (date.year, month, 1);
      break;
    case CHRONO_AXIS_UNIT_YEAR:
      samples[n_samples++] = (ChronoTime) floor (start);
      samples[n_samples++] = (ChronoTime) floor (end);
      break;
    case CHRONO_AXIS_UNIT_MINUTE:
    case CHRONO_AXIS_UNIT_HOUR:
    default:
      samples[n_samples++] = (ChronoTime) floor (end);
      break;
    }

  *width = *height = 0;
  for (guint i = 0; i < n_samples; i++)
    {
      g_autofree char *text = format_tick (unit, samples[i]);
      double sample_width = 0, sample_height = 0;

      measure (CHRONO_TEXT_AXIS, text, &sample_width, &sample_height, user_data);
      *width = MAX (*width, sample_width);
      *height = MAX (*height, sample_height);
    }
}

/**
 * chrono_time_axis_new:
 * @start: (in seconds) the visible start
 * @end: the visible end
 * @width: the width in pixels
 *
 * Chooses tick steps for the visible span: the smallest step whose labels fit side by
 * side, and a finer one for unlabelled minor ticks, and formats the labels in the
 * user's locale.
 */
ChronoTimeAxis *
chrono_time_axis_new (double             start,
                      double             end,
                      double             width,
                      ChronoMeasureFunc  measure,
                      gpointer           user_data)
{
  g_autoptr(ChronoTimeAxis) self = g_new0 (ChronoTimeAxis, 1);
  g_autoptr(GArray) times = NULL;
  double scale;
  guint major = N_STEPS - 1;

  self->ticks = g_array_new (FALSE, TRUE, sizeof (ChronoAxisTick));
  g_array_set_clear_func (self->ticks, clear_tick);
  self->contexts = g_array_new (FALSE, TRUE, sizeof (ChronoAxisContext));
  g_array_set_clear_func (self->contexts, clear_context);

  if (!(end > start) || !(width > 0) || !isfinite (start) || !isfinite (end))
    return g_steal_pointer (&self);

  scale = width / (end - start);

  for (guint i = 0; i < N_STEPS; i++)
    {
      ChronoAxisStep step = get_step (i);
      double sample_width = 0, sample_height = 0;

      if (step_seconds (&step) * scale < 20)
        continue;

      widest_label (step.unit, start, end, measure, user_data, &sample_width, &sample_height);
      /* Month names read better with more room between them. */
      if (step.unit == CHRONO_AXIS_UNIT_MONTH)
        sample_width *= 1.3;
      self->label_height = MAX (self->label_height, sample_height);

      if (step_seconds (&step) * scale * (step.unit == CHRONO_AXIS_UNIT_DAY && step.count > 1 ? 0.7 : 0.9)
          >= sample_width + LABEL_GAP)
        {
          major = i;
          break;
        }
    }

  self->major_step = get_step (major);

  for (guint i = major; i-- > 0;)
    {
      ChronoAxisStep step = get_step (i);
      double spacing = step_seconds (&step) * scale;

      if (spacing < MIN_MINOR_SPACING)
        break;

      if (step.unit != self->major_step.unit || self->major_step.count % step.count == 0)
        {
          self->minor_step = step;
          self->has_minor = TRUE;
          break;
        }
    }

  if (self->has_minor)
    {
      times = collect_ticks (&self->minor_step, start, end, (guint) (width / MIN_MINOR_SPACING) + 4);
      for (guint i = 0; i < times->len; i++)
        {
          ChronoAxisTick tick = { 0 };

          tick.time = g_array_index (times, ChronoTime, i);
          tick.x = (tick.time - start) * scale;
          g_array_append_val (self->ticks, tick);
        }
      g_clear_pointer (&times, g_array_unref);
    }

  times = collect_ticks (&self->major_step, start, end, (guint) (width / 10) + 4);
  for (guint i = 0, j = 0; i < times->len; i++)
    {
      ChronoAxisTick tick = { 0 };
      double height;

      tick.time = g_array_index (times, ChronoTime, i);
      tick.x = (tick.time - start) * scale;
      tick.major = TRUE;
      tick.label = format_tick (self->major_step.unit, tick.time);
      measure (CHRONO_TEXT_AXIS, tick.label, &tick.label_width, &height, user_data);
      self->label_height = MAX (self->label_height, height);

      /* Major ticks replace the minor ticks at the same time; both lists are sorted. */
      while (j < self->ticks->len && g_array_index (self->ticks, ChronoAxisTick, j).time < tick.time)
        j++;
      if (j < self->ticks->len && g_array_index (self->ticks, ChronoAxisTick, j).time == tick.time)
        {
          g_array_index (self->ticks, ChronoAxisTick, j) = tick;
        }
      else
        {
          g_array_insert_val (self->ticks, j, tick);
        }
    }

  /* Month names and day numbers differ in width: drop a label that would touch the one
   * before it rather than let them overlap. */
  for (guint i = 0, last = G_MAXUINT; i < self->ticks->len; i++)
    {
      ChronoAxisTick *tick = &g_array_index (self->ticks, ChronoAxisTick, i);

      if (tick->label == NULL)
        continue;

      /* Half a label at the right edge reads as a different number. */
      if (tick->x + 3 + tick->label_width > width)
        {
          g_clear_pointer (&tick->label, g_free);
          continue;
        }

      if (last != G_MAXUINT)
        {
          ChronoAxisTick *previous = &g_array_index (self->ticks, ChronoAxisTick, last);

          if (previous->x + 3 + previous->label_width + 6 > tick->x + 3)
            {
              g_clear_pointer (&tick->label, g_free);
              continue;
            }
        }
      last = i;
    }

  add_contexts (self, start, end, width, measure, user_data);

  return g_steal_pointer (&self);
}
