// The enrolment dialog: one labelled, accessible field; the code's form checked before anything
// is sent (any case, dashes optional); and a clear reason for every way enrolment can fail.
#include "EnrolmentDialog.h"
#include "LanguageManager.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;

class tst_EnrolmentDialog : public QObject {
    Q_OBJECT

    LanguageManager languages_;

    static QLineEdit* code(EnrolmentDialog& d) { return d.findChild<QLineEdit*>("enrolmentCode"); }
    static QLabel* message(EnrolmentDialog& d) { return d.findChild<QLabel*>("errorMessage"); }
    static QPushButton* enrol(EnrolmentDialog& d) { return d.findChild<QPushButton*>("enrol"); }

private slots:
    void init() { QVERIFY(languages_.setLanguage("en")); }

    void theFieldIsNamedLabelledAndFirst() {
        EnrolmentDialog dialog;
        QCOMPARE(dialog.findChildren<QLineEdit*>().size(), 1);
        QCOMPARE(code(dialog)->accessibleName(), QString("Enrolment code"));
        bool labelled = false;
        for (QLabel* label : dialog.findChildren<QLabel*>()) {
            labelled |= label->buddy() == code(dialog) && label->text().contains('&');
        }
        QVERIFY(labelled);
        // Tab goes from the code to Enrol, then Cancel.
        QList<QWidget*> chain;
        for (QWidget* w = code(dialog)->nextInFocusChain(); w != code(dialog) && chain.size() < 3;
             w = w->nextInFocusChain()) {
            if (w->focusPolicy() & Qt::TabFocus) {
                chain.append(w);
            }
        }
        QCOMPARE(chain.value(0), enrol(dialog));
        QCOMPARE(chain.value(1),
                 dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel));
        QVERIFY(!enrol(dialog)->accessibleName().isEmpty());
    }

    void typedCodeIsSentInCanonicalForm() {
        EnrolmentDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy requested(&dialog, &EnrolmentDialog::enrolRequested);
        QTest::keyClicks(code(dialog), "abcd efgh jklm");
        QTest::keyClick(code(dialog), Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), QString("ABCD-EFGH-JKLM"));
        QVERIFY(!code(dialog)->isEnabled());  // waiting for the server
        QVERIFY(message(dialog)->isHidden());
    }

    void malformedCodeIsRefusedLocally() {
        EnrolmentDialog dialog;
        QSignalSpy requested(&dialog, &EnrolmentDialog::enrolRequested);
        dialog.submitCode("ABCD-EFGH");
        QCOMPARE(requested.count(), 0);
        QVERIFY(!message(dialog)->isHidden());
        QVERIFY(message(dialog)->text().contains("twelve letters or digits"));
        QVERIFY(code(dialog)->isEnabled());
    }

    void failures_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("blocked");
        using R = EnrolmentFailure::Reason;
        QTest::newRow("403") << "en" << int(R::InvalidCode)
                             << "This enrolment code is not valid: it may be mistyped, already "
                                "used or expired. Ask your office manager or IT support for a "
                                "new code."
                             << false;
        QTest::newRow("network") << "en" << int(R::Unreachable)
                                 << "The server cannot be reached. Check the network connection "
                                    "and try again."
                                 << false;
        QTest::newRow("429") << "en" << int(R::RateLimited)
                             << "Too many enrolment attempts. Try again in 30 seconds." << true;
        QTest::newRow("400") << "en" << int(R::InvalidRequest)
                             << "The server did not accept this workstation's request "
                                "(invalid_csr). Please tell IT support."
                             << false;
        QTest::newRow("403 el") << "el" << int(R::InvalidCode)
                                << "Ο κωδικός εγγραφής δεν είναι έγκυρος: ίσως πληκτρολογήθηκε "
                                   "λάθος, έχει ήδη χρησιμοποιηθεί ή έχει λήξει. Ζητήστε νέο "
                                   "κωδικό από τον προϊστάμενο του γραφείου ή την υποστήριξη "
                                   "πληροφορικής."
                                << false;
    }
    void failures() {
        QFETCH(QString, language);
        QFETCH(int, reason);
        QFETCH(QString, expected);
        QFETCH(bool, blocked);
        QVERIFY(languages_.setLanguage(language));
        EnrolmentDialog dialog;
        dialog.submitCode("ABCD-EFGH-JKLM");
        EnrolmentFailure failure;
        failure.reason = EnrolmentFailure::Reason(reason);
        failure.code = "invalid_csr";
        failure.retryAfterSeconds = 30;
        dialog.showFailure(failure);
        QCOMPARE(message(dialog)->text(), expected);
        QVERIFY(!message(dialog)->isHidden());
        QVERIFY(code(dialog)->isEnabled());
        QCOMPARE(enrol(dialog)->isEnabled(), !blocked);
    }

    void successClosesTheDialog() {
        EnrolmentDialog dialog;
        dialog.show();
        dialog.submitCode("ABCD-EFGH-JKLM");
        dialog.enrolmentSucceeded();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(tst_EnrolmentDialog)
#include "tst_enrolmentdialog.moc"
