#include "sync/StuckOpsReport.h"

#include "sync/SyncSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::sync {

namespace {

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString iso(kep::sync::Instant at) {
    return toDateTime(at).toString(Qt::ISODateWithMs);
}

QString stateCode(kep::sync::OpState state) {
    switch (state) {
        case kep::sync::OpState::Pending:
            return QStringLiteral("pending");
        case kep::sync::OpState::Applied:
            return QStringLiteral("applied");
        case kep::sync::OpState::Rejected:
            return QStringLiteral("rejected");
        case kep::sync::OpState::Conflict:
            return QStringLiteral("conflict");
    }
    return QStringLiteral("pending");
}

}  // namespace

QByteArray stuckOpsReport(const std::string& deviceId,
                          const std::vector<kep::sync::OutboxEntry>& entries,
                          kep::sync::Instant exportedAt) {
    QJsonArray ops;
    for (const auto& entry : entries) {
        const auto& op = entry.op;
        QJsonObject o{
            {"op_id", text(op.opId.toString())},
            {"device_seq", static_cast<qint64>(op.deviceSeq)},
            {"kind", text(kep::sync::toString(op.kind))},
            {"entity_type", text(op.entity.type)},
            {"entity_id", text(op.entity.id)},
            {"state", stateCode(entry.state)},
            // The server's reason: a code and an English explanation, no field values.
            {"reason", text(entry.reason)},
            {"queued_at", iso(entry.queuedAt)},
            {"hlc", text(op.hlc.toString())},
            {"base_version", static_cast<qint64>(op.baseVersion)},
        };
        if (entry.serverVersion) {
            o.insert("server_version", static_cast<qint64>(*entry.serverVersion));
        }
        ops.append(o);
    }
    const QJsonObject root{
        {"device", text(deviceId)},
        {"exported_at", iso(exportedAt)},
        {"ops", ops},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace kep::desk::sync
