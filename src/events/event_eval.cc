// Gold-file parsing and triple scoring for `annals eval events`.
#include "events/event_eval.h"

#include <algorithm>
#include <cstdio>

#include "base/civil_date.h"
#include "base/tsv.h"

namespace annals::events {
namespace {

std::vector<std::pair<std::string_view, size_t>> Words(std::string_view line) {
  std::vector<std::pair<std::string_view, size_t>> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size()) break;
    size_t s = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    out.push_back({line.substr(s, i - s), s + 1});
  }
  return out;
}

bool ActorMatches(std::string_view gold, const std::optional<EventActor>& sys) {
  if (gold == "-") return !sys.has_value();
  if (!sys) return false;
  return sys->actor.code.compare(0, gold.size(), gold) == 0;
}

std::string SysTriple(const Event& e) {
  return (e.source ? e.source->actor.code : "-") + ">" + (e.target ? e.target->actor.code : "-") +
         " " + e.cameo + " " + ModalityName(e.modality);
}

}  // namespace

std::optional<Modality> ParseModality(std::string_view name) {
  for (Modality m : {Modality::kAsserted, Modality::kPlanned, Modality::kHypothetical,
                     Modality::kNegated, Modality::kHistorical, Modality::kReported}) {
    if (name == ModalityName(m)) return m;
  }
  return std::nullopt;
}

std::vector<GoldItem> ParseGold(std::string_view text, const std::string& path,
                                std::vector<std::string>* errors) {
  std::vector<GoldItem> items;
  bool current_bad = false;
  size_t line_no = 0;
  size_t pos = 0;
  auto close = [&]() {
    if (!items.empty() && current_bad) items.pop_back();
    current_bad = false;
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimAscii(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      close();
      auto w = Words(line.substr(1));
      GoldItem item;
      item.path = path;
      item.line = line_no;
      if (w.empty()) {
        errors->push_back(AtLine(path, line_no, 1, "item line needs an id: '" + std::string(line) + "'"));
        current_bad = true;
      } else {
        item.id = std::string(w[0].first);
        if (w.size() > 1) {
          if (!ParseIsoDate(w[1].first)) {
            errors->push_back(AtLine(path, line_no, w[1].second + 1,
                                     "bad date (want YYYY-MM-DD) '" + std::string(w[1].first) + "'"));
            current_bad = true;
          }
          item.date = std::string(w[1].first);
        }
      }
      items.push_back(std::move(item));
      continue;
    }
    if (items.empty()) {
      errors->push_back(AtLine(path, line_no, 1, "text before the first '@ id' line: '" + std::string(line) + "'"));
      continue;
    }
    GoldItem& item = items.back();
    if (line[0] == '=') {
      auto w = Words(line.substr(1));
      if (w.size() < 3 || w.size() > 4) {
        errors->push_back(AtLine(path, line_no, 1,
                                 "event line wants '= source target code [modality]': '" + std::string(line) + "'"));
        current_bad = true;
        continue;
      }
      GoldEvent e;
      e.line = line_no;
      e.source = std::string(w[0].first);
      e.target = std::string(w[1].first);
      e.code = std::string(w[2].first);
      bool digits = e.code.size() >= 2 && e.code.size() <= 4 &&
                    std::all_of(e.code.begin(), e.code.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) {
        errors->push_back(AtLine(path, line_no, w[2].second + 1, "bad CAMEO code '" + e.code + "'"));
        current_bad = true;
        continue;
      }
      if (w.size() == 4) {
        e.modality = ParseModality(w[3].first);
        if (!e.modality) {
          errors->push_back(AtLine(path, line_no, w[3].second + 1,
                                   "unknown modality '" + std::string(w[3].first) + "'"));
          current_bad = true;
          continue;
        }
      }
      item.events.push_back(std::move(e));
      continue;
    }
    if (!item.text.empty()) item.text += ' ';
    item.text += std::string(line);
  }
  close();
  return items;
}

