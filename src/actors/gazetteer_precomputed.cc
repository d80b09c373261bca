// The gazetteer's precomputed form: every table Gazetteer::LoadText builds
// from the 10 MB of text in data/gazetteer (entries, the name index, the
// phrase -> entries lists, membership for relative regions) and the issues
// the text gave, in one file read with one read and copied into place
// without parsing, name keys or hashing. The build writes it
// (annals_gazetteer_compile); the text stays the source a person edits, and
// the file carries a content hash of that text, so an edit the build has
// not seen yet makes the file stale, never silently wrong.
//
// Layout (docs/formats/places.md, "Precomputed gazetteer"): a 40-byte
// header (magic "ANNALSGZ", byte-order mark, format version, source hash,
// payload size, payload hash), then the payload written by BinaryWriter.
#include <filesystem>

#include "actors/gazetteer.h"
#include "base/binary_io.h"
#include "base/file.h"
#include "base/hash.h"

namespace annals {
namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'A', 'L', 'S', 'G', 'Z'};
// Bump when the payload's layout or what LoadText builds changes.
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 8;
constexpr const char* kFileName = "gazetteer.bin";

// The text files LoadText reads, in order; regions.tsv may be absent.
constexpr const char* kSources[] = {"countries.tsv", "admin1.tsv", "geonames-cities.tsv", "regions.tsv",
                                    "aliases.tsv"};

// Content hash of the text files in `dir`, as they are now.
Result<uint64_t> SourceHash(const std::string& dir) {
  uint64_t h = kFormatVersion;
  for (const char* name : kSources) {
    const std::string path = JoinPath(dir, name);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      h = ContentHash64("(absent)", h);
      continue;
    }
    Result<std::unique_ptr<MappedFile>> text = MappedFile::Open(path);
    if (!text.ok()) return text.status();
    h = ContentHash64((*text)->data(), h);
  }
  return h;
}

// An issue's message begins with the path of its file in `dir`; the file
// keeps the rest, so that the message names the directory it is read for.
std::string DirPrefix(const std::string& dir) { return JoinPath(dir, ""); }

template <class Map>
void PutLists(BinaryWriter* out, const Map& lists) {
  out->Put<uint64_t>(lists.size());
  for (const auto& [key, list] : lists) {
    if constexpr (std::is_same_v<typename Map::key_type, std::string>) {
      out->PutString(key);
    } else {
      out->Put<uint32_t>(key);
    }
    out->PutVector(list);
  }
}

template <class Map>
bool GetLists(BinaryReader* in, size_t entries, Map* lists) {
  uint64_t n = 0;
  if (!in->Get(&n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    typename Map::key_type key;
    if constexpr (std::is_same_v<typename Map::key_type, std::string>) {
      if (!in->GetString(&key)) return false;
    } else {
      if (!in->Get(&key) || key >= entries) return false;
    }
    std::vector<uint32_t>& list = (*lists)[key];
    if (!in->GetVector(&list)) return false;
    for (uint32_t e : list) {
      if (e >= entries) return false;
    }
  }
  return true;
}

}  // namespace

