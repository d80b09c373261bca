// `annals serve`: the HTTP API over the event store and the web page that
// explores it (docs/serve.md). Every read goes through the query layer the
// CLI uses (store/query.h, stats.h, browse.h, event_json.h; exports through
// export/export.h), so the API and `annals query|stats|export` never differ.
//
// Endpoints (all JSON unless said; the OpenAPI 3.1 description is served at
// /api/openapi.json and kept in src/serve/openapi.json):
//
//   GET  /api/meta                 version, counts, vocabularies, limits
//   GET  /api/events               filtered, sorted page of events
//   GET  /api/events/{id}          one event: sentence with marks, record,
//                                  mentions (the other articles), quote
//   GET  /api/count                number of events matching the filter
//   GET  /api/timeline             events per period stacked by QuadClass
//   GET  /api/series, /api/dyads   the `stats` tables (zero-filled periods)
//   GET  /api/network              actor network (nodes, weighted edges)
//   GET  /api/places               located events by place (the map)
//   GET  /api/distribution         QuadClass / PLOVER / modality / CAMEO root
//   GET  /api/actors               actor search, names and dated roles
//   GET  /api/quotes               quotes by speaker
//   GET  /api/documents[/{id}]     documents; one with its text and spans
//   GET  /api/export               every export format, streamed
//   POST /api/documents            ingest (token)
//   DELETE /api/documents[/{id}]   delete (token)
//   GET  /                         the web page (built assets, web/dist)
//
// Requests. Filters are the query options without dashes (`from`, `to`,
// `actor`, `actor_country`, `source`, `target`, `undirected`, `cameo`,
// `plover`, `quad_class`, `modality`, `speaker`, `place`, `country`, `text`,
// `doc`, `fold`); by default only events that happened. An unknown
// parameter or a value that can match nothing is a 400 with a JSON body
// {"error": {"status", "parameter", "message"}} naming the parameter. A
// page holds at most ServerOptions::max_rows rows; every read is stopped
// after ServerOptions::timeout_ms (503), an export after export_timeout_ms.
//
// Reads and writes. Each worker thread reads through its own read-only
// connection (WAL: readers never wait for the writer, and the server holds
// no write lock while serving reads). Writes -- POST and DELETE -- need the
// token given at start-up (`Authorization: Bearer TOKEN`); without a token
// they are off (403). They run one at a time on one read-write connection.
//
// Lifetime and thread-safety: Start() binds and returns; the server runs on
// its own threads until Stop() (or destruction). The Pipeline given for
// writes must outlive the Server.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annals/pipeline.h"
#include "annals/status.h"

namespace annals::serve {

struct ServerOptions {
  std::string db = "annals.db";     // the store; must exist
  std::string bind = "127.0.0.1";   // address to listen on
  int port = 8080;                  // 0 = any free port (see Server::port())
  std::string web_dir;              // built web page; "" = none served
  std::string token;                // "" = writes off
  int threads = 0;                  // worker threads; 0 = max(8, 2 x cores)
  int64_t timeout_ms = 10000;       // longest read request
  int64_t export_timeout_ms = 300000;
  size_t max_rows = 1000;           // most rows one page returns
  size_t max_export_rows = 5000000; // most events one export streams
  std::string annals_version;       // for /api/meta and export provenance
  // For writes (with a token): the pipeline that codes posted documents and
  // its coder version. Null = writes off even with a token.
  const Pipeline* pipeline = nullptr;
  std::string coded_by;
};

class Server {
 public:
  // Opens the store (read-only check: it must exist and be readable) and
  // binds the address; NotFound for a missing store, IoError when the port
  // cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options);
  // Builds the same server -- store check, routes, limits -- without
  // binding or listening (options.bind and options.port are ignored): for
  // HandleRaw(), which the HTTP fuzz target and tests drive.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  Server(const Server&) = delete;  // owns the listening socket and threads
  Server& operator=(const Server&) = delete;
  ~Server();

  int port() const;
  // Stops accepting, finishes the requests in flight and joins the threads.
  void Stop();
  // Blocks until Stop() is called (from another thread or a signal waiter).
  void Wait();

  // Answers the raw bytes of one HTTP/1.1 request -- request line, headers,
  // body, as a client writes them on the socket -- through the same parser,
  // router and handlers as a connection, without a socket, and returns the
  // raw response (status line, headers, body; "" when the request is too
  // malformed to answer). Thread-safe, like the server's own workers.
  std::string HandleRaw(std::string_view request);

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The web page folder when none is given: $ANNALS_WEB; <executable
// dir>/../share/annals/web (an installed build); the source tree's
// web/dist. "" when none of them holds an index.html.
std::string DefaultWebDir();

}  // namespace annals::serve
