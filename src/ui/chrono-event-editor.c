/* chrono-event-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-date-entry.h"
#include "chrono-event-editor.h"
#include "chrono-ui-util.h"
#include "model/chrono-edit-group.h"
#include "model/chrono-edit-properties.h"
#include "model/chrono-edit-span.h"

struct _ChronoEventEditor
{
  GtkWidget parent_instance;

  ChronoTimeline *timeline;
  ChronoEvent *event;

  GtkScrolledWindow *scroller;
  GtkEntry *title_entry;
  GtkLabel *title_problem;
  ChronoDateEntry *start_entry;
  ChronoDateEntry *end_entry;
  GtkDropDown *category_dropdown;
  GtkSpinButton *importance_spin;
  GtkTextView *summary_view;
  GtkTextView *notes_view;
  GtkBox *sources_box;
  GtkLabel *sources_label;
};

G_DEFINE_FINAL_TYPE (ChronoEventEditor, chrono_event_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCROLLS,
  N_PROPS
};

enum {
  DONE,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
chrono_normalize_space (const char *text)
{
  g_auto(GStrv) words = NULL;
  GPtrArray *kept;
  char *joined;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  kept = g_ptr_array_new ();
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  joined = g_strjoinv (" ", (char **) kept->pdata);
  g_ptr_array_free (kept, TRUE);

  return joined;
}

/* A text of paragraphs (a summary, a description, what was said) keeps its line breaks
 * and one blank line between paragraphs; within a line, spaces are normalised as in a
 * field of one line. */
char *
chrono_normalize_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *joined;
  gboolean after_blank = FALSE;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  joined = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = chrono_normalize_space (lines[i]);

      if (*line == '\0')
        {
          after_blank = joined->len > 0;
          continue;
        }
      if (joined->len > 0)
        g_string_append (joined, after_blank ? "\n\n" : "\n");
      g_string_append (joined, line);
      after_blank = FALSE;
    }

  return g_string_free (joined, FALSE);
}

char *
chrono_entry_dup_normalized_text (GtkEntry *entry)
{
  return chrono_normalize_space (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* NULL for an empty text, so that an untouched empty field changes nothing. */
/* The notes, one a line, blank lines dropped. */
static char *
get_notes (ChronoEventEditor *self)
{
  g_autofree char *text = chrono_ui_text_view_dup_text (self->notes_view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *notes = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = chrono_normalize_space (lines[i]);

      if (*line == '\0')
        continue;
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, line);
    }

  return chrono_ui_nonempty_or_null (g_string_free (notes, FALSE));
}

static void
show_title_problem (ChronoEventEditor *self,
                    const char        *problem)
{
  chrono_ui_show_problem (GTK_WIDGET (self->title_entry), self->title_problem, problem);
}

static void
title_changed_cb (ChronoEventEditor *self)
{
  show_title_problem (self, NULL);
}

static void
done_clicked_cb (ChronoEventEditor *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
cancel_clicked_cb (ChronoEventEditor *self)
{
  g_signal_emit (self, signals[CANCELLED], 0);
}

/* One check per source of the timeline, those in @cited checked. */
static void
fill_sources (ChronoEventEditor *self,
              GPtrArray         *cited)
{
  GtkWidget *child;
  GListModel *sources = chrono_timeline_get_sources (self->timeline);
  guint n = g_list_model_get_n_items (sources);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))) != NULL)
    gtk_box_remove (self->sources_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronoSource) source = g_list_model_get_item (sources, i);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (chrono_source_get_title (source));

      /* A long title wraps: unwrapped it would widen the editor past the quote pane. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      chrono_source_get_title (source), -1);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_ptr_array_find (cited, source, NULL));
      g_object_set_data_full (G_OBJECT (check), "source", g_object_ref (source), g_object_unref);
      gtk_box_append (self->sources_box, check);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), n > 0);
}

static GPtrArray *
get_sources (ChronoEventEditor *self)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_ptr_array_add (sources, g_object_ref (g_object_get_data (G_OBJECT (child), "source")));

  return sources;
}

static void
select_category (ChronoEventEditor *self,
                 ChronoCategory    *wanted)
{
  GListModel *categories = chrono_timeline_get_categories (self->timeline);
  guint position = GTK_INVALID_LIST_POSITION;

  /* Set again, so that a renamed category reads by its new name. */
  gtk_drop_down_set_model (self->category_dropdown, NULL);
  gtk_drop_down_set_model (self->category_dropdown, categories);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ChronoCategory) category = g_list_model_get_item (categories, i);

      if (category == wanted)
        position = i;
    }
  gtk_drop_down_set_selected (self->category_dropdown, position);
}

