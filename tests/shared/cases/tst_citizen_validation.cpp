// Citizen identification at the counter: names in Greek and Latin letters, Greek identity card
// and foreign document numbers, phones, e-mail, nationality codes, and whole records of Greek,
// EU and third-country citizens with and without a representative. Synthetic people only: ΑΦΜ
// and ΑΜΚΑ come from kep::domain::SyntheticTaxIds.
#include <QTest>

#include <variant>

#include "shared/cases/CitizenValidation.h"
#include "shared/cases/ContactDetails.h"
#include "shared/cases/Countries.h"
#include "shared/cases/IdentityDocument.h"
#include "shared/cases/PersonName.h"
#include "shared/domain/TaxId.h"

using namespace kep::cases;
using namespace std::chrono;

Q_DECLARE_METATYPE(NameScript)
Q_DECLARE_METATYPE(CitizenKind)

namespace {

kep::domain::SyntheticTaxIds& ids() {
    static kep::domain::SyntheticTaxIds generator{5};
    return generator;
}

QString validAfm() {
    return QString::fromStdString(ids().afm());
}

QString validAmka() {
    return QString::fromStdString(ids().amka(1984y / June / 21d));
}

// The same number with its check digit changed: the one error a typo most often makes.
QString wrongCheckDigit(QString number) {
    const QChar last = number.back();
    number.back() = QChar(last == QChar('9') ? '0' : char(last.toLatin1() + 1));
    return number;
}

// "field:code" for a FieldProblem or a normalised value "=value".
template <typename Result>
QString outcome(const Result& result) {
    if (const auto* problem = std::get_if<FieldProblem>(&result)) {
        return "!" + QString::fromUtf8(problem->code.data(), qsizetype(problem->code.size()));
    }
    return "=" + QString::fromStdString(std::get<std::string>(result));
}

PersonIdentity greekPerson() {
    PersonIdentity p;
    p.kind = CitizenKind::Greek;
    p.afm = validAfm().toStdString();
    p.givenNameEl = "Ελένη";
    p.surnameEl = "Παπαδοπούλου";
    return p;
}

PersonIdentity foreignPerson(CitizenKind kind, const char* nationality) {
    PersonIdentity p;
    p.kind = kind;
    p.documentType = TravelDocumentType::Passport;
    p.documentNumber = "C01X00T47";
    p.nationality = nationality;
    p.givenNameLatin = "Anna";
    p.surnameLatin = "Müller";
    return p;
}

std::string* personField(PersonIdentity& p, const QString& name) {
    if (name == "afm")
        return &p.afm;
    if (name == "amka")
        return &p.amka;
    if (name == "id_card_number")
        return &p.idCardNumber;
    if (name == "document_number")
        return &p.documentNumber;
    if (name == "nationality")
        return &p.nationality;
    if (name == "given_name_el")
        return &p.givenNameEl;
    if (name == "surname_el")
        return &p.surnameEl;
    if (name == "given_name_latin")
        return &p.givenNameLatin;
    if (name == "surname_latin")
        return &p.surnameLatin;
    return nullptr;
}

CitizenRequirements requirementsFrom(const QStringList& flags) {
    CitizenRequirements r;
    r.amka = flags.contains("amka");
    r.idCard = flags.contains("id_card");
    r.latinNames = flags.contains("latin_names");
    r.greekNames = flags.contains("greek_names");
    r.afm = flags.contains("afm");
    r.phone = flags.contains("phone");
    r.email = flags.contains("email");
    r.representative = flags.contains("representative");
    return r;
}

}  // namespace

class tst_CitizenValidation : public QObject {
    Q_OBJECT
private slots:
    void personName_data();
    void personName();
    void greekIdCard_data();
    void greekIdCard();
    void travelDocument_data();
    void travelDocument();
    void phone_data();
    void phone();
    void email_data();
    void email();
    void nationality_data();
    void nationality();
    void countryLists();
    void citizen_data();
    void citizen();
    void messagesNeverEchoTheValue();
    void normaliseCitizenStoresCanonicalForms();
};

