// The catalogue in a real kep-server, against issue 4's targets: `import-mitos` of 5,000
// synthetic procedures in Greek and English (< 3 s), search through HTTPS on loopback over the
// published 5,000 (p99 < 10 ms per keystroke), and the full catalogue pulled by a fresh desk
// through the changes feed (< 2 s). Usage: bench_server_catalogue [--smoke | --quick]
#include "BenchProtocol.h"
#include "net/HttpsClient.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
const std::string kServer = KEP_BINARY_DIR "/bin/kep-server";

struct Sizes {
    int procedures;
    int typingRounds;  // times the queries are typed, keystroke by keystroke
};
constexpr Sizes kSmoke{200, 1};
constexpr Sizes kQuick{5'000, 1};
constexpr Sizes kFull{5'000, 5};

// What a clerk types, against the generator's vocabulary (as bench_catalogue).
constexpr const char* kQueries[] = {
    "αδεια διαμονης", "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ", "adeia diamonis",    "residence permit", "πιστοποιητικό",
    "adeia odigisis", "επίδομα",        "deltio taftotitas", "beekeeping",       "υγειονομικού ενδ",
};

using kep::bench::row;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// Runs kep-server; stdout to `stdoutFd` (or /dev/null), stderr appended to `logFile`.
pid_t spawn(const std::vector<std::string>& arguments, int stdoutFd, const std::string& logFile) {
    std::vector<char*> argv{const_cast<char*>(kServer.c_str())};
    for (const auto& argument : arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdoutFd >= 0) {
        posix_spawn_file_actions_adddup2(&actions, stdoutFd, STDOUT_FILENO);
    } else {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, logFile.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, kServer.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw std::runtime_error("cannot start " + kServer);
    }
    return pid;
}

int waitExit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void runToEnd(const std::vector<std::string>& arguments, const std::string& log) {
    if (waitExit(spawn(arguments, -1, log)) != 0) {
        throw std::runtime_error("kep-server " + arguments.front() + " failed; see " + log);
    }
}

// Generated once per size and language into TMPDIR (the runner's bench-tmp) and reused.
std::string syntheticCatalogue(int count, const char* lang) {
    const char* tmp = std::getenv("TMPDIR");
    const fs::path dir = tmp != nullptr && *tmp != '\0' ? fs::path(tmp) : fs::temp_directory_path();
    const fs::path file = dir / ("kep-catalogue-" + std::to_string(count) + "-" + lang + ".jsonl");
    if (!fs::exists(file)) {
        const fs::path part = fs::path(file).concat(".part");
        const std::string command =
            "python3 '" KEP_SOURCE_DIR "/resources/catalogue/generate-synthetic.py' --count " +
            std::to_string(count) + " --seed 1 --lang " + lang + " --out '" + part.string() + "'";
        if (std::system(command.c_str()) != 0) {
            throw std::runtime_error("generating the catalogue failed: " + command);
        }
        fs::rename(part, file);
    }
    return file.string();
}

struct RunningServer {
    pid_t pid = 0;
    std::string port;
};

RunningServer serve(const std::string& data, const std::string& log) {
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    RunningServer server;
    // Every search of the benchmark comes from one address: lift the public routes' rate.
    server.pid = spawn({"serve", "--data", data, "--listen", "127.0.0.1:0",
                        "--public-requests-per-minute", "1000000"},
                       pipeFds[1], log);
    close(pipeFds[1]);
    std::string line;
    char c = 0;
    while (read(pipeFds[0], &c, 1) == 1 && c != '\n') {
        line += c;
    }
    close(pipeFds[0]);
    const std::string prefix = "listening on https://127.0.0.1:";
    if (line.rfind(prefix, 0) != 0) {
        kill(server.pid, SIGKILL);
        waitExit(server.pid);
        throw std::runtime_error("kep-server serve did not start; see " + log);
    }
    server.port = line.substr(prefix.size());
    return server;
}

void benchSearch(kep::net::HttpsClient& client, const Sizes& sizes) {
    std::vector<double> millis;
    std::size_t hits = 0;
    for (int round = 0; round < sizes.typingRounds; ++round) {
        for (const char* query : kQueries) {
            const std::string full(query);
            for (std::size_t end = 1; end <= full.size(); ++end) {
                if (end < full.size() && (static_cast<unsigned char>(full[end]) & 0xC0U) == 0x80U) {
                    continue;  // inside a UTF-8 sequence: not a keystroke
                }
                std::string target = "/api/v1/catalogue/search?limit=20&q=";
                for (const unsigned char ch : full.substr(0, end)) {
                    char escaped[4];
                    std::snprintf(escaped, sizeof escaped, "%%%02X", ch);
                    target += escaped;
                }
                const auto before = Clock::now();
                const auto answer = client.get(target);
                millis.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - before).count());
                if (answer.status != 200) {
                    throw std::runtime_error("search answered " + std::to_string(answer.status));
                }
                hits += answer.body.size() > 20 ? 1 : 0;
            }
        }
    }
    std::sort(millis.begin(), millis.end());
    const double p99 = millis[millis.size() * 99 / 100];
    std::printf("%zu keystroke searches over %d procedures, %zu with results; median %.2f ms\n",
                millis.size(), sizes.procedures, hits, millis[millis.size() / 2]);
    row("server_catalogue.search_keystroke_p99", p99, "ms", "<", 10);
}

