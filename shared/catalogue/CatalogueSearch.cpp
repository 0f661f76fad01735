#include "shared/catalogue/CatalogueSearch.h"

#include <algorithm>

#include "shared/catalogue/SearchWords.h"
#include "shared/domain/PhoneticKey.h"
#include "shared/domain/TextFold.h"

namespace kep::catalogue {

namespace {

// Longer "words" are URLs, codes or run-together text nobody types.
constexpr std::size_t kMaxWordBytes = 96;

std::uint8_t fieldBit(MatchField field) {
    return static_cast<std::uint8_t>(1U << (static_cast<unsigned>(field) - 1));
}

// The best field of a posting's field bits.
unsigned bestField(std::uint8_t fields) {
    return fields & 4U ? 3U : fields & 2U ? 2U : 1U;
}

// Calls visit(reading) for each reading of each word of a phonetic key ("a|b c").
template <typename Visit>
void forEachReading(std::string_view key, Visit visit) {
    std::size_t start = 0;
    while (start <= key.size()) {
        const std::size_t end = std::min(key.find_first_of("| ", start), key.size());
        if (end > start) {
            visit(key.substr(start, end - start));
        }
        start = end + 1;
    }
}

}  // namespace

std::uint32_t CatalogueSearch::internWord(std::string_view word) {
    const std::size_t known = words_.size();
    const std::uint32_t id = words_.intern(word);
    if (words_.size() == known) {
        return id;
    }
    // A new word: its phonetic readings point back to it, computed once per distinct word.
    postings_.emplace_back();
    const std::string key = domain::phoneticKey(word);
    forEachReading(key, [&](std::string_view reading) {
        const std::uint32_t pid = phonetic_.intern(reading);
        if (pid >= wordsOfPhonetic_.size()) {
            wordsOfPhonetic_.resize(pid + 1);
        }
        std::vector<std::uint32_t>& words = wordsOfPhonetic_[pid];
        if (words.empty() || words.back() != id) {
            words.push_back(id);
        }
    });
    return id;
}

void CatalogueSearch::add(const Procedure& procedure) {
    std::uint32_t slot = 0;
    if (freeSlots_.empty()) {
        slot = static_cast<std::uint32_t>(entries_.size());
        entries_.emplace_back();
    } else {
        slot = freeSlots_.back();
        freeSlots_.pop_back();
    }
    Entry& entry = entries_[slot];
    entry.id = procedure.id;
    entry.live = true;
    entry.titleLength[0] =
        static_cast<std::uint32_t>(codePointCount(procedure.displayTitle(Language::El)));
    entry.titleLength[1] =
        static_cast<std::uint32_t>(codePointCount(procedure.displayTitle(Language::En)));

    // (word id, field bits) of every word, then one posting per distinct word.
    std::vector<std::pair<std::uint32_t, std::uint8_t>> found;
    std::vector<std::string_view> words;
    std::string folded;
    const auto index = [&](const LocalizedText& text, MatchField field) {
        for (const std::string* side : {&text.el, &text.en}) {
            folded.clear();
            domain::appendFoldedForSearch(folded, *side);
            words.clear();
            splitWords(folded, words);
            for (const std::string_view word : words) {
                if (word.size() <= kMaxWordBytes) {
                    found.emplace_back(internWord(word), fieldBit(field));
                }
            }
        }
    };
    index(procedure.title, MatchField::Title);
    index(procedure.officialTitle, MatchField::Title);
    for (const LocalizedText& alternative : procedure.alternativeTitles) {
        index(alternative, MatchField::AlternativeTitle);
    }
    index(procedure.description, MatchField::Description);

    std::sort(found.begin(), found.end());
    for (std::size_t i = 0; i < found.size();) {
        const std::uint32_t word = found[i].first;
        std::uint8_t fields = 0;
        for (; i < found.size() && found[i].first == word; ++i) {
            fields |= found[i].second;
        }
        entry.words.push_back(word);
        postings_[word].push_back({slot, fields});
    }
    entry.words.shrink_to_fit();
    byId_[entry.id] = slot;
}

void CatalogueSearch::erase(std::uint32_t slot) {
    Entry& entry = entries_[slot];
    for (const std::uint32_t word : entry.words) {
        std::vector<Posting>& list = postings_[word];
        const auto it = std::find_if(list.begin(), list.end(),
                                     [slot](const Posting& p) { return p.slot == slot; });
        if (it != list.end()) {
            *it = list.back();
            list.pop_back();
        }
    }
    byId_.erase(entry.id);
    entry = Entry{};
    freeSlots_.push_back(slot);
}

void CatalogueSearch::finishChanges() {
    words_.sortNewWords();
    phonetic_.sortNewWords();
}

void CatalogueSearch::rebuild(std::span<const Procedure> procedures) {
    *this = CatalogueSearch();
    entries_.reserve(procedures.size());
    byId_.reserve(procedures.size());
    for (const Procedure& procedure : procedures) {
        if (const auto it = byId_.find(procedure.id); it != byId_.end()) {
            erase(it->second);  // the later of two with one id wins, as upsert() would
        }
        add(procedure);
    }
    finishChanges();
}

void CatalogueSearch::upsert(const Procedure& procedure) {
    if (const auto it = byId_.find(procedure.id); it != byId_.end()) {
        erase(it->second);
    }
    add(procedure);
    finishChanges();
}

bool CatalogueSearch::remove(std::string_view id) {
    const auto it = byId_.find(std::string(id));
    if (it == byId_.end()) {
        return false;
    }
    erase(it->second);
    return true;
}

std::vector<SearchHit> CatalogueSearch::search(std::string_view query, Language language,
                                               std::size_t limit) const {
    if (limit == 0) {
        return {};
    }
    const std::string folded = domain::foldForSearch(query.substr(0, kMaxQueryBytes));
    std::vector<std::string_view> tokens;
    splitWords(folded, tokens);
    if (tokens.size() > kMaxQueryWords) {
        tokens.resize(kMaxQueryWords);
    }
    if (tokens.empty()) {
        return {};
    }

    // Per slot: the best (field << 3 | quality) of the current query word, and over the words
    // so far the weakest field (0: some word did not match) and the sum of qualities.
    const std::size_t slots = entries_.size();
    std::vector<std::uint8_t> best(slots);
    std::vector<std::uint8_t> field(slots);
    std::vector<std::uint16_t> quality(slots);
    const auto mark = [&](std::uint32_t word, MatchQuality q) {
        for (const Posting& p : postings_[word]) {
            const auto code =
                static_cast<std::uint8_t>(bestField(p.fields) << 3U | static_cast<unsigned>(q));
            best[p.slot] = std::max(best[p.slot], code);
        }
    };

    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view token = tokens[k];
        std::fill(best.begin(), best.end(), std::uint8_t{0});
        words_.forEachPrefix(token, [&](std::uint32_t word, bool whole) {
            mark(word, whole ? MatchQuality::Whole : MatchQuality::Prefix);
        });
        if (codePointCount(token) >= 3) {
            words_.forEachInWord(token,
                                 [&](std::uint32_t word) { mark(word, MatchQuality::InWord); });
        }
        forEachReading(domain::phoneticKey(token), [&](std::string_view reading) {
            phonetic_.forEachPrefix(reading, [&](std::uint32_t key, bool whole) {
                for (const std::uint32_t word : wordsOfPhonetic_[key]) {
                    mark(word, whole ? MatchQuality::PhoneticWhole : MatchQuality::PhoneticPrefix);
                }
            });
        });
        for (std::size_t s = 0; s < slots; ++s) {
            const auto tokenField = static_cast<std::uint8_t>(best[s] >> 3U);
            if (tokenField == 0 || (k > 0 && field[s] == 0)) {
                field[s] = 0;
                continue;
            }
            field[s] = k == 0 ? tokenField : std::min(field[s], tokenField);
            quality[s] = static_cast<std::uint16_t>((k == 0 ? 0 : quality[s]) + (best[s] & 7U));
        }
    }

