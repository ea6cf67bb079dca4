/* chrono-event-pane.c — the details of the selected event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chrono-event-pane.h"
#include "chrono-session.h"
#include "chrono-ui-util.h"

struct _ChronoEventPane
{
  GtkWidget       parent_instance;

  ChronoEvent    *event;
  ChronoTimeline *timeline;
  ChronoSession   *session;
  GBindingGroup   *session_bindings;

  GtkStack       *stack;
  GtkLabel       *date_label;
  GtkLabel       *title_label;
  GtkLabel       *forecast_label;
  GtkWidget      *provenance_box;
  GtkLabel       *provenance_badge;
  GtkLabel       *provenance_label;
  GtkDrawingArea *category_dot;
  GtkLabel       *category_label;
  GtkLabel       *era_label;
  GtkLabel       *summary_label;
  GtkBox         *media_box;
  char           *media_shown;  /* what media_box shows: see media_key () */
  GtkWidget      *notes_box;
  GtkLabel       *notes_label;
  GtkWidget      *sources_heading;
  GtkListBox     *sources_list;
};

G_DEFINE_FINAL_TYPE (ChronoEventPane, chrono_event_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_TIMELINE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
draw_category_dot_cb (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        user_data)
{
  ChronoEventPane *self = user_data;
  GdkRGBA color;

  if (self->event == NULL ||
      !chrono_ui_get_category_color (chrono_event_get_category (self->event), &color))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
open_source_cb (GtkButton *button,
                gpointer   user_data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "chrono-url");

  chrono_ui_open_uri (GTK_WIDGET (button), url);
}

static GtkWidget *
create_source_row (ChronoSource *source)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = chrono_ui_source_dup_description (source);
  const char *url = chrono_source_get_url (source);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chrono_source_get_title (source));
  if (is_set (description))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  if (is_set (url))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Open %s"), url);
      /* Translators: %s is the title of a book, article or interview */
      g_autofree char *label = g_strdup_printf (_("Open “%s” in the Browser"),
                                                chrono_source_get_title (source));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "chrono-url", g_strdup (url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (open_source_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static char *
format_span (const ChronoDate *start,
             const ChronoDate *end)
{
  g_autofree char *start_text = chrono_date_format (start);
  g_autofree char *end_text = end != NULL ? chrono_date_format (end) : NULL;

  if (end_text == NULL || g_strcmp0 (start_text, end_text) == 0)
    return g_steal_pointer (&start_text);

  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

static const char *
provenance_badge (ChronoProvenance provenance)
{
  switch (provenance)
    {
    case CHRONO_PROVENANCE_REPORTED:
      /* Translators: a badge: the event is what someone said, as a source reports it */
      return C_("provenance", "Reported");
    case CHRONO_PROVENANCE_NARRATED:
      /* Translators: a badge: the event is a source's own account */
      return C_("provenance", "Narration");
    case CHRONO_PROVENANCE_INFERRED:
      /* Translators: a badge: the timeline's editors worked this out themselves */
      return C_("provenance", "Editors’ inference");
    case CHRONO_PROVENANCE_OUTSIDE:
      /* Translators: a badge: a fact the timeline's editors added from another source */
      return C_("provenance", "Outside fact");
    case CHRONO_PROVENANCE_UNSTATED:
    default:
      return NULL;
    }
}

static const char *
provenance_explanation (ChronoProvenance provenance)
{
  switch (provenance)
    {
    case CHRONO_PROVENANCE_REPORTED:
      return _("What was said, as the source reports it.");
    case CHRONO_PROVENANCE_NARRATED:
      return _("The source’s own account, not anyone’s quoted words.");
    case CHRONO_PROVENANCE_INFERRED:
      return _("Worked out by the timeline’s editors; no source says it outright.");
    case CHRONO_PROVENANCE_OUTSIDE:
      return _("Added by the timeline’s editors from another source, listed under Sources.");
    case CHRONO_PROVENANCE_UNSTATED:
    default:
      return NULL;
    }
}

static char *
dup_date_explanation (ChronoEvent *event)
{
  ChronoSource *source = chrono_event_get_date_source (event);

  switch (chrono_event_get_date_provenance (event))
    {
    case CHRONO_PROVENANCE_REPORTED:
      return g_strdup (_("The date is from what was said."));
    case CHRONO_PROVENANCE_NARRATED:
      return g_strdup (_("The date is the source’s own."));
    case CHRONO_PROVENANCE_INFERRED:
      return g_strdup (_("The date is the editors’ inference: the sources do not give it."));
    case CHRONO_PROVENANCE_OUTSIDE:
      if (source != NULL)
        /* Translators: %s is the title of the source the date was taken from */
        return g_strdup_printf (_("The date is an outside fact, from “%s”."), chrono_source_get_title (source));
      return g_strdup (_("The date is an outside fact."));
    case CHRONO_PROVENANCE_UNSTATED:
    default:
      return NULL;
    }
}

/* Who says so, and where the date comes from when that is somewhere else. Outside facts
 * and inferences look different from what the source says, so they are never taken for it. */
static void
update_provenance (ChronoEventPane *self)
{
  ChronoProvenance provenance = chrono_event_get_provenance (self->event);
  const char *badge = provenance_badge (provenance);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->provenance_box, badge != NULL);
  if (badge == NULL)
    return;

  gtk_label_set_text (self->provenance_badge, badge);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->provenance_badge), provenance_explanation (provenance));
  for (ChronoProvenance p = CHRONO_PROVENANCE_REPORTED; p <= CHRONO_PROVENANCE_OUTSIDE; p++)
    {
      g_autofree char *css = g_strdup_printf ("provenance-%s", chrono_provenance_to_string (p));

      if (p == provenance)
        gtk_widget_add_css_class (GTK_WIDGET (self->provenance_badge), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->provenance_badge), css);
    }

  if (chrono_event_get_date_provenance (self->event) != provenance ||
      chrono_event_get_date_source (self->event) != NULL)
    date = dup_date_explanation (self->event);
  if (date != NULL)
    /* Translators: two sentences one after the other: where the event comes from, then
     * where its date does (in Chinese with no space between them) */
    text = g_strdup_printf (C_("two sentences", "%s %s"), provenance_explanation (provenance), date);
  else
    text = g_strdup (provenance_explanation (provenance));
  gtk_label_set_text (self->provenance_label, text);
}

