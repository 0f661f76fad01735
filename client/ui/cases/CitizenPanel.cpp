#include "cases/CitizenPanel.h"

#include "shared/cases/CitizenValidation.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace kep::desk::ui {

namespace {

using kep::cases::CitizenKind;

// The order of the kind list; the combo's index is the kind.
constexpr CitizenKind kKinds[] = {CitizenKind::Greek, CitizenKind::EuCitizen,
                                  CitizenKind::ThirdCountry};

// Validation field names in the order the clerk fills them in (the panel's tab order).
const char* const kFieldOrder[] = {"afm",           "amka",
                                   "surname_el",    "given_name_el",
                                   "surname_latin", "given_name_latin",
                                   "document_type", "document_number",
                                   "nationality",   "phone",
                                   "email"};

std::string text(const QLineEdit* edit) {
    return edit->text().toStdString();
}

}  // namespace

CitizenPanel::CitizenPanel(QWidget* parent)
    : QWidget(parent)
    , form_(new QFormLayout(this))
    , kind_(new QComboBox(this))
    , afm_(nullptr)
    , amka_(nullptr)
    , surnameEl_(nullptr)
    , givenNameEl_(nullptr)
    , surnameLatin_(nullptr)
    , givenNameLatin_(nullptr)
    , documentType_(new QComboBox(this))
    , documentNumber_(nullptr)
    , nationality_(nullptr)
    , phone_(nullptr)
    , email_(nullptr)
    , returningNote_(new QLabel(this)) {
    setObjectName(QStringLiteral("citizenPanel"));
    kind_->setObjectName(QStringLiteral("citizenKind"));
    kind_->addItems({QString(), QString(), QString()});
    auto* kindLabel = new QLabel(this);
    kindLabel->setBuddy(kind_);
    form_->addRow(kindLabel, kind_);
    inputs_.insert(QStringLiteral("kind"), kind_);

    afm_ = addLine("afm", QStringLiteral("afm"));
    afm_->setMaxLength(9);
    afm_->setInputMethodHints(Qt::ImhDigitsOnly);
    amka_ = addLine("amka", QStringLiteral("amka"));
    amka_->setMaxLength(11);
    amka_->setInputMethodHints(Qt::ImhDigitsOnly);
    surnameEl_ = addLine("surnameEl", QStringLiteral("surname_el"));
    givenNameEl_ = addLine("givenNameEl", QStringLiteral("given_name_el"));
    surnameLatin_ = addLine("surnameLatin", QStringLiteral("surname_latin"));
    givenNameLatin_ = addLine("givenNameLatin", QStringLiteral("given_name_latin"));

    documentType_->setObjectName(QStringLiteral("documentType"));
    documentType_->addItems({QString(), QString()});
    auto* documentLabel = new QLabel(this);
    documentLabel->setBuddy(documentType_);
    form_->addRow(documentLabel, documentType_);
    inputs_.insert(QStringLiteral("document_type"), documentType_);
    documentNumber_ = addLine("documentNumber", QStringLiteral("document_number"));
    nationality_ = addLine("nationality", QStringLiteral("nationality"));
    nationality_->setMaxLength(2);
    phone_ = addLine("phone", QStringLiteral("phone"));
    phone_->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    email_ = addLine("email", QStringLiteral("email"));
    email_->setInputMethodHints(Qt::ImhEmailCharactersOnly);

    returningNote_->setObjectName(QStringLiteral("returningCitizenNote"));
    form_->addRow(returningNote_);

    const auto chain = inputsInTabOrder();
    for (int i = 1; i < chain.size(); ++i) {
        setTabOrder(chain[i - 1], chain[i]);
    }
    setFocusProxy(kind_);

    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        showKind();
        checkTypedIdentifiers();
    });
    connect(afm_, &QLineEdit::textChanged, this, [this] {
        checkTypedIdentifiers();
        lookUpReturningCitizen();
    });
    connect(amka_, &QLineEdit::textChanged, this, &CitizenPanel::checkTypedIdentifiers);
    // A half-typed address is not yet wrong: contact details are judged when the clerk leaves
    // the field, and a problem shown goes away as soon as the text is right.
    for (const QString& field : {QStringLiteral("phone"), QStringLiteral("email")}) {
        auto* edit = static_cast<QLineEdit*>(inputs_.value(field));
        connect(edit, &QLineEdit::editingFinished, this,
                [this, field] { showTypedProblem(field); });
        connect(edit, &QLineEdit::textChanged, this, [this, field] {
            if (!problems_.value(field)->text().isEmpty()) {
                showTypedProblem(field);
            }
        });
    }
    for (auto it = inputs_.cbegin(); it != inputs_.cend(); ++it) {
        if (auto* edit = qobject_cast<QLineEdit*>(it.value())) {
            connect(edit, &QLineEdit::textEdited, this, &CitizenPanel::edited);
        }
    }
    connect(kind_, &QComboBox::currentIndexChanged, this, &CitizenPanel::edited);
    connect(documentType_, &QComboBox::currentIndexChanged, this, &CitizenPanel::edited);
    retranslateUi();
    showKind();
}

