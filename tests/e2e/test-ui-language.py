#!/usr/bin/python3
# End-to-end: start the real app in a language and read what it shows through the
# accessibility bus, as a screen reader would.
#
#   zh_CN: Chinese in the window title and header, the panes, the event list, the selected
#          event and its quotes, the main menu and the shortcuts window; no English UI
#          string (a msgid that po/zh_CN.po translates) anywhere.
#   en:    no Chinese anywhere except the texts that are Chinese by nature: the quotes'
#          original wording and the Chinese source's title and author.
#
# Usage: test-ui-language.py zh_CN|en CHRONOSCOPE-BINARY LOCALEDIR PO-FILE TIMELINE-FILE
# Runs under tests/e2e/run-e2e.sh (Xvfb, a session bus, a private runtime directory).
# Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ast
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pyatspi

from e2e_util import (accessibility_desktop, app_env, click_node, find, find_app, find_frame,
                      node_text, run, stop, tap, wait_for, walk, window_geometry, x_window, xdotool)

NS = '{https://chronoscope.github.io/ns/timeline/1}'
CJK = re.compile('[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]')
HAN = re.compile('[\u3400-\u4dbf\u4e00-\u9fff]')
# Names GTK 4.8 gives nodes that have no name of their own.
WIDGET_CLASS = re.compile(r'^(Gtk|Adw|Chrono)[A-Za-z]+$')
MNEMONIC = re.compile(r'(^|[\s(])_\w')
ACCESS_KEY = re.compile(r'[(（][A-Z][)）]')


def read_po(path):
    """{(msgctxt, msgid): msgstr} of the translated, non-fuzzy messages of a po file."""
    text = subprocess.run(['msgattrib', '--no-wrap', '--no-obsolete', '--translated', '--no-fuzzy', path],
                          capture_output=True, text=True, check=True).stdout
    messages = {}
    entry = {}
    field = None

    def flush():
        if 'msgid' in entry and (entry['msgid'] or 'msgctxt' in entry):
            msgstr = entry.get('msgstr', entry.get('msgstr[0]', ''))
            if msgstr:
                messages[(entry.get('msgctxt'), entry['msgid'])] = msgstr
                if 'msgid_plural' in entry:
                    messages[(entry.get('msgctxt'), entry['msgid_plural'])] = msgstr

    for line in text.splitlines() + ['']:
        if line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
            continue
        match = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
        if match:
            field = match.group(1)
            if field in ('msgctxt', 'msgid') and any(k.startswith('msgstr') for k in entry):
                flush()
                entry = {}
            entry[field] = ast.literal_eval(match.group(2))
            continue
        field = None
        if not line.strip():
            flush()
            entry = {}
    return messages


def visible_form(msgid):
    """A msgid as a label shows it: no mnemonic underline, no markup."""
    text = re.sub(r'<[^>]+>', '', msgid)
    return re.sub(r'_(?=\w)', '', text).strip()


def spoken_form(msgid):
    """A msgid as a screen reader says it: as shown, but without the access key that a
    translation shows in brackets (“类别(_C)” shows as 类别(C) and is said 类别)."""
    return visible_form(re.sub(r'\s?[(（]_\w[)）]', '', msgid))


def load_timeline(path):
    root = ET.parse(path).getroot()

    def text(node):
        return ' '.join((node.text or '').split())

    titles = [text(e.find(NS + 'title')) for e in root.iter(NS + 'event')]
    summaries = {text(e.find(NS + 'title')): text(e.find(NS + 'summary')) for e in root.iter(NS + 'event')}
    originals = [text(o) for o in root.iter(NS + 'original')]
    natural = set(originals)
    for source in root.iter(NS + 'source'):
        natural.add(text(source))
        if source.get('author'):
            natural.add(source.get('author'))
    return text(root.find(NS + 'title')), titles, summaries, originals, natural


def named_nodes(root):
    """(node, role name, text) for every name and description under root."""
    found = []
    for node in walk(root):
        try:
            role = node.getRoleName()
            for value in (node.name, node.description):
                if value and not WIDGET_CLASS.match(value):
                    found.append((node, role, value))
        except Exception:
            continue
    return found


def english_ui_strings(messages, timeline_msgids):
    """English UI strings that the catalogue translates into Chinese (the data's own
    texts, such as titles like "AlexNet", are left to the event checks)."""
    english = {}
    for (ctxt, msgid), msgstr in messages.items():
        # A text kept unchanged (the article's Chinese title and author) is not English.
        if msgid in timeline_msgids or not HAN.search(msgstr) or msgstr == msgid:
            continue
        shown = visible_form(msgid)
        # Single words such as proper names could appear inside data; keep real phrases
        # and every word with a letter that is not part of a format directive.
        if '%' in shown or len(shown) < 3:
            continue
        english[shown] = msgstr
    return english


