// Fuzz target: the HTTP layer of `annals serve` -- request line, path, query
// string, headers and body -- through Server::HandleRaw (httplib's request
// parser, the router, parameter checking and every read handler) on a small
// store, without a socket. Whatever arrives, the answer is an HTTP response
// (or nothing for a request too broken to answer), never a crash, a
// sanitizer report or a hang. Writes are off (no token): POST and DELETE
// are checked up to their 403.
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "fuzz_util.h"
#include "serve/server.h"
#include "store/store.h"
#include "store/store_test_util.h"

namespace {

// A two-document store in the temporary folder, made once per process, and
// the server over it.
annals::serve::Server* TheServer() {
  static std::unique_ptr<annals::serve::Server> server = [] {
    using annals::testing::AddEvent;
    using annals::testing::MakeDoc;
    const char* tmp = std::getenv("TMPDIR");
    const std::string db =
        std::string(tmp && *tmp ? tmp : "/tmp") + "/annals_fuzz_http_" + std::to_string(::getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    std::unique_ptr<annals::Ontology> onto = annals::testing::LoadTestOntology();
    annals::Result<std::unique_ptr<annals::Store>> store = annals::Store::Open(db);
    if (!onto || !store.ok()) std::abort();  // run from the repository root
    annals::Document a = MakeDoc("d1", "2025-08-19", "Reuters",
                                 {"Russia attacked Ukraine near Kharkiv.", "Iran said it would talk to Israel."});
    AddEvent(&a, 0, "Russia", "RUSGOV", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
    AddEvent(&a, 1, "Iran", "IRN", "talk", "Israel", "ISR", "036", "2025-08-20").modality = annals::Modality::kPlanned;
    a.places.push_back(annals::testing::MakePlace(a, "Kharkiv", "706483", "UKR", 49.98, 36.25));
    annals::Document b = MakeDoc("d2", "2025-W34", "AP", {"France met Germany in Paris."});
    AddEvent(&b, 0, "France", "FRA", "met", "Germany", "DEU", "040", "2025-08");
    for (annals::Document* d : {&a, &b}) {
      if (!(*store)->Begin().ok() || !(*store)->PutDocument(*d, annals::Store::ContentHash(d->text), *onto, "fuzz").ok() ||
          !(*store)->Commit().ok()) {
        std::abort();
      }
    }
    annals::serve::ServerOptions o;
    o.db = db;
    o.threads = 1;
    o.max_rows = 50;
    o.timeout_ms = 2000;
    annals::Result<std::unique_ptr<annals::serve::Server>> s = annals::serve::Server::Create(o);
    if (!s.ok()) std::abort();
    return std::move(s.value());
  }();
  return server.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)TheServer()->HandleRaw(annals::fuzz::AsText(data, size));
  return 0;
}
