// The scripted tour of the desk (`kep-desk --tour`): enrols the workstation with the demo code
// of the clerk's office, signs in as the demo clerk and writes a screenshot of each main screen
// (a catalogue search typed key by key, the procedure it opens), files a case for a synthetic
// citizen and keeps its receipt PDF, then as the office's manager shows the users screen and
// approves that case — in one language and then the other. In the first pass it also goes beyond
// the counter (TourBeyondCounter: a circular, an online application, the authority, dashboards).
// Driven by timer steps on the event loop, never by sleeping, so the UI keeps painting.
#pragma once

#include "tour/DemoAccounts.h"
#include "tour/GovGrApplication.h"

#include <QObject>
#include <QPixmap>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

class QKeySequence;

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::ui {

class DeskShell;
class LanguageManager;

// Issues 7 and 8, played once, in the first language's pass: the central administrator sends a
// circular, which the office's staff read at sign-in; gov.gr files an online application that
// reaches the clerk's queue; the manager forwards the approved case and opens the office
// dashboard; the competent authority accepts it and completes it with a PDF; the central
// administrator opens the national dashboard; the clerk sees the case completed with its result.
struct TourBeyondCounter {
    DemoAccount central;
    DemoAccount authority;  // of the filed procedure's competent authority
    GovGrChannel govGr;
    // From demo.json: the first central administrator and authority user and the gov.gr key,
    // with the server gov.gr reaches; nullopt with *error naming what is missing.
    static std::optional<TourBeyondCounter> fromDemo(const QString& demoFile,
                                                     const QString& serverUrl,
                                                     const QString& caFile, QString* error);
    // All three are needed (and the plan's manager); otherwise the part is left out.
    bool complete() const {
        return !central.username.isEmpty() && !authority.username.isEmpty() && !govGr.key.isEmpty();
    }
};

struct TourPlan {
    QString outputDir;
    DemoAccount account;       // the clerk
    QString enrolmentCode;     // for the clerk's office; needed only on a PC not yet enrolled
    DemoAccount manager;       // of the clerk's office; empty = no users screen, no approval
    TourBeyondCounter beyond;  // empty = the counter's screens only
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
    void addSignOut();
    // Beyond the counter (TourBeyondCounter.cpp).
    void addCircularSending(const QString& language);
    void addCircularReading(const QString& language, bool screenshot);
    void addOnlineApplication();
    void addOnlineApplicationInQueue(const QString& language);
    void addForwarding(const QString& language);
    // The office's (the manager's) or the national (the central administrator's) dashboard.
    void addDashboard(const QString& language, bool national);
    void addAuthorityDecision(const QString& language);
    void addResultAtTheCounter(const QString& language);
    // Shows the work queue of `shortcut` (Ctrl+5, Ctrl+7) and selects the case numbered
    // `protocolNumber`; its id, or "" while the queue does not list it.
    QString selectInQueue(const QKeySequence& shortcut, const QString& protocolNumber);
    void tick();
    void fail(const QString& why);
    // Waiting, and what the time-out message says if the wait never ends.
    Outcome waitFor(const QString& why);
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
    QString waitingFor_;  // the current step's, for its time-out message
    bool signedIn_ = false;
    QString signInError_;
    bool enrolled_ = false;
    QString enrolmentError_;
    int typed_ = 0;         // characters of the catalogue query typed so far
    QString filedNumber_;   // the protocol number of the case this pass filed
    QString filedReceipt_;  // its receipt, where the form saved it
    QString filedCaseId_;   // its id, once a queue listed it
    GovGrApplication govGr_;
    QString onlineNumber_;  // the protocol number of gov.gr's application
    int polls_ = 0;  // ticks the current step has waited: the server is asked again now and then
    bool figuresIn_ = false;
    QString figuresError_;
};

}  // namespace kep::desk::ui
