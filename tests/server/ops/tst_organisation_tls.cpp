// `serve --tls-cert/--tls-key`: the server presents a certificate of the organisation's CA
// (here a throw-away one) instead of DIR/server.pem, desks trusting that CA connect, and a
// client trusting only the development CA (DIR/ca.pem) is turned away at the handshake.
#include "ServerProcess.h"
#include "TestPki.h"
#include "net/HttpsClient.h"

#include <QFileInfo>
#include <QTest>

using kep::test::ServerProcess;

class tst_OrganisationTls : public QObject {
    Q_OBJECT

    kep::test::TestPki organisation_;
    ServerProcess server_;

    kep::net::HttpsClient clientTrusting(const QString& caFile) const {
        kep::net::TlsOptions tls;
        tls.caFile = caFile.toStdString();
        return kep::net::HttpsClient({"127.0.0.1", std::to_string(server_.port())}, tls,
                                     std::chrono::seconds(5));
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(organisation_.isValid(), qPrintable(organisation_.errorString()));
        QVERIFY2(server_.start(false, {"--tls-cert", organisation_.server().certFile, "--tls-key",
                                       organisation_.server().keyFile}),
                 qPrintable(server_.errorString()));
    }

    void clientsOfTheOrganisationsCaConnect() {
        auto client = clientTrusting(organisation_.caCertFile());
        QCOMPARE(client.get("/healthz").status, 200);
    }

    void theDevelopmentCaNoLongerVouchesForTheServer() {
        auto client = clientTrusting(server_.caFile());
        QVERIFY_THROWS_EXCEPTION(kep::net::NetworkError, client.get("/healthz"));
    }

    void aMissingKeyFileStopsTheStart() {
        ServerProcess other;
        QVERIFY(other.init());
        QVERIFY(!other.serve({"--tls-cert", organisation_.server().certFile, "--tls-key",
                              organisation_.directory() + "/missing.key"},
                             5000));
        QVERIFY2(other.log().contains("missing.key"), other.log().constData());
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_OrganisationTls)
#include "tst_organisation_tls.moc"
