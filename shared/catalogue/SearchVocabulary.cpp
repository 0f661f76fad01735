#include "shared/catalogue/SearchVocabulary.h"

namespace kep::catalogue {

namespace {

std::uint64_t hashOf(std::string_view word) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (const char c : word) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

}  // namespace

std::size_t SearchVocabulary::slotOf(std::string_view w) const {
    const std::size_t mask = table_.size() - 1;
    std::size_t slot = hashOf(w) & mask;
    while (table_[slot] != kNone && word(table_[slot]) != w) {
        slot = (slot + 1) & mask;
    }
    return slot;
}

std::uint32_t SearchVocabulary::find(std::string_view w) const {
    return table_[slotOf(w)];
}

std::uint32_t SearchVocabulary::intern(std::string_view w) {
    const std::size_t slot = slotOf(w);
    if (table_[slot] != kNone) {
        return table_[slot];
    }
    const auto id = static_cast<std::uint32_t>(starts_.size());
    starts_.push_back(static_cast<std::uint32_t>(text_.size()));
    text_.append(w);
    text_.push_back('\n');
    table_[slot] = id;
    if (starts_.size() * 2 > table_.size()) {
        grow();
    }
    return id;
}

void SearchVocabulary::grow() {
    table_.assign(table_.size() * 2, kNone);
    for (std::uint32_t id = 0; id < starts_.size(); ++id) {
        table_[slotOf(word(id))] = id;
    }
}

void SearchVocabulary::sortNewWords() {
    const std::size_t sortedCount = sorted_.size();
    if (sortedCount == starts_.size()) {
        return;
    }
    for (auto id = static_cast<std::uint32_t>(sortedCount); id < starts_.size(); ++id) {
        sorted_.push_back(id);
    }
    const auto byWord = [this](std::uint32_t a, std::uint32_t b) { return word(a) < word(b); };
    const auto middle = sorted_.begin() + static_cast<std::ptrdiff_t>(sortedCount);
    std::sort(middle, sorted_.end(), byWord);
    std::inplace_merge(sorted_.begin(), middle, sorted_.end(), byWord);
}

std::size_t SearchVocabulary::memoryBytes() const {
    return text_.capacity() +
           (starts_.capacity() + sorted_.capacity() + table_.capacity()) * sizeof(std::uint32_t);
}

}  // namespace kep::catalogue
