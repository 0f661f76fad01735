// A throw-away PostgreSQL cluster for a benchmark's life (scripts/pg-cluster, whose path the
// bench's CMakeLists.txt gives as KEP_PG_CLUSTER_SCRIPT): the store benches and the end-to-end one.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace kep::bench::pg {

// A cluster of the bench's own for its life: started by scripts/pg-cluster, stopped (and its
// folder removed) by the destructor.
class Cluster {
public:
    Cluster() : dir_("/tmp/kep-bench-pg-" + std::to_string(::getpid())) {
        const std::string start =
            std::string{"'"} + KEP_PG_CLUSTER_SCRIPT + "' start '" + dir_ + "' >/dev/null";
        if (std::system(start.c_str()) != 0) {
            throw std::runtime_error("scripts/pg-cluster could not start a cluster in " + dir_);
        }
        std::ifstream file(dir_ + "/dsn");
        std::getline(file, dsn_);
        if (dsn_.empty()) {
            throw std::runtime_error("scripts/pg-cluster wrote no DSN");
        }
    }
    ~Cluster() {
        const std::string stop =
            std::string{"'"} + KEP_PG_CLUSTER_SCRIPT + "' stop '" + dir_ + "' >/dev/null";
        [[maybe_unused]] const int ignored = std::system(stop.c_str());
    }
    Cluster(const Cluster&) = delete;
    Cluster& operator=(const Cluster&) = delete;
    const std::string& dsn() const { return dsn_; }

private:
    std::string dir_;
    std::string dsn_;
};

}  // namespace kep::bench::pg
