// Tokenizer and sentence splitter: UD English conventions, offsets, and
// inputs that must not crash.
#include "text/tokenizer.h"
#include "text/normalize.h"
#include "text/text_stage.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace annals {
namespace {

std::vector<std::string> Forms(const Document& d) {
  std::vector<std::string> out;
  for (const Token& t : d.tokens) out.push_back(t.form);
  return out;
}

Document TokenizeText(const std::string& text) {
  Document d;
  d.text = text;
  Tokenize(&d);
  return d;
}

// Every token's form is exactly its span of the text, spans increase, and
// sentences partition the tokens.
void CheckInvariants(const Document& d) {
  uint32_t last_end = 0;
  for (const Token& t : d.tokens) {
    ASSERT_LE(t.span.begin, t.span.end);
    ASSERT_LE(t.span.end, d.text.size());
    ASSERT_GE(t.span.begin, last_end);
    ASSERT_EQ(d.SpanText(t.span), t.form);
    last_end = t.span.end;
  }
  uint32_t expect = 0;
  for (const Sentence& s : d.sentences) {
    ASSERT_EQ(s.token_begin, expect);
    ASSERT_GT(s.token_end, s.token_begin);
    ASSERT_LE(s.size(), kMaxSentenceTokens);
    ASSERT_EQ(s.span.begin, d.tokens[s.token_begin].span.begin);
    ASSERT_EQ(s.span.end, d.tokens[s.token_end - 1].span.end);
    expect = s.token_end;
  }
  ASSERT_EQ(expect, d.tokens.size());
}

TEST(Tokenizer, SplitsCliticsLikeUdEnglish) {
  const Document d = TokenizeText("They don't know. Russia's army can't win and we cannot wait; I'm sure they'll go.");
  CheckInvariants(d);
  const std::vector<std::string> want = {"They", "do", "n't", "know", ".", "Russia", "'s", "army", "ca", "n't",
                                         "win", "and", "we", "can", "not", "wait", ";", "I", "'m", "sure",
                                         "they", "'ll", "go", "."};
  EXPECT_EQ(Forms(d), want);
  EXPECT_EQ(d.sentences.size(), 2u);
}

TEST(Tokenizer, CurlyApostrophes) {
  const Document d = TokenizeText("Ukraine\xE2\x80\x99s allies didn\xE2\x80\x99t wait.");
  CheckInvariants(d);
  const std::vector<std::string> want = {"Ukraine", "\xE2\x80\x99s", "allies", "did", "n\xE2\x80\x99t", "wait", "."};
  EXPECT_EQ(Forms(d), want);
}

TEST(Tokenizer, KeepsAbbreviationsAndNumbers) {
  const Document d = TokenizeText("Gen. Smith met Mr. J. Doe in the U.S. at 2:00 p.m. to discuss $2.5 billion and 1,000 troops.");
  CheckInvariants(d);
  const std::vector<std::string> want = {"Gen.", "Smith", "met", "Mr.", "J.", "Doe", "in", "the", "U.S.", "at",
                                         "2:00", "p.m.", "to", "discuss", "$", "2.5", "billion", "and", "1,000",
                                         "troops", "."};
  EXPECT_EQ(Forms(d), want);
  EXPECT_EQ(d.sentences.size(), 1u);
}

TEST(Tokenizer, AbbreviationEndsSentenceBeforeStarter) {
  const Document d = TokenizeText("He flew to the U.S. The talks begin today.");
  CheckInvariants(d);
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.tokens[d.sentences[0].token_end - 1].form, "U.S.");
}

TEST(Tokenizer, QuotesAndPunctuation) {
  const Document d = TokenizeText("\"We will win,\" he said. (Really?) \xE2\x80\x9CYes.\xE2\x80\x9D");
  CheckInvariants(d);
  const std::vector<std::string> want = {"\"", "We", "will", "win", ",", "\"", "he", "said", ".", "(", "Really",
                                         "?", ")", "\xE2\x80\x9C", "Yes", ".", "\xE2\x80\x9D"};
  EXPECT_EQ(Forms(d), want);
  EXPECT_EQ(d.sentences.size(), 3u);
}

TEST(Tokenizer, HyphensAndDashes) {
  const Document d = TokenizeText("A US-brokered, non-binding deal\xE2\x80\x94" "again--for co-workers via e-mail.");
  CheckInvariants(d);
  const std::vector<std::string> want = {"A", "US", "-", "brokered", ",", "non-binding", "deal", "\xE2\x80\x94",
                                         "again", "--", "for", "co-workers", "via", "e-mail", "."};
  EXPECT_EQ(Forms(d), want);
}

