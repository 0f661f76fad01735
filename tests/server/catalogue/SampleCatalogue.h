// The sample catalogue of resources/catalogue for the catalogue tests, and edited copies of its
// records (a fee changed in Greek and English) written where a test imports them from, and the
// fee a published record holds.
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace kep::test {

inline QString sampleCatalogueDir() {
    return QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue");
}

// Copies el/<id>.json and en/<id>.json of the sample into root/el and root/en with the first
// fee's evidence_cost_min set to `fee`; returns false if the record has no fee or a write failed.
inline bool writeFeeChange(const QString& root, const QString& id, double fee) {
    for (const auto* language : {"el", "en"}) {
        QFile in(sampleCatalogueDir() + "/" + language + "/" + id + ".json");
        if (!in.open(QIODevice::ReadOnly)) {
            return false;
        }
        auto document = QJsonDocument::fromJson(in.readAll()).object();
        auto data = document["data"].toObject();
        auto metadata = data["metadata"].toObject();
        auto fees = metadata["process_evidences_cost"].toArray();
        if (fees.isEmpty()) {
            return false;
        }
        auto first = fees[0].toObject();
        first["evidence_cost_min"] = fee;
        fees[0] = first;
        metadata["process_evidences_cost"] = fees;
        data["metadata"] = metadata;
        document["data"] = data;
        const QString folder = root + "/" + language;
        QDir().mkpath(folder);
        QFile out(folder + "/" + id + ".json");
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(document).toJson()) < 0) {
            return false;
        }
    }
    return true;
}

// The first fee's evidence_cost_min in the Greek document of a published record (as
// GET /api/v1/catalogue/procedures/{id} answers it).
inline double firstFeeOf(const QJsonObject& record) {
    return record["mitos"]
        .toObject()["el"]
        .toObject()["metadata"]
        .toObject()["process_evidences_cost"]
        .toArray()[0]
        .toObject()["evidence_cost_min"]
        .toDouble();
}

}  // namespace kep::test
