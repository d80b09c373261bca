// Tree repair: each repair on a hand-made parse, and safety on broken ones.
#include "syntax/tree_repair.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace annals::syntax {
namespace {

// (form, upos, xpos, head 1-based / 0 root, deprel) for one sentence.
using Row = std::tuple<std::string, std::string, std::string, int, std::string>;

Document MakeSentence(const std::vector<Row>& rows) {
  Document doc;
  Sentence s;
  for (const auto& [form, upos, xpos, head, rel] : rows) {
    Token t;
    t.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + form.size())};
    doc.text += form + " ";
    t.form = form;
    t.lemma = form;
    t.upos = upos;
    t.xpos = xpos;
    t.head = head - 1;
    t.deprel = rel;
    doc.tokens.push_back(t);
  }
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

TEST(TreeRepair, WordHungOnPunctuationMovesToThePunctuationsHead) {
  // "the possibility - still remote - of a meeting": "of ... meeting" hung on "-".
  Document doc = MakeSentence({{"the", "DET", "DT", 2, "det"},
                               {"possibility", "NOUN", "NN", 0, "root"},
                               {"-", "PUNCT", ":", 2, "punct"},
                               {"remote", "ADJ", "JJ", 2, "amod"},
                               {"-", "PUNCT", ":", 2, "punct"},
                               {"of", "ADP", "IN", 8, "case"},
                               {"a", "DET", "DT", 8, "det"},
                               {"meeting", "NOUN", "NN", 5, "nmod"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[7].head, 1);
  EXPECT_EQ(doc.tokens[7].deprel, "nmod");
  EXPECT_EQ(doc.tokens[4].head, 1);  // punctuation itself stays
}

TEST(TreeRepair, PrepositionalConjunctWithoutConjunctionBecomesASecondPhrase) {
  // "talks in Washington with Trump": "Trump" parsed as conj of "Washington".
  Document doc = MakeSentence({{"talks", "NOUN", "NNS", 0, "root"},
                               {"in", "ADP", "IN", 3, "case"},
                               {"Washington", "PROPN", "NNP", 1, "nmod"},
                               {"with", "ADP", "IN", 5, "case"},
                               {"Trump", "PROPN", "NNP", 3, "conj"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[4].head, 0);
  EXPECT_EQ(doc.tokens[4].deprel, "nmod");
}

TEST(TreeRepair, RealPrepositionalCoordinationIsKept) {
  // "in Washington and in Geneva": a conjunction, so a real coordination.
  Document doc = MakeSentence({{"talks", "NOUN", "NNS", 0, "root"},
                               {"in", "ADP", "IN", 3, "case"},
                               {"Washington", "PROPN", "NNP", 1, "nmod"},
                               {"and", "CCONJ", "CC", 6, "cc"},
                               {"in", "ADP", "IN", 6, "case"},
                               {"Geneva", "PROPN", "NNP", 3, "conj"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[5].head, 2);
  EXPECT_EQ(doc.tokens[5].deprel, "conj");
}

TEST(TreeRepair, SubjectlessConjunctInTheGovernorsTenseLeavesTheComplement) {
  // "He said that the meeting is possible and left."
  Document doc = MakeSentence({{"He", "PRON", "PRP", 2, "nsubj"},
                               {"said", "VERB", "VBD", 0, "root"},
                               {"that", "SCONJ", "IN", 7, "mark"},
                               {"the", "DET", "DT", 5, "det"},
                               {"meeting", "NOUN", "NN", 7, "nsubj"},
                               {"is", "AUX", "VBZ", 7, "cop"},
                               {"possible", "ADJ", "JJ", 2, "ccomp"},
                               {"and", "CCONJ", "CC", 9, "cc"},
                               {"left", "VERB", "VBD", 7, "conj"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[8].head, 1);
  EXPECT_EQ(doc.tokens[8].deprel, "conj");
}

TEST(TreeRepair, ConjunctInTheComplementsTenseStays) {
  // "He said that prices rose and fell."
  Document doc = MakeSentence({{"He", "PRON", "PRP", 2, "nsubj"},
                               {"said", "VERB", "VBD", 0, "root"},
                               {"that", "SCONJ", "IN", 5, "mark"},
                               {"prices", "NOUN", "NNS", 5, "nsubj"},
                               {"rose", "VERB", "VBD", 2, "ccomp"},
                               {"and", "CCONJ", "CC", 7, "cc"},
                               {"fell", "VERB", "VBD", 5, "conj"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[6].head, 4);
}

TEST(TreeRepair, HeadsOutsideTheSentenceSelfLoopsAndCyclesBecomeRoots) {
  Document doc = MakeSentence({{"a", "NOUN", "NN", 2, "nsubj"},
                               {"b", "VERB", "VBD", 1, "ccomp"},
                               {"c", "NOUN", "NN", 3, "obj"},
                               {"d", "NOUN", "NN", 40, "obj"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[2].head, -1);
  EXPECT_EQ(doc.tokens[3].head, -1);
  // The two-cycle a <-> b is cut at one of them; the other keeps its head.
  const bool a_root = doc.tokens[0].head == -1;
  const bool b_root = doc.tokens[1].head == -1;
  EXPECT_NE(a_root, b_root);
}

TEST(TreeRepair, OtherSentencesAreUntouched) {
  Document doc = MakeSentence({{"x", "NOUN", "NN", 0, "root"}, {"y", "NOUN", "NN", 1, "nmod"}});
  doc.sentences[0].token_end = 1;
  Sentence second;
  second.token_begin = 1;
  second.token_end = 2;
  doc.sentences.push_back(second);
  RepairTree(&doc, 1);
  EXPECT_EQ(doc.tokens[0].head, -1);
  EXPECT_EQ(doc.tokens[1].head, -1);  // its head (token 0) lies in another sentence
  RepairTree(&doc, 7);                // no such sentence: nothing happens
}

}  // namespace
}  // namespace annals::syntax
