// Tests for the lemmatizer: the treebank lexicon first, proper nouns kept,
// WordNet exceptions and detachment rules checked against the WordNet index
// (the shipped data/lang/en tables), learned suffix rules only for words
// WordNet does not know; and the WordNet tables' loader and its errors.
#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include "annals/config.h"
#include "syntax/syntax_stage.h"
#include "syntax/wordnet.h"

namespace annals::syntax {
namespace {

// Tag ids of the test's tag set (UPOS/XPOS pairs, as the tagger's classes).
enum Tag { NN, NNS, VB, VBD, VBN, VBG, VBZ, JJ, JJR, JJS, NNP, NNPS, RB, RBR, AUXVBP, kTags };

std::shared_ptr<const WordNet> ShippedWordNet() {
  static const std::shared_ptr<const WordNet> wn = [] {
    auto r = WordNet::Load(LexiconDir(Config{}));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : nullptr;
  }();
  return wn;
}

// A lemmatizer trained on a few treebank words whose suffix rules are the
// kind that cut real words short ("-ed" -> strip 2 from "wanted", "-s" ->
// strip 1), with the shipped WordNet attached unless `wordnet` is false.
Lemmatizer Make(bool wordnet = true) {
  std::vector<LexiconSample> samples = {
      {"wanted", VBD, "want", "_"},     {"rested", VBD, "rest", "_"},
      {"attacked", VBD, "attack", "_"}, {"ended", VBN, "end", "_"},
      {"talks", NNS, "talk", "_"},      {"rebels", NNS, "rebel", "_"},
      {"walking", VBG, "walk", "_"},    {"meeting", VBG, "meet", "_"},
      {"says", VBZ, "say", "_"},        {"gets", VBZ, "get", "_"},
      {"met", VBD, "meet", "_"},        {"'re", AUXVBP, "be", "_"},
      {"Nations", NNPS, "Nation", "_"}, {"US", NNP, "US", "_"},
      {"National", JJ, "National", "_"}, {"best", JJS, "good", "_"},
      {"enroll", VB, "enroll", "_"},
  };
  Lemmatizer m = Lemmatizer::Train(samples, kTags);
  m.SetTagNames({"NOUN", "NOUN", "VERB", "VERB", "VERB", "VERB", "VERB", "ADJ", "ADJ", "ADJ",
                 "PROPN", "PROPN", "ADV", "ADV", "AUX"},
                {"NN", "NNS", "VB", "VBD", "VBN", "VBG", "VBZ", "JJ", "JJR", "JJS", "NNP",
                 "NNPS", "RB", "RBR", "VBP"});
  if (wordnet) m.SetWordNet(ShippedWordNet());
  return m;
}

TEST(LemmatizerTest, IssueWordsAreNotCutShort) {
  const Lemmatizer without = Make(false);
  // The suffix rules alone cut these short (issue 13) ...
  EXPECT_EQ(without.Lemma("ridiculed", VBD), "ridicul");
  EXPECT_EQ(without.Lemma("rioted", VBD), "riot");
  // ... WordNet's index says which stem is a word.
  const Lemmatizer m = Make();
  EXPECT_EQ(m.Lemma("ridiculed", VBD), "ridicule");
  EXPECT_EQ(m.Lemma("feted", VBN), "fete");
  EXPECT_EQ(m.Lemma("fetes", VBZ), "fete");
  EXPECT_EQ(m.Lemma("ceremonies", NNS), "ceremony");
  EXPECT_EQ(m.Lemma("rioted", VBD), "riot");
  EXPECT_EQ(m.Lemma("rioting", VBG), "riot");
  EXPECT_EQ(m.Lemma("extradited", VBN), "extradite");
  EXPECT_EQ(m.Lemma("extradites", VBZ), "extradite");
}

TEST(LemmatizerTest, DetachmentRulesPerInflection) {
  const Lemmatizer m = Make();
  // Nouns: -s, -es, -ies, -men; the shortest cut that is a word.
  EXPECT_EQ(m.Lemma("colonies", NNS), "colony");
  EXPECT_EQ(m.Lemma("glasses", NNS), "glass");
  EXPECT_EQ(m.Lemma("churches", NNS), "church");
  EXPECT_EQ(m.Lemma("boxes", NNS), "box");
  EXPECT_EQ(m.Lemma("defenses", NNS), "defense");
  EXPECT_EQ(m.Lemma("cookies", NNS), "cookie");
  EXPECT_EQ(m.Lemma("oceans", NNS), "ocean");
  EXPECT_EQ(m.Lemma("policemen", NNS), "policeman");
  EXPECT_EQ(m.Lemma("news", NNS), "news");  // no stem is a noun: the form itself
  // Verbs: -ed/-ing with silent e, doubled consonants, -ied.
  EXPECT_EQ(m.Lemma("ceded", VBD), "cede");
  EXPECT_EQ(m.Lemma("smoked", VBD), "smoke");
  EXPECT_EQ(m.Lemma("ruled", VBN), "rule");
  EXPECT_EQ(m.Lemma("choking", VBG), "choke");
  EXPECT_EQ(m.Lemma("filming", VBG), "film");
  EXPECT_EQ(m.Lemma("firebombed", VBD), "firebomb");
  EXPECT_EQ(m.Lemma("expelled", VBD), "expel");
  EXPECT_EQ(m.Lemma("stopping", VBG), "stop");
  EXPECT_EQ(m.Lemma("carried", VBD), "carry");
  EXPECT_EQ(m.Lemma("bombs", VBZ), "bomb");
  EXPECT_EQ(m.Lemma("watches", VBZ), "watch");
  // Both "hop" and "hope" are verbs: a single consonant after a single
  // vowel would have been doubled, so "hoped" is "hope" and "hopped" "hop".
  EXPECT_EQ(m.Lemma("hoped", VBD), "hope");
  EXPECT_EQ(m.Lemma("hopped", VBD), "hop");
  EXPECT_EQ(m.Lemma("stared", VBD), "stare");
  EXPECT_EQ(m.Lemma("hoping", VBG), "hope");
  EXPECT_EQ(m.Lemma("singing", VBG), "sing");
  // Adjectives.
  EXPECT_EQ(m.Lemma("tallest", JJS), "tall");
  EXPECT_EQ(m.Lemma("larger", JJR), "large");
  EXPECT_EQ(m.Lemma("happier", JJR), "happy");
  // A hyphenated word inflects its last part.
  EXPECT_EQ(m.Lemma("re-elected", VBN), "re-elect");
  // Upper-case forms are looked up lower-cased.
  EXPECT_EQ(m.Lemma("Ceremonies", NNS), "ceremony");
  EXPECT_EQ(m.Lemma("Indigenous", JJ), "indigenous");
  // ... and keep the capitals WordNet spells the lemma with.
  EXPECT_EQ(m.Lemma("African", JJ), "African");
  EXPECT_EQ(m.Lemma("Catholics", NNS), "Catholic");
  EXPECT_EQ(m.Lemma("catholic", JJ), "catholic");
}

TEST(LemmatizerTest, ExceptionsComeBeforeRules) {
  const Lemmatizer m = Make();
  EXPECT_EQ(m.Lemma("understood", VBD), "understand");
  EXPECT_EQ(m.Lemma("left", VBD), "leave");
  EXPECT_EQ(m.Lemma("left", JJ), "left");  // the adjective is not an exception
  EXPECT_EQ(m.Lemma("fled", VBD), "flee");
  EXPECT_EQ(m.Lemma("dying", VBG), "die");
  EXPECT_EQ(m.Lemma("children", NNS), "child");
  EXPECT_EQ(m.Lemma("crises", NNS), "crisis");
  EXPECT_EQ(m.Lemma("better", JJR), "good");
  // Of WordNet's two lemmas the treebank's spelling wins.
  EXPECT_EQ(m.Lemma("enrolled", VBD), "enroll");
}

TEST(LemmatizerTest, TreebankLexiconAndProperNouns) {
  const Lemmatizer m = Make();
  EXPECT_EQ(m.Lemma("met", VBD), "meet");
  EXPECT_EQ(m.Lemma("Met", VBD), "meet");           // lower-cased lexicon entry
  EXPECT_EQ(m.Lemma("National", JJ), "National");   // the treebank's own convention wins
  EXPECT_EQ(m.Lemma("Nations", NNPS), "Nation");    // seen proper noun: the treebank's lemma
  EXPECT_EQ(m.Lemma("Games", NNPS), "Games");       // unseen proper noun keeps its form
  EXPECT_EQ(m.Lemma("Islands", NNPS), "Islands");   // "island" is not capitalised
  EXPECT_EQ(m.Lemma("Romans", NNPS), "Roman");      // a people: WordNet's "Roman"
  EXPECT_EQ(m.Lemma("Europeans", NNPS), "European");
  EXPECT_EQ(m.Lemma("Mattis", NNP), "Mattis");
  EXPECT_EQ(m.Lemma("Fetes", NNP), "Fetes");
  // A typographic apostrophe finds the treebank's ASCII entry.
  EXPECT_EQ(m.Lemma("\xE2\x80\x99re", AUXVBP), "be");
}

TEST(LemmatizerTest, UnknownWordsFallBackToSuffixRules) {
  const Lemmatizer m = Make();
  // Not in WordNet: the learned rules (strip "ed", strip "s").
  EXPECT_EQ(m.Lemma("zorbed", VBD), "zorb");
  EXPECT_EQ(m.Lemma("blorfs", NNS), "blorf");
  // No rule fits and no lexicon knows it: the form.
  EXPECT_EQ(m.Lemma("xqzt", RB), "xqzt");
}

TEST(LemmatizerTest, RulesNeverSplitUtf8) {
  std::string lemma;
  // The rule learned from "'re" -> "be" (strip 3 bytes) must not cut the
  // three-byte apostrophe of "’re" (it gave "\xE2\x80be").
  EXPECT_FALSE(ApplyLemmaRule("3|K|be", "\xE2\x80\x99re", &lemma));
  ASSERT_TRUE(ApplyLemmaRule("5|K|be", "\xE2\x80\x99re", &lemma));
  EXPECT_EQ(lemma, "be");
  // A rule learned from two words differing only in an accented letter cuts
  // before the whole letter.
  const std::string rule = LemmaRule("caf\xC3\xA9s", "caf\xC3\xA9");
  EXPECT_EQ(rule, "1|K|");
  const std::string accent = LemmaRule("na\xC3\xAF", "na\xC3\xA9");  // ï vs é share a lead byte
  EXPECT_EQ(accent, "2|K|\xC3\xA9");
  ASSERT_TRUE(ApplyLemmaRule(accent, "ma\xC3\xAF", &lemma));
  EXPECT_EQ(lemma, "ma\xC3\xA9");
  EXPECT_FALSE(ApplyLemmaRule("1|K|\xA9", "ma\xC3\xAF", &lemma));
}

TEST(WordNetTest, ShippedTablesLoad) {
  auto wn = ShippedWordNet();
  ASSERT_NE(wn, nullptr);
  EXPECT_GT(wn->lemma_count(), 80000u);
  EXPECT_GT(wn->exception_count(), 5000u);
  EXPECT_TRUE(wn->IsLemma("riot", WordNetPos::kVerb));
  EXPECT_FALSE(wn->IsLemma("riote", WordNetPos::kVerb));
  EXPECT_TRUE(wn->IsLemma("ceremony", WordNetPos::kNoun));
  EXPECT_FALSE(wn->IsLemma("ceremony", WordNetPos::kVerb));
  const std::vector<std::string>* enrolled = wn->Exceptions("enrolled", WordNetPos::kVerb);
  ASSERT_NE(enrolled, nullptr);
  EXPECT_EQ(*enrolled, (std::vector<std::string>{"enrol", "enroll"}));
  EXPECT_EQ(wn->Exceptions("enrolled", WordNetPos::kNoun), nullptr);
}

TEST(WordNetTest, BadRowsNamePathLineAndColumn) {
  const std::string exc = "# format: annals-wordnet-exceptions v1\nform\tpos\tlemmas\nmice\tn\tmouse\n";
  auto parse = [&](const std::string& lemmas, const std::string& exceptions) {
    return WordNet::Parse(lemmas, "lemmas.tsv", exceptions, "exc.tsv");
  };
  const std::string header = "# format: annals-wordnet-lemmas v1\nlemma\tpos\tcased_pos\tcased\n";
  auto ok = parse(header + "mouse\tnv\t\t\nafrican\tna\ta\tAfrican\n", exc);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE((*ok)->IsLemma("mouse", WordNetPos::kVerb));
  EXPECT_EQ((*ok)->CasedSpelling("african", WordNetPos::kAdj), "African");
  EXPECT_EQ((*ok)->CasedSpelling("african", WordNetPos::kNoun), "");
  EXPECT_EQ((*ok)->CasedSpelling("mouse", WordNetPos::kNoun), "");
  EXPECT_EQ((*ok)->Exceptions("mice", WordNetPos::kNoun)->front(), "mouse");

  auto bad_pos = parse("lemma\tpos\tcased_pos\tcased\nmouse\tnq\n", exc);
  ASSERT_FALSE(bad_pos.ok());
  EXPECT_EQ(bad_pos.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad_pos.status().message().find("lemmas.tsv:2:2:"), std::string::npos)
      << bad_pos.status().message();
  EXPECT_NE(bad_pos.status().message().find("'nq'"), std::string::npos);

  auto repeated = parse("lemma\tpos\tcased_pos\tcased\nmouse\tn\nmouse\tv\n", exc);
  ASSERT_FALSE(repeated.ok());
  EXPECT_NE(repeated.status().message().find("lemmas.tsv:3:1: repeated lemma"), std::string::npos)
      << repeated.status().message();

  auto bad_exc = parse("lemma\tpos\tcased_pos\tcased\nmouse\tn\n", "form\tpos\tlemmas\nmice\tx\tmouse\n");
  ASSERT_FALSE(bad_exc.ok());
  EXPECT_NE(bad_exc.status().message().find("exc.tsv:2:2:"), std::string::npos)
      << bad_exc.status().message();

  auto bad_cased = parse(header + "african\tna\ta\tAfricans\n", exc);
  ASSERT_FALSE(bad_cased.ok());
  EXPECT_NE(bad_cased.status().message().find("lemmas.tsv:3:4:"), std::string::npos)
      << bad_cased.status().message();
  EXPECT_NE(bad_cased.status().message().find("'Africans'"), std::string::npos);

  auto missing_column = parse("lemma\n", exc);
  ASSERT_FALSE(missing_column.ok());
  EXPECT_NE(missing_column.status().message().find("missing column 'pos'"), std::string::npos);
}

TEST(WordNetTest, MissingFileIsALoadError) {
  auto r = WordNet::Load("/nonexistent/lang/en");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("/nonexistent/lang/en/wordnet-lemmas.tsv"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace annals::syntax
