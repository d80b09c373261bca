#!/usr/bin/env python3
"""Translates PETRARCH verb dictionaries into Annals event patterns
(docs/formats/patterns.md; the translation rules are in
docs/formats/imported.md).

  petrarch_verbs.py CAMEO.2.0.txt OUT.patterns [--p1 CAMEO.verbpatterns.txt OUT1.patterns]
                    [--cameo data/ontology/cameo_events.tsv] [--prefix p2]

PETRARCH2's dictionary (dictionaries.rst beside it) has synonym sets
(&NAME, "+" members), verb blocks ("--- NAME [code] ---", one verb per line
with optional irregular forms "{...}" and its own "[code]"), and patterns
"- pre * post [code] # source verb" that every verb of the block shares.
PETRARCH-1's file (--p1) has the same blocks with TABARI's linear patterns;
only what PETRARCH2 does not already say is taken from it.

Translation, per construct (counts go into the output header):
  verb with a code         -> a pattern without constraints (the default)
  +MULTI_WORD verb         -> trigger particles: call/V+off, anger/V+by
  pre-verb noun or &SET    -> subj=lemma|lemma
  post-verb particle       -> trigger particle ("* OUT VIEWS": set/V+out)
  first post-verb noun     -> obj=lemma (a non-noun word: sub=lemma)
  later post-verb words    -> sub=lemma
  (PREP X) on the verb     -> obl:prep=x; (PREP) alone -> obl:prep=*
  (PREP X) after a noun    -> sub=x (the parse may hang it on the noun)
  {ADJ NOUN}               -> the noun's constraint plus sub=adj
  + as object / in (P +)   -> obj=ACTOR / obl:p=ACTOR and target=obj / obl:p
  % (compound actor)       -> recip
  [a:b]                    -> code a; [a:a] also recip; [:b] dropped (b is
                              the target's act on the source: no such slot)
  [---], $ after the verb, + before it, auxiliaries/negation before the
  verb, nested phrases     -> dropped, counted
Words become lower-case lemmas through WordNet (plural nouns singular,
inflected verbs to their base); irregular verb forms in braces become
"@lemma" lines when WordNet lists them as irregular and they are not words
in their own right ("fought", not "found").
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Tally, banner, write_file  # noqa: E402
from wordnet import WordNet  # noqa: E402

PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among",
    "amongst", "around", "as", "at", "before", "behind", "below", "beneath", "beside",
    "besides", "between", "beyond", "by", "despite", "during", "for", "from", "in",
    "inside", "into", "near", "of", "on", "onto", "outside", "over", "past", "per",
    "since", "through", "throughout", "to", "toward", "towards", "under", "until",
    "upon", "via", "with", "within", "without",
}
# Adverbial particles that make a phrasal verb when they follow it directly.
PARTICLES = {
    "up", "down", "out", "off", "away", "back", "forward", "aside", "over", "in", "on",
    "through", "around", "along", "together", "ahead", "apart", "behind",
}
DETERMINERS = {"the", "a", "an"}
NEGATION = {"not", "no", "never"}
# Words a dependency pattern cannot place: auxiliaries, modals, pronouns,
# conjunctions. A pattern that needs one is dropped.
FUNCTION_WORDS = {
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "is", "are",
    "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "it", "its", "he", "she", "they", "them", "their", "his", "her", "we", "our", "i", "you",
    "this", "that", "these", "those", "which", "who", "whom", "what", "and", "or", "but",
    "if", "than", "then", "so", "said", "says", "say", "also", "himself", "herself",
    "itself", "themselves", "there", "here", "to_",
}


def read_codes(path):
    codes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.split("\t")[0]
            if c.isdigit():
                codes.add(c)
    return codes


class Lemmatizer:
    """PETRARCH's upper-case, often inflected words -> Annals lemmas."""

    def __init__(self, wn):
        self.wn = wn

    def noun(self, word):
        w = word.lower()
        if "-" in w or "'" in w:
            return w
        cands = self.wn.base_forms(w, "n")
        if w.endswith("s") and not w.endswith("ss"):
            for c in cands:
                if c != w:
                    return c
        return cands[0] if cands else w

    def verb(self, word):
        w = word.lower()
        if "-" in w:
            head, _, rest = w.rpartition("-")
            return head + "-" + self.verb(rest) if rest else w
        cands = self.wn.base_forms(w, "v")
        if not cands:
            return w
        if w in self.wn.index["v"]:
            return w
        return cands[-1] if len(cands) > 1 and cands[0] == w else cands[0]

    def content(self, word):
        """A post-verb word of unknown class: noun lemma if it is a noun,
        else the verb lemma of an inflected verb, else the word."""
        w = word.lower()
        if self.is_noun(w):
            return self.noun(w)
        irregular = self.wn.irregular(w, "v")
        if irregular and not self.wn.has(w, "a"):
            return irregular
        if (w.endswith("ed") or w.endswith("ing") or w.endswith("s")) and self.wn.base_forms(w, "v"):
            return self.verb(w)
        return w

    def known(self, lemma):
        """True if WordNet knows the lemma in some part of speech: TABARI's
        stems ("PREPAR", "POSSIBL") are no lemmas, and as pattern words they
        would keep the coder from repairing a tagger's wrong lemma."""
        return "-" in lemma or any(self.wn.has(lemma, p) for p in ("n", "v", "a", "r"))

    def is_noun(self, word):
        w = word.lower()
        if "-" in w:
            return True
        return bool(self.wn.base_forms(w, "n"))


