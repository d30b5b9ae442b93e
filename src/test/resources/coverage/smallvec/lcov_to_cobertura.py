#!/usr/bin/env python3
"""Writes a Cobertura XML report from an LCOV tracefile, in the shape cargo-tarpaulin writes:
one <source> (the crate root), one package per directory, one class per file with its filename
relative to the source, and a <line number hits> row per DA record. Usage:
    lcov_to_cobertura.py SOURCE_ROOT < smallvec.lcov > smallvec.cobertura.xml
"""
import sys
import time
from collections import OrderedDict
from xml.sax.saxutils import quoteattr, escape

root = sys.argv[1].rstrip("/")
files = OrderedDict()
current = None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("SF:"):
        current = files.setdefault(line[3:], OrderedDict())
    elif line.startswith("DA:"):
        number, hits = line[3:].split(",")[:2]
        current[int(number)] = current.get(int(number), 0) + int(hits)
    elif line == "end_of_record":
        current = None

def rate(lines):
    return "%.4f" % (sum(1 for h in lines.values() if h > 0) / len(lines)) if lines else "0"

packages = OrderedDict()
for path, lines in files.items():
    relative = path[len(root) + 1:] if path.startswith(root + "/") else path
    packages.setdefault(relative.rsplit("/", 1)[0] if "/" in relative else ".", []).append((relative, lines))

all_lines = {(p, n): h for p, lines in files.items() for n, h in lines.items()}
out = sys.stdout
out.write('<?xml version="1.0" ?>\n')
out.write('<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n')
out.write('<coverage line-rate="%s" branch-rate="0" lines-covered="%d" lines-valid="%d" branches-covered="0"'
          ' branches-valid="0" complexity="0" version="1.9" timestamp="%d">\n'
          % (rate(all_lines), sum(1 for h in all_lines.values() if h > 0), len(all_lines), int(time.time())))
out.write('  <sources>\n    <source>%s</source>\n  </sources>\n  <packages>\n' % escape(root))
for name, classes in packages.items():
    merged = {(c, n): h for c, lines in classes for n, h in lines.items()}
    out.write('    <package name=%s line-rate="%s" branch-rate="0" complexity="0">\n      <classes>\n'
              % (quoteattr(name), rate(merged)))
    for relative, lines in classes:
        out.write('        <class name=%s filename=%s line-rate="%s" branch-rate="0" complexity="0">\n'
                  '          <methods/>\n          <lines>\n'
                  % (quoteattr(relative.rsplit("/", 1)[-1].rsplit(".", 1)[0]), quoteattr(relative), rate(lines)))
        for number, hits in sorted(lines.items()):
            out.write('            <line number="%d" hits="%d"/>\n' % (number, hits))
        out.write('          </lines>\n        </class>\n')
    out.write('      </classes>\n    </package>\n')
out.write('  </packages>\n</coverage>\n')
