// The distinct words of the search index, stored once in one buffer: exact lookup by hash, prefix
// ranges by binary search over a sorted order, and in-word matches by one scan of the buffer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::catalogue {

class SearchVocabulary {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // The id of `word`, added if new. Ids are dense and never reused; call sortNewWords()
    // before the next prefix query.
    std::uint32_t intern(std::string_view word);
    std::uint32_t find(std::string_view word) const;
    void sortNewWords();

    std::string_view word(std::uint32_t id) const {
        const std::size_t end = id + 1 < starts_.size() ? starts_[id + 1] : text_.size();
        return std::string_view(text_).substr(starts_[id], end - 1 - starts_[id]);
    }
    std::size_t size() const { return starts_.size(); }
    std::size_t memoryBytes() const;

    // visit(id, whole) for every word that starts with `prefix`; whole when it is the prefix.
    template <typename Visit>
    void forEachPrefix(std::string_view prefix, Visit visit) const {
        auto it =
            std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                             [this](std::uint32_t id, std::string_view p) { return word(id) < p; });
        for (; it != sorted_.end(); ++it) {
            const std::string_view w = word(*it);
            if (w.substr(0, prefix.size()) != prefix) {
                break;
            }
            visit(*it, w.size() == prefix.size());
        }
    }

    // visit(id) once for every word that holds `needle` somewhere after its first letter.
    template <typename Visit>
    void forEachInWord(std::string_view needle, Visit visit) const {
        if (needle.empty()) {
            return;
        }
        const std::boyer_moore_horspool_searcher searcher(needle.begin(), needle.end());
        const std::string_view text(text_);
        std::uint32_t last = kNone;
        for (auto at = text.begin();;) {
            const auto hit = searcher(at, text.end()).first;
            if (hit == text.end()) {
                return;
            }
            const auto offset = static_cast<std::uint32_t>(hit - text.begin());
            const auto id = static_cast<std::uint32_t>(
                std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1);
            if (id != last && offset != starts_[id]) {
                visit(id);
                last = id;
            }
            at = hit + 1;
        }
    }

private:
    void grow();
    std::size_t slotOf(std::string_view word) const;

    std::string text_ = "\n";            // "\n" word0 "\n" word1 "\n" …
    std::vector<std::uint32_t> starts_;  // offset of each word in text_
    std::vector<std::uint32_t> sorted_;  // ids in byte order of their words
    std::vector<std::uint32_t> table_ = std::vector<std::uint32_t>(1024, kNone);  // open addressing
};

}  // namespace kep::catalogue
