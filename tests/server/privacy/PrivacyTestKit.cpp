#include "PrivacyTestKit.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::test {

namespace {

std::string compact(const QJsonValue& value) {
    const auto document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return document.toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

std::string SyntheticCitizen::citizenJson() const {
    return compact(QJsonObject{{"kind", "person"},
                               {"afm", QString::fromStdString(afm)},
                               {"amka", QString::fromStdString(amka)},
                               {"given_name_el", "Ζωή"},
                               {"surname_el", QString::fromStdString(surnameEl)},
                               {"given_name_latin", "Zoi"},
                               {"surname_latin", QString::fromStdString(surnameLatin)}});
}

QList<QByteArray> SyntheticCitizen::needles() const {
    return {QByteArray::fromStdString(afm), QByteArray::fromStdString(amka),
            QByteArray::fromStdString(surnameEl), QByteArray::fromStdString(surnameLatin)};
}

bool PrivacyTestKit::push(std::vector<kep::sync::OutboxOp> ops) {
    const auto answer = desk_.transport->push(desk_.batch(std::move(ops)));
    if (const auto* error = std::get_if<kep::sync::TransportError>(&answer)) {
        error_ = QString::fromStdString(error->message);
        return false;
    }
    for (const auto& result : std::get<kep::sync::PushResponse>(answer).results) {
        if (result.outcome != kep::sync::OpOutcome::Applied) {
            error_ = "op not applied: " + QString::fromStdString(result.reason);
            return false;
        }
    }
    return true;
}

std::string PrivacyTestKit::uploadDocument(const SyntheticCitizen& citizen) {
    // A PDF by its magic bytes, naming the citizen as a scanned form would.
    const QByteArray bytes = "%PDF-1.4\n% ΑΦΜ " + QByteArray::fromStdString(citizen.afm) +
                             " ΑΜΚΑ " + QByteArray::fromStdString(citizen.amka) + " " +
                             QByteArray::fromStdString(citizen.surnameEl) + " " +
                             QByteArray::fromStdString(citizen.surnameLatin) + "\n%%EOF\n";
    const auto sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    const auto base = "/api/v1/attachments/" + sha.toStdString();
    auto opened = desk_.client->request(
        "PUT", base + "?size=" + std::to_string(bytes.size()) + "&type=application/pdf", {}, {});
    if (opened.status != 200) {
        error_ = "open upload: " + QString::number(opened.status);
        return {};
    }
    auto chunk = desk_.client->request("PUT", base + "/chunks/0", bytes.toStdString(),
                                       "application/octet-stream");
    if (chunk.status != 200 || chunk.body.find("\"complete\":true") == std::string::npos) {
        error_ = "chunk: " + QString::number(chunk.status) + QString::fromStdString(chunk.body);
        return {};
    }
    return sha.toStdString();
}

FiledCase PrivacyTestKit::file(const SyntheticCitizen& citizen, const std::string& procedure,
                               bool withDocument) {
    FiledCase filed;
    if (withDocument) {
        filed.documentSha256 = uploadDocument(citizen);
        if (filed.documentSha256.empty()) {
            return {};
        }
    }
    auto batch = fileMany(citizen, procedure, 1, 1);
    if (batch.empty()) {
        return {};
    }
    filed.id = batch.front().id;
    filed.version = batch.front().version;
    if (withDocument) {
        const auto list =
            QJsonArray{QJsonObject{{"sha256", QString::fromStdString(filed.documentSha256)},
                                   {"media_type", "application/pdf"},
                                   {"evidence_id", "identity"}}};
        auto op = desk_.ops->setFields({"case", filed.id}, desk_.bucket(), clerk_, filed.version,
                                       {{"attachments", compact(list)}});
        op.deviceSeq = desk_.nextSeq++;
        if (!push({std::move(op)})) {
            return {};
        }
        ++filed.version;
    }
    return filed;
}

std::vector<FiledCase> PrivacyTestKit::fileMany(const SyntheticCitizen& citizen,
                                                const std::string& procedure, int count,
                                                int perPush) {
    std::vector<FiledCase> filed;
    std::vector<kep::sync::OutboxOp> ops;
    for (int i = 0; i < count; ++i) {
        const auto id = desk_.ids->next().toString();
        const auto contact = compact(
            QJsonObject{{"email", QString::fromStdString(citizen.surnameLatin) + "@example.org"},
                        {"phone", "6900000001"}});
        auto op = desk_.ops->create(
            {"case", id}, desk_.bucket(), clerk_,
            {{"protocol_number", "0101/2026/" + std::to_string(++protocolSerial_)},
             {"procedure_id", procedure},
             {"status", "submitted"},
             {"requires_approval", "false"},
             {"citizen", citizen.citizenJson()},
             {"contact", contact}});
        op.deviceSeq = desk_.nextSeq++;
        ops.push_back(std::move(op));
        filed.push_back({id, 1, {}});
        if (static_cast<int>(ops.size()) == perPush && !push(std::exchange(ops, {}))) {
            return {};
        }
    }
    if (!ops.empty() && !push(std::move(ops))) {
        return {};
    }
    return filed;
}

bool PrivacyTestKit::withdraw(FiledCase& filed, const SyntheticCitizen& citizen) {
    auto op = desk_.ops->transition({"case", filed.id}, desk_.bucket(), clerk_, filed.version,
                                    kep::cases::CaseStatus::Withdrawn,
                                    "withdrawn at the counter by " + citizen.surnameEl);
    op.deviceSeq = desk_.nextSeq++;
    if (!push({std::move(op)})) {
        return false;
    }
    ++filed.version;
    return true;
}

bool PrivacyTestKit::withdrawAll(std::vector<FiledCase>& filed, int perPush) {
    std::vector<kep::sync::OutboxOp> ops;
    for (auto& one : filed) {
        auto op = desk_.ops->transition({"case", one.id}, desk_.bucket(), clerk_, one.version,
                                        kep::cases::CaseStatus::Withdrawn, "withdrawn");
        op.deviceSeq = desk_.nextSeq++;
        ops.push_back(std::move(op));
        ++one.version;
        if (static_cast<int>(ops.size()) == perPush && !push(std::exchange(ops, {}))) {
            return false;
        }
    }
    return ops.empty() || push(std::move(ops));
}

QStringList filesHolding(const QString& folder, const QList<QByteArray>& needles) {
    QStringList found;
    const QDir root(folder);
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const auto path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const auto bytes = file.readAll();
        for (const auto& needle : needles) {
            if (bytes.contains(needle)) {
                found << root.relativeFilePath(path) + ": " + QString::fromUtf8(needle);
            }
        }
    }
    return found;
}

}  // namespace kep::test
