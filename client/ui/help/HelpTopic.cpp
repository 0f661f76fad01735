#include "help/HelpTopic.h"

#include <QVariant>
#include <QWidget>

namespace kep::desk::ui::help {

namespace {
// A dynamic property: the screens need no common base class to carry it.
constexpr const char* kTopic = "kepHelpTopic";
}  // namespace

void setTopic(QWidget* screen, const QString& topic) {
    screen->setProperty(kTopic, topic);
}

QString topicOf(const QWidget* widget) {
    return widget == nullptr ? QString() : widget->property(kTopic).toString();
}

QString topicFor(const QWidget* widget) {
    for (const QWidget* w = widget; w != nullptr; w = w->parentWidget()) {
        if (const QString topic = topicOf(w); !topic.isEmpty()) {
            return topic;
        }
    }
    return {};
}

QString pagePath(const QString& language, const QString& topic) {
    return QStringLiteral(":/desk/help/%1/%2.html").arg(language, topic);
}

}  // namespace kep::desk::ui::help
