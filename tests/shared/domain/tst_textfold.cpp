// Search folding: accents, case and final sigma removed for Greek (monotonic and polytonic)
// and Latin; invalid UTF-8 replaced, never crashing.
#include <QTest>

#include "shared/domain/TextFold.h"

using kep::domain::foldForSearch;

namespace {
QByteArray bytes(const std::string& s) {
    return QByteArray(s.data(), qsizetype(s.size()));
}
}  // namespace

class tst_TextFold : public QObject {
    Q_OBJECT
private slots:
    void folds_data();
    void folds();
    void invalidUtf8IsReplaced_data();
    void invalidUtf8IsReplaced();
    void appendKeepsExistingText();
};

void tst_TextFold::folds_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char* name, const char* in, const char* out) {
        QTest::newRow(name) << QByteArray(in) << QByteArray(out);
    };
    row("empty", "", "");
    row("ascii", "Hello, World 2024!", "hello, world 2024!");
    row("tonos and case", "ΔΉΛΩΣΗ Δήλωση", "δηλωση δηλωση");
    row("final sigma", "ΆΔΕΙΑ ΔΙΑΜΟΝΉΣ διαμονής", "αδεια διαμονησ διαμονησ");
    row("all tonos vowels", "άέήίόύώΆΈΉΊΌΎΏ", "αεηιουωαεηιουω");
    row("dialytika", "ϊϋΪΫ", "ιυιυ");
    row("dialytika with tonos", "ΐΰ", "ιυ");
    row("word with dialytika", "ΑΫΠΝΊΑ προϋπόθεση", "αυπνια προυποθεση");
    row("polytonic breathings", "Ἀθῆναι ὁδός", "αθηναι οδοσ");
    row("polytonic capitals", "ἈΘΗΝᾶ Ὥρα", "αθηνα ωρα");
    row("iota subscript dropped", "ᾠδή ᾳ ῃ ῳ ᾼ", "ωδη α η ω α");
    row("greek symbol letters", "ϐϑϕϖϰϱϵϲ", "βθφπκρεσ");
    row("micro sign", "µ", "μ");
    row("decomposed input", "α\xcc\x81 e\xcc\x81 \xce\xb9\xcc\x88\xcc\x81", "α e ι");
    row("latin-1 accents", "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ",
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyy");
    row("sharp s", "Straße STRASSE", "strasse strasse");
    row("latin extended-a", "ĀăĄćČďĘěĞğĪıİŁńŇŌőŘśŠşŤůŰźŽž", "aaaccdeeggiiilnnoorssstuuzzz");
    row("letters without decomposition", "ÆæØøÐðÞþĐđŁłŒœĲĳſ", "aeaeooddththddlloeoeijijs");
    row("non-latin non-greek untouched", "Жж 中文 €", "Жж 中文 €");
    row("punctuation kept", "«Άδεια» – 1/2", "«αδεια» – 1/2");
}

void tst_TextFold::folds() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const std::string folded = foldForSearch(input.toStdString());
    QCOMPARE(bytes(folded), expected);
    // Folding is idempotent: a folded index and a folded query agree however often folded.
    QCOMPARE(bytes(foldForSearch(folded)), expected);
}

void tst_TextFold::invalidUtf8IsReplaced_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray r("\xef\xbf\xbd");  // U+FFFD
    QTest::newRow("stray byte") << QByteArray(
                                       "a\xff"
                                       "b")
                                << QByteArray("a" + r + "b");
    QTest::newRow("lone continuation") << QByteArray("\x80") << r;
    QTest::newRow("truncated at end") << QByteArray("\xce") << r;
    QTest::newRow("truncated before ascii") << QByteArray(
                                                   "\xe2\x82"
                                                   "c")
                                            << r + "c";
    QTest::newRow("truncated before greek") << QByteArray("\xe2\xce\x91") << r + "α";
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << r + r;
    QTest::newRow("overlong 3 bytes") << QByteArray("\xe0\x80\xaf") << r + r + r;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << r + r + r;
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << r + r + r + r;
    QTest::newRow("valid 4 bytes kept")
        << QByteArray("\xf0\x9f\x98\x80") << QByteArray("\xf0\x9f\x98\x80");
}

void tst_TextFold::invalidUtf8IsReplaced() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const std::string folded = foldForSearch(std::string_view(input.constData(), input.size()));
    QCOMPARE(bytes(folded), expected);
    QVERIFY(QString::fromUtf8(bytes(folded)).toUtf8() == bytes(folded));  // valid UTF-8 out
}

void tst_TextFold::appendKeepsExistingText() {
    std::string out = "prefix:";
    kep::domain::appendFoldedForSearch(out, "ΈΝΑ");
    QCOMPARE(bytes(out), QByteArray("prefix:ενα"));
}

QTEST_APPLESS_MAIN(tst_TextFold)
#include "tst_textfold.moc"
