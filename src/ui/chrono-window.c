/* chrono-window.c — the main window: timeline, event list and linked panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-event-pane.h"
#include "chrono-event-row.h"
#include "chrono-quote-pane.h"
#include "chrono-ui-util.h"
#include "chrono-window.h"
#include "io/chrono-timeline-reader.h"
#include "model/chrono-event-index.h"
#include "view/chrono-exporter.h"
#include "view/chrono-overview.h"
#include "view/chrono-timeline-view.h"
#include "view/chrono-viewport.h"

#define BUILTIN_TIMELINE_URI "resource://" RESOURCE_PATH "/timelines/alexnet-to-agi.chronoscope"

/* Below this window width the sidebar folds away; below the second width of the main
 * area the event and quote panes stack. */
#define NARROW_WIDTH 720
#define STACKED_WIDTH 760

struct _ChronoWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *file_cancellable;   /* the file being opened, for Cancel */

  ChronoTimeline       *timeline;
  gboolean              timeline_is_builtin;
  ChronoEventFilter    *event_filter;
  ChronoEventIndex     *events;
  GtkSingleSelection   *selection;

  GtkWidget            *timeline_view;
  GtkWidget            *overview;

  guint                 load_serial;
  guint                 applied_serial;
  guint                 pending_loads;
  gboolean              state_restored;
  gboolean              syncing_selection;
  gboolean              narrow;
  gboolean              stacked;
  gboolean              layout_applied;
  guint                 layout_idle_id;
  guint                 span_save_id;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *search_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwFlap              *flap;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkMenuButton        *category_button;
  GtkBox               *category_box;
  GtkStack             *list_stack;
  GtkListView          *event_list;
  GtkWidget            *main_box;
  GtkBox               *timeline_box;
  GtkLabel             *span_label;
  GtkBox               *panes_box;
  ChronoEventPane      *event_pane;
  ChronoQuotePane      *quote_pane;
};

G_DEFINE_FINAL_TYPE (ChronoWindow, chrono_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ChronoWindow *self;
  GFile        *file;
  guint         serial;
  gboolean      builtin;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

typedef struct
{
  ChronoWindow *self;
  guint         serial;
} ProgressData;

static void
progress_data_free (ProgressData *data)
{
  g_clear_object (&data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static ChronoViewport *
get_viewport (ChronoWindow *self)
{
  return chrono_timeline_view_get_viewport (CHRONO_TIMELINE_VIEW (self->timeline_view));
}

guint
chrono_window_find_position (ChronoWindow *self,
                             ChronoEvent  *event)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), GTK_INVALID_LIST_POSITION);

  return chrono_event_index_find (self->events, event);
}

static void
update_count (ChronoWindow *self)
{
  guint total = self->timeline != NULL ? chrono_timeline_get_n_events (self->timeline) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autofree char *text = NULL;

  if (chrono_event_filter_is_empty (self->event_filter))
    text = g_strdup_printf (ngettext ("%u event", "%u events", total), total);
  else
    /* Translators: how many events the search and category filter let through */
    text = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", total), shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown == 0 && total > 0 ? "no-results" : "list");
}

static void
update_navigation_actions (ChronoWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-event",
                                 n > 0 && (selected == GTK_INVALID_LIST_POSITION || selected > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-event",
                                 n > 0 && (selected == GTK_INVALID_LIST_POSITION || selected + 1 < n));
}

static void
selection_changed_cb (ChronoWindow *self)
{
  ChronoEvent *event = gtk_single_selection_get_selected_item (self->selection);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (!self->syncing_selection)
    {
      self->syncing_selection = TRUE;
      chrono_timeline_view_set_selected_event (CHRONO_TIMELINE_VIEW (self->timeline_view), event);
      self->syncing_selection = FALSE;
    }

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);

  if (self->timeline_is_builtin && self->state_restored)
    g_settings_set_string (self->settings, "selected-event",
                           event != NULL ? chrono_event_get_id (event) : "");

  update_navigation_actions (self);
}

