// The scripted tour of the desk (`kep-desk --tour`): enrols the workstation with the demo code
// of the clerk's office, signs in as the demo clerk and writes a screenshot of each main screen
// (a catalogue search typed key by key, the procedure it opens), files a case for a synthetic
// citizen and keeps its receipt PDF, then as the office's manager shows the users screen and
// approves that case — in one language and then the other.
// Driven by timer steps on the event loop, never by sleeping, so the UI keeps painting.
#pragma once

#include "tour/DemoAccounts.h"

#include <QObject>
#include <QPixmap>
#include <QTimer>

#include <chrono>
#include <functional>
#include <vector>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::ui {

class DeskShell;
class LanguageManager;

struct TourPlan {
    QString outputDir;
    DemoAccount account;    // the clerk
    QString enrolmentCode;  // for the clerk's office; needed only on a PC not yet enrolled
    DemoAccount manager;    // of the clerk's office; empty = no users screen, no approval
    QString firstLanguage = QStringLiteral("el");  // the second pass uses the other one
    std::chrono::milliseconds stepTimeout{20000};  // a wait longer than this fails the tour
};

class TourRunner : public QObject {
    Q_OBJECT
public:
    TourRunner(DeskShell& shell, kep::desk::ServerLink& link, LanguageManager& languages,
               TourPlan plan, QObject* parent = nullptr);
    ~TourRunner() override;

    void start();
    const QStringList& screenshots() const { return written_; }  // file names, in order

signals:
    void screenshotWritten(const QString& fileName);
    // exitCode 0 on success; otherwise message says which step failed and why.
    void finished(int exitCode, const QString& message);

private:
    enum class Outcome { Done, Waiting, Failed };
    struct Step {
        QString what;
        std::function<Outcome()> run;
    };

    void addEnrolment();
    void addPass(const QString& language);
    void addSignIn(const DemoAccount& account);
    void addCatalogueSearch(const QString& language);
    void addFiling(const QString& language);
    void addApproval(const QString& language);
    void tick();
    void fail(const QString& why);
    Outcome save(const QPixmap& shot, const QString& name);

    DeskShell& shell_;
    kep::desk::ServerLink& link_;
    LanguageManager& languages_;
    TourPlan plan_;
    std::vector<Step> steps_;
    std::size_t current_ = 0;
    QTimer timer_;
    QTimer stepClock_;  // single-shot: the current step's time limit
    bool stepTimedOut_ = false;
    int shotNumber_ = 0;
    QStringList written_;
    QString failure_;
    bool signedIn_ = false;
    QString signInError_;
    bool enrolled_ = false;
    QString enrolmentError_;
    int typed_ = 0;         // characters of the catalogue query typed so far
    QString filedNumber_;   // the protocol number of the case this pass filed
    QString filedReceipt_;  // its receipt, where the form saved it
};

}  // namespace kep::desk::ui
