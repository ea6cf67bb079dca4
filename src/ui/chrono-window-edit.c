/* chrono-window-edit.c — making and changing a timeline: new, save, undo, edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-catalog-window.h"
#include "chrono-quote-editor.h"
#include "chrono-timeline-editor.h"
#include "chrono-ui-util.h"
#include "chrono-window-private.h"
#include "model/chrono-edit-group.h"
#include "model/chrono-edit-insert.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"

typedef void (*Continuation) (ChronoWindow *self);

static void save_as (ChronoWindow *self,
                     Continuation  then);

/* ----- Saving ----- */

typedef struct
{
  ChronoWindow *self;
  Continuation  then;
} SaveData;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(ChronoWindow) self = data->self;
  g_autoptr(GError) error = NULL;
  Continuation then = data->then;

  g_free (data);
  self->n_saves--;
  if (self->n_saves == 0 && self->close_toast != NULL)
    {
      adw_toast_dismiss (self->close_toast);
      g_clear_object (&self->close_toast);
    }

  if (!chrono_session_save_finish (CHRONO_SESSION (object), result, &error))
    {
      AdwToast *toast = chrono_ui_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (then != NULL)
    {
      then (self);
    }

  /* Closing waited for the save: it asks now if the save failed or left newer edits. */
  if (self->n_saves == 0 && self->close_after_save)
    gtk_window_close (GTK_WINDOW (self));
}

static void
save_to (ChronoWindow *self,
         GFile        *file,
         Continuation  then)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->then = then;
  self->n_saves++;
  chrono_session_save_async (self->session, file, NULL, save_done_cb, data);
}

typedef struct
{
  ChronoWindow *self;
  Continuation  then;
} ChooserData;

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ChooserData *data = user_data;
  g_autoptr(ChronoWindow) self = data->self;
  g_autoptr(GFile) file = NULL;
  Continuation then = data->then;

  g_free (data);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL)
    save_to (self, file, then);
}