void tst_CitizenValidation::personName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<NameScript>("script");
    QTest::addColumn<QString>("code");  // empty: valid
    const auto el = NameScript::Greek;
    const auto la = NameScript::Latin;
    QTest::newRow("greek with tonos") << "Παπαδοπούλου" << el << "";
    QTest::newRow("greek capitals") << "ΓΕΩΡΓΙΟΣ" << el << "";
    QTest::newRow("greek final sigma, dialytika") << "Ευσταθίου-Ραΐση" << el << "";
    QTest::newRow("greek two words") << "Μαρία Ελένη" << el << "";
    QTest::newRow("greek decomposed accent") << "Ελε\u0301νη" << el << "";
    QTest::newRow("greek with latin o") << "Παπαδoπούλου" << el << "wrong_script";
    QTest::newRow("greek typed in latin") << "Papadopoulou" << el << "wrong_script";
    QTest::newRow("greek with digit") << "Ελένη2" << el << "invalid_characters";
    QTest::newRow("greek one letter") << "Α" << el << "too_short";
    QTest::newRow("greek leading hyphen") << "-Ελένη" << el << "invalid_format";
    QTest::newRow("greek double hyphen") << "Ραΐση--Παπά" << el << "invalid_format";
    QTest::newRow("greek trailing apostrophe") << "Ντ'" << el << "invalid_format";
    QTest::newRow("empty") << "" << el << "required";
    QTest::newRow("51 letters") << QString(51, QChar(0x03B1)) << el << "too_long";
    QTest::newRow("50 letters") << QString(50, QChar(0x03B1)) << el << "";
    QTest::newRow("latin plain") << "Papadopoulou" << la << "";
    QTest::newRow("latin umlaut") << "Müller" << la << "";
    QTest::newRow("latin polish") << "Łukasz" << la << "";
    QTest::newRow("latin romanian comma") << "Ștefănescu" << la << "";
    QTest::newRow("latin vietnamese") << "Nguyễn" << la << "";
    QTest::newRow("latin irish apostrophe") << "O'Brien" << la << "";
    QTest::newRow("latin typographic apostrophe") << "D’Angelo" << la << "";
    QTest::newRow("latin hyphenated") << "Smith-Jones" << la << "";
    QTest::newRow("latin two letters") << "Ng" << la << "";
    QTest::newRow("latin with greek") << "Anna Παπά" << la << "wrong_script";
    QTest::newRow("latin with dot") << "St. John" << la << "invalid_characters";
    QTest::newRow("latin with multiplication sign") << "A×B" << la << "invalid_characters";
    QTest::newRow("latin with emoji") << "Anna😀" << la << "invalid_characters";
    QTest::newRow("latin with stray accent") << "\u0301Anna" << la << "invalid_characters";
}

void tst_CitizenValidation::personName() {
    QFETCH(QString, name);
    QFETCH(NameScript, script);
    QFETCH(QString, code);
    const auto problem = checkPersonName(name.toStdString(), script);
    QCOMPARE(problem ? QString::fromUtf8(problem->code.data(), qsizetype(problem->code.size()))
                     : QString(),
             code);
    QCOMPARE(QString::fromStdString(normalisePersonName("  Μαρία   Ελένη ")),
             QString("Μαρία Ελένη"));
}

void tst_CitizenValidation::greekIdCard_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("greek with space") << "ΑΒ 123456"
                                      << "=ΑΒ123456";
    QTest::newRow("latin lookalikes") << "AB123456"
                                      << "=ΑΒ123456";
    QTest::newRow("lower case latin, hyphen") << "ab-123456"
                                              << "=ΑΒ123456";
    QTest::newRow("lower case greek") << "αβ 123456"
                                      << "=ΑΒ123456";
    QTest::newRow("mixed scripts") << "AΚ 654321"
                                   << "=ΑΚ654321";
    QTest::newRow("one letter") << "Χ 123456"
                                << "=Χ123456";
    QTest::newRow("seven digits") << "ΑΗ 1234567"
                                  << "=ΑΗ1234567";
    QTest::newRow("greek letter without lookalike") << "ΣΦ 123456"
                                                    << "=ΣΦ123456";
    QTest::newRow("latin letter without lookalike") << "AD 123456"
                                                    << "!wrong_script";
    QTest::newRow("five digits") << "ΑΒ 12345"
                                 << "!invalid_format";
    QTest::newRow("eight digits") << "ΑΒ 12345678"
                                  << "!invalid_format";
    QTest::newRow("three letters") << "ΑΒΓ 123456"
                                   << "!invalid_format";
    QTest::newRow("no letters") << "123456"
                                << "!invalid_format";
    QTest::newRow("digits first") << "123456 ΑΒ"
                                  << "!invalid_format";
    QTest::newRow("punctuation") << "ΑΒ.123456"
                                 << "!invalid_format";
    QTest::newRow("blank") << "  "
                           << "!required";
}

