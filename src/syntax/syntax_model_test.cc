// Tests for the model file (header, checksum, version), deterministic
// training, the parser's tree guarantees and the stage contract. A tiny
// model is trained on a handful of sentences so the suite stays fast.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <filesystem>
#include <cstring>
#include <fstream>

#include "syntax/parser.h"
#include "syntax/syntax_model.h"
#include "syntax/syntax_stage.h"
#include "syntax/trainer.h"

namespace annals::syntax {
namespace {

constexpr const char* kTiny =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tenvoys\tenvoy\tNOUN\tNNS\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "4\tleft\tleave\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tentered\tenter\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tFive\tfive\tNUM\tCD\t_\t2\tnummod\t_\t_\n"
    "2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\tkilled\tkill\tVERB\tVBN\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tRussian\tRussian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
    "2\ttroops\ttroop\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tattack\tattack\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tcity\tcity\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsays\tsay\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
    "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
    "3\ttroops\ttroop\tNOUN\tNNS\t_\t1\tconj\t_\t_\n"
    "4\tclashed\tclash\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tHamas\tHamas\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
    "2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "3\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

// News shapes for the present-tense repair tests: a hyphenated plural name,
// a place in apposition, adverbs before the verb.
const char kNewsShapes[] =
    "1\tThe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "2\tUnited\tUnited\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
    "3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\t_\n"
    "4\tStates\tStates\tPROPN\tNNPS\t_\t15\tnsubj\t_\t_\n"
    "5\t(\t(\tPUNCT\t-LRB-\t_\t6\tpunct\t_\t_\n"
    "6\tUS\tUS\tPROPN\tNNP\t_\t4\tappos\t_\t_\n"
    "7\t)\t)\tPUNCT\t-RRB-\t_\t6\tpunct\t_\t_\n"
    "8\tin\tin\tADP\tIN\t_\t9\tcase\t_\t_\n"
    "9\tMoscow\tMoscow\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n"
    "10\t,\t,\tPUNCT\t,\t_\t11\tpunct\t_\t_\n"
    "11\tRussia\tRussia\tPROPN\tNNP\t_\t9\tappos\t_\t_\n"
    "12\t,\t,\tPUNCT\t,\t_\t11\tpunct\t_\t_\n"
    "13\tlater\tlater\tADV\tRB\t_\t15\tadvmod\t_\t_\n"
    "14\tthen\tthen\tADV\tRB\t_\t15\tadvmod\t_\t_\n"
    "15\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "16\tthe\tthe\tDET\tDT\t_\t17\tdet\t_\t_\n"
    "17\ttown\ttown\tNOUN\tNN\t_\t15\tobj\t_\t_\n"
    "18\t.\t.\tPUNCT\t.\t_\t15\tpunct\t_\t_\n"
    "\n";

class SyntaxModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((std::filesystem::temp_directory_path() /
                            ("annals_syntax_test_" + std::to_string(::getpid())))
                               .string());
    std::filesystem::create_directories(*dir_);
    std::ofstream(*dir_ + "/tiny.conllu") << kTiny;
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    std::filesystem::remove_all(*dir_, ec);
    delete dir_;
  }
  static std::unique_ptr<SyntaxModel> Train() {
    TrainSyntaxOptions o;
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.jackknife = 2;
    auto m = TrainSyntaxModel(*dir_ + "/tiny.conllu", *dir_ + "/tiny.conllu", o);
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return m.ok() ? std::move(m).value() : nullptr;
  }
  static std::string* dir_;
};
std::string* SyntaxModelTest::dir_ = nullptr;

TEST_F(SyntaxModelTest, TrainingIsDeterministic) {
  auto a = Train(), b = Train();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->Serialize(), b->Serialize());
}

