// The large-text, high-contrast look, switched on and off for the whole application at run
// time; the stylesheet itself lives in resources/desk/large-text.qss.
#pragma once

namespace kep::desk::ui {

class LargeTextTheme {
public:
    static void apply(bool on);
    static bool isApplied();
};

}  // namespace kep::desk::ui
