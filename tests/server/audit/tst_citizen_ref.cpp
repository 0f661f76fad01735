// CitizenRef: the audit log's pseudonym of a citizen is the same for the same ΑΦΜ under one key
// (kept in an owner-only file made once), differs under another key, and shows nothing of it.
#include "audit/CitizenRef.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <fstream>
#include <regex>

using kep::server::audit::CitizenRef;

namespace {

// Synthetic ΑΦΜs with valid check digits.
constexpr char kTaxId[] = "090000045";
constexpr char kOtherTaxId[] = "123456783";

}  // namespace

class tst_CitizenRef : public QObject {
    Q_OBJECT

private slots:
    void keyFileIsMadeOnceOwnerOnly() {
        QTemporaryDir dir;
        const auto path = dir.path().toStdString() + "/citizen-ref.key";
        const auto first = CitizenRef::loadOrCreate(path);
        struct stat status {};
        QCOMPARE(::stat(path.c_str(), &status), 0);
        QCOMPARE(status.st_mode & 0777, mode_t(0600));
        QCOMPARE(status.st_size, off_t(32));
        const auto again = CitizenRef::loadOrCreate(path);
        QCOMPARE(again.of(kTaxId), first.of(kTaxId));
        QVERIFY(first.of(kTaxId) != first.of(kOtherTaxId));
    }

    void referenceHidesTheTaxId() {
        QTemporaryDir dir;
        const auto ref = CitizenRef::loadOrCreate(dir.path().toStdString() + "/k").of(kTaxId);
        QVERIFY2(std::regex_match(ref, std::regex("c1:[0-9a-f]{32}")), ref.c_str());
        QVERIFY(ref.find(kTaxId) == std::string::npos);
    }

    void anotherKeyGivesAnotherReference() {
        CitizenRef::Key one{};
        CitizenRef::Key two{};
        two[0] = 1;
        QVERIFY(CitizenRef(one).of(kTaxId) != CitizenRef(two).of(kTaxId));
        QCOMPARE(CitizenRef(one).of(kTaxId), CitizenRef(one).of(kTaxId));
    }

    void refusesAFileThatIsNotAKey() {
        QTemporaryDir dir;
        const auto path = dir.path().toStdString() + "/short.key";
        std::ofstream(path) << "short";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, CitizenRef::loadOrCreate(path));
    }
};

QTEST_APPLESS_MAIN(tst_CitizenRef)
#include "tst_citizen_ref.moc"
