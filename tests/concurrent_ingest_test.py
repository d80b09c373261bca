#!/usr/bin/env python3
"""Issue 17.6: two `annals ingest` runs into one store at the same time both
succeed, and the store ends as if they had run one after the other -- 20
trials, each on a new store. Both runs read the same documents in opposite
orders (a folder of text files and a JSON Lines file that repeats one of its
own records), so every document is offered by both at nearly the same time.
(Where two runs offer one text under two ids, whichever commits first keeps
it, as in any order of two runs in turn; such inputs are left out here so
that "in turn" has one result.)

Run by ctest (label slow) with ANNALS_BIN pointing at the built binary.
"""
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = os.environ.get("ANNALS_BIN", str(ROOT / "build" / "annals"))
TRIALS = int(os.environ.get("ANNALS_TRIALS", "20"))

TEXTS = [
    "Russia attacked Ukraine on Monday.",
    "France criticized Russia over the strikes.",
    "Germany will send aid to Ukraine.",
    "China and Japan held talks in Tokyo.",
    "Iran warned Israel against an attack.",
    "Poland expelled two Russian diplomats.",
]


def snapshot(db):
    con = sqlite3.connect(db)
    try:
        docs = sorted(con.execute("SELECT id, content_hash, date FROM documents"))
        events = sorted(con.execute("SELECT id, fold_id FROM events"))
        folded = sorted(con.execute("SELECT id, mentions, documents FROM folded_events"))
        return docs, events, folded
    finally:
        con.close()


class ConcurrentIngestTest(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="annals_concurrent_"))
        self.addCleanup(shutil.rmtree, self.dir, True)
        corpus = self.dir / "corpus"
        corpus.mkdir()
        for i, text in enumerate(TEXTS):
            (corpus / ("a%d.txt" % i)).write_text(text + "\n")
        with open(self.dir / "more.jsonl", "w") as f:
            for i, text in enumerate(["NATO met in Brussels.", "Turkey mediated between Russia and Ukraine.",
                                      "NATO met in Brussels."]):
                f.write(json.dumps({"id": "j%d" % (i % 2), "date": "2025-03-02", "text": text}) + "\n")
        self.first = [str(corpus), str(self.dir / "more.jsonl")]
        self.second = [str(self.dir / "more.jsonl"), str(corpus)]

    def ingest(self, db, paths):
        return subprocess.Popen([BIN, "ingest", "-q", "--threads", "1", "--batch", "2", "--date", "2025-03-01",
                                 "--db", db, *paths], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)

    def test_two_ingests_at_once_equal_two_in_turn(self):
        sequential = str(self.dir / "sequential.db")
        for paths in (self.first, self.second):
            p = self.ingest(sequential, paths)
            _, err = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, err.decode())
        expected = snapshot(sequential)
        self.assertEqual(len(expected[0]), 8)  # 6 files + 2 records; the repeated record once
        ok = 0
        for trial in range(TRIALS):
            db = str(self.dir / ("t%d.db" % trial))
            a = self.ingest(db, self.first)
            b = self.ingest(db, self.second)
            _, err_a = a.communicate(timeout=600)
            _, err_b = b.communicate(timeout=600)
            self.assertEqual(a.returncode, 0, "trial %d: %s" % (trial, err_a.decode()))
            self.assertEqual(b.returncode, 0, "trial %d: %s" % (trial, err_b.decode()))
            self.assertEqual(snapshot(db), expected, "trial %d" % trial)
            ok += 1
        self.assertEqual(ok, TRIALS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
