/* chrono-window.c — the main window: its template, layout and remembered state
 *
 * The window shows one ChronoSession; every view and pane in the template follows it.
 * Actions, opening, and export and print live in chrono-window-*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-ui-util.h"
#include "chrono-window-private.h"

#define BUILTIN_TIMELINE_URI "resource://" RESOURCE_PATH "/timelines/alexnet-to-agi.chronoscope"

/* Below this window width the sidebar folds away; below the second width of the main
 * area the event and quote panes stack. */
#define NARROW_WIDTH 720
#define STACKED_WIDTH 760

G_DEFINE_FINAL_TYPE (ChronoWindow, chrono_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ChronoViewport *
get_viewport (ChronoWindow *self)
{
  return chrono_session_get_viewport (self->session);
}

static void
update_span_label (ChronoWindow *self)
{
  ChronoTimeline *timeline = chrono_session_get_timeline (self->session);
  ChronoViewport *viewport = get_viewport (self);
  ChronoDate start_date, end_date;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *text = NULL;
  ChronoPrecision precision;
  ChronoTime start, end;

  if (timeline == NULL || chrono_timeline_get_n_events (timeline) == 0)
    {
      gtk_label_set_text (self->span_label, "");
      return;
    }

  start = chrono_viewport_get_visible_start (viewport);
  end = chrono_viewport_get_visible_end (viewport);
  precision = chrono_date_precision_for_duration ((double) end - (double) start);
  chrono_date_from_time (start, precision, &start_date);
  chrono_date_from_time (end, precision, &end_date);
  start_text = chrono_date_format (&start_date);
  end_text = chrono_date_format (&end_date);
  /* Translators: the span of time the timeline shows, from the first date to the second */
  text = g_strdup_printf (_("Showing %s – %s"), start_text, end_text);
  gtk_label_set_text (self->span_label, text);
}

/* The state saved in GSettings belongs to the built-in timeline: its selected event and
 * the span last shown, restored once, when that timeline first arrives. */
static gboolean
keeps_state (ChronoWindow *self)
{
  return chrono_session_get_builtin (self->session) && self->state_restored;
}

static void
record_span (ChronoWindow *self)
{
  self->span_start = chrono_viewport_get_visible_start (get_viewport (self));
  self->span_end = chrono_viewport_get_visible_end (get_viewport (self));
  self->span_recorded = TRUE;
}

static void
save_span (ChronoWindow *self)
{
  g_clear_handle_id (&self->span_save_id, g_source_remove);

  if (!self->span_recorded)
    return;

  g_settings_set_int64 (self->settings, "visible-start", self->span_start);
  g_settings_set_int64 (self->settings, "visible-end", self->span_end);
}

static gboolean
save_span_cb (gpointer user_data)
{
  ChronoWindow *self = user_data;

  self->span_save_id = 0;
  save_span (self);

  return G_SOURCE_REMOVE;
}

/* Zooming changes the span many times a second; it is written once it settles. */
static void
visible_span_changed_cb (ChronoWindow *self)
{
  update_span_label (self);

  if (!keeps_state (self))
    return;

  record_span (self);
  g_clear_handle_id (&self->span_save_id, g_source_remove);
  self->span_save_id = g_timeout_add (500, save_span_cb, self);
}

static void
restore_state (ChronoWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "selected-event");
  gint64 start = g_settings_get_int64 (self->settings, "visible-start");
  gint64 end = g_settings_get_int64 (self->settings, "visible-end");

  if (*id != '\0')
    chrono_session_select_event (self->session,
                                 chrono_timeline_lookup_event (chrono_session_get_timeline (self->session), id));
  if (start < end)
    chrono_viewport_set_visible_span (get_viewport (self), start, end);

  self->state_restored = TRUE;
  record_span (self);
}

