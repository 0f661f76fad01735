// Protocol numbers: text form, parsing with reasons and ordering; the desk's lease allocator
// (no repeats over 100,000 draws on two desks sharing an office sequence, low stock, the
// December block, the year rollover at Greek midnight, its JSON form); the server's issuer.
#include <QTest>
#include <QTimeZone>

#include <random>
#include <set>

#include "shared/cases/BlockIssuer.h"
#include "shared/cases/GreekCivilTime.h"
#include "shared/cases/ProtocolNumber.h"
#include "shared/cases/ProtocolNumberLease.h"

using namespace kep::cases;
using namespace std::chrono;

Q_DECLARE_METATYPE(ProtocolNumberError)
Q_DECLARE_METATYPE(BlockRefusal)
Q_DECLARE_METATYPE(IssueRefusal)

namespace {

template <typename E>
QByteArray code(E value) {
    const std::string_view text = toString(value);
    return QByteArray(text.data(), qsizetype(text.size()));
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

ProtocolNumberBlock block(int year, std::uint32_t first, std::uint32_t last) {
    return ProtocolNumberBlock{"0101", year, first, last};
}

}  // namespace

class tst_ProtocolNumber : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void formatRoundTrips();
    void ordering();
    void addBlock_data();
    void addBlock();
    void drawsInOrderAndDropsExhaustedBlocks();
    void neverRepeatsOver100kDraws();
    void lowStock_data();
    void lowStock();
    void decemberWantsNextYearsBlock_data();
    void decemberWantsNextYearsBlock();
    void yearRolloverUsesNextYearsBlock();
    void localDateInAthens_data();
    void localDateInAthens();
    void jsonRoundTrip();
    void jsonRefusesInconsistentState_data();
    void jsonRefusesInconsistentState();
    void blockIssuer_data();
    void blockIssuer();
};

void tst_ProtocolNumber::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<ProtocolNumberError>("error");
    QTest::addColumn<QString>("canonical");
    using E = ProtocolNumberError;
    QTest::newRow("demo office") << "0101/2026/42" << E::None << "0101/2026/42";
    QTest::newRow("surrounding spaces") << "  0101/2026/42 " << E::None << "0101/2026/42";
    QTest::newRow("leading zeros") << "0101/2026/000042" << E::None << "0101/2026/42";
    QTest::newRow("lower-case office") << "ab12/2026/7" << E::None << "AB12/2026/7";
    QTest::newRow("two-character office") << "01/2026/1" << E::None << "01/2026/1";
    QTest::newRow("eight-character office") << "ABCD1234/2026/1" << E::None << "ABCD1234/2026/1";
    QTest::newRow("largest sequence") << "0101/2026/999999999" << E::None << "0101/2026/999999999";
    QTest::newRow("empty") << "" << E::Empty << "";
    QTest::newRow("blank") << "   " << E::Empty << "";
    QTest::newRow("dashes") << "0101-2026-42" << E::WrongShape << "";
    QTest::newRow("two parts") << "0101/2026" << E::WrongShape << "";
    QTest::newRow("four parts") << "0101/2026/42/1" << E::WrongShape << "";
    QTest::newRow("one-character office") << "1/2026/42" << E::BadOfficeCode << "";
    QTest::newRow("nine-character office") << "123456789/2026/1" << E::BadOfficeCode << "";
    QTest::newRow("space in office") << "01 01/2026/1" << E::BadOfficeCode << "";
    QTest::newRow("greek office") << "ΚΕΠ1/2026/1" << E::BadOfficeCode << "";
    QTest::newRow("empty office") << "/2026/1" << E::BadOfficeCode << "";
    QTest::newRow("two-digit year") << "0101/26/42" << E::BadYear << "";
    QTest::newRow("year before 2000") << "0101/1999/42" << E::BadYear << "";
    QTest::newRow("year with letter") << "0101/202X/42" << E::BadYear << "";
    QTest::newRow("zero") << "0101/2026/0" << E::BadSequence << "";
    QTest::newRow("zeros") << "0101/2026/0000" << E::BadSequence << "";
    QTest::newRow("no sequence") << "0101/2026/" << E::BadSequence << "";
    QTest::newRow("negative") << "0101/2026/-1" << E::BadSequence << "";
    QTest::newRow("space in sequence") << "0101/2026/4 2" << E::BadSequence << "";
    QTest::newRow("ten digits") << "0101/2026/1000000000" << E::SequenceTooLarge << "";
}

