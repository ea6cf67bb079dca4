/* chrono-date-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-date-entry.h"
#include "chrono-ui-util.h"

struct _ChronoDateEntry
{
  GtkWidget parent_instance;

  GtkEntry *entry;
  GtkCheckButton *approximate;
  GtkCheckButton *uncertain;
  GtkCheckButton *bce;
  GtkLabel *preview;

  char *problem;
  guint optional : 1;
  guint end : 1;
  guint valid : 1;
  guint touched : 1;        /* edited by the user, or its problem asked for */
  guint setting : 1;        /* chrono_date_entry_set_date() is filling it in */
};

G_DEFINE_FINAL_TYPE (ChronoDateEntry, chrono_date_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OPTIONAL,
  PROP_END,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reads what is typed and ticked. BCE years are typed as people write them (500 BCE is
 * “0500”) and stored as ISO 8601 counts them (-499); unticked, a year is read as files
 * keep it, so “0000” is 1 BCE and “-0500” is 501 BCE. */
static gboolean
parse (ChronoDateEntry  *self,
       ChronoDate       *date,
       gboolean         *has_date,
       GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *has_date = FALSE;
  if (*stripped == '\0')
    {
      if (self->optional)
        return TRUE;
      g_set_error_literal (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID, _("A date is needed"));
      return FALSE;
    }

  if (!chrono_date_parse (stripped, date, error))
    return FALSE;

  if (gtk_check_button_get_active (self->bce))
    {
      if (date->year < 0)
        {
          g_set_error_literal (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                               _("With “BCE” ticked, write the year without a minus sign"));
          return FALSE;
        }
      if (date->year == 0)
        {
          g_set_error_literal (error, CHRONO_DATE_ERROR, CHRONO_DATE_ERROR_INVALID,
                               _("There is no year 0 BCE: the year before 1 CE is 1 BCE"));
          return FALSE;
        }
      date->year = 1 - date->year;
    }

  if (gtk_check_button_get_active (self->approximate))
    date->flags |= CHRONO_DATE_APPROXIMATE;
  if (gtk_check_button_get_active (self->uncertain))
    date->flags |= CHRONO_DATE_UNCERTAIN;

  *has_date = TRUE;
  return TRUE;
}

static void
update (ChronoDateEntry *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ChronoDate date;
  gboolean has_date;
  gboolean valid;
  gboolean shown_valid;

  valid = parse (self, &date, &has_date, &error);
  /* What is wrong shows once the user has edited the entry or tried to confirm it, not
   * under an empty entry that they have not reached yet. */
  shown_valid = self->touched ? valid && self->problem == NULL : TRUE;

  if (!valid && !self->touched)
    text = g_strdup (_("No date"));
  else if (!valid)
    text = g_strdup (error->message);
  else if (self->problem != NULL)
    text = g_strdup (self->problem);
  else if (has_date)
    text = chrono_date_format (&date);
  else
    text = g_strdup (_("No date"));

  gtk_label_set_text (self->preview, text);
  /* The preview describes the entry (see init), but GTK 4.8 tells screen readers only of
   * the relation, not its text: the date as read, or why it is not one, is also the
   * entry's description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);

  if (shown_valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->preview), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->preview), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview), "dim-label");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               shown_valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);

  if ((gboolean) self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
changed_cb (ChronoDateEntry *self)
{
  /* A problem found with the old text is no longer known to hold. */
  g_clear_pointer (&self->problem, g_free);
  if (!self->setting)
    self->touched = TRUE;
  update (self);
}

static void
chrono_date_entry_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chrono_date_entry_parent_class)->dispose (object);
}

static void
chrono_date_entry_finalize (GObject *object)
{
  g_clear_pointer (&CHRONO_DATE_ENTRY (object)->problem, g_free);

  G_OBJECT_CLASS (chrono_date_entry_parent_class)->finalize (object);
}

static void
chrono_date_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronoDateEntry *self = CHRONO_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    case PROP_END:
      g_value_set_boolean (value, self->end);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_date_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronoDateEntry *self = CHRONO_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_OPTIONAL:
      chrono_date_entry_set_optional (self, g_value_get_boolean (value));
      break;
    case PROP_END:
      chrono_date_entry_set_end (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The form's label names the date entry (its mnemonic widget); the text field in it,
 * which screen readers meet, is named by the same label. A form's template gives the
 * label its mnemonic widget only once it is built, so this waits until it is shown. */
static void
chrono_date_entry_map (GtkWidget *widget)
{
  ChronoDateEntry *self = CHRONO_DATE_ENTRY (widget);
  GList *labels;

  GTK_WIDGET_CLASS (chrono_date_entry_parent_class)->map (widget);

  labels = gtk_widget_list_mnemonic_labels (widget);
  if (labels != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, labels->data, NULL, -1);
  g_list_free (labels);
}

static gboolean
chrono_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CHRONO_DATE_ENTRY (widget)->entry));
}