static void
view_selected_event_cb (ChronoWindow *self)
{
  ChronoEvent *event;

  if (self->syncing_selection)
    return;

  event = chrono_timeline_view_get_selected_event (CHRONO_TIMELINE_VIEW (self->timeline_view));
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, chrono_window_find_position (self, event));
  self->syncing_selection = FALSE;
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
list_activate_cb (ChronoWindow *self,
                  guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
list_click_released_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        ChronoWindow    *self)
{
  if (adw_flap_get_folded (self->flap) &&
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
events_changed_cb (ChronoWindow *self)
{
  update_count (self);
  update_navigation_actions (self);
}

static void
sync_category_checks (ChronoWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "chrono-category-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                   chrono_event_filter_get_category_visible (self->event_filter, id));
    }
}

static void
event_filter_changed_cb (ChronoWindow *self)
{
  g_auto(GStrv) hidden = chrono_event_filter_dup_hidden_categories (self->event_filter);
  g_auto(GStrv) saved = g_settings_get_strv (self->settings, "hidden-categories");

  if (!g_strv_equal ((const char * const *) hidden, (const char * const *) saved))
    g_settings_set_strv (self->settings, "hidden-categories", (const char * const *) hidden);

  sync_category_checks (self);
  update_count (self);
}

static void
category_toggled_cb (GtkCheckButton *check,
                     gpointer        user_data)
{
  ChronoWindow *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (check), "chrono-category-id");

  chrono_event_filter_set_category_visible (self->event_filter, id,
                                            gtk_check_button_get_active (check));
}

static void
draw_category_dot_cb (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        user_data)
{
  ChronoCategory *category = user_data;
  GdkRGBA color;

  if (!chrono_ui_get_category_color (category, &color))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
rebuild_categories (ChronoWindow *self)
{
  GListModel *categories;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box))) != NULL)
    gtk_box_remove (self->category_box, child);

  categories = self->timeline != NULL ? chrono_timeline_get_categories (self->timeline) : NULL;
  n = categories != NULL ? g_list_model_get_n_items (categories) : 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_button), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *dot = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (chrono_category_get_name (category));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_category_dot_cb,
                                      g_object_ref (category), g_object_unref);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);

      g_object_set_data_full (G_OBJECT (check), "chrono-category-id",
                              g_strdup (chrono_category_get_id (category)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chrono_event_filter_get_category_visible (self->event_filter,
                                                                             chrono_category_get_id (category)));
      g_signal_connect (check, "toggled", G_CALLBACK (category_toggled_cb), self);
      gtk_box_append (self->category_box, check);
    }
}

static void
update_span_label (ChronoWindow *self)
{
  ChronoViewport *viewport = get_viewport (self);
  ChronoDate start_date, end_date;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *text = NULL;
  ChronoPrecision precision;
  ChronoTime start, end;

  if (viewport == NULL || self->timeline == NULL || chrono_timeline_get_n_events (self->timeline) == 0)
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

static void
restore_visible_span (ChronoWindow *self)
{
  ChronoViewport *viewport = get_viewport (self);
  gint64 start = g_settings_get_int64 (self->settings, "visible-start");
  gint64 end = g_settings_get_int64 (self->settings, "visible-end");

  if (viewport != NULL && start < end)
    chrono_viewport_set_visible_span (viewport, start, end);
}

static void
save_visible_span (ChronoWindow *self)
{
  ChronoViewport *viewport = get_viewport (self);

  if (viewport == NULL || !self->timeline_is_builtin || !self->state_restored)
    return;

  g_settings_set_int64 (self->settings, "visible-start", chrono_viewport_get_visible_start (viewport));
  g_settings_set_int64 (self->settings, "visible-end", chrono_viewport_get_visible_end (viewport));
}

static gboolean
save_visible_span_cb (gpointer user_data)
{
  ChronoWindow *self = user_data;

  self->span_save_id = 0;
  save_visible_span (self);

  return G_SOURCE_REMOVE;
}

/* Zooming changes the span many times a second; it is written once it settles. */
static void
visible_span_changed_cb (ChronoWindow *self)
{
  update_span_label (self);

  if (!self->timeline_is_builtin || !self->state_restored)
    return;

  g_clear_handle_id (&self->span_save_id, g_source_remove);
  self->span_save_id = g_timeout_add (500, save_visible_span_cb, self);
}

/* The saved state belongs to the built-in timeline, so it is restored once, when that
 * timeline first arrives. */
static void
restore_state (ChronoWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "selected-event");
  ChronoEvent *event = NULL;

  if (*id != '\0')
    event = chrono_timeline_lookup_event (self->timeline, id);
  if (event != NULL)
    chrono_window_select_event (self, event);

  restore_visible_span (self);
  self->state_restored = TRUE;
}

