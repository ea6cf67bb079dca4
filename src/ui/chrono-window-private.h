/* chrono-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chrono-application.h"
#include "chrono-event-editor.h"
#include "chrono-event-list.h"
#include "chrono-event-pane.h"
#include "chrono-quote-pane.h"
#include "chrono-session.h"
#include "chrono-window.h"
#include "view/chrono-overview.h"
#include "view/chrono-timeline-view.h"

G_BEGIN_DECLS

struct _ChronoWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ChronoSession        *session;
  GSignalGroup         *timeline_signals; /* of the session's timeline */

  gboolean              state_restored;
  gboolean              span_recorded;   /* the built-in timeline's span, to be saved */
  ChronoTime            span_start;
  ChronoTime            span_end;
  guint                 span_save_id;

  gboolean              narrow;
  gboolean              stacked;
  gboolean              layout_applied;
  guint                 layout_idle_id;
  gulong                panes_paint_id;  /* shows the panes once the first frame is painted */

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GMenu                *recent_menu;
  GtkWidget            *open_button;
  GtkToggleButton      *search_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GPtrArray            *load_errors;     /* of files that did not open, while shown */
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwFlap              *flap;
  ChronoEventList      *event_list;
  GtkWidget            *main_box;
  ChronoTimelineView   *timeline_view;
  ChronoOverview       *overview;
  GtkLabel             *span_label;
  GtkBox               *panes_box;
  GtkStack             *event_stack;
  ChronoEventPane      *event_pane;
  ChronoEventEditor    *event_editor;   /* made the first time an event is edited */
  gboolean              editing_new;     /* the event in the editor was just made */
  gboolean              closing;         /* the user said to close, unsaved or not */
  guint                 n_saves;         /* saves under way */
  gboolean              close_after_save; /* closing waits for them */
  AdwToast             *close_toast;     /* and says so until they end */
  ChronoQuotePane      *quote_pane;
  GWeakRef              opened_from;     /* the window a file was opened from, until it loads */
};

/* chrono-window-actions.c: the win.* actions and their keys. */
void _chrono_window_class_actions_init (GtkWidgetClass *widget_class);
void _chrono_window_actions_init       (ChronoWindow   *self);
void _chrono_window_update_actions     (ChronoWindow   *self);

/* chrono-window-open.c: the Open dialog, dropped files, loading progress and errors. */
void _chrono_window_open_init          (ChronoWindow   *self);
void _chrono_window_open               (ChronoWindow   *self);
GObject *_chrono_window_create_open_dialog (ChronoWindow *self);
void _chrono_window_dismiss_error      (ChronoWindow   *self);

/* chrono-window-export.c: Export and Print, of what the timeline view shows. */
void _chrono_window_export             (ChronoWindow   *self);
GtkFileChooserNative *_chrono_window_create_export_dialog (ChronoWindow   *self);
/* Exports to @file as the Export dialog's @filter and the name's ending say; a name
 * left as the dialog suggested it (@suggested_name, may be NULL) ends as @filter's type. */
void _chrono_window_export_chosen      (ChronoWindow   *self,
                                        GFile          *file,
                                        GtkFileFilter  *filter,
                                        const char     *suggested_name);
void _chrono_window_print              (ChronoWindow   *self);

/* chrono-window-edit.c: new, save, undo and redo, the event editor, quotes. */
void     _chrono_window_class_edit_init     (GtkWidgetClass *widget_class);
void     _chrono_window_edit_init           (ChronoWindow   *self);
void     _chrono_window_update_edit_actions (ChronoWindow   *self);
gboolean _chrono_window_get_editing         (ChronoWindow   *self);
void     _chrono_window_editor_done         (ChronoWindow   *self);
void     _chrono_window_editor_cancelled    (ChronoWindow   *self);
void     _chrono_window_edit_quote          (ChronoWindow   *self,
                                             ChronoQuote    *quote);
/* Runs @then now when nothing is unsaved; otherwise after asking Save / Discard /
 * Cancel, and not at all on Cancel. */
void     _chrono_window_ask_unsaved         (ChronoWindow   *self,
                                             void          (*then) (ChronoWindow *self));

G_END_DECLS
