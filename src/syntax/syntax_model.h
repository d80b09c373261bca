// The syntax model: tagger, lemmatizer and parser in one versioned file.
//
// File layout (docs/formats/syntax-model.md):
//   "annals-syntax-model\n"        magic line (20 bytes)
//   u32 format version (kSyntaxModelVersion)
//   u64 payload size, u64 compressed size, u64 FNV-1a-64 of the compressed
//   bytes, then the zstd-compressed payload: description, tagger,
//   lemmatizer, parser.
// A file with another magic or version, a checksum mismatch, a truncated or
// inconsistent payload is refused with a DataError naming the file.
//
// Thread-safety: a loaded model is immutable; Analyze() is const and may be
// called from several threads at once (all scratch space is per call).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace annals::syntax {

// Version written. 2: tagger with a tag dictionary and more affix features.
// Version 1 files (no dictionary) are still read and tag as before.
constexpr uint32_t kSyntaxModelVersion = 2;
constexpr uint32_t kOldestSyntaxModelVersion = 1;

// Analysis of one sentence. Indices are 0-based within the sentence; head is
// -1 for the root.
struct SentenceAnalysis {
  std::vector<int> tags;
  std::vector<std::string> lemmas;
  std::vector<int> heads;
  std::vector<int> labels;
};

// News opens sentences with a bare noun phrase far more often than EWT
// does ("Police arrested dozens", "An explosion killed five soldiers"), and
// the tagger, seeing a noun before a past form, reads the verb as a
// participle (VBN): the sentence then has no finite verb and the parser
// hangs the whole clause under the noun. In a full sentence (ending in a
// period) with no finite verb, a participle that directly follows the
// opening noun phrase and is itself followed by a noun phrase is retagged as
// a past tense (VBD). Headline fragments keep theirs ("Five killed in
// attack.": a preposition follows). Analyze() applies it before parsing.
void RepairVerblessTags(const Tagger& tagger, std::vector<int>* tags);

// News summaries and headlines write in the present tense with a bare
// plural subject ("Israeli troops raid a camp", "Ukrainian drones attack
// facilities", "Ghanaian soldiers open fire on miners"), a
// shape EWT hardly has: the tagger reads the plural noun as the verb (VBZ)
// and the verb as a noun, or finds no finite verb at all. When the opening
// noun phrase ends in a plural noun (or in an -s word tagged VBZ after an
// adjective -- "Ukrainian", not a name: "Trump attacks reform" -- that the
// tag dictionary knows as a noun or not at all) and is
// followed by a base-form word known as a verb (tag dictionary or the
// lemmatizer's WordNet; none without one), the plural
// is tagged NNS, that word VBP, and the rest of the sentence is retagged
// with those fixed. "Israel strikes targets" and "The government plans
// cuts" are left alone: a verb in -s follows. Only full sentences (ending in
// a period). In a sentence with no finite verb at all the search reaches
// further: past adverbs, hyphens, a parenthesised acronym and a place in
// apposition in the subject, coordinated plurals as subject, a verb
// in -s after a plural name or before a bare plural object, a base form
// after the subject's prepositional phrase ("Citizens of Vanuatu vote for")
// or read as an adverb or preposition it never is in training.
void RepairPresentTenseTags(const Tagger& tagger, const Lemmatizer& lemmatizer, const std::vector<std::string_view>& forms,
                            const std::vector<WordInfo>& words, std::vector<int>* tags);

class SyntaxModel {
 public:
  SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, Parser parser, std::string description);

  // Reads the model file at `path` and the WordNet lexicon in
  // `lexicon_dir` (wordnet.h; the shipped one is <data>/lang/en) that the
  // lemmatizer consults after the treebank lexicon. Either one missing or
  // malformed is a DataError naming the file.
  static Result<std::unique_ptr<SyntaxModel>> Load(const std::string& path,
                                                   const std::string& lexicon_dir);
  // The model alone, from bytes already in memory; `path` names them in
  // messages. Its lemmatizer has no WordNet until SetWordNet().
  static Result<std::unique_ptr<SyntaxModel>> FromBytes(std::string_view bytes,
                                                       const std::string& path);
  void SetWordNet(std::shared_ptr<const WordNet> wordnet) { lemmatizer_.SetWordNet(std::move(wordnet)); }
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  // Tags, lemmatises and parses one sentence of word forms. A verbless
  // sentence opening with a noun phrase has its participle retagged as a
  // past tense before parsing (RepairVerblessTags).
  void Analyze(const std::vector<std::string_view>& forms, SentenceAnalysis* out) const;
  // Tags and lemmatises only (no parse).
  void TagOnly(const std::vector<std::string_view>& forms, SentenceAnalysis* out) const;

  Tagger& mutable_tagger() { return tagger_; }
  Parser& mutable_parser() { return parser_; }
  const Tagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const Parser& parser() const { return parser_; }
  const std::string& description() const { return description_; }

 private:
  Tagger tagger_;
  Lemmatizer lemmatizer_;
  Parser parser_;
  std::string description_;
};

}  // namespace annals::syntax
