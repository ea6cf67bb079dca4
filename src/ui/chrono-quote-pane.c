/* chrono-quote-pane.c — the quotes of the selected event, or every quote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-quote-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chrono-quote-pane.h"
#include "chrono-session.h"
#include "chrono-quote-row.h"
#include "chrono-ui-util.h"

struct _ChronoQuotePane
{
  GtkWidget        parent_instance;

  ChronoEvent     *event;
  ChronoTimeline  *timeline;
  ChronoSession   *session;
  GBindingGroup   *session_bindings;
  gboolean         show_original;
  gboolean         editable;
  GtkOrientation   orientation;

  GtkToggleButton *event_toggle;
  GtkToggleButton *all_toggle;
  GtkWidget       *original_switch_box;
  GtkSwitch       *original_switch;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkListBox      *event_quotes;
  GtkListView     *all_quotes;
  gboolean         all_quotes_stale;
  gboolean         all_quotes_unmeasured;
  gboolean         activating;   /* a quote: the event selected is the quote's */
  guint            scroll_tick;
};

G_DEFINE_FINAL_TYPE (ChronoQuotePane, chrono_quote_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_TIMELINE,
  PROP_SESSION,
  PROP_SHOW_ORIGINAL,
  PROP_VIEW,
  PROP_EDITABLE,
  PROP_ORIENTATION,
  N_PROPS
};

enum {
  QUOTE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
showing_all (ChronoQuotePane *self)
{
  return gtk_toggle_button_get_active (self->all_toggle);
}

/* Every quote makes a row that wraps its text: the list is only filled while it is
 * shown, so that a window starting on one event's quotes does not lay out them all. */
static void
fill_all_quotes (ChronoQuotePane *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (!self->all_quotes_stale)
    return;

  self->all_quotes_stale = FALSE;
  self->all_quotes_unmeasured = TRUE;
  if (self->timeline != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (chrono_timeline_get_quotes (self->timeline))));
  gtk_list_view_set_model (self->all_quotes, selection);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  ChronoQuotePane *self = user_data;
  guint position = G_MAXUINT;

  /* Its rows must have been measured once for it to know where one is. */
  if (self->all_quotes_unmeasured)
    {
      self->all_quotes_unmeasured = FALSE;
      return G_SOURCE_CONTINUE;
    }

  self->scroll_tick = 0;
  if (self->event != NULL && self->timeline != NULL)
    position = chrono_timeline_find_first_quote (self->timeline, self->event);
  if (position != G_MAXUINT)
    gtk_widget_activate_action (widget, "list.scroll-to-item", "u", position);

  return G_SOURCE_REMOVE;
}

/* Showing every quote, the list follows the selection to the selected event's quotes;
 * not when a quote in it was activated, which selected its event, so that the list
 * stays where the reader is. It scrolls at a frame, once laid out. */
static void
scroll_to_event_quotes (ChronoQuotePane *self)
{
  if (showing_all (self) && !self->activating && self->event != NULL && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->all_quotes), scroll_tick_cb, self, NULL);
}

static void
update_page (ChronoQuotePane *self)
{
  if (showing_all (self))
    {
      GListModel *quotes = self->timeline != NULL ? chrono_timeline_get_quotes (self->timeline) : NULL;

      if (quotes != NULL && g_list_model_get_n_items (quotes) > 0)
        {
          fill_all_quotes (self);
          gtk_stack_set_visible_child_name (self->stack, "all");
          return;
        }
      adw_status_page_set_description (self->empty_page, _("This timeline has no quotes."));
    }
  else if (self->event == NULL)
    adw_status_page_set_description (self->empty_page, _("Select an event to read what was said about it."));
  else if (chrono_event_get_quotes (self->event)->len == 0)
    adw_status_page_set_description (self->empty_page, _("Nobody is quoted on this event."));
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "event");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
emit_quote_activated (ChronoQuotePane *self,
                      ChronoQuote     *quote)
{
  self->activating = TRUE;
  g_signal_emit (self, signals[QUOTE_ACTIVATED], 0, quote);
  self->activating = FALSE;
}

