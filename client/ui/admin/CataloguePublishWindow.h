// Administration → Catalogue publishing, for the central administrator: the drafts an import
// made, each with what it changes for the desks, publishing the ticked ones or all (after a
// confirmation), and the KEP-side options of any procedure.
#pragma once

#include "admin/CatalogueDrafts.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace kep::desk::admin {
class AdministrationClient;
struct AdminFailure;
}  // namespace kep::desk::admin

namespace kep::desk::ui {

class CataloguePublishWindow : public QDialog {
    Q_OBJECT
public:
    static constexpr int kPageSize = 50;
    // Asks the question; true to go on. The default asks with a message box; tests answer.
    using Confirmation = std::function<bool(const QString& question)>;

    explicit CataloguePublishWindow(kep::desk::admin::AdministrationClient& client,
                                    QWidget* parent = nullptr);

    void setConfirmation(Confirmation confirmation) { confirm_ = std::move(confirmation); }
    void setLanguage(const QString& code);  // "el" or "en": the register's texts to show
    void refresh();                         // the first page of drafts again

    // Ticks (or unticks) every listed draft.
    void selectAll(bool ticked);
    void publishSelected();
    void publishAll();
    void loadOptions();
    void saveOptions();

    QTableWidget* drafts() const { return drafts_; }
    QTextBrowser* difference() const { return difference_; }
    QLabel* status() const { return status_; }
    QLineEdit* procedureId() const { return procedureId_; }
    QCheckBox* requiresApproval() const { return requiresApproval_; }
    QCheckBox* offeredAtKep() const { return offeredAtKep_; }
    QLineEdit* authority() const { return authority_; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showPage(const kep::desk::admin::DraftPage& page);
    void showDraft(int row);
    void showOptions(const QString& id, const kep::desk::admin::ProcedureOptions& options);
    void showFailure(const kep::desk::admin::AdminFailure& failure);
    QStringList tickedIds() const;
    QString titleOf(const kep::desk::admin::CatalogueDraft& draft) const;
    void setStatus(const QString& text, bool error);

    kep::desk::admin::AdministrationClient& client_;
    Confirmation confirm_;
    QString language_ = QStringLiteral("el");
    QList<kep::desk::admin::CatalogueDraft> loaded_;
    int total_ = 0;

    QLabel* draftsLabel_;
    QTableWidget* drafts_;
    QLabel* differenceLabel_;
    QTextBrowser* difference_;
    QPushButton* tickAll_;
    QPushButton* more_;
    QPushButton* reload_;
    QPushButton* publishSelected_;
    QPushButton* publishAll_;
    QGroupBox* optionsBox_;
    QLabel* procedureIdLabel_;
    QLineEdit* procedureId_;
    QPushButton* load_;
    QCheckBox* requiresApproval_;
    QCheckBox* offeredAtKep_;
    QLabel* authorityLabel_;
    QLineEdit* authority_;
    QPushButton* save_;
    QLabel* status_;
    QPushButton* close_;
};

}  // namespace kep::desk::ui
