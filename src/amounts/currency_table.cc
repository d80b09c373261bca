// Loading and lexeme lookups of the currency table (see currency_table.h).
#include "amounts/currency_table.h"

#include <cmath>
#include <cstdlib>

#include "base/tsv.h"

namespace annals {
namespace {

std::string LowerNoDots(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '.') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

bool IsIsoCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

Result<CurrencyTable> CurrencyTable::Load(const std::string& path,
                                          std::vector<std::string>* warnings) {
  auto table = TsvTable::Load(path);
  if (!table.ok()) return table.status();
  return FromTable(table.value(), warnings);
}

Result<CurrencyTable> CurrencyTable::Parse(std::string text, const std::string& path,
                                           std::vector<std::string>* warnings) {
  auto table = TsvTable::Parse(std::move(text), path);
  if (!table.ok()) return table.status();
  return FromTable(table.value(), warnings);
}

Result<CurrencyTable> CurrencyTable::FromTable(const TsvTable& table,
                                               std::vector<std::string>* warnings) {
  CurrencyTable out;
  ANNALS_RETURN_IF_ERROR(table.RequireColumns({"form", "kind", "code", "value"}));
  for (const TsvRow& row : table.rows()) {
    const std::string_view form = TrimAscii(row.Get("form"));
    const std::string_view kind = row.Get("kind");
    const std::string_view code = row.Get("code");
    if (form.empty()) {
      warnings->push_back(row.FieldError("form", "empty currency form"));
      continue;
    }
    if (kind == "magnitude") {
      const std::string v(row.Get("value"));
      char* endp = nullptr;
      const double m = std::strtod(v.c_str(), &endp);
      if (v.empty() || endp != v.c_str() + v.size() || !std::isfinite(m) || m <= 0) {
        warnings->push_back(row.FieldError("value", "magnitude is not a positive number"));
        continue;
      }
      out.magnitudes_[LowerNoDots(form)] = m;
      continue;
    }
    if (!IsIsoCode(code)) {
      warnings->push_back(row.FieldError("code", "not an ISO 4217 code"));
      continue;
    }
    if (kind == "symbol") {
      out.symbols_[LowerNoDots(form)] = std::string(code);
    } else if (kind == "code") {
      out.codes_[LowerNoDots(form)] = std::string(code);
    } else if (kind == "name") {
      const std::string key = LowerNoDots(form);
      size_t words = 1;
      for (char c : key) words += c == ' ';
      if (words > 6) {
        warnings->push_back(row.FieldError("form", "currency name longer than 6 words"));
        continue;
      }
      if (words > out.max_name_words_) out.max_name_words_ = words;
      out.names_[key] = std::string(code);
    } else {
      warnings->push_back(row.FieldError("kind", "unknown kind (symbol|code|name|magnitude)"));
    }
  }
  if (out.size() == 0) {
    return Status::DataError(table.path() + ": no usable currency rows");
  }
  return out;
}

std::optional<CurrencyTable::Hit> CurrencyTable::SymbolAt(const std::vector<timex::Lexeme>& lx,
                                                          size_t i) const {
  std::optional<Hit> best;
  std::string key;
  for (size_t k = i; k < lx.size() && k < i + 3; ++k) {
    if (k > i && lx[k].space_before) break;
    key += lx[k].norm;
    auto it = symbols_.find(key);
    if (it != symbols_.end()) best = Hit{it->second, k + 1};
  }
  return best;
}

std::optional<CurrencyTable::Hit> CurrencyTable::NameAt(const std::vector<timex::Lexeme>& lx,
                                                        size_t i) const {
  std::optional<Hit> best;
  std::string key;
  for (size_t k = i; k < lx.size() && k < i + max_name_words_; ++k) {
    if (lx[k].kind != timex::LexKind::kWord) break;
    if (k > i) key += ' ';
    key += lx[k].norm;
    auto it = names_.find(key);
    if (it != names_.end()) best = Hit{it->second, k + 1};
  }
  return best;
}

std::optional<std::string> CurrencyTable::Code(std::string_view lower_norm) const {
  auto it = codes_.find(std::string(lower_norm));
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

std::optional<double> CurrencyTable::Magnitude(std::string_view norm) const {
  auto it = magnitudes_.find(std::string(norm));
  if (it == magnitudes_.end()) return std::nullopt;
  return it->second;
}

}  // namespace annals
