// Keeps this workstation stocked with protocol numbers while it is online: after each online
// sign-in and health tick it asks the server for a block when the lease says one is needed.
#pragma once

#include "ApiReply.h"
#include "UserSession.h"

#include <QHash>
#include <QObject>

namespace kep::desk {
class Clock;
class ServerLink;
}  // namespace kep::desk

namespace kep::desk::cases {

class ProtocolLeaseStore;

class ProtocolLeaseKeeper : public QObject {
    Q_OBJECT
public:
    // Numbers asked for at a time: about a week of a busy counter, so a day offline never
    // runs a desk dry.
    static constexpr int kBlockSize = 200;

    // `link`, `store` and `clock` must outlive the keeper; everything runs on the UI thread,
    // where the store's database lives.
    ProtocolLeaseKeeper(ServerLink& link, ProtocolLeaseStore& store, const Clock& clock,
                        QObject* parent = nullptr);

    int currentYear() const;    // Greek local year of the clock's now
    quint64 remaining() const;  // numbers left for the current year
    bool isLow() const;

public slots:
    // Asks for the blocks the lease needs today, unless not signed in online or already asking.
    void refill();

signals:
    // After a leased block is stored: the current year's stock, for the status bar.
    void stockChanged(int year, quint64 remaining, bool low);
    // A lease the server refused or did not answer (English detail, for the log).
    void leaseFailed(const QString& detail);

private:
    void onReplied(int ticket, const kep::desk::ApiReply& reply);

    ServerLink& link_;
    ProtocolLeaseStore& store_;
    const Clock& clock_;
    QHash<int, int> pending_;  // ticket -> year asked for
};

}  // namespace kep::desk::cases
