// Table rendering (table.h).
#include "store/table.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace annals {

namespace {

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Cut(const std::string& s, size_t width) {
  if (CodePoints(s) <= width) return s;
  std::string out;
  size_t pos = 0, n = 0;
  while (pos < s.size() && n + 1 < width) {
    const size_t start = pos;
    DecodeUtf8(s, &pos);
    out.append(s, start, pos - start);
    ++n;
  }
  return out + "\u2026";
}

}  // namespace

namespace {

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

std::string CsvField(const std::string& cell) {
  std::string s = cell;
  // A lone "-" (the tables' "no actor") runs nothing and stays as it is.
  if (s.size() > 1 && std::strchr("=+-@\t\r", s[0]) != nullptr && !IsNumber(s)) s.insert(s.begin(), '\'');
  if (s.size() == 1 && std::strchr("=+@\t\r", s[0]) != nullptr) s.insert(s.begin(), '\'');
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TerminalSafe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t c = DecodeUtf8(s, &pos);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
               (c >= 0x2066 && c <= 0x2069) || c == kReplacementChar) {
      out += "\uFFFD";
    } else {
      out.append(s, start, pos - start);
    }
  }
  return out;
}

std::string FormatNumber(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string RenderTable(const Table& t, TableFormat format, size_t max_width) {
  std::string out;
  if (format == TableFormat::kCsv) {
    // Appended piecewise: `"," + std::string` trips GCC 12's -Wrestrict.
    auto csv_line = [&out](const std::vector<std::string>& cells) {
      for (size_t c = 0; c < cells.size(); ++c) {
        if (c) out += ',';
        out += CsvField(cells[c]);
      }
      out += '\n';
    };
    csv_line(t.columns);
    for (const auto& row : t.rows) csv_line(row);
    return out;
  }
  if (format == TableFormat::kJsonl) {
    for (const auto& row : t.rows) {
      nlohmann::ordered_json j;
      if (!t.title.empty()) j["table"] = t.title;
      for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
        const bool numeric = c < t.numeric.size() && t.numeric[c];
        const bool num = numeric && !row[c].empty();
        if (numeric && row[c].empty()) {
          j[t.columns[c]] = nullptr;
        } else if (num) {
          j[t.columns[c]] = nlohmann::ordered_json::parse(row[c], nullptr, false);
          if (j[t.columns[c]].is_discarded()) j[t.columns[c]] = row[c];
        } else {
          j[t.columns[c]] = row[c];
        }
      }
      out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    }
    return out;
  }
  std::vector<size_t> width(t.columns.size(), 0);
  for (size_t c = 0; c < t.columns.size(); ++c) width[c] = CodePoints(TerminalSafe(t.columns[c]));
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], CodePoints(Cut(TerminalSafe(row[c]), max_width)));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (size_t c = 0; c < cells.size() && c < width.size(); ++c) {
      const std::string cell = Cut(TerminalSafe(cells[c]), max_width);
      const std::string pad(width[c] - CodePoints(cell), ' ');
      const bool right = c < t.numeric.size() && t.numeric[c];
      if (c) l += "  ";
      if (right) l += pad;
      l += cell;
      if (!right && c + 1 < cells.size()) l += pad;
    }
    return l + "\n";
  };
  if (!t.title.empty()) out += TerminalSafe(t.title) + "\n";
  out += line(t.columns);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (const auto& row : t.rows) out += line(row);
  return out;
}

}  // namespace annals
