/* chrono-layout-labels.c — where each label goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "chrono-layout-private.h"

static inline gboolean
rects_intersect (const ChronoRect *a,
                 const ChronoRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

#define COVERED_RUN 16

/* A row's bit in the covered words; rows past 64 have none (no words are kept then). */
static inline guint64
row_bit (guint row)
{
  return row < 64 ? G_GUINT64_CONSTANT (1) << row : 0;
}

void
_chrono_label_rows_init (ChronoLabelRows *rows,
                         ChronoLayout    *self)
{
  rows->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < self->n_rows; r++)
    g_ptr_array_add (rows->rows, g_array_new (FALSE, FALSE, sizeof (guint)));

  rows->use_covered = self->n_rows <= 64 && self->width == floor (self->width) && self->width <= 65536;
  rows->n_columns = rows->use_covered ? (guint) self->width : 0;
  rows->covered_ahead = rows->use_covered ? g_new0 (guint64, rows->n_columns) : NULL;
}

void
_chrono_label_rows_clear (ChronoLabelRows *rows)
{
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
  g_clear_pointer (&rows->covered_ahead, g_free);
}

static gboolean
on_whole_pixels (const ChronoRect *box)
{
  return box->x == floor (box->x) && box->width == floor (box->width);
}

/* Rows where a label in @box, with its gap on either side, would overlap a label
 * already there: one with a pixel column in common. Not always all of them: boxes too
 * narrow, or not on whole pixels (none the layout makes, but for safety), make every
 * row worth a closer look. */
guint64
_chrono_label_rows_covering (ChronoLabelRows  *rows,
                             const ChronoRect *box,
                             guint             first_row,
                             guint             last_row)
{
  guint64 wanted, covering = 0;
  guint from, to;

  if (!rows->use_covered || !on_whole_pixels (box))
    return 0;

  wanted = (last_row >= 64 ? G_MAXUINT64 : row_bit (last_row) - 1) & ~(row_bit (first_row) - 1);

  /* Whole numbers: the gap is too. */
  from = (guint) MAX (box->x - LABEL_GAP / 2, 0);
  to = (guint) MIN (box->x + box->width + LABEL_GAP / 2, rows->n_columns);
  if (from + COVERED_RUN > to)
    return 0;

  /* Whole runs, the last one ending at @to; in a crowded view every row is soon found
   * covered. */
  for (guint x = from; x + COVERED_RUN <= to && (covering & wanted) != wanted; x += COVERED_RUN)
    covering |= rows->covered_ahead[x];
  covering |= rows->covered_ahead[to - COVERED_RUN];

  return covering;
}

void
_chrono_label_rows_add (ChronoLabelRows *rows,
                        ChronoLayout    *self,
                        guint            row,
                        guint            index)
{
  const ChronoRect *box = &g_array_index (self->labels, ChronoLayoutLabel, index).box;
  guint64 *covered_ahead = rows->covered_ahead;
  guint64 bit = row_bit (row);
  guint from, to;

  g_array_append_val (g_ptr_array_index (rows->rows, row), index);
  if (!rows->use_covered)
    return;
  if (!on_whole_pixels (box) || box->x < 0 || box->x + box->width > rows->n_columns)
    {
      rows->use_covered = FALSE;
      return;
    }
  from = (guint) box->x;
  to = (guint) (box->x + box->width);
  for (guint x = from < COVERED_RUN ? 0 : from + 1 - COVERED_RUN; x < to; x++)
    covered_ahead[x] |= bit;
}

static gboolean
label_fits (ChronoLayout     *self,
            ChronoLabelRows  *rows,
            const ChronoRect *box,
            double            stem_x,
            guint             row,
            gboolean          strict)
{
  GArray *same_row = g_ptr_array_index (rows->rows, row);
  ChronoRect padded = *box;

  padded.x -= LABEL_GAP / 2;
  padded.width += LABEL_GAP;

  for (guint i = 0; i < same_row->len; i++)
    {
      guint other = g_array_index (same_row, guint, i);
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, other);

      if (rects_intersect (&padded, &label->box))
        return FALSE;
    }

  /* A lane's name holds the left of its top row. */
  for (guint i = 0; i < self->lanes->len; i++)
    if (chrono_rect_intersects (&padded, &g_array_index (self->lanes, ChronoLayoutLane, i).name_box))
      return FALSE;

  if (!strict)
    return TRUE;

  /* The stems of labels above pass through this row, and this label's stem passes
   * through the rows below: in the first try neither may cross a label. */
  for (guint i = 0; i < self->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, i);

      if (label->row > row && label->stem_x >= padded.x && label->stem_x <= padded.x + padded.width)
        return FALSE;
      if (label->row < row && stem_x >= label->box.x - 1 && stem_x <= label->box.x + label->box.width + 1)
        return FALSE;
    }

  return TRUE;
}

