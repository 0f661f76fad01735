// kep-server under one keep-alive HTTPS connection: GET /healthz requests per second and the
// p99 latency of one request; then, from an enrolled workstation, the p99 of a sign-in (Argon2id
// dominates) and of an authenticated GET (certificate → device look-up, session, policy), all
// measured end to end through kep::net::HttpsClient (TLS included).
// Protocol: tests/bench/README.md.
#include "BenchProtocol.h"
#include "net/HttpsClient.h"
#include "net/WorkstationKey.h"

#include <boost/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
const std::string kServer = KEP_BINARY_DIR "/bin/kep-server";

// Runs kep-server with `arguments`; stdout to `stdoutFd` (or inherited), stderr to `logFile`.
pid_t spawn(const std::vector<std::string>& arguments, int stdoutFd, const std::string& logFile) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kServer.c_str()));
    for (const auto& argument : arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdoutFd >= 0) {
        posix_spawn_file_actions_adddup2(&actions, stdoutFd, STDOUT_FILENO);
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

struct RunningServer {
    pid_t pid = 0;
    std::string port;
};

RunningServer startServer(const std::filesystem::path& work) {
    const auto data = (work / "data").string();
    const auto log = (work / "server.log").string();
    setenv("KEP_ADMIN_PASSWORD", "bench-admin-password", 1);
    if (waitExit(spawn({"init", "--data", data, "--demo"}, -1, log)) != 0) {
        throw std::runtime_error("kep-server init failed; see " + log);
    }
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    RunningServer server;
    // Every sign-in of the benchmark comes from one address: lift the per-address rate.
    server.pid = spawn({"serve", "--data", data, "--listen", "127.0.0.1:0",
                        "--sign-in-attempts-per-minute", "1000000"},
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

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
    std::filesystem::permissions(
        path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

// p99 of `runs` calls of `once` (milliseconds).
double p99Of(int runs, const std::function<void()>& once) {
    std::vector<double> latencies;
    for (int i = 0; i < runs; ++i) {
        const auto before = Clock::now();
        once();
        latencies.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - before).count());
    }
    std::sort(latencies.begin(), latencies.end());
    return latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
}

// Enrols a workstation of the first demo office with its demo code, as the desk does, and
// returns a client presenting its certificate, and the clerk's password.
std::pair<std::unique_ptr<kep::net::HttpsClient>, std::string> enrolledClerk(
    const std::filesystem::path& work, const kep::net::Endpoint& endpoint,
    const kep::net::TlsOptions& tls) {
    const auto demo = boost::json::parse(readText(work / "data" / "demo.json")).as_object();
    std::string code;
    for (const auto& entry : demo.at("enrolmentCodes").as_array()) {
        if (entry.at("office").as_string() == "0101") {
            code = std::string(entry.at("code").as_string());
            break;
        }
    }
    std::string password;
    for (const auto& entry : demo.at("users").as_array()) {
        if (entry.at("username").as_string() == "clerk") {
            password = std::string(entry.at("password").as_string());
        }
    }
    const auto key = kep::net::makeWorkstationKeyRequest("bench-desk");
    kep::net::HttpsClient anonymous(endpoint, tls);
    const auto enrolled =
        anonymous.post("/api/v1/devices/enrol",
                       boost::json::serialize(boost::json::object{
                           {"code", code}, {"csr", key.csrPem}, {"hostname", "bench-desk"}}));
    if (enrolled.status != 201) {
        throw std::runtime_error("enrolment answered " + std::to_string(enrolled.status));
    }
    const auto answer = boost::json::parse(enrolled.body).as_object();
    writeText(work / "desk.pem", std::string(answer.at("certificate").as_string()));
    writeText(work / "desk-key.pem", key.privateKeyPem);
    auto options = tls;
    options.clientCertFile = (work / "desk.pem").string();
    options.clientKeyFile = (work / "desk-key.pem").string();
    return {std::make_unique<kep::net::HttpsClient>(endpoint, options), password};
}

using kep::bench::row;

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    int requests = 20000;
    int signIns = 200;
    if (*mode == kep::bench::Mode::Quick) {
        requests = 5000;
        signIns = 50;
    } else if (*mode == kep::bench::Mode::Smoke) {
        requests = 200;
        signIns = 5;
    }
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp ? tmp : "/tmp") + "/bench_server.XXXXXX";
    if (!mkdtemp(pattern.data())) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::filesystem::path work(pattern);
    RunningServer server;
    try {
        server = startServer(work);
        kep::net::TlsOptions tls;
        tls.caFile = (work / "data" / "ca.pem").string();
        kep::net::HttpsClient client({"127.0.0.1", server.port}, tls);
        for (int i = 0; i < std::min(200, requests); ++i) {  // warm-up: TLS, caches, allocator
            client.get("/healthz");
        }
        std::vector<double> latencies;
        latencies.reserve(static_cast<std::size_t>(requests));
        const auto start = Clock::now();
        for (int i = 0; i < requests; ++i) {
            const auto before = Clock::now();
            if (client.get("/healthz").status != 200) {
                throw std::runtime_error("/healthz did not answer 200");
            }
            latencies.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        std::sort(latencies.begin(), latencies.end());
        const double p99 = latencies[latencies.size() * 99 / 100];
        std::printf("%d GET /healthz over %zu connection(s), TLS %s\n", requests,
                    client.connectionsOpened(), client.negotiatedProtocol().c_str());
        row("server.healthz_keepalive_requests_per_s", requests / seconds, "req/s", ">", 5000);
        row("server.healthz_keepalive_p99", p99, "ms", "<", 2);

        // Identity: sign-in and an authenticated GET from an enrolled workstation.
        const kep::net::Endpoint endpoint{"127.0.0.1", server.port};
        // Not a structured binding: clang 14 cannot capture those in the lambdas below.
        auto enrolled = enrolledClerk(work, endpoint, tls);
        auto& desk = enrolled.first;
        const std::string& password = enrolled.second;
        const std::string credentials = boost::json::serialize(
            boost::json::object{{"username", "clerk"}, {"password", password}});
        std::string token;
        const double signInP99 = p99Of(signIns, [&] {
            const auto answer = desk->post("/api/v1/auth/login", credentials);
            if (answer.status != 200) {
                throw std::runtime_error("sign-in answered " + std::to_string(answer.status));
            }
            token = std::string(boost::json::parse(answer.body).at("token").as_string());
        });
        const std::vector<std::pair<std::string, std::string>> authorization{
            {"Authorization", "Bearer " + token}};
        for (int i = 0; i < std::min(200, requests); ++i) {  // warm-up
            desk->request("GET", "/api/v1/auth/session", {}, {}, authorization);
        }
        const double sessionP99 = p99Of(requests / 4, [&] {
            if (desk->request("GET", "/api/v1/auth/session", {}, {}, authorization).status != 200) {
                throw std::runtime_error("GET /api/v1/auth/session did not answer 200");
            }
        });
        std::printf("%d sign-ins and %d GET /api/v1/auth/session from an enrolled workstation\n",
                    signIns, requests / 4);
        row("server.sign_in_p99", signInP99, "ms", "<", 250);
        row("server.authenticated_get_p99", sessionP99, "ms", "<", 5);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_server: %s\n", error.what());
        if (server.pid > 0) {
            kill(server.pid, SIGKILL);
            waitExit(server.pid);
        }
        std::filesystem::remove_all(work);
        return 1;
    }
    kill(server.pid, SIGTERM);
    const int code = waitExit(server.pid);
    std::filesystem::remove_all(work);
    if (code != 0) {
        std::fprintf(stderr, "bench_server: kep-server exited with %d after SIGTERM\n", code);
        return 1;
    }
    return 0;
}
