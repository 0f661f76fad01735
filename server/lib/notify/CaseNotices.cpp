#include "notify/CaseNotices.h"

#include "catalogue/CatalogueStore.h"
#include "notify/CitizenContacts.h"
#include "notify/MessageTemplates.h"
#include "shared/cases/CaseFields.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/CaseRecords.h"

namespace kep::server::notify {

namespace {

std::string fieldOf(const kep::sync::FieldMap& fields, std::string_view name) {
    const auto it = fields.find(std::string{name});
    return it == fields.end() ? std::string{} : it->second;
}

// The published title in the citizen's language, else in the other one.
std::string procedureTitle(kep::db::Database& db, const std::string& procedureId,
                           Language language) {
    if (procedureId.empty()) {
        return {};
    }
    const auto version = kep::server::catalogue::CatalogueStore(db).published(procedureId);
    if (!version) {
        return {};
    }
    const bool english = language == Language::English;
    const std::string& preferred = english ? version->titleEn : version->titleEl;
    return preferred.empty() ? (english ? version->titleEl : version->titleEn) : preferred;
}

}  // namespace

std::size_t CaseNotices::handle(const kep::server::jobs::CaseChange& change) {
    const auto status =
        kep::cases::caseStatusFromString(fieldOf(change.fields, kep::sync::case_fields::kStatus));
    const auto notice = status ? noticeFor(*status) : std::nullopt;
    if (!notice || (oncePerCase(*notice) && outbox_.hasNotice(change.caseId, *notice))) {
        return 0;
    }
    const auto record = kep::server::sync::findCase(db_, change.caseId);
    if (!record) {
        return 0;
    }
    namespace fields = kep::cases::fields;
    const CitizenContacts contacts =
        contactsOf(record->field(fields::kContact), record->field(fields::kCitizen));
    if (!contacts.email && !contacts.phone) {
        return 0;
    }
    NotificationMessage message;
    message.caseId = change.caseId;
    message.changeSeq = change.seq;
    message.notice = *notice;
    message.language = languageOf(record->field(fields::kLanguage));
    message.protocolNumber = record->field(fields::kProtocolNumber);
    const NoticeValues values{
        message.protocolNumber,
        procedureTitle(db_, record->field(fields::kProcedureId), message.language),
        fieldOf(change.fields, kep::sync::case_fields::kStatusReason)};

    std::size_t queued = 0;
    if (contacts.email) {
        const EmailText email = emailText(*notice, message.language, values);
        message.channel = Channel::Email;
        message.recipient = *contacts.email;
        message.subject = email.subject;
        message.body = email.body;
        queued += outbox_.enqueue(message) ? 1 : 0;
    }
    if (contacts.phone) {
        message.channel = Channel::Sms;
        message.recipient = *contacts.phone;
        message.subject.clear();
        message.body = smsText(*notice, message.language, values);
        queued += outbox_.enqueue(message) ? 1 : 0;
    }
    return queued;
}

}  // namespace kep::server::notify