static void
save_as (ChronoWindow *self,
         Continuation  then)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = chrono_session_dup_display_name (self->session);
  g_autofree char *suggested = NULL;
  ChooserData *data;

  chooser = gtk_file_chooser_native_new (_("Save Timeline"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Chronoscope timelines"));
  gtk_file_filter_add_suffix (filter, "chronoscope");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Never the name of a file in another format: Save writes the native one. */
  if (g_str_has_suffix (name, ".chronoscope"))
    suggested = g_strdup (name);
  else
    {
      char *dot = strrchr (name, '.');

      if (dot != NULL && chrono_session_get_file (self->session) != NULL && !chrono_session_get_builtin (self->session))
        *dot = '\0';
      suggested = g_strconcat (name, ".chronoscope", NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  data = g_new0 (ChooserData, 1);
  data->self = g_object_ref (self);
  data->then = then;
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save (ChronoWindow *self,
      Continuation  then)
{
  if (chrono_session_get_can_save_in_place (self->session) && !chrono_session_get_read_only (self->session))
    save_to (self, chrono_session_get_file (self->session), then);
  else
    save_as (self, then);
}

/* ----- Unsaved changes ----- */

typedef struct
{
  ChronoWindow *self;
  Continuation  then;
} AskData;

typedef struct
{
  ChronoWindow *self;
  Continuation  then;
  gboolean      save;
} AnswerData;

/* After the dialog is gone: the answer may close the window it belongs to. */
static gboolean
answer_idle_cb (gpointer user_data)
{
  AnswerData *data = user_data;
  g_autoptr(ChronoWindow) self = data->self;
  Continuation then = data->then;
  gboolean should_save = data->save;

  g_free (data);

  if (should_save)
    save (self, then);
  else
    {
      /* Left on purpose: no copy to offer after this. */
      ChronoUndoStack *stack = chrono_session_get_undo_stack (self->session);

      if (stack != NULL)
        chrono_undo_stack_set_unmodified (stack);
      then (self);
    }

  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (GtkWidget  *dialog,
                     const char *response,
                     gpointer    user_data)
{
  AskData *ask = user_data;
  AnswerData *data;

  if (g_str_equal (response, "save") || g_str_equal (response, "discard"))
    {
      data = g_new0 (AnswerData, 1);
      data->self = g_steal_pointer (&ask->self);
      data->then = ask->then;
      data->save = g_str_equal (response, "save");
      g_idle_add (answer_idle_cb, data);
    }

  g_clear_object (&ask->self);
  g_free (ask);
}

/* Runs @then at once when nothing is unsaved; otherwise after asking to save (and
 * saving), or to discard; not at all when the user goes back. */
void
_chrono_window_ask_unsaved (ChronoWindow *self,
                            Continuation  then)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  AskData *data;

  if (!chrono_session_get_modified (self->session))
    {
      then (self);
      return;
    }

  name = chrono_session_dup_display_name (self->session);
  /* Translators: %s is a timeline's file name or title */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Without saving, they are lost."), name);
  dialog = chrono_ui_ask (GTK_WIDGET (self), _("Save Changes?"), body,
                          "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT,
                          "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE,
                          "save", _("_Save"), ADW_RESPONSE_SUGGESTED,
                          NULL);

  data = g_new0 (AskData, 1);
  data->self = g_object_ref (self);
  data->then = then;
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), data);
}

/* ----- The built-in timeline is read-only ----- */

static void
read_only_response_cb (GtkWidget    *dialog,
                       const char   *response,
                       ChronoWindow *self)
{
  if (g_str_equal (response, "copy"))
    save_as (self, NULL);
}

/* TRUE when the timeline can be changed; otherwise offers to save a copy that can. */
static gboolean
ensure_editable (ChronoWindow *self)
{
  GtkWidget *dialog;

  if (chrono_session_get_timeline (self->session) == NULL)
    return FALSE;
  if (!chrono_session_get_read_only (self->session))
    return TRUE;

  dialog = chrono_ui_ask (GTK_WIDGET (self), _("Save a Copy to Edit?"),
                          _("The built-in timeline cannot be changed. Save a copy of it, and edit the copy."),
                          "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT,
                          "copy", _("Save a _Copy…"), ADW_RESPONSE_SUGGESTED,
                          NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (read_only_response_cb), self, 0);

  return FALSE;
}

/* ----- Editing events ----- */

static void
editor_done_cb (ChronoWindow *self)
{
  _chrono_window_editor_done (self);
}

static void
editor_cancelled_cb (ChronoWindow *self)
{
  _chrono_window_editor_cancelled (self);
}

/* The editor is made the first time an event is edited: made with the window, its
 * fields were about a twelfth of the work before the first frame. */
static void
ensure_editor (ChronoWindow *self)
{
  if (self->event_editor != NULL)
    return;

  self->event_editor = CHRONO_EVENT_EDITOR (chrono_event_editor_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->event_editor), -1, 220);
  g_signal_connect_object (self->event_editor, "done", G_CALLBACK (editor_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_editor, "cancelled", G_CALLBACK (editor_cancelled_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->event_stack, GTK_WIDGET (self->event_editor), "edit");
}

static void
show_editor (ChronoWindow *self,
             ChronoEvent  *event,
             gboolean      is_new)
{
  ensure_editor (self);
  self->editing_new = is_new;
  chrono_event_editor_edit (self->event_editor, chrono_session_get_timeline (self->session), event);
  gtk_stack_set_visible_child_name (self->event_stack, "edit");
  chrono_event_editor_focus_title (self->event_editor);
}

static void
hide_editor (ChronoWindow *self)
{
  gtk_stack_set_visible_child_name (self->event_stack, "view");
  self->editing_new = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
}

gboolean
_chrono_window_get_editing (ChronoWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->event_stack), "edit") == 0;
}

/* Stacked, the editor gets the whole height of its form and the quote pane comes after
 * it, the two scrolling together: at half the height each, a narrow window showed the
 * form a few fields at a time above an empty quote pane. */
static void
update_panes_cb (ChronoWindow *self)
{
  gboolean stacked = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->panes_box)) == GTK_ORIENTATION_VERTICAL;
  gboolean tall_editor = stacked && _chrono_window_get_editing (self);

  gtk_box_set_homogeneous (self->panes_box, !tall_editor);
  if (self->event_editor != NULL)
    chrono_event_editor_set_scrolls (self->event_editor, !tall_editor);
}

void
_chrono_window_editor_done (ChronoWindow *self)
{
  g_autoptr(ChronoEdit) edit = NULL;
  gboolean valid;

  edit = chrono_event_editor_build_edit (self->event_editor, &valid);
  if (!valid)
    return;
  if (edit != NULL)
    {
      chrono_edit_set_label (edit, _("Edit Event"));
      chrono_session_push_edit (self->session, edit);
    }
  hide_editor (self);
}

