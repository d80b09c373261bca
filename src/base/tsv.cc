// TSV tables: split once, keep views into one buffer, report by line.
#include "base/tsv.h"

#include "base/file.h"
#include "base/utf8.h"

namespace annals {

std::vector<std::string_view> SplitString(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string_view TrimAscii(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::string_view TsvRow::Get(std::string_view column) const {
  const int i = table_->ColumnIndex(column);
  if (i < 0 || static_cast<size_t>(i) >= fields_.size()) return {};
  return fields_[static_cast<size_t>(i)];
}

std::string TsvRow::Error(std::string_view message) const {
  return AtLine(table_->path(), line_, message);
}

std::string TsvRow::FieldError(std::string_view column, std::string_view message) const {
  const int i = table_->ColumnIndex(column);
  std::string m(message);
  m += " in column '";
  m += column;
  m += "': '";
  m += Get(column);
  m += "'";
  return AtLine(table_->path(), line_, static_cast<size_t>(i < 0 ? 0 : i + 1), m);
}

TsvTable::TsvTable(TsvTable&& o) noexcept { *this = std::move(o); }

TsvTable& TsvTable::operator=(TsvTable&& o) noexcept {
  // Moving a std::string may move its buffer or (for short strings) copy it.
  // When the buffer moved, every view still points into it and the rows only
  // need their table pointer; otherwise re-split so the views point into our
  // own text_. (Re-splitting on every move split each data file three times
  // at start-up: Parse, Result, the caller.)
  path_ = std::move(o.path_);
  const char* const old_text = o.text_.data();
  text_ = std::move(o.text_);
  header_line_ = o.header_line_;
  if (text_.data() == old_text) {
    header_ = std::move(o.header_);
    rows_ = std::move(o.rows_);
    for (TsvRow& row : rows_) row.table_ = this;
  } else {
    Rebind();
  }
  o.header_.clear();
  o.rows_.clear();
  return *this;
}

void TsvTable::Rebind() {
  header_.clear();
  rows_.clear();
  std::string_view all(text_);
  size_t line_no = 0;
  size_t start = 0;
  while (start <= all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(start, nl - start);
    ++line_no;
    start = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimAscii(line).empty() || line.front() == '#') {
      if (nl == all.size()) break;
      continue;
    }
    if (header_.empty()) {
      header_ = SplitString(line, '\t');
      header_line_ = line_no;
    } else {
      TsvRow row;
      row.table_ = this;
      row.line_ = line_no;
      row.fields_ = SplitString(line, '\t');
      rows_.push_back(std::move(row));
    }
    if (nl == all.size()) break;
  }
}

Result<TsvTable> TsvTable::Load(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(std::move(text.value()), path);
}

Result<TsvTable> TsvTable::Parse(std::string text, const std::string& path) {
  if (!IsValidUtf8(text)) {
    Utf8Report r;
    RepairUtf8(text, &r);
    size_t line = 1;
    for (size_t i = 0; i < r.first_bad_offset && i < text.size(); ++i) line += text[i] == '\n';
    return Status::DataError(AtLine(path, line, "invalid UTF-8"));
  }
  TsvTable t;
  t.path_ = path;
  t.text_ = std::move(text);
  t.Rebind();
  if (t.header_.empty()) return Status::DataError(AtLine(path, 1, "no header line"));
  return t;
}

int TsvTable::ColumnIndex(std::string_view column) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return static_cast<int>(i);
  }
  return -1;
}

Status TsvTable::RequireColumns(const std::vector<std::string_view>& columns) const {
  for (std::string_view c : columns) {
    if (ColumnIndex(c) < 0) {
      return Status::DataError(AtLine(path_, header_line_, "missing column '" + std::string(c) + "'"));
    }
  }
  return Status::Ok();
}

}  // namespace annals
