// Model file reading/writing and the per-sentence analysis (see
// syntax_model.h).
#include "syntax/syntax_model.h"

#include <zstd.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string_view>

#include "base/ascii.h"
#include "base/file.h"
#include "base/hash.h"
#include "base/one_of.h"

namespace annals::syntax {
namespace {

constexpr std::string_view kMagic = "annals-syntax-model\n";
constexpr uint64_t kMaxPayload = 1ull << 31;  // refuse absurd sizes before allocating


}  // namespace

// The test for a verbless sentence is deliberately narrow: EWT has many
// verbless fragments, news few, and a wrong VBD costs a whole parse.
void RepairVerblessTags(const Tagger& tagger, std::vector<int>* tags) {
  const int vbd = tagger.Find("VERB", "VBD");
  if (vbd < 0 || tags->size() < 3) return;
  const std::vector<int>& t = *tags;
  if (tagger.xpos(t.back()) != ".") return;
  for (int tag : t) {
    if (In(tagger.xpos(tag), {"VBD", "VBZ", "VBP", "MD"})) return;
  }
  bool noun = false;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const std::string& upos = tagger.upos(t[i]);
    if (tagger.xpos(t[i]) == "VBN") {
      if (noun && In(tagger.upos(t[i + 1]), {"DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON"})) {
        (*tags)[i] = vbd;
      }
      return;
    }
    // A preposition inside the noun phrase ("Dozens of gunmen", "Police in
    // Caracas") once it has its noun.
    if (!In(upos, {"DET", "NUM", "ADJ", "NOUN", "PROPN"}) && !(noun && upos == "ADP")) return;
    if (upos == "NOUN" || upos == "PROPN") noun = true;
  }
}

bool EndsInS(std::string_view w) { return w.size() > 2 && (w.back() == 's' || w.back() == 'S'); }

