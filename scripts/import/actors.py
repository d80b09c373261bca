#!/usr/bin/env python3
"""Phoenix actor dictionaries (PETRARCH2) -> Annals .actors entries with
dated roles (docs/formats/actors.md; rules in docs/formats/imported.md).

  actors.py OUTDIR --hand data/actors --discards Phoenix.discards.txt SOURCE.actors.txt...

A Phoenix record is a primary phrase, "+" synonyms and codes "[CODE]",
"[CODE <date]", "[CODE >date]", "[CODE date-date]" (dates YYMMDD or
YYYYMMDD, limits inclusive). It becomes one entry: an undated code, or
dated roles (end exclusive, so one day after PETRARCH's last day). Codes are
rewritten to the shapes Annals validates: IGO codes lose CAMEO's "IGO"
prefix (IGOUNO -> UNO, as the hand-written igos.actors writes them), old
country codes become ISO ones (ROM -> ROU, ZAR -> COD), a sector-only code
("[ELI]") takes the record's country, and parts after the country that are
no Annals sector are cut.

Hand-written entries win. A record whose name or a synonym has the name key
of a hand-written entry of the same kind (person / not a person) supplements
that entry: it is written with the hand-written id, only its roles before the
hand-written coverage (the earliest hand-written role, and never from
2016-01-01 on) and the synonyms no hand-written entry has. The loader merges
such an entry into the hand-written one (src/actors/actor_dictionary.h).

Dropped, and counted: country records (countries.actors and CountryInfo
cover them), multinational companies (MNC: not political actors here),
synonyms that are one common English word ("Hope", "Unity") or a phrase of
Phoenix.discards.txt, records left without a usable code, and people whose
every role ended before 1995.
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Tally, banner, name_key, read_actors, write_file  # noqa: E402
from wordnet import WordNet  # noqa: E402

SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "ELI", "BUS", "MED",
           "CVL", "EDU", "REL", "NGO", "IGO", "SPY", "LAB", "AGR", "HLH", "REF", "CRM"}
OLD_COUNTRY = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB",
               "KSV": "XKX", "SRP": "SRB", "BAH": "BHS", "ANG": "AGO", "FRN": "FRA"}
ORG_WORDS = set("""ministry ministries army forces force police party front union council committee
commission agency organization organisation association bank fund court tribunal group movement
brigade brigades battalion battalions corps office department institute university school company
corporation federation league alliance assembly parliament senate congress government
administration service services authority board program programme initiative network society
centre center foundation trust church mission unit units cells cell nuclei faction action struggle
revolution liberation resistance guard guards militia jihad army's coalition secretariat
conference summit bureau directorate command legion squad squads circle circles nucleus
brotherhood council's partisans patrol""".split())
LOWER_WORDS = {"of", "the", "and", "for", "in", "on", "to", "al", "el", "bin", "ibn", "de", "del",
               "da", "do", "dos", "das", "van", "von", "der", "den", "la", "le", "di", "du", "y"}
CUTOFF = "2016-01-01"  # hand-written coverage starts here at the latest
OLDEST_END = "1995-01-01"  # people whose roles all ended before this are left out


