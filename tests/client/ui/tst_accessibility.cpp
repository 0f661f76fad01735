// Issue 11, must-have 4: a screen reader can name every control and the keyboard reaches it.
// The walk audits every window the scripted tour opens (enrolment, sign-in, the main window and
// its pages, filing, about, users, approval) in Greek and in English, as the clerk and as the
// manager, and the screens it does not open one by one (ScreenGallery): each interactive widget
// must have an accessible name (as QAccessible reports it), Tab must reach and leave every
// focusable control of a dialog, and every shortcut must be held by a widget and unambiguous in
// its scope.
#include "ScreenGallery.h"
#include "tour/TourDesk.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMultiHash>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollBar>
#include <QSet>
#include <QTabBar>
#include <QTextEdit>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::describe;
using kep::desk::test::TourDemoServer;

namespace {

// Parts Qt builds inside a compound control, which the control's own name covers.
bool isPartOfAnother(const QWidget* w) {
    for (const QWidget* p = w->parentWidget(); p != nullptr; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox*>(p) != nullptr ||
            qobject_cast<const QAbstractSpinBox*>(p) != nullptr ||
            qobject_cast<const QTabBar*>(p) != nullptr ||
            qobject_cast<const QScrollBar*>(p) != nullptr ||
            qobject_cast<const QLineEdit*>(p) != nullptr) {  // its clear button
            return true;
        }
        // An item view's editors and header sections are named by the view's cells.
        if (qobject_cast<const QAbstractItemView*>(p) != nullptr) {
            return true;
        }
    }
    return w->objectName().startsWith(QLatin1String("qt_"));
}

// Radio buttons that exclude each other: those of one QButtonGroup, or auto-exclusive siblings.
bool sameRadioGroup(const QRadioButton* a, const QRadioButton* b) {
    if (a->group() != nullptr || b->group() != nullptr) {
        return a->group() == b->group();
    }
    return a->autoExclusive() && b->autoExclusive() && a->parentWidget() == b->parentWidget();
}

// A group of radio buttons is one Tab stop, as on every desktop: Tab reaches one of them and the
// arrow keys the others. So a radio button Tab passes over is reached if the arrows reach it
// from one of its group that Tab did reach.
bool reachedByArrows(QWidget* w, const QSet<QWidget*>& reached) {
    auto* radio = qobject_cast<QRadioButton*>(w);
    if (radio == nullptr) {
        return false;
    }
    for (QWidget* from : reached) {
        auto* start = qobject_cast<QRadioButton*>(from);
        if (start == nullptr || !sameRadioGroup(start, radio)) {
            continue;
        }
        for (const Qt::Key arrow : {Qt::Key_Down, Qt::Key_Right, Qt::Key_Up, Qt::Key_Left}) {
            start->setFocus(Qt::TabFocusReason);
            for (int press = 0; press < 16; ++press) {  // more than any group has buttons
                QWidget* now = QApplication::focusWidget();
                if (now == w) {
                    return true;
                }
                QTest::keyClick(now, arrow);
            }
        }
    }
    return false;
}

bool isInteractive(const QWidget* w) {
    return qobject_cast<const QAbstractButton*>(w) != nullptr ||
           qobject_cast<const QLineEdit*>(w) != nullptr ||
           qobject_cast<const QComboBox*>(w) != nullptr ||
           qobject_cast<const QAbstractSpinBox*>(w) != nullptr ||
           qobject_cast<const QAbstractItemView*>(w) != nullptr ||
           qobject_cast<const QTabBar*>(w) != nullptr ||
           qobject_cast<const QTextEdit*>(w) != nullptr ||
           qobject_cast<const QPlainTextEdit*>(w) != nullptr;
}

QList<QWidget*> interactiveWidgets(QWidget* window) {
    QList<QWidget*> found;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->isVisibleTo(window) && isInteractive(w) && !isPartOfAnother(w)) {
            found << w;
        }
    }
    return found;
}

struct Audit {
    QStringList problems;
    QSet<QString> windowsSeen;
    int widgetsChecked = 0;