static void
apply_timeline (ChronoWindow   *self,
                ChronoTimeline *timeline,
                GFile          *file,
                gboolean        builtin)
{
  const char *title;

  if (self->timeline != NULL && self->timeline_is_builtin && self->state_restored)
    save_visible_span (self);

  g_set_object (&self->timeline, timeline);
  self->timeline_is_builtin = builtin;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  chrono_event_index_set_timeline (self->events, timeline);

  chrono_timeline_view_set_timeline (CHRONO_TIMELINE_VIEW (self->timeline_view), timeline);
  chrono_overview_set_timeline (CHRONO_OVERVIEW (self->overview), timeline);
  chrono_event_pane_set_timeline (self->event_pane, timeline);
  chrono_quote_pane_set_timeline (self->quote_pane, timeline);

  title = timeline != NULL ? chrono_timeline_get_title (timeline) : NULL;
  if (title == NULL || *title == '\0')
    title = timeline != NULL ? _("Untitled Timeline") : _("Chronoscope");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (file != NULL && !builtin)
    {
      g_autofree char *name = g_file_get_basename (file);

      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    adw_window_title_set_subtitle (self->window_title,
                                   timeline != NULL ? chrono_timeline_get_description (timeline) : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", timeline != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", timeline != NULL);

  rebuild_categories (self);
  update_span_label (self);
  update_count (self);
  update_navigation_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

static void
show_error (ChronoWindow *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name; the reader's explanation follows on the next line */
  g_autofree char *headline = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *text = g_strdup_printf ("%s\n%s", headline, error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_progress (ChronoWindow *self)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  g_clear_object (&self->file_cancellable);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  ChronoWindow *self = data->self;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = chrono_timeline_load_finish (result, &error);
  self->pending_loads--;

  if (!data->builtin && data->serial == self->load_serial)
    hide_progress (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (timeline == NULL)
    show_error (self, data->file, error);
  /* A newer request already won: an older load finishing late must not replace it. */
  else if (data->serial > self->applied_serial)
    {
      self->applied_serial = data->serial;
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      apply_timeline (self, timeline, data->file, data->builtin);
      if (data->builtin && !self->state_restored)
        restore_state (self);
    }

  if (self->pending_loads == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  ProgressData *data = user_data;

  if (data->serial == data->self->load_serial)
    gtk_progress_bar_set_fraction (data->self->progress_bar, fraction);
}

static void
load (ChronoWindow *self,
      GFile        *file,
      gboolean      builtin)
{
  LoadData *data = g_new0 (LoadData, 1);
  ProgressData *progress;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->serial = ++self->load_serial;
  data->builtin = builtin;

  if (self->pending_loads++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (builtin)
    {
      chrono_timeline_load_async (file, self->cancellable, load_cb, data);
      return;
    }

  /* The timeline on screen stays usable while the new one loads; opening another file
   * supersedes this one, and Cancel stops it. */
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  self->file_cancellable = g_cancellable_new ();

  name = g_file_get_basename (file);
  /* Translators: shown with a progress bar while a file loads; %s is its name */
  text = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);

  progress = g_new0 (ProgressData, 1);
  progress->self = g_object_ref (self);
  progress->serial = data->serial;
  chrono_timeline_load_with_progress_async (file, load_progress_cb, progress,
                                            (GDestroyNotify) progress_data_free,
                                            self->file_cancellable, load_cb, data);
}

static gboolean
apply_layout_idle_cb (gpointer user_data)
{
  ChronoWindow *self = user_data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;
  gboolean stacked = narrow || gtk_widget_get_width (GTK_WIDGET (self->main_box)) < STACKED_WIDTH;
  GtkOrientation orientation = stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  self->layout_idle_id = 0;

  if (!self->layout_applied || stacked != self->stacked)
    {
      self->stacked = stacked;
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->panes_box), orientation);
      g_object_set (self->quote_pane, "orientation", orientation, NULL);
    }

  if (!self->layout_applied || narrow != self->narrow)
    {
      self->narrow = narrow;

      /* Folded, the sidebar is an overlay the user opens on demand; that choice is not
       * the wide window's remembered one, so the setting is only bound while unfolded. */
      if (narrow)
        {
          g_settings_unbind (self->flap, "reveal-flap");
          adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
          adw_flap_set_reveal_flap (self->flap, FALSE);
        }
      else
        {
          adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_NEVER);
          g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
        }
    }

  /* At first the timeline takes a little more than half of the height. */
  if (!self->layout_applied)
    gtk_paned_set_position (GTK_PANED (self->main_box),
                            gtk_widget_get_height (self->main_box) * 11 / 20);

  self->layout_applied = TRUE;

  return G_SOURCE_REMOVE;
}

static void
chrono_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  gboolean narrow;
  gboolean stacked;

  GTK_WIDGET_CLASS (chrono_window_parent_class)->size_allocate (widget, width, height, baseline);

  narrow = width < NARROW_WIDTH;
  stacked = narrow || gtk_widget_get_width (GTK_WIDGET (self->main_box)) < STACKED_WIDTH;

  /* Changing the layout inside an allocation would queue another one; do it next. */
  if ((!self->layout_applied || narrow != self->narrow || stacked != self->stacked) &&
      self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add (apply_layout_idle_cb, self);
}

static void
search_changed_cb (ChronoWindow *self)
{
  chrono_event_filter_set_search_text (self->event_filter,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (ChronoWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
}

static void
search_mode_cb (ChronoWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
quote_activated_cb (ChronoWindow *self,
                    ChronoQuote  *quote)
{
  ChronoEvent *event = chrono_quote_get_event (quote);

  if (event == NULL)
    return;

  /* A quote of a filtered-out event must still be reachable: clear the filter first. */
  if (chrono_window_find_position (self, event) == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      chrono_event_filter_set_search_text (self->event_filter, NULL);
      chrono_event_filter_set_hidden_categories (self->event_filter, NULL);
    }

  chrono_window_select_event (self, event);
}

static void
open_files (ChronoWindow *self,
            GFile        *file)
{
  if (file != NULL)
    chrono_window_open_file (self, file);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  ChronoWindow *self = user_data;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      open_files (self, files->data);
      return TRUE;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      open_files (self, g_value_get_object (value));
      return TRUE;
    }

  return FALSE;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChronoWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  open_files (self, file);
}
#else
static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  ChronoWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      open_files (self, file);
    }

  g_object_unref (dialog);
}
#endif

static GListStore *
create_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) native = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) timelinejs = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Timelines"));
  gtk_file_filter_add_pattern (all, "*.chronoscope");
  gtk_file_filter_add_mime_type (all, "application/x-chronoscope-timeline");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_filter_add_mime_type (all, "application/json");

  gtk_file_filter_set_name (native, _("Chronoscope Timelines"));
  gtk_file_filter_add_pattern (native, "*.chronoscope");
  gtk_file_filter_add_mime_type (native, "application/x-chronoscope-timeline");

  gtk_file_filter_set_name (timelinejs, _("TimelineJS Files"));
  gtk_file_filter_add_pattern (timelinejs, "*.json");
  gtk_file_filter_add_mime_type (timelinejs, "application/json");

  g_list_store_append (filters, all);
  g_list_store_append (filters, native);
  g_list_store_append (filters, timelinejs);

  return filters;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  g_autoptr(GListStore) filters = create_file_filters ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Timeline"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, open_dialog_cb, g_object_ref (self));