def petrarch_date(text):
    """'820101' / '19820101' -> '1982-01-01'; None if malformed. Two-digit
    years: the dictionaries end in 2015, so 00-16 are 20xx, others 19xx."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year = 2000 + yy if yy <= 16 else 1900 + yy
        mm, dd = text[2:4], text[4:6]
    elif len(text) == 8 and text.isdigit():
        year, mm, dd = int(text[:4]), text[4:6], text[6:8]
    else:
        return None
    if not ("01" <= mm <= "12" and "01" <= dd <= "31"):
        return None
    import calendar
    if int(dd) > calendar.monthrange(year, int(mm))[1]:
        return None
    return "%04d-%s-%s" % (year, mm, dd)


def next_day(iso):
    import datetime
    d = datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)
    return d.isoformat()


class Record:
    def __init__(self, phrase, line, source):
        self.phrase = phrase
        self.synonyms = []
        self.codes = []  # raw "[...]" contents
        self.comment = ""
        self.line = line
        self.source = source


def read_records(path):
    records = []
    cur = None
    in_xml_comment = False
    with open(path, encoding="latin-1") as f:
        for n, raw in enumerate(f, 1):
            # The test dictionaries carry XML comments "<!-- ... -->".
            if in_xml_comment or raw.lstrip().startswith("<!--"):
                in_xml_comment = "-->" not in raw
                continue
            text, _, comment = raw.rstrip("\n").partition("#")
            if not text.strip():
                if cur is not None and comment and not cur.comment:
                    cur.comment = comment.strip()
                continue
            codes = re.findall(r"\[([^\]]*)\]", text)
            head = re.sub(r"\[[^\]]*\]", "", text).strip()
            if text[0] in " \t" and not head:
                if cur is not None:
                    cur.codes += codes
                continue
            if head.startswith("+"):
                if cur is not None:
                    cur.synonyms.append(head[1:].strip())
                    cur.codes += codes
                continue
            cur = Record(head, n, path)
            cur.codes = codes
            cur.comment = comment.strip()
            records.append(cur)
    return records


def phrase_words(phrase):
    p = re.sub(r"\([^)]*\)", " ", phrase)
    return [w for w in re.split(r"[_\s]+", p.strip()) if w]


class Importer:
    def __init__(self, wn, known_countries, hand, discards, tally, roles_path, validation=False):
        # validation: PETRARCH's test dictionaries (tests/compat): fictional
        # country codes are accepted, country records kept as countries, and
        # no common-word or date filter applies.
        self.validation = validation
        self.wn = wn
        self.known = known_countries
        self.hand = hand
        self.discards = discards
        self.tally = tally
        self.hand_by_key = collections.defaultdict(list)
        for e in hand:
            for k in e.keys():
                self.hand_by_key[k].append(e)
        self.used_ids = {e.id for e in hand}
        self.countries = {e.country for e in hand if e.type == "country"}
        self.titles = set()
        with open(roles_path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 3 and cols[2] in ("office", "person"):
                    self.titles.add(name_key(cols[0]))
        self.taken_keys = set(self.hand_by_key)

    def is_title(self, name):
        """A name that ends in a hand-written role noun of one person
        ("Prime Minister", "Secretary of State") is a title, not an actor."""
        k = name_key(name)
        return any(k == t or k.endswith(" " + t) for t in self.titles)

    # ---- names
    def display(self, words, single):
        """PETRARCH's upper case -> a written form. Title case matches the
        text in any capitalisation that starts with a capital ("Iaea" matches
        "IAEA" and "Arnor"); only words of up to three letters that are no
        English word stay in capitals (UN, EU), so the pronoun "us" or the
        article "un" never match them."""
        out = []
        for i, w in enumerate(words):
            low = w.lower()
            if i > 0 and low in LOWER_WORDS:
                out.append(low)
            elif len(w) <= 3 and w.isalpha() and not any(self.wn.has(low, p) for p in ("n", "v", "a", "r")):
                out.append(w.upper())
            else:
                out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
        return " ".join(out).replace(" 's", "'s")

    def usable_alias(self, phrase):
        words = phrase_words(phrase)
        if not words:
            return None
        name = self.display(words, len(words) == 1)
        key = name_key(name)
        if len(key.replace(" ", "")) < 3:
            self.tally.add("synonyms dropped: shorter than 3 letters")
            return None
        if key in self.discards:
            self.tally.add("synonyms dropped: a phrase of Phoenix.discards.txt")
            return None
        if len(words) == 1 and not self.validation and any(
                self.wn.has(key, p) for p in ("n", "v", "a", "r")):
            self.tally.add("synonyms dropped: one common English word ('Hope', 'Unity')")
            return None
        return name

    # ---- codes
    def code(self, raw, fallback_country):
        c = raw.strip().upper()
        if not re.match(r"^[A-Z]+$", c):
            self.tally.add("codes dropped: not a CAMEO code shape")
            return None
        if c in ("---", ""):
            return None
        if c[:3] in SECTORS and len(c) == 3 and c != "IGO":
            if not fallback_country:
                self.tally.add("codes dropped: sector-only code without a country")
                return None
            self.tally.add("sector-only codes ([ELI]) given the record's country")
            c = fallback_country + c
        if c.startswith("IGO") and len(c) >= 6:
            c = c[3:]
            if c.startswith("WSTNAT") or c.startswith("NAT"):
                c = "NATO" + c[6 if c.startswith("WSTNAT") else 3:]
        country = "NATO" if c.startswith("NATO") else c[:3]
        country = OLD_COUNTRY.get(country, country)
        if country == "MNC":
            raise Skip("multinational companies (MNC: not political actors here)")
        if country not in self.known and not (self.validation and re.match(r"^[A-Z]{3}$", country)):
            self.tally.add("codes dropped: country part unknown to Annals (%s)" % c[:3])
            return None
        rest = c[len("NATO" if c.startswith("NATO") else c[:3]):]
        if len(rest) % 3:
            rest = rest[:len(rest) - len(rest) % 3]
        if rest and rest[:3] not in SECTORS:
            self.tally.add("code parts after the country that are no Annals sector cut")
            rest = ""
        return country + rest

    def roles(self, rec):
        """(undated code, [(code, start, end)], country)."""
        parsed = []
        for raw in rec.codes:
            parts = raw.split()
            if not parts:
                continue
            parsed.append((parts[0], " ".join(parts[1:])))
        fallback = None
        for code_raw, _ in parsed:
            if len(code_raw) > 3 or code_raw not in SECTORS:
                saved = self.tally
                self.tally = Tally()  # a trial translation: counted below
                try:
                    c = self.code(code_raw, None)
                except Skip:
                    c = None
                self.tally = saved
                if c:
                    fallback = c[:4] if c.startswith("NATO") else c[:3]
        undated, dated = None, []
        for code_raw, date in parsed:
            code = self.code(code_raw, fallback)
            if code is None:
                continue
            if not date:
                undated = undated or code
                continue
            m = re.match(r"^([<>])?\s*(\d+)\s*(?:-\s*(\d+))?$", date)
            if not m:
                self.tally.add("roles dropped: malformed date")
                continue
            op, d1, d2 = m.groups()
            a = petrarch_date(d1)
            b = petrarch_date(d2) if d2 else None
            if a is None or (d2 and b is None):
                self.tally.add("roles dropped: malformed date")
                continue
            if op == "<":
                dated.append((code, ".", next_day(a)))
            elif op == ">":
                dated.append((code, a, "."))
            elif b is not None:
                if b < a:
                    self.tally.add("roles dropped: ends before it starts")
                    continue
                dated.append((code, a, next_day(b)))
            else:
                dated.append((code, a, next_day(a)))
        # Overlapping roles: the later start wins in Annals, so the earlier
        # role is cut where the later one begins (same meaning, no warning).
        dated.sort(key=lambda r: r[1].replace(".", "0000"))
        for i in range(len(dated) - 1):
            code, s, e = dated[i]
            nxt = dated[i + 1][1]
            if nxt != "." and (e == "." or e > nxt) and (s == "." or s < nxt):
                dated[i] = (code, s, nxt)
                self.tally.add("overlapping roles cut where the next one starts")
        dated = [r for r in dated if r[1] == "." or r[2] == "." or r[1] < r[2]]
        country = None
        for code in [undated] + [d[0] for d in dated]:
            if code:
                country = code[:4] if code.startswith("NATO") else code[:3]
        return undated, dated, country

    def slug(self, name):
        base = "phx-" + re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
        sid, n = base, 2
        while sid in self.used_ids:
            sid, n = "%s-%d" % (base, n), n + 1
        self.used_ids.add(sid)
        return sid

    def convert(self, rec, kind_hint):
        words = phrase_words(rec.phrase)
        if not words:
            raise Skip("records without a name")
        try:
            undated, dated, country = self.roles(rec)
        except Skip:
            raise
        if not undated and not dated:
            raise Skip("records left without a usable code")
        low = [w.lower() for w in words]
        is_org = any(w in ORG_WORDS for w in low)
        # A country's record with dated codes ("UKRAINE_ [USRUKR <910824]
        # [UKR >911221]") is no person: countries.actors covers the country,
        # and the record's aliases name its cities ("LUHANSK", "SIMFEROPOL"),
        # which as a person's names would hide those places.
        if kind_hint == "countries" and not undated and any(
                e.type == "country" for e in self.hand_by_key.get(name_key(" ".join(words)), [])):
            raise Skip("country records (countries.actors and CountryInfo cover them)")
        comment = rec.comment.lower()
        if kind_hint == "armed" and not (dated and not is_org):
            etype = "armed_group"
        elif not is_org and (dated or "countryinfo" in comment or "rulers" in comment):
            etype = "person"
        elif country and country not in ("NGO", "IMG") and country not in self.countries and (
                is_org or len(words) == 1):
            etype = "igo"
        else:
            etype = "organisation"
        if etype != "person" and undated and len(undated) == 3 and not dated and \
                kind_hint == "countries" and undated[:3] in self.known and not is_org:
            raise Skip("country records (countries.actors and CountryInfo cover them)")
        if self.validation and undated and len(undated) == 3 and not dated:
            etype = "country"
        if etype == "person" and dated and all(e != "." and e < OLDEST_END for _, _, e in dated) \
                and not undated and not self.validation:
            raise Skip("people whose every role ended before 1995")
        name = self.display(words, len(words) == 1)
        if etype != "person" and self.is_title(name):
            raise Skip("titles (\"the US Secretary of State\"): role nouns and title coreference handle them")
        aliases = []
        for s in rec.synonyms:
            a = self.usable_alias(s)
            if a and name_key(a) != name_key(name) and a not in aliases:
                aliases.append(a)
        if len(words) == 1 and not self.validation and any(
                self.wn.has(name_key(name), p) for p in ("n", "v", "a", "r")):
            if not aliases:
                raise Skip("records named by one common English word")
            name, aliases = aliases[0], aliases[1:]
        if name_key(name) in self.discards:
            raise Skip("records named by a phrase of Phoenix.discards.txt")
        return etype, name, aliases, undated, dated, country

    def entry(self, rec, kind_hint):
        etype, name, aliases, undated, dated, country = self.convert(rec, kind_hint)
        person = etype == "person"
        match = None
        for k in [name_key(name)] + [name_key(a) for a in aliases]:
            for e in self.hand_by_key.get(k, []):
                if (e.type == "person") == person:
                    match = e
                    break
            if match:
                break
        lines = []
        if match:
            starts = [r[1] for r in match.roles if r[1] != "."]
            cutoff = min(starts + [CUTOFF])
            if any(r[1] == "." for r in match.roles):
                cutoff = "0000-00-00"
            kept = []
            for code, s, e in dated:
                if s != "." and s >= cutoff:
                    continue
                if e == "." or e > cutoff:
                    e = cutoff
                if s != "." and e <= s:
                    continue
                kept.append((code, s, e))
            new_aliases = [a for a in [name] + aliases if name_key(a) not in self.taken_keys]
            self.tally.add("records merged under a hand-written entry")
            if not kept and not new_aliases:
                self.tally.add("records merged adding nothing (hand-written covers all)")
                return None
            lines.append("@ %s" % match.id)
            lines.append("type: %s" % match.type)
            lines.append("name: %s" % match.name)
            for a in new_aliases:
                lines.append("alias: %s" % a)
                self.taken_keys.add(name_key(a))
            if match.code:
                lines.append("code: %s" % match.code)
            if match.country:
                lines.append("country: %s" % match.country)
            for code, s, e in kept:
                lines.append("role: %s %s %s" % (code, s, e))
            self.tally.add("roles added before the hand-written coverage", len(kept))
            lines.append("note: Phoenix %s:%d, merged into the hand-written entry" % (
                os.path.basename(rec.source), rec.line))
            return lines
        keep_aliases = []
        for a in aliases:
            k = name_key(a)
            if k in self.hand_by_key:
                self.tally.add("synonyms dropped: a hand-written entry has the name")
                continue
            keep_aliases.append(a)
        if name_key(name) in self.hand_by_key:
            self.tally.add("records dropped: the name is a hand-written entry's of another kind")
            return None
        lines.append("@ %s" % self.slug(name))
        lines.append("type: %s" % etype)
        lines.append("name: %s" % name)
        for a in keep_aliases:
            lines.append("alias: %s" % a)
        if undated:
            lines.append("code: %s" % undated)
        if country and country not in ("IMG",):
            lines.append("country: %s" % country)
        for code, s, e in dated:
            lines.append("role: %s %s %s" % (code, s, e))
        lines.append("note: Phoenix %s:%d" % (os.path.basename(rec.source), rec.line))
        self.tally.add("entries written (%s)" % etype)
        return lines


class Skip(Exception):
    pass


def read_discards(path):
    keys = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            text = line.split("#")[0].strip().lstrip("+").rstrip("_").strip()
            if text:
                keys.add(name_key(text.replace("_", " ")))
    return keys


def known_countries(hand):
    codes = {"IMG", "NGO"}
    for e in hand:
        for c in (e.code, e.country):
            if c and e.type in ("country", "igo"):
                codes.add(c[:4] if c.startswith("NATO") else c[:3])
    return codes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--hand", default="data/actors")
    ap.add_argument("--discards", required=True)
    ap.add_argument("--validation", action="store_true",
                    help="PETRARCH's test dictionaries: any country code, no word filters")
    ap.add_argument("--name", help="output file name (default: phoenix-<part>.actors)")
    a = ap.parse_args()
    wn = WordNet()
    hand = read_actors(a.hand)
    tally_all = Tally()
    imp = Importer(wn, known_countries(hand), hand, read_discards(a.discards), tally_all,
                   os.path.join(a.hand, "roles.tsv"), a.validation)
    for src in a.sources:
        base = os.path.basename(src)
        kind = "armed" if "MilNonState" in base else "igo" if "International" in base else "countries"
        if a.validation:
            kind = "validation"
        tally = Tally()
        imp.tally = tally
        body = []
        for rec in read_records(src):
            try:
                lines = imp.entry(rec, kind)
            except Skip as s:
                tally.add("records dropped: %s" % s)
                continue
            if lines:
                body += [""] + lines
        out = os.path.join(a.outdir, a.name or "phoenix-" + base.split(".")[1].lower() + ".actors")
        head = ["# format: annals-actors v1"] + banner("actors.py", [src, a.discards])
        head += ["# Phoenix actors; rules in docs/formats/imported.md. Entries whose id is a",
                 "# hand-written entry's supplement it (older roles, more aliases); the",
                 "# hand-written entry wins wherever both speak.",
                 "# What the import did:"] + tally.lines()
        write_file(out, head + body)
        tally.report(out)


if __name__ == "__main__":
    main()
