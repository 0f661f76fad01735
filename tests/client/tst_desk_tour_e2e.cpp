// `kep-desk --tour` as ./scripts/demo runs it, against a real `kep-server init --demo`: the
// whole tour passes, and beside the counter's screenshots it writes those of issues 7 and 8 — the
// circular sent and read, gov.gr's application in the clerk's queue, the forwarding, the office
// and national dashboards, the authority's inbox and decision, the result at the counter. Played
// Greek first and English first (what is beyond the counter is played in the first language only),
// as scripts/screenshots plays it; then the script's naming step makes the README's gallery of
// the two tours in the build folder, and every main window has its PNG in both languages.
#include "ServerProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using kep::test::ServerProcess;

class tst_DeskTourE2e : public QObject {
    Q_OBJECT

private slots:
    void theDemoTourShowsEveryRole_data() {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("el first") << QStringLiteral("el") << QStringLiteral("en");
        QTest::newRow("en first") << QStringLiteral("en") << QStringLiteral("el");
    }
    void theDemoTourShowsEveryRole() {
        QFETCH(QString, first);
        QFETCH(QString, second);
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        const QString desk = QFileInfo(ServerProcess::binary()).dir().filePath("kep-desk");
        QVERIFY2(QFileInfo::exists(desk), "build kep-desk first");
        // Kept for the gallery's test below.
        auto kept = std::make_unique<QTemporaryDir>();
        const QTemporaryDir& out = *kept;
        tours_[first] = std::move(kept);
        QProcess tour;
        tour.setProcessChannelMode(QProcess::SeparateChannels);
        tour.start(desk, {"--tour", out.path(), "--lang", first, "--server", server.url(), "--ca",
                          server.caFile(), "--demo", server.demoJson()});
        QVERIFY(tour.waitForStarted());
        QVERIFY2(tour.waitForFinished(240000), "the tour did not end in 4 minutes");
        const QByteArray errors = tour.readAllStandardError();
        QVERIFY2(tour.exitStatus() == QProcess::NormalExit && tour.exitCode() == 0,
                 errors.constData());
        // Every part of the demo.json of this version was found: nothing was left out.
        QVERIFY2(!errors.contains("leaves out"), errors.constData());

        // The names kep-desk printed, in order, are the files it wrote.
        QStringList printed = QString::fromUtf8(tour.readAllStandardOutput()).split('\n');
        printed.removeAll(QString());
        QStringList written = QDir(out.path()).entryList({"*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(printed, written);
        QStringList shown;  // without the numbers: what the screens are
        for (const QString& name : written) {
            shown << name.mid(3).chopped(4);
            const QImage image(QDir(out.path()).filePath(name));
            QVERIFY2(!image.isNull() && image.width() >= 200 && image.height() >= 100,
                     qPrintable(name));
        }
        QStringList expected;
        const QStringList firstPass{
            "enrol",
            "sign-in",
            "circular-send",  // the central administrator writes to every office
            "main",
            "circular",  // the clerk reads it at sign-in
            "search",
            "procedure",
            "filing",
            "menu",
            "about",
            "online-application",  // gov.gr's, in the office's queue
            "users",
            "approval",
            "forwarded",
            "office-dashboard",
            "authority-inbox",
            "authority-completed",
            "national-dashboard",
            "result"};  // completed, with its result to print
        for (const QString& screen : firstPass) {
            expected << screen + u'-' + first;
        }
        for (const char* screen : {"sign-in", "main", "search", "procedure", "filing", "menu",
                                   "about", "users", "approval"}) {
            expected << QString::fromLatin1(screen) + u'-' + second;
        }
        QCOMPARE(shown, expected);
        for (const char* receipt : {"receipt-el.pdf", "receipt-en.pdf"}) {
            QFile pdf(QDir(out.path()).filePath(receipt));
            QVERIFY2(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-", receipt);
        }
        QCOMPARE(server.stop(), 0);
    }

    // scripts/screenshots' naming step over the two tours, into the build folder only: every
    // main window under its gallery name, in Greek and in English, and nothing else.
    void theGalleryHasEveryMainWindowInBothLanguages() {
        QVERIFY2(tours_.count("el") == 1 && tours_.count("en") == 1, "both tours must run first");
        const QString gallery = QStringLiteral(KEP_BINARY_DIR "/screenshots");
        QDir(gallery).removeRecursively();
        QProcess naming;
        naming.setProcessChannelMode(QProcess::MergedChannels);
        naming.start("bash", {KEP_SOURCE_DIR "/scripts/screenshots", "--name", gallery,
                              tours_["el"]->path(), tours_["en"]->path()});
        QVERIFY(naming.waitForFinished(60000));
        QVERIFY2(naming.exitStatus() == QProcess::NormalExit && naming.exitCode() == 0,
                 naming.readAll().constData());
        QStringList expected;
        for (const char* window :
             {"01-enrolment", "02-sign-in", "03-home", "04-catalogue-search", "05-procedure",
              "06-filing-form", "07-view-menu", "08-about", "09-users", "10-approval",
              "11-circular-sending", "12-circular", "13-online-application", "14-forwarded-case",
              "15-office-dashboard", "16-authority-inbox", "17-authority-decision",
              "18-national-dashboard", "19-case-result"}) {
            expected << QString::fromLatin1(window) + QStringLiteral(".png");
        }
        for (const QString language : {"el", "en"}) {
            const QDir folder(gallery + u'/' + language);
            QCOMPARE(folder.entryList(QDir::Files, QDir::Name), expected);
            for (const QString& name : expected) {
                const QImage image(folder.filePath(name));
                QVERIFY2(!image.isNull() && image.width() >= 200, qPrintable(language + name));
            }
        }
        // The same screen in the two languages is not the same picture.
        QFile greek(gallery + QStringLiteral("/el/03-home.png"));
        QFile english(gallery + QStringLiteral("/en/03-home.png"));
        QVERIFY(greek.open(QIODevice::ReadOnly) && english.open(QIODevice::ReadOnly));
        QVERIFY(greek.readAll() != english.readAll());
    }

private:
    std::map<QString, std::unique_ptr<QTemporaryDir>> tours_;  // by the first language
};

QTEST_GUILESS_MAIN(tst_DeskTourE2e)
#include "tst_desk_tour_e2e.moc"
