// The policy table, walked cell by cell: every action in it × every principal kind × every role
// × five relations between the principal's home and the resource, compared with what the table
// says; then hand-written expectations that must hold whatever the table becomes.
#include "auth/AccessPolicy.h"
#include "shared/cases/Actor.h"

#include <QtTest>

#include <array>
#include <set>
#include <string>

using namespace kep::auth;

Q_DECLARE_METATYPE(kep::auth::Principal)
Q_DECLARE_METATYPE(kep::auth::ResourceScope)

namespace {

// How the resource lies relative to the principal's home (office A1 in Attica, authority AUTH-1).
enum class Relation { Own, OtherOfficeSameRegion, OtherRegion, OtherAuthority, Foreign };

constexpr std::array kRelations{Relation::Own, Relation::OtherOfficeSameRegion,
                                Relation::OtherRegion, Relation::OtherAuthority, Relation::Foreign};
constexpr std::array kKinds{PrincipalKind::User, PrincipalKind::Workstation, PrincipalKind::ApiKey,
                            PrincipalKind::AdminTool};
constexpr std::array kRoles{
    Role::Clerk,      Role::Manager,     Role::CentralAdmin,    Role::Authority, Role::It,
    Role::GovChannel, Role::EuGoChannel, Role::AuthoritySystem, Role::Any};

const char* name(Relation r) {
    switch (r) {
        case Relation::Own:
            return "own";
        case Relation::OtherOfficeSameRegion:
            return "other-office-same-region";
        case Relation::OtherRegion:
            return "other-region";
        case Relation::OtherAuthority:
            return "other-authority";
        case Relation::Foreign:
            return "other-everything";
    }
    return "?";
}

ResourceScope resourceAt(Relation r) {
    switch (r) {
        case Relation::Own:
            return {"A1", "Attica", "AUTH-1"};
        case Relation::OtherOfficeSameRegion:
            return {"A2", "Attica", "AUTH-1"};
        case Relation::OtherRegion:
            return {"B1", "Crete", "AUTH-1"};
        case Relation::OtherAuthority:
            return {"A1", "Attica", "AUTH-2"};
        case Relation::Foreign:
            return {"B1", "Crete", "AUTH-2"};
    }
    return {};
}

// Written out by hand, not computed with scopeReaches(): which scopes reach which relation.
bool reachesByHand(Scope scope, Relation r) {
    switch (scope) {
        case Scope::National:
            return true;
        case Scope::OwnOffice:
            return r == Relation::Own || r == Relation::OtherAuthority;
        case Scope::OwnRegion:
            return r == Relation::Own || r == Relation::OtherOfficeSameRegion ||
                   r == Relation::OtherAuthority;
        case Scope::OwnAuthority:
            return r == Relation::Own || r == Relation::OtherOfficeSameRegion ||
                   r == Relation::OtherRegion;
    }
    return false;
}

Principal homePrincipal(PrincipalKind kind, Role role) {
    return {kind, role, "0190a3c2-7d1e-7000-8000-000000000001", "A1", "Attica", "AUTH-1"};
}

Principal user(Role role, std::string office, std::string region = "Attica",
               std::string authority = {}) {
    return {PrincipalKind::User,
            role,
            "0190a3c2-7d1e-7000-8000-0000000000aa",
            std::move(office),
            std::move(region),
            std::move(authority)};
}

}  // namespace

class tst_AccessPolicy : public QObject {
    Q_OBJECT

private slots:
    void tableIsWellFormed();
    void everyCell_data();
    void everyCell();
    void everyRowGrantsItsOwnCell();
    void actionNotInTableIsDenied_data();
    void actionNotInTableIsDenied();
    void handWritten_data();
    void handWritten();
    void emptyHomeReachesNothing();
    void fourEyes_data();
    void fourEyes();
    void namesRoundTrip();
};

void tst_AccessPolicy::tableIsWellFormed() {
    std::set<std::string> seen;
    for (const PolicyRule& rule : policyTable()) {
        const std::string key = std::string(toString(rule.kind)) + "|" +
                                std::string(toString(rule.role)) + "|" + std::string(rule.action) +
                                "|" + std::string(toString(rule.scope));
        QVERIFY2(seen.insert(key).second, ("duplicate row " + key).c_str());
        QVERIFY2(rule.action.find('.') != std::string_view::npos, key.c_str());
    }
    QVERIFY(policyTable().size() >= 40);
}

void tst_AccessPolicy::everyCell_data() {
    QTest::addColumn<Principal>("principal");
    QTest::addColumn<QString>("action");
    QTest::addColumn<ResourceScope>("resource");
    QTest::addColumn<bool>("expected");

    std::set<std::string_view> actions;
    for (const PolicyRule& rule : policyTable()) {
        actions.insert(rule.action);
    }
    for (const std::string_view action : actions) {
        for (const PrincipalKind kind : kKinds) {
            for (const Role role : kRoles) {
                for (const Relation relation : kRelations) {
                    bool expected = false;
                    for (const PolicyRule& rule : policyTable()) {
                        expected = expected || (rule.action == action && rule.kind == kind &&
                                                (rule.role == Role::Any || rule.role == role) &&
                                                reachesByHand(rule.scope, relation));
                    }
                    const std::string row = std::string(toString(kind)) + "/" +
                                            std::string(toString(role)) + " " +
                                            std::string(action) + " " + name(relation);
                    QTest::newRow(row.c_str())
                        << homePrincipal(kind, role)
                        << QString::fromUtf8(action.data(), qsizetype(action.size()))
                        << resourceAt(relation) << expected;
                }
            }
        }
    }
}

