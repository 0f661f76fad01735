// Issue 11, must-have 5: F1 opens the help of the screen in use, in Greek and in English. For
// every screen of the scripted tour (enrolment, sign-in, the main window and its pages, filing,
// about, users, approval) and of the ScreenGallery, in both languages: the widget with the
// keyboard resolves to a topic, the topic has a page with a heading in each language, and F1
// pressed there opens the viewer on that page in the language in use; Esc closes it. Last, every
// page shipped under resources/desk/help belongs to a screen and exists in both languages.
#include "../ScreenGallery.h"
#include "../tour/TourDesk.h"
#include "help/HelpController.h"
#include "help/HelpTopic.h"
#include "help/HelpViewer.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::describe;
using kep::desk::test::TourDemoServer;

namespace {

// The language the desk shows now: LanguageManager sets the default locale with it.
QString languageInUse() {
    return QLocale().language() == QLocale::Greek ? QStringLiteral("el") : QStringLiteral("en");
}

struct Page {
    QString heading;  // the text of its <h1>
    int words = 0;
    bool validUtf8 = false;
};

std::optional<Page> readPage(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    Page page;
    const QString html = utf8(bytes);
    page.validUtf8 = !utf8.hasError();
    const auto heading = QRegularExpression(QStringLiteral("<h1>([^<]+)</h1>")).match(html);
    page.heading = heading.hasMatch() ? heading.captured(1).trimmed() : QString();
    QTextDocument document;
    document.setHtml(html);
    page.words = int(document.toPlainText()
                         .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
                         .size());
    return page;
}

bool hasGreekLetters(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x0370 && c.unicode() <= 0x03ff; });
}

struct HelpWalk {
    QStringList problems;
    QSet<QString> topics;
    int pressed = 0;

    // The pages of `topic` in both languages: there, UTF-8, with a heading, short, in their
    // language.
    void checkPages(const QString& where, const QString& topic) {
        for (const QString& language : LanguageManager::languages()) {
            const auto page = readPage(help::pagePath(language, topic));
            if (!page) {
                problems
                    << QStringLiteral("%1: topic %2 has no %3 page").arg(where, topic, language);
                continue;
            }
            if (!page->validUtf8 || page->heading.isEmpty()) {
                problems << QStringLiteral("%1: the %2 page of %3 is not UTF-8 with an <h1>")
                                .arg(where, language, topic);
            }
            if (page->words < 100 || page->words > 250) {
                problems << QStringLiteral("%1: the %2 page of %3 has %4 words, not 100 to 250")
                                .arg(where, language, topic)
                                .arg(page->words);
            }
            if (hasGreekLetters(page->heading) != (language == QLatin1String("el"))) {
                problems << QStringLiteral("%1: the %2 page of %3 is headed «%4»")
                                .arg(where, language, topic, page->heading);
            }
        }
    }

    // F1 pressed on `from`: the viewer shows the page of the screen `from` belongs to, in the
    // language in use, and Esc closes it. The active window and its focus are given back for
    // whatever the tour does next.
    void pressF1(const QString& where, QWidget* from, help::HelpController& controller) {
        const QString topic = help::topicFor(from);
        if (topic.isEmpty()) {
            problems << QStringLiteral("%1: %2 in %3 belongs to no help topic")
                            .arg(where, describe(from), describe(from->window()));
            return;
        }
        topics.insert(topic);
        checkPages(where, topic);
        const QPointer<QWidget> active = QApplication::activeWindow();
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString language = languageInUse();
        QTest::keyClick(from, Qt::Key_F1);
        ++pressed;
        QPointer<help::HelpViewer> viewer = controller.viewer();
        if (viewer == nullptr || !viewer->isVisible()) {
            problems << QStringLiteral("%1: F1 on %2 opened no help").arg(where, describe(from));
            return;
        }
        const auto page = readPage(help::pagePath(language, topic));
        if (viewer->topic() != topic || viewer->language() != language || !page ||
            !viewer->browser()->toPlainText().contains(page->heading)) {
            problems << QStringLiteral("%1: F1 on %2 showed %3 (%4), not %5 (%6)")
                            .arg(where, describe(from), viewer->topic(), viewer->language(), topic,
                                 language);
        }
        if (!viewer->windowTitle().contains(page ? page->heading : QString())) {
            problems << QStringLiteral("%1: the help window is titled «%2»")
                            .arg(where, viewer->windowTitle());
        }
        QTest::keyClick(viewer->browser(), Qt::Key_Escape);
        if (viewer != nullptr && viewer->isVisible()) {
            problems << QStringLiteral("%1: Esc does not close the help").arg(where);
            viewer->hide();
        }
        if (active != nullptr) {
            active->activateWindow();
            QApplication::setActiveWindow(active);
        }
        if (focus != nullptr) {
            focus->setFocus(Qt::OtherFocusReason);
        }
    }

