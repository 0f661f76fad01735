// A clerk's flag on a procedure (offscreen, real widgets, a real desk.db): the dialog queues the
// flag with its kind, text and user, to be sent by the next correspondence round; a flag of kind
// "other" without words is not queued and the dialog says why.
#include "feedback/ProcedureFlagDialog.h"
#include "storage/DeskDatabase.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kep::desk::feedback::FlagKind;
using kep::desk::feedback::ProcedureFlags;
using kep::desk::ui::ProcedureFlagDialog;

class tst_ProcedureFlagDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void queuesTheFlag_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("queued");
        QTest::newRow("outdated fee")
            << int(FlagKind::OutdatedFee) << QString::fromUtf8("Το παράβολο είναι 175 €.") << true;
        QTest::newRow("missing document, no words") << int(FlagKind::MissingDocument) << "" << true;
        QTest::newRow("wrong authority") << int(FlagKind::WrongAuthority) << "ΑΑΔΕ" << true;
        QTest::newRow("other, explained") << int(FlagKind::Other) << "Λάθος σύνδεσμος" << true;
        QTest::newRow("other, no words") << int(FlagKind::Other) << "   " << false;
    }

    void queuesTheFlag() {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(bool, queued);
        QVERIFY(dir_.isValid());
        static int n = 0;
        auto db =
            kep::desk::storage::openDeskDatabase(dir_.filePath(QString("desk-%1.db").arg(++n)));
        ProcedureFlags flags(db);
        ProcedureFlagDialog dialog(flags);
        QSignalSpy spy(&dialog, &ProcedureFlagDialog::flagQueued);
        dialog.start("900002", QString::fromUtf8("Άδεια διαμονής"), "user-clerk-1");
        dialog.show();
        dialog.kind()->setCurrentIndex(kind);
        dialog.text()->setPlainText(text);
        dialog.send();

        QCOMPARE(spy.count(), queued ? 1 : 0);
        QCOMPARE(dialog.isVisible(), !queued);
        QCOMPARE(dialog.problem()->isVisible(), !queued);
        const auto waiting = flags.unsent();
        QCOMPARE(waiting.size(), std::size_t(queued ? 1 : 0));
        if (queued) {
            QCOMPARE(waiting.front().procedureId, QString("900002"));
            QCOMPARE(int(waiting.front().kind), kind);
            QCOMPARE(waiting.front().text, text.trimmed());
            QCOMPARE(waiting.front().userId, QString("user-clerk-1"));
            QVERIFY(!waiting.front().id.isEmpty());
        }
    }
};

QTEST_MAIN(tst_ProcedureFlagDialog)
#include "tst_procedureflagdialog.moc"
