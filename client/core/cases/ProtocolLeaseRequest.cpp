#include "cases/ProtocolLeaseRequest.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace kep::desk::cases {

QByteArray leaseRequestBody(int year, int count) {
    return QJsonDocument(QJsonObject{{"year", year}, {"count", count}})
        .toJson(QJsonDocument::Compact);
}

std::optional<kep::cases::ProtocolNumberBlock> parseLeaseReply(const kep::desk::ApiReply& reply,
                                                               QString* error) {
    auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    if (reply.status == 0) {
        return fail(QStringLiteral("no answer: %1").arg(reply.networkError));
    }
    if (reply.status != 201) {
        return fail(QStringLiteral("the server refused the lease (HTTP %1)").arg(reply.status));
    }
    const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
    // Whole numbers only: toInteger() gives the fallback for fractions and non-numbers, and
    // every valid field is positive.
    const auto whole = [&o](const char* key) -> std::optional<qint64> {
        const qint64 value = o.value(QLatin1String(key)).toInteger(-1);
        return value > 0 ? std::optional<qint64>(value) : std::nullopt;
    };
    const auto year = whole("year");
    const auto first = whole("first");
    const auto last = whole("last");
    const QString office = o.value(QStringLiteral("office")).toString();
    constexpr qint64 kMax = std::numeric_limits<std::uint32_t>::max();
    if (office.isEmpty() || !year || !first || !last || *first < 1 || *last < *first ||
        *last > kMax) {
        return fail(QStringLiteral("the lease answer does not match the contract"));
    }
    return kep::cases::ProtocolNumberBlock{office.toStdString(), static_cast<int>(*year),
                                           static_cast<std::uint32_t>(*first),
                                           static_cast<std::uint32_t>(*last)};
}

}  // namespace kep::desk::cases
