// The desk's catalogue against issue 4's targets, on 5,000 synthetic procedures
// (resources/catalogue/generate-synthetic.py) published by a real kep-server on loopback:
//   - a fresh (enrolled) desk pulls the whole catalogue through the `catalogue` sync bucket into
//     desk.db (< 2 s);
//   - the in-memory index built from desk.db: heap it holds (< 50 MB);
//   - search per keystroke over it, the queries typed one character at a time (p99 < 5 ms).
// Usage: bench_desk_catalogue [--smoke | --quick]
#include "BenchProtocol.h"
#include "HttpsTransport.h"
#include "IdentityTestKit.h"
#include "ServerProcess.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CatalogueStore.h"
#include "catalogue/CatalogueSync.h"
#include "storage/DeskDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using kep::catalogue::Language;

struct Sizes {
    int procedures;
    int typingRounds;
};
constexpr Sizes kSmoke{200, 1};
constexpr Sizes kQuick{5'000, 1};
constexpr Sizes kFull{5'000, 5};

// What a clerk types (as bench_server_catalogue, so the two sides compare).
constexpr const char* kQueries[] = {
    "αδεια διαμονης", "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ", "adeia diamonis",    "residence permit", "πιστοποιητικό",
    "adeia odigisis", "επίδομα",        "deltio taftotitas", "beekeeping",       "υγειονομικού ενδ",
};

using kep::bench::row;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// Generated once per size and language into TMPDIR (the runner's bench-tmp) and reused; the
// same files as bench_server_catalogue's.
QString syntheticCatalogue(int count, const char* language) {
    const QString file = QDir::temp().filePath(
        QStringLiteral("kep-catalogue-%1-%2.jsonl").arg(count).arg(QLatin1String(language)));
    if (!QFile::exists(file)) {
        const QString part = file + QStringLiteral(".part");
        const int status = QProcess::execute(
            QStringLiteral("python3"),
            {QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue/generate-synthetic.py"),
             QStringLiteral("--count"), QString::number(count), QStringLiteral("--seed"),
             QStringLiteral("1"), QStringLiteral("--lang"), QLatin1String(language),
             QStringLiteral("--out"), part});
        if (status != 0 || !QFile::rename(part, file)) {
            throw std::runtime_error("generating the synthetic catalogue failed");
        }
    }
    return file;
}

void runServer(kep::test::ServerProcess& server, const QStringList& arguments) {
    if (server.runOnce(arguments, 120000) != 0) {
        throw std::runtime_error("kep-server " + arguments.join(' ').toStdString() +
                                 " failed: " + server.lastOutput().left(2000).toStdString());
    }
}

std::size_t heapInUse() {
    return mallinfo2().uordblks;
}

std::size_t residentBytes() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? std::size_t(fields[1].toULongLong()) * 4096 : 0;
}

// The desk's transport, counting what went through the bucket and what through the public feed
// (which a desk uses only until it is enrolled).
class CountingTransport final : public kep::desk::ServerTransport {
public:
    explicit CountingTransport(std::unique_ptr<kep::desk::ServerTransport> inner)
        : inner_(std::move(inner)) {}
    kep::desk::HttpReply send(const QByteArray& method, const QByteArray& target,
                              const QByteArray& body, const QByteArray& token) override {
        bucketPulls += target.startsWith("/api/v1/sync/pull?") ? 1 : 0;
        feedPulls += target.startsWith("/api/v1/catalogue/changes?") ? 1 : 0;
        return inner_->send(method, target, body, token);
    }
    int bucketPulls = 0;
    int feedPulls = 0;

private:
    std::unique_ptr<kep::desk::ServerTransport> inner_;
};

void benchFullPull(const kep::test::ServerProcess& server,
                   const kep::test::EnrolledWorkstation& workstation, const QString& deskDb,
                   int expected) {
    CountingTransport transport(kep::desk::httpsTransport(
        {server.url(), server.caFile(), workstation.certFile, workstation.keyFile})());
    transport.send("GET", "/healthz", {}, {});  // the TLS connection, as a running desk has it
    kep::desk::catalogue::CatalogueSync sync(transport, deskDb);
    int changed = 0;
    QString failure;
    QObject::connect(&sync, &kep::desk::catalogue::CatalogueSync::catalogueUpdated,
                     [&](int n, const QStringList&) { changed += n; });
    QObject::connect(&sync, &kep::desk::catalogue::CatalogueSync::pullFailed,
                     [&](const QString& reason) { failure = reason; });
    const auto start = Clock::now();
    sync.pull();
    const double elapsed = seconds(start);
    if (!failure.isEmpty()) {
        throw std::runtime_error("the pull failed: " + failure.toStdString());
    }
    if (changed != expected) {
        throw std::runtime_error("the pull stored " + std::to_string(changed) +
                                 " procedures, not " + std::to_string(expected));
    }
    if (transport.feedPulls != 0 || transport.bucketPulls == 0) {
        throw std::runtime_error("the catalogue did not come through the sync bucket");
    }
    std::printf(
        "full catalogue into a fresh desk.db through the bucket: %d procedures in %d pulls, "
        "%.1f MB file, %.3f s\n",
        changed, transport.bucketPulls,
        double(QFileInfo(deskDb).size() + QFileInfo(deskDb + "-wal").size()) / 1e6, elapsed);
    row("desk_catalogue.full_pull_fresh_desk", elapsed, "s", "<", 2);
}

void benchIndexAndSearch(const QString& deskDb, const Sizes& sizes) {
    auto db = kep::desk::storage::openDeskDatabase(deskDb);
    kep::desk::catalogue::CatalogueStore store(db);
    malloc_trim(0);
    const std::size_t heapBefore = heapInUse();
    const std::size_t rssBefore = residentBytes();
    kep::desk::catalogue::CatalogueIndex index;
    const auto loadStart = Clock::now();
    index.load(store);
    const double loadSeconds = seconds(loadStart);
    malloc_trim(0);
    const double heapMb = double(heapInUse() - heapBefore) / (1024.0 * 1024.0);
    const double rssMb = double(residentBytes() - rssBefore) / (1024.0 * 1024.0);
    std::printf(
        "index of %zu procedures built from desk.db in %.3f s; heap %.1f MB, RSS +%.1f MB, "
        "the index's own estimate %.1f MB\n",
        index.size(), loadSeconds, heapMb, rssMb, double(index.memoryBytes()) / (1024.0 * 1024.0));
    row("desk_catalogue.memory_index_mb", heapMb, "MB", "<", 50);

    for (int i = 0; i < 50; ++i) {  // warm-up: caches, allocator
        index.search("adeia", Language::El, 50);
    }
    std::vector<double> millis;
    std::size_t withResults = 0;
    for (int round = 0; round < sizes.typingRounds; ++round) {
        for (const char* query : kQueries) {
            const QString full = QString::fromUtf8(query);
            const Language language =
                full == QLatin1String("residence permit") || full == QLatin1String("beekeeping")
                    ? Language::En
                    : Language::El;
            for (qsizetype end = 1; end <= full.size(); ++end) {
                const std::string typed = full.left(end).toStdString();
                const auto before = Clock::now();
                const auto found =
                    index.search(typed, language, std::size_t(50));  // the finder's list
                millis.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - before).count());
                withResults += found.empty() ? 0 : 1;
            }
        }
    }
    std::sort(millis.begin(), millis.end());
    std::printf(
        "%zu keystroke searches over %zu procedures, %zu with results; median %.3f ms, "
        "max %.3f ms\n",
        millis.size(), index.size(), withResults, millis[millis.size() / 2], millis.back());
    row("desk_catalogue.search_keystroke_p99", millis[millis.size() * 99 / 100], "ms", "<", 5);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    QCoreApplication app(argc, argv);
    try {
        const QString greek = syntheticCatalogue(sizes.procedures, "el");
        const QString english = syntheticCatalogue(sizes.procedures, "en");
        kep::test::ServerProcess server;
        if (!server.init()) {
            throw std::runtime_error(server.errorString().toStdString());
        }
        runServer(server, {"import-mitos", "--data", server.dataDir(), "--lang", "el", greek});
        runServer(server, {"import-mitos", "--data", server.dataDir(), "--lang", "en", english});
        runServer(server, {"catalogue", "publish", "--data", server.dataDir()});
        // The bucket is a workstation route: the desk is enrolled for an office first.
        runServer(server, {"office", "add", "--data", server.dataDir(), "--code", "0101", "--name",
                           "Bench office"});
        // The desk's pages of the catalogue all come from one address: lift the public rate.
        if (!server.serve({"--public-requests-per-minute", "1000000"})) {
            throw std::runtime_error(server.errorString().toStdString());
        }
        kep::test::IdentityTestKit identity(server);
        const auto workstation = identity.enrolNew(QStringLiteral("0101"));
        if (!workstation) {
            throw std::runtime_error("enrolment failed: " + identity.errorString().toStdString());
        }
        QTemporaryDir desk(QDir::temp().filePath(QStringLiteral("bench_desk_catalogue.XXXXXX")));
        const QString deskDb = desk.filePath(QStringLiteral("desk.db"));
        benchFullPull(server, *workstation, deskDb, sizes.procedures);
        if (server.stop() != 0) {
            throw std::runtime_error("kep-server did not stop cleanly");
        }
        benchIndexAndSearch(deskDb, sizes);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_desk_catalogue: %s\n", error.what());
        return 1;
    }
    return 0;
}
