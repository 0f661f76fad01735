#include "catalogue/CatalogueSync.h"

#include "catalogue/CatalogueReplica.h"
#include "catalogue/CatalogueStore.h"
#include "net/HttpsSyncTransport.h"
#include "shared/sync/SyncClient.h"
#include "shared/sync/SyncProtocol.h"
#include "storage/DeskDatabase.h"

#include <QMetaObject>

#include <algorithm>
#include <random>
#include <stdexcept>

namespace kep::desk::catalogue {

namespace {

using kep::sync::TransportError;

constexpr int kFeedPageLimit = 100;  // the changes feed's largest page

// A change's "record" holds the register's two documents, which may be longer than the 64 KiB a
// field of a case may be: the message's own bound is the only one that fits.
kep::sync::ProtocolLimits recordLimits() {
    kep::sync::ProtocolLimits limits;
    limits.maxFieldValueBytes = limits.maxMessageBytes;
    return limits;
}

// The desk never writes the catalogue: the engine that pulls it has nothing to push.
class NothingToPush final : public kep::sync::OutboxStore {
public:
    std::int64_t append(kep::sync::OutboxOp&, kep::sync::Instant) override {
        throw std::logic_error("the catalogue is read-only on a desk");
    }
    std::vector<kep::sync::OutboxOp> pendingOps(std::size_t) const override { return {}; }
    std::size_t pendingCount() const override { return 0; }
    std::optional<kep::sync::Instant> oldestPendingQueuedAt() const override {
        return std::nullopt;
    }
    void settle(std::span<const kep::sync::Settlement>) override {}
    std::vector<kep::sync::OutboxEntry> needsAttention() const override { return {}; }
    kep::domain::HlcTimestamp highestHlc() const override { return {}; }
};

// The engine's pulls over the server link's worker transport, which presents the workstation
// certificate the sync routes ask for. Records whether the server refused the certificate.
class LinkPullTransport final : public kep::sync::SyncTransport {
public:
    explicit LinkPullTransport(ServerTransport& transport) : transport_(transport) {}

    bool certificateRefused() const { return certificateRefused_; }

    kep::sync::TransportResult<kep::sync::PushResponse> push(
        const kep::sync::PushRequest&) override {
        return TransportError{TransportError::Kind::Refused, "the catalogue is read-only"};
    }

    kep::sync::TransportResult<kep::sync::PullResponse> pull(
        const kep::sync::PullRequest& request) override {
        HttpReply reply;
        try {
            reply = transport_.send(
                "GET", QByteArray::fromStdString(net::HttpsSyncTransport::pullTarget(request)), {},
                {});
        } catch (const std::exception& e) {
            return TransportError{TransportError::Kind::Unreachable, e.what()};
        }
        if (reply.status != 200) {
            certificateRefused_ = reply.status == 401;
            const auto kind = reply.status >= 500 ? TransportError::Kind::ServerError
                                                  : TransportError::Kind::Refused;
            return TransportError{kind, "HTTP " + std::to_string(reply.status)};
        }
        try {
            return kep::sync::decodePullResponse(
                std::string_view(reply.body.constData(), std::size_t(reply.body.size())),
                recordLimits());
        } catch (const kep::sync::ProtocolError& e) {
            return TransportError{TransportError::Kind::BadResponse, e.what()};
        }
    }

private:
    ServerTransport& transport_;
    bool certificateRefused_ = false;
};

kep::sync::Instant systemNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

}  // namespace

CatalogueSync::CatalogueSync(ServerTransport& transport, QString databaseFile, int pageSize)
    : transport_(transport)
    , databaseFile_(std::move(databaseFile))
    , pageSize_(pageSize) {}

CatalogueSync::~CatalogueSync() = default;

kep::db::Database& CatalogueSync::database() {
    if (!db_) {
        db_ = storage::openDeskDatabase(databaseFile_);
    }
    return *db_;
}

void CatalogueSync::requestPull() {
    if (!pullQueued_.exchange(true)) {
        QMetaObject::invokeMethod(this, &CatalogueSync::pull, Qt::QueuedConnection);
    }
}

void CatalogueSync::pull() {
    pullQueued_ = false;
    std::set<std::string> changed;
    QString failure;
    try {
        CatalogueStore store(database());
        appliedSeq_ = store.cursor();
        bool enrolled = true;
        failure = pullBucket(store, changed, enrolled);
        if (!enrolled) {
            failure = pullFeed(store, changed);
        }
    } catch (const std::exception& e) {
        // TransportError (offline), RecordFormatError, kep::db::Error: the copy stays as it was
        // after the last page committed.
        failure = QString::fromUtf8(e.what());
    }
    if (!changed.empty()) {
        QStringList ids;
        ids.reserve(qsizetype(changed.size()));
        for (const auto& id : changed) {
            ids.append(QString::fromStdString(id));
        }
        emit catalogueUpdated(int(ids.size()), ids);
    }
    if (!failure.isEmpty()) {
        emit pullFailed(failure);
    }
}

QString CatalogueSync::pullBucket(CatalogueStore& store, std::set<std::string>& changed,
                                  bool& enrolled) {
    CatalogueReplica replica(store);
    LinkPullTransport transport(transport_);
    NothingToPush outbox;
    kep::domain::HybridLogicalClock hlc;
    std::mt19937_64 dice(std::random_device{}());
    kep::sync::SyncClientConfig config;
    config.buckets = {std::string(kCatalogueBucket)};
    config.pullLimit = pageSize_;
    // One engine per pull: the triggers (timer, nudge, reconnection, sign-in) pace the pulls as
    // they did the feed's, and a fresh engine pulls at once.
    kep::sync::SyncClient client(config, outbox, replica, transport, hlc, systemNow,
                                 [&dice] { return dice(); });
    for (int page = 0; page < kMaxPagesPerPull && client.step(); ++page) {
        for (auto& id : replica.takeChanged()) {
            changed.insert(std::move(id));
        }
        appliedSeq_ = store.cursor();
    }
    if (client.phase() != kep::sync::SyncPhase::WaitingToRetry) {
        return {};
    }
    enrolled = !transport.certificateRefused();
    return QString::fromStdString(client.status().lastError);
}

QString CatalogueSync::pullFeed(CatalogueStore& store, std::set<std::string>& changed) {
    std::int64_t since = store.cursor();
    for (int page = 0; page < kMaxPagesPerPull; ++page) {
        const QByteArray target = QByteArrayLiteral("/api/v1/catalogue/changes?since=") +
                                  QByteArray::number(qint64(since)) + QByteArrayLiteral("&limit=") +
                                  QByteArray::number(std::min(pageSize_, kFeedPageLimit));
        const HttpReply reply = transport_.send("GET", target, {}, {});
        if (reply.status != 200) {
            return QStringLiteral("the catalogue feed answered HTTP %1").arg(reply.status);
        }
        const ChangesPage changes = readChangesPage(
            std::string_view(reply.body.constData(), std::size_t(reply.body.size())));
        for (auto& id : store.applyPage(changes)) {
            changed.insert(std::move(id));
        }
        since = store.cursor();
        appliedSeq_ = since;
        if (!changes.hasMore || changes.changes.empty()) {
            break;
        }
    }
    return {};
}

}  // namespace kep::desk::catalogue
