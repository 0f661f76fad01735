// The case state machine: all 169 (from, to) pairs against the lifecycle of issue 5 written out
// here independently of the library's table, every role on every legal pair, four eyes, the
// approval option, reasons, and applying a transition into a history entry.
#include <QTest>

#include <set>
#include <vector>

#include "shared/cases/CaseLifecycle.h"

using namespace kep::cases;
using namespace std::chrono;

Q_DECLARE_METATYPE(CaseStatus)
Q_DECLARE_METATYPE(ActorRole)
Q_DECLARE_METATYPE(Refusal)
Q_DECLARE_METATYPE(std::vector<CaseStatus>)

namespace {

using enum CaseStatus;
using R = ActorRole;

constexpr std::array kAllRoles{R::Clerk,     R::Manager,         R::CentralAdmin,
                               R::Authority, R::AuthoritySystem, R::GovChannel};

struct Expected {
    CaseStatus from;
    CaseStatus to;
    std::vector<ActorRole> roles;
    bool needsReason;
};

// The lifecycle as issue 5 and the task describe it.
const std::vector<Expected>& expectedTransitions() {
    static const std::vector<Expected> rows = [] {
        const std::vector<ActorRole> counter{R::Clerk, R::Manager};
        const std::vector<ActorRole> authority{R::Authority, R::AuthoritySystem};
        std::vector<Expected> e{
            // Applications filed online are submitted by the gov.gr / EU-GO channel.
            {Draft, Submitted, {R::Clerk, R::Manager, R::GovChannel}, false},
            {Submitted, PendingApproval, counter, false},
            {Submitted, Forwarded, counter, false},
            {PendingApproval, Approved, {R::Manager}, false},
            {PendingApproval, ReturnedToClerk, {R::Manager}, true},
            {PendingApproval, Rejected, {R::Manager}, true},
            {ReturnedToClerk, Submitted, counter, false},
            {Approved, Forwarded, counter, false},
            {Forwarded, InProgress, authority, false},
            {InProgress, AwaitingDocuments, authority, true},
            {AwaitingDocuments,
             InProgress,
             {R::Clerk, R::Manager, R::Authority, R::AuthoritySystem},
             false},
            {InProgress, Completed, authority, false},
            {InProgress, Rejected, authority, true},
            {Completed, ReadyForPickup, counter, false},
            {ReadyForPickup, Delivered, counter, false},
        };
        // Withdrawal by the citizen through the counter, at any point after filing and before
        // the authority has decided.
        for (CaseStatus from : {Submitted, PendingApproval, ReturnedToClerk, Approved, Forwarded,
                                InProgress, AwaitingDocuments}) {
            e.push_back({from, Withdrawn, counter, true});
        }
        return e;
    }();
    return rows;
}

const Expected* expectedFor(CaseStatus from, CaseStatus to) {
    for (const Expected& e : expectedTransitions()) {
        if (e.from == from && e.to == to) {
            return &e;
        }
    }
    return nullptr;
}

// A case in `from` that satisfies the row's guard, filed by someone else than the actor.
Case caseFor(CaseStatus from, CaseStatus to) {
    Case c;
    c.status = from;
    c.filedBy = "clerk-filer";
    c.requiresApproval = !(from == Submitted && to == Forwarded);
    return c;
}

Actor actor(ActorRole role, std::string id = "actor-1") {
    return Actor{std::move(id), role};
}

Instant at(year_month_day date, hours h, minutes m = {}) {
    return time_point_cast<milliseconds>(sys_days{date} + h + m);
}

// The library's toString() overloads hide QTest's, so enums are compared by their codes (which
// also makes a failure print "own_case" rather than a number).
template <typename E>
QByteArray code(E value) {
    const std::string_view text = toString(value);
    return QByteArray(text.data(), qsizetype(text.size()));
}

}  // namespace

class tst_CaseLifecycle : public QObject {
    Q_OBJECT
private slots:
    void statusCodesRoundTrip();
    void tableHasOneRowPerPair();
    void everyPair_data();
    void everyPair();
    void terminalStatusesHaveNoWayOut();
    void fourEyes_data();
    void fourEyes();
    void approvalOption_data();
    void approvalOption();
    void reasons_data();
    void reasons();
    void actorNeedsAnId();
    void applyRecordsHistory();
    void applyRefusedChangesNothing();
    void availableTransitionsForMenus();
    void fullHappyPathWithApproval();
    void filing_data();
    void filing();
    void filingStepsAreTheTransitionsOneByOne();
};