def regular_candidates(f):
    """The lemmas the coder itself tries for a form it does not know
    (FormCandidates in src/events/sentence_view.cc): a form one of these
    repairs needs no "@lemma" line."""
    out = [f]

    def ends(suffix):
        return len(f) > len(suffix) + 1 and f.endswith(suffix)
    if ends("ies"):
        out.append(f[:-3] + "y")
    if ends("es"):
        out.append(f[:-2])
    if ends("s") and not ends("ss"):
        out.append(f[:-1])
    if ends("ed"):
        out += [f[:-1], f[:-2]]
        if len(f) > 4 and f[-3] == f[-4]:
            out.append(f[:-3])
        if ends("ied"):
            out.append(f[:-3] + "y")
    if ends("ing"):
        out += [f[:-3], f[:-3] + "e"]
        if len(f) > 5 and f[-4] == f[-5]:
            out.append(f[:-4])
    return out


LEMMA_RE = re.compile(r"^[a-z0-9.'-]+$")


class Value:
    """One pattern slot's allowed lemmas (a word, a set, or a braced phrase's head)."""

    def __init__(self, lemmas, mods=(), actor=False, any_=False):
        self.lemmas = lemmas
        self.mods = list(mods)
        self.actor = actor
        self.any = any_


class Translator:
    def __init__(self, lem, tally):
        self.lem = lem
        self.tally = tally
        self.sets = {}
        self.approximations = 0  # in the pattern being translated

    def approx(self, what):
        self.approximations += 1
        self.tally.add(what)

    # ---- synonym sets
    def add_set(self, name, members):
        out = []
        for m in members:
            m = m.strip().rstrip("_")
            if not m:
                continue
            if m.startswith("&"):
                out.extend(self.sets.get(m.rstrip("_").upper(), []))
                continue
            if "_" in m or " " in m:
                self.tally.add("set member of several words (dropped)")
                continue
            lemma = self.lem.noun(m)
            if not LEMMA_RE.match(lemma):
                self.tally.add("set member with characters a lemma cannot have (dropped)")
                continue
            if lemma in FUNCTION_WORDS:
                self.tally.add("set member that is a function word (dropped)")
                continue
            if not self.lem.known(lemma):
                self.tally.add("set member WordNet does not know (a stem or misspelling; dropped)")
                continue
            if lemma not in out:
                out.append(lemma)
        self.sets[name.rstrip("_").upper()] = out

    def set_lemmas(self, token):
        name = token.rstrip("_").upper()
        if name not in self.sets:
            raise Drop("undefined synonym set")
        if not self.sets[name]:
            raise Drop("synonym set with no single-word member")
        return self.sets[name]

    # ---- words
    def word_lemmas(self, token, noun=True):
        if token.startswith("&"):
            return self.set_lemmas(token)
        w = token.rstrip("_")
        if "_" in w:
            raise Drop("multiword phrase inside a phrase")
        lemma = self.lem.noun(w) if noun else self.lem.content(w)
        if not LEMMA_RE.match(lemma):
            raise Drop("word with characters a lemma cannot have")
        if not self.lem.known(lemma):
            raise Drop("word WordNet does not know (a TABARI stem or a misspelling)")
        return [lemma]


class Drop(Exception):
    """A pattern that cannot be expressed; the message names the construct."""


TOKEN_RE = re.compile(r"[(){}]|[^\s(){}]+")


def parse_items(tokens):
    """Groups tokens into items: ('pp', prep, [inner items]), ('np', [words]),
    ('word', w), ('mark', m)."""
    items = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "(":
            j = i + 1
            depth = 1
            while j < len(tokens) and depth:
                if tokens[j] == "(":
                    depth += 1
                elif tokens[j] == ")":
                    depth -= 1
                j += 1
            inner = tokens[i + 1:j - 1]
            if not inner:
                raise Drop("empty parentheses")
            if depth:
                raise Drop("unbalanced parentheses")
            items.append(("pp", inner[0].lower(), parse_items(inner[1:])))
            i = j
        elif t == "{":
            j = tokens.index("}", i) if "}" in tokens[i:] else -1
            if j < 0:
                raise Drop("unbalanced braces")
            inner = tokens[i + 1:j]
            if any(x in ("(", ")", "{", "$", "+", "%", "^") for x in inner):
                raise Drop("nested phrase or actor marker inside braces")
            items.append(("np", inner))
            i = j + 1
        elif t in ("$", "+", "%", "^"):
            items.append(("mark", t))
            i += 1
        elif t in (")", "}"):
            raise Drop("unbalanced parentheses")
        else:
            items.append(("word", t))
            i += 1
    return items


