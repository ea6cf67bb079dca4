/* chrono-timeline-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-timeline-editor"

#include "config.h"

#include "chrono-event-editor.h"
#include "chrono-timeline-editor.h"
#include "chrono-ui-util.h"
#include "model/chrono-edit-properties.h"

struct _ChronoTimelineEditor
{
  AdwWindow parent_instance;

  ChronoTimeline *timeline;

  GtkEntry *title_entry;
  GtkTextView *description_view;
};

G_DEFINE_FINAL_TYPE (ChronoTimelineEditor, chrono_timeline_editor, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
done_clicked_cb (ChronoTimelineEditor *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
chrono_timeline_editor_dispose (GObject *object)
{
  ChronoTimelineEditor *self = CHRONO_TIMELINE_EDITOR (object);

  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (chrono_timeline_editor_parent_class)->dispose (object);
}

static void
chrono_timeline_editor_class_init (ChronoTimelineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_timeline_editor_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-timeline-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoTimelineEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronoTimelineEditor, description_view);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chrono_timeline_editor_init (ChronoTimelineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chrono_ui_name_without_access_keys (GTK_WIDGET (self));
}

/* @untitled_name is what the timeline is called while its title is left empty. */
ChronoTimelineEditor *
chrono_timeline_editor_new (GtkWindow      *parent,
                            ChronoTimeline *timeline,
                            const char     *untitled_name)
{
  ChronoTimelineEditor *self;
  const char *title;

  g_return_val_if_fail (CHRONO_IS_TIMELINE (timeline), NULL);

  self = g_object_new (CHRONO_TYPE_TIMELINE_EDITOR, "transient-for", parent, NULL);
  self->timeline = g_object_ref (timeline);
  title = chrono_timeline_get_title (timeline);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title != NULL ? title : "");
  gtk_entry_set_placeholder_text (self->title_entry, untitled_name);
  chrono_ui_text_view_set_text (self->description_view, chrono_timeline_get_description (timeline));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));

  return self;
}

/* Without a title the timeline is called after its file, as a new one is: the title
 * field shows that name while it is empty. */
ChronoEdit *
chrono_timeline_editor_build_edit (ChronoTimelineEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(ChronoEditProperties) edit = NULL;

  g_return_val_if_fail (CHRONO_IS_TIMELINE_EDITOR (self), NULL);

  title = chrono_ui_nonempty_or_null (chrono_entry_dup_normalized_text (self->title_entry));
  text = chrono_ui_text_view_dup_text (self->description_view);
  description = chrono_ui_nonempty_or_null (chrono_normalize_lines (text));

  edit = chrono_edit_properties_new (self->timeline, "title", title, "description", description, NULL);
  if (chrono_edit_properties_is_noop (edit))
    return NULL;

  return CHRONO_EDIT (g_steal_pointer (&edit));
}
