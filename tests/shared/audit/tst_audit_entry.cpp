// The audit entry's canonical encoding, which every back-end must reproduce byte for byte (the
// golden value is quoted in docs/audit.md), its inverse, its injectivity, and the checks that
// keep personal data and free text out of the log.
#include "shared/audit/AuditEntry.h"
#include "shared/audit/MerkleTree.h"

#include <QtTest>

#include <stdexcept>
#include <string>

using namespace kep::audit;

namespace {

// A clerk at counter 0101 opens a case: synthetic identifiers only.
AuditEntry goldenEntry() {
    AuditEntry entry;
    entry.entryId = "019ac5e2-3f4b-7c81-9d2e-5a6b7c8d9e0f";
    entry.at = "2026-11-27T14:03:05.123Z";
    entry.actorKind = "user";
    entry.actorId = "019ac5e0-1a2b-7c3d-8e4f-506172839405";
    entry.role = "clerk";
    entry.office = "0101";
    entry.workstation = "019ac4f0-7a1b-7c2d-8e3f-a0b1c2d3e4f5";
    entry.action = "case.read";
    entry.recordType = "case";
    entry.recordId = "019ac5e1-0b1c-7d2e-8f30-415263748596";
    entry.purpose = "counter_service";
    entry.outcome = "ok";
    return entry;
}

// Computed independently of this code (Python: struct.pack(">I", len) + bytes, hashlib):
// the tag, then per member its 4-byte big-endian length and its ASCII bytes.
const char* const kGoldenHex =
    "6b65702e61756469742e763100000000"  // tag
    "00000024"
    "30313961633565322d336634622d376338312d396432652d356136623763386439653066"  // entryId
    "00000018"
    "323032362d31312d32375431343a30333a30352e3132335a"  // at
    "00000004"
    "75736572"  // actorKind
    "00000024"
    "30313961633565302d316132622d376333642d386534662d353036313732383339343035"  // actorId
    "00000005"
    "636c65726b"  // role
    "00000004"
    "30313031"  // office
    "00000024"
    "30313961633466302d376131622d376332642d386533662d613062316332643365346635"  // workstation
    "00000009"
    "636173652e72656164"  // action
    "00000004"
    "63617365"  // recordType
    "00000024"
    "30313961633565312d306231632d376432652d386633302d343135323633373438353936"  // recordId
    "0000000f"
    "636f756e7465725f73657276696365"  // purpose
    "00000002"
    "6f6b";  // outcome

// SHA-256(0x00 ‖ golden bytes): the entry's leaf in the Merkle tree.
const char* const kGoldenLeafHex =
    "4df8513b7977fbd79066888510f38fd2aa0de6e8454e65e8b83097fdf552675b";

constexpr std::string AuditEntry::*kMembers[] = {
    &AuditEntry::entryId,    &AuditEntry::at,       &AuditEntry::actorKind,   &AuditEntry::actorId,
    &AuditEntry::role,       &AuditEntry::office,   &AuditEntry::workstation, &AuditEntry::action,
    &AuditEntry::recordType, &AuditEntry::recordId, &AuditEntry::purpose,     &AuditEntry::outcome,
};
const char* const kMemberNames[] = {
    "entryId",     "at",     "actorKind",  "actorId",  "role",    "office",
    "workstation", "action", "recordType", "recordId", "purpose", "outcome",
};

std::string& member(AuditEntry& entry, const QString& name) {
    for (std::size_t i = 0; i < std::size(kMemberNames); ++i) {
        if (name == kMemberNames[i]) {
            return entry.*kMembers[i];
        }
    }
    throw std::invalid_argument("no such member in the test table");
}

QByteArray hexOf(const std::string& bytes) {
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())).toHex();
}

std::string bytesOf(const QByteArray& bytes) {
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

}  // namespace

class tst_AuditEntry : public QObject {
    Q_OBJECT

private slots:
    void goldenEncoding();
    void emptyEntryEncodesAsTagAndZeroLengths();
    void roundTrip_data();
    void roundTrip();
    void neighbouringMembersDoNotBlur_data();
    void neighbouringMembersDoNotBlur();
    void parseRefusesMalformed_data();
    void parseRefusesMalformed();
    void memberChecks_data();
    void memberChecks();
};

void tst_AuditEntry::goldenEncoding() {
    const std::string bytes = canonicalBytes(goldenEntry());
    QCOMPARE(hexOf(bytes), QByteArray(kGoldenHex));
    QCOMPARE(bytes.size(), std::size_t{275});
    QCOMPARE(QString::fromStdString(toHex(leafHash(bytes))), QString(kGoldenLeafHex));
    QVERIFY(!problemWith(goldenEntry()).has_value());
}