    void names(QWidget* window, const QString& screen) {
        for (QWidget* w : interactiveWidgets(window)) {
            ++widgetsChecked;
            QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
            if (a == nullptr || a->text(QAccessible::Name).trimmed().isEmpty()) {
                problems << QStringLiteral("%1: %2 in %3 has no accessible name")
                                .arg(screen, describe(w), describe(window));
            }
        }
    }

    // Tab from the first control on: every focusable interactive control is reached before
    // focus comes back round, and none of them keeps Tab for itself.
    void tabOrder(QWidget* dialog, const QString& screen) {
        QList<QWidget*> expected;
        for (QWidget* w : interactiveWidgets(dialog)) {
            if (w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) != 0) {
                expected << w;
            }
        }
        if (expected.isEmpty()) {
            return;
        }
        dialog->activateWindow();
        QApplication::setActiveWindow(dialog);
        expected.first()->setFocus(Qt::TabFocusReason);
        QSet<QWidget*> reached;
        for (int press = 0; press < expected.size() * 2 + 2; ++press) {
            QWidget* now = QApplication::focusWidget();
            if (now == nullptr) {
                break;
            }
            reached.insert(now);
            QTest::keyClick(now, Qt::Key_Tab);
        }
        for (QWidget* w : expected) {
            if (!reached.contains(w) && !reachedByArrows(w, reached)) {
                problems << QStringLiteral("%1: Tab never reaches %2 in %3")
                                .arg(screen, describe(w), describe(dialog));
            }
            // And Tab leaves each of them again: no control keeps the keyboard to itself.
            w->setFocus(Qt::TabFocusReason);
            QTest::keyClick(w, Qt::Key_Tab);
            if (expected.size() > 1 && QApplication::focusWidget() == w) {
                problems << QStringLiteral("%1: Tab does not leave %2 in %3")
                                .arg(screen, describe(w), describe(dialog));
            }
        }
    }

    // A shortcut two actions share in one scope fires neither; one on an action no visible
    // widget holds fires never. A window-wide shortcut's scope is the window; a widget's
    // shortcut's is that widget, which clashes with the window's and with its own ancestors'.
    void shortcuts(QWidget* window, const QString& screen) {
        struct Bound {
            QAction* action;
            QWidget* scope;  // nullptr: the whole window
        };
        QMultiHash<QString, Bound> bound;
        for (QAction* action : window->findChildren<QAction*>()) {
            if (action->shortcuts().isEmpty() || !action->isVisible()) {
                continue;
            }
            QWidget* holder = nullptr;
            for (QObject* o : action->associatedObjects()) {
                auto* w = qobject_cast<QWidget*>(o);
                if (w != nullptr && qobject_cast<QMenu*>(w) == nullptr && w->isVisible()) {
                    holder = w;
                }
                if (auto* menu = qobject_cast<QMenu*>(o);
                    menu != nullptr && holder == nullptr && menu->window() == window) {
                    holder = window;  // in the window's menus
                }
            }
            if (holder == nullptr) {
                const bool anyHolder = !action->associatedObjects().isEmpty();
                if (!anyHolder) {
                    problems << QStringLiteral("%1: the shortcut of %2 in %3 is in no widget")
                                    .arg(screen, action->objectName(), describe(window));
                }
                continue;  // on a page not shown now
            }
            const bool windowWide = action->shortcutContext() == Qt::WindowShortcut ||
                                    action->shortcutContext() == Qt::ApplicationShortcut;
            for (const QKeySequence& key : action->shortcuts()) {
                bound.insert(key.toString(QKeySequence::PortableText),
                             {action, windowWide ? nullptr : holder});
            }
        }
        for (const QString& key : bound.uniqueKeys()) {
            const QList<Bound> all = bound.values(key);
            for (int i = 0; i < all.size(); ++i) {
                for (int j = i + 1; j < all.size(); ++j) {
                    const Bound& a = all[i];
                    const Bound& b = all[j];
                    const bool clash = a.scope == nullptr || b.scope == nullptr ||
                                       a.scope->isAncestorOf(b.scope) ||
                                       b.scope->isAncestorOf(a.scope) || a.scope == b.scope;
                    if (clash && a.action != b.action) {
                        problems << QStringLiteral("%1: %2 is the shortcut of both %3 and %4 in %5")
                                        .arg(screen, key, a.action->objectName(),
                                             b.action->objectName(), describe(window));
                    }
                }
            }
        }
    }

    void screen(const QString& shot) {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            if (!window->isVisible() || qobject_cast<QMenu*>(window) != nullptr) {
                continue;
            }
            windowsSeen.insert(window->objectName().isEmpty()
                                   ? QString::fromLatin1(window->metaObject()->className())
                                   : window->objectName());
            names(window, shot);
            shortcuts(window, shot);
            if (qobject_cast<QDialog*>(window) != nullptr) {
                tabOrder(window, shot);
            }
        }
    }
};

}  // namespace

