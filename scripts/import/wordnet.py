"""WordNet 3.0 read directly from its data files (Debian package wordnet-base,
/usr/share/wordnet): lemmas of inflected forms (the exception lists plus
WordNet's own "morphy" suffix rules), sense order, lexicographer files and
derivational links. Used by the importers to turn PETRARCH's upper-case,
inflected dictionary words into the lower-case lemmas Annals' patterns use,
and to find the nouns that name a verb's event (derivations.py).

Nothing here is shipped: only the files the importers write are.
"""
import os

WORDNET_DIR = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")

# Lexicographer file numbers (WordNet's lexnames(5WN)) the importers need.
LEX_NAMES = {
    4: "noun.act", 9: "noun.cognition", 10: "noun.communication", 11: "noun.event",
    14: "noun.group", 18: "noun.person", 22: "noun.process", 26: "noun.state",
}

# WordNet's morphy detachment rules, by part of speech (morph.c).
_RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
          ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


class WordNet:
    def __init__(self, directory=WORDNET_DIR):
        self.dir = directory
        if not os.path.isfile(os.path.join(directory, "index.noun")):
            raise SystemExit(
                "WordNet not found in %s: install Debian's wordnet-base "
                "(scripts/packages.txt lists it as a refresh-only package)" % directory)
        # lemma -> list of synset offsets in sense order, per POS
        self.index = {p: self._read_index(f) for p, f in _FILES.items()}
        self.exc = {p: self._read_exc(f) for p, f in _FILES.items()}
        self._data = {}

    def _read_index(self, name):
        out = {}
        with open(os.path.join(self.dir, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                lemma, n_synsets, n_ptr = parts[0], int(parts[2]), int(parts[3])
                offsets = parts[4 + n_ptr + 2:4 + n_ptr + 2 + n_synsets]
                out[lemma] = [int(o) for o in offsets]
        return out

    def _read_exc(self, name):
        out = {}
        path = os.path.join(self.dir, name + ".exc")
        with open(path, encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    out.setdefault(parts[0], parts[1])
        return out

    def has(self, lemma, pos):
        return lemma.replace(" ", "_") in self.index[pos]

    def base_forms(self, word, pos):
        """The lemmas `word` may be an inflection of, as WordNet's morphy
        finds them (the word itself first when it is a lemma)."""
        w = word.lower().replace(" ", "_")
        out = []
        if w in self.index[pos]:
            out.append(w)
        if w in self.exc[pos]:
            out.append(self.exc[pos][w])
        for suffix, repl in _RULES.get(pos, []):
            if w.endswith(suffix) and len(w) > len(suffix):
                b = w[: len(w) - len(suffix)] + repl
                if b in self.index[pos] and b not in out:
                    out.append(b)
        return out

    def irregular(self, form, pos):
        """The lemma of an irregular form from the exception list, or None."""
        return self.exc[pos].get(form.lower())

    def synsets(self, lemma, pos):
        return self.index[pos].get(lemma.replace(" ", "_"), [])

    def synset(self, pos, offset):
        """(lex_filenum, [words], [(pointer, offset, pos, source, target)])."""
        if pos not in self._data:
            with open(os.path.join(self.dir, "data." + _FILES[pos]), "rb") as f:
                self._data[pos] = f.read()
        data = self._data[pos]
        end = data.index(b"\n", offset)
        fields = data[offset:end].decode("latin-1").split(" | ")[0].split()
        lex = int(fields[1])
        n_words = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(n_words)]
        k = 4 + 2 * n_words
        n_ptr = int(fields[k])
        ptrs = []
        for i in range(n_ptr):
            sym, off, ppos, st = fields[k + 1 + 4 * i: k + 5 + 4 * i]
            ppos = "a" if ppos == "s" else ppos
            ptrs.append((sym, int(off), ppos, int(st[:2], 16), int(st[2:], 16)))
        return lex, words, ptrs
