// UUIDv7: layout per RFC 9562, canonical text, validating parse, and strict monotonicity
// within one generator even when the clock stalls or steps back.
#include <QTest>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "shared/domain/Uuid.h"

using kep::domain::Uuid;
using kep::domain::UuidV7Generator;
using Ms = std::chrono::sys_time<std::chrono::milliseconds>;

namespace {
Ms at(std::int64_t ms) {
    return Ms(std::chrono::milliseconds(ms));
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
}  // namespace

class tst_Uuid : public QObject {
    Q_OBJECT
private slots:
    void rfcExampleParsesAndExtractsTimestamp();
    void roundTripIsCanonicalLowercase();
    void parseRejects_data();
    void parseRejects();
    void layoutWithKnownRandomness();
    void generatedHaveVersionVariantAndClockTime();
    void strictlyIncreasingWhenClockStalls();
    void strictlyIncreasingWhenClockStepsBack();
    void textOrderIsTimeOrder();
    void processWideGeneratorIsMonotonicAcrossThreads();
};

void tst_Uuid::rfcExampleParsesAndExtractsTimestamp() {
    // RFC 9562 Appendix A.6 example: 2022-02-22 19:22:22 UTC = 0x017F22E279B0 ms.
    const auto id = Uuid::parse("017F22E2-79B0-7CC3-98C4-DC0C0C07398F");
    QVERIFY(id);
    QCOMPARE(id->version(), 7);
    QVERIFY(id->hasRfcVariant());
    QCOMPARE(id->timestamp()->time_since_epoch().count(), std::int64_t{0x017F22E279B0});
    QCOMPARE(qs(id->toString()), QStringLiteral("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
}

void tst_Uuid::roundTripIsCanonicalLowercase() {
    const std::string text = "0192f3a4-5b6c-7d8e-9f01-23456789abcd";
    const auto id = Uuid::parse(text);
    QVERIFY(id);
    QCOMPARE(qs(id->toString()), qs(text));
    QCOMPARE(*Uuid::parse(id->toString()), *id);
    QVERIFY(Uuid::parse("00000000-0000-0000-0000-000000000000")->isNil());
    QVERIFY(!Uuid::parse("00000000-0000-4000-8000-000000000000")->timestamp());  // v4: no time
}

void tst_Uuid::parseRejects_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("too short") << "0192f3a4-5b6c-7d8e-9f01-23456789abc";
    QTest::newRow("too long") << "0192f3a4-5b6c-7d8e-9f01-23456789abcde";
    QTest::newRow("no hyphens") << "0192f3a45b6c7d8e9f0123456789abcdef00";
    QTest::newRow("hyphen misplaced") << "0192f3a45-b6c-7d8e-9f01-23456789abcd";
    QTest::newRow("non-hex") << "0192f3a4-5b6c-7d8e-9f01-23456789abcg";
    QTest::newRow("braces") << "{0192f3a4-5b6c-7d8e-9f01-23456789ab}";
    QTest::newRow("urn") << "urn:uuid:0192f3a4-5b6c-7d8e-9f01-2345";
    QTest::newRow("space") << " 0192f3a4-5b6c-7d8e-9f01-23456789abc";
}

void tst_Uuid::parseRejects() {
    QFETCH(QString, text);
    QVERIFY(!Uuid::parse(text.toStdString()));
}

void tst_Uuid::layoutWithKnownRandomness() {
    UuidV7Generator generator(
        [] { return at(0x0123456789AB); },
        [](std::span<std::uint8_t> out) { std::fill(out.begin(), out.end(), std::uint8_t{0xFF}); });
    // counter = 11 random bits (0x7FF), variant 10 + 6 random bits, then 7 random bytes.
    QCOMPARE(qs(generator.next().toString()),
             QStringLiteral("01234567-89ab-77ff-bfff-ffffffffffff"));
    QCOMPARE(qs(generator.next().toString()),
             QStringLiteral("01234567-89ab-7800-bfff-ffffffffffff"));
}

void tst_Uuid::generatedHaveVersionVariantAndClockTime() {
    std::int64_t now = 1'760'000'000'123;
    UuidV7Generator generator([&] { return at(now); });
    std::set<Uuid> seen;
    for (int i = 0; i < 1000; ++i) {
        now += i % 3 == 0 ? 1 : 0;
        const Uuid id = generator.next();
        QCOMPARE(id.version(), 7);
        QVERIFY(id.hasRfcVariant());
        QCOMPARE(id.timestamp()->time_since_epoch().count(), now);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), std::size_t{1000});
}

void tst_Uuid::strictlyIncreasingWhenClockStalls() {
    // 20 000 IDs in one millisecond exhaust the 12-bit counter several times over.
    UuidV7Generator generator([] { return at(1'760'000'000'000); });
    Uuid previous = generator.next();
    for (int i = 0; i < 20'000; ++i) {
        const Uuid id = generator.next();
        QVERIFY(previous < id);
        QVERIFY(previous.toString() < id.toString());
        previous = id;
    }
    // Borrowed milliseconds stay close: at most one per 2048 IDs.
    QVERIFY(previous.timestamp()->time_since_epoch().count() <= 1'760'000'000'000 + 10);
}

void tst_Uuid::strictlyIncreasingWhenClockStepsBack() {
    std::int64_t now = 1'760'000'005'000;
    UuidV7Generator generator([&] { return at(now); });
    const Uuid before = generator.next();
    now -= 3'000;  // NTP step backwards
    const Uuid after = generator.next();
    QVERIFY(before < after);
    QCOMPARE(after.timestamp(), before.timestamp());
    now += 10'000;
    const Uuid later = generator.next();
    QCOMPARE(later.timestamp()->time_since_epoch().count(), now);
}

void tst_Uuid::textOrderIsTimeOrder() {
    std::int64_t now = 1'000;
    UuidV7Generator generator([&] { return at(now); });
    std::vector<std::string> texts;
    for (int i = 0; i < 200; ++i) {
        now += 997;
        texts.push_back(generator.next().toString());
    }
    QVERIFY(std::is_sorted(texts.begin(), texts.end()));
}

void tst_Uuid::processWideGeneratorIsMonotonicAcrossThreads() {
    // Each thread sees its own IDs increase; all IDs together are distinct.
    constexpr int kPerThread = 5000;
    std::vector<std::vector<Uuid>> perThread(4);
    std::vector<std::thread> threads;
    for (auto& ids : perThread) {
        threads.emplace_back([&ids] {
            for (int i = 0; i < kPerThread; ++i) {
                ids.push_back(kep::domain::newUuidV7());
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    std::set<Uuid> all;
    for (const auto& ids : perThread) {
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));
        QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
        all.insert(ids.begin(), ids.end());
    }
    QCOMPARE(all.size(), std::size_t{4 * kPerThread});
}

QTEST_APPLESS_MAIN(tst_Uuid)
#include "tst_uuid.moc"
