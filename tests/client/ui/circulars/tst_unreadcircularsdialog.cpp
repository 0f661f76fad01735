// The unread circulars after sign-in (offscreen, real widgets, a real desk.db): an office user's
// unread circulars are shown when they sign in, stay offered at every sign-in until each is
// marked read, and each marking queues the user's read receipt; another user reads their own.
#include "circulars/CircularStore.h"
#include "circulars/CircularsEntry.h"
#include "circulars/UnreadCircularsDialog.h"
#include "storage/DeskDatabase.h"

#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using kep::desk::UserSession;
using kep::desk::circulars::CircularStore;
using kep::desk::ui::CircularsEntry;

namespace {

kep::sync::Change circular(std::int64_t seq, const std::string& id, const std::string& title) {
    return {seq,
            {"circular", id},
            1,
            {{"kind", "procedure_change"},
             {"title_el", title},
             {"title_en", ""},
             {"body_el", "Αλλάζουν τα δικαιολογητικά της διαδικασίας 900002."},
             {"body_en", ""},
             {"sent_at", "2026-03-0" + std::to_string(seq) + "T08:00:00Z"},
             {"sender", "national"}},
            false};
}

UserSession officeUser(const QString& id) {
    UserSession session;
    session.userId = id;
    session.username = id;
    session.role = QStringLiteral("clerk");
    session.officeCode = QStringLiteral("0101");
    return session;
}

}  // namespace

class tst_UnreadCircularsDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CircularStore> store_;
    std::unique_ptr<QMainWindow> window_;
    QMenu* view_ = nullptr;

    // Signs `session` in and lets the event loop offer the dialog.
    void signIn(CircularsEntry& entry, const std::optional<UserSession>& session) {
        entry.setSession(session);
        QCoreApplication::processEvents();
    }

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        static int n = 0;
        db_ = kep::desk::storage::openDeskDatabase(dir_.filePath(QString("desk-%1.db").arg(++n)));
        store_ = std::make_unique<CircularStore>(*db_);
        const std::vector<kep::sync::Change> page{circular(1, "c-1", "Νέα δικαιολογητικά"),
                                                  circular(2, "c-2", "Διακοπή το Σάββατο")};
        store_->applyPage(page, 2);
        window_ = std::make_unique<QMainWindow>();
        view_ = window_->menuBar()->addMenu("View");
        window_->show();
    }

    void cleanup() {
        window_.reset();
        store_.reset();
        db_.reset();
    }

    void shownAtSignInUntilMarkedRead() {
        CircularsEntry entry(*store_, view_, window_.get());
        QSignalSpy queued(&entry, &CircularsEntry::receiptQueued);
        signIn(entry, officeUser("user-a"));
        auto* dialog = entry.dialog();
        QVERIFY(dialog != nullptr);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->list()->count(), 2);
        QVERIFY(dialog->text()->toPlainText().contains(QString::fromUtf8("Νέα δικαιολογητικά")));

        // The first is marked read; the second stays, and "Later" leaves it unread.
        QTest::mouseClick(dialog->markReadButton(), Qt::LeftButton);
        QCOMPARE(queued.count(), 1);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->list()->count(), 1);
        QVERIFY(dialog->list()->item(0)->text().contains(QString::fromUtf8("Διακοπή")));
        QTest::mouseClick(dialog->laterButton(), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());

        // Signed out and in again: the one left unread is offered again, alone.
        signIn(entry, std::nullopt);
        signIn(entry, officeUser("user-a"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->list()->count(), 1);
        QTest::mouseClick(dialog->markReadButton(), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());  // nothing left unread
        QCOMPARE(store_->unreadCount("user-a"), 0);
        QCOMPARE(store_->unsentReceipts().size(), std::size_t{2});

        // The next sign-in of the same user offers nothing; another user has both to read.
        signIn(entry, std::nullopt);
        signIn(entry, officeUser("user-a"));
        QVERIFY(!dialog->isVisible());
        signIn(entry, std::nullopt);
        signIn(entry, officeUser("user-b"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->list()->count(), 2);
    }

    // Central roles have no office: circulars are not theirs to read.
    void notForUsersWithoutOffice() {
        CircularsEntry entry(*store_, view_, window_.get());
        auto central = officeUser("user-c");
        central.role = QStringLiteral("central_admin");
        central.officeCode.clear();
        signIn(entry, central);
        QVERIFY(entry.dialog() == nullptr);
        QVERIFY(!entry.action()->isVisible());
    }

    // New circulars arriving while the user works are offered at once.
    void arrivingCircularsAreOffered() {
        CircularsEntry entry(*store_, view_, window_.get());
        signIn(entry, officeUser("user-d"));
        QTest::mouseClick(entry.dialog()->markReadButton(), Qt::LeftButton);
        QTest::mouseClick(entry.dialog()->markReadButton(), Qt::LeftButton);
        QVERIFY(!entry.dialog()->isVisible());
        const std::vector<kep::sync::Change> later{circular(3, "c-3", "Νέος κανόνας")};
        store_->applyPage(later, 3);
        entry.circularsArrived();
        QVERIFY(entry.dialog()->isVisible());
        QCOMPARE(entry.dialog()->list()->count(), 1);
    }
};

QTEST_MAIN(tst_UnreadCircularsDialog)
#include "tst_unreadcircularsdialog.moc"
