// Tests for the ontology loader: the shipped tables load and hold known facts
// of the public codebooks, each Goldstein table is selectable, and broken
// copies of the tables (written to a temp dir) are refused with path:line.
#include "ontology/ontology.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/file.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

// Tests run from the repo root (see annals_tests) with ANNALS_DATA set.
std::string DataDir() { return DefaultDataDir(); }

std::unique_ptr<Ontology> MustLoad(const std::string& table) {
  Result<std::unique_ptr<Ontology>> r = Ontology::Load(DataDir(), table);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return nullptr;
  return std::move(r.value());
}

TEST(OntologyTest, LoadsShippedTables) {
  std::unique_ptr<Ontology> o = MustLoad("gdelt");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->codes().size(), 312u);
  std::set<std::string> roots;
  for (const CameoEventCode& c : o->codes()) {
    if (c.level == 0) roots.insert(c.code);
    EXPECT_EQ(c.root, c.code.substr(0, 2));
    EXPECT_GE(c.goldstein, -10.0);
    EXPECT_LE(c.goldstein, 10.0);
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_EQ(*roots.begin(), "01");
  EXPECT_EQ(*roots.rbegin(), "20");
  EXPECT_EQ(o->plover_types().size(), 16u);
  EXPECT_EQ(o->goldstein_table(), "gdelt");
}

TEST(OntologyTest, CameoFacts) {
  std::unique_ptr<Ontology> o = MustLoad("gdelt");
  ASSERT_NE(o, nullptr);
  const CameoEventCode* fight = o->Find("190");
  ASSERT_NE(fight, nullptr);
  EXPECT_EQ(fight->goldstein, -10.0);
  EXPECT_EQ(fight->goldstein_source, "gdelt");
  EXPECT_EQ(fight->name, "Use conventional military force");
  EXPECT_EQ(fight->level, 1);
  EXPECT_EQ(fight->quad_class, 4);
  // Leading zeros are part of the code: "036" is not "36".
  const CameoEventCode* meet = o->Find("036");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->plover_type, "AGREE");
  EXPECT_EQ(meet->root, "03");
  EXPECT_EQ(meet->quad_class, 1);
  EXPECT_EQ(o->Find("36"), nullptr);
  EXPECT_EQ(o->Find(""), nullptr);
  EXPECT_EQ(o->Find("999"), nullptr);
  // Quad class follows the cue category. The shipped column is the ICEWS /
  // PLOVER convention, where 09 INVESTIGATE is verbal conflict and 14 PROTEST
  // material conflict.
  for (const CameoEventCode& c : o->codes()) {
    if (c.root == "14") {
      EXPECT_EQ(c.quad_class, 4) << c.code;
    }
    if (c.root == "10") {
      EXPECT_EQ(c.quad_class, 3) << c.code;
    }
    if (c.root == "06") {
      EXPECT_EQ(c.quad_class, 2) << c.code;
    }
  }
  const CameoEventCode* nuke = o->Find("2042");
  ASSERT_NE(nuke, nullptr);
  EXPECT_EQ(nuke->level, 2);
  EXPECT_EQ(nuke->plover_type, "ASSAULT");
  EXPECT_EQ(nuke->plover_mode, "unconventional");
  EXPECT_EQ(nuke->plover_context, std::vector<std::string>{"cbrn"});
}

TEST(OntologyTest, IntentCodesAndAbsorption) {
  std::unique_ptr<Ontology> o = MustLoad("gdelt");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->Find("040")->intent_code, "036");
  EXPECT_EQ(o->Find("062")->intent_code, "0312");
  EXPECT_EQ(o->Find("0871")->intent_code, "0356");
  EXPECT_EQ(o->Find("190")->intent_code, "");
  EXPECT_TRUE(o->Find("120")->absorbs_complement);
  EXPECT_TRUE(o->Find("026")->absorbs_complement);
  EXPECT_FALSE(o->Find("190")->absorbs_complement);
  EXPECT_FALSE(o->Find("040")->absorbs_complement);
}

