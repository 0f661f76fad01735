// One procedure as the clerk reads it at the counter, in the desk's language: its details, and a
// "what changed" page between the previous version kept in desk.db and the current one, opened
// first when the procedure changed since this desk last showed it.
#pragma once

#include "catalogue/PublishedRecord.h"

#include <QWidget>

#include <optional>

class QTabWidget;
class QTextBrowser;

namespace kep::desk::ui {

class ProcedureView : public QWidget {
    Q_OBJECT
public:
    explicit ProcedureView(QWidget* parent = nullptr);

    // `previous` is the version `current` replaced, when one is kept; `changedSinceViewed`
    // opens the "what changed" page first.
    void showProcedure(kep::desk::catalogue::PublishedRecord current,
                       std::optional<kep::desk::catalogue::PublishedRecord> previous,
                       bool changedSinceViewed);
    void clear();
    void setLanguage(kep::catalogue::Language language);
    void showChanges();  // on demand; does nothing without a previous version

    QString procedureId() const;
    bool hasChanges() const { return previous_.has_value(); }
    bool showsChanges() const;
    QTextBrowser* details() const { return details_; }
    QTextBrowser* changes() const { return changes_; }
    QTabWidget* pages() const { return pages_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void retranslateUi();

    QTabWidget* pages_;
    QTextBrowser* details_;
    QTextBrowser* changes_;
    std::optional<kep::desk::catalogue::PublishedRecord> current_;
    std::optional<kep::desk::catalogue::PublishedRecord> previous_;
    kep::catalogue::Language language_ = kep::catalogue::Language::El;
};

}  // namespace kep::desk::ui
