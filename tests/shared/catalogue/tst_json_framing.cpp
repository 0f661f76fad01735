// Framing of MITOS input without a JSON tree: array elements and object members found by the
// one string-and-bracket scanner, where a broken structure is reported, and JSON Lines told
// apart from a pretty-printed document.
#include <QTest>

#include "shared/catalogue/JsonFraming.h"

using namespace kep::catalogue::framing;

namespace {

QString slice(const std::string& text, Span span) {
    return QString::fromStdString(text.substr(span.begin, span.end - span.begin)).trimmed();
}

}  // namespace

class tst_JsonFraming : public QObject {
    Q_OBJECT
private slots:
    void arrayElements_data();
    void arrayElements();
    void arrayStopsWhereTheCallerStops();
    void objectMembers_data();
    void objectMembers();
    void jsonLines_data();
    void jsonLines();
};

void tst_JsonFraming::arrayElements_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("elements");
    QTest::addColumn<int>("error");  // offset, or -1 when the array closed
    QTest::newRow("empty") << QByteArray("[ ]") << QStringList{} << -1;
    QTest::newRow("nested") << QByteArray(R"([{"a":[1,2]}, [3,{"b":4}] ,5])")
                            << QStringList{R"({"a":[1,2]})", R"([3,{"b":4}])", "5"} << -1;
    QTest::newRow("brackets and quotes in strings")
        << QByteArray(R"(["a ], { \" \\", "[,}"])") << QStringList{R"("a ], { \" \\")", R"("[,}")"}
        << -1;
    QTest::newRow("empty element kept for the parser to reject")
        << QByteArray("[1,,2]") << QStringList{"1", "", "2"} << -1;
    QTest::newRow("cut inside a string") << QByteArray(R"([1,"ab)") << QStringList{"1"} << 6;
    QTest::newRow("cut after an element") << QByteArray("[1,{\"a\":2}") << QStringList{"1"} << 10;
    QTest::newRow("closed by a brace") << QByteArray("[1,2}") << QStringList{"1"} << 4;
    QTest::newRow("escape at the very end") << QByteArray("[\"\\") << QStringList{} << 3;
}

void tst_JsonFraming::arrayElements() {
    QFETCH(QByteArray, text);
    QFETCH(QStringList, elements);
    QFETCH(int, error);
    const std::string input = text.toStdString();
    ArrayElements array(input, 0);
    QStringList found;
    while (const auto span = array.next()) {
        found << slice(input, *span);
    }
    QCOMPARE(found, elements);
    QCOMPARE(array.errorOffset().has_value(), error >= 0);
    if (error >= 0) {
        QCOMPARE(*array.errorOffset(), std::size_t(error));
        QVERIFY(!array.end());
    } else {
        QCOMPARE(*array.end(), input.size());
    }
    QVERIFY(!array.next());  // stays finished
}

void tst_JsonFraming::arrayStopsWhereTheCallerStops() {
    // Nothing past the elements taken is looked at: a broken tail is never reached.
    const std::string input = "[1,2,3,\"unterminated";
    ArrayElements array(input, 0);
    QCOMPARE(slice(input, *array.next()), QString("1"));
    QCOMPARE(slice(input, *array.next()), QString("2"));
    QVERIFY(!array.errorOffset());
    QVERIFY(!array.end());
}

void tst_JsonFraming::objectMembers_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("members");  // key=value
    QTest::addColumn<int>("error");            // offset, or -1 when the object closed
    QTest::newRow("empty") << QByteArray(" { } ") << QStringList{} << -1;
    QTest::newRow("wrapper") << QByteArray(
                                    R"({"success":true, "data" : [1,{"id":"2"}] ,"next":null})")
                             << QStringList{"success=true", R"(data=[1,{"id":"2"}])", "next=null"}
                             << -1;
    QTest::newRow("escaped key decoded")
        << QByteArray(R"({"\u0064ata":[],"a\"b":1})") << QStringList{"data=[]", R"(a"b=1)"} << -1;
    QTest::newRow("key not a string") << QByteArray(R"({"a":1,b:2})") << QStringList{"a=1"} << 7;
    QTest::newRow("no colon") << QByteArray(R"({"a" 1})") << QStringList{} << 5;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << QStringList{"a=1"} << 7;
    QTest::newRow("closed by a bracket") << QByteArray(R"({"a":1])") << QStringList{} << 6;
    QTest::newRow("cut inside the value")
        << QByteArray(R"({"a":1,"data":[1,2)") << QStringList{"a=1"} << 18;
}

void tst_JsonFraming::objectMembers() {
    QFETCH(QByteArray, text);
    QFETCH(QStringList, members);
    QFETCH(int, error);
    const std::string input = text.toStdString();
    ObjectMembers object(input, input.find('{'));
    QStringList found;
    while (const auto member = object.next()) {
        found << QString::fromStdString(member->key) + "=" + slice(input, member->value);
    }
    QCOMPARE(found, members);
    QCOMPARE(object.errorOffset().has_value(), error >= 0);
    if (error >= 0) {
        QCOMPARE(*object.errorOffset(), std::size_t(error));
    } else {
        QCOMPARE(*object.end(), input.rfind('}') + 1);
    }
}

void tst_JsonFraming::jsonLines_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("jsonLines");
    QTest::newRow("two objects") << QByteArray("{\"a\":1}\n\n{\"b\":\"}{\"}\n") << true;
    QTest::newRow("one object") << QByteArray("{\"a\":1}\n") << false;
    QTest::newRow("pretty-printed") << QByteArray("{\n  \"a\": 1,\n  \"b\": {}\n}\n") << false;
    QTest::newRow("two objects on a line")
        << QByteArray("{\"a\":1},{\"b\":2}\n{\"a\":1},{\"b\":2}\n") << false;
    QTest::newRow("one broken line of two")
        << QByteArray("{\"a\":1}\n{\"b\":\n") << true;  // the broken record is rejected alone
}

void tst_JsonFraming::jsonLines() {
    QFETCH(QByteArray, text);
    QFETCH(bool, jsonLines);
    QCOMPARE(looksLikeJsonLines(text.toStdString()), jsonLines);
}

QTEST_APPLESS_MAIN(tst_JsonFraming)
#include "tst_json_framing.moc"
