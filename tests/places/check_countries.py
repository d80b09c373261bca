#!/usr/bin/env python3
"""Wrong-country share of event locations on a hand-checked set.

Runs `annals code` over the WCEP items named in wcep_conflict_locations.tsv
and, for each (item, location text) pair there, compares the country of the
location Annals gives now with the country a person read from the text.

  tests/places/check_countries.py [--annals build/annals] [--data ../shared/eval/wcep2025.jsonl]

Prints: checked=N still_located=L wrong_country=W share=W/L, then each
wrong one. Not part of ctest: it needs shared/ and measures, it does not pass
or fail.
"""
import argparse
import json
import os
import pathlib
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("--annals", default=str(ROOT / "build" / "annals"))
ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "wcep2025.jsonl"))
a = ap.parse_args()

expected = {}
header = None
for line in open(HERE / "wcep_conflict_locations.tsv", encoding="utf-8"):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    if header is None:
        header = f
        continue
    expected[(f[0], f[1])] = f[2]
docs = {d for d, _ in expected}
rows = [json.loads(l) for l in open(a.data, encoding="utf-8") if l.strip()]
rows = [r for r in rows if r["id"] in docs]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for r in rows:
        f.write(json.dumps({"id": r["id"], "date": r["date"], "text": r["text"]}) + "\n")
p = subprocess.run([a.annals, "code", "--input-format", "jsonl", f.name], capture_output=True, text=True)
os.unlink(f.name)
got = {}
for line in p.stdout.splitlines():
    e = json.loads(line)
    loc = e.get("location") if e.get("kind", "event") == "event" else None
    if loc:
        got[(e["doc"], loc["text"])] = loc["country"]
located = [k for k in expected if k in got]
wrong = [k for k in located if got[k] != expected[k]]
print(f"checked={len(expected)} still_located={len(located)} wrong_country={len(wrong)} "
      f"share={len(wrong) / len(located) if located else 0:.3f}")
for k in wrong:
    print(f"WRONG {k[0]} '{k[1]}': got {got[k] or '(none)'}, is {expected[k] or '(none)'}")