TEST_F(SyntaxModelTest, SaveLoadRoundTrip) {
  auto m = Train();
  ASSERT_TRUE(m);
  const std::string path = *dir_ + "/tiny.model";
  ASSERT_TRUE(m->Save(path).ok());
  auto loaded = SyntaxModel::Load(path, LexiconDir(Config{}));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE((*loaded)->lemmatizer().has_wordnet());
  auto wordnet = WordNet::Load(LexiconDir(Config{}));
  ASSERT_TRUE(wordnet.ok());
  m->SetWordNet(*wordnet);
  EXPECT_EQ((*loaded)->Serialize(), m->Serialize());
  SentenceAnalysis x, y;
  std::vector<std::string_view> forms = {"The", "rebels", "met", "the", "minister", "."};
  m->Analyze(forms, &x);
  (*loaded)->Analyze(forms, &y);
  EXPECT_EQ(x.tags, y.tags);
  EXPECT_EQ(x.heads, y.heads);
  EXPECT_EQ(x.labels, y.labels);
  EXPECT_EQ(x.lemmas, y.lemmas);
}

TEST_F(SyntaxModelTest, CorruptOrMismatchedFilesAreRefused) {
  auto m = Train();
  ASSERT_TRUE(m);
  const std::string good = m->Serialize();
  auto expect_refused = [](const std::string& bytes, const std::string& why) {
    auto r = SyntaxModel::FromBytes(bytes, "x.model");
    ASSERT_FALSE(r.ok()) << why;
    EXPECT_EQ(r.status().code(), StatusCode::kDataError);
    EXPECT_NE(r.status().message().find("x.model"), std::string::npos);
    EXPECT_NE(r.status().message().find(why), std::string::npos) << r.status().message();
  };
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x40;
  expect_refused(flipped, "checksum mismatch");
  expect_refused(good.substr(0, good.size() - 10), "truncated");
  expect_refused(good.substr(0, 30), "truncated header");
  expect_refused("hello world, not a model at all", "bad magic");
  std::string version = good;
  version[20] = 99;  // first byte of the version after the 20-byte magic line
  expect_refused(version, "format version 99");
  version[20] = static_cast<char>(kSyntaxModelVersion + 1);
  expect_refused(version, "format version " + std::to_string(kSyntaxModelVersion + 1));
  // A header claiming a 2 GB payload over a few KB of data is refused
  // without allocating what it claims (fuzz/fuzz_model found it taking 2 GB
  // and 13 s).
  std::string claims = good;
  const uint64_t huge = uint64_t{1} << 31;
  std::memcpy(claims.data() + 24, &huge, sizeof huge);  // raw size, after magic and version
  struct rusage before {};
  getrusage(RUSAGE_SELF, &before);
  expect_refused(claims, "payload does not decompress");
  struct rusage after {};
  getrusage(RUSAGE_SELF, &after);
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 256 * 1024) << "peak RSS grew by " << after.ru_maxrss - before.ru_maxrss
                                                            << " KiB";
  // A current payload labelled version 1 (no tag dictionary) must not load:
  // the version decides how the tagger is read.
  version[20] = 1;
  EXPECT_FALSE(SyntaxModel::FromBytes(version, "x.model").ok());
  auto missing = SyntaxModel::Load(*dir_ + "/missing.model", LexiconDir(Config{}));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("missing.model"), std::string::npos);
  // The model is fine but the lemmatizer's lexicon is not there.
  const std::string path = *dir_ + "/lexiconless.model";
  ASSERT_TRUE(m->Save(path).ok());
  auto no_lexicon = SyntaxModel::Load(path, *dir_ + "/no-such-dir");
  ASSERT_FALSE(no_lexicon.ok());
  EXPECT_EQ(no_lexicon.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_lexicon.status().message().find("no-such-dir/wordnet-lemmas.tsv"), std::string::npos)
      << no_lexicon.status().message();
}

TEST_F(SyntaxModelTest, TagDictionarySurvivesSaveLoad) {
  auto m = Train();
  ASSERT_TRUE(m);
  ASSERT_GT(m->tagger().dictionary_size(), 0u);
  auto back = SyntaxModel::FromBytes(m->Serialize(), "x.model");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->tagger().dictionary_size(), m->tagger().dictionary_size());
  EXPECT_EQ((*back)->Serialize(), m->Serialize());
}

// Every word has exactly one head, exactly one word heads to the root and
// following heads from any word reaches the root (no cycles).
void ExpectTree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    ASSERT_GE(heads[i], -1);
    ASSERT_LT(heads[i], n);
    roots += heads[i] == -1;
    int x = i, steps = 0;
    while (x != -1 && steps++ <= n) x = heads[x];
    ASSERT_EQ(x, -1) << "cycle through word " << i;
  }
  EXPECT_EQ(roots, 1);
}

