// SQL written for kep::db made PostgreSQL's (storage/pg/PgSqlText): SQLite's parameter markers
// become $N with SQLite's own numbering, and nothing inside literals, comments or casts is touched.
#include "storage/pg/PgSqlText.h"

#include "db/Database.h"

#include <QTest>

#include <sqlite3.h>

#include <string>
#include <vector>

using kep::server::pg::leadingKeyword;
using kep::server::pg::splitStatements;
using kep::server::pg::translateParameters;

class tst_PgSqlText : public QObject {
    Q_OBJECT

private slots:
    void translatesParameterMarkers_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("count");
        QTest::newRow("bare ?") << "SELECT ? , ?"
                                << "SELECT $1 , $2" << 2;
        QTest::newRow("?NNN") << "UPDATE t SET a = ?2 WHERE id = ?1"
                              << "UPDATE t SET a = $2 WHERE id = $1" << 2;
        QTest::newRow("? after ?NNN takes the highest plus one") << "SELECT ?3, ?"
                                                                 << "SELECT $3, $4" << 4;
        QTest::newRow(":name reused keeps its number")
            << "SELECT :office WHERE :desk = 1 OR :office = 2"
            << "SELECT $1 WHERE $2 = 1 OR $1 = 2" << 2;
        QTest::newRow("@name and $name") << "SELECT @a, $b, @a"
                                         << "SELECT $1, $2, $1" << 2;
        QTest::newRow("name after ?NNN") << "SELECT ?5, :next"
                                         << "SELECT $5, $6" << 6;
        QTest::newRow("? in a string literal") << "SELECT '?', ? WHERE x = 'a?b:c'"
                                               << "SELECT '?', $1 WHERE x = 'a?b:c'" << 1;
        QTest::newRow("doubled quote in a literal") << "SELECT 'it''s ?', ?"
                                                    << "SELECT 'it''s ?', $1" << 1;
        QTest::newRow("E-string with an escaped quote") << "SELECT E'\\' ?', ?"
                                                        << "SELECT E'\\' ?', $1" << 1;
        QTest::newRow("quoted identifier") << "SELECT \"a?\" FROM t WHERE id = ?"
                                           << "SELECT \"a?\" FROM t WHERE id = $1" << 1;
        QTest::newRow("line comment") << "SELECT ? -- what? :no\n, ?"
                                      << "SELECT $1 -- what? :no\n, $2" << 2;
        QTest::newRow("nested block comment") << "SELECT /* ? /* :x */ ? */ ?"
                                              << "SELECT /* ? /* :x */ ? */ $1" << 1;
        QTest::newRow("dollar-quoted body") << "SELECT $$ ? :x $$, $tag$ ? $tag$, ?"
                                            << "SELECT $$ ? :x $$, $tag$ ? $tag$, $1" << 1;
        QTest::newRow(":: cast is no parameter") << "SELECT '1'::bigint, x::text FROM t"
                                                 << "SELECT '1'::bigint, x::text FROM t" << 0;
        QTest::newRow("parameter then cast") << "SELECT :a::text, ?::bigint"
                                             << "SELECT $1::text, $2::bigint" << 2;
        QTest::newRow("Greek in a literal") << "SELECT 'Άδεια;?' , :ονομα"
                                            << "SELECT 'Άδεια;?' , $1" << 1;
        QTest::newRow("PostgreSQL's own $N") << "SELECT $2, $1, ?"
                                             << "SELECT $2, $1, $3" << 3;
        QTest::newRow("none") << "SELECT 1"
                              << "SELECT 1" << 0;
    }

    void translatesParameterMarkers() {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QFETCH(int, count);
        const auto text = translateParameters(sql.toStdString());
        QCOMPARE(QString::fromStdString(text.sql), expected);
        QCOMPARE(text.parameterCount, count);
        // Never a "::" the caller did not write.
        QCOMPARE(QString::fromStdString(text.sql).count("::"), sql.count("::"));
    }

    void refusesANumberBeyondSqlitesLimit_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("?0") << "SELECT ?0";
        QTest::newRow("above 32766") << "SELECT ?32767";
        QTest::newRow("beyond int") << "SELECT $99999999999";
    }

    void refusesANumberBeyondSqlitesLimit() {
        QFETCH(QString, sql);
        try {
            translateParameters(sql.toStdString());
            QFAIL("an impossible parameter number was accepted");
        } catch (const kep::db::Error& error) {
            QCOMPARE(error.code(), SQLITE_RANGE);
        }
    }

    void namesKeepTheirPrefixAndNumber() {
        const auto text = translateParameters("SELECT ?2, :office, @desk, :office, $clerk");
        const std::vector<std::pair<std::string, int>> expected = {
            {":office", 3}, {"@desk", 4}, {"$clerk", 5}};
        QCOMPARE(text.names, expected);
        QCOMPARE(text.parameterCount, 5);
    }

    void splitsStatements_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("one") << "SELECT 1" << QStringList{"SELECT 1"};
        QTest::newRow("trailing semicolon and comment")
            << "SELECT 1; -- the count" << QStringList{"SELECT 1"};
        QTest::newRow("two") << "SELECT 1; DELETE FROM t"
                             << QStringList{"SELECT 1", " DELETE FROM t"};
        QTest::newRow("semicolon in literal, identifier and body")
            << "INSERT INTO t VALUES ('a;b'); SELECT \"x;y\"; DO $$ BEGIN; END $$"
            << QStringList{"INSERT INTO t VALUES ('a;b')", " SELECT \"x;y\"",
                           " DO $$ BEGIN; END $$"};
        QTest::newRow("blank") << "  \n " << QStringList{};
        QTest::newRow("comments only") << "/* a; b */ -- c;\n" << QStringList{};
    }

    void splitsStatements() {
        QFETCH(QString, sql);
        QFETCH(QStringList, statements);
        const std::string text = sql.toStdString();
        QStringList found;
        for (const auto statement : splitStatements(text)) {
            found << QString::fromStdString(std::string(statement));
        }
        QCOMPARE(found, statements);
    }

    void findsTheLeadingKeyword_data() {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("plain") << "COMMIT"
                               << "COMMIT";
        QTest::newRow("lower case after blanks") << "\n  rollback"
                                                 << "ROLLBACK";
        QTest::newRow("after comments") << "/* x */ -- y\n begin"
                                        << "BEGIN";
        QTest::newRow("none") << "  "
                              << "";
    }

    void findsTheLeadingKeyword() {
        QFETCH(QString, statement);
        QFETCH(QString, keyword);
        QCOMPARE(QString::fromStdString(leadingKeyword(statement.toStdString())), keyword);
    }
};

QTEST_GUILESS_MAIN(tst_PgSqlText)
#include "tst_pg_sql_text.moc"
