#!/usr/bin/env python3
"""kill -9 during `annals ingest`, at random points, many times (issue 17.5/17.7).

Each trial starts an ingest of a generated corpus into an empty store with
small byte-bounded batches (--batch-bytes), kills it with SIGKILL after a
random delay, checks the killed store (every document once, nothing half
written: the FTS index matches the sentences), re-runs the same command, and
compares everything stored with an uninterrupted run. Prints one line per
trial and a summary; exits 1 if any document was lost or duplicated.

  tests/kill_ingest.py [--trials 100] [--bin build/annals] [--seed 1]

Not run by ctest (a 100-trial run takes ~15 min on two busy cores); the
figures of the last run are in docs/store.md.
"""
import argparse
import json
import os
import pathlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

DUMP = [
    "SELECT doc_pk, id, content_hash, date, source, url, title, origin, text, coded_by FROM documents ORDER BY doc_pk",
    "SELECT d.id, s.* FROM sentences s JOIN documents d USING(doc_pk) ORDER BY d.id, s.idx",
    "SELECT d.id, e.* FROM events e JOIN documents d USING(doc_pk) ORDER BY d.id, e.id",
    "SELECT f.*, r.id FROM folded_events f JOIN events r ON r.event_pk = f.representative ORDER BY f.id",
    "SELECT d.id, a.* FROM actors a JOIN documents d USING(doc_pk) ORDER BY d.id, a.idx",
    "SELECT d.id, p.* FROM places p JOIN documents d USING(doc_pk) ORDER BY d.id, p.idx",
]


def write_corpus(folder: pathlib.Path, docs: int) -> None:
    """JSONL files of the examples' articles, each made unique, in sizes from
    one paragraph to a few KB, so byte-bounded batches hold 1 to many."""
    base = [json.loads(line) for line in (ROOT / "examples" / "news.jsonl").read_text().splitlines() if line]
    rng = random.Random(7)
    folder.mkdir(parents=True)
    files = [open(folder / f"part{i}.jsonl", "w") for i in range(3)]
    for i in range(docs):
        a = dict(base[i % len(base)])
        a["id"] = f"{a['id']}-{i}"
        a["text"] = " ".join([a["text"]] * rng.choice([1, 1, 2, 4, 8])) + f" Officials said talks would resume in round {i}."
        files[i % 3].write(json.dumps(a) + "\n")
    for f in files:
        f.close()


def ingest(binary, corpus, db):
    return [binary, "ingest", str(corpus), "--db", str(db), "--batch-bytes", "8KB", "--threads", "2", "-q"]


def dump(db) -> str:
    con = sqlite3.connect(str(db))
    out = []
    for q in DUMP:
        out.extend("\t".join("\\N" if v is None else str(v) for v in row) for row in con.execute(q))
        out.append("----")
    con.close()
    return "\n".join(out)


def stored(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        con.close()
        return n
    except sqlite3.Error:
        return 0


def state_after_kill(db):
    """(documents, duplicated ids, duplicated texts, fts ok) of a killed store."""
    if not db.exists():
        return 0, 0, 0, True
    con = sqlite3.connect(str(db))
    try:
        n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # killed before the schema was committed
        con.close()
        return 0, 0, 0, True
    dup_ids = con.execute("SELECT count(*) - count(DISTINCT id) FROM documents").fetchone()[0]
    dup_texts = con.execute("SELECT count(*) - count(DISTINCT content_hash) FROM documents").fetchone()[0]
    try:
        con.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)")
        fts = True
    except sqlite3.DatabaseError:
        fts = False
    con.close()
    return n, dup_ids, dup_texts, fts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--bin", default=str(ROOT / "build" / "annals"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="annals_kill_"))
    try:
        corpus = work / "corpus"
        write_corpus(corpus, args.docs)
        clean = work / "clean.db"
        t0 = time.monotonic()
        proc = subprocess.run(ingest(args.bin, corpus, clean), capture_output=True)
        duration = time.monotonic() - t0
        if proc.returncode != 0:
            print(proc.stderr.decode(), file=sys.stderr)
            return 2
        expected = dump(clean)
        total = state_after_kill(clean)[0]
        print(f"uninterrupted: {total} documents in {duration:.1f} s")
        rng = random.Random(args.seed)
        lost = duplicated = damaged = mid = 0
        for trial in range(args.trials):
            db = work / "killed.db"
            for suffix in ("", "-wal", "-shm"):
                pathlib.Path(str(db) + suffix).unlink(missing_ok=True)
            # A random point: once a random number of documents is stored
            # (0: during start-up or the first batch), plus a random delay.
            target = rng.randrange(total)
            extra = rng.uniform(0, 0.3)
            start = time.monotonic()
            p = subprocess.Popen(ingest(args.bin, corpus, db), stderr=subprocess.DEVNULL)
            while p.poll() is None and stored(db) < target:
                time.sleep(0.01)
            time.sleep(extra)
            delay = time.monotonic() - start
            p.send_signal(signal.SIGKILL)
            p.wait()
            n, dup_ids, dup_texts, fts = state_after_kill(db)
            if 0 < n < total:
                mid += 1
            rerun = subprocess.run(ingest(args.bin, corpus, db), capture_output=True)
            got = dump(db) if rerun.returncode == 0 else ""
            ok = got == expected
            lost += 0 if ok else 1
            duplicated += 1 if dup_ids or dup_texts else 0
            damaged += 0 if fts else 1
            print(f"trial {trial + 1}: killed after {delay:.2f} s with {n}/{total} stored"
                  f"{'' if fts else ', FTS DAMAGED'}{', DUPLICATES' if dup_ids or dup_texts else ''};"
                  f" rerun exit {rerun.returncode}, {'identical' if ok else 'DIFFERENT'}", flush=True)
        print(f"{args.trials} trials ({mid} killed mid-run with 0 < stored < {total}): "
              f"{lost} differ from the uninterrupted run, {duplicated} with duplicates, {damaged} damaged")
        return 1 if lost or duplicated or damaged else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
