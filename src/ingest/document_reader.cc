// Text and JSON Lines document readers.
#include "ingest/document_reader.h"

#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "base/utf8.h"
#include "ingest/byte_stream.h"

namespace annals {

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Today() { return FormatIsoDate(TodayUtc()); }

// The fields of a JSONL record that Annals reads. Everything else is
// skipped by the SAX reader below without being stored.
struct JsonRecord {
  bool object = false;
  bool has_text = false;
  std::string id, date, title, source, url, text;
};

// A SAX handler that keeps only the top-level string fields Annals uses
// (numbers are accepted for "id" and "date", as the old DOM reader did) and
// refuses nesting deeper than kMaxJsonDepth: a line of twenty million "["
// is refused at the 65th instead of building a tree of twenty million
// nodes (issue 17.5: 1.6 GB for a 20 MB line).
class RecordSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  static constexpr int kMaxJsonDepth = 64;
  explicit RecordSax(JsonRecord* out) : out_(out) {}

  bool null() override { return Scalar(nullptr); }
  bool boolean(bool) override { return Scalar(nullptr); }
  bool number_integer(number_integer_t v) override { return Number(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Number(std::to_string(v)); }
  bool number_float(number_float_t v, const string_t&) override { return Number(nlohmann::json(v).dump()); }
  bool string(string_t& v) override { return Scalar(&v); }
  bool binary(binary_t&) override { return Scalar(nullptr); }
  bool start_object(std::size_t) override {
    if (depth_ == 0) out_->object = true;
    return Open();
  }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  bool too_deep() const { return too_deep_; }
  bool not_object() const { return not_object_; }

 private:
  bool Open() {
    if (depth_ == 0 && !out_->object) {
      not_object_ = true;  // a top-level array: stop at once
      return false;
    }
    if (depth_ == 1) Slot(nullptr);  // a nested value under a key: not a string
    if (++depth_ > kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  bool Scalar(string_t* v) {
    if (depth_ == 0) {
      not_object_ = true;
      return false;
    }
    if (depth_ == 1) Slot(v);
    return true;
  }
  bool Number(std::string v) {
    if (depth_ == 0) return Scalar(nullptr);
    if (depth_ == 1 && (key_ == "id" || key_ == "date")) {
      Slot(&v);
      return true;
    }
    return Scalar(nullptr);
  }
  // The value of key_ at the top level: a string, or nullptr for anything
  // else (which clears the field: a later duplicate key wins, as in JSON
  // parsers that keep the last).
  void Slot(string_t* v) {
    std::string* field = nullptr;
    if (key_ == "text") {
      field = &out_->text;
      out_->has_text = v != nullptr;
    } else if (key_ == "id") {
      field = &out_->id;
    } else if (key_ == "date") {
      field = &out_->date;
    } else if (key_ == "title") {
      field = &out_->title;
    } else if (key_ == "source") {
      field = &out_->source;
    } else if (key_ == "url") {
      field = &out_->url;
    }
    if (field == nullptr) return;
    if (v == nullptr) {
      field->clear();
    } else {
      *field = std::move(*v);
    }
  }

  JsonRecord* out_;
  int depth_ = 0;
  std::string key_;
  bool too_deep_ = false;
  bool not_object_ = false;
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a "\uXXXX" escape at line[i] (i at the backslash), or -1.
int EscapedUnit(std::string_view line, size_t i) {
  if (i + 6 > line.size() || line[i] != '\\' || line[i + 1] != 'u') return -1;
  int v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int h = HexValue(line[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// Replaces each "\uXXXX" escape of a lone UTF-16 surrogate inside a JSON
// string with "\uFFFD" (JSON parsers refuse them; the text stage would
// have replaced the same code point in a text file). Returns the count.
size_t RepairLoneSurrogates(std::string* line) {
  size_t repaired = 0;
  bool in_string = false;
  std::string& s = *line;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!in_string) {
      if (s[i] == '"') in_string = true;
      continue;
    }
    if (s[i] == '"') {
      in_string = false;
      continue;
    }
    if (s[i] != '\\') continue;
    const int unit = EscapedUnit(s, i);
    if (unit < 0) {
      ++i;  // a two-character escape: skip the escaped character
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int next = EscapedUnit(s, i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;  // a valid pair
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      s.replace(i + 2, 4, "FFFD");
      ++repaired;
    }
    i += 5;
  }
  return repaired;
}

}  // namespace

Result<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto" || name.empty()) return InputFormat::kAuto;
  if (name == "text" || name == "txt") return InputFormat::kText;
  if (name == "jsonl" || name == "ndjson") return InputFormat::kJsonl;
  return Status::InvalidArgument("unknown input format '" + name + "' (use text, jsonl or auto)");
}

InputFormat ResolveInputFormat(InputFormat format, const std::string& path) {
  if (format != InputFormat::kAuto) return format;
  for (std::string_view ext : {".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst"}) {
    if (EndsWith(path, ext)) return InputFormat::kJsonl;
  }
  return InputFormat::kText;
}

// The message for a document that has no date and may not be dated today.
static std::string NoDateMessage(const std::string& where, bool jsonl) {
  return where + ": no document date" + (jsonl ? std::string(" (field \"date\")") : std::string()) +
         "; give it with --date YYYY-MM-DD, or pass --allow-undated to date it today, flagged undated";
}

Result<Document> ParseJsonDocument(std::string_view line, const std::string& origin, const ReadOptions& options,
                                   std::vector<Diagnostic>* warnings) {
  const std::string& default_date = options.default_date;
  // Bytes a JSON parser refuses but a text file would have had repaired:
  // invalid UTF-8 (only legal inside strings, where it is repaired to
  // U+FFFD) and escapes of lone surrogates. Repaired, with a warning, rather
  // than the whole record dropped (issue 17.8).
  std::string repaired;
  Utf8Report report;
  if (!IsValidUtf8(line)) {
    repaired = RepairUtf8(line, &report);
    line = repaired;
  }
  size_t surrogates = 0;
  if (line.find("\\u") != std::string_view::npos) {
    if (repaired.empty()) repaired.assign(line);
    surrogates = RepairLoneSurrogates(&repaired);
    line = repaired;
  }
  JsonRecord rec;
  RecordSax sax(&rec);
  const bool parsed = nlohmann::json::sax_parse(line.begin(), line.end(), &sax);
  if (sax.too_deep()) {
    return Status::InputError(origin + ": JSON nested deeper than " + std::to_string(RecordSax::kMaxJsonDepth) +
                              " levels");
  }
  if (sax.not_object() || (parsed && !rec.object)) {
    return Status::InputError(origin + ": a JSON object was expected");
  }
  if (!parsed) return Status::InputError(origin + ": not valid JSON");
  if (!rec.has_text) return Status::InputError(origin + ": missing string field \"text\"");
  if (report.invalid_sequences > 0 || report.nul_bytes > 0) {
    warnings->push_back({"warning", origin + ": " + std::to_string(report.invalid_sequences) +
                                        " invalid UTF-8 byte(s) replaced by U+FFFD and " +
                                        std::to_string(report.nul_bytes) + " NUL byte(s) removed, first at byte " +
                                        std::to_string(report.first_bad_offset)});
  }
  if (surrogates > 0) {
    warnings->push_back({"warning", origin + ": " + std::to_string(surrogates) +
                                        " escaped lone UTF-16 surrogate(s) replaced by U+FFFD"});
  }
  Document doc;
  doc.origin = origin;
  doc.id = std::move(rec.id);
  if (doc.id.empty()) {
    doc.id = origin;
    warnings->push_back({"warning", origin + ": no \"id\"; using \"" + origin + "\""});
  }
  std::string date = rec.date;
  if (date.size() > 10 && (date[10] == 'T' || date[10] == ' ')) date.resize(10);  // ISO date-time
  if (!date.empty() && !ParseIsoDate(date)) {
    // A wrong date silently replaced would date every event wrongly.
    return Status::InputError(origin + ": invalid \"date\" '" + rec.date + "' (use YYYY-MM-DD or an ISO date-time)");
  }
  if (date.empty() && !default_date.empty()) date = default_date;
  if (date.empty()) {
    if (options.require_date) return Status::InputError(NoDateMessage(origin, true));
    date = Today();
    doc.undated = true;
    warnings->push_back({"warning", origin + ": no \"date\"; dated today, " + date + ", and flagged undated"});
  }
  doc.date = date;
  doc.title = std::move(rec.title);
  doc.source = std::move(rec.source);
  doc.url = std::move(rec.url);
  doc.text = std::move(rec.text);
  return doc;
}

Status ReadDocuments(const std::string& path, const ReadOptions& options, const DocumentSink& on_document,
                     const ProblemSink& on_problem, ReadStats* stats) {
  ReadStats local;
  ReadStats& st = stats ? *stats : local;
  std::string default_date = options.default_date;
  if (!default_date.empty() && !ParseIsoDate(default_date)) {
    return Status::InvalidArgument("invalid date '" + default_date + "' (use YYYY-MM-DD)");
  }
  Result<std::unique_ptr<ByteStream>> in = ByteStream::Open(path);
  if (!in.ok()) return in.status();
  const std::string name = path == "-" ? "<stdin>" : path;

  if (ResolveInputFormat(options.format, path) == InputFormat::kText) {
    Result<std::string> bytes = ReadAll(in->get(), options.max_document_bytes, name);
    if (!bytes.ok()) {
      on_problem({"error", bytes.status().message() +
                               (bytes.status().code() == StatusCode::kInputError ? " (the per-document limit)" : "") +
                               "; document skipped"});
      ++st.skipped;
      return bytes.status().code() == StatusCode::kInputError ? Status::Ok() : bytes.status();
    }
    Document doc;
    doc.id = !options.id.empty() ? options.id : (path == "-" ? "stdin" : BaseName(path));
    doc.origin = name;
    if (default_date.empty()) {
      if (options.require_date) {
        on_problem({"error", NoDateMessage(name, false) + "; document skipped"});
        ++st.skipped;
        return Status::Ok();
      }
      default_date = Today();
      doc.undated = true;
      on_problem({"warning", name + ": no --date given; dated today, " + default_date + ", and flagged undated"});
    }
    doc.date = default_date;
    doc.text = std::move(bytes.value());
    if (const std::string notice = (*in)->notice(); !notice.empty()) on_problem({"warning", notice});
    ++st.documents;
    on_document(std::move(doc));
    return Status::Ok();
  }

  LineReader lines(std::move(in.value()), options.max_document_bytes);
  std::string line;
  bool truncated = false;
  while (lines.Next(&line, &truncated)) {
    const std::string origin = name + ":" + std::to_string(lines.line_number());
    if (truncated) {
      on_problem({"error", origin + ": line longer than " + std::to_string(options.max_document_bytes) +
                               " bytes (the per-document limit); record skipped"});
      ++st.skipped;
      continue;
    }
    bool blank = true;
    for (char c : line) {
      if (c != ' ' && c != '\t') { blank = false; break; }
    }
    if (blank) continue;
    std::vector<Diagnostic> warnings;
    Result<Document> doc = ParseJsonDocument(line, origin, options, &warnings);
    for (const Diagnostic& w : warnings) on_problem(w);
    if (!doc.ok()) {
      on_problem({"error", doc.status().message() + "; record skipped"});
      ++st.skipped;
      continue;
    }
    ++st.documents;
    on_document(std::move(doc.value()));
  }
  if (const std::string notice = lines.stream().notice(); !notice.empty()) on_problem({"warning", notice});
  if (!lines.status().ok()) {
    on_problem({"error", name + ":" + std::to_string(lines.line_number() + 1) + ": " + lines.status().message() +
                             "; rest of file skipped"});
    ++st.skipped;
  }
  return Status::Ok();
}

}  // namespace annals
