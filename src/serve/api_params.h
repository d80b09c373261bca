// Query parameters of the HTTP API: every request names only parameters its
// endpoint accepts, each at most once, and each value is checked before the
// store is read. The first problem is kept (parameter name and message) and
// answered as a 400 whose JSON body names the parameter.
//
// Filters use the `annals query` option names without dashes, with '_' for
// '-': from, to, actor, actor_country, actor_sector, source, target,
// undirected, speaker, cameo, plover, quad_class, modality, place, country,
// text, doc, and fold (false = raw records, the CLI's --no-fold).
//
// Thread-safety: one ParamReader per request.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "annals/status.h"
#include "store/query.h"
#include "store/stats.h"

namespace annals::serve {

// The filter parameters, in the order the OpenAPI description lists them.
const std::vector<std::string>& FilterParameters();

class ParamReader {
 public:
  // Fails at once on a parameter not in `allowed` or given twice.
  ParamReader(const httplib::Request& req, const std::vector<std::string>& allowed);

  bool failed() const { return !error_parameter_.empty(); }
  const std::string& error_parameter() const { return error_parameter_; }
  const std::string& error_message() const { return error_message_; }
  // Records a problem with `name` (the first one wins) and returns OK, so a
  // handler can `return p.Fail(...)`: the caller answers 400 when failed().
  Status Fail(const std::string& name, const std::string& message);

  // The value, "" when absent.
  std::string Get(const std::string& name) const;
  // An integer in [lo, hi]; `def` when absent.
  int64_t Int(const std::string& name, int64_t lo, int64_t hi, int64_t def);
  // true/false/1/0; `def` when absent.
  bool Bool(const std::string& name, bool def);
  Period PeriodParam(const std::string& name, Period def);
  // "actor" or "country"; `def` when absent.
  Level LevelParam(const std::string& name, Level def = Level::kActor);
  // The filter from the filter parameters (values are checked against the
  // store later, by BuildWhere; see BlameFilterParameter).
  EventFilter Filter();
  bool filter_parsed() const { return filter_parsed_; }
  const EventFilter& filter() const { return filter_; }
  // A capture of the route's pattern (1-based).
  std::string PathParam(size_t i) const;

 private:
  const httplib::Request& req_;
  std::string error_parameter_, error_message_;
  bool filter_parsed_ = false;
  EventFilter filter_;
};

// When BuildWhere refuses `filter`, the parameter to blame: the first
// filter field that BuildWhere refuses on its own; "" when none does alone.
std::string BlameFilterParameter(Store& store, const EventFilter& filter);

}  // namespace annals::serve