def window_origin(title):
    window_id = x_window('--name', title)
    xdotool('windowmove', window_id, 0, 0)
    xdotool('windowsize', window_id, 1400, 900)
    time.sleep(1.0)
    return window_geometry(window_id)[:2]


def event_rows(frame, titles):
    """A row is a list item whose texts end with an event's title; the row is named after
    its date and title (a GTK that names list items by their texts may leave it unnamed)."""
    rows = []
    for node in walk(frame):
        try:
            if node.getRole() == pyatspi.ROLE_LIST_ITEM and node.childCount == 1:
                row = node.getChildAtIndex(0)
                labels = [n.name for n in walk(row) if n.getRole() == pyatspi.ROLE_LABEL and n.name]
                if len(labels) >= 2 and labels[-1] in titles and \
                        ((row.name or '').startswith(labels[0]) or not row.name):
                    rows.append((node, labels))
        except Exception:
            continue
    return rows


def gtk_makes_rows_in_view(binary):
    """GTK 4.12 and later give a list view rows only for the items in view."""
    out = subprocess.run([binary, '--version'], capture_output=True, text=True).stdout
    version = re.search(r'^GTK (\d+)\.(\d+)', out, re.M)
    return version is not None and tuple(map(int, version.groups())) >= (4, 12)


def main():
    lang, binary, localedir, po_path, timeline_path = sys.argv[1:6]
    messages = read_po(po_path)
    title_en, titles_en, summaries_en, originals, natural = load_timeline(timeline_path)
    zh = lang == 'zh_CN'

    def tr(msgid, ctxt=None):
        return messages.get((ctxt, msgid), msgid) if zh else msgid

    timeline_msgids = set(titles_en) | {title_en}
    english = english_ui_strings(messages, timeline_msgids)
    titles = [tr(t) for t in titles_en]
    window_title = tr(title_en)

    print('TAP version 13')
    print('1..8')

    desktop = accessibility_desktop()
    app_proc = subprocess.Popen([binary], env=app_env('zh_CN' if zh else 'en_US', localedir))

    def text_ok(text):
        """zh_CN: no English UI string. en: no Chinese but what is Chinese by nature."""
        if zh:
            return visible_form(text) not in english
        rest = text
        for allowed in sorted(natural, key=len, reverse=True):
            rest = rest.replace(allowed, '')
        return not CJK.search(rest)

    def check_all(root, what):
        bad = sorted({'%s %r' % (role, value) for _, role, value in named_nodes(root) if not text_ok(value)})
        seen = len(named_nodes(root))
        tap(seen > 0 and not bad,
            ('no English UI string in %s' if zh else 'no Chinese in %s but original wording') % what,
            ('%d texts read' % seen) if not bad else 'wrong language:\n' + '\n'.join(bad[:40]))

    try:
        app = find_app(desktop)
        frame = find_frame(app, lambda title: title == window_title, 'a window titled %r' % window_title)
        header = find(frame, lambda n: n.getRole() == pyatspi.ROLE_LABEL and n.name == window_title)
        title_has_han = bool(HAN.search(frame.name))
        tap(header is not None and title_has_han == zh,
            'the window title and the header are %s' % ('Chinese' if zh else 'English'), frame.name)

        # The event list: a row per event, each with the event's title in the language. GTK 4.12
        # and later make rows only for the events in view, so there it is the rows in view.
        in_view = min(len(titles), 8)
        rows = wait_for(lambda: (lambda r: r if len(r) >= in_view else None)(event_rows(frame, titles)),
                        'a row for each of the %d events in view' % in_view)
        row_titles = [labels[-1] for _, labels in rows]
        wrong = [t for t in row_titles if t not in titles]
        dates_ok = all(bool(HAN.search(labels[0])) == zh for _, labels in rows)
        every_event = sorted(row_titles) == sorted(titles) or (len(set(row_titles)) == len(row_titles)
                                                               and gtk_makes_rows_in_view(binary))
        tap(not wrong and every_event and dates_ok,
            'the event list shows every event with its date and title in the language',
            'unexpected: %r' % wrong[:10] if wrong else '%d rows, first %r' % (len(rows), rows[0][1]))

        # The panes, before and after choosing an event.
        event_pane = wait_for(lambda: find(frame, lambda n: n.name == tr('Event Details')), 'the event pane')
        quote_pane = wait_for(lambda: find(frame, lambda n: n.name == tr('Quotes')), 'the quote pane')
        origin = window_origin(window_title)
        with_quotes = [i for i, t in enumerate(titles_en) if t == 'AlexNet'] or [0]
        target_row = next(node for node, labels in rows if labels[-1] == titles[with_quotes[0]])
        click_node(target_row, origin)
        heading = wait_for(lambda: find(event_pane, lambda n: n.getRole() == pyatspi.ROLE_HEADING
                                        and n.name in titles),
                           'the event pane heading')
        summary = tr(summaries_en[titles_en[with_quotes[0]]])
        shown_summary = find(event_pane, lambda n: n.getRole() == pyatspi.ROLE_LABEL and n.name == summary)
        tap(heading.name == titles[with_quotes[0]] and shown_summary is not None
            and bool(HAN.search(summary)) == zh,
            'the event pane shows the chosen event and its summary in the language',
            '%s | %s' % (heading.name, summary[:60]))

        event_quotes = wait_for(lambda: find(quote_pane, lambda n: n.name == tr('Quotes of the Selected Event')),
                                'the quotes of the selected event')
        quote_texts = wait_for(lambda: [n.name for n in walk(event_quotes)
                                        if n.getRole() == pyatspi.ROLE_LABEL and n.name
                                        and n.name.startswith(('“', '"'))],
                               'a quote in the quote pane')
        # In Chinese a quote's translation is the article's own wording, the original.
        in_chinese = [q for q in quote_texts if any(o in q for o in originals)]
        tap(bool(in_chinese) == zh and all(bool(HAN.search(q)) == zh for q in quote_texts),
            'the quote pane shows the quotes in the language', quote_texts[0][:60])

        check_all(frame, 'the main window')

        # A screen reader says a button by its name: never a widget class (GTK 4.8 wraps a
        # menu button's own button in one), a mnemonic's underscore, the access key that a
        # translation shows in brackets, or the label said twice.
        def bad_button_name(node):
            name = node.name or ''
            if WIDGET_CLASS.match(name):
                return not any(c is not None and c.getRole() == pyatspi.ROLE_PUSH_BUTTON for c in node)
            half = name[:len(name) // 2]
            return (not name or MNEMONIC.search(name) is not None or ACCESS_KEY.search(name) is not None
                    or name == half + ' ' + half.strip())
        # With the category popover open, so that its buttons are there too.
        categories = find(frame, lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                          and n.name == spoken_form(tr('_Categories')))
        click_node(categories, origin)
        wait_for(lambda: find(frame, lambda n: n.getRole() == pyatspi.ROLE_CHECK_BOX
                              and n.name in [tr(c) for c in ('Research', 'Product')]),
                 'the category popover')
        buttons = [n for n in walk(frame) if n.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)]
        bad = sorted({repr(n.name) for n in buttons if bad_button_name(n)})
        xdotool('key', 'Escape')
        time.sleep(0.5)
        tap(buttons and not bad, 'every button has a name of its own',
            ('%d buttons' % len(buttons)) if not bad else 'badly named: ' + ', '.join(bad))

        # The main menu.
        xdotool('key', 'F10')
        # GTK 4.8 names a menu item by its label; later ones say which label it is labelled
        # by, and the label gives its text through the Text interface.
        def item_text(item):
            if item.name:
                return item.name
            for relation in item.getRelationSet():
                if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                    return node_text(relation.getTarget(0))
            return ''
        menu_items = wait_for(lambda: [n for n in walk(app) if n.getRole() in
                                       (pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
                                        pyatspi.ROLE_RADIO_MENU_ITEM) and item_text(n)] or None,
                              'the items of the main menu')
        names = [item_text(n) for n in menu_items]
        menu_ok = all(text_ok(n) and bool(HAN.search(n)) == zh for n in names)
        tap(menu_ok, 'the main menu is in the language', ', '.join(names))
        xdotool('key', 'Escape')
        time.sleep(0.5)

        # The shortcuts window.
        xdotool('key', 'ctrl+question')
        open_row = tr('Open a timeline', 'shortcut window')
        # GTK 4.8 shows it as a frame; later ones as an unnamed panel.
        shortcuts = wait_for(lambda: next((w for w in app if w.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW,
                                                                            pyatspi.ROLE_DIALOG, pyatspi.ROLE_PANEL)
                                           and w.name != window_title
                                           and find(w, lambda m: node_text(m) == open_row) is not None), None),
                             'the shortcuts window')
        check_all(shortcuts, 'the shortcuts window')
    finally:
        stop(app_proc)


if __name__ == '__main__':
    run(main)
