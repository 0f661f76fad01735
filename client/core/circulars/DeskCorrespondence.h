// When the desk's correspondence with the central administration runs: at start, when the
// server comes back, at sign-in, every minute, and right after a user marked a circular read or
// flagged a procedure — each round on the server link's worker thread (CorrespondenceSync).
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::circulars {

class CorrespondenceSync;

class DeskCorrespondence : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kInterval{60000};

    // `databaseFile` is desk.db, opened again on the worker thread.
    DeskCorrespondence(ServerLink& link, QString databaseFile, QObject* parent = nullptr);
    ~DeskCorrespondence() override;

    void start(std::chrono::milliseconds interval = kInterval);

public slots:
    void roundNow();

signals:
    // Queued from the worker: new circulars are in desk.db.
    void circularsArrived(int count);
    void flagRefused(const QString& procedureId, const QString& reason);

private:
    ServerLink& link_;
    CorrespondenceSync* sync_;  // lives on the link's worker thread; deleted there
    QTimer timer_;
};

}  // namespace kep::desk::circulars
