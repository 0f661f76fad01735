// Ends one session of the test cluster from outside, as a database restart does to every
// session (SQLSTATE 57P01, then the socket closes), without stopping the cluster other tests use.
#pragma once

#include <cstdint>

#include "PgTestSchema.h"
#include "storage/pg/PgConnection.h"

namespace kep::test {

// Terminates the backend `pid` and waits (up to 5 s) until it is gone.
inline void endPgSession(std::int64_t pid) {
    auto admin = kep::server::pg::Connection::open(testPgDsn());
    admin.query("SELECT pg_terminate_backend($1::int, 5000)", kep::server::pg::Params().add(pid));
}

}  // namespace kep::test
