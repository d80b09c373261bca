// Model file reading/writing and the per-sentence analysis (see
// syntax_model.h).
#include "syntax/syntax_model.h"

#include <zstd.h>

#include <fstream>
#include <memory>

#include "base/file.h"
#include "base/hash.h"

namespace annals::syntax {
namespace {

constexpr std::string_view kMagic = "annals-syntax-model\n";
constexpr uint64_t kMaxPayload = 1ull << 31;  // refuse absurd sizes before allocating

}  // namespace

SyntaxModel::SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, Parser parser,
                         std::string description)
    : tagger_(std::move(tagger)),
      lemmatizer_(std::move(lemmatizer)),
      parser_(std::move(parser)),
      description_(std::move(description)) {
  std::vector<std::string> upos, xpos;
  for (int t = 0; t < tagger_.classes(); ++t) {
    upos.push_back(tagger_.upos(t));
    xpos.push_back(tagger_.xpos(t));
  }
  lemmatizer_.SetTagNames(upos, xpos);
}

std::string SyntaxModel::Serialize() const {
  ByteWriter payload;
  payload.Str(description_);
  tagger_.Write(&payload);
  lemmatizer_.Write(&payload);
  parser_.Write(&payload);
  const std::string& raw = payload.data();
  std::string compressed(ZSTD_compressBound(raw.size()), '\0');
  const size_t csize = ZSTD_compress(compressed.data(), compressed.size(), raw.data(), raw.size(), 9);
  compressed.resize(ZSTD_isError(csize) ? 0 : csize);
  ByteWriter file;
  file.data().append(kMagic);
  file.U32(kSyntaxModelVersion);
  file.U64(raw.size());
  file.U64(compressed.size());
  file.U64(Fnv1a64(compressed));
  file.data().append(compressed);
  return std::move(file.data());
}

Status SyntaxModel::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(path + ": cannot open for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IoError(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError(path + ": rename failed");
  return Status::Ok();
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::Load(const std::string& path,
                                                      const std::string& lexicon_dir) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) {
    return Status::DataError("syntax model " + bytes.status().message());
  }
  Result<std::shared_ptr<const WordNet>> wordnet = WordNet::Load(lexicon_dir);
  if (!wordnet.ok()) return wordnet.status();
  Result<std::unique_ptr<SyntaxModel>> model = FromBytes(*bytes, path);
  if (!model.ok()) return model;
  (*model)->SetWordNet(std::move(wordnet).value());
  return model;
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::FromBytes(std::string_view bytes,
                                                          const std::string& path) {
  auto fail = [&](const std::string& why) {
    return Status::DataError(path + ": not a usable syntax model: " + why);
  };
  if (bytes.substr(0, kMagic.size()) != kMagic) return fail("bad magic (expected 'annals-syntax-model')");
  ByteReader header(bytes.substr(kMagic.size()));
  uint32_t version = 0;
  uint64_t raw_size = 0, csize = 0, checksum = 0;
  if (!header.U32(&version) || !header.U64(&raw_size) || !header.U64(&csize) ||
      !header.U64(&checksum)) {
    return fail("truncated header");
  }
  if (version < kOldestSyntaxModelVersion || version > kSyntaxModelVersion) {
    return fail("format version " + std::to_string(version) + ", this build reads versions " +
                std::to_string(kOldestSyntaxModelVersion) + " to " +
                std::to_string(kSyntaxModelVersion));
  }
  const size_t header_size = kMagic.size() + 4 + 8 + 8 + 8;
  if (csize != bytes.size() - header_size) return fail("truncated or padded payload");
  const std::string_view compressed = bytes.substr(header_size);
  if (Fnv1a64(compressed) != checksum) return fail("checksum mismatch (file corrupt)");
  if (raw_size > kMaxPayload) return fail("payload too large");
  // Decompressed in chunks, so memory follows what the payload really
  // holds, not the size its header claims: a 9 KB file claiming 2 GB took
  // 2 GB and 13 s before it failed (found by fuzz/fuzz_model).
  std::string raw;
  {
    std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (!dctx) return fail("out of memory");
    ZSTD_inBuffer in{compressed.data(), compressed.size(), 0};
    std::string chunk(size_t{1} << 16, '\0');
    for (;;) {
      ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
      const size_t left = ZSTD_decompressStream(dctx.get(), &out, &in);
      if (ZSTD_isError(left) || raw.size() + out.pos > raw_size) return fail("payload does not decompress");
      raw.append(chunk.data(), out.pos);
      if (left == 0) break;                                    // frame complete
      if (in.pos == in.size && out.pos < out.size) return fail("payload does not decompress");  // truncated
    }
  }
  if (raw.size() != raw_size) return fail("payload does not decompress");

  ByteReader in(raw);
  std::string description, error;
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;
  if (!in.Str(&description)) return fail("truncated description");
  if (!tagger.Read(&in, &error, version)) return fail("tagger: " + error);
  if (!lemmatizer.Read(&in, &error)) return fail("lemmatizer: " + error);
  if (!parser.Read(&in, &error)) return fail("parser: " + error);
  if (!in.at_end()) return fail("trailing bytes in payload");
  return std::make_unique<SyntaxModel>(std::move(tagger), std::move(lemmatizer), std::move(parser),
                                       std::move(description));
}

void SyntaxModel::TagOnly(const std::vector<std::string_view>& forms,
                          SentenceAnalysis* out) const {
  std::vector<WordInfo> words(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) ComputeWordInfo(forms[i], &words[i]);
  tagger_.Tag(words, &out->tags);
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    out->lemmas[i] = lemmatizer_.Lemma(forms[i], out->tags[i]);
  }
  out->heads.assign(forms.size(), -1);
  out->labels.assign(forms.size(), -1);
}

void SyntaxModel::Analyze(const std::vector<std::string_view>& forms, SentenceAnalysis* out) const {
  std::vector<WordInfo> words(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) ComputeWordInfo(forms[i], &words[i]);
  tagger_.Tag(words, &out->tags);
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    out->lemmas[i] = lemmatizer_.Lemma(forms[i], out->tags[i]);
  }
  parser_.Parse(words, out->tags, &out->heads, &out->labels);
  for (int& h : out->heads) --h;  // 1-based with 0 = root -> 0-based with -1 = root
}

}  // namespace annals::syntax
