#include "training/TrainingDataSet.h"

#include "shared/cases/ProtocolNumber.h"
#include "shared/domain/TaxId.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::training {

namespace {

constexpr int kFormat = 1;

QString text(const QJsonObject& object, const char* key) {
    return object.value(QLatin1String(key)).toString().trimmed();
}

// The procedures as the server's changes feed sends them (catalogue/PublishedRecord.h), with
// the MITOS documents spliced in as they are, so that the desk stores them exactly as it would
// store a pull.
QByteArray changesFeed(const QStringList& ids, const TrainingDataSet::MitosSource& mitos,
                       QString* error) {
    QByteArray feed = "{\"changes\":[";
    qint64 seq = 0;
    for (const QString& id : ids) {
        const QByteArray greek = mitos(id, QStringLiteral("el"));
        if (greek.isEmpty()) {
            *error = QStringLiteral("procedure %1 has no Greek document").arg(id);
            return {};
        }
        const QByteArray english = mitos(id, QStringLiteral("en"));
        ++seq;
        const QByteArray head = QJsonDocument(QJsonObject{{"seq", seq}, {"id", id}, {"version", 1}})
                                    .toJson(QJsonDocument::Compact);
        const QByteArray record =
            QJsonDocument(QJsonObject{{"id", id},
                                      {"version", 1},
                                      {"changeSeq", seq},
                                      {"contentHash", QString()},
                                      {"publishedAt", QString()},
                                      {"kep", QJsonObject{{"requiresApproval", true},
                                                          {"offeredAtKep", true}}}})
                .toJson(QJsonDocument::Compact);
        if (seq > 1) {
            feed += ',';
        }
        feed += head.chopped(1) + ",\"record\":" + record.chopped(1) +
                ",\"mitos\":{\"el\":" + greek +
                (english.isEmpty() ? QByteArray() : ",\"en\":" + english) + "}}}";
    }
    feed += "],\"next\":" + QByteArray::number(seq) + ",\"hasMore\":false}";
    return feed;
}

std::optional<QString> accountProblem(const TrainingAccount& account) {
    if (account.userId.isEmpty() || account.username.isEmpty()) {
        return QStringLiteral("an account has no id or username");
    }
    if (account.role != QLatin1String("clerk") && account.role != QLatin1String("manager")) {
        return QStringLiteral("account %1: the role must be clerk or manager")
            .arg(account.username);
    }
    if (account.password.isEmpty()) {
        return QStringLiteral("account %1 has no password").arg(account.username);
    }
    return std::nullopt;
}

}  // namespace

std::optional<TrainingDataSet> TrainingDataSet::shipped(QString* error) {
    QFile file(QStringLiteral(":/training/training.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the training data set is missing from this build");
        return std::nullopt;
    }
    const auto mitos = [](const QString& id, const QString& language) {
        QFile document(QStringLiteral(":/training/catalogue/%1/%2.json").arg(language, id));
        return document.open(QIODevice::ReadOnly) ? document.readAll() : QByteArray();
    };
    return fromJson(file.readAll(), mitos, error);
}

std::optional<TrainingDataSet> TrainingDataSet::fromJson(const QByteArray& json,
                                                         const MitosSource& mitos, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("training data set: not a JSON object (%1)")
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    TrainingDataSet data;
    data.format = root.value(QLatin1String("format")).toInt();
    if (data.format != kFormat) {
        *error =
            QStringLiteral("training data set: format %1 is not %2").arg(data.format).arg(kFormat);
        return std::nullopt;
    }
    const QJsonObject office = root.value(QLatin1String("office")).toObject();
    data.officeCode = text(office, "code");
    data.officeNameEl = text(office, "nameEl");
    data.officeNameEn = text(office, "nameEn");
    if (!kep::cases::ProtocolNumber::isValidOfficeCode(data.officeCode.toStdString())) {
        *error = QStringLiteral("training data set: the office code is not a valid one");
        return std::nullopt;
    }
    const QJsonObject numbers = root.value(QLatin1String("protocolNumbers")).toObject();
    const qint64 first = numbers.value(QLatin1String("first")).toInteger();
    const qint64 last = numbers.value(QLatin1String("last")).toInteger();
    if (first < 1 || last < first || last > qint64(kep::cases::ProtocolNumber::kMaxSequence)) {
        *error = QStringLiteral("training data set: the protocol-number range is not valid");
        return std::nullopt;
    }
    data.firstNumber = std::uint32_t(first);
    data.lastNumber = std::uint32_t(last);
    for (const QJsonValue& value : root.value(QLatin1String("accounts")).toArray()) {
        const QJsonObject a = value.toObject();
        TrainingAccount account{
            text(a, "id"),   text(a, "username"),      text(a, "password"),
            text(a, "role"), text(a, "displayNameEl"), text(a, "displayNameEn")};
        if (const auto problem = accountProblem(account)) {
            *error = QStringLiteral("training data set: ") + *problem;
            return std::nullopt;
        }
        data.accounts << account;
    }
    if (data.accounts.isEmpty()) {
        *error = QStringLiteral("training data set: no training accounts");
        return std::nullopt;
    }
    for (const QJsonValue& value : root.value(QLatin1String("citizens")).toArray()) {
        const QJsonObject c = value.toObject();
        PracticeCitizen citizen{text(c, "afm"), text(c, "surnameEl"), text(c, "givenNameEl"),
                                text(c, "surnameLatin"), text(c, "givenNameLatin")};
        if (!kep::domain::validateAfm(citizen.afm.toStdString()).ok()) {
            *error = QStringLiteral("training data set: citizen %1 has an invalid ΑΦΜ")
                         .arg(data.citizens.size() + 1);
            return std::nullopt;
        }
        data.citizens << citizen;
    }
    QStringList ids;
    for (const QJsonValue& value : root.value(QLatin1String("procedures")).toArray()) {
        ids << value.toString();
    }
    const QByteArray feed = changesFeed(ids, mitos, error);
    if (feed.isEmpty()) {
        *error = QStringLiteral("training data set: ") + *error;
        return std::nullopt;
    }
    try {
        data.catalogue = kep::desk::catalogue::readChangesPage(
            std::string_view(feed.constData(), std::size_t(feed.size())));
    } catch (const std::exception& e) {
        *error = QStringLiteral("training data set: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    return data;
}

const TrainingAccount* TrainingDataSet::account(const QString& username) const {
    for (const TrainingAccount& account : accounts) {
        if (account.username.compare(username, Qt::CaseInsensitive) == 0) {
            return &account;
        }
    }
    return nullptr;
}

}  // namespace kep::desk::training