    struct Ranked {
        int score;
        std::uint32_t titleLength;
        std::uint32_t slot;
    };
    std::vector<Ranked> ranked;
    const std::size_t lang = language == Language::El ? 0 : 1;
    for (std::size_t s = 0; s < slots; ++s) {
        if (field[s] != 0) {
            const Entry& e = entries_[s];
            const std::uint32_t length =
                e.titleLength[lang] != 0 ? e.titleLength[lang] : e.titleLength[1 - lang];
            ranked.push_back({field[s] * 100 + quality[s], length, static_cast<std::uint32_t>(s)});
        }
    }
    const auto before = [this](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        if (a.titleLength != b.titleLength) {
            return a.titleLength < b.titleLength;
        }
        return entries_[a.slot].id < entries_[b.slot].id;
    };
    const std::size_t count = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count),
                      ranked.end(), before);

    std::vector<SearchHit> hits;
    hits.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        hits.push_back({entries_[ranked[i].slot].id, ranked[i].score,
                        static_cast<MatchField>(ranked[i].score / 100)});
    }
    return hits;
}

std::size_t CatalogueSearch::memoryBytes() const {
    std::size_t bytes = words_.memoryBytes() + phonetic_.memoryBytes();
    bytes += postings_.capacity() * sizeof(std::vector<Posting>);
    for (const auto& list : postings_) {
        bytes += list.capacity() * sizeof(Posting);
    }
    bytes += wordsOfPhonetic_.capacity() * sizeof(std::vector<std::uint32_t>);
    for (const auto& list : wordsOfPhonetic_) {
        bytes += list.capacity() * sizeof(std::uint32_t);
    }
    bytes += entries_.capacity() * sizeof(Entry);
    for (const Entry& e : entries_) {
        bytes += e.words.capacity() * sizeof(std::uint32_t) + e.id.capacity();
    }
    bytes += byId_.size() * (sizeof(std::string) + sizeof(std::uint32_t) + 2 * sizeof(void*));
    return bytes;
}

}  // namespace kep::catalogue
