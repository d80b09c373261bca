// `annals query`: events from the store, filtered by date, actor, dyad,
// CAMEO code, PLOVER type, modality, place and full text (docs/store.md).
// Output: an aligned table on a terminal, else JSON Lines; or --format csv.
// JSON Lines of raw records (--no-fold) are exactly the contract records
// of docs/events.md; folded events list their mentions.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "store/filter_options.h"
#include "store/query.h"
#include "store/table.h"

namespace annals::cli {
namespace {

struct QueryOptions {
  std::string db = "annals.db";
  EventFilter filter;
  bool no_fold = false;
  std::string format = "auto";
  bool evidence = false;
};

using Json = nlohmann::ordered_json;

Json ActorJson(const ActorCols& a) {
  if (!a.present) return nullptr;
  Json j;
  j["text"] = a.text;
  j["name"] = a.name;
  j["code"] = a.code;
  j["country"] = a.country;
  j["sector"] = a.sector;
  j["type"] = a.type;
  return j;
}

Result<Json> FoldedJson(Store& store, const EventRow& r) {
  Json j;
  j["kind"] = "folded_event";
  j["id"] = r.id;
  j["date"] = r.date;
  j["date_end"] = r.date_end;
  j["source"] = ActorJson(r.source);
  j["target"] = ActorJson(r.target);
  j["cameo"] = r.cameo;
  j["goldstein"] = r.goldstein;
  j["quad_class"] = r.quad_class;
  j["plover"] = {{"type", r.plover_type.empty() ? Json(nullptr) : Json(r.plover_type)},
                 {"mode", r.plover_mode.empty() ? Json(nullptr) : Json(r.plover_mode)}};
  j["modality"] = r.modality;
  j["confidence"] = r.confidence;
  if (r.has_location) {
    j["location"] = {{"name", r.location_name}, {"country", r.location_country}, {"lat", r.lat}, {"lon", r.lon},
                     {"gazetteer_id", r.gazetteer_id}};
  } else {
    j["location"] = nullptr;
  }
  j["documents"] = r.documents;
  j["sources"] = r.sources;
  Json mentions = Json::array();
  const Status st = ForEachMention(store, r.id, [&](const MentionRow& m) {
    mentions.push_back({{"event", m.event_id}, {"doc", m.doc_id}, {"source", m.doc_source}, {"sentence", m.sentence},
                        {"span", Json::array({m.span_begin, m.span_end})}, {"modality", m.modality},
                        {"confidence", m.confidence}});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  j["mentions"] = mentions;
  return j;
}

int RunQuery(QueryOptions o) {
  o.filter.folded = !o.no_fold;
  std::string format = o.format;
  if (format == "auto") format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
  Result<std::unique_ptr<Store>> store = Store::Open(o.db, StoreOptions{.read_only = true});
  if (!store.ok()) {
    std::cerr << "annals query: " << store.status().message() << "\n";
    return store.status().code() == StatusCode::kDataError ? kExitDataError : kExitIoError;
  }
  Table table;
  for (const char* c : {"id", "date", "source", "target", "cameo", "plover", "modality"}) table.AddColumn(c);
  table.AddColumn("goldstein", true);
  table.AddColumn("mentions", true);
  table.AddColumn("place");
  table.AddColumn("doc");
  if (o.evidence) table.AddColumn("evidence");
  size_t rows = 0;
  const Status st = ForEachEvent(**store, o.filter, [&](const EventRow& r) -> Status {
    ++rows;
    if (format == "jsonl") {
      Json j;
      if (r.folded) {
        Result<Json> folded = FoldedJson(**store, r);
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
    std::vector<std::string> cells = {r.id,    r.date,       r.source.Label(),
                                      r.target.Label(), r.cameo, r.plover_type,
                                      r.modality, FormatNumber(r.goldstein, 1), std::to_string(r.mentions),
                                      r.location_name, r.doc_id};
    if (o.evidence) cells.push_back(MarkEvidence(r));
    table.rows.push_back(std::move(cells));
    return Status::Ok();
  });
  if (!st.ok()) {
    std::cerr << "annals query: " << st.message() << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitIoError;
  }
  if (format == "csv") std::cout << RenderTable(table, TableFormat::kCsv);
  if (format == "table") {
    // Evidence is long: on a terminal it goes under its row, not in a column.
    if (o.evidence) {
      Table brief = table;
      brief.columns.pop_back();
      brief.numeric.pop_back();
      for (auto& row : brief.rows) row.pop_back();
      const std::string text = RenderTable(brief, TableFormat::kAligned);
      size_t pos = 0, line = 0;
      while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        std::cout << text.substr(pos, nl - pos + 1);
        if (line >= 2 && line - 2 < table.rows.size()) std::cout << "    " << table.rows[line - 2].back() << "\n";
        pos = nl + 1;
        ++line;
      }
    } else {
      std::cout << RenderTable(table, TableFormat::kAligned);
    }
    std::cout << rows << (o.filter.folded ? " event(s)" : " record(s)") << "\n";
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitIoError;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<QueryOptions>();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  AddFilterOptions(app, &o->filter, &o->no_fold);
  app->add_option("--format", o->format, "table, jsonl, csv or auto (table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"auto", "table", "jsonl", "csv"}));
  app->add_option("--limit", o->filter.limit, "At most this many events (0 = all)");
  app->add_flag("--evidence", o->evidence, "Print each event's sentence with actors and trigger marked");
  return [o] { return RunQuery(*o); };
}

ANNALS_COMMAND("query", "Query stored events (filters, full text, evidence)", Setup);

}  // namespace
}  // namespace annals::cli