QLineEdit* CitizenPanel::addLine(const char* objectName, const QString& field) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(objectName));
    auto* problem = new QLabel(this);
    problem->setObjectName(QString::fromLatin1(objectName) + QStringLiteral("Problem"));
    problem->setProperty("problem", true);  // the theme colours it
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 2);
    layout->addWidget(problem, 3);
    auto* label = new QLabel(this);
    label->setBuddy(edit);
    form_->addRow(label, row);
    problems_.insert(field, problem);
    inputs_.insert(field, edit);
    return edit;
}

void CitizenPanel::setReturningCitizenLookup(ReturningCitizenLookup lookup) {
    lookup_ = std::move(lookup);
}

QList<QWidget*> CitizenPanel::inputsInTabOrder() const {
    QList<QWidget*> chain{kind_};
    for (const char* field : kFieldOrder) {
        chain << inputs_.value(QString::fromLatin1(field));
    }
    return chain;
}

kep::cases::Citizen CitizenPanel::citizen() const {
    kep::cases::Citizen c;
    auto& p = c.person;
    p.kind = kKinds[std::max(0, kind_->currentIndex())];
    p.afm = text(afm_);
    p.amka = text(amka_);
    p.surnameEl = text(surnameEl_);
    p.givenNameEl = text(givenNameEl_);
    p.surnameLatin = text(surnameLatin_);
    p.givenNameLatin = text(givenNameLatin_);
    if (p.kind != CitizenKind::Greek) {
        p.documentType = documentType_->currentIndex() == 1
                             ? kep::cases::TravelDocumentType::NationalIdCard
                             : kep::cases::TravelDocumentType::Passport;
        p.documentNumber = text(documentNumber_);
        p.nationality = text(nationality_);
    }
    c.phone = text(phone_);
    c.email = text(email_);
    return c;
}

void CitizenPanel::setCitizen(const kep::cases::Citizen& citizen) {
    const auto& p = citizen.person;
    for (int i = 0; i < int(std::size(kKinds)); ++i) {
        if (kKinds[i] == p.kind) {
            kind_->setCurrentIndex(i);
        }
    }
    // The ΑΦΜ last and only when it differs: setting it would start the look-up again.
    amka_->setText(QString::fromStdString(p.amka));
    surnameEl_->setText(QString::fromStdString(p.surnameEl));
    givenNameEl_->setText(QString::fromStdString(p.givenNameEl));
    surnameLatin_->setText(QString::fromStdString(p.surnameLatin));
    givenNameLatin_->setText(QString::fromStdString(p.givenNameLatin));
    documentType_->setCurrentIndex(
        p.documentType == kep::cases::TravelDocumentType::NationalIdCard ? 1 : 0);
    documentNumber_->setText(QString::fromStdString(p.documentNumber));
    nationality_->setText(QString::fromStdString(p.nationality));
    phone_->setText(QString::fromStdString(citizen.phone));
    email_->setText(QString::fromStdString(citizen.email));
    if (afm_->text() != QString::fromStdString(p.afm)) {
        lookedUpAfm_ = p.afm;
        afm_->setText(QString::fromStdString(p.afm));
    }
}

void CitizenPanel::clear() {
    setCitizen({});
    lookedUpAfm_.clear();
    returning_ = false;
    returningNote_->clear();
    showIssues({});
}

void CitizenPanel::checkTypedIdentifiers() {
    // Only the identifiers are checked while typing: a half-typed name is not yet an error.
    showTypedProblem(QStringLiteral("afm"));
    showTypedProblem(QStringLiteral("amka"));
}

void CitizenPanel::showTypedProblem(const QString& field) {
    auto* edit = static_cast<QLineEdit*>(inputs_.value(field));
    QString shown;
    if (!edit->text().isEmpty()) {
        for (const auto& issue : kep::cases::validateCitizen(citizen(), {})) {
            if (QString::fromStdString(issue.field) == field) {
                shown = problemText(issue);
                break;
            }
        }
    }
    problems_.value(field)->setText(shown);
}

void CitizenPanel::lookUpReturningCitizen() {
    const std::string afm = text(afm_);
    if (!lookup_ || afm.size() != 9 || afm == lookedUpAfm_ ||
        !problems_.value(QStringLiteral("afm"))->text().isEmpty()) {
        return;
    }
    lookedUpAfm_ = afm;
    if (auto found = lookup_(afm)) {
        setCitizen(*found);
        returning_ = true;
        returningNote_->setText(tr("Returning citizen: the record was filled in from this desk."));
        emit returningCitizenFound();
    }
}