void tst_AccessPolicy::everyCell() {
    QFETCH(Principal, principal);
    QFETCH(QString, action);
    QFETCH(ResourceScope, resource);
    QFETCH(bool, expected);
    const Decision d = decide(principal, action.toStdString(), resource);
    QVERIFY2(d.allowed == expected, d.reason.c_str());
    QVERIFY(!d.reason.empty());
}

void tst_AccessPolicy::everyRowGrantsItsOwnCell() {
    // Each row on its own: its principal, at the edge of its scope, is allowed.
    for (const PolicyRule& rule : policyTable()) {
        const Role role = rule.role == Role::Any ? Role::Clerk : rule.role;
        for (const Relation relation : kRelations) {
            if (!reachesByHand(rule.scope, relation)) {
                continue;
            }
            const Decision d =
                decide(homePrincipal(rule.kind, role), rule.action, resourceAt(relation));
            QVERIFY2(d.allowed, (std::string(rule.action) + " " + name(relation)).c_str());
        }
    }
}

void tst_AccessPolicy::actionNotInTableIsDenied_data() {
    QTest::addColumn<QString>("action");
    QTest::newRow("unknown") << "case.delete";
    QTest::newRow("empty") << "";
    QTest::newRow("prefix of a real one") << "case.";
    QTest::newRow("case differs") << "Case.Read";
    QTest::newRow("wildcard") << "*";
}

void tst_AccessPolicy::actionNotInTableIsDenied() {
    QFETCH(QString, action);
    for (const PrincipalKind kind : kKinds) {
        for (const Role role : kRoles) {
            const Decision d =
                decide(homePrincipal(kind, role), action.toStdString(), resourceAt(Relation::Own));
            QVERIFY(!d.allowed);
        }
    }
}

void tst_AccessPolicy::handWritten_data() {
    QTest::addColumn<Principal>("principal");
    QTest::addColumn<QString>("action");
    QTest::addColumn<ResourceScope>("resource");
    QTest::addColumn<bool>("expected");
    const ResourceScope officeA{"A1", "Attica", ""};
    const ResourceScope officeB{"B7", "Crete", ""};
    const ResourceScope forwardedToAuth1{"B7", "Crete", "AUTH-1"};

    QTest::newRow("clerk cannot approve own office")
        << user(Role::Clerk, "A1") << "case.approve" << officeA << false;
    QTest::newRow("clerk files in own office")
        << user(Role::Clerk, "A1") << "case.file" << officeA << true;
    QTest::newRow("clerk of A cannot read B")
        << user(Role::Clerk, "A1") << "case.read" << officeB << false;
    QTest::newRow("manager approves own office")
        << user(Role::Manager, "A1") << "case.approve" << officeA << true;
    QTest::newRow("manager of A cannot read B")
        << user(Role::Manager, "A1") << "case.read" << officeB << false;
    QTest::newRow("manager of A cannot approve B")
        << user(Role::Manager, "A1") << "case.approve" << officeB << false;
    QTest::newRow("manager cannot publish catalogue")
        << user(Role::Manager, "A1") << "catalogue.publish" << ResourceScope{} << false;
    QTest::newRow("central admin publishes catalogue")
        << user(Role::CentralAdmin, "") << "catalogue.publish" << ResourceScope{} << true;
    QTest::newRow("central admin national stats")
        << user(Role::CentralAdmin, "") << "stats.national" << ResourceScope{} << true;
    QTest::newRow("central admin manages any office")
        << user(Role::CentralAdmin, "") << "office.manage" << officeB << true;
    QTest::newRow("central admin reads no case")
        << user(Role::CentralAdmin, "") << "case.read" << officeB << false;
    QTest::newRow("authority reads case forwarded to it")
        << user(Role::Authority, "", "", "AUTH-1") << "case.read" << forwardedToAuth1 << true;
    QTest::newRow("authority cannot read another's case")
        << user(Role::Authority, "", "", "AUTH-2") << "case.read" << forwardedToAuth1 << false;
    QTest::newRow("authority cannot read unforwarded case")
        << user(Role::Authority, "", "", "AUTH-1") << "case.read" << officeB << false;
    QTest::newRow("it enrols in own region")
        << user(Role::It, "", "Attica") << "device.enrol_code" << officeA << true;
    QTest::newRow("it cannot enrol in other region")
        << user(Role::It, "", "Attica") << "device.enrol_code" << officeB << false;
    QTest::newRow("gov.gr key submits anywhere")
        << Principal{PrincipalKind::ApiKey, Role::GovChannel, "", "", "", ""} << "channel.submit"
        << officeB << true;
    QTest::newRow("gov.gr key cannot read cases")
        << Principal{PrincipalKind::ApiKey, Role::GovChannel, "", "", "", ""} << "case.read"
        << officeB << false;
    QTest::newRow("user posing with api-key role is not a channel")
        << user(Role::GovChannel, "A1") << "channel.submit" << officeA << false;
    QTest::newRow("workstation leases numbers for its office")
        << Principal{PrincipalKind::Workstation, Role::Any, "", "A1", "Attica", ""}
        << "protocol.lease" << officeA << true;
    QTest::newRow("workstation cannot lease for another office")
        << Principal{PrincipalKind::Workstation, Role::Any, "", "A1", "Attica", ""}
        << "protocol.lease" << officeB << false;
    QTest::newRow("workstation alone cannot read cases")
        << Principal{PrincipalKind::Workstation, Role::Any, "", "A1", "Attica", ""} << "case.read"
        << officeA << false;
    QTest::newRow("admin tool manages users")
        << Principal{PrincipalKind::AdminTool, Role::Any, "", "", "", ""} << "user.manage"
        << officeB << true;
}

