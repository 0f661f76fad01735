// A PostgreSQL cluster of one test's own (scripts/pg-cluster in a temporary folder), which the
// test may stop and start again on the same port, and PostgreSQL's client tools run against it —
// never the cluster that ctest shares between tests.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <unistd.h>

#include <algorithm>

namespace kep::test {

class PgOwnCluster {
public:
    PgOwnCluster() = default;
    ~PgOwnCluster() {
        if (started_) {
            run("bash", {script(), "stop", dir_.path()});
        }
    }
    PgOwnCluster(const PgOwnCluster&) = delete;
    PgOwnCluster& operator=(const PgOwnCluster&) = delete;

    // initdb and start (scripts/pg-cluster start); false with errorString() when it failed.
    bool start() {
        if (!dir_.isValid() || !run("bash", {script(), "start", dir_.path()})) {
            return false;
        }
        started_ = true;
        QFile dsn(dir_.filePath("dsn"));
        if (!dsn.open(QIODevice::ReadOnly)) {
            error_ = "pg-cluster wrote no dsn file";
            return false;
        }
        const auto port = QRegularExpression("port=(\\d+)").match(dsn.readAll()).captured(1);
        port_ = port.toInt();
        return port_ > 0;
    }

    // A libpq connection string to `database` (the socket in the cluster's folder; no password:
    // the cluster trusts its local socket).
    QString dsn(const QString& database = "postgres") const {
        return QStringLiteral("host=%1 port=%2 user=kep dbname=%3")
            .arg(dir_.path())
            .arg(port_)
            .arg(database);
    }

    // As an operator's `pg_ctl stop -m fast`: every session ends, nothing is left running.
    bool stopServer() {
        return run(tool("pg_ctl"),
                   {"-D", dir_.filePath("data"), "-m", "fast", "-w", "-t", "60", "stop"}, true);
    }
    // Started again on the same port and socket, as after a restart or an upgrade.
    bool startServer() {
        return run(tool("pg_ctl"),
                   {"-D", dir_.filePath("data"), "-l", dir_.filePath("server.log"), "-w", "-t",
                    "60", "start", "-o",
                    QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2")
                        .arg(port_)
                        .arg(dir_.path())},
                   true);
    }

    // createdb NAME on the cluster, owned by its superuser role.
    bool createDatabase(const QString& name) {
        return run(tool("createdb"),
                   {"-h", dir_.path(), "-p", QString::number(port_), "-U", "kep", name});
    }

    // One of PostgreSQL's programs (pg_dump, pg_restore, createdb, …) run to its end; false with
    // errorString() when it failed. `asOwner`: as the cluster's owner (postgres when root).
    bool runTool(const QString& name, const QStringList& arguments, bool asOwner = false) {
        return run(tool(name), arguments, asOwner);
    }

    QString errorString() const { return error_; }
    QByteArray lastOutput() const { return output_; }
    QString filePath(const QString& name) const { return dir_.filePath(name); }

private:
    static QString script() { return QStringLiteral(KEP_SOURCE_DIR "/scripts/pg-cluster"); }

    // The newest PostgreSQL's bin folder, as scripts/pg-cluster picks it.
    static QString tool(const QString& name) {
        QDir versions("/usr/lib/postgresql");
        auto found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(found.begin(), found.end(),
                  [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
        return found.isEmpty() ? name : versions.filePath(found.last() + "/bin/" + name);
    }

    bool run(const QString& program, const QStringList& arguments, bool asOwner = false) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (asOwner && ::getuid() == 0) {
            process.start("runuser", QStringList{"-u", "postgres", "--", program} + arguments);
        } else {
            process.start(program, arguments);
        }
        const bool finished = process.waitForFinished(180000);
        output_ = process.readAll();
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            error_ = program + " failed: " + QString::fromUtf8(output_);
            return false;
        }
        return true;
    }

    QTemporaryDir dir_;
    bool started_ = false;
    int port_ = 0;
    QString error_;
    QByteArray output_;
};

}  // namespace kep::test