#else
  GtkFileChooserNative *native;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (filters));

  native = gtk_file_chooser_native_new (_("Open Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

/* What the timeline view shows, for export and print. */
static ChronoExporter *
create_exporter (ChronoWindow *self)
{
  ChronoTimelineView *view = CHRONO_TIMELINE_VIEW (self->timeline_view);
  ChronoExportParams params = { 0 };

  params.timeline = self->timeline;
  params.filter = self->event_filter;
  params.selected = chrono_timeline_view_get_selected_event (view);
  chrono_viewport_get_visible_span (get_viewport (self), &params.start, &params.end);
  params.width = MAX (gtk_widget_get_width (self->timeline_view), 600);
  params.height = MAX (gtk_widget_get_height (self->timeline_view), 300);
  params.lanes = chrono_timeline_view_get_lanes (view);

  return chrono_exporter_new (&params);
}

static void
export_to_file (ChronoWindow       *self,
                GFile              *file,
                ChronoExportFormat  format)
{
  g_autoptr(ChronoExporter) exporter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;

  if (self->timeline == NULL)
    return;

  /* An extension the user typed wins over the filter that happened to be selected. */
  name = g_file_get_basename (file);
  chrono_export_format_from_name (name, &format);

  exporter = create_exporter (self);
  if (chrono_exporter_write (exporter, format, format == CHRONO_EXPORT_FORMAT_PNG ? 2 : 1,
                             file, NULL, &error))
    /* Translators: %s is the name of the file the timeline was exported to */
    text = g_strdup_printf (_("Exported to %s"), name);
  else
    text = g_strdup (error->message);

  /* Toast titles are markup. */
  markup = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static GListStore *
create_export_filters (void)
{
  static const struct {
    const char         *name;
    const char         *mime_type;
    ChronoExportFormat  format;
  } formats[] = {
    { N_("PNG Image"), "image/png", CHRONO_EXPORT_FORMAT_PNG },
    { N_("SVG Image"), "image/svg+xml", CHRONO_EXPORT_FORMAT_SVG },
    { N_("PDF Document"), "application/pdf", CHRONO_EXPORT_FORMAT_PDF },
  };
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", chrono_export_format_get_extension (formats[i].format));

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "chrono-export-format", GINT_TO_POINTER (formats[i].format));
      g_list_store_append (filters, filter);
    }

  return filters;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChronoWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    export_to_file (self, file, CHRONO_EXPORT_FORMAT_PNG);
}
#else
static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  ChronoWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      ChronoExportFormat format = CHRONO_EXPORT_FORMAT_PNG;

      if (filter != NULL)
        format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "chrono-export-format"));
      if (file != NULL)
        export_to_file (self, file, format);
    }

  g_object_unref (dialog);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  g_autoptr(GListStore) filters = create_export_filters ();
  g_autofree char *initial_name = NULL;
  const char *title;

  if (self->timeline == NULL)
    return;

  title = chrono_timeline_get_title (self->timeline);
  /* Translators: the file name suggested for an exported timeline that has no title */
  initial_name = g_strdup_printf ("%s.png", title != NULL && *title != '\0' ? title : _("Timeline"));
  g_strdelimit (initial_name, "/\\", '-');

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Timeline"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_initial_name (dialog, initial_name);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;
    guint n = g_list_model_get_n_items (G_LIST_MODEL (filters));

    native = gtk_file_chooser_native_new (_("Export Timeline"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      }
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    ChronoExporter    *exporter)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double width = chrono_exporter_get_width (exporter);
  double height = chrono_exporter_get_height (exporter);
  double scale = MIN (page_width / width, page_height / height);

  cairo_translate (cr, (page_width - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  chrono_exporter_draw (exporter, cr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               ChronoWindow            *self)
{
  g_autoptr(GError) error = NULL;

  /* Reported once, whether the error came from running or from the finished job. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "chrono-reported") == NULL)
    {
      g_autofree char *markup = NULL;

      g_object_set_data (G_OBJECT (operation), "chrono-reported", GINT_TO_POINTER (TRUE));

      gtk_print_operation_get_error (operation, &error);
      markup = g_markup_escape_text (error != NULL ? error->message : _("Could not print"), -1);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GError) error = NULL;
  ChronoExporter *exporter;

  if (self->timeline == NULL)
    return;

  exporter = create_exporter (self);
  operation = gtk_print_operation_new ();
  page_setup = gtk_page_setup_new ();
  /* Timelines are wide. */
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, chrono_exporter_get_title (exporter));
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "chrono-exporter", exporter,
                          (GDestroyNotify) chrono_exporter_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page_cb), exporter);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    print_done_cb (operation, GTK_PRINT_OPERATION_RESULT_ERROR, self);
}

