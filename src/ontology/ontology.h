// The event ontology: CAMEO event codes with their quad class and Goldstein
// score, and each code's PLOVER type, mode and contexts.
//
// Every later stage that assigns or reports an event code (events, output,
// export) asks this table what a code means. It is loaded once from the
// shipped TSV tables (docs/formats/ontology.md):
//
//   <data_dir>/ontology/cameo_events.tsv     312 CAMEO codes, 3 Goldstein tables
//   <data_dir>/ontology/cameo_plover.tsv     CAMEO code -> PLOVER type/mode/context
//   <data_dir>/ontology/plover_types.tsv     the 16 PLOVER types and their modes
//   <data_dir>/ontology/plover_contexts.tsv  the PLOVER contexts
//
// Goldstein table. Three public tables score CAMEO codes (GDELT, ICEWS,
// Phoenix); they disagree on 8 codes and Phoenix lacks some. Load() picks one
// and stores its score in CameoEventCode::goldstein. Where the chosen table has
// no value the score falls back to GDELT, then to ICEWS, and
// CameoEventCode::goldstein_source names the table that supplied it, so an
// export can say exactly which scores it used.
//
// PLOVER. PLOVER drops CAMEO roots 01 (statements) and 02 (appeals): those
// codes load with an empty plover_type, plover_mode and plover_context. Every
// other code has a PLOVER type; its mode is empty or one the type allows, and
// each context is a known PLOVER context.
//
// Thread-safety: an Ontology is immutable after Load(); any number of threads
// may call its const methods concurrently. Pointers and references it returns
// stay valid for the Ontology's lifetime.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals {

struct CameoEventCode {
  std::string code;  // "0231": 2 to 4 digits, leading zero kept
  std::string root;  // "02": the first two digits
  std::string name;  // short codebook name, e.g. "Appeal for economic aid"
  int level = 0;     // 0 root (2 digits), 1 (3 digits), 2 (4 digits)
  int quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;  // in [-10, 10], from goldstein_source
  std::string plover_type;  // "AGREE" ...; empty for roots 01 and 02
  std::string plover_mode;  // empty, or one of the type's modes
  std::vector<std::string> plover_context;  // known contexts, may be empty
  // The table that supplied `goldstein`: the one asked for, or "gdelt" /
  // "icews" where it has no value for this code (see the file comment).
  std::string goldstein_source;
  // The 03x code of this event when it is only planned or hypothetical
  // ("will meet" 040 -> 036), "" when there is none (column `intent`).
  std::string intent_code;
  // True when the event takes the events of its complement as its content
  // ("refused to meet" is one 125): column `absorbs`, roots 02 03 10-13.
  bool absorbs_complement = false;
};

struct PloverType {
  std::string name;         // "ASSAULT"
  std::string description;  // one line, Annals' own wording
  std::vector<std::string> modes;  // allowed modes, in manual order; may be empty
  int quad_class = 0;       // 1..4 as for CAMEO
};

class Ontology {
 public:
  // Loads <data_dir>/ontology/*.tsv; goldstein_table is "gdelt", "icews" or
  // "phoenix" (anything else: InvalidArgument). Validates every row: code
  // shape, known root and parent, level, quad class 1..4, numeric Goldstein in
  // [-10,10], no duplicates, PLOVER type/mode/context known to plover_types /
  // plover_contexts, every CAMEO code mapped exactly once. On bad data returns
  // DataError listing every problem found (one per line, each
  // "path:line:col: message in column 'c': 'text'"), not just the first: a
  // half-loaded ontology would silently mis-score events, so none is
  // returned. A missing file is NotFound, naming the path.
  static Result<std::unique_ptr<Ontology>> Load(const std::string& data_dir,
                                                const std::string& goldstein_table);

  // The code's entry, or nullptr if the code is unknown.
  const CameoEventCode* Find(std::string_view code) const;
  // "gdelt", "icews" or "phoenix", as passed to Load().
  const std::string& goldstein_table() const { return goldstein_table_; }
  // All codes in table order (root, then its 3- and 4-digit codes).
  const std::vector<CameoEventCode>& codes() const { return codes_; }
  // The 16 PLOVER types in manual order.
  const std::vector<PloverType>& plover_types() const { return plover_types_; }
  // The type, or nullptr if unknown (names are upper case, e.g. "AGREE").
  const PloverType* FindPloverType(std::string_view name) const;
  // True if c is a PLOVER context, e.g. "military", "rights_freedoms".
  bool IsPloverContext(std::string_view c) const;
  // Number of codes whose score came from a fallback table.
  size_t goldstein_fallbacks() const { return goldstein_fallbacks_; }

  Ontology(const Ontology&) = delete;  // owned once, shared by pointer
  Ontology& operator=(const Ontology&) = delete;

 private:
  Ontology() = default;
  class Loader;

  std::string goldstein_table_;
  std::vector<CameoEventCode> codes_;
  std::map<std::string, size_t, std::less<>> code_index_;
  std::vector<PloverType> plover_types_;
  std::map<std::string, size_t, std::less<>> type_index_;
  std::set<std::string, std::less<>> contexts_;
  size_t goldstein_fallbacks_ = 0;
};

}  // namespace annals
