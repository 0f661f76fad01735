// Shared by the catalogue tests: QString views of std::string, the sample catalogue of
// resources/catalogue, and small MITOS documents built in the test for one field at a time.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>

#include <string>
#include <vector>

#include "shared/catalogue/MitosParser.h"
#include "shared/catalogue/ProcedureMerge.h"

namespace kep::catalogue::testdata {

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

inline std::string readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s", qPrintable(path));
        return {};
    }
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

inline QString sampleDir() {
    return QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue");
}

// Every el/*.json or en/*.json of the sample, parsed; rejections are collected in `rejected`.
inline std::vector<Procedure> parseSampleLanguage(Language language,
                                                  std::vector<Rejection>* rejected = nullptr) {
    const QDir dir(sampleDir() + "/" + (language == Language::El ? "el" : "en"));
    std::vector<Procedure> procedures;
    for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        MitosParseResult result = parseMitos(readFile(dir.filePath(name)), language);
        for (Procedure& p : result.procedures) {
            procedures.push_back(std::move(p));
        }
        if (rejected != nullptr) {
            rejected->insert(rejected->end(), result.rejections.begin(), result.rejections.end());
        }
    }
    return procedures;
}

inline std::vector<Procedure> sampleCatalogue() {
    return mergeCatalogue(parseSampleLanguage(Language::El), parseSampleLanguage(Language::En));
}

// A services-extended document: `process` and `extra` are JSON members (without braces) added
// to metadata.process and to metadata.
inline std::string document(const std::string& id, const std::string& titleEl,
                            const std::string& process = {}, const std::string& extra = {},
                            const std::string& titleEn = "Title") {
    std::string doc = R"({"success":true,"data":{"id":)" + id + R"(,"title":{"el":")" + titleEl +
                      R"(","en":")" + titleEn + R"("},"metadata":{"process":{)" + process + "}";
    if (!extra.empty()) {
        doc += "," + extra;
    }
    return doc + "}}}";
}

}  // namespace kep::catalogue::testdata