TEST_F(SyntaxModelTest, VerblessSentenceGetsItsParticipleRetaggedAsPast) {
  auto m = Train();
  ASSERT_TRUE(m);
  const Tagger& t = m->tagger();
  const int det = t.Find("DET", "DT"), noun = t.Find("NOUN", "NN"), nouns = t.Find("NOUN", "NNS");
  const int num = t.Find("NUM", "CD"), vbn = t.Find("VERB", "VBN"), vbd = t.Find("VERB", "VBD");
  const int aux = t.Find("AUX", "VBD"), dot = t.Find("PUNCT", ".");
  for (int tag : {det, noun, nouns, num, vbn, vbd, aux, dot}) ASSERT_GE(tag, 0);

  // "An explosion killed five soldiers ." -> killed/VBD.
  std::vector<int> tags = {det, noun, vbn, num, nouns, dot};
  RepairVerblessTags(t, &tags);
  EXPECT_EQ(tags[2], vbd);
  // A finite verb elsewhere: the participle is a real one ("soldiers
  // killed five ... were ...").
  tags = {nouns, vbn, num, nouns, aux, vbn, dot};
  RepairVerblessTags(t, &tags);
  EXPECT_EQ(tags[1], vbn);
  // No noun phrase before it, or nothing nominal after it: unchanged.
  tags = {num, vbn, nouns, dot};
  RepairVerblessTags(t, &tags);
  EXPECT_EQ(tags[1], vbn);  // "Five killed soldiers .": a numeral alone is no noun phrase
  tags = {nouns, vbn, dot, dot};
  RepairVerblessTags(t, &tags);
  EXPECT_EQ(tags[1], vbn);
  // No final period (a headline): unchanged.
  tags = {det, noun, vbn, num, nouns};
  RepairVerblessTags(t, &tags);
  EXPECT_EQ(tags[2], vbn);
}

