#!/usr/bin/env python3
"""CountryInfo.txt (Schrodt) -> what the hand-written countries.actors and
metonyms.actors lack: more names and nationality adjectives of each
country, and capitals as metonyms of their government.

  countryinfo.py OUT.actors --hand data/actors --discards Phoenix.discards.txt CountryInfo.txt

For each <Country>, the hand-written entry with that ISO code is
supplemented (same id; the loader merges aliases and adjectives into it):
a <Nationality> word WordNet knows as an adjective ("Afghan") becomes an
adjective, and its plural ("Afghans") an alias when WordNet also has it as a
noun and it ends in -an or -i; the other <Nationality> words are names of the country (spellings,
official names) and become aliases. A <Capital> no hand-written entry names
becomes a metonym entry coded <ISO>GOV, as metonyms.actors codes capitals.
Names a hand-written entry already has, one-word common English words and
phrases of Phoenix.discards.txt are left out. <MajorCities>, <Regions> and
<GeogFeatures> are places, not actors (the gazetteer's GeoNames cities cover
them); <Leaders> and <Government> reach Annals through the Phoenix actor
dictionaries, which were generated from them. All are counted.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from actors import OLD_COUNTRY, read_discards  # noqa: E402
from common import Tally, banner, name_key, read_actors, write_file  # noqa: E402
from wordnet import WordNet  # noqa: E402


def blocks(path):
    with open(path, encoding="latin-1") as f:
        text = f.read()
    for m in re.finditer(r"<Country>(.*?)</Country>", text, re.S):
        yield m.group(1)


def field(block, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (re.escape(tag), re.escape(tag)), block, re.S)
    return m.group(1).strip() if m else ""


def items(block, tag):
    out = []
    for line in field(block, tag).split("\n"):
        line = line.split("#")[0]
        line = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line:
            out.append(line)
    return out


def display(word):
    words = [w for w in word.strip("_").replace("_", " ").split() if w]
    small = {"of", "the", "and", "e", "ye", "de", "la", "du", "des", "al", "el"}
    return " ".join(w.lower() if i and w.lower() in small else
                    "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
                    for i, w in enumerate(words))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("source")
    ap.add_argument("--hand", default="data/actors")
    ap.add_argument("--discards", required=True)
    a = ap.parse_args()
    wn = WordNet()
    tally = Tally()
    hand = read_actors(a.hand)
    discards = read_discards(a.discards)
    taken = set()
    for e in hand:
        taken.update(e.keys())
        taken.update(name_key(x) for x in e.adjectives)
    by_country = {e.country: e for e in hand if e.type == "country" and e.id.startswith("country-")}
    used_ids = {e.id for e in hand}
    body = []

    def usable(name):
        key = name_key(name)
        if not key or key in taken:
            tally.add("names a hand-written entry already has (hand-written wins)")
            return False
        if key in discards:
            tally.add("names dropped: a phrase of Phoenix.discards.txt")
            return False
        if " " not in key and any(wn.has(key, p) for p in ("n", "v", "r")) and not wn.has(key, "a"):
            tally.add("names dropped: one common English word")
            return False
        return True

    for block in blocks(a.source):
        code = field(block, "ISO3166-alpha3") or field(block, "CountryCode")
        code = OLD_COUNTRY.get(code, code)
        entry = by_country.get(code)
        if entry is None:
            tally.add("countries without a hand-written entry (skipped)")
            continue
        adjectives, aliases = [], []
        for word in items(block, "Nationality"):
            name = display(word)
            key = name_key(name)
            if " " not in key and wn.has(key, "a"):
                if usable(name):
                    adjectives.append(name)
                    taken.add(key)
                    tally.add("adjectives added")
                plural = name + "s"
                # Demonyms in -an and -i take -s (Afghans, Iraqis); "French",
                # "Chinese" have no such plural.
                if name.endswith(("an", "i")) and wn.has(key, "n") and usable(plural):
                    aliases.append(plural)
                    taken.add(name_key(plural))
                    tally.add("plural demonyms added as aliases")
            elif usable(name):
                aliases.append(name)
                taken.add(key)
                tally.add("country names added as aliases")
        if adjectives or aliases:
            body += ["", "@ %s" % entry.id, "type: country", "name: %s" % entry.name]
            body += ["alias: %s" % x for x in aliases] + ["adjective: %s" % x for x in adjectives]
            body += ["code: %s" % entry.code] if entry.code else []
            body += ["country: %s" % entry.country, "note: CountryInfo %s, merged into the "
                     "hand-written entry" % field(block, "CountryName")]
        for cap in items(block, "Capital"):
            name = display(cap)
            if not usable(name):
                continue
            eid = "ci-" + re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
            if eid in used_ids:
                continue
            used_ids.add(eid)
            taken.add(name_key(name))
            body += ["", "@ %s" % eid, "type: metonym", "name: %s" % name,
                     "code: %sGOV" % code, "country: %s" % code, "note: capital (CountryInfo)"]
            tally.add("capitals added as metonyms")
        for tag in ("MajorCities", "Regions", "GeogFeatures", "Leaders", "Government"):
            n = len(items(block, tag))
            if n:
                tally.add("<%s> items not imported (places, or people the Phoenix files carry)" % tag, n)
    head = ["# format: annals-actors v1"] + banner("countryinfo.py", [a.source, a.discards])
    head += ["# Names, adjectives and capitals that the hand-written countries.actors and",
             "# metonyms.actors lack; rules in docs/formats/imported.md.", "# What the import did:"]
    head += tally.lines()
    write_file(a.out, head + body)
    tally.report(a.out)


if __name__ == "__main__":
    main()
