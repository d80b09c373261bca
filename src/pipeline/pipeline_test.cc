// The pipeline's contracts: the order check, each stage reading only the
// layers it declares (undeclared layers filled with junk must not change
// its output), load diagnostics in one place, and a data fingerprint that
// changes with every file the stages read.
#include "annals/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/file.h"

namespace annals {
namespace {

constexpr char kText[] =
    "BERLIN -- Russian forces attacked Kharkiv on Monday, killing 12 people, Ukrainian officials said. "
    "Putin will meet Zelensky in Geneva in September, Lavrov told reporters. \"We are ready,\" he added.\n\n"
    "Japan will provide $2.5 billion in aid to the Philippines. Police arrested 40 protesters in Tbilisi.";

Document SampleDoc() {
  Document doc;
  doc.id = "sample";
  doc.date = "2025-08-19";
  doc.text = kText;
  return doc;
}

std::unique_ptr<Pipeline> MustCreate(Config c = {}) {
  auto p = Pipeline::Create(c);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? std::move(p).value() : nullptr;
}

// The content of one layer, written out so two documents can be compared.
std::string Dump(const Document& d, uint32_t layer) {
  std::ostringstream o;
  switch (layer) {
    case kLayerTags:
      for (const Token& t : d.tokens) o << t.upos << '/' << t.xpos << '/' << t.lemma << '/' << t.feats << ' ';
      break;
    case kLayerParse:
      for (const Token& t : d.tokens) o << t.head << ':' << t.deprel << ' ';
      break;
    case kLayerMentions:
      for (const Mention& m : d.mentions) {
        o << m.span.begin << '-' << m.span.end << ' ' << m.actor.code << ' ' << m.actor.name << ' ' << m.how << ' '
          << m.antecedent << '\n';
      }
      break;
    case kLayerPlaces:
      for (const Place& p : d.places) o << p.span.begin << ' ' << p.name << ' ' << p.country << '\n';
      break;
    case kLayerTimes:
      for (const TimeExpr& t : d.time_exprs) o << t.span.begin << ' ' << t.type << ' ' << t.value << '\n';
      break;
    case kLayerAmounts:
      for (const Amount& a : d.amounts) o << a.span.begin << ' ' << a.kind << ' ' << a.value << '\n';
      break;
    case kLayerQuotes:
      for (const Quote& q : d.quotes) o << q.span.begin << '-' << q.span.end << ' ' << q.speaker << ' ' << q.cue << ' ' << q.venue << '\n';
      break;
    case kLayerEvents:
      for (const Event& e : d.events) {
        o << e.cameo << ' ' << (e.source ? e.source->actor.code : "-") << ' ' << (e.target ? e.target->actor.code : "-")
          << ' ' << ModalityName(e.modality) << ' ' << (e.attribution ? e.attribution->speaker_text : "-") << ' '
          << e.evidence.rule << '\n';
      }
      break;
    case kLayerEventContext:
      for (const Event& e : d.events) {
        o << e.date << ' ' << e.date_precision << ' ' << (e.location ? e.location->name : "-") << ' ' << e.amounts.size()
          << '\n';
      }
      break;
    default:
      break;
  }
  return o.str();
}

// Fills `layer` with junk a stage must not read unless it declares it.
void Scramble(Document* d, uint32_t layer) {
  const auto n = static_cast<int32_t>(d->tokens.size());
  switch (layer) {
    case kLayerTags: {
      // Plausible tags in the wrong places read differently from none.
      static constexpr const char* kUpos[] = {"NOUN", "PROPN", "VERB", "ADJ"};
      size_t i = 0;
      for (Token& t : d->tokens) {
        t.upos = kUpos[i++ % 4];
        t.xpos = "VBD";
        t.lemma = "junk";
        t.feats = "Junk=Yes";
      }
      break;
    }
    case kLayerParse:
      for (int32_t i = 0; i < n; ++i) {
        d->tokens[static_cast<size_t>(i)].head = i + 1 < n ? i + 1 : -1;
        d->tokens[static_cast<size_t>(i)].deprel = "dep";
      }
      break;
    case kLayerMentions:
      for (Mention& m : d->mentions) {
        m.actor.code = "ZZZ";
        m.actor.country = "ZZZ";
        m.actor.name = "Junk";
      }
      break;
    case kLayerPlaces:
      for (Place& p : d->places) p.name = "Nowhere";
      break;
    case kLayerTimes:
      for (TimeExpr& t : d->time_exprs) t.value = "1900";
      break;
    case kLayerAmounts:
      for (Amount& a : d->amounts) a.kind = "junk";
      break;
    case kLayerQuotes:
      for (Quote& q : d->quotes) {
        q.speaker = -1;
        q.cue = "junk";
        q.span = {0, static_cast<uint32_t>(d->text.size())};
      }
      break;
    default:
      break;
  }
}

TEST(Pipeline, EachStageReadsOnlyTheLayersItDeclares) {
  auto p = MustCreate();
  ASSERT_NE(p, nullptr);
  const auto& stages = p->stages();
  constexpr uint32_t kScrambled[] = {kLayerTags,  kLayerParse,   kLayerMentions, kLayerPlaces,
                                     kLayerTimes, kLayerAmounts, kLayerQuotes};
  for (size_t i = 1; i < stages.size(); ++i) {
    Document before = SampleDoc();
    uint32_t filled = 0;
    for (size_t k = 0; k < i; ++k) {
      ASSERT_TRUE(stages[k]->Process(&before).ok());
      filled |= stages[k]->fills();
    }
    Document clean = before;
    Document junk = before;
    const uint32_t undeclared = filled & ~stages[i]->needs();
    for (uint32_t layer : kScrambled) {
      if (undeclared & layer) Scramble(&junk, layer);
    }
    ASSERT_TRUE(stages[i]->Process(&clean).ok());
    ASSERT_TRUE(stages[i]->Process(&junk).ok());
    for (uint32_t layer = 1; layer != 0 && layer <= kLayerEventContext; layer <<= 1) {
      if (!(stages[i]->fills() & layer)) continue;
      EXPECT_EQ(Dump(clean, layer), Dump(junk, layer))
          << "stage '" << stages[i]->name() << "' reads a layer it does not declare (its "
          << LayerNames(layer) << " output changed when " << LayerNames(undeclared) << " held junk)";
    }
  }
}

class FakeStage : public Stage {
 public:
  FakeStage(std::string name, uint32_t needs, uint32_t fills) : name_(std::move(name)), needs_(needs), fills_(fills) {}
  std::string_view name() const override { return name_; }
  uint32_t needs() const override { return needs_; }
  uint32_t fills() const override { return fills_; }
  Status Process(Document*) const override { return Status::Ok(); }

