// The help viewer and F1 on their own (offscreen): the page read with the keyboard (Page Down
// scrolls, Esc closes), the page following a switch of language while it is open, large text
// and high contrast applied to it, F1 in a modal dialog opening help that the dialog does not
// block, the Help menu's entry, and a missing page said in words instead of an empty window.
#include "DeskTheme.h"
#include "LanguageManager.h"
#include "help/HelpController.h"
#include "help/HelpTopic.h"
#include "help/HelpViewer.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtTest>

using namespace kep::desk::ui;

namespace {

// A screen with one field and a topic, shown and active, the field with the keyboard.
std::unique_ptr<QWidget> shownScreen(const QString& topic) {
    auto screen = std::make_unique<QWidget>();
    auto* field = new QLineEdit(screen.get());
    field->setObjectName(QStringLiteral("field"));
    field->setAccessibleName(QStringLiteral("Field"));
    (new QVBoxLayout(screen.get()))->addWidget(field);
    help::setTopic(screen.get(), topic);
    screen->show();
    screen->activateWindow();
    QApplication::setActiveWindow(screen.get());
    field->setFocus();
    return screen;
}

}  // namespace

class tst_HelpViewer : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { DeskTheme::apply({}); }

    void pageDownScrollsAndEscCloses() {
        help::HelpViewer viewer;
        QVERIFY(viewer.showTopic(QStringLiteral("filing"), QStringLiteral("en")));
        viewer.resize(320, 200);  // smaller than the page, so that there is something to scroll
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QApplication::setActiveWindow(&viewer);
        QCOMPARE(QApplication::focusWidget(), viewer.browser());
        QScrollBar* bar = viewer.browser()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), 0);
        QTest::keyClick(viewer.browser(), Qt::Key_PageDown);
        QVERIFY(bar->value() > 0);
        QVERIFY(!viewer.browser()->accessibleName().isEmpty());
        QTest::keyClick(viewer.browser(), Qt::Key_Escape);
        QVERIFY(!viewer.isVisible());
    }

    void thePageFollowsTheLanguage() {
        LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("el")));
        help::HelpController controller(languages);
        const auto screen = shownScreen(QStringLiteral("home"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        help::HelpViewer* viewer = controller.viewer();
        QVERIFY(viewer != nullptr && viewer->isVisible());
        QCOMPARE(viewer->topic(), QStringLiteral("home"));
        QCOMPARE(viewer->language(), QStringLiteral("el"));
        QVERIFY(viewer->browser()->toPlainText().startsWith(QStringLiteral("Αρχική")));
        QVERIFY(viewer->windowTitle().contains(QStringLiteral("Βοήθεια")));

        QVERIFY(languages.setLanguage(QStringLiteral("en")));
        QCOMPARE(controller.viewer(), viewer);  // the same window, on the English page
        QCOMPARE(viewer->language(), QStringLiteral("en"));
        QVERIFY(viewer->browser()->toPlainText().startsWith(QStringLiteral("Home")));
        QCOMPARE(viewer->windowTitle(), QStringLiteral("Help: Home — KEP Desk"));
        QCOMPARE(viewer->browser()->accessibleName(), QStringLiteral("Help text"));
    }

    void largeTextAndHighContrastApply_data() {
        QTest::addColumn<bool>("largeText");
        QTest::addColumn<bool>("highContrast");
        QTest::newRow("large text") << true << false;
        QTest::newRow("high contrast") << false << true;
        QTest::newRow("both") << true << true;
    }

    void largeTextAndHighContrastApply() {
        QFETCH(bool, largeText);
        QFETCH(bool, highContrast);
        help::HelpViewer viewer;
        QVERIFY(viewer.showTopic(QStringLiteral("sync"), QStringLiteral("en")));
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        const int plainSize = viewer.browser()->font().pointSize();
        DeskTheme::apply({largeText, highContrast});
        QTRY_COMPARE(viewer.browser()->font().pointSize(), largeText ? 17 : plainSize);
        const QPalette palette = viewer.browser()->palette();
        QCOMPARE(palette.color(QPalette::Text) == QColor(Qt::white), highContrast);
        QCOMPARE(palette.color(QPalette::Base) == QColor(Qt::black), highContrast);
    }

    // A modal dialog blocks every window but its own children: the help opens as one of them.
    void f1InAModalDialogOpensHelpItCanReach() {
        LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
        help::HelpController controller(languages);
        const auto screen = shownScreen(QStringLiteral("main-window"));
        QDialog dialog(screen.get());
        help::setTopic(&dialog, QStringLiteral("about"));
        auto* field = new QLineEdit(&dialog);
        field->setAccessibleName(QStringLiteral("Field"));
        dialog.setModal(true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::setActiveWindow(&dialog);
        field->setFocus();
        QTest::keyClick(field, Qt::Key_F1);
        help::HelpViewer* viewer = controller.viewer();
        QVERIFY(viewer != nullptr && viewer->isVisible());
        QCOMPARE(viewer->topic(), QStringLiteral("about"));
        // Qt blocks the windows outside a modal dialog, except those the dialog owns.
        QCOMPARE(viewer->parentWidget(), &dialog);
        QVERIFY(dialog.isVisible());  // F1 did not close or answer the dialog
    }

    // Help → "Help for this screen" (F1) opens the help of the page in use.
    void theMenuEntryOpensTheHelpOfTheScreen() {
        LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
        help::HelpController controller(languages);
        QMainWindow window;
        help::setTopic(&window, QStringLiteral("main-window"));
        auto* page = new QLineEdit(&window);
        page->setAccessibleName(QStringLiteral("Page"));
        help::setTopic(page, QStringLiteral("catalogue"));
        window.setCentralWidget(page);
        QMenu* menu = window.menuBar()->addMenu(QStringLiteral("&Help"));
        auto* about = menu->addAction(QStringLiteral("&About"));
        QAction* entry = controller.addMenuEntry(menu);
        QCOMPARE(menu->actions().first(), entry);  // above About
        QCOMPARE(menu->actions().last(), about);
        QCOMPARE(entry->shortcut(), QKeySequence(Qt::Key_F1));
        QCOMPARE(entry->text(), QStringLiteral("&Help for this screen"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        page->setFocus();
        entry->trigger();
        QVERIFY(controller.viewer() != nullptr && controller.viewer()->isVisible());
        QCOMPARE(controller.viewer()->topic(), QStringLiteral("catalogue"));
    }

    void aMissingPageIsSaidInWords() {
        help::HelpViewer viewer;
        QTest::ignoreMessage(QtWarningMsg,
                             "kep-desk: no help page for topic \"no-such-screen\" in \"en\"");
        QVERIFY(!viewer.showTopic(QStringLiteral("no-such-screen"), QStringLiteral("en")));
        QVERIFY(viewer.browser()->toPlainText().contains(QStringLiteral("no-such-screen")));
        QVERIFY(viewer.browser()->toPlainText().contains(QStringLiteral("IT support")));
    }
};

QTEST_MAIN(tst_HelpViewer)
#include "tst_helpviewer.moc"
