/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chrono-date.h"

G_BEGIN_DECLS

#define CHRONO_TYPE_ERA (chrono_era_get_type ())
G_DECLARE_FINAL_TYPE (ChronoEra, chrono_era, CHRONO, ERA, GObject)

ChronoEra        *chrono_era_new       (const char       *name,
                                        const ChronoDate *start,
                                        const ChronoDate *end);
const char       *chrono_era_get_name  (ChronoEra        *self);
const ChronoDate *chrono_era_get_start (ChronoEra        *self);
const ChronoDate *chrono_era_get_end   (ChronoEra        *self);
void              chrono_era_set_name  (ChronoEra        *self,
                                        const char       *name);
void              chrono_era_set_start (ChronoEra        *self,
                                        const ChronoDate *start);
void              chrono_era_set_end   (ChronoEra        *self,
                                        const ChronoDate *end);

G_END_DECLS
