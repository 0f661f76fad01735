// The two accessibility themes: large text enlarges without recolouring, high contrast recolours
// black/white/yellow with a focus frame without enlarging, and both together do both.
#include "DeskTheme.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest>

using kep::desk::ui::Appearance;
using kep::desk::ui::DeskTheme;

class tst_DeskTheme : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { DeskTheme::apply({}); }

    void appliesEachThemeAndBoth_data() {
        QTest::addColumn<bool>("largeText");
        QTest::addColumn<bool>("highContrast");
        QTest::newRow("neither") << false << false;
        QTest::newRow("large text") << true << false;
        QTest::newRow("high contrast") << false << true;
        QTest::newRow("both") << true << true;
    }

    void appliesEachThemeAndBoth() {
        QFETCH(bool, largeText);
        QFETCH(bool, highContrast);
        QWidget window;
        auto* field = new QLineEdit(&window);
        auto* button = new QPushButton(QStringLiteral("OK"), &window);
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(field);
        layout->addWidget(button);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const qreal plainSize = QFontInfo(field->font()).pointSizeF();
        const QColor plainWindow = window.palette().color(QPalette::Window);

        DeskTheme::apply({largeText, highContrast});
        QCoreApplication::processEvents();
        QCOMPARE(DeskTheme::applied().largeText, largeText);
        QCOMPARE(DeskTheme::applied().highContrast, highContrast);

        const qreal size = QFontInfo(field->font()).pointSizeF();
        QCOMPARE(size >= 16.5 && size > plainSize * 1.3, largeText);
        if (highContrast) {
            QCOMPARE(window.palette().color(QPalette::Window), QColor(Qt::black));
            QCOMPARE(field->palette().color(QPalette::Text), QColor(Qt::white));
            QCOMPARE(button->palette().color(QPalette::ButtonText), QColor(Qt::yellow));
        } else {
            QCOMPARE(window.palette().color(QPalette::Window), plainWindow);
        }
    }

    void switchingOffRestoresTheOther() {
        DeskTheme::apply({true, true});
        DeskTheme::apply({true, false});
        QVERIFY(qApp->styleSheet().contains(QLatin1String("font-size")));
        QVERIFY(!qApp->styleSheet().contains(QLatin1String("#ffff00")));
        DeskTheme::apply({false, true});
        QVERIFY(!qApp->styleSheet().contains(QLatin1String("font-size")));
        QVERIFY(qApp->styleSheet().contains(QLatin1String("#ffff00")));
    }
};

QTEST_MAIN(tst_DeskTheme)
#include "tst_desktheme.moc"
