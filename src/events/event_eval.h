// Scoring coded events against a gold file (`annals eval events`).
//
// Gold format (docs/coding.md, "Gold files"): UTF-8 text,
//
//   # format: annals-events-gold v1      (comment lines start with '#')
//   @ s001 2025-08-19                    item id and document date
//   Russian forces shelled Kharkiv.      the text, one line
//   = RUSMIL UKR 190 asserted            expected events, one per line:
//   = RUS UKR 036 planned                  source target code [modality]
//
// An item with no "=" line expects no event. Actors are CAMEO actor codes
// matched by prefix: gold "RUS" accepts RUSGOV and RUSMIL; "-" means no
// target. Modality is optional; when given it is scored on matched events.
//
// Scores: (source, target, code) triples, exact and at root level, with
// precision/recall/F1; per-root counts; modality accuracy over matched
// triples; PLOVER type agreement (when a lookup is given).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::events {

struct GoldEvent {
  std::string source;
  std::string target;  // "-" for none
  std::string code;
  std::optional<Modality> modality;
  size_t line = 0;
};

struct GoldItem {
  std::string id;
  std::string date;
  std::string text;
  std::vector<GoldEvent> events;
  std::string path;
  size_t line = 0;
};

std::optional<Modality> ParseModality(std::string_view name);

// Parses a gold file. A malformed line is an error naming path:line:col;
// the item it belongs to is dropped and parsing goes on (errors collected).
std::vector<GoldItem> ParseGold(std::string_view text, const std::string& path,
                                std::vector<std::string>* errors);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : static_cast<double>(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : static_cast<double>(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct EvalScores {
  Counts exact;                         // source, target, full code
  Counts root;                          // source, target, root
  Counts plover;                        // source, target, PLOVER type
  std::map<std::string, Counts> by_root;  // exact triples by gold/system root
  int modality_scored = 0;              // matched triples with gold modality
  int modality_correct = 0;
  std::map<std::string, std::pair<int, int>> by_modality;  // gold modality -> (correct, scored)
  int items = 0;
  std::vector<std::string> mismatches;  // "id: missing RUS>UKR 190" / "spurious ..."
};

// Code -> PLOVER type ("" where none); may be empty.
using PloverLookup = std::function<std::string(std::string_view)>;

// Adds one item's comparison to *scores.
void ScoreItem(const GoldItem& gold, const std::vector<Event>& system, const PloverLookup& plover,
               EvalScores* scores);

// Multi-line human-readable report.
std::string FormatScores(const EvalScores& scores);

}  // namespace annals::events