static void
row_show_event_cb (ChronoQuoteRow *row,
                   ChronoQuote    *quote,
                   gpointer        user_data)
{
  emit_quote_activated (CHRONO_QUOTE_PANE (user_data), quote);
}

static GtkWidget *
create_row (ChronoQuotePane *self,
            ChronoQuote     *quote,
            gboolean         show_event)
{
  GtkWidget *row = chrono_quote_row_new ();

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 12);
  gtk_widget_set_margin_bottom (row, 12);
  g_object_set (row, "show-event", show_event, NULL);
  g_object_bind_property (self, "show-original", row, "show-original", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "orientation", row, "orientation", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "editable", row, "editable", G_BINDING_SYNC_CREATE);
  if (quote != NULL)
    chrono_quote_row_set_quote (CHRONO_QUOTE_ROW (row), quote);

  return row;
}

static void
rebuild_event_quotes (ChronoQuotePane *self)
{
  GtkWidget *child;
  GPtrArray *quotes;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->event_quotes))) != NULL)
    gtk_list_box_remove (self->event_quotes, child);

  quotes = self->event != NULL ? chrono_event_get_quotes (self->event) : NULL;
  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  create_row (self, g_ptr_array_index (quotes, i), FALSE));
      gtk_list_box_append (self->event_quotes, row);
    }

  update_page (self);
}

static void
update_switch_visibility (ChronoQuotePane *self)
{
  GListModel *quotes = self->timeline != NULL ? chrono_timeline_get_quotes (self->timeline) : NULL;
  guint n = quotes != NULL ? g_list_model_get_n_items (quotes) : 0;
  gboolean any_distinct = FALSE;

  /* In the Chinese UI every translation is the original wording: nothing to reveal. */
  for (guint i = 0; i < n && !any_distinct; i++)
    {
      g_autoptr(ChronoQuote) quote = g_list_model_get_item (quotes, i);

      any_distinct = chrono_ui_quote_has_distinct_original (quote);
    }

  gtk_widget_set_visible (self->original_switch_box, any_distinct);
}

static void
setup_all_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  ChronoQuotePane *self = user_data;
  GtkWidget *row = create_row (self, NULL, TRUE);

  g_signal_connect_object (row, "show-event", G_CALLBACK (row_show_event_cb), self, 0);
  gtk_list_item_set_child (item, row);
}