TEST(Tokenizer, ParagraphsAndHeadlines) {
  const Document d = TokenizeText("Trump rejects the idea\n\nMacron speaks with Starmer.\nThe call ended.");
  CheckInvariants(d);
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.sentences[0].paragraph, 0u);
  EXPECT_EQ(d.sentences[1].paragraph, 1u);
}

TEST(Tokenizer, MissingSpaceAfterFullStop) {
  const Document d = TokenizeText("this whole affair.Financial Times said so.");
  CheckInvariants(d);
  EXPECT_EQ(d.tokens[2].form, "affair");
  EXPECT_EQ(d.tokens[3].form, ".");
  const Document glued = TokenizeText("the Financial TimesHe explained it on LinkedIn.");
  CheckInvariants(glued);
  EXPECT_EQ(glued.tokens[2].form, "Times");
  EXPECT_EQ(glued.tokens[3].form, "He");
  EXPECT_EQ(glued.tokens[7].form, "LinkedIn");
  ASSERT_EQ(glued.sentences.size(), 2u);
  EXPECT_EQ(glued.sentences[1].token_begin, 3u);
}

TEST(Tokenizer, EmptyAndWhitespace) {
  EXPECT_TRUE(TokenizeText("").tokens.empty());
  EXPECT_TRUE(TokenizeText(" \n\t\n ").sentences.empty());
}

TEST(Tokenizer, LongUnpunctuatedTextIsCut) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word ";
  const Document d = TokenizeText(text);
  CheckInvariants(d);
  EXPECT_EQ(d.tokens.size(), 2000u);
  EXPECT_GE(d.sentences.size(), 2000u / kMaxSentenceTokens);
}

TEST(Tokenizer, RandomBytesNeverBreakInvariants) {
  std::mt19937 rng(42);
  const std::string alphabet = "ab .,'\"-\n\xE2\x80\x99\xC3\xA9\xFF?!:/()A1";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i) text.push_back(alphabet[rng() % alphabet.size()]);
    Document d = TokenizeText(text);
    CheckInvariants(d);
  }
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// A 50 MB document (the size the foundation issue names) is normalised and
// tokenized without trouble; every sentence stays within the cap.
TEST(TextStage, FiftyMegabyteDocument) {
  const std::string paragraph =
      "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow is open to talks, "
      "but the U.S. and its allies must first agree to Russia's terms. ";
  std::string raw;
  raw.reserve((size_t{50} << 20) + paragraph.size());
  while (raw.size() < (size_t{50} << 20)) raw += paragraph;
  Document d;
  d.id = "giant";
  ASSERT_TRUE(NormalizeText(raw, &d).ok());
  Tokenize(&d);
  EXPECT_EQ(d.text.size(), raw.size());
  EXPECT_GT(d.tokens.size(), size_t{8} << 20);
  EXPECT_EQ(d.tokens.back().span.end, raw.size() - 1);
  for (const Sentence& s : d.sentences) ASSERT_LE(s.size(), kMaxSentenceTokens);
}

