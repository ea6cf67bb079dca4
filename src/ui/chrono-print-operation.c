/* chrono-print-operation.c — the timeline on paper, drawn by its exporter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-print-operation"

#include "config.h"

#include "chrono-print-operation.h"

struct _ChronoPrintOperation
{
  GtkPrintOperation  parent_instance;

  ChronoExporter    *exporter;
};

G_DEFINE_FINAL_TYPE (ChronoPrintOperation, chrono_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
chrono_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  ChronoPrintOperation *self = CHRONO_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double width = chrono_exporter_get_width (self->exporter);
  double height = chrono_exporter_get_height (self->exporter);
  double scale = MIN (page_width / width, page_height / height);

  cairo_translate (cr, (page_width - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  chrono_exporter_draw (self->exporter, cr);
}

static void
chrono_print_operation_finalize (GObject *object)
{
  ChronoPrintOperation *self = CHRONO_PRINT_OPERATION (object);

  g_clear_pointer (&self->exporter, chrono_exporter_free);

  G_OBJECT_CLASS (chrono_print_operation_parent_class)->finalize (object);
}

static void
chrono_print_operation_class_init (ChronoPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = chrono_print_operation_finalize;
  operation_class->draw_page = chrono_print_operation_draw_page;
}

static void
chrono_print_operation_init (ChronoPrintOperation *self)
{
}

ChronoPrintOperation *
chrono_print_operation_new (ChronoExporter *exporter)
{
  ChronoPrintOperation *self;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

  g_return_val_if_fail (exporter != NULL, NULL);

  self = g_object_new (CHRONO_TYPE_PRINT_OPERATION,
                       "n-pages", 1,
                       "job-name", chrono_exporter_get_title (exporter),
                       "allow-async", TRUE,
                       "embed-page-setup", TRUE,
                       NULL);
  self->exporter = exporter;

  /* Timelines are wide. */
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);

  return self;
}
