// The MITOS parser's memory bound: 50 MB inputs of every shape are read within a heap peak set
// by the limits (records kept, record size), not by the input, and end in the right rejection.
// The heap is measured by counting this executable's operator new, which every container and
// Boost.JSON's default resource allocate through; it works the same under ASan.
#include <QTest>

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "shared/catalogue/MitosParser.h"

namespace {

std::atomic<std::size_t> gLiveBytes{0};
std::atomic<std::size_t> gPeakBytes{0};

void* countedAllocation(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    const std::size_t live = gLiveBytes += malloc_usable_size(p);
    std::size_t peak = gPeakBytes.load();
    while (live > peak && !gPeakBytes.compare_exchange_weak(peak, live)) {
    }
    return p;
}

void countedRelease(void* p) noexcept {
    if (p != nullptr) {
        gLiveBytes -= malloc_usable_size(p);
        std::free(p);
    }
}

// The most the heap grew above where it stood when the meter was made.
class HeapPeak {
public:
    HeapPeak() : base_(gLiveBytes.load()) { gPeakBytes = base_; }
    std::size_t growth() const { return gPeakBytes.load() - base_; }

private:
    std::size_t base_;
};

}  // namespace

void* operator new(std::size_t size) {
    return countedAllocation(size);
}
void* operator new[](std::size_t size) {
    return countedAllocation(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return countedAllocation(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return countedAllocation(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept {
    countedRelease(p);
}
void operator delete[](void* p) noexcept {
    countedRelease(p);
}
void operator delete(void* p, std::size_t) noexcept {
    countedRelease(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    countedRelease(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    countedRelease(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    countedRelease(p);
}

using namespace kep::catalogue;

namespace {

constexpr std::size_t kInputBytes = 50'000'000;

// `head`, then `element` and `separator` repeated to kInputBytes, then `tail`.
std::string repeated(const std::string& head, const std::string& element,
                     const std::string& separator, const std::string& tail) {
    std::string input;
    input.reserve(kInputBytes + head.size() + element.size() + tail.size());
    input += head;
    input += element;
    while (input.size() < kInputBytes) {
        input += separator;
        input += element;
    }
    input += tail;
    return input;
}

}  // namespace

class tst_MitosParserMemory : public QObject {
    Q_OBJECT
private slots:
    void largeInputWithinBound_data();
    void largeInputWithinBound();
};

void tst_MitosParserMemory::largeInputWithinBound_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<qulonglong>("maxRecords");
    QTest::addColumn<qulonglong>("rejections");
    QTest::addColumn<QString>("lastReason");  // the start of it
    QTest::addColumn<QString>("lastId");
    QTest::addColumn<qulonglong>("boundBytes");
    // 1,000 rejections of ~200 bytes each, and the parsing of one small record at a time.
    constexpr qulonglong kSmall = 1ULL << 20;
    const QString over1000 = "more than 1000 records; this one and the rest were not read";
    QTest::newRow("array of zeros") << "array" << 1000ULL << 1001ULL << over1000 << "" << kSmall;
    QTest::newRow("list wrapper of zeros")
        << "wrapper" << 1000ULL << 1001ULL << over1000 << "" << kSmall;
    QTest::newRow("json lines of {}") << "jsonl" << 1000ULL << 1001ULL << over1000 << "" << kSmall;
    QTest::newRow("one record of 50 MB") << "record" << 1000ULL << 1ULL << "the record is 500000"
                                         << "900001" << kSmall;
    QTest::newRow("list wrapper cut off")
        << "cut" << 1000ULL << 1ULL << "the input is not JSON: the input ends inside the object"
        << "" << kSmall;
    // The default limits keep up to 100,000 rejections: that, not the input, sets the bound.
    QTest::newRow("array of zeros, default limits")
        << "array" << 100'000ULL << 100'001ULL
        << "more than 100000 records; this one and the rest were not read"
        << "" << 32ULL * 1024 * 1024;
}

void tst_MitosParserMemory::largeInputWithinBound() {
    QFETCH(QString, shape);
    QFETCH(qulonglong, maxRecords);
    QFETCH(qulonglong, rejections);
    QFETCH(QString, lastReason);
    QFETCH(QString, lastId);
    QFETCH(qulonglong, boundBytes);
    std::string input;
    if (shape == "array") {
        input = repeated("[", "0", ",", "]");
    } else if (shape == "wrapper") {
        input = repeated(R"({"success":true,"data":[)", "0", ",", "],\"total\":0}");
    } else if (shape == "jsonl") {
        input = repeated("", "{}", "\n", "\n");
    } else if (shape == "record") {
        input = repeated(R"({"success":true,"data":{"id":"900001","title":{"el":"Α"},"x":[)", "0",
                         ",", "]}}");
    } else {
        input = repeated(R"({"success":true,"data":[)", "0", ",", "");
    }
    ParseLimits limits;
    limits.maxRecords = maxRecords;
    MitosParseResult result;
    const HeapPeak peak;
    result = parseMitos(input, Language::El, limits);
    const std::size_t grown = peak.growth();
    qInfo("%s: %zu bytes of input, heap peak +%zu bytes", qPrintable(shape), input.size(), grown);
    QVERIFY2(grown < boundBytes, qPrintable(QString("heap grew by %1 bytes").arg(grown)));
    QCOMPARE(result.procedures.size(), std::size_t{0});
    QCOMPARE(result.rejections.size(), std::size_t(rejections));
    const Rejection& last = result.rejections.back();
    QVERIFY2(QString::fromStdString(last.reason).startsWith(lastReason), last.reason.c_str());
    QCOMPARE(QString::fromStdString(last.at.id), lastId);
    if (rejections > 1) {
        QCOMPARE(last.at.index, std::size_t(maxRecords));
    }
}

QTEST_APPLESS_MAIN(tst_MitosParserMemory)
#include "tst_mitos_parser_memory.moc"
