#!/usr/bin/env python3
"""End-to-end tests of the `annals` command: the output contract, bad input,
exit codes, determinism and golden outputs.

Run by ctest with ANNALS_BIN pointing at the built binary and the repository
root as the working directory. ANNALS_UPDATE_GOLDEN=1 rewrites the golden
files (a deliberate act: review the diff before committing).
"""
import csv
import io
import json
import os
import pathlib
import pty
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = os.environ.get("ANNALS_BIN", str(ROOT / "build" / "annals"))
sys.path.insert(0, str(ROOT / "tests"))


def run(*args, stdin=None, cwd=ROOT, prefix=()):
    return subprocess.run([*prefix, BIN, *args], input=stdin, capture_output=True, cwd=cwd, timeout=600)


def validate(stdout: bytes) -> tuple[int, int, str]:
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "validate_records.py"), str(ROOT / "docs" / "schema")],
                          input=stdout, capture_output=True)
    passed, _, rest = proc.stdout.decode().partition(" passed, ")
    return int(passed), int(rest.split(" ")[0]), proc.stderr.decode()


class ContractTest(unittest.TestCase):
    def test_examples_validate_against_schema(self):
        for args in (["--date", "2025-08-19", "examples/summit.txt"], ["examples/news.jsonl"]):
            proc = run("code", "--quotes", "--furniture", *args)
            self.assertEqual(proc.returncode, 0, proc.stderr.decode())
            passed, failed, errors = validate(proc.stdout)
            self.assertEqual(failed, 0, errors)
            self.assertGreater(passed, 0, "no records written for %s" % args)

    def test_generic_agents_of_unknown_country_validate(self):
        # Issue 12: a generic agent with no known country is an actor with
        # the unknown country "---", and says how its country was found.
        proc = run("code", "--date", "2025-08-19", "-", stdin=b"Gunmen kidnapped two aid workers.\n")
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        passed, failed, errors = validate(proc.stdout)
        self.assertEqual(failed, 0, errors)
        self.assertEqual(passed, 1)
        source = json.loads(proc.stdout.splitlines()[0])["source"]
        self.assertEqual((source["code"], source["country"], source["sector"]), ("---UAF", "---", "UAF"))
        self.assertEqual(source["country_how"], "unknown")

    def test_spans_point_into_the_text(self):
        text = (ROOT / "examples" / "summit.txt").read_bytes()
        proc = run("code", "--date", "2025-08-19", "examples/summit.txt")
        for line in proc.stdout.splitlines():
            record = json.loads(line)
            begin, end = record["span"]
            self.assertLessEqual(end, len(text))
            self.assertIn(text[begin:end].decode(), record["text"])
            for side in ("source", "target"):
                actor = record[side]
                if actor:
                    b, e = actor["span"]
                    self.assertEqual(text[b:e].decode(), actor["text"])

    def test_deterministic(self):
        a = run("code", "examples/news.jsonl").stdout
        b = run("code", "examples/news.jsonl").stdout
        self.assertEqual(a, b)

    def test_stdin(self):
        proc = run("code", "--date", "2025-08-19", "-", stdin=(ROOT / "examples" / "summit.txt").read_bytes())
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        self.assertEqual(proc.stdout, run("code", "--date", "2025-08-19", "--id", "stdin",
                                          "examples/summit.txt").stdout)


