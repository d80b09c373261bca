// Actor network exports: GraphML and GEXF 1.3 (export.h). Nodes are actors
// (labelled by CAMEO code, else name); a directed edge source -> target
// carries the number of events, their Goldstein sum and mean, and the
// number of conflict (QuadClass 3-4) events.
#include <map>
#include <set>
#include <sstream>

#include "export/formats.h"
#include "store/table.h"

namespace annals::exports {

namespace {

std::string Xml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

struct Node {
  std::string name;
  std::string country;
  int64_t events = 0;
};

struct Edge {
  int64_t events = 0;
  int64_t conflict = 0;
  double goldstein = 0;
};

}  // namespace

Status WriteGraph(Store& store, const EventFilter& filter, const ExportInfo& info, bool gexf, std::ostream& out,
                  ExportStats* stats) {
  std::map<std::string, Node> nodes;
  std::map<std::pair<std::string, std::string>, Edge> edges;
  ANNALS_RETURN_IF_ERROR(ForEachEvent(store, filter, [&](const EventRow& r) {
    if (!r.source.present || !r.target.present || r.source.Label().empty() || r.target.Label().empty()) {
      ++stats->skipped;
      return Status::Ok();
    }
    for (const ActorCols* a : {&r.source, &r.target}) {
      Node& n = nodes[a->Label()];
      // What the code stands for ("Russia (government)"), not whichever
      // member of it came first.
      if (n.name.empty()) n.name = a->code_name;
      if (n.country.empty()) n.country = a->country;
      ++n.events;
    }
    Edge& e = edges[{r.source.Label(), r.target.Label()}];
    ++e.events;
    e.goldstein += r.goldstein;
    if (r.quad_class >= 3) ++e.conflict;
    return Status::Ok();
  }));
  const std::string desc = "Annals " + info.annals_version + " actor network; ontology: " + info.ontology +
                           "; Goldstein table: " + info.goldstein_table + "; " +
                           (info.folded ? "folded events" : "raw records") + " of modality " +
                           ModalityProvenance(info) + "; created " + info.created;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (!gexf) {
    out << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        << "  <desc>" << Xml(desc) << "</desc>\n"
        << "  <key id=\"g_version\" for=\"graph\" attr.name=\"annals_version\" attr.type=\"string\"/>\n"
        << "  <key id=\"g_ontology\" for=\"graph\" attr.name=\"ontology\" attr.type=\"string\"/>\n"
        << "  <key id=\"g_goldstein\" for=\"graph\" attr.name=\"goldstein_table\" attr.type=\"string\"/>\n"
        << "  <key id=\"g_modalities\" for=\"graph\" attr.name=\"modalities\" attr.type=\"string\"/>\n"
        << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        << "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        << "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
        << "  <key id=\"n_events\" for=\"node\" attr.name=\"events\" attr.type=\"long\"/>\n"
        << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
        << "  <key id=\"goldstein_sum\" for=\"edge\" attr.name=\"goldstein_sum\" attr.type=\"double\"/>\n"
        << "  <key id=\"goldstein_mean\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
        << "  <key id=\"conflict\" for=\"edge\" attr.name=\"conflict_events\" attr.type=\"long\"/>\n"
        << "  <graph id=\"actors\" edgedefault=\"directed\">\n"
        << "    <data key=\"g_version\">" << Xml(info.annals_version) << "</data>\n"
        << "    <data key=\"g_ontology\">" << Xml(info.ontology) << "</data>\n"
        << "    <data key=\"g_goldstein\">" << Xml(info.goldstein_table) << "</data>\n"
        << "    <data key=\"g_modalities\">" << Xml(ModalityProvenance(info)) << "</data>\n";
    for (const auto& [id, n] : nodes) {
      out << "    <node id=\"" << Xml(id) << "\"><data key=\"label\">" << Xml(id) << "</data><data key=\"name\">"
          << Xml(n.name) << "</data><data key=\"country\">" << Xml(n.country) << "</data><data key=\"n_events\">"
          << n.events << "</data></node>\n";
    }
    size_t k = 0;
    for (const auto& [st, e] : edges) {
      out << "    <edge id=\"e" << k++ << "\" source=\"" << Xml(st.first) << "\" target=\"" << Xml(st.second)
          << "\"><data key=\"weight\">" << e.events << "</data><data key=\"goldstein_sum\">"
          << FormatNumber(e.goldstein, 2) << "</data><data key=\"goldstein_mean\">"
          << FormatNumber(e.goldstein / static_cast<double>(e.events), 3) << "</data><data key=\"conflict\">"
          << e.conflict << "</data></edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
  } else {
    out << "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
        << "  <meta lastmodifieddate=\"" << Xml(info.created.substr(0, 10)) << "\">\n"
        << "    <creator>Annals " << Xml(info.annals_version) << "</creator>\n"
        << "    <description>" << Xml(desc) << "</description>\n"
        << "  </meta>\n"
        << "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
        << "    <attributes class=\"node\">\n"
        << "      <attribute id=\"0\" title=\"name\" type=\"string\"/>\n"
        << "      <attribute id=\"1\" title=\"country\" type=\"string\"/>\n"
        << "      <attribute id=\"2\" title=\"events\" type=\"long\"/>\n"
        << "    </attributes>\n"
        << "    <attributes class=\"edge\">\n"
        << "      <attribute id=\"0\" title=\"goldstein_sum\" type=\"double\"/>\n"
        << "      <attribute id=\"1\" title=\"goldstein_mean\" type=\"double\"/>\n"
        << "      <attribute id=\"2\" title=\"conflict_events\" type=\"long\"/>\n"
        << "    </attributes>\n"
        << "    <nodes>\n";
    for (const auto& [id, n] : nodes) {
      out << "      <node id=\"" << Xml(id) << "\" label=\"" << Xml(id) << "\"><attvalues><attvalue for=\"0\" value=\""
          << Xml(n.name) << "\"/><attvalue for=\"1\" value=\"" << Xml(n.country) << "\"/><attvalue for=\"2\" value=\""
          << n.events << "\"/></attvalues></node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    size_t k = 0;
    for (const auto& [st, e] : edges) {
      out << "      <edge id=\"" << k++ << "\" source=\"" << Xml(st.first) << "\" target=\"" << Xml(st.second)
          << "\" weight=\"" << e.events << "\"><attvalues><attvalue for=\"0\" value=\""
          << FormatNumber(e.goldstein, 2) << "\"/><attvalue for=\"1\" value=\""
          << FormatNumber(e.goldstein / static_cast<double>(e.events), 3) << "\"/><attvalue for=\"2\" value=\""
          << e.conflict << "\"/></attvalues></edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
  }
  stats->rows += edges.size();
  return Status::Ok();
}

}  // namespace annals::exports
