#include "help/HelpController.h"

#include "LanguageManager.h"
#include "help/HelpTopic.h"
#include "help/HelpViewer.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QMenu>

namespace kep::desk::ui::help {

namespace {
bool isHelpKey(const QEvent* event) {
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride) {
        return false;
    }
    const auto* key = static_cast<const QKeyEvent*>(event);
    return key->key() == Qt::Key_F1 && key->modifiers() == Qt::NoModifier;
}

// The window the help belongs beside: a popup (an open menu) stands for the window under it.
QWidget* screenWindow(QWidget* from) {
    QWidget* window = from->window();
    if (window->windowType() == Qt::Popup) {
        QWidget* active = QApplication::activeWindow();
        return active != nullptr ? active : window;
    }
    return window;
}
}  // namespace

HelpController::HelpController(LanguageManager& languages, QObject* parent)
    : QObject(parent)
    , languages_(languages) {
    qApp->installEventFilter(this);
    connect(&languages_, &LanguageManager::languageChanged, this, [this](const QString& code) {
        if (viewer_ != nullptr) {
            viewer_->showTopic(viewer_->topic(), code);
        }
        retranslate();
    });
}

HelpController::~HelpController() {
    qApp->removeEventFilter(this);
    delete viewer_.data();
}

bool HelpController::eventFilter(QObject* watched, QEvent* event) {
    // Key events reach the QWindow first and then the widget with the focus: only the widget
    // says which screen it is.
    if (!isHelpKey(event) || !watched->isWidgetType()) {
        return false;
    }
    auto* widget = static_cast<QWidget*>(watched);
    if (qobject_cast<HelpViewer*>(widget->window()) != nullptr) {
        return false;  // F1 in the help itself: nothing more to open
    }
    // Taken before any shortcut: F1 means this screen's help in every window and dialog.
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        showHelpFor(widget);
    }
    return true;
}

void HelpController::showHelpFor(QWidget* from) {
    if (from == nullptr) {
        from = QApplication::focusWidget();
    }
    if (from == nullptr) {
        from = QApplication::activeWindow();
    }
    if (from == nullptr) {
        return;  // no window of the desk is active: there is no screen to explain
    }
    QWidget* window = screenWindow(from);
    const QString topic = topicFor(from);
    if (topic.isEmpty()) {
        qWarning("kep-desk: the screen %s names no help topic", window->metaObject()->className());
    }
    // The viewer belongs to the screen's window, so that a modal dialog does not block it.
    if (viewer_ != nullptr && viewer_->parentWidget() != window) {
        delete viewer_.data();
    }
    if (viewer_ == nullptr) {
        viewer_ = new HelpViewer(window);  // kept, hidden, for the next F1 in this window
    }
    viewer_->showTopic(topic, languages_.language());
    viewer_->show();
    viewer_->raise();
    viewer_->activateWindow();
}

HelpViewer* HelpController::viewer() const {
    return viewer_.data();
}

QAction* HelpController::addMenuEntry(QMenu* menu) {
    auto* entry = new QAction(menu);
    entry->setObjectName(QStringLiteral("helpForScreenAction"));
    // Shown in the menu; the key itself is taken by the filter, in every window.
    entry->setShortcut(QKeySequence(Qt::Key_F1));
    entry->setShortcutContext(Qt::WindowShortcut);
    const QList<QAction*> existing = menu->actions();
    menu->insertAction(existing.isEmpty() ? nullptr : existing.first(), entry);
    connect(entry, &QAction::triggered, this, [this] { showHelpFor(); });
    menuEntry_ = entry;
    retranslate();
    return entry;
}

void HelpController::retranslate() {
    if (menuEntry_ != nullptr) {
        menuEntry_->setText(tr("&Help for this screen"));
    }
}

}  // namespace kep::desk::ui::help
