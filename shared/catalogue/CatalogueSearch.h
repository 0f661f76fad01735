// Finds procedures as the clerk types, in Greek, English or Greeklish: an in-memory index over
// titles, alternative titles and descriptions, answering each keystroke in well under 5 ms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/catalogue/LocalizedText.h"
#include "shared/catalogue/Procedure.h"
#include "shared/catalogue/SearchVocabulary.h"

namespace kep::catalogue {

// Where a procedure matched, best first. The numbers are part of SearchHit::score.
enum class MatchField : std::uint8_t {
    Description = 1,       // description (el, en)
    AlternativeTitle = 2,  // alternative_titles (el, en)
    Title = 3,             // title and official_title (el, en)
};

// How one query word matched one word of the text, best last. Part of SearchHit::score.
enum class MatchQuality : std::uint8_t {
    InWord = 1,  // inside a word, 3 letters or more: "ποιητ" in «Πιστοποιητικό»
    PhoneticPrefix = 2,  // Greeklish or a misspelling, unfinished: "diam" for «διαμονής»
    Prefix = 3,  // the start of a word, after folding: "πιστ" for «Πιστοποιητικό»
    PhoneticWhole = 4,  // Greeklish for the whole word: "diamonis" for «διαμονής»
    Whole = 5,          // the whole word, after folding: "δηλωση" for «Δήλωση»
};

struct SearchHit {
    std::string id;
    // field * 100 + the sum over the query's words of their MatchQuality: a higher score ranks
    // first; equal scores rank the shorter title first, then the lower id.
    int score = 0;
    MatchField field = MatchField::Description;  // the weakest field any query word needed
};

// Matching rules: the query and the text are folded (foldForSearch: accents, case, final
// sigma) and cut into words (SearchWords.h). Every query word must match some word of the
// procedure, anywhere among its titles, alternative titles and descriptions, in either
// language: as a prefix of the word (so the word being typed matches), inside the word when
// the query word has 3 or more letters, or by its phonetic key (PhoneticKey.h) as a whole word
// or prefix, which makes Greeklish and Greek interchangeable. Each query word counts where it
// matched best (title over alternative title over description, then by MatchQuality); a
// procedure ranks by the weakest field its words needed, then by the sum of their qualities.
// Queries are cut to kMaxQueryBytes and kMaxQueryWords.
//
// Concurrency: search() is const and keeps no state between calls, so several threads may
// search at once; upsert(), remove() and rebuild() need exclusive access.
class CatalogueSearch {
public:
    static constexpr std::size_t kMaxQueryBytes = 256;
    static constexpr std::size_t kMaxQueryWords = 12;

    CatalogueSearch() = default;
    explicit CatalogueSearch(std::span<const Procedure> procedures) { rebuild(procedures); }

    void rebuild(std::span<const Procedure> procedures);
    // Adds a procedure, or replaces the one with its id (a newly published version).
    void upsert(const Procedure& procedure);
    // False when no procedure has this id.
    bool remove(std::string_view id);

    // At most `limit` hits, best first; `language` picks the title whose length breaks ties.
    // An empty query (or one of punctuation only) finds nothing.
    std::vector<SearchHit> search(std::string_view query, Language language,
                                  std::size_t limit) const;

    std::size_t size() const { return byId_.size(); }
    bool contains(std::string_view id) const { return byId_.count(std::string(id)) != 0; }
    // Bytes held by the index's own containers (an estimate from their capacities).
    std::size_t memoryBytes() const;

private:
    // A procedure's place in the index; slots of removed procedures are reused.
    struct Entry {
        std::string id;
        std::uint32_t titleLength[2] = {0, 0};  // code points, el and en
        std::vector<std::uint32_t> words;       // its words, for remove()
        bool live = false;
    };
    struct Posting {
        std::uint32_t slot;
        std::uint8_t fields;  // bit (field - 1) set for each MatchField the word occurs in
    };

    void add(const Procedure& procedure);
    void erase(std::uint32_t slot);
    void finishChanges();
    std::uint32_t internWord(std::string_view word);

    SearchVocabulary words_;
    SearchVocabulary phonetic_;
    std::vector<std::vector<Posting>> postings_;               // per word id
    std::vector<std::vector<std::uint32_t>> wordsOfPhonetic_;  // per phonetic key id: word ids
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> freeSlots_;
    std::unordered_map<std::string, std::uint32_t> byId_;
};

}  // namespace kep::catalogue
