// Tests of the amounts stage: each currency and magnitude form, casualty and
// crowd forms, the currency table loader's error reporting, and garbage.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <random>
#include <string>

#include "amounts/amount_recognizer.h"
#include "amounts/amounts_stage.h"
#include "amounts/currency_table.h"
#include "base/file.h"
#include "base/tsv.h"
#include "time/plain_tokens.h"

namespace annals {
namespace {

const CurrencyTable& Table() {
  static const CurrencyTable* kTable = [] {
    std::vector<std::string> warnings;
    auto t = CurrencyTable::Load("data/amounts/currencies.tsv", &warnings);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    return new CurrencyTable(std::move(t).value());
  }();
  return *kTable;
}

Document RunAmounts(const std::string& text) {
  Document doc;
  doc.id = "test";
  doc.text = text;
  timex::PlainTokenize(&doc);
  AmountRecognizer(&Table()).Find(&doc);
  return doc;
}

// The single amount in `text`.
Amount One(const std::string& text) {
  Document doc = RunAmounts(text);
  if (doc.amounts.size() != 1) {
    std::string found;
    for (const Amount& a : doc.amounts) found += "[" + a.text + "] ";
    ADD_FAILURE() << doc.amounts.size() << " amounts in: " << text << "\nfound: " << found;
    return Amount{};
  }
  return doc.amounts[0];
}

void ExpectMoney(const std::string& text, double value, const std::string& code,
                 const std::string& span) {
  SCOPED_TRACE(text);
  Amount a = One(text);
  EXPECT_EQ(a.kind, "money");
  EXPECT_DOUBLE_EQ(a.value, value);
  EXPECT_EQ(a.unit, code);
  EXPECT_EQ(a.text, span);
}

TEST(Money, SymbolsAndMagnitudes) {
  ExpectMoney("The fund holds $8bn in cash.", 8e9, "USD", "$8bn");
  ExpectMoney("The fund holds $8 billion in cash.", 8e9, "USD", "$8 billion");
  ExpectMoney("A loan of €50 million was agreed.", 5e7, "EUR", "€50 million");
  ExpectMoney("The club paid £1.2m for him.", 1.2e6, "GBP", "£1.2m");
  ExpectMoney("Ottawa pledged C$2m in aid.", 2e6, "CAD", "C$2m");
  ExpectMoney("Canberra pledged A$300 million.", 3e8, "AUD", "A$300 million");
  ExpectMoney("The deal is worth HK$1.5bn.", 1.5e9, "HKD", "HK$1.5bn");
  ExpectMoney("Aid of US$5 million arrived.", 5e6, "USD", "US$5 million");
  ExpectMoney("Fines reached ₽10 million.", 1e7, "RUB", "₽10 million");
  ExpectMoney("Kyiv budgeted ₴40bn for repairs.", 4e10, "UAH", "₴40bn");
  ExpectMoney("Tokyo set aside ¥3 trillion.", 3e12, "JPY", "¥3 trillion");
  ExpectMoney("The firm earned $250,000 last year.", 2.5e5, "USD", "$250,000");
}

TEST(Money, WordsAndCodes) {
  ExpectMoney("Kiev will buy weapons worth 100 billion dollars.", 1e11, "USD",
              "100 billion dollars");
  ExpectMoney("Japan lent 2.5 trillion yen.", 2.5e12, "JPY", "2.5 trillion yen");
  ExpectMoney("Brussels froze 300 million euros.", 3e8, "EUR", "300 million euros");
  ExpectMoney("Moscow spent 5 billion rubles.", 5e9, "RUB", "5 billion rubles");
  ExpectMoney("Moscow spent 5 billion roubles.", 5e9, "RUB", "5 billion roubles");
  ExpectMoney("Kyiv paid 900 million hryvnias.", 9e8, "UAH", "900 million hryvnias");
  ExpectMoney("Beijing offered 10 billion yuan.", 1e10, "CNY", "10 billion yuan");
  ExpectMoney("Delhi approved 40 billion rupees.", 4e10, "INR", "40 billion rupees");
  ExpectMoney("London raised 2 million pounds.", 2e6, "GBP", "2 million pounds");
  ExpectMoney("Ottawa gave 70 million Canadian dollars.", 7e7, "CAD",
              "70 million Canadian dollars");
  ExpectMoney("The fine was five million dollars.", 5e6, "USD", "five million dollars");
  ExpectMoney("The bank holds USD 300 million.", 3e8, "USD", "USD 300 million");
  ExpectMoney("The bank holds 300 million USD.", 3e8, "USD", "300 million USD");
  ExpectMoney("The bank holds 300m EUR.", 3e8, "EUR", "300m EUR");
  Amount a = One("The war cost billions of dollars.");
  EXPECT_TRUE(a.approximate);
  EXPECT_EQ(a.unit, "USD");
  EXPECT_DOUBLE_EQ(a.value, 2e9);
  a = One("It cost about $3 billion.");
  EXPECT_TRUE(a.approximate);
  EXPECT_EQ(a.text, "about $3 billion");
}

TEST(Casualties, CountThenCue) {
  Amount a = One("Five people killed in the blast.");
  EXPECT_EQ(a.kind, "killed");
  EXPECT_DOUBLE_EQ(a.value, 5);
  EXPECT_EQ(a.unit, "people");
  a = One("At least 12 Palestinian civilians were killed on Monday.");
  EXPECT_EQ(a.kind, "killed");
  EXPECT_DOUBLE_EQ(a.value, 12);
  EXPECT_TRUE(a.approximate);
  a = One("Another 40 wounded were taken to hospital.");
  EXPECT_EQ(a.kind, "wounded");
  EXPECT_DOUBLE_EQ(a.value, 40);
  a = One("Two dozen soldiers died.");
  EXPECT_EQ(a.kind, "killed");
  EXPECT_DOUBLE_EQ(a.value, 24);
  a = One("Dozens of people were injured.");
  EXPECT_EQ(a.kind, "wounded");
  EXPECT_TRUE(a.approximate);
  a = One("More than 300 people were arrested.");
  EXPECT_EQ(a.kind, "arrested");
  EXPECT_DOUBLE_EQ(a.value, 300);
  a = One("Some 10,000 residents were displaced.");
  EXPECT_EQ(a.kind, "displaced");
  EXPECT_DOUBLE_EQ(a.value, 10000);
}

TEST(Casualties, ActiveVerbAndToll) {
  Amount a = One("The strike hit a market, killing at least 15 people.");
  EXPECT_EQ(a.kind, "killed");
  EXPECT_DOUBLE_EQ(a.value, 15);
  a = One("Police arrested 200 protesters in the capital.");
  EXPECT_EQ(a.kind, "arrested");
  EXPECT_DOUBLE_EQ(a.value, 200);
  a = One("The shelling injured 7 civilians.");
  EXPECT_EQ(a.kind, "wounded");
  EXPECT_DOUBLE_EQ(One("The death toll from the quake has risen to 1,200.").value, 1200);
  a = One("The death toll rose to 31.");
  EXPECT_EQ(a.kind, "killed");
  EXPECT_DOUBLE_EQ(a.value, 31);
  // Not counts of people.
  EXPECT_TRUE(RunAmounts("He was killed 3 days later.").amounts.empty());
  EXPECT_TRUE(RunAmounts("She was arrested in 2014 in Minsk.").amounts.empty());
}

TEST(Crowds, Forms) {
  Amount a = One("Thousands of protesters gathered outside parliament.");
  EXPECT_EQ(a.kind, "crowd");
  EXPECT_DOUBLE_EQ(a.value, 2000);
  EXPECT_TRUE(a.approximate);
  a = One("Tens of thousands of demonstrators filled the square.");
  EXPECT_EQ(a.kind, "crowd");
  EXPECT_DOUBLE_EQ(a.value, 20000);
  a = One("About 20,000 people marched through Tbilisi.");
  EXPECT_EQ(a.kind, "crowd");
  EXPECT_DOUBLE_EQ(a.value, 20000);
  a = One("A crowd of 5,000 greeted him.");
  EXPECT_EQ(a.kind, "crowd");
  EXPECT_DOUBLE_EQ(a.value, 5000);
  // A casualty cue after the crowd noun wins.
  a = One("Five protesters were killed.");
  EXPECT_EQ(a.kind, "killed");
  EXPECT_STREQ(PloverSizeField("killed"), "dead");
  EXPECT_STREQ(PloverSizeField("crowd"), "size");
}

TEST(NonAmounts, PlainNumbers) {
  EXPECT_TRUE(RunAmounts("The 27 member states met in 2025 for 3 days.").amounts.empty());
  EXPECT_TRUE(RunAmounts("Boeing delivered 30 A320 jets.").amounts.empty());
  EXPECT_TRUE(RunAmounts("He won 5 seats.").amounts.empty());
}

TEST(SeedArticle, TwoAmounts) {
  auto text = ReadFile("../shared/examples/seed-article.txt");
  if (!text.ok()) GTEST_SKIP() << "seed article not available";
  Document doc = RunAmounts(text.value());
  ASSERT_EQ(doc.amounts.size(), 2u);
  EXPECT_EQ(doc.amounts[0].unit, "USD");
  EXPECT_DOUBLE_EQ(doc.amounts[0].value, 1e11);
  EXPECT_EQ(doc.amounts[1].unit, "USD");
  EXPECT_DOUBLE_EQ(doc.amounts[1].value, 5e10);
}

// The figure reported for amount extraction: precision and recall on
// testdata/amounts_gold.tsv (an amount is right when kind, unit and value
// match).
TEST(AmountsGold, PrecisionRecall) {
  auto table = TsvTable::Load("src/amounts/testdata/amounts_gold.tsv");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  size_t gold_n = 0, sys_n = 0, correct = 0;
  for (const TsvRow& row : table->rows()) {
    Document doc = RunAmounts(std::string(row.Get("text")));
    std::vector<Amount> gold;
    for (std::string_view item : SplitString(row.Get("amounts"), ';')) {
      item = TrimAscii(item);
      if (item.empty()) continue;
      auto parts = SplitString(item, ' ');
      ASSERT_EQ(parts.size(), 3u) << row.Error("bad gold item");
      Amount g;
      g.kind = std::string(parts[0]);
      g.value = std::stod(std::string(parts[1]));
      g.unit = std::string(parts[2]);
      gold.push_back(g);
    }
    gold_n += gold.size();
    sys_n += doc.amounts.size();
    std::vector<bool> used(gold.size(), false);
    for (const Amount& a : doc.amounts) {
      bool hit = false;
      for (size_t g = 0; g < gold.size() && !hit; ++g) {
        if (!used[g] && gold[g].kind == a.kind && gold[g].unit == a.unit &&
            std::abs(gold[g].value - a.value) <= 1e-3 * gold[g].value) {
          used[g] = hit = true;
        }
      }
      if (hit) {
        ++correct;
      } else {
        std::cout << "  wrong: " << a.kind << " " << a.value << " " << a.unit << " '" << a.text
                  << "' in: " << row.Get("text") << "\n";
      }
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      if (!used[g]) {
        std::cout << "  missed: " << gold[g].kind << " " << gold[g].value << " in: "
                  << row.Get("text") << "\n";
      }
    }
  }
  const double p = sys_n ? double(correct) / sys_n : 0;
  const double r = gold_n ? double(correct) / gold_n : 0;
  std::cout << "amounts: gold " << gold_n << ", system " << sys_n << ", correct " << correct
            << ", P " << p << " R " << r << "\n";
  EXPECT_GE(gold_n, 35u);
  EXPECT_GE(p, 0.8);
  EXPECT_GE(r, 0.8);
}

TEST(CurrencyTableLoad, BadRowsReportedRestLoads) {
  std::vector<std::string> warnings;
  auto t = CurrencyTable::Parse(
      "# test\nform\tkind\tcode\tvalue\n$\tsymbol\tUSD\t\ndollars\tname\tusd\t\n"
      "bn\tmagnitude\t\tlots\nfoo\tcoin\tUSD\t\neuros\tname\tEUR\t\n",
      "mem.tsv", &warnings);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("mem.tsv:4:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("'usd'"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("mem.tsv:5:"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[2].find("'coin'"), std::string::npos) << warnings[2];
  EXPECT_TRUE(t->Code("usd") == std::nullopt);
  auto missing = CurrencyTable::Load("data/amounts/no-such.tsv", &warnings);
  EXPECT_FALSE(missing.ok());
}

TEST(Stage, CreatesFromDataDir) {
  Config config;
  config.data_dir = "data";
  auto stage = CreateAmountsStage(config);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  EXPECT_EQ((*stage)->fills(), kLayerAmounts);
  config.data_dir = "/nonexistent";
  EXPECT_FALSE(CreateAmountsStage(config).ok());
}

TEST(Garbage, NeverCrashes) {
  RunAmounts("1e400 dollars and $1e400 and 99999999999999999999999999999999 dollars");
  RunAmounts("$" + std::string(5000, '9') + "bn and " + std::string(3000, '9') + " killed");
  RunAmounts("$ $ $ € £ bn m killed killed thousands of of of tens of");
  Document doc = RunAmounts("999999999999999999 trillion dollars");
  for (const Amount& a : doc.amounts) EXPECT_LE(a.value, 1e18);
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 300);
    for (int i = 0; i < len; ++i) {
      static const char kAlphabet[] = "0123456789$., bnmk killed dollars\xe2\x82\xac\xc2\xa3\xff";
      text += (rng() % 4 == 0) ? static_cast<char>(rng() % 256)
                               : kAlphabet[rng() % (sizeof kAlphabet - 1)];
    }
    Document d = RunAmounts(text);
    for (const Amount& a : d.amounts) {
      EXPECT_LE(a.span.end, d.text.size());
      EXPECT_TRUE(a.value >= 0 && a.value <= 1e18);
    }
  }
}

}  // namespace
}  // namespace annals