void tst_ProtocolNumber::parse() {
    QFETCH(QString, text);
    QFETCH(ProtocolNumberError, error);
    QFETCH(QString, canonical);
    const ProtocolNumber::Parsed parsed = ProtocolNumber::parse(text.toStdString());
    QCOMPARE(code(parsed.error), code(error));
    QCOMPARE(parsed.ok(), error == ProtocolNumberError::None);
    if (parsed.ok()) {
        QCOMPARE(qs(parsed.number->toString()), canonical);
    } else {
        QVERIFY(!protocolNumberErrorMessage(error).empty());
    }
}

void tst_ProtocolNumber::formatRoundTrips() {
    const ProtocolNumber n{"0101", 2026, 1234};
    QCOMPARE(qs(n.toString()), QString("0101/2026/1234"));
    QVERIFY(ProtocolNumber::parse(n.toString()).number == n);
}

void tst_ProtocolNumber::ordering() {
    const auto p = [](const char* text) { return *ProtocolNumber::parse(text).number; };
    QVERIFY(p("0101/2026/9") < p("0101/2026/10"));  // numeric, not textual
    QVERIFY(p("0101/2025/999") < p("0101/2026/1"));
    QVERIFY(p("0101/2026/5") < p("0102/2025/1"));
    QVERIFY(p("0101/2026/042") == p("0101/2026/42"));
}

void tst_ProtocolNumber::addBlock_data() {
    QTest::addColumn<ProtocolNumberBlock>("candidate");
    QTest::addColumn<BlockRefusal>("refusal");
    QTest::addColumn<qulonglong>("remaining2026");
    // The lease already holds 2026: 101..200 with 101..150 used.
    QTest::newRow("next block") << block(2026, 301, 400) << BlockRefusal::None << 150ULL;
    QTest::newRow("retried answer: same block")
        << block(2026, 101, 200) << BlockRefusal::None << 50ULL;
    QTest::newRow("another office")
        << ProtocolNumberBlock{"0102", 2026, 301, 400} << BlockRefusal::WrongOffice << 50ULL;
    QTest::newRow("overlaps the held block")
        << block(2026, 190, 250) << BlockRefusal::StaleBlock << 50ULL;
    QTest::newRow("below the held block")
        << block(2026, 1, 100) << BlockRefusal::StaleBlock << 50ULL;
    QTest::newRow("inside the used part")
        << block(2026, 120, 130) << BlockRefusal::StaleBlock << 50ULL;
    QTest::newRow("first is zero") << block(2026, 0, 400) << BlockRefusal::BadRange << 50ULL;
    QTest::newRow("inverted") << block(2026, 400, 301) << BlockRefusal::BadRange << 50ULL;
    QTest::newRow("past the largest sequence")
        << block(2026, 301, ProtocolNumber::kMaxSequence + 1) << BlockRefusal::BadRange << 50ULL;
    QTest::newRow("year 1999") << block(1999, 1, 100) << BlockRefusal::BadYear << 50ULL;
    QTest::newRow("other year from 1") << block(2027, 1, 100) << BlockRefusal::None << 50ULL;
}