void tst_CitizenValidation::greekIdCard() {
    QFETCH(QString, text);
    QFETCH(QString, outcome);
    QCOMPARE(::outcome(normaliseGreekIdCardNumber(text.toStdString())), outcome);
}

void tst_CitizenValidation::travelDocument_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("german passport") << "C01X00T47"
                                     << "=C01X00T47";
    QTest::newRow("lower case, spaces") << "c01x 00t47"
                                        << "=C01X00T47";
    QTest::newRow("hyphenated id") << "AB-12-34"
                                   << "=AB1234";
    QTest::newRow("too short") << "AB12"
                               << "!invalid_length";
    QTest::newRow("too long") << "A12345678901234567890"
                              << "!invalid_length";
    QTest::newRow("greek letters") << "ΑΒ123456"
                                   << "!invalid_characters";
    QTest::newRow("slash") << "AB/123456"
                           << "!invalid_characters";
    QTest::newRow("empty") << ""
                           << "!required";
}

void tst_CitizenValidation::travelDocument() {
    QFETCH(QString, text);
    QFETCH(QString, outcome);
    QCOMPARE(::outcome(normaliseTravelDocumentNumber(text.toStdString())), outcome);
}

void tst_CitizenValidation::phone_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("greek mobile") << "6912345678"
                                  << "=+306912345678";
    QTest::newRow("greek mobile spaced") << "691 234 5678"
                                         << "=+306912345678";
    QTest::newRow("athens landline") << "210-1234567"
                                     << "=+302101234567";
    QTest::newRow("thessaloniki landline, brackets") << "(2310) 123456"
                                                     << "=+302310123456";
    QTest::newRow("+30 mobile") << "+30 691 234 5678"
                                << "=+306912345678";
    QTest::newRow("0030 mobile") << "0030 6912345678"
                                 << "=+306912345678";
    QTest::newRow("german mobile") << "+49 151 23456789"
                                   << "=+4915123456789";
    QTest::newRow("00 albanian") << "00355 69 212 3456"
                                 << "=+355692123456";
    QTest::newRow("greek 9 digits") << "691234567"
                                    << "!invalid_greek_number";
    QTest::newRow("greek 11 digits") << "69123456789"
                                     << "!invalid_greek_number";
    QTest::newRow("greek 68 prefix") << "6812345678"
                                     << "!invalid_greek_number";
    QTest::newRow("greek freephone") << "8001234567"
                                     << "!invalid_greek_number";
    QTest::newRow("+30 then landline 9 digits") << "+30210123456"
                                                << "!invalid_greek_number";
    QTest::newRow("international too short") << "+4912345"
                                             << "!invalid_international_number";
    QTest::newRow("international too long") << "+4912345678901234"
                                            << "!invalid_international_number";
    QTest::newRow("country code 0") << "+0123456789"
                                    << "!invalid_international_number";
    QTest::newRow("letters") << "69123x5678"
                             << "!invalid_characters";
    QTest::newRow("plus inside") << "69+12345678"
                                 << "!invalid_characters";
    QTest::newRow("blank") << " - "
                           << "!required";
}

void tst_CitizenValidation::phone() {
    QFETCH(QString, text);
    QFETCH(QString, outcome);
    QCOMPARE(::outcome(normalisePhone(text.toStdString())), outcome);
}