TEST_F(SyntaxModelTest, PresentTenseNewsSubjectGetsItsVerbBack) {
  auto m = Train();
  ASSERT_TRUE(m);
  const Tagger& t = m->tagger();
  const int adj = t.Find("ADJ", "JJ"), det = t.Find("DET", "DT"), noun = t.Find("NOUN", "NN");
  const int nns = t.Find("NOUN", "NNS"), vbz = t.Find("VERB", "VBZ"), vbp = t.Find("VERB", "VBP");
  const int dot = t.Find("PUNCT", ".");
  for (int tag : {adj, det, noun, nns, vbz, vbp, dot}) ASSERT_GE(tag, 0);
  auto run = [&](std::vector<std::string_view> forms, std::vector<int> tags) {
    std::vector<std::string> owned(forms.begin(), forms.end());
    RepairPresentTenseTags(t, Lemmatizer(), forms, ComputeWordInfos(owned), &tags);
    return tags;
  };
  // The plural read as the verb and the verb as a noun.
  std::vector<int> got = run({"Russian", "troops", "attack", "the", "city", "."}, {adj, vbz, noun, det, noun, dot});
  EXPECT_EQ(got[1], nns);
  EXPECT_EQ(got[2], vbp);
  // No finite verb at all: the base form after the plural is the verb.
  got = run({"The", "Russian", "troops", "attack", "the", "city", "."}, {det, adj, nns, noun, det, noun, dot});
  EXPECT_EQ(got[3], vbp);
  // A verb in -s follows ("... plans cuts"): left alone.
  got = run({"Russian", "troops", "troops", "."}, {adj, vbz, nns, dot});
  EXPECT_EQ(got[1], vbz);
  // After a word that is no adjective (a name), the -s word may be the verb.
  got = run({"Moscow", "troops", "attack", "the", "city", "."}, {noun, vbz, noun, det, noun, dot});
  EXPECT_EQ(got[1], vbz);
  // A headline without its period: left alone.
  got = run({"Russian", "troops", "attack", "city"}, {adj, vbz, noun, noun});
  EXPECT_EQ(got[1], vbz);
  const int propn = t.Find("PROPN", "NNP"), vb = t.Find("VERB", "VB");
  ASSERT_GE(propn, 0);
  ASSERT_GE(vb, 0);
  // After a name, when the base form opens its own object ("fire a missile").
  got = run({"Houthi", "forces", "attack", "a", "town", "."}, {propn, vbz, noun, det, noun, dot});
  EXPECT_EQ(got[1], nns);
  EXPECT_EQ(got[2], vbp);
  // After a name with a noun after the base form, the -s word may be the verb.
  got = run({"Trump", "attacks", "reform", "plans", "."}, {propn, vbz, noun, nns, dot});
  EXPECT_EQ(got[1], vbz);
  // A plural name after "the", its base-form verb opening an object, with a
  // finite verb later ("The Houthis launch a missile, which is intercepted").
  got = run({"The", "Houthis", "attack", "a", "town", "which", "is", "."},
            {det, propn, noun, det, noun, det, t.Find("VERB", "VBZ"), dot});
  EXPECT_EQ(got[2], vbp);
  // A singular subject's verb in -s read as a plural noun, before a
  // determiner: the verb ("The minister says the ...").
  got = run({"The", "minister", "says", "the", "town", "."}, {det, noun, nns, det, noun, dot});
  EXPECT_EQ(got[2], vbz);
  // Before "that", however tagged, when the word is never a noun.
  got = run({"The", "minister", "says", "that", "town", "."}, {det, noun, nns, det, noun, dot});
  EXPECT_EQ(got[2], vbz);
  // The subject's head read as an adjective ("The Israeli military
  // intercepts a missile"): a word seen as a noun, before a determiner.
  got = run({"The", "minister", "says", "a", "town", "."}, {det, adj, nns, det, noun, dot});
  EXPECT_EQ(got[2], vbz);
  got = run({"The", "Russian", "says", "a", "town", "."}, {det, adj, nns, det, noun, dot});
  EXPECT_EQ(got[2], nns);
  // A plural the tagger never saw as a verb stays a noun ("the minister envoys").
  got = run({"The", "minister", "envoys", "the", "town", "."}, {det, noun, nns, det, noun, dot});
  EXPECT_EQ(got[2], nns);
  // Coordinated names are a plural subject.
  const int cc = t.Find("CCONJ", "CC");
  ASSERT_GE(cc, 0);
  got = run({"Abiy", "Ahmed", "and", "Hassan", "Mohamud", "attack", "the", "city", "."},
            {propn, propn, cc, propn, propn, noun, det, noun, dot});
  EXPECT_EQ(got[5], vbp);
  // A bare infinitive after the plural subject is its present-tense verb.
  got = run({"Houthi", "forces", "carry", "strikes", "."}, {propn, nns, vb, vbz, dot});
  EXPECT_EQ(got[2], vbp);
}

