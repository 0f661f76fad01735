// The circulars in desk.db (migration 0008): pages pulled from the `circulars` sync bucket
// stored with their cursor, which of them a user of this desk has not read yet, and the read
// receipts still to be sent to the server.
#pragma once

#include "db/Database.h"
#include "shared/sync/SyncMessages.h"

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kep::desk::circulars {

inline constexpr std::string_view kCircularsBucket = "circulars";

struct DeskCircular {
    QString id;
    QString kind;  // procedure_change | new_rule | outage | announcement
    QString titleEl;
    QString titleEn;
    QString bodyEl;
    QString bodyEn;
    QString sender;  // "national", else the sending region
    QDateTime sentAt;

    // The title and body in `language` ("el" or "en"), Greek when no English was sent.
    QString title(const QString& language) const;
    QString body(const QString& language) const;
};

struct ReadReceipt {
    QString circularId;
    QString userId;
    QString readAt;  // ISO 8601 UTC, to the second
};

// Uses the connection it is given on that connection's thread only.
class CircularStore {
public:
    explicit CircularStore(kep::db::Database& db) : db_(db) {}

    std::int64_t cursor() const;
    // The page's circulars and the new cursor, in one transaction. A change that is not a
    // circular is passed over (a newer server's entity this build does not know).
    void applyPage(std::span<const kep::sync::Change> changes, std::int64_t cursor);

    // The circulars `userId` has not marked read at this desk, oldest first.
    std::vector<DeskCircular> unreadBy(const QString& userId) const;
    int unreadCount(const QString& userId) const;
    // Marks it read (a repeat keeps the first time) and queues the receipt.
    void markRead(const QString& circularId, const QString& userId, const QDateTime& at);

    std::vector<ReadReceipt> unsentReceipts(int limit = 100) const;
    void receiptSent(const ReadReceipt& receipt);

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::circulars
