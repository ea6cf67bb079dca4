/* test-viewport.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "view/chrono-viewport.h"

#define WIDTH 1200.0

static void
assert_within_limits (ChronoViewport *viewport)
{
  double start, end, extent_start, extent_end;

  chrono_viewport_get_visible_span (viewport, &start, &end);
  chrono_viewport_get_limits (viewport, &extent_start, &extent_end);

  g_assert_cmpfloat (end - start, >=, chrono_viewport_get_min_duration (viewport) * (1 - 1e-9));
  g_assert_cmpfloat (end - start, <=, chrono_viewport_get_max_duration (viewport) * (1 + 1e-9));
  g_assert_cmpfloat (start, >=, extent_start - 1e-6 * fabs (extent_start));
  g_assert_cmpfloat (end, <=, extent_end + 1e-6 * fabs (extent_end));
}

static void
test_viewport_anchored_zoom (void)
{
  g_autoptr(ChronoViewport) viewport = chrono_viewport_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20221130);
  guint anchored = 0;

  /* 2012 to 2025, as in the built-in timeline. */
  chrono_viewport_set_document_span (viewport, 1325376000, 1735689600);
  chrono_viewport_zoom_to_fit (viewport);

  for (guint i = 0; i < 5000; i++)
    {
      double x = g_rand_double_range (rand, 0, WIDTH);
      double factor = exp (g_rand_double_range (rand, -1.2, 1.2));
      double anchor = chrono_viewport_x_to_time (viewport, x, WIDTH);
      double start, end, extent_start, extent_end;

      chrono_viewport_zoom_at (viewport, factor, anchor);
      assert_within_limits (viewport);

      chrono_viewport_get_visible_span (viewport, &start, &end);
      chrono_viewport_get_limits (viewport, &extent_start, &extent_end);

      /* Only sliding back into the document's extent may move the anchor. */
      if (start > extent_start + 1 && end < extent_end - 1)
        {
          g_assert_cmpfloat_with_epsilon (chrono_viewport_time_to_x (viewport, anchor, WIDTH), x, 1e-3);
          anchored++;
        }
    }

  /* The sequence must have exercised the anchored case, not only the clamped one. */
  g_assert_cmpuint (anchored, >, 1000);
}

static void
test_viewport_limits (void)
{
  g_autoptr(ChronoViewport) viewport = chrono_viewport_new ();
  double start, end, extent_start, extent_end;

  chrono_viewport_set_document_span (viewport, 1325376000, 1735689600);
  chrono_viewport_zoom_to_fit (viewport);
  chrono_viewport_get_limits (viewport, &extent_start, &extent_end);
  g_assert_cmpfloat (extent_start, <, 1325376000);
  g_assert_cmpfloat (extent_end, >, 1735689600);

  /* Zooming in forever stops at ten minutes. */
  for (guint i = 0; i < 100; i++)
    chrono_viewport_zoom_at (viewport, 3.0, 1669766400);
  chrono_viewport_get_visible_span (viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, CHRONO_VIEWPORT_MIN_DURATION, 1e-3);
  g_assert_cmpfloat (start, <=, 1669766400);
  g_assert_cmpfloat (end, >=, 1669766400);

  /* Zooming out forever stops at the whole document with its margin. */
  for (guint i = 0; i < 100; i++)
    chrono_viewport_zoom_at (viewport, 0.3, 1669766400);
  chrono_viewport_get_visible_span (viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, extent_start, 1e-3);
  g_assert_cmpfloat_with_epsilon (end, extent_end, 1e-3);

  /* Panning stops at the edges without changing the duration. */
  chrono_viewport_set_visible_span (viewport, 1669766400, 1669766400 + 86400 * 30);
  chrono_viewport_pan_by (viewport, -1e12);
  chrono_viewport_get_visible_span (viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, extent_start, 1e-3);
  g_assert_cmpfloat_with_epsilon (end - start, 86400 * 30, 1e-3);
  chrono_viewport_pan_by (viewport, 1e12);
  chrono_viewport_get_visible_span (viewport, &start, &end);
  g_assert_cmpfloat_with_epsilon (end, extent_end, 1e-3);
  assert_within_limits (viewport);

  /* Nonsense is turned into the widest view, never into NaN. */
  chrono_viewport_set_visible_span (viewport, NAN, 3);
  assert_within_limits (viewport);
  chrono_viewport_set_visible_span (viewport, 10, 5);
  assert_within_limits (viewport);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_viewport_fit_and_notify (void)
{
  g_autoptr(ChronoViewport) viewport = chrono_viewport_new ();
  double start, end;
  guint notified = 0;

  g_signal_connect (viewport, "notify::visible-start", G_CALLBACK (count_notify_cb), &notified);
  chrono_viewport_set_document_span (viewport, 1325376000, 1735689600);
  chrono_viewport_zoom_to_fit (viewport);
  g_assert_cmpuint (notified, >, 0);

  chrono_viewport_get_visible_span (viewport, &start, &end);
  g_assert_cmpfloat (start, <, 1325376000);
  g_assert_cmpfloat (end, >, 1735689600);
  g_assert_cmpint (chrono_viewport_get_visible_start (viewport), <=, (ChronoTime) start);
  g_assert_cmpint (chrono_viewport_get_visible_end (viewport), >=, (ChronoTime) end);

  /* A span shown by zoom_to_span contains it. */
  chrono_viewport_zoom_to_span (viewport, 1667260800, 1672531200);
  chrono_viewport_get_visible_span (viewport, &start, &end);
  g_assert_cmpfloat (start, <=, 1667260800);
  g_assert_cmpfloat (end, >=, 1672531200);
  g_assert_cmpfloat (end - start, <, 86400 * 90);

  /* Setting the same span again notifies nobody. */
  notified = 0;
  chrono_viewport_set_visible_span (viewport, start, end);
  g_assert_cmpuint (notified, ==, 0);

  /* x and time are inverse. */
  for (double x = 0; x <= WIDTH; x += 100)
    g_assert_cmpfloat_with_epsilon (chrono_viewport_time_to_x (viewport,
                                                               chrono_viewport_x_to_time (viewport, x, WIDTH),
                                                               WIDTH),
                                    x, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/viewport/anchored-zoom", test_viewport_anchored_zoom);
  g_test_add_func ("/view/viewport/limits", test_viewport_limits);
  g_test_add_func ("/view/viewport/fit-and-notify", test_viewport_fit_and_notify);

  return g_test_run ();
}