void tst_AuditEntry::emptyEntryEncodesAsTagAndZeroLengths() {
    const std::string bytes = canonicalBytes(AuditEntry{});
    QCOMPARE(bytes.size(), std::size_t{16 + 12 * 4});
    QCOMPARE(bytes.substr(0, 16), std::string("kep.audit.v1\0\0\0\0", 16));
    QCOMPARE(bytes.substr(16), std::string(48, '\0'));
    QVERIFY(parseCanonical(bytes) == AuditEntry{});
}

void tst_AuditEntry::roundTrip_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("golden") << QString("role") << QByteArray("clerk");
    QTest::newRow("empty member") << QString("workstation") << QByteArray();
    QTest::newRow("longest allowed") << QString("recordId") << QByteArray(128, 'z');
    QTest::newRow("every allowed mark") << QString("actorId") << QByteArray("a.b_c:d/e@f-G9");
    // parseCanonical does not judge content: what it reads, it gives back unchanged.
    QTest::newRow("bytes problemWith refuses")
        << QString("purpose") << QByteArray("\0\xff\n \xce\xb1", 6);
    QTest::newRow("long member") << QString("outcome") << QByteArray(70000, 'x');
}

void tst_AuditEntry::roundTrip() {
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    AuditEntry entry = goldenEntry();
    member(entry, name) = bytesOf(value);
    const std::string bytes = canonicalBytes(entry);
    const AuditEntry back = parseCanonical(bytes);
    QVERIFY(back == entry);
    QCOMPARE(canonicalBytes(back), bytes);
}

void tst_AuditEntry::neighbouringMembersDoNotBlur_data() {
    QTest::addColumn<int>("left");
    QTest::addColumn<bool>("toRight");
    for (int i = 0; i + 1 < static_cast<int>(std::size(kMembers)); ++i) {
        QTest::addRow("%s's last byte to %s", kMemberNames[i], kMemberNames[i + 1]) << i << true;
        QTest::addRow("%s's first byte to %s", kMemberNames[i + 1], kMemberNames[i]) << i << false;
    }
}

void tst_AuditEntry::neighbouringMembersDoNotBlur() {
    // Plain concatenation would encode both entries alike; the lengths keep them apart.
    QFETCH(int, left);
    QFETCH(bool, toRight);
    const AuditEntry original = goldenEntry();
    AuditEntry moved = original;
    std::string& a = moved.*kMembers[left];
    std::string& b = moved.*kMembers[left + 1];
    if (toRight) {
        b.insert(b.begin(), a.back());
        a.pop_back();
    } else {
        a.push_back(b.front());
        b.erase(b.begin());
    }
    QCOMPARE(moved.*kMembers[left] + moved.*kMembers[left + 1],
             original.*kMembers[left] + original.*kMembers[left + 1]);
    QVERIFY(canonicalBytes(moved) != canonicalBytes(original));
    QVERIFY(leafHash(canonicalBytes(moved)) != leafHash(canonicalBytes(original)));
}

void tst_AuditEntry::parseRefusesMalformed_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("named");
    const std::string goldenBytes = canonicalBytes(goldenEntry());
    const QByteArray golden(goldenBytes.data(), static_cast<qsizetype>(goldenBytes.size()));
    QTest::newRow("nothing") << QByteArray() << "tag";
    QTest::newRow("short tag") << golden.left(15) << "tag";
    QTest::newRow("version 2") << QByteArray(golden).replace("v1", "v2") << "tag";
    QByteArray padding = golden;
    padding[15] = ' ';
    QTest::newRow("tag padding") << padding << "tag";
    QTest::newRow("tag only") << golden.left(16) << "entryId";
    QTest::newRow("length cut") << golden.left(18) << "entryId";
    QTest::newRow("value cut") << golden.left(20 + 35) << "entryId";
    QTest::newRow("last length cut") << golden.left(golden.size() - 4) << "outcome";
    QTest::newRow("last value cut") << golden.left(golden.size() - 1) << "outcome";
    QByteArray huge = golden;
    huge.replace(16, 4, QByteArray("\xff\xff\xff\xff", 4));
    QTest::newRow("length 2^32-1") << huge << "entryId";
    QTest::newRow("trailing byte") << golden + QByteArray(1, '\0') << "trailing";
    QTest::newRow("entry twice") << golden + golden << "trailing";
}

void tst_AuditEntry::parseRefusesMalformed() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, named);
    try {
        parseCanonical(bytesOf(bytes));
        QFAIL("parsed");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString(error.what()).contains(named), error.what());
    }
}