// Headline shapes of WCEP summaries whose verb was read as a plural noun or
// other word class in a sentence with no finite verb (issue 13).
TEST_F(SyntaxModelTest, PresentTenseRepairReachesPastAdverbsPlacesAndNames) {
  std::ofstream(*dir_ + "/news.conllu") << kTiny << kNewsShapes;
  TrainSyntaxOptions o;
  o.tagger_epochs = 3;
  o.parser_epochs = 3;
  o.jackknife = 2;
  auto trained = TrainSyntaxModel(*dir_ + "/news.conllu", *dir_ + "/news.conllu", o);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  auto m = std::move(trained).value();
  const Tagger& t = m->tagger();
  const int det = t.Find("DET", "DT"), noun = t.Find("NOUN", "NN"), nns = t.Find("NOUN", "NNS");
  const int vbz = t.Find("VERB", "VBZ"), vbp = t.Find("VERB", "VBP"), dot = t.Find("PUNCT", ".");
  const int adv = t.Find("ADV", "RB"), adp = t.Find("ADP", "IN"), propn = t.Find("PROPN", "NNP");
  const int nnps = t.Find("PROPN", "NNPS"), comma = t.Find("PUNCT", ",");
  const int adj = t.Find("ADJ", "JJ");
  for (int tag : {det, noun, nns, vbz, vbp, dot, adv, adp, propn, nnps, comma, adj}) ASSERT_GE(tag, 0);
  auto run = [&](std::vector<std::string_view> forms, std::vector<int> tags) {
    std::vector<std::string> owned(forms.begin(), forms.end());
    RepairPresentTenseTags(t, Lemmatizer(), forms, ComputeWordInfos(owned), &tags);
    return tags;
  };
  // An adverb between subject and verb ("The Air Force later confirms a").
  std::vector<int> got = run({"The", "minister", "later", "says", "the", "town", "."},
                             {det, noun, adv, nns, det, noun, dot});
  EXPECT_EQ(got[3], vbz);
  // A place in apposition ("A court in Kano, Nigeria, sentences a").
  got = run({"The", "minister", "in", "Moscow", ",", "Russia", ",", "says", "a", "town", "."},
            {det, noun, adp, propn, comma, propn, comma, nns, det, noun, dot});
  EXPECT_EQ(got[7], vbz);
  // A plural name ("The United States issues sanctions") and a
  // parenthesised acronym ("The Security Council (UNSC) convenes").
  got = run({"The", "States", "says", "the", "town", "."}, {det, nnps, nns, det, noun, dot});
  EXPECT_EQ(got[2], vbz);
  const int lrb = t.Find("PUNCT", "-LRB-"), rrb = t.Find("PUNCT", "-RRB-");
  ASSERT_GE(lrb, 0);
  ASSERT_GE(rrb, 0);
  got = run({"The", "minister", "(", "US", ")", "says", "the", "town", "."},
            {det, noun, lrb, propn, rrb, nns, det, noun, dot});
  EXPECT_EQ(got[5], vbz);
  // Its object a bare plural ("The Turkish government arrests dozens").
  got = run({"The", "minister", "says", "envoys", "."}, {det, noun, nns, nns, dot});
  EXPECT_EQ(got[2], vbz);
  // ... but not with a finite verb elsewhere.
  got = run({"The", "minister", "says", "envoys", "attacked", "."}, {det, noun, nns, nns, t.Find("VERB", "VBD"), dot});
  EXPECT_EQ(got[2], nns);
  // The plural subject's prepositional phrase swallowed its verb
  // ("Citizens of Vanuatu vote for", "Police in Caracas arrest a").
  got = run({"Troops", "in", "Moscow", "attack", "the", "town", "."}, {nns, adp, propn, noun, det, noun, dot});
  EXPECT_EQ(got[3], vbp);
  // Sentence-initial plural never seen as a verb ("Police open fire").
  got = run({"Troops", "attack", "the", "town", "."}, {nns, noun, det, noun, dot});
  EXPECT_EQ(got[1], vbp);
  // The verb read as a preposition ("Philippine police arrest/IN a student")
  // -- but a real preposition stays one.
  got = run({"Russian", "troops", "attack", "the", "town", "."}, {adj, nns, adp, det, noun, dot});
  EXPECT_EQ(got[2], vbp);
  got = run({"Russian", "troops", "in", "the", "town", "."}, {adj, nns, adp, det, noun, dot});
  EXPECT_EQ(got[2], adp);
  // Coordinated plurals ("Protests and riots erupt across").
  const int cc = t.Find("CCONJ", "CC"), hyph = t.Find("PUNCT", "HYPH");
  ASSERT_GE(cc, 0);
  ASSERT_GE(hyph, 0);
  got = run({"Envoys", "and", "troops", "attack", "the", "town", "."}, {nns, cc, nns, noun, det, noun, dot});
  EXPECT_EQ(got[3], vbp);
  // A hyphen inside the subject's name ("Al-Shabaab targets two bases").
  got = run({"The", "Al", "-", "Moscow", "says", "the", "town", "."}, {det, propn, hyph, propn, nns, det, noun, dot});
  EXPECT_EQ(got[4], vbz);
  // A determiner after a noun opens another phrase: no plural subject with a
  // prepositional phrase ("The overhaul cuts the tax from a structure to").
  got = run({"The", "envoys", "the", "town", "in", "Moscow", "attack", "the", "town", "."},
            {det, nns, det, noun, adp, propn, noun, det, noun, dot});
  EXPECT_EQ(got[6], noun);
}

