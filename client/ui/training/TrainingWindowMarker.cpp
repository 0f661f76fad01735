#include "training/TrainingWindowMarker.h"

#include "training/TrainingWatermark.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace kep::desk::ui {

namespace {

QString titlePrefix() {
    return TrainingWatermark::text() + QStringLiteral(" — ");
}

// Menus, tooltips and completer pop-ups are windows too, but brief and too small to carry it.
bool carriesTheMark(const QWidget* widget) {
    if (widget == nullptr || !widget->isWindow()) {
        return false;
    }
    const Qt::WindowType type = widget->windowType();
    return type != Qt::Popup && type != Qt::ToolTip && type != Qt::SplashScreen &&
           type != Qt::Desktop && !widget->testAttribute(Qt::WA_DontShowOnScreen);
}

void markTitle(QWidget* window) {
    const QString title = window->windowTitle();
    if (!title.startsWith(titlePrefix())) {
        window->setWindowTitle(titlePrefix() + title);
    }
}

}  // namespace

TrainingWindowMarker::TrainingWindowMarker(QObject* parent) : QObject(parent) {
    qApp->installEventFilter(this);
    for (QWidget* window : QApplication::topLevelWidgets()) {
        if (window->isVisible() && carriesTheMark(window)) {
            mark(window);
        }
    }
}

TrainingWindowMarker::~TrainingWindowMarker() {
    qApp->removeEventFilter(this);
}

void TrainingWindowMarker::mark(QWidget* window) {
    if (!isMarked(window)) {
        new TrainingWatermark(window);
    }
    markTitle(window);
}

bool TrainingWindowMarker::isMarked(const QWidget* window) {
    return window->findChild<TrainingWatermark*>(QString(), Qt::FindDirectChildrenOnly) != nullptr;
}

bool TrainingWindowMarker::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type == QEvent::Show || type == QEvent::WindowTitleChange) && watched->isWidgetType()) {
        auto* widget = static_cast<QWidget*>(watched);
        if (carriesTheMark(widget)) {
            // A window that retitles itself (a language switch) gets the prefix back.
            mark(widget);
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace kep::desk::ui
