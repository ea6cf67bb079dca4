/* chrono-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-atomic-file"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chrono-atomic-file.h"

/* GIO's messages name the file, or do not; ours name it once, first, as the readers' do,
 * and say why in words. Takes @io_error. */
static void
set_file_error (GError **error,
                GError  *io_error,
                GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s: the folder to write it in does not exist"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("%s: you do not have permission to write this file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s: this is a folder, not a file"), name);
  else if (strstr (io_error->message, name) == NULL)
    g_set_error (error, io_error->domain, io_error->code, "%s: %s", name, io_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&io_error));
  g_clear_error (&io_error);
}

/* The file a chain of symbolic links ends at; @file itself when it is not a link, does not
 * exist yet or the chain is too long (the replace then reports the loop). */
static GFile *
resolve_links (GFile        *file,
               GCancellable *cancellable)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info))
        return g_steal_pointer (&current);

      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (current);
      if (target == NULL || parent == NULL)
        return g_steal_pointer (&current);

      g_clear_object (&current);
      current = g_file_resolve_relative_path (parent, target);
    }

  return g_object_ref (file);
}

GFileOutputStream *
chrono_atomic_file_replace_full (GFile         *file,
                                 gboolean       make_backup,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFile) target = NULL;
  GFileOutputStream *stream;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Without REPLACE_DESTINATION, GIO rewrites a file in place when it cannot make the
   * temporary file or the file is a link; with it, it always writes aside and renames.
   * The backup is made at the close, by linking the old file to “NAME~” just before
   * the new one takes its name. */
  target = resolve_links (file, cancellable);
  stream = g_file_replace (target, NULL, make_backup, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    set_file_error (error, local_error, file);

  return stream;
}

GFileOutputStream *
chrono_atomic_file_replace (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return chrono_atomic_file_replace_full (file, FALSE, cancellable, error);
}

void
chrono_atomic_file_abort (GFileOutputStream *stream)
{
  g_autoptr(GCancellable) abort = g_cancellable_new ();

  g_return_if_fail (G_IS_FILE_OUTPUT_STREAM (stream));

  /* A close that is cancelled removes the temporary file and leaves the old one. */
  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
}

gboolean
chrono_atomic_file_set_contents (GFile         *file,
                                 const void    *data,
                                 gsize          length,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return chrono_atomic_file_set_contents_full (file, data, length, FALSE, cancellable, error);
}

/* GIO writes a file that does not exist yet in place, so a process killed halfway leaves
 * it cut short under its own name; here it is written under a hidden name beside it and
 * renamed, as a replaced file is. FALSE with @error unset when no such file can be made
 * there (a folder that only lets @target itself be created): the caller writes in place. */
static gboolean
create_aside (GFile         *target,
              GFile         *file,
              const void    *data,
              gsize          length,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *basename = g_file_get_basename (target);
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  GError *local_error = NULL;

  if (parent == NULL)
    return FALSE;

  for (guint attempt = 0; stream == NULL && attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x", basename, g_random_int ());

      g_clear_object (&aside);
      g_clear_error (&local_error);
      aside = g_file_get_child (parent, name);
      stream = g_file_create (aside, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_file_error (error, local_error, file);
      else
        g_clear_error (&local_error);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error) ||
      !g_file_move (aside, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, &local_error))
    {
      g_file_delete (aside, NULL, NULL);
      set_file_error (error, local_error, file);
      return FALSE;
    }

  return TRUE;
}

gboolean
chrono_atomic_file_set_contents_full (GFile         *file,
                                      const void    *data,
                                      gsize          length,
                                      gboolean       make_backup,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) target = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  target = resolve_links (file, cancellable);
  if (!g_file_query_exists (target, cancellable))
    {
      if (create_aside (target, file, data, length, cancellable, &local_error))
        return TRUE;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }

  stream = chrono_atomic_file_replace_full (file, make_backup, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable, &local_error))
    chrono_atomic_file_abort (stream);
  else
    g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);
  if (local_error != NULL)
    {
      set_file_error (error, local_error, file);
      return FALSE;
    }

  return TRUE;
}
