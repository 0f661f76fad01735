#include "training/TrainingWatermark.h"

#include "DeskTheme.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace kep::desk::ui {

TrainingWatermark::TrainingWatermark(QWidget* window) : QWidget(window) {
    setObjectName(QStringLiteral("trainingWatermark"));
    // Seen, never touched: clicks and keys go to the window's controls underneath.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setAutoFillBackground(false);
    // The high-contrast theme paints every QWidget black: this one must stay see-through.
    setStyleSheet(QStringLiteral("background: transparent;"));
    window->installEventFilter(this);
    retranslateUi();
    cover();
    show();
}

QString TrainingWatermark::text() {
    return QStringLiteral("ΕΚΠΑΙΔΕΥΣΗ / TRAINING");
}

void TrainingWatermark::retranslateUi() {
    setAccessibleName(text());
    setAccessibleDescription(
        tr("Training mode: practice data only. Nothing done in this window reaches the server "
           "or a real case."));
}

void TrainingWatermark::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void TrainingWatermark::cover() {
    setGeometry(parentWidget()->rect());
    raise();
}

bool TrainingWatermark::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget()) {
        switch (event->type()) {
            case QEvent::Resize:
            case QEvent::Show:
            case QEvent::ChildAdded:  // a page or panel added later must stay underneath
            case QEvent::ZOrderChange:
            case QEvent::LayoutRequest:
                cover();
                break;
            default:
                break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TrainingWatermark::paintEvent(QPaintEvent*) {
    // Yellow on the black of high contrast, dark red elsewhere: the badge reaches 7:1 either way.
    const bool highContrast = DeskTheme::applied().highContrast;
    const QColor ink = highContrast ? QColor(0xff, 0xff, 0x00) : QColor(0x8b, 0x00, 0x00);
    const QColor paper = highContrast ? QColor(0x00, 0x00, 0x00) : QColor(0xff, 0xff, 0xff);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    // Across the window, faint enough to read the form through it.
    QFont big = font();
    big.setBold(true);
    big.setPixelSize(qMax(18, qMin(width(), height()) / 9));
    painter.save();
    painter.translate(rect().center());
    painter.rotate(-30);
    QColor faint = ink;
    faint.setAlpha(highContrast ? 90 : 45);
    painter.setFont(big);
    painter.setPen(faint);
    const QRect across(-width(), -height() / 2, 2 * width(), height());
    painter.drawText(across, Qt::AlignCenter, text());
    painter.restore();

    // A solid badge in the top right corner, where title bars and menu bars leave room.
    QFont small = font();
    small.setBold(true);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    const QSize badge(metrics.horizontalAdvance(text()) + 16, metrics.height() + 6);
    const QRect box(width() - badge.width() - 4, 2, badge.width(), badge.height());
    painter.fillRect(box, ink);
    painter.setPen(paper);
    painter.drawText(box, Qt::AlignCenter, text());
}

}  // namespace kep::desk::ui
