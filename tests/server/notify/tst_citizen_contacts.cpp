// Where a case's notices go: the contact field first, the citizen record per channel after it,
// values normalised as the counter checks them, and what cannot be used left out.
#include <QTest>

#include "notify/CitizenContacts.h"

using kep::server::notify::contactsOf;

class tst_CitizenContacts : public QObject {
    Q_OBJECT

private slots:
    void contacts_data() {
        QTest::addColumn<QString>("contact");
        QTest::addColumn<QString>("citizen");
        QTest::addColumn<QString>("email");  // "" = none
        QTest::addColumn<QString>("phone");
        QTest::newRow("contact field") << R"({"email":"A.Test@Example.GR","phone":"6912345678"})"
                                       << ""
                                       << "A.Test@example.gr"
                                       << "+306912345678";
        QTest::newRow("citizen record")
            << ""
            << R"({"afm":"x","email":"b.test@example.gr","phone":"+30 691 234 5678"})"
            << "b.test@example.gr"
            << "+306912345678";
        QTest::newRow("each channel falls back on its own") << R"({"email":"c.test@example.gr"})"
                                                            << R"({"phone":"00306987654321"})"
                                                            << "c.test@example.gr"
                                                            << "+306987654321";
        QTest::newRow("the contact field wins") << R"({"email":"new.test@example.gr"})"
                                                << R"({"email":"old.test@example.gr"})"
                                                << "new.test@example.gr"
                                                << "";
        QTest::newRow("a Greek landline gets no SMS") << R"({"phone":"2101234567"})"
                                                      << ""
                                                      << ""
                                                      << "";
        QTest::newRow("a foreign mobile does") << R"({"phone":"+4915112345678"})"
                                               << ""
                                               << ""
                                               << "+4915112345678";
        QTest::newRow("invalid values are left out") << R"({"email":"no-at-sign","phone":"12"})"
                                                     << ""
                                                     << ""
                                                     << "";
        QTest::newRow("malformed JSON") << "{email:"
                                        << "[1,2]"
                                        << ""
                                        << "";
        QTest::newRow("nothing") << ""
                                 << ""
                                 << ""
                                 << "";
    }
    void contacts() {
        QFETCH(QString, contact);
        QFETCH(QString, citizen);
        QFETCH(QString, email);
        QFETCH(QString, phone);
        const auto found = contactsOf(contact.toStdString(), citizen.toStdString());
        QCOMPARE(QString::fromStdString(found.email.value_or("")), email);
        QCOMPARE(QString::fromStdString(found.phone.value_or("")), phone);
        QCOMPARE(found.email.has_value(), !email.isEmpty());
        QCOMPARE(found.phone.has_value(), !phone.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_CitizenContacts)
#include "tst_citizen_contacts.moc"