void
_chrono_window_editor_cancelled (ChronoWindow *self)
{
  /* A new event left without a title is taken back. */
  if (self->editing_new)
    chrono_session_undo (self->session);
  hide_editor (self);
}

/* The category a new event gets: the selected event's, or the first; a timeline without
 * any gets one, in the same step, since every event needs one. */
static ChronoCategory *
category_for_new_event (ChronoWindow    *self,
                        ChronoEditGroup *group)
{
  ChronoTimeline *timeline = chrono_session_get_timeline (self->session);
  GListModel *categories = chrono_timeline_get_categories (timeline);
  ChronoEvent *selected = chrono_session_get_selected_event (self->session);
  g_autoptr(ChronoCategory) created = NULL;
  g_autoptr(ChronoEditInsert) insert = NULL;
  g_autofree char *id = NULL;

  if (selected != NULL && chrono_event_get_category (selected) != NULL)
    return chrono_event_get_category (selected);
  if (g_list_model_get_n_items (categories) > 0)
    {
      ChronoCategory *first = g_list_model_get_item (categories, 0);

      g_object_unref (first);
      return first;
    }

  id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_CATEGORY, "category");
  /* Translators: the name of the category a new timeline's first event gets */
  created = chrono_category_new (id, _("Events"), "#3584e4", "#99c1f1");
  insert = chrono_edit_insert_new (created, NULL, 0);
  chrono_edit_group_add (group, CHRONO_EDIT (insert));

  return created;
}

static void
create_event (ChronoWindow     *self,
              const ChronoDate *date)
{
  ChronoTimeline *timeline;
  g_autoptr(ChronoEditGroup) group = NULL;
  g_autoptr(ChronoEvent) event = NULL;
  g_autoptr(ChronoEditInsert) insert = NULL;
  g_autofree char *id = NULL;
  ChronoCategory *category;

  if (!ensure_editable (self))
    return;

  timeline = chrono_session_get_timeline (self->session);
  group = chrono_edit_group_new (_("New Event"));
  category = category_for_new_event (self, group);
  id = chrono_timeline_dup_unused_id (timeline, CHRONO_TYPE_EVENT, "event");
  event = chrono_event_new (id, date, NULL);
  chrono_event_set_category (event, category);
  insert = chrono_edit_insert_new (event, NULL, 0);
  chrono_edit_group_add (group, CHRONO_EDIT (insert));

  chrono_session_push_edit (self->session, CHRONO_EDIT (group));
  chrono_session_select_event (self->session, event);
  show_editor (self, event, TRUE);
}

static void
create_event_cb (ChronoTimelineView *view,
                 const ChronoDate   *date,
                 ChronoWindow       *self)
{
  create_event (self, date);
}

static void
span_edited_cb (ChronoTimelineView *view,
                ChronoEvent        *event,
                const ChronoDate   *start,
                const ChronoDate   *end,
                ChronoWindow       *self)
{
  g_autoptr(ChronoEditSpan) edit = NULL;

  if (!ensure_editable (self))
    return;

  edit = chrono_edit_span_new (event, start, end);
  chrono_edit_set_label (CHRONO_EDIT (edit), _("Move Event"));
  chrono_session_push_edit (self->session, CHRONO_EDIT (edit));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  double start, end;
  ChronoDate date;

  /* In the middle of what the timeline shows, dated as its ticks are. */
  chrono_viewport_get_visible_span (chrono_session_get_viewport (self->session), &start, &end);
  chrono_date_from_time ((ChronoTime) ((start + end) / 2), CHRONO_PRECISION_YEAR, &date);
  if (end - start < 2 * 365.2425 * 86400)
    chrono_date_from_time ((ChronoTime) ((start + end) / 2), CHRONO_PRECISION_DAY, &date);
  create_event (self, &date);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  ChronoEvent *event = chrono_session_get_selected_event (self->session);

  if (event != NULL && ensure_editable (self))
    show_editor (self, event, FALSE);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  ChronoEvent *event = chrono_session_get_selected_event (self->session);
  g_autoptr(ChronoEdit) edit = NULL;
  g_autofree char *message = NULL;

  if (event == NULL || !ensure_editable (self))
    return;

  /* Translators: a message after deleting an event; %s is its title */
  message = g_strdup_printf (_("“%s” deleted"), chrono_event_get_title (event));
  edit = chrono_edit_delete_new (chrono_session_get_timeline (self->session), event);
  chrono_edit_set_label (edit, _("Delete Event"));
  chrono_session_push_edit (self->session, edit);
  adw_toast_overlay_add_toast (self->toast_overlay, chrono_ui_undo_toast_new (message, self->session, edit));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  chrono_session_undo (CHRONO_WINDOW (widget)->session);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  chrono_session_redo (CHRONO_WINDOW (widget)->session);
}

