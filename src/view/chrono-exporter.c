/* chrono-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-exporter"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chrono-exporter.h"
#include "chrono-renderer.h"
#include "model/chrono-atomic-file.h"

#define TITLE_PADDING 12.0

struct _ChronoExporter
{
  ChronoRenderer *renderer;
  PangoLayout    *title_layout;
  ChronoLayout   *layout;
  ChronoEvent    *selected;
  char           *title;
  char           *span;
  double          width;
  double          title_height;
};

typedef struct
{
  GOutputStream *stream;
  GByteArray    *buffer;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

gboolean
chrono_export_format_from_name (const char         *name,
                                ChronoExportFormat *format)
{
  static const struct {
    const char         *suffix;
    ChronoExportFormat  format;
  } suffixes[] = {
    { ".png", CHRONO_EXPORT_FORMAT_PNG },
    { ".svg", CHRONO_EXPORT_FORMAT_SVG },
    { ".pdf", CHRONO_EXPORT_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;

  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }

  return FALSE;
}

static char *
format_span (double start,
             double end)
{
  ChronoPrecision precision = chrono_date_precision_for_duration (end - start);
  ChronoDate start_date, end_date;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  chrono_date_from_time ((ChronoTime) floor (start), precision, &start_date);
  chrono_date_from_time ((ChronoTime) ceil (end), precision, &end_date);
  start_text = chrono_date_format (&start_date);
  end_text = chrono_date_format (&end_date);

  /* Translators: the span of time an exported picture shows, from the first date to the second */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

/**
 * chrono_exporter_new:
 *
 * Lays out what the user sees once, with the default light style and metrics that do
 * not depend on the output, so that PNG, SVG, PDF and print place everything alike.
 */
ChronoExporter *
chrono_exporter_new (const ChronoExportParams *params)
{
  ChronoExporter *self;
  ChronoRenderStyle style;
  ChronoLayoutParams layout_params = { 0 };
  PangoContext *context;
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autofree char *markup = NULL;
  cairo_font_options_t *options;
  PangoRectangle logical;
  const char *title;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->timeline != NULL, NULL);

  self = g_new0 (ChronoExporter, 1);
  self->width = MAX (params->width, 1);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  chrono_render_style_init_default (&style, FALSE);
  self->renderer = chrono_renderer_new (context, &style);

  title = chrono_timeline_get_title (params->timeline);
  if (title == NULL || *title == '\0')
    title = params->untitled_name != NULL ? params->untitled_name : _("Untitled Timeline");
  self->title = g_strdup (title);
  self->span = format_span (params->start, params->end);

  title_font = pango_font_description_copy (style.font);
  pango_font_description_set_size (title_font, pango_font_description_get_size (style.font) * 6 / 5);
  self->title_layout = pango_layout_new (context);
  pango_layout_set_font_description (self->title_layout, title_font);
  pango_layout_set_single_paragraph_mode (self->title_layout, TRUE);
  pango_layout_set_ellipsize (self->title_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (self->title_layout,
                          (int) (MAX (self->width - 2 * TITLE_PADDING, 1) * PANGO_SCALE));
  markup = g_markup_printf_escaped ("<b>%s</b>   <span alpha=\"70%%\">%s</span>", self->title, self->span);
  pango_layout_set_markup (self->title_layout, markup, -1);
  pango_layout_get_pixel_extents (self->title_layout, NULL, &logical);
  self->title_height = ceil (logical.height + 2 * TITLE_PADDING);

  layout_params.timeline = params->timeline;
  layout_params.filter = params->filter;
  layout_params.start = params->start;
  layout_params.end = params->end;
  layout_params.width = self->width;
  layout_params.height = MAX (params->height, 1);
  layout_params.measure = chrono_renderer_measure;
  layout_params.measure_data = self->renderer;
  layout_params.selected = params->selected;
  layout_params.lanes = params->lanes;
  layout_params.now = g_get_real_time () / G_USEC_PER_SEC;
  layout_params.previous = params->shown;
  self->layout = chrono_layout_new (&layout_params);
  self->selected = params->selected;

  chrono_render_style_clear (&style);
  g_object_unref (context);

  return self;
}

void
chrono_exporter_free (ChronoExporter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->layout, chrono_layout_free);
  g_clear_pointer (&self->renderer, chrono_renderer_free);
  g_clear_object (&self->title_layout);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->span, g_free);
  g_free (self);
}

double
chrono_exporter_get_width (ChronoExporter *self)
{
  return self->width;
}

double
chrono_exporter_get_height (ChronoExporter *self)
{
  return self->title_height + self->layout->height;
}

double
chrono_exporter_get_title_height (ChronoExporter *self)
{
  return self->title_height;
}

const char *
chrono_exporter_get_title (ChronoExporter *self)
{
  return self->title;
}

ChronoLayout *
chrono_exporter_get_layout (ChronoExporter *self)
{
  return self->layout;
}

static void
set_device_scale (ChronoExporter *self,
                  double          scale)
{
  ChronoRenderStyle style;

  if (chrono_renderer_get_style (self->renderer)->scale == scale)
    return;

  /* Only the pixel snapping changes; the font stays, so the layout stays valid. */
  chrono_render_style_copy (&style, chrono_renderer_get_style (self->renderer));
  style.scale = scale;
  chrono_renderer_set_style (self->renderer, &style);
  chrono_render_style_clear (&style);
}

