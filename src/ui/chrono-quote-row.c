/* chrono-quote-row.c — one quote with its speaker, source and original wording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-quote-row"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-quote-row.h"
#include "chrono-ui-util.h"

struct _ChronoQuoteRow
{
  GtkWidget    parent_instance;

  ChronoQuote *quote;
  /* What the row shows besides the quote, followed for their changes. */
  ChronoSource *source;
  ChronoEvent  *event;
  gboolean     show_original;
  gboolean     show_event;
  gboolean     editable;
  GtkOrientation orientation;

  GtkWidget   *event_button;
  GtkLabel    *event_label;
  GtkBox      *texts_box;
  GtkLabel    *text_label;
  GtkLabel    *translation_note;
  GtkWidget   *original_box;
  GtkLabel    *original_label;
  GtkLabel    *original_note;
  GtkLabel    *attribution_label;
  GtkLabel    *context_label;
  GtkLabel    *source_label;
  GtkWidget   *menu_button;
};

G_DEFINE_FINAL_TYPE (ChronoQuoteRow, chrono_quote_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUOTE,
  PROP_SHOW_ORIGINAL,
  PROP_SHOW_EVENT,
  PROP_EDITABLE,
  PROP_ORIENTATION,
  N_PROPS
};

enum {
  SHOW_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
describe_translation (ChronoQuote *quote)
{
  const char *language = chrono_quote_get_original_language (quote);

  if (language != NULL && g_str_has_prefix (language, "zh"))
    return g_strdup (_("Translated from the source’s Chinese"));
  if (language != NULL && g_str_has_prefix (language, "en"))
    return g_strdup (_("Translated from the source’s English"));

  return g_strdup (_("Translated from the source’s original wording"));
}

static char *
describe_original (ChronoQuote *quote)
{
  const char *language = chrono_quote_get_original_language (quote);

  if (language != NULL && g_str_has_prefix (language, "zh"))
    return g_strdup (_("Original wording, in Chinese"));
  if (language != NULL && g_str_has_prefix (language, "en"))
    return g_strdup (_("Original wording, in English"));

  return g_strdup (_("Original wording"));
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

/* The window's quote actions, aimed at this quote by its event's id and its place there. */
static void
update_menu (ChronoQuoteRow *self)
{
  ChronoEvent *event = self->quote != NULL ? chrono_quote_get_event (self->quote) : NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) section = NULL;
  GVariant *target;
  guint index, n;

  gtk_widget_set_visible (self->menu_button, self->editable && event != NULL);
  if (event == NULL || !self->editable ||
      !g_ptr_array_find (chrono_event_get_quotes (event), self->quote, &index))
    return;

  n = chrono_event_get_n_quotes (event);
  target = g_variant_ref_sink (g_variant_new ("(su)", chrono_event_get_id (event), index));
  menu = g_menu_new ();
  append_item (menu, _("_Edit…"), "win.edit-quote", target);
  section = g_menu_new ();
  if (index > 0)
    append_item (section, _("Move _Up"), "win.move-quote-up", target);
  if (index + 1 < n)
    append_item (section, _("Move Do_wn"), "win.move-quote-down", target);
  if (n > 1)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  append_item (section, _("_Delete Quote"), "win.delete-quote", target);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  g_variant_unref (target);
}

/* Other quotes of the event may have moved since: the places are read as it opens. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  update_menu (CHRONO_QUOTE_ROW (user_data));
}

static void update (ChronoQuoteRow *self);

/* An edit of the quote, of its source (renamed) or of its event (retitled, moved) changes
 * what the row shows; This Event rows are made again, All Quotes rows are not. */
static void
follow (ChronoQuoteRow *self,
        gpointer       *field,
        gpointer        object)
{
  if (*field == object)
    return;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_func (*field, update, self);
  g_set_object ((GObject **) field, object);
  if (object != NULL)
    g_signal_connect_object (object, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
follow_quote (ChronoQuoteRow *self,
              ChronoQuote    *quote)
{
  follow (self, (gpointer *) &self->quote, quote);
  follow (self, (gpointer *) &self->source, quote != NULL ? chrono_quote_get_source (quote) : NULL);
  follow (self, (gpointer *) &self->event, quote != NULL ? chrono_quote_get_event (quote) : NULL);
}

static void
update (ChronoQuoteRow *self)
{
  g_autofree char *quoted = NULL;
  const char *speaker;
  const char *context;
  ChronoSource *source;
  ChronoEvent *event;
  gboolean distinct;

  /* The quote's source or event may be another one now. */
  follow_quote (self, self->quote);
  update_menu (self);
  if (self->quote == NULL)
    return;

  distinct = chrono_ui_quote_has_distinct_original (self->quote);

  /* Translators: a quote shown on screen, in quotation marks */
  quoted = g_strdup_printf (_("“%s”"), chrono_ui_quote_get_display_text (self->quote));
  gtk_label_set_text (self->text_label, quoted);
  chrono_ui_set_label_language (self->text_label,
                                distinct || chrono_quote_get_translation (self->quote) != NULL
                                  ? chrono_quote_get_translation_language (self->quote)
                                  : chrono_quote_get_original_language (self->quote));

  gtk_widget_set_visible (GTK_WIDGET (self->translation_note), distinct);
  if (distinct)
    {
      g_autofree char *note = describe_translation (self->quote);
      g_autofree char *original = g_strdup_printf (_("“%s”"), chrono_quote_get_original_text (self->quote));
      g_autofree char *original_note = describe_original (self->quote);

      gtk_label_set_text (self->translation_note, note);
      gtk_label_set_text (self->original_label, original);
      gtk_label_set_text (self->original_note, original_note);
      chrono_ui_set_label_language (self->original_label,
                                    chrono_quote_get_original_language (self->quote));
    }
  gtk_widget_set_visible (self->original_box, distinct && self->show_original);

  speaker = chrono_quote_get_speaker (self->quote);
  gtk_widget_set_visible (GTK_WIDGET (self->attribution_label), speaker != NULL && *speaker != '\0');
  if (speaker != NULL && *speaker != '\0')
    {
      const ChronoDate *said = chrono_quote_get_said (self->quote);
      g_autofree char *when = said != NULL ? chrono_date_format (said) : NULL;
      g_autofree char *text = NULL;

      if (when != NULL)
        /* Translators: the speaker of a quote and when the words were said, after a dash,
         * e.g. “— Sam Altman, December 2024” */
        text = g_strdup_printf (_("— %s, %s"), speaker, when);
      else
        /* Translators: the speaker of a quote, after a dash */
        text = g_strdup_printf (_("— %s"), speaker);
      gtk_label_set_text (self->attribution_label, text);
    }

  context = chrono_quote_get_context (self->quote);
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), context != NULL && *context != '\0');
  gtk_label_set_text (self->context_label, context != NULL ? context : "");

  source = chrono_quote_get_source (self->quote);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source != NULL);
  if (source != NULL)
    {
      g_autofree char *description = chrono_ui_source_dup_description (source);
      g_autofree char *text = NULL;

      if (description != NULL && *description != '\0')
        /* Translators: a source's title, then its author, publisher and date */
        text = g_strdup_printf (_("%s (%s)"), chrono_source_get_title (source), description);
      else
        text = g_strdup (chrono_source_get_title (source));
      gtk_label_set_text (self->source_label, text);
    }

