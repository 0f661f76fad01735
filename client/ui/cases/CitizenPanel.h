// The citizen part of the filing form: a Greek citizen by ΑΦΜ (checked as typed, the reason shown
// beside the field), an EU or third-country citizen by document and nationality, names in Greek
// and Latin letters, phone and e-mail (checked when the clerk leaves the field); a returning
// citizen's record fills the panel as soon as the ΑΦΜ is known.
#pragma once

#include "shared/cases/Citizen.h"
#include "shared/cases/ValidationIssue.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>
#include <string>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace kep::desk::ui {

class CitizenPanel : public QWidget {
    Q_OBJECT
public:
    // A citizen served before, by exact ΑΦΜ (CaseStore::findCitizens in the desk).
    using ReturningCitizenLookup =
        std::function<std::optional<kep::cases::Citizen>(const std::string& afm)>;

    explicit CitizenPanel(QWidget* parent = nullptr);

    void setReturningCitizenLookup(ReturningCitizenLookup lookup);
    kep::cases::Citizen citizen() const;
    void setCitizen(const kep::cases::Citizen& citizen);
    void clear();

    // Shows each problem next to its field (a field without one is cleared) and focuses the
    // first field in tab order that has one. Returns the problems of fields the panel does not
    // show (the representative's), in words, for the form to list.
    QStringList showIssues(const kep::cases::ValidationIssues& issues);
    QString problemShown(const QString& field) const;  // "" when the field has none
    bool isReturningCitizen() const { return returning_; }

    // The inputs in tab order, as the clerk moves through them (for the form's chain and tests).
    QList<QWidget*> inputsInTabOrder() const;

    QComboBox* kind() const { return kind_; }
    QLineEdit* afm() const { return afm_; }
    QLineEdit* amka() const { return amka_; }
    QLineEdit* surnameEl() const { return surnameEl_; }
    QLineEdit* givenNameEl() const { return givenNameEl_; }
    QLineEdit* surnameLatin() const { return surnameLatin_; }
    QLineEdit* givenNameLatin() const { return givenNameLatin_; }
    QComboBox* documentType() const { return documentType_; }
    QLineEdit* documentNumber() const { return documentNumber_; }
    QLineEdit* nationality() const { return nationality_; }
    QLineEdit* phone() const { return phone_; }
    QLineEdit* email() const { return email_; }

signals:
    void returningCitizenFound();
    void edited();  // anything typed or chosen

protected:
    void changeEvent(QEvent* event) override;

private:
    QLineEdit* addLine(const char* objectName, const QString& field);
    void checkTypedIdentifiers();
    // Shows the field's problem by validateCitizen() beside it, or clears it; an empty field
    // shows none (whether it is needed is said at filing).
    void showTypedProblem(const QString& field);
    void lookUpReturningCitizen();
    void showKind();
    void retranslateUi();
    static QString problemText(const kep::cases::ValidationIssue& issue);

    QFormLayout* form_;
    QComboBox* kind_;
    QLineEdit* afm_;
    QLineEdit* amka_;
    QLineEdit* surnameEl_;
    QLineEdit* givenNameEl_;
    QLineEdit* surnameLatin_;
    QLineEdit* givenNameLatin_;
    QComboBox* documentType_;
    QLineEdit* documentNumber_;
    QLineEdit* nationality_;
    QLineEdit* phone_;
    QLineEdit* email_;
    QLabel* returningNote_;
    QHash<QString, QLabel*> problems_;  // by validation field name
    QHash<QString, QWidget*> inputs_;   // by validation field name
    ReturningCitizenLookup lookup_;
    std::string lookedUpAfm_;
    bool returning_ = false;
};

}  // namespace kep::desk::ui
