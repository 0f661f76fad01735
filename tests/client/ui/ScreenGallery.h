// Every screen of the desk that the scripted tour does not open, each built on its own over
// fakes (a scripted server, an in-memory outbox, a desk.db in a temporary folder), so that the
// accessibility walk and the help check go through one and the same full list.
#pragma once

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

namespace kep::desk::test {

class ScreenGallery {
public:
    // Builds the screens with their content in `language` ("el" or "en"); the caller has already
    // switched the application's LanguageManager to it.
    explicit ScreenGallery(const QString& language);
    ~ScreenGallery();

    // Not shown yet: the caller shows each in turn.
    const std::vector<std::unique_ptr<QWidget>>& screens() const { return screens_; }

private:
    struct Backing;  // what the screens talk to; outlives them
    std::unique_ptr<Backing> backing_;
    std::vector<std::unique_ptr<QWidget>> screens_;
};

// "objectName (ClassName)": how the walks over the screens name a widget in what they find.
QString describe(const QWidget* widget);

}  // namespace kep::desk::test
