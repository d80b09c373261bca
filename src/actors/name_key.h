// Name keys: the tokenizer-independent form in which the actors stage
// compares names. A key keeps only letters and digits, case-folded and with
// diacritics removed, and one space where the text had whitespace; other
// punctuation disappears. "Donald J. Trump" -> "donald j trump", "U.S." ->
// "us", "al-Assad" -> "alassad", "Erdoğan" -> "erdogan". Because the key
// does not depend on where a tokenizer splits "Jong-un" or "U.S.", the
// dictionary and the text meet whatever the text stage does.
//
// Case is checked separately (CaseCompatible) so that "US" the country is
// not "us" the pronoun and "May" the surname is not "may" the verb.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace annals {

// Appends the key of `text` (no leading/trailing space) to *key.
void AppendNameKey(std::string_view text, std::string* key);
std::string NameKey(std::string_view text);

// True if `written` (text with the same key as `dictionary`) has a case the
// dictionary form allows. The two are walked letter by letter: where the
// dictionary starts a run of letters with a capital, the text needs a
// capital; where a run is all capitals ("US", "NATO"), the text needs all
// capitals too, except for runs of four letters or more ("Nato"). Lower-case
// dictionary letters match either case.
bool CaseMatches(std::string_view dictionary, std::string_view written);

// Case of a word's first letter / of all its letters (Unicode-aware).
bool StartsUpper(std::string_view word);
bool AllUpper(std::string_view word);  // at least one letter, none lower-case

}  // namespace annals
