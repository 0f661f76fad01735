// The training watermark (issue 11): every top-level window shown while training runs carries
// it, on top and the window's size, with the title marked too; it is drawn where it can be
// seen, yet clicks and the keyboard go to the controls underneath.
#include "DeskTheme.h"
#include "training/TrainingWatermark.h"
#include "training/TrainingWindowMarker.h"

#include <QDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace kep::desk::ui;

namespace {

TrainingWatermark* watermarkOf(const QWidget* window) {
    return window->findChild<TrainingWatermark*>(QString(), Qt::FindDirectChildrenOnly);
}

QWidget* topmostChild(const QWidget* window) {
    QWidget* top = nullptr;
    for (QObject* child : window->children()) {
        if (child->isWidgetType() && static_cast<QWidget*>(child)->isVisible()) {
            top = static_cast<QWidget*>(child);
        }
    }
    return top;
}

// A dialog with a field and a button, as the desk's dialogs are.
struct FormDialog {
    QDialog dialog;
    QLineEdit* field = new QLineEdit(&dialog);
    QPushButton* button = new QPushButton(QStringLiteral("OK"), &dialog);
    FormDialog() {
        auto* layout = new QVBoxLayout(&dialog);
        layout->addWidget(field);
        layout->addWidget(button);
        dialog.setWindowTitle(QStringLiteral("Αίτηση"));
        dialog.resize(420, 260);
    }
};

}  // namespace

class tst_TrainingWatermark : public QObject {
    Q_OBJECT

private slots:
    void everyWindowShownIsMarked() {
        TrainingWindowMarker marker;
        QMainWindow window;
        window.setWindowTitle(QStringLiteral("KEP Desk"));
        window.setCentralWidget(new QLineEdit);
        window.resize(640, 480);
        window.show();
        FormDialog form;
        form.dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.dialog));
        for (QWidget* shown :
             {static_cast<QWidget*>(&window), static_cast<QWidget*>(&form.dialog)}) {
            const TrainingWatermark* mark = watermarkOf(shown);
            QVERIFY(mark);
            QVERIFY(mark->isVisible());
            QCOMPARE(mark->geometry(), shown->rect());
            QCOMPARE(topmostChild(shown), mark);
            QVERIFY(shown->windowTitle().startsWith(TrainingWatermark::text()));
            QVERIFY(!mark->accessibleDescription().isEmpty());
        }
        QCOMPARE(form.dialog.windowTitle(),
                 TrainingWatermark::text() + QStringLiteral(" — Αίτηση"));
    }

    void aWindowOpenBeforeTrainingIsMarkedToo() {
        FormDialog form;
        form.dialog.show();
        QVERIFY(!watermarkOf(&form.dialog));
        TrainingWindowMarker marker;
        QVERIFY(watermarkOf(&form.dialog));
    }

    void itFollowsTheWindow() {
        TrainingWindowMarker marker;
        FormDialog form;
        form.dialog.show();
        form.dialog.resize(800, 600);
        QTRY_COMPARE(watermarkOf(&form.dialog)->geometry(), form.dialog.rect());
        // A panel added later goes underneath.
        auto* later = new QPushButton(QStringLiteral("later"), &form.dialog);
        later->show();
        QCOMPARE(topmostChild(&form.dialog), watermarkOf(&form.dialog));
        // A window that retitles itself (a language switch) keeps the mark in its title.
        form.dialog.setWindowTitle(QStringLiteral("Application"));
        QCOMPARE(form.dialog.windowTitle(),
                 TrainingWatermark::text() + QStringLiteral(" — Application"));
        // Marking again adds nothing.
        TrainingWindowMarker::mark(&form.dialog);
        QCOMPARE(form.dialog.findChildren<TrainingWatermark*>().size(), 1);
    }

    void popupsAreLeftAlone() {
        TrainingWindowMarker marker;
        QMenu menu;
        menu.addAction(QStringLiteral("Ένα"));
        menu.popup(QPoint(10, 10));
        QVERIFY(QTest::qWaitForWindowExposed(&menu));
        QVERIFY(!watermarkOf(&menu));
    }

    void clicksAndKeysReachTheForm() {
        TrainingWindowMarker marker;
        FormDialog form;
        form.dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.dialog));
        const TrainingWatermark* mark = watermarkOf(&form.dialog);
        QVERIFY(mark->testAttribute(Qt::WA_TransparentForMouseEvents));
        QCOMPARE(mark->focusPolicy(), Qt::NoFocus);
        const QPoint onButton = form.button->geometry().center();
        QCOMPARE(form.dialog.childAt(onButton), form.button);
        QSignalSpy clicked(form.button, &QPushButton::clicked);
        QTest::mouseClick(form.button, Qt::LeftButton);
        QCOMPARE(clicked.size(), 1);
        form.field->setFocus();
        for (int i = 0; i < 4; ++i) {
            QTest::keyClick(&form.dialog, Qt::Key_Tab);
            QVERIFY(QApplication::focusWidget() != mark);
        }
    }

    void itIsSeenInBothThemes_data() {
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<QColor>("badge");
        QTest::newRow("standard") << false << QColor(0x8b, 0x00, 0x00);
        QTest::newRow("high contrast") << true << QColor(0xff, 0xff, 0x00);
    }
    void itIsSeenInBothThemes() {
        QFETCH(bool, highContrast);
        QFETCH(QColor, badge);
        DeskTheme::apply({false, highContrast});
        TrainingWindowMarker marker;
        FormDialog form;
        form.dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.dialog));
        const QImage withMark = form.dialog.grab().toImage();
        // The badge in the top right corner, in its colour.
        QCOMPARE(withMark.pixelColor(withMark.width() - 8, 4), badge);
        // See-through: most of the window looks as it does without the mark.
        watermarkOf(&form.dialog)->hide();
        const QImage without = form.dialog.grab().toImage();
        qsizetype differing = 0;
        for (int y = 0; y < without.height(); ++y) {
            for (int x = 0; x < without.width(); ++x) {
                differing += withMark.pixel(x, y) != without.pixel(x, y) ? 1 : 0;
            }
        }
        QVERIFY2(differing < without.width() * without.height() / 4,
                 qPrintable(QStringLiteral("%1 pixels differ").arg(differing)));
        DeskTheme::apply({});
    }
};

QTEST_MAIN(tst_TrainingWatermark)
#include "tst_trainingwatermark.moc"
