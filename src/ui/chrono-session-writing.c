/* chrono-session-writing.c — the files that saves of this process are still writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-session"

#include "config.h"

#include <stdlib.h>

#include "chrono-session-private.h"

/* A save is written out a slice at a time and replaces its file only at the end, so a
 * file opened meanwhile (in any window) would show what the save is about to replace.
 * Opening such a file waits, without holding the main loop, until every save of it is
 * done, whether it went well or not, and then reads what is on the disk. */
typedef struct
{
  guint  n_saves;
  GQueue waiting;    /* Waiter */
} Writing;

typedef struct
{
  Writing      *entry;
  GCancellable *cancellable;
  gulong        cancelled_id;
  void        (*then) (gpointer data);
  gpointer      data;
} Waiter;

static GHashTable *writing;   /* identity (see dup_identity) → Writing */

/* What tells the file that a save of @file writes, however it is named: a symbolic link
 * to it, a path through a linked folder or with “..” in it. The canonical path of a
 * local file, following every link as the save does (it replaces the file a link
 * leads to); a file not written yet is named in its folder's canonical path. Another
 * hard link to the file is another file here, rightly: the save replaces the file under
 * this name only, and the other name keeps what it had. */
static char *
dup_identity (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *real = NULL;

  if (path == NULL)
    return g_file_get_uri (file);

  real = realpath (path, NULL);
  if (real == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *real_folder = realpath (folder, NULL);

      if (real_folder == NULL)
        return g_canonicalize_filename (path, NULL);
      return g_build_filename (real_folder, name, NULL);
    }

  return g_steal_pointer (&real);
}

static void
waiter_free (Waiter *waiter)
{
  g_object_unref (waiter->cancellable);
  g_free (waiter);
}

static void
writing_free (Writing *entry)
{
  g_queue_clear_full (&entry->waiting, (GDestroyNotify) waiter_free);
  g_free (entry);
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->then (waiter->data);
  waiter_free (waiter);

  return G_SOURCE_REMOVE;
}

/* A cancelled open waits no longer (a save may never end); it is told from an idle, not
 * from within g_cancellable_cancel(). */
static void
cancelled_cb (GCancellable *cancellable,
              Waiter       *waiter)
{
  g_signal_handler_disconnect (cancellable, waiter->cancelled_id);
  g_queue_remove (&waiter->entry->waiting, waiter);
  g_idle_add (cancelled_idle_cb, waiter);
}

char *
_chrono_session_writing_begin (GFile *file)
{
  g_autofree char *identity = dup_identity (file);
  Writing *entry;

  if (writing == NULL)
    writing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) writing_free);

  entry = g_hash_table_lookup (writing, identity);
  if (entry == NULL)
    {
      entry = g_new0 (Writing, 1);
      g_hash_table_insert (writing, g_strdup (identity), entry);
    }
  entry->n_saves++;

  return g_steal_pointer (&identity);
}

void
_chrono_session_writing_end (const char *identity)
{
  Writing *entry = writing != NULL ? g_hash_table_lookup (writing, identity) : NULL;
  GQueue waiting;
  Waiter *waiter;

  g_return_if_fail (entry != NULL && entry->n_saves > 0);

  if (--entry->n_saves > 0)
    return;

  /* Off the table first: what a waiter does may save this file again. */
  waiting = entry->waiting;
  g_queue_init (&entry->waiting);
  g_hash_table_remove (writing, identity);

  /* A cancel from here on is the read's own. */
  for (GList *l = waiting.head; l != NULL; l = l->next)
    {
      waiter = l->data;
      g_signal_handler_disconnect (waiter->cancellable, waiter->cancelled_id);
    }
  while ((waiter = g_queue_pop_head (&waiting)) != NULL)
    {
      waiter->then (waiter->data);
      waiter_free (waiter);
    }
}

gboolean
_chrono_session_writing_wait (GFile         *file,
                              GCancellable  *cancellable,
                              void         (*then) (gpointer data),
                              gpointer       data)
{
  g_autofree char *identity = writing != NULL ? dup_identity (file) : NULL;
  Writing *entry = identity != NULL ? g_hash_table_lookup (writing, identity) : NULL;
  Waiter *waiter;

  if (entry == NULL)
    {
      then (data);
      return FALSE;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->entry = entry;
  waiter->cancellable = g_object_ref (cancellable);
  waiter->then = then;
  waiter->data = data;
  waiter->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb), waiter);
  g_queue_push_tail (&entry->waiting, waiter);

  return TRUE;
}