static void
selected_event_cb (ChronoWindow *self)
{
  ChronoEvent *event = chrono_session_get_selected_event (self->session);

  if (keeps_state (self))
    g_settings_set_string (self->settings, "selected-event",
                           event != NULL ? chrono_event_get_id (event) : "");

  _chrono_window_update_actions (self);
}

static void
filter_changed_cb (ChronoWindow *self)
{
  g_auto(GStrv) hidden = chrono_event_filter_dup_hidden_categories (chrono_session_get_filter (self->session));
  g_auto(GStrv) saved = g_settings_get_strv (self->settings, "hidden-categories");

  if (!g_strv_equal ((const char * const *) hidden, (const char * const *) saved))
    g_settings_set_strv (self->settings, "hidden-categories", (const char * const *) hidden);
}

/* The timeline's title (or, when it has none, its file's name), with a dot before it
 * while it has unsaved changes; below it the file's name, or the built-in timeline's
 * description. */
static void
update_title (ChronoWindow *self)
{
  ChronoTimeline *timeline = chrono_session_get_timeline (self->session);
  GFile *file = chrono_session_get_builtin (self->session) ? NULL : chrono_session_get_file (self->session);
  const char *title = timeline != NULL ? chrono_timeline_get_title (timeline) : NULL;
  g_autofree char *untitled_name = chrono_session_dup_untitled_name (self->session);
  g_autofree char *shown = NULL;
  g_autofree char *one_line = NULL;
  const char *subtitle;

  subtitle = file != NULL ? untitled_name : NULL;
  if (title == NULL || *title == '\0')
    {
      title = timeline != NULL ? untitled_name : _("Chronoscope");
      subtitle = NULL;
    }
  /* The header has room for one line of the description. */
  if (file == NULL && timeline != NULL)
    subtitle = one_line = chrono_normalize_space (chrono_timeline_get_description (timeline));

  if (chrono_session_get_modified (self->session))
    /* Translators: a window title while there are unsaved changes; %s is the title */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

static void
timeline_cb (ChronoWindow *self)
{
  GFile *file = chrono_session_get_file (self->session);
  gboolean builtin = chrono_session_get_builtin (self->session);
  ChronoTimeline *timeline = chrono_session_get_timeline (self->session);

  /* The built-in timeline's last span is kept when another timeline replaces it. */
  save_span (self);
  self->span_recorded = FALSE;

  update_title (self);
  g_signal_group_set_target (self->timeline_signals, timeline);

  /* The built-in timeline arriving after a file failed to open leaves the error shown. */
  if (file != NULL && !builtin)
    {
      _chrono_window_dismiss_error (self);
      g_weak_ref_set (&self->opened_from, NULL);
    }

  update_span_label (self);
  _chrono_window_update_actions (self);

  if (builtin && !self->state_restored)
    restore_state (self);
}

/* Enter or a double click on the timeline: take the keyboard to the event's details. */
static void
event_activated_cb (ChronoWindow *self,
                    ChronoEvent  *event)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->event_pane)))
    gtk_widget_child_focus (GTK_WIDGET (self->event_pane), GTK_DIR_TAB_FORWARD);
}

/* In a narrow window the folded sidebar covers the details: choosing an event in the
 * list closes it, so that the event shows at once. */
