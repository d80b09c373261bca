#!/usr/bin/env python3
"""Tests of `annals serve`'s HTTP API against a real server on a free
loopback port, over a store built from examples/ (docs/serve.md):

- every GET endpoint's real response validates against the OpenAPI
  description the server itself serves (/api/openapi.json), and every path
  the description lists is exercised;
- the API and the CLI give the same answers (the same query layer): counts,
  event ids, exports;
- bad requests get a 4xx with a JSON error naming the parameter;
- writes are off without a token, refused without the right one, and work
  with it.

Run by ctest with ANNALS_BIN pointing at the built binary.
"""
import json
import os
import pathlib
import re
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = os.environ.get("ANNALS_BIN", str(ROOT / "build" / "annals"))
TOKEN = "test-token-0123456789abcdef"


def annals(*args):
    proc = subprocess.run([BIN, *args], capture_output=True, cwd=ROOT, timeout=300)
    if proc.returncode != 0:
        raise AssertionError("annals %s: %s" % (" ".join(args), proc.stderr.decode()))
    return proc.stdout


def build_store(folder):
    db = str(pathlib.Path(folder) / "examples.db")
    annals("ingest", "-q", "--db", db, "examples/news.jsonl")
    annals("ingest", "-q", "--db", db, "--date", "2025-08-19", "examples/summit.txt")
    return db


