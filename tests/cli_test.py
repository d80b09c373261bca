#!/usr/bin/env python3
"""End-to-end tests of the `annals` command: the output contract, bad input,
exit codes, determinism and golden outputs.

Run by ctest with ANNALS_BIN pointing at the built binary and the repository
root as the working directory. ANNALS_UPDATE_GOLDEN=1 rewrites the golden
files (a deliberate act: review the diff before committing).
"""
import json
import os
import pathlib
import subprocess
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = os.environ.get("ANNALS_BIN", str(ROOT / "build" / "annals"))
sys.path.insert(0, str(ROOT / "tests"))


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=600)


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
        self.assertIn("3 document(s) coded", err)  # ok1, nodate, ok2

    def test_exit_codes(self):
        self.assertEqual(run("code", "no/such/file.txt").returncode, 4)
        self.assertEqual(run("code", "--no-such-flag").returncode, 2)
        self.assertEqual(run("code", "--data", "no/such/dir", "examples/summit.txt").returncode, 3)
        self.assertEqual(run("code", "--date", "2025-02-30", "examples/summit.txt").returncode, 2)
        self.assertEqual(run("version").returncode, 0)
        self.assertEqual(run("help").returncode, 0)


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
