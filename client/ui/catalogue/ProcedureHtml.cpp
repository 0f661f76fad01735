#include "catalogue/ProcedureHtml.h"

#include "LocaleFormat.h"
#include "catalogue/DurationText.h"

#include <QLocale>
#include <QStringList>

namespace kep::desk::ui {

using kep::catalogue::Language;
using kep::catalogue::LocalizedText;
using kep::catalogue::RegistryRef;

namespace {

QString escaped(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

QString escaped(const LocalizedText& text, Language language) {
    return escaped(text.in(language));
}

// A code-list entry by its title, or by its id when the register sent only that.
QString named(const RegistryRef& ref, Language language) {
    return ref.title.empty() ? escaped(ref.id) : escaped(ref.title, language);
}

QString paragraphs(const LocalizedText& text, Language language) {
    QString html = escaped(text, language);
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<p>%1</p>").arg(html);
}

QString heading(const QString& title, const char* anchor) {
    return QStringLiteral("<h3><a name=\"%1\"></a>%2</h3>")
        .arg(QLatin1String(anchor), title.toHtmlEscaped());
}

}  // namespace

QString ProcedureHtml::money(double euros, Language language) {
    return LocaleFormat::euros(
        euros, LocaleFormat::forLanguage(language == Language::El ? QStringLiteral("el")
                                                                  : QStringLiteral("en")));
}

QString ProcedureHtml::procedure(const kep::desk::catalogue::PublishedRecord& record,
                                 Language language) {
    const auto& p = record.procedure;
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(escaped(p.displayTitle(language)));
    QStringList facts;
    facts << tr("Procedure %1, version %2")
                 .arg(QString::fromStdString(p.id))
                 .arg(qlonglong(record.version));
    if (p.offeredRemotely()) {
        facts << QStringLiteral("<b>%1</b>").arg(tr("Also served by video call (myKEPlive)"));
    }
    if (!record.kep.offeredAtKep) {
        facts << QStringLiteral("<b>%1</b>").arg(tr("Not offered at KEPs"));
    }
    html += QStringLiteral("<p>%1</p>").arg(facts.join(QStringLiteral(" · ")));

    if (!p.description.empty()) {
        html += heading(tr("Description"), "description") + paragraphs(p.description, language);
    }

    html += heading(tr("Eligibility conditions"), "conditions");
    if (p.conditions.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No special conditions."));
    } else {
        html += QStringLiteral("<ul>");
        for (const auto& condition : p.conditions) {
            QString item = escaped(condition.name, language);
            if (!condition.alternativeGroup.empty()) {
                item +=
                    QStringLiteral(" <i>(%1)</i>")
                        .arg(
                            tr("or instead condition %1").arg(escaped(condition.alternativeGroup)));
            }
            html += QStringLiteral("<li>%1</li>").arg(item);
        }
        html += QStringLiteral("</ul>");
    }

    html += heading(tr("Required documents"), "documents");
    if (p.evidences.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No documents are required."));
    } else {
        html += QStringLiteral("<ol>");
        for (const auto& evidence : p.evidences) {
            QString item = escaped(evidence.description, language);
            // The kind of document by name; a bare code-list id tells the clerk nothing.
            if (!evidence.type.title.empty()) {
                item += QStringLiteral(" <small>[%1]</small>")
                            .arg(escaped(evidence.type.title, language));
            }
            if (!evidence.alternativeGroup.empty()) {
                item += QStringLiteral("<br><b>%1</b>")
                            .arg(tr("Alternative: may replace document %1")
                                     .arg(escaped(evidence.alternativeGroup)));
            }
            if (!evidence.note.empty()) {
                item += QStringLiteral("<br><i>%1 %2</i>")
                            .arg(tr("Conditional:"), escaped(evidence.note, language));
            }
            html += QStringLiteral("<li>%1</li>").arg(item);
        }
        html += QStringLiteral("</ol>");
    }

    html += heading(tr("Fees"), "fees");
    if (p.fees.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No fee."));
    } else {
        html += QStringLiteral("<ul>");
        for (const auto& fee : p.fees) {
            QString amount;
            if (fee.min && fee.max && *fee.max != *fee.min) {
                amount = tr("%1 to %2").arg(money(*fee.min, language), money(*fee.max, language));
            } else if (fee.min || fee.max) {
                amount = money(fee.min ? *fee.min : *fee.max, language);
            } else {
                amount = tr("amount not stated");
            }
            QString label = escaped(fee.description, language);
            if (label.isEmpty()) {
                label = named(fee.type, language);
            }
            html += QStringLiteral("<li><b>%1</b> — %2</li>").arg(amount, label);
        }
        html += QStringLiteral("</ul>");
    }

    if (!p.steps.empty() || !p.digitalSteps.empty()) {
        html += heading(tr("Steps"), "steps") + QStringLiteral("<ol>");
        for (const auto& step : p.steps) {
            QString item = QStringLiteral("<b>%1</b>").arg(escaped(step.title, language));
            if (!step.description.empty()) {
                item += QStringLiteral(": ") + escaped(step.description, language);
            }
            html += QStringLiteral("<li>%1</li>").arg(item);
        }
        for (const auto& step : p.digitalSteps) {
            html += QStringLiteral("<li><b>%1</b> <i>(%2)</i>: %3</li>")
                        .arg(escaped(step.title, language), tr("online"),
                             escaped(step.description, language));
        }
        html += QStringLiteral("</ol>");
    }

    html += heading(tr("Statutory deadline"), "deadline");
    const QString deadline = DurationText::inWords(p.deadline);
    html +=
        QStringLiteral("<p>%1</p>")
            .arg(deadline.isEmpty() ? tr("Not set by the register.") : deadline.toHtmlEscaped());
    if (!p.validity.empty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Valid for %1").arg(DurationText::inWords(p.validity).toHtmlEscaped()));
    }

    html += heading(tr("Legal basis"), "legal");
    if (p.rules.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("Not stated."));
    } else {
        html += QStringLiteral("<ul>");
        for (const auto& rule : p.rules) {
            QString reference = named(rule.type, language);
            if (!rule.decisionNumber.empty()) {
                reference += QLatin1Char(' ') + escaped(rule.decisionNumber);
                if (!rule.decisionYear.empty()) {
                    reference += QLatin1Char('/') + escaped(rule.decisionYear);
                }
            }
            if (!rule.article.empty()) {
                reference += QStringLiteral(", ") + tr("article %1").arg(escaped(rule.article));
            }
            QString item = QStringLiteral("<b>%1</b>").arg(reference);
            if (!rule.description.empty()) {
                item += QStringLiteral(": ") + escaped(rule.description, language);
            }
            if (const std::string gazette = rule.gazetteReference(); !gazette.empty()) {
                item += QStringLiteral(" (%1)").arg(escaped(gazette));
            }
            if (!rule.ada.empty()) {
                item += QStringLiteral(" ") + tr("ADA %1").arg(escaped(rule.ada));
            }
            html += QStringLiteral("<li>%1</li>").arg(item);
        }
        html += QStringLiteral("</ul>");
    }

