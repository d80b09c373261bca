// Small result tables and their three renderings, shared by `annals query`
// and `annals stats`: an aligned text table (for terminals), CSV (RFC 4180
// quoting) and JSON Lines (one object per row, numbers as numbers).
//
// Thread-safety: plain values; rendering functions are pure.
#pragma once

#include <string>
#include <vector>

namespace annals {

struct Table {
  std::string title;                       // printed above aligned tables
  std::vector<std::string> columns;
  std::vector<bool> numeric;               // per column; JSON writes numbers
  std::vector<std::vector<std::string>> rows;

  void AddColumn(std::string name, bool is_numeric = false) {
    columns.push_back(std::move(name));
    numeric.push_back(is_numeric);
  }
};

enum class TableFormat { kAligned, kCsv, kJsonl };

// Cells wider than max_width (in code points) are cut with "…" (aligned only).
// Aligned tables are for terminals: every cell goes through TerminalSafe.
// JSON Lines write numeric columns as numbers, an empty numeric cell as null.
std::string RenderTable(const Table& table, TableFormat format, size_t max_width = 48);
// One CSV field, quoted when it holds a comma, quote, CR or LF. A text cell
// that a spreadsheet would run as a formula (first character = + - @ TAB
// or CR, and not a number such as "-4.5") gets a leading apostrophe, as
// OWASP advises against CSV injection: news text is untrusted input. A
// lone "-" (the stats tables' "no actor") is left as it is.
std::string CsvField(const std::string& s);
// `s` safe to print on a terminal: TAB, CR and LF become spaces; other C0
// and C1 control characters (ESC starts terminal escape sequences), DEL and
// the bidirectional override/isolate characters become U+FFFD; invalid
// UTF-8 too.
std::string TerminalSafe(const std::string& s);
// A number with up to `decimals` decimals, trailing zeros dropped.
std::string FormatNumber(double v, int decimals = 3);

}  // namespace annals
