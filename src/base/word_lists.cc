// WordLists: data/lang/<language>/*.tsv word lists (see word_lists.h).
#include "base/word_lists.h"

#include "base/file.h"
#include "base/tsv.h"

namespace annals {

Result<WordLists> WordLists::Load(const std::string& path, std::span<const std::string_view> names,
                                  std::vector<std::string>* warnings) {
  WordLists w;
  for (std::string_view n : names) w.names_.emplace_back(n);
  w.lists_.resize(names.size());
  w.order_.resize(names.size());
  Status st = w.Add(path, warnings);
  if (!st.ok()) return st;
  return w;
}

Status WordLists::Add(const std::string& path, std::vector<std::string>* warnings) {
  Result<TsvTable> table = TsvTable::Load(path);
  if (!table.ok()) return table.status();
  ANNALS_RETURN_IF_ERROR(table->RequireColumns({"list", "word"}));
  files_.push_back(path);
  for (const TsvRow& row : table->rows()) {
    const std::string_view list = TrimAscii(row.Get("list"));
    const std::string_view word = TrimAscii(row.Get("word"));
    size_t which = names_.size();
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == list) which = i;
    }
    if (which == names_.size()) {
      warnings->push_back(row.FieldError("list", "unknown list"));
      continue;
    }
    if (word.empty()) {
      warnings->push_back(row.FieldError("word", "empty word"));
      continue;
    }
    auto [it, fresh] = lists_[which].emplace(std::string(word), std::string(TrimAscii(row.Get("value"))));
    if (!fresh) {
      warnings->push_back(row.FieldError("word", "duplicate word in list '" + std::string(list) + "'"));
      continue;
    }
    order_[which].push_back(it->first);
  }
  return Status::Ok();
}

const std::string* WordLists::Find(size_t list, std::string_view word) const {
  if (list >= lists_.size()) return nullptr;
  const auto& m = lists_[list];
  auto it = m.find(word);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace annals