void tst_CaseLifecycle::statusCodesRoundTrip() {
    std::set<std::string_view> codes;
    for (const CaseStatus s : kAllStatuses) {
        const std::string_view code = toString(s);
        QVERIFY(codes.insert(code).second);
        QCOMPARE(caseStatusFromString(code), std::optional{s});
    }
    QCOMPARE(toString(AwaitingDocuments), std::string_view{"awaiting_documents"});
    QCOMPARE(toString(PendingApproval), std::string_view{"pending_approval"});
    QCOMPARE(caseStatusFromString("Draft"), std::nullopt);
    QCOMPARE(caseStatusFromString(""), std::nullopt);
    for (const ActorRole r : kAllRoles) {
        QCOMPARE(actorRoleFromString(toString(r)), std::optional{r});
    }
    QCOMPARE(toString(R::CentralAdmin), std::string_view{"central_admin"});
}

void tst_CaseLifecycle::tableHasOneRowPerPair() {
    std::set<std::pair<CaseStatus, CaseStatus>> pairs;
    for (const Transition& t : transitions()) {
        QVERIFY2(pairs.insert({t.from, t.to}).second, t.action.data());
        QVERIFY(!t.action.empty());
    }
    QCOMPARE(pairs.size(), expectedTransitions().size());
}

void tst_CaseLifecycle::everyPair_data() {
    QTest::addColumn<CaseStatus>("from");
    QTest::addColumn<CaseStatus>("to");
    for (const CaseStatus from : kAllStatuses) {
        for (const CaseStatus to : kAllStatuses) {
            const QByteArray name = QByteArray::fromStdString(std::string{toString(from)} + " -> " +
                                                              std::string{toString(to)});
            QTest::newRow(name.constData()) << from << to;
        }
    }
}

void tst_CaseLifecycle::everyPair() {
    QFETCH(CaseStatus, from);
    QFETCH(CaseStatus, to);
    const Expected* expected = expectedFor(from, to);
    const Transition* row = findTransition(from, to);
    QCOMPARE(row != nullptr, expected != nullptr);
    const Case c = caseFor(from, to);
    for (const ActorRole role : kAllRoles) {
        const TransitionResult result = check(c, to, actor(role), "citizen asked");
        if (expected == nullptr) {
            QVERIFY(!result.ok());
            QCOMPARE(code(result.refusal),
                     code(isTerminal(from) ? Refusal::TerminalStatus : Refusal::NoSuchTransition));
            QVERIFY(!result.message.empty());
            continue;
        }
        const bool allowed = std::find(expected->roles.begin(), expected->roles.end(), role) !=
                             expected->roles.end();
        QVERIFY2(result.ok() == allowed, toString(role).data());
        if (!allowed) {
            QCOMPARE(code(result.refusal), code(Refusal::RoleNotAllowed));
            QCOMPARE(result.code(), std::string_view{"role_not_allowed"});
        } else {
            QCOMPARE(result.transition, row);
            const TransitionResult noReason = check(c, to, actor(role));
            QCOMPARE(noReason.ok(), !expected->needsReason);
            if (expected->needsReason) {
                QCOMPARE(code(noReason.refusal), code(Refusal::ReasonRequired));
            }
        }
    }
}

void tst_CaseLifecycle::terminalStatusesHaveNoWayOut() {
    for (const CaseStatus s : kAllStatuses) {
        const bool expectedTerminal = s == Delivered || s == Rejected || s == Withdrawn;
        QCOMPARE(isTerminal(s), expectedTerminal);
        if (expectedTerminal) {
            for (const Transition& t : transitions()) {
                QVERIFY(t.from != s);
            }
        }
    }
    QVERIFY(stopsDeadlineClock(AwaitingDocuments));
    QVERIFY(!stopsDeadlineClock(InProgress));
}