def group_bare_prepositions(items):
    """PETRARCH2 mostly brackets its phrases, but some patterns keep TABARI's
    bare prepositions ("* TROOP TOWARD +"): a preposition opens a phrase
    with the item after it (a leading particle stays a particle)."""
    out = []
    i = 0
    while i < len(items):
        kind, *rest = items[i]
        if kind == "word":
            w = rest[0].lower()
            if w in PREPOSITIONS and not (i == 0 and w in PARTICLES) and i + 1 < len(items) and \
                    items[i + 1][0] in ("word", "np", "mark"):
                out.append(("pp", w, [items[i + 1]]))
                i += 2
                continue
            if w in PREPOSITIONS and i > 0 and i + 1 == len(items):
                out.append(("pp", w, []))
                i += 1
                continue
        out.append(items[i])
        i += 1
    return out


def linear_to_items(tokens):
    """PETRARCH-1 / TABARI linear patterns: bare prepositions open a phrase
    with the next noun or marker; "_" joins consecutive words."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        low = t.lower().rstrip("_")
        if low in DETERMINERS:
            i += 1
            continue
        if low in PREPOSITIONS and not out and low in PARTICLES and (
                i + 1 == len(tokens) or tokens[i + 1].lower() in PREPOSITIONS):
            out.append(("word", t))
            i += 1
            continue
        if low in PREPOSITIONS:
            j = i + 1
            while j < len(tokens) and tokens[j].lower() in DETERMINERS:
                j += 1
            if j < len(tokens) and (tokens[j] in ("+", "$", "^") or tokens[j].lower() not in PREPOSITIONS):
                inner = tokens[j]
                out.append(("pp", low, [("mark", inner)] if inner in ("+", "$", "^") else
                            [("np", inner.split("_"))] if "_" in inner.strip("_") else [("word", inner)]))
                i = j + 1
                continue
            out.append(("pp", low, []))
            i += 1
            continue
        if t in ("$", "+", "%", "^"):
            out.append(("mark", t))
        elif "_" in t.strip("_"):
            out.append(("np", t.strip("_").split("_")))
        else:
            out.append(("word", t))
        i += 1
    return out


class Translated:
    def __init__(self):
        self.particles = []
        self.constraints = []  # (key, value string)
        self.target = []
        self.recip = False
        self.speech = False

    def key(self):
        return (tuple(self.particles), tuple(sorted(self.constraints)))


def value_str(v):
    if v.any:
        return "*"
    if v.actor:
        return "ACTOR"
    return "|".join(v.lemmas)


def join_compounds(items):
    """Consecutive bare words after the verb are one noun phrase, its head
    the last ("* TRADE PROTOCOL": obj=protocol, sub=trade), as TABARI read
    them; a leading particle stays apart ("* OUT VIEWS")."""
    out = []
    for i, item in enumerate(items):
        kind = item[0]
        w = item[1].lower().rstrip("_") if kind == "word" else ""
        joinable = kind == "word" and w not in PREPOSITIONS and w not in FUNCTION_WORDS and \
            w not in NEGATION and w not in DETERMINERS and not (i == 0 and w in PARTICLES)
        if joinable and out and out[-1][0] in ("word", "np") and out[-1][-1] is True:
            prev = out.pop()
            words = prev[1] if prev[0] == "np" else [prev[1]]
            out.append(("np", words + [item[1]], True))
            continue
        out.append(item + (True,) if joinable else item)
    return [x[:-1] if x and x[-1] is True else x for x in out]


def translate(tr, pre_items, post_items, linear):
    """Items on both sides of the verb -> Translated, or raises Drop."""
    post_items = join_compounds(post_items)
    out = Translated()
    lem = tr.lem
    tr.approximations = 0
    # ---- before the verb: the subject
    subj = None
    for kind, *rest in pre_items:
        if kind == "mark":
            m = rest[0]
            if m == "+":
                raise Drop("target marker before the verb (target is the subject)")
            if m == "%":
                out.recip = True
            continue
        if kind == "pp":
            raise Drop("prepositional phrase before the verb")
        if kind == "word":
            w = rest[0].lower().rstrip("_")
            if w in DETERMINERS:
                continue
            if w in NEGATION:
                out.constraints.append(("neg", ""))
                continue
            if w in FUNCTION_WORDS or (w.upper() == w and w in PREPOSITIONS):
                raise Drop("auxiliary, pronoun or other function word around the verb")
            if subj is not None:
                raise Drop("several words before the verb")
            subj = Value(tr.word_lemmas(rest[0]))
        elif kind == "np":
            words = rest[0]
            if subj is not None:
                raise Drop("several words before the verb")
            subj = Value(tr.word_lemmas(words[-1]))
            tr.approx("approximated: modifier of the subject dropped ({ADJ NOUN} before the verb)")
    if subj is not None:
        out.constraints.append(("subj", value_str(subj)))
    # ---- after the verb
    seen_arg = False  # an object or a phrase on the verb has been placed
    started = False   # anything after the verb (particles come first)

    def add_np(words, as_obj):
        heads = tr.word_lemmas(words[-1])
        mods = []
        for m in words[:-1]:
            if m.lower() in DETERMINERS:
                continue
            if m.lower() in FUNCTION_WORDS or m.lower() in NEGATION:
                raise Drop("auxiliary, pronoun or other function word around the verb")
            mods.append(tr.word_lemmas(m, noun=False))
        out.constraints.append(("obj" if as_obj else "sub", "|".join(heads)))
        for m in mods:
            out.constraints.append(("sub", "|".join(m)))
            tr.approx("approximated: {ADJ NOUN} modifier as sub= (anywhere below the verb)")

    for kind, *rest in post_items:
        if kind == "mark":
            m = rest[0]
            if m == "^":
                tr.approx("approximated: ^ (skip a phrase) ignored")
                continue
            if m == "$":
                raise Drop("source marker after the verb (source is not the subject)")
            started = True
            if m == "%":
                out.recip = True
                continue
            if not seen_arg:
                out.constraints.append(("obj", "ACTOR"))
                out.target.append("obj")
                seen_arg = True
            else:
                tr.approx("approximated: + after the object left to the default target search")
            continue
        if kind == "word":
            token = rest[0]
            w = token.lower().rstrip("_")
            if w in DETERMINERS:
                continue
            if not started and w in PARTICLES:
                out.particles.append(w)
                continue
            started = True
            if w in NEGATION:
                raise Drop("negation after the verb")
            if w in FUNCTION_WORDS:
                raise Drop("auxiliary, pronoun or other function word around the verb")
            if linear and w in PREPOSITIONS:
                raise Drop("preposition without an object")
            if token.startswith("&"):
                value = "|".join(tr.set_lemmas(token))
                noun = True
            else:
                noun = lem.is_noun(w)
                value = "|".join(tr.word_lemmas(token, noun=noun))
            if noun and not seen_arg:
                out.constraints.append(("obj", value))
                seen_arg = True
            else:
                # An adjective or adverb ("* ABLAZE", "* POSITIVELY") or a
                # second word: somewhere below the verb.
                out.constraints.append(("sub", value))
            continue
        started = True
        if kind == "np":
            words = [x for x in rest[0] if x]
            add_np(words, not seen_arg)
            seen_arg = True
            continue
        if kind == "pp":
            prep, inner = rest
            if prep in ("+", "$", "^", "%") or not LEMMA_RE.match(prep):
                raise Drop("phrase without a preposition")
            if prep not in PREPOSITIONS and prep not in PARTICLES:
                raise Drop("phrase opened by a word that is not a preposition")
            marks = [x[1] for x in inner if x[0] == "mark"]
            nouns = [x for x in inner if x[0] != "mark"]
            if "$" in marks:
                raise Drop("source marker after the verb (source is not the subject)")
            if len(nouns) > 1 or any(x[0] == "pp" for x in nouns):
                raise Drop("nested phrase inside a prepositional phrase")
            on_verb = not seen_arg
            slot = "obl:" + prep
            if not nouns:
                if "+" in marks:
                    if on_verb:
                        out.constraints.append((slot, "ACTOR"))
                        out.target.append(slot)
                    else:
                        tr.approx("approximated: + after the object left to the default target search")
                        continue
                elif on_verb:
                    out.constraints.append((slot, "*"))
                else:
                    tr.approx("approximated: bare (PREP) after the object ignored")
                continue
            kind2, *r2 = nouns[0]
            if kind2 == "word":
                w = r2[0].lower().rstrip("_")
                if w in FUNCTION_WORDS or w in NEGATION or w in DETERMINERS:
                    raise Drop("auxiliary, pronoun or other function word around the verb")
                heads = tr.word_lemmas(r2[0])
                mods = []
            else:
                words = [x for x in r2[0] if x and x.lower() not in DETERMINERS]
                for m in words:
                    if m.lower() in FUNCTION_WORDS or m.lower() in NEGATION:
                        raise Drop("auxiliary, pronoun or other function word around the verb")
                heads = tr.word_lemmas(words[-1])
                mods = [tr.word_lemmas(m, noun=False) for m in words[:-1]]
            if on_verb:
                out.constraints.append((slot, "|".join(heads)))
                if "+" in marks:
                    out.target.append(slot)
            else:
                out.constraints.append(("sub", "|".join(heads)))
                tr.approx("approximated: (PREP X) after the object as sub=x")
            for m in mods:
                out.constraints.append(("sub", "|".join(m)))
                tr.approx("approximated: {ADJ NOUN} modifier as sub= (anywhere below the verb)")
            seen_arg = True
            continue
    return out


def hand_wins(t, hand, tally):
    """A hand-written noun event ("meeting", "sanction") is coded by its own
    pattern; as the object of an imported verb pattern it would become that
    verb's theme and vanish ("delaying an imminent meeting"). So the
    hand-written nouns leave imported object lists, and a pattern left with
    none is dropped."""
    for i, (k, v) in enumerate(t.constraints):
        if k != "obj" or v in ("ACTOR", "*"):
            continue
        keep = [x for x in v.split("|") if x not in hand.nouns]
        if not keep:
            raise Drop("object is a noun event the hand-written patterns code (the noun wins)")
        if len(keep) < len(v.split("|")):
            tally.add("hand-written noun events removed from an object list")
            t.constraints[i] = (k, "|".join(keep))


def parse_code(raw, known, tally):
    """'[042:043]' -> ('042', recip?) or raises Drop."""
    raw = raw.strip()
    if raw == "---":
        raise Drop("[---] null code (suppresses the verb's default)")
    a, sep, b = raw.partition(":")
    if sep and not a:
        raise Drop("[:b] code for the target's act on the source")
    if not a.isdigit():
        raise Drop("malformed code")
    recip = bool(sep) and a == b
    if sep and b and b != a:
        tally.add("approximated: [a:b] paired code -> a (b, the reverse act, dropped)")
    if recip:
        tally.add("[a:a] paired code -> recip")
    return mapped_code(a, known, tally), recip


def mapped_code(code, known, tally):
    if code in known:
        return code
    for parent in (code[:3], code[:2] + "0"):
        if parent in known:
            tally.add("code unknown to the ontology -> parent (%s -> %s)" % (code, parent))
            return parent
    raise Drop("code unknown to the ontology")


# Word lists of events.tsv that say nothing about what a trigger means (a
# cause of deaths, a CAMEO sector, the unknown-perpetrator cues): a verb they
# name ("storm", "fire", "attack") keeps
# its imported default.
NOT_TRIGGER_LISTS = {"accidental_cause", "guessed_country_sector", "combatant_sector", "violent_means",
                     "perpetrator_verb", "quantity_noun", "contest_verb", "contest_noun",
                     "problem_noun", "place_target_code", "place_target_prep",
                     "undoing_word"}


def read_word_list(path):
    """(list, word) rows of an annals-wordlist v1 file (docs/formats/wordlists.md)."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            rec = dict(zip(header, fields))
            rows.append((rec.get("list", "").strip(), rec.get("word", "").strip()))
    return rows


