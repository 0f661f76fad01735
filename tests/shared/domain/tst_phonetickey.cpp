// Greeklish ⇄ Greek matching: Latin queries typed the ways clerks and citizens type them must
// find the Greek procedure titles, and unrelated titles must not match.
#include <QTest>

#include "shared/domain/PhoneticKey.h"

using kep::domain::matchesPrefix;
using kep::domain::phoneticKey;

namespace {
QByteArray bytes(const std::string& s) {
    return QByteArray(s.data(), qsizetype(s.size()));
}
bool matches(const QByteArray& title, const QByteArray& query) {
    return matchesPrefix(phoneticKey(title.toStdString()), phoneticKey(query.toStdString()));
}
}  // namespace

class tst_PhoneticKey : public QObject {
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
    void greeklishFindsGreek_data();
    void greeklishFindsGreek();
    void unrelatedDoesNotMatch_data();
    void unrelatedDoesNotMatch();
    void greekKeysHaveOneReading();
    void readingsAreCapped();
    void matchesPrefixSemantics();
};

void tst_PhoneticKey::keys_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("key");
    const auto row = [](const char* in, const char* key) {
        QTest::newRow(in) << QByteArray(in) << QByteArray(key);
    };
    QTest::newRow("empty") << QByteArray() << QByteArray();
    row("Δήλωση", "dilosi");
    row("DHLWSH", "dilosi");
    row("dilwsh", "dilosi");
    row("Άδεια διαμονής", "adia diamonis");
    row("Πιστοποιητικό", "pistopitiko");
    row("sholeio", "siolio|sxolio");
    row("Ευρώπη", "evropi");
    row("αυτοκίνητο", "aftokinito");
    row("autokinito", "aftokinito");
    row("μπαμπάς", "vavas");
    row("ντομάτα", "domata");
    row("Αγγλία", "aglia");
    row("Anglia", "aglia");
    row("άγκυρα", "agira");
    row("ψυχή", "psixi");
    row("ξένος", "ksenos");
    row("xenos", "xenos|ksenos");
    row("τζάμι", "tzami");
    row("8ema", "thema");
    row("Έτος 2028", "etos 2028");
    row("thlefwno", "thlefono|tilefono");
    row("kuria", "kuria|kiria");
    row("καλημέρα, κόσμε!", "kalimera kosme");
    row("ΕΛΛΗΝΙΚΉ", "eliniki");
    row("αυ", "av|af");
}

void tst_PhoneticKey::keys() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, key);
    QCOMPARE(bytes(phoneticKey(input.toStdString())), key);
}

void tst_PhoneticKey::greeklishFindsGreek_data() {
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("title");
    const auto row = [](const char* query, const char* title) {
        QTest::newRow(query) << QByteArray(query) << QByteArray(title);
    };
    row("dilosi", "Δήλωση");
    row("DHLWSH", "Δήλωση");
    row("dilwsh", "Δήλωση");
    row("Dilosi", "ΔΗΛΩΣΗ ΑΠΟΒΙΩΣΗΣ");
    row("adeia diamonis", "Άδεια διαμονής");
    row("adeia diamonhs", "Άδεια διαμονής πολιτών τρίτων χωρών");
    row("adei diam", "Άδεια διαμονής");
    row("pistopoiitiko", "Πιστοποιητικό");
    row("pistopoihtiko", "Πιστοποιητικό οικογενειακής κατάστασης");
    row("oikogeneiakis katastasis", "Πιστοποιητικό οικογενειακής κατάστασης");
    row("ikogeniakis", "Πιστοποιητικό οικογενειακής κατάστασης");
    row("PISTOPOIHTIKO GENNHSHS", "Πιστοποιητικό γέννησης");
    row("genisis", "Πιστοποιητικό γέννησης");
    row("vevaiosi", "Βεβαίωση");
    row("bebaiwsh", "Βεβαίωση μόνιμης κατοικίας");
    row("ypefthyni dilosi", "Υπεύθυνη δήλωση");
    row("upeuthunh", "Υπεύθυνη δήλωση");
    row("metavivasi oximatos", "Μεταβίβαση οχήματος");
    row("oxhmatos", "Μεταβίβαση οχήματος");
    row("diavatirio", "Διαβατήριο");
    row("diabathriou", "Έκδοση διαβατηρίου");
    row("taftotita", "Ταυτότητα");
    row("tautotitas", "Δελτίο αστυνομικής ταυτότητας");
    row("deltio astynomikis", "Δελτίο αστυνομικής ταυτότητας");
    row("adeia odigisis", "Άδεια οδήγησης");
    row("ekdosi", "Έκδοση");
    row("ananewsh", "Ανανέωση άδειας οδήγησης");
    row("epidoma paidiou", "Επίδομα παιδιού");
    row("syntaxi", "Σύνταξη γήρατος");
    row("syntaksh", "Σύνταξη γήρατος");
    row("eggrafi", "Εγγραφή στο δημοτολόγιο");
    row("engrafi", "Εγγραφή στο δημοτολόγιο");
    row("egrafi", "Εγγραφή στο δημοτολόγιο");
    row("dhmotologio", "Εγγραφή στο δημοτολόγιο");
    row("lixiarxiki praxi", "Ληξιαρχική πράξη θανάτου");
    row("lhksiarxikh", "Ληξιαρχική πράξη γάμου");
    row("8anatou", "Ληξιαρχική πράξη θανάτου");
    row("thanatou", "Ληξιαρχική πράξη θανάτου");
    row("gamou", "Ληξιαρχική πράξη γάμου");
    row("ekkatharistiko", "Εκκαθαριστικό σημείωμα");
    row("forologiki enimerotita", "Φορολογική ενημερότητα");
    row("afm", "Απόδοση ΑΦΜ");
    row("amka", "Έκδοση ΑΜΚΑ");
    row("asfalistiki ikanotita", "Βεβαίωση ασφαλιστικής ικανότητας");
    row("kartas anergias", "Έκδοση κάρτας ανεργίας");
    row("epikyrosi antigrafou", "Επικύρωση αντιγράφου");
    row("adigrafou", "Επικύρωση αντιγράφου");
    row("xenoglossou", "Μετάφραση ξενόγλωσσου εγγράφου");
    row("metafrasi", "Μετάφραση ξενόγλωσσου εγγράφου");
    row("emporiko", "Εμπορικό μητρώο");
    row("eboriko", "Εμπορικό μητρώο");
    row("kthmatologio", "Κτηματολόγιο");
    row("hrisis", "Άδεια χρήσης");
    row("xrhshs", "Άδεια χρήσης");
    row("tehniki", "Τεχνική έκθεση");
    row("psifiaki ypografi", "Ψηφιακή υπογραφή");
    row("exousiodotisi", "Εξουσιοδότηση");
    row("gnisio ypografis", "Γνήσιο υπογραφής");
    row("europaiki", "Ευρωπαϊκή κάρτα ασφάλισης ασθένειας");
    row("evrwpaikh", "Ευρωπαϊκή κάρτα ασφάλισης ασθένειας");
    row("koinoniko timologio", "Κοινωνικό τιμολόγιο");
    row("allagi tilefonou", "Αλλαγή τηλεφώνου");
    row("stratologia", "Στρατολογία");
    row("kataxorisi", "Καταχώριση");
    row("sholikis", "Βεβαίωση σχολικής φοίτησης");
    row("foitisis", "Βεβαίωση σχολικής φοίτησης");
    row("ypotrofia", "Υποτροφία");
    row("koronoiou", "Άδεια λόγω κορωνοϊού");
    row("δηλωση", "Δήλωση");
    row("διλωση", "Δήλωση");
}