TEST(OntologyTest, PloverFacts) {
  std::unique_ptr<Ontology> o = MustLoad("icews");
  ASSERT_NE(o, nullptr);
  // PLOVER drops CAMEO statements and appeals.
  for (const char* code : {"01", "010", "02", "0256", "028"}) {
    const CameoEventCode* c = o->Find(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_EQ(c->plover_type, "") << code;
    EXPECT_TRUE(c->plover_context.empty()) << code;
  }
  // Every other code has a type whose modes include the code's mode.
  size_t typed = 0;
  for (const CameoEventCode& c : o->codes()) {
    if (c.root == "01" || c.root == "02") continue;
    const PloverType* t = o->FindPloverType(c.plover_type);
    ASSERT_NE(t, nullptr) << c.code;
    ++typed;
    if (!c.plover_mode.empty()) {
      EXPECT_NE(std::find(t->modes.begin(), t->modes.end(), c.plover_mode), t->modes.end())
          << c.code;
    }
    for (const std::string& ctx : c.plover_context) EXPECT_TRUE(o->IsPloverContext(ctx)) << c.code;
  }
  EXPECT_EQ(typed, 312u - 11u - 28u);
  // YIELD splits into verbal and material halves.
  EXPECT_EQ(o->Find("082")->plover_type, "CONCEDE");
  EXPECT_EQ(o->Find("0871")->plover_type, "RETREAT");
  EXPECT_EQ(o->Find("0871")->plover_mode, "ceasefire");
  const CameoEventCode* investigate = o->Find("091");
  EXPECT_EQ(investigate->plover_type, "ACCUSE");
  EXPECT_EQ(investigate->plover_context, (std::vector<std::string>{"crime", "corruption"}));
  const PloverType* consult = o->FindPloverType("CONSULT");
  ASSERT_NE(consult, nullptr);
  EXPECT_EQ(consult->modes, (std::vector<std::string>{"visit", "third-party", "multilateral", "phone"}));
  EXPECT_EQ(consult->quad_class, 1);
  EXPECT_EQ(o->FindPloverType("consult"), nullptr);
  EXPECT_EQ(o->FindPloverType("FIGHT"), nullptr);
  EXPECT_TRUE(o->IsPloverContext("rights_freedoms"));
  EXPECT_FALSE(o->IsPloverContext("humanitarian"));
  EXPECT_FALSE(o->IsPloverContext(""));
}

TEST(OntologyTest, EachGoldsteinTableSelectable) {
  std::unique_ptr<Ontology> gdelt = MustLoad("gdelt");
  std::unique_ptr<Ontology> icews = MustLoad("icews");
  std::unique_ptr<Ontology> phoenix = MustLoad("phoenix");
  ASSERT_TRUE(gdelt && icews && phoenix);
  // 016 "Deny responsibility": the tables disagree (-2, -5, 3.4).
  EXPECT_EQ(gdelt->Find("016")->goldstein, -2.0);
  EXPECT_EQ(icews->Find("016")->goldstein, -5.0);
  EXPECT_EQ(phoenix->Find("016")->goldstein, 3.4);
  // 163 "Impose embargo, boycott, or sanctions": -8 / -8 / -6.5.
  EXPECT_EQ(gdelt->Find("163")->goldstein, -8.0);
  EXPECT_EQ(icews->Find("163")->goldstein, -8.0);
  EXPECT_EQ(phoenix->Find("163")->goldstein, -6.5);
  EXPECT_EQ(phoenix->Find("163")->goldstein_source, "phoenix");
  // Phoenix has no 019: GDELT's value, and the fallback is recorded.
  EXPECT_EQ(phoenix->Find("019")->goldstein, 3.4);
  EXPECT_EQ(phoenix->Find("019")->goldstein_source, "gdelt");
  EXPECT_GT(phoenix->goldstein_fallbacks(), 0u);
  // GDELT has no 1213: the ICEWS value.
  EXPECT_EQ(gdelt->Find("1213")->goldstein, -4.0);
  EXPECT_EQ(gdelt->Find("1213")->goldstein_source, "icews");
  EXPECT_EQ(gdelt->goldstein_fallbacks(), 1u);
  EXPECT_EQ(icews->goldstein_fallbacks(), 0u);
  EXPECT_EQ(phoenix->goldstein_table(), "phoenix");

  Result<std::unique_ptr<Ontology>> bad = Ontology::Load(DataDir(), "goldstein");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("'goldstein'"), std::string::npos);
}

