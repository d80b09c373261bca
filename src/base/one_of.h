#ifndef ANNALS_BASE_ONE_OF_H_
#define ANNALS_BASE_ONE_OF_H_

// Membership of a word in a short closed set written in code: relation
// names, prepositions, the few function words a rule names. Vocabulary a
// political scientist would edit belongs in data/lang/en (word_lists.h).

#include <initializer_list>
#include <string_view>

namespace annals {

inline bool In(std::string_view word, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

// Any other container of string_views (std::array, a C array).
template <typename Set>
bool In(std::string_view word, const Set& set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

}  // namespace annals

#endif  // ANNALS_BASE_ONE_OF_H_
