/* test-view-animation.c — the timeline's zoom and pan animation, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "view/chrono-view-animation.h"

#define MS 1000  /* microseconds */

static void
test_ease (void)
{
  double previous = 0;

  g_assert_cmpfloat (chrono_view_animation_ease (0), ==, 0);
  g_assert_cmpfloat (chrono_view_animation_ease (1), ==, 1);
  g_assert_cmpfloat_with_epsilon (chrono_view_animation_ease (0.5), 0.875, 1e-12);

  /* Rising all the way, fast at first. */
  for (int i = 1; i <= 100; i++)
    {
      double value = chrono_view_animation_ease (i / 100.0);

      g_assert_cmpfloat (value, >, previous);
      previous = value;
    }
  g_assert_cmpfloat (chrono_view_animation_ease (0.1), >, 0.1);
}

static void
test_span (void)
{
  g_autoptr(ChronoViewAnimation) animation = chrono_view_animation_new ();
  double start = 0, end = 100, target_start, target_end, p, duration;

  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_NONE);
  g_assert_false (chrono_view_animation_step (animation, 1000 * MS, 500, &start, &end));
  g_assert_cmpfloat (start, ==, 0);
  g_assert_cmpfloat (end, ==, 100);

  chrono_view_animation_animate_span (animation, 0, 100, 1000, 1010, 200 * MS);
  g_assert_true (chrono_view_animation_get_target (animation, &target_start, &target_end));
  g_assert_cmpfloat (target_start, ==, 1000);
  g_assert_cmpfloat (target_end, ==, 1010);

  /* The first frame starts the clock, wherever the clock is. */
  g_assert_true (chrono_view_animation_step (animation, 5000 * MS, 500, &start, &end));
  g_assert_cmpfloat_with_epsilon (start, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 100, 1e-9);

  /* Half way in time: the eased progress; the duration shrinks geometrically and the
   * centre moves linearly with that progress. */
  g_assert_true (chrono_view_animation_step (animation, 5100 * MS, 500, &start, &end));
  p = chrono_view_animation_ease (0.5);
  duration = 100 * pow (10 / 100.0, p);
  g_assert_cmpfloat_with_epsilon (end - start, duration, 1e-9);
  g_assert_cmpfloat_with_epsilon ((start + end) / 2, 50 + (1005 - 50) * p, 1e-9);

  /* At the end it lands exactly and stops. */
  g_assert_false (chrono_view_animation_step (animation, 5300 * MS, 500, &start, &end));
  g_assert_cmpfloat_with_epsilon (start, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 1010, 1e-9);
  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_NONE);
  g_assert_false (chrono_view_animation_get_target (animation, &target_start, &target_end));
}

static void
test_zoom_keeps_anchor (void)
{
  g_autoptr(ChronoViewAnimation) animation = chrono_view_animation_new ();
  double start = 0, end = 1000, target_start, target_end;
  gint64 time = 10 * MS;
  gboolean running = TRUE;
  guint frames = 0;

  /* Zoom in four times about 250, a quarter of the way in. */
  chrono_view_animation_animate_zoom (animation, 0, 1000, 250, 250, 220 * MS);
  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_ANCHORED);
  g_assert_true (chrono_view_animation_get_target (animation, &target_start, &target_end));
  g_assert_cmpfloat_with_epsilon (target_start, 187.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (target_end, 437.5, 1e-9);

  while (running)
    {
      double previous_duration = end - start;

      running = chrono_view_animation_step (animation, time, 800, &start, &end);
      g_assert_cmpfloat_with_epsilon ((250 - start) / (end - start), 0.25, 1e-9);
      g_assert_cmpfloat (end - start, <=, previous_duration + 1e-9);
      time += 16 * MS;
      frames++;
      g_assert_cmpuint (frames, <, 100);
    }

  /* 220 ms at 60 frames a second, and the clock started on the first. */
  g_assert_cmpuint (frames, ==, 15);
  g_assert_cmpfloat_with_epsilon (start, 187.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 437.5, 1e-9);
}

static void
test_stop (void)
{
  g_autoptr(ChronoViewAnimation) animation = chrono_view_animation_new ();
  double start = 0, end = 10;

  chrono_view_animation_animate_span (animation, 0, 10, 20, 30, 100 * MS);
  chrono_view_animation_stop (animation);
  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_NONE);
  g_assert_false (chrono_view_animation_step (animation, 50 * MS, 100, &start, &end));
  g_assert_cmpfloat (start, ==, 0);
  g_assert_cmpfloat (end, ==, 10);
}

