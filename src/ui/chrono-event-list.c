/* chrono-event-list.c — the sidebar: search, category filter and the event list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chrono-category-filter.h"
#include "chrono-event-list.h"
#include "chrono-event-row.h"
#include "chrono-partial-selection.h"

/* GTK 4.8's list view makes a row for up to 200 items at once. */
#define MAX_ROWS_MADE 200

struct _ChronoEventList
{
  GtkWidget        parent_instance;

  ChronoSession   *session;
  GSignalGroup    *session_signals;
  GSignalGroup    *selection_signals;
  GSignalGroup    *events_signals;
  GSignalGroup    *filter_signals;

  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkLabel        *count_label;
  GtkStack        *list_stack;
  GtkWidget       *no_results_page;
  GtkWidget       *empty_page;
  GtkListView     *list_view;

  /* The window's first frame is the timeline's: the list view gets no rows until it is
   * painted, then a screenful a frame. */
  ChronoPartialSelection *rows;
  GObject         *selected;   /* the item the list last went after, or NULL */
  gulong           layout_id;  /* goes after it again once the list is laid out */
  gulong           paint_id;
  int              min_row_height;
  gboolean         complete;
};

G_DEFINE_FINAL_TYPE (ChronoEventList, chrono_event_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCH_MODE,
  PROP_KEY_CAPTURE_WIDGET,
  N_PROPS
};

enum {
  EVENT_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_count (ChronoEventList *self)
{
  ChronoTimeline *timeline = self->session != NULL ? chrono_session_get_timeline (self->session) : NULL;
  guint total = timeline != NULL ? chrono_timeline_get_n_events (timeline) : 0;
  guint shown = self->session != NULL ? chrono_event_index_get_size (chrono_session_get_events (self->session)) : 0;
  g_autofree char *text = NULL;
  const char *page = "list";

  if (self->session == NULL || chrono_event_filter_is_empty (chrono_session_get_filter (self->session)))
    text = g_strdup_printf (ngettext ("%'u event", "%'u events", total), total);
  else
    /* Translators: how many events the search and category filter let through */
    text = g_strdup_printf (ngettext ("%'u of %'u event", "%'u of %'u events", total), shown, total);

  gtk_label_set_text (self->count_label, text);
  /* The status pages are made visible, and so built, when first shown. */
  if (shown == 0 && total > 0)
    {
      gtk_widget_set_visible (self->no_results_page, TRUE);
      page = "no-results";
    }
  else if (timeline != NULL && total == 0)
    {
      gtk_widget_set_visible (self->empty_page, TRUE);
      page = "empty";
    }
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* How many rows fill the window at least: no row is shorter than its margins (6 above
 * and below, and 2 between the date and the title), a line of text and a line of
 * caption, whose type is no smaller than seven tenths of the text's; Latin letters make
 * the shortest lines (Chinese ones are taller). */
static guint
rows_that_fit (ChronoEventList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = 0;

  if (GTK_IS_WINDOW (root))
    {
      height = gtk_widget_get_height (GTK_WIDGET (root));
      if (gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root)))
        {
          GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (root)),
                                                                   gtk_native_get_surface (GTK_NATIVE (root)));
          GdkRectangle geometry = { 0 };

          if (monitor != NULL)
            gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }

  if (height <= 0)
    return G_MAXUINT;

  if (self->min_row_height == 0)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL,
                                                             pango_language_from_string ("en"));
      int line = (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;

      pango_font_metrics_unref (metrics);
      self->min_row_height = MAX (6 + 6 + 2 + line + line * 7 / 10, 16);
    }

  return height / self->min_row_height + 1;
}

static void
show_all (ChronoEventList *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->complete = TRUE;
  if (self->paint_id != 0 && clock != NULL)
    g_clear_signal_handler (&self->paint_id, clock);
  chrono_partial_selection_set_limit (self->rows, G_MAXUINT);
}

/* Once a frame is on the screen, the next screenful of rows is made. Painted without
 * events (the timeline is still loading), the list waits for them: the timeline that
 * shows them is painted in the same frames. */
