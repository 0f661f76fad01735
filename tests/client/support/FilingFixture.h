// What the filing-form tests share: a fixed Tuesday clock, a procedure with three documents
// (two of them alternatives), and typing into the focused widget one character at a time.
#pragma once

#include "Clock.h"
#include "catalogue/PublishedRecord.h"

#include <QApplication>
#include <QTest>

namespace kep::desk::test {

class FixedClock final : public kep::desk::Clock {
public:
    // 2026-03-10 10:00 UTC, a Tuesday.
    QDateTime now() const override { return QDateTime(QDate(2026, 3, 10), QTime(10, 0), Qt::UTC); }
};

inline const QString kFamilyStatusTitle =
    QStringLiteral("Έκδοση πιστοποιητικού οικογενειακής κατάστασης");

inline kep::desk::catalogue::PublishedRecord familyStatusCertificate() {
    kep::desk::catalogue::PublishedRecord r;
    r.id = "900012";
    r.version = 3;
    r.kep.requiresApproval = true;
    auto& p = r.procedure;
    p.id = r.id;
    p.title.el = kFamilyStatusTitle.toStdString();
    p.title.en = "Issue of a family status certificate";
    auto doc = [](const char* id, const char* el, const char* group) {
        kep::catalogue::Evidence e;
        e.numId = id;
        e.description.el = el;
        e.alternativeGroup = group;
        return e;
    };
    p.evidences = {doc("1", "Αστυνομική ταυτότητα", ""), doc("2", "Εξουσιοδότηση", "A"),
                   doc("3", "Υπεύθυνη δήλωση", "A")};
    kep::catalogue::Fee fee;
    fee.min = 1.5;
    p.fees = {fee};
    p.deadline.text = "P10D";
    p.deadline.value = kep::domain::IsoDuration::parse("P10D").duration;
    kep::catalogue::LegalRule rule;
    rule.description.el = "ν. 3852/2010, άρθρο 94";
    p.rules = {rule};
    return r;
}

// Types into whichever widget has the focus, one character at a time: QTest::keyClicks() with
// Greek text aborts the test binary.
inline void typeIntoFocus(const QString& text) {
    for (const QChar ch : text) {
        QTest::sendKeyEvent(QTest::KeyAction::Click, QApplication::focusWidget(), Qt::Key_unknown,
                            QString(ch), Qt::NoModifier);
    }
}

inline void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
}

}  // namespace kep::desk::test
