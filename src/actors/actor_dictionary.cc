// Parser, validator and indexes of the actor dictionary. The parser is a
// line machine over the "@ id / key: value / blank line" format; every check
// that can fail on input appends an issue with the line and the offending
// text and marks the entry bad, so that one typo costs one entry.
#include "actors/actor_dictionary.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

#include "actors/name_key.h"
#include "base/civil_date.h"
#include "base/file.h"
#include "base/tsv.h"
#include "base/utf8.h"

namespace annals {
namespace {

constexpr std::string_view kFormatLine = "# format: annals-actors v1";

// CAMEO sector codes (CAMEO manual ch. 3, "Actor codes": domestic roles).
// UAF: unidentified armed forces ("gunmen", "armed men"); RAD: radicals and
// extremists (both as in the CAMEO/Phoenix agent dictionaries).
constexpr std::array<std::string_view, 24> kSectors = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "ELI", "BUS", "MED", "CVL",
    "EDU", "REL", "NGO", "IGO", "SPY", "LAB", "AGR", "HLH", "REF", "CRM", "UAF", "RAD"};

constexpr std::array<std::string_view, 8> kTypes = {
    "person", "country", "organisation", "igo", "armed_group", "party", "media", "metonym"};

std::string Quote(std::string_view s) {
  std::string q = " '";
  q += s;
  q += "'";
  return q;
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

bool IsIdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "" if the code is well formed, else the reason.
std::string CheckCode(std::string_view code) {
  if (!AllOf(code, IsUpper)) return "actor code must be upper-case letters";
  std::string country, sector;
  SplitActorCode(code, &country, &sector);
  const std::string_view rest = code.substr(country.size());
  if (code.size() < 3) return "actor code too short";
  if (rest.size() % 3 != 0) return "actor code is not country + 3-letter codes";
  if (!rest.empty() && !IsKnownSector(sector)) return "unknown sector '" + sector + "' in actor code";
  return "";
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

DayKey ParseDayKey(std::string_view t) {
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (!IsDigit(t[i])) return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  if (t.size() != 4 && t.size() != 7 && t.size() != 10) return -1;
  const int year = num(0, 4);
  if (year < 0) return -1;
  int month = 1, day = 1;
  if (t.size() >= 7) {
    if (t[4] != '-') return -1;
    month = num(5, 2);
    if (month < 1 || month > 12) return -1;
  }
  if (t.size() == 10) {
    if (t[7] != '-') return -1;
    day = num(8, 2);
    if (day < 1 || day > DaysInMonth(year, month)) return -1;
  }
  return year * 10000 + month * 100 + day;
}

bool IsKnownSector(std::string_view sector) {
  return std::find(kSectors.begin(), kSectors.end(), sector) != kSectors.end();
}

void SplitActorCode(std::string_view code, std::string* country, std::string* sector) {
  // NATO is the one four-letter "country" in CAMEO's actor codes.
  const size_t n = code.substr(0, 4) == "NATO" ? 4 : std::min<size_t>(3, code.size());
  *country = std::string(code.substr(0, n));
  *sector = code.size() >= n + 3 ? std::string(code.substr(n, 3)) : std::string();
}

const ActorRole* ActorEntry::RoleOn(DayKey day) const {
  if (day < 0) return nullptr;
  const ActorRole* best = nullptr;
  for (const ActorRole& r : roles) {
    if (r.Covers(day) && (best == nullptr || r.start >= best->start)) best = &r;
  }
  return best;
}

std::string ActorEntry::CodeOn(DayKey day) const {
  if (day >= 0) {
    if (const ActorRole* r = RoleOn(day)) return r->code;
    return code.empty() ? country : code;
  }
  if (!code.empty()) return code;
  const ActorRole* current = nullptr;
  for (const ActorRole& r : roles) {
    if (r.end == kOpenEnd && (current == nullptr || r.start >= current->start)) current = &r;
  }
  return current ? current->code : country;
}

std::string ActorEntry::Surname() const {
  const std::vector<std::string_view> words = SplitWords(name);
  return words.empty() ? std::string() : std::string(words.back());
}

Result<std::unique_ptr<ActorDictionary>> ActorDictionary::Load(
    const std::string& actors_dir, const std::string& extra_file,
    std::vector<DictionaryIssue>* issues) {
  std::vector<DictionaryIssue> local;
  if (issues == nullptr) issues = &local;
  auto dict = std::make_unique<ActorDictionary>();
  std::vector<std::string> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(actors_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".actors") files.push_back(it->path().string());
  }
  if (ec) return Status::NotFound(actors_dir + ": cannot list actor dictionaries: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    Result<std::string> text = ReadFile(f);
    if (!text.ok()) {
      issues->push_back({true, text.status().message()});
      continue;
    }
    dict->AddText(*text, f, issues);
  }
  if (!extra_file.empty()) {
    Result<std::string> text = ReadFile(extra_file);
    if (!text.ok()) return text.status();
    dict->AddText(*text, extra_file, issues);
  }
  // Generated data lives in sub-folders (actors/imported/) and loads last.
  std::vector<std::string> folders;
  for (std::filesystem::directory_iterator it(actors_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code dir_ec;
    if (it->is_directory(dir_ec)) folders.push_back(it->path().string());
  }
  std::sort(folders.begin(), folders.end());
  for (const std::string& folder : folders) {
    std::vector<std::string> sub;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->path().extension() == ".actors") sub.push_back(it->path().string());
    }
    std::sort(sub.begin(), sub.end());
    for (const std::string& f : sub) {
      Result<std::string> text = ReadFile(f);
      if (!text.ok()) {
        issues->push_back({true, text.status().message()});
        continue;
      }
      dict->AddText(*text, f, issues, /*imported=*/true);
    }
  }
  auto add_roles = [&](const std::string& roles, bool imported) {
    if (!std::filesystem::exists(roles, ec)) return;
    Result<std::string> text = ReadFile(roles);
    if (text.ok()) {
      dict->AddRoleNouns(*text, roles, issues, imported);
    } else {
      issues->push_back({true, text.status().message()});
    }
  };
  add_roles(JoinPath(actors_dir, "roles.tsv"), false);
  for (const std::string& folder : folders) add_roles(JoinPath(folder, "roles.tsv"), true);
  dict->Finish(issues);
  if (dict->entries_.empty()) {
    return Status::DataError(actors_dir + ": no actor entry could be loaded (" +
                             std::to_string(issues->size()) + " problems)");
  }
  return dict;
}

void ActorDictionary::AddText(std::string_view text, const std::string& path,
                              std::vector<DictionaryIssue>* issues, bool imported) {
  auto error = [&](size_t line, std::string_view message, std::string_view offending) {
    issues->push_back({true, AtLine(path, line, std::string(message) + Quote(offending))});
  };
  ActorEntry entry;
  bool open = false;
  bool bad = false;
  size_t names = 0;
  auto close = [&]() {
    if (!open) return;
    open = false;
    if (names == 0) {
      error(entry.line, "entry has no 'name:' line:", entry.id);
      bad = true;
    }
    if (entry.type.empty()) {
      error(entry.line, "entry has no 'type:' line:", entry.id);
      bad = true;
    }
    if (entry.code.empty() && entry.roles.empty() && entry.country.empty()) {
      error(entry.line, "entry has no code, role or country, so it cannot be coded:", entry.id);
      bad = true;
    }
    std::sort(entry.roles.begin(), entry.roles.end(),
              [](const ActorRole& a, const ActorRole& b) { return a.start < b.start; });
    for (size_t i = 1; i < entry.roles.size(); ++i) {
      const ActorRole& a = entry.roles[i - 1];
      const ActorRole& b = entry.roles[i];
      if (b.start < a.end) {
        issues->push_back({false, AtLine(path, b.line,
                                         "warning: role overlaps the role at line " +
                                             std::to_string(a.line) +
                                             "; the later start wins:" + Quote(b.code))});
      }
    }
    entry.imported = imported;
    if (!bad && imported) {
      auto it = id_index_.find(entry.id);
      if (it != id_index_.end() && !entries_[it->second].imported) {
        Supplement(std::move(entry), &entries_[it->second]);
        bad = true;  // merged, not added
      }
    }
    if (!bad) {
      auto [it, inserted] = id_index_.emplace(entry.id, static_cast<uint32_t>(entries_.size()));
      if (!inserted) {
        const ActorEntry& first = entries_[it->second];
        error(entry.line,
              "duplicate entry id (first defined at " + first.path + "):", entry.id);
      } else {
        entries_.push_back(std::move(entry));
      }
    }
    entry = ActorEntry();
  };

  size_t line_no = 0;
  size_t pos = 0;
  bool seen_content = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = TrimAscii(line);
    if (!seen_content && !trimmed.empty()) {
      seen_content = true;
      if (trimmed != kFormatLine) {
        error(line_no, "first line must be '" + std::string(kFormatLine) + "', found", trimmed);
      }
    }
    if (!IsValidUtf8(line)) {
      error(line_no, "invalid UTF-8:", RepairUtf8(line, nullptr));
      bad = true;
      if (nl == text.size()) break;
      continue;
    }
    if (trimmed.empty()) {
      close();
      bad = false;
      if (nl == text.size()) break;
      continue;
    }
    if (trimmed.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    if (trimmed.front() == '@') {
      close();
      bad = false;
      names = 0;
      open = true;
      entry.path = path + ":" + std::to_string(line_no);
      entry.line = line_no;
      entry.id = std::string(TrimAscii(trimmed.substr(1)));
      if (!AllOf(entry.id, IsIdChar)) {
        error(line_no, "entry id must be lower-case letters, digits and '-':", entry.id);
        bad = true;
      }
      if (nl == text.size()) break;
      continue;
    }
    const size_t colon = trimmed.find(':');
    if (!open) {
      error(line_no, "line outside an entry (an entry starts with '@ id'):", trimmed);
    } else if (colon == std::string_view::npos) {
      error(line_no, "expected 'key: value':", trimmed);
      bad = true;
    } else {
      const std::string_view key = TrimAscii(trimmed.substr(0, colon));
      const std::string_view value = TrimAscii(trimmed.substr(colon + 1));
      if (value.empty()) {
        error(line_no, "empty value for '" + std::string(key) + "':", trimmed);
        bad = true;
      } else if (key == "type") {
        if (std::find(kTypes.begin(), kTypes.end(), value) == kTypes.end()) {
          error(line_no, "unknown type:", value);
          bad = true;
        } else if (!entry.type.empty()) {
          error(line_no, "second 'type:' line:", value);
          bad = true;
        }
        entry.type = std::string(value);
      } else if (key == "name") {
        if (++names > 1) {
          error(line_no, "second 'name:' line (use 'alias:'):", value);
          bad = true;
        }
        entry.name = std::string(value);
        if (NameKey(value).empty()) {
          error(line_no, "name has no letters or digits:", value);
          bad = true;
        }
      } else if (key == "alias") {
        if (NameKey(value).empty()) {
          error(line_no, "alias has no letters or digits:", value);
          bad = true;
        }
        entry.aliases.emplace_back(value);
      } else if (key == "adjective") {
        entry.adjectives.emplace_back(value);
      } else if (key == "code") {
        const std::string why = CheckCode(value);
        if (!why.empty()) {
          error(line_no, why + ":", value);
          bad = true;
        }
        entry.code = std::string(value);
      } else if (key == "role") {
        const std::vector<std::string_view> w = SplitWords(value);
        ActorRole role;
        role.line = line_no;
        if (w.size() < 3) {
          error(line_no, "role needs '<code> <start> <end> [title]':", value);
          bad = true;
        } else {
          role.code = std::string(w[0]);
          const std::string why = CheckCode(w[0]);
          if (!why.empty()) {
            error(line_no, why + ":", w[0]);
            bad = true;
          }
          role.start = w[1] == "." ? kOpenStart : ParseDayKey(w[1]);
          role.end = w[2] == "." ? kOpenEnd : ParseDayKey(w[2]);
          if (role.start < 0) {
            error(line_no, "bad start date (YYYY-MM-DD, YYYY-MM, YYYY or '.'):", w[1]);
            bad = true;
          }
          if (role.end < 0) {
            error(line_no, "bad end date (YYYY-MM-DD, YYYY-MM, YYYY or '.'):", w[2]);
            bad = true;
          }
          if (role.start >= 0 && role.end >= 0 && role.end <= role.start) {
            error(line_no, "role ends before it starts:", value);
            bad = true;
          }
          if (w.size() > 3) {
            const size_t title_at = static_cast<size_t>(w[3].data() - value.data());
            role.title = std::string(TrimAscii(value.substr(title_at)));
          }
          entry.roles.push_back(std::move(role));
        }
      } else if (key == "country") {
        if (!AllOf(value, IsUpper) || value.size() < 3 || value.size() > 4) {
          error(line_no, "country must be an ISO alpha-3 or IGO code:", value);
          bad = true;
        }
        entry.country = std::string(value);
      } else if (key == "gender") {
        if (value != "m" && value != "f") {
          error(line_no, "gender must be 'm' or 'f':", value);
          bad = true;
        } else {
          entry.gender = value[0];
        }
      } else if (key == "party") {
        // An entry id; that it names a party entry is checked once all files are in.
        if (value.empty() || !AllOf(value, IsIdChar)) {
          error(line_no, "party must be the id of a party entry:", value);
          bad = true;
        }
        entry.party = std::string(value);
      } else if (key == "wikidata") {
        if (value.size() < 2 || value[0] != 'Q' || !AllOf(value.substr(1), IsDigit)) {
          error(line_no, "wikidata id must be Q followed by digits:", value);
          bad = true;
        }
        entry.wikidata = std::string(value);
      } else if (key == "note") {
        entry.note = std::string(value);
      } else {
        error(line_no, "unknown key:", key);
        bad = true;
      }
    }
    if (nl == text.size()) break;
  }
  close();
  if (!seen_content) error(1, "empty dictionary file:", path);
}

void ActorDictionary::AddRoleNouns(std::string_view text, const std::string& path,
                                   std::vector<DictionaryIssue>* issues, bool imported) {
  Result<TsvTable> table = TsvTable::Parse(std::string(text), path);
  if (!table.ok()) {
    issues->push_back({true, table.status().message()});
    return;
  }
  const Status columns = table->RequireColumns({"noun", "sector", "kind"});
  if (!columns.ok()) {
    issues->push_back({true, columns.message()});
    return;
  }
  for (const TsvRow& row : table->rows()) {
    RoleNoun noun{NameKey(row.Get("noun")), std::string(row.Get("sector")),
                  std::string(row.Get("kind")), std::string(row.Get("note"))};
    // A member noun takes the sector of what it belongs to: it has none.
    const bool member = noun.kind == "member";
    if (member && noun.sector == "-") noun.sector.clear();
    if (noun.noun.empty()) {
      issues->push_back({true, row.FieldError("noun", "empty role noun")});
    } else if (member ? !noun.sector.empty() : !IsKnownSector(noun.sector)) {
      issues->push_back({true, row.FieldError("sector", member ? "a member noun has no sector (write '-')"
                                                               : "unknown sector")});
    } else if (noun.kind != "person" && noun.kind != "group" && noun.kind != "office" && !member) {
      issues->push_back({true, row.FieldError("kind", "kind must be person, group, office or member")});
    } else if (role_noun_index_.count(noun.noun) != 0) {
      if (!imported) issues->push_back({true, row.FieldError("noun", "duplicate role noun")});
    } else {
      max_role_noun_words_ = std::max(
          max_role_noun_words_,
          static_cast<size_t>(std::count(noun.noun.begin(), noun.noun.end(), ' ') + 1));
      role_noun_index_.emplace(noun.noun, static_cast<uint32_t>(role_nouns_.size()));
      role_nouns_.push_back(std::move(noun));
    }
  }
}

std::string OtherNumber(std::string_view noun, bool* to_plural) {
  // The head word: the last word, or the one before " of " ("heads of state").
  size_t end = noun.find(" of ");
  if (end == std::string_view::npos) end = noun.size();
  const size_t space = noun.substr(0, end).rfind(' ');
  const size_t begin = space == std::string_view::npos ? 0 : space + 1;
  const std::string_view w = noun.substr(begin, end - begin);
  auto ends = [&w](std::string_view s) { return w.size() > s.size() && w.substr(w.size() - s.size()) == s; };
  std::string other;
  bool plural = true;
  if (ends("men")) {
    other = std::string(w.substr(0, w.size() - 3)) + "man";
  } else if (ends("ies") && w.size() > 4) {
    other = std::string(w.substr(0, w.size() - 3)) + "y";
  } else if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes")) {
    other = std::string(w.substr(0, w.size() - 2));
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    other = std::string(w.substr(0, w.size() - 1));
  } else {
    plural = false;
    const char last = w.empty() ? 0 : w.back();
    const char before = w.size() > 1 ? w[w.size() - 2] : 0;
    if (ends("man")) {
      other = std::string(w.substr(0, w.size() - 3)) + "men";
    } else if (last == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos) {
      other = std::string(w.substr(0, w.size() - 1)) + "ies";
    } else if (last == 's' || last == 'x' || last == 'z' || ends("sh") || ends("ch")) {
      other = std::string(w) + "es";
    } else if (!w.empty()) {
      other = std::string(w) + "s";
    }
  }
  if (to_plural != nullptr) *to_plural = !plural;
  if (other.empty()) return other;
  return std::string(noun.substr(0, begin)) + other + std::string(noun.substr(end));
}

