// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json.
// Its source is src/serve/openapi.json (edited by hand beside server.cc;
// compiled in at build time, so the binary serves the description of the
// endpoints it has). tests/serve/api_test.py checks real responses against it.
#pragma once

#include <string>

namespace annals::serve {

// The description as JSON text.
const std::string& OpenApiJson();

}  // namespace annals::serve
