// The parent's side of the desk crash tests: desk_sync_child run as a real process (and killed
// with SIGKILL), its report lines read as they come, and the committed state of both ends read
// straight from the files (the server's kep.db, the desk's desk.db) while they run.
#pragma once

#include "IdentityTestKit.h"
#include "ServerProcess.h"
#include "SyncTestKit.h"
#include "db/Database.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kep::desk::test {

// One run of desk_sync_child. Its lines are collected as they arrive; its stderr goes to the
// test's own (a failing child explains itself in the test log).
class DeskSyncChild {
public:
    static QString binary() { return QStringLiteral(KEP_BINARY_DIR "/bin/desk_sync_child"); }

    // The arguments a `sync` run needs to reach the server at `url` as `desk`.
    static QStringList syncArguments(const QString& database,
                                     const kep::test::EnrolledWorkstation& desk, const QString& url,
                                     const QString& caFile);

    DeskSyncChild() { process_.setProcessChannelMode(QProcess::ForwardedErrorChannel); }
    ~DeskSyncChild() { kill(); }

    bool start(const QStringList& arguments) {
        process_.start(binary(), arguments);
        return process_.waitForStarted(10'000);
    }
    // Waits for a line starting with `prefix` (among those not yet taken) and returns it; lines
    // already written by a child that ended are still read.
    std::optional<QString> waitForLine(const QString& prefix, int timeoutMs) {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            while (taken_ < lines_.size()) {
                const QString line = lines_[taken_++];
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            const bool more = readSome(std::max<qint64>(0, timeoutMs - clock.elapsed()));
            if (taken_ < lines_.size()) {
                continue;
            }
            if (!more || clock.elapsed() >= timeoutMs) {
                return std::nullopt;
            }
        }
    }
    // The numbers after the line's first word.
    static std::vector<std::int64_t> numbers(const QString& line) {
        std::vector<std::int64_t> values;
        const QStringList words = line.split(' ', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < words.size(); ++i) {
            values.push_back(words[i].toLongLong());
        }
        return values;
    }
    void write(const QByteArray& line) {
        process_.write(line);
        process_.waitForBytesWritten(5'000);
    }
    // SIGKILL: no destructor, no flush, no goodbye — the desk as a power cut leaves it.
    void kill() {
        if (process_.state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(process_.processId()), SIGKILL);
            process_.waitForFinished(10'000);
        }
    }
    // The exit code once it ended by itself, -1 if it crashed or did not end in time.
    int waitForExit(int timeoutMs) {
        if (!process_.waitForFinished(timeoutMs)) {
            kill();
            return -1;
        }
        readSome(0);
        return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    }
    const QStringList& lines() const { return lines_; }

private:
    bool readSome(qint64 timeoutMs) {
        if (timeoutMs > 0 && process_.bytesAvailable() == 0 &&
            process_.state() == QProcess::Running) {
            process_.waitForReadyRead(static_cast<int>(std::min<qint64>(timeoutMs, 200)));
        }
        while (process_.canReadLine()) {
            lines_ << QString::fromUtf8(process_.readLine()).trimmed();
        }
        return process_.state() == QProcess::Running || process_.canReadLine();
    }

    QProcess process_;
    QStringList lines_;
    qsizetype taken_ = 0;
};

inline QStringList DeskSyncChild::syncArguments(const QString& database,
                                                const kep::test::EnrolledWorkstation& desk,
                                                const QString& url, const QString& caFile) {
    return {"sync",     "--db",        database,      "--office", desk.officeCode,
            "--device", desk.deviceId, "--url",       url,        "--ca",
            caFile,     "--cert",      desk.certFile, "--key",    desk.keyFile};
}

// Runs a child to its end; its lines, or nullopt if it failed (exit status not 0).
inline std::optional<QStringList> runChild(const QStringList& arguments, int timeoutMs) {
    DeskSyncChild child;
    if (!child.start(arguments) || child.waitForExit(timeoutMs) != 0) {
        return std::nullopt;
    }
    return child.lines();
}

// What every desk crash test starts from: a demo kep-server, another desk of office 0101 (to fill
// the office and to learn its clerk's id) and a workstation enrolled for the child desk.
struct CrashTestOffice {
    kep::test::ServerProcess server;
    std::unique_ptr<kep::test::SyncTestKit> kit;
    std::optional<kep::test::SyncDesk> other;
    std::optional<kep::cases::Actor> clerk;
    std::optional<kep::test::EnrolledWorkstation> desk;
    QElapsedTimer sinceSetUp;  // for the test's own time budget

    // Empty when all is ready, else what failed.
    QString setUp() {
        sinceSetUp.start();
        if (!server.start(true)) {
            return server.errorString();
        }
        kit = std::make_unique<kep::test::SyncTestKit>(server);
        if (!kit->setUp() || !(other = kit->enrolDesk("0101")) ||
            !(clerk = kit->actor(*other, "clerk")) || !(desk = kit->identity().enrolNew("0101"))) {
            return kit->errorString();
        }
        return {};
    }

    // The child desk files `cases` cases, their times spread from `fromMs` to `toMs` (ms since
    // the epoch); true when it reported every one of them and its one op each (the create,
    // carrying the filed status).
    bool fileCases(const QString& database, int cases, qint64 fromMs, qint64 toMs) const {
        const auto lines = runChild(
            {"file", "--db", database, "--office", desk->officeCode, "--device", desk->deviceId,
             "--actor", QString::fromStdString(clerk->id), "--cases", QString::number(cases),
             "--from-ms", QString::number(fromMs), "--to-ms", QString::number(toMs)},
            180'000);
        return lines && lines->contains(QStringLiteral("FILED %1 %1").arg(cases));
    }
};

inline qint64 msSinceEpoch() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The server's committed state, read from its kep.db (WAL: readable while it serves).
class ServerRecord {
public:
    explicit ServerRecord(const kep::test::ServerProcess& server)
        : db_(kep::db::Database::open((server.dataDir() + "/kep.db").toStdString(),
                                      {.mode = kep::db::OpenMode::ReadOnly})) {}

    std::set<std::string> caseIds(const std::string& bucket) {
        auto st = db_.prepare(
            "SELECT entity_id FROM sync_entity WHERE entity_type = 'case' AND bucket = ?1");
        st.bind(1, bucket);
        std::set<std::string> ids;
        while (st.step()) {
            ids.insert(st.text(0));
        }
        return ids;
    }
    // The device's sequence numbers in the order the server committed them (its stored results).
    std::vector<std::int64_t> committedSeqs(const QString& deviceId) {
        auto st = db_.prepare(
            "SELECT l.device_seq FROM sync_result l JOIN sync_device d USING (device_no) "
            "WHERE d.device_id = ?1 ORDER BY l.result_no");
        st.bind(1, deviceId.toStdString());
        std::vector<std::int64_t> seqs;
        while (st.step()) {
            seqs.push_back(st.int64(0));
        }
        return seqs;
    }

private:
    kep::db::Database db_;
};

// One number from a desk.db (opened for this look only: the child may be writing it).
inline std::int64_t deskCount(const QString& database, const std::string& sql) {
    auto db =
        kep::db::Database::open(database.toStdString(), {.mode = kep::db::OpenMode::ReadOnly});
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

}  // namespace kep::desk::test