static void
update_forecast (ChronoEventPane *self)
{
  g_autofree char *made = NULL;
  g_autofree char *predicted = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->forecast_label), chrono_event_is_forecast (self->event));
  if (!chrono_event_is_forecast (self->event))
    return;

  made = chrono_date_format (chrono_event_get_start (self->event));
  predicted = format_span (chrono_event_get_predicted_start (self->event),
                           chrono_event_get_predicted_end (self->event));
  /* Translators: a forecast; the first %s is when it was made, the second the date or span
   * it predicts, e.g. “Predicted in 2015 for 2025” */
  text = g_strdup_printf (_("Predicted in %s for %s"), made, predicted);
  gtk_label_set_text (self->forecast_label, text);
}

static void
clear_sources (ChronoEventPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))) != NULL)
    gtk_list_box_remove (self->sources_list, child);
}

/* A data: URI's bytes, when it is base64 (as TimelineJS and The Timeline Project write
 * pictures); NULL otherwise. */
static GBytes *
decode_data_uri (const char *uri)
{
  const char *comma = strchr (uri, ',');
  g_autofree char *header = NULL;
  guchar *data;
  gsize length;

  if (comma == NULL)
    return NULL;
  header = g_strndup (uri, comma - uri);
  if (!g_str_has_suffix (header, ";base64"))
    return NULL;

  data = g_base64_decode (comma + 1, &length);
  return g_bytes_new_take (data, length);
}

/* The picture of the event when it is here already: a data: URI, or a file beside the
 * timeline (a relative path, or file:). Nothing is fetched from the network. */
static GdkTexture *
load_local_picture (ChronoEventPane *self,
                    const char      *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);
  g_autoptr(GFile) file = NULL;

  if (scheme != NULL && g_ascii_strcasecmp (scheme, "data") == 0)
    {
      g_autoptr(GBytes) bytes = decode_data_uri (url);

      return bytes != NULL ? gdk_texture_new_from_bytes (bytes, NULL) : NULL;
    }

  if (scheme != NULL && g_ascii_strcasecmp (scheme, "file") == 0)
    file = g_file_new_for_uri (url);
  else if (scheme == NULL && self->session != NULL && chrono_session_get_file (self->session) != NULL &&
           !chrono_session_get_builtin (self->session))
    {
      g_autoptr(GFile) parent = g_file_get_parent (chrono_session_get_file (self->session));

      if (parent != NULL)
        file = g_file_resolve_relative_path (parent, url);
    }

  if (file == NULL || !g_file_query_exists (file, NULL))
    return NULL;

  return gdk_texture_new_from_file (file, NULL);
}

