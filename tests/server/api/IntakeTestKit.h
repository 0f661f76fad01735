// What the online-application tests share: channel keys made by `kep-server channel-key`, the
// headers gov.gr and EU-GO send, application bodies of synthetic citizens, and a filing.
#pragma once

#include "IdentityTestKit.h"
#include "shared/domain/TaxId.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>
#include <string>

namespace kep::test {

// `kep-server channel-key --channel govgr|eugo` (or `api-key add` for another kind): the key,
// which it prints alone on its first line; nullopt when the command failed.
inline std::optional<std::string> issueKey(IdentityTestKit& kit, const QStringList& arguments) {
    if (kit.command(arguments) != 0) {
        return std::nullopt;
    }
    const QByteArray output = kit.server().lastOutput();
    return output.left(output.indexOf('\n')).trimmed().toStdString();
}

inline std::optional<std::string> channelKey(IdentityTestKit& kit, const QString& channel) {
    return issueKey(kit, {"channel-key", "--channel", channel});
}

// The channels send their key as a bearer token (issue 7) and name each application.
inline Headers channelHeaders(const std::string& key, const std::string& idempotencyKey) {
    return {{"Authorization", "Bearer " + key}, {"Idempotency-Key", idempotencyKey}};
}

// A Greek applicant (synthetic ΑΦΜ from `seed`) for `procedure` at office 0101.
inline QJsonObject greekApplication(const QString& procedure, std::uint64_t seed) {
    return {{"procedure_id", procedure},
            {"office", "0101"},
            {"citizen",
             QJsonObject{{"afm", QString::fromStdString(kep::domain::SyntheticTaxIds(seed).afm())},
                         {"surname", "Καραγιάννη"},
                         {"given_name", "Σοφία"}}},
            {"contact", QJsonObject{{"email", "sofia@example.org"}, {"phone", "6987654321"}}}};
}

inline std::string compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

// POST /api/v1/intake.
inline kep::net::Response fileApplication(kep::net::HttpsClient& client, const std::string& key,
                                          const std::string& idempotencyKey,
                                          const QJsonObject& body) {
    return client.request("POST", "/api/v1/intake", compact(body), "application/json",
                          channelHeaders(key, idempotencyKey));
}

}  // namespace kep::test