void tst_AuditEntry::memberChecks_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("problem");  // the start of the message; empty when valid

    QTest::newRow("golden") << "role" << QByteArray("clerk") << QString();
    for (const char* required :
         {"entryId", "at", "actorKind", "actorId", "action", "recordType", "recordId", "outcome"}) {
        QTest::addRow("%s missing", required)
            << required << QByteArray() << QString(required) + ": required";
    }
    for (const char* optional : {"role", "office", "workstation", "purpose"}) {
        QTest::addRow("%s empty", optional) << optional << QByteArray() << QString();
    }
    QTest::newRow("server actor") << "actorId" << QByteArray("server:intake") << QString();
    QTest::newRow("every allowed mark") << "recordId" << QByteArray("a.b_c:d/e@f-G9") << QString();
    QTest::newRow("128 bytes") << "recordId" << QByteArray(128, 'r') << QString();
    QTest::newRow("129 bytes") << "recordId" << QByteArray(129, 'r')
                               << "recordId: longer than 128 bytes";
    QTest::newRow("space") << "actorId" << QByteArray("john smith") << "actorId: byte 0x20 at 4";
    QTest::newRow("semicolon") << "recordId" << QByteArray("1;drop") << "recordId: byte 0x3B";
    QTest::newRow("quote") << "action" << QByteArray("case.read'") << "action: byte 0x27";
    QTest::newRow("newline") << "purpose" << QByteArray("sync\nforged") << "purpose: byte 0x0A";
    QTest::newRow("nul") << "office"
                         << QByteArray(
                                "01\0"
                                "1",
                                4)
                         << "office: byte 0x00";
    QTest::newRow("comma") << "role" << QByteArray("clerk,it") << "role: byte 0x2C";
    QTest::newRow("plus") << "outcome" << QByteArray("ok+") << "outcome: byte 0x2B";
    // Greek letters: a name or an address in Greek is personal data, never an identifier.
    QTest::newRow("greek record type")
        << "recordType" << QString::fromUtf8("υπόθεση").toUtf8() << "recordType: byte 0xCF at 0";
    QTest::newRow("greek surname")
        << "recordId" << QString::fromUtf8("ΠΑΠΑΔΟΠΟΥΛΟΣ").toUtf8() << "recordId: byte 0xCE at 0";
    QTest::newRow("latin accent") << "workstation" << QString::fromUtf8("pc-é").toUtf8()
                                  << "workstation: byte 0xC3 at 3";
    QTest::newRow("uuid uppercase")
        << "entryId" << QByteArray("019AC5E2-3F4B-7C81-9D2E-5A6B7C8D9E0F")
        << "entryId: not a lowercase UUID";
    QTest::newRow("uuid no hyphens") << "entryId" << QByteArray("019ac5e23f4b7c819d2e5a6b7c8d9e0f")
                                     << "entryId: not a lowercase UUID";
    QTest::newRow("uuid short") << "entryId" << QByteArray("019ac5e2-3f4b-7c81-9d2e-5a6b7c8d9e0")
                                << "entryId: not a lowercase UUID";
    QTest::newRow("uuid braces") << "entryId"
                                 << QByteArray("{019ac5e2-3f4b-7c81-9d2e-5a6b7c8d9e0f}")
                                 << "entryId: byte 0x7B";
    QTest::newRow("not a uuid") << "entryId" << QByteArray("case-42")
                                << "entryId: not a lowercase UUID";
    QTest::newRow("time to the second")
        << "at" << QByteArray("2026-11-27T14:03:05Z") << "at: not a UTC time";
    QTest::newRow("time centiseconds")
        << "at" << QByteArray("2026-11-27T14:03:05.12Z") << "at: not a UTC time";
    QTest::newRow("time microseconds")
        << "at" << QByteArray("2026-11-27T14:03:05.123456Z") << "at: not a UTC time";
    QTest::newRow("time without zone")
        << "at" << QByteArray("2026-11-27T14:03:05.123") << "at: not a UTC time";
    QTest::newRow("time 30 February")
        << "at" << QByteArray("2026-02-30T14:03:05.123Z") << "at: not a UTC time";
    QTest::newRow("time hour 24") << "at" << QByteArray("2026-11-27T24:03:05.123Z")
                                  << "at: not a UTC time";
    QTest::newRow("time letters in millis")
        << "at" << QByteArray("2026-11-27T14:03:05.1a3Z") << "at: not a UTC time";
    QTest::newRow("time with offset")
        << "at" << QByteArray("2026-11-27T16:03:05.123+02:00") << "at: byte 0x2B";
}

void tst_AuditEntry::memberChecks() {
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, problem);
    AuditEntry entry = goldenEntry();
    member(entry, name) = bytesOf(value);
    const auto found = problemWith(entry);
    if (problem.isEmpty()) {
        QVERIFY2(!found.has_value(), found ? found->c_str() : "");
    } else {
        QVERIFY2(found.has_value(), "accepted");
        QVERIFY2(QString::fromStdString(*found).startsWith(problem), found->c_str());
    }
}

QTEST_APPLESS_MAIN(tst_AuditEntry)
#include "tst_audit_entry.moc"