// A copy of the shipped tables in a fresh temp dir, edited per test.
class BrokenTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("annals_ontology_" + std::to_string(getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "ontology");
    for (const char* f : {"cameo_events.tsv", "cameo_plover.tsv", "plover_types.tsv",
                          "plover_contexts.tsv"}) {
      fs::copy_file(fs::path(DataDir()) / "ontology" / f, dir_ / "ontology" / f);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& file) const { return (dir_ / "ontology" / file).string(); }

  // Replaces the first line starting with `prefix` by `replacement`; returns
  // its 1-based line number (0 if not found, which fails the test).
  size_t ReplaceLine(const std::string& file, const std::string& prefix,
                     const std::string& replacement) {
    std::ifstream in(Path(file));
    std::string line, out;
    size_t n = 0, found = 0;
    while (std::getline(in, line)) {
      ++n;
      if (found == 0 && line.rfind(prefix, 0) == 0) {
        found = n;
        line = replacement;
      }
      out += line + '\n';
    }
    in.close();
    std::ofstream(Path(file), std::ios::trunc) << out;
    EXPECT_NE(found, 0u) << "no line starting with '" << prefix << "' in " << file;
    return found;
  }

  Status LoadStatus() {
    Result<std::unique_ptr<Ontology>> r = Ontology::Load(dir_.string(), "gdelt");
    return r.status();
  }

  // Expects a DataError mentioning "path:line:" and every part of `parts`.
  void ExpectError(const std::string& file, size_t line, const std::vector<std::string>& parts) {
    Status s = LoadStatus();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), StatusCode::kDataError) << s.ToString();
    const std::string where = Path(file) + ":" + std::to_string(line) + ":";
    EXPECT_NE(s.message().find(where), std::string::npos) << s.message();
    for (const std::string& p : parts) EXPECT_NE(s.message().find(p), std::string::npos) << s.message();
  }

  fs::path dir_;
};

TEST_F(BrokenTablesTest, CopyLoads) { EXPECT_TRUE(LoadStatus().ok()) << LoadStatus().ToString(); }

TEST_F(BrokenTablesTest, GoldsteinOutOfRange) {
  size_t line = ReplaceLine("cameo_events.tsv", "190\t",
                            "190\t19\t1\tUse conventional military force\t4\t-12\t-10\t-10\t\t0");
  ExpectError("cameo_events.tsv", line, {":6: ", "outside [-10, 10]", "'-12'"});
  // The rejected row's mapping is not reported a second time.
  EXPECT_EQ(LoadStatus().message().find("unknown CAMEO code"), std::string::npos)
      << LoadStatus().message();
}

TEST_F(BrokenTablesTest, GoldsteinNotNumber) {
  size_t line = ReplaceLine("cameo_events.tsv", "057\t",
                            "057\t05\t1\tSign formal agreement\t2x\t8\tlots\t8\t\t0");
  ExpectError("cameo_events.tsv", line, {"'lots'", "not a number", "quad class", "'2x'"});
}

TEST_F(BrokenTablesTest, QuadClassOutOfRange) {
  size_t line = ReplaceLine("cameo_events.tsv", "141\t", "141\t14\t1\tDemonstrate or rally\t5\t-6.5\t-6.5\t-6.5\t\t0");
  ExpectError("cameo_events.tsv", line, {":5: ", "quad class must be 1..4", "'5'"});
}

TEST_F(BrokenTablesTest, QuadClassDiffersFromRoot) {
  size_t line = ReplaceLine("cameo_events.tsv", "141\t", "141\t14\t1\tDemonstrate or rally\t3\t-6.5\t-6.5\t-6.5\t\t0");
  ExpectError("cameo_events.tsv", line, {"differs from root 14"});
}

TEST_F(BrokenTablesTest, BadIntentAndAbsorbColumns) {
  size_t line = ReplaceLine("cameo_events.tsv", "042\t", "042\t04\t1\tMake a visit\t1\t1.9\t1.9\t1.9\t0399\t0");
  ExpectError("cameo_events.tsv", line, {"intent code '0399' of '042' is not in the table"});
  size_t line2 = ReplaceLine("cameo_events.tsv", "043\t", "043\t04\t1\tHost a visit\t1\t2.8\t2.8\t2.8\t036\tyes");
  ExpectError("cameo_events.tsv", line2, {"absorbs must be 0 or 1"});
}

TEST_F(BrokenTablesTest, UnknownRootAndBadCode) {
  size_t line = ReplaceLine("cameo_events.tsv", "2042\t",
                            "2042\t21\t2\tDetonate nuclear weapons\t4\t-10\t-10\t-10\t\t0");
  ExpectError("cameo_events.tsv", line, {":2: ", "unknown CAMEO root", "'21'"});
  size_t line2 = ReplaceLine("cameo_events.tsv", "2041\t", "20x1\t20\t2\tUse CBR weapons\t4\t-10\t-10\t-10\t\t0");
  ExpectError("cameo_events.tsv", line2, {"'20x1'"});
}

