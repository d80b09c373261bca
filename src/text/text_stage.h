// The text stage: normalisation, sentence splitting, tokenization.
//
// Needs: Document::text holding the raw input bytes (as read by ingest).
// Fills: kLayerText (text repaired and NFC-normalised in place),
// kLayerSentences, kLayerTokens. Fails only for an oversized document.
#pragma once

#include <memory>
#include <string_view>

#include "annals/config.h"
#include "annals/stage.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateTextStage(const Config& config);

// Are the forms of two adjacent tokens (no space between) the two words the
// stage cut one written word into ("do" "n't", "Russia" "'s", "gon" "na")?
// UD English writes such a word as one multiword token.
bool IsContractionSplit(std::string_view first, std::string_view second);

}  // namespace annals
