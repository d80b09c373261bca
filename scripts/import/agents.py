#!/usr/bin/env python3
"""PETRARCH/PLOVER agent dictionaries -> Annals role nouns (roles.tsv format,
docs/formats/actors.md): "police" -> COP, "foreign ministers" -> GOV.

  agents.py OUT.tsv --hand data/actors/roles.tsv AGENTS.txt...   (first file wins)

Agent lines are "PHRASE {plural} [~CODE] # comment". The phrase's words are
joined by "_" (or spaces); !NAME! substitutes every form of a set defined as
"!NAME! = A, B, ..." (!PERSON!: man, men, woman, women, person), with no
further plural. A plural in braces replaces the regular one, "{}" means none
(police, military). "~XYZ" adds the agent to the actor ("Russian police" ->
RUSCOP); "XYZ~" (NGO~, IGO~) is the same for our purpose.

Every singular becomes a role of kind `person` (it needs a determiner or a
country: "the prosecutor", "Syrian farmers"), every plural and every noun
without a plural a `group`. The sector is the code's first three letters,
mapped to Annals' sectors where CAMEO/PLOVER use others (table below);
codes that name no kind of actor (junk, proto-states) are dropped.
Hand-written role nouns (--hand) win: a noun they list is not written (and
the loader skips it anyway).
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Tally, banner, write_file  # noqa: E402
from wordnet import WordNet  # noqa: E402

ANNALS_SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "ELI", "BUS", "MED",
                  "CVL", "EDU", "REL", "NGO", "IGO", "SPY", "LAB", "AGR", "HLH", "REF", "CRM"}
# CAMEO/PLOVER agent codes outside Annals' sector list -> the nearest sector,
# or None to drop the agent.
SECTOR_MAP = {
    "UAF": "REB",  # unaligned armed forces: gunmen, militiamen
    "PRM": "REB",  # private military: private armies, security firms
    "IMG": "REB",  # international militarised group
    "JRN": "MED",  # journalists (PLOVER)
    "HRI": "NGO",  # human rights
    "ENV": "NGO",  # environmental
    "SOC": "NGO",  # civil society movements (PLOVER)
    "DEV": "GOV",  # development agencies
    "MUS": "REL", "CHR": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "JAN": "REL",
    "SIK": "REL", "SHI": "REL", "SUN": "REL", "CTH": "REL", "PRO": "REL", "ORT": "REL",
    "RAD": None,  # "radicals": an attitude, not a kind of actor
    "PPL": None,  # "people"
    "JNK": None, "NON": None, "UNK": None,  # not actors
    "PRE": None,  # proto-states: regions, not people
}
# Words too generic to be an actor on their own even with a country.
STOP_NOUNS = {"people", "person", "persons", "man", "men", "woman", "women", "member", "members",
              "group", "groups", "individual", "individuals", "the court"}


def plural(phrase):
    """Regular English plural of a phrase's head (the word before "of", else
    the last): "chamber of commerce" -> "chambers of commerce"."""
    words = phrase.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w.endswith("man"):
        p = w[:-3] + "men"
    elif re.search(r"[^aeiou]y$", w):
        p = w[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", w):
        p = w + "es"
    else:
        p = w + "s"
    return " ".join(words[:i] + [p] + words[i + 1:])


def head_word(phrase):
    words = phrase.split(" ")
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def is_stem(wn, word):
    """PETRARCH matches some words by stem ("MINIST", "COMPAN"); a role noun
    needs whole words. A stem is no WordNet word but begins one."""
    w = word.replace("-", "_")
    if any(wn.base_forms(w, p) for p in ("n", "v", "a")):
        return False
    nouns = wn.index["n"]
    return len(w) >= 3 and any(k.startswith(w) for k in nouns if k[:3] == w[:3])


def is_plural(wn, phrase):
    """"taxpayers", "children": the dictionary lists a plural as the phrase."""
    w = head_word(phrase)
    if w in wn.exc["n"]:
        return True
    return w.endswith("s") and not w.endswith("ss") and w not in wn.index["n"] and any(
        b != w for b in wn.base_forms(w, "n"))


def norm(phrase):
    return " ".join(phrase.replace("_", " ").lower().split())


def read_agents(path, tally):
    """[(singular or None, [plurals], code, collective)] in file order."""
    subs = {}
    out = []
    with open(path, encoding="latin-1") as f:
        for raw in f:
            line = raw.split("#")[0].strip()
            if not line:
                continue
            m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line)
            if m:
                subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
                continue
            m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$", line)
            if not m:
                tally.add("dropped: line without a [code]")
                continue
            phrase, plural_part, code = m.group(1).strip(), m.group(2), m.group(3).strip()
            if not phrase:
                continue
            marker = re.search(r"![A-Z]+!", phrase)
            if marker:
                forms = subs.get(marker.group(0))
                if not forms:
                    tally.add("dropped: undefined substitution set")
                    continue
                for form in forms:
                    p = norm(phrase.replace(marker.group(0), form))
                    is_plural = form.endswith(("MEN", "S")) and form not in ("PERSON",)
                    out.append((None, [p], code, False) if is_plural else (p, [], code, False))
                tally.add("substitution sets expanded (!PERSON!, !MINIST!)")
                continue
            sing = norm(phrase)
            if plural_part is None:
                plurals, collective = [plural(sing)], False
            else:
                inner = plural_part[1:-1].strip()
                plurals = [norm(x) for x in inner.split(",") if x.strip()] if inner else []
                collective = not inner
            out.append((sing, plurals, code, collective))
    return out


def sector_of(code, tally):
    c = code.replace("~", "")
    if not re.match(r"^[A-Z]{3}", c):
        return None
    s = c[:3]
    if s in ANNALS_SECTORS:
        return s
    if s in SECTOR_MAP:
        mapped = SECTOR_MAP[s]
        tally.add("sector %s -> %s" % (s, mapped or "dropped"))
        return mapped
    tally.add("sector %s unknown (dropped)" % s)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--hand", default="data/actors/roles.tsv")
    a = ap.parse_args()
    tally = Tally()
    wn = WordNet()
    hand = set()
    with open(a.hand, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("noun\t"):
                continue
            hand.add(line.split("\t")[0].strip())
    rows = {}
    for src in a.sources:
        name = os.path.basename(src)
        for sing, plurals, code, collective in read_agents(src, tally):
            if sing and is_plural(wn, sing):
                plurals, sing = [sing] + [p for p in plurals if p != plural(sing)], None
                tally.add("phrases that are plurals already (kept as group nouns)")
            sector = sector_of(code, tally)
            if sector is None:
                tally.add("agents dropped: code names no kind of actor")
                continue
            forms = ([(sing, "group" if collective else "person")] if sing else []) + \
                [(p, "group") for p in plurals]
            for noun, kind in forms:
                if not re.match(r"^[a-z0-9][a-z0-9 .'-]*$", noun):
                    tally.add("nouns dropped: characters a role noun cannot have")
                    continue
                head = head_word(noun)
                if head in ("of", "at", "for", "and", "in", "on", "to", "the"):
                    tally.add("nouns dropped: phrase ends in a preposition")
                    continue
                if is_stem(wn, head):
                    tally.add("nouns dropped: head word is a stem ('minist', 'compan')")
                    continue
                if noun in STOP_NOUNS:
                    tally.add("nouns dropped: too generic to name an actor")
                    continue
                if noun in hand:
                    tally.add("nouns the hand-written roles.tsv has (hand-written wins)")
                    continue
                if noun in rows:
                    tally.add("nouns already given by an earlier line or file")
                    continue
                rows[noun] = (sector, kind, "%s [%s]" % (name, code))
                tally.add("role nouns written (%s)" % kind)
    lines = ["# format: annals-roles v1"]
    lines += banner("agents.py", a.sources)
    lines += ["# Role nouns from PETRARCH's and PLOVER's agent dictionaries; the rules are",
              "# in docs/formats/imported.md. Hand-written data/actors/roles.tsv wins.",
              "# What the import did:"]
    lines += tally.lines()
    lines.append("noun\tsector\tkind\tnote")
    for noun in sorted(rows):
        sector, kind, note = rows[noun]
        lines.append("%s\t%s\t%s\t%s" % (noun, sector, kind, note))
    write_file(a.out, lines)
    tally.report(a.out)


if __name__ == "__main__":
    main()
