// How catalogue search cuts folded text into words: runs of letters and digits of any script;
// punctuation, symbols and spaces separate. The index and the query must cut the same way.
#pragma once

#include <string_view>
#include <vector>

namespace kep::catalogue {

// Appends the words of `folded` (foldForSearch() output) to `words`, as views into it.
void splitWords(std::string_view folded, std::vector<std::string_view>& words);

// Number of code points of UTF-8 text.
std::size_t codePointCount(std::string_view text);

}  // namespace kep::catalogue