void tst_CaseLifecycle::fourEyes_data() {
    QTest::addColumn<QString>("filedBy");
    QTest::addColumn<ActorRole>("role");
    QTest::addColumn<QString>("actorId");
    QTest::addColumn<Refusal>("refusal");
    QTest::newRow("another manager approves")
        << "u-clerk" << R::Manager << "u-mgr" << Refusal::None;
    QTest::newRow("manager who filed it") << "u-mgr" << R::Manager << "u-mgr" << Refusal::OwnCase;
    QTest::newRow("clerk who filed it")
        << "u-clerk" << R::Clerk << "u-clerk" << Refusal::RoleNotAllowed;
    QTest::newRow("another clerk")
        << "u-clerk" << R::Clerk << "u-clerk-2" << Refusal::RoleNotAllowed;
    QTest::newRow("central admin")
        << "u-clerk" << R::CentralAdmin << "u-admin" << Refusal::RoleNotAllowed;
    QTest::newRow("authority") << "u-clerk" << R::Authority << "u-auth" << Refusal::RoleNotAllowed;
    QTest::newRow("filed online, manager approves") << "" << R::Manager << "u-mgr" << Refusal::None;
}

void tst_CaseLifecycle::fourEyes() {
    QFETCH(QString, filedBy);
    QFETCH(ActorRole, role);
    QFETCH(QString, actorId);
    QFETCH(Refusal, refusal);
    const Case c{PendingApproval, filedBy.toStdString(), true};
    const TransitionResult result = check(c, Approved, Actor{actorId.toStdString(), role});
    QCOMPARE(code(result.refusal), code(refusal));
    if (refusal == Refusal::OwnCase) {
        QCOMPARE(result.code(), std::string_view{"own_case"});
        // Four eyes is about approving: the filer may still return or reject with a reason.
        QVERIFY(check(c, ReturnedToClerk, Actor{actorId.toStdString(), role}, "typo").ok());
    }
}

void tst_CaseLifecycle::approvalOption_data() {
    QTest::addColumn<bool>("requiresApproval");
    QTest::addColumn<CaseStatus>("to");
    QTest::addColumn<Refusal>("refusal");
    QTest::newRow("approval needed: to manager") << true << PendingApproval << Refusal::None;
    QTest::newRow("approval needed: skip refused")
        << true << Forwarded << Refusal::ApprovalRequired;
    QTest::newRow("no approval: forward") << false << Forwarded << Refusal::None;
    QTest::newRow("no approval: to manager refused")
        << false << PendingApproval << Refusal::ApprovalNotRequired;
}

void tst_CaseLifecycle::approvalOption() {
    QFETCH(bool, requiresApproval);
    QFETCH(CaseStatus, to);
    QFETCH(Refusal, refusal);
    const Case c{Submitted, "u-clerk", requiresApproval};
    QCOMPARE(code(check(c, to, actor(R::Clerk, "u-clerk")).refusal), code(refusal));
}

void tst_CaseLifecycle::reasons_data() {
    QTest::addColumn<CaseStatus>("from");
    QTest::addColumn<CaseStatus>("to");
    QTest::addColumn<ActorRole>("role");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<Refusal>("refusal");
    const QString tooLong(int(kMaxReasonBytes) + 1, QChar('x'));
    const QString longest(int(kMaxReasonBytes), QChar('x'));
    QTest::newRow("return without reason")
        << PendingApproval << ReturnedToClerk << R::Manager << "" << Refusal::ReasonRequired;
    QTest::newRow("return with blank reason")
        << PendingApproval << ReturnedToClerk << R::Manager << " \t\n"
        << Refusal::ReasonRequired;
    QTest::newRow("return with reason")
        << PendingApproval << ReturnedToClerk << R::Manager << "Λείπει η υπογραφή" << Refusal::None;
    QTest::newRow("reject by authority without reason")
        << InProgress << Rejected << R::Authority << "" << Refusal::ReasonRequired;
    QTest::newRow("documents request without reason")
        << InProgress << AwaitingDocuments << R::AuthoritySystem << "" << Refusal::ReasonRequired;
    QTest::newRow("withdraw without reason")
        << Forwarded << Withdrawn << R::Clerk << "" << Refusal::ReasonRequired;
    QTest::newRow("reason at the limit")
        << PendingApproval << Rejected << R::Manager << longest << Refusal::None;
    QTest::newRow("reason too long")
        << PendingApproval << Rejected << R::Manager << tooLong << Refusal::ReasonTooLong;
    QTest::newRow("optional reason too long")
        << Draft << Submitted << R::Clerk << tooLong << Refusal::ReasonTooLong;
    QTest::newRow("submit needs none") << Draft << Submitted << R::Clerk << "" << Refusal::None;
}