/* The timeline's sources and categories were changed elsewhere (the Sources, Categories
 * and Eras window): the choices follow, and what the form says stays. */
static void
timeline_changed_cb (ChronoEventEditor *self)
{
  g_autoptr(GPtrArray) checked = get_sources (self);

  select_category (self, gtk_drop_down_get_selected_item (self->category_dropdown));
  fill_sources (self, checked);
}

static void
chrono_event_editor_dispose (GObject *object)
{
  ChronoEventEditor *self = CHRONO_EVENT_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_EVENT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, timeline_changed_cb, self);
  g_clear_object (&self->timeline);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (chrono_event_editor_parent_class)->dispose (object);
}

static void
chrono_event_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChronoEventEditor *self = CHRONO_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCROLLS:
      g_value_set_boolean (value, chrono_event_editor_get_scrolls (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChronoEventEditor *self = CHRONO_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCROLLS:
      chrono_event_editor_set_scrolls (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chrono_event_editor_class_init (ChronoEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_event_editor_dispose;
  object_class->get_property = chrono_event_editor_get_property;
  object_class->set_property = chrono_event_editor_set_property;

  /* Whether the form scrolls within the editor; when it does not, the editor is as
   * tall as its form, for a parent that scrolls. */
  properties[PROP_SCROLLS] =
    g_param_spec_boolean ("scrolls", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CHRONO_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, title_problem);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, importance_spin);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, sources_box);
  gtk_widget_class_bind_template_child (widget_class, ChronoEventEditor, sources_label);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Switches off or back on the controllers through which @widget hears the mouse wheel. */
static void
set_wheel_heard (GtkWidget *widget,
                 gboolean   heard)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkPropagationPhase phase;

      if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        continue;
      phase = gtk_event_controller_get_propagation_phase (controller);
      if (!heard && phase != GTK_PHASE_NONE)
        {
          g_object_set_data (G_OBJECT (controller), "chrono-wheel-phase", GINT_TO_POINTER (phase));
          gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
        }
      else if (heard && g_object_get_data (G_OBJECT (controller), "chrono-wheel-phase") != NULL)
        {
          phase = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (controller), "chrono-wheel-phase"));
          gtk_event_controller_set_propagation_phase (controller, phase);
        }
    }
}

