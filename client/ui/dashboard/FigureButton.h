// One figure of a dashboard as a button: its value large, its caption under it; Enter, Space or
// a click opens the cases behind it, and a screen reader hears "caption: value".
#pragma once

#include <QPushButton>

namespace kep::desk::ui {

class FigureButton : public QPushButton {
    Q_OBJECT
public:
    explicit FigureButton(QWidget* parent = nullptr);

    void setFigure(const QString& caption, const QString& value);
    QString caption() const { return caption_; }
    QString value() const { return value_; }

protected:
    // Enter and Return press the button, as Space does: outside a dialog QPushButton ignores them.
    void keyPressEvent(QKeyEvent* event) override;

private:
    QString caption_;
    QString value_;
};

}  // namespace kep::desk::ui