void tst_AccessPolicy::handWritten() {
    QFETCH(Principal, principal);
    QFETCH(QString, action);
    QFETCH(ResourceScope, resource);
    QFETCH(bool, expected);
    const Decision d = decide(principal, action.toStdString(), resource);
    QVERIFY2(d.allowed == expected, d.reason.c_str());
}

void tst_AccessPolicy::emptyHomeReachesNothing() {
    // "" == "" must not make an office-less clerk a clerk of every office-less record.
    const Principal homeless = user(Role::Clerk, "", "");
    QVERIFY(!decide(homeless, "case.read", ResourceScope{}).allowed);
    QVERIFY(!decide(homeless, "case.read", ResourceScope{"A1", "Attica", ""}).allowed);
    const Principal noAuthority = user(Role::Authority, "", "", "");
    QVERIFY(!decide(noAuthority, "authority.inbox", ResourceScope{}).allowed);
    const Principal noRegion = user(Role::It, "", "");
    QVERIFY(!decide(noRegion, "device.revoke", ResourceScope{"A1", "", ""}).allowed);
}

void tst_AccessPolicy::fourEyes_data() {
    QTest::addColumn<QString>("approver");
    QTest::addColumn<QString>("filedBy");
    QTest::addColumn<bool>("expected");
    QTest::newRow("other user filed") << "0190-manager"
                                      << "0190-clerk" << true;
    QTest::newRow("manager filed it") << "0190-manager"
                                      << "0190-manager" << false;
    // Filed online (gov.gr, EU-GO): no KEP filer, so any manager is the second pair of eyes —
    // the lifecycle in shared/cases says so, and the server follows it.
    QTest::newRow("filed online, no KEP filer") << "0190-manager"
                                                << "" << true;
    QTest::newRow("approver unknown") << ""
                                      << "0190-clerk" << false;
}

void tst_AccessPolicy::fourEyes() {
    QFETCH(QString, approver);
    QFETCH(QString, filedBy);
    QFETCH(bool, expected);
    Principal manager = user(Role::Manager, "A1");
    manager.userId = approver.toStdString();
    const Decision d = checkFourEyes(manager, filedBy.toStdString());
    QCOMPARE(d.allowed, expected);
    QVERIFY(!d.reason.empty());
}

void tst_AccessPolicy::namesRoundTrip() {
    for (const Role role : kRoles) {
        QCOMPARE(roleFromString(toString(role)), std::optional<Role>(role));
    }
    for (const PrincipalKind kind : kKinds) {
        QCOMPARE(principalKindFromString(toString(kind)), std::optional<PrincipalKind>(kind));
    }
    for (const Scope s :
         {Scope::OwnOffice, Scope::OwnRegion, Scope::OwnAuthority, Scope::National}) {
        QCOMPARE(scopeFromString(toString(s)), std::optional<Scope>(s));
    }
    QCOMPARE(toString(Role::CentralAdmin), std::string_view("central_admin"));
    // Every role that moves a case is named by shared/cases, and the server reads that name.
    for (const auto actor :
         {kep::cases::ActorRole::Clerk, kep::cases::ActorRole::Manager,
          kep::cases::ActorRole::CentralAdmin, kep::cases::ActorRole::Authority,
          kep::cases::ActorRole::AuthoritySystem, kep::cases::ActorRole::GovChannel}) {
        const auto role = roleFromString(kep::cases::toString(actor));
        QVERIFY2(role, kep::cases::toString(actor).data());
        QCOMPARE(toString(*role), kep::cases::toString(actor));
    }
    QVERIFY(!roleFromString("Clerk"));
    QVERIFY(!roleFromString(""));
}

QTEST_APPLESS_MAIN(tst_AccessPolicy)
#include "tst_access_policy.moc"
