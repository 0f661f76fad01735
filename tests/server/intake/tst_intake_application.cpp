// Reading an online application's body: every required member named by its path when missing,
// the counter's own checks of ΑΦΜ, passport, nationality, names and contacts, and the citizen
// that results for a Greek applicant and for one of another country.
#include "intake/IntakeApplication.h"
#include "shared/domain/TaxId.h"

#include <boost/json.hpp>

#include <QTest>

using kep::server::intake::IntakeApplication;
using kep::server::intake::IntakeFieldFault;
using kep::server::intake::readIntakeApplication;

namespace {

namespace json = boost::json;

std::string validAfm() {
    static const std::string afm = kep::domain::SyntheticTaxIds(41).afm();
    return afm;
}

json::object greekBody() {
    return {
        {"procedure_id", "900007"},
        {"office", "0101"},
        {"citizen", {{"afm", validAfm()}, {"surname", "Παπαδοπούλου"}, {"given_name", "Ελένη"}}},
        {"contact", {{"email", "eleni@example.org"}, {"phone", "6912345678"}}}};
}

// The body with one member (a path "a" or "a.b") removed, or replaced when `value` is given.
json::object edited(json::object body, const std::string& path,
                    std::optional<json::value> value = std::nullopt) {
    const auto dot = path.find('.');
    json::object* target = &body;
    std::string name = path;
    if (dot != std::string::npos) {
        target = &body[path.substr(0, dot)].as_object();
        name = path.substr(dot + 1);
    }
    if (value) {
        (*target)[name] = *value;
    } else {
        target->erase(name);
    }
    return body;
}

}  // namespace

