#include "cases/FilingDraft.h"

#include "cases/CitizenJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::cases {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string s(const QJsonValue& v) {
    return v.toString().toStdString();
}
QByteArray bytes(std::string_view text) {
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

std::string filingDraftToJson(const FilingDraft& draft) {
    QJsonArray evidence;
    for (const auto& [id, state] : draft.evidence) {
        evidence.append(
            QJsonObject{{"id", q(id)}, {"state", q(std::string(kep::cases::toString(state)))}});
    }
    QJsonArray attachments;
    for (const auto& a : draft.attachments) {
        attachments.append(QJsonObject{{"sha256", q(a.sha256)},
                                       {"media_type", q(a.mediaType)},
                                       {"size", static_cast<double>(a.size)},
                                       {"evidence_id", q(a.evidenceId)}});
    }
    const QJsonObject o{
        {"procedure_id", q(draft.procedureId)},
        {"catalogue_version", static_cast<double>(draft.catalogueVersion)},
        {"citizen", QJsonDocument::fromJson(bytes(citizenToJson(draft.citizen))).object()},
        {"evidence", evidence},
        {"notes", q(draft.notes)},
        {"attachments", attachments},
        {"channel", q(std::string(toString(draft.channel)))},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

std::optional<FilingDraft> filingDraftFromJson(std::string_view json) {
    const QJsonDocument doc = QJsonDocument::fromJson(bytes(json));
    if (!doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    FilingDraft draft;
    draft.procedureId = s(o["procedure_id"]);
    if (draft.procedureId.empty()) {
        return std::nullopt;
    }
    draft.catalogueVersion = o["catalogue_version"].toInteger();
    draft.citizen = citizenFromJson(
        QJsonDocument(o["citizen"].toObject()).toJson(QJsonDocument::Compact).toStdString());
    for (const QJsonValue& v : o["evidence"].toArray()) {
        const QJsonObject mark = v.toObject();
        // A mark this desk does not know counts as missing: the clerk sees it and marks again.
        draft.evidence.emplace_back(s(mark["id"]),
                                    kep::cases::evidenceStateFromString(s(mark["state"]))
                                        .value_or(kep::cases::EvidenceState::Missing));
    }
    draft.notes = s(o["notes"]);
    draft.channel = channelOrCounter(s(o["channel"]));
    for (const QJsonValue& v : o["attachments"].toArray()) {
        const QJsonObject a = v.toObject();
        draft.attachments.push_back(
            {s(a["sha256"]), s(a["media_type"]), a["size"].toInteger(), s(a["evidence_id"])});
    }
    return draft;
}

}  // namespace kep::desk::cases