class HandWritten:
    """What the hand-written patterns (data/patterns/*.patterns) say, for the
    precedence rules of docs/formats/imported.md: the trigger lemmas they
    cover (with part of speech), their noun triggers, and the words of their
    lexicons (planned_governor, light_verb...)."""

    def __init__(self, directory, lang_dir):
        self.triggers = set()  # (lemma, pos) with pos V, N, A or ""
        self.nouns = set()
        self.lexicon_words = set()
        # The coder's word lists (data/lang/en/events.tsv, function_words.tsv)
        # and the speech cues (speech.tsv): a verb a cue names is the quotes
        # stage's, the one answer to "is this a speech verb?".
        self.cues = set()
        for name in ("events.tsv", "function_words.tsv", "speech.tsv"):
            for lst, word in read_word_list(os.path.join(lang_dir, name)):
                if name == "speech.tsv":
                    if lst == "cue":
                        self.cues.add(word.split("+")[0])
                elif lst in NOT_TRIGGER_LISTS:
                    continue
                else:
                    self.lexicon_words.add(word)
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".patterns"):
                continue
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                for line in f:
                    words = line.split("#")[0].split()
                    if not words:
                        continue
                    if words[0] == "@lexicon":
                        self.lexicon_words.update(words[2:])
                        continue
                    if words[0].startswith("@") or len(words) < 3:
                        continue
                    head = words[2].split("+")[0]
                    lemmas, _, pos = head.partition("/")
                    for lemma in lemmas.split("|"):
                        self.triggers.add((lemma, pos))
                        if pos == "N":
                            self.nouns.add(lemma)

    def is_cue(self, lemma):
        """True if the quotes stage's lexicon calls the lemma a speech cue."""
        return lemma in self.cues

    def covers(self, lemma, pos):
        """True if a hand-written pattern of this part of speech (or of any)
        or a hand-written lexicon names the lemma."""
        return ((lemma, pos) in self.triggers or (lemma, "") in self.triggers or
                lemma in self.lexicon_words)