static void
event_chosen_cb (ChronoWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Folded, the sidebar slides away over the content as it closes and is unmapped at the
 * end: a press that began on it meanwhile (the second click of a double click on a row)
 * would end on a widget that is gone, which GTK 4.18 reports as broken accounting of
 * active state. While the folded sidebar closes, the flap takes no pointer input. */
static void
flap_reveal_cb (ChronoWindow *self)
{
  gboolean closing = adw_flap_get_folded (self->flap) && !adw_flap_get_reveal_flap (self->flap) &&
                     adw_flap_get_reveal_progress (self->flap) > 0;

  gtk_widget_set_can_target (GTK_WIDGET (self->flap), !closing);
}

static void
search_mode_cb (ChronoWindow *self)
{
  if (chrono_event_list_get_search_mode (self->event_list))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
quote_activated_cb (ChronoWindow *self,
                    ChronoQuote  *quote)
{
  ChronoEvent *event = chrono_quote_get_event (quote);
  ChronoEventFilter *filter = chrono_session_get_filter (self->session);

  if (event == NULL)
    return;

  /* A quote of a filtered-out event must still be reachable: clear the filter first. */
  if (chrono_event_index_find (chrono_session_get_events (self->session), event) == G_MAXUINT)
    {
      chrono_event_list_clear_search (self->event_list);
      chrono_event_filter_set_search_text (filter, NULL);
      chrono_event_filter_set_hidden_categories (filter, NULL);
    }

  chrono_session_select_event (self->session, event);
}

static void
set_stacked (ChronoWindow *self,
             gboolean      stacked)
{
  GtkOrientation orientation = stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  self->stacked = stacked;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->panes_box), orientation);
  g_object_set (self->quote_pane, "orientation", orientation, NULL);
}

/* The flap hides itself as it folds: with libadwaita's breakpoint that happens before the
 * window hears of it, still bound, and it is not the user's choice, so it is not written. */
static GVariant *
sidebar_visible_set_mapping (const GValue       *value,
                             const GVariantType *expected_type,
                             gpointer            user_data)
{
  ChronoWindow *self = user_data;

  if (adw_flap_get_fold_policy (self->flap) == ADW_FLAP_FOLD_POLICY_ALWAYS || adw_flap_get_folded (self->flap))
    return NULL;

  return g_variant_new_boolean (g_value_get_boolean (value));
}

static void
bind_sidebar_visible (ChronoWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT,
                                NULL, sidebar_visible_set_mapping, self, NULL);
}

/* Folded, the sidebar is an overlay the user opens on demand; that choice is not the
 * wide window's remembered one, so the setting is only bound while unfolded. */
static void
set_narrow (ChronoWindow *self,
            gboolean      narrow)
{
  self->narrow = narrow;

  /* Open stays in the main menu: a phone's header bar has no room for it next to the
   * window buttons. */
  gtk_widget_set_visible (self->open_button, !narrow);
  if (narrow)
    {
      g_settings_unbind (self->flap, "reveal-flap");
      adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  else
    {
      adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_NEVER);
      bind_sidebar_visible (self);
    }
}

static gboolean
apply_layout_idle_cb (gpointer user_data)
{
  ChronoWindow *self = user_data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;
  gboolean stacked = narrow || gtk_widget_get_width (GTK_WIDGET (self->main_box)) < STACKED_WIDTH;

  self->layout_idle_id = 0;

  if (!self->layout_applied || stacked != self->stacked)
    set_stacked (self, stacked);
  if (!self->layout_applied || narrow != self->narrow)
    set_narrow (self, narrow);

  /* At first the timeline takes a little more than half of the height. */
  if (!self->layout_applied)
    gtk_paned_set_position (GTK_PANED (self->main_box),
                            gtk_widget_get_height (self->main_box) * 11 / 20);

  self->layout_applied = TRUE;

  return G_SOURCE_REMOVE;
}

#if ADW_CHECK_VERSION (1, 4, 0)
/* From libadwaita 1.4 a breakpoint folds the sidebar and stacks the panes before a window
 * made narrow is laid out, so it can be made as narrow as its width request in one step. */
static gboolean
narrow_idle_cb (gpointer user_data)
{
  ChronoWindow *self = user_data;

  self->layout_idle_id = 0;
  set_narrow (self, self->narrow);
  if (!self->narrow)
    apply_layout_idle_cb (self);

  return G_SOURCE_REMOVE;
}

/* The breakpoint's setters fold and stack before the narrow layout is measured; the rest
 * (the sidebar's remembered state) waits until it is laid out. */
static void
narrow_changed (ChronoWindow *self,
                gboolean      narrow)
{
  self->narrow = narrow;
  self->stacked = self->stacked || narrow;
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  self->layout_idle_id = g_idle_add (narrow_idle_cb, self);
}