void tst_CaseLifecycle::reasons() {
    QFETCH(CaseStatus, from);
    QFETCH(CaseStatus, to);
    QFETCH(ActorRole, role);
    QFETCH(QString, reason);
    QFETCH(Refusal, refusal);
    const Case c{from, "u-clerk", true};
    const TransitionResult result = check(c, to, actor(role), reason.toStdString());
    QCOMPARE(code(result.refusal), code(refusal));
}

void tst_CaseLifecycle::actorNeedsAnId() {
    const Case c{Draft, {}, true};
    const TransitionResult result = check(c, Submitted, Actor{"", R::Clerk});
    QCOMPARE(code(result.refusal), code(Refusal::UnknownActor));
}

void tst_CaseLifecycle::applyRecordsHistory() {
    Case c{PendingApproval, "u-clerk", true};
    const Instant when = at(2026y / March / 2d, 8h, 15min);
    const AppliedTransition applied =
        apply(c, ReturnedToClerk, actor(R::Manager, "u-mgr"), "Λείπει το πιστοποιητικό", when);
    QVERIFY(applied.result.ok());
    QCOMPARE(code(c.status), code(ReturnedToClerk));
    QVERIFY(applied.entry.has_value());
    const HistoryEntry expected{
        PendingApproval, ReturnedToClerk, "u-mgr", R::Manager, when, "Λείπει το πιστοποιητικό"};
    QVERIFY(*applied.entry == expected);
}

void tst_CaseLifecycle::applyRefusedChangesNothing() {
    Case c{PendingApproval, "u-mgr", true};
    const AppliedTransition applied =
        apply(c, Approved, actor(R::Manager, "u-mgr"), {}, at(2026y / March / 2d, 8h, 15min));
    QCOMPARE(code(applied.result.refusal), code(Refusal::OwnCase));
    QVERIFY(!applied.entry.has_value());
    QCOMPARE(code(c.status), code(PendingApproval));
}

void tst_CaseLifecycle::availableTransitionsForMenus() {
    const auto actions = [](const Case& c, const Actor& a) {
        std::set<std::string_view> names;
        for (const Transition* t : availableTransitions(c, a)) {
            names.insert(t->action);
        }
        return names;
    };
    const Case pending{PendingApproval, "u-clerk", true};
    QCOMPARE(actions(pending, actor(R::Manager, "u-mgr")),
             (std::set<std::string_view>{"approve", "return_to_clerk", "reject", "withdraw"}));
    QCOMPARE(actions(pending, actor(R::Manager, "u-clerk")),
             (std::set<std::string_view>{"return_to_clerk", "reject", "withdraw"}));
    QCOMPARE(actions(pending, actor(R::Clerk, "u-clerk")),
             (std::set<std::string_view>{"withdraw"}));
    const Case delivered{Delivered, "u-clerk", true};
    QVERIFY(actions(delivered, actor(R::Manager)).empty());
}

void tst_CaseLifecycle::fullHappyPathWithApproval() {
    Case c{Draft, "u-clerk", true};
    const Actor clerk = actor(R::Clerk, "u-clerk");
    const Actor manager = actor(R::Manager, "u-mgr");
    const Actor authority = actor(R::AuthoritySystem, "sys-authority");
    const std::vector<std::pair<CaseStatus, Actor>> steps{
        {Submitted, clerk},  {PendingApproval, clerk}, {Approved, manager},
        {Forwarded, clerk},  {InProgress, authority},  {AwaitingDocuments, authority},
        {InProgress, clerk}, {Completed, authority},   {ReadyForPickup, clerk},
        {Delivered, clerk},
    };
    std::vector<HistoryEntry> history;
    Instant when = at(2026y / March / 2d, 8h);
    for (const auto& [to, who] : steps) {
        const AppliedTransition applied = apply(c, to, who, "βεβαίωση ΕΦΚΑ", when);
        QVERIFY2(applied.result.ok(), applied.result.message.c_str());
        history.push_back(*applied.entry);
        when += hours{1};
    }
    QCOMPARE(code(c.status), code(Delivered));
    QCOMPARE(history.size(), steps.size());
    QCOMPARE(code(history.front().from), code(Draft));
    QCOMPARE(code(history.back().to), code(Delivered));
}

