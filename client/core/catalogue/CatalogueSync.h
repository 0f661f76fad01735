// Pulls the published catalogue into desk.db through the `catalogue` sync bucket (the shared sync
// engine, pull only), each page and its cursor committed together. Runs on the server link's
// worker thread (blocking calls), and reports by signals, queued to the UI.
#pragma once

#include "ServerTransport.h"
#include "db/Database.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace kep::desk::catalogue {

class CatalogueStore;

// Why the link's worker and not DeskSync's thread: DeskSync starts only when someone of an office
// signs in, while the catalogue is needed by every desk from its start (a central
// administrator's desk has no office). The worker's transport presents the workstation
// certificate once enrolment has stored it; the bucket is a workstation route, so a desk not yet
// enrolled (HTTP 401) pulls the public changes feed instead, into the same cursor: both number
// their changes with the one catalogue change sequence.
class CatalogueSync : public QObject {
    Q_OBJECT
public:
    static constexpr int kPageSize = 500;  // the bucket's default page (the feed's largest: 100)
    // A pull stops after this many pages and goes on at the next trigger, so that a desk far
    // behind does not hold the worker (and sign-in behind it) for long.
    static constexpr int kMaxPagesPerPull = 200;

    // `transport` is used on the thread this object lives on; the database file is opened there
    // too, on the first pull (a SQLite connection per thread).
    CatalogueSync(ServerTransport& transport, QString databaseFile, int pageSize = kPageSize);
    ~CatalogueSync() override;

    // Thread-safe. Queues one pull on this object's thread unless one is queued already, so a
    // burst of nudges makes one pull.
    void requestPull();
    // Thread-safe: the cursor after the last page this object applied (or read at start).
    std::int64_t appliedSeq() const { return appliedSeq_.load(); }

public slots:
    // Pulls until the bucket has no more (or kMaxPagesPerPull). On a network or server fault
    // the pages already applied stay, and the next pull resumes after them.
    void pull();

signals:
    // After a pull that changed something: how many procedures, and which.
    void catalogueUpdated(int changed, const QStringList& ids);
    // A pull that could not finish; the local copy is unchanged past the last good page.
    void pullFailed(const QString& reason);

private:
    kep::db::Database& database();
    // Both add the ids whose stored row changed to `changed`, and return the failure, if any.
    // pullBucket() sets `enrolled` false when the server refused the desk's certificate.
    QString pullBucket(CatalogueStore& store, std::set<std::string>& changed, bool& enrolled);
    QString pullFeed(CatalogueStore& store, std::set<std::string>& changed);

    ServerTransport& transport_;
    QString databaseFile_;
    int pageSize_;
    std::optional<kep::db::Database> db_;
    std::atomic<bool> pullQueued_{false};
    std::atomic<std::int64_t> appliedSeq_{-1};  // -1 until the cursor was first read
};

}  // namespace kep::desk::catalogue
