#!/usr/bin/env python3
"""Print a LARGE request (for the start-up and memory benchmark) built from an example:
its persons, assets and measures repeated with fresh ids, and its facts repeated.

    python3 scripts/bench/large_request.py assets/examples/bribery-bank-records-che.mla.json [FACTOR]
"""
import copy
import json
import sys

src = json.load(open(sys.argv[1], encoding="utf-8"))
factor = int(sys.argv[2]) if len(sys.argv) > 2 else 60
out = copy.deepcopy(src)
out["reference"] = src["reference"] + "-LARGE"
for key in ("persons", "assets", "measures"):
    items = []
    for n in range(factor):
        for item in src[key]:
            item = copy.deepcopy(item)
            if n:
                item["id"] = f'{item["id"]}-x{n}'
                if "name" in item:
                    item["name"] = f'{item["name"]} ({n})'
            items.append(item)
    out[key] = items
out["facts"] = "\n\n".join(f"{i + 1}. {src['facts']}" for i in range(factor))
json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
sys.stdout.write("\n")
