/* chrono-provenance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-provenance"

#include "config.h"

#include <string.h>

#include "chrono-provenance.h"

static const GEnumValue provenance_values[] = {
  { CHRONO_PROVENANCE_UNSTATED, "CHRONO_PROVENANCE_UNSTATED", "unstated" },
  { CHRONO_PROVENANCE_REPORTED, "CHRONO_PROVENANCE_REPORTED", "reported" },
  { CHRONO_PROVENANCE_NARRATED, "CHRONO_PROVENANCE_NARRATED", "narrated" },
  { CHRONO_PROVENANCE_INFERRED, "CHRONO_PROVENANCE_INFERRED", "inferred" },
  { CHRONO_PROVENANCE_OUTSIDE, "CHRONO_PROVENANCE_OUTSIDE", "outside" },
  { 0, NULL, NULL },
};

GType
chrono_provenance_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("ChronoProvenance", provenance_values));

  return type;
}

const char *
chrono_provenance_to_string (ChronoProvenance provenance)
{
  if (provenance <= CHRONO_PROVENANCE_UNSTATED || provenance > CHRONO_PROVENANCE_OUTSIDE)
    return NULL;

  return provenance_values[provenance].value_nick;
}

/* "unstated" is not a word a file may write: leaving the attribute out says it. */
gboolean
chrono_provenance_parse (const char       *text,
                         ChronoProvenance *out_provenance)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = CHRONO_PROVENANCE_REPORTED; i <= CHRONO_PROVENANCE_OUTSIDE; i++)
    {
      if (strcmp (text, provenance_values[i].value_nick) == 0)
        {
          if (out_provenance != NULL)
            *out_provenance = provenance_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}
