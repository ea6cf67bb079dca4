/* chrono-category-filter.c — which categories the session's filter lets through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-category-filter"

#include "config.h"

#include <adwaita.h>

#include "chrono-category-filter.h"
#include "chrono-ui-util.h"

struct _ChronoCategoryFilter
{
  GtkWidget      parent_instance;

  ChronoSession *session;
  GSignalGroup  *session_signals;
  GSignalGroup  *filter_signals;
  GSignalGroup  *timeline_signals;

  GtkMenuButton *category_button;
  GtkBox        *category_box;
  gboolean       checks_stale;   /* the checks are built when the popover opens */
};

G_DEFINE_FINAL_TYPE (ChronoCategoryFilter, chrono_category_filter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ChronoEventFilter *
get_filter (ChronoCategoryFilter *self)
{
  return self->session != NULL ? chrono_session_get_filter (self->session) : NULL;
}

static void
sync_checks (ChronoCategoryFilter *self)
{
  ChronoEventFilter *filter = get_filter (self);

  if (filter == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "chrono-category-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                   chrono_event_filter_get_category_visible (filter, id));
    }
}

static void
toggled_cb (GtkCheckButton       *check,
            ChronoCategoryFilter *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "chrono-category-id");
  ChronoEventFilter *filter = get_filter (self);

  if (filter != NULL)
    chrono_event_filter_set_category_visible (filter, id, gtk_check_button_get_active (check));
}

static void
draw_dot_cb (GtkDrawingArea *area,
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

static GtkWidget *
create_check (ChronoCategoryFilter *self,
              ChronoCategory       *category)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (chrono_category_get_name (category));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot_cb,
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
                               chrono_event_filter_get_category_visible (get_filter (self),
                                                                         chrono_category_get_id (category)));
  g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), self);

  return check;
}

static void
build_checks (ChronoCategoryFilter *self)
{
  ChronoTimeline *timeline = self->session != NULL ? chrono_session_get_timeline (self->session) : NULL;
  GListModel *categories = timeline != NULL ? chrono_timeline_get_categories (timeline) : NULL;
  guint n = categories != NULL ? g_list_model_get_n_items (categories) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);

      gtk_box_append (self->category_box, create_check (self, category));
    }

  self->checks_stale = FALSE;
}

static void
popup_cb (GtkMenuButton *button,
          gpointer       user_data)
{
  ChronoCategoryFilter *self = user_data;

  if (self->checks_stale)
    build_checks (self);
}

/* The popover's checks are not built until it opens: nothing shows them before. They are
 * built again after each edit of the timeline, which may have added, renamed, recoloured
 * or deleted a category (a new timeline gets its first one with its first event). */
static void
rebuild (ChronoCategoryFilter *self)
{
  ChronoTimeline *timeline = self->session != NULL ? chrono_session_get_timeline (self->session) : NULL;
  GListModel *categories = timeline != NULL ? chrono_timeline_get_categories (timeline) : NULL;
  GtkPopover *popover = gtk_menu_button_get_popover (self->category_button);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box))) != NULL)
    gtk_box_remove (self->category_box, child);

  gtk_widget_set_sensitive (GTK_WIDGET (self->category_button),
                            categories != NULL && g_list_model_get_n_items (categories) > 0);

  self->checks_stale = TRUE;
  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    build_checks (self);
}

static void
timeline_cb (ChronoCategoryFilter *self)
{
  g_signal_group_set_target (self->timeline_signals,
                             self->session != NULL ? chrono_session_get_timeline (self->session) : NULL);
  rebuild (self);
}

static void
chrono_category_filter_dispose (GObject *object)
{
  ChronoCategoryFilter *self = CHRONO_CATEGORY_FILTER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_CATEGORY_FILTER);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->filter_signals);
  g_clear_object (&self->timeline_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (chrono_category_filter_parent_class)->dispose (object);
}

static void
chrono_category_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ChronoCategoryFilter *self = CHRONO_CATEGORY_FILTER (object);

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
chrono_category_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ChronoCategoryFilter *self = CHRONO_CATEGORY_FILTER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      chrono_category_filter_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_category_filter_class_init (ChronoCategoryFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_category_filter_dispose;
  object_class->get_property = chrono_category_filter_get_property;
  object_class->set_property = chrono_category_filter_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CHRONO_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-category-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoCategoryFilter, category_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoCategoryFilter, category_box);
}

static void
chrono_category_filter_init (ChronoCategoryFilter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->category_button, popup_cb, self, NULL);

  self->session_signals = g_signal_group_new (CHRONO_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::timeline", G_CALLBACK (timeline_cb), self);
  self->filter_signals = g_signal_group_new (CHRONO_TYPE_EVENT_FILTER);
  g_signal_group_connect_swapped (self->filter_signals, "changed", G_CALLBACK (sync_checks), self);
  self->timeline_signals = g_signal_group_new (CHRONO_TYPE_TIMELINE);
  g_signal_group_connect_swapped (self->timeline_signals, "changed", G_CALLBACK (rebuild), self);
  rebuild (self);
}

ChronoSession *
chrono_category_filter_get_session (ChronoCategoryFilter *self)
{
  g_return_val_if_fail (CHRONO_IS_CATEGORY_FILTER (self), NULL);

  return self->session;
}

void
chrono_category_filter_set_session (ChronoCategoryFilter *self,
                                    ChronoSession        *session)
{
  g_return_if_fail (CHRONO_IS_CATEGORY_FILTER (self));
  g_return_if_fail (!session || CHRONO_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->filter_signals, get_filter (self));
  timeline_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
