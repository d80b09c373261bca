// Exports of stored events in the formats downstream tools read
// (docs/exports.md describes every column):
//
//   gdelt           GDELT 2.0 events table: 61 tab-separated columns in
//                   GDELT's order, no header; codes kept as strings
//   gdelt-mentions  GDELT 2.0 mentions table: 16 columns, one row per raw
//                   record of each exported event
//   icews           ICEWS event file: 20 tab-separated columns with header
//   plover          PLOVER JSON Lines (docs/schema/plover.schema.json)
//   csv             one row per event, every Annals field, with header
//   geojson         FeatureCollection of the located events
//   graphml, gexf   actor network: nodes are actors, directed edges carry
//                   event counts and Goldstein sums
//
// Provenance. Each export states the Annals version, the ontology, the
// Goldstein table and the modalities it holds (by default the events that
// happened: asserted and reported): inside the file where the format has
// room for it (GeoJSON foreign member "annals", GraphML/GEXF graph data),
// else in the sidecar written by ProvenanceJson() (the CLI writes it to
// FILE.meta.json). Formats that can carry a field carry each event's
// modality and attribution (CSV, PLOVER, ICEWS extension columns, GeoJSON).
//
// Ids. Integer ids (GDELT GLOBALEVENTID, ICEWS Event ID, CSV id) are the low
// 53 bits of the Annals id, so R, JavaScript and spreadsheets, which hold
// numbers as doubles, read them exactly; events and mentions agree.
//
// Codes as each ecosystem writes them: GDELT geography in FIPS 10-4
// (country codes, ADM1 codes from the GeoNames division where GeoNames uses
// FIPS), actor country codes never an IGO; ICEWS sector names and generic
// actors as "Military (Thailand)"; PLOVER's country/IGO codes (UNO, EUR,
// IGO, ...), sector codes (JRN for CAMEO's MED) and location object.
//
// Thread-safety: functions use the Store's connection; one thread at a time.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "annals/status.h"
#include "store/query.h"
#include "store/store.h"

namespace annals {

enum class ExportFormat { kGdelt, kGdeltMentions, kIcews, kPlover, kCsv, kGeoJson, kGraphMl, kGexf };

Result<ExportFormat> ParseExportFormat(const std::string& name);
std::string ExportFormatName(ExportFormat f);
// True when the format carries its provenance inside the file.
bool HasInlineProvenance(ExportFormat f);

struct ExportInfo {
  std::string annals_version;
  std::string ontology;         // ontology description and fingerprint
  std::string goldstein_table;  // as asked at ingest ("gdelt", ...)
  std::vector<std::string> coded_by;  // distinct coder versions of the rows
  std::string created;          // ISO time of the export
  bool folded = true;
  std::vector<std::string> modalities;  // those exported; empty = all
};

// Reads the provenance recorded by ingest (meta table) and the coder
// versions found on the stored documents; folded and modalities from the
// filter.
Result<ExportInfo> ReadExportInfo(Store& store, const std::string& annals_version, const EventFilter& filter);
// {"producer", "annals_version", "format", "ontology", "goldstein_table",
// "coded_by", "created", "folded", "modalities", "rows", "columns",
// "documentation"} as one JSON object.
std::string ProvenanceJson(const ExportInfo& info, ExportFormat format, size_t rows);
// The modalities line every output states: "asserted, reported (events
// that happened)" or "all (including events that did not happen)".
std::string ModalityProvenance(const ExportInfo& info);

struct ExportStats {
  size_t rows = 0;     // rows/records/features/edges written
  size_t skipped = 0;  // events the format cannot express (e.g. PLOVER for
                       // CAMEO roots 01/02, GeoJSON without a location)
};

// Writes the events matching `filter` to `out`.
Status Export(Store& store, const EventFilter& filter, ExportFormat format, const ExportInfo& info,
              std::ostream& out, ExportStats* stats);

// Column lists of the tabular formats, in file order.
const std::vector<std::string>& GdeltEventColumns();    // 61
const std::vector<std::string>& GdeltMentionColumns();  // 16
const std::vector<std::string>& IcewsColumns();         // 20 + 3 extension columns
const std::vector<std::string>& CsvColumns();

// The integer id of an Annals event id (16 hex digits) in GDELT, ICEWS and
// CSV exports: its low 53 bits (at most 2^53 - 1, exact as a double).
std::string GdeltEventId(const std::string& hex_id);

}  // namespace annals
