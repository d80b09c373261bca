// Reader for the tab-separated data files in data/.
//
// Format shared by every table: UTF-8, one record per line, fields separated
// by a single TAB; lines starting with '#' and blank lines are comments. The
// first non-comment line is a header naming the columns. Readers look columns
// up by name, so columns may be added without breaking old loaders.
//
// Errors carry "path:line" and, for a bad field, the column and the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals {

class TsvRow {
 public:
  // Field by column name; "" when the row is short. Column must exist in the
  // header (checked by TsvTable::RequireColumns).
  std::string_view Get(std::string_view column) const;
  size_t line() const { return line_; }
  const std::vector<std::string_view>& fields() const { return fields_; }
  // "path:line: message" / with the column and its text quoted.
  std::string Error(std::string_view message) const;
  std::string FieldError(std::string_view column, std::string_view message) const;

 private:
  friend class TsvTable;
  const class TsvTable* table_ = nullptr;
  size_t line_ = 0;
  std::vector<std::string_view> fields_;
};

class TsvTable {
 public:
  // Reads and splits a file. Fails on I/O errors, invalid UTF-8 (naming the
  // line) or a missing header.
  static Result<TsvTable> Load(const std::string& path);
  // Same, from text already in memory; `path` names it in messages.
  static Result<TsvTable> Parse(std::string text, const std::string& path);

  Status RequireColumns(const std::vector<std::string_view>& columns) const;
  int ColumnIndex(std::string_view column) const;  // -1 if absent
  const std::vector<TsvRow>& rows() const { return rows_; }
  const std::string& path() const { return path_; }

  TsvTable(TsvTable&&) noexcept;
  TsvTable& operator=(TsvTable&&) noexcept;
  TsvTable(const TsvTable&) = delete;  // rows point into text_
  TsvTable& operator=(const TsvTable&) = delete;
  ~TsvTable() = default;

 private:
  TsvTable() = default;
  void Rebind();
  std::string path_;
  std::string text_;
  std::vector<std::string_view> header_;
  size_t header_line_ = 0;
  std::vector<TsvRow> rows_;
};

// Splits s on `sep`, keeping empty fields.
std::vector<std::string_view> SplitString(std::string_view s, char sep);
// Trims ASCII whitespace at both ends.
std::string_view TrimAscii(std::string_view s);

}  // namespace annals
