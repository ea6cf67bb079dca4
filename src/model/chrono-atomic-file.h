/* chrono-atomic-file.h — writing a file so that it is either all old or all new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Like g_file_replace(), but never rewrites @file in place: what is written goes to a
 * temporary file in the same folder, which takes the place of @file only when the stream
 * is closed successfully. If that cannot be done (a folder one may not write to), it fails
 * and @file stays as it was. A symbolic link is followed, so the file it points to is
 * replaced and the link stays. If the process dies before the close, @file is untouched.
 * A file that does not exist yet is written in place, as GIO does it. */
GFileOutputStream *chrono_atomic_file_replace      (GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
/* The same; with @make_backup, what @file held is kept as “NAME~” once the new content
 * is in place (a document's save keeps the version before). */
GFileOutputStream *chrono_atomic_file_replace_full (GFile              *file,
                                                    gboolean            make_backup,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
/* Closes @stream without replacing the file: what was written is dropped. */
void               chrono_atomic_file_abort        (GFileOutputStream  *stream);
/* The whole of @data, written as chrono_atomic_file_replace() does, and a file that does
 * not exist yet as well: it appears whole or not at all. */
gboolean           chrono_atomic_file_set_contents (GFile              *file,
                                                    const void         *data,
                                                    gsize               length,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
gboolean           chrono_atomic_file_set_contents_full (GFile         *file,
                                                         const void    *data,
                                                         gsize          length,
                                                         gboolean       make_backup,
                                                         GCancellable  *cancellable,
                                                         GError       **error);

G_END_DECLS