    html += heading(tr("Competent authority"), "authority");
    html += QStringLiteral("<p>%1</p>")
                .arg(p.orgOwner.empty() ? tr("Not stated.") : named(p.orgOwner, language));
    if (!record.kep.competentAuthorityId.empty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Cases are forwarded to authority %1.")
                             .arg(escaped(record.kep.competentAuthorityId)));
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(record.kep.requiresApproval
                         ? tr("Cases need the office manager's approval before forwarding.")
                         : tr("Cases are forwarded without the office manager's approval."));

    html += heading(tr("Remote service (myKEPlive)"), "remote");
    html += QStringLiteral("<p>%1</p>")
                .arg(p.offeredRemotely() ? tr("Yes: the citizen can be served by video call.")
                                         : tr("No: at the counter only."));
    return html;
}

QString ProcedureHtml::changes(const kep::catalogue::ProcedureDiff& diff, std::int64_t fromVersion,
                               std::int64_t toVersion, Language language) {
    QString html = QStringLiteral("<h2>%1</h2>")
                       .arg(tr("What changed from version %1 to %2")
                                .arg(qlonglong(fromVersion))
                                .arg(qlonglong(toVersion)));
    if (diff.empty()) {
        return html + QStringLiteral("<p>%1</p>").arg(tr("Nothing the desk shows has changed."));
    }
    for (const auto& section : diff.sections) {
        html += QStringLiteral("<h3>%1</h3><ul>")
                    .arg(QString::fromUtf8(kep::catalogue::sectionTitle(section.section, language))
                             .toHtmlEscaped());
        for (const auto& change : section.changes) {
            QString kind;
            switch (change.kind) {
                case kep::catalogue::ChangeKind::Added:
                    kind = tr("Added");
                    break;
                case kep::catalogue::ChangeKind::Removed:
                    kind = tr("Removed");
                    break;
                case kep::catalogue::ChangeKind::Changed:
                    kind = tr("Changed");
                    break;
            }
            QString label = escaped(change.label, language);
            if (label.isEmpty()) {
                label = escaped(change.key);
            }
            html += QStringLiteral("<li><b>%1:</b> %2").arg(kind, label);
            if (change.kind == kep::catalogue::ChangeKind::Changed && !change.fields.empty()) {
                html += QStringLiteral("<ul>");
                for (const auto& field : change.fields) {
                    html += QStringLiteral("<li>%1: <s>%2</s> → <b>%3</b></li>")
                                .arg(escaped(field.field),
                                     field.before.empty() ? tr("(none)") : escaped(field.before),
                                     field.after.empty() ? tr("(none)") : escaped(field.after));
                }
                html += QStringLiteral("</ul>");
            }
            html += QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

}  // namespace kep::desk::ui
