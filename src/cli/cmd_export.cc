// `annals export --format F`: stored events as GDELT 2.0 events/mentions,
// ICEWS, PLOVER JSON Lines, CSV, GeoJSON, GraphML or GEXF (docs/exports.md).
// Formats without room for provenance get a sidecar FILE.meta.json naming
// the Annals version, ontology and Goldstein table; on stdout that goes to
// stderr instead.
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "export/export.h"
#include "store/filter_options.h"

namespace annals::cli {
namespace {

struct ExportOptions {
  std::string db = "annals.db";
  std::string format;
  std::string output = "-";
  EventFilter filter;
  bool no_fold = false;
};

int RunExport(ExportOptions o) {
  o.filter.folded = !o.no_fold;
  Result<ExportFormat> format = ParseExportFormat(o.format);
  if (!format.ok()) {
    std::cerr << "annals export: " << format.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(o.db, StoreOptions{.read_only = true});
  if (!store.ok()) {
    std::cerr << "annals export: " << store.status().message() << "\n";
    return store.status().code() == StatusCode::kDataError ? kExitDataError : kExitIoError;
  }
  Result<ExportInfo> info = ReadExportInfo(**store, ANNALS_VERSION, o.filter.folded);
  if (!info.ok()) {
    std::cerr << "annals export: " << info.status().message() << "\n";
    return kExitIoError;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    file.open(o.output, std::ios::binary);
    if (!file) {
      std::cerr << "annals export: cannot write " << o.output << "\n";
      return kExitIoError;
    }
    out = &file;
  }
  ExportStats stats;
  const Status st = Export(**store, o.filter, *format, *info, *out, &stats);
  out->flush();
  if (!st.ok() || !*out) {
    std::cerr << "annals export: " << (st.ok() ? "write failed" : st.message()) << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitIoError;
  }
  if (!HasInlineProvenance(*format)) {
    const std::string meta = ProvenanceJson(*info, *format, stats.rows);
    if (o.output == "-") {
      std::cerr << "annals: provenance: " << meta;
    } else {
      std::ofstream side(o.output + ".meta.json", std::ios::binary);
      side << meta;
      if (!side) {
        std::cerr << "annals export: cannot write " << o.output << ".meta.json\n";
        return kExitIoError;
      }
    }
  }
  std::cerr << "annals: exported " << stats.rows << " row(s) as " << o.format;
  if (stats.skipped) std::cerr << " (" << stats.skipped << " event(s) the format cannot express left out)";
  std::cerr << "\n";
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<ExportOptions>();
  app->add_option("--format,-f", o->format, "gdelt, gdelt-mentions, icews, plover, csv, geojson, graphml, gexf")
      ->required();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  app->add_option("-o,--output", o->output, "Output file ('-' = stdout)")->capture_default_str();
  AddFilterOptions(app, &o->filter, &o->no_fold);
  return [o] { return RunExport(*o); };
}

ANNALS_COMMAND("export", "Export stored events (GDELT, ICEWS, PLOVER, CSV, GeoJSON, GraphML, GEXF)", Setup);

}  // namespace
}  // namespace annals::cli