void RepairPresentTenseTags(const Tagger& tagger, const Lemmatizer& lemmatizer, const std::vector<std::string_view>& forms,
                            const std::vector<WordInfo>& words, std::vector<int>* tags) {
  const int nns = tagger.Find("NOUN", "NNS");
  const int vbp = tagger.Find("VERB", "VBP");
  const int vbz = tagger.Find("VERB", "VBZ");
  const WordNet* wordnet = lemmatizer.wordnet();
  const size_t n = tags->size();
  if (nns < 0 || vbp < 0 || n < 4 || forms.size() != n || words.size() != n) return;
  const std::vector<int>& t = *tags;
  if (tagger.xpos(t.back()) != ".") return;
  auto xpos = [&](size_t i) -> const std::string& { return tagger.xpos(t[i]); };
  auto upos = [&](size_t i) -> const std::string& { return tagger.upos(t[i]); };
  // The base-form verb after the subject: read as a noun or adjective, a
  // verb in training or in WordNet, not itself in -s.
  bool finite = false;
  for (int tag : t) finite = finite || In(tagger.xpos(tag), {"VBD", "VBZ", "VBP", "MD"});
  // With no finite verb in the sentence, the verb may have been read as
  // any word class ("Philippine police arrest/IN a student", "Two trains
  // collide/RB near", "Indian authorities declare/VBG a"), but not in the
  // form of a participle or gerund.
  auto base_form_read_as = [&](size_t j) {
    if (In(upos(j), {"NOUN", "ADJ"})) return true;
    if (finite) return false;
    // Not a real adverb or preposition ("near", "down"): a verb in training
    // that it never saw in the class it got.
    if (In(upos(j), {"ADV", "ADP"})) return tagger.Seen(words[j], "VERB") && !tagger.Seen(words[j], upos(j));
    const std::string lower = AsciiLower(forms[j]);
    return In(xpos(j), {"VBG", "VBN"}) && !lower.ends_with("ing") && !lower.ends_with("ed") && !lower.ends_with("en");
  };
  auto verb_after = [&](size_t j) {
    if (j + 1 >= n || !base_form_read_as(j) || EndsInS(forms[j])) return false;
    return tagger.Seen(words[j], "VERB") ||
           (wordnet != nullptr && wordnet->IsLemma(AsciiLower(forms[j]), WordNetPos::kVerb));
  };
  // A modifier that can only be an adjective ("Ukrainian", "Israeli"): after
  // a name the -s word may well be the verb ("Trump attacks reform").
  auto adjective = [&](size_t j) {
    return upos(j) == "ADJ" || tagger.Seen(words[j], "ADJ") ||
           (wordnet != nullptr && wordnet->IsLemma(AsciiLower(forms[j]), WordNetPos::kAdj));
  };
  // A word in -s that is a verb: in the tag dictionary, or its lemma as a
  // VBZ a WordNet verb ("announces", "arrests", "carries").
  auto verb_s = [&](size_t j) {
    if (tagger.Seen(words[j], "VERB")) return true;
    return wordnet != nullptr && vbz >= 0 &&
           wordnet->IsLemma(AsciiLower(lemmatizer.Lemma(forms[j], vbz)), WordNetPos::kVerb);
  };
  // Through the opening noun phrase (determiners, numerals, adjectives,
  // names, nouns, possessive 's) to the first place the verb should be.
  std::vector<int> forced(n, -1);
  size_t i = 0;
  bool noun = false, plural = false, pp = false, coordinated = false;
  // The word before k, past adverbs in a sentence with no finite verb ("The
  // U.S. Air Force later confirms", "The court unanimously votes").
  auto before = [&](size_t k) {
    size_t j = k - 1;
    while (!finite && j > 0 && (upos(j) == "ADV" || (pp && forms[j] == ","))) --j;
    return j;
  };
  for (size_t k = 0; k < n && i == 0; ++k) {
    if (xpos(k) == "VBZ") {
      // "Israeli forces fire a missile", "Ukrainian drones attack": the plural
      // noun was taken for the verb and the verb for a noun. After a name
      // the -s word may be the verb ("Trump attacks reform"), unless the
      // base form is followed by the opening of its own object, a
      // determiner or numeral: "Houthi forces fire a missile", "Hamas
      // fighters free three hostages" (a noun object is never followed by
      // one).
      const bool object_follows = k + 2 < n && In(upos(k + 2), {"DET", "NUM"});
      if (k > 0 && EndsInS(forms[k]) && (adjective(k - 1) || (upos(k - 1) == "PROPN" && object_follows)) &&
          (tagger.Seen(words[k], "NOUN") || !tagger.Seen(words[k], "VERB")) &&
          verb_after(k + 1)) {
        forced[k] = nns;
        forced[k + 1] = vbp;
        i = k;
      }
      break;
    }
    // "Puntland forces carry out drone strikes": the verb after the plural
    // subject read as a bare infinitive (VB), a later noun in -s as the
    // finite verb. A plural subject's verb in the present is VBP.
    // So is one after a plural subject with a prepositional phrase ("Israeli
    // strikes in the Gaza Strip kill 35").
    if (xpos(k) == "VB" && k > 0 && (In(xpos(k - 1), {"NNS", "NNPS"}) || (plural && pp))) {
      forced[k] = vbp;
      i = k;
      break;
    }
    // In a sentence with no finite verb, an adverb between the subject and
    // its verb (see before()), a place in apposition ("Police in
    // Stuttgart, Germany, arrest") and a parenthesised acronym ("The
    // Security Council (UNSC) convenes") stay inside the subject.
    if (!finite && noun && k + 1 < n && (upos(k) == "ADV" || (pp && forms[k] == ","))) continue;
    if (!finite && noun && xpos(k) == "-LRB-") {
      size_t close = k + 1;
      while (close < n && In(upos(close), {"PROPN", "NOUN"})) ++close;
      if (close == k + 1 || close + 1 >= n || xpos(close) != "-RRB-") break;
      k = close;
      continue;
    }
    // A preposition inside the noun phrase once it has its noun ("Police in
    // Caracas", "Dozens of gunmen").
    if (noun && upos(k) == "ADP") {
      pp = true;
      continue;
    }
    // Coordinated names are a plural subject ("Prime minister Abiy Ahmed
    // and president Hassan Sheikh Mohamud meet in Addis Ababa"); with no
    // finite verb, so are coordinated plurals ("Protests and riots erupt
    // across", "Greenlanders and other citizens of Greenland vote").
    if (noun && upos(k) == "CCONJ" && AsciiLower(forms[k]) == "and" &&
        (upos(k - 1) == "PROPN" || (!finite && xpos(k - 1) == "NNS"))) {
      coordinated = true;
      continue;
    }
    // With no finite verb, a hyphen inside a name or compound ("Al-Shabaab
    // targets", "The Lewotobi Laki-Laki volcano erupts").
    if (!finite && noun && xpos(k) == "HYPH" && k + 1 < n && In(upos(k + 1), {"NOUN", "PROPN"})) continue;
    if (!In(upos(k), {"DET", "NUM", "ADJ", "NOUN", "PROPN"}) && xpos(k) != "POS") break;
    // A determiner right after a noun opens another noun phrase: the plural
    // before it was no subject ("The overhaul cuts the tax from a four-tier
    // structure to" has no plural subject with a prepositional phrase).
    if (k > 0 && upos(k) == "DET" && In(upos(k - 1), {"NOUN", "PROPN"})) plural = false;
    if (In(upos(k), {"NOUN", "PROPN"})) noun = true;
    if (!pp && In(xpos(k), {"NNS", "NNPS"})) plural = true;
    // "Ghanaian soldiers open fire on miners": no finite verb at all, or a
    // base form that opens its object with a determiner or numeral ("The
    // Houthis launch a missile at Israel, which is intercepted"). A name in
    // -s after "the" is a plural ("The Houthis").
    const bool plural_name = xpos(k) == "NNP" && EndsInS(forms[k]) && k > 0 && AsciiLower(forms[k - 1]) == "the";
    const bool opens_object = k + 2 < n && In(upos(k + 2), {"DET", "NUM"});
    const bool plural_subject = In(xpos(k), {"NNS", "NNPS"}) || plural_name ||
                                (coordinated && upos(k) == "PROPN");
    // Sentence-initial only for a word never seen as a verb ("Police open
    // fire", "Citizens vote"; not "Sounds good").
    if ((!finite || opens_object) && (k > 0 || !tagger.Seen(words[k], "VERB")) && plural_subject &&
        verb_after(k + 1)) {
      forced[k + 1] = vbp;
      i = k + 1;
      break;
    }
    // The plural subject's prepositional phrase swallowed its verb in a
    // sentence with no finite verb: "Citizens of Vanuatu vote for ...",
    // "Several mortars from Al-Shabaab militants strike Aden Adde": a base
    // form after the phrase's noun that opens a complement (a preposition,
    // determiner, numeral, "to", pronoun or name).
    if (!finite && plural && pp && k + 1 < n && In(upos(before(k)), {"NOUN", "PROPN"}) && verb_after(k) &&
        In(upos(k + 1), {"ADP", "DET", "NUM", "PART", "PRON", "PROPN"})) {
      forced[k] = vbp;
      i = k;
      break;
    }
    // "The Syrian government orders the military to ...", "Castro
    // announces that she ...", "Bulgarian police arrests 35 people": a
    // singular subject's verb in -s read as a plural noun. Before a
    // determiner, numeral, pronoun or name it is the verb; before other
    // words only when the tagger never saw it as a noun ("announces that")
    // or the sentence has no finite verb ("The court sentences former
    // president X"), for "the peace talks in Geneva ended" is a noun.
    // The subject's head may be read as an adjective too ("The Israeli
    // military intercepts a missile"): then only before a determiner or
    // numeral, and only a word the tagger has seen as a noun.
    // With no finite verb in the sentence, the subject may also end in a
    // plural name ("The House of Representatives votes 243 to 140",
    // "Caribbean Airlines halts all flights") or a parenthesised acronym
    // ("The Security Council (UNSC) convenes to"), in a plural noun before
    // a determiner or numeral ("Human Services issues a"), and the verb may
    // open its object with an adjective ("conducts multiple airstrikes") or
    // be coordinated ("ignites and spreads"); an adjective-read head takes
    // a name as object as well ("The Israeli military strikes Evin Prison").
    const size_t p = k > 0 ? before(k) : 0;
    const bool noun_as_adj = k > 0 && xpos(p) == "JJ" && tagger.Seen(words[p], "NOUN");
    const bool det_next = k + 1 < n && In(upos(k + 1), {"DET", "NUM"});
    const bool subject_end = In(xpos(p), {"NN", "NNP"}) || noun_as_adj ||
                             (!finite && (In(xpos(p), {"NNPS", "-RRB-"}) || (xpos(p) == "NNS" && det_next)));
    if (i == 0 && vbz >= 0 && k > 0 && xpos(k) == "NNS" && subject_end && k + 1 < n && EndsInS(forms[k]) &&
        verb_s(k)) {
      const bool strong = det_next || (!finite && (In(upos(k + 1), {"ADJ", "CCONJ", "PROPN"}) || xpos(k + 1) == "NNS")) ||
                          (!noun_as_adj && (upos(k + 1) == "PROPN" || (upos(k + 1) == "PRON" && xpos(k + 1) == "PRP")));
      const bool weak = !noun_as_adj &&
                        (In(upos(k + 1), {"ADP", "SCONJ", "PART", "ADJ", "ADV"}) || AsciiLower(forms[k + 1]) == "that") &&
                        (!tagger.Seen(words[k], "NOUN") || !finite);
      if (strong || weak) {
        forced[k] = vbz;
        i = k;
      }
    }
  }
  if (i == 0) return;
  for (size_t k = 0; k < n; ++k) {
    if (forced[k] < 0 && k < i) forced[k] = t[k];  // the subject keeps its tags
  }
  tagger.TagWith(words, forced, tags);
}