class tst_IntakeApplication : public QObject {
    Q_OBJECT

private slots:
    void missingMembersAreNamed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("field");
        QTest::newRow("procedure_id") << "procedure_id"
                                      << "procedure_id";
        QTest::newRow("office") << "office"
                                << "office";
        QTest::newRow("citizen") << "citizen"
                                 << "citizen";
        QTest::newRow("citizen.afm") << "citizen.afm"
                                     << "citizen.afm";
        QTest::newRow("citizen.surname") << "citizen.surname"
                                         << "citizen.surname";
        QTest::newRow("citizen.given_name") << "citizen.given_name"
                                            << "citizen.given_name";
        QTest::newRow("contact") << "contact"
                                 << "contact";
    }
    void missingMembersAreNamed() {
        QFETCH(QString, path);
        QFETCH(QString, field);
        const auto read = readIntakeApplication(edited(greekBody(), path.toStdString()));
        const auto* fault = std::get_if<IntakeFieldFault>(&read);
        QVERIFY(fault);
        QCOMPARE(QString::fromStdString(fault->field), field);
        QCOMPARE(QString::fromStdString(fault->code), QStringLiteral("required"));
    }

    void badValuesAreNamed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        std::string wrongCheckDigit = validAfm();
        wrongCheckDigit.back() = wrongCheckDigit.back() == '9' ? '0' : wrongCheckDigit.back() + 1;
        QTest::newRow("ΑΦΜ check digit")
            << "citizen.afm" << QString::fromStdString(wrongCheckDigit) << "citizen.afm"
            << "check_digit_mismatch";
        QTest::newRow("ΑΦΜ length") << "citizen.afm"
                                    << "12345"
                                    << "citizen.afm"
                                    << "wrong_length";
        QTest::newRow("ΑΜΚΑ") << "citizen.amka"
                              << "31139912345"
                              << "citizen.amka"
                              << "invalid_birth_date";
        QTest::newRow("Greek surname in Latin") << "citizen.surname"
                                                << "Papadopoulou"
                                                << "citizen.surname"
                                                << "wrong_script";
        QTest::newRow("e-mail") << "contact.email"
                                << "eleni.example.org"
                                << "contact.email"
                                << "missing_at";
        QTest::newRow("phone") << "contact.phone"
                               << "12"
                               << "contact.phone"
                               << "invalid_greek_number";
        QTest::newRow("office code") << "office"
                                     << "01/01"
                                     << "office"
                                     << "invalid_format";
        QTest::newRow("procedure id") << "procedure_id"
                                      << "9000 07"
                                      << "procedure_id"
                                      << "invalid_format";
        QTest::newRow("nationality without passport") << "citizen.nationality"
                                                      << "DE"
                                                      << "citizen.passport"
                                                      << "required";
        QTest::newRow("unknown nationality") << "citizen.nationality"
                                             << "XX"
                                             << "citizen.nationality"
                                             << "unknown_country";
    }
    void badValuesAreNamed() {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const auto read = readIntakeApplication(
            edited(greekBody(), path.toStdString(), json::value(value.toStdString())));
        const auto* fault = std::get_if<IntakeFieldFault>(&read);
        QVERIFY(fault);
        QCOMPARE(QString::fromStdString(fault->field), field);
        QCOMPARE(QString::fromStdString(fault->code), code);
        // The message names the problem, never the value typed.
        QVERIFY(!QString::fromStdString(fault->message).contains(value));
    }

    void aMemberOfTheWrongTypeIsNamed() {
        const auto read = readIntakeApplication(edited(greekBody(), "citizen.afm", json::value(7)));
        const auto* fault = std::get_if<IntakeFieldFault>(&read);
        QVERIFY(fault);
        QCOMPARE(fault->field, std::string("citizen.afm"));
        QCOMPARE(fault->code, std::string("wrong_type"));
    }

    void aContactNeedsOneWayToReachTheCitizen() {
        auto body = edited(edited(greekBody(), "contact.email"), "contact.phone");
        const auto read = readIntakeApplication(body);
        const auto* fault = std::get_if<IntakeFieldFault>(&read);
        QVERIFY(fault);
        QCOMPARE(fault->field, std::string("contact"));
        // One of the two is enough.
        QVERIFY(std::holds_alternative<IntakeApplication>(
            readIntakeApplication(edited(greekBody(), "contact.email"))));
    }

    void aGreekApplicantIsReadInGreek() {
        const auto read = readIntakeApplication(edited(greekBody(), "office", json::value("0101")));
        const auto* application = std::get_if<IntakeApplication>(&read);
        QVERIFY(application);
        QCOMPARE(application->procedureId, std::string("900007"));
        QCOMPARE(application->officeCode, std::string("0101"));
        const auto& person = application->citizen.person;
        QCOMPARE(person.kind, kep::cases::CitizenKind::Greek);
        QCOMPARE(person.afm, validAfm());
        QCOMPARE(person.surnameEl, std::string("Παπαδοπούλου"));
        QVERIFY(person.surnameLatin.empty());
        // Contacts are stored normalised, as the counter stores them.
        QCOMPARE(application->citizen.phone, std::string("+306912345678"));
        QCOMPARE(application->citizen.email, std::string("eleni@example.org"));
    }

    void anApplicantOfAnotherCountryIsReadByPassport_data() {
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<int>("kind");
        QTest::newRow("EU") << "de" << int(kep::cases::CitizenKind::EuCitizen);
        QTest::newRow("EEA") << "NO" << int(kep::cases::CitizenKind::EuCitizen);
        QTest::newRow("third country") << "US" << int(kep::cases::CitizenKind::ThirdCountry);
    }
    void anApplicantOfAnotherCountryIsReadByPassport() {
        QFETCH(QString, nationality);
        QFETCH(int, kind);
        json::object body{{"procedure_id", "900007"},
                          {"office", "0101"},
                          {"citizen",
                           {{"passport", "c01x 00t47"},
                            {"nationality", nationality.toStdString()},
                            {"surname", "Müller"},
                            {"given_name", "Anna"}}},
                          {"contact", {{"email", "anna@example.org"}}}};
        const auto read = readIntakeApplication(body);
        const auto* application = std::get_if<IntakeApplication>(&read);
        QVERIFY2(application, std::get_if<IntakeFieldFault>(&read)
                                  ? std::get<IntakeFieldFault>(read).field.c_str()
                                  : "");
        const auto& person = application->citizen.person;
        QCOMPARE(int(person.kind), kind);
        QCOMPARE(person.documentNumber, std::string("C01X00T47"));
        QCOMPARE(person.nationality, nationality.toUpper().toStdString());
        QCOMPARE(person.surnameLatin, std::string("Müller"));
        QVERIFY(person.surnameEl.empty());

        // Without the nationality the passport says nothing of the country.
        body["citizen"].as_object().erase("nationality");
        const auto refused = readIntakeApplication(body);
        QVERIFY(std::holds_alternative<IntakeFieldFault>(refused));
        QCOMPARE(std::get<IntakeFieldFault>(refused).field, std::string("citizen.nationality"));
    }
};

QTEST_APPLESS_MAIN(tst_IntakeApplication)
#include "tst_intake_application.moc"
