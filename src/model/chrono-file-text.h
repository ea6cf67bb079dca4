/* chrono-file-text.h — what a translated field says in its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A reader that translates a field through gettext (a timeline with a gettext domain)
 * shows it in the user's language. The file's own text is kept beside the object, so
 * that saving writes the file's language and never the translation shown on screen.
 * Nothing is kept when @shown and @in_file are the same. */
void        chrono_file_text_set (gpointer    object,
                                  const char *field,
                                  const char *shown,
                                  const char *in_file);
/* The text to write for @field, whose value is @shown now: the file's own text while
 * @shown is still the translation that was made of it, and @shown once it was edited. */
const char *chrono_file_text_get (gpointer    object,
                                  const char *field,
                                  const char *shown);

G_END_DECLS
