// The circulars a user has not read yet, shown after sign-in until each is marked read: the
// list (kind, date, title), the selected one's text, "Mark read" and "Later".
#pragma once

#include "circulars/CircularStore.h"

#include <QDialog>
#include <QString>

#include <vector>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace kep::desk::ui {

class UnreadCircularsDialog : public QDialog {
    Q_OBJECT
public:
    // `store` is the UI thread's; it must outlive the dialog.
    explicit UnreadCircularsDialog(kep::desk::circulars::CircularStore& store,
                                   QWidget* parent = nullptr);

    // Loads `userId`'s unread circulars in `language` ("el" or "en"); false when there are none.
    bool load(const QString& userId, const QString& language);
    // Marks the selected circular read (the receipt waits to be sent); the dialog closes when
    // none is left unread.
    void markSelectedRead();

    int unreadShown() const;
    QListWidget* list() const { return list_; }
    QTextBrowser* text() const { return text_; }
    QPushButton* markReadButton() const { return markRead_; }
    QPushButton* laterButton() const { return later_; }

signals:
    // A receipt was queued: the correspondence round may send it now.
    void receiptQueued();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showSelected();
    void fill();
    void retranslateUi();

    kep::desk::circulars::CircularStore& store_;
    QString userId_;
    QString language_ = QStringLiteral("el");
    std::vector<kep::desk::circulars::DeskCircular> unread_;
    QLabel* intro_;
    QListWidget* list_;
    QTextBrowser* text_;
    QDialogButtonBox* buttons_;
    QPushButton* markRead_;
    QPushButton* later_;
};

}  // namespace kep::desk::ui
