/* chrono-provenance.h — where a claim in a timeline comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Who says so. A source that reports someone's words (an article retelling an
 * interview) and a source's own narration are different claims; what the timeline's
 * editors add, from another source or by inference, is neither. */
typedef enum
{
  CHRONO_PROVENANCE_UNSTATED,   /* the file does not say (format 1) */
  CHRONO_PROVENANCE_REPORTED,   /* someone's words, as the source reports them */
  CHRONO_PROVENANCE_NARRATED,   /* the source's own narration */
  CHRONO_PROVENANCE_INFERRED,   /* the editors' inference from the sources */
  CHRONO_PROVENANCE_OUTSIDE,    /* an outside fact the editors add, with its source */
} ChronoProvenance;

#define CHRONO_TYPE_PROVENANCE (chrono_provenance_get_type ())

GType            chrono_provenance_get_type  (void) G_GNUC_CONST;
/* The word files use: "reported", "narrated", "inferred", "outside"; NULL for UNSTATED. */
const char      *chrono_provenance_to_string (ChronoProvenance  provenance);
gboolean         chrono_provenance_parse     (const char       *text,
                                              ChronoProvenance *out_provenance);

G_END_DECLS
