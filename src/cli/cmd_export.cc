// `annals export --format F`: stored events as GDELT 2.0 events/mentions,
// ICEWS, PLOVER JSON Lines, CSV, GeoJSON, GraphML or GEXF (docs/exports.md).
// By default only events that happened (modality asserted or reported);
// every output states the modalities it holds. Formats without room for
// provenance get a sidecar FILE.meta.json naming the Annals version,
// ontology, Goldstein table and modalities; on stdout that goes to stderr.
//
// Safety (issue 17.1): the export is written to a temporary file in the
// output's folder and renamed over FILE (and FILE.meta.json) only when it
// is complete, so a failing export never truncates an existing file; an
// output path that is the store itself or its -wal/-shm is refused.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "export/export.h"
#include "store/filter_options.h"

namespace annals::cli {
namespace {

struct ExportOptions {
  std::string db = "annals.db";
  std::string format;
  std::string output = "-";
  FilterArgs args;
};

namespace fs = std::filesystem;

constexpr const char* kFormatList =
    "gdelt (GDELT 2.0 events), gdelt-mentions, icews, plover (JSON Lines), csv (every field), geojson, graphml, "
    "gexf";

// True if `output` names the store file or one of its companions.
bool IsStoreFile(const std::string& output, const std::string& db) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(output, ec);
  if (ec) return false;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec2;
    const fs::path p = fs::weakly_canonical(db + suffix, ec2);
    if (!ec2 && p == out) return true;
  }
  return false;
}

// A file written to a temporary name beside `path` and renamed over it by
// Commit(); removed if not committed.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {
    const fs::path p(path_);
    tmp_ = (p.has_parent_path() ? p.parent_path() / "" : fs::path()).string() + "." + p.filename().string() +
           ".tmp-" + std::to_string(getpid());
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
  }
  AtomicFile(const AtomicFile&) = delete;  // owns the temporary file
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (!committed_) {
      out_.close();
      std::remove(tmp_.c_str());
    }
  }
  bool ok() const { return static_cast<bool>(out_); }
  std::ostream& stream() { return out_; }
  const std::string& path() const { return path_; }
  bool Commit() {
    out_.flush();
    const bool written = static_cast<bool>(out_);
    out_.close();
    if (!written || std::rename(tmp_.c_str(), path_.c_str()) != 0) return false;
    committed_ = true;
    return true;
  }

 private:
  std::string path_, tmp_;
  std::ofstream out_;
  bool committed_ = false;
};

int RunExport(ExportOptions o) {
  constexpr std::string_view kCmd = "export";
  if (o.format.empty()) {
    PrintError(kCmd, std::string("say which format with --format: ") + kFormatList);
    return kExitUsage;
  }
  Result<ExportFormat> format = ParseExportFormat(o.format);
  if (!format.ok()) {
    PrintError(kCmd, format.status().message());
    return kExitUsage;
  }
  if (Status st = o.args.Resolve(); !st.ok()) {
    PrintError(kCmd, st.message());
    return kExitUsage;
  }
  const EventFilter& filter = o.args.filter;
  if (o.output != "-" && (IsStoreFile(o.output, o.db) || IsStoreFile(o.output + ".meta.json", o.db))) {
    PrintError(kCmd, "refusing to write the export over the store '" + o.db + "' (or its -wal/-shm file); "
                     "choose another -o FILE");
    return kExitUsage;
  }
  int rc = kExitOk;
  std::unique_ptr<Store> store = OpenStoreForReading(kCmd, o.db, &rc);
  if (!store) return rc;
  Result<ExportInfo> info = ReadExportInfo(*store, ANNALS_VERSION, filter);
  if (!info.ok()) {
    PrintError(kCmd, info.status().message());
    return ExitCodeFor(info.status());
  }
  std::unique_ptr<AtomicFile> file;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    file = std::make_unique<AtomicFile>(o.output);
    if (!file->ok()) {
      PrintError(kCmd, "cannot write " + o.output);
      return kExitIoError;
    }
    out = &file->stream();
  }
  ExportStats stats;
  const Status st = Export(*store, filter, *format, *info, *out, &stats);
  out->flush();
  if (!st.ok() || !*out) {
    PrintError(kCmd, st.ok() ? "writing " + o.output + " failed" : st.message());
    return st.ok() ? kExitIoError : ExitCodeFor(st);
  }
  if (!HasInlineProvenance(*format)) {
    const std::string meta = ProvenanceJson(*info, *format, stats.rows);
    if (o.output == "-") {
      std::cerr << "annals export: provenance: " << meta;
    } else {
      AtomicFile side(o.output + ".meta.json");
      side.stream() << meta;
      if (!side.Commit()) {
        PrintError(kCmd, "cannot write " + o.output + ".meta.json");
        return kExitIoError;
      }
    }
  }
  if (file && !file->Commit()) {
    PrintError(kCmd, "cannot write " + o.output);
    return kExitIoError;
  }
  std::string line = "exported " + std::to_string(stats.rows) + " row(s) as " + o.format + " (modality " +
                     ModalityDescription(filter.modalities) + ")";
  if (stats.skipped) line += "; " + std::to_string(stats.skipped) + " event(s) the format cannot express left out";
  PrintNote(kCmd, line);
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<ExportOptions>();
  app->add_option("--format,-f", o->format, kFormatList);
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  app->add_option("-o,--output", o->output, "Output file ('-' = stdout)")->capture_default_str();
  AddFilterOptions(app, &o->args);
  return [o] { return RunExport(*o); };
}

ANNALS_COMMAND("export", "Export stored events (GDELT, ICEWS, PLOVER, CSV, GeoJSON, GraphML, GEXF)", Setup);

}  // namespace
}  // namespace annals::cli