static void
bind_all_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  chrono_quote_row_set_quote (CHRONO_QUOTE_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_all_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  chrono_quote_row_set_quote (CHRONO_QUOTE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
all_quotes_activate_cb (GtkListView *list_view,
                        guint        position,
                        gpointer     user_data)
{
  ChronoQuotePane *self = user_data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(ChronoQuote) quote = g_list_model_get_item (model, position);

  if (quote != NULL)
    emit_quote_activated (self, quote);
}

static void
view_toggled_cb (ChronoQuotePane *self)
{
  update_page (self);
  scroll_to_event_quotes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
chrono_quote_pane_dispose (GObject *object)
{
  ChronoQuotePane *self = CHRONO_QUOTE_PANE (object);
  GtkWidget *child;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->all_quotes), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_QUOTE_PANE);
  /* Children without an id in the template are not covered by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (chrono_quote_pane_parent_class)->dispose (object);
}

static void
chrono_quote_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronoQuotePane *self = CHRONO_QUOTE_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_ORIGINAL:
      g_value_set_boolean (value, self->show_original);
      break;

    case PROP_VIEW:
      g_value_set_string (value, showing_all (self) ? "all" : "event");
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_quote_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronoQuotePane *self = CHRONO_QUOTE_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      chrono_quote_pane_set_event (self, g_value_get_object (value));
      break;

    case PROP_TIMELINE:
      chrono_quote_pane_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      if (g_set_object (&self->session, g_value_get_object (value)))
        {
          g_binding_group_set_source (self->session_bindings, self->session);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_ORIGINAL:
      chrono_quote_pane_set_show_original (self, g_value_get_boolean (value));
      break;

    case PROP_VIEW:
      gtk_toggle_button_set_active (g_strcmp0 (g_value_get_string (value), "all") == 0
                                      ? self->all_toggle : self->event_toggle,
                                    TRUE);
      break;

    case PROP_EDITABLE:
      if (self->editable != g_value_get_boolean (value))
        {
          self->editable = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ORIENTATION:
      if (self->orientation != (GtkOrientation) g_value_get_enum (value))
        {
          self->orientation = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_quote_pane_class_init (ChronoQuotePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_quote_pane_dispose;
  object_class->get_property = chrono_quote_pane_get_property;
  object_class->set_property = chrono_quote_pane_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         CHRONO_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONO_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The session whose timeline and selected event this pane shows. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CHRONO_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ORIGINAL] =
    g_param_spec_boolean ("show-original", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "event" or "all", as stored in GSettings. */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "event",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether each quote offers to be edited, moved and deleted. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[QUOTE_ACTIVATED] =
    g_signal_new ("quote-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CHRONO_TYPE_QUOTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-quote-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, event_toggle);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, original_switch_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, original_switch);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, event_quotes);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuotePane, all_quotes);
  gtk_widget_class_set_css_name (widget_class, "chrono-quote-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chrono_quote_pane_init (ChronoQuotePane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->orientation = GTK_ORIENTATION_HORIZONTAL;
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "timeline", self, "timeline", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "selected-event", self, "event", G_BINDING_SYNC_CREATE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_all_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_all_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_all_item_cb), self);
  gtk_list_view_set_factory (self->all_quotes, factory);
  g_signal_connect (self->all_quotes, "activate", G_CALLBACK (all_quotes_activate_cb), self);

  g_object_bind_property (self, "show-original", self->original_switch, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_swapped (self->all_toggle, "notify::active", G_CALLBACK (view_toggled_cb), self);

  update_switch_visibility (self);
  update_page (self);
}

ChronoEvent *
chrono_quote_pane_get_event (ChronoQuotePane *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE_PANE (self), NULL);

  return self->event;
}

void
chrono_quote_pane_set_event (ChronoQuotePane *self,
                             ChronoEvent     *event)
{
  g_return_if_fail (CHRONO_IS_QUOTE_PANE (self));
  g_return_if_fail (event == NULL || CHRONO_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  rebuild_event_quotes (self);
  scroll_to_event_quotes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

ChronoTimeline *
chrono_quote_pane_get_timeline (ChronoQuotePane *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE_PANE (self), NULL);

  return self->timeline;
}

static void
timeline_changed_cb (ChronoQuotePane *self)
{
  rebuild_event_quotes (self);
  update_switch_visibility (self);
  update_page (self);
}

void
chrono_quote_pane_set_timeline (ChronoQuotePane *self,
                                ChronoTimeline  *timeline)
{
  g_return_if_fail (CHRONO_IS_QUOTE_PANE (self));
  g_return_if_fail (timeline == NULL || CHRONO_IS_TIMELINE (timeline));

  if (self->timeline == timeline)
    return;

  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, timeline_changed_cb, self);
  g_set_object (&self->timeline, timeline);
  /* An edit may have added, changed or moved the quotes shown. */
  if (timeline != NULL)
    g_signal_connect_object (timeline, "changed", G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->all_quotes, NULL);
  self->all_quotes_stale = TRUE;

  update_switch_visibility (self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

gboolean
chrono_quote_pane_get_show_original (ChronoQuotePane *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE_PANE (self), FALSE);

  return self->show_original;
}

void
chrono_quote_pane_set_show_original (ChronoQuotePane *self,
                                     gboolean         show_original)
{
  g_return_if_fail (CHRONO_IS_QUOTE_PANE (self));

  show_original = !!show_original;
  if (self->show_original == show_original)
    return;

  self->show_original = show_original;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ORIGINAL]);
}
