// Ingest driver (ingest.h): file listing, de-duplication, parallel coding,
// batched transactional writes and progress.
#include "store/ingest.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>
#include <thread>

#include "base/file.h"
#include "base/hash.h"

namespace annals {

namespace fs = std::filesystem;

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsInputName(const std::string& name) {
  for (std::string_view ext : {".txt", ".jsonl", ".ndjson"}) {
    for (std::string_view comp : {"", ".gz", ".zst"}) {
      if (EndsWith(name, std::string(ext) + std::string(comp))) return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<InputFile>> ListInputFiles(const std::vector<std::string>& paths,
                                              std::vector<std::string>* unreadable) {
  // Every path is checked before any is listed, so a typo in the last one
  // stops the run before anything (the store included) is touched.
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::exists(fs::status(path, ec))) return Status::NotFound(path + ": no such file or directory");
  }
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::is_directory(st)) {
      // Named explicitly: taken whatever its name, identified by its name.
      files.push_back({path, fs::path(path).filename().string()});
      continue;
    }
    // Walked by hand rather than with recursive_directory_iterator, whose
    // skip_permission_denied drops an unreadable sub-folder without a word:
    // here each one is named (issue 17.8) and the walk goes on.
    std::vector<InputFile> found;
    std::vector<fs::path> pending = {fs::path(path)};
    size_t folders_unreadable = 0;
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      fs::directory_iterator it(dir, ec);
      if (ec) {
        if (dir == fs::path(path)) return Status::IoError(path + ": cannot list folder: " + ec.message());
        if (unreadable) unreadable->push_back(dir.string() + ": cannot list folder: " + ec.message());
        ++folders_unreadable;
        ec.clear();
        continue;
      }
      for (fs::directory_iterator end; it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_directory(type_ec)) {
          if (!it->is_symlink(type_ec)) pending.push_back(it->path());  // no loops through links
          continue;
        }
        if (it->is_regular_file(type_ec) && IsInputName(it->path().filename().string())) {
          std::error_code rel_ec;
          const fs::path rel = fs::relative(it->path(), path, rel_ec);
          found.push_back({it->path().string(), rel_ec ? it->path().filename().string() : rel.generic_string()});
        }
      }
      if (ec) {
        if (unreadable) unreadable->push_back(dir.string() + ": cannot list folder: " + ec.message());
        ++folders_unreadable;
        ec.clear();
      }
    }
    if (found.empty() && folders_unreadable == 0) {
      // Exit 0 on a folder of .html or .doc files would read as "all stored".
      return Status::NotFound(path + ": no input files in this folder (looked for .txt, .jsonl and .ndjson, "
                                     "optionally .gz or .zst, in every sub-folder)");
    }
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string CoderVersion(const Pipeline& pipeline, const std::string& annals_version) {
  return "annals " + annals_version + "; goldstein=" + pipeline.config().goldstein_table +
         "; data=" + pipeline.DataFingerprint();
}

std::string OntologyDescription(const Pipeline& pipeline) {
  uint64_t h = kFnvOffset;
  for (const char* f : {"cameo_events.tsv", "cameo_plover.tsv", "plover_types.tsv", "plover_contexts.tsv"}) {
    Result<std::string> text = ReadFile(JoinPath(pipeline.config().data_dir, std::string("ontology/") + f));
    if (text.ok()) h = Fnv1a64(*text, h);
  }
  return "CAMEO event codes + CAMEO->PLOVER map (data/ontology, fingerprint " + HexId(h) + ")";
}

Status RecordCoderMeta(Store& store, const Pipeline& pipeline, const std::string& annals_version,
                       const std::string& coded_by) {
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"annals_version", annals_version},
           {"goldstein_table", pipeline.config().goldstein_table},
           {"ontology", OntologyDescription(pipeline)},
           {"coded_by", coded_by}}) {
    ANNALS_RETURN_IF_ERROR(store.SetMeta(k, v));
  }
  return Status::Ok();
}

Ingester::Ingester(const Pipeline& pipeline, Store* store, IngestOptions options)
    : pipeline_(pipeline), store_(store), options_(std::move(options)) {
  if (options_.batch_size == 0) options_.batch_size = 1;
  if (options_.batch_bytes == 0) options_.batch_bytes = 1;
  if (options_.threads <= 0) options_.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  start_ = std::chrono::steady_clock::now();
  last_tick_ = start_;
}

