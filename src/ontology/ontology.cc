// Loads and cross-checks the four ontology tables. The loader keeps going
// after a bad row so that one run reports every problem in a table edit, then
// refuses the whole ontology if there was any: scores and PLOVER types feed
// every exported event, so a silently skipped code would be worse than none.
#include "ontology/ontology.h"

#include <charconv>
#include <cmath>
#include <utility>

#include "base/file.h"
#include "base/tsv.h"

namespace annals {
namespace {

// Stop listing after this many problems: a wrong file (say, a table with
// shifted columns) would otherwise produce one message per row.
constexpr size_t kMaxReportedErrors = 50;

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Lower-case PLOVER vocabulary: [a-z0-9_-]+ ("heavy-weapons", "pro_autocracy").
bool IsLowerName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

bool IsUpperName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Whole-field integer; false on anything else (sign, spaces, overflow).
bool ParseInt(std::string_view s, int* out) {
  if (!IsDigits(s) || s.size() > 9) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// Whole-field decimal number ("-7", "3.4"); false on "", "nan", "1e", " 1".
bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// CAMEO's twenty cue categories are 01..20.
bool IsCameoRoot(std::string_view root) {
  int n = 0;
  return root.size() == 2 && ParseInt(root, &n) && n >= 1 && n <= 20;
}

}  // namespace

// Holds the tables and the error list while Load() runs.
class Ontology::Loader {
 public:
  Loader(std::string data_dir, Ontology* out) : data_dir_(std::move(data_dir)), out_(out) {}

  // Reads the four tables; false (with the status in *status) if a file could
  // not be read at all. Row problems go to errors_.
  bool Run(Status* status);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  void Add(std::string message) { errors_.push_back(std::move(message)); }
  void LoadContexts(const TsvTable& t);
  void LoadTypes(const TsvTable& t);
  void LoadEvents(const TsvTable& t);
  void LoadMapping(const TsvTable& t);
  // Chosen Goldstein value for a row, applying the fallback order.
  bool PickGoldstein(const TsvRow& row, CameoEventCode* code);

