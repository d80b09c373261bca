#!/usr/bin/env python3
"""serve_bench: `annals serve` on a large store (docs/serve.md). Workloads:

  series   dyad x month series of the busiest dyad (/api/series), and the top-10
           dyads x month: N sequential requests over one keep-alive loopback
           connection, p50/p99 latency
  page     a filtered page of 100 events (/api/events: one actor, a CAMEO root,
           a date range; and the busiest dyad newest first): p50/p99
  clients  200 concurrent clients (wrk -c200) on the filtered page: requests,
           errors, non-2xx answers
  render   the page's first render in headless Chromium (playwright-core):
           navigation to the views drawn and the table filled, median of 3

Make the store first: build/bench/store_tool --only store --events 1000000
(writes /tmp/annals_store_tool/store.db). Usage:
  python3 bench/serve_bench.py [--db PATH] [--requests N] [--annals build/annals]
"""
import argparse
import http.client
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/annals_store_tool/store.db")
    ap.add_argument("--annals", default=str(ROOT / "build" / "annals"))
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    proc = subprocess.Popen([args.annals, "serve", "--db", args.db, "--port", "0", "--web", str(ROOT / "web" / "dist")],
                            stderr=subprocess.PIPE)
    port = int(re.search(r":(\d+)/", proc.stderr.readline().decode()).group(1))
    conn = http.client.HTTPConnection("127.0.0.1", port)

    def get(path):
        t = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit("%s: %d %s" % (path, r.status, body[:300]))
        return time.perf_counter() - t, body

    try:
        meta = json.loads(get("/api/meta")[1])
        print("store: %(events)d raw events, %(folded_events)d folded, %(documents)d documents" % meta["counts"])
        dyad = json.loads(get("/api/dyads?top=1")[1])["rows"][0]
        s, t = dyad["source"], dyad["target"]
        first = meta["date_range"]["first"]
        year = first[:4]
        q = urllib.parse.quote
        workloads = [
            ("series: busiest dyad x month", "/api/series?by=month&source=%s&target=%s" % (q(s), q(t))),
            ("series: top 10 dyads x month", "/api/series?by=month&top=10"),
            ("page: actor + CAMEO 1 + year, 100", "/api/events?limit=100&actor=%s&cameo=1&from=%s&to=%s" % (q(s), year, year)),
            ("page: busiest dyad newest first, 100", "/api/events?limit=100&sort=-date&source=%s&target=%s" % (q(s), q(t))),
            ("page: QuadClass 4, offset 1000, 100", "/api/events?limit=100&quad_class=4&offset=1000"),
        ]
        for name, path in workloads:
            get(path)  # warm the connection's caches
            times = [get(path)[0] * 1000 for _ in range(args.requests)]
            print("%-40s p50 %6.1f ms  p99 %6.1f ms  (n=%d)" % (name, percentile(times, 50), percentile(times, 99), len(times)))
        page = workloads[2][1]
        if shutil.which("wrk"):
            out = subprocess.run(["wrk", "-t4", "-c200", "-d10s", "--latency", "http://127.0.0.1:%d%s" % (port, page)],
                                 capture_output=True, text=True).stdout
            reqs = re.search(r"(\d+) requests in", out)
            errors = re.search(r"Socket errors: (.*)", out)
            non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
            lat = re.search(r"50%\s+(\S+).*?99%\s+(\S+)", out, re.S)
            print("clients: 200 concurrent (wrk 10 s): %s requests, socket errors: %s, non-2xx: %s, p50 %s p99 %s" %
                  (reqs.group(1) if reqs else "?", errors.group(1) if errors else "none",
                   non2xx.group(1) if non2xx else "0", lat.group(1) if lat else "?", lat.group(2) if lat else "?"))
        else:
            print("clients: wrk not installed; skipped")
        render = ROOT / "bench" / "serve_render.mjs"
        if shutil.which("node"):
            r = subprocess.run(["node", str(render), "http://127.0.0.1:%d/" % port], capture_output=True, text=True)
            print(r.stdout.strip() or r.stderr.strip())
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