static void
drag (ChronoViewAnimation *animation,
      double               pixels_per_second)
{
  chrono_view_animation_drag_begin (animation);
  /* More samples than it keeps: a slow start must not count. */
  chrono_view_animation_drag_sample (animation, 0, 0);
  chrono_view_animation_drag_sample (animation, 500 * MS, 1);
  for (int i = 0; i < 4; i++)
    chrono_view_animation_drag_sample (animation, (1000 + 10 * i) * MS,
                                       1 + pixels_per_second * i * 0.010);
}

static void
test_fling (void)
{
  g_autoptr(ChronoViewAnimation) animation = chrono_view_animation_new ();
  double start = 0, end = 1000, shift, velocity;
  gint64 frame_time = 2000 * MS;
  gboolean running = TRUE;
  guint frames = 0;

  drag (animation, 1000);
  g_assert_true (chrono_view_animation_fling (animation, 1035 * MS, frame_time));
  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_KINETIC);
  g_assert_cmpfloat_with_epsilon (chrono_view_animation_get_velocity (animation), 1000, 1e-6);
  g_assert_false (chrono_view_animation_get_target (animation, &start, &end));

  /* One frame: the speed decays exponentially, and the span moves the other way from the
   * fingers by that many pixels' worth of time (1000 s over 500 px: 2 s a pixel). */
  frame_time += 16 * MS;
  g_assert_true (chrono_view_animation_step (animation, frame_time, 500, &start, &end));
  velocity = 1000 * exp (-4.0 * 0.016);
  g_assert_cmpfloat_with_epsilon (chrono_view_animation_get_velocity (animation), velocity, 1e-6);
  shift = velocity * 0.016 * 2;
  g_assert_cmpfloat_with_epsilon (start, -shift, 1e-6);
  g_assert_cmpfloat_with_epsilon (end, 1000 - shift, 1e-6);

  /* It slows to a stop in about a second, after about a quarter of the speed in pixels. */
  while (running)
    {
      frame_time += 16 * MS;
      running = chrono_view_animation_step (animation, frame_time, 500, &start, &end);
      frames++;
      g_assert_cmpuint (frames, <, 1000);
    }
  g_assert_cmpfloat (frames * 16.0, >, 900);
  g_assert_cmpfloat (frames * 16.0, <, 1100);
  g_assert_cmpfloat (-start / 2, >, 200);
  g_assert_cmpfloat (-start / 2, <, 250);
  g_assert_cmpfloat_with_epsilon (end - start, 1000, 1e-6);
  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_NONE);
}

static void
test_no_fling (void)
{
  g_autoptr(ChronoViewAnimation) animation = chrono_view_animation_new ();

  /* Too slow. */
  drag (animation, 80);
  g_assert_false (chrono_view_animation_fling (animation, 1035 * MS, 0));
  g_assert_cmpint (chrono_view_animation_get_kind (animation), ==, CHRONO_VIEW_ANIMATION_NONE);

  /* Fast, but the fingers rested before letting go. */
  drag (animation, 1000);
  g_assert_false (chrono_view_animation_fling (animation, 1200 * MS, 0));

  /* A single sample has no speed. */
  chrono_view_animation_drag_begin (animation);
  chrono_view_animation_drag_sample (animation, 1000 * MS, 50);
  g_assert_false (chrono_view_animation_fling (animation, 1001 * MS, 0));

  /* Fast the other way flings too. */
  drag (animation, -1000);
  g_assert_true (chrono_view_animation_fling (animation, 1035 * MS, 0));
  g_assert_cmpfloat_with_epsilon (chrono_view_animation_get_velocity (animation), -1000, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/animation/ease", test_ease);
  g_test_add_func ("/view/animation/span", test_span);
  g_test_add_func ("/view/animation/zoom-keeps-anchor", test_zoom_keeps_anchor);
  g_test_add_func ("/view/animation/stop", test_stop);
  g_test_add_func ("/view/animation/fling", test_fling);
  g_test_add_func ("/view/animation/no-fling", test_no_fling);

  return g_test_run ();
}
