/* chrono-input-limits.h — the limits and rules every reader enforces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every reader (native XML, TimelineJS, and any importer added later) goes through
 * these, so that what one refuses the others refuse too:
 *
 *  - size: at most CHRONO_INPUT_MAX_FILE_SIZE bytes, checked before anything is read;
 *  - encoding: valid UTF-8 as stored, and again after escapes are decoded (JSON “\u”,
 *    HTML and XML character references), so that nothing can be written that the
 *    native reader would refuse on the way back;
 *  - content: a file with nothing but a byte order mark and white space is empty, and
 *    says so (chrono_input_find_content());
 *  - nesting: at most CHRONO_INPUT_MAX_DEPTH levels, checked before a recursive parser
 *    sees the data (chrono_input_check_json_nesting(); a format whose structure is fixed, like the native one, refuses
 *    any element out of place and so never nests deeper than its schema);
 *  - strings: at most CHRONO_INPUT_MAX_STRING_LENGTH bytes each, after decoding, and
 *    valid UTF-8 (chrono_input_check_text() says what is wrong, the reader says where);
 *  - ids: the native syntax (letters, digits, “_”, “.”, “-”); an importer maps foreign
 *    ids with chrono_input_make_id(), and numbers an item whose id maps to nothing;
 *  - dates: chrono_date_parse() is the only judge of a date; a reader that gets
 *    numbers (a year, a month) checks that each fits its field before spelling the
 *    date for it, and names the number as it was given when it does not.
 *
 * Errors are CHRONO_READER_ERROR and begin with the file's name and, where there is
 * one, the place: “NAME:LINE:COLUMN: sentence”. */

#define CHRONO_INPUT_MAX_FILE_SIZE      (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#define CHRONO_INPUT_MAX_DEPTH          64
#define CHRONO_INPUT_MAX_STRING_LENGTH  (1024 * 1024)

G_GNUC_PRINTF (7, 8)
void        chrono_input_set_error_at      (GError      **error,
                                            int           code,
                                            const char   *display_name,
                                            const char   *data,
                                            gsize         length,
                                            gsize         offset,
                                            const char   *format,
                                            ...);
gboolean    chrono_input_check_size        (guint64       size,
                                            const char   *display_name,
                                            GError      **error);
const char *chrono_input_find_invalid_utf8 (const char   *data,
                                            gsize         length);
gboolean    chrono_input_check_utf8        (const char   *data,
                                            gsize         length,
                                            const char   *display_name,
                                            GError      **error);
gsize       chrono_input_skip_bom          (const char   *data,
                                            gsize         length);
gboolean    chrono_input_find_content      (const char   *data,
                                            gsize         length,
                                            const char   *display_name,
                                            gsize        *out_offset,
                                            GError      **error);
gboolean    chrono_input_check_json_nesting (const char   *data,
                                            gsize         length,
                                            gsize         start,
                                            const char   *display_name,
                                            GError      **error);
char       *chrono_input_check_text        (const char   *text,
                                            gsize         length);
gboolean    chrono_input_is_valid_id       (const char   *id);
/* Whether @color is written #rrggbb, as the formats write a category's colour. */
gboolean    chrono_input_is_valid_color    (const char   *color);
char       *chrono_input_make_id           (const char   *text);

G_END_DECLS