void tst_ProtocolNumber::addBlock() {
    QFETCH(ProtocolNumberBlock, candidate);
    QFETCH(BlockRefusal, refusal);
    QFETCH(qulonglong, remaining2026);
    ProtocolNumberLease lease{"0101"};
    QCOMPARE(code(lease.add(block(2026, 101, 200))), code(BlockRefusal::None));
    for (int i = 0; i < 50; ++i) {
        QVERIFY(lease.draw(2026y / March / 2d));
    }
    QCOMPARE(code(lease.add(candidate)), code(refusal));
    QCOMPARE(qulonglong(lease.remaining(2026)), remaining2026);
    QCOMPARE(lease.draw(2026y / March / 2d)->sequence, 151U);  // never back into the used part
}

void tst_ProtocolNumber::drawsInOrderAndDropsExhaustedBlocks() {
    ProtocolNumberLease lease{"0101"};
    QVERIFY(!lease.draw(2026y / May / 4d).has_value());  // nothing held: no number
    lease.add(block(2026, 11, 12));
    lease.add(block(2026, 41, 41));
    std::vector<std::uint32_t> drawn;
    while (const auto n = lease.draw(2026y / May / 4d)) {
        QCOMPARE(qs(n->office), QString("0101"));
        QCOMPARE(n->year, 2026);
        drawn.push_back(n->sequence);
    }
    QCOMPARE(drawn, (std::vector<std::uint32_t>{11, 12, 41}));
    QVERIFY(lease.heldBlocks().empty());
    // An exhausted, forgotten block cannot come back.
    QCOMPARE(code(lease.add(block(2026, 11, 12))), code(BlockRefusal::StaleBlock));
}

