// The «ΕΚΠΑΙΔΕΥΣΗ / TRAINING» mark laid over a window of the training desk (issue 11): always on
// top and the window's size, drawn only, never in the way of the mouse or the keyboard.
#pragma once

#include <QWidget>

namespace kep::desk::ui {

class TrainingWatermark : public QWidget {
    Q_OBJECT
public:
    // The words of the mark, in both languages at once: a trainee and a trainer each read it.
    static QString text();

    // Becomes a child of `window`, covering it, above every other child.
    explicit TrainingWatermark(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void cover();
    void retranslateUi();
};

}  // namespace kep::desk::ui