TEST_F(BrokenTablesTest, DuplicateCodeAndMissingParent) {
  size_t line = ReplaceLine("cameo_events.tsv", "1822\t", "1821\t18\t2\tTorture\t4\t-9\t-9\t-9\t\t0");
  ExpectError("cameo_events.tsv", line, {"duplicate CAMEO code", "'1821'"});
  // Removing root 18 orphans its children.
  size_t root = ReplaceLine("cameo_events.tsv", "18\t", "# root 18 removed");
  Status s = LoadStatus();
  EXPECT_NE(s.message().find("parent '18' of code '180'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(Path("cameo_plover.tsv")), std::string::npos) << "mapping of 18 now unknown";
  EXPECT_GT(root, 0u);
}

TEST_F(BrokenTablesTest, UnknownPloverTypeModeContext) {
  size_t type_line = ReplaceLine("cameo_plover.tsv", "036\t", "036\tAGRE\t\tdiplomatic\t");
  size_t mode_line = ReplaceLine("cameo_plover.tsv", "042\t", "042\tCONSULT\triot\t\t");
  size_t ctx_line = ReplaceLine("cameo_plover.tsv", "061\t", "061\tCOOPERATE\t\teconomic;economy\t");
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  const std::string p = Path("cameo_plover.tsv");
  EXPECT_NE(s.message().find(p + ":" + std::to_string(type_line) + ":2: unknown PLOVER type"),
            std::string::npos) << s.message();
  EXPECT_NE(s.message().find(p + ":" + std::to_string(mode_line) + ":3: mode not allowed for CONSULT"),
            std::string::npos) << s.message();
  EXPECT_NE(s.message().find(p + ":" + std::to_string(ctx_line) + ":4: unknown PLOVER context 'economy'"),
            std::string::npos) << s.message();
  // All three problems are reported at once, one per line.
  EXPECT_EQ(std::count(s.message().begin(), s.message().end(), '\n'), 2) << s.message();
}

TEST_F(BrokenTablesTest, UnmappedCode) {
  ReplaceLine("cameo_plover.tsv", "1384\t", "# 1384 removed");
  size_t line = 0;
  {
    std::ifstream in(Path("cameo_events.tsv"));
    std::string l;
    size_t n = 0;
    while (std::getline(in, l)) {
      ++n;
      if (l.rfind("1384\t", 0) == 0) line = n;
    }
  }
  ExpectError("cameo_events.tsv", line, {"code '1384' has no row in cameo_plover.tsv"});
}

TEST_F(BrokenTablesTest, EmptyTypeNeedsNote) {
  size_t line = ReplaceLine("cameo_plover.tsv", "010\t", "010\t\t\t\t");
  ExpectError("cameo_plover.tsv", line, {"needs a note"});
  ReplaceLine("cameo_plover.tsv", "011\t", "011\t\tvisit\t\tdropped");
  Status s = LoadStatus();
  EXPECT_NE(s.message().find("mode without a PLOVER type"), std::string::npos) << s.message();
}

TEST_F(BrokenTablesTest, BadPloverTypesTable) {
  size_t line = ReplaceLine("plover_types.tsv", "AID\t", "AID\t7\t\tMaterial help.");
  ExpectError("plover_types.tsv", line, {":2: quad class must be 1..4", "'7'"});
}

TEST_F(BrokenTablesTest, MissingColumnAndMissingFile) {
  size_t line = ReplaceLine("plover_contexts.tsv", "name\t", "label\tdescription");
  Status s = LoadStatus();
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.message().find(Path("plover_contexts.tsv") + ":" + std::to_string(line) +
                             ": missing column 'name'"),
            std::string::npos) << s.message();
  fs::remove(Path("cameo_plover.tsv"));
  fs::copy_file(fs::path(DataDir()) / "ontology" / "plover_contexts.tsv", Path("plover_contexts.tsv"),
                fs::copy_options::overwrite_existing);
  s = LoadStatus();
  EXPECT_EQ(s.code(), StatusCode::kNotFound) << s.ToString();
  EXPECT_NE(s.message().find("cameo_plover.tsv"), std::string::npos) << s.message();
}

TEST_F(BrokenTablesTest, ManyErrorsAreCapped) {
  // Shift every data row's columns: each row is wrong several ways.
  std::ifstream in(Path("cameo_events.tsv"));
  std::string line, out;
  bool header_seen = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#' && header_seen) line = "x\t" + line;
    if (!line.empty() && line[0] != '#') header_seen = true;
    out += line + '\n';
  }
  in.close();
  std::ofstream(Path("cameo_events.tsv"), std::ios::trunc) << out;
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("more"), std::string::npos);
  EXPECT_LE(std::count(s.message().begin(), s.message().end(), '\n'), 51);
}

}  // namespace
}  // namespace annals
