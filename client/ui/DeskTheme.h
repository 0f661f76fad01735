// The desk's two accessibility themes, large text and high contrast (black, white, yellow, a
// visible focus frame), switched for the whole application at run time and usable together.
#pragma once

namespace kep::desk::ui {

struct Appearance {
    bool largeText = false;
    bool highContrast = false;
};

class DeskTheme {
public:
    // The stylesheets are resources/desk/large-text.qss and high-contrast.qss, in that order.
    static void apply(Appearance appearance);
    static Appearance applied();
};

}  // namespace kep::desk::ui
