/* chrono-ui-util.h — small helpers shared by the window and its panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/chrono-edit.h"
#include "model/chrono-timeline.h"
#include "chrono-session.h"

G_BEGIN_DECLS

gboolean   chrono_ui_get_category_color     (ChronoCategory *category,
                                             GdkRGBA        *out_color);
gboolean   chrono_ui_quote_has_distinct_original (ChronoQuote *quote);
const char *chrono_ui_quote_get_display_text (ChronoQuote    *quote);
char      *chrono_ui_quote_dup_attribution  (ChronoQuote    *quote);
char      *chrono_ui_quote_dup_clipboard_text (ChronoQuote  *quote,
                                             gboolean        with_original);
char      *chrono_ui_source_dup_description (ChronoSource   *source);
ChronoEra *chrono_ui_find_era               (ChronoTimeline *timeline,
                                             ChronoEvent    *event);
void       chrono_ui_open_uri               (GtkWidget      *widget,
                                             const char     *uri);
/* A round patch of @color, or of @dark_color (when not NULL) in a dark theme. */
GtkWidget *chrono_ui_color_swatch_new       (const char     *color,
                                             const char     *dark_color);
void       chrono_ui_set_label_language     (GtkLabel       *label,
                                             const char     *language);
/* Shows @problem under @field and marks it, for the eye and for screen readers (the field
 * invalid, described by @problem_label), or hides it when NULL; TRUE when NULL. */
gboolean   chrono_ui_error_message_is_list  (void);
gboolean   chrono_ui_show_problem           (GtkWidget      *field,
                                             GtkLabel       *problem_label,
                                             const char     *problem);
/* A label as a screen reader should say it: without its access key's underscore, and
 * without the key in brackets that translations such as Chinese add (“标题(_T)”, shown
 * “标题(T)”, is named “标题”). */
char      *chrono_ui_dup_name_without_access_key (const char *label);
/* Names so each label, check button and button under @root that has an access key.
 * Fields take their names from their labels, so they are named so too. */
void       chrono_ui_name_without_access_keys (GtkWidget    *root);
/* Takes @text; NULL for an empty one. */
char      *chrono_ui_nonempty_or_null       (char           *text);
void       chrono_ui_text_view_set_text     (GtkTextView    *view,
                                             const char     *text);
char      *chrono_ui_text_view_dup_text     (GtkTextView    *view);
AdwToast  *chrono_ui_toast_new             (const char     *text);
/* A toast whose Undo button undoes @edit, but only while @edit is still @session's last
 * step: once it was undone, or another step came after it, the button does nothing. */
AdwToast  *chrono_ui_undo_toast_new        (const char     *text,
                                             ChronoSession  *session,
                                             ChronoEdit     *edit);
GtkWidget *chrono_ui_ask                    (GtkWidget      *parent,
                                             const char     *heading,
                                             const char     *body,
                                             const char     *first_response,
                                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