void benchFullPull(kep::net::HttpsClient& client, const Sizes& sizes) {
    const auto start = Clock::now();
    std::int64_t since = 0;
    std::size_t records = 0;
    std::size_t bytes = 0;
    for (bool more = true; more;) {
        const auto answer =
            client.get("/api/v1/catalogue/changes?limit=100&since=" + std::to_string(since));
        if (answer.status != 200) {
            throw std::runtime_error("changes answered " + std::to_string(answer.status));
        }
        bytes += answer.body.size();
        // Parsed as a desk must, to store the records.
        const auto page = boost::json::parse(answer.body).as_object();
        records += page.at("changes").as_array().size();
        since = page.at("next").as_int64();
        more = page.at("hasMore").as_bool();
    }
    const double elapsed = seconds(start);
    if (records != static_cast<std::size_t>(sizes.procedures)) {
        throw std::runtime_error("the changes feed gave " + std::to_string(records) +
                                 " records, not " + std::to_string(sizes.procedures));
    }
    std::printf("full catalogue: %zu records, %.1f MB in %.3f s\n", records,
                static_cast<double>(bytes) / 1e6, elapsed);
    row("server_catalogue.full_pull_fresh_desk", elapsed, "s", "<", 2);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp ? tmp : "/tmp") + "/bench_server_catalogue.XXXXXX";
    if (!mkdtemp(pattern.data())) {
        std::perror("mkdtemp");
        return 1;
    }
    const fs::path work(pattern);
    const auto data = (work / "data").string();
    const auto log = (work / "server.log").string();
    RunningServer server;
    int status = 0;
    try {
        const auto greek = syntheticCatalogue(sizes.procedures, "el");
        const auto english = syntheticCatalogue(sizes.procedures, "en");
        setenv("KEP_ADMIN_PASSWORD", "bench-admin-password", 1);
        runToEnd({"init", "--data", data}, log);

        const auto importStart = Clock::now();
        runToEnd({"import-mitos", "--data", data, "--lang", "el", greek}, log);
        runToEnd({"import-mitos", "--data", data, "--lang", "en", english}, log);
        const double importSeconds = seconds(importStart);
        std::printf("import-mitos of %d procedures (el, then en), end to end: %.3f s\n",
                    sizes.procedures, importSeconds);
        row("server_catalogue.import_5000_el_en", importSeconds, "s", "<", 3);
        runToEnd({"catalogue", "publish", "--data", data}, log);

        server = serve(data, log);
        kep::net::TlsOptions tls;
        tls.caFile = (work / "data" / "ca.pem").string();
        kep::net::HttpsClient client({"127.0.0.1", server.port}, tls);
        for (int i = 0; i < 50; ++i) {  // warm-up: TLS, caches, allocator
            client.get("/api/v1/catalogue/search?q=adeia");
        }
        benchSearch(client, sizes);
        kep::net::HttpsClient desk({"127.0.0.1", server.port}, tls);  // a fresh connection
        benchFullPull(desk, sizes);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_server_catalogue: %s\n", error.what());
        status = 1;
    }
    if (server.pid > 0) {
        kill(server.pid, SIGTERM);
        if (waitExit(server.pid) != 0) {
            std::fprintf(stderr, "bench_server_catalogue: kep-server did not stop cleanly\n");
            status = 1;
        }
    }
    fs::remove_all(work);
    return status;
}