// Two desks of one office lease from one server sequence, top up when low, and restart (JSON
// round trip) from time to time; every number drawn is unique.
void tst_ProtocolNumber::neverRepeatsOver100kDraws() {
    const BlockIssuer issuer;
    std::uint32_t serverMark = 0;  // what the server persists for office 0101, year 2026
    std::array<ProtocolNumberLease, 2> desks{ProtocolNumberLease{"0101"},
                                             ProtocolNumberLease{"0101"}};
    std::mt19937 random(20260302);
    std::set<std::uint32_t> seen;
    const year_month_day today = 2026y / March / 2d;
    int refusedDraws = 0;
    for (int i = 0; i < 100'000; ++i) {
        ProtocolNumberLease& desk = desks[random() % 2];
        for (const int year : desk.yearsToLease(today)) {
            QCOMPARE(year, 2026);
            const std::uint32_t size = 50 + random() % 450;
            const IssueResult issued = issuer.issue("0101", year, serverMark, size, today);
            QVERIFY(issued.ok());
            serverMark = issued.block->last;
            QCOMPARE(code(desk.add(*issued.block)), code(BlockRefusal::None));
            if (random() % 4 == 0) {  // the answer arrived twice (a retry): harmless
                QCOMPARE(code(desk.add(*issued.block)), code(BlockRefusal::None));
            }
        }
        const auto number = desk.draw(today);
        if (!number) {
            ++refusedDraws;
            continue;
        }
        QVERIFY2(seen.insert(number->sequence).second, number->toString().c_str());
        if (i % 10'000 == 9'999) {
            desk = ProtocolNumberLease::fromJson(desk.toJson());
        }
    }
    QCOMPARE(refusedDraws, 0);  // topping up while low means a desk never runs dry
    QCOMPARE(seen.size(), std::size_t{100'000});
    QVERIFY(*seen.rbegin() <= serverMark);
}

void tst_ProtocolNumber::lowStock_data() {
    QTest::addColumn<uint>("blockSize");
    QTest::addColumn<uint>("draws");
    QTest::addColumn<bool>("low");
    // Low below 25 numbers or below 20 % of the newest block.
    QTest::newRow("1000: 200 left") << 1000U << 800U << false;
    QTest::newRow("1000: 199 left") << 1000U << 801U << true;
    QTest::newRow("50: 25 left") << 50U << 25U << false;
    QTest::newRow("50: 24 left") << 50U << 26U << true;
    QTest::newRow("10: all 10 left") << 10U << 0U << true;
    QTest::newRow("none held") << 0U << 0U << true;
}

void tst_ProtocolNumber::lowStock() {
    QFETCH(uint, blockSize);
    QFETCH(uint, draws);
    QFETCH(bool, low);
    ProtocolNumberLease lease{"0101"};
    if (blockSize > 0) {
        lease.add(block(2026, 1, blockSize));
    }
    for (uint i = 0; i < draws; ++i) {
        QVERIFY(lease.draw(2026y / June / 1d));
    }
    QCOMPARE(lease.isLow(2026), low);
    QCOMPARE(lease.yearsToLease(2026y / June / 1d),
             low ? std::vector<int>{2026} : std::vector<int>{});
}

void tst_ProtocolNumber::decemberWantsNextYearsBlock_data() {
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("nextYearHeld");
    QTest::addColumn<bool>("currentLow");
    QTest::addColumn<QList<int>>("years");
    QTest::newRow("30 Nov") << QDate(2026, 11, 30) << false << false << QList<int>{};
    QTest::newRow("1 Dec") << QDate(2026, 12, 1) << false << false << QList<int>{2027};
    QTest::newRow("1 Dec, next year held") << QDate(2026, 12, 1) << true << false << QList<int>{};
    QTest::newRow("15 Dec, both wanted")
        << QDate(2026, 12, 15) << false << true << QList<int>{2026, 2027};
    QTest::newRow("31 Dec") << QDate(2026, 12, 31) << false << false << QList<int>{2027};
    QTest::newRow("2 Jan: the new current year")
        << QDate(2027, 1, 2) << true << false << QList<int>{};
}

void tst_ProtocolNumber::decemberWantsNextYearsBlock() {
    QFETCH(QDate, today);
    QFETCH(bool, nextYearHeld);
    QFETCH(bool, currentLow);
    QFETCH(QList<int>, years);
    ProtocolNumberLease lease{"0101"};
    lease.add(block(2026, 1, currentLow ? 20 : 500));
    if (nextYearHeld) {
        lease.add(block(2027, 1, 500));
    }
    const year_month_day date{year{today.year()}, month{unsigned(today.month())},
                              day{unsigned(today.day())}};
    const std::vector<int> wanted = lease.yearsToLease(date);
    QCOMPARE(QList<int>(wanted.begin(), wanted.end()), years);
}

void tst_ProtocolNumber::yearRolloverUsesNextYearsBlock() {
    ProtocolNumberLease lease{"0101"};
    lease.add(block(2026, 7001, 7500));
    lease.add(block(2027, 1, 500));
    // 31 Dec 23:59 in Athens is 21:59 UTC; midnight is 22:00 UTC (winter time, UTC+2).
    const sys_seconds lastMinute = sys_days{2026y / December / 31d} + 21h + 59min;
    const sys_seconds midnight = sys_days{2026y / December / 31d} + 22h;
    const auto before = lease.draw(greekLocalDate(lastMinute));
    const auto after = lease.draw(greekLocalDate(midnight));
    QVERIFY(before && after);
    QCOMPARE(qs(before->toString()), QString("0101/2026/7001"));
    QCOMPARE(qs(after->toString()), QString("0101/2027/1"));
    // The old year's leftovers can be dropped; the new year's stock is untouched.
    lease.discardYearsBefore(2027);
    QCOMPARE(lease.remaining(2026), 0U);
    QCOMPARE(lease.remaining(2027), 499U);
}

void tst_ProtocolNumber::localDateInAthens_data() {
    QTest::addColumn<QDateTime>("utc");
    QTest::addColumn<QDate>("local");
    QTest::addColumn<int>("offsetHours");
    const auto utc = [](int y, int m, int d, int h, int min, int s) {
        return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
    };
    QTest::newRow("winter, before midnight")
        << utc(2026, 12, 31, 21, 59, 59) << QDate(2026, 12, 31) << 2;
    QTest::newRow("winter, midnight") << utc(2026, 12, 31, 22, 0, 0) << QDate(2027, 1, 1) << 2;
    QTest::newRow("summer, midnight") << utc(2026, 6, 30, 21, 0, 0) << QDate(2026, 7, 1) << 3;
    QTest::newRow("summer, before midnight")
        << utc(2026, 6, 30, 20, 59, 59) << QDate(2026, 6, 30) << 3;
    QTest::newRow("just before summer time")
        << utc(2026, 3, 29, 0, 59, 59) << QDate(2026, 3, 29) << 2;
    QTest::newRow("summer time starts") << utc(2026, 3, 29, 1, 0, 0) << QDate(2026, 3, 29) << 3;
    QTest::newRow("summer time ends") << utc(2026, 10, 25, 1, 0, 0) << QDate(2026, 10, 25) << 2;
    QTest::newRow("last summer second") << utc(2026, 10, 25, 0, 59, 59) << QDate(2026, 10, 25) << 3;
}

void tst_ProtocolNumber::localDateInAthens() {
    QFETCH(QDateTime, utc);
    QFETCH(QDate, local);
    QFETCH(int, offsetHours);
    const sys_seconds instant{seconds{utc.toSecsSinceEpoch()}};
    const year_month_day d = kep::cases::greekLocalDate(instant);
    QCOMPARE(QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day()))), local);
    QCOMPARE(greekUtcOffset(instant), hours{offsetHours});
    // Cross-check against the system's tz database where it has Europe/Athens.
    const QTimeZone athens("Europe/Athens");
    if (athens.isValid()) {
        QCOMPARE(utc.toTimeZone(athens).date(), local);
    }
}

