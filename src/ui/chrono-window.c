/* chrono-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chrono-window.h"

struct _ChronoWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (ChronoWindow, chrono_window, ADW_TYPE_APPLICATION_WINDOW)

static void
chrono_window_dispose (GObject *object)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONO_TYPE_WINDOW);

  G_OBJECT_CLASS (chrono_window_parent_class)->dispose (object);
}

static void
chrono_window_finalize (GObject *object)
{
  ChronoWindow *self = CHRONO_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chrono_window_parent_class)->finalize (object);
}

static void
chrono_window_class_init (ChronoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chrono_window_dispose;
  object_class->finalize = chrono_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chrono-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronoWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
chrono_window_init (ChronoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* Opening and exporting arrive with the file readers and exporters. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
}

ChronoWindow *
chrono_window_new (ChronoApplication *application)
{
  return g_object_new (CHRONO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