  event = chrono_quote_get_event (self->quote);
  gtk_widget_set_visible (self->event_button, self->show_event && event != NULL);
  if (event != NULL)
    {
      g_autofree char *dates = chrono_date_format_span (chrono_event_get_start (event), chrono_event_get_end (event));
      /* Translators: the date and title of the event a quote belongs to */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), dates, chrono_event_get_title (event));

      gtk_label_set_text (self->event_label, text);
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChronoQuoteRow *self = CHRONO_QUOTE_ROW (widget);
  g_autofree char *text = NULL;

  if (self->quote == NULL)
    return;

  text = chrono_ui_quote_dup_clipboard_text (self->quote, self->show_original);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_widget_activate_action (widget, "win.toast", "s", _("Quote copied"));
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronoQuoteRow *self = CHRONO_QUOTE_ROW (widget);

  if (self->quote != NULL)
    g_signal_emit (self, signals[SHOW_EVENT], 0, self->quote);
}

static void
chrono_quote_row_dispose (GObject *object)
{
  ChronoQuoteRow *self = CHRONO_QUOTE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_QUOTE_ROW);
  /* Children without an id in the template are not covered by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  follow_quote (self, NULL);

  G_OBJECT_CLASS (chrono_quote_row_parent_class)->dispose (object);
}

static void
chrono_quote_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronoQuoteRow *self = CHRONO_QUOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;

    case PROP_SHOW_ORIGINAL:
      g_value_set_boolean (value, self->show_original);
      break;

    case PROP_SHOW_EVENT:
      g_value_set_boolean (value, self->show_event);
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
chrono_quote_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronoQuoteRow *self = CHRONO_QUOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      chrono_quote_row_set_quote (self, g_value_get_object (value));
      break;

    case PROP_SHOW_ORIGINAL:
      chrono_quote_row_set_show_original (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_EVENT:
      if (self->show_event != g_value_get_boolean (value))
        {
          self->show_event = g_value_get_boolean (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_EDITABLE:
      if (self->editable != g_value_get_boolean (value))
        {
          self->editable = g_value_get_boolean (value);
          update_menu (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ORIENTATION:
      if (self->orientation != (GtkOrientation) g_value_get_enum (value))
        {
          self->orientation = g_value_get_enum (value);
          gtk_orientable_set_orientation (GTK_ORIENTABLE (self->texts_box), self->orientation);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_quote_row_class_init (ChronoQuoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_quote_row_dispose;
  object_class->get_property = chrono_quote_row_get_property;
  object_class->set_property = chrono_quote_row_set_property;

  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL,
                         CHRONO_TYPE_QUOTE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ORIGINAL] =
    g_param_spec_boolean ("show-original", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_EVENT] =
    g_param_spec_boolean ("show-event", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_EVENT] =
    g_signal_new ("show-event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CHRONO_TYPE_QUOTE);

  gtk_widget_class_install_action (widget_class, "quote.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "quote.show-event", NULL, show_event_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-quote-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, event_button);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, event_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, texts_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, translation_note);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, original_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, original_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, original_note);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, context_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, ChronoQuoteRow, menu_button);
  gtk_widget_class_set_css_name (widget_class, "chrono-quote-row");
}

static void
chrono_quote_row_init (ChronoQuoteRow *self)
{
  self->orientation = GTK_ORIENTATION_HORIZONTAL;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_popup_cb, self, NULL);
}

GtkWidget *
chrono_quote_row_new (void)
{
  return g_object_new (CHRONO_TYPE_QUOTE_ROW, NULL);
}

ChronoQuote *
chrono_quote_row_get_quote (ChronoQuoteRow *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE_ROW (self), NULL);

  return self->quote;
}

void
chrono_quote_row_set_quote (ChronoQuoteRow *self,
                            ChronoQuote    *quote)
{
  g_return_if_fail (CHRONO_IS_QUOTE_ROW (self));
  g_return_if_fail (quote == NULL || CHRONO_IS_QUOTE (quote));

  if (self->quote == quote)
    return;

  follow_quote (self, quote);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

gboolean
chrono_quote_row_get_show_original (ChronoQuoteRow *self)
{
  g_return_val_if_fail (CHRONO_IS_QUOTE_ROW (self), FALSE);

  return self->show_original;
}

void
chrono_quote_row_set_show_original (ChronoQuoteRow *self,
                                    gboolean        show_original)
{
  g_return_if_fail (CHRONO_IS_QUOTE_ROW (self));

  show_original = !!show_original;
  if (self->show_original == show_original)
    return;

  self->show_original = show_original;
  gtk_widget_set_visible (self->original_box,
                          show_original && self->quote != NULL &&
                          chrono_ui_quote_has_distinct_original (self->quote));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ORIGINAL]);
}
