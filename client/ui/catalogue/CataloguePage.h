// The catalogue page of the main window: the procedure finder beside the procedure view, fed
// from the desk's local catalogue (index for the search, desk.db for the procedure opened).
#pragma once

#include <QStringList>
#include <QWidget>

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
