#include "circulars/CorrespondenceSync.h"

#include "circulars/CircularStore.h"
#include "feedback/ProcedureFlags.h"
#include "net/HttpsSyncTransport.h"
#include "shared/sync/SyncProtocol.h"
#include "storage/DeskDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QUrl>

namespace kep::desk::circulars {

namespace {

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A refusal that sending again will not change (as opposed to offline, throttled, a server
// fault, or a certificate the server does not know yet).
bool refusedForGood(int status) {
    return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
}

QString messageOf(const HttpReply& reply) {
    const auto error = QJsonDocument::fromJson(reply.body).object().value("error").toObject();
    return error.value("message").toString(QStringLiteral("HTTP %1").arg(reply.status));
}

}  // namespace

CorrespondenceSync::CorrespondenceSync(ServerTransport& transport, QString databaseFile)
    : transport_(transport)
    , databaseFile_(std::move(databaseFile)) {}

CorrespondenceSync::~CorrespondenceSync() = default;

kep::db::Database& CorrespondenceSync::database() {
    if (!db_) {
        db_ = storage::openDeskDatabase(databaseFile_);
    }
    return *db_;
}

void CorrespondenceSync::requestRound() {
    if (!roundQueued_.exchange(true)) {
        QMetaObject::invokeMethod(this, &CorrespondenceSync::round, Qt::QueuedConnection);
    }
}

void CorrespondenceSync::round() {
    roundQueued_ = false;
    try {
        if (const int arrived = pullCirculars(); arrived > 0) {
            emit circularsArrived(arrived);
        }
        sendReceipts();
        sendFlags();
    } catch (const std::exception& e) {
        // TransportError (offline), a bad answer, kep::db::Error: what was committed stays.
        emit roundFailed(QString::fromUtf8(e.what()));
    }
}

int CorrespondenceSync::pullCirculars() {
    CircularStore store(database());
    int arrived = 0;
    for (int page = 0; page < kMaxPagesPerRound; ++page) {
        kep::sync::PullRequest request;
        request.bucket = std::string(kCircularsBucket);
        request.cursor = store.cursor();
        request.limit = kPageSize;
        const auto reply = transport_.send(
            "GET", QByteArray::fromStdString(net::HttpsSyncTransport::pullTarget(request)), {}, {});
        if (reply.status != 200) {
            throw TransportError("the circulars bucket answered HTTP " +
                                 std::to_string(reply.status));
        }
        const auto pulled = kep::sync::decodePullResponse(
            std::string_view(reply.body.constData(), std::size_t(reply.body.size())));
        store.applyPage(pulled.changes, pulled.cursor);
        arrived += static_cast<int>(pulled.changes.size());
        if (!pulled.hasMore) {
            break;
        }
    }
    return arrived;
}

void CorrespondenceSync::sendReceipts() {
    CircularStore store(database());
    for (const auto& receipt : store.unsentReceipts()) {
        const QByteArray target =
            "/api/v1/circulars/" + QUrl::toPercentEncoding(receipt.circularId) + "/read";
        const auto reply = transport_.send(
            "POST", target, json({{"user", receipt.userId}, {"readAt", receipt.readAt}}), {});
        // Recorded, or never to be (the circular is not this office's, the user is gone): the
        // desk's own record of the reading stays either way.
        if (reply.status == 200 || refusedForGood(reply.status)) {
            store.receiptSent(receipt);
            continue;
        }
        throw TransportError("a read receipt was answered HTTP " + std::to_string(reply.status));
    }
}

void CorrespondenceSync::sendFlags() {
    feedback::ProcedureFlags flags(database());
    for (const auto& flag : flags.unsent()) {
        const QByteArray target = "/api/v1/catalogue/procedures/" +
                                  QUrl::toPercentEncoding(flag.procedureId) + "/feedback";
        const auto reply = transport_.send("POST", target,
                                           json({{"id", flag.id},
                                                 {"kind", feedback::toString(flag.kind)},
                                                 {"text", flag.text},
                                                 {"user", flag.userId},
                                                 {"flaggedAt", flag.flaggedAt}}),
                                           {});
        if (reply.status == 201) {
            flags.markSent(flag.id, QDateTime::currentDateTimeUtc());
            continue;
        }
        if (refusedForGood(reply.status)) {
            flags.markSent(flag.id, QDateTime::currentDateTimeUtc());
            emit flagRefused(flag.procedureId, messageOf(reply));
            continue;
        }
        throw TransportError("a catalogue flag was answered HTTP " + std::to_string(reply.status));
    }
}

}  // namespace kep::desk::circulars
