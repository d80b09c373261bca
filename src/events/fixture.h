// Test fixtures: hand-made parsed documents for the event coder's unit tests.
//
// A fixture file holds documents separated by "# newdoc" lines; each
// sentence is a block of token lines ended by a blank line (CoNLL-U-like,
// UD English EWT conventions):
//
//   # date = 2025-08-19
//   # mention = 1-2 RUSGOV RUS person Vladimir Putin
//   # time = 5-5 DATE 2019-03-01
//   # quote = 4-9 0 say
//   # event = RUSGOV UKRGOV 036 planned
//   1 Vladimir vladimir PROPN 2 compound
//   2 Putin putin PROPN 3 nsubj
//   3 met meet VERB 0 root
//
// Token line: id form lemma upos head deprel [xpos]; heads are 1-based
// within the sentence (0 = root). Mention, time and quote ranges are
// inclusive token ids of the sentence they precede; a quote names the
// speaker by document mention index (-1 none) and the cue lemma. "# event"
// lines are the expected events (source target code modality; "-" for no
// target), read by the tests. Text is rebuilt from the forms joined by
// spaces, so every span is exact. The tokens are the parser's output: the
// syntax stage's tree repairs (syntax/tree_repair.h) are applied on load.
#pragma once

#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"
#include "events/event_eval.h"

namespace annals::events {

struct FixtureDoc {
  Document doc;
  GoldItem gold;  // id, date, text, expected events
};

// Parses a fixture; errors name path:line.
Result<std::vector<FixtureDoc>> ParseFixture(const std::string& text, const std::string& path);
Result<std::vector<FixtureDoc>> LoadFixture(const std::string& path);

}  // namespace annals::events
