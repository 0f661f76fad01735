// Clerks' flags on catalogue entries as the desk keeps them (desk migration 0008): queued at
// once, online or not, and sent by the correspondence round until the server has them.
#pragma once

#include "db/Database.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace kep::desk::feedback {

// What is wrong with the entry (the server's kinds).
enum class FlagKind { OutdatedFee, MissingDocument, WrongAuthority, Other };

QString toString(FlagKind kind);  // "outdated_fee", "missing_document", …

struct ProcedureFlag {
    QString id;  // UUIDv7, made when queued: the server stores a flag sent twice once
    QString procedureId;
    FlagKind kind = FlagKind::Other;
    QString text;
    QString userId;
    QString flaggedAt;  // ISO 8601 UTC
};

// Uses the connection it is given on that connection's thread only.
class ProcedureFlags {
public:
    explicit ProcedureFlags(kep::db::Database& db) : db_(db) {}

    // Queues the flag; the text is trimmed. Returns it as queued. Throws std::invalid_argument
    // for kind Other without text (the server would refuse it).
    ProcedureFlag queue(const QString& procedureId, FlagKind kind, const QString& text,
                        const QString& userId, const QDateTime& at);
    std::vector<ProcedureFlag> unsent(int limit = 100) const;
    int unsentCount() const;
    void markSent(const QString& id, const QDateTime& at);

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::feedback
