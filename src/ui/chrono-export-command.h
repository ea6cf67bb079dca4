/* chrono-export-command.h — `chronoscope --export=OUT FILE`, with no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @argv asks for an export (has --export or --export=OUT). */
gboolean chrono_export_command_wanted (char **argv);
/* Applies --lang before anything is translated: GLib decides once whether to
 * translate at all, at the first translated string. Call at the start of main(). */
void     chrono_export_command_prepare (char **argv);
/* Parses @argv (--export=OUT, --size=WxH, --range=FROM..TO, --lang=LL, one FILE),
 * reads FILE in any format and writes OUT in the format its extension names. Needs no
 * display. Prints what went wrong on standard error; returns the exit status. */
int      chrono_export_command_run    (char **argv);

G_END_DECLS