static gboolean
any_row_fits (ChronoLayout     *self,
              ChronoLabelRows  *rows,
              ChronoRect       *box,
              double            stem_x,
              guint             first_row,
              guint             last_row)
{
  guint64 covering = _chrono_label_rows_covering (rows, box, first_row, last_row);

  for (guint row = first_row; row < last_row; row++)
    {
      if (covering & row_bit (row))
        continue;
      box->y = _chrono_layout_row_y (self, row);
      if (label_fits (self, rows, box, stem_x, row, FALSE))
        return TRUE;
    }

  return FALSE;
}

/* Whether a moment's label @width wide, or any wider one, could go into a row: where
 * it would go, from the moment to the right or, near the right edge, hanging to its left,
 * the same as below. */
static gboolean
moment_box_fits (ChronoLayout    *self,
                 ChronoLabelRows *rows,
                 double           x0,
                 double           width,
                 guint            first_row,
                 guint            last_row)
{
  double right_edge = floor (self->width);
  double widest = MIN (MAX_LABEL_WIDTH, right_edge);
  ChronoRect box = { floor (x0), 0, MIN (width, right_edge), self->row_height };
  ChronoRect hanging = box;

  hanging.x = CLAMP (floor (x0) + 1 - box.width, 0, right_edge - box.width);
  if (box.x + box.width > self->width)
    return any_row_fits (self, rows, &hanging, floor (x0) + 0.5, first_row, last_row);

  box.x = CLAMP (box.x, 0, right_edge - box.width);
  if (any_row_fits (self, rows, &box, floor (x0) + 0.5, first_row, last_row))
    return TRUE;

  /* A wider label might have to hang to the left. */
  return floor (x0) + widest > self->width &&
         any_row_fits (self, rows, &hanging, floor (x0) + 0.5, first_row, last_row);
}

/* The least width @candidate's label can have, without shaping its title: most candidates
 * in a crowd are turned away on this, and a new title costs more to shape than all the
 * rest of its candidate. The frame after takes it from the layout's memo. */
