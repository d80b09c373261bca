// The text stage: normalisation, sentence splitting, tokenization.
//
// Needs: Document::text holding the raw input bytes (as read by ingest).
// Fills: kLayerText (text repaired and NFC-normalised in place),
// kLayerSentences, kLayerTokens. Fails only for an oversized document.
#pragma once

#include <memory>

#include "annals/config.h"
#include "annals/stage.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateTextStage(const Config& config);

}  // namespace annals