bool Ingester::BatchFull() const {
  return batch_.size() >= options_.batch_size || batch_text_bytes_ >= options_.batch_bytes;
}

void Ingester::Tick(const ProgressSink& on_progress, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_tick_ < std::chrono::milliseconds(200)) return;
  last_tick_ = now;
  progress_.seconds = std::chrono::duration<double>(now - start_).count();
  if (on_progress) on_progress(progress_);
}

bool Ingester::Admit(Item* item, const ProblemSink& on_problem, Status* fatal) {
  const Document& doc = item->doc;
  auto problem = [&](const std::string& message) {
    if (on_problem) on_problem({"error", message});
    ++progress_.failed;
  };
  // Read earlier in this run: the store may not see it yet (pending batch).
  const auto seen = run_ids_.find(doc.id);
  if (seen != run_ids_.end()) {
    if (seen->second.first == item->content_hash) {
      ++progress_.duplicates;
    } else {
      problem(doc.origin + ": document id '" + doc.id + "' was already read in this run with different text (" +
              seen->second.second + "); document skipped -- give one of them another id");
    }
    return false;
  }
  run_ids_.emplace(doc.id, std::make_pair(item->content_hash, doc.origin));
  if (batch_hashes_.count(item->content_hash) != 0) {
    ++progress_.duplicates;
    return false;
  }
  Result<LookupResult> found = store_->Lookup(doc.id, item->content_hash, item->normalized);
  if (!found.ok()) {
    *fatal = found.status();
    return false;
  }
  switch (found->seen) {
    case Seen::kNew:
      item->action = Action::kPut;
      break;
    case Seen::kSameId:
    case Seen::kIdConflict:
      if (options_.replace) {
        item->action = Action::kReplace;
        break;
      }
      if (found->seen == Seen::kSameId) {
        ++progress_.duplicates;
        return false;
      }
      problem(doc.origin + ": document id '" + doc.id + "' is already stored with different text (from " +
              found->stored_origin + "); document skipped -- use `annals ingest --replace` to replace it, or give "
              "it another id");
      return false;
    case Seen::kSameContent:
      ++progress_.duplicates;
      return false;
  }
  batch_hashes_.insert(item->content_hash);
  return true;
}

Status Ingester::IngestPaths(const std::vector<std::string>& paths, const ProblemSink& on_problem,
                             const ProgressSink& on_progress) {
  std::vector<std::string> unreadable;
  Result<std::vector<InputFile>> files = ListInputFiles(paths, &unreadable);
  if (!files.ok()) return files.status();
  for (const std::string& u : unreadable) {
    if (on_problem) on_problem({"error", u + "; its files skipped"});
    ++progress_.failed;
  }
  progress_.files_total = files->size();
  std::vector<uint64_t> sizes;
  for (const InputFile& f : *files) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(f.path, ec);
    sizes.push_back(ec ? 0 : static_cast<uint64_t>(size));
    progress_.bytes_total += sizes.back();
  }
  ReadOptions ro;
  ro.format = options_.format;
  ro.default_date = options_.default_date;
  ro.require_date = !options_.allow_undated;
  Status fatal;
  for (size_t fi = 0; fi < files->size() && fatal.ok(); ++fi) {
    const std::string& file = (*files)[fi].path;
    ro.id = (*files)[fi].id;
    const uint64_t bytes_before = progress_.bytes_done;
    ReadStats stats;
    const Status st = ReadDocuments(
        file, ro,
        [&](Document&& doc) {
          if (!fatal.ok()) return;
          ++progress_.read;
          progress_.bytes_done = std::min(bytes_before + sizes[fi], progress_.bytes_done + doc.text.size());
          Item item;
          item.normalized = Store::NormalizeForHash(doc.text);
          item.content_hash = Store::ContentHash(doc.text);
          item.doc = std::move(doc);
          if (!Admit(&item, on_problem, &fatal)) {
            Tick(on_progress, false);
            return;
          }
          batch_text_bytes_ += item.doc.text.size();
          batch_.push_back(std::move(item));
          if (BatchFull()) fatal = Flush(on_problem, on_progress);
        },
        [&](const Diagnostic& p) {
          if (on_problem) on_problem(p);
        },
        &stats);
    progress_.failed += stats.skipped;
    if (!st.ok()) {
      if (on_problem) on_problem({"error", st.message() + "; file skipped"});
      ++progress_.failed;
    }
    ++progress_.files_done;
    progress_.bytes_done = bytes_before + sizes[fi];
    Tick(on_progress, false);
  }
  if (fatal.ok()) fatal = Flush(on_problem, on_progress);
  Tick(on_progress, true);
  return fatal;
}

