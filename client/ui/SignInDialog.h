// The sign-in dialog at the counter: username and password, whether the server is reachable,
// and a clear reason when sign-in fails (wrong credentials, too many attempts, no network).
// Without the server it turns into offline sign-in, and says so in its title line and button.
#pragma once

#include "OfflineSignIn.h"
#include "UserSession.h"

#include <QDialog>
#include <QTimer>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kep::desk::ui {

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(QWidget* parent = nullptr);

    void setServerState(const kep::desk::ServerHealth& health);
    void showFailure(const kep::desk::SignInFailure& failure);
    void showOfflineRefusal(const kep::desk::OfflineRefusal& refusal);
    // The policy's offline window, for the offline-mode explanation.
    void setOfflineDays(int days);
    // Offline mode: the server is known to be unreachable (health, or the last sign-in
    // attempt); submitting then asks for offline sign-in.
    bool isOfflineMode() const;
    // Sign-in accepted: forget the password and close.
    void signInSucceeded();
    // Ready for the next user (after sign-out): empty fields, no message.
    void reset();

    // Training mode (issue 11): the sandbox's accounts, a line each, shown in place of the
    // server's state; "Reset training data…" replaces "Training mode".
    void setTrainingAccounts(const QStringList& accounts);
    bool isTraining() const { return !trainingAccounts_.isEmpty(); }

    // Fills the fields and submits as if typed: for the tour.
    void submitCredentials(const QString& username, const QString& password);

    static QString failureMessage(const kep::desk::SignInFailure& failure);
    static QString offlineRefusalMessage(const kep::desk::OfflineRefusal& refusal);

signals:
    // The password is handed over once and cleared from the field.
    void signInRequested(const QString& username, const QString& password);
    // The same, in offline mode: to be checked against this desk's verifier.
    void offlineSignInRequested(const QString& username, const QString& password);
    // "Training mode": start the desk again on the training sandbox.
    void trainingRequested();
    // "Reset training data…", confirmed: start again on a freshly seeded sandbox.
    void trainingResetRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void setBusy(bool busy);
    void retranslateUi();
    void refreshMessage();
    void refreshServerState();
    void confirmTrainingReset();

    QLabel* title_;
    QLabel* serverState_;
    QLabel* usernameLabel_;
    QLineEdit* username_;
    QLabel* passwordLabel_;
    QLineEdit* password_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
    QPushButton* signIn_;
    QPushButton* training_;
    QPushButton* resetTraining_;
    QStringList trainingAccounts_;
    QTimer retryTimer_;  // keeps "Sign in" disabled for the server's Retry-After

    std::optional<kep::desk::ServerHealth> health_;
    std::optional<kep::desk::SignInFailure> failure_;
    std::optional<kep::desk::OfflineRefusal> offlineRefusal_;
    bool unreachable_ = false;  // the last online attempt got no answer
    int offlineDays_ = kep::desk::OfflineSignInRule::kDefaultDays;
    bool missingFields_ = false;
    bool busy_ = false;
};

}  // namespace kep::desk::ui