void tst_CitizenValidation::email_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("plain") << "eleni@example.gr"
                           << "=eleni@example.gr";
    QTest::newRow("domain upper case") << " Eleni.P@Example.GR "
                                       << "=Eleni.P@example.gr";
    QTest::newRow("plus and subdomain") << "a.b+kep@mail.example.co.uk"
                                        << "=a.b+kep@mail.example.co.uk";
    QTest::newRow("hyphen in domain") << "x@my-host.example"
                                      << "=x@my-host.example";
    QTest::newRow("no at") << "eleni.example.gr"
                           << "!missing_at";
    QTest::newRow("two ats") << "eleni@home@example.gr"
                             << "!too_many_at";
    QTest::newRow("empty local") << "@example.gr"
                                 << "!invalid_local_part";
    QTest::newRow("leading dot") << ".eleni@example.gr"
                                 << "!invalid_local_part";
    QTest::newRow("double dot") << "ele..ni@example.gr"
                                << "!invalid_local_part";
    QTest::newRow("space inside") << "ele ni@example.gr"
                                  << "!invalid_local_part";
    QTest::newRow("quoted local") << "\"eleni\"@example.gr"
                                  << "!invalid_local_part";
    QTest::newRow("65-character local") << QString(65, 'a') + "@example.gr"
                                        << "!invalid_local_part";
    QTest::newRow("no dot in domain") << "eleni@localhost"
                                      << "!invalid_domain";
    QTest::newRow("trailing dot") << "eleni@example.gr."
                                  << "!invalid_domain";
    QTest::newRow("empty label") << "eleni@example..gr"
                                 << "!invalid_domain";
    QTest::newRow("hyphen at label end") << "eleni@example-.gr"
                                         << "!invalid_domain";
    QTest::newRow("underscore in domain") << "eleni@ex_ample.gr"
                                          << "!invalid_domain";
    QTest::newRow("ip literal") << "eleni@[192.168.1.1]"
                                << "!invalid_domain";
    QTest::newRow("numeric tld") << "eleni@192.168.1.1"
                                 << "!invalid_domain";
    QTest::newRow("greek letters") << "ελένη@example.gr"
                                   << "!non_ascii";
    QTest::newRow("too long") << QString(60, 'a') + "@" + QString(200, 'b') + ".gr"
                              << "!too_long";
    QTest::newRow("blank") << "   "
                           << "!required";
}

void tst_CitizenValidation::email() {
    QFETCH(QString, text);
    QFETCH(QString, outcome);
    QCOMPARE(::outcome(normaliseEmail(text.toStdString())), outcome);
}

void tst_CitizenValidation::nationality_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");  // empty: not a code
    QTest::newRow("germany") << "DE"
                             << "DE";
    QTest::newRow("lower case, spaces") << " al "
                                        << "AL";
    QTest::newRow("EU code for Greece") << "EL"
                                        << "GR";
    QTest::newRow("UK") << "uk"
                        << "GB";
    QTest::newRow("aland") << "AX"
                           << "AX";
    QTest::newRow("kosovo is not ISO") << "XK"
                                       << "";
    QTest::newRow("alpha-3") << "DEU"
                             << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("unassigned") << "ZZ"
                                << "";
}

void tst_CitizenValidation::nationality() {
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const auto code = normaliseNationality(text.toStdString());
    QCOMPARE(code ? QString::fromStdString(*code) : QString(), normalised);
}

void tst_CitizenValidation::countryLists() {
    QCOMPARE(iso3166Alpha2Codes().size(), std::size_t{249});
    int eu = 0;
    int freeMovement = 0;
    for (const std::string_view c : iso3166Alpha2Codes()) {
        eu += isEuMemberState(c) ? 1 : 0;
        freeMovement += hasEuFreeMovement(c) ? 1 : 0;
    }
    QCOMPARE(eu, 27);
    QCOMPARE(freeMovement, 31);
    QVERIFY(isEuMemberState("HR"));
    QVERIFY(!isEuMemberState("GB"));
    QVERIFY(hasEuFreeMovement("NO") && !isEuMemberState("NO"));
}