static void
narrow_apply_cb (ChronoWindow *self)
{
  narrow_changed (self, TRUE);
}

static void
narrow_unapply_cb (ChronoWindow *self)
{
  narrow_changed (self, FALSE);
}

#else
/* Unfolded, the sidebar and the side-by-side panes need more width than a narrow window
 * has; but a window made narrow folds before it is laid out (below), so it can always be
 * made as narrow as its width request in one step, without stopping at the unfolded
 * layout's minimum. */
static void
chrono_window_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GTK_WIDGET_CLASS (chrono_window_parent_class)->measure (widget, orientation, for_size,
                                                          minimum, natural,
                                                          minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL && !CHRONO_WINDOW (widget)->narrow)
    {
      int width_request;

      gtk_widget_get_size_request (widget, &width_request, NULL);
      *minimum = MIN (*minimum, width_request);
    }
}
#endif

static void
chrono_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  gboolean narrow = width < NARROW_WIDTH;
  gboolean stacked;

#if !ADW_CHECK_VERSION (1, 4, 0)
  if (narrow && !self->narrow)
    {
      guint duration = adw_flap_get_fold_duration (self->flap);

      adw_flap_set_fold_duration (self->flap, 0);
      set_narrow (self, TRUE);
      set_stacked (self, TRUE);
      adw_flap_set_fold_duration (self->flap, duration);
    }
#endif

  GTK_WIDGET_CLASS (chrono_window_parent_class)->size_allocate (widget, width, height, baseline);

  stacked = narrow || gtk_widget_get_width (GTK_WIDGET (self->main_box)) < STACKED_WIDTH;

  /* The first layout needs the panes' sizes, and is laid out at once: the first frame
   * shows it. Unfolding and unstacking can wait for the next cycle: the window only
   * grows. */
  if (!self->layout_applied)
    {
      g_clear_handle_id (&self->layout_idle_id, g_source_remove);
      apply_layout_idle_cb (self);
      GTK_WIDGET_CLASS (chrono_window_parent_class)->size_allocate (widget, width, height, baseline);
    }
  else if ((narrow != self->narrow || stacked != self->stacked) && self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add (apply_layout_idle_cb, self);
}

/* The window's first frame is the timeline's: the panes, which show nothing yet, come in
 * the next one. */
static void
panes_after_paint_cb (GdkFrameClock *clock,
                      ChronoWindow  *self)
{
  g_clear_signal_handler (&self->panes_paint_id, clock);
  gtk_widget_set_visible (GTK_WIDGET (self->panes_box), TRUE);
}

static void
chrono_window_realize (GtkWidget *widget)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  GTK_WIDGET_CLASS (chrono_window_parent_class)->realize (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->panes_box)))
    self->panes_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (panes_after_paint_cb), self);
}

static void
chrono_window_unrealize (GtkWidget *widget)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  if (self->panes_paint_id != 0)
    panes_after_paint_cb (gtk_widget_get_frame_clock (widget), self);

  GTK_WIDGET_CLASS (chrono_window_parent_class)->unrealize (widget);
}

