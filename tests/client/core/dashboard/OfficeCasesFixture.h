// desk.db with one office's cases for the dashboard tests, each placed to test one rule: due
// today, due this week, overdue, overdue while awaiting documents (not counted), moved into the
// week by its stopped clock, due just after the week, delivered; three clerks known by name.
#pragma once

#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>
#include <string>

namespace kep::desk::test {

class OfficeCasesFixture {
public:
    // Tuesday 24 March 2026, 09:00 UTC: 11:00 in Athens (EET; summer time starts on the 29th).
    static QDateTime now() { return QDateTime(QDate(2026, 3, 24), QTime(9, 0), Qt::UTC); }
    static kep::cases::Instant instant(const QDateTime& at) {
        return kep::cases::Instant{std::chrono::milliseconds{at.toMSecsSinceEpoch()}};
    }

    // The clerks' ids sort the other way round from their names, so that an order by id shows.
    inline static const kep::cases::Actor kElena{"user-a", kep::cases::ActorRole::Clerk};
    inline static const kep::cases::Actor kDimitra{"user-b", kep::cases::ActorRole::Clerk};
    inline static const kep::cases::Actor kMaria{"user-c", kep::cases::ActorRole::Clerk};
    inline static const kep::cases::Actor kAuthority{"authority-1",
                                                     kep::cases::ActorRole::Authority};

    std::string dueToday;         // Έλενα, filed today 07:00 UTC, due today
    std::string dueThisWeek;      // Δήμητρα, filed today 08:00 UTC (remote), due Fri 27th
    std::string overdue;          // Έλενα, filed 2 March, due 20 March
    std::string awaitingOverdue;  // Δήμητρα, filed 2 March, due 10 March, awaiting documents
    std::string stoppedIntoWeek;  // Μαρία, filed 20 Feb, due 20 March, five working days stopped
    std::string afterTheWeek;     // Έλενα, filed 23 March, due 31 March (7 days after today)
    std::string delivered;        // Δήμητρα, filed 5 March, due 1 March, delivered

    void build() {
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        kep::desk::cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<kep::desk::cases::CaseStore>(*db_, "0101", "ws-1");
        queries_ =
            std::make_unique<kep::desk::cases::CaseQueries>(*store_, *db_, calendar_, "0101");
        knowClerk(kElena.id, "Έλενα Ρήγα");
        knowClerk(kDimitra.id, "Δήμητρα Σταύρου");
        knowClerk(kMaria.id, "Μαρία Ξενάκη");

        using kep::cases::CaseStatus;
        dueToday = file(kElena, {2026, 3, 24, 7}, {2026, 3, 24});
        dueThisWeek =
            file(kDimitra, {2026, 3, 24, 8}, {2026, 3, 27}, kep::desk::cases::CaseChannel::Remote);
        overdue = file(kElena, {2026, 3, 2, 9}, {2026, 3, 20});
        awaitingOverdue = file(kDimitra, {2026, 3, 2, 10}, {2026, 3, 10});
        move(awaitingOverdue,
             {CaseStatus::Forwarded, CaseStatus::InProgress, CaseStatus::AwaitingDocuments},
             {2026, 3, 3, 9});
        stoppedIntoWeek = file(kMaria, {2026, 2, 20, 9}, {2026, 3, 20});
        move(stoppedIntoWeek,
             {CaseStatus::Forwarded, CaseStatus::InProgress, CaseStatus::AwaitingDocuments},
             {2026, 3, 3, 9});
        move(stoppedIntoWeek, {CaseStatus::InProgress}, {2026, 3, 10, 9});
        afterTheWeek = file(kElena, {2026, 3, 23, 10}, {2026, 3, 31});
        delivered = file(kDimitra, {2026, 3, 5, 9}, {2026, 3, 1});
        move(delivered,
             {CaseStatus::Forwarded, CaseStatus::InProgress, CaseStatus::Completed,
              CaseStatus::ReadyForPickup, CaseStatus::Delivered},
             {2026, 3, 6, 9});
    }

    kep::db::Database& db() { return *db_; }
    kep::desk::cases::CaseStore& store() { return *store_; }
    const kep::desk::cases::CaseQueries& queries() const { return *queries_; }

private:
    struct At {
        int year, month, day, hourUtc;
    };
    struct Date {
        int year;
        unsigned month, day;
    };

    static kep::cases::Instant instantOf(At at) {
        return instant(QDateTime(QDate(at.year, at.month, at.day), QTime(at.hourUtc, 0), Qt::UTC));
    }

    void knowClerk(const std::string& id, const std::string& name) {
        auto st = db_->prepare(
            "INSERT INTO offline_verifier (username_key, user_id, username, display_name, role, "
            "office_code, office_name, verifier, last_online_check) VALUES (?1, ?1, ?1, ?2, "
            "'clerk', '0101', 'ΚΕΠ', '', '2026-03-01T00:00:00Z')");
        st.bind(1, id).bind(2, name).run();
    }

    std::string file(
        const kep::cases::Actor& clerk, At filed, Date due,
        kep::desk::cases::CaseChannel channel = kep::desk::cases::CaseChannel::Counter) {
        kep::desk::cases::CaseFiling f;
        f.procedureId = "900012";
        f.catalogueVersion = 1;
        f.procedureTitle = "Έκδοση πιστοποιητικού εγγυτέρων συγγενών";
        f.requiresApproval = false;
        f.citizen.person.kind = kep::cases::CitizenKind::Greek;
        f.citizen.person.afm = kep::domain::SyntheticTaxIds(++citizens_).afm();
        f.citizen.person.givenNameEl = "Ελένη";
        f.citizen.person.surnameEl = "Παπαδοπούλου";
        f.dueDate = std::chrono::year{due.year} / due.month / due.day;
        f.channel = channel;
        const auto result = store_->file(f, clerk, instantOf(filed));
        if (!result.ok()) {
            qFatal("filing failed: %s", result.message.c_str());
        }
        return result.filed->id;
    }

    void move(const std::string& id, std::initializer_list<kep::cases::CaseStatus> steps, At at) {
        using kep::cases::CaseStatus;
        for (const CaseStatus to : steps) {
            const bool byAuthority = to == CaseStatus::InProgress ||
                                     to == CaseStatus::AwaitingDocuments ||
                                     to == CaseStatus::Completed;
            const auto& actor = byAuthority ? kAuthority : kElena;
            const char* reason = to == CaseStatus::AwaitingDocuments ? "the birth certificate" : "";
            if (!store_->transition(id, to, actor, reason, instantOf(at)).ok()) {
                qFatal("transition to %s refused", std::string(kep::cases::toString(to)).c_str());
            }
        }
    }

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<kep::desk::cases::CaseStore> store_;
    kep::domain::WorkingCalendar calendar_;
    std::unique_ptr<kep::desk::cases::CaseQueries> queries_;
    int citizens_ = 0;
};

}  // namespace kep::desk::test
