// What the desk knows about its synchronisation with the server: online or not, how many local
// changes wait in the outbox, when the last sync succeeded. The model behind the status bar.
#pragma once

#include <QDateTime>
#include <QObject>

namespace kep::desk {

class SyncStatus : public QObject {
    Q_OBJECT
public:
    explicit SyncStatus(QObject* parent = nullptr);

    bool isOnline() const { return online_; }
    int pendingChanges() const { return pendingChanges_; }
    QDateTime lastSuccessfulSync() const { return lastSuccessfulSync_; }  // invalid = never
    int openConflicts() const { return openConflicts_; }  // in the office's conflict inbox
    int stuckChanges() const { return stuckChanges_; }    // rejected or conflicting, kept

public slots:
    void setOnline(bool online);
    void setPendingChanges(int count);  // negative counts are clamped to 0
    void setLastSuccessfulSync(const QDateTime& when);
    void setOpenConflicts(int count);  // negative counts are clamped to 0
    void setStuckChanges(int count);   // negative counts are clamped to 0

signals:
    void changed();

private:
    bool online_ = false;
    int pendingChanges_ = 0;
    QDateTime lastSuccessfulSync_;
    int openConflicts_ = 0;
    int stuckChanges_ = 0;
};

}  // namespace kep::desk
