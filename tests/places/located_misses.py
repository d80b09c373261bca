#!/usr/bin/env python3
"""Lists the events on WCEP "Armed conflicts and attacks" items that do not
count as located (score.py's `located`): unplaced ones and placed ones whose
location text is none of the item's linked names. An analysis aid, not a test.

  tests/places/located_misses.py [--annals build/annals] [--data ../shared/eval/wcep2025.jsonl]
                                 [--kind unplaced|mismatch|all] [--summary]

Each line: KIND doc cameo trigger precision 'location' | linked names | text.
"""
import argparse, collections, json, os, pathlib, subprocess, tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("--annals", default=str(ROOT / "build" / "annals"))
ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "wcep2025.jsonl"))
ap.add_argument("--kind", default="all")
ap.add_argument("--summary", action="store_true")
a = ap.parse_args()

rows = [json.loads(l) for l in open(a.data, encoding="utf-8") if l.strip()]
rows = [r for r in rows if r["category"] == "Armed conflicts and attacks"]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for r in rows:
        f.write(json.dumps({"id": r["id"], "date": r["date"], "text": r["text"]}) + "\n")
p = subprocess.run([a.annals, "code", "--input-format", "jsonl", f.name], capture_output=True, text=True)
os.unlink(f.name)
out = collections.defaultdict(list)
for line in p.stdout.splitlines():
    e = json.loads(line)
    if e.get("kind", "event") == "event":
        out[e["doc"]].append(e)
count = collections.Counter()
for r in rows:
    names = {x["text"] for x in r.get("entities", [])}
    for e in out[r["id"]]:
        loc = e.get("location") or {}
        t = loc.get("text") or ""
        kind = "ok" if t in names else ("mismatch" if t else "unplaced")
        count[kind] += 1
        count[(kind, str(e.get("cameo"))[:2])] += 1
        if a.summary or (a.kind != "all" and kind != a.kind) or kind == "ok":
            continue
        trig = ",".join(e.get("evidence", {}).get("triggers") or [])
        print(f"{kind}\t{r['id']}\t{e.get('cameo')}\t{trig}\t{loc.get('precision', '')}\t"
              f"'{t}'\t{'|'.join(sorted(names))}\t{r['text'][:240]}")
n = count["ok"] + count["mismatch"] + count["unplaced"]
print(f"events={n} ok={count['ok']} mismatch={count['mismatch']} unplaced={count['unplaced']} located={count['ok'] / n if n else 0:.3f}")
for k in ("unplaced", "mismatch"):
    print(k, " ".join(f"{c[1]}:{v}" for c, v in sorted(count.items(), key=lambda kv: -kv[1]) if isinstance(c, tuple) and c[0] == k))
