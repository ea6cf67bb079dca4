/* chrono-event-row.c — one event in the sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chrono-event-row.h"
#include "chrono-ui-util.h"
#include "view/chrono-layout.h"

struct _ChronoEventRow
{
  GtkWidget       parent_instance;

  ChronoEvent    *event;
  ChronoCategory *category;   /* the event's, followed for its name and colour */

  GtkDrawingArea *dot;
  GtkLabel       *date_label;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (ChronoEventRow, chrono_event_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The category's name, asked for when the pointer rests on the dot: setting a tooltip's
 * text asks the X server where the pointer is, and GTK 4.8's list view binds every row
 * after an edit again, so an edit waited on the server once a row. */
static gboolean
query_dot_tooltip_cb (GtkWidget      *widget,
                      int             x,
                      int             y,
                      gboolean        keyboard,
                      GtkTooltip     *tooltip,
                      ChronoEventRow *self)
{
  ChronoCategory *category = self->event != NULL ? chrono_event_get_category (self->event) : NULL;

  if (category == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, chrono_category_get_name (category));
  return TRUE;
}

static void
draw_dot_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  ChronoEventRow *self = user_data;
  GdkRGBA color;
  double radius = MIN (width, height) / 2.0;

  if (self->event == NULL ||
      !chrono_ui_get_category_color (chrono_event_get_category (self->event), &color))
    {
      /* An event without a category takes the text colour, dimmed. */
#if GTK_CHECK_VERSION (4, 10, 0)
      gtk_widget_get_color (GTK_WIDGET (area), &color);
#else
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
#endif
      color.alpha *= 0.5;
    }

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
dark_changed_cb (ChronoEventRow *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->dot));
}

static void update (ChronoEventRow *self);

/* A category renamed or recoloured changes how the event reads, not the event. */
static void
follow_category (ChronoEventRow *self,
                 ChronoCategory *category)
{
  if (self->category == category)
    return;

  if (self->category != NULL)
    g_signal_handlers_disconnect_by_data (self->category, self);
  g_set_object (&self->category, category);
  if (category != NULL)
    g_signal_connect_object (category, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
chrono_event_row_dispose (GObject *object)
{
  ChronoEventRow *self = CHRONO_EVENT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_EVENT_ROW);
  /* Children without an id in the template are not covered by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  follow_category (self, NULL);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (chrono_event_row_parent_class)->dispose (object);
}

static void
chrono_event_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronoEventRow *self = CHRONO_EVENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronoEventRow *self = CHRONO_EVENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      chrono_event_row_set_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The dot, then the date and title: a horizontal box, except that the text is never
 * measured for its width at a given height (a box does that at each allocation, and a
 * wrapping label answers it by laying itself out at one width after another). */
#define DOT_SPACING 10

static int
text_width (ChronoEventRow *self,
            int             width)
{
  int dot_width, text_minimum;

  gtk_widget_measure (GTK_WIDGET (self->dot), GTK_ORIENTATION_HORIZONTAL, -1,
                      &dot_width, NULL, NULL, NULL);
  gtk_widget_measure (gtk_widget_get_last_child (GTK_WIDGET (self)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &text_minimum, NULL, NULL, NULL);
  return MAX (width - dot_width - DOT_SPACING, text_minimum);
}

static GtkSizeRequestMode
chrono_event_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
chrono_event_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ChronoEventRow *self = CHRONO_EVENT_ROW (widget);
  GtkWidget *dot = GTK_WIDGET (self->dot);
  GtkWidget *text = gtk_widget_get_last_child (widget);
  int dot_minimum, dot_natural, text_minimum, text_natural;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (dot, orientation, -1, &dot_minimum, &dot_natural, NULL, NULL);
      gtk_widget_measure (text, orientation, -1, &text_minimum, &text_natural, NULL, NULL);
      *minimum = dot_minimum + DOT_SPACING + text_minimum;
      *natural = dot_natural + DOT_SPACING + text_natural;
    }
  else
    {
      int dot_width;

      gtk_widget_measure (dot, GTK_ORIENTATION_HORIZONTAL, -1, &dot_width, NULL, NULL, NULL);
      gtk_widget_measure (dot, orientation, dot_width, &dot_minimum, &dot_natural, NULL, NULL);
      gtk_widget_measure (text, orientation, for_size < 0 ? -1 : text_width (self, for_size),
                          &text_minimum, &text_natural, NULL, NULL);
      *minimum = MAX (dot_minimum, text_minimum);
      *natural = MAX (dot_natural, text_natural);
    }
}

static void
chrono_event_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ChronoEventRow *self = CHRONO_EVENT_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text = text_width (self, width);
  int dot = width - text - DOT_SPACING;

  gtk_widget_size_allocate (GTK_WIDGET (self->dot),
                            &(GtkAllocation) { rtl ? width - dot : 0, 0, dot, height }, baseline);
  gtk_widget_size_allocate (gtk_widget_get_last_child (widget),
                            &(GtkAllocation) { rtl ? 0 : dot + DOT_SPACING, 0, text, height }, baseline);
}