static void
step_selection (ChronoWindow *self,
                int           delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = delta > 0 ? 0 : n - 1;
  else if (delta < 0 && selected > 0)
    selected--;
  else if (delta > 0 && selected + 1 < n)
    selected++;

  gtk_single_selection_set_selected (self->selection, selected);
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
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_all_categories_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  chrono_event_filter_set_hidden_categories (CHRONO_WINDOW (widget)->event_filter, NULL);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (CHRONO_WINDOW (widget)->error_revealer, FALSE);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  hide_progress (self);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  ChronoWindow *self = CHRONO_WINDOW (widget);

  if (gtk_revealer_get_reveal_child (self->error_revealer))
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  else if (self->narrow && adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  return TRUE;
}

static gboolean
chrono_window_close_request (GtkWindow *window)
{
  ChronoWindow *self = CHRONO_WINDOW (window);

  g_clear_handle_id (&self->span_save_id, g_source_remove);
  save_visible_span (self);

  return GTK_WINDOW_CLASS (chrono_window_parent_class)->close_request (window);
}

static void
chrono_window_dispose (GObject *object)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  /* Quitting from the menu or Ctrl+Q disposes the window without a close request. */
  if (self->timeline_view != NULL && self->span_save_id != 0)
    save_visible_span (self);
  g_clear_handle_id (&self->span_save_id, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->timeline_view != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline_view, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (chrono_window_parent_class)->dispose (object);
}

static void
chrono_window_finalize (GObject *object)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  g_clear_object (&self->event_filter);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

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
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->pending_loads > 0);
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
  widget_class->size_allocate = chrono_window_size_allocate;
  window_class->close_request = chrono_window_close_request;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONO_TYPE_TIMELINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHRONO_TYPE_EVENT_PANE);
  g_type_ensure (CHRONO_TYPE_EVENT_ROW);
  g_type_ensure (CHRONO_TYPE_QUOTE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, category_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, category_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, span_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, panes_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, event_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, quote_pane);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
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