class FurnitureTest(unittest.TestCase):
    """Datelines, headlines and credits are kept out of the coded sentences."""
    TEXT = ("Russian Drones Hit Kyiv Overnight\n"
            "KYIV, Ukraine (AP) \u2014 Russian drones hit Kyiv overnight, officials said.\n\n"
            "Police arrested 20 protesters in Lviv on Tuesday.\n\n"
            "(Reporting by Jane Smith; Editing by John Doe)\n").encode()

    def test_code_writes_a_furniture_record(self):
        proc = run("code", "--furniture", "--date", "2025-08-19", "--id", "wire", "-", stdin=self.TEXT)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        passed, failed, errors = validate(proc.stdout)
        self.assertEqual(failed, 0, errors)
        records = [json.loads(line) for line in proc.stdout.splitlines()]
        furniture = [r for r in records if r["kind"] == "furniture"]
        self.assertEqual(len(furniture), 1)
        f = furniture[0]
        self.assertEqual([i["type"] for i in f["items"]], ["headline", "dateline", "credit"])
        self.assertEqual(f["dateline"]["place"], "KYIV, Ukraine")
        self.assertEqual(f["dateline"]["agency"], "AP")
        self.assertEqual(f["dateline_place"]["name"], "Kyiv")
        text = self.TEXT.decode()
        b, e = f["dateline"]["span"]
        self.assertEqual(self.TEXT[b:e].decode(), "KYIV, Ukraine (AP) \u2014")
        for r in records:
            if r["kind"] != "event":
                continue
            for side in ("source", "target"):
                if r[side]:
                    self.assertGreaterEqual(r[side]["span"][0], e, r[side])
            self.assertNotIn("Hit Kyiv Overnight", r["text"])
        self.assertIn("Police arrested", text)

    def test_without_the_flag_no_furniture_record(self):
        proc = run("code", "--date", "2025-08-19", "-", stdin=self.TEXT)
        kinds = {json.loads(line)["kind"] for line in proc.stdout.splitlines()}
        self.assertNotIn("furniture", kinds)

    def test_parse_writes_furniture_comments(self):
        proc = run("parse", "-", stdin=self.TEXT)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        out = proc.stdout.decode()
        self.assertTrue(out.startswith("# headline = Russian Drones Hit Kyiv Overnight\n"
                                       "# dateline = KYIV, Ukraine (AP) \u2014\n"), out[:300])
        self.assertIn("# credit = (Reporting by Jane Smith; Editing by John Doe)\n", out)
        self.assertIn("# dateline_agency = AP\n", out)
        self.assertIn("# text = Russian drones hit Kyiv overnight, officials said.\n", out)


class BadInputTest(unittest.TestCase):
    def test_bad_files_never_crash_and_output_stays_valid(self):
        bad = sorted((ROOT / "tests" / "data" / "bad").iterdir())
        self.assertGreater(len(bad), 3)
        for path in bad:
            proc = run("code", "--date", "2025-08-19", str(path.relative_to(ROOT)))
            self.assertIn(proc.returncode, (0, 1), f"{path.name}: rc={proc.returncode} {proc.stderr[-2000:]!r}")
            self.assertNotIn(b"internal error", proc.stderr)
            _, failed, errors = validate(proc.stdout)
            self.assertEqual(failed, 0, f"{path.name}: {errors}")

    def test_broken_jsonl_reports_file_and_line_and_keeps_going(self):
        proc = run("code", "tests/data/bad/broken.jsonl")
        self.assertEqual(proc.returncode, 1)
        err = proc.stderr.decode()
        self.assertIn("tests/data/bad/broken.jsonl:2: not valid JSON", err)
        self.assertIn("tests/data/bad/broken.jsonl:5: missing string field \"text\"", err)
        # ok1, nodate, nested (its escaped lone surrogate repaired to U+FFFD,
        # as text input would be, issue 17.8), ok2
        self.assertIn("tests/data/bad/broken.jsonl:6: 1 escaped lone UTF-16 surrogate(s) replaced", err)
        self.assertIn("4 document(s) coded", err)

    def test_exit_codes(self):
        self.assertEqual(run("code", "no/such/file.txt").returncode, 4)
        self.assertEqual(run("code", "--no-such-flag").returncode, 2)
        self.assertEqual(run("code", "--data", "no/such/dir", "examples/summit.txt").returncode, 3)
        self.assertEqual(run("code", "--date", "2025-02-30", "examples/summit.txt").returncode, 2)
        self.assertEqual(run("version").returncode, 0)
        self.assertEqual(run("help").returncode, 0)


FOUR = ("Russia denied attacking Ukraine on Monday. Iran could strike Israel if talks fail. "
        "China will impose sanctions on Japan next month. Russia did not attack Ukraine.\n")


