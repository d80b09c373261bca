// Ingest driver (ingest.h): file listing, de-duplication, parallel coding,
// batched transactional writes and progress.
#include "store/ingest.h"

#include <algorithm>
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

Result<std::vector<std::string>> ListInputFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(path + ": no such file or directory");
    if (!fs::is_directory(st)) {
      files.push_back(path);  // named explicitly: taken whatever its name
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && IsInputName(it->path().filename().string())) {
        found.push_back(it->path().string());
      }
    }
    if (ec) return Status::IoError(path + ": cannot list folder: " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string CoderVersion(const Pipeline& pipeline, const std::string& annals_version) {
  return "annals " + annals_version + "; goldstein=" + pipeline.config().goldstein_table +
         "; data=" + pipeline.DataFingerprint();
}

Ingester::Ingester(const Pipeline& pipeline, Store* store, IngestOptions options)
    : pipeline_(pipeline), store_(store), options_(std::move(options)) {
  if (options_.batch_size == 0) options_.batch_size = 1;
  if (options_.threads <= 0) options_.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  start_ = std::chrono::steady_clock::now();
  last_tick_ = start_;
}

void Ingester::Tick(const ProgressSink& on_progress, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_tick_ < std::chrono::milliseconds(200)) return;
  last_tick_ = now;
  progress_.seconds = std::chrono::duration<double>(now - start_).count();
  if (on_progress) on_progress(progress_);
}

Status Ingester::IngestPaths(const std::vector<std::string>& paths, const ProblemSink& on_problem,
                             const ProgressSink& on_progress) {
  Result<std::vector<std::string>> files = ListInputFiles(paths);
  if (!files.ok()) return files.status();
  progress_.files_total = files->size();
  std::vector<uint64_t> sizes;
  for (const std::string& f : *files) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(f, ec);
    sizes.push_back(ec ? 0 : static_cast<uint64_t>(size));
    progress_.bytes_total += sizes.back();
  }
  ReadOptions ro;
  ro.format = options_.format;
  ro.default_date = options_.default_date;
  Status fatal;
  for (size_t fi = 0; fi < files->size() && fatal.ok(); ++fi) {
    const std::string& file = (*files)[fi];
    const uint64_t bytes_before = progress_.bytes_done;
    ReadStats stats;
    const Status st = ReadDocuments(
        file, ro,
        [&](Document&& doc) {
          if (!fatal.ok()) return;
          ++progress_.read;
          progress_.bytes_done = std::min(bytes_before + sizes[fi], progress_.bytes_done + doc.text.size());
          Item item;
          item.content_hash = Store::ContentHash(doc.text);
          // Repeated within the pending batch: not yet visible to Lookup().
          if (std::find(batch_ids_.begin(), batch_ids_.end(), doc.id) != batch_ids_.end() ||
              std::find(batch_hashes_.begin(), batch_hashes_.end(), item.content_hash) != batch_hashes_.end()) {
            ++progress_.duplicates;
            return;
          }
          Result<Seen> seen = store_->Lookup(doc.id, item.content_hash);
          if (!seen.ok()) {
            fatal = seen.status();
            return;
          }
          if (*seen != Seen::kNew) {
            ++progress_.duplicates;
            Tick(on_progress, false);
            return;
          }
          batch_ids_.push_back(doc.id);
          batch_hashes_.push_back(item.content_hash);
          item.doc = std::move(doc);
          batch_.push_back(std::move(item));
          if (batch_.size() >= options_.batch_size) fatal = Flush(on_problem, on_progress);
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
    item.recode = true;
    batch_.push_back(std::move(item));
    if (batch_.size() >= options_.batch_size) ANNALS_RETURN_IF_ERROR(Flush(on_problem, on_progress));
  }
  ANNALS_RETURN_IF_ERROR(Flush(on_problem, on_progress));
  Tick(on_progress, true);
  return Status::Ok();
}

Status Ingester::Flush(const ProblemSink& on_problem, const ProgressSink& on_progress) {
  if (batch_.empty()) return Status::Ok();
  // Code in parallel; write in input order so row ids do not depend on
  // thread timing.
  const size_t n_threads = std::min(batch_.size(), static_cast<size_t>(options_.threads));
  auto work = [this, n_threads](size_t t) {
    for (size_t i = t; i < batch_.size(); i += n_threads) batch_[i].status = pipeline_.Process(&batch_[i].doc);
  };
  if (n_threads <= 1) {
    work(0);
  } else {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < n_threads; ++t) threads.emplace_back(work, t);
    for (std::thread& th : threads) th.join();
  }
  ANNALS_RETURN_IF_ERROR(store_->Begin());
  size_t stored = 0, recoded = 0, events = 0, failed = 0;
  for (Item& item : batch_) {
    if (on_problem) {
      for (const Diagnostic& d : item.doc.diagnostics) on_problem(d);
    }
    if (!item.status.ok()) {
      if (on_problem) on_problem({"error", item.doc.origin + ": " + item.status.message() + "; document skipped"});
      ++failed;
      continue;
    }
    const Status st = item.recode ? store_->ReplaceDocument(item.doc, pipeline_.ontology(), options_.coded_by)
                                  : store_->PutDocument(item.doc, item.content_hash, pipeline_.ontology(),
                                                        options_.coded_by);
    if (!st.ok()) {
      (void)store_->Rollback();
      return st;
    }
    (item.recode ? recoded : stored) += 1;
    events += item.doc.events.size();
  }
  ANNALS_RETURN_IF_ERROR(store_->Commit());
  // Counted only once committed: the progress never reports rows a crash
  // could still lose.
  progress_.stored += stored;
  progress_.recoded += recoded;
  progress_.events += events;
  progress_.failed += failed;
  batch_.clear();
  batch_ids_.clear();
  batch_hashes_.clear();
  Tick(on_progress, false);
  return Status::Ok();
}

}  // namespace annals