TEST_F(SyntaxModelTest, LongSentenceGetsATree) {
  auto m = Train();
  ASSERT_TRUE(m);
  std::vector<std::string> words;
  for (int i = 0; i < 1200; ++i) words.push_back(i % 7 == 6 ? "," : (i % 2 ? "town" : "rebels"));
  std::vector<std::string_view> forms(words.begin(), words.end());
  SentenceAnalysis a;
  m->Analyze(forms, &a);
  ASSERT_EQ(a.heads.size(), words.size());
  ExpectTree(a.heads);
}

TEST(ProjectivizeTest, LiftsCrossingArcs) {
  // Heads of words 1..4: 0 -> 2, 2 -> 3, 2 -> 4, 4 -> 1. The arc 4 -> 1
  // spans words 2 and 3, which 4 does not dominate: non-projective.
  std::vector<int> heads = {4, 0, 2, 2};
  EXPECT_GE(Projectivize(&heads), 1);
  EXPECT_EQ(heads[0], 2);  // lifted to 4's head
  std::vector<int> projective = {2, 0, 2};
  EXPECT_EQ(Projectivize(&projective), 0);
}

TEST(SyntaxStageTest, FillsEveryTokenOfTheShippedModel) {
  Config config;  // the shipped model, through ANNALS_DATA
  auto stage = CreateSyntaxStage(config);
  if (!stage.ok() && stage.status().message().find("no such file") != std::string::npos) {
    GTEST_SKIP() << "no shipped model: " << stage.status().message();
  }
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  EXPECT_EQ((*stage)->needs(), kLayerTokens | kLayerSentences);
  EXPECT_EQ((*stage)->fills(), kLayerTags | kLayerParse);
  Document doc;
  doc.text = "Rebels attacked the town . The minister said they left .";
  const std::vector<std::string> forms = {"Rebels", "attacked", "the",  "town", ".",   "The",
                                          "minister", "said",   "they", "left", "."};
  uint32_t offset = 0;
  for (const std::string& f : forms) {
    Token t;
    t.form = f;
    t.span = {offset, offset + static_cast<uint32_t>(f.size())};
    offset += static_cast<uint32_t>(f.size()) + 1;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back(Sentence{{0, 24}, 0, 5, 0});
  doc.sentences.push_back(Sentence{{25, 56}, 5, 11, 0});
  ASSERT_TRUE((*stage)->Process(&doc).ok());
  for (const Sentence& s : doc.sentences) {
    std::vector<int> local;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      EXPECT_FALSE(tok.upos.empty());
      EXPECT_FALSE(tok.xpos.empty());
      EXPECT_FALSE(tok.lemma.empty());
      EXPECT_FALSE(tok.feats.empty());
      EXPECT_FALSE(tok.deprel.empty());
      if (tok.head == -1) {
        EXPECT_EQ(tok.deprel, "root");
        local.push_back(-1);
      } else {
        ASSERT_GE(tok.head, static_cast<int32_t>(s.token_begin));  // document-level index
        ASSERT_LT(tok.head, static_cast<int32_t>(s.token_end));
        EXPECT_NE(tok.deprel, "root");
        local.push_back(tok.head - static_cast<int32_t>(s.token_begin));
      }
    }
    ExpectTree(local);
  }
  EXPECT_EQ(doc.tokens[1].lemma, "attack");
  EXPECT_EQ(doc.tokens[1].upos, "VERB");
  // Same input, same output.
  Document again = doc;
  ASSERT_TRUE((*stage)->Process(&again).ok());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(again.tokens[i].head, doc.tokens[i].head);
    EXPECT_EQ(again.tokens[i].deprel, doc.tokens[i].deprel);
  }
}

TEST(SyntaxStageTest, MissingModelIsADataErrorNamingTheFile) {
  Config config;
  config.syntax_model = "no/such/dir/syntax.model";
  auto stage = CreateSyntaxStage(config);
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.status().code(), StatusCode::kDataError);
  EXPECT_NE(stage.status().message().find("no/such/dir/syntax.model"), std::string::npos);
}

}  // namespace
}  // namespace annals::syntax