void tst_CitizenValidation::citizen_data() {
    QTest::addColumn<CitizenKind>("kind");
    QTest::addColumn<QString>("nationality");   // for EU and third-country citizens
    QTest::addColumn<QStringList>("changes");   // "field=value"; "representative." for theirs
    QTest::addColumn<QStringList>("required");  // CitizenRequirements flags
    QTest::addColumn<QStringList>("issues");    // "field:code", in order
    const auto G = CitizenKind::Greek;
    const auto EU = CitizenKind::EuCitizen;
    const auto TC = CitizenKind::ThirdCountry;
    const QString afm = validAfm();
    const QString amka = validAmka();
    QTest::newRow("greek minimal") << G << "" << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("greek full")
        << G << "" << QStringList{"amka=" + amka,           "id_card_number=AB 123456",
                                  "given_name_latin=Eleni", "surname_latin=Papadopoulou",
                                  "phone=6912345678",       "email=eleni@example.gr"}
        << QStringList{"amka", "id_card", "latin_names", "phone", "email"} << QStringList{};
    QTest::newRow("greek without afm")
        << G << "" << QStringList{"afm="} << QStringList{} << QStringList{"afm:required"};
    QTest::newRow("greek afm check digit")
        << G << "" << QStringList{"afm=" + wrongCheckDigit(afm)} << QStringList{}
        << QStringList{"afm:check_digit_mismatch"};
    QTest::newRow("greek afm all zeros")
        << G << "" << QStringList{"afm=000000000"} << QStringList{} << QStringList{"afm:all_zeros"};
    QTest::newRow("greek afm short") << G << "" << QStringList{"afm=12345678"} << QStringList{}
                                     << QStringList{"afm:wrong_length"};
    QTest::newRow("greek afm spaces around")
        << G << "" << QStringList{"afm= " + afm + " "} << QStringList{} << QStringList{};
    QTest::newRow("amka optional and empty")
        << G << "" << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("amka optional but wrong")
        << G << "" << QStringList{"amka=" + wrongCheckDigit(amka)} << QStringList{}
        << QStringList{"amka:check_digit_mismatch"};
    QTest::newRow("amka required")
        << G << "" << QStringList{} << QStringList{"amka"} << QStringList{"amka:required"};
    QTest::newRow("amka bad birth date") << G << "" << QStringList{"amka=32019012345"}
                                         << QStringList{} << QStringList{"amka:invalid_birth_date"};
    QTest::newRow("id card required") << G << "" << QStringList{} << QStringList{"id_card"}
                                      << QStringList{"id_card_number:required"};
    QTest::newRow("id card malformed")
        << G << "" << QStringList{"id_card_number=AB 12"} << QStringList{}
        << QStringList{"id_card_number:invalid_format"};
    QTest::newRow("greek names missing")
        << G << "" << QStringList{"given_name_el=", "surname_el= "} << QStringList{}
        << QStringList{"given_name_el:required", "surname_el:required"};
    QTest::newRow("greek surname in latin")
        << G << "" << QStringList{"surname_el=Papadopoulou"} << QStringList{}
        << QStringList{"surname_el:wrong_script"};
    QTest::newRow("latin names required for greek")
        << G << "" << QStringList{} << QStringList{"latin_names"}
        << QStringList{"given_name_latin:required", "surname_latin:required"};
    QTest::newRow("greek with foreign nationality")
        << G << "" << QStringList{"nationality=DE"} << QStringList{}
        << QStringList{"nationality:kind_mismatch"};
    QTest::newRow("greek with GR")
        << G << "" << QStringList{"nationality=EL"} << QStringList{} << QStringList{};
    QTest::newRow("phone required")
        << G << "" << QStringList{} << QStringList{"phone"} << QStringList{"phone:required"};
    QTest::newRow("bad phone and email")
        << G << "" << QStringList{"phone=12345", "email=eleni@"} << QStringList{}
        << QStringList{"phone:invalid_greek_number", "email:invalid_domain"};
    QTest::newRow("eu minimal") << EU << "DE" << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("eea citizen") << EU << "NO" << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("eu without document")
        << EU << "FR" << QStringList{"document_number="} << QStringList{}
        << QStringList{"document_number:required"};
    QTest::newRow("eu without nationality")
        << EU << "" << QStringList{} << QStringList{} << QStringList{"nationality:required"};
    QTest::newRow("eu with unknown country") << EU << "XX" << QStringList{} << QStringList{}
                                             << QStringList{"nationality:unknown_country"};
    QTest::newRow("eu with non-eu country")
        << EU << "AL" << QStringList{} << QStringList{} << QStringList{"nationality:kind_mismatch"};
    QTest::newRow("eu with greek nationality")
        << EU << "GR" << QStringList{} << QStringList{} << QStringList{"nationality:kind_mismatch"};
    QTest::newRow("eu without latin names")
        << EU << "IT" << QStringList{"given_name_latin=", "surname_latin="} << QStringList{}
        << QStringList{"given_name_latin:required", "surname_latin:required"};
    QTest::newRow("eu greek names when required")
        << EU << "IT" << QStringList{} << QStringList{"greek_names"}
        << QStringList{"given_name_el:required", "surname_el:required"};
    QTest::newRow("eu afm optional but checked")
        << EU << "IT" << QStringList{"afm=" + wrongCheckDigit(afm)} << QStringList{}
        << QStringList{"afm:check_digit_mismatch"};
    QTest::newRow("eu afm required")
        << EU << "IT" << QStringList{} << QStringList{"afm"} << QStringList{"afm:required"};
    QTest::newRow("third country") << TC << "UA" << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("third country with eu nationality")
        << TC << "BG" << QStringList{} << QStringList{} << QStringList{"nationality:kind_mismatch"};
    QTest::newRow("third country bad document")
        << TC << "PK" << QStringList{"document_number=AB/1"} << QStringList{}
        << QStringList{"document_number:invalid_characters"};
    QTest::newRow("representative required")
        << G << "" << QStringList{} << QStringList{"representative"}
        << QStringList{"representative:required"};
    QTest::newRow("representative valid")
        << G << "" << QStringList{"representative.id_card_number=ΑΖ 654321"}
        << QStringList{"representative"} << QStringList{};
    QTest::newRow("representative needs a document")
        << G << "" << QStringList{"representative.surname_el=Νικολάου"} << QStringList{}
        << QStringList{"representative.id_card_number:required"};
    QTest::newRow("representative bad afm")
        << G << ""
        << QStringList{"representative.id_card_number=ΑΖ 654321",
                       "representative.afm=" + wrongCheckDigit(afm)}
        << QStringList{} << QStringList{"representative.afm:check_digit_mismatch"};
}

