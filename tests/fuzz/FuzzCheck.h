// The one assertion the fuzz targets share: a property of the code under test that held for
// every input so far; when an input breaks it, libFuzzer keeps that input as the reproducer.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kep::fuzz {

// Aborts (libFuzzer reports a crash and writes crash-<sha1>) when `holds` is false. The text
// names the property, never the input, which may look like personal data.
inline void expect(bool holds, std::string_view property) {
    if (!holds) {
        std::fprintf(stderr, "fuzz property broken: %.*s\n", static_cast<int>(property.size()),
                     property.data());
        std::abort();
    }
}

}  // namespace kep::fuzz
