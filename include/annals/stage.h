// The Stage interface: one step of the pipeline over a Document.
//
// Each stage declares the layers of the document it needs and the layers it
// fills. Pipeline checks, when it is built, that every need is met by an
// earlier stage, so a mis-ordered pipeline fails at start-up, not with
// silently empty output.
//
// Thread safety: Process() is const and must be safe to call concurrently
// on different documents; a stage keeps no per-document state in members.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// Layers of a Document, as bits.
enum Layer : uint32_t {
  kLayerText = 1u << 0,       // Document::text (normalised)
  kLayerSentences = 1u << 1,  // Document::sentences
  kLayerTokens = 1u << 2,     // Document::tokens (span, form, space_after)
  kLayerTags = 1u << 3,       // Token::upos/xpos/lemma/feats
  kLayerParse = 1u << 4,      // Token::head/deprel
  kLayerMentions = 1u << 5,   // Document::mentions
  kLayerPlaces = 1u << 6,     // Document::places
  kLayerTimes = 1u << 7,      // Document::time_exprs
  kLayerAmounts = 1u << 8,    // Document::amounts
  kLayerQuotes = 1u << 9,     // Document::quotes
  kLayerEvents = 1u << 10,    // Document::events
  kLayerEventContext = 1u << 11,  // Event date/attribution/location/amounts
  kLayerFurniture = 1u << 12,     // Document::furniture and Document::dateline
};

// "text|sentences|..." for messages.
std::string LayerNames(uint32_t layers);

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual uint32_t needs() const = 0;
  virtual uint32_t fills() const = 0;
  // Returns non-OK only when this document cannot be processed further;
  // recoverable problems go to doc->diagnostics.
  virtual Status Process(Document* doc) const = 0;
  // Problems found while loading this stage's data (a bad dictionary line,
  // an unknown list name), each naming file:line:col; the stage skipped
  // them and loaded the rest. Pipeline::load_diagnostics() collects them.
  virtual std::vector<Diagnostic> load_diagnostics() const { return {}; }
};

// Wraps `stage` so that load_diagnostics() returns `diagnostics` (for a
// factory that found problems while loading but whose stage class keeps
// none); everything else is forwarded.
std::unique_ptr<Stage> WithLoadDiagnostics(std::unique_ptr<Stage> stage, std::vector<Diagnostic> diagnostics);

}  // namespace annals
