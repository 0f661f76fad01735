// The citizen's notices in Greek and English: each names the case by protocol number and
// procedure title, carries the reason where there is one, keeps the SMS within its parts by
// shortening the reason or title (the e-mail keeps them whole), and reads well without a title.
#include <QTest>

#include "notify/MessageTemplates.h"
#include "notify/SmsText.h"

#include <string>

using namespace kep::server::notify;

Q_DECLARE_METATYPE(StatusNotice)
Q_DECLARE_METATYPE(Language)

namespace {

const std::string kProtocol = "0101/2026/17";

NoticeValues values(Language language, std::string reason = "a recent photograph") {
    return {kProtocol,
            language == Language::English
                ? "Grant of a first residence permit for salaried employment"
                : "Χορήγηση πρώτης άδειας διαμονής για εξαρτημένη εργασία",
            std::move(reason)};
}

std::string repeated(const char* piece, int times) {
    return QString::fromUtf8(piece).repeated(times).toStdString();
}

}  // namespace

class tst_MessageTemplates : public QObject {
    Q_OBJECT

private slots:
    void eachNoticeInEachLanguage_data() {
        QTest::addColumn<StatusNotice>("notice");
        QTest::addColumn<Language>("language");
        QTest::addColumn<QString>("smsWords");      // a phrase the SMS must hold
        QTest::addColumn<QString>("subjectWords");  // … and the e-mail's subject
        QTest::addColumn<bool>("withReason");
        QTest::newRow("filed, el") << StatusNotice::Filed << Language::Greek << "καταχωρίστηκε"
                                   << "ΚΕΠ — αίτηση 0101/2026/17: καταχωρίστηκε" << false;
        QTest::newRow("filed, en") << StatusNotice::Filed << Language::English << "was filed"
                                   << "KEP — application 0101/2026/17: filed" << false;
        QTest::newRow("documents, el") << StatusNotice::DocumentsNeeded << Language::Greek
                                       << "χρειάζονται επιπλέον δικαιολογητικά: a recent photograph"
                                       << "χρειάζονται δικαιολογητικά" << true;
        QTest::newRow("documents, en") << StatusNotice::DocumentsNeeded << Language::English
                                       << "needs more documents: a recent photograph"
                                       << "more documents needed" << true;
        QTest::newRow("result, el")
            << StatusNotice::ResultReady << Language::Greek << "είναι έτοιμο στο ΚΕΠ"
            << "το αποτέλεσμα είναι έτοιμο" << false;
        QTest::newRow("result, en")
            << StatusNotice::ResultReady << Language::English << "is ready at the KEP"
            << "result ready" << false;
        QTest::newRow("rejected, el")
            << StatusNotice::Rejected << Language::Greek << "απορρίφθηκε: a recent photograph"
            << "απορρίφθηκε" << true;
        QTest::newRow("rejected, en")
            << StatusNotice::Rejected << Language::English << "was rejected: a recent photograph"
            << "rejected" << true;
    }
    void eachNoticeInEachLanguage() {
        QFETCH(StatusNotice, notice);
        QFETCH(Language, language);
        QFETCH(QString, smsWords);
        QFETCH(QString, subjectWords);
        QFETCH(bool, withReason);
        const NoticeValues given = values(language);
        const std::string sms = smsText(notice, language, given);
        const EmailText email = emailText(notice, language, given);

        QVERIFY2(sms.find(smsWords.toStdString()) != std::string::npos, sms.c_str());
        QVERIFY2(email.subject.find(subjectWords.toStdString()) != std::string::npos,
                 email.subject.c_str());
        for (const std::string* text : {&sms, &email.body}) {
            QVERIFY2(text->find(kProtocol) != std::string::npos, text->c_str());
            QVERIFY2(text->find(given.procedureTitle) != std::string::npos, text->c_str());
            QCOMPARE(text->find(given.reason) != std::string::npos, withReason);
        }
        // English stays in GSM 7-bit (one cheap SMS alphabet); Greek needs UCS-2.
        QVERIFY(smsEncodingOf(sms) ==
                (language == Language::English ? SmsEncoding::Gsm7 : SmsEncoding::Ucs2));
        QVERIFY(splitSms(sms).size() <= kMaxSmsParts);
        QVERIFY(
            email.body.find(language == Language::English ? "do not reply" : "μην απαντήσετε") !=
            std::string::npos);
    }

    // A long reason is cut in the SMS, with an ellipsis that keeps the alphabet, and kept whole
    // in the e-mail.
    void longReasonIsShortenedInTheSmsOnly_data() {
        QTest::addColumn<Language>("language");
        QTest::addColumn<QString>("ellipsis");
        QTest::newRow("el") << Language::Greek << "…";
        QTest::newRow("en") << Language::English << "...";
    }
    void longReasonIsShortenedInTheSmsOnly() {
        QFETCH(Language, language);
        QFETCH(QString, ellipsis);
        const std::string reason =
            language == Language::English
                ? repeated("Bring the original birth certificate and two photographs. ", 20)
                : repeated("Προσκομίστε πρωτότυπο πιστοποιητικό γέννησης και δύο φωτογραφίες. ",
                           20);
        const NoticeValues given = values(language, reason);
        const std::string sms = smsText(StatusNotice::Rejected, language, given);
        const auto parts = splitSms(sms);
        QCOMPARE(parts.size(), kMaxSmsParts);
        QVERIFY2(sms.ends_with(ellipsis.toStdString()), sms.c_str());
        QVERIFY(sms.find(kProtocol) != std::string::npos);
        QVERIFY(sms.find(given.procedureTitle) != std::string::npos);
        const std::string body = emailText(StatusNotice::Rejected, language, given).body;
        QVERIFY(body.find(reason) != std::string::npos);
    }

    // A title alone too long for the SMS is shortened too; the protocol number always stays.
    void longTitleIsShortenedInTheSms() {
        NoticeValues given = values(Language::Greek, "");
        given.procedureTitle = repeated("Βεβαίωση μόνιμης κατοικίας ", 20);
        const std::string sms = smsText(StatusNotice::Filed, Language::Greek, given);
        QVERIFY(splitSms(sms).size() <= kMaxSmsParts);
        QVERIFY(sms.find("…»") != std::string::npos);
        QVERIFY(sms.find(kProtocol) != std::string::npos);
    }

    void withoutTitleTheCaseIsNamedByNumber() {
        NoticeValues given = values(Language::Greek);
        given.procedureTitle.clear();
        const std::string sms = smsText(StatusNotice::Filed, Language::Greek, given);
        QCOMPARE(sms, std::string{"ΚΕΠ: Η αίτησή σας καταχωρίστηκε με αριθμό πρωτοκόλλου "} +
                          kProtocol + ".");
        const std::string en =
            smsText(StatusNotice::ResultReady, Language::English, {kProtocol, "", ""});
        QCOMPARE(en, "KEP: The result of your application, protocol no. " + kProtocol +
                         ", is ready at the KEP.");
    }

    void languageFromTheCaseField() {
        QVERIFY(languageOf("en") == Language::English);
        QVERIFY(languageOf("el") == Language::Greek);
        QVERIFY(languageOf("") == Language::Greek);
        QVERIFY(languageOf("fr") == Language::Greek);
    }
};

QTEST_APPLESS_MAIN(tst_MessageTemplates)
#include "tst_message_templates.moc"
