/* chrono-renderer-text.c — the renderer's text: its layouts, what it measures, and titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-renderer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "chrono-renderer-private.h"

#define MEASURE_CACHE_LIMIT 8192
/* A view shows a hundred titles at most; this keeps a few views' worth shaped. */
#define LABEL_CACHE_LIMIT   2048

typedef struct
{
  double width;
  double height;
} Extents;

static void
label_text_free (gpointer data)
{
  ChronoLabelText *label = data;

  g_object_unref (label->layout);
  _chrono_bitmap_clear (&label->bitmap);
  g_free (label);
}

/* A layout for each kind of text, in the style's font, and empty caches. */
void
_chrono_renderer_setup_text (ChronoRenderer *self)
{
  int size = pango_font_description_get_size (self->style.font);
  gboolean absolute = pango_font_description_get_size_is_absolute (self->style.font);

  if (size <= 0)
    {
      size = 10 * PANGO_SCALE;
      absolute = FALSE;
    }

  for (guint kind = 0; kind < N_TEXT_KINDS; kind++)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->style.font);
      int kind_size = size;

      switch ((ChronoTextKind) kind)
        {
        case CHRONO_TEXT_LABEL:
          break;
        case CHRONO_TEXT_AXIS:
          kind_size = size * 9 / 10;
          break;
        case CHRONO_TEXT_AXIS_CONTEXT:
          kind_size = size * 9 / 10;
          pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
          break;
        case CHRONO_TEXT_BADGE:
          kind_size = size * 17 / 20;
          pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
          break;
        case CHRONO_TEXT_ERA:
          kind_size = size * 9 / 10;
          break;
        case CHRONO_TEXT_OVERVIEW:
          break;
        case CHRONO_TEXT_LABEL_AT_LEAST:
        default:
          g_assert_not_reached ();
        }

      if (absolute)
        pango_font_description_set_absolute_size (font, kind_size);
      else
        pango_font_description_set_size (font, kind_size);

      g_clear_object (&self->layouts[kind]);
      self->layouts[kind] = pango_layout_new (self->context);
      pango_layout_set_font_description (self->layouts[kind], font);
      pango_layout_set_single_paragraph_mode (self->layouts[kind], TRUE);
      if (kind == CHRONO_TEXT_OVERVIEW)
        {
          g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
          pango_layout_set_attributes (self->layouts[kind], attributes);
        }

      g_clear_pointer (&self->measured[kind], g_hash_table_unref);
      self->measured[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  _chrono_renderer_clear_bitmaps (self);
  g_clear_pointer (&self->ascii_advances, g_free);
  g_clear_pointer (&self->label_layouts, g_hash_table_unref);
  self->label_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_text_free);
}

/* Full, an eighth of the titles go, those out of view the view showed longest ago: a long
 * pan then never has to shape again all that the view shows, no frame spends long freeing
 * (all 2,048 at once took 7 ms), and a pan back finds what it passed last. All go only
 * when the view shows every one. */
static void
forget_titles (ChronoRenderer *self)
{
  g_autoptr(GArray) titles = _chrono_renderer_titles_out_of_view (self);
  guint n_forgotten = MIN (titles->len, LABEL_CACHE_LIMIT / 8);

  if (titles->len == 0)
    {
      g_debug ("Titles full: all %u in view, all forgotten", g_hash_table_size (self->label_layouts));
      _chrono_renderer_clear_bitmaps (self);
      g_hash_table_remove_all (self->label_layouts);
      return;
    }

  for (guint i = 0; i < n_forgotten; i++)
    {
      const ChronoCachedTitle *title = &g_array_index (titles, ChronoCachedTitle, i);

      _chrono_renderer_drop_bitmap (self, &title->label->bitmap);
      g_hash_table_remove (self->label_layouts, title->text);
    }
  g_debug ("Titles full: %u out of view forgotten, %u kept", n_forgotten, g_hash_table_size (self->label_layouts));
}

/* A title's layout, shaped once with no width limit; its extents are what the layout
 * places, and it is drawn as it is unless it has to be ellipsized. */
static ChronoLabelText *
lookup_label (ChronoRenderer *self,
              const char     *text)
{
  ChronoLabelText *label = g_hash_table_lookup (self->label_layouts, text);
  PangoRectangle logical;

  if (label != NULL)
    {
      label->used_frame = self->frame;
      return label;
    }

  if (g_hash_table_size (self->label_layouts) > LABEL_CACHE_LIMIT)
    forget_titles (self);

  label = g_new0 (ChronoLabelText, 1);
  label->layout = pango_layout_copy (self->layouts[CHRONO_TEXT_LABEL]);
  pango_layout_set_text (label->layout, text, -1);
  pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_extents (label->layout, NULL, &logical);
  label->width = logical.width;
  label->height = logical.height;
  label->used_frame = self->frame;
  g_hash_table_insert (self->label_layouts, g_strdup (text), label);

  return label;
}