/* The media as shown, and where a relative picture is looked for. */
static char *
media_key (ChronoEventPane *self)
{
  GFile *file = self->session != NULL && !chrono_session_get_builtin (self->session)
                  ? chrono_session_get_file (self->session) : NULL;
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  const char *parts[] = {
    chrono_event_get_media_url (self->event),
    chrono_event_get_media_caption (self->event),
    chrono_event_get_media_credit (self->event),
    uri,
  };
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_string_append_printf (key, "%s%c", parts[i] != NULL ? parts[i] : "", 0x1f);

  return g_string_free (key, FALSE);
}

/* The pane is updated after every edit of the timeline; a picture is read from the disk
 * again only when it is another one. */
static void
update_media (ChronoEventPane *self)
{
  const char *url = chrono_event_get_media_url (self->event);
  const char *caption = chrono_event_get_media_caption (self->event);
  const char *credit = chrono_event_get_media_credit (self->event);
  g_autofree char *key = media_key (self);
  GtkWidget *child;

  if (g_strcmp0 (key, self->media_shown) == 0)
    return;
  g_free (self->media_shown);
  self->media_shown = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->media_box))) != NULL)
    gtk_box_remove (self->media_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->media_box), is_set (url) || is_set (caption) || is_set (credit));

  if (is_set (url))
    {
      g_autoptr(GdkTexture) texture = load_local_picture (self, url);
      g_autofree char *scheme = g_uri_parse_scheme (url);

      if (texture != NULL)
        {
          GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

          gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
          gtk_widget_set_size_request (picture, -1, MIN (gdk_texture_get_height (texture), 240));
          gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          is_set (caption) ? caption : _("Picture of the event"), -1);
          gtk_box_append (self->media_box, picture);
        }
      else if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
        {
          /* Translators: a link to the event's picture or video on the web */
          GtkWidget *link = gtk_link_button_new_with_label (url, _("Open the Media in a Web Browser"));

          gtk_widget_set_tooltip_text (link, url);
          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_box_append (self->media_box, link);
        }
      else
        {
          /* Translators: %s is where the event's picture should be, e.g. “images/ada.png” */
          g_autofree char *text = g_strdup_printf (_("The picture “%s” is not beside the timeline."), url);
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (self->media_box, label);
        }
    }

  if (is_set (caption))
    {
      GtkWidget *label = gtk_label_new (caption);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (self->media_box, label);
    }

  if (is_set (credit))
    {
      /* Translators: who made or owns the event's picture, e.g. “Credit: Wikimedia Commons” */
      g_autofree char *text = g_strdup_printf (_("Credit: %s"), credit);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->media_box, label);
    }
}

