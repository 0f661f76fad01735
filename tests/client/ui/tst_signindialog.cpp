// The sign-in dialog: accessible, keyboard-first, clear about why a sign-in failed, and about
// offline mode when the server cannot be reached.
#include "LanguageManager.h"
#include "SignInDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;

namespace {
// QTest::keyClicks() aborts on non-Latin-1 text; one key event per character works.
void typeText(QWidget* widget, const QString& text) {
    for (const QChar ch : text) {
        QTest::sendKeyEvent(QTest::KeyAction::Click, widget, Qt::Key_unknown, QString(ch),
                            Qt::NoModifier);
    }
}
}  // namespace

class tst_SignInDialog : public QObject {
    Q_OBJECT

    LanguageManager languages_;

    static QLineEdit* field(SignInDialog& d, const char* name) {
        return d.findChild<QLineEdit*>(name);
    }
    static QLabel* errorLabel(SignInDialog& d) { return d.findChild<QLabel*>("errorMessage"); }

private slots:
    void init() { QVERIFY(languages_.setLanguage("en")); }

    void everyInputIsNamedAndLabelled() {
        SignInDialog dialog;
        const auto edits = dialog.findChildren<QLineEdit*>();
        QCOMPARE(edits.size(), 2);
        for (QLineEdit* edit : edits) {
            QVERIFY2(!edit->accessibleName().isEmpty(), qPrintable(edit->objectName()));
        }
        QCOMPARE(field(dialog, "password")->echoMode(), QLineEdit::Password);
        // Each field has a label whose mnemonic (Alt+U, Alt+P) moves focus to it.
        QList<QWidget*> buddies;
        for (QLabel* label : dialog.findChildren<QLabel*>()) {
            if (label->buddy()) {
                buddies.append(label->buddy());
                QVERIFY(label->text().contains('&'));
            }
        }
        QVERIFY(buddies.contains(field(dialog, "username")));
        QVERIFY(buddies.contains(field(dialog, "password")));
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            QVERIFY(!button->text().isEmpty());
        }
    }

    void tabOrderIsUsernamePasswordSignInCancel() {
        SignInDialog dialog;
        QWidget* username = field(dialog, "username");
        QWidget* signIn = dialog.findChild<QPushButton*>("signIn");
        QWidget* cancel = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel);
        QList<QWidget*> chain;
        QWidget* w = username;
        do {
            if (w->focusPolicy() & Qt::TabFocus) {
                chain.append(w);
            }
            w = w->nextInFocusChain();
        } while (w != username && chain.size() < 10);
        const QList<QWidget*> expected{username, field(dialog, "password"), signIn, cancel};
        QCOMPARE(chain.mid(0, 4), expected);
    }

    void submitsTypedCredentialsAndClearsThePassword() {
        SignInDialog dialog;
        dialog.show();  // Enter reaches the default button only in a visible dialog
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        typeText(field(dialog, "username"), QString::fromUtf8("μαρία.δ"));
        typeText(field(dialog, "password"), QString::fromUtf8("Κωδικός με κενά 123"));
        QTest::keyClick(field(dialog, "password"), Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), QString::fromUtf8("μαρία.δ"));
        QCOMPARE(requested.first().at(1).toString(), QString::fromUtf8("Κωδικός με κενά 123"));
        QVERIFY(field(dialog, "password")->text().isEmpty());
        QVERIFY(!field(dialog, "username")->isEnabled());  // waiting for the server
    }

    void emptyFieldsAreRefusedLocally() {
        SignInDialog dialog;
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        dialog.submitCredentials("clerk.demo", "");
        QCOMPARE(requested.count(), 0);
        QVERIFY(!errorLabel(dialog)->isHidden());
        QVERIFY(errorLabel(dialog)->text().contains("password"));
    }

    void failureMessages_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("signInBlocked");
        using R = SignInFailure::Reason;
        QTest::newRow("401") << "en" << int(R::InvalidCredentials) << 0
                             << "The username or the password is not correct." << false;
        QTest::newRow("429 seconds")
            << "en" << int(R::RateLimited) << 42
            << "Too many sign-in attempts. Try again in 42 seconds." << true;
        QTest::newRow("429 one second")
            << "en" << int(R::RateLimited) << 1
            << "Too many sign-in attempts. Try again in 1 second." << true;
        QTest::newRow("429 minutes")
            << "en" << int(R::RateLimited) << 600
            << "Too many sign-in attempts. Try again in 10 minutes." << true;
        QTest::newRow("network down")
            << "en" << int(R::Unreachable) << 0
            << "The server cannot be reached. Check the network connection and try again." << false;
        QTest::newRow("401 el") << "el" << int(R::InvalidCredentials) << 0
                                << "Το όνομα χρήστη ή ο κωδικός πρόσβασης δεν είναι σωστά."
                                << false;
        QTest::newRow("429 el") << "el" << int(R::RateLimited) << 42
                                << "Πάρα πολλές προσπάθειες σύνδεσης. Δοκιμάστε ξανά σε 42 "
                                   "δευτερόλεπτα."
                                << true;
        QTest::newRow("network down el")
            << "el" << int(R::Unreachable) << 0
            << "Δεν υπάρχει επικοινωνία με τον διακομιστή. Ελέγξτε τη σύνδεση δικτύου και "
               "δοκιμάστε ξανά."
            << false;
    }
    void failureMessages() {
        QFETCH(QString, language);
        QFETCH(int, reason);
        QFETCH(int, retryAfter);
        QFETCH(QString, expected);
        QFETCH(bool, signInBlocked);
        QVERIFY(languages_.setLanguage(language));
        SignInDialog dialog;
        dialog.submitCredentials("clerk.demo", "some password");
        SignInFailure failure;
        failure.reason = static_cast<SignInFailure::Reason>(reason);
        failure.retryAfterSeconds = retryAfter;
        dialog.showFailure(failure);
        QCOMPARE(errorLabel(dialog)->text(), expected);
        QVERIFY(!errorLabel(dialog)->isHidden());
        QCOMPARE(dialog.findChild<QPushButton*>("signIn")->isEnabled(), !signInBlocked);
        QVERIFY(field(dialog, "password")->isEnabled());
    }

    void rateLimitEndsAfterTheWait() {
        SignInDialog dialog;
        dialog.submitCredentials("clerk.demo", "some password");
        SignInFailure failure;
        failure.reason = SignInFailure::Reason::RateLimited;
        failure.retryAfterSeconds = 1;
        dialog.showFailure(failure);
        auto* signIn = dialog.findChild<QPushButton*>("signIn");
        QVERIFY(!signIn->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(signIn->isEnabled(), 3000);
    }

    void messageFollowsTheLanguage() {
        SignInDialog dialog;
        dialog.submitCredentials("clerk.demo", "some password");
        SignInFailure failure;
        failure.reason = SignInFailure::Reason::InvalidCredentials;
        dialog.showFailure(failure);
        QVERIFY(languages_.setLanguage("el"));
        QCoreApplication::processEvents();
        QVERIFY(errorLabel(dialog)->text().startsWith("Το όνομα χρήστη"));
        QCOMPARE(field(dialog, "username")->accessibleName(), QString("Όνομα χρήστη"));
    }

    void unreachableServerSwitchesToOfflineMode() {
        SignInDialog dialog;
        auto* signIn = dialog.findChild<QPushButton*>("signIn");
        auto* state = dialog.findChild<QLabel*>("serverState");
        QVERIFY(!dialog.isOfflineMode());
        QCOMPARE(signIn->text(), QString("Sign in"));
        dialog.setOfflineDays(7);
        dialog.submitCredentials("clerk.demo", "some password");
        SignInFailure failure;
        failure.reason = SignInFailure::Reason::Unreachable;
        dialog.showFailure(failure);
        QVERIFY(dialog.isOfflineMode());
        QCOMPARE(signIn->text(), QString("Sign in offline"));
        QCOMPARE(signIn->accessibleName(), QString("Sign in offline"));
        QVERIFY2(state->text().contains("Offline mode") && state->text().contains("7 days"),
                 qPrintable(state->text()));

        QSignalSpy online(&dialog, &SignInDialog::signInRequested);
        QSignalSpy offline(&dialog, &SignInDialog::offlineSignInRequested);
        dialog.submitCredentials("clerk.demo", "some password");
        QCOMPARE(online.count(), 0);
        QCOMPARE(offline.count(), 1);
        QCOMPARE(offline.first().at(1).toString(), QString("some password"));
    }

    void refusedCredentialsDoNotOfferOfflineMode() {
        SignInDialog dialog;
        dialog.setServerState({true, "0.1.0", {}});
        dialog.submitCredentials("clerk.demo", "some password");
        SignInFailure failure;
        failure.reason = SignInFailure::Reason::InvalidCredentials;
        dialog.showFailure(failure);
        QVERIFY(!dialog.isOfflineMode());
    }

    void healthDecidesTheMode() {
        SignInDialog dialog;
        dialog.setServerState({false, {}, "connect failed"});
        QVERIFY(dialog.isOfflineMode());
        dialog.setServerState({true, "0.1.0", {}});
        QVERIFY(!dialog.isOfflineMode());
        QCOMPARE(dialog.findChild<QPushButton*>("signIn")->text(), QString("Sign in"));
    }

    // Issue 11: "Training mode" asks for the training desk; in training the dialog lists the
    // training accounts, offers the reset instead, and never speaks of offline sign-in.
    void trainingModeIsOfferedThenExplained() {
        SignInDialog dialog;
        auto* training = dialog.findChild<QPushButton*>("trainingMode");
        auto* reset = dialog.findChild<QPushButton*>("resetTraining");
        QVERIFY(training && reset);
        QVERIFY(!training->isHidden());
        QVERIFY(reset->isHidden());
        QVERIFY(!training->accessibleDescription().isEmpty());
        QSignalSpy requested(&dialog, &SignInDialog::trainingRequested);
        QTest::mouseClick(training, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);

        dialog.setTrainingAccounts({"training.clerk / training-clerk (clerk)"});
        dialog.setServerState({false, {}, "training mode: this desk never contacts the server"});
        QVERIFY(dialog.isTraining());
        QVERIFY(training->isHidden());
        QVERIFY(!reset->isHidden());
        QCOMPARE(dialog.findChild<QPushButton*>("signIn")->text(), QString("Sign in"));
        const QString state = dialog.findChild<QLabel*>("serverState")->text();
        QVERIFY2(state.contains("Training mode") && state.contains("training.clerk") &&
                     !state.contains("Offline mode"),
                 qPrintable(state));
    }

    void offlineRefusals_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("contains");
        using R = OfflineRefusal::Reason;
        QTest::newRow("credentials")
            << "en" << int(R::InvalidCredentials) << "Only users who signed in online on this desk";
        QTest::newRow("expired") << "en" << int(R::Expired) << "offline sign-in lasts 7 days";
        QTest::newRow("clock") << "en" << int(R::ClockWentBack) << "clock is earlier";
        QTest::newRow("expired el") << "el" << int(R::Expired) << "7 ημέρες";
    }
    void offlineRefusals() {
        QFETCH(QString, language);
        QFETCH(int, reason);
        QFETCH(QString, contains);
        QVERIFY(languages_.setLanguage(language));
        SignInDialog dialog;
        dialog.setServerState({false, {}, "down"});
        dialog.submitCredentials("clerk.demo", "some password");
        OfflineRefusal refusal;
        refusal.reason = OfflineRefusal::Reason(reason);
        refusal.maxDays = 7;
        refusal.lastOnlineCheck = QDateTime::currentDateTimeUtc().addDays(-8);
        dialog.showOfflineRefusal(refusal);
        QVERIFY2(errorLabel(dialog)->text().contains(contains),
                 qPrintable(errorLabel(dialog)->text()));
        QVERIFY(!errorLabel(dialog)->isHidden());
        QVERIFY(field(dialog, "password")->isEnabled());
    }
};

QTEST_MAIN(tst_SignInDialog)
#include "tst_signindialog.moc"