class Server:
    """`annals serve --port 0` in a child process; the port from its first line."""

    def __init__(self, db, *extra):
        self.proc = subprocess.Popen([BIN, "serve", "--db", db, "--port", "0", "--web", "none", *extra],
                                     stderr=subprocess.PIPE, cwd=ROOT)
        line = self.proc.stderr.readline().decode()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise AssertionError("no start-up line from annals serve: %r" % line)
        self.base = "http://127.0.0.1:%s" % m.group(1)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.proc.stderr.close()

    def request(self, path, method="GET", body=None, headers=None):
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def json(self, path, **kw):
        status, headers, body = self.request(path, **kw)
        return status, json.loads(body)


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = build_store(cls.tmp.name)
        cls.server = Server(cls.db)
        status, cls.openapi = cls.server.json("/api/openapi.json")
        assert status == 200
        cls.checked = set()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def check(self, path, template, status=200):
        """GETs `path`, checks the status and validates the JSON body against
        the description's schema for `template` and that status."""
        got, body = self.server.json(path)
        self.assertEqual(got, status, "%s: %s" % (path, body))
        op = self.openapi["paths"][template]["get"]
        resp = op["responses"][str(status)]
        if "$ref" in resp:
            resp = self.openapi["components"]["responses"][resp["$ref"].rsplit("/", 1)[1]]
        schema = dict(resp["content"]["application/json"]["schema"])
        schema["components"] = self.openapi["components"]
        jsonschema.Draft202012Validator(schema).validate(body)
        # Every field the server sends is described.
        target = resp["content"]["application/json"]["schema"]
        if "$ref" in target:
            described = self.openapi["components"]["schemas"][target["$ref"].rsplit("/", 1)[1]]
            if isinstance(body, dict) and "properties" in described:
                self.assertEqual(set(body) - set(described["properties"]), set(), "%s: undescribed fields" % path)
        ApiTest.checked.add(template)
        return body

    def test_a_every_endpoint_matches_the_description(self):
        meta = self.check("/api/meta", "/api/meta")
        self.assertEqual(meta["default_modalities"], ["asserted", "reported"])
        self.assertFalse(meta["writes"])
        page = self.check("/api/events?limit=5&sort=-date", "/api/events")
        self.assertEqual(len(page["events"]), 5)
        self.assertTrue(page["more"])
        dates = [e["date"] for e in page["events"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        top = self.check("/api/events?sort=-mentions&limit=5", "/api/events")["events"]
        folded = max(top, key=lambda e: e["documents"])
        self.assertGreater(folded["documents"], 1, "examples/news.jsonl tells one event in several articles")
        detail = self.check("/api/events/" + folded["id"], "/api/events/{id}")
        self.assertEqual(len(detail["mentions"]), folded["mentions"])
        self.assertEqual(len({m["doc"] for m in detail["mentions"]}), folded["documents"])
        sentence = detail["sentence"]["text"].encode()
        for mark in detail["sentence"]["marks"]:
            self.assertEqual(sentence[mark["begin"]:mark["end"]].decode(), mark["text"])
        self.assertIn("trigger", {m["kind"] for m in detail["sentence"]["marks"]})
        self.check("/api/events/ffffffffffffffff", "/api/events/{id}", 404)
        self.check("/api/count?quad_class=1", "/api/count")
        timeline = self.check("/api/timeline?by=month", "/api/timeline")
        for row in timeline["rows"]:
            self.assertEqual(row["events"], sum(row["quad_class_%d" % q] for q in range(1, 5)))
        self.check("/api/series?by=month&top=3", "/api/series")
        self.check("/api/dyads?top=5&level=country", "/api/dyads")
        net = self.check("/api/network", "/api/network")
        ids = {n["id"] for n in net["nodes"]}
        for e in net["edges"]:
            self.assertIn(e["source"], ids)
            self.assertIn(e["target"], ids)
        places = self.check("/api/places", "/api/places")
        self.assertTrue(places["rows"], "examples have located events")
        self.check("/api/distribution?what=modality&modality=all", "/api/distribution")
        actors = self.check("/api/actors?q=rus", "/api/actors")
        self.assertTrue(any(a["code"].startswith("RUS") for a in actors["actors"]))
        self.check("/api/quotes?limit=5", "/api/quotes")
        docs = self.check("/api/documents", "/api/documents")
        self.assertEqual(len(docs["documents"]), 9)
        doc = self.check("/api/documents/" + docs["documents"][0]["id"], "/api/documents/{id}")
        text = doc["text"].encode()
        for s in doc["sentences"]:
            self.assertLessEqual(s["span"][1], len(text))
        self.check("/api/documents/no-such-doc", "/api/documents/{id}", 404)
        status, _, body = self.server.request("/api/export/provenance?format=csv")
        self.assertEqual(status, 200)
        ApiTest.checked.update({"/api/export/provenance", "/api/openapi.json"})

    def test_z_every_described_path_was_exercised(self):
        # Runs last (unittest orders by name); POST/DELETE are WriteTest's.
        self.assertEqual(set(self.openapi["paths"]) - ApiTest.checked, set())

    def test_api_and_cli_agree(self):
        for query, args in (("", []), ("cameo=04&modality=all", ["--cameo", "04", "--modality", "all"]),
                            ("fold=false", ["--no-fold"]), ("actor=RUS", ["--actor", "RUS"])):
            cli = [json.loads(line) for line in annals("query", "--db", self.db, "--format", "jsonl", *args).splitlines()]
            _, count = self.server.json("/api/count?" + query)
            self.assertEqual(count["events"], len(cli), query)
            ids, offset = [], 0
            while True:  # paging in pages of 4 visits every event once, in the CLI's order
                _, page = self.server.json("/api/events?limit=4&offset=%d&%s" % (offset, query))
                ids += [e["id"] for e in page["events"]]
                offset += 4
                if not page["more"]:
                    break
            self.assertEqual(ids, [r.get("id", r.get("event_id")) for r in cli], query)
        cli_csv = annals("export", "--db", self.db, "--format", "csv", "--actor", "UKR")
        status, headers, body = self.server.request("/api/export?format=csv&actor=UKR")
        self.assertEqual(status, 200)
        self.assertEqual(body, cli_csv)
        ApiTest.checked.add("/api/export")
        self.assertEqual(headers["X-Annals-Modalities"], "asserted, reported")

    def test_bad_requests_name_the_parameter(self):
        for path, parameter in (("/api/events?colour=red", "colour"), ("/api/events?cameo=9x", "cameo"),
                                ("/api/events?limit=0", "limit"), ("/api/events?limit=100000", "limit"),
                                ("/api/events?sort=size", "sort"), ("/api/events?from=2025-13", "from"),
                                ("/api/events?actor=nobody-at-all", "actor"), ("/api/events?modality=maybe", "modality"),
                                ("/api/count?quad_class=5", "quad_class"), ("/api/timeline?by=decade", "by"),
                                ("/api/events?cameo=04&cameo=19", "cameo"), ("/api/export?format=pdf", "format"),
                                ("/api/distribution?what=colour", "what"), ("/api/documents?from=yesterday", "from"),
                                ("/api/count?country=ZZ", "country")):
            status, body = self.server.json(path)
            self.assertEqual(status, 400, path)
            self.assertEqual(body["error"]["parameter"], parameter, path)
            self.assertEqual(body["error"]["status"], 400)
            self.assertTrue(body["error"]["message"], path)
        status, body = self.server.json("/api/nothing-here")
        self.assertEqual(status, 404)
        self.assertIn("openapi.json", body["error"]["message"])


class BoundsTest(unittest.TestCase):
    def test_requests_are_bounded_in_rows(self):
        with tempfile.TemporaryDirectory() as tmp:
            server = Server(build_store(tmp), "--max-rows", "2")
            try:
                status, body = server.json("/api/events?limit=3")
                self.assertEqual((status, body["error"]["parameter"]), (400, "limit"))
                status, body = server.json("/api/events")  # the default page shrinks to the bound
                self.assertEqual((status, len(body["events"])), (200, 2))
                self.assertTrue(body["more"])
                # A historical event of 2014 with every modality: thousands of days.
                status, body = server.json("/api/timeline?by=day&modality=all")
                self.assertEqual((status, body["error"]["parameter"]), (400, "by"))
                self.assertEqual(server.json("/api/timeline?by=year&modality=all")[0], 200)
            finally:
                server.stop()


class WriteTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = build_store(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_writes_are_off_without_a_token(self):
        server = Server(self.db)
        try:
            doc = json.dumps({"id": "w1", "date": "2025-09-01", "text": "Russia attacked Ukraine."}).encode()
            status, body = server.json("/api/documents", method="POST", body=doc,
                                       headers={"Content-Type": "application/json", "Authorization": "Bearer x"})
            self.assertEqual(status, 403)
            status, body = server.json("/api/documents/ex-2025-03-11-jeddah", method="DELETE")
            self.assertEqual(status, 403)
            self.assertEqual(server.json("/api/meta")[1]["counts"]["documents"], 9)
        finally:
            server.stop()

    def test_token_protected_writes(self):
        token_file = pathlib.Path(self.tmp.name) / "token"
        token_file.write_text(TOKEN + "\n")
        server = Server(self.db, "--token-file", str(token_file))
        try:
            self.assertTrue(server.json("/api/meta")[1]["writes"])
            doc = json.dumps({"id": "w1", "date": "2025-09-01", "source": "Test",
                              "text": "Russia attacked Ukraine on Monday."}).encode()
            post = dict(method="POST", body=doc)
            status, _ = server.json("/api/documents", headers={"Content-Type": "application/json"}, **post)
            self.assertEqual(status, 401)
            status, _ = server.json("/api/documents", headers={"Content-Type": "application/json",
                                                               "Authorization": "Bearer wrong-token-0123456789"}, **post)
            self.assertEqual(status, 401)
            auth = {"Authorization": "Bearer " + TOKEN}
            status, body = server.json("/api/documents", headers={"Content-Type": "application/xml", **auth}, **post)
            self.assertEqual((status, body["error"]["parameter"]), (400, "Content-Type"))
            before = server.json("/api/count?doc=w1")[0]
            self.assertEqual(before, 400)  # no such document yet: refused, naming doc
            status, body = server.json("/api/documents", headers={"Content-Type": "application/json", **auth}, **post)
            self.assertEqual(status, 200, body)
            self.assertEqual(body["stored"], 1)
            self.assertGreater(body["events"], 0)
            # Readers see the write at once (their own connections, WAL).
            status, count = server.json("/api/count?doc=w1")
            self.assertEqual((status, count["events"]), (200, body["events"]))
            status, body = server.json("/api/documents/w1", method="DELETE", headers=auth)
            self.assertEqual((status, body["deleted"]), (200, ["w1"]))
            self.assertEqual(server.json("/api/documents/w1")[0], 404)
            status, body = server.json("/api/documents/w1", method="DELETE", headers=auth)
            self.assertEqual(status, 404)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
