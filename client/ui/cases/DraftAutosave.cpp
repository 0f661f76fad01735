#include "cases/DraftAutosave.h"

#include "Clock.h"
#include "cases/DraftStore.h"
#include "cases/FilingDraft.h"
#include "cases/FilingForm.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>
#include <exception>

namespace kep::desk::ui {

DraftAutosave::DraftAutosave(FilingForm& form, kep::desk::cases::DraftStore& drafts,
                             const kep::desk::Clock& clock, QObject* parent)
    : QObject(parent)
    , form_(form)
    , drafts_(drafts)
    , clock_(clock) {
    setObjectName(QStringLiteral("draftAutosave"));
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &DraftAutosave::saveNow);
    connect(&form_, &FilingForm::edited, this, &DraftAutosave::formEdited);
    connect(qApp, &QApplication::focusChanged, this, &DraftAutosave::focusMoved);
    form_.installEventFilter(this);
}

void DraftAutosave::formEdited() {
    if (!unsaved_) {
        unsaved_ = true;
        firstUnsaved_.start();
    }
    // Restarted by every keystroke, but cut short so that the first unsaved one is never older
    // than kLongestDelay when it is written.
    const auto waited = std::chrono::milliseconds{firstUnsaved_.elapsed()};
    const auto delay =
        std::clamp(kLongestDelay - waited, std::chrono::milliseconds{0}, kQuietDelay);
    timer_.start(delay);
}

void DraftAutosave::focusMoved(QWidget* from, QWidget* to) {
    // A field left inside the form is a natural pause: the clerk finished typing it.
    if (unsaved_ && from != nullptr && form_.isAncestorOf(from) && from != to) {
        saveNow();
    }
}

bool DraftAutosave::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &form_ && (event->type() == QEvent::Hide || event->type() == QEvent::Close)) {
        saveNow();  // the clerk turned to another page or the desk is closing
    }
    return QObject::eventFilter(watched, event);
}

bool DraftAutosave::saveNow() {
    if (!unsaved_) {
        return true;
    }
    timer_.stop();
    if (!form_.hasUnfiledCase()) {
        unsaved_ = false;
        return true;
    }
    const std::string content = kep::desk::cases::filingDraftToJson(form_.draft());
    if (content == lastSaved_) {
        unsaved_ = false;
        return true;
    }
    try {
        drafts_.save({form_.draftId(), form_.clerkId(), content, clock_.now().toMSecsSinceEpoch()});
    } catch (const std::exception& e) {
        // The message is SQLite's and names no value typed; the next edit tries again.
        qWarning("kep-desk: cannot save the filing draft: %s", e.what());
        return false;
    }
    lastSaved_ = content;
    unsaved_ = false;
    emit saved();
    return true;
}

void DraftAutosave::forgetUnsaved() {
    timer_.stop();
    unsaved_ = false;
    lastSaved_.clear();
}

}  // namespace kep::desk::ui