TEST(TextStage, OversizedDocumentIsRefusedNotCrashed) {
  Document d;
  d.id = "too-big";
  const Status st = NormalizeText(std::string_view("x", 1).substr(0, 1), &d);
  EXPECT_TRUE(st.ok());
  std::string big(kMaxDocumentBytes + 1, 'a');
  const Status refused = NormalizeText(big, &d);
  EXPECT_EQ(refused.code(), StatusCode::kInputError);
  EXPECT_NE(refused.message().find("too-big"), std::string::npos);
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

std::vector<std::string> FormsOf(const std::string& text) {
  Document d;
  d.text = text;
  Tokenize(&d);
  std::vector<std::string> out;
  for (const Token& t : d.tokens) out.push_back(t.form);
  return out;
}

// Conventions of UD English EWT that the parser's training data follows.
TEST(Tokenizer, EwtConventions) {
  EXPECT_EQ(FormsOf("Really?! Wow!!! :)"), (std::vector<std::string>{"Really", "?!", "Wow", "!!!", ":)"}));
  EXPECT_EQ(FormsOf("It cost $30 or 85% of #4327."),
            (std::vector<std::string>{"It", "cost", "$", "30", "or", "85", "%", "of", "#", "4327", "."}));
  EXPECT_EQ(FormsOf("F-16 jets, Covid-19 and a 21-year-old"),
            (std::vector<std::string>{"F", "-", "16", "jets", ",", "Covid", "-", "19", "and", "a", "21", "-", "year",
                                      "-", "old"}));
  EXPECT_EQ(FormsOf("A 5-3 vote, call 713-853-3989 <a@b.com>"),
            (std::vector<std::string>{"A", "5", "-", "3", "vote", ",", "call", "713-853-3989", "<", "a@b.com", ">"}));
  EXPECT_EQ(FormsOf("in '68 the slides....they"),
            (std::vector<std::string>{"in", "'68", "the", "slides", "....", "they"}));
  EXPECT_EQ(FormsOf("He works for Acme Inc. The firm grew."),
            (std::vector<std::string>{"He", "works", "for", "Acme", "Inc", ".", "The", "firm", "grew", "."}));
  // Runs of one mark are one token; symbols glued to a word's edges are not.
  EXPECT_EQ(FormsOf("<<File>> really??? ***Internet Footer*** -for awesome- ''quote''"),
            (std::vector<std::string>{"<<", "File", ">>", "really", "???", "***", "Internet", "Footer", "***",
                                      "-", "for", "awesome", "-", "''", "quote", "''"}));
  EXPECT_EQ(FormsOf("so...? ok =) +44 A+"),
            (std::vector<std::string>{"so", "...", "?", "ok", "=)", "+44", "A", "+"}));
  // Numbers glued to units split; ordinals, decades and one-capital codes do not.
  EXPECT_EQ(FormsOf("at 7:30PM for 35mm, 300USD, 65k; the 21st, 1990s, 3143C, 80's"),
            (std::vector<std::string>{"at", "7:30", "PM", "for", "35", "mm", ",", "300", "USD", ",", "65", "k", ";",
                                      "the", "21st", ",", "1990s", ",", "3143C", ",", "80's"}));
  // Phone groups, day-month-year dates and one-letter shorthands stay whole;
  // ranges and fractions do not.
  EXPECT_EQ(FormsOf("call 3-5297 or 345-9945 on 01-Feb-02 b/c w/o 1969-1970 and/or alot"),
            (std::vector<std::string>{"call", "3-5297", "or", "345-9945", "on", "01-Feb-02", "b/c", "w/o", "1969",
                                      "-", "1970", "and", "/", "or", "a", "lot"}));
  // The words cut from one written word, which UD writes as a multiword token.
  EXPECT_TRUE(IsContractionSplit("do", "n't"));
  EXPECT_TRUE(IsContractionSplit("Russia", "\u2019s"));
  EXPECT_TRUE(IsContractionSplit("can", "not"));
  EXPECT_TRUE(IsContractionSplit("Gon", "na"));
  EXPECT_FALSE(IsContractionSplit("a", "lot"));
  EXPECT_FALSE(IsContractionSplit("can", "nothing"));
  // Regression: the period given back by "Inc." must not shift the token
  // ranges of the sentences after it.
  Document d;
  d.text = "Sara works at Union Securities, Inc. We met. They left etc. The end.";
  Tokenize(&d);
  CheckInvariants(d);
  ASSERT_EQ(d.sentences.size(), 4u);
  EXPECT_EQ(d.tokens[d.sentences[1].token_begin].form, "We");
  EXPECT_EQ(d.tokens[d.sentences[3].token_begin].form, "The");
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST(Tokenizer, SentenceStartsAfterFullStop) {
  auto starts = [](const std::string& text) {
    Document d;
    d.text = text;
    Tokenize(&d);
    CheckInvariants(d);
    std::vector<std::string> out;
    for (const Sentence& s : d.sentences) out.push_back(d.tokens[s.token_begin].form);
    return out;
  };
  EXPECT_EQ(starts("sounds exciting. want to go?"), (std::vector<std::string>{"sounds", "want"}));
  EXPECT_EQ(starts("any hotels nearby? im traveling there... maybe next week"),
            (std::vector<std::string>{"any", "im"}));
  EXPECT_EQ(starts("\"Why?\" he asked. \"We will win.\" She left."),
            (std::vector<std::string>{"\"", "\"", "She"}));
  EXPECT_EQ(starts("They met at 3 p.m. local time in the U.S. capital."), (std::vector<std::string>{"They"}));
}

}  // namespace
}  // namespace annals
