// kep-server under one keep-alive HTTPS connection: GET /healthz requests per second and the
// p99 latency of one request, measured end to end through kep::net::HttpsClient (TLS included).
// Protocol: tests/bench/README.md.
#include "net/HttpsClient.h"

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
    if (waitExit(spawn({"init", "--data", data}, -1, log)) != 0) {
        throw std::runtime_error("kep-server init failed; see " + log);
    }
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    RunningServer server;
    server.pid = spawn({"serve", "--data", data, "--listen", "127.0.0.1:0"}, pipeFds[1], log);
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

void row(const char* metric, double value, const char* unit, const char* op, double target) {
    std::printf("ROW\t%s\t%.3f\t%s\t%s\t%g\n", metric, value, unit, op, target);
}

}  // namespace

int main(int argc, char** argv) {
    int requests = 20000;
    if (argc == 2 && std::string(argv[1]) == "--quick") {
        requests = 5000;
    } else if (argc == 2 && std::string(argv[1]) == "--smoke") {
        requests = 200;
    } else if (argc != 1) {
        std::fprintf(stderr, "usage: bench_server [--quick | --smoke]\n");
        return 2;
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
