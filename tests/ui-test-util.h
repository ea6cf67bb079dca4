/* ui-test-util.h — a small timeline built in code, and waiting and finding helpers for
 * the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/chrono-timeline.h"
#include "ui/chrono-quote-row.h"
#include "ui/chrono-window.h"

G_BEGIN_DECLS

/* Six events in two categories ("research", "business"); "price" is the $20 decision,
 * with a quote whose original wording is Chinese. */
ChronoTimeline *ui_test_timeline_new     (void);
/* @n events, several sharing each start time, for the binary search. */
ChronoTimeline *ui_test_big_timeline_new (guint          n);
void            ui_test_init             (int           *argc,
                                          char        ***argv);
ChronoWindow   *ui_test_window_new       (void);
/* Back to the schema's defaults, so that one test's saved state does not leak into the next. */
void            ui_test_reset_settings   (void);
void            ui_test_wait_loaded      (ChronoWindow  *window);
void            ui_test_iterate          (void);
void            ui_test_wait_for         (gboolean     (*predicate) (gpointer),
                                          gpointer       data);
/* Whether the object that @ref, a GWeakRef, pointed to is gone (a predicate for
 * ui_test_wait_for()). */
gboolean        ui_test_is_gone          (gpointer       ref);
/* Iterates the main loop until the object that @ref points to is gone. */
void            ui_test_wait_gone        (GWeakRef      *ref);
typedef gboolean (*UiTestWidgetFunc) (GtkWidget     *widget,
                                      gconstpointer  data);
/* The first widget under @root (itself included, depth first) that @matches, or NULL. */
GtkWidget      *ui_test_find_widget      (GtkWidget       *root,
                                          UiTestWidgetFunc matches,
                                          gconstpointer    data);
GtkWidget      *ui_test_find_child       (GtkWidget     *root,
                                          GType          type);
/* Predicates for ui_test_find_widget(): a label that reads @text, a button labelled
 * @label (with its mnemonic underscore). */
gboolean        ui_test_is_label_reading  (GtkWidget     *widget,
                                           gconstpointer  text);
gboolean        ui_test_is_button_reading (GtkWidget     *widget,
                                           gconstpointer  label);
/* Iterates the main loop until a label under @root reads @text. */
void            ui_test_wait_for_label   (GtkWidget     *root,
                                          const char    *text);
/* The first visible toplevel window of @type, or NULL. */
gpointer        ui_test_find_toplevel    (GType          type);
/* The mapped row that shows @quote, or NULL. */
ChronoQuoteRow *ui_test_find_quote_row   (GtkWidget     *root,
                                          ChronoQuote   *quote);
/* Translates into Simplified Chinese from here on, with the catalogue built in po/;
 * for a test's subprocess. */
void            ui_test_use_chinese      (void);
/* The question on screen (chrono_ui_ask: an AdwAlertDialog on libadwaita >= 1.5, an
 * AdwMessageDialog before), or NULL. */
GtkWidget      *ui_test_find_question    (void);
/* Predicates for ui_test_wait_for(): a question is on screen, or none is. */
gboolean        ui_test_has_question     (gpointer       unused);
gboolean        ui_test_has_no_question  (gpointer       unused);
const char     *ui_test_question_get_heading (GtkWidget *question);
gboolean        ui_test_question_has_response (GtkWidget *question,
                                               const char *response);
/* Clicks the button of @response; FALSE when the question has none. */
gboolean        ui_test_question_click   (GtkWidget     *question,
                                          const char    *response);
/* The access keys of @model's items and its sections' (one menu), lower-cased, in
 * order; items without one, such as file names, have none. NULL when two items of
 * @model, or of one of its submenus (each a menu of its own), share one; the test's log
 * names them. */
char           *ui_test_menu_mnemonics   (GMenuModel    *model);
/* Fails the test when two mapped labels under @root have the same access key (each is
 * told with g_test_message); how many have one. */
guint           ui_test_assert_mnemonics_distinct (GtkWidget *root);
/* Fails the test unless @problem is @field's error message, told as this GTK tells it. */
void            ui_test_assert_error_message (GtkWidget *field,
                                              GtkWidget *problem);

G_END_DECLS