Status Gazetteer::WritePrecomputed(const std::string& dir, const std::vector<DictionaryIssue>& issues,
                                   const std::string& path) const {
  Result<uint64_t> source_hash = SourceHash(dir);
  if (!source_hash.ok()) return source_hash.status();
  BinaryWriter w;
  const std::string prefix = DirPrefix(dir);
  w.Put<uint64_t>(issues.size());
  for (const DictionaryIssue& i : issues) {
    const bool in_dir = i.message.rfind(prefix, 0) == 0;
    w.Put<uint8_t>(i.error ? 1 : 0);
    w.Put<uint8_t>(in_dir ? 1 : 0);
    w.PutString(std::string_view(i.message).substr(in_dir ? prefix.size() : 0));
  }
  w.Put<uint64_t>(entries_.size());
  for (const GazetteerEntry& e : entries_) {
    w.PutString(e.id);
    w.PutString(e.name);
    w.PutString(e.feature);
    w.PutString(e.country);
    w.PutString(e.admin1);
    w.Put(e.lat);
    w.Put(e.lon);
    w.Put<uint8_t>(e.has_coordinates ? 1 : 0);
    w.Put(e.population);
    w.PutString(e.geonames_feature);
    w.Put(e.alternate_count);
  }
  std::vector<uint32_t> geonames_pairs;  // std::pair is not trivially copyable
  geonames_pairs.reserve(2 * geonames_index_.size());
  for (const auto& [geonameid, entry] : geonames_index_) {
    geonames_pairs.push_back(geonameid);
    geonames_pairs.push_back(entry);
  }
  w.PutVector(geonames_pairs);
  matcher_.Write(&w);
  w.PutVector(phrase_start_);
  w.PutVector(phrase_entries_);
  w.PutVector(phrase_alias_);
  w.PutString(written_);
  w.PutVector(written_start_);
  w.Put<uint64_t>(alias_count_);
  PutLists(&w, country_cities_);
  PutLists(&w, division_cities_);
  PutLists(&w, region_members_);

  BinaryWriter header;
  header.data().append(kMagic, sizeof(kMagic));
  header.Put(kByteOrderMark);
  header.Put(kFormatVersion);
  header.Put(*source_hash);
  header.Put<uint64_t>(w.data().size());
  header.Put(ContentHash64(w.data()));
  // Written beside the target and renamed over it, so that a reader never
  // sees half a file.
  const std::string tmp = path + ".tmp";
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IoError(tmp + ": cannot create");
  const bool written = std::fwrite(header.data().data(), 1, header.data().size(), f) == header.data().size() &&
                       std::fwrite(w.data().data(), 1, w.data().size(), f) == w.data().size();
  if (std::fclose(f) != 0 || !written) return Status::IoError(tmp + ": write failed");
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IoError(path + ": cannot rename: " + ec.message());
  return Status::Ok();
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::LoadPrecomputed(const std::string& path, const std::string& dir,
                                                              std::vector<DictionaryIssue>* issues) {
  Result<std::unique_ptr<MappedFile>> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  const std::string_view data = (*file)->data();
  auto fail = [&path](const std::string& why) { return Status::DataError(path + ": " + why); };
  BinaryReader header(data);
  char magic[8];
  uint32_t order = 0, version = 0;
  uint64_t source_hash = 0, size = 0, payload_hash = 0;
  if (!header.Get(&magic) || !header.Get(&order) || !header.Get(&version) || !header.Get(&source_hash) ||
      !header.Get(&size) || !header.Get(&payload_hash)) {
    return fail("truncated precomputed gazetteer (no header)");
  }
  if (std::string_view(magic, 8) != std::string_view(kMagic, 8)) return fail("not a precomputed gazetteer");
  if (order != kByteOrderMark) return fail("precomputed gazetteer of another byte order");
  if (version != kFormatVersion) {
    return fail("precomputed gazetteer of format version " + std::to_string(version) + ", this build reads " +
                std::to_string(kFormatVersion));
  }
  const std::string_view payload = data.substr(kHeaderSize);
  if (payload.size() != size) {
    return fail("truncated precomputed gazetteer (" + std::to_string(payload.size()) + " of " +
                std::to_string(size) + " payload bytes)");
  }
  if (ContentHash64(payload) != payload_hash) return fail("corrupt precomputed gazetteer (payload hash differs)");
  Result<uint64_t> now = SourceHash(dir);
  if (!now.ok()) return now.status();
  if (*now != source_hash) return fail("stale precomputed gazetteer: built from other text than " + dir + " holds now");

  BinaryReader in(payload);
  auto gaz = std::make_unique<Gazetteer>();
  std::vector<DictionaryIssue> read_issues;
  uint64_t n = 0;
  bool ok = in.Get(&n);
  const std::string prefix = DirPrefix(dir);
  for (uint64_t i = 0; ok && i < n; ++i) {
    uint8_t error = 0, in_dir = 0;
    std::string_view message;
    ok = in.Get(&error) && in.Get(&in_dir) && in.GetString(&message);
    read_issues.push_back({error != 0, (in_dir != 0 ? prefix : std::string()) + std::string(message)});
  }
  ok = ok && in.Get(&n);
  // Each entry takes at least its fixed-size fields: a count beyond what the
  // payload can hold is corruption, not a reason to reserve gigabytes.
  ok = ok && n <= payload.size() / 8;
  if (ok) gaz->entries_.resize(n);
  for (GazetteerEntry& e : gaz->entries_) {
    uint8_t has_coordinates = 0;
    ok = in.GetString(&e.id) && in.GetString(&e.name) && in.GetString(&e.feature) && in.GetString(&e.country) &&
         in.GetString(&e.admin1) && in.Get(&e.lat) && in.Get(&e.lon) && in.Get(&has_coordinates) &&
         in.Get(&e.population) && in.GetString(&e.geonames_feature) && in.Get(&e.alternate_count);
    if (!ok) break;
    e.has_coordinates = has_coordinates != 0;
  }
  const size_t entries = gaz->entries_.size();
  uint64_t alias_count = 0;
  std::vector<uint32_t> geonames_pairs;
  ok = ok && in.GetVector(&geonames_pairs) && geonames_pairs.size() % 2 == 0;
  if (ok) {
    gaz->geonames_index_.resize(geonames_pairs.size() / 2);
    for (size_t i = 0; i < gaz->geonames_index_.size(); ++i) {
      gaz->geonames_index_[i] = {geonames_pairs[2 * i], geonames_pairs[2 * i + 1]};
    }
  }
  ok = ok && gaz->matcher_.Read(&in) && in.GetVector(&gaz->phrase_start_) &&
       in.GetVector(&gaz->phrase_entries_) && in.GetVector(&gaz->phrase_alias_) && in.GetString(&gaz->written_) &&
       in.GetVector(&gaz->written_start_) && in.Get(&alias_count) &&
       GetLists(&in, entries, &gaz->country_cities_) && GetLists(&in, entries, &gaz->division_cities_) &&
       GetLists(&in, entries, &gaz->region_members_) && in.at_end();
  gaz->alias_count_ = static_cast<size_t>(alias_count);
  // What the lookups index with: every id within its table.
  const size_t phrases = gaz->matcher_.size();
  ok = ok && entries > 0 && gaz->phrase_start_.size() == phrases + 1 && gaz->written_start_.size() == phrases + 1 &&
       gaz->phrase_start_.front() == 0 && gaz->phrase_start_.back() == gaz->phrase_entries_.size() &&
       gaz->phrase_alias_.size() == gaz->phrase_entries_.size() && gaz->written_start_.front() == 0 &&
       gaz->written_start_.back() == gaz->written_.size();
  for (size_t p = 0; ok && p < phrases; ++p) {
    ok = gaz->phrase_start_[p] <= gaz->phrase_start_[p + 1] && gaz->written_start_[p] <= gaz->written_start_[p + 1];
  }
  for (size_t i = 0; ok && i < gaz->phrase_entries_.size(); ++i) ok = gaz->phrase_entries_[i] < entries;
  for (size_t i = 0; ok && i < gaz->geonames_index_.size(); ++i) ok = gaz->geonames_index_[i].second < entries;
  // MemberCities recurses from a region into its members only: a member
  // must be a country or division.
  for (auto it = gaz->region_members_.begin(); ok && it != gaz->region_members_.end(); ++it) {
    for (uint32_t m : it->second) ok = ok && (gaz->entries_[m].feature == "country" || gaz->entries_[m].feature == "admin1");
  }
  if (!ok) return fail("corrupt precomputed gazetteer (tables out of range)");
  // Countries, divisions and regions by id, as LoadText indexes them.
  for (size_t i = 0; i < entries; ++i) {
    if (gaz->entries_[i].feature != "city") gaz->id_index_.emplace(gaz->entries_[i].id, static_cast<uint32_t>(i));
  }
  issues->insert(issues->end(), read_issues.begin(), read_issues.end());
  return gaz;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& dir, std::vector<DictionaryIssue>* issues) {
  std::vector<DictionaryIssue> local;
  if (issues == nullptr) issues = &local;
  std::vector<std::string> candidates = {JoinPath(dir, kFileName)};
  std::error_code ec;
  if (std::filesystem::equivalent(dir, JoinPath(ANNALS_SOURCE_DATA_DIR, "gazetteer"), ec)) {
    candidates.push_back(JoinPath(JoinPath(ANNALS_BUILD_DATA_DIR, "gazetteer"), kFileName));
  }
  std::string note;
  for (const std::string& path : candidates) {
    if (!std::filesystem::exists(path, ec)) continue;
    Result<std::unique_ptr<Gazetteer>> pre = LoadPrecomputed(path, dir, issues);
    if (pre.ok()) return pre;
    note = pre.status().message() + "; parsed the text instead (the build rewrites it: cmake --build build)";
    break;
  }
  Result<std::unique_ptr<Gazetteer>> text = LoadText(dir, issues);
  if (text.ok()) (*text)->precomputed_note_ = note;
  return text;
}

}  // namespace annals