/* A title's width without shaping it, when the title is new: 85 % of what its lower-case
 * letters, digits and spaces measure one by one, and nothing for any other character.
 * Kerning takes far more off capitals and punctuation ("T,T,T," loses more than a
 * quarter in Noto Sans) than off these (ligatures such as "ffi" take under a tenth). */
static double
label_width_at_least (ChronoRenderer *self,
                      const char     *text)
{
  ChronoLabelText *label = g_hash_table_lookup (self->label_layouts, text);
  double sum = 0;

  if (label != NULL)
    return label->width;

  if (self->ascii_advances == NULL)
    {
      PangoLayout *layout = self->layouts[CHRONO_TEXT_LABEL];

      self->ascii_advances = g_new0 (double, 128);
      pango_layout_set_width (layout, -1);
      for (char c = ' '; c <= 'z'; c++)
        {
          PangoRectangle logical;

          if (c != ' ' && !g_ascii_islower (c) && !g_ascii_isdigit (c))
            continue;
          pango_layout_set_text (layout, &c, 1);
          pango_layout_get_extents (layout, NULL, &logical);
          self->ascii_advances[(guchar) c] = (double) logical.width / PANGO_SCALE;
        }
    }

  /* No label is anywhere near this wide: the rest of a long title need not be read. */
  for (const char *c = text; *c != '\0' && sum < 4096; c++)
    sum += self->ascii_advances[(guchar) *c & 0x7f] * ((guchar) *c < 0x80);

  return floor (sum * 0.85);
}

void
chrono_renderer_measure (ChronoTextKind  kind,
                         const char     *text,
                         double         *width,
                         double         *height,
                         gpointer        renderer)
{
  ChronoRenderer *self = renderer;
  Extents *extents;

  if (kind == CHRONO_TEXT_LABEL_AT_LEAST)
    {
      *width = label_width_at_least (self, text);
      *height = 0;
      return;
    }

  g_return_if_fail ((guint) kind < N_TEXT_KINDS);

  if (kind == CHRONO_TEXT_LABEL)
    {
      ChronoLabelText *label = lookup_label (self, text);

      *width = label->width;
      *height = label->height;
      return;
    }

  extents = g_hash_table_lookup (self->measured[kind], text);
  if (extents == NULL)
    {
      PangoRectangle logical;

      if (g_hash_table_size (self->measured[kind]) > MEASURE_CACHE_LIMIT)
        g_hash_table_remove_all (self->measured[kind]);

      pango_layout_set_width (self->layouts[kind], -1);
      pango_layout_set_text (self->layouts[kind], text, -1);
      pango_layout_get_pixel_extents (self->layouts[kind], NULL, &logical);

      extents = g_new (Extents, 1);
      extents->width = logical.width;
      extents->height = logical.height;
      g_hash_table_insert (self->measured[kind], g_strdup (text), extents);
    }

  *width = extents->width;
  *height = extents->height;
}

/* A title in a label's box from @y down @height, vertically centred, on @ground when
 * known. Titles come back frame after frame: each is shaped once, and shaped again only
 * to be ellipsized, which a width that does not cut it never needs. */
void
_chrono_renderer_show_title (ChronoRenderer          *self,
                             cairo_t                 *cr,
                             const char              *text,
                             double                   x,
                             double                   y,
                             double                   height,
                             double                   max_width,
                             const ChronoColor       *color,
                             double                   alpha,
                             const ChronoTitleGround *ground)
{
  ChronoLabelText *label = lookup_label (self, text);
  int width = pango_layout_get_width (label->layout);
  int wanted = (int) (max_width * PANGO_SCALE);
  ChronoColor faded = *color;

  if (max_width >= label->width)
    {
      if (width >= 0 && width < (int) (label->width * PANGO_SCALE))
        pango_layout_set_width (label->layout, -1);
    }
  else if (width != wanted)
    {
      pango_layout_set_width (label->layout, wanted);
    }

  faded.alpha *= alpha;
  _chrono_renderer_show_label (self, cr, label, x, y + (height - label->height) / 2, &faded, ground);
}

void
_chrono_renderer_show_text (ChronoRenderer    *self,
                            cairo_t           *cr,
                            ChronoTextKind     kind,
                            const char        *text,
                            double             x,
                            double             y,
                            double             max_width,
                            const ChronoColor *color,
                            double             alpha)
{
  PangoLayout *layout = self->layouts[kind];

  g_return_if_fail (kind != CHRONO_TEXT_LABEL);

  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }

  _chrono_renderer_set_color (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}
