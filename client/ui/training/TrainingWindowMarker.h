// Marks every window of the training desk while it runs (issue 11): each top-level window gets
// a TrainingWatermark when first shown, and its title starts with «ΕΚΠΑΙΔΕΥΣΗ / TRAINING».
#pragma once

#include <QObject>

class QWidget;

namespace kep::desk::ui {

class TrainingWindowMarker : public QObject {
    Q_OBJECT
public:
    // Watches the whole application from now until it is destroyed; windows already open are
    // marked at once.
    explicit TrainingWindowMarker(QObject* parent = nullptr);
    ~TrainingWindowMarker() override;

    // Gives `window` its watermark and title (once; again is harmless).
    static void mark(QWidget* window);
    static bool isMarked(const QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace kep::desk::ui
