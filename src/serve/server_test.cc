// Server::HandleRaw: the HTTP layer without a socket, as the fuzz target
// (fuzz/fuzz_http.cc) drives it -- the same parser, router and handlers as a
// connection, answering malformed requests with a 4xx and never a crash.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.h"
#include "store/store_test_util.h"

namespace annals::serve {
namespace {

namespace fs = std::filesystem;
using annals::testing::AddEvent;
using annals::testing::MakeDoc;

class HandleRawTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("annals_server_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
    std::unique_ptr<Ontology> onto = annals::testing::LoadTestOntology();
    ASSERT_TRUE(onto);
    Result<std::unique_ptr<Store>> store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Document d = MakeDoc("d1", "2025-08-19", "Reuters", {"Russia attacked Ukraine.", "France met Germany."});
    AddEvent(&d, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
    AddEvent(&d, 1, "France", "FRA", "met", "Germany", "DEU", "040", "2025-08-18");
    ASSERT_TRUE((*store)->Begin().ok());
    ASSERT_TRUE((*store)->PutDocument(d, Store::ContentHash(d.text), *onto, "test").ok());
    ASSERT_TRUE((*store)->Commit().ok());
    ServerOptions o;
    o.db = db_;
    o.threads = 1;
    Result<std::unique_ptr<Server>> s = Server::Create(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(s.value());
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Server> server_;
};

std::string StatusLine(const std::string& response) { return response.substr(0, response.find("\r\n")); }

TEST_F(HandleRawTest, AnswersARequestAsTheListeningServerWould) {
  const std::string r = server_->HandleRaw("GET /api/count?cameo=19 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(StatusLine(r), "HTTP/1.1 200 OK");
  EXPECT_NE(r.find("\"events\":1"), std::string::npos) << r;
  EXPECT_NE(r.find("X-Content-Type-Options: nosniff"), std::string::npos) << r;
}

TEST_F(HandleRawTest, NamesTheBadParameter) {
  const std::string r = server_->HandleRaw("GET /api/events?colour=red HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(StatusLine(r), "HTTP/1.1 400 Bad Request");
  EXPECT_NE(r.find("\"parameter\":\"colour\""), std::string::npos) << r;
}

// A thousand years by month for two dyads is refused before its rows are
// made (found by fuzz_http: the table was built, then refused, taking
// seconds under ASan).
TEST_F(HandleRawTest, RefusesASeriesTooLongBeforeMakingIt) {
  const std::string r =
      server_->HandleRaw("GET /api/series?from=1008&to=2027-11&by=month HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(StatusLine(r), "HTTP/1.1 400 Bad Request");
  EXPECT_NE(r.find("\"parameter\":\"by\""), std::string::npos) << r;
  EXPECT_NE(r.find("would have 24"), std::string::npos) << r;  // 12,239 months x 2 dyads
}

TEST_F(HandleRawTest, MalformedRequestsGetA4xx) {
  EXPECT_EQ(StatusLine(server_->HandleRaw("GARBAGE\r\n\r\n")), "HTTP/1.1 400 Bad Request");
  const std::string post = server_->HandleRaw(
      "POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{\"a\":");
  EXPECT_EQ(StatusLine(post), "HTTP/1.1 403 Forbidden");
  // A body shorter than its Content-Length: no answer is written, nothing breaks.
  const std::string cut = server_->HandleRaw("POST /api/documents HTTP/1.1\r\nContent-Length: 99\r\n\r\nab");
  EXPECT_TRUE(cut.empty() || cut.rfind("HTTP/1.1 4", 0) == 0) << cut;
}

// Brotli at the library's quality took 2-3 s for the page's script: a
// client offering br and gzip gets gzip, one offering only br gets the body
// as it is.
TEST_F(HandleRawTest, AnswersGzipNotBrotli) {
  const std::string both =
      server_->HandleRaw("GET /api/openapi.json HTTP/1.1\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n");
  EXPECT_EQ(StatusLine(both), "HTTP/1.1 200 OK");
  EXPECT_NE(both.find("Content-Encoding: gzip"), std::string::npos) << both.substr(0, both.find("\r\n\r\n"));
  const std::string br = server_->HandleRaw("GET /api/openapi.json HTTP/1.1\r\nAccept-Encoding: br\r\n\r\n");
  EXPECT_EQ(StatusLine(br), "HTTP/1.1 200 OK");
  EXPECT_EQ(br.find("Content-Encoding"), std::string::npos) << br.substr(0, br.find("\r\n\r\n"));
  EXPECT_NE(br.find("\"openapi\""), std::string::npos);
}

// The network groups by country unless asked for actors: Russia and its
// government are one node.
TEST_F(HandleRawTest, TheNetworkGroupsByCountryUnlessAskedForActors) {
  Document d = MakeDoc("d2", "2025-08-20", "AP", {"The Kremlin threatened Ukraine."});
  AddEvent(&d, 0, "The Kremlin", "RUSGOV", "threatened", "Ukraine", "UKR", "130", "2025-08-20");
  {
    std::unique_ptr<Ontology> onto = annals::testing::LoadTestOntology();
    Result<std::unique_ptr<Store>> store = Store::Open(db_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Begin().ok());
    ASSERT_TRUE((*store)->PutDocument(d, Store::ContentHash(d.text), *onto, "test").ok());
    ASSERT_TRUE((*store)->Commit().ok());
  }
  auto body = [](const std::string& r) { return r.substr(r.find("\r\n\r\n") + 4); };
  const std::string by_country = body(server_->HandleRaw("GET /api/network HTTP/1.1\r\n\r\n"));
  EXPECT_NE(by_country.find("{\"source\":\"RUS\",\"target\":\"UKR\",\"events\":2"), std::string::npos) << by_country;
  EXPECT_EQ(by_country.find("RUSGOV"), std::string::npos) << by_country;
  const std::string by_actor = body(server_->HandleRaw("GET /api/network?level=actor HTTP/1.1\r\n\r\n"));
  EXPECT_NE(by_actor.find("{\"source\":\"RUSGOV\",\"target\":\"UKR\",\"events\":1"), std::string::npos) << by_actor;
}

}  // namespace
}  // namespace annals::serve
