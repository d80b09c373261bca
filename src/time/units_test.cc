// Tests of the building blocks: lexer, number parser, TIMEX3 values, tense.
#include <gtest/gtest.h>

#include "time/lexer.h"
#include "time/numbers.h"
#include "time/plain_tokens.h"
#include "time/tense.h"
#include "time/timex.h"

namespace annals::timex {
namespace {

std::vector<Lexeme> Lex(const std::string& text, Document* doc) {
  doc->text = text;
  PlainTokenize(doc);
  std::vector<Lexeme> lx;
  LexTokens(*doc, 0, static_cast<uint32_t>(doc->tokens.size()), &lx);
  return lx;
}

TEST(Lexer, RecutsTokens) {
  Document doc;
  auto lx = Lex("$8bn Monday's 2:00 p.m. US$5 19th o'clock €3", &doc);
  std::vector<std::string> norms;
  for (const auto& l : lx) norms.push_back(l.norm);
  const std::vector<std::string> want = {"$", "8", "bn", "monday", "'s", "2:00", "pm", "us",
                                         "$", "5", "19", "o'clock", "€", "3"};
  EXPECT_EQ(norms, want);
  EXPECT_TRUE(lx[10].ordinal);
  EXPECT_FALSE(lx[2].space_before);
  EXPECT_TRUE(lx[3].capitalized);
  for (const auto& l : lx) EXPECT_LE(l.span.end, doc.text.size());
  EXPECT_EQ(doc.text.substr(lx[6].span.begin, lx[6].span.size()), "p.m.");
}

TEST(Lexer, BadTokenSpansStayInText) {
  Document doc;
  doc.text = "short";
  Token t;
  t.form = "yesterday";
  t.span = Span{3, 400};
  doc.tokens.push_back(t);
  t.span = Span{900, 901};
  doc.tokens.push_back(t);
  std::vector<Lexeme> lx;
  LexTokens(doc, 0, 2, &lx);
  ASSERT_EQ(lx.size(), 2u);
  for (const auto& l : lx) {
    EXPECT_LE(l.span.begin, l.span.end);
    EXPECT_LE(l.span.end, doc.text.size());
  }
}

TEST(Numbers, DigitsAndWords) {
  EXPECT_EQ(ParseDigitString("1,200"), 1200);
  EXPECT_EQ(ParseDigitString("2.5"), 2.5);
  EXPECT_FALSE(ParseDigitString("1,20"));
  EXPECT_FALSE(ParseDigitString("12,34,567"));
  EXPECT_FALSE(ParseDigitString(std::string(30, '9')));  // above kMaxNumber
  EXPECT_FALSE(ParseDigitString(std::string(400, '9')));
  Document doc;
  auto lx = Lex("one hundred and twenty-five", &doc);
  auto m = ParseNumberAt(lx, 0, lx.size());
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 125);
  EXPECT_EQ(m->end, lx.size());
  lx = Lex("two dozen", &doc);
  EXPECT_EQ(ParseNumberAt(lx, 0, lx.size())->value, 24);
  lx = Lex("a hundred", &doc);
  EXPECT_EQ(ParseNumberAt(lx, 0, lx.size())->value, 100);
  lx = Lex("5 million", &doc);
  EXPECT_EQ(ParseNumberAt(lx, 0, lx.size())->value, 5e6);
  lx = Lex("a man", &doc);
  EXPECT_FALSE(ParseNumberAt(lx, 0, lx.size()));
}

TEST(Timex, FormatAndAnchor) {
  EXPECT_EQ(WeekValue(CivilDate{2025, 8, 19}), "2025-W34");
  EXPECT_EQ(WeekValue(CivilDate{2024, 12, 30}), "2025-W01");
  EXPECT_EQ(WeekValue(CivilDate{2021, 1, 3}), "2020-W53");
  auto a = AnchorOf("2025-W34");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->date, "2025-08-18");
  EXPECT_EQ(a->precision, "week");
  EXPECT_EQ(AnchorOf("2025-09")->precision, "month");
  EXPECT_EQ(AnchorOf("2025-08-19T14:00")->precision, "time");
  EXPECT_EQ(AnchorOf("2025-08-18TNI")->date, "2025-08-18");
  EXPECT_EQ(AnchorOf("2025-SU")->date, "2025");
  EXPECT_FALSE(AnchorOf("P2W"));
  EXPECT_FALSE(AnchorOf("XXXX-09"));
  EXPECT_FALSE(AnchorOf("2025-02-30"));
  EXPECT_FALSE(AnchorOf(""));
}

TEST(Tense, ParseBeatsCues) {
  Document doc;
  Lex("The meeting could be held in September", &doc);
  // Hand-made parse: September <-obl- held; could, be -aux-> held.
  const char* xpos[] = {"DT", "NN", "MD", "VB", "VBN", "IN", "NNP"};
  const int heads[] = {1, 4, 4, 4, -1, 6, 4};
  const char* rels[] = {"det", "nsubj:pass", "aux", "aux:pass", "root", "case", "obl"};
  for (int i = 0; i < 7; ++i) {
    doc.tokens[i].xpos = xpos[i];
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
  }
  EXPECT_EQ(ClauseTense(DependencyView(doc), 0, 6, 7), Tense::kFuture);
  doc.tokens[2].xpos = "VBD";
  doc.tokens[2].form = "was";
  EXPECT_EQ(ClauseTense(DependencyView(doc), 0, 6, 7), Tense::kPast);
  // Malformed heads (a cycle) do not hang.
  doc.tokens[4].head = 6;
  doc.tokens[6].head = 4;
  doc.tokens[4].xpos = "NN";
  doc.tokens[4].upos = "NOUN";
  ClauseTense(DependencyView(doc), 0, 6, 7);
}

}  // namespace
}  // namespace annals::timex