class tst_Accessibility : public QObject {
    Q_OBJECT

private slots:
    void everyScreenOfTheTourIsNamedAndReachable() {
        TourDemoServer demo;
        QTemporaryDir out;
        Audit audit;
        const auto run = kep::desk::test::runTour(
            demo.admin.server, out.path(), {"clerk.demo", "synthetic demo password", {}},
            {"manager.demo", "synthetic demo password", "0101"}, QStringLiteral("ABCD-EFGH-JKLM"),
            [&audit](DeskShell&, const QString& shot) { audit.screen(shot); });
        QVERIFY2(run.exitCode == 0, qPrintable(run.message));
        QCOMPARE(run.files.size(), 19);  // every screen of both passes was audited
        qInfo("%d windows, %d interactive widgets checked over %lld screens: %s",
              int(audit.windowsSeen.size()), audit.widgetsChecked, qlonglong(run.files.size()),
              qPrintable(QStringList(audit.windowsSeen.values()).join(QStringLiteral(", "))));
        QVERIFY(audit.windowsSeen.size() >= 4);
        audit.problems.removeDuplicates();
        for (const QString& problem : audit.problems) {
            qWarning("%s", qPrintable(problem));  // each one: a failure message is cut short
        }
        QVERIFY2(
            audit.problems.isEmpty(),
            qPrintable(QStringLiteral("%1 problems, listed above").arg(audit.problems.size())));
    }

    // The screens the tour does not open, each on its own in both languages: the sync panel and
    // the manager's conflict inbox, the central administrator's offices, workstations and
    // catalogue publishing, a case's details, the work queues and the case search, the two
    // dashboards, the authority inbox, the circulars window and composer, the unread circulars,
    // the review of the flags, the hand-over, a clerk's flag and the scan dialog.
    void screensOutsideTheTourAreNamedAndReachable_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("el") << QStringLiteral("el");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void screensOutsideTheTourAreNamedAndReachable() {
        QFETCH(QString, language);
        LanguageManager languages;
        QVERIFY(languages.setLanguage(language));
        kep::desk::test::ScreenGallery gallery(language);
        const auto& screens = gallery.screens();
        Audit audit;
        for (const auto& screen : screens) {
            screen->show();
            QVERIFY(QTest::qWaitForWindowExposed(screen.get()));
            QTest::qWait(100);  // the fake server's first answers
            audit.screen(QString::fromLatin1(screen->metaObject()->className()) + QLatin1Char('-') +
                         language);
            screen->hide();
        }
        qInfo("%d windows, %d interactive widgets checked", int(audit.windowsSeen.size()),
              audit.widgetsChecked);
        QCOMPARE(int(audit.windowsSeen.size()), int(screens.size()));
        audit.problems.removeDuplicates();
        for (const QString& problem : audit.problems) {
            qWarning("%s", qPrintable(problem));
        }
        QVERIFY2(
            audit.problems.isEmpty(),
            qPrintable(QStringLiteral("%1 problems, listed above").arg(audit.problems.size())));
    }
};

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
