// A desk's attachment uploader as a process of its own, for tst_attachment_uploader to kill -9
// mid-upload: prints "chunk <index>" after each chunk the server acknowledged, then "done".
// Usage: attachment_upload_child <desk.db> <url> <ca.pem> <cert.pem> <key.pem> <pause-ms>
#include "net/HttpsClient.h"
#include "storage/DeskDatabase.h"
#include "sync/AttachmentUploader.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const auto args = app.arguments();
    if (args.size() != 7) {
        std::fprintf(stderr, "usage: %s desk.db url ca cert key pause-ms\n", argv[0]);
        return 2;
    }
    auto db = kep::desk::storage::openDeskDatabase(args[1]);
    kep::net::TlsOptions tls;
    tls.caFile = args[3].toStdString();
    tls.clientCertFile = args[4].toStdString();
    tls.clientKeyFile = args[5].toStdString();
    kep::net::HttpsClient client(kep::net::Endpoint::fromUrl(args[2].toStdString()), tls);
    kep::desk::sync::AttachmentUploader uploader(db, client);
    const auto pause = args[6].toInt();
    uploader.setChunkObserver([pause](const std::string&, std::int64_t index) {
        std::printf("chunk %lld\n", static_cast<long long>(index));
        std::fflush(stdout);
        QThread::msleep(static_cast<unsigned long>(pause));
    });
    const auto report = uploader.uploadPending();
    std::printf("done %d %d\n", report.completed, report.chunksSent);
    return report.failed == 0 ? 0 : 1;
}
