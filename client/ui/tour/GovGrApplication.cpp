#include "tour/GovGrApplication.h"

#include "net/HttpsClient.h"
#include "shared/domain/TaxId.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <chrono>
#include <string>

namespace kep::desk::ui {

namespace {

// A synthetic applicant (valid ΑΦΜ check digit, invented name, a reserved example address).
QByteArray applicationJson(const OnlineApplication& application) {
    kep::domain::SyntheticTaxIds taxIds(application.citizenSeed);
    const QJsonObject citizen{{QStringLiteral("afm"), QString::fromStdString(taxIds.afm())},
                              {QStringLiteral("surname"), QStringLiteral("Κωνσταντίνου")},
                              {QStringLiteral("given_name"), QStringLiteral("Μαρία")}};
    const QJsonObject body{
        {QStringLiteral("procedure_id"), application.procedureId},
        {QStringLiteral("office"), application.office},
        {QStringLiteral("citizen"), citizen},
        {QStringLiteral("contact"),
         QJsonObject{{QStringLiteral("email"), QStringLiteral("maria.k@example.org")}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

OnlineApplicationAnswer post(const GovGrChannel& channel, const QByteArray& body,
                             const std::string& idempotencyKey) {
    OnlineApplicationAnswer answer;
    try {
        net::TlsOptions tls;
        tls.caFile = channel.caFile.toStdString();
        net::HttpsClient client(net::Endpoint::fromUrl(channel.serverUrl.toStdString()), tls);
        const auto response =
            client.request("POST", "/api/v1/intake", body.toStdString(), "application/json",
                           {{"Authorization", "Bearer " + channel.key.toStdString()},
                            {"Idempotency-Key", idempotencyKey}});
        answer.status = response.status;
        const QJsonObject reply =
            QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
        if (response.status == 201) {
            answer.caseId = reply.value(QLatin1String("case_id")).toString();
            answer.protocolNumber = reply.value(QLatin1String("protocol_number")).toString();
            answer.channel = reply.value(QLatin1String("channel")).toString();
        } else {
            const QJsonObject error = reply.value(QLatin1String("error")).toObject();
            answer.error = QStringLiteral("HTTP %1 %2: %3")
                               .arg(response.status)
                               .arg(error.value(QLatin1String("code")).toString(),
                                    error.value(QLatin1String("message")).toString());
        }
    } catch (const std::exception& e) {
        answer.error = QString::fromStdString(e.what());
    }
    return answer;
}

}  // namespace

GovGrApplication::~GovGrApplication() {
    if (pending_.valid()) {
        pending_.wait();
    }
}

void GovGrApplication::send(const GovGrChannel& channel, const OnlineApplication& application) {
    // gov.gr's own id of the application: a new one each run, so each run files a new case.
    const std::string idempotencyKey =
        "tour-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    pending_ =
        std::async(std::launch::async, post, channel, applicationJson(application), idempotencyKey);
}

bool GovGrApplication::answered() const {
    return pending_.valid() &&
           pending_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

OnlineApplicationAnswer GovGrApplication::answer() {
    return pending_.get();
}

}  // namespace kep::desk::ui
