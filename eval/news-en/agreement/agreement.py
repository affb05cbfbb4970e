#!/usr/bin/env python3
"""Agreement of two annotators on subjects: the second annotator's files in second/ (same figures,
same order as gold/dev/ID.json, subjects decided without seeing the first labels) against gold/dev.

Usage: python3 eval/news-en/agreement/agreement.py
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
agree = total = 0
for name in sorted(os.listdir(os.path.join(here, "second"))):
    first = json.load(open(os.path.join(here, "..", "gold", "dev", name), encoding="utf-8"))["values"]
    second = json.load(open(os.path.join(here, "second", name), encoding="utf-8"))["values"]
    if len(first) != len(second):
        raise SystemExit(f"{name}: {len(first)} figures in gold/dev, {len(second)} in second/")
    for a, b in zip(first, second):
        total += 1
        if (a.get("subject") or None) == (b.get("subject") or None):
            agree += 1
        else:
            print(f"{name[:-5]}: {a['text']!r}: first {a.get('subject')}, second {b.get('subject')}")
print(f"subjects agreed: {agree} of {total} ({agree / total:.3f})")
