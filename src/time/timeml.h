// TimeML reading and TempEval-3-style scoring of temporal expressions, for
// `annals eval time` and the dev-set test.
//
// ParseTimeml() reads one TimeML document: the creation time from the TIMEX3
// inside <DCT> (functionInDocument="CREATION_TIME"), and the text inside
// <TEXT> with every tag removed and the standard XML entities decoded; each
// TIMEX3 in the text becomes a gold expression with its byte span in that
// plain text, type, value and mod. Nested TIMEX3, an unclosed tag or a
// missing <TEXT> is a DataError naming "path:line:col".
//
// TimeScorer follows TempEval-3 (UzZaman et al. 2013): a system expression
// matches a gold one strictly when the spans are identical and relaxed when
// they overlap (one-to-one, greedy in text order). Precision, recall and F1
// are reported for both; type and value accuracy are over relaxed matches,
// and value F1 counts a match only when the value is also right.
// Not thread-safe (a scorer accumulates counts); use one per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::timex {

struct GoldTimex {
  Span span;
  std::string text;
  std::string type;
  std::string value;
  std::string mod;
};

struct TimemlDocument {
  std::string path;
  std::string dct;   // YYYY-MM-DD (first 10 characters of the DCT value)
  std::string text;  // TEXT content, tags removed, entities decoded
  std::vector<GoldTimex> timexes;
};

Result<TimemlDocument> ParseTimeml(std::string_view xml, const std::string& path);

struct PrfCounts {
  size_t system = 0;
  size_t gold = 0;
  size_t matched_system = 0;
  size_t matched_gold = 0;
  double Precision() const { return system ? double(matched_system) / system : 0; }
  double Recall() const { return gold ? double(matched_gold) / gold : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

class TimeScorer {
 public:
  // Scores one document's system expressions against its gold ones. Adds a
  // line per error (missed, spurious, wrong value) to errors() when
  // `collect_errors`.
  void Add(const TimemlDocument& gold, const std::vector<TimeExpr>& system,
           bool collect_errors = false);

  const PrfCounts& strict() const { return strict_; }
  const PrfCounts& relaxed() const { return relaxed_; }
  size_t documents() const { return documents_; }
  size_t value_correct() const { return value_correct_; }
  size_t type_correct() const { return type_correct_; }
  double ValueAccuracy() const {
    return relaxed_.matched_gold ? double(value_correct_) / relaxed_.matched_gold : 0;
  }
  double TypeAccuracy() const {
    return relaxed_.matched_gold ? double(type_correct_) / relaxed_.matched_gold : 0;
  }
  // Value F1: a relaxed match with the right value counts as correct.
  double ValueF1() const;
  const std::vector<std::string>& errors() const { return errors_; }
  // A multi-line report of the figures above.
  std::string Report() const;

 private:
  PrfCounts strict_;
  PrfCounts relaxed_;
  size_t value_correct_ = 0;
  size_t type_correct_ = 0;
  size_t documents_ = 0;
  std::vector<std::string> errors_;
};

}  // namespace annals::timex
