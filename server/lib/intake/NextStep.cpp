#include "intake/NextStep.h"

namespace kep::server::intake {

namespace {

using kep::cases::CaseStatus;

struct Texts {
    std::string_view el;
    std::string_view en;
};

Texts textsOf(CaseStatus status) {
    switch (status) {
        case CaseStatus::Draft:
        case CaseStatus::Submitted:
        case CaseStatus::PendingApproval:
        case CaseStatus::ReturnedToClerk:
        case CaseStatus::Approved:
            return {
                "Η αίτησή σας καταχωρίστηκε στο ΚΕΠ, που θα τη διαβιβάσει στην αρμόδια υπηρεσία.",
                "Your application is registered at the KEP, which will forward it to the "
                "competent authority."};
        case CaseStatus::Forwarded:
            return {"Η αίτησή σας διαβιβάστηκε στην αρμόδια υπηρεσία και αναμένει την εξέτασή της.",
                    "Your application was forwarded to the competent authority and waits to be "
                    "examined."};
        case CaseStatus::InProgress:
            return {"Η αρμόδια υπηρεσία εξετάζει την αίτησή σας.",
                    "The competent authority is examining your application."};
        case CaseStatus::AwaitingDocuments:
            return {
                "Η αρμόδια υπηρεσία ζητά συμπληρωματικά δικαιολογητικά: προσκομίστε τα στο ΚΕΠ.",
                "The competent authority asks for more documents: please bring them to the "
                "KEP."};
        case CaseStatus::Completed:
            return {
                "Η αρμόδια υπηρεσία ολοκλήρωσε την αίτησή σας· το αποτέλεσμα θα σταλεί στο ΚΕΠ.",
                "The competent authority has decided on your application; the result is on "
                "its way to the KEP."};
        case CaseStatus::ReadyForPickup:
            return {"Το αποτέλεσμα είναι έτοιμο: παραλάβετέ το από το ΚΕΠ με την ταυτότητά σας.",
                    "The result is ready: collect it at the KEP with your identity document."};
        case CaseStatus::Delivered:
            return {"Το αποτέλεσμα σας παραδόθηκε. Η υπόθεση έκλεισε.",
                    "The result was handed to you. The case is closed."};
        case CaseStatus::Rejected:
            return {"Η αίτηση απορρίφθηκε. Για τον λόγο απευθυνθείτε στο ΚΕΠ.",
                    "The application was rejected. Ask the KEP for the reason."};
        case CaseStatus::Withdrawn:
            return {"Η αίτηση ανακλήθηκε. Η υπόθεση έκλεισε.",
                    "The application was withdrawn. The case is closed."};
    }
    return textsOf(CaseStatus::Submitted);
}

}  // namespace

std::string_view nextStep(kep::cases::CaseStatus status, kep::catalogue::Language language) {
    const Texts texts = textsOf(status);
    return language == kep::catalogue::Language::En ? texts.en : texts.el;
}

}  // namespace kep::server::intake
