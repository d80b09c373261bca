// The time stage: temporal expressions, normalised to TIMEX3 values.
//
// Needs:  kLayerTokens | kLayerSentences | kLayerTags | kLayerParse: reads
//         Token::xpos/lemma and the tree (through model/dependency_view.h) to
//         tell the tense of the clause around "in September". (The
//         recogniser itself, FindTimeExpressions, also works on untagged
//         tokens from token cues; the stage always runs after syntax.)
// Fills:  kLayerTimes: Document::time_exprs (span, token range, sentence,
//         text, type DATE/TIME/DURATION/SET, value, precision, modifier),
//         in text order, non-overlapping.
// Document::date (YYYY-MM-DD) anchors relative expressions; when it is empty
// or invalid they stay unresolved ("XXXX-09", precision "none") and absolute
// ones ("19 August 2025") are still resolved. See recognizer.h for the
// families and docs/time.md for the value conventions.
//
// The stage loads no data (its vocabulary is closed: month and weekday
// names, units), so creation cannot fail on a missing file. Process() is
// const and thread-safe.
#pragma once

#include <memory>

#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateTimeStage(const Config& config);

}  // namespace annals
