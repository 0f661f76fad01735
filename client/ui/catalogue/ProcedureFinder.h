// The procedure finder at the counter: a search field that filters the catalogue as the clerk
// types (Greek, English or Greeklish) and a result list driven from the keyboard — Down and Up
// move through the results while typing, Enter opens the one selected.
#pragma once

#include "shared/catalogue/LocalizedText.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;

namespace kep::desk::catalogue {
class CatalogueIndex;
}

namespace kep::desk::ui {

class ProcedureFinder : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxResults = 50;

    explicit ProcedureFinder(QWidget* parent = nullptr);

    // The index must outlive the finder (or be replaced); null shows an empty catalogue.
    void setIndex(const kep::desk::catalogue::CatalogueIndex* index);
    void setLanguage(kep::catalogue::Language language);
    void focusSearch();  // focus in the field, its text selected so typing replaces it
    void refresh();      // runs the query again: the index has changed

    QLineEdit* searchField() const { return search_; }
    QListWidget* results() const { return results_; }
    QString currentId() const;  // the selected result's procedure id, "" if none

signals:
    void procedureChosen(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void runQuery();
    void moveSelection(int step);
    void chooseCurrent();
    void retranslateUi();

    QLineEdit* search_;
    QListWidget* results_;
    QLabel* status_;
    const kep::desk::catalogue::CatalogueIndex* index_ = nullptr;
    kep::catalogue::Language language_ = kep::catalogue::Language::El;
};

}  // namespace kep::desk::ui
