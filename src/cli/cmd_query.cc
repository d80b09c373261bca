// `annals query`: events from the store, filtered by date, actor, dyad,
// speaker, CAMEO code, PLOVER type, modality, place and full text
// (docs/store.md). By default only events that happened (modality asserted
// or reported). Output: an aligned table with names beside codes on a
// terminal or with --format table (also into a pager), else JSON Lines; or
// --format csv. JSON Lines of raw records (--no-fold) are exactly the
// contract records of docs/events.md; folded events list their mentions.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "store/event_json.h"
#include "store/filter_options.h"
#include "store/query.h"
#include "store/table.h"

namespace annals::cli {
namespace {

struct QueryOptions {
  std::string db = "annals.db";
  FilterArgs args;
  std::string format = "auto";
  int64_t limit = 0;
  int64_t offset = 0;
  std::string sort = "date";
  bool evidence = false;
};

using Json = OrderedJson;

int RunQuery(QueryOptions o) {
  constexpr std::string_view kCmd = "query";
  if (Status st = o.args.Resolve(); !st.ok()) {
    PrintError(kCmd, st.message());
    return kExitUsage;
  }
  const EventFilter& filter = o.args.filter;
  o.args.filter.limit = static_cast<size_t>(o.limit);
  o.args.filter.offset = static_cast<size_t>(o.offset);
  Result<EventSort> sort = ParseEventSort(o.sort);
  if (!sort.ok()) {
    PrintError(kCmd, sort.status().message());
    return kExitUsage;
  }
  o.args.filter.sort = *sort;
  std::string format = o.format;
  if (format == "auto") {
    format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
    if (format == "jsonl" && isatty(STDERR_FILENO)) {
      PrintNote(kCmd, "writing JSON Lines, as standard output is not a terminal; --format table for a table "
                      "(e.g. into less -S)");
    }
  }
  int rc = kExitOk;
  std::unique_ptr<Store> store = OpenStoreForReading(kCmd, o.db, &rc);
  if (!store) return rc;
  Table table;
  for (const char* c : {"date", "source", "source_name", "cameo", "event", "target", "target_name", "modality"}) {
    table.AddColumn(c);
  }
  table.AddColumn("goldstein", true);
  table.AddColumn("mentions", true);
  table.AddColumn("place");
  table.AddColumn("doc");
  table.AddColumn("id");
  if (o.evidence) table.AddColumn("evidence");
  size_t rows = 0;
  const Status st = ForEachEvent(*store, filter, [&](const EventRow& r) -> Status {
    ++rows;
    if (format == "jsonl") {
      Json j;
      if (r.folded) {
        Result<Json> folded = FoldedEventJson(*store, r);
        if (!folded.ok()) return folded.status();
        j = std::move(folded.value());
      } else {
        j = Json::parse(r.record, nullptr, false);
        if (j.is_discarded()) return Status::DataError("stored record of event " + r.id + " is not valid JSON");
      }
      if (o.evidence) j["evidence_text"] = MarkEvidence(r);
      std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      return Status::Ok();
    }
    std::vector<std::string> cells = {r.date,        r.source.code,  r.source.present ? r.source.name : "",
                                      r.cameo,       r.cameo_name,   r.target.code,
                                      r.target.present ? r.target.name : "",
                                      r.modality,    FormatNumber(r.goldstein, 1),
                                      std::to_string(r.mentions),    r.location_name,
                                      r.doc_id,      r.id};
    if (o.evidence) cells.push_back(MarkEvidence(r));
    table.rows.push_back(std::move(cells));
    return Status::Ok();
  });
  if (!st.ok()) {
    PrintError(kCmd, st.message());
    return ExitCodeFor(st);
  }
  const std::string counted = std::to_string(rows) + (filter.folded ? " event(s)" : " record(s)") +
                              "; modality " + ModalityDescription(filter.modalities) +
                              (filter.modalities.empty() ? "" : " (--modality all for every modality)");
  if (format == "csv") {
    std::cout << RenderTable(table, TableFormat::kCsv);
    PrintNote(kCmd, counted);
  }
  if (format == "jsonl") PrintNote(kCmd, counted);
  if (format == "table") {
    // Evidence is long: on a terminal it goes under its row, not in a column.
    if (o.evidence) {
      Table brief = table;
      brief.columns.pop_back();
      brief.numeric.pop_back();
      for (auto& row : brief.rows) row.pop_back();
      const std::string text = RenderTable(brief, TableFormat::kAligned, 32);
      size_t pos = 0, line = 0;
      while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        std::cout << text.substr(pos, nl - pos + 1);
        if (line >= 2 && line - 2 < table.rows.size()) {
          std::cout << "    " << TerminalSafe(table.rows[line - 2].back()) << "\n";
        }
        pos = nl + 1;
        ++line;
      }
    } else {
      std::cout << RenderTable(table, TableFormat::kAligned, 32);
    }
    std::cout << counted << "\n";
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitIoError;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<QueryOptions>();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  AddFilterOptions(app, &o->args);
  app->add_option("--format", o->format,
                  "table, jsonl, csv or auto (table on a terminal, else jsonl; --format table into a pager)")
      ->check(CLI::IsMember({"auto", "table", "jsonl", "csv"}));
  app->add_option("--limit", o->limit, "At most this many events (0 = all)")
      ->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  app->add_option("--offset", o->offset, "Skip this many events first (paging with --limit)")
      ->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  app->add_option("--sort", o->sort, "Order: date (default), -date, goldstein, -goldstein, -mentions")
      ->capture_default_str();
  app->add_flag("--evidence", o->evidence, "Print each event's sentence with actors and trigger marked");
  return [o] { return RunQuery(*o); };
}

ANNALS_COMMAND("query", "Query stored events (filters, full text, evidence)", Setup);

}  // namespace
}  // namespace annals::cli