QStringList CitizenPanel::showIssues(const kep::cases::ValidationIssues& issues) {
    for (auto it = problems_.begin(); it != problems_.end(); ++it) {
        it.value()->clear();
    }
    QWidget* first = nullptr;
    for (const QWidget* input : inputsInTabOrder()) {
        for (const auto& issue : issues) {
            const QString field = QString::fromStdString(issue.field);
            if (inputs_.value(field) == input && problems_.contains(field)) {
                if (problems_.value(field)->text().isEmpty()) {
                    problems_.value(field)->setText(problemText(issue));
                }
                if (first == nullptr) {
                    first = inputs_.value(field);
                }
            }
        }
    }
    if (first != nullptr) {
        first->setFocus(Qt::OtherFocusReason);
    }
    QStringList elsewhere;
    for (const auto& issue : issues) {
        if (!problems_.contains(QString::fromStdString(issue.field))) {
            elsewhere << QStringLiteral("%1: %2").arg(QString::fromStdString(issue.field),
                                                      problemText(issue));
        }
    }
    return elsewhere;
}

QString CitizenPanel::problemShown(const QString& field) const {
    const QLabel* label = problems_.value(field);
    return label != nullptr ? label->text() : QString();
}

QString CitizenPanel::problemText(const kep::cases::ValidationIssue& issue) {
    const std::string& code = issue.code;
    if (code == "required") {
        return tr("Required");
    }
    if (code == "wrong_length") {
        return issue.field == "amka" ? tr("An ΑΜΚΑ has 11 digits") : tr("An ΑΦΜ has 9 digits");
    }
    if (code == "not_digits") {
        return tr("Digits only");
    }
    if (code == "all_zeros") {
        return tr("Cannot be all zeros");
    }
    if (code == "check_digit_mismatch") {
        return tr("The check digit does not match: a digit is mistyped");
    }
    if (code == "invalid_birth_date") {
        return tr("The first six digits are not a date of birth");
    }
    if (code == "unknown_country") {
        return tr("Unknown country: two letters of ISO 3166, such as DE");
    }
    if (code == "kind_mismatch") {
        return tr("The nationality does not match the kind of citizen");
    }
    if (code == "invalid_characters") {
        return issue.field == "phone"
                   ? tr("Digits only, with spaces or hyphens if you like, and + before a "
                        "country code")
                   : tr("A character this field cannot have");
    }
    if (code == "invalid_greek_number") {
        return tr("A Greek number has 10 digits and starts with 69 or 2");
    }
    if (code == "invalid_international_number") {
        return tr("An international number has 8 to 15 digits after the +");
    }
    if (code == "missing_at") {
        return tr("An e-mail address has an @, as in name@example.gr");
    }
    if (code == "too_many_at") {
        return tr("An e-mail address has only one @");
    }
    if (code == "invalid_local_part") {
        return tr("The part before the @ has a character an address cannot have");
    }
    if (code == "invalid_domain") {
        return tr("The part after the @ is not a domain, as in example.gr");
    }
    if (code == "non_ascii") {
        return tr("Latin letters only: not every authority's mail accepts others");
    }
    if (code == "too_long") {
        return tr("Too long");
    }
    return tr("Not valid (%1)").arg(QString::fromStdString(issue.message));
}

void CitizenPanel::showKind() {
    const bool greek = kind_->currentIndex() <= 0;
    form_->setRowVisible(documentType_, !greek);
    form_->setRowVisible(inputs_.value(QStringLiteral("document_number"))->parentWidget(), !greek);
    form_->setRowVisible(inputs_.value(QStringLiteral("nationality"))->parentWidget(), !greek);
}

void CitizenPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CitizenPanel::retranslateUi() {
    kind_->setItemText(0, tr("Greek citizen"));
    kind_->setItemText(1, tr("EU citizen"));
    kind_->setItemText(2, tr("Third-country citizen"));
    documentType_->setItemText(0, tr("Passport"));
    documentType_->setItemText(1, tr("National identity card"));
    const QList<std::pair<QWidget*, QString>> names{{kind_, tr("Citizen of")},
                                                    {afm_, tr("&ΑΦΜ")},
                                                    {amka_, tr("ΑΜ&ΚΑ (optional)")},
                                                    {surnameEl_, tr("&Surname (Greek)")},
                                                    {givenNameEl_, tr("&Given name (Greek)")},
                                                    {surnameLatin_, tr("Surname (&Latin)")},
                                                    {givenNameLatin_, tr("Given name (La&tin)")},
                                                    {documentType_, tr("Document")},
                                                    {documentNumber_, tr("Document &number")},
                                                    {nationality_, tr("Nationalit&y (ISO code)")},
                                                    {phone_, tr("P&hone")},
                                                    {email_, tr("&E-mail")}};
    for (const auto& [input, label] : names) {
        if (auto* shown = qobject_cast<QLabel*>(form_->labelForField(
                input == kind_ || input == documentType_ ? input : input->parentWidget()))) {
            shown->setText(label);
        }
        // The accessible name is the label without its mnemonic marker.
        input->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    }
    for (auto it = problems_.begin(); it != problems_.end(); ++it) {
        it.value()->setAccessibleName(tr("Problem"));
    }
}

}  // namespace kep::desk::ui
