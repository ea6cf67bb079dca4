/* chrono-fuzz-targets.h — what each fuzzer does with one input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each feeds @data to one entry point and aborts when the result breaks a rule that holds
 * for every input: a reader returns a timeline or sets an error naming the file, never
 * both or neither; what is read can be written and read back to the same timeline. The
 * libFuzzer programs and the regression test (test-fuzz-regressions) call them. */
typedef void (*ChronoFuzzTarget) (const guint8 *data,
                                  gsize         size);

void chrono_fuzz_setup      (void);
void chrono_fuzz_native     (const guint8 *data,
                             gsize         size);
void chrono_fuzz_timelinejs (const guint8 *data,
                             gsize         size);
void chrono_fuzz_csv        (const guint8 *data,
                             gsize         size);
void chrono_fuzz_thetimelineproj (const guint8 *data,
                                  gsize         size);
void chrono_fuzz_date       (const guint8 *data,
                             gsize         size);
void chrono_fuzz_roundtrip  (const guint8 *data,
                             gsize         size);

/* The target of the fuzzer called @name ("native", "timelinejs", "csv", "thetimelineproj",
 * "date", "roundtrip"). */
ChronoFuzzTarget chrono_fuzz_lookup (const char *name);

G_END_DECLS
