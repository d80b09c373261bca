#!/usr/bin/env python3
"""Validates Annals JSON Lines records (stdin) against docs/schema/*.json.

Each line must be a JSON object whose "kind" selects the schema (event,
quote or furniture). Prints "N passed, M failed" and exits non-zero on any
failure.
Uses the python3-jsonschema package, an implementation independent of
Annals, so the contract is checked from outside.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator, RefResolver


def main() -> int:
    schema_dir = pathlib.Path(sys.argv[1]).resolve()
    schemas = {}
    store = {}
    for kind in ("event", "quote", "furniture"):
        schema = json.loads((schema_dir / f"{kind}.schema.json").read_text())
        store[schema["$id"]] = schema
        store[f"{kind}.schema.json"] = schema
        schemas[kind] = schema
    validators = {
        kind: Draft202012Validator(
            schema, resolver=RefResolver(base_uri=schema["$id"], referrer=schema, store=store))
        for kind, schema in schemas.items()
    }
    passed = failed = 0
    for number, line in enumerate(sys.stdin, 1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
            kind = record.get("kind")
            if kind not in validators:
                raise ValueError(f"unknown kind {kind!r}")
            errors = sorted(validators[kind].iter_errors(record), key=lambda e: list(e.path))
            if errors:
                raise ValueError("; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
            passed += 1
        except Exception as exc:  # report every bad line, keep going
            failed += 1
            print(f"line {number}: {exc}", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