void tst_ProtocolNumber::jsonRoundTrip() {
    ProtocolNumberLease lease{"0101"};
    lease.add(block(2026, 101, 200));
    lease.add(block(2026, 401, 500));
    lease.add(block(2027, 1, 50));
    for (int i = 0; i < 130; ++i) {
        lease.draw(2026y / December / 2d);
    }
    const std::string json = lease.toJson();
    const ProtocolNumberLease back = ProtocolNumberLease::fromJson(json);
    QVERIFY(back == lease);
    QCOMPARE(back.remaining(2026), lease.remaining(2026));
    QCOMPARE(qs(back.toJson()), qs(json));
    // The high-water mark survives even when every block of a year is used up.
    ProtocolNumberLease used{"0101"};
    used.add(block(2026, 1, 2));
    used.draw(2026y / May / 4d);
    used.draw(2026y / May / 4d);
    ProtocolNumberLease restored = ProtocolNumberLease::fromJson(used.toJson());
    QCOMPARE(code(restored.add(block(2026, 1, 2))), code(BlockRefusal::StaleBlock));
}

void tst_ProtocolNumber::jsonRefusesInconsistentState_data() {
    QTest::addColumn<QString>("json");
    const auto doc = [](const char* blocks, const char* highest) {
        return QString(R"({"format":1,"office":"0101","blocks":[%1],"highest":[%2]})")
            .arg(blocks, highest);
    };
    QTest::newRow("not JSON") << "{\"format\":1,";
    QTest::newRow("not an object") << "[1,2]";
    QTest::newRow("format 2") << R"({"format":2,"office":"0101","blocks":[],"highest":[]})";
    QTest::newRow("bad office") << R"({"format":1,"office":"x","blocks":[],"highest":[]})";
    QTest::newRow("missing blocks") << R"({"format":1,"office":"0101","highest":[]})";
    QTest::newRow("next past last")
        << doc(R"({"year":2026,"first":1,"last":10,"next":11})", R"({"year":2026,"last":10})");
    QTest::newRow("next before first")
        << doc(R"({"year":2026,"first":5,"last":10,"next":4})", R"({"year":2026,"last":10})");
    QTest::newRow("block above the mark")
        << doc(R"({"year":2026,"first":1,"last":10,"next":1})", R"({"year":2026,"last":5})");
    QTest::newRow("block without a mark")
        << doc(R"({"year":2026,"first":1,"last":10,"next":1})", "");
    QTest::newRow("overlapping blocks") << doc(R"({"year":2026,"first":1,"last":10,"next":1},)"
                                               R"({"year":2026,"first":10,"last":20,"next":10})",
                                               R"({"year":2026,"last":20})");
    QTest::newRow("year repeated in marks")
        << doc("", R"({"year":2026,"last":20},{"year":2026,"last":30})");
    QTest::newRow("year as text") << doc("", R"({"year":"2026","last":20})");
    QTest::newRow("negative") << doc("", R"({"year":2026,"last":-1})");
}

