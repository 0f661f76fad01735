// F1 everywhere in the desk, modal dialogs included: finds the topic of the screen the key was
// pressed in and opens its page in the help viewer, in the desk's language, following a switch
// of language while it is open. Installed once on the application, as an event filter.
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk::ui {
class LanguageManager;
}

namespace kep::desk::ui::help {

class HelpViewer;

class HelpController : public QObject {
    Q_OBJECT
public:
    // `languages` must outlive the controller.
    explicit HelpController(LanguageManager& languages, QObject* parent = nullptr);
    ~HelpController() override;

    // Opens the help of the screen `from` belongs to (the widget with the keyboard, when null).
    void showHelpFor(QWidget* from = nullptr);
    // "Help for this screen" (F1) at the top of `menu`, the main window's Help menu.
    QAction* addMenuEntry(QMenu* menu);
    // The viewer last opened, while it exists.
    HelpViewer* viewer() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    LanguageManager& languages_;
    QPointer<HelpViewer> viewer_;
    QPointer<QAction> menuEntry_;
};

}  // namespace kep::desk::ui::help