static void
chrono_window_init (ChronoWindow *self)
{
  g_autoptr(GFile) builtin = g_file_new_for_uri (BUILTIN_TIMELINE_URI);
  g_autoptr(GAction) quotes_action = NULL;
  g_autoptr(GAction) lanes_action = NULL;
  g_auto(GStrv) hidden = NULL;
  GtkDropTarget *drop_target;
  GtkGesture *click;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* A window remembered narrow opens folded and stacked: unfolded, the sidebar and the
   * side-by-side panes would ask for more width than it has, and it would open wider
   * (551 px in Chinese instead of 360) before the first allocation could fold it. */
  if (g_settings_get_int (self->settings, "window-width") < NARROW_WIDTH)
    {
      adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->panes_box), GTK_ORIENTATION_VERTICAL);
      g_object_set (self->quote_pane, "orientation", GTK_ORIENTATION_VERTICAL, NULL);
    }

  /* One filter and one selection, shared by the timeline, the list and the panes. */
  self->event_filter = chrono_event_filter_new ();
  hidden = g_settings_get_strv (self->settings, "hidden-categories");
  chrono_event_filter_set_hidden_categories (self->event_filter, (const char * const *) hidden);
  self->events = chrono_event_index_new (NULL, self->event_filter);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->event_list, "activate", G_CALLBACK (list_activate_cb), self);
  click = gtk_gesture_click_new ();
  /* Bubble phase: the row has selected the event by the time this runs. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "released", G_CALLBACK (list_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->event_list), GTK_EVENT_CONTROLLER (click));

  self->timeline_view = chrono_timeline_view_new ();
  gtk_widget_set_vexpand (self->timeline_view, TRUE);
  chrono_timeline_view_set_filter (CHRONO_TIMELINE_VIEW (self->timeline_view), self->event_filter);
  self->overview = chrono_overview_new ();
  chrono_overview_set_viewport (CHRONO_OVERVIEW (self->overview), get_viewport (self));
  chrono_overview_set_filter (CHRONO_OVERVIEW (self->overview), self->event_filter);
  gtk_box_prepend (self->timeline_box, self->overview);
  gtk_box_prepend (self->timeline_box, self->timeline_view);
  g_signal_connect_object (get_viewport (self), "notify::visible-start",
                           G_CALLBACK (visible_span_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_viewport (self), "notify::visible-end",
                           G_CALLBACK (visible_span_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->event_filter, "changed", G_CALLBACK (event_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (events_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->timeline_view, "notify::selected-event", G_CALLBACK (view_selected_event_cb), self);
  g_signal_connect_swapped (self->timeline_view, "event-activated", G_CALLBACK (event_activated_cb), self);
  g_object_bind_property (self->selection, "selected-item", self->event_pane, "event", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->selection, "selected-item", self->quote_pane, "event", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->quote_pane, "quote-activated", G_CALLBACK (quote_activated_cb), self);

  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->search_bar, "search-mode-enabled", self->search_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);

  g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-original", self->quote_pane, "show-original", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quote-view", self->quote_pane, "view", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quote-pane-visible", self->quote_pane, "visible", G_SETTINGS_BIND_DEFAULT);
  quotes_action = g_settings_create_action (self->settings, "quote-pane-visible");
  g_action_map_add_action (G_ACTION_MAP (self), quotes_action);
  g_settings_bind (self->settings, "lanes", self->timeline_view, "lanes", G_SETTINGS_BIND_DEFAULT);
  lanes_action = g_settings_create_action (self->settings, "lanes");
  g_action_map_add_action (G_ACTION_MAP (self), lanes_action);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  apply_timeline (self, NULL, NULL, FALSE);
  load (self, builtin, TRUE);
}

ChronoWindow *
chrono_window_new (ChronoApplication *application)
{
  return g_object_new (CHRONO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

ChronoTimeline *
chrono_window_get_timeline (ChronoWindow *self)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), NULL);

  return self->timeline;
}

/* Shows @timeline at once; a load still running for an earlier request is ignored. */
void
chrono_window_set_timeline (ChronoWindow   *self,
                            ChronoTimeline *timeline)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));
  g_return_if_fail (timeline == NULL || CHRONO_IS_TIMELINE (timeline));

  self->applied_serial = ++self->load_serial;
  self->state_restored = TRUE;
  apply_timeline (self, timeline, NULL, FALSE);
}

void
chrono_window_open_file (ChronoWindow *self,
                         GFile        *file)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load (self, file, FALSE);
}

gboolean
chrono_window_is_loading (ChronoWindow *self)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), FALSE);

  return self->pending_loads > 0;
}

GtkSingleSelection *
chrono_window_get_selection (ChronoWindow *self)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), NULL);

  return self->selection;
}

ChronoEventFilter *
chrono_window_get_event_filter (ChronoWindow *self)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), NULL);

  return self->event_filter;
}

ChronoEvent *
chrono_window_get_selected_event (ChronoWindow *self)
{
  g_return_val_if_fail (CHRONO_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
chrono_window_select_event (ChronoWindow *self,
                            ChronoEvent  *event)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));
  g_return_if_fail (event == NULL || CHRONO_IS_EVENT (event));

  gtk_single_selection_set_selected (self->selection, chrono_window_find_position (self, event));
}

/* Takes ownership of the toast. */
void
chrono_window_add_toast (ChronoWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (CHRONO_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
