/* chrono-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-theme"

#include "config.h"

#include <adwaita.h>

#include "chrono-theme.h"

static ChronoColor
to_color (const GdkRGBA *rgba)
{
  return (ChronoColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static void
blend_opaque (ChronoColor       *result,
              const ChronoColor *background,
              const ChronoColor *foreground,
              double             amount)
{
  double a = foreground->alpha * amount;

  result->red = background->red * (1 - a) + foreground->red * a;
  result->green = background->green * (1 - a) + foreground->green * a;
  result->blue = background->blue * (1 - a) + foreground->blue * a;
  result->alpha = 1;
}

/**
 * chrono_theme_get_render_style:
 *
 * Fills @style for drawing in @widget: the text colour, the view background and the
 * accent from the theme, dark and high contrast from libadwaita, the font from the
 * widget, the scale from its surface. The font is borrowed from the widget's Pango context.
 */
void
chrono_theme_get_render_style (GtkWidget         *widget,
                               ChronoRenderStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  GdkRGBA fg, bg, accent;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);

#if GTK_CHECK_VERSION (4, 10, 0)
    gtk_widget_get_color (widget, &fg);
#else
    gtk_style_context_get_color (context, &fg);
#endif
    if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg) &&
        !gtk_style_context_lookup_color (context, "theme_base_color", &bg))
      gdk_rgba_parse (&bg, dark ? "#1e1e1e" : "#ffffff");
    if (!gtk_style_context_lookup_color (context, "accent_color", &accent) &&
        !gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent))
      gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  }
  G_GNUC_END_IGNORE_DEPRECATIONS

  *style = (ChronoRenderStyle) { 0 };
  style->dark = dark;
  style->high_contrast = adw_style_manager_get_high_contrast (manager);
  style->foreground = to_color (&fg);
  style->background = to_color (&bg);
  style->background.alpha = 1;
  style->accent = to_color (&accent);
  style->grid = style->foreground;
  style->grid.alpha = style->high_contrast ? 0.35 : 0.1;
  blend_opaque (&style->label_background, &style->background, &style->foreground,
                style->high_contrast ? 0 : style->dark ? 0.06 : 0.03);
  style->font = (PangoFontDescription *) pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  style->scale = gtk_widget_get_scale_factor (widget);
#if GTK_CHECK_VERSION (4, 12, 0)
  /* With fractional scaling the factor is rounded up; the surface knows the real one. */
  if (gtk_widget_get_native (widget) != NULL)
    {
      GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

      if (surface != NULL && gdk_surface_get_scale (surface) > 0)
        style->scale = gdk_surface_get_scale (surface);
    }
#endif
}

/**
 * chrono_theme_update_renderer:
 * @renderer: (inout) (nullable): the renderer @widget draws with, made if NULL
 * @context_serial: (inout): the serial of @widget's Pango context as @renderer knows it
 *
 * Brings @widget's renderer up to date with its style before a frame. GTK updates the
 * widget's Pango context in place when the text DPI, the font options (antialiasing,
 * hinting) or the fonts change, and the context's serial tells it; the renderer then
 * measures, shapes and keeps text as bitmaps anew.
 *
 * Returns: TRUE if what was laid out with the renderer before is out of date: a new
 *   renderer, another font, dark or light, another Pango context
 */
gboolean
chrono_theme_update_renderer (GtkWidget       *widget,
                              ChronoRenderer **renderer,
                              guint           *context_serial)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  guint serial = pango_context_get_serial (context);
  gboolean changed = TRUE;
  ChronoRenderStyle style;

  chrono_theme_get_render_style (widget, &style);

  if (*renderer == NULL)
    {
      *renderer = chrono_renderer_new (context, &style);
    }
  else
    {
      const ChronoRenderStyle *old = chrono_renderer_get_style (*renderer);

      changed = !pango_font_description_equal (old->font, style.font) || old->dark != style.dark ||
                serial != *context_serial;
      chrono_renderer_set_style (*renderer, &style);
      if (serial != *context_serial)
        chrono_renderer_context_changed (*renderer);
    }
  *context_serial = serial;

  return changed;
}