static void
chrono_event_editor_init (ChronoEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));

  gtk_drop_down_set_expression (self->category_dropdown,
                                gtk_property_expression_new (CHRONO_TYPE_CATEGORY, NULL, "name"));
  /* GTK 4.8 reads the drop-down's own button by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->category_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category"), -1);
}

GtkWidget *
chrono_event_editor_new (void)
{
  return g_object_new (CHRONO_TYPE_EVENT_EDITOR, NULL);
}

void
chrono_event_editor_edit (ChronoEventEditor *self,
                          ChronoTimeline    *timeline,
                          ChronoEvent       *event)
{
  g_return_if_fail (CHRONO_IS_EVENT_EDITOR (self));
  g_return_if_fail (CHRONO_IS_TIMELINE (timeline));
  g_return_if_fail (CHRONO_IS_EVENT (event));

  if (self->timeline != timeline)
    {
      if (self->timeline != NULL)
        g_signal_handlers_disconnect_by_func (self->timeline, timeline_changed_cb, self);
      g_set_object (&self->timeline, timeline);
      g_signal_connect_object (timeline, "changed", G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->event, event);

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), chrono_event_get_title (event));
  show_title_problem (self, NULL);
  chrono_date_entry_set_date (self->start_entry, chrono_event_get_start (event));
  chrono_date_entry_set_date (self->end_entry, chrono_event_get_end (event));

  select_category (self, chrono_event_get_category (event));

  gtk_spin_button_set_value (self->importance_spin, chrono_event_get_importance (event));
  chrono_ui_text_view_set_text (self->summary_view, chrono_event_get_summary (event));
  chrono_ui_text_view_set_text (self->notes_view, chrono_event_get_notes (event));
  fill_sources (self, chrono_event_get_sources (event));
}

ChronoEvent *
chrono_event_editor_get_event (ChronoEventEditor *self)
{
  g_return_val_if_fail (CHRONO_IS_EVENT_EDITOR (self), NULL);

  return self->event;
}

static gboolean
dates_equal (const ChronoDate *a,
             const ChronoDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->hour == b->hour && a->minute == b->minute && a->second == b->second &&
         a->precision == b->precision && a->flags == b->flags;
}

ChronoEdit *
chrono_event_editor_build_edit (ChronoEventEditor *self,
                                gboolean          *valid)
{
  g_autoptr(ChronoEditGroup) group = NULL;
  g_autoptr(ChronoEditProperties) changed = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *summary_text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  ChronoCategory *category;
  ChronoDate start, end;
  gboolean has_start, has_end;
  gboolean ok = TRUE;

  g_return_val_if_fail (CHRONO_IS_EVENT_EDITOR (self), NULL);
  g_return_val_if_fail (self->event != NULL, NULL);

  *valid = FALSE;

  title = chrono_normalize_space (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  if (*title == '\0')
    {
      show_title_problem (self, _("An event needs a title"));
      ok = FALSE;
    }

  chrono_date_entry_show_problem (self->start_entry);
  if (!chrono_date_entry_get_date (self->start_entry, &start, &has_start, NULL))
    ok = FALSE;
  chrono_date_entry_show_problem (self->end_entry);
  if (!chrono_date_entry_get_date (self->end_entry, &end, &has_end, NULL))
    ok = FALSE;
  else if (ok && has_end && chrono_date_get_end (&end) <= chrono_date_get_start (&start))
    {
      chrono_date_entry_set_problem (self->end_entry, _("The end is before the start"));
      ok = FALSE;
    }

  category = gtk_drop_down_get_selected_item (self->category_dropdown);
  if (category == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->category_dropdown), "error");
      ok = FALSE;
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->category_dropdown), "error");

  if (!ok)
    return NULL;
  *valid = TRUE;

  summary_text = chrono_ui_text_view_dup_text (self->summary_view);
  summary = chrono_ui_nonempty_or_null (chrono_normalize_lines (summary_text));
  notes = get_notes (self);
  sources = get_sources (self);

  changed = chrono_edit_properties_new (self->event,
                                        "title", title,
                                        "summary", summary,
                                        "notes", notes,
                                        "category", category,
                                        "importance", (guint) gtk_spin_button_get_value_as_int (self->importance_spin),
                                        "sources", sources,
                                        NULL);

  group = chrono_edit_group_new (_("Edit Event"));
  if (!chrono_edit_properties_is_noop (changed))
    chrono_edit_group_add (group, CHRONO_EDIT (changed));
  if (!dates_equal (&start, chrono_event_get_start (self->event)) ||
      !dates_equal (has_end ? &end : NULL, chrono_event_get_end (self->event)))
    {
      g_autoptr(ChronoEditSpan) span = chrono_edit_span_new (self->event, &start, has_end ? &end : NULL);

      chrono_edit_group_add (group, CHRONO_EDIT (span));
    }

  if (chrono_edit_group_get_size (group) == 0)
    return NULL;

  return CHRONO_EDIT (g_steal_pointer (&group));
}

gboolean
chrono_event_editor_get_scrolls (ChronoEventEditor *self)
{
  GtkPolicyType policy;

  g_return_val_if_fail (CHRONO_IS_EVENT_EDITOR (self), TRUE);

  gtk_scrolled_window_get_policy (self->scroller, NULL, &policy);
  return policy != GTK_POLICY_NEVER;
}

void
chrono_event_editor_set_scrolls (ChronoEventEditor *self,
                                 gboolean           scrolls)
{
  g_return_if_fail (CHRONO_IS_EVENT_EDITOR (self));

  if (chrono_event_editor_get_scrolls (self) == !!scrolls)
    return;

  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  scrolls ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  /* GTK 4.8's scrolled window takes the mouse wheel even when it cannot scroll, and the
   * parent that scrolls would not hear of it. */
  set_wheel_heard (GTK_WIDGET (self->scroller), scrolls);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLLS]);
}

void
chrono_event_editor_focus_title (ChronoEventEditor *self)
{
  g_return_if_fail (CHRONO_IS_EVENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}
