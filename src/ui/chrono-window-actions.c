/* chrono-window-actions.c — the window's actions and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include "chrono-ui-util.h"
#include "chrono-window-private.h"

void
_chrono_window_update_actions (ChronoWindow *self)
{
  GtkSingleSelection *selection = chrono_session_get_selection (self->session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  guint selected = gtk_single_selection_get_selected (selection);
  gboolean has_timeline = chrono_session_get_timeline (self->session) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-event",
                                 n > 0 && (selected == GTK_INVALID_LIST_POSITION || selected > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-event",
                                 n > 0 && (selected == GTK_INVALID_LIST_POSITION || selected + 1 < n));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_timeline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_timeline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load",
                                 chrono_session_get_opening_file (self->session) != NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  chrono_window_open_files (CHRONO_WINDOW (widget), &file, 1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Nothing to ask: opening replaces only a timeline that cannot have unsaved changes
   * (the built-in one, or none); other files open in windows of their own. */
  _chrono_window_open (CHRONO_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _chrono_window_export (CHRONO_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _chrono_window_print (CHRONO_WINDOW (widget));
}

static void
step_selection (ChronoWindow *self,
                int           delta)
{
  GtkSingleSelection *selection = chrono_session_get_selection (self->session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  guint selected = gtk_single_selection_get_selected (selection);

  if (n == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = delta > 0 ? 0 : n - 1;
  else if (delta < 0 && selected > 0)
    selected--;
  else if (delta > 0 && selected + 1 < n)
    selected++;

  gtk_single_selection_set_selected (selection, selected);
}

static void
previous_event_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  step_selection (CHRONO_WINDOW (widget), -1);
}

static void
next_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  step_selection (CHRONO_WINDOW (widget), +1);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  chrono_event_list_start_search (self->event_list);
}

static void
show_all_categories_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  chrono_event_filter_set_hidden_categories (chrono_session_get_filter (self->session), NULL);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _chrono_window_dismiss_error (CHRONO_WINDOW (widget));
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  chrono_session_cancel_load (CHRONO_WINDOW (widget)->session);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               chrono_ui_toast_new (g_variant_get_string (parameter, NULL)));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  if (_chrono_window_get_editing (self))
    _chrono_window_editor_cancelled (self);
  else if (gtk_revealer_get_reveal_child (self->error_revealer))
    _chrono_window_dismiss_error (self);
  else if (chrono_event_list_get_search_mode (self->event_list))
    chrono_event_list_set_search_mode (self->event_list, FALSE);
  else if (self->narrow && adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    chrono_session_select_event (self->session, NULL);

  return TRUE;
}

static gboolean
zoom_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  ChronoWindow *self = CHRONO_WINDOW (user_data);

  return gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), g_variant_get_string (args, NULL), NULL);
}

static void
add_zoom_key (GtkShortcutController *controller,
              ChronoWindow          *self,
              guint                  key,
              const char            *action)
{
  for (guint i = 0; i < 2; i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, i == 0 ? 0 : GDK_CONTROL_MASK),
                                   gtk_callback_action_new (zoom_key_cb, self, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (action));
      gtk_shortcut_controller_add_shortcut (controller, shortcut);
    }
}

/* The shortcuts window is built the first time it is asked for (GTK would build it with
 * every window, from gtk/help-overlay.ui); from then on it is GTK's own help overlay,
 * whose action replaces this one. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/chrono-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* The zoom keys zoom wherever the keyboard is, except in a text entry (which takes them
 * before the window sees them). Added after the search bar's key capture, they come
 * before it: a + after Return took the keyboard to the event pane must not start a
 * search for "+". */
void
_chrono_window_actions_init (ChronoWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  g_autoptr(GSimpleAction) help_overlay = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (help_overlay, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  add_zoom_key (shortcuts, self, GDK_KEY_plus, "timeline.zoom-in");
  add_zoom_key (shortcuts, self, GDK_KEY_equal, "timeline.zoom-in");
  add_zoom_key (shortcuts, self, GDK_KEY_KP_Add, "timeline.zoom-in");
  add_zoom_key (shortcuts, self, GDK_KEY_minus, "timeline.zoom-out");
  add_zoom_key (shortcuts, self, GDK_KEY_KP_Subtract, "timeline.zoom-out");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_chrono_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, previous_event_action);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, next_event_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-all-categories", NULL, show_all_categories_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lanes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-event", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}
