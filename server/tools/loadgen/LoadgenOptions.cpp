#include "LoadgenOptions.h"

#include <charconv>
#include <functional>
#include <map>

namespace kep::loadgen {

namespace {

long long integer(std::string_view name, std::string_view text, long long min, long long max) {
    long long value = 0;
    const auto* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, value);
    if (parsed.ec != std::errc{} || parsed.ptr != end || value < min || value > max) {
        throw UsageError(std::string(name) + " must be an integer from " + std::to_string(min) +
                         " to " + std::to_string(max));
    }
    return value;
}

bool isTag(std::string_view text) {
    return text.size() == 3 &&
           text.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
}

}  // namespace

LoadgenOptions parseLoadgenOptions(std::span<const std::string_view> arguments) {
    LoadgenOptions o;
    using Setter = std::function<void(std::string_view)>;
    auto ms = [](std::string_view name, std::chrono::milliseconds& out, long long max) {
        return [name, &out, max](std::string_view v) {
            out = std::chrono::milliseconds{integer(name, v, 0, max)};
        };
    };
    const std::map<std::string_view, Setter> valued{
        {"--server", [&](std::string_view v) { o.server = v; }},
        {"--ca", [&](std::string_view v) { o.caFile = v; }},
        {"--admin-cert", [&](std::string_view v) { o.adminCert = v; }},
        {"--desks",
         [&](std::string_view v) {
             o.desks = static_cast<int>(integer("--desks", v, 1, 100'000));
         }},
        {"--cases-per-desk",
         [&](std::string_view v) {
             o.casesPerDesk = static_cast<int>(integer("--cases-per-desk", v, 0, 1'000'000));
         }},
        {"--seed",
         [&](std::string_view v) {
             o.seed = static_cast<std::uint64_t>(integer("--seed", v, 0, 1LL << 62));
         }},
        {"--duration",
         [&](std::string_view v) {
             o.duration = std::chrono::seconds{integer("--duration", v, 0, 86'400)};
         }},
        {"--desks-per-office",
         [&](std::string_view v) {
             o.desksPerOffice = static_cast<int>(integer("--desks-per-office", v, 1, 1000));
         }},
        {"--threads",
         [&](std::string_view v) {
             o.threads = static_cast<int>(integer("--threads", v, 1, 256));
         }},
        {"--approve-percent",
         [&](std::string_view v) {
             o.approvePercent = static_cast<int>(integer("--approve-percent", v, 0, 100));
         }},
        {"--push-batch",
         [&](std::string_view v) {
             o.pushBatch = static_cast<int>(integer("--push-batch", v, 1, 1000));
         }},
        {"--request-timeout-ms", ms("--request-timeout-ms", o.requestTimeout, 600'000)},
        {"--max-backoff-ms", ms("--max-backoff-ms", o.maxBackoff, 3'600'000)},
        {"--deadline",
         [&](std::string_view v) {
             o.deadline = std::chrono::seconds{integer("--deadline", v, 1, 7 * 86'400)};
         }},
        {"--work-dir", [&](std::string_view v) { o.workDir = v; }},
        {"--run-tag",
         [&](std::string_view v) {
             if (!isTag(v)) {
                 throw UsageError("--run-tag must be 3 upper-case letters or digits");
             }
             o.runTag = v;
         }},
    };
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view argument = arguments[i];
        if (argument == "--offline-first") {
            o.offlineFirst = true;
            continue;
        }
        if (argument == "--websockets") {
            o.websockets = true;
            continue;
        }
        const auto setter = valued.find(argument);
        if (setter == valued.end()) {
            throw UsageError("unknown argument '" + std::string(argument) + "'");
        }
        if (i + 1 >= arguments.size()) {
            throw UsageError(std::string(argument) + " needs a value");
        }
        setter->second(arguments[++i]);
    }
    for (const auto& [name, value] :
         {std::pair{"--server", &o.server}, {"--ca", &o.caFile}, {"--admin-cert", &o.adminCert}}) {
        if (value->empty()) {
            throw UsageError(std::string(name) + " is required");
        }
    }
    if (o.desks == 0) {
        throw UsageError("--desks is required");
    }
    return o;
}

std::string loadgenUsage() {
    return "usage: kep-loadgen --server URL --ca FILE --admin-cert FILE --desks N\n"
           "                   --cases-per-desk M [--offline-first] [--seed S] [--duration SEC]\n"
           "                   [--desks-per-office K] [--threads T] [--approve-percent P]\n"
           "                   [--push-batch B] [--request-timeout-ms MS] [--max-backoff-ms MS]\n"
           "                   [--deadline SEC] [--work-dir DIR] [--run-tag TAG] [--websockets]\n"
           "The administrator's password is read from KEP_ADMIN_PASSWORD. Prints one JSON\n"
           "summary; exit 0 when the server holds exactly the acknowledged cases, 1 when it\n"
           "does not or the outboxes did not drain by the deadline, 2 on a usage error, 3 when\n"
           "the run could not be set up.\n";
}

}  // namespace kep::loadgen
