// "Forward to the competent authority" at the KEP desk (issue 7), shared by the work queues and
// the case details: whether the signed-in clerk or manager may forward a case, where it goes in
// words, and the sentence the counter reads after trying.
#pragma once

#include "cases/CaseForwarding.h"
#include "shared/cases/Actor.h"
#include "shared/catalogue/LocalizedText.h"

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

namespace kep::desk {
class Clock;
}

namespace kep::desk::ui {

class CaseForwarder : public QObject {
    Q_OBJECT
public:
    // `clock` must outlive the forwarder.
    explicit CaseForwarder(const kep::desk::Clock& clock, QObject* parent = nullptr);

    // The signed-in member of staff and their office's forwarding (must outlive its use);
    // null after sign-out: nothing is forwarded.
    void setForwarding(kep::desk::cases::CaseForwarding* forwarding,
                       const kep::cases::Actor& actor);
    // The language the authority's name is shown in.
    void setLanguage(kep::catalogue::Language language) { language_ = language; }

    // Ctrl+Shift+Enter (either Enter key), in the queues and in the case details alike.
    static QList<QKeySequence> shortcuts();

    // The lifecycle lets the signed-in user forward the case now.
    bool mayForward(const kep::desk::cases::CaseSummary& c) const;
    // "Υπουργείο Εσωτερικών (10102)", the id alone when the desk knows no name, or a sentence
    // saying the desk cannot tell.
    QString destinationText(const kep::desk::cases::CaseSummary& c) const;

    // The forwarder's clock, for reading the forwarded case again as of the same time.
    kep::cases::Instant now() const;

    // Forwards the case; the answer is the sentence to show. Emits forwarded when it was.
    QString forward(const kep::desk::cases::CaseSummary& c);

signals:
    void forwarded(const QString& caseId);

private:
    QString nameOf(const kep::desk::cases::ForwardDestination& where) const;

    const kep::desk::Clock& clock_;
    kep::desk::cases::CaseForwarding* forwarding_ = nullptr;
    kep::cases::Actor actor_;
    kep::catalogue::Language language_ = kep::catalogue::Language::El;
};

}  // namespace kep::desk::ui