void tst_PhoneticKey::greeklishFindsGreek() {
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, title);
    QVERIFY2(matches(title, query), (bytes(phoneticKey(query.toStdString())) + " vs " +
                                     bytes(phoneticKey(title.toStdString())))
                                        .constData());
}

void tst_PhoneticKey::unrelatedDoesNotMatch_data() {
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("title");
    const auto row = [](const char* name, const char* query, const char* title) {
        QTest::newRow(name) << QByteArray(query) << QByteArray(title);
    };
    row("other procedure", "dilosi", "Διαβατήριο");
    row("second word differs", "adeia diamonis", "Άδεια οδήγησης");
    row("longer than the word", "pistopoiitiko", "Πιστοποίηση");
    row("birth vs death", "thanatou", "Ληξιαρχική πράξη γέννησης");
    row("8 vs birth", "8anatou", "Πιστοποιητικό γέννησης");
    row("passport vs residence", "diavatirio", "Διαμονή");
    row("pension vs founding", "syntaxi", "Σύσταση εταιρείας");
    row("registration vs deletion", "eggrafi", "Διαγραφή");
    row("identity vs speed", "taftotita", "Όριο ταχύτητας");
    row("use vs crisis", "xrisis", "Κρίσης");
    row("foreign vs greek", "ksenoglossou", "Ελληνικού");
    row("second word missing", "dilosi foros", "Δήλωση");
    row("numbers", "2024", "Δήλωση 2023");
    row("scholarship vs signature", "ypotrofia", "Υπογραφή");
    row("allowance kind", "epidoma stegasis", "Επίδομα παιδιού");
    row("afm vs amka", "amka", "Απόδοση ΑΦΜ");
    row("mid-word is not prefix", "losi", "Δήλωση");
    row("empty query", "", "Δήλωση");
    row("punctuation only", " - ", "Δήλωση");
    row("vowel change", "dialosi", "Δήλωση");
    row("consonant change", "dirosi", "Δήλωση");
}

void tst_PhoneticKey::unrelatedDoesNotMatch() {
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, title);
    QVERIFY(!matches(title, query));
}

void tst_PhoneticKey::greekKeysHaveOneReading() {
    const std::string key =
        phoneticKey("Πιστοποιητικό οικογενειακής κατάστασης, Ευρωπαϊκή κάρτα, χρήση ξένου ψηφίου");
    QVERIFY(key.find('|') == std::string::npos);
}

void tst_PhoneticKey::readingsAreCapped() {
    const std::string key = phoneticKey("xhxhxhxhxhxhxhxhxhx");
    const auto readings = std::count(key.begin(), key.end(), '|') + 1;
    QVERIFY(readings > 1);
    QVERIFY(readings <= kep::domain::kMaxReadings);
}

void tst_PhoneticKey::matchesPrefixSemantics() {
    QVERIFY(matchesPrefix("adia diamonis", "diam adi"));  // any order, each word a prefix
    QVERIFY(matchesPrefix("siolio|sxolio", "sxol"));
    QVERIFY(matchesPrefix("sxolio", "siol|sxol"));
    QVERIFY(!matchesPrefix("adia diamonis", "diamonisi"));
    QVERIFY(!matchesPrefix("", "a"));
    QVERIFY(!matchesPrefix("adia", ""));
}

QTEST_APPLESS_MAIN(tst_PhoneticKey)
#include "tst_phonetickey.moc"