  std::string data_dir_;
  Ontology* out_;
  std::vector<std::string> errors_;
  std::vector<size_t> code_lines_;  // cameo_events.tsv line of each codes_ entry
  // Codes whose cameo_events.tsv row was rejected: their mapping rows are not
  // reported again as "unknown code", which would only repeat the first error.
  std::set<std::string, std::less<>> rejected_codes_;
  std::string events_path_;
};

bool Ontology::Loader::Run(Status* status) {
  // Reads <data_dir>/ontology/<name> and checks its columns. A missing file
  // or column stops the load: nothing below could be checked without it.
  auto open = [&](const char* name, const std::vector<std::string_view>& cols) -> Result<TsvTable> {
    Result<TsvTable> t = TsvTable::Load(JoinPath(data_dir_, std::string("ontology/") + name));
    if (!t.ok()) return t.status();
    Status c = t->RequireColumns(cols);
    if (!c.ok()) return c;
    return t;
  };
  Result<TsvTable> contexts = open("plover_contexts.tsv", {"name", "description"});
  if (!contexts.ok()) {
    *status = contexts.status();
    return false;
  }
  Result<TsvTable> types = open("plover_types.tsv", {"name", "quad_class", "modes", "description"});
  if (!types.ok()) {
    *status = types.status();
    return false;
  }
  Result<TsvTable> events = open("cameo_events.tsv",
                                 {"code", "root", "level", "name", "quad_class", "goldstein_gdelt",
                                  "goldstein_icews", "goldstein_phoenix", "intent", "absorbs"});
  if (!events.ok()) {
    *status = events.status();
    return false;
  }
  Result<TsvTable> mapping =
      open("cameo_plover.tsv", {"cameo_code", "plover_type", "plover_mode", "plover_context", "note"});
  if (!mapping.ok()) {
    *status = mapping.status();
    return false;
  }

  // Vocabularies first: the mapping is checked against them.
  LoadContexts(contexts.value());
  LoadTypes(types.value());
  LoadEvents(events.value());
  LoadMapping(mapping.value());
  return true;
}

void Ontology::Loader::LoadContexts(const TsvTable& t) {
  for (const TsvRow& row : t.rows()) {
    std::string_view name = row.Get("name");
    if (!IsLowerName(name)) {
      Add(row.FieldError("name", "context name must be [a-z0-9_-]+"));
    } else if (!out_->contexts_.emplace(name).second) {
      Add(row.FieldError("name", "duplicate context"));
    }
  }
}

void Ontology::Loader::LoadTypes(const TsvTable& t) {
  for (const TsvRow& row : t.rows()) {
    PloverType type;
    type.name = std::string(row.Get("name"));
    type.description = std::string(row.Get("description"));
    bool ok = true;
    if (!IsUpperName(type.name)) {
      Add(row.FieldError("name", "PLOVER type must be upper-case letters"));
      ok = false;
    } else if (out_->type_index_.count(type.name) != 0) {
      Add(row.FieldError("name", "duplicate PLOVER type"));
      ok = false;
    }
    if (!ParseInt(row.Get("quad_class"), &type.quad_class) || type.quad_class < 1 ||
        type.quad_class > 4) {
      Add(row.FieldError("quad_class", "quad class must be 1..4"));
      ok = false;
    }
    std::string_view modes = row.Get("modes");
    if (!modes.empty()) {
      for (std::string_view m : SplitString(modes, ';')) {
        if (!IsLowerName(m)) {
          Add(row.FieldError("modes", "bad mode '" + std::string(m) + "'"));
          ok = false;
        } else {
          type.modes.emplace_back(m);
        }
      }
    }
    if (!ok) continue;
    out_->type_index_.emplace(type.name, out_->plover_types_.size());
    out_->plover_types_.push_back(std::move(type));
  }
}

bool Ontology::Loader::PickGoldstein(const TsvRow& row, CameoEventCode* code) {
  // Every present value is validated, not only the chosen one: the table is
  // shared by all three choices.
  const std::string_view kTables[] = {"gdelt", "icews", "phoenix"};
  double values[3] = {0, 0, 0};
  bool present[3] = {false, false, false};
  bool ok = true;
  for (int i = 0; i < 3; ++i) {
    const std::string column = "goldstein_" + std::string(kTables[i]);
    std::string_view text = row.Get(column);
    if (text.empty()) continue;
    if (!ParseDouble(text, &values[i])) {
      Add(row.FieldError(column, "Goldstein score is not a number"));
      ok = false;
    } else if (values[i] < -10 || values[i] > 10) {
      Add(row.FieldError(column, "Goldstein score outside [-10, 10]"));
      ok = false;
    } else {
      present[i] = true;
    }
  }
  if (!ok) return false;
  // Order: the chosen table, then GDELT (the most widely used table), then
  // ICEWS (the codebook's own column, complete for all 312 codes).
  int order[3] = {0, 0, 1};
  for (int i = 0; i < 3; ++i) {
    if (out_->goldstein_table_ == kTables[i]) order[0] = i;
  }
  for (int i : order) {
    if (present[i]) {
      code->goldstein = values[i];
      code->goldstein_source = std::string(kTables[i]);
      if (i != order[0]) ++out_->goldstein_fallbacks_;
      return true;
    }
  }
  Add(row.Error("code '" + code->code + "' has no Goldstein score in any table"));
  return false;
}

void Ontology::Loader::LoadEvents(const TsvTable& t) {
  events_path_ = t.path();
  std::map<std::string, int, std::less<>> root_quad;
  for (const TsvRow& row : t.rows()) {
    CameoEventCode code;
    std::string_view text = row.Get("code");
    if (!IsDigits(text) || text.size() < 2 || text.size() > 4) {
      Add(row.FieldError("code", "CAMEO code must be 2 to 4 digits"));
      continue;
    }
    code.code = std::string(text);
    bool ok = true;
    std::string_view root = row.Get("root");
    if (!IsCameoRoot(root)) {
      Add(row.FieldError("root", "unknown CAMEO root (01..20)"));
      ok = false;
    } else if (root != text.substr(0, 2)) {
      Add(row.FieldError("root", "root is not the code's first two digits"));
      ok = false;
    }
    code.root = std::string(root);
    if (!ParseInt(row.Get("level"), &code.level) ||
        code.level != static_cast<int>(text.size()) - 2) {
      Add(row.FieldError("level", "level must be the code's digit count minus 2"));
      ok = false;
    }
    code.name = std::string(TrimAscii(row.Get("name")));
    if (code.name.empty()) {
      Add(row.FieldError("name", "empty name"));
      ok = false;
    }
    if (!ParseInt(row.Get("quad_class"), &code.quad_class) || code.quad_class < 1 ||
        code.quad_class > 4) {
      Add(row.FieldError("quad_class", "quad class must be 1..4"));
      ok = false;
    }
    if (!PickGoldstein(row, &code)) ok = false;
    code.intent_code = std::string(TrimAscii(row.Get("intent")));
    const std::string_view absorbs = TrimAscii(row.Get("absorbs"));
    if (absorbs != "0" && absorbs != "1") {
      Add(row.FieldError("absorbs", "absorbs must be 0 or 1"));
      ok = false;
    }
    code.absorbs_complement = absorbs == "1";
    if (out_->code_index_.count(code.code) != 0) {
      Add(row.FieldError("code", "duplicate CAMEO code"));
      ok = false;
    }
    if (!ok) {
      rejected_codes_.insert(code.code);
      continue;
    }
    // Quad class belongs to the cue category: a code that disagrees with its
    // root is a typo in one of them.
    if (code.level == 0) {
      root_quad.emplace(code.root, code.quad_class);
    } else if (auto it = root_quad.find(code.root);
               it != root_quad.end() && it->second != code.quad_class) {
      Add(row.FieldError("quad_class",
                         "quad class differs from root " + code.root + "'s " +
                             std::to_string(it->second)));
      rejected_codes_.insert(code.code);
      continue;
    }
    out_->code_index_.emplace(code.code, out_->codes_.size());
    code_lines_.push_back(row.line());
    out_->codes_.push_back(std::move(code));
  }
  // The hierarchy must be closed: every code's parent is in the table, and
  // an intent code is a code of the table.
  for (size_t i = 0; i < out_->codes_.size(); ++i) {
    CameoEventCode& ic = out_->codes_[i];
    if (!ic.intent_code.empty() && out_->code_index_.count(ic.intent_code) == 0) {
      Add(AtLine(events_path_, code_lines_[i], 1,
                 "intent code '" + ic.intent_code + "' of '" + ic.code + "' is not in the table"));
      ic.intent_code.clear();
    }
    const CameoEventCode& c = out_->codes_[i];
    if (c.level == 0) continue;
    const std::string parent = c.code.substr(0, c.code.size() - 1);
    const std::string& want = c.level == 1 ? c.root : parent;
    if (out_->code_index_.count(want) == 0) {
      Add(AtLine(events_path_, code_lines_[i], 1,
                 "parent '" + want + "' of code '" + c.code + "' is not in the table"));
    }
  }
}

void Ontology::Loader::LoadMapping(const TsvTable& t) {
  std::vector<bool> mapped(out_->codes_.size(), false);
  for (const TsvRow& row : t.rows()) {
    std::string_view code_text = row.Get("cameo_code");
    auto it = out_->code_index_.find(code_text);
    if (it == out_->code_index_.end()) {
      if (rejected_codes_.count(code_text) == 0) {
        Add(row.FieldError("cameo_code", "unknown CAMEO code"));
      }
      continue;
    }
    if (mapped[it->second]) {
      Add(row.FieldError("cameo_code", "CAMEO code mapped twice"));
      continue;
    }
    mapped[it->second] = true;
    CameoEventCode& code = out_->codes_[it->second];
    std::string_view type_name = row.Get("plover_type");
    std::string_view mode = row.Get("plover_mode");
    std::string_view contexts = row.Get("plover_context");
    if (type_name.empty()) {
      // An unmapped code is a deliberate decision (PLOVER drops roots 01 and
      // 02); the note column must say so, and nothing else may be filled.
      if (TrimAscii(row.Get("note")).empty()) {
        Add(row.FieldError("plover_type", "empty PLOVER type needs a note saying why"));
      }
      if (!mode.empty()) Add(row.FieldError("plover_mode", "mode without a PLOVER type"));
      if (!contexts.empty()) Add(row.FieldError("plover_context", "context without a PLOVER type"));
      continue;
    }
    const PloverType* type = out_->FindPloverType(type_name);
    if (type == nullptr) {
      Add(row.FieldError("plover_type", "unknown PLOVER type"));
      continue;
    }
    code.plover_type = type->name;
    if (!mode.empty()) {
      bool allowed = false;
      for (const std::string& m : type->modes) allowed = allowed || m == mode;
      if (!allowed) {
        Add(row.FieldError("plover_mode", "mode not allowed for " + type->name));
      } else {
        code.plover_mode = std::string(mode);
      }
    }
    if (!contexts.empty()) {
      for (std::string_view c : SplitString(contexts, ';')) {
        if (!out_->IsPloverContext(c)) {
          Add(row.FieldError("plover_context", "unknown PLOVER context '" + std::string(c) + "'"));
        } else {
          code.plover_context.emplace_back(c);
        }
      }
    }
  }
  for (size_t i = 0; i < mapped.size(); ++i) {
    if (!mapped[i]) {
      Add(AtLine(events_path_, code_lines_[i], 1,
                 "code '" + out_->codes_[i].code + "' has no row in cameo_plover.tsv"));
    }
  }
}

Result<std::unique_ptr<Ontology>> Ontology::Load(const std::string& data_dir,
                                                 const std::string& goldstein_table) {
  if (goldstein_table != "gdelt" && goldstein_table != "icews" && goldstein_table != "phoenix") {
    return Status::InvalidArgument("unknown Goldstein table '" + goldstein_table +
                                   "' (expected gdelt, icews or phoenix)");
  }
  std::unique_ptr<Ontology> ontology(new Ontology());  // private constructor
  ontology->goldstein_table_ = goldstein_table;
  Loader loader(data_dir, ontology.get());
  Status status;
  if (!loader.Run(&status)) return status;
  const std::vector<std::string>& errors = loader.errors();
  if (!errors.empty()) {
    std::string message;
    for (size_t i = 0; i < errors.size() && i < kMaxReportedErrors; ++i) {
      if (i > 0) message += '\n';
      message += errors[i];
    }
    if (errors.size() > kMaxReportedErrors) {
      message += "\n... and " + std::to_string(errors.size() - kMaxReportedErrors) + " more";
    }
    return Status::DataError(std::move(message));
  }
  return ontology;
}

const CameoEventCode* Ontology::Find(std::string_view code) const {
  auto it = code_index_.find(code);
  return it == code_index_.end() ? nullptr : &codes_[it->second];
}

const PloverType* Ontology::FindPloverType(std::string_view name) const {
  auto it = type_index_.find(name);
  return it == type_index_.end() ? nullptr : &plover_types_[it->second];
}

bool Ontology::IsPloverContext(std::string_view c) const { return contexts_.count(c) != 0; }

}  // namespace annals