SyntaxModel::SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, Parser parser,
                         std::string description)
    : tagger_(std::move(tagger)),
      lemmatizer_(std::move(lemmatizer)),
      parser_(std::move(parser)),
      description_(std::move(description)) {
  std::vector<std::string> upos, xpos;
  for (int t = 0; t < tagger_.classes(); ++t) {
    upos.push_back(tagger_.upos(t));
    xpos.push_back(tagger_.xpos(t));
  }
  lemmatizer_.SetTagNames(upos, xpos);
}

std::string SyntaxModel::Serialize() const {
  ByteWriter payload;
  payload.Str(description_);
  tagger_.Write(&payload);
  lemmatizer_.Write(&payload);
  parser_.Write(&payload);
  const std::string& raw = payload.data();
  std::string compressed(ZSTD_compressBound(raw.size()), '\0');
  const size_t csize = ZSTD_compress(compressed.data(), compressed.size(), raw.data(), raw.size(), 9);
  compressed.resize(ZSTD_isError(csize) ? 0 : csize);
  ByteWriter file;
  file.data().append(kMagic);
  file.U32(kSyntaxModelVersion);
  file.U64(raw.size());
  file.U64(compressed.size());
  file.U64(Fnv1a64(compressed));
  file.data().append(compressed);
  return std::move(file.data());
}

