// bench_desk_counter: the clerk's effort at the counter (issue 5) and kep-desk's cold start.
// The real DeskShell runs offscreen, signed in as a clerk, with a returning citizen already in
// desk.db; only key events reach it, each counted as the keys a clerk presses (a chord such as
// Ctrl+F is two, every character typed is one). From the main window: find the procedure by
// typing in the finder, open a new case, the ΑΦΜ (the citizen's record fills in), tick the
// documents, file, print the receipt to PDF — which pdftotext must read the protocol number from.
// Then kep-desk itself is launched until its sign-in dialog is up, as on a counter PC at 8:00.
#include "../../client/support/CatalogueFeed.h"
#include "../../client/support/FakeServerTransport.h"
#include "../../client/support/TestCertificateAuthority.h"
#include "BenchProtocol.h"
#include "Clock.h"
#include "DeskShell.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "Settings.h"
#include "Workstation.h"
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/EvidencePanel.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseStore.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/DeskCatalogue.h"
#include "catalogue/ProcedureFinder.h"
#include "platform/LinuxPolicySource.h"
#include "shared/domain/TaxId.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <vector>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeServer;

namespace {

// The common procedure: a family-status certificate, two documents, found by typing this.
constexpr auto kProcedureId = "900006";
const QString kProcedureQuery = QStringLiteral("οικογεν");
constexpr auto kOffice = "K0001";

using kep::bench::row;

[[noreturn]] void fail(const QString& why) {
    std::fprintf(stderr, "bench_desk_counter: %s\n", qPrintable(why));
    std::exit(1);
}

// The clerk's keyboard: every press goes where the focus is, as on the real desk.
class Keyboard {
public:
    int keys() const { return keys_; }

    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget* target = focusTarget();
        keys_ += 1 + std::popcount(static_cast<unsigned>(modifiers.toInt()));
        QTest::keyClick(target, key, modifiers);
        QCoreApplication::processEvents();
    }

    // One key per character; non-ASCII text the way Qt Test can send it (STYLE.md).
    void type(const QString& text) {
        for (const QChar ch : text) {
            QWidget* target = focusTarget();
            ++keys_;
            QTest::sendKeyEvent(QTest::KeyAction::Click, target, Qt::Key_unknown, QString(ch),
                                Qt::NoModifier);
            QCoreApplication::processEvents();
        }
    }

private:
    static QWidget* focusTarget() {
        // A modal dialog has the keyboard, whether or not the offscreen platform activated it.
        if (QWidget* modal = QApplication::activeModalWidget()) {
            return modal->focusWidget() != nullptr ? modal->focusWidget() : modal;
        }
        QWidget* focused = QApplication::focusWidget();
        if (focused == nullptr) {
            focused = QApplication::activeWindow();
        }
        if (focused == nullptr) {
            fail(QStringLiteral("no widget has the keyboard focus"));
        }
        return focused;
    }

    int keys_ = 0;
};

bool isEvidenceChoice(FilingForm* form, QWidget* widget) {
    const auto& choices = form->evidencePanel()->choices();
    return std::find(choices.begin(), choices.end(), widget) != choices.end();
}

QString pdfText(const QString& file) {
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(30000) || pdftotext.exitCode() != 0) {
        fail(QStringLiteral("pdftotext could not read %1").arg(file));
    }
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

struct CounterEffort {
    int keys = 0;
    int mouseActions = 0;  // no mouse event is ever sent: the flow must not need one
};

