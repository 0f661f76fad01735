#include "authority/AuthorityCases.h"

#include "cases/AttachmentImport.h"
#include "cases/CitizenJson.h"
#include "shared/cases/CaseLifecycle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::authority {

namespace {

// A text field, or a number written as text (a time in ms): "" when absent.
QString textOf(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble()) {
        return QString::number(qint64(v.toDouble()));
    }
    return v.toString();
}

// The first of several names the field may go by: the API's, then the sync field's.
QString textOf(const QJsonObject& o, const char* key, const char* otherKey) {
    const QString text = textOf(o, key);
    return text.isEmpty() ? textOf(o, otherKey) : text;
}

std::optional<kep::cases::Citizen> citizenOf(const QJsonValue& v) {
    if (v.isObject()) {
        return kep::desk::cases::citizenFromJson(
            QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString());
    }
    if (v.isString() && !v.toString().isEmpty()) {
        return kep::desk::cases::citizenFromJson(v.toString().toStdString());
    }
    return std::nullopt;
}

std::optional<InboxCase> caseOf(const QJsonObject& o) {
    InboxCase c;
    c.id = textOf(o, "id");
    if (c.id.isEmpty()) {
        return std::nullopt;
    }
    c.protocolNumber = textOf(o, "protocol_number");
    c.procedureId = textOf(o, "procedure_id");
    c.office = textOf(o, "office");
    c.status = textOf(o, "status");
    c.statusReason = textOf(o, "status_reason");
    c.dueDate = textOf(o, "due_date");
    c.channel = textOf(o, "channel");
    if (c.channel.isEmpty()) {
        c.channel = QStringLiteral("counter");  // a case from before channels existed
    }
    c.forwardedAt = textOf(o, "forwarded_at");
    c.citizen = citizenOf(o.value(QLatin1String("citizen")));
    for (const QJsonValue& d : o.value(QLatin1String("documents")).toArray()) {
        const QJsonObject doc = d.toObject();
        CaseDocument document{textOf(doc, "sha256"), textOf(doc, "media_type"),
                              textOf(doc, "evidence_id")};
        if (!document.sha256.isEmpty()) {
            c.documents.append(document);
        }
    }
    for (const QJsonValue& h : o.value(QLatin1String("history")).toArray()) {
        const QJsonObject step = h.toObject();
        c.history.append({textOf(step, "at"), textOf(step, "from", "from_status"),
                          textOf(step, "to", "to_status"), textOf(step, "actor", "actor_id"),
                          textOf(step, "reason")});
    }
    return c;
}

}  // namespace

std::optional<QList<InboxCase>> readInbox(const QByteArray& body) {
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue list = document.object().value(QLatin1String("cases"));
    if (!list.isArray()) {
        return std::nullopt;
    }
    QList<InboxCase> cases;
    for (const QJsonValue& entry : list.toArray()) {
        if (auto c = caseOf(entry.toObject())) {
            cases.append(std::move(*c));
        }
    }
    return cases;
}

std::optional<InboxCase> readInboxCase(const QByteArray& body) {
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue shown = document.object().value(QLatin1String("case"));
    if (!shown.isObject()) {
        return std::nullopt;
    }
    return caseOf(shown.toObject());
}

bool decisionFits(const QString& status, Decision decision) {
    using kep::cases::CaseStatus;
    const auto from = kep::cases::caseStatusFromString(status.toStdString());
    if (!from) {
        return false;
    }
    CaseStatus to = CaseStatus::InProgress;
    switch (decision) {
        case Decision::Accept:
            to = CaseStatus::InProgress;
            break;
        case Decision::RequestDocuments:
            to = CaseStatus::AwaitingDocuments;
            break;
        case Decision::Reject:
            to = CaseStatus::Rejected;
            break;
        case Decision::Complete:
            to = CaseStatus::Completed;
            break;
    }
    const kep::cases::Case shown{*from, {}, false};
    return kep::cases::check(shown, to, {"authority", kep::cases::ActorRole::Authority},
                             decisionNeedsReason(decision) ? "reason" : "")
        .ok();
}

bool decisionNeedsReason(Decision decision) {
    return decision == Decision::RequestDocuments || decision == Decision::Reject;
}

QByteArray reasonBody(const QString& reason) {
    return QJsonDocument(QJsonObject{{QStringLiteral("reason"), reason}})
        .toJson(QJsonDocument::Compact);
}

ResultRefusal checkResultDocument(const QByteArray& bytes) {
    if (bytes.isEmpty()) {
        return ResultRefusal::Empty;
    }
    if (bytes.size() > kep::desk::cases::kMaxAttachmentBytes) {
        return ResultRefusal::TooLarge;
    }
    if (kep::desk::cases::sniffAttachmentType(bytes) != kep::desk::cases::AttachmentType::Pdf) {
        return ResultRefusal::NotPdf;
    }
    return ResultRefusal::None;
}

}  // namespace kep::desk::authority
