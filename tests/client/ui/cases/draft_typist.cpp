// The child of tst_draftcrashrecovery: the real FilingForm with its autosave over a real desk.db.
//   draft_typist type <desk.db>    types a Greek citizen and notes at 25 characters a second,
//                                  printing "script <field> <text>" for each field first, then
//                                  "typed <field> <count>" after each character, until killed
//   draft_typist resume <desk.db>  resumes the clerk's newest draft as kep-desk does and prints
//                                  the fields' contents ("<field>=<text>", newlines as \n)
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/DraftStore.h"
#include "cases/FilingForm.h"
#include "storage/DeskDatabase.h"

#include "../../support/FilingFixture.h"

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimer>

#include <cstdio>

using namespace kep::desk;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", kep::cases::ActorRole::Clerk};

// The note is long enough never to run out before the parent kills the typist.
QString noteText() {
    QString text;
    for (int i = 1; i <= 40; ++i) {
        text += QStringLiteral("Γραμμή %1: θα φέρει την υπεύθυνη δήλωση αύριο.\n").arg(i);
    }
    return text;
}

void say(const QString& line) {
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

struct Field {
    const char* name;
    QWidget* input;
    QString text;
};

}  // namespace

int main(int argc, char* argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() != 3 || (args[1] != u"type" && args[1] != u"resume")) {
        std::fputs("usage: draft_typist type|resume <desk.db>\n", stderr);
        return 2;
    }
    auto db = kep::desk::storage::openDeskDatabase(args[2]);
    cases::CaseStore store(db, "0101", "ws-1");
    cases::DraftStore drafts(db);
    test::FixedClock clock;
    ui::FilingForm form(store, clock);
    form.setClerk(kClerk, QStringLiteral("0101"));
    form.enableAutosave(drafts);
    form.resize(900, 900);
    form.show();
    QApplication::setActiveWindow(&form);

    if (args[1] == u"resume") {
        const auto draft = drafts.latestOf(kClerk.id);
        if (!draft || !form.resumeDraft(test::familyStatusCertificate(), *draft)) {
            say(QStringLiteral("no-draft"));
            return 1;
        }
        auto* citizen = form.citizenPanel();
        say(QStringLiteral("surname_el=") + citizen->surnameEl()->text());
        say(QStringLiteral("given_name_el=") + citizen->givenNameEl()->text());
        say(QStringLiteral("notes=") +
            form.notes()->toPlainText().replace(u'\n', QStringLiteral("\\n")));
        return 0;
    }

    form.startCase(test::familyStatusCertificate());
    QApplication::processEvents();
    const QList<Field> script{
        {"surname_el", form.citizenPanel()->surnameEl(), QStringLiteral("Παπαδοπούλου")},
        {"given_name_el", form.citizenPanel()->givenNameEl(), QStringLiteral("Ελένη")},
        {"notes", form.notes(), noteText()}};
    int field = 0;
    int typed = 0;
    QTimer keys;
    QObject::connect(&keys, &QTimer::timeout, [&] {
        if (field >= script.size()) {
            return;
        }
        const Field& now = script[field];
        if (typed == 0 && QApplication::focusWidget() != now.input) {
            // The clerk moves on with Tab, as at the counter: the autosave sees the field left.
            test::press(Qt::Key_Tab);
            return;
        }
        const QChar ch = now.text[typed];
        if (ch == u'\n') {
            test::press(Qt::Key_Return);
        } else {
            test::typeIntoFocus(QString(ch));
        }
        ++typed;
        say(QStringLiteral("typed %1 %2").arg(QLatin1String(now.name)).arg(typed));
        if (typed == now.text.size()) {
            ++field;
            typed = 0;
        }
    });
    for (const Field& f : script) {
        say(QStringLiteral("script %1 %2")
                .arg(QLatin1String(f.name), QString(f.text).replace(u'\n', QStringLiteral("\\n"))));
    }
    form.citizenPanel()->surnameEl()->setFocus();
    say(QStringLiteral("ready"));
    keys.start(40);
    return QApplication::exec();
}
