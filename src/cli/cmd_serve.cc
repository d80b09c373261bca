// `annals serve --db annals.db [--port 8080] [--bind 127.0.0.1]`: the HTTP
// API and the web page over a store (docs/serve.md). Reads are open to
// whoever can reach the address (loopback by default); writes (POST and
// DELETE /api/documents) need the token read from --token-file and are off
// without one. Runs until SIGINT or SIGTERM, then finishes the requests in
// flight.
#include <signal.h>

#include <cstdio>
#include <filesystem>

#include "base/file.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "serve/server.h"
#include "store/ingest.h"

namespace annals::cli {
namespace {

struct ServeCliOptions {
  PipelineOptions pipeline;
  serve::ServerOptions server;
  std::string token_file;
  bool quiet = false;
};

int RunServe(ServeCliOptions o) {
  constexpr std::string_view kCmd = "serve";
  std::error_code ec;
  if (!std::filesystem::exists(o.server.db, ec)) {
    PrintError(kCmd, "no store at '" + o.server.db + "' (make one with `annals ingest --db " + o.server.db +
                         " FILES`)");
    return kExitIoError;
  }
  std::unique_ptr<Pipeline> pipeline;
  if (!o.token_file.empty()) {
    Result<std::string> token = ReadFile(o.token_file);
    if (!token.ok()) {
      PrintError(kCmd, token.status().message());
      return kExitIoError;
    }
    std::string t = *token;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    if (t.size() < 16) {
      PrintError(kCmd, o.token_file + ": the token must be at least 16 characters");
      return kExitUsage;
    }
    Result<std::unique_ptr<Pipeline>> p = BuildPipeline(o.pipeline);
    if (!p.ok()) return ReportPipelineError(p.status());
    pipeline = std::move(p.value());
    o.server.token = t;
    o.server.pipeline = pipeline.get();
    o.server.coded_by = CoderVersion(*pipeline, ANNALS_VERSION);
  }
  if (o.server.web_dir.empty()) {
    o.server.web_dir = serve::DefaultWebDir();
  } else if (o.server.web_dir == "none") {
    o.server.web_dir.clear();
  }
  o.server.annals_version = ANNALS_VERSION;
  // Block the stop signals before any thread starts, so that only the
  // sigwait below receives them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  Result<std::unique_ptr<serve::Server>> server = serve::Server::Start(o.server);
  if (!server.ok()) {
    PrintError(kCmd, server.status().message());
    return kExitIoError;
  }
  if (!o.quiet) {
    PrintNote(kCmd, "http://" + o.server.bind + ":" + std::to_string((*server)->port()) + "/ serving " + o.server.db +
                        (o.server.web_dir.empty() ? " (API only: no built web page found)" : "") +
                        (o.server.token.empty() ? "; writes off" : "; writes need the token"));
  }
  int sig = 0;
  sigwait(&stop, &sig);
  (*server)->Stop();
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<ServeCliOptions>();
  AddPipelineOptions(app, &o->pipeline);
  app->add_option("--db", o->server.db, "Store file (SQLite) to serve")->capture_default_str();
  app->add_option("--port", o->server.port, "TCP port (0 = any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app->add_option("--bind", o->server.bind, "Address to listen on (loopback by default)")->capture_default_str();
  app->add_option("--token-file", o->token_file,
                  "File holding the token (16+ characters) that POST and DELETE must send as 'Authorization: "
                  "Bearer TOKEN'; without it writes are off");
  app->add_option("--web", o->server.web_dir, "Folder of the built web page (default: web/dist; 'none' = API only)");
  app->add_option("--threads", o->server.threads, "Worker threads (0 = max(8, 2 x cores))")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--timeout-ms", o->server.timeout_ms, "Longest a read request may take (503 after)")
      ->check(CLI::Range(int64_t{100}, int64_t{3600000}))
      ->capture_default_str();
  app->add_option("--max-rows", o->server.max_rows, "Most rows one page returns")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  app->add_flag("-q,--quiet", o->quiet, "No start-up line");
  return [o] { return RunServe(*o); };
}

ANNALS_COMMAND("serve", "Serve the HTTP API and the web page over a store", Setup);

}  // namespace
}  // namespace annals::cli
