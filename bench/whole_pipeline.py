#!/usr/bin/env python3
"""Whole-pipeline benchmark of `annals code` on real news sentences (issue 16).

The corpus: every text of ../shared/eval/wcep2025.jsonl and penta_dev.jsonl
split into sentences (one record per sentence, as in the issue's TABARI
comparison) and repeated under new ids until there are at least --records
records. Then, runs alternated so machine noise falls on both alike:

  start-up      `annals code` on a 1-record input (median of --startup-runs)
  1 thread      taskset -c 0          annals code --threads 1 CORPUS
  N threads     taskset -c 0..N-1     annals code --threads N CORPUS

and prints, per thread count, the median wall time, records/s and
sentences/s (start-up excluded: the median start-up is subtracted), the
same per core, the speed-up over one thread, the peak RSS (GNU time), and
records per CPU-second (user+sys, start-up's subtracted): on a shared,
loaded machine wall time measures the neighbours, CPU time less so.
The outputs at 1 and N threads are compared byte for byte.

Sentences are counted by the text stage (build/bench/pipeline_tool).

Usage: bench/whole_pipeline.py [--bin build/annals] [--records 50000]
         [--threads N] [--runs 3] [--startup-runs 7] [--eval ../shared/eval]
"""
import argparse
import hashlib
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# A sentence ends at . ! ? (and a closing quote or bracket) before a space
# and a capital, digit or quote; abbreviations split wrongly now and then,
# which only makes a few records shorter.
SENTENCE_END = re.compile(r'(?<=[.!?])["\u201d\')]?\s+(?=["\u201c(A-Z0-9])')


def build_corpus(eval_dir: pathlib.Path, records: int, path: pathlib.Path) -> int:
    sentences = []
    for name in ("wcep2025.jsonl", "penta_dev.jsonl"):
        for line in (eval_dir / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for s in SENTENCE_END.split(rec["text"]):
                s = s.strip()
                if s:
                    sentences.append((rec["date"], s))
    out = []
    copy = 0
    while len(out) < records:
        for n, (date, text) in enumerate(sentences):
            out.append(json.dumps({"id": "b%d-%d" % (copy, n), "date": date, "text": text}))
        copy += 1
    path.write_text("\n".join(out[:records]) + "\n", encoding="utf-8")
    return min(records, len(out))


def timed(cmd, stdout):
    """Runs cmd under GNU time; returns (wall seconds, CPU seconds, peak RSS MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        proc = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M", *cmd], stdout=stdout,
                              stderr=subprocess.PIPE)
        if proc.returncode not in (0, 1):
            sys.exit("bench: %s failed: %s" % (" ".join(cmd), proc.stderr.decode()[-2000:]))
        wall, user, system, rss_kb = t.read().split()
    return float(wall), float(user) + float(system), int(rss_kb) / 1024.0


def count_sentences(tool: str, corpus: pathlib.Path) -> int:
    """Sentences the text stage finds in the corpus (bench/pipeline_tool)."""
    out = subprocess.run([tool, str(corpus), "--runs", "1", "--until", "text"], capture_output=True,
                         check=True).stdout.decode()
    return int(re.search(r"documents, (\d+) sentences", out).group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "build" / "annals"))
    ap.add_argument("--tool", default=str(ROOT / "build" / "bench" / "pipeline_tool"))
    ap.add_argument("--records", type=int, default=50000)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--startup-runs", type=int, default=7)
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        corpus = tmp / "news.jsonl"
        n = build_corpus(pathlib.Path(a.eval), a.records, corpus)
        one = tmp / "one.jsonl"
        one.write_text(corpus.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        sentences = count_sentences(a.tool, corpus)
        print("corpus: %d records, %d sentences (%s)" % (n, sentences, a.eval))

        counts = [1] if a.threads <= 1 else [1, a.threads]
        startup = {k: [] for k in counts}
        startup_cpu = {k: [] for k in counts}
        cpus = {k: [] for k in counts}
        walls = {k: [] for k in counts}
        rss = {k: [] for k in counts}
        digests = {}
        pin = lambda k: ["taskset", "-c", "0-%d" % (k - 1)]
        for _ in range(a.startup_runs):
            for k in counts:
                wall, cpu, _ = timed([*pin(k), a.bin, "code", "--threads", str(k), str(one)], subprocess.DEVNULL)
                startup[k].append(wall)
                startup_cpu[k].append(cpu)
        for r in range(a.runs):
            for k in counts:
                out = tmp / ("out%d.jsonl" % k)
                with open(out, "wb") as f:
                    wall, cpu, peak = timed([*pin(k), a.bin, "code", "--threads", str(k), str(corpus)], f)
                walls[k].append(wall)
                cpus[k].append(cpu)
                rss[k].append(peak)
                digest = hashlib.sha256(out.read_bytes()).hexdigest()
                if digests.setdefault(k, digest) != digest:
                    sys.exit("bench: output changed between runs at %d threads" % k)
                print("  run %d, %d thread(s): %.2f s wall, %.2f s CPU, %.0f MiB" % (r + 1, k, wall, cpu, peak),
                      flush=True)
        same = len(set(digests.values())) == 1
        base = None
        print("threads  start-up  wall    records/s  per core  sentences/s  per core  speed-up  peak RSS"
              "  records/CPU-s")
        for k in counts:
            s = statistics.median(startup[k])
            w = statistics.median(walls[k])
            if w <= s:
                print("%7d  wall %.1f s is within start-up's noise; rerun on a quieter machine" % (k, w))
                continue
            rate = n / (w - s)
            srate = sentences / (w - s)
            base = base or rate
            cpu = statistics.median(cpus[k]) - statistics.median(startup_cpu[k])
            print("%7d  %6.2f s  %5.1f s  %9.0f  %8.0f  %11.0f  %8.0f  %7.2fx  %4.0f MiB  %13.0f" %
                  (k, s, w, rate, rate / k, srate, srate / k, rate / base, max(rss[k]), n / max(cpu, 1e-9)))
        print("start-up CPU (user+sys): %s" % ", ".join("%.2f s at %d thread(s)" % (statistics.median(startup_cpu[k]), k)
                                                       for k in counts))
        print("output identical at %s threads: %s" % (" and ".join(map(str, counts)), "yes" if same else "NO"))
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
