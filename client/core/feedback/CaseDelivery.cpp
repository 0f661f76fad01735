#include "feedback/CaseDelivery.h"

#include "shared/cases/CaseFields.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace kep::desk::feedback {

std::string satisfactionJson(const Satisfaction& satisfaction) {
    if (satisfaction.rating < 1 || satisfaction.rating > 5) {
        throw std::invalid_argument("a satisfaction rating is 1 to 5");
    }
    QJsonObject object{{"rating", satisfaction.rating}};
    const QString comment = satisfaction.comment.trimmed();
    if (!comment.isEmpty()) {
        object.insert("comment", comment);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

CaseDelivery::CaseDelivery(kep::desk::cases::CaseStore& store) : store_(store) {}

kep::cases::TransitionResult CaseDelivery::deliver(const std::string& caseId,
                                                   const kep::cases::Actor& clerk,
                                                   const std::optional<Satisfaction>& satisfaction,
                                                   kep::cases::Instant now) {
    kep::sync::FieldMap rated;
    if (satisfaction) {
        rated.emplace(kep::cases::fields::kSatisfaction, satisfactionJson(*satisfaction));
    }
    return store_.transition(caseId, kep::cases::CaseStatus::Delivered, clerk, {}, now, rated);
}

}  // namespace kep::desk::feedback
