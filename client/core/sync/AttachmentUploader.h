// Sends the attachments of the desk's cases to the server (issue 6, must-have 5): asks what the
// server already has, sends only the missing chunks, and marks each file uploaded in desk.db once
// the server has verified it — so a desk killed mid-upload never sends a stored chunk again.
#pragma once

#include "db/Database.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kep::net {
class HttpsClient;
}

namespace kep::desk::sync {

// An attachment desk.db still owes the server (its content is not marked uploaded).
struct PendingAttachment {
    std::string sha256;
    std::string mediaType;
    std::int64_t size = 0;
    QString path;  // the content-addressed copy in the desk's data folder
};

struct AttachmentUploadReport {
    int completed = 0;   // attachments the server now holds, marked uploaded in desk.db
    int chunksSent = 0;  // chunk requests the server acknowledged in this round
    int failed = 0;      // left pending for a later round
    bool stopped = false;
    // The last fault: the content's short hash and the server's code or the network's reason,
    // never a file name or a byte of content.
    QString lastError;
};

// Runs on the thread that owns `db` and `client` (DeskSync's sync thread); both must outlive it.
class AttachmentUploader {
public:
    AttachmentUploader(kep::db::Database& db, kep::net::HttpsClient& client);

    // Every attachment of desk.db's cases whose content is not marked uploaded, oldest case first.
    std::vector<PendingAttachment> pending();
    // Uploads them one by one. `shouldStop`, asked before each chunk, ends the round early and
    // leaves the upload resumable. A network fault ends the round too (the next one resumes).
    AttachmentUploadReport uploadPending(const std::function<bool()>& shouldStop = {});

    // Called after each chunk the server acknowledged (progress, tests).
    void setChunkObserver(std::function<void(const std::string& sha256, std::int64_t index)> f) {
        chunkObserver_ = std::move(f);
    }

private:
    enum class Outcome { Completed, Failed, Stopped };
    Outcome upload(const PendingAttachment& attachment, AttachmentUploadReport& report,
                   const std::function<bool()>& shouldStop);
    void markUploaded(const std::string& sha256);

    kep::db::Database& db_;
    kep::net::HttpsClient& client_;
    std::function<void(const std::string&, std::int64_t)> chunkObserver_;
};

}  // namespace kep::desk::sync
