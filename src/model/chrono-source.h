/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-date.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_SOURCE (chrono_source_get_type ())
G_DECLARE_FINAL_TYPE (ChronoSource, chrono_source, CHRONO, SOURCE, GObject)

/* A publication that events and quotes cite. Every field but id and title may be NULL. */
ChronoSource     *chrono_source_new           (const char       *id,
                                               const char       *title);
const char       *chrono_source_get_id        (ChronoSource     *self);
const char       *chrono_source_get_title     (ChronoSource     *self);
void              chrono_source_set_title     (ChronoSource     *self,
                                               const char       *title);
const char       *chrono_source_get_author    (ChronoSource     *self);
void              chrono_source_set_author    (ChronoSource     *self,
                                               const char       *author);
const char       *chrono_source_get_publisher (ChronoSource     *self);
void              chrono_source_set_publisher (ChronoSource     *self,
                                               const char       *publisher);
const ChronoDate *chrono_source_get_date      (ChronoSource     *self);
void              chrono_source_set_date      (ChronoSource     *self,
                                               const ChronoDate *date);
const char       *chrono_source_get_url       (ChronoSource     *self);
void              chrono_source_set_url       (ChronoSource     *self,
                                               const char       *url);

G_END_DECLS