static void
quote_done_cb (ChronoQuoteEditor *editor,
               ChronoWindow      *self)
{
  g_autoptr(ChronoEdit) edit = NULL;
  gboolean valid;

  edit = chrono_quote_editor_build_edit (editor, &valid);
  if (!valid)
    return;
  if (edit != NULL)
    {
      if (CHRONO_IS_EDIT_PROPERTIES (edit))
        chrono_edit_set_label (edit, _("Edit Quote"));
      chrono_session_push_edit (self->session, edit);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

void
_chrono_window_edit_quote (ChronoWindow *self,
                           ChronoQuote  *quote)
{
  ChronoEvent *event = quote != NULL ? chrono_quote_get_event (quote) : chrono_session_get_selected_event (self->session);
  ChronoQuoteEditor *editor;

  if (event == NULL || !ensure_editable (self))
    return;

  editor = chrono_quote_editor_new (GTK_WINDOW (self), chrono_session_get_timeline (self->session), event, quote);
  g_signal_connect_object (editor, "done", G_CALLBACK (quote_done_cb), self, 0);
  /* Its edit would change a timeline no longer shown. */
  g_signal_connect_object (self->session, "notify::timeline", G_CALLBACK (gtk_window_close), editor, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The quote a row's menu aims at: its event's id and its place among the event's quotes. */
static ChronoQuote *
lookup_quote (ChronoWindow *self,
              GVariant     *parameter,
              guint        *index)
{
  ChronoTimeline *timeline = chrono_session_get_timeline (self->session);
  ChronoEvent *event;
  const char *id;

  if (timeline == NULL)
    return NULL;
  g_variant_get (parameter, "(&su)", &id, index);
  event = chrono_timeline_lookup_event (timeline, id);
  if (event == NULL || *index >= chrono_event_get_n_quotes (event))
    return NULL;

  return g_ptr_array_index (chrono_event_get_quotes (event), *index);
}

static void
edit_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  guint index;
  ChronoQuote *quote = lookup_quote (CHRONO_WINDOW (widget), parameter, &index);

  if (quote != NULL)
    _chrono_window_edit_quote (CHRONO_WINDOW (widget), quote);
}

static void
move_quote (ChronoWindow *self,
            GVariant     *parameter,
            int           delta)
{
  g_autoptr(ChronoEdit) edit = NULL;
  ChronoQuote *quote;
  guint index;

  quote = lookup_quote (self, parameter, &index);
  if (quote == NULL || (delta < 0 && index == 0) ||
      (delta > 0 && index + 1 >= chrono_event_get_n_quotes (chrono_quote_get_event (quote))) ||
      !ensure_editable (self))
    return;

  edit = chrono_edit_move_quote_new (quote, index + delta);
  chrono_edit_set_label (edit, _("Move Quote"));
  chrono_session_push_edit (self->session, edit);
}

static void
move_quote_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_quote (CHRONO_WINDOW (widget), parameter, -1);
}

static void
move_quote_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_quote (CHRONO_WINDOW (widget), parameter, 1);
}

static void
delete_quote_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  g_autoptr(ChronoEdit) edit = NULL;
  ChronoQuote *quote;
  guint index;

  quote = lookup_quote (self, parameter, &index);
  if (quote == NULL || !ensure_editable (self))
    return;

  edit = chrono_edit_delete_new (chrono_session_get_timeline (self->session), quote);
  chrono_edit_set_label (edit, _("Delete Quote"));
  chrono_session_push_edit (self->session, edit);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               chrono_ui_undo_toast_new (_("Quote deleted"), self->session, edit));
}

static void
add_quote_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _chrono_window_edit_quote (CHRONO_WINDOW (widget), NULL);
}

static void
edit_catalog_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  ChronoCatalogWindow *catalog;

  if (!ensure_editable (self))
    return;

  /* From the event editor, the window undoes only its own steps: the editor's event
   * must stay. */
  catalog = chrono_catalog_window_new (GTK_WINDOW (self), self->session, _chrono_window_get_editing (self));
  gtk_window_present (GTK_WINDOW (catalog));
}

