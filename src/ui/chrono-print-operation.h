/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "view/chrono-exporter.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_PRINT_OPERATION (chrono_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (ChronoPrintOperation, chrono_print_operation, CHRONO, PRINT_OPERATION, GtkPrintOperation)

/* Prints what @exporter draws on one landscape page, scaled to fit. Takes @exporter. */
ChronoPrintOperation *chrono_print_operation_new (ChronoExporter *exporter);

G_END_DECLS
