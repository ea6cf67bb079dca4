/* chrono-layout-clusters.c — the "+N" badges of events without a label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chrono-layout-private.h"

static void
set_cluster_badge (ChronoLayout             *self,
                   ChronoLayoutCluster      *cluster,
                   const ChronoLayoutParams *params)
{
  double width = 0, height = 0;

  g_free (cluster->text);
  /* Translators: a marker standing for this many events that have no room for a label. */
  cluster->text = g_strdup_printf (C_("timeline cluster", "+%u"), cluster->count);
  params->measure (CHRONO_TEXT_BADGE, cluster->text, &width, &height, params->measure_data);

  cluster->badge.width = ceil (width) + 2 * BADGE_PAD_X;
  cluster->badge.height = self->cluster_row.height;
  cluster->badge.y = self->cluster_row.y;
  cluster->badge.x = round ((cluster->x0 + cluster->x1) / 2 - cluster->badge.width / 2);
  cluster->badge.x = CLAMP (cluster->badge.x, 0, MAX (0, floor (self->width) - cluster->badge.width));
}

static ChronoTime
item_start (ChronoLayout *self,
            guint         item)
{
  if (item < self->crossing->len)
    return (ChronoTime) ceil (self->start);

  return chrono_event_index_get_start_time (self->index, self->first_indexed + item - self->crossing->len);
}

static gboolean
badge_clear_of_stems (ChronoLayout *self,
                      double        x,
                      double        width)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, i);

      if (label->stem_x >= x - 2 && label->stem_x <= x + width + 2)
        return FALSE;
    }

  return TRUE;
}

/* Slides a badge off the stems of labels passing through the cluster row, when there is
 * room nearby; stems are drawn under badges, so this is about legibility only. */
static void
nudge_badges (ChronoLayout *self)
{
  for (guint i = 0; i < self->clusters->len; i++)
    {
      ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);
      double left_limit = 0, right_limit = floor (self->width);
      double best = cluster->badge.x;
      double best_distance = G_MAXDOUBLE;

      if (badge_clear_of_stems (self, cluster->badge.x, cluster->badge.width))
        continue;

      if (i > 0)
        {
          ChronoLayoutCluster *previous = &g_array_index (self->clusters, ChronoLayoutCluster, i - 1);
          left_limit = previous->badge.x + previous->badge.width + BADGE_GAP;
        }
      if (i + 1 < self->clusters->len)
        {
          ChronoLayoutCluster *next = &g_array_index (self->clusters, ChronoLayoutCluster, i + 1);
          right_limit = next->badge.x - BADGE_GAP;
        }

      for (guint j = 0; j < self->labels->len; j++)
        {
          const ChronoLayoutLabel *label = &g_array_index (self->labels, ChronoLayoutLabel, j);
          double options[2] = {
            label->stem_x + 3,
            label->stem_x - 3 - cluster->badge.width,
          };

          for (guint k = 0; k < 2; k++)
            {
              double distance = fabs (options[k] - cluster->badge.x);

              if (options[k] >= left_limit && options[k] + cluster->badge.width <= right_limit &&
                  distance < best_distance && distance <= cluster->badge.width + 40 &&
                  badge_clear_of_stems (self, options[k], cluster->badge.width))
                {
                  best = options[k];
                  best_distance = distance;
                }
            }
        }

      cluster->badge.x = round (best);
    }
}

void
_chrono_layout_build_clusters (ChronoLayout             *self,
                               GArray                   *units,
                               const ChronoLayoutParams *params)
{
  ChronoLayoutCluster *current = NULL;
  /* A cluster covers a stretch a click can zoom into usefully, never the whole view: a
   * stretch anchored in time, a power of two seconds long (113 to 226 pixels), so that
   * while the view pans the same events make up the same clusters. Events one by one
   * also part where there is room between them; buckets are side by side. */
  double stretch = exp2 (round (log2 (MAX (MAX_CLUSTER_SPAN * (self->end - self->start) / self->width, 1))));
  double current_stretch = 0;

  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = &g_array_index (units, Unit, i);
      guint unlabelled = unit->last_item - unit->first_item - unit->labelled;
      double unit_stretch;

      if (unlabelled == 0)
        continue;

      unit_stretch = floor (_chrono_layout_x_to_time (self, unit->x) / stretch);
      if (current == NULL || unit_stretch != current_stretch ||
          (!unit->bucket && unit->x - current->x1 > CLUSTER_GAP))
        {
          ChronoLayoutCluster cluster = { 0 };

          cluster.first_item = unit->first_item;
          cluster.x0 = unit->x;
          g_array_append_val (self->clusters, cluster);
          current = &g_array_index (self->clusters, ChronoLayoutCluster, self->clusters->len - 1);
          current_stretch = unit_stretch;
        }

      current->last_item = unit->last_item;
      current->count += unlabelled;
      current->x1 = unit->x;
    }

  /* Badges that would touch merge into one, left to right, until none touch. */
  for (guint i = 0; i < self->clusters->len; i++)
    {
      ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);

      set_cluster_badge (self, cluster, params);

      while (i > 0)
        {
          ChronoLayoutCluster *previous = &g_array_index (self->clusters, ChronoLayoutCluster, i - 1);

          cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);
          if (previous->badge.x + previous->badge.width + BADGE_GAP <= cluster->badge.x)
            break;

          previous->last_item = cluster->last_item;
          previous->count += cluster->count;
          previous->x1 = MAX (previous->x1, cluster->x1);
          previous->x0 = MIN (previous->x0, cluster->x0);
          g_array_remove_index (self->clusters, i);
          i--;
          set_cluster_badge (self, previous, params);
        }
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      ChronoLayoutCluster *cluster = &g_array_index (self->clusters, ChronoLayoutCluster, i);

      cluster->start = item_start (self, cluster->first_item);
      cluster->end = item_start (self, cluster->last_item - 1) + 1;
    }

  nudge_badges (self);
}
