// The catalogue page of the main window: the procedure finder beside the procedure view, fed
// from the desk's local catalogue (index for the search, desk.db for the procedure opened).
#pragma once

#include "catalogue/PublishedRecord.h"

#include <QStringList>
#include <QWidget>

#include <optional>

namespace kep::desk::catalogue {
class CatalogueIndex;
class CatalogueStore;
}  // namespace kep::desk::catalogue

namespace kep::desk::ui {

class ProcedureFinder;
class ProcedureView;

class CataloguePage : public QWidget {
    Q_OBJECT
public:
    explicit CataloguePage(QWidget* parent = nullptr);

    // Both must outlive the page; null leaves the finder empty.
    void setCatalogue(kep::desk::catalogue::CatalogueStore* store,
                      const kep::desk::catalogue::CatalogueIndex* index);
    void setLanguage(const QString& code);  // "el" or "en": which texts of the record to show
    void focusSearch();
    // Reads the procedure from desk.db and shows it; false if the desk does not have it.
    bool openProcedure(const QString& id);
    // The procedure a new case is for: the one open in the view, else the finder's selection.
    QString selectedProcedureId() const;
    // The current version of a procedure from desk.db; empty if the desk does not have it.
    std::optional<kep::desk::catalogue::PublishedRecord> procedure(const QString& id) const;

    ProcedureFinder* finder() const { return finder_; }
    ProcedureView* view() const { return view_; }

public slots:
    // After a sync: the results are searched again, and an open procedure that changed is
    // shown in its new version.
    void catalogueUpdated(const QStringList& ids);

private:
    ProcedureFinder* finder_;
    ProcedureView* view_;
    kep::desk::catalogue::CatalogueStore* store_ = nullptr;
};

}  // namespace kep::desk::ui