# A verb with this many WordNet senses or more ("go", "take", "come", "set")
# says nothing alone: it keeps only patterns that name a word of its context.
POLYSEMOUS_SENSES = 20


def names_a_word(t):
    """True if a constraint of `t` asks for a word (not just ACTOR, * or -)."""
    return any(k != "neg" and v not in ("ACTOR", "*", "-") for k, v in t.constraints)


class Block:
    def __init__(self, name, code, line):
        self.name, self.code, self.line = name, code, line
        self.verbs = []     # (raw word, forms, code or None, line)
        self.patterns = []  # (text, line)


def read_dictionary(path, tr):
    """Blocks and synonym sets of a PETRARCH verb file; transformations are counted."""
    blocks = []
    cur_set = None
    members = []
    block = None
    in_patterns = False
    with open(path, encoding="latin-1") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip()
        stripped = line.strip()
        if ("VERB PATTERNS" in stripped and stripped.startswith("#")) or stripped.startswith("---"):
            in_patterns = True
        if not stripped or stripped.startswith("#"):
            if cur_set and not stripped:
                tr.add_set(cur_set, members)
                cur_set = None
            continue
        if not in_patterns:
            if stripped.startswith("&"):
                if cur_set:
                    tr.add_set(cur_set, members)
                cur_set, members = stripped.split()[0], []
            elif stripped.startswith("+") and cur_set:
                members.append(stripped[1:].split("#")[0].strip())
            continue
        if cur_set:
            tr.add_set(cur_set, members)
            cur_set = None
        if stripped.startswith("~"):
            tr.tally.add("dropped: verb transformation (~ line; speech attribution and absorption cover these)")
            continue
        if stripped.startswith("---"):
            m = re.match(r"---\s*(\S+)\s*\[([^\]]*)\]", stripped)
            if not m:
                tr.tally.add("dropped: malformed block header")
                block = None
                continue
            block = Block(m.group(1), m.group(2).strip(), n)
            blocks.append(block)
            continue
        if block is None:
            continue
        if stripped.startswith("-"):
            block.patterns.append((stripped[1:], n))
            continue
        # A verb line: WORD [{forms}] [[code]] [# comment]
        body = stripped.split("#")[0]
        forms = []
        m = re.search(r"\{([^}]*)\}", body)
        if m:
            forms = m.group(1).replace(",", " ").split()
            body = body[:m.start()] + body[m.end():]
        code = None
        m = re.search(r"\[([^\]]*)\]", body)
        if m:
            code = m.group(1).strip()
            body = body[:m.start()] + body[m.end():]
        words = body.split()
        if not words:
            continue
        block.verbs.append((words[0], forms, code, n))
    if cur_set:
        tr.add_set(cur_set, members)
    return blocks


