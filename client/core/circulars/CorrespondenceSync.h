// The desk's correspondence with the central administration, one round at a time on the server
// link's worker thread: circulars in (the `circulars` sync bucket, page and cursor committed
// together), then the users' read receipts and the clerks' catalogue flags out — all by the
// workstation's certificate, so that what was done offline goes as soon as the server answers,
// whoever is signed in then.
#pragma once

#include "ServerTransport.h"
#include "db/Database.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>

namespace kep::desk::circulars {

class CorrespondenceSync : public QObject {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPagesPerRound = 20;

    // `transport` is used on the thread this object lives on; desk.db is opened there too.
    CorrespondenceSync(ServerTransport& transport, QString databaseFile);
    ~CorrespondenceSync() override;

    // Thread-safe: queues one round on this object's thread unless one is queued already.
    void requestRound();

public slots:
    // Pulls new circulars, then sends what waits. A network fault ends the round; what was not
    // answered stays queued for the next.
    void round();

signals:
    void circularsArrived(int count);
    // The server refused a flag for good (its message); the flag is not sent again.
    void flagRefused(const QString& procedureId, const QString& reason);
    void roundFailed(const QString& reason);

private:
    kep::db::Database& database();
    int pullCirculars();
    void sendReceipts();
    void sendFlags();

    ServerTransport& transport_;
    QString databaseFile_;
    std::optional<kep::db::Database> db_;
    std::atomic<bool> roundQueued_{false};
};

}  // namespace kep::desk::circulars
