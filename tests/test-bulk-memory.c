/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "model/chrono-bulk-memory.h"

#define MIB (1024 * 1024)

static void
fill (guint8 *memory,
      gsize   size,
      guint8  seed)
{
  for (gsize i = 0; i < size; i++)
    memory[i] = (guint8) (i * 31 + seed);
}

static void
assert_filled (const guint8 *memory,
               gsize         size,
               guint8        seed)
{
  for (gsize i = 0; i < size; i++)
    if (memory[i] != (guint8) (i * 31 + seed))
      g_error ("byte %" G_GSIZE_FORMAT " is %u, not %u", i, memory[i], (guint8) (i * 31 + seed));
}

/* Small and large blocks, and every way a resize crosses the size of a huge page,
 * keep what was written in them. */
static void
test_resize_keeps_contents (void)
{
  static const gsize sizes[][2] = {
    { 100, 1000 },
    { 1000, 3 * MIB },
    { 3 * MIB, 5 * MIB + 3 },
    { 5 * MIB, 3 * MIB },
    { 3 * MIB, 4000 },
    { 0, 3 * MIB },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gsize old_size = sizes[i][0], new_size = sizes[i][1];
      guint8 *memory = chrono_bulk_alloc (old_size);

      fill (memory, old_size, i);
      memory = chrono_bulk_resize (memory, old_size, new_size);
      assert_filled (memory, MIN (old_size, new_size), i);
      /* All of the new size can be written. */
      fill (memory, new_size, i + 1);
      assert_filled (memory, new_size, i + 1);
      chrono_bulk_free (memory, new_size);
    }

  chrono_bulk_free (NULL, 3 * MIB);
}

/* Bytes made from a block show its first bytes only, and give the block back. */
static void
test_bytes (void)
{
  static const gsize sizes[] = { 10, 4 * MIB };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint8 *memory = chrono_bulk_try_alloc (sizes[i]);
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const guint8 *data;

      g_assert_nonnull (memory);
      fill (memory, sizes[i], 7);
      bytes = chrono_bulk_new_bytes (memory, sizes[i], sizes[i] - 1);
      data = g_bytes_get_data (bytes, &length);
      g_assert_true (data == memory);
      g_assert_cmpuint (length, ==, sizes[i] - 1);
      assert_filled (data, length, 7);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/bulk-memory/resize-keeps-contents", test_resize_keeps_contents);
  g_test_add_func ("/model/bulk-memory/bytes", test_bytes);

  return g_test_run ();
}
