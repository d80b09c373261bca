// The tense of the clause around a temporal expression, used to pick the
// year of "in September" and the week of "on Monday".
//
// With a parse (Token::head/deprel filled by the syntax stage) the governing
// verb is found by climbing heads from the expression; its auxiliaries decide:
// will/shall/'ll or any modal (MD) -> future, was/had/did or a VBD verb ->
// past, has/have + VBN -> past (present perfect reports what happened).
// Without tags, or when the parse says nothing, token cues in the clause
// decide (will/could/... before the expression; was/were/had/"-ed" forms).
// Thread-safe (pure function).
#pragma once

#include <cstdint>

#include "annals/document.h"
#include "model/dependency_view.h"

namespace annals::timex {

enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };

const char* TenseName(Tense t);

// Tense of the clause governing tokens [token_begin, token_end), which lie in
// sentence `sentence` of the view's document. The tree is read through the
// DependencyView (model/dependency_view.h), like every other stage.
Tense ClauseTense(const DependencyView& view, uint32_t sentence, uint32_t token_begin,
                  uint32_t token_end);

}  // namespace annals::timex
