// The amounts stage: money, casualties, arrests, displacement, crowd sizes.
//
// Needs:  kLayerTokens | kLayerSentences (tags are not needed).
// Fills:  kLayerAmounts: Document::amounts (span, token range, sentence,
//         text, kind money|killed|wounded|arrested|displaced|crowd, value,
//         unit = ISO 4217 code for money or "people", approximate), in text
//         order, non-overlapping. Attaching an amount to an event (the event
//         whose clause contains it) is the attach stage's work; the PLOVER
//         field of each kind is PloverSizeField() in amount_recognizer.h.
// Data:   <data_dir>/amounts/currencies.tsv. Creation fails (DataError /
//         NotFound naming the file) only when the table is missing or has
//         no usable row; bad rows are reported on stderr and skipped.
// Process() is const and thread-safe; the stage owns its table.
#pragma once

#include <memory>

#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateAmountsStage(const Config& config);

}  // namespace annals