CounterEffort fileReturningCitizensCase(const QString& scratch) {
    SystemClock clock;
    QString error;
    auto workstation =
        Workstation::open(scratch + QStringLiteral("/data"), clock, OfflineSignInRule{}, &error);
    if (!workstation) {
        fail(error);
    }
    auto settings = Settings::withFiles(
        std::make_unique<LinuxPolicySource>(scratch + QStringLiteral("/policy.conf")),
        scratch + QStringLiteral("/user.conf"));
    LanguageManager languages;
    if (!languages.setLanguage(QStringLiteral("el"))) {
        fail(QStringLiteral("no Greek translation in this build"));
    }
    FakeServer server;
    server.acceptOnly(QStringLiteral("clerk.demo"), QStringLiteral("synthetic demo password"));
    ServerLink link(server.factory(), &workstation->credential());
    catalogue::DeskCatalogue catalogue(link, workstation->database(),
                                       workstation->dataFolder().databaseFile(), {});
    auto feed = kep::desk::test::CatalogueFeed::sample();
    const auto page = feed.answer("/api/v1/catalogue/changes?since=0&limit=100");
    catalogue.store().applyPage(catalogue::readChangesPage(
        std::string_view(page.body.constData(), std::size_t(page.body.size()))));

    // The citizen came last year; the workstation holds a block of protocol numbers.
    const int year = QDate::currentDate().year();
    cases::ProtocolLeaseStore(workstation->database(), kOffice).addBlock({kOffice, year, 1, 100});
    const std::string afm = kep::domain::SyntheticTaxIds(2026).afm();
    {
        cases::CaseStore store(workstation->database(), kOffice, "bench-ws");
        cases::CaseFiling earlier;
        earlier.procedureId = "900005";
        earlier.catalogueVersion = 1;
        earlier.procedureTitle = "Έκδοση πιστοποιητικού γέννησης";
        earlier.citizen.person.kind = kep::cases::CitizenKind::Greek;
        earlier.citizen.person.afm = afm;
        earlier.citizen.person.surnameEl = "Αθανασίου";
        earlier.citizen.person.givenNameEl = "Δέσποινα";
        earlier.citizen.person.surnameLatin = "Athanasiou";
        earlier.citizen.person.givenNameLatin = "Despoina";
        earlier.dueDate = std::chrono::year{year} / 1 / 15;
        const auto filed = store.file(earlier, {"user-clerk-0", kep::cases::ActorRole::Clerk},
                                      kep::cases::Instant{std::chrono::milliseconds{
                                          QDateTime::currentMSecsSinceEpoch() - 86'400'000}});
        if (!filed.ok()) {
            fail(QString::fromStdString(filed.message));
        }
    }

    DeskShell shell(*settings, languages, link, *workstation, &catalogue);
    link.start();
    catalogue.start();  // the index the finder searches, built from desk.db as at launch
    link.signIn(QStringLiteral("clerk.demo"), QStringLiteral("synthetic demo password"));
    if (!QTest::qWaitFor([&] { return shell.session().has_value(); }, 10000)) {
        fail(QStringLiteral("the clerk could not sign in"));
    }
    MainWindow* window = shell.mainWindow();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window)) {
        fail(QStringLiteral("the main window never became active"));
    }

    // From the main window, as the clerk finds it after signing in.
    Keyboard keyboard;
    keyboard.press(Qt::Key_F, Qt::ControlModifier);  // find a procedure
    keyboard.type(kProcedureQuery);
    if (window->cataloguePage()->finder()->currentId() != QLatin1String(kProcedureId)) {
        fail(QStringLiteral("the finder's top hit for «%1» is %2, not %3")
                 .arg(kProcedureQuery, window->cataloguePage()->finder()->currentId(),
                      QLatin1String(kProcedureId)));
    }
    std::printf("keys to the procedure: %d\n", keyboard.keys());
    keyboard.press(Qt::Key_N, Qt::ControlModifier);  // new case on the top hit
    FilingForm* form = shell.filingForm();
    if (form == nullptr || window->pages()->currentWidget() != form) {
        fail(QStringLiteral("Ctrl+N did not open the filing form"));
    }
    // To the ΑΦΜ field, wherever the form puts the focus first.
    for (int guard = 0; QApplication::focusWidget() != form->citizenPanel()->afm(); ++guard) {
        if (guard == 20) {
            fail(QStringLiteral("Tab never reaches the ΑΦΜ field"));
        }
        keyboard.press(Qt::Key_Tab);
    }
    std::printf("keys to the ΑΦΜ field: %d\n", keyboard.keys());
    keyboard.type(QString::fromStdString(afm));
    if (form->citizenPanel()->surnameEl()->text() != QStringLiteral("Αθανασίου")) {
        fail(QStringLiteral("the returning citizen was not filled in from desk.db"));
    }
    // On to the checklist; each document the citizen brought is marked provided (Down).
    for (int guard = 0; !isEvidenceChoice(form, QApplication::focusWidget()); ++guard) {
        if (guard == 30) {
            fail(QStringLiteral("Tab never reaches the documents"));
        }
        keyboard.press(Qt::Key_Tab);
    }
    std::printf("keys to the first document: %d\n", keyboard.keys());
    const auto& choices = form->evidencePanel()->choices();
    for (int i = 0; i < choices.size(); ++i) {
        if (i > 0) {
            keyboard.press(Qt::Key_Tab);
        }
        if (QApplication::focusWidget() != choices[i]) {
            fail(QStringLiteral("Tab skips document %1").arg(i + 1));
        }
        keyboard.press(Qt::Key_Down);
    }
    std::printf("keys after the documents: %d\n", keyboard.keys());
    QSignalSpy filed(form, &FilingForm::caseFiled);
    keyboard.press(Qt::Key_Return, Qt::ControlModifier);  // file
    if (filed.size() != 1) {
        fail(QStringLiteral("the case was not filed: %1").arg(form->outcome()->text()));
    }
    const QString protocol = filed.at(0).at(0).toString();

    // Print: the dialog comes up modal; the clerk accepts it with Enter. Printed to a PDF file
    // here, where a counter has its printer.
    const QString printed = scratch + QStringLiteral("/printed-receipt.pdf");
    bool dialogSeen = false;
    QTimer answer;
    answer.setInterval(20);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto* dialog = qobject_cast<QPrintDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr || dialogSeen) {
            return;
        }
        dialogSeen = true;
        // The counter's printer is a file here: the dialog's own field names it, as the
        // dialog applies its fields to the printer when accepted.
        if (auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("filename"))) {
            file->setText(printed);
        }
        dialog->printer()->setOutputFileName(printed);
        keyboard.press(Qt::Key_Return);
        if (dialog->isVisible()) {
            std::printf("the print dialog did not take Enter\n");
            dialog->reject();
        }
    });
    answer.start();
    // Filing leaves the focus on Print receipt: Space presses it; from elsewhere, Ctrl+P.
    if (QApplication::focusWidget() == form->printButton()) {
        keyboard.press(Qt::Key_Space);
    } else {
        keyboard.press(Qt::Key_P, Qt::ControlModifier);
    }
    answer.stop();
    QString receipt = printed;
    if (!dialogSeen || !QFile::exists(printed)) {
        std::printf("print dialog: %s; the receipt saved at filing is checked instead\n",
                    dialogSeen ? "printed nothing" : "not shown");
        receipt = form->lastReceiptFile();
    }
    if (!QFile::exists(receipt)) {
        fail(QStringLiteral("no receipt PDF for %1").arg(protocol));
    }
    if (!pdfText(receipt).contains(protocol)) {
        fail(QStringLiteral("pdftotext does not find %1 on the receipt").arg(protocol));
    }
    std::printf("filed %s for a returning citizen with %d keys; receipt %s\n", qPrintable(protocol),
                keyboard.keys(), qPrintable(receipt));
    shell.signOut();
    return {keyboard.keys(), 0};
}