/**
 * chrono_exporter_draw:
 *
 * Draws the title line and the timeline into @cr, from (0, 0) to the exporter's size.
 */
void
chrono_exporter_draw (ChronoExporter *self,
                      cairo_t        *cr)
{
  const ChronoRenderStyle *style;
  ChronoRenderState state = { self->selected, NULL, G_MAXUINT };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  style = chrono_renderer_get_style (self->renderer);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, chrono_exporter_get_height (self));
  cairo_clip (cr);
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, style->background.alpha);
  cairo_paint (cr);

  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                         style->foreground.blue, style->foreground.alpha);
  cairo_move_to (cr, TITLE_PADDING, TITLE_PADDING);
  pango_cairo_show_layout (cr, self->title_layout);

  cairo_translate (cr, 0, self->title_height);
  chrono_renderer_draw (self->renderer, cr, self->layout, &state);
  cairo_restore (cr);
}

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *closure = user_data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (closure->buffer != NULL)
    {
      g_byte_array_append (closure->buffer, data, length);
      return CAIRO_STATUS_SUCCESS;
    }

  if (!g_output_stream_write_all (closure->stream, data, length, NULL,
                                  closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               WriteClosure     *closure,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (closure->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&closure->error));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Cairo draws text in SVG as glyph outlines; a title and a description make the picture
 * say in words what it shows, for screen readers and for search. They go right after the
 * opening tag of the root element. */
static gboolean
write_svg (ChronoExporter  *self,
           GByteArray      *svg,
           WriteClosure    *closure,
           GError         **error)
{
  g_autoptr(GString) text = g_string_new ("\n");
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autofree char *span = g_markup_escape_text (self->span, -1);
  const char *data = (const char *) svg->data;
  const char *root;
  const char *end = NULL;
  gsize split;

  root = g_strstr_len (data, svg->len, "<svg");
  if (root != NULL)
    end = memchr (root, '>', svg->len - (gsize) (root - data));
  split = end != NULL ? (gsize) (end + 1 - data) : svg->len;

  g_string_append_printf (text, "<title>%s, %s</title>\n<desc>", title, span);
  for (guint i = 0; i < self->layout->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->layout->labels, ChronoLayoutLabel, i);
      g_autofree char *escaped = g_markup_escape_text (chrono_event_get_title (label->event), -1);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", escaped);
    }
  g_string_append (text, "</desc>");

  return g_output_stream_write_all (closure->stream, svg->data, split, NULL, closure->cancellable, error) &&
         (end == NULL ||
          (g_output_stream_write_all (closure->stream, text->str, text->len, NULL, closure->cancellable, error) &&
           g_output_stream_write_all (closure->stream, svg->data + split, svg->len - split, NULL,
                                      closure->cancellable, error)));
}

static gboolean
write_surface (ChronoExporter      *self,
               ChronoExportFormat   format,
               double               scale,
               WriteClosure        *closure,
               GError             **error)
{
  double width = self->width;
  double height = chrono_exporter_get_height (self);
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  gboolean ret;

  switch (format)
    {
    case CHRONO_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      set_device_scale (self, scale);
      break;

    case CHRONO_EXPORT_FORMAT_SVG:
      closure->buffer = g_byte_array_new ();
      surface = cairo_svg_surface_create_for_stream (write_cb, closure, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      set_device_scale (self, 1);
      break;

    case CHRONO_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, closure, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chronoscope");
      set_device_scale (self, 1);
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  chrono_exporter_draw (self, cr);
  if (format != CHRONO_EXPORT_FORMAT_PNG)
    cairo_show_page (cr);
  cairo_destroy (cr);

  if (format == CHRONO_EXPORT_FORMAT_PNG && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, write_cb, closure);

      if (status != CAIRO_STATUS_SUCCESS && closure->error == NULL)
        g_set_error_literal (&closure->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             cairo_status_to_string (status));
    }

  cairo_surface_finish (surface);
  ret = check_surface (surface, closure, error);
  cairo_surface_destroy (surface);

  if (ret && closure->buffer != NULL)
    ret = write_svg (self, closure->buffer, closure, error);

  return ret;
}

/**
 * chrono_exporter_write:
 * @scale: device pixels per logical pixel, for PNG; vector formats ignore it
 *
 * Writes the picture to @file through GIO, so a file the document portal handed out
 * works as well as a local one. On failure the file is left as it was and @error names it.
 */
gboolean
chrono_exporter_write (ChronoExporter      *self,
                       ChronoExportFormat   format,
                       double               scale,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  WriteClosure closure = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(scale > 0))
    scale = 1;

  stream = chrono_atomic_file_replace (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  closure.stream = G_OUTPUT_STREAM (stream);
  closure.cancellable = cancellable;
  if (write_surface (self, format, scale, &closure, &local_error))
    g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);
  else
    chrono_atomic_file_abort (stream);

  g_clear_pointer (&closure.buffer, g_byte_array_unref);
  g_clear_error (&closure.error);

  if (local_error == NULL)
    return TRUE;

  name = g_file_get_parse_name (file);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);

  return FALSE;
}
