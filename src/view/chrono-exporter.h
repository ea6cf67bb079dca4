/* chrono-exporter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "chrono-layout.h"

G_BEGIN_DECLS

typedef enum
{
  CHRONO_EXPORT_FORMAT_PNG,
  CHRONO_EXPORT_FORMAT_SVG,
  CHRONO_EXPORT_FORMAT_PDF,
} ChronoExportFormat;

/* What the user sees: the timeline, its filter, the visible span and the selection, at
 * the size of the timeline view in logical pixels. */
typedef struct
{
  ChronoTimeline    *timeline;
  ChronoEventFilter *filter;          /* optional */
  ChronoEvent       *selected;        /* optional */
  double             start;           /* the visible span, in seconds */
  double             end;
  double             width;           /* of the timeline, without the title line */
  double             height;
  gboolean           lanes;           /* one lane per category, as the view may show */
  const char        *untitled_name;   /* optional: the title line of a timeline without a title */
  const ChronoLayout *shown;          /* optional: the view's, whose labels stay where they are */
} ChronoExportParams;

typedef struct _ChronoExporter ChronoExporter;

gboolean        chrono_export_format_from_name  (const char               *name,
                                                 ChronoExportFormat       *format);

ChronoExporter *chrono_exporter_new             (const ChronoExportParams *params);
void            chrono_exporter_free            (ChronoExporter           *self);
/* The whole picture, title line included, in logical pixels. */
double          chrono_exporter_get_width       (ChronoExporter           *self);
double          chrono_exporter_get_height      (ChronoExporter           *self);
double          chrono_exporter_get_title_height (ChronoExporter          *self);
const char     *chrono_exporter_get_title       (ChronoExporter           *self);
/* The timeline's layout, placed below the title line. */
ChronoLayout   *chrono_exporter_get_layout      (ChronoExporter           *self);
void            chrono_exporter_draw            (ChronoExporter           *self,
                                                 cairo_t                  *cr);
gboolean        chrono_exporter_write           (ChronoExporter           *self,
                                                 ChronoExportFormat        format,
                                                 double                    scale,
                                                 GFile                    *file,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronoExporter, chrono_exporter_free)

G_END_DECLS