 private:
  std::string name_;
  uint32_t needs_, fills_;
};

TEST(Pipeline, OrderCheckNamesTheStageAndTheMissingLayers) {
  std::vector<std::unique_ptr<Stage>> ok;
  ok.push_back(std::make_unique<FakeStage>("text", 0, kLayerText | kLayerTokens));
  ok.push_back(std::make_unique<FakeStage>("tagger", kLayerTokens, kLayerTags));
  EXPECT_TRUE(CheckStageOrder(ok).ok());
  std::vector<std::unique_ptr<Stage>> bad;
  bad.push_back(std::make_unique<FakeStage>("tagger", kLayerTokens, kLayerTags));
  bad.push_back(std::make_unique<FakeStage>("text", 0, kLayerText | kLayerTokens));
  Status st = CheckStageOrder(bad);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("'tagger'"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("tokens"), std::string::npos) << st.message();
}

// A copy of the shipped data in a temporary folder, to break on purpose.
std::string CopyData(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dst = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dst);
  fs::copy(DefaultDataDir(), dst, fs::copy_options::recursive);
  return dst.string();
}

TEST(Pipeline, LoadProblemsAreCollectedOnceWithFileAndLine) {
  const std::string data = CopyData("annals_pipeline_diag");
  std::ofstream(data + "/patterns/zz-broken.patterns") << "# format: annals-patterns v1\n"
                                                          "ponder.x 010 ponder/V speech\n";
  std::ofstream(data + "/lang/en/speech.tsv", std::ios::app) << "cues\tmutter\n";
  Config c;
  c.data_dir = data;
  auto p = MustCreate(c);
  ASSERT_NE(p, nullptr);
  std::string all;
  for (const Diagnostic& d : p->load_diagnostics()) all += d.message + "\n";
  EXPECT_NE(all.find("zz-broken.patterns:2"), std::string::npos) << all;
  EXPECT_NE(all.find("'ponder' is not a speech cue"), std::string::npos) << all;
  EXPECT_NE(all.find("speech.tsv:"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown list"), std::string::npos) << all;
}

TEST(Pipeline, FingerprintFollowsEveryFileTheStagesRead) {
  const std::string data = CopyData("annals_pipeline_fp");
  Config c;
  c.data_dir = data;
  auto a = MustCreate(c);
  ASSERT_NE(a, nullptr);
  const std::string base = a->DataFingerprint();
  EXPECT_EQ(base, a->DataFingerprint());
  // A word list edited by hand changes it.
  std::ofstream(data + "/lang/en/speech.tsv", std::ios::app) << "cue\tmutter\n";
  EXPECT_NE(MustCreate(c)->DataFingerprint(), base);
  // So does a user's actor file given with --actors.
  const std::string extra = ::testing::TempDir() + "/annals_extra.actors";
  std::ofstream(extra) << "# format: annals-actors v1\n\n@ user-x\ntype: person\nname: Jana Novak\ncode: CZEGOV\ncountry: CZE\n";
  Config with_actors = c;
  with_actors.extra_actor_dictionary = extra;
  auto b = MustCreate(with_actors);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(b->DataFingerprint(), MustCreate(c)->DataFingerprint());
}

}  // namespace
}  // namespace annals
