// Which help page belongs to a screen: each screen names its topic on its own top widget, F1
// finds it by walking up from the widget that has the keyboard, and the page is a resource.
#pragma once

#include <QString>

class QWidget;

namespace kep::desk::ui::help {

// Names the help page of `screen` (a window, a dialog or a page of the main window).
void setTopic(QWidget* screen, const QString& topic);
// The topic `widget` names itself, or "".
QString topicOf(const QWidget* widget);
// The topic of the nearest widget from `widget` up through its parents that names one, or "".
QString topicFor(const QWidget* widget);
// The embedded page of `topic` in `language` ("el" or "en"): resources/desk/help/<lang>/.
QString pagePath(const QString& language, const QString& topic);

}  // namespace kep::desk::ui::help
