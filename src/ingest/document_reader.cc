// Text and JSON Lines document readers.
#include "ingest/document_reader.h"

#include <nlohmann/json.hpp>

#include "base/civil_date.h"
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

// A string field, or "" when absent/null; numbers are accepted for ids.
std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "";
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
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InputError(origin + ": not valid JSON");
  if (!j.is_object()) return Status::InputError(origin + ": a JSON object was expected");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    return Status::InputError(origin + ": missing string field \"text\"");
  }
  Document doc;
  doc.origin = origin;
  doc.id = StringField(j, "id");
  if (doc.id.empty()) {
    doc.id = origin;
    warnings->push_back({"warning", origin + ": no \"id\"; using \"" + origin + "\""});
  }
  std::string date = StringField(j, "date");
  if (date.size() > 10 && (date[10] == 'T' || date[10] == ' ')) date.resize(10);  // ISO date-time
  if (!date.empty() && !ParseIsoDate(date)) {
    // A wrong date silently replaced would date every event wrongly.
    return Status::InputError(origin + ": invalid \"date\" '" + StringField(j, "date") +
                              "' (use YYYY-MM-DD or an ISO date-time)");
  }
  if (date.empty() && !default_date.empty()) date = default_date;
  if (date.empty()) {
    if (options.require_date) return Status::InputError(NoDateMessage(origin, true));
    date = Today();
    doc.undated = true;
    warnings->push_back({"warning", origin + ": no \"date\"; dated today, " + date + ", and flagged undated"});
  }
  doc.date = date;
  doc.title = StringField(j, "title");
  doc.source = StringField(j, "source");
  doc.url = StringField(j, "url");
  doc.text = text->get<std::string>();
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
      on_problem({"error", bytes.status().message() + "; document skipped"});
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
                               " bytes; record skipped"});
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
  if (!lines.status().ok()) {
    on_problem({"error", name + ":" + std::to_string(lines.line_number() + 1) + ": " + lines.status().message() +
                             "; rest of file skipped"});
    ++st.skipped;
  }
  return Status::Ok();
}

}  // namespace annals