def verb_trigger(raw, lem):
    """'+CALL_OFF' -> ('call', ['off'], []); 'WIRE_+TAP' -> ('tap', ['wire'], []);
    '+ASK_FOR' -> ('ask', [], [('obl:for', '*')]): a preposition of a
    multiword verb is a constraint on its phrase, not a particle, so that
    "go to" does not match "going to meet" (the "to" of a clause)."""
    word = raw.strip()
    parts = [p for p in word.split("_") if p]
    if len(parts) == 1:
        w = parts[0].lstrip("+")
        return lem.verb(w), [], []
    head_i = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    head = parts[head_i].lstrip("+").lower()
    if head in FUNCTION_WORDS:
        raise Drop("multiword verb headed by an auxiliary (IS_DETERMINED)")
    particles = []
    obl = []
    for i, p in enumerate(parts):
        if i == head_i:
            continue
        w = p.lstrip("+").lower()
        if w in ("and", "the", "a", "an", "or"):
            continue
        if w in PREPOSITIONS and particles:
            # "get hold of": "of" hangs below "hold", not on the verb.
            continue
        if w in PREPOSITIONS and w not in PARTICLES and i > head_i:
            obl.append(("obl:" + w, "*"))
            continue
        particles.append(lem.content(w) if w not in PREPOSITIONS and w not in PARTICLES else w)
    return lem.verb(head), particles, obl


def format_line(pid, code, trigger, t, comment):
    fields = [pid.ljust(30), code.ljust(5), trigger.ljust(22)]
    opts = ["%s=%s" % (k, v) if k != "neg" else "neg" for k, v in t.constraints]
    if t.target:
        opts.append("target=" + ",".join(dict.fromkeys(t.target)))
    if t.recip:
        opts.append("recip")
    if t.speech:
        opts.append("speech")
    line = " ".join(fields) + " " + " ".join(opts)
    line = line.rstrip()
    if comment:
        line += "  # " + comment
    return line


