// The text stage: normalisation, news furniture, sentence splitting,
// tokenization.
//
// Needs: Document::text holding the raw input bytes (as read by ingest).
// Fills: kLayerText (text repaired and NFC-normalised in place),
// kLayerFurniture (Document::furniture and Document::dateline: headlines,
// bylines, datelines, credits, captions, timestamps; see furniture.h),
// kLayerSentences, kLayerTokens (never covering furniture). Fails only for an
// oversized document.
//
// Loading reads <data>/lang/en/news_agencies.tsv and news_furniture.tsv;
// creation fails if either is missing or unusable, and bad rows are printed
// to stderr as warnings.
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