void ScoreItem(const GoldItem& gold, const std::vector<Event>& system, const PloverLookup& plover,
               EvalScores* scores) {
  ++scores->items;
  // Greedy one-to-one matching, per level: exact code, root, PLOVER type.
  auto match = [&](auto same_code, Counts* counts, bool record) {
    std::vector<bool> used(system.size(), false);
    std::vector<bool> found(gold.events.size(), false);
    for (size_t g = 0; g < gold.events.size(); ++g) {
      const GoldEvent& ge = gold.events[g];
      for (size_t s = 0; s < system.size(); ++s) {
        const Event& e = system[s];
        if (used[s] || !ActorMatches(ge.source, e.source) || !ActorMatches(ge.target, e.target) ||
            !same_code(ge.code, e.cameo)) {
          continue;
        }
        used[s] = true;
        found[g] = true;
        if (record && ge.modality) {
          ++scores->modality_scored;
          auto& bm = scores->by_modality[ModalityName(*ge.modality)];
          ++bm.second;
          if (*ge.modality == e.modality) {
            ++scores->modality_correct;
            ++bm.first;
          } else {
            scores->mismatches.push_back(gold.id + ": modality " + SysTriple(e) + " want " +
                                         ModalityName(*ge.modality));
          }
        }
        break;
      }
    }
    for (size_t g = 0; g < gold.events.size(); ++g) {
      if (found[g]) {
        ++counts->tp;
        if (record) ++scores->by_root[gold.events[g].code.substr(0, 2)].tp;
      } else {
        ++counts->fn;
        if (record) {
          ++scores->by_root[gold.events[g].code.substr(0, 2)].fn;
          const GoldEvent& ge = gold.events[g];
          scores->mismatches.push_back(gold.id + ": missing " + ge.source + ">" + ge.target + " " + ge.code);
        }
      }
    }
    for (size_t s = 0; s < system.size(); ++s) {
      if (used[s]) continue;
      ++counts->fp;
      if (record) {
        ++scores->by_root[system[s].cameo.substr(0, 2)].fp;
        scores->mismatches.push_back(gold.id + ": spurious " + SysTriple(system[s]) + " (" +
                                     system[s].evidence.rule + ")");
      }
    }
  };
  match([](const std::string& g, const std::string& s) { return g == s; }, &scores->exact, true);
  match([](const std::string& g, const std::string& s) { return g.substr(0, 2) == s.substr(0, 2); },
        &scores->root, false);
  if (plover) {
    match([&](const std::string& g, const std::string& s) {
      std::string pg = plover(g), ps = plover(s);
      return pg.empty() && ps.empty() ? g.substr(0, 2) == s.substr(0, 2) : pg == ps;
    }, &scores->plover, false);
  }
}

std::string FormatScores(const EvalScores& s) {
  std::string out;
  char buf[256];
  auto line = [&](const char* name, const Counts& c) {
    std::snprintf(buf, sizeof buf, "%-14s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", name,
                  c.Precision(), c.Recall(), c.F1(), c.tp, c.fp, c.fn);
    out += buf;
  };
  std::snprintf(buf, sizeof buf, "items %d\n", s.items);
  out += buf;
  line("exact", s.exact);
  line("root", s.root);
  if (s.plover.tp + s.plover.fp + s.plover.fn > 0) line("plover-type", s.plover);
  std::snprintf(buf, sizeof buf, "modality       %d/%d correct on matched triples\n", s.modality_correct,
                s.modality_scored);
  out += buf;
  for (const auto& [m, cs] : s.by_modality) {
    std::snprintf(buf, sizeof buf, "  %-12s %d/%d\n", m.c_str(), cs.first, cs.second);
    out += buf;
  }
  out += "per root (exact triples):\n";
  for (const auto& [root, c] : s.by_root) {
    std::snprintf(buf, sizeof buf, "  %s  P %.3f  R %.3f  (tp %d fp %d fn %d)\n", root.c_str(), c.Precision(),
                  c.Recall(), c.tp, c.fp, c.fn);
    out += buf;
  }
  return out;
}

}  // namespace annals::events
