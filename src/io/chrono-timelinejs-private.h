/* chrono-timelinejs-private.h — what the TimelineJS readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/chrono-timeline.h"

G_BEGIN_DECLS

/* TimelineJS writes BCE years as negative numbers and shows "year": -500 as 500 BCE,
 * so its negative years are one off from astronomical ones (where -499 is 500 BC).
 * Its year 0 (which it shows as "0") is read as 1 BC, like its -1. */
gint64          _chrono_timelinejs_year_to_astronomical (gint64           year);
gint64          _chrono_timelinejs_year_from_astronomical (gint64         year);

/* The parts of a TimelineJS date, from year to second. */
typedef enum
{
  CHRONO_TIMELINEJS_YEAR,
  CHRONO_TIMELINEJS_MONTH,
  CHRONO_TIMELINEJS_DAY,
  CHRONO_TIMELINEJS_HOUR,
  CHRONO_TIMELINEJS_MINUTE,
  CHRONO_TIMELINEJS_SECOND,
  CHRONO_TIMELINEJS_N_PARTS
} ChronoTimelineJsPart;

/* Makes a date from the parts given (@present says which); the precision is the finest
 * part. An error (in CHRONO_DATE_ERROR) says what is wrong without naming the place. */
gboolean        _chrono_timelinejs_make_date   (const gint64     values[CHRONO_TIMELINEJS_N_PARTS],
                                                const gboolean   present[CHRONO_TIMELINEJS_N_PARTS],
                                                ChronoDate      *out_date,
                                                GError         **error);
/* The parts of @date as TimelineJS writes them; returns how many are given. */
guint           _chrono_timelinejs_date_parts  (const ChronoDate *date,
                                                gint64           values[CHRONO_TIMELINEJS_N_PARTS]);

/* TimelineJS has no approximate or uncertain dates; Chronoscope writes them as the display
 * date it shows (“around 2015”). This display date for @start (to @end, which may be NULL),
 * or NULL when both are exact. */
char           *_chrono_timelinejs_flags_display (const ChronoDate *start,
                                                  const ChronoDate *end);
/* The same in EDTF, which reads the same in every language: “2015~”, “2012?/2015”. */
char           *_chrono_timelinejs_edtf_display (const ChronoDate *start,
                                                 const ChronoDate *end);
/* Whether @display is such a display date for @start (to @end), in the user's language
 * or in EDTF: if so, gives them its flags. */
gboolean        _chrono_timelinejs_read_flags_display (const char *display,
                                                       ChronoDate *start,
                                                       ChronoDate *end);
/* The flags alone, as EDTF marks them (“~” approximate, “?” uncertain, “%” both), the
 * start's and the end's joined by “/” when there is an end (“~/?”); NULL when both are
 * exact. A spreadsheet keeps them in a column of their own, beside an event's own
 * display date. */
char           *_chrono_timelinejs_qualifiers  (const ChronoDate *start,
                                                const ChronoDate *end);
/* Gives @start (and @end) the flags @text marks; FALSE, changing nothing, when it is not
 * such a text. */
gboolean        _chrono_timelinejs_read_qualifiers (const char *text,
                                                    ChronoDate *start,
                                                    ChronoDate *end);

/* TimelineJS text is HTML; Chronoscope shows plain text. Tags go, entities are
 * decoded, spaces are collapsed: one line, for a title, a date or a caption. */
char           *_chrono_html_to_text           (const char      *html);
/* The same, but paragraphs and other blocks (and <br>) part lines: for a summary, a
 * description or a quote. */
char           *_chrono_html_to_lines          (const char      *html);
/* Text as Chronoscope writes an event's: its block quotes become @event's quotes (a
 * source, by its title, is @timeline's or added to it); the rest comes back as plain text. */
char           *_chrono_timelinejs_read_text_and_quotes (const char     *html,
                                                         ChronoTimeline *timeline,
                                                         ChronoEvent    *event);
/* White space as the native reader leaves it in every text: runs collapsed to one
 * space, none at either end. */
char           *_chrono_collapse_space         (const char      *text);
/* Plain text as HTML: escaped, each line a <p> with @attributes (“” for none, else
 * starting with a space). */
void            _chrono_append_text_as_html    (GString         *out,
                                                const char      *text,
                                                const char      *attributes);

/* The category of a TimelineJS group, made on first use with the next palette colour. */
ChronoCategory *_chrono_timelinejs_get_group   (ChronoTimeline  *timeline,
                                                const char      *group);

G_END_DECLS