static void
chrono_event_row_class_init (ChronoEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_event_row_dispose;
  object_class->get_property = chrono_event_row_get_property;
  object_class->set_property = chrono_event_row_set_property;

  widget_class->get_request_mode = chrono_event_row_get_request_mode;
  widget_class->measure = chrono_event_row_measure;
  widget_class->size_allocate = chrono_event_row_size_allocate;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         CHRONO_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoEventRow, dot);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventRow, title_label);
  gtk_widget_class_set_css_name (widget_class, "chrono-event-row");
  /* A group may be named (GTK 4.14 and later name no generic widget): the row reads as
   * its date, title and category. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chrono_event_row_init (ChronoEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->dot, draw_dot_cb, self, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->dot), TRUE);
  g_signal_connect (self->dot, "query-tooltip", G_CALLBACK (query_dot_tooltip_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

ChronoEvent *
chrono_event_row_get_event (ChronoEventRow *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_ROW (self), NULL);

  return self->event;
}

/* Shows the event as it is now: an edit or an undo may have changed it. */
static void
update (ChronoEventRow *self)
{
  ChronoEvent *event = self->event;
  g_autofree char *dates = NULL;
  g_autofree char *accessible = NULL;
  ChronoCategory *category = event != NULL ? chrono_event_get_category (event) : NULL;

  follow_category (self, category);
  if (event != NULL)
    {
      dates = chrono_date_format_span (chrono_event_get_start (event), chrono_event_get_end (event));
      gtk_label_set_text (self->date_label, dates);
      gtk_label_set_text (self->title_label, chrono_layout_event_text (event));
      /* Screen readers read the row as one: without a name, GTK 4.8 names it by its type. */
      if (category != NULL)
        /* Translators: how a screen reader reads an event in the list: its date, its
         * title and its category */
        accessible = g_strdup_printf (_("%s, %s, %s"), dates, chrono_layout_event_text (event),
                                      chrono_category_get_name (category));
      else
        /* Translators: how a screen reader reads an event in the list: its date and title */
        accessible = g_strdup_printf (_("%s, %s"), dates, chrono_layout_event_text (event));
    }
  else
    {
      gtk_label_set_text (self->date_label, "");
      gtk_label_set_text (self->title_label, "");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible != NULL ? accessible : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->dot));
}

void
chrono_event_row_set_event (ChronoEventRow *self,
                            ChronoEvent    *event)
{
  g_return_if_fail (CHRONO_IS_EVENT_ROW (self));
  g_return_if_fail (event == NULL || CHRONO_IS_EVENT (event));

  if (self->event == event)
    return;

  if (self->event != NULL)
    g_signal_handlers_disconnect_by_data (self->event, self);
  g_set_object (&self->event, event);
  if (event != NULL)
    g_signal_connect_object (event, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}
