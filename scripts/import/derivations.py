#!/usr/bin/env python3
"""Verb -> noun derivations (issue 12, item 6): the nouns that name a verb's
event ("detain" -> "detention", "abduct" -> "abduction", "seize" ->
"seizure") become noun-trigger patterns carrying the verb's default code,
so that "the detention of 43 protesters" is coded like "detained 43
protesters".

  derivations.py OUT.patterns [--hand data/patterns] IMPORTED.patterns...

The verbs and their default codes are the patterns without constraints
(lemma/V, no particles): the hand-written ones (--hand) first, then those of
the imported PETRARCH files given. Speech cues (option
`speech`) are left out: "a statement" is how something is said, not an event.

The nouns come from WordNet's derivational links (pointer "+" from the verb's
synset to a noun synset, word to word), kept only when the noun synset names
an act, an event or a communication (lexicographer files noun.act,
noun.event, noun.communication) and is among the noun's two most frequent
senses: "arrest" -> "arrest" (act), never the agent noun "arrester"
(noun.person). A short hand list below adds the frequent news pairs WordNet
does not link ("try" -> "trial"). A noun a hand-written pattern already
triggers keeps its hand-written pattern; the loader's precedence rule also
hides these defaults for it.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Tally, banner, write_file  # noqa: E402
from wordnet import WordNet  # noqa: E402

EVENT_LEXFILES = {4: "noun.act", 10: "noun.communication", 11: "noun.event", 26: "noun.state"}
# The noun's most frequent sense must be of one of these kinds too: "march"
# is a month first, "government" a group, "release" an artefact.
FIRST_SENSE_OK = {4, 10, 11, 19, 22, 26}  # act, communication, event, phenomenon, process, state
MAX_NOUN_SENSE = 3  # the derived sense must be one of the noun's 3 most frequent
# Nouns that pass those tests but in news mostly name something else than the
# verb's event (an institution, a document, a trip, a sports game).
STOP_NOUNS = {
    "administration", "government", "governance", "management", "handling", "campaign",
    "approach", "search", "research", "passage", "task", "command", "commandment",
    "signal", "signaling", "meaning", "match", "bill", "notice", "cable", "telephone",
    "tour", "journey", "journeying", "meet", "kill", "shoot", "hit", "hitting", "beat",
    "serve", "sell", "steer", "steering", "steerage", "gather", "gathering", "header",
    "heading", "constitution", "award", "mining", "influence", "involvement",
    "determination", "compliance", "legislation", "trade", "trading", "dealing", "dealings",
    "clearing", "settling", "yield", "yielding", "resolve", "cry", "crying", "cheer",
    "cheering", "spur", "spurring", "slight", "upset", "bother", "hassle", "risk",
    "caution", "backlash", "teasing", "wound", "excuse", "expose", "exposure", "frustration",
    "worrying", "departure", "insertion", "blend", "combining", "compounding", "fusion",
    "improvement", "enhancement", "boost", "augmentation", "enlargement", "magnification",
    "exaggeration", "simplification", "tending", "counsel", "counseling", "counselling",
    "advertisement", "advertising", "advertizement", "scan", "skim", "skimming", "comb",
    "combing", "digging", "sweeping", "rendering", "stocking", "supplying", "equipping",
    "outfitting", "enrollment", "enlisting", "assignment", "allotment", "apportionment",
    "assignation", "passing", "directive", "dictate", "dictation", "prescription",
    "need", "pass", "clear", "liberty", "impact", "impaction", "storm", "hail", "damage",
    "harm", "hurt", "hurting", "suffering", "disorder", "plague", "comfort", "despair",
    "desperation", "esteem", "brand", "sentence", "bid", "bidding", "permit", "permission",
    "engagement", "dominion", "domination", "infestation", "residency", "inhabitancy",
    "inhabitation", "ringing", "revealing", "revelation", "triumph", "contest", "struggle",
    "certificate", "certification", "communication", "communicating", "interaction",
    "founding", "investiture", "investing", "investment", "grooming", "promotion",
    "integration", "integrating", "regulating", "supervision", "supervising", "retirement",
    "examination", "exploration", "disturbance", "irritation", "torment", "humiliation",
    "disgrace", "curse", "blast", "slam", "hammering", "pounding", "smash", "smashing",
    "striking", "kick", "kicking", "bruise", "beating", "lecture", "grilling", "scolding",
    "defeat", "impulsion", "restraint", "exclusion", "segregation", "fault", "blame",
}
# Which CAMEO roots a derived noun of each kind may carry: a communication
# noun names a verbal act (01-05, 10-14), a state noun a detention (17).
ROOTS_FOR_LEXFILE = {
    10: {"01", "02", "03", "04", "05", "10", "11", "12", "13", "14"},
    26: {"17"},
}

# (verb, noun, code) for frequent news nominalisations that WordNet does not
# link derivationally, or whose verb has no default code: the code is the
# verb's default unless given here (CAMEO 173 arrest/charge, 141 demonstrate,
# 171 seize property).
HAND_PAIRS = [
    ("try", "trial", "173"),
    ("kill", "killing", None),
    ("shell", "shelling", None),
    ("bomb", "bombing", None),
    ("execute", "execution", None),
    ("deport", "deportation", None),
    ("evacuate", "evacuation", None),
    ("kidnap", "kidnapping", None),
    ("abduct", "abduction", None),
    ("assassinate", "assassination", None),
    ("raid", "raid", None),
    ("riot", "riot", None),
    ("rally", "rally", "141"),
    ("seize", "seizure", "171"),
]


def nominalises(verb, noun):
    """True if `noun` is built on the verb (detain/detention, seize/seizure,
    attack/attack), not the verb on the noun (criminalise/crime), and is no
    agent or instrument noun in -er/-or (determiner, catcher)."""
    if noun == verb:
        return True
    if noun.endswith(("er", "or")) and not verb.endswith(("er", "or")):
        return False
    common = 0
    while common < min(len(verb), len(noun)) and verb[common] == noun[common]:
        common += 1
    return common >= 3 and len(noun) >= len(verb) - 1


def read_defaults(paths):
    """{verb lemma: (code, pattern id)} from patterns without constraints."""
    out = {}
    hand_nouns = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                words = line.split("#")[0].split()
                if len(words) < 3 or words[0].startswith("@"):
                    continue
                pid, code, trigger = words[:3]
                opts = words[3:]
                head, _, pos = trigger.partition("/")
                if "+" in pos:
                    continue
                if pos == "N":
                    hand_nouns.update(head.split("|"))
                if pos not in ("V", ""):
                    continue
                if any("=" in o and not o.startswith("target=") for o in opts) or "speech" in opts \
                        or "neg" in opts:
                    continue
                for lemma in head.split("|"):
                    out.setdefault(lemma, (code, pid))
    return out, hand_nouns


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("patterns", nargs="*", help="imported pattern files, in precedence order")
    ap.add_argument("--hand", default="data/patterns", help="the hand-written patterns folder")
    a = ap.parse_args()
    wn = WordNet()
    tally = Tally()
    hand_files = [os.path.join(a.hand, f) for f in sorted(os.listdir(a.hand)) if f.endswith(".patterns")]
    defaults, hand_nouns = read_defaults(hand_files)
    for k, v in read_defaults(a.patterns)[0].items():
        defaults.setdefault(k, v)

    derived = {}  # noun -> (verb, code, how)
    for verb in sorted(defaults):
        code, pid = defaults[verb]
        for rank, off in enumerate(wn.synsets(verb, "v")):
            lex, words, ptrs = wn.synset("v", off)
            if verb not in words:
                continue
            src = words.index(verb) + 1
            for sym, noff, npos, s_i, t_i in ptrs:
                if sym != "+" or npos != "n" or s_i != src:
                    continue
                nlex, nwords, _ = wn.synset("n", noff)
                noun = nwords[t_i - 1]
                if "_" in noun or not noun.isalpha():
                    continue
                if nlex not in EVENT_LEXFILES:
                    tally.add("links to a noun that is not an act, event or communication (skipped)")
                    continue
                if nlex in ROOTS_FOR_LEXFILE and code[:2] not in ROOTS_FOR_LEXFILE[nlex]:
                    tally.add("communication or state noun for a code of another kind (skipped)")
                    continue
                senses = wn.synsets(noun, "n")
                if noff not in senses[:MAX_NOUN_SENSE]:
                    tally.add("links to a rare sense of the noun (skipped)")
                    continue
                first = wn.synset("n", senses[0])[0]
                if first not in FIRST_SENSE_OK or (noun == verb and first not in (4, 11)):
                    tally.add("noun whose most frequent sense is no act or event (skipped)")
                    continue
                if not nominalises(verb, noun):
                    tally.add("noun that is not a nominalisation of the verb (crime/criminalise; skipped)")
                    continue
                if noun in STOP_NOUNS:
                    tally.add("noun on the stop list (names something else in news; skipped)")
                    continue
                if noun not in derived:
                    derived[noun] = (verb, code, "WordNet %s" % EVENT_LEXFILES[nlex])
    for verb, noun, code in HAND_PAIRS:
        if noun in derived or not (code or verb in defaults):
            continue
        derived[noun] = (verb, code or defaults[verb][0], "hand list")
        tally.add("nouns from the hand list")

    lines = []
    for noun in sorted(derived):
        verb, code, how = derived[noun]
        if noun in hand_nouns:
            tally.add("nouns a hand-written pattern already triggers (hand-written wins)")
            continue
        if noun in defaults and noun == verb:
            tally.add("same-form nouns (attack/attack) written as /N patterns")
        lines.append("%s %s %s  # %s: %s" % (("wn.%s" % noun).ljust(30), code.ljust(5),
                                             (noun + "/N").ljust(22), verb, how))
        tally.add("noun patterns written")
    head = ["# format: annals-patterns v1"]
    head.append("# GENERATED BY scripts/import/derivations.py FROM WordNet 3.0 derivational links "
                "and the verb defaults of %s; DO NOT EDIT" % ", ".join(
                    ["data/patterns/*.patterns"] +
                    ["data/patterns/imported/" + os.path.basename(p) for p in a.patterns]))
    head.append("# WordNet 3.0 (/usr/share/wordnet, Debian wordnet-base), Copyright 2006 by "
                "Princeton University; WordNet 3.0 license; full text in data/LICENSES.md")
    head.append("# Regenerate: scripts/import/run.sh. Noun events take their participants by")
    head.append("# the coder's fixed noun rules (possessor or actor modifier = source; of,")
    head.append("# against, on, with, to... = target): docs/formats/patterns.md.")
    head.append("# What the derivation did:")
    head += tally.lines()
    write_file(a.out, head + [""] + lines)
    tally.report(a.out)


if __name__ == "__main__":
    main()