void ActorDictionary::Supplement(ActorEntry&& imported, ActorEntry* hand) {
  // Hand-written entries win for 2016 on and wherever they have roles: an
  // imported role is kept only before the earliest hand-written role.
  DayKey cutoff = 20160101;
  for (const ActorRole& r : hand->roles) cutoff = std::min(cutoff, r.start);
  for (ActorRole& r : imported.roles) {
    if (r.start >= cutoff) continue;
    r.end = std::min(r.end, cutoff);
    hand->roles.push_back(std::move(r));
  }
  std::sort(hand->roles.begin(), hand->roles.end(),
            [](const ActorRole& a, const ActorRole& b) { return a.start < b.start; });
  for (std::string& a : imported.aliases) hand->aliases.push_back(std::move(a));
  for (std::string& a : imported.adjectives) hand->adjectives.push_back(std::move(a));
}

void ActorDictionary::Finish(std::vector<DictionaryIssue>* issues) {
  // The other number of each listed role noun, unless listed itself: a
  // plural names a group; a singular one unnamed person.
  const size_t listed = role_nouns_.size();
  for (size_t i = 0; i < listed; ++i) {
    if (role_nouns_[i].derived) continue;
    bool to_plural = false;
    std::string other = OtherNumber(role_nouns_[i].noun, &to_plural);
    if (other.empty() || role_noun_index_.count(other) != 0) continue;
    RoleNoun d = role_nouns_[i];
    d.noun = std::move(other);
    d.derived = true;
    if (d.kind != "member") d.kind = to_plural ? "group" : "person";
    d.note = "other number of '" + role_nouns_[i].noun + "'";
    role_noun_index_.emplace(d.noun, static_cast<uint32_t>(role_nouns_.size()));
    role_nouns_.push_back(std::move(d));
  }
  // Hand-written names win: an imported entry loses every name or alias a
  // hand-written entry has, and is dropped if none is left. The keys of the
  // imported entries are computed once here and reused for the index.
  std::unordered_map<std::string, bool> hand_keys;
  bool any_imported = false;
  for (const ActorEntry& e : entries_) {
    any_imported = any_imported || e.imported;
    if (e.imported) continue;
    hand_keys[NameKey(e.name)] = true;
    for (const std::string& a : e.aliases) hand_keys[NameKey(a)] = true;
  }
  std::vector<std::vector<std::string>> cached_keys;  // name first, then aliases
  if (any_imported) {
    std::vector<ActorEntry> kept;
    kept.reserve(entries_.size());
    cached_keys.reserve(entries_.size());
    bool dropped = false;
    for (ActorEntry& e : entries_) {
      std::vector<std::string> keys;
      if (e.imported) {
        std::vector<std::string> names;
        names.reserve(e.aliases.size() + 1);
        names.push_back(std::move(e.name));
        for (std::string& a : e.aliases) names.push_back(std::move(a));
        e.aliases.clear();
        e.name.clear();
        for (std::string& n : names) {
          std::string k = NameKey(n);
          if (hand_keys.count(k) != 0) continue;
          if (e.name.empty()) e.name = std::move(n);
          else e.aliases.push_back(std::move(n));
          keys.push_back(std::move(k));
        }
        if (e.name.empty()) {
          dropped = true;
          continue;
        }
      }
      kept.push_back(std::move(e));
      cached_keys.push_back(std::move(keys));
    }
    entries_ = std::move(kept);
    if (dropped) {
      id_index_.clear();
      for (uint32_t i = 0; i < entries_.size(); ++i) id_index_.emplace(entries_[i].id, i);
    }
  }
  key_index_.clear();
  surname_index_.clear();
  adjective_index_.clear();
  country_index_.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const ActorEntry& e = entries_[i];
    size_t next_key = 0;  // into cached_keys[i] (imported entries)
    auto add_key = [&](const std::string& written) {
      std::vector<uint32_t>& list =
          key_index_[e.imported ? cached_keys[i][next_key++] : NameKey(written)];
      if (std::find(list.begin(), list.end(), i) != list.end()) return;
      // A hand-written entry's name is never shared with an imported one.
      if (e.imported && std::any_of(list.begin(), list.end(),
                                    [&](uint32_t j) { return !entries_[j].imported; })) {
        return;
      }
      if (!list.empty() && !e.imported) {
        const ActorEntry& other = entries_[list.front()];
        issues->push_back({false, e.path + ": warning: name also used by '" + other.id +
                                      "' (" + other.path + "), context decides:" +
                                      Quote(written)});
      }
      list.push_back(i);
    };
    add_key(e.name);
    for (const std::string& a : e.aliases) add_key(a);
    if (e.type == "person") {
      std::vector<std::string> names = e.aliases;
      names.push_back(e.name);
      for (const std::string& n : names) {
        const std::vector<std::string_view> words = SplitWords(n);
        if (words.size() < 2) continue;
        std::vector<uint32_t>& list = surname_index_[NameKey(words.back())];
        // An imported person does not make a hand-written surname ambiguous.
        if (e.imported && std::any_of(list.begin(), list.end(),
                                      [&](uint32_t j) { return !entries_[j].imported; })) {
          continue;
        }
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
    }
    for (const std::string& adj : e.adjectives) {
      const auto [it, inserted] = adjective_index_.emplace(NameKey(adj), i);
      // A country's demonym beats any other entry's adjective.
      if (!inserted && e.type == "country" && entries_[it->second].type != "country") {
        it->second = i;
      }
    }
    if (e.type == "country") {
      if (!e.code.empty()) country_index_.emplace(e.code, i);
      if (!e.country.empty()) country_index_.emplace(e.country, i);
    }
  }
  for (const ActorEntry& e : entries_) {
    if (e.party.empty()) continue;
    const ActorEntry* p = FindById(e.party);
    if (p == nullptr || p->type != "party") {
      issues->push_back({false, e.path + ":" + std::to_string(e.line) + ": warning: '" + e.id +
                                    "' names no party entry:" + Quote(e.party)});
    }
  }
}