/* The main menu's popover is made the first time it opens. */
static void
primary_menu_popup_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  ChronoWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
close_now (ChronoWindow *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
chrono_window_close_request (GtkWindow *window)
{
  ChronoWindow *self = CHRONO_WINDOW (window);

  /* A save under way most likely leaves nothing unsaved: asking waits for it. */
  if (!self->closing && self->n_saves > 0)
    {
      if (self->close_toast == NULL)
        {
          self->close_toast = chrono_ui_toast_new (_("The window closes once the timeline is saved"));
          adw_toast_set_priority (self->close_toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_set_timeout (self->close_toast, 0);
          chrono_window_add_toast (self, g_object_ref (self->close_toast));
        }
      self->close_after_save = TRUE;
      return TRUE;
    }
  self->close_after_save = FALSE;

  if (!self->closing && chrono_session_get_modified (self->session))
    {
      _chrono_window_ask_unsaved (self, close_now);
      return TRUE;
    }

  save_span (self);

  return GTK_WINDOW_CLASS (chrono_window_parent_class)->close_request (window);
}

static void
chrono_window_dispose (GObject *object)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  /* Quit (Ctrl+Q) closes windows through a close request, which saves the span; a window
   * destroyed without one (gtk_window_destroy) saves a span still pending here. */
  if (self->span_save_id != 0)
    save_span (self);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_object (&self->close_toast);
  g_clear_object (&self->timeline_signals);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (chrono_session_get_filter (self->session), self);
      g_signal_handlers_disconnect_by_data (get_viewport (self), self);
    }

  /* A settings action outlives the window's action group, which does not let go of it:
   * a later change of the setting (from another window) would reach the freed group. */
  g_action_map_remove_action (G_ACTION_MAP (self), "quote-pane-visible");
  g_action_map_remove_action (G_ACTION_MAP (self), "lanes");

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_WINDOW);

  G_OBJECT_CLASS (chrono_window_parent_class)->dispose (object);
}

static void
chrono_window_finalize (GObject *object)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  g_clear_object (&self->settings);
  g_weak_ref_clear (&self->opened_from);
  g_ptr_array_unref (self->load_errors);

  G_OBJECT_CLASS (chrono_window_parent_class)->finalize (object);
}

static void
chrono_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_window_class_init (ChronoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = chrono_window_dispose;
  object_class->finalize = chrono_window_finalize;
  object_class->get_property = chrono_window_get_property;
#if !ADW_CHECK_VERSION (1, 4, 0)
  widget_class->measure = chrono_window_measure;
#endif
  widget_class->size_allocate = chrono_window_size_allocate;
  widget_class->realize = chrono_window_realize;
  widget_class->unrealize = chrono_window_unrealize;
  window_class->close_request = chrono_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CHRONO_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHRONO_TYPE_SESSION);
  g_type_ensure (CHRONO_TYPE_EVENT_LIST);
  g_type_ensure (CHRONO_TYPE_EVENT_PANE);
  g_type_ensure (CHRONO_TYPE_QUOTE_PANE);
  g_type_ensure (CHRONO_TYPE_TIMELINE_VIEW);
  g_type_ensure (CHRONO_TYPE_OVERVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, session);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, span_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, panes_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, event_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, event_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, quote_pane);
  gtk_widget_class_bind_template_callback (widget_class, event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, quote_activated_cb);

  _chrono_window_class_actions_init (widget_class);
  _chrono_window_class_edit_init (widget_class);
}

static void
chrono_window_init (ChronoWindow *self)
{
  g_autoptr(GFile) builtin = g_file_new_for_uri (BUILTIN_TIMELINE_URI);
  g_autoptr(GAction) quotes_action = NULL;
  g_autoptr(GAction) lanes_action = NULL;
  g_auto(GStrv) hidden = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, primary_menu_popup_cb, self, NULL);
#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* A window remembered narrow opens folded and stacked, without Open in the header
   * bar: unfolded, the sidebar and the side-by-side panes would ask for more width than
   * it has, and before libadwaita 1.4's breakpoints it would open wider (551 px in
   * Chinese instead of 360; with Open, 365 in English) before the first allocation
   * could make it narrow, and be remembered so. */
  if (g_settings_get_int (self->settings, "window-width") < NARROW_WIDTH)
    {
      adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
      gtk_widget_set_visible (self->open_button, FALSE);
      set_stacked (self, TRUE);
    }

