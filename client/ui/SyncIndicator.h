// The permanent status-bar indicator of the sync state: «Σε σύνδεση · 0 εκκρεμείς · τελευταίος
// συγχρονισμός 10:42». Turns the SyncStatus model into words in the current language.
#pragma once

#include <QDateTime>
#include <QLabel>

namespace kep::desk {
class SyncStatus;
}

namespace kep::desk::ui {

class SyncIndicator : public QLabel {
    Q_OBJECT
public:
    explicit SyncIndicator(const SyncStatus& status, QWidget* parent = nullptr);

    // The indicator's text; `now` decides whether the last sync is shown as a time (today) or
    // with its date.
    static QString describe(bool online, int pendingChanges, const QDateTime& lastSync,
                            const QDateTime& now);
    // What waits for a person, appended when there is any: «2 συγκρούσεις · 1 απορρίφθηκε».
    static QString describeAttention(int openConflicts, int stuckChanges);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    const SyncStatus& status_;
};

}  // namespace kep::desk::ui