static void
timeline_done_cb (ChronoTimelineEditor *editor,
                  ChronoWindow         *self)
{
  g_autoptr(ChronoEdit) edit = chrono_timeline_editor_build_edit (editor);

  if (edit != NULL)
    {
      chrono_edit_set_label (edit, _("Timeline Properties"));
      chrono_session_push_edit (self->session, edit);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
edit_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  g_autofree char *untitled_name = NULL;
  ChronoTimelineEditor *editor;

  if (!ensure_editable (self))
    return;

  untitled_name = chrono_session_dup_untitled_name (self->session);
  editor = chrono_timeline_editor_new (GTK_WINDOW (self), chrono_session_get_timeline (self->session), untitled_name);
  g_signal_connect_object (editor, "done", G_CALLBACK (timeline_done_cb), self, 0);
  /* Its edit would change a timeline no longer shown. */
  g_signal_connect_object (self->session, "notify::timeline", G_CALLBACK (gtk_window_close), editor, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ----- New, save ----- */

static void
new_timeline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronoWindow *window = chrono_window_new (CHRONO_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget))));

  chrono_window_set_timeline (window, NULL);
  chrono_session_new_timeline (window->session);
  gtk_window_present (GTK_WINDOW (window));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CHRONO_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (CHRONO_WINDOW (widget), NULL);
}

/* ----- State ----- */

void
_chrono_window_update_edit_actions (ChronoWindow *self)
{
  ChronoUndoStack *stack = chrono_session_get_undo_stack (self->session);
  gboolean has_timeline = chrono_session_get_timeline (self->session) != NULL;
  gboolean has_event = chrono_session_get_selected_event (self->session) != NULL;
  gboolean editing = _chrono_window_get_editing (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 !editing && stack != NULL && chrono_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 !editing && stack != NULL && chrono_undo_stack_get_can_redo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_timeline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_timeline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event", has_timeline && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-event", has_event && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-event", has_event && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-quote", has_event && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-quote", has_timeline && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-quote-up", has_timeline && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-quote-down", has_timeline && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-quote", has_timeline && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-catalog", has_timeline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-timeline", has_timeline);
}

static void
undo_stack_cb (ChronoWindow *self)
{
  ChronoUndoStack *stack = chrono_session_get_undo_stack (self->session);

  if (stack != NULL)
    {
      g_signal_connect_object (stack, "notify::can-undo", G_CALLBACK (_chrono_window_update_edit_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stack, "notify::can-redo", G_CALLBACK (_chrono_window_update_edit_actions),
                               self, G_CONNECT_SWAPPED);
    }
  if (_chrono_window_get_editing (self))
    hide_editor (self);
  _chrono_window_update_edit_actions (self);
}

void
_chrono_window_edit_init (ChronoWindow *self)
{
  chrono_timeline_view_set_editable (self->timeline_view, TRUE);
  g_object_set (self->quote_pane, "editable", TRUE, NULL);
  g_signal_connect_object (self->timeline_view, "create-event", G_CALLBACK (create_event_cb), self, 0);
  g_signal_connect_object (self->timeline_view, "span-edited", G_CALLBACK (span_edited_cb), self, 0);
  g_signal_connect_object (self->session, "notify::undo-stack", G_CALLBACK (undo_stack_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected-event",
                           G_CALLBACK (_chrono_window_update_edit_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_stack, "notify::visible-child-name",
                           G_CALLBACK (_chrono_window_update_edit_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_stack, "notify::visible-child-name",
                           G_CALLBACK (update_panes_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->panes_box, "notify::orientation", G_CALLBACK (update_panes_cb), self, G_CONNECT_SWAPPED);
  undo_stack_cb (self);
}

void
_chrono_window_class_edit_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-timeline", NULL, new_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.edit-event", NULL, edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_event_action);
  gtk_widget_class_install_action (widget_class, "win.add-quote", NULL, add_quote_action);
  gtk_widget_class_install_action (widget_class, "win.edit-quote", "(su)", edit_quote_action);
  gtk_widget_class_install_action (widget_class, "win.move-quote-up", "(su)", move_quote_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-quote-down", "(su)", move_quote_down_action);
  gtk_widget_class_install_action (widget_class, "win.delete-quote", "(su)", delete_quote_action);
  gtk_widget_class_install_action (widget_class, "win.edit-catalog", NULL, edit_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.edit-timeline", NULL, edit_timeline_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.new-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-event", NULL);
}
