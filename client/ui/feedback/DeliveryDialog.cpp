#include "feedback/DeliveryDialog.h"

#include "help/HelpTopic.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace kep::desk::ui {

namespace {

constexpr int kMaxCommentCharacters = 1000;

}  // namespace

DeliveryDialog::DeliveryDialog(kep::desk::feedback::CaseDelivery& delivery, QWidget* parent)
    : QDialog(parent)
    , delivery_(delivery)
    , caseLabel_(new QLabel(this))
    , ratingLabel_(new QLabel(this))
    , ratings_(new QButtonGroup(this))
    , commentLabel_(new QLabel(this))
    , comment_(new QLineEdit(this))
    , problem_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    help::setTopic(this, QStringLiteral("delivery"));
    auto* row = new QHBoxLayout;
    // Id 0 is "no rating": the citizen is never made to rate.
    for (int id = 0; id <= 5; ++id) {
        auto* choice = new QRadioButton(this);
        ratings_->addButton(choice, id);
        row->addWidget(choice);
    }
    row->addStretch(1);
    comment_->setMaxLength(kMaxCommentCharacters);
    commentLabel_->setBuddy(comment_);
    problem_->setWordWrap(true);
    problem_->hide();
    auto* form = new QFormLayout;
    form->addRow(ratingLabel_, row);
    form->addRow(commentLabel_, comment_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(caseLabel_);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    connect(ratings_, &QButtonGroup::idToggled, this, [this](int, bool) {
        comment_->setEnabled(rating() > 0);  // a comment goes with a rating
    });
    connect(buttons_, &QDialogButtonBox::accepted, this, &DeliveryDialog::handOver);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    setRating(0);
}

void DeliveryDialog::start(const QString& caseId, const QString& protocolNumber,
                           const kep::cases::Actor& clerk) {
    caseId_ = caseId;
    protocolNumber_ = protocolNumber;
    clerk_ = clerk;
    setRating(0);
    comment_->clear();
    problem_->hide();
    retranslateUi();
}

void DeliveryDialog::setRating(int rating) {
    if (auto* choice = ratings_->button(rating)) {
        choice->setChecked(true);
    }
    comment_->setEnabled(rating > 0);
}

int DeliveryDialog::rating() const {
    return std::max(ratings_->checkedId(), 0);
}

void DeliveryDialog::handOver() {
    std::optional<kep::desk::feedback::Satisfaction> satisfaction;
    if (rating() > 0) {
        satisfaction = kep::desk::feedback::Satisfaction{rating(), comment_->text()};
    }
    const auto now =
        kep::cases::Instant{std::chrono::milliseconds{QDateTime::currentMSecsSinceEpoch()}};
    kep::cases::TransitionResult result;
    try {
        result = delivery_.deliver(caseId_.toStdString(), clerk_, satisfaction, now);
    } catch (const std::exception& e) {
        problem_->setText(tr("The delivery could not be recorded on this desk: %1")
                              .arg(QString::fromUtf8(e.what())));
        problem_->show();
        return;
    }
    if (!result.ok()) {
        problem_->setText(tr("This case cannot be handed over now (%1).")
                              .arg(QString::fromStdString(result.message)));
        problem_->show();
        return;
    }
    emit delivered(caseId_);
    accept();
}

void DeliveryDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void DeliveryDialog::retranslateUi() {
    setWindowTitle(tr("Hand over the result"));
    caseLabel_->setText(tr("Case %1: the citizen receives the result.").arg(protocolNumber_));
    ratingLabel_->setText(tr("Citizen's rating (optional):"));
    ratings_->button(0)->setText(tr("&No rating"));
    for (int id = 1; id <= 5; ++id) {
        ratings_->button(id)->setText(QStringLiteral("&%1").arg(id));
        ratings_->button(id)->setAccessibleName(tr("Rating %1 of 5").arg(id));
    }
    commentLabel_->setText(tr("&Comment:"));
    comment_->setAccessibleName(tr("Citizen's comment"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Hand over"));
}

}  // namespace kep::desk::ui