void tst_CaseLifecycle::filing_data() {
    QTest::addColumn<CaseStatus>("from");
    QTest::addColumn<CaseStatus>("filedAs");
    QTest::addColumn<bool>("requiresApproval");
    QTest::addColumn<ActorRole>("role");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<std::vector<CaseStatus>>("steps");  // each entry's `to`, in order
    using Steps = std::vector<CaseStatus>;
    QTest::newRow("for approval: submit, then request approval")
        << Draft << PendingApproval << true << R::Clerk << Refusal::None
        << Steps{Submitted, PendingApproval};
    QTest::newRow("no approval needed: submit only")
        << Draft << Submitted << false << R::Clerk << Refusal::None << Steps{Submitted};
    QTest::newRow("submitted although approval is needed (an older desk's create)")
        << Draft << Submitted << true << R::Manager << Refusal::None << Steps{Submitted};
    QTest::newRow("kept a draft: no step")
        << Draft << Draft << true << R::Clerk << Refusal::None << Steps{};
    QTest::newRow("online application, submitted by the channel")
        << Draft << Submitted << true << R::GovChannel << Refusal::None << Steps{Submitted};
    QTest::newRow("the channel does not ask the manager itself")
        << Draft << PendingApproval << true << R::GovChannel << Refusal::RoleNotAllowed << Steps{};
    QTest::newRow("for approval a procedure that has none")
        << Draft << PendingApproval << false << R::Clerk << Refusal::ApprovalNotRequired << Steps{};
    QTest::newRow("an authority does not file")
        << Draft << Submitted << true << R::Authority << Refusal::RoleNotAllowed << Steps{};
    QTest::newRow("not a filing status")
        << Draft << Approved << true << R::Manager << Refusal::NoSuchTransition << Steps{};
    QTest::newRow("filed twice") << Submitted << PendingApproval << true << R::Clerk
                                 << Refusal::NoSuchTransition << Steps{};
}

void tst_CaseLifecycle::filing() {
    QFETCH(CaseStatus, from);
    QFETCH(CaseStatus, filedAs);
    QFETCH(bool, requiresApproval);
    QFETCH(ActorRole, role);
    QFETCH(Refusal, refusal);
    QFETCH(std::vector<CaseStatus>, steps);
    Case c{from, "u-clerk", requiresApproval};
    const Instant when = at(2026y / March / 2d, 9h, 30min);
    const FilingSteps filing = fileAs(c, actor(role, "u-clerk"), filedAs, when);
    QCOMPARE(code(filing.result.refusal), code(refusal));
    QCOMPARE(filing.entries.size(), steps.size());
    // A refused filing leaves the case as it was; an accepted one ends in the filed status.
    QCOMPARE(code(c.status), code(filing.ok() ? filedAs : from));
    CaseStatus previous = Draft;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const HistoryEntry& entry = filing.entries[i];
        QCOMPARE(code(entry.from), code(previous));
        QCOMPARE(code(entry.to), code(steps[i]));
        QCOMPARE(entry.actorId, std::string{"u-clerk"});
        QCOMPARE(code(entry.role), code(role));
        QVERIFY(entry.at == when);
        QVERIFY(entry.reason.empty());
        previous = entry.to;
    }
}

void tst_CaseLifecycle::filingStepsAreTheTransitionsOneByOne() {
    // The one-intent filing and the same steps taken one transition at a time agree, so that a
    // desk of the previous protocol (three ops) and a current one (one op) leave one history.
    const Actor clerk = actor(R::Clerk, "u-clerk");
    const Instant when = at(2026y / March / 2d, 9h);
    Case atOnce{Draft, "u-clerk", true};
    const FilingSteps filing = fileAs(atOnce, clerk, PendingApproval, when);
    Case stepByStep{Draft, "u-clerk", true};
    std::vector<HistoryEntry> oneByOne;
    for (const CaseStatus to : {Submitted, PendingApproval}) {
        oneByOne.push_back(*apply(stepByStep, to, clerk, {}, when).entry);
    }
    QVERIFY(filing.entries == oneByOne);
    QCOMPARE(code(atOnce.status), code(stepByStep.status));
    QCOMPARE(code(filedStatusFor(true)), code(PendingApproval));
    QCOMPARE(code(filedStatusFor(false)), code(Submitted));
}

QTEST_APPLESS_MAIN(tst_CaseLifecycle)
#include "tst_case_lifecycle.moc"
