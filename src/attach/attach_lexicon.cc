// Loading the attach stage's word lists (see attach_lexicon.h).
#include "attach/attach_lexicon.h"

#include "base/file.h"

namespace annals {
namespace {

// In the order of AttachLexicon::List.
constexpr std::string_view kLists[] = {"locative_prep", "target_prep",    "place_action",
                                       "area_noun",     "venue_noun",     "based_word",
                                       "at_target_code", "speaker_code",  "venue_code",
                                       "seated_sector", "signed_noun",    "from_action",
                                       "recipient_prep"};

}  // namespace

Result<AttachLexicon> AttachLexicon::Load(const std::string& data_dir, std::vector<std::string>* warnings) {
  auto lists = WordLists::Load(JoinPath(data_dir, "lang/en/attach.tsv"), kLists, warnings);
  if (!lists.ok()) return lists.status();
  AttachLexicon lex;
  lex.lists_ = std::move(lists).value();
  return lex;
}

bool AttachLexicon::CodeIn(List list, std::string_view code) const {
  for (const std::string& prefix : lists_.Words(list)) {
    if (!prefix.empty() && code.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

}  // namespace annals
