// Loading WordNet's lemma index and exception lists (see wordnet.h).
#include "syntax/wordnet.h"

#include "base/file.h"
#include "base/tsv.h"

namespace annals::syntax {
namespace {

// Bit of a part-of-speech letter in the data files; 0 for an unknown one.
uint8_t PosBit(char c) {
  switch (c) {
    case 'n': return 1u << static_cast<int>(WordNetPos::kNoun);
    case 'v': return 1u << static_cast<int>(WordNetPos::kVerb);
    case 'a': return 1u << static_cast<int>(WordNetPos::kAdj);
    case 'r': return 1u << static_cast<int>(WordNetPos::kAdv);
    default: return 0;
  }
}

bool HasSpace(std::string_view s) {
  return s.find(' ') != std::string_view::npos;
}

// Bits of a part-of-speech field ("nv"); false for an unknown or repeated letter.
bool PosBits(std::string_view field, uint8_t* bits) {
  *bits = 0;
  for (char c : field) {
    const uint8_t bit = PosBit(c);
    if (bit == 0 || (*bits & bit) != 0) return false;
    *bits |= bit;
  }
  return true;
}

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

Result<std::shared_ptr<const WordNet>> WordNet::Load(const std::string& dir) {
  const std::string lemmas_path = JoinPath(dir, "wordnet-lemmas.tsv");
  const std::string exceptions_path = JoinPath(dir, "wordnet-exceptions.tsv");
  Result<std::string> lemmas = ReadFile(lemmas_path);
  if (!lemmas.ok()) return Status::DataError("WordNet lexicon: " + lemmas.status().message());
  Result<std::string> exceptions = ReadFile(exceptions_path);
  if (!exceptions.ok()) {
    return Status::DataError("WordNet lexicon: " + exceptions.status().message());
  }
  return Parse(std::move(lemmas).value(), lemmas_path, std::move(exceptions).value(),
               exceptions_path);
}

Result<std::shared_ptr<const WordNet>> WordNet::Parse(std::string lemmas_text,
                                                      const std::string& lemmas_path,
                                                      std::string exceptions_text,
                                                      const std::string& exceptions_path) {
  auto wn = std::make_shared<WordNet>();
  Result<TsvTable> lemmas = TsvTable::Parse(std::move(lemmas_text), lemmas_path);
  if (!lemmas.ok()) return lemmas.status();
  if (Status st = lemmas->RequireColumns({"lemma", "pos", "cased_pos", "cased"}); !st.ok()) return st;
  wn->lemmas_.reserve(lemmas->rows().size());
  for (const TsvRow& row : lemmas->rows()) {
    const std::string_view lemma = row.Get("lemma");
    const std::string_view pos = row.Get("pos");
    if (lemma.empty() || HasSpace(lemma)) {
      return Status::DataError(row.FieldError("lemma", "empty or spaced lemma"));
    }
    Entry entry;
    if (!PosBits(pos, &entry.pos)) {
      return Status::DataError(row.FieldError("pos", "unknown or repeated part of speech (n, v, a, r)"));
    }
    if (entry.pos == 0) return Status::DataError(row.FieldError("pos", "no part of speech"));
    if (!PosBits(row.Get("cased_pos"), &entry.cased_pos) || (entry.cased_pos & ~entry.pos) != 0) {
      return Status::DataError(
          row.FieldError("cased_pos", "unknown or repeated part of speech, or one the lemma lacks"));
    }
    entry.cased = std::string(row.Get("cased"));
    if ((entry.cased_pos == 0) != entry.cased.empty() ||
        (!entry.cased.empty() && !EqualIgnoringAsciiCase(entry.cased, lemma))) {
      return Status::DataError(
          row.FieldError("cased", "must spell the lemma, and be given exactly when cased_pos is"));
    }
    if (!wn->lemmas_.emplace(std::string(lemma), std::move(entry)).second) {
      return Status::DataError(row.FieldError("lemma", "repeated lemma"));
    }
  }

  Result<TsvTable> exceptions = TsvTable::Parse(std::move(exceptions_text), exceptions_path);
  if (!exceptions.ok()) return exceptions.status();
  if (Status st = exceptions->RequireColumns({"form", "pos", "lemmas"}); !st.ok()) return st;
  for (const TsvRow& row : exceptions->rows()) {
    const std::string_view form = row.Get("form");
    const std::string_view pos = row.Get("pos");
    if (form.empty() || HasSpace(form)) {
      return Status::DataError(row.FieldError("form", "empty or spaced form"));
    }
    if (pos.size() != 1 || PosBit(pos[0]) == 0) {
      return Status::DataError(row.FieldError("pos", "unknown part of speech (n, v, a, r)"));
    }
    std::vector<std::string>& out =
        wn->exceptions_[std::string(form)][static_cast<size_t>(__builtin_ctz(PosBit(pos[0])))];
    if (!out.empty()) return Status::DataError(row.FieldError("form", "repeated form for this part of speech"));
    for (std::string_view l : SplitString(row.Get("lemmas"), ' ')) {
      if (l.empty()) return Status::DataError(row.FieldError("lemmas", "empty lemma"));
      out.emplace_back(l);
    }
    ++wn->exception_count_;
  }
  return std::shared_ptr<const WordNet>(std::move(wn));
}

bool WordNet::IsLemma(std::string_view word, WordNetPos pos) const {
  auto it = lemmas_.find(word);
  return it != lemmas_.end() && (it->second.pos & (1u << static_cast<int>(pos))) != 0;
}

std::string_view WordNet::CasedSpelling(std::string_view word, WordNetPos pos) const {
  auto it = lemmas_.find(word);
  if (it == lemmas_.end() || (it->second.cased_pos & (1u << static_cast<int>(pos))) == 0) return {};
  return it->second.cased;
}

const std::vector<std::string>* WordNet::Exceptions(std::string_view word, WordNetPos pos) const {
  auto it = exceptions_.find(word);
  if (it == exceptions_.end()) return nullptr;
  const std::vector<std::string>& v = it->second[static_cast<size_t>(pos)];
  return v.empty() ? nullptr : &v;
}

}  // namespace annals::syntax