#if ADW_CHECK_VERSION (1, 4, 0)
  {
    AdwBreakpointCondition *condition =
      adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH, NARROW_WIDTH - 1, ADW_LENGTH_UNIT_PX);
    AdwBreakpoint *breakpoint = adw_breakpoint_new (condition);

    adw_breakpoint_add_setters (breakpoint,
                                G_OBJECT (self->flap), "fold-policy", ADW_FLAP_FOLD_POLICY_ALWAYS,
                                G_OBJECT (self->panes_box), "orientation", GTK_ORIENTATION_VERTICAL,
                                G_OBJECT (self->quote_pane), "orientation", GTK_ORIENTATION_VERTICAL,
                                G_OBJECT (self->open_button), "visible", FALSE,
                                NULL);
    g_signal_connect_swapped (breakpoint, "apply", G_CALLBACK (narrow_apply_cb), self);
    g_signal_connect_swapped (breakpoint, "unapply", G_CALLBACK (narrow_unapply_cb), self);
    adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
  }
#endif

  hidden = g_settings_get_strv (self->settings, "hidden-categories");
  chrono_event_filter_set_hidden_categories (chrono_session_get_filter (self->session), (const char * const *) hidden);

  /* The timeline's title and description are edited (Timeline Properties, undo, redo). */
  self->timeline_signals = g_signal_group_new (CHRONO_TYPE_TIMELINE);
  g_signal_group_connect_swapped (self->timeline_signals, "notify::title", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->timeline_signals, "notify::description", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->session, "notify::timeline", G_CALLBACK (timeline_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-progress", G_CALLBACK (flap_reveal_cb), self);
  g_signal_connect_swapped (self->session, "notify::selected-event", G_CALLBACK (selected_event_cb), self);
  g_signal_connect_swapped (chrono_session_get_events (self->session), "items-changed",
                            G_CALLBACK (_chrono_window_update_actions), self);
  g_signal_connect_swapped (chrono_session_get_filter (self->session), "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (get_viewport (self), "notify::visible-start", G_CALLBACK (visible_span_changed_cb), self);
  g_signal_connect_swapped (get_viewport (self), "notify::visible-end", G_CALLBACK (visible_span_changed_cb), self);
  g_signal_connect_swapped (self->session, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->session, "notify::file", G_CALLBACK (update_title), self);
  _chrono_window_actions_init (self);
  _chrono_window_open_init (self);
  _chrono_window_edit_init (self);

  bind_sidebar_visible (self);
  g_settings_bind (self->settings, "show-original", self->quote_pane, "show-original", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quote-view", self->quote_pane, "view", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quote-pane-visible", self->quote_pane, "visible", G_SETTINGS_BIND_DEFAULT);
  quotes_action = g_settings_create_action (self->settings, "quote-pane-visible");
  g_action_map_add_action (G_ACTION_MAP (self), quotes_action);
  g_settings_bind (self->settings, "lanes", self->timeline_view, "lanes", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "lanes", self->overview, "lanes", G_SETTINGS_BIND_DEFAULT);
  /* A category that has no lane on the timeline (too few rows) has none on the overview. */
  g_object_bind_property (self->timeline_view, "n-lanes", self->overview, "max-lanes", G_BINDING_SYNC_CREATE);
  lanes_action = g_settings_create_action (self->settings, "lanes");
  g_action_map_add_action (G_ACTION_MAP (self), lanes_action);

  timeline_cb (self);
  chrono_session_load (self->session, builtin, TRUE);
}

ChronoWindow *
chrono_window_new (ChronoApplication *application)
{
  return g_object_new (CHRONO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

ChronoSession *
chrono_window_get_session (ChronoWindow *self)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), NULL);

  return self->session;
}

void
chrono_window_set_timeline (ChronoWindow   *self,
                            ChronoTimeline *timeline)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));
  g_return_if_fail (timeline == NULL || CHRONO_IS_TIMELINE (timeline));

  self->state_restored = TRUE;
  chrono_session_set_timeline (self->session, timeline);
}

void
chrono_window_open_file (ChronoWindow *self,
                         GFile        *file)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  chrono_session_load (self->session, file, FALSE);
}

/* Takes ownership of the toast. */
void
chrono_window_add_toast (ChronoWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
