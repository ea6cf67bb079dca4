#!/usr/bin/python3
# The end-to-end tests' shared helpers (e2e_util.py), with no display: waiting gives up
# with a message naming what it waited for, the tree walk and search survive nodes that
# vanish while they are read, window geometry is read from xdotool; and no end-to-end
# test keeps its own copy of a helper that the module has.
#
# Usage: test-e2e-util.py. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ast
import glob
import io
import os
import stat
import sys
import tempfile
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import e2e_util  # noqa: E402

checks = []


def check(ok, name, detail=''):
    checks.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(checks), name))
    for line in detail.splitlines() if not ok else []:
        print('# ' + line)


class Node:
    """A node of a fake accessibility tree; a broken one fails as a vanished node does."""

    def __init__(self, name, children=(), broken=False):
        self.name, self.children, self.broken = name, list(children), broken

    @property
    def childCount(self):
        if self.broken:
            raise RuntimeError('gone')
        return len(self.children)

    def getChildAtIndex(self, i):
        if self.children[i].broken:
            raise RuntimeError('gone')
        return self.children[i]


def main():
    print('TAP version 13')
    print('1..8')

    try:
        e2e_util.wait_for(lambda: None, 'the impossible', timeout=0.2)
        check(False, 'wait_for gives up')
    except e2e_util.Timeout as error:
        check('the impossible' in str(error), 'wait_for gives up, naming what it waited for', str(error))

    tries = []

    def flaky():
        tries.append(1)
        if len(tries) < 3:
            raise RuntimeError('not yet')
        return 'there'
    check(e2e_util.wait_for(flaky, 'a flaky value', timeout=5) == 'there',
          'wait_for goes on through exceptions until a value comes')

    tree = Node('root', [Node('a', [Node('a1')]), Node('gone', broken=True), Node('b')])
    check([n.name for n in e2e_util.walk(tree)] == ['root', 'a', 'a1', 'b'],
          'walk visits every node in order and skips a vanished one')
    deep = Node('leaf')
    for i in range(100):
        deep = Node('n%d' % i, [deep])
    check(len(list(e2e_util.walk(deep))) == 61, 'walk stops 60 levels down')

    def picky(node):
        if node.name == 'a':
            raise RuntimeError('no role')
        return node.name.startswith('a')
    check(e2e_util.find(tree, picky).name == 'a1', 'find passes over a node it cannot ask')

    with tempfile.TemporaryDirectory() as bindir:
        fake = os.path.join(bindir, 'xdotool')
        with open(fake, 'w') as f:
            f.write('#!/bin/sh\nprintf "WINDOW=7\\nX=12\\nY=34\\nWIDTH=560\\nHEIGHT=780\\nSCREEN=0\\n"\n')
        os.chmod(fake, stat.S_IRWXU)
        os.environ['PATH'] = bindir + os.pathsep + os.environ['PATH']
        geometry = e2e_util.window_geometry(7)
    check(geometry == (12, 34, 560, 780), 'window_geometry reads xdotool', repr(geometry))

    shared = {name for name, value in vars(e2e_util).items() if callable(value) and not name.startswith('_')}
    copies = []
    for path in sorted(glob.glob(os.path.join(HERE, 'test-*.py'))):
        with open(path, encoding='utf-8') as f:
            tree = ast.parse(f.read())
        copies += ['%s: %s' % (os.path.basename(path), node.name) for node in ast.walk(tree)
                   if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in shared]
    check(not copies, 'no end-to-end test defines its own copy of a shared helper', '\n'.join(copies))

    out = io.StringIO()
    with redirect_stdout(out):
        e2e_util.tap(True, 'first', 'fine')
        e2e_util.tap(False, 'second', 'why\nand why')
    check(out.getvalue() == 'ok 1 - first # fine\nnot ok 2 - second\n# why\n# and why\n',
          'tap numbers its results and puts a failure\'s detail below it', out.getvalue())
    return 0 if all(checks) else 1


if __name__ == '__main__':
    sys.exit(main())
