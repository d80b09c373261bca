// Test fixtures: hand-parsed documents, the one format of the stage tests
// (events, quotes, attach) that need a parse written by hand rather than by
// the syntax model. A fixture holds what the stages before the tested one
// would have written; tests that stand for the pipeline apply the syntax
// stage's tree repair (syntax/tree_repair.h) and, where the quotes layer is
// needed, the quotes stage's own FindQuotes.
//
// Format, one record per line ('#' starts a comment line):
//   doc [date=YYYY-MM-DD] [id=NAME]      starts a document
//   par                                  starts a new paragraph
//   s TOK TOK ...                        a sentence; TOK = form|UPOS|head|deprel[|lemma[|xpos]]
//                                        head is 1-based in the sentence, 0 = root, _ = none;
//                                        a leading '~' glues the token to the previous one
//                                        (no space); the lemma defaults to the lower-cased form
//   m B-E key=value ...                  a mention over tokens B..E (1-based, inclusive) of
//                                        the last sentence: name code country type how ante
//                                        country_how sector (default: letters 4-6 of the
//                                        code); its
//                                        evidence entry is "fixture:<name>"
//   p B-E key=value ...                  a place: name country feature
//   t B-E key=value ...                  a time expression: type value precision
//   a B-E key=value ...                  an amount: kind value unit
//   e trigger=N cameo=C [source=M] [target=M] [attr=1]   an event whose trigger is token N
//                                        (M = document mention index; attr=1 presets an
//                                        attribution whose speaker_text is "preset")
//   x KIND key=value ...                 an expectation, kept for the test to check
//                                        (the events tests read "x event source=CODE
//                                        target=CODE|- code=CAMEO [modality=M]")
// Values use '_' for spaces. Tokens are joined by one space, sentences by
// one space, paragraphs by a blank line, so spans are computed, not typed.
// Thread safety: plain functions, no shared state.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::testing {

struct Expectation {
  std::string kind;
  size_t line = 0;
  std::map<std::string, std::string> fields;
  std::string Get(const std::string& key) const {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  }
  bool Has(const std::string& key) const { return fields.count(key) > 0; }
};

struct FixtureDoc {
  Document doc;
  std::vector<Expectation> expect;
};

// Parses fixture text; `path` names it in errors ("path:line:col: ...").
Result<std::vector<FixtureDoc>> ParseFixture(const std::string& text, const std::string& path);
Result<std::vector<FixtureDoc>> LoadFixture(const std::string& path);

}  // namespace annals::testing
