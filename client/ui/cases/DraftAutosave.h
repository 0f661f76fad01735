// Keeps the filing form's unfinished case in desk.db as the clerk types, so that a crash or a
// power cut loses at most the last second or so: debounced after typing, at once on a move to
// another field and when the form is hidden or closed.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <string>

class QWidget;

namespace kep::desk {
class Clock;
}
namespace kep::desk::cases {
class DraftStore;
}

namespace kep::desk::ui {

class FilingForm;

class DraftAutosave : public QObject {
    Q_OBJECT
public:
    // Saved this long after the last keystroke...
    static constexpr std::chrono::milliseconds kQuietDelay{1000};
    // ...but never later than this after the first unsaved one, so that steady typing is saved
    // too and a crash loses less than 2 s of it.
    static constexpr std::chrono::milliseconds kLongestDelay{1500};

    // `form` owns the autosave; `drafts` and `clock` must outlive it.
    DraftAutosave(FilingForm& form, kep::desk::cases::DraftStore& drafts,
                  const kep::desk::Clock& clock, QObject* parent = nullptr);

    // Writes the form's draft now if anything is unsaved (one statement: the old draft or the
    // new one, never half). False when the write failed; what was typed stays unsaved and is
    // tried again at the next edit.
    bool saveNow();
    // What is on the form now counts as saved (a case just started, resumed or filed).
    void forgetUnsaved();
    bool hasUnsaved() const { return unsaved_; }

signals:
    void saved();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void formEdited();
    void focusMoved(QWidget* from, QWidget* to);

    FilingForm& form_;
    kep::desk::cases::DraftStore& drafts_;
    const kep::desk::Clock& clock_;
    QTimer timer_;
    QElapsedTimer firstUnsaved_;
    bool unsaved_ = false;
    std::string lastSaved_;  // the content last written, so that nothing unchanged is rewritten
};

}  // namespace kep::desk::ui
