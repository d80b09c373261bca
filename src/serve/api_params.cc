// Query parameter checking for the HTTP API (api_params.h).
#include "serve/api_params.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <functional>

namespace annals::serve {

const std::vector<std::string>& FilterParameters() {
  static const std::vector<std::string> kNames = {
      "from",    "to",   "actor", "actor_country", "actor_sector", "source", "target", "undirected", "speaker",
      "cameo",   "plover", "quad_class", "modality", "place",      "country", "text",  "doc",        "fold"};
  return kNames;
}

ParamReader::ParamReader(const httplib::Request& req, const std::vector<std::string>& allowed) : req_(req) {
  for (const auto& [name, value] : req.params) {
    (void)value;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      Fail(name, "unknown parameter '" + name + "'" + (list.empty() ? " (this endpoint takes none)"
                                                                     : " (this endpoint takes: " + list + ")"));
      return;
    }
    if (req.get_param_value_count(name) > 1) {
      Fail(name, "parameter '" + name + "' given more than once (give one value; lists are comma-separated)");
      return;
    }
  }
}

Status ParamReader::Fail(const std::string& name, const std::string& message) {
  if (!failed()) {
    error_parameter_ = name;
    error_message_ = message;
  }
  return Status::Ok();
}

std::string ParamReader::Get(const std::string& name) const {
  return req_.has_param(name.c_str()) ? req_.get_param_value(name.c_str()) : std::string();
}

int64_t ParamReader::Int(const std::string& name, int64_t lo, int64_t hi, int64_t def) {
  const std::string v = Get(name);
  if (v.empty()) return def;
  errno = 0;
  char* end = nullptr;
  const long long n = std::strtoll(v.c_str(), &end, 10);
  if (errno != 0 || end == v.c_str() || *end != '\0' || n < lo || n > hi) {
    Fail(name, "'" + v + "' is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                   " for " + name);
    return def;
  }
  return n;
}

bool ParamReader::Bool(const std::string& name, bool def) {
  const std::string v = Get(name);
  if (v.empty()) return def;
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  Fail(name, "'" + v + "' is not true or false for " + name);
  return def;
}

Period ParamReader::PeriodParam(const std::string& name, Period def) {
  const std::string v = Get(name);
  if (v.empty()) return def;
  Result<Period> p = ParsePeriod(v);
  if (!p.ok()) {
    Fail(name, p.status().message());
    return def;
  }
  return *p;
}

Level ParamReader::LevelParam(const std::string& name, Level def) {
  const std::string v = Get(name);
  if (v.empty()) return def;
  Result<Level> l = ParseLevel(v);
  if (!l.ok()) {
    Fail(name, l.status().message());
    return Level::kActor;
  }
  return *l;
}

EventFilter ParamReader::Filter() {
  EventFilter f;
  f.from = Get("from");
  f.to = Get("to");
  f.actor = Get("actor");
  f.actor_country = Get("actor_country");
  f.actor_sector = Get("actor_sector");
  f.source = Get("source");
  f.target = Get("target");
  f.undirected = Bool("undirected", false);
  f.speaker = Get("speaker");
  f.cameo = Get("cameo");
  f.plover = Get("plover");
  f.quad_class = static_cast<int>(Int("quad_class", 1, 4, 0));
  f.place = Get("place");
  f.country = Get("country");
  f.text = Get("text");
  f.doc = Get("doc");
  f.folded = Bool("fold", true);
  const std::string modality = Get("modality");
  if (!modality.empty()) {
    Result<std::vector<std::string>> m = ParseModalities(modality);
    if (m.ok()) {
      f.modalities = *m;
    } else {
      Fail("modality", m.status().message());
    }
  }
  filter_ = f;
  filter_parsed_ = true;
  return f;
}

std::string ParamReader::PathParam(size_t i) const {
  return i < req_.matches.size() ? std::string(req_.matches[i]) : std::string();
}

std::string BlameFilterParameter(Store& store, const EventFilter& filter) {
  // Each field alone, with the filter's view (folded or raw); the first one
  // BuildWhere refuses is the culprit.
  using Field = std::pair<const char*, std::function<void(EventFilter&)>>;
  const EventFilter& f = filter;
  const std::vector<Field> fields = {
      {"from", [&](EventFilter& x) { x.from = f.from; }},
      {"to", [&](EventFilter& x) { x.to = f.to; }},
      {"actor", [&](EventFilter& x) { x.actor = f.actor; }},
      {"actor_country", [&](EventFilter& x) { x.actor_country = f.actor_country; }},
      {"actor_sector", [&](EventFilter& x) { x.actor_sector = f.actor_sector; }},
      {"source", [&](EventFilter& x) { x.source = f.source; }},
      {"target", [&](EventFilter& x) { x.target = f.target; }},
      {"speaker", [&](EventFilter& x) { x.speaker = f.speaker; }},
      {"cameo", [&](EventFilter& x) { x.cameo = f.cameo; }},
      {"plover", [&](EventFilter& x) { x.plover = f.plover; }},
      {"place", [&](EventFilter& x) { x.place = f.place; }},
      {"country", [&](EventFilter& x) { x.country = f.country; }},
      {"text", [&](EventFilter& x) { x.text = f.text; }},
      {"doc", [&](EventFilter& x) { x.doc = f.doc; }},
  };
  for (const auto& [name, set] : fields) {
    EventFilter one;
    one.folded = f.folded;
    set(one);
    if (one.from.empty() && one.to.empty() && one.actor.empty() && one.actor_country.empty() &&
        one.actor_sector.empty() && one.source.empty() && one.target.empty() && one.speaker.empty() &&
        one.cameo.empty() && one.plover.empty() && one.place.empty() && one.country.empty() && one.text.empty() &&
        one.doc.empty()) {
      continue;  // not set
    }
    if (!BuildWhere(store, one).ok()) return name;
  }
  return "";
}

}  // namespace annals::serve