static void
chrono_date_entry_class_init (ChronoDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_date_entry_dispose;
  object_class->finalize = chrono_date_entry_finalize;
  object_class->get_property = chrono_date_entry_get_property;
  object_class->set_property = chrono_date_entry_set_property;
  widget_class->grab_focus = chrono_date_entry_grab_focus;
  widget_class->map = chrono_date_entry_map;

  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_boolean ("end", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chrono-date-entry");
}

static GtkCheckButton *
add_check (GtkWidget  *box,
           const char *tooltip)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_use_underline (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_tooltip_text (check, tooltip);
  gtk_box_append (GTK_BOX (box), check);

  return GTK_CHECK_BUTTON (check);
}

/* The end of a span sits below its start in the same form, so its boxes have access
 * keys of their own. */
static void
label_checks (ChronoDateEntry *self)
{
  if (self->end)
    {
      /* Translators: the end date's box; its access key must differ from “_Approximate” (the start's) and from the form's other fields */
      gtk_check_button_set_label (self->approximate, _("Appro_ximate"));
      /* Translators: the end date's box; its access key must differ from “_Uncertain” (the start's) and from the form's other fields */
      gtk_check_button_set_label (self->uncertain, _("Uncerta_in"));
      /* Translators: the end date's box; its access key must differ from “_BCE” (the start's) and from the form's other fields */
      gtk_check_button_set_label (self->bce, _("BC_E"));
    }
  else
    {
      gtk_check_button_set_label (self->approximate, _("_Approximate"));
      gtk_check_button_set_label (self->uncertain, _("_Uncertain"));
      gtk_check_button_set_label (self->bce, _("_BCE"));
    }
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));
}

static void
chrono_date_entry_init (ChronoDateEntry *self)
{
  GtkWidget *checks;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  /* Translators: the form of a date typed into a date entry; keep the letters as they are */
  gtk_entry_set_placeholder_text (self->entry, _("YYYY-MM-DD"));
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));

  checks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->approximate = add_check (checks, _("About that date (EDTF “~”)"));
  self->uncertain = add_check (checks, _("Perhaps that date (EDTF “?”)"));
  self->bce = add_check (checks, _("Before the Common Era: 500 BCE is typed 0500"));
  label_checks (self);
  gtk_widget_set_parent (checks, GTK_WIDGET (self));

  self->preview = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->preview, 0);
  gtk_label_set_wrap (self->preview, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->preview), GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->preview, NULL, -1);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->approximate, "toggled", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->uncertain, "toggled", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->bce, "toggled", G_CALLBACK (changed_cb), self);

  update (self);
}

GtkWidget *
chrono_date_entry_new (void)
{
  return g_object_new (CHRONO_TYPE_DATE_ENTRY, NULL);
}

gboolean
chrono_date_entry_get_optional (ChronoDateEntry *self)
{
  g_return_val_if_fail (CHRONO_IS_DATE_ENTRY (self), FALSE);

  return self->optional;
}

void
chrono_date_entry_set_optional (ChronoDateEntry *self,
                                gboolean         optional)
{
  g_return_if_fail (CHRONO_IS_DATE_ENTRY (self));

  if (self->optional == !!optional)
    return;

  self->optional = !!optional;
  gtk_entry_set_placeholder_text (self->entry, optional ? _("None") : _("YYYY-MM-DD"));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

gboolean
chrono_date_entry_get_end (ChronoDateEntry *self)
{
  g_return_val_if_fail (CHRONO_IS_DATE_ENTRY (self), FALSE);

  return self->end;
}

void
chrono_date_entry_set_end (ChronoDateEntry *self,
                           gboolean         end)
{
  g_return_if_fail (CHRONO_IS_DATE_ENTRY (self));

  if (self->end == !!end)
    return;

  self->end = !!end;
  label_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

void
chrono_date_entry_set_date (ChronoDateEntry  *self,
                            const ChronoDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CHRONO_IS_DATE_ENTRY (self));

  if (date != NULL)
    {
      ChronoDate shown = *date;

      shown.flags = CHRONO_DATE_EXACT;
      if (date->year <= 0)
        shown.year = 1 - date->year;
      text = chrono_date_to_edtf (&shown);
    }

  /* The checks first, so that the text's change shows the whole date. What is filled
   * in is not the user's edit: its problems wait as an empty entry's do. */
  self->setting = TRUE;
  gtk_check_button_set_active (self->approximate, date != NULL && (date->flags & CHRONO_DATE_APPROXIMATE));
  gtk_check_button_set_active (self->uncertain, date != NULL && (date->flags & CHRONO_DATE_UNCERTAIN));
  gtk_check_button_set_active (self->bce, date != NULL && date->year <= 0);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  self->touched = FALSE;
  changed_cb (self);
  self->setting = FALSE;
}

gboolean
chrono_date_entry_get_date (ChronoDateEntry  *self,
                            ChronoDate       *out_date,
                            gboolean         *has_date,
                            GError          **error)
{
  ChronoDate date = { 0 };
  gboolean has = FALSE;

  g_return_val_if_fail (CHRONO_IS_DATE_ENTRY (self), FALSE);

  if (!parse (self, &date, &has, error))
    return FALSE;

  if (out_date != NULL)
    *out_date = date;
  if (has_date != NULL)
    *has_date = has;

  return TRUE;
}

gboolean
chrono_date_entry_get_valid (ChronoDateEntry *self)
{
  g_return_val_if_fail (CHRONO_IS_DATE_ENTRY (self), FALSE);

  return self->valid;
}

void
chrono_date_entry_set_problem (ChronoDateEntry *self,
                               const char      *message)
{
  g_return_if_fail (CHRONO_IS_DATE_ENTRY (self));

  g_free (self->problem);
  self->problem = g_strdup (message);
  self->touched |= message != NULL;
  update (self);
}

void
chrono_date_entry_show_problem (ChronoDateEntry *self)
{
  g_return_if_fail (CHRONO_IS_DATE_ENTRY (self));

  self->touched = TRUE;
  update (self);
}

GtkEditable *
chrono_date_entry_get_editable (ChronoDateEntry *self)
{
  g_return_val_if_fail (CHRONO_IS_DATE_ENTRY (self), NULL);

  return GTK_EDITABLE (self->entry);
}