static double
label_width_at_least (ChronoLayout             *self,
                      Candidate                *candidate,
                      double                    chrome,
                      const ChronoLayoutParams *params)
{
  if (isnan (candidate->text_width_at_least))
    {
      double text_height = 0;

      params->measure (CHRONO_TEXT_LABEL_AT_LEAST, chrono_layout_event_text (candidate->event),
                       &candidate->text_width_at_least, &text_height, params->measure_data);
      if (candidate->known != G_MAXUINT)
        self->memo->events[candidate->known].text_width_at_least =
          candidate->text_width_at_least;
    }

  return MIN (MAX (ceil (candidate->text_width_at_least) + chrome, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH);
}

/* Adds @label in @row, if it fits there. */
static gboolean
put_in_row (ChronoLayout      *self,
            ChronoLabelRows   *rows,
            ChronoLayoutLabel *label,
            guint              row,
            guint64            covering,
            gboolean           strict)
{
  if (covering & row_bit (row))
    return FALSE;
  label->box.y = _chrono_layout_row_y (self, row);
  if (!label_fits (self, rows, &label->box, label->stem_x, row, strict))
    return FALSE;

  label->row = row;
  label->crossed = !strict;
  g_array_append_val (self->labels, *label);
  _chrono_label_rows_add (rows, self, row, self->labels->len - 1);

  return TRUE;
}

gboolean
_chrono_layout_place_label (ChronoLayout             *self,
                            ChronoLabelRows          *rows,
                            Candidate                *candidate,
                            const ChronoLayoutParams *params,
                            gboolean                  in_shown_row)
{
  ChronoLayoutLabel label = { 0 };
  ChronoEvent *event = candidate->event;
  const ChronoDate *end_date;
  double text_width = 0, text_height = 0;
  double chrome = 2 * LABEL_PAD_X + LABEL_ACCENT;
  double x0, x1;
  guint first_row = 0, last_row = self->n_rows;
  guint64 covering;
  gboolean relaxed;

  if (self->lanes->len > 0)
    {
      guint lane = chrono_layout_get_lane (self, chrono_event_get_category (event));
      const ChronoLayoutLane *band;

      /* An event whose category got no lane (too little room) is only counted. */
      if (lane == G_MAXUINT)
        return FALSE;
      band = &g_array_index (self->lanes, ChronoLayoutLane, lane);
      first_row = band->first_row;
      last_row = band->first_row + band->n_rows;
    }

  /* Measuring text is the costly part of a layout: first see whether even the narrowest
   * label could go anywhere near this event, as happens to most of them in a crowd. */
  x0 = _chrono_layout_time_to_x (self, (double) candidate->start);
  x1 = _chrono_layout_time_to_x (self, (double) candidate->end);
  /* A moment, not a range nor a date wide enough to be drawn as a span (see below). */
  if (in_shown_row)
    {
      /* Its title is shaped already, and it was shown: no need to look first. */
    }
  else if (x1 - x0 < 2 || (candidate->duration == 0 && x1 - x0 < 6))
    {
      if (x0 >= 0 && x0 <= self->width &&
          (!moment_box_fits (self, rows, x0, MIN_LABEL_WIDTH, first_row, last_row) ||
           !moment_box_fits (self, rows, x0, label_width_at_least (self, candidate, chrome, params), first_row, last_row)))
        return FALSE;
    }
  else
    {
      /* A range's label covers at least the range, from where it starts, unless it has
       * to move away from the right edge. */
      double visible_x0 = round (CLAMP (x0, 0, self->width));
      double range_width = floor (CLAMP (x1, 0, self->width)) - visible_x0;
      ChronoRect narrow = { visible_x0, 0, MAX (range_width, MIN_LABEL_WIDTH), self->row_height };

      if (visible_x0 + MAX (range_width, MAX_LABEL_WIDTH) <= floor (self->width) &&
          !any_row_fits (self, rows, &narrow, visible_x0 + 0.5, first_row, last_row))
        return FALSE;
    }

  end_date = chrono_event_get_end (event);
  label.event = event;
  label.item = candidate->item;
  label.position = candidate->position;
  label.flags = chrono_event_get_start (event)->flags | (end_date ? end_date->flags : 0);

  label.x = x0;
  label.x_end = x1;
  label.is_range = end_date != NULL && x1 - x0 >= 2;
  label.is_imprecise = !label.is_range && x1 - x0 >= 6;
  if (!label.is_range && !label.is_imprecise)
    label.x_end = x0;
  label.predicted_x = label.predicted_x_end = NAN;
  if (chrono_event_is_forecast (event))
    {
      label.predicted_x = _chrono_layout_time_to_x (self, (double) chrono_event_get_predicted_start_time (event));
      label.predicted_x_end = _chrono_layout_time_to_x (self, (double) chrono_event_get_predicted_end_time (event));
    }

  params->measure (CHRONO_TEXT_LABEL, chrono_layout_event_text (event), &text_width, &text_height,
                   params->measure_data);
  label.box.width = MIN (ceil (text_width) + chrome, MIN (MAX_LABEL_WIDTH, self->width));
  label.box.height = self->row_height;

  if (label.is_range || label.is_imprecise)
    {
      double visible_x0 = CLAMP (x0, 0, self->width);
      double visible_x1 = CLAMP (x1, 0, self->width);

      /* A range's label spans the range, so its bar never runs under another label. */
      label.box.width = MAX (label.box.width, floor (visible_x1) - round (visible_x0));
      label.box.x = round (visible_x0);
      label.stem_x = round (visible_x0) + 0.5;

      /* Near the right edge, the label hangs to the left of the range's start, like a
       * moment's, when the whole title fits there; otherwise it starts where the range
       * starts and is ellipsized, unless even that leaves too little room. */
      if (label.box.x + label.box.width > floor (self->width))
        {
          double text_box = MIN (ceil (text_width) + chrome, MIN (MAX_LABEL_WIDTH, self->width));
          double room = floor (self->width) - label.box.x;

          if (round (visible_x0) + 1 - text_box >= 0 || room < MIN (text_box, MIN_RANGE_LABEL_WIDTH))
            {
              label.box.width = text_box;
              label.box.x = round (visible_x0) + 1 - label.box.width;
            }
          else
            {
              label.box.width = room;
            }
        }
    }
  else
    {
      label.stem_x = floor (x0) + 0.5;
      label.box.x = floor (x0);
      /* Near the right edge the label hangs to the left of its stem. */
      if (label.box.x + label.box.width > self->width)
        label.box.x = floor (x0) + 1 - label.box.width;
      if (label.box.x < 0)
        label.box.x = 0;
    }

  label.box.width = MIN (label.box.width, floor (self->width));
  label.box.x = CLAMP (label.box.x, 0, floor (self->width) - label.box.width);
  label.stem_x = CLAMP (label.stem_x, 0.5, floor (self->width) - 0.5);
  label.text_x = label.box.x + LABEL_ACCENT + LABEL_PAD_X;
  label.text_width = label.box.width - chrome;

  /* For an important event, a stem that has to pass behind a label is better than no
   * label at all, but only when there is no row where it would not. Minor events do
   * without, which keeps a crowded view readable. */
  relaxed = candidate->selected || candidate->importance >= RELAXED_IMPORTANCE;
  covering = _chrono_label_rows_covering (rows, &label.box, first_row, last_row);
  /* A label shown in the frame before goes back in its row, as it was placed there. */
  if (in_shown_row)
    return candidate->shown && candidate->shown_row >= first_row && candidate->shown_row < last_row &&
           put_in_row (self, rows, &label, candidate->shown_row, covering, !(candidate->shown_crossed && relaxed));
  for (guint strict = 1; strict <= 1; strict--)
    {
      if (!strict && !relaxed)
        break;

      for (guint row = first_row; row < last_row; row++)
        if (put_in_row (self, rows, &label, row, covering, strict))
          return TRUE;
    }

  return FALSE;
}

const char *
chrono_layout_event_text (ChronoEvent *event)
{
  const char *title = chrono_event_get_title (event);

  /* A new event has no title until its editor gives it one. */
  if (title == NULL || *title == '\0')
    return _("Untitled event");

  return title;
}