static void
after_paint_cb (GdkFrameClock   *clock,
                ChronoEventList *self)
{
  guint limit = chrono_partial_selection_get_limit (self->rows);
  GtkSelectionModel *all = chrono_partial_selection_get_model (self->rows);
  guint n_items = all != NULL ? g_list_model_get_n_items (G_LIST_MODEL (all)) : 0;

  if (n_items == 0)
    return;

  if (limit <= MAX_ROWS_MADE)
    chrono_partial_selection_grow (self->rows, rows_that_fit (self));
  if (limit > MAX_ROWS_MADE || chrono_partial_selection_get_limit (self->rows) >= n_items)
    show_all (self);
}

static void
chrono_event_list_realize (GtkWidget *widget)
{
  ChronoEventList *self = CHRONO_EVENT_LIST (widget);

  GTK_WIDGET_CLASS (chrono_event_list_parent_class)->realize (widget);

  if (self->complete)
    return;

  chrono_partial_selection_set_limit (self->rows, 0);
  if (self->paint_id == 0)
    self->paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                       G_CALLBACK (after_paint_cb), self);
}

static void
chrono_event_list_unrealize (GtkWidget *widget)
{
  ChronoEventList *self = CHRONO_EVENT_LIST (widget);

  if (self->paint_id != 0)
    g_clear_signal_handler (&self->paint_id, gtk_widget_get_frame_clock (widget));
  if (self->layout_id != 0)
    g_clear_signal_handler (&self->layout_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (chrono_event_list_parent_class)->unrealize (widget);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ChronoEventList          *self)
{
  GtkWidget *row = g_object_new (CHRONO_TYPE_EVENT_ROW,
                                 "margin-top", 6,
                                 "margin-bottom", 6,
                                 NULL);

  gtk_list_item_set_child (item, row);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ChronoEventList          *self)
{
  chrono_event_row_set_event (CHRONO_EVENT_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ChronoEventList          *self)
{
  chrono_event_row_set_event (CHRONO_EVENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
scroll_to_selected (ChronoEventList *self)
{
  guint position;

  if (self->session == NULL)
    return;

  position = gtk_single_selection_get_selected (chrono_session_get_selection (self->session));
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Newer list views (GTK 4.18; 4.12 and later by their source) take a row that is not laid
 * out yet (one an edit has just moved) to have no height, and scrolled to, such a row
 * below the view is kept with its top at the view's bottom, out of sight. In the frame's
 * layout, once the window's handler has laid the list out, the row has its height, and
 * the list scrolls to it again before the frame is drawn. */
static void
layout_cb (GdkFrameClock   *clock,
           ChronoEventList *self)
{
  g_clear_signal_handler (&self->layout_id, clock);
  scroll_to_selected (self);
}

/* The selection loses an event that an edit moves elsewhere in the list, and the session
 * selects it again at its new place once the edit is done: the list goes after it then
 * as after a newly selected event, but not after one that others' edits only shift. */
static void
selected_event_cb (ChronoEventList *self)
{
  GtkSingleSelection *selection = chrono_session_get_selection (self->session);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (g_set_object (&self->selected, gtk_single_selection_get_selected_item (selection)) &&
      self->selected != NULL)
    {
      /* Scrolled, the first frame may show any of the rows. */
      if (!self->complete)
        show_all (self);
      scroll_to_selected (self);
      if (clock != NULL && self->layout_id == 0)
        self->layout_id = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), self);
    }
}

static void
list_activate_cb (ChronoEventList *self,
                  guint            position)
{
  gtk_single_selection_set_selected (chrono_session_get_selection (self->session), position);
  g_signal_emit (self, signals[EVENT_CHOSEN], 0);
}

static void
list_click_released_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        ChronoEventList *self)
{
  if (self->session != NULL && chrono_session_get_selected_event (self->session) != NULL)
    g_signal_emit (self, signals[EVENT_CHOSEN], 0);
}

static void
search_changed_cb (ChronoEventList *self)
{
  if (self->session != NULL)
    chrono_event_filter_set_search_text (chrono_session_get_filter (self->session),
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search: the first match, and the keyboard goes to the list. */
static void
search_activate_cb (ChronoEventList *self)
{
  GtkSingleSelection *selection = chrono_session_get_selection (self->session);

  if (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 0)
    return;

  if (gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_mode_cb (ChronoEventList *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
chrono_event_list_dispose (GObject *object)
{
  ChronoEventList *self = CHRONO_EVENT_LIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_EVENT_LIST);
  /* Children without an id in the template are not covered by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->events_signals);
  g_clear_object (&self->filter_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->rows);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (chrono_event_list_parent_class)->dispose (object);
}

static void
chrono_event_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronoEventList *self = CHRONO_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, chrono_event_list_get_search_mode (self));
      break;

    case PROP_KEY_CAPTURE_WIDGET:
      g_value_set_object (value, gtk_search_bar_get_key_capture_widget (self->search_bar));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronoEventList *self = CHRONO_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      chrono_event_list_set_session (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      chrono_event_list_set_search_mode (self, g_value_get_boolean (value));
      break;

    case PROP_KEY_CAPTURE_WIDGET:
      gtk_search_bar_set_key_capture_widget (self->search_bar, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_list_class_init (ChronoEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_event_list_dispose;
  object_class->get_property = chrono_event_list_get_property;
  object_class->set_property = chrono_event_list_set_property;
  widget_class->realize = chrono_event_list_realize;
  widget_class->unrealize = chrono_event_list_unrealize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CHRONO_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Typing there starts a search, as with GtkSearchBar. */
  properties[PROP_KEY_CAPTURE_WIDGET] =
    g_param_spec_object ("key-capture-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_CHOSEN] =
    g_signal_new ("event-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (CHRONO_TYPE_CATEGORY_FILTER);
  g_type_ensure (CHRONO_TYPE_EVENT_ROW);
  g_type_ensure (CHRONO_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-event-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
}

static void
chrono_event_list_init (ChronoEventList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  self->rows = chrono_partial_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->rows));

  self->session_signals = g_signal_group_new (CHRONO_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::timeline", G_CALLBACK (update_count), self);
  self->selection_signals = g_signal_group_new (GTK_TYPE_SINGLE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::selected-item", G_CALLBACK (selected_event_cb), self);
  self->events_signals = g_signal_group_new (CHRONO_TYPE_EVENT_INDEX);
  g_signal_group_connect_swapped (self->events_signals, "items-changed", G_CALLBACK (update_count), self);
  /* The filter may change without changing which events pass ("6 of 6" and "6"). */
  self->filter_signals = g_signal_group_new (CHRONO_TYPE_EVENT_FILTER);
  g_signal_group_connect_swapped (self->filter_signals, "changed", G_CALLBACK (update_count), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  click = gtk_gesture_click_new ();
  /* Bubble phase: the row has selected the event by the time this runs. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "released", G_CALLBACK (list_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  update_count (self);
}

ChronoSession *
chrono_event_list_get_session (ChronoEventList *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_LIST (self), NULL);

  return self->session;
}

void
chrono_event_list_set_session (ChronoEventList *self,
                               ChronoSession   *session)
{
  g_return_if_fail (CHRONO_IS_EVENT_LIST (self));
  g_return_if_fail (!session || CHRONO_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_clear_object (&self->selected);
  chrono_partial_selection_set_model (self->rows,
                                      session != NULL ? GTK_SELECTION_MODEL (chrono_session_get_selection (session)) : NULL);
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->selection_signals, session != NULL ? chrono_session_get_selection (session) : NULL);
  g_signal_group_set_target (self->events_signals, session != NULL ? chrono_session_get_events (session) : NULL);
  g_signal_group_set_target (self->filter_signals, session != NULL ? chrono_session_get_filter (session) : NULL);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
chrono_event_list_get_search_mode (ChronoEventList *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_LIST (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
chrono_event_list_set_search_mode (ChronoEventList *self,
                                   gboolean         search_mode)
{
  g_return_if_fail (CHRONO_IS_EVENT_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

void
chrono_event_list_start_search (ChronoEventList *self)
{
  g_return_if_fail (CHRONO_IS_EVENT_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
chrono_event_list_clear_search (ChronoEventList *self)
{
  g_return_if_fail (CHRONO_IS_EVENT_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}