Status SyntaxModel::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(path + ": cannot open for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IoError(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError(path + ": rename failed");
  return Status::Ok();
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::Load(const std::string& path,
                                                      const std::string& lexicon_dir) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) {
    return Status::DataError("syntax model " + bytes.status().message());
  }
  Result<std::shared_ptr<const WordNet>> wordnet = WordNet::Load(lexicon_dir);
  if (!wordnet.ok()) return wordnet.status();
  Result<std::unique_ptr<SyntaxModel>> model = FromBytes(*bytes, path);
  if (!model.ok()) return model;
  (*model)->SetWordNet(std::move(wordnet).value());
  return model;
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::FromBytes(std::string_view bytes,
                                                          const std::string& path) {
  auto fail = [&](const std::string& why) {
    return Status::DataError(path + ": not a usable syntax model: " + why);
  };
  if (bytes.substr(0, kMagic.size()) != kMagic) return fail("bad magic (expected 'annals-syntax-model')");
  ByteReader header(bytes.substr(kMagic.size()));
  uint32_t version = 0;
  uint64_t raw_size = 0, csize = 0, checksum = 0;
  if (!header.U32(&version) || !header.U64(&raw_size) || !header.U64(&csize) ||
      !header.U64(&checksum)) {
    return fail("truncated header");
  }
  if (version < kOldestSyntaxModelVersion || version > kSyntaxModelVersion) {
    return fail("format version " + std::to_string(version) + ", this build reads versions " +
                std::to_string(kOldestSyntaxModelVersion) + " to " +
                std::to_string(kSyntaxModelVersion));
  }
  const size_t header_size = kMagic.size() + 4 + 8 + 8 + 8;
  if (csize != bytes.size() - header_size) return fail("truncated or padded payload");
  const std::string_view compressed = bytes.substr(header_size);
  if (Fnv1a64(compressed) != checksum) return fail("checksum mismatch (file corrupt)");
  if (raw_size > kMaxPayload) return fail("payload too large");
  // Decompressed in chunks, so memory follows what the payload really
  // holds, not the size its header claims: a 9 KB file claiming 2 GB took
  // 2 GB and 13 s before it failed (found by fuzz/fuzz_model).
  std::string raw;
  // Room for the payload up front, so it is not copied on every doubling
  // (a tenth of start-up went to those copies and their page faults); capped
  // by what the compressed bytes could plausibly hold, so a lying header
  // still cannot make us reserve gigabytes.
  raw.reserve(static_cast<size_t>(std::min<uint64_t>(raw_size, uint64_t{64} * compressed.size())));
  {
    std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (!dctx) return fail("out of memory");
    ZSTD_inBuffer in{compressed.data(), compressed.size(), 0};
    std::string chunk(size_t{1} << 16, '\0');
    for (;;) {
      ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
      const size_t left = ZSTD_decompressStream(dctx.get(), &out, &in);
      if (ZSTD_isError(left) || raw.size() + out.pos > raw_size) return fail("payload does not decompress");
      raw.append(chunk.data(), out.pos);
      if (left == 0) break;                                    // frame complete
      if (in.pos == in.size && out.pos < out.size) return fail("payload does not decompress");  // truncated
    }
  }
  if (raw.size() != raw_size) return fail("payload does not decompress");

  ByteReader in(raw);
  std::string description, error;
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;
  if (!in.Str(&description)) return fail("truncated description");
  if (!tagger.Read(&in, &error, version)) return fail("tagger: " + error);
  if (!lemmatizer.Read(&in, &error)) return fail("lemmatizer: " + error);
  if (!parser.Read(&in, &error)) return fail("parser: " + error);
  if (!in.at_end()) return fail("trailing bytes in payload");
  return std::make_unique<SyntaxModel>(std::move(tagger), std::move(lemmatizer), std::move(parser),
                                       std::move(description));
}

void SyntaxModel::TagOnly(const std::vector<std::string_view>& forms,
                          SentenceAnalysis* out) const {
  std::vector<WordInfo> words(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) ComputeWordInfo(forms[i], &words[i]);
  tagger_.Tag(words, &out->tags);
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    out->lemmas[i] = lemmatizer_.Lemma(forms[i], out->tags[i]);
  }
  out->heads.assign(forms.size(), -1);
  out->labels.assign(forms.size(), -1);
}

void SyntaxModel::Analyze(const std::vector<std::string_view>& forms, SentenceAnalysis* out) const {
  std::vector<WordInfo> words(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) ComputeWordInfo(forms[i], &words[i]);
  tagger_.Tag(words, &out->tags);
  RepairVerblessTags(tagger_, &out->tags);
  RepairPresentTenseTags(tagger_, lemmatizer_, forms, words, &out->tags);
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    out->lemmas[i] = lemmatizer_.Lemma(forms[i], out->tags[i]);
  }
  parser_.Parse(words, out->tags, &out->heads, &out->labels);
  for (int& h : out->heads) --h;  // 1-based with 0 = root -> 0-based with -1 = root
}

}  // namespace annals::syntax
