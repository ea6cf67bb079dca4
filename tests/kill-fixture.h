/* kill-fixture.h — a folder holding one old file, and this test program run again as a
 * child that writes over it and is killed halfway: for the tests that a write killed in
 * the middle leaves the old file whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *contents;
} KillFixtureFile;

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} KillFixture;

/* For g_test_add (): @data is the KillFixtureFile the folder starts with. */
void     kill_fixture_set_up     (KillFixture   *fixture,
                                  gconstpointer  data);
void     kill_fixture_tear_down  (KillFixture   *fixture,
                                  gconstpointer  data);
char    *kill_fixture_read       (const char    *path);
/* In main (), before g_test_init (): in the child, the path to write to, else NULL. */
char    *kill_fixture_child_path (const char    *child_env);
/* Runs the child with @child_env set to the file's path, waits until it writes beside
 * the file, kills it and asserts that the kill ended it. Returns the bytes written then. */
goffset  kill_fixture_kill_child (KillFixture   *fixture,
                                  const char    *child_env);

G_END_DECLS