Status Ingester::RecodeStale(const ProblemSink& on_problem, const ProgressSink& on_progress) {
  Result<std::vector<std::string>> ids = store_->StaleDocuments(options_.coded_by);
  if (!ids.ok()) return ids.status();
  for (const std::string& id : *ids) {
    Result<Document> doc = store_->LoadDocument(id);
    if (!doc.ok()) return doc.status();
    Item item;
    item.doc = std::move(doc.value());
    item.action = Action::kRecode;
    batch_text_bytes_ += item.doc.text.size();
    batch_.push_back(std::move(item));
    if (BatchFull()) ANNALS_RETURN_IF_ERROR(Flush(on_problem, on_progress));
  }
  ANNALS_RETURN_IF_ERROR(Flush(on_problem, on_progress));
  Tick(on_progress, true);
  return Status::Ok();
}

Status Ingester::Flush(const ProblemSink& on_problem, const ProgressSink& on_progress) {
  if (batch_.empty()) return Status::Ok();
  // Code in parallel; write in input order so row ids do not depend on
  // thread timing.
  // Threads take documents one at a time (not every n-th one), so a long
  // document does not leave the other threads idle behind it.
  const size_t n_threads = std::min(batch_.size(), static_cast<size_t>(options_.threads));
  std::atomic<size_t> next{0};
  auto work = [this, &next] {
    for (size_t i = next++; i < batch_.size(); i = next++) batch_[i].status = pipeline_.Process(&batch_[i].doc);
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n_threads; ++t) threads.emplace_back(work);
  work();
  for (std::thread& th : threads) th.join();
  ANNALS_RETURN_IF_ERROR(store_->Begin());
  size_t stored = 0, recoded = 0, replaced = 0, events = 0, failed = 0, duplicates = 0;
  std::vector<Diagnostic> problems;
  for (Item& item : batch_) {
    for (const Diagnostic& d : item.doc.diagnostics) problems.push_back(d);
    if (!item.status.ok()) {
      problems.push_back({"error", item.doc.origin + ": " + item.status.message() + "; document skipped"});
      ++failed;
      continue;
    }
    if (item.action != Action::kRecode) {
      // Again under the write lock: another process may have stored (or
      // removed) this document since it was read.
      Result<LookupResult> now = store_->Lookup(item.doc.id, item.content_hash, item.normalized);
      if (!now.ok()) {
        (void)store_->Rollback();
        return now.status();
      }
      const bool id_stored = now->seen == Seen::kSameId || now->seen == Seen::kIdConflict;
      if (item.action == Action::kReplace && !id_stored) item.action = Action::kPut;
      if (item.action == Action::kPut && now->seen != Seen::kNew) {
        if (now->seen == Seen::kIdConflict && !options_.replace) {
          problems.push_back({"error", item.doc.origin + ": document id '" + item.doc.id +
                                           "' was stored meanwhile with different text (from " + now->stored_origin +
                                           "); document skipped"});
          ++failed;
          continue;
        }
        if (now->seen != Seen::kIdConflict || !options_.replace) {
          ++duplicates;
          continue;
        }
        item.action = Action::kReplace;
      }
    }
    const Status st = item.action == Action::kPut
                          ? store_->PutDocument(item.doc, item.content_hash, pipeline_.ontology(), options_.coded_by)
                          : store_->ReplaceDocument(item.doc, pipeline_.ontology(), options_.coded_by);
    if (!st.ok()) {
      (void)store_->Rollback();
      return st;
    }
    (item.action == Action::kPut ? stored : item.action == Action::kRecode ? recoded : replaced) += 1;
    events += item.doc.events.size();
  }
  ANNALS_RETURN_IF_ERROR(store_->Commit());
  if (on_problem) {
    for (const Diagnostic& d : problems) on_problem(d);
  }
  // Counted only once committed: the progress never reports rows a crash
  // could still lose.
  progress_.stored += stored;
  progress_.recoded += recoded;
  progress_.replaced += replaced;
  progress_.events += events;
  progress_.failed += failed;
  progress_.duplicates += duplicates;
  ++progress_.batches;
  batch_.clear();
  batch_text_bytes_ = 0;
  batch_hashes_.clear();
  Tick(on_progress, false);
  return Status::Ok();
}

}  // namespace annals