// Launch to the sign-in dialog of an enrolled workstation, the real binary, offscreen.
double coldStartMs(const QString& scratch, int runs) {
    const QString binary = QStringLiteral(KEP_BINARY_DIR "/bin/kep-desk");
    if (!QFile::exists(binary)) {
        fail(QStringLiteral("%1 is not built").arg(binary));
    }
    const QString data = scratch + QStringLiteral("/cold-data");
    {
        SystemClock clock;
        QString error;
        auto workstation = Workstation::open(data, clock, OfflineSignInRule{}, &error);
        if (!workstation) {
            fail(error);
        }
        kep::desk::test::TestCertificateAuthority ca;
        const auto pending = WorkstationCredential::newKeyRequest(QStringLiteral("counter-1"));
        workstation->credential().store(*pending, ca.sign(pending->csrPem, "dev-cold", kOffice));
    }
    QFile ca(scratch + QStringLiteral("/ca.pem"));
    ca.open(QIODevice::WriteOnly);
    ca.write("-----BEGIN CERTIFICATE-----\n");
    ca.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), scratch);  // the user's settings file, thrown away
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch + QStringLiteral("/config"));
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess desk;
        desk.setProcessEnvironment(env);
        desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        desk.start(binary, {QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:9"),
                            QStringLiteral("--ca"), ca.fileName(), QStringLiteral("--data"), data,
                            QStringLiteral("--lang"), QStringLiteral("el"),
                            QStringLiteral("--check-start")});
        if (!desk.waitForFinished(20000) || desk.exitStatus() != QProcess::NormalExit ||
            desk.exitCode() != 0) {
            fail(QStringLiteral("kep-desk did not stop at its sign-in dialog (exit %1)")
                     .arg(desk.exitCode()));
        }
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("cold start runs (ms):");
    for (const double t : times) {
        std::printf(" %.0f", t);
    }
    std::printf("\n");
    return times[times.size() / 2];  // the median: the first run also warms the disk cache
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const int coldRuns = *mode == Mode::Full ? 5 : *mode == Mode::Quick ? 3 : 1;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qputenv("LC_ALL", "C.UTF-8");
    int appArgc = 1;
    QApplication app(appArgc, argv);
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        fail(QStringLiteral("no scratch folder"));
    }
    const CounterEffort effort = fileReturningCitizensCase(scratch.path());
    row("desk_counter.counter_keystrokes", effort.keys, "keys", "<=", 40);
    row("desk_counter.counter_mouse_actions", effort.mouseActions, "actions", "<=", 0);
    row("desk_counter.cold_start_to_sign_in", coldStartMs(scratch.path(), coldRuns), "ms", "<",
        1000);
    return 0;
}