class StoreSessionTest(unittest.TestCase):
    """The analyst's session of issue 14, command by command: load a folder,
    fix a wrong date, tables with names, exports without surprises."""

    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="annals_cli_"))
        self.addCleanup(shutil.rmtree, self.dir, True)
        (self.dir / "articles").mkdir()
        self.db = str(self.dir / "a.db")

    def annals(self, *args, **kw):
        return run(*args, "--db", self.db, **kw) if args[0] in ("ingest", "query", "stats", "export", "delete") \
            else run(*args, **kw)

    def write(self, name, text):
        path = self.dir / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def query(self, *args):
        proc = self.annals("query", "--format", "jsonl", *args)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        return [json.loads(line) for line in proc.stdout.splitlines()]

    def test_undated_documents_are_refused_unless_allowed_and_then_flagged(self):
        self.write("a.txt", "Russia attacked Ukraine.\n")
        proc = self.annals("ingest", str(self.dir / "articles"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn(b"a.txt: no document date", proc.stderr)
        self.assertIn(b"--allow-undated", proc.stderr)
        proc = self.annals("ingest", "--allow-undated", str(self.dir / "articles"))
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        records = self.query("--no-fold")
        self.assertTrue(records)
        self.assertEqual({r["date_precision"] for r in records}, {"undated"})

    def test_invalid_jsonl_date_is_an_error_naming_the_line(self):
        self.write("n.jsonl", json.dumps({"id": "ok", "date": "2025-03-01", "text": "Russia attacked Ukraine."}) +
                   "\n" + json.dumps({"id": "us", "date": "03/01/2025", "text": "France criticized Russia."}) + "\n")
        proc = self.annals("ingest", "--date", "2025-01-01", str(self.dir / "articles"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn(b"n.jsonl:2: invalid \"date\" '03/01/2025'", proc.stderr)
        self.assertEqual({r["doc"] for r in self.query("--no-fold")}, {"ok"})

    def test_a_wrong_date_is_fixed_with_replace_and_documents_deleted(self):
        self.write("a.txt", "Russia attacked Ukraine.\n")
        self.write("b.txt", "France criticized Russia.\n")
        self.assertEqual(self.annals("ingest", "--date", "2025-01-01", str(self.dir / "articles")).returncode, 0)
        again = self.annals("ingest", "--date", "2025-03-01", str(self.dir / "articles"))
        self.assertIn(b"2 already stored", again.stderr)  # the same documents: not re-dated silently
        fixed = self.annals("ingest", "--replace", "--date", "2025-03-01", str(self.dir / "articles"))
        self.assertEqual(fixed.returncode, 0, fixed.stderr.decode())
        self.assertIn(b"2 replaced", fixed.stderr)
        self.assertEqual({r["date"] for r in self.query()}, {"2025-03-01"})
        gone = self.annals("delete", "--doc", "a.txt")
        self.assertEqual(gone.returncode, 0, gone.stderr.decode())
        self.assertEqual({r["mentions"][0]["doc"] for r in self.query()}, {"b.txt"})
        self.assertEqual(self.annals("delete").returncode, 2)  # nothing selected

    def test_the_same_article_with_a_trailing_newline_is_one_document(self):
        self.write("a.txt", "Russia attacked Ukraine.")
        self.write("copy/a-again.txt", "Russia attacked Ukraine.\n\n")
        self.write("copy/a.txt", "France criticized Russia.")  # same file name, other folder: its own id
        proc = self.annals("ingest", "--date", "2025-03-01", str(self.dir / "articles"))
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        self.assertIn(b"2 document(s) stored", proc.stderr)
        self.assertIn(b"1 already stored", proc.stderr)

    def test_events_that_did_not_happen_are_not_exported_as_if_they_did(self):
        self.write("four.txt", FOUR)
        self.assertEqual(self.annals("ingest", "--date", "2025-03-03", str(self.dir / "articles")).returncode, 0)
        out = str(self.dir / "events.tsv")
        proc = self.annals("export", "--format", "gdelt", "-o", out)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        rows = [line.split("\t") for line in pathlib.Path(out).read_text().splitlines()]
        # Iran could strike, China will impose, Russia did not attack: none happened.
        self.assertFalse([r for r in rows if r[5] in ("IRN", "CHN")], rows)
        meta = json.loads(pathlib.Path(out + ".meta.json").read_text())
        self.assertEqual(meta["modalities"], ["asserted", "reported"])
        every = self.annals("export", "--format", "gdelt", "--modality", "all")
        self.assertGreater(len(every.stdout.splitlines()), len(rows))
        self.assertIn(b'"modalities": "all"', every.stderr)

    def test_tables_for_people_name_codes_and_roll_up_to_countries(self):
        self.write("a.txt", "Russian troops attacked Ukraine on Monday. Lavrov criticized NATO.\n")
        self.assertEqual(self.annals("ingest", "--date", "2025-03-05", str(self.dir / "articles")).returncode, 0)
        table = self.annals("query", "--format", "table")
        self.assertIn(b"Use conventional military force", table.stdout)
        self.assertIn(b"source_name", table.stdout)
        series = self.annals("stats", "--show", "series", "--by", "month", "--level", "country", "--format", "csv")
        self.assertEqual(series.returncode, 0, series.stderr.decode())
        rows = list(csv.DictReader(io.StringIO(series.stdout.decode())))
        self.assertTrue(any(r["source"] == "RUS" and r["source_name"] == "Russia" for r in rows), rows)
        roots = self.annals("stats", "--show", "cameo_root")  # a table, also into a pipe
        self.assertIn(b"name", roots.stdout.splitlines()[1])
        code = run("code", "--date", "2025-03-05", "--format", "evidence", str(self.dir / "articles" / "a.txt"))
        self.assertIn(b"<<", code.stdout)

    def test_messages(self):
        missing = self.annals("query")
        self.assertEqual(missing.returncode, 4)
        self.assertIn(b"annals query: error: no store at", missing.stderr)
        self.assertIn(b"annals ingest", missing.stderr)
        self.assertIn(b"--db", missing.stderr)
        nothing = self.annals("ingest", "--date", "2025-03-05", str(self.dir / "no-such-folder"))
        self.assertEqual(nothing.returncode, 4)
        self.assertFalse(os.path.exists(self.db), "ingest of a missing path created a store")
        self.write("a.txt", "Russia attacked Ukraine.\n")
        self.assertEqual(self.annals("ingest", "--date", "2025-03-05", str(self.dir / "articles")).returncode, 0)
        for args, expect in ((["query", "--from", "2025/01"], b"use YYYY, YYYY-MM or YYYY-MM-DD"),
                             (["query", "--limit", "-1"], b"--limit"),
                             (["query", "--text", '"unterminated'], b"bad --text query"),
                             (["query", "--actor-country", "UP"], b"Ukraine (UKR)"),
                             (["query", "--plover", "FIGHT"], b"ASSAULT"),
                             (["export"], b"gdelt-mentions, icews, plover")):
            proc = self.annals(*args)
            self.assertEqual(proc.returncode, 2, (args, proc.stderr))
            self.assertEqual(len(proc.stderr.splitlines()), 1, proc.stderr)
            self.assertIn(expect, proc.stderr)
            self.assertRegex(proc.stderr.decode(), r"^annals (query|export): error: ")
        self.assertIn(b"Usage: annals code", run("help", "code").stdout)
        self.assertIn(b"check", run("help", "actors").stdout)
        self.assertIn(b"actors check", run("help").stdout)

    def test_export_never_destroys_the_store_or_an_existing_file(self):
        self.write("a.txt", "Russia attacked Ukraine.\n")
        self.assertEqual(self.annals("ingest", "--date", "2025-03-05", str(self.dir / "articles")).returncode, 0)
        before = pathlib.Path(self.db).read_bytes()
        for target in (self.db, self.db + "-wal", self.db + "-shm"):
            proc = self.annals("export", "--format", "csv", "-o", target)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertIn(b"refusing", proc.stderr)
        self.assertEqual(pathlib.Path(self.db).read_bytes(), before)
        keep = self.dir / "keep.tsv"
        keep.write_text("KEEP\n")
        failed = self.annals("export", "--format", "gdelt", "--cameo", "99", "-o", str(keep))
        self.assertEqual(failed.returncode, 2)
        self.assertEqual(keep.read_text(), "KEEP\n")
        self.assertEqual([p.name for p in self.dir.iterdir() if ".tmp-" in p.name], [])

    def test_check_backup_and_a_damaged_store(self):
        self.write("a.txt", FOUR * 40)
        self.write("b.txt", "Iran threatened Israel.\n")
        self.assertEqual(self.annals("ingest", "--date", "2025-03-05", str(self.dir / "articles")).returncode, 0)
        self.assertEqual(run("check", "--db", self.db).returncode, 0)
        copy = str(self.dir / "copy.db")
        proc = run("backup", "--db", self.db, copy)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(run("check", "--full", "--db", copy).returncode, 0)
        self.assertEqual(run("stats", "--db", copy, "--format", "csv").stdout,
                         self.annals("stats", "--format", "csv").stdout)
        # Every page after the first two overwritten: found, and refused.
        data = bytearray(pathlib.Path(copy).read_bytes())
        page = int.from_bytes(data[16:18], "big")
        data[2 * page:] = bytes([0x5A]) * (len(data) - 2 * page)
        pathlib.Path(copy).write_bytes(bytes(data))
        check = run("check", "--db", copy)
        self.assertEqual(check.returncode, 3, check.stderr)
        self.assertTrue(check.stdout)
        for args in (["ingest", "--date", "2025-03-06", str(self.dir / "articles")], ["stats"],
                     ["query", "--format", "jsonl"], ["export", "--format", "csv"]):
            proc = run(*args, "--db", copy)
            self.assertEqual(proc.returncode, 3, (args, proc.stderr))
            self.assertEqual(len(proc.stderr.splitlines()), 1, (args, proc.stderr))
            self.assertIn(b"the store is damaged", proc.stderr)

    def test_a_folder_without_input_files_is_an_error(self):
        self.write("notes/a.html", "<p>Russia attacked Ukraine.</p>\n")
        proc = self.annals("ingest", "--date", "2025-03-05", str(self.dir / "articles"))
        self.assertEqual(proc.returncode, 4, proc.stderr)
        self.assertIn(b"no input files in this folder", proc.stderr)

    def test_an_unreadable_sub_folder_is_named_and_the_rest_is_stored(self):
        self.write("ok/a.txt", "Russia attacked Ukraine.\n")
        self.write("locked/b.txt", "France criticized Russia.\n")
        locked = self.dir / "articles" / "locked"
        os.chmod(locked, 0)
        self.addCleanup(os.chmod, locked, 0o755)
        prefix = ()
        if os.geteuid() == 0:
            # Root reads any folder; without capabilities (an empty bounding
            # set leaves a uid-0 process none after exec) it is held to the
            # mode bits like anyone, and still owns the checkout's data.
            if not shutil.which("setpriv"):
                self.skipTest("running as root without setpriv: cannot make a folder unreadable")
            prefix = ("setpriv", "--bounding-set=-all", "--")
        proc = run("ingest", "--date", "2025-03-05", "--db", self.db, str(self.dir / "articles"), prefix=prefix)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        self.assertIn(b"locked: cannot list folder", proc.stderr)
        self.assertEqual(len(self.query("--no-fold")), 1)

    def test_csv_cells_that_spreadsheets_would_run_are_escaped(self):
        self.write("n.jsonl", json.dumps({"id": "x", "date": "2025-03-01", "source": "=HYPERLINK(1)",
                                          "text": "Russia attacked Ukraine."}) + "\n")
        self.assertEqual(self.annals("ingest", str(self.dir / "articles")).returncode, 0)
        rows = list(csv.DictReader(io.StringIO(self.annals("export", "--format", "csv").stdout.decode())))
        self.assertEqual(rows[0]["doc_source"], "'=HYPERLINK(1)")
        self.assertLessEqual(int(rows[0]["id"]), 2 ** 53)

    def test_code_on_a_terminal_says_it_reads_standard_input(self):
        master, slave = pty.openpty()
        proc = subprocess.Popen([BIN, "code", "--date", "2025-03-01"], stdin=slave, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=ROOT)
        os.close(slave)
        os.write(master, b"Russia attacked Ukraine.\n\x04")
        out, err = proc.communicate(timeout=120)
        os.close(master)
        self.assertIn(b"reading text from standard input", err)
        self.assertIn(b'"cameo"', out)

    def test_a_store_in_a_read_only_folder_can_be_queried(self):
        self.write("a.txt", "Russia attacked Ukraine.\n")
        self.assertEqual(self.annals("ingest", "--date", "2025-03-05", str(self.dir / "articles")).returncode, 0)
        ro = self.dir / "ro"
        ro.mkdir()
        shutil.copy(self.db, ro / "a.db")
        prefix = ()
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                self.skipTest("running as root without setpriv: cannot make a folder unwritable")
            # The unprivileged user must reach the checkout's data (a clone in
            # a 0700 mktemp folder is out of its reach).
            if any(not (p.stat().st_mode & 0o001) for p in [ROOT, *ROOT.parents]):
                self.skipTest("the checkout is not reachable by an unprivileged user (a 0700 parent folder)")
            prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
            os.chmod(self.dir, 0o755)
        os.chmod(ro / "a.db", 0o444)
        os.chmod(ro, 0o555)
        self.addCleanup(os.chmod, ro, 0o755)
        proc = run("query", "--format", "jsonl", "--db", str(ro / "a.db"), prefix=prefix)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        self.assertTrue(proc.stdout.strip())
        self.assertEqual(sorted(p.name for p in ro.iterdir()), ["a.db"])


class ThreadsTest(unittest.TestCase):
    """Issue 16: the output is the same, byte for byte and in order, whatever
    --threads is (documents are coded on the threads, written in input order)."""

    def corpus(self, folder: pathlib.Path) -> pathlib.Path:
        # Real-looking records, repeated under new ids, with the broken
        # records of tests/data/bad in between so problems are ordered too.
        good = (ROOT / "examples" / "news.jsonl").read_text().splitlines()
        bad = (ROOT / "tests" / "data" / "bad" / "broken.jsonl").read_bytes().splitlines()
        lines = []
        for copy in range(4):
            for n, line in enumerate(good):
                record = json.loads(line)
                record["id"] = "%s-%d" % (record["id"], copy)
                lines.append(json.dumps(record).encode())
                if n % 3 == copy % 3:
                    lines.append(bad[(copy * 3 + n) % len(bad)])
        path = folder / "mixed.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        return path

    def assertSameAtAnyThreads(self, *args):
        runs = {n: run(*args, "--threads", str(n)) for n in (1, 2, 3)}
        self.assertTrue(runs[1].stdout, args)
        for n in (2, 3):
            self.assertEqual(runs[n].returncode, runs[1].returncode, (n, args))
            self.assertEqual(runs[n].stdout, runs[1].stdout, "stdout differs at %d threads: %s" % (n, args))
            self.assertEqual(runs[n].stderr, runs[1].stderr, "stderr differs at %d threads: %s" % (n, args))

    def test_code_is_the_same_at_one_two_and_three_threads(self):
        with tempfile.TemporaryDirectory() as tmp:
            mixed = str(self.corpus(pathlib.Path(tmp)))
            self.assertSameAtAnyThreads("code", "--quotes", "--furniture", mixed, "examples/news.jsonl")
            self.assertSameAtAnyThreads("code", "--format", "evidence", mixed)
            self.assertSameAtAnyThreads("code", "--format", "table", "--date", "2025-08-19", "examples/summit.txt",
                                        mixed)

    def test_parse_and_eval_are_the_same_at_one_two_and_three_threads(self):
        self.assertSameAtAnyThreads("parse", "examples/summit.txt")
        self.assertSameAtAnyThreads("eval", "events", "--gold", "tests/events/regression.gold", "-v")

    def test_ingest_stores_the_same_at_one_two_and_three_threads(self):
        with tempfile.TemporaryDirectory() as tmp:
            mixed = str(self.corpus(pathlib.Path(tmp)))
            exports = {}
            for n in (1, 2, 3):
                db = os.path.join(tmp, "t%d.db" % n)
                proc = run("ingest", "-q", "--db", db, "--threads", str(n), "--batch", "5", mixed)
                self.assertEqual(proc.returncode, 1, proc.stderr.decode())  # the broken records
                exports[n] = run("export", "--db", db, "--format", "csv").stdout
            self.assertTrue(exports[1])
            self.assertEqual(exports[2], exports[1])
            self.assertEqual(exports[3], exports[1])


class GoldenTest(unittest.TestCase):
    """tests/golden/NAME.txt (dated by NAME.date) -> NAME.expected.jsonl."""

    def test_golden_outputs(self):
        update = os.environ.get("ANNALS_UPDATE_GOLDEN") == "1"
        cases = sorted((ROOT / "tests" / "golden").glob("*.txt"))
        self.assertGreater(len(cases), 0)
        for case in cases:
            date = case.with_suffix(".date").read_text().strip()
            proc = run("code", "--quotes", "--date", date, str(case.relative_to(ROOT)))
            self.assertEqual(proc.returncode, 0, proc.stderr.decode())
            expected_path = case.with_suffix(".expected.jsonl")
            if update:
                expected_path.write_bytes(proc.stdout)
                continue
            expected = expected_path.read_bytes().splitlines()
            got = proc.stdout.splitlines()
            self.assertEqual(got, expected, f"{case.name}: output changed; rerun with ANNALS_UPDATE_GOLDEN=1 "
                                            "and review the diff if the change is intended")


if __name__ == "__main__":
    unittest.main(verbosity=2)