void tst_CitizenValidation::citizen() {
    QFETCH(CitizenKind, kind);
    QFETCH(QString, nationality);
    QFETCH(QStringList, changes);
    QFETCH(QStringList, required);
    QFETCH(QStringList, issues);
    Citizen c;
    c.person = kind == CitizenKind::Greek ? greekPerson()
                                          : foreignPerson(kind, nationality.toStdString().c_str());
    for (const QString& change : changes) {
        const qsizetype eq = change.indexOf('=');
        QString field = change.left(eq);
        const std::string value = change.mid(eq + 1).toStdString();
        PersonIdentity* person = &c.person;
        if (field.startsWith("representative.")) {
            if (!c.representative) {
                PersonIdentity rep = greekPerson();
                rep.givenNameEl = "Νίκος";
                c.representative = rep;
            }
            person = &*c.representative;
            field = field.mid(int(std::strlen("representative.")));
        }
        if (field == "phone") {
            c.phone = value;
        } else if (field == "email") {
            c.email = value;
        } else {
            std::string* target = personField(*person, field);
            QVERIFY2(target != nullptr, qPrintable(field));
            *target = value;
        }
    }
    QStringList found;
    for (const ValidationIssue& issue : validateCitizen(c, requirementsFrom(required))) {
        found << QString::fromStdString(issue.field + ":" + issue.code);
        QVERIFY(!issue.message.empty());
    }
    QCOMPARE(found, issues);
}

void tst_CitizenValidation::messagesNeverEchoTheValue() {
    Citizen c;
    c.person = greekPerson();
    c.person.afm = wrongCheckDigit(QString::fromStdString(c.person.afm)).toStdString();
    c.email = "secret.person@example";
    c.phone = "691234";
    const ValidationIssues issues = validateCitizen(c, {});
    QCOMPARE(issues.size(), std::size_t{3});
    for (const ValidationIssue& issue : issues) {
        QVERIFY(issue.message.find(c.person.afm) == std::string::npos);
        QVERIFY(issue.message.find("secret") == std::string::npos);
        QVERIFY(issue.message.find("691234") == std::string::npos);
    }
}

void tst_CitizenValidation::normaliseCitizenStoresCanonicalForms() {
    Citizen c;
    c.person = greekPerson();
    c.person.afm = " " + c.person.afm;
    c.person.idCardNumber = "ab 123456";
    c.person.givenNameEl = "  Μαρία   Ελένη ";
    c.phone = "691 234 5678";
    c.email = "Eleni@Example.GR";
    c.representative = foreignPerson(CitizenKind::EuCitizen, "el");
    c.representative->documentNumber = "c01x 00t47";
    const Citizen n = normaliseCitizen(c);
    QCOMPARE(QString::fromStdString(n.person.afm), QString::fromStdString(c.person.afm).trimmed());
    QCOMPARE(QString::fromStdString(n.person.idCardNumber), QString("ΑΒ123456"));
    QCOMPARE(QString::fromStdString(n.person.givenNameEl), QString("Μαρία Ελένη"));
    QCOMPARE(QString::fromStdString(n.phone), QString("+306912345678"));
    QCOMPARE(QString::fromStdString(n.email), QString("Eleni@example.gr"));
    QCOMPARE(QString::fromStdString(n.representative->documentNumber), QString("C01X00T47"));
    QCOMPARE(QString::fromStdString(n.representative->nationality), QString("GR"));
    // An invalid value is kept as typed, for the clerk to correct.
    c.phone = "12345";
    QCOMPARE(QString::fromStdString(normaliseCitizen(c).phone), QString("12345"));
}

QTEST_APPLESS_MAIN(tst_CitizenValidation)
#include "tst_citizen_validation.moc"