const ActorEntry* ActorDictionary::FindById(std::string_view id) const {
  auto it = id_index_.find(std::string(id));
  return it == id_index_.end() ? nullptr : &entries_[it->second];
}

const std::vector<uint32_t>* ActorDictionary::FindByKey(std::string_view key) const {
  auto it = key_index_.find(std::string(key));
  return it == key_index_.end() ? nullptr : &it->second;
}

std::vector<const ActorEntry*> ActorDictionary::Lookup(std::string_view name) const {
  std::vector<const ActorEntry*> out;
  if (const std::vector<uint32_t>* list = FindByKey(NameKey(name))) {
    for (uint32_t i : *list) out.push_back(&entries_[i]);
  }
  return out;
}

const std::vector<uint32_t>* ActorDictionary::FindBySurname(std::string_view key) const {
  auto it = surname_index_.find(std::string(key));
  return it == surname_index_.end() ? nullptr : &it->second;
}

int32_t ActorDictionary::FindAdjective(std::string_view key) const {
  auto it = adjective_index_.find(std::string(key));
  return it == adjective_index_.end() ? -1 : static_cast<int32_t>(it->second);
}

int32_t ActorDictionary::FindCountry(std::string_view code) const {
  auto it = country_index_.find(std::string(code));
  return it == country_index_.end() ? -1 : static_cast<int32_t>(it->second);
}

const RoleNoun* ActorDictionary::FindRoleNoun(std::string_view key) const {
  auto it = role_noun_index_.find(std::string(key));
  return it == role_noun_index_.end() ? nullptr : &role_nouns_[it->second];
}

size_t ActorDictionary::alias_count() const {
  size_t n = 0;
  for (const ActorEntry& e : entries_) n += e.aliases.size();
  return n;
}

size_t ActorDictionary::role_count() const {
  size_t n = 0;
  for (const ActorEntry& e : entries_) n += e.roles.size();
  return n;
}

}  // namespace annals
