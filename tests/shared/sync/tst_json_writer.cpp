// The sync codec's JSON writer: the text is exactly what Boost.JSON's serializer writes for the
// same document (so peers of either kind read it alike), escapes and all, and parses back.
#include <QTest>

#include <boost/json.hpp>

#include <limits>

#include "shared/sync/JsonWriter.h"

using kep::sync::JsonWriter;
namespace json = boost::json;

class tst_JsonWriter : public QObject {
    Q_OBJECT

private slots:
    void stringsAreEscapedAsBoostJsonDoes_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain") << QByteArray("0101/2026/17");
        QTest::newRow("quote and backslash") << QByteArray(R"(a "b" \c\)");
        QTest::newRow("short escapes") << QByteArray("\b\f\n\r\t");
        QTest::newRow("other control bytes") << QByteArray("\x01\x1f", 2);
        QTest::newRow("a NUL inside") << QByteArray("a\0b", 3);
        QTest::newRow("DEL and slash pass") << QByteArray("\x7f/");
        QTest::newRow("Greek UTF-8 passes") << QByteArray("Παπαδοπούλου, Αιόλου 3");
        QTest::newRow("escape at the end") << QByteArray("γραμμή 1\n");
    }

    void stringsAreEscapedAsBoostJsonDoes() {
        QFETCH(QByteArray, text);
        const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
        JsonWriter out;
        out.string(view);
        QCOMPARE(out.text(), json::serialize(json::string(view)));
        QCOMPARE(std::string_view(json::parse(out.text()).as_string()), view);
    }

    void documentsMatchTheSerializer() {
        JsonWriter out;
        out.beginObject()
            .numberMember("protocol", 2)
            .stringMember("deviceId", "desk-0101-01")
            .key("ops")
            .beginArray()
            .beginObject()
            .numberMember("min", std::numeric_limits<std::int64_t>::min())
            .numberMember("max", std::numeric_limits<std::int64_t>::max())
            .key("fields")
            .beginObject()
            .endObject()
            .booleanMember("deleted", true)
            .endObject()
            .beginObject()
            .key("empty")
            .beginArray()
            .endArray()
            .key("pair")
            .beginArray()
            .string("v")
            .number(-3)
            .boolean(false)
            .endArray()
            .endObject()
            .endArray()
            .endObject();
        const json::object expected{
            {"protocol", 2},
            {"deviceId", "desk-0101-01"},
            {"ops", json::array{json::object{{"min", std::numeric_limits<std::int64_t>::min()},
                                             {"max", std::numeric_limits<std::int64_t>::max()},
                                             {"fields", json::object{}},
                                             {"deleted", true}},
                                json::object{{"empty", json::array{}},
                                             {"pair", json::array{"v", -3, false}}}}}};
        QCOMPARE(out.text(), json::serialize(expected));
        QCOMPARE(json::parse(out.text()), json::value(expected));
    }

    void takeHandsOverTheText() {
        JsonWriter out(64);
        out.beginArray().number(1).number(2).endArray();
        const std::string text = out.take();
        QCOMPARE(text, std::string("[1,2]"));
    }
};

QTEST_APPLESS_MAIN(tst_JsonWriter)
#include "tst_json_writer.moc"