static void
update (ChronoEventPane *self)
{
  g_autofree char *dates = NULL;
  ChronoCategory *category;
  ChronoEra *era;
  GPtrArray *sources;
  const char *summary;
  const char *notes;

  clear_sources (self);

  if (self->event == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  dates = chrono_date_format_span (chrono_event_get_start (self->event), chrono_event_get_end (self->event));
  /* The author's own wording of the date comes first, the dates in a tooltip. */
  if (is_set (chrono_event_get_display_date (self->event)))
    {
      gtk_label_set_text (self->date_label, chrono_event_get_display_date (self->event));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_label), dates);
    }
  else
    {
      gtk_label_set_text (self->date_label, dates);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_label), NULL);
    }
  gtk_label_set_text (self->title_label, chrono_event_get_title (self->event));
  update_forecast (self);
  update_provenance (self);

  category = chrono_event_get_category (self->event);
  gtk_widget_set_visible (GTK_WIDGET (self->category_dot), category != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->category_label), category != NULL);
  if (category != NULL)
    gtk_label_set_text (self->category_label, chrono_category_get_name (category));
  gtk_widget_queue_draw (GTK_WIDGET (self->category_dot));

  era = chrono_ui_find_era (self->timeline, self->event);
  gtk_widget_set_visible (GTK_WIDGET (self->era_label), era != NULL);
  if (era != NULL)
    {
      /* Translators: the era of history an event belongs to */
      g_autofree char *text = g_strdup_printf (_("Era: %s"), chrono_era_get_name (era));

      gtk_label_set_text (self->era_label, text);
    }

  summary = chrono_event_get_summary (self->event);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), is_set (summary));
  gtk_label_set_text (self->summary_label, is_set (summary) ? summary : "");

  update_media (self);

  notes = chrono_event_get_notes (self->event);
  gtk_widget_set_visible (self->notes_box, is_set (notes));
  gtk_label_set_text (self->notes_label, is_set (notes) ? notes : "");

  sources = chrono_event_get_sources (self->event);
  gtk_widget_set_visible (self->sources_heading, sources != NULL && sources->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), sources != NULL && sources->len > 0);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    gtk_list_box_append (self->sources_list, create_source_row (g_ptr_array_index (sources, i)));

  gtk_stack_set_visible_child_name (self->stack, "event");
}

static void
dark_changed_cb (ChronoEventPane *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->category_dot));
}

static void
chrono_event_pane_dispose (GObject *object)
{
  ChronoEventPane *self = CHRONO_EVENT_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_EVENT_PANE);
  /* Children without an id in the template are not covered by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->event != NULL)
    g_signal_handlers_disconnect_by_data (self->event, self);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  g_clear_object (&self->event);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->media_shown, g_free);

  G_OBJECT_CLASS (chrono_event_pane_parent_class)->dispose (object);
}

static void
chrono_event_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronoEventPane *self = CHRONO_EVENT_PANE (object);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronoEventPane *self = CHRONO_EVENT_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      chrono_event_pane_set_event (self, g_value_get_object (value));
      break;

    case PROP_TIMELINE:
      chrono_event_pane_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      if (g_set_object (&self->session, g_value_get_object (value)))
        {
          g_binding_group_set_source (self->session_bindings, self->session);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_pane_class_init (ChronoEventPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_event_pane_dispose;
  object_class->get_property = chrono_event_pane_get_property;
  object_class->set_property = chrono_event_pane_set_property;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-event-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, date_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, media_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, forecast_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, provenance_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, provenance_badge);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, provenance_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, category_dot);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, category_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, era_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, notes_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, notes_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventPane, sources_list);
  gtk_widget_class_set_css_name (widget_class, "chrono-event-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chrono_event_pane_init (ChronoEventPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "timeline", self, "timeline", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "selected-event", self, "event", G_BINDING_SYNC_CREATE);

  gtk_drawing_area_set_draw_func (self->category_dot, draw_category_dot_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

ChronoEvent *
chrono_event_pane_get_event (ChronoEventPane *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_PANE (self), NULL);

  return self->event;
}

void
chrono_event_pane_set_event (ChronoEventPane *self,
                             ChronoEvent     *event)
{
  g_return_if_fail (CHRONO_IS_EVENT_PANE (self));
  g_return_if_fail (event == NULL || CHRONO_IS_EVENT (event));

  if (self->event == event)
    return;

  /* The event shown may be edited, or an edit undone, while it is shown. */
  if (self->event != NULL)
    g_signal_handlers_disconnect_by_data (self->event, self);
  g_set_object (&self->event, event);
  if (event != NULL)
    g_signal_connect_object (event, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

ChronoTimeline *
chrono_event_pane_get_timeline (ChronoEventPane *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_PANE (self), NULL);

  return self->timeline;
}

void
chrono_event_pane_set_timeline (ChronoEventPane *self,
                                ChronoTimeline  *timeline)
{
  g_return_if_fail (CHRONO_IS_EVENT_PANE (self));
  g_return_if_fail (timeline == NULL || CHRONO_IS_TIMELINE (timeline));

  if (self->timeline == timeline)
    return;

  /* An edit of its category, era or sources changes how the event reads, not the event. */
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  g_set_object (&self->timeline, timeline);
  if (timeline != NULL)
    g_signal_connect_object (timeline, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}
