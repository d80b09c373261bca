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

TEST(TreeRepair, PrepositionBeforeASubjectMakesAnOblique) {
  // "Lazo on Saturday expressed condolences" parsed with "on" as mark.
  Document doc = MakeSentence({{"Lazo", "PROPN", "NNP", 0, "root"},
                               {"on", "ADP", "IN", 4, "mark"},
                               {"Saturday", "PROPN", "NNP", 4, "nsubj"},
                               {"expressed", "VERB", "VBD", 1, "advcl"},
                               {"condolences", "NOUN", "NNS", 4, "obj"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[2].deprel, "obl");
  EXPECT_EQ(doc.tokens[1].head, 2);
  EXPECT_EQ(doc.tokens[1].deprel, "case");
  // ...and with no subject left, the verb is the main predicate.
  EXPECT_EQ(doc.tokens[3].head, -1);
  EXPECT_EQ(doc.tokens[3].deprel, "root");
  EXPECT_EQ(doc.tokens[0].head, 3);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
}

TEST(TreeRepair, ParticipleWithAnObjectUnderANounRootIsTheMainVerb) {
  // "Police arrested dozens": "arrested" as VBN acl of the root "Police".
  Document doc = MakeSentence({{"Police", "NOUN", "NNS", 0, "root"},
                               {"arrested", "VERB", "VBN", 1, "acl"},
                               {"dozens", "NOUN", "NNS", 2, "obj"},
                               {".", "PUNCT", ".", 1, "punct"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[1].head, -1);
  EXPECT_EQ(doc.tokens[0].head, 1);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[3].head, 1);  // what followed the verb is the verb's
}

TEST(TreeRepair, FiniteVerbUnderTheRootsOfComplementIsTheMainVerb) {
  // "Dozens of gunmen stormed a village": "stormed" as an acl of "gunmen",
  // itself the "of" complement of the root "Dozens".
  Document doc = MakeSentence({{"Dozens", "NOUN", "NNS", 0, "root"},
                               {"of", "ADP", "IN", 3, "case"},
                               {"gunmen", "NOUN", "NNS", 1, "nmod"},
                               {"stormed", "VERB", "VBD", 3, "acl"},
                               {"a", "DET", "DT", 6, "det"},
                               {"village", "NOUN", "NN", 4, "obj"},
                               {".", "PUNCT", ".", 1, "punct"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[3].head, -1);
  EXPECT_EQ(doc.tokens[0].head, 3);
  EXPECT_EQ(doc.tokens[0].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[2].head, 0);  // "of gunmen" stays in the subject
  EXPECT_EQ(doc.tokens[6].head, 3);  // the period moves to the verb
}

TEST(TreeRepair, FiniteVerbConjoinedToTheSubjectIsTheMainVerb) {
  // "Israeli gunfire and airstrikes kill 41": "kill" as a third conjunct of
  // the root "gunfire".
  Document doc = MakeSentence({{"Israeli", "ADJ", "JJ", 2, "amod"},
                               {"gunfire", "NOUN", "NN", 0, "root"},
                               {"and", "CCONJ", "CC", 4, "cc"},
                               {"airstrikes", "NOUN", "NNS", 2, "conj"},
                               {"kill", "VERB", "VBP", 2, "conj"},
                               {"41", "NUM", "CD", 7, "nummod"},
                               {"Palestinians", "PROPN", "NNPS", 5, "obj"},
                               {".", "PUNCT", ".", 2, "punct"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[4].head, -1);
  EXPECT_EQ(doc.tokens[1].head, 4);
  EXPECT_EQ(doc.tokens[1].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[3].head, 1);  // "and airstrikes" stays in the subject
}

TEST(TreeRepair, ConjoinedClauseWithItsOwnConjunctionStays) {
  // "Protests, and police arrest five": a verb with its own "and" may be a
  // clause of its own; left alone.
  Document doc = MakeSentence({{"Protests", "NOUN", "NNS", 0, "root"},
                               {"and", "CCONJ", "CC", 4, "cc"},
                               {"police", "NOUN", "NNS", 4, "obl"},
                               {"arrest", "VERB", "VBP", 1, "conj"},
                               {"five", "NUM", "CD", 4, "obj"},
                               {".", "PUNCT", ".", 1, "punct"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[0].head, -1);
  EXPECT_EQ(doc.tokens[3].head, 0);
}

TEST(TreeRepair, ReducedRelativeStaysUnderItsNoun) {
  // "The talks held in Geneva": a participle without an object is a
  // modifier, not the main verb.
  Document doc = MakeSentence({{"The", "DET", "DT", 2, "det"},
                               {"talks", "NOUN", "NNS", 0, "root"},
                               {"held", "VERB", "VBN", 2, "acl"},
                               {"in", "ADP", "IN", 5, "case"},
                               {"Geneva", "PROPN", "NNP", 3, "obl"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[2].head, 1);
  EXPECT_EQ(doc.tokens[1].head, -1);
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

TEST(TreeRepair, UnmarkedNominalBeforeItsHeadsPrepositionIsTheVerbsObject) {
  // "killed several terrorists after an air strike", parsed with
  // "terrorists" an nmod:unmarked of "strike" and "killed" left without an
  // object.
  Document doc = MakeSentence({{"it", "PRON", "PRP", 2, "nsubj"},
                               {"killed", "VERB", "VBD", 0, "root"},
                               {"several", "ADJ", "JJ", 4, "amod"},
                               {"terrorists", "NOUN", "NNS", 8, "nmod:unmarked"},
                               {"after", "ADP", "IN", 8, "case"},
                               {"an", "DET", "DT", 8, "det"},
                               {"air", "NOUN", "NN", 8, "compound"},
                               {"strike", "NOUN", "NN", 2, "obl"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[3].head, 1);
  EXPECT_EQ(doc.tokens[3].deprel, "obj");
  EXPECT_EQ(doc.tokens[7].head, 1);
}

TEST(TreeRepair, UnmarkedNominalStaysWhenTheVerbHasAnObject) {
  // "sent aid [last week] to Gaza"-like: a verb with its own object keeps it.
  Document doc = MakeSentence({{"they", "PRON", "PRP", 2, "nsubj"},
                               {"sent", "VERB", "VBD", 0, "root"},
                               {"aid", "NOUN", "NN", 2, "obj"},
                               {"week", "NOUN", "NN", 6, "nmod:unmarked"},
                               {"to", "ADP", "IN", 6, "case"},
                               {"Gaza", "PROPN", "NNP", 2, "obl"}});
  RepairTree(&doc, 0);
  EXPECT_EQ(doc.tokens[3].head, 5);
  EXPECT_EQ(doc.tokens[3].deprel, "nmod:unmarked");
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
