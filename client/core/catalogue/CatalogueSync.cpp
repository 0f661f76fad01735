#include "catalogue/CatalogueSync.h"

#include "catalogue/CatalogueStore.h"
#include "storage/DeskDatabase.h"

#include <QMetaObject>

#include <set>

namespace kep::desk::catalogue {

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
        std::int64_t since = store.cursor();
        appliedSeq_ = since;
        for (int page = 0; page < kMaxPagesPerPull; ++page) {
            const QByteArray target = QByteArrayLiteral("/api/v1/catalogue/changes?since=") +
                                      QByteArray::number(qint64(since)) +
                                      QByteArrayLiteral("&limit=") + QByteArray::number(pageSize_);
            const HttpReply reply = transport_.send("GET", target, {}, {});
            if (reply.status != 200) {
                failure = QStringLiteral("the catalogue feed answered HTTP %1").arg(reply.status);
                break;
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

}  // namespace kep::desk::catalogue
