// Benchmarks of kep_sync's pure core: ops applied per second by SyncServerCore over the in-memory
// store (files, edits and transitions from many desks, pushed in batches of 200), and ops decoded
// per second from push requests. Usage: bench_sync [--smoke | --quick]
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "BenchProtocol.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "shared/sync/SyncProtocol.h"
#include "shared/sync/SyncServerCore.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kep;
using namespace kep::sync;

struct Sizes {
    int desks;
    int opsPerDesk;
    int decodeRounds;
};

constexpr Sizes kSmoke{4, 500, 20};
constexpr Sizes kQuick{50, 4'000, 500};
constexpr Sizes kFull{200, 5'000, 2'000};
constexpr std::size_t kBatch = 200;
constexpr std::int64_t kT0 = 1'750'000'000'000;

std::size_t gSink = 0;

using kep::bench::row;

// One desk's ops: a case filed, then edits of its fields and a transition, in seq order — the
// mix of a counter's day (one file, a few edits, a status change per case).
std::vector<OutboxOp> deskOps(int desk, int count, domain::UuidV7Generator& ids) {
    std::vector<OutboxOp> ops;
    ops.reserve(static_cast<std::size_t>(count));
    const std::string device = "desk-" + std::to_string(desk);
    const cases::Actor clerk{"u-clerk-" + std::to_string(desk), cases::ActorRole::Clerk};
    EntityRef current;
    for (int i = 0; i < count; ++i) {
        OutboxOp op;
        op.opId = ids.next();
        op.deviceId = device;
        op.deviceSeq = i + 1;
        op.hlc = {kT0 + i, 0};
        op.bucket = "office:" + std::to_string(1000 + desk % 50);
        op.actor = clerk;
        switch (i % 5) {
            case 0:
                current = {"case", op.opId.toString()};
                op.kind = OpKind::Create;
                op.fields = {{"status", "submitted"},
                             {"procedure", "p-17"},
                             {"citizen", "c-" + std::to_string(i)},
                             {"phone", "2100000000"},
                             {"requires_approval", "false"}};
                break;
            case 4:
                op.kind = OpKind::Transition;
                op.toStatus = "forwarded";
                op.baseVersion = 4;
                break;
            default:
                op.kind = OpKind::SetFields;
                op.baseVersion = i % 5;
                op.fields = {{"notes", "edit " + std::to_string(i)}};
                break;
        }
        op.entity = current;
        ops.push_back(std::move(op));
    }
    return ops;
}

double applyRate(const Sizes& sizes) {
    domain::UuidV7Generator ids;
    std::vector<std::vector<OutboxOp>> desks;
    for (int d = 0; d < sizes.desks; ++d) {
        desks.push_back(deskOps(d, sizes.opsPerDesk, ids));
    }
    MemorySyncServerStore store;
    std::int64_t now = kT0;
    WriteAuthority authority;
    authority.mayWriteBucket = [](std::string_view, std::string_view) { return true; };
    SyncServerCore core(store, authority, [&now] { return now; });

    std::size_t applied = 0;
    const auto start = Clock::now();
    // Round-robin over desks, one batch each, as a loaded server sees them.
    for (std::size_t offset = 0; offset < static_cast<std::size_t>(sizes.opsPerDesk);
         offset += kBatch) {
        for (int d = 0; d < sizes.desks; ++d) {
            const auto& ops = desks[static_cast<std::size_t>(d)];
            PushRequest request;
            request.deviceId = ops.front().deviceId;
            const std::size_t end = std::min(ops.size(), offset + kBatch);
            request.ops.assign(ops.begin() + static_cast<std::ptrdiff_t>(offset),
                               ops.begin() + static_cast<std::ptrdiff_t>(end));
            const PushResponse response = core.push(request.deviceId, request);
            for (const OpResult& r : response.results) {
                applied += r.outcome == OpOutcome::Applied ? 1 : 0;
            }
            ++now;
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const std::size_t total =
        static_cast<std::size_t>(sizes.desks) * static_cast<std::size_t>(sizes.opsPerDesk);
    if (applied != total) {
        std::fprintf(stderr, "bench_sync: %zu of %zu ops applied\n", applied, total);
        std::exit(1);
    }
    std::printf("applied %zu ops from %d desks in %.3f s\n", applied, sizes.desks, seconds);
    return static_cast<double>(applied) / seconds;
}

double decodeRate(const Sizes& sizes) {
    domain::UuidV7Generator ids;
    PushRequest request;
    request.deviceId = "desk-1";
    request.ops = deskOps(1, static_cast<int>(kBatch), ids);
    const std::string wire = encode(request);
    const auto start = Clock::now();
    for (int i = 0; i < sizes.decodeRounds; ++i) {
        gSink += decodePushRequest(wire).ops.size();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("push request of %zu ops: %zu bytes\n", kBatch, wire.size());
    return static_cast<double>(kBatch) * sizes.decodeRounds / seconds;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    // Targets: the durable ingest target is 20,000 ops/s (50 µs an op); the rules and the codec
    // should take a small share of it, so each must manage ten times that on its own.
    row("sync.core_apply_ops_per_s", applyRate(sizes), "ops/s", ">", 200'000);
    row("sync.push_decode_ops_per_s", decodeRate(sizes), "ops/s", ">", 200'000);
    return gSink == 0 ? 1 : 0;
}
