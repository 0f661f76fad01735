// The evidence checklist of the filing form: one line per document of the procedure, in its
// order, each marked provided, missing or to be obtained by the KEP; alternatives say so. Below
// it, the attachments (scanned or imported) that show the documents, kept by content hash.
#pragma once

#include "cases/FilingDraft.h"
#include "shared/cases/EvidenceChecklist.h"
#include "shared/catalogue/Procedure.h"

#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;

namespace kep::desk::cases {
struct ImportedAttachment;
}

namespace kep::desk::ui {

class EvidencePanel : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePanel(QWidget* parent = nullptr);

    // Every document starts missing: the clerk marks what the citizen brought.
    void showProcedure(const kep::catalogue::Procedure& procedure);
    void clear();
    // The documents' titles in the desk's language (Greek where a record has no English).
    void setLanguage(kep::catalogue::Language language);

    // The checklist as marked, in the procedure's order (CaseFiling::evidence).
    std::vector<std::pair<std::string, kep::cases::EvidenceState>> states() const;
    // Marks from a saved draft; documents the procedure no longer lists are ignored.
    void setStates(const std::vector<std::pair<std::string, kep::cases::EvidenceState>>& states);
    // The documents' titles by how they are marked, in `language` (for the receipt, which is in
    // the citizen's language rather than the screen's).
    QStringList titlesMarked(kep::cases::EvidenceState state,
                             kep::catalogue::Language language) const;

    // The one place where an attachment enters the case, from a file or from the scanner: it
    // shows document `documentIndex` (the one last focused when -1), which is marked provided.
    void addAttachment(const kep::desk::cases::ImportedAttachment& attachment,
                       int documentIndex = -1);
    const std::vector<kep::desk::cases::DraftAttachment>& attachments() const {
        return attachments_;
    }
    void setAttachments(std::vector<kep::desk::cases::DraftAttachment> attachments);

    const QList<QComboBox*>& choices() const { return choices_; }
    QListWidget* attachmentList() const { return attachmentList_; }

signals:
    void edited();  // a mark changed or an attachment was added

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString titleOf(int index, kep::catalogue::Language language) const;
    void showAttachments();
    void retranslateUi();

    QFormLayout* form_;
    QLabel* attachmentsLabel_;
    QListWidget* attachmentList_;
    QList<QComboBox*> choices_;
    std::vector<kep::cases::EvidenceRequirement> requirements_;
    std::vector<kep::catalogue::Evidence> documents_;
    std::vector<kep::desk::cases::DraftAttachment> attachments_;
    kep::catalogue::Language language_ = kep::catalogue::Language::El;
    int lastFocused_ = 0;
};

}  // namespace kep::desk::ui