    // F1 on a window, on the widget that has its keyboard and, in the main window, on the page
    // shown: each of them is a screen with its own help.
    void pressF1Around(const QString& where, QWidget* window, help::HelpController& controller) {
        QList<QWidget*> targets{window};
        if (QWidget* focus = window->focusWidget(); focus != nullptr && focus->isVisible()) {
            targets << focus;
        }
        if (auto* main = qobject_cast<QMainWindow*>(window)) {
            if (auto* pages = qobject_cast<QTabWidget*>(main->centralWidget())) {
                targets << pages->currentWidget();
            }
        }
        for (QWidget* target : targets) {
            pressF1(where, target, controller);
        }
    }

    void report() {
        problems.removeDuplicates();
        for (const QString& problem : problems) {
            qWarning("%s", qPrintable(problem));  // each one: a failure message is cut short
        }
    }
};

QSet<QString> pageNames(const QString& folder) {
    QSet<QString> names;
    for (const QString& file :
         QDir(folder).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
        names.insert(file.chopped(5));
    }
    return names;
}

QString joined(const QSet<QString>& names) {
    QStringList list(names.begin(), names.end());
    list.sort();
    return list.join(QStringLiteral(", "));
}

}  // namespace

class tst_Help : public QObject {
    Q_OBJECT

    QSet<QString> topicsUsed_;  // by every screen the walks below went through

private slots:
    void everyScreenOfTheTourHasItsHelp() {
        TourDemoServer demo;
        QTemporaryDir out;
        HelpWalk walk;
        int shots = 0;
        const auto run = kep::desk::test::runTour(
            demo.admin.server, out.path(), {"clerk.demo", "synthetic demo password", {}},
            {"manager.demo", "synthetic demo password", "0101"}, QStringLiteral("ABCD-EFGH-JKLM"),
            [&walk, &shots](DeskShell& shell, const QString& shot) {
                ++shots;
                auto* controller = shell.findChild<help::HelpController*>();
                if (controller == nullptr) {
                    walk.problems << QStringLiteral("%1: the desk has no help").arg(shot);
                    return;
                }
                // Every window the shot shows: the active one may be a dialog just closed. The
                // list is taken first; F1 makes and drops help windows while it is gone through.
                QList<QPointer<QWidget>> windows;
                for (QWidget* window : QApplication::topLevelWidgets()) {
                    windows << window;
                }
                for (const QPointer<QWidget>& window : windows) {
                    if (window != nullptr && window->isVisible() &&
                        qobject_cast<QMenu*>(window) == nullptr &&
                        qobject_cast<help::HelpViewer*>(window) == nullptr) {
                        walk.pressF1Around(shot, window, *controller);
                    }
                }
            });
        QVERIFY2(run.exitCode == 0, qPrintable(run.message));
        qInfo("F1 on %d screens of the tour: %s", walk.pressed, qPrintable(joined(walk.topics)));
        walk.report();
        QVERIFY2(walk.problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems, listed above").arg(walk.problems.size())));
        QCOMPARE(shots, 19);                 // every screen of both passes, Greek then English
        QVERIFY(walk.pressed >= 2 * shots);  // a window and its keyboard at least
        topicsUsed_ += walk.topics;
    }

    void everyScreenOfTheGalleryHasItsHelp_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("el") << QStringLiteral("el");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void everyScreenOfTheGalleryHasItsHelp() {
        QFETCH(QString, language);
        LanguageManager languages;
        QVERIFY(languages.setLanguage(language));
        help::HelpController controller(languages);
        kep::desk::test::ScreenGallery gallery(language);
        HelpWalk walk;
        for (const auto& screen : gallery.screens()) {
            screen->show();
            QVERIFY(QTest::qWaitForWindowExposed(screen.get()));
            screen->activateWindow();
            QApplication::setActiveWindow(screen.get());
            walk.pressF1Around(QString::fromLatin1(screen->metaObject()->className()), screen.get(),
                               controller);
            screen->hide();
        }
        walk.report();
        QVERIFY2(walk.problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems, listed above").arg(walk.problems.size())));
        QVERIFY(walk.pressed > int(gallery.screens().size()));  // each window, and focus
        topicsUsed_ += walk.topics;
    }

    // Runs after the walks: a page no screen uses is help nobody can open; a page in one
    // language only fails the other; a page in the source tree but not in the program is lost.
    void everyPageBelongsToAScreenInBothLanguages() {
        QVERIFY2(!topicsUsed_.isEmpty(), "run with the walks above");
        const QString sources = QStringLiteral(KEP_HELP_PAGES_DIR);
        for (const QString& language : LanguageManager::languages()) {
            const QSet<QString> shipped = pageNames(QStringLiteral(":/desk/help/") + language);
            QCOMPARE(joined(pageNames(sources + QLatin1Char('/') + language)), joined(shipped));
            QCOMPARE(joined(shipped), joined(topicsUsed_));
        }
        qInfo("%lld topics, each in el and en", qlonglong(topicsUsed_.size()));
    }
};

QTEST_MAIN(tst_Help)
#include "tst_help.moc"
