/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the readers: a CHRONO_READER_ERROR with the place of the first invalid byte. */
gboolean _chrono_check_utf8       (const char  *data,
                                   gsize        length,
                                   const char  *display_name,
                                   GError     **error);
gboolean _chrono_looks_like_xml   (const char  *data,
                                   gsize        length);

G_END_DECLS
