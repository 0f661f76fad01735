#include "sync/AttachmentUploader.h"

#include "net/HttpsClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::sync {

namespace {

// What the server answered about one upload (docs/api.md, attachments).
struct ServerUpload {
    bool complete = false;
    std::int64_t chunkSize = 0;
    std::vector<std::int64_t> missing;
};

std::optional<ServerUpload> parseStatus(const std::string& body) {
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    if (!document.isObject()) {
        return std::nullopt;
    }
    const auto object = document.object();
    ServerUpload upload;
    upload.complete = object.value("complete").toBool();
    upload.chunkSize = object.value("chunkSize").toInteger();
    for (const auto& index : object.value("missing").toArray()) {
        upload.missing.push_back(index.toInteger(-1));
    }
    if (upload.chunkSize <= 0) {
        return std::nullopt;
    }
    return upload;
}

QString errorCodeOf(const kep::net::Response& response) {
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(response.body));
    const auto code = document.object().value("error").toObject().value("code").toString();
    return QStringLiteral("HTTP %1 %2").arg(response.status).arg(code);
}

QString shortHash(const std::string& sha256) {
    return QString::fromStdString(sha256.substr(0, 12));
}

std::string attachmentPath(const std::string& sha256) {
    return "/api/v1/attachments/" + sha256;
}

}  // namespace

AttachmentUploader::AttachmentUploader(kep::db::Database& db, kep::net::HttpsClient& client)
    : db_(db)
    , client_(client) {}

std::vector<PendingAttachment> AttachmentUploader::pending() {
    // One row per content: a file attached to several cases is uploaded once.
    auto query = db_.prepare(
        "SELECT a.sha256, a.media_type, a.size, a.path FROM attachment a "
        "WHERE NOT EXISTS (SELECT 1 FROM attachment_upload u WHERE u.sha256 = a.sha256) "
        "GROUP BY a.sha256 ORDER BY min(a.rowid)");
    std::vector<PendingAttachment> result;
    while (query.step()) {
        result.push_back(
            {query.text(0), query.text(1), query.int64(2), QString::fromStdString(query.text(3))});
    }
    return result;
}

void AttachmentUploader::markUploaded(const std::string& sha256) {
    db_.prepare("INSERT OR IGNORE INTO attachment_upload (sha256, uploaded_at) VALUES (?, ?)")
        .bind(1, sha256)
        .bind(2, static_cast<std::int64_t>(QDateTime::currentMSecsSinceEpoch()))
        .run();
}

AttachmentUploadReport AttachmentUploader::uploadPending(const std::function<bool()>& shouldStop) {
    AttachmentUploadReport report;
    for (const auto& attachment : pending()) {
        try {
            const auto outcome = upload(attachment, report, shouldStop);
            if (outcome == Outcome::Stopped) {
                report.stopped = true;
                break;
            }
        } catch (const kep::net::NetworkError& error) {
            // Offline or cut: what the server stored stays stored; the next round resumes.
            ++report.failed;
            report.lastError =
                shortHash(attachment.sha256) + ": " + QString::fromUtf8(error.what());
            break;
        }
    }
    return report;
}

AttachmentUploader::Outcome AttachmentUploader::upload(const PendingAttachment& attachment,
                                                       AttachmentUploadReport& report,
                                                       const std::function<bool()>& shouldStop) {
    auto fail = [&](const QString& why) {
        ++report.failed;
        report.lastError = shortHash(attachment.sha256) + ": " + why;
        return Outcome::Failed;
    };
    QFile file(attachment.path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("the local copy cannot be read"));
    }
    const QByteArray content = file.readAll();
    // A damaged local copy would only be refused by the server after the whole upload.
    const auto hash = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    if (content.size() != attachment.size || hash.toStdString() != attachment.sha256) {
        return fail(QStringLiteral("the local copy does not match its hash"));
    }

    const auto opened = client_.request("PUT",
                                        attachmentPath(attachment.sha256) +
                                            "?size=" + std::to_string(attachment.size) +
                                            "&type=" + attachment.mediaType,
                                        {}, "application/octet-stream");
    auto status = opened.status == 200 ? parseStatus(opened.body) : std::nullopt;
    if (!status) {
        return fail(errorCodeOf(opened));
    }
    for (const auto index : status->missing) {
        if (status->complete) {
            break;
        }
        if (shouldStop && shouldStop()) {
            return Outcome::Stopped;
        }
        const auto offset = index * status->chunkSize;
        if (index < 0 || offset >= content.size()) {
            return fail(QStringLiteral("the server asked for a chunk the file does not have"));
        }
        const auto chunk = content.mid(offset, status->chunkSize);
        const auto answer = client_.request(
            "PUT", attachmentPath(attachment.sha256) + "/chunks/" + std::to_string(index),
            chunk.toStdString(), "application/octet-stream");
        const auto next = answer.status == 200 ? parseStatus(answer.body) : std::nullopt;
        if (!next) {
            return fail(errorCodeOf(answer));
        }
        ++report.chunksSent;
        if (chunkObserver_) {
            chunkObserver_(attachment.sha256, index);
        }
        status->complete = next->complete;
    }
    if (!status->complete) {
        return fail(QStringLiteral("the server did not complete the upload"));
    }
    markUploaded(attachment.sha256);
    ++report.completed;
    return Outcome::Completed;
}

}  // namespace kep::desk::sync