void tst_ProtocolNumber::jsonRefusesInconsistentState() {
    QFETCH(QString, json);
    QVERIFY_THROWS_EXCEPTION(LeaseFormatError, ProtocolNumberLease::fromJson(json.toStdString()));
}

void tst_ProtocolNumber::blockIssuer_data() {
    QTest::addColumn<QString>("office");
    QTest::addColumn<int>("leaseYear");
    QTest::addColumn<uint>("mark");
    QTest::addColumn<uint>("size");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<IssueRefusal>("refusal");
    QTest::addColumn<uint>("firstNumber");
    QTest::addColumn<uint>("lastNumber");
    const QDate march(2026, 3, 2);
    const uint max = ProtocolNumber::kMaxSequence;
    using I = IssueRefusal;
    QTest::newRow("first block") << "0101" << 2026 << 0U << 100U << march << I::None << 1U << 100U;
    QTest::newRow("after the mark")
        << "0101" << 2026 << 100U << 250U << march << I::None << 101U << 350U;
    QTest::newRow("one number for an online application")
        << "0101" << 2026 << 350U << 1U << march << I::None << 351U << 351U;
    QTest::newRow("size 0") << "0101" << 2026 << 0U << 0U << march << I::BadSize << 0U << 0U;
    QTest::newRow("size above maximum")
        << "0101" << 2026 << 0U << 10'001U << march << I::BadSize << 0U << 0U;
    QTest::newRow("next year in November")
        << "0101" << 2027 << 0U << 100U << QDate(2026, 11, 30) << I::YearNotOpen << 0U << 0U;
    QTest::newRow("next year on 1 December")
        << "0101" << 2027 << 0U << 100U << QDate(2026, 12, 1) << I::None << 1U << 100U;
    QTest::newRow("last year in January")
        << "0101" << 2025 << 0U << 100U << QDate(2026, 1, 2) << I::YearNotOpen << 0U << 0U;
    QTest::newRow("up to the largest sequence")
        << "0101" << 2026 << max - 10 << 10U << march << I::None << max - 9 << max;
    QTest::newRow("past the largest sequence")
        << "0101" << 2026 << max - 10 << 11U << march << I::SequenceExhausted << 0U << 0U;
    QTest::newRow("bad office") << "1" << 2026 << 0U << 10U << march << I::BadOfficeCode << 0U
                                << 0U;
}

void tst_ProtocolNumber::blockIssuer() {
    QFETCH(QString, office);
    QFETCH(int, leaseYear);
    QFETCH(uint, mark);
    QFETCH(uint, size);
    QFETCH(QDate, today);
    QFETCH(IssueRefusal, refusal);
    QFETCH(uint, firstNumber);
    QFETCH(uint, lastNumber);
    const BlockIssuer issuer;
    const year_month_day date{year{today.year()}, month{unsigned(today.month())},
                              day{unsigned(today.day())}};
    const IssueResult result = issuer.issue(office.toStdString(), leaseYear, mark, size, date);
    QCOMPARE(code(result.refusal), code(refusal));
    QCOMPARE(result.ok(), refusal == IssueRefusal::None);
    if (result.ok()) {
        QCOMPARE(qs(result.block->office), office);
        QCOMPARE(result.block->year, leaseYear);
        QCOMPARE(result.block->first, firstNumber);
        QCOMPARE(result.block->last, lastNumber);
    }
}

QTEST_APPLESS_MAIN(tst_ProtocolNumber)
#include "tst_protocol_number.moc"
