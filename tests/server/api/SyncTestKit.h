// What the sync integration tests share: a demo kep-server with enrolled desks of two offices,
// the demo users' ids (read from the directory bucket), and ops made as a desk makes them.
#pragma once

#include "IdentityTestKit.h"
#include "net/HttpsClient.h"
#include "net/HttpsSyncTransport.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/OutboxOpFactory.h"

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

namespace kep::test {

// One enrolled desk as a test drives it: its client, transport and op factory.
struct SyncDesk {
    EnrolledWorkstation workstation;
    std::unique_ptr<kep::net::HttpsClient> client;
    std::unique_ptr<kep::net::HttpsSyncTransport> transport;
    // The desk's own clock and ids: each desk may run on a thread of its own.
    std::unique_ptr<kep::domain::HybridLogicalClock> hlc;
    std::unique_ptr<kep::domain::UuidV7Generator> ids;
    std::unique_ptr<kep::sync::OutboxOpFactory> ops;
    std::int64_t nextSeq = 1;

    std::string deviceId() const { return workstation.deviceId.toStdString(); }
    std::string bucket() const { return "office:" + workstation.officeCode.toStdString(); }
    // A create of a new case in the desk's office by `actor`, with the next sequence number.
    kep::sync::OutboxOp newCase(const kep::cases::Actor& actor);
    kep::sync::PushRequest batch(std::vector<kep::sync::OutboxOp> ops) const;
};

class SyncTestKit {
public:
    explicit SyncTestKit(ServerProcess& server) : identity_(server) {}

    // Loads the demo (the server must be serving, started with demo data).
    bool setUp();
    QString errorString() const { return error_.isEmpty() ? identity_.errorString() : error_; }
    IdentityTestKit& identity() { return identity_; }

    // Enrols a new desk of the office (kep-server enrol-code, then the enrol route).
    std::optional<SyncDesk> enrolDesk(const QString& office);
    // The start most route tests share: setUp(), then a new desk of each listed office into its
    // slot, in order (an office listed twice gets two desks). False, with errorString(), as soon
    // as a step fails.
    using DeskSlot = std::pair<std::optional<SyncDesk>*, QString>;
    bool setUpWithDesks(std::initializer_list<DeskSlot> desks);
    // A fresh client and transport for the desk (after a server restart: a new port).
    void reconnect(SyncDesk& desk) const;
    // TLS options presenting the desk's certificate, for a WebSocketClient.
    kep::net::TlsOptions tlsFor(const SyncDesk& desk);

    // The id of a demo user (read once through the directory bucket of `desk`'s office).
    std::optional<kep::cases::Actor> actor(SyncDesk& desk, const QString& username);

private:
    IdentityTestKit identity_;
    QString error_;
};

// The pull's body, or an empty optional with the transport's error in `error`.
std::optional<kep::sync::PullResponse> pullOnce(kep::sync::SyncTransport& transport,
                                                const std::string& bucket, std::int64_t cursor,
                                                QString* error = nullptr);

}  // namespace kep::test
