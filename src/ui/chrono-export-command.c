/* chrono-export-command.c — `chronoscope --export=OUT FILE`, with no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chrono-export-command"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "chrono-export-command.h"
#include "io/chrono-timeline-reader.h"
#include "io/chrono-timeline-writer.h"
#include "io/chrono-timelinejs-writer.h"
#include "model/chrono-atomic-file.h"
#include "view/chrono-exporter.h"

#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 900

typedef enum
{
  OUTPUT_PICTURE,
  OUTPUT_TIMELINEJS,
  OUTPUT_CSV,
  OUTPUT_NATIVE,
} OutputKind;

gboolean
chrono_export_command_wanted (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        return FALSE;
      if (strcmp (argv[i], "--export") == 0 || g_str_has_prefix (argv[i], "--export="))
        return TRUE;
    }

  return FALSE;
}

static gboolean
parse_size (const char  *text,
            int         *out_width,
            int         *out_height,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "x", 2);
  guint64 width, height;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, 20000, &width, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, 20000, &height, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--size=%s: give a width and a height in pixels, from 16 to 20000, such as 1600x900"), text);
      return FALSE;
    }

  *out_width = width;
  *out_height = height;
  return TRUE;
}

static gboolean
parse_range (const char  *text,
             double      *out_start,
             double      *out_end,
             GError     **error)
{
  const char *dots = strstr (text, "..");
  g_autofree char *from = NULL;
  g_autoptr(GError) date_error = NULL;
  ChronoDate start, end;

  if (dots == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--range=%s: give two dates with “..” between them, such as 2012..2025-06"), text);
      return FALSE;
    }

  from = g_strndup (text, dots - text);
  if (!chrono_date_parse (from, &start, &date_error) ||
      !chrono_date_parse (dots + 2, &end, &date_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--range=%s: %s", text, date_error->message);
      return FALSE;
    }

  *out_start = chrono_date_get_start (&start);
  *out_end = chrono_date_get_end (&end);
  if (*out_end <= *out_start)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--range=%s: the range ends before it starts"), text);
      return FALSE;
    }

  return TRUE;
}

/* Translated text in @lang from now on, whatever the environment says. */
static void
use_language (const char *lang)
{
  g_autofree char *utf8_locale = g_strdup_printf ("%s.UTF-8", lang);

  g_setenv ("LANGUAGE", lang, TRUE);
  /* gettext ignores LANGUAGE in the C locale; a UTF-8 locale of the language, or any
   * UTF-8 one, lets it through. */
  if (setlocale (LC_MESSAGES, utf8_locale) == NULL && setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    setlocale (LC_MESSAGES, "en_US.UTF-8");
  setlocale (LC_TIME, utf8_locale);
  /* Setting the domain again drops gettext's cache of translations. */
  textdomain (textdomain (NULL));
}

/* English is what the text is written in; any other language needs its catalogue. */
static gboolean
is_translated_into (const char *lang)
{
  const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_auto(GStrv) variants = NULL;

  if (g_str_equal (lang, "C") || g_str_equal (lang, "POSIX") || g_str_equal (lang, "en") ||
      g_str_has_prefix (lang, "en_") || g_str_has_prefix (lang, "en."))
    return TRUE;

  variants = g_get_locale_variants (lang);
  for (guint i = 0; variants[i] != NULL; i++)
    {
      g_autofree char *catalogue = g_build_filename (localedir, variants[i], "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

/* “en, zh_CN”: the languages there are catalogues for, and English. */
static char *
list_languages (void)
{
  const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autoptr(GDir) dir = g_dir_open (localedir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *catalogue = g_build_filename (localedir, name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_insert (names, 0, g_strdup ("en"));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

void
chrono_export_command_prepare (char **argv)
{
  if (!chrono_export_command_wanted (argv))
    return;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_has_prefix (argv[i], "--lang="))
        use_language (argv[i] + strlen ("--lang="));
      else if (strcmp (argv[i], "--lang") == 0 && argv[i + 1] != NULL)
        use_language (argv[i + 1]);
    }
}

static gboolean
write_picture (ChronoTimeline      *timeline,
               ChronoExportFormat   format,
               int                  width,
               int                  height,
               gboolean             has_range,
               gboolean             lanes,
               double               start,
               double               end,
               const char          *untitled_name,
               GFile               *file,
               GError             **error)
{
  ChronoExportParams params = { 0 };
  g_autoptr(ChronoExporter) probe = NULL;
  g_autoptr(ChronoExporter) exporter = NULL;
  ChronoTime first, last;

  if (!has_range)
    {
      /* The whole timeline, with a margin of a twentieth on either side. */
      if (chrono_timeline_get_span (timeline, &first, &last))
        {
          double margin = MAX ((double) (last - first) / 20, 3600);

          start = first - margin;
          end = last + margin;
        }
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          start = g_date_time_to_unix (now) - 365.0 * 86400;
          end = g_date_time_to_unix (now) + 365.0 * 86400;
        }
    }

  params.timeline = timeline;
  params.start = start;
  params.end = end;
  params.width = width;
  params.height = height;
  params.lanes = lanes;
  params.untitled_name = untitled_name;

  /* --size is the whole picture: the title line comes out of the timeline's height. */
  probe = chrono_exporter_new (&params);
  params.height = MAX (height - chrono_exporter_get_title_height (probe), 16);
  exporter = chrono_exporter_new (&params);

  return chrono_exporter_write (exporter, format, 1, file, NULL, error);
}

int
chrono_export_command_run (char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *size = NULL;
  g_autofree char *range = NULL;
  g_autofree char *lang = NULL;
  gboolean lanes = FALSE;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, NULL, NULL },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range, NULL, NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, NULL, NULL },
    { "lanes", 0, 0, G_OPTION_ARG_NONE, &lanes, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ChronoTimeline) timeline = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *output_name = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  char **arg_pointer = args;
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
  double start = 0, end = 0;
  ChronoExportFormat format = CHRONO_EXPORT_FORMAT_PNG;
  OutputKind kind;
  gboolean written;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse_strv (context, &arg_pointer, &error))
    goto fail;

  if (output == NULL || *output == '\0')
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export needs the name of the file to write, such as --export=timeline.png"));
      goto fail;
    }
  if (inputs == NULL || g_strv_length (inputs) != 1)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export needs one timeline file to read, such as: chronoscope --export=out.png events.timeline"));
      goto fail;
    }
  if (lang != NULL && !is_translated_into (lang))
    {
      g_autofree char *languages = list_languages ();

      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the first %s is what was given, the second a list such as “en, zh_CN” */
                   _("--lang=%s: Chronoscope has no translation into this language (it has: %s)"),
                   lang, languages);
      goto fail;
    }
  if ((size != NULL && !parse_size (size, &width, &height, &error)) ||
      (range != NULL && !parse_range (range, &start, &end, &error)))
    goto fail;

  output_name = g_filename_display_name (output);
  lower = g_utf8_strdown (output_name, -1);
  if (chrono_export_format_from_name (output, &format))
    kind = OUTPUT_PICTURE;
  else if (g_str_has_suffix (lower, ".json"))
    kind = OUTPUT_TIMELINEJS;
  else if (g_str_has_suffix (lower, ".csv"))
    kind = OUTPUT_CSV;
  else if (g_str_has_suffix (lower, ".chronoscope"))
    kind = OUTPUT_NATIVE;
  else
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: the name must end in .png, .svg, .pdf, .json (TimelineJS), .csv or .chronoscope"),
                   output_name);
      goto fail;
    }

  input = g_file_new_for_commandline_arg (inputs[0]);
  input_name = g_filename_display_name (inputs[0]);
  timeline = chrono_timeline_load_named (input, input_name, NULL, &error);
  if (timeline == NULL)
    goto fail;

  file = g_file_new_for_commandline_arg (output);
  if (kind == OUTPUT_PICTURE)
    {
      /* Untitled, the timeline is called after its file, as in the window. */
      g_autofree char *untitled_name = g_path_get_basename (input_name);

      written = write_picture (timeline, format, width, height, range != NULL, lanes, start, end, untitled_name,
                               file, &error);
    }
  else
    {
      g_autoptr(GBytes) bytes = NULL;

      if (kind == OUTPUT_TIMELINEJS)
        bytes = chrono_timeline_write_timelinejs (timeline);
      else if (kind == OUTPUT_CSV)
        bytes = chrono_timeline_write_csv (timeline);
      else
        bytes = chrono_timeline_write_native (timeline);
      written = chrono_atomic_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                 NULL, &error);
    }
  if (!written)
    goto fail;

  return EXIT_SUCCESS;

fail:
  g_printerr ("chronoscope: %s\n", error->message);
  return EXIT_FAILURE;
}