def import_file(path, prefix, tr, known, hand, skip_keys=None, skip_defaults=None, linear=False,
                exact_only=False):
    """Returns (pattern lines, {trigger: set(keys)}, {lemma: default code},
    irregular {form: lemma})."""
    tally = tr.tally
    blocks = read_dictionary(path, tr)
    lines = []
    keys = collections.defaultdict(set)
    defaults = {}
    irregular = {}
    used_ids = set()
    for block in blocks:
        verbs = []
        for raw, forms, code, vline in block.verbs:
            try:
                lemma, particles, extra = verb_trigger(raw, tr.lem)
            except Drop as d:
                tally.add("dropped verb: %s" % d)
                continue
            if not LEMMA_RE.match(lemma) or not all(LEMMA_RE.match(p) for p in particles):
                tally.add("dropped verb: characters a lemma cannot have")
                continue
            vcode = code if code is not None else block.code
            verbs.append((lemma, particles, extra, vcode, raw))
            for form in forms:
                fw = form.lstrip("+").split("_")
                head = [x for x in fw if x]
                if len(head) != 1:
                    # "+CALLED_OFF": the head form of a multiword verb.
                    plus = [x.lstrip("+") for x in form.split("_") if x.startswith("+")]
                    head = plus[:1]
                if not head:
                    continue
                f_low = head[0].lower()
                if tr.lem.wn.irregular(f_low, "v") == lemma and lemma not in regular_candidates(f_low) and not any(
                        tr.lem.wn.has(f_low, p) for p in ("n", "v", "a")):
                    irregular.setdefault(f_low, lemma)
        # Translate the block's patterns once; every verb shares them.
        translated = []
        takes_hand_nouns = set()
        for idx, (text, pline) in enumerate(block.patterns, 1):
            body, _, comment = text.partition("#")
            comment = " ".join(comment.split())
            m = re.search(r"\[([^\]]*)\]\s*$", body.strip())
            if not m:
                m = list(re.finditer(r"\[([^\]]*)\]", body))
                m = m[-1] if m else None
            if not m:
                tally.add("dropped pattern: no code")
                continue
            try:
                code, recip = parse_code(m.group(1).rstrip("!"), known, tally)
                if m.group(1).endswith("!"):
                    tally.add("approximated: code with a stray '!' read without it")
                pattern = body[:m.start()].strip()
                tokens = TOKEN_RE.findall(pattern)
                if linear and any("*" in t and t != "*" for t in tokens):
                    raise Drop("verb inside a phrase (WAS_*_WOUNDED)")
                if "*" not in tokens:
                    raise Drop("no verb position '*'")
                star = tokens.index("*")
                if linear:
                    pre, post = linear_to_items(tokens[:star]), linear_to_items(tokens[star + 1:])
                    content = [x for x in pre + post if x[0] != "mark"]
                    if len([x for x in pre if x[0] != "mark"]) > 1 or len(content) > 2:
                        raise Drop("long TABARI phrase (more than 2 words around the verb)")
                else:
                    pre = parse_items(tokens[:star])
                    post = group_bare_prepositions(parse_items(tokens[star + 1:]))
                t = translate(tr, pre, post, linear)
                try:
                    hand_wins(t, hand, tally)
                except Drop:
                    # The comment names the verb(s) the pattern was written for.
                    takes_hand_nouns.update(re.findall(r"[A-Z][A-Z_'-]+", comment))
                    raise
                if exact_only and tr.approximations:
                    raise Drop("approximate translation of a PETRARCH-1 pattern (kept only when exact)")
                t.recip = t.recip or recip
                if not t.constraints and not t.particles:
                    raise Drop("nothing left to match once translated")
                translated.append((idx, code, t, comment))
                tally.add("patterns translated (per block, before sharing with its verbs)")
            except Drop as d:
                tally.add("dropped pattern: %s" % d)
        # One line per block pattern and per verb signature (particles and
        # the phrase a multiword verb needs): the block's verbs with that
        # signature share it as trigger alternatives.
        block_id = "%s.%s" % (prefix, block.name.lower().replace("_", "-"))
        if block_id in used_ids:
            block_id += "-%d" % block.line
        used_ids.add(block_id)

        def combine(particles, extra, t):
            c = Translated()
            c.particles = particles + [x for x in t.particles if x not in particles]
            c.constraints = list(t.constraints)
            for key, value in extra:
                # "ask for" + "(FOR HELP)": the phrase is already required.
                if not any(k == key for k, _ in c.constraints):
                    c.constraints.insert(0, (key, value))
            c.target, c.recip, c.speech = t.target, t.recip, t.speech
            return c

        def new_for(lemma, t):
            trigger = lemma + "/V" + "".join("+" + x for x in t.particles)
            k = t.key()
            if k in keys[trigger] or (skip_keys and (trigger,) + k in skip_keys):
                return False
            keys[trigger].add(k)
            return True

        def emit(pid, code, lemmas, t, comment):
            trig = "|".join(dict.fromkeys(lemmas)) + "/V" + "".join("+" + x for x in t.particles)
            lines.append(format_line(pid, code, trig, t, comment))

        def sig_name(particles, extra):
            return "".join("." + x for x in particles) + "".join(
                "." + k.split(":")[1] for k, _ in extra)

        # Defaults: verbs grouped by code and signature.
        groups = collections.OrderedDict()
        for lemma, particles, extra, vcode, raw in verbs:
            trigger = lemma + "/V" + "".join("+" + x for x in particles)
            if not vcode or vcode == "---":
                tally.add("verbs without a default code ([---])")
                continue
            if skip_defaults and trigger in skip_defaults:
                continue
            if not particles and not extra and hand.covers(lemma, "V"):
                tally.add("verb default not written: hand-written patterns or lexicons cover the verb")
                continue
            if raw.lstrip("+").upper() in takes_hand_nouns:
                # PETRARCH codes this verb with hand-written noun events as
                # objects ("postpone a meeting"); its default would take
                # those nouns as its theme too, and hide them.
                tally.add("verb default not written: the verb takes hand-written noun events as objects")
                continue
            try:
                dcode = mapped_code(vcode.split(":")[0], known, tally)
            except Drop as d:
                tally.add("dropped verb default: %s" % d)
                continue
            if len(tr.lem.wn.synsets(lemma, "v")) >= POLYSEMOUS_SENSES:
                tally.add("verb default not written: the verb has %d+ WordNet senses" % POLYSEMOUS_SENSES)
                continue
            d = combine(particles, extra, Translated())
            d.speech = dcode == "010"
            if d.speech and not hand.is_cue(lemma):
                # A 010 default on a verb that is no speech cue ("watch",
                # "assess", "outline") would code a statement wherever it
                # has a subject: it is not written.
                tally.add("verb default 010 not written: the verb is not a speech cue (data/lang/en/speech.tsv)")
                continue
            if not new_for(lemma, d):
                tally.add("verb default not written: the verb already has one")
                continue
            defaults.setdefault(trigger, dcode)
            groups.setdefault((dcode, tuple(particles), tuple(extra)), []).append(lemma)
            tally.add("verb defaults (pattern without constraints), one per verb")
            if d.speech:
                tally.add("verb defaults with code 010 marked speech (coded as the statements rule says)")
        for (dcode, particles, extra), lemmas in groups.items():
            d = combine(list(particles), list(extra), Translated())
            d.speech = dcode == "010"
            pid = block_id + ".0" + ("" if dcode == block.code else "." + dcode) + sig_name(particles, extra)
            emit(pid, dcode, lemmas, d, "default (block %s)" % block.name)
        # Patterns.
        for idx, code, t, comment in translated:
            by_sig = collections.OrderedDict()
            for lemma, particles, extra, vcode, raw in verbs:
                c = combine(particles, extra, t)
                if not names_a_word(c) and len(tr.lem.wn.synsets(lemma, "v")) >= POLYSEMOUS_SENSES:
                    tally.add("pattern not given to a verb with %d+ WordNet senses: it names no word"
                              % POLYSEMOUS_SENSES)
                    continue
                if not new_for(lemma, c):
                    tally.add("pattern not given to a verb: it has the same trigger and constraints already")
                    continue
                by_sig.setdefault((tuple(particles), tuple(extra)), (c, []))[1].append(lemma)
                tally.add("patterns given to a verb (block patterns x verbs)")
            for (particles, extra), (c, lemmas) in by_sig.items():
                pid = "%s.%d" % (block_id, idx) + sig_name(particles, extra)
                emit(pid, code, lemmas, c, comment)
                tally.add("pattern lines written")
    return lines, keys, defaults, irregular


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--p1", nargs=2, metavar=("SOURCE", "OUT"))
    ap.add_argument("--cameo", default="data/ontology/cameo_events.tsv")
    ap.add_argument("--hand", default="data/patterns",
                    help="the hand-written patterns, which win (default: data/patterns)")
    ap.add_argument("--lang", default="data/lang/en",
                    help="the hand-written word lists and speech cues, which win (default: data/lang/en)")
    ap.add_argument("--prefix", default="p2")
    ap.add_argument("--script-name", default="petrarch_verbs.py")
    a = ap.parse_args()
    wn = WordNet()
    known = read_codes(a.cameo)
    lem = Lemmatizer(wn)

    tally = Tally()
    tr = Translator(lem, tally)
    hand = HandWritten(a.hand, a.lang)
    lines, keys, defaults, irregular = import_file(a.source, a.prefix, tr, known, hand)
    all_keys = {(trig,) + k for trig, ks in keys.items() for k in ks}
    write_patterns(a.out, a.script_name, [a.source], tally, lines, irregular, set())
    tally.report(a.out)

    if a.p1:
        tally1 = Tally()
        tr1 = Translator(lem, tally1)
        lines1, _, _, irregular1 = import_file(a.p1[0], "p1", tr1, known, hand, skip_keys=all_keys,
                                               skip_defaults=set(defaults) | set(keys), linear=True,
                                               exact_only=True)
        write_patterns(a.p1[1], a.script_name, [a.p1[0]], tally1, lines1, irregular1,
                       set(irregular))
        tally1.report(a.p1[1])


def write_patterns(path, script, sources, tally, lines, irregular, skip_irregular):
    head = ["# format: annals-patterns v1"] + banner(script, sources, wordnet=True)
    head += ["# Translated by the rules in docs/formats/imported.md; every pattern ranks",
             "# below the hand-written ones (data/patterns/*.patterns). The comment of a",
             "# line is PETRARCH's: the verb the pattern was written for.",
             "# What the translation did, per construct:"]
    head += tally.lines()
    by_lemma = collections.defaultdict(list)
    for form, lemma in sorted(irregular.items()):
        if form not in skip_irregular:
            by_lemma[lemma].append(form)
    body = []
    if by_lemma:
        body.append("")
        body.append("# Irregular forms the dictionary lists and WordNet confirms.")
        for lemma in sorted(by_lemma):
            body.append("@lemma %s %s" % (lemma, " ".join(by_lemma[lemma])))
    body.append("")
    write_file(path, head + body + lines)


if __name__ == "__main__":
    main()
