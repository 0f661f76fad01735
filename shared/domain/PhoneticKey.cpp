#include "shared/domain/PhoneticKey.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "shared/domain/TextFold.h"
#include "shared/domain/Utf8.h"

namespace kep::domain {

namespace {

// One sound of a word: one or two readings (key letters), or a letter of another script kept
// as it is (raw != 0).
struct Segment {
    std::array<const char*, 2> readings{};
    int count = 0;
    char32_t raw = 0;
};

Segment one(const char* key) {
    return Segment{{key, nullptr}, 1, 0};
}
Segment either(const char* first, const char* second) {
    return Segment{{first, second}, 2, 0};
}

bool isWordChar(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9');
    }
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == utf8::kReplacement) {
        return false;
    }
    // Greek punctuation and spacing accents left over after folding.
    if (cp == 0x374 || cp == 0x375 || cp == 0x37E || cp == 0x384 || cp == 0x385 || cp == 0x387 ||
        (cp >= 0x1FBD && cp <= 0x1FFE)) {
        return false;
    }
    // General punctuation, symbols, arrows, CJK punctuation, private use, compatibility forms.
    return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
             (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
             (cp >= 0xFF00 && cp <= 0xFF0F));
}

bool isGreekVowel(char32_t cp) {
    return cp == U'α' || cp == U'ε' || cp == U'η' || cp == U'ι' || cp == U'ο' || cp == U'υ' ||
           cp == U'ω';
}
bool isLatinVowel(char32_t cp) {
    return cp == U'a' || cp == U'e' || cp == U'i' || cp == U'o' || cp == U'u' || cp == U'y' ||
           cp == U'w';
}
bool isConsonant(char32_t cp) {
    const bool greekLetter = cp >= U'α' && cp <= U'ω';
    const bool latinLetter = cp >= U'a' && cp <= U'z';
    return (greekLetter && !isGreekVowel(cp)) || (latinLetter && !isLatinVowel(cp) && cp != U'h') ||
           cp == U'8';
}
// Consonants before which αυ/ευ/ηυ sound as af/ef/if.
bool isVoiceless(char32_t cp) {
    static constexpr std::u32string_view kVoiceless = U"θκξπσςτφχψtkxpsfcqh8";
    return kVoiceless.find(cp) != std::u32string_view::npos;
}

class WordReader {
public:
    WordReader(const std::u32string& word, bool hasLetters) : w_(word), letters_(hasLetters) {}

    void read(std::vector<Segment>& out) {
        while (i_ < w_.size()) {
            const char32_t c = w_[i_];
            out.push_back(c < 0x80 ? latin(c) : greek(c));
        }
    }

private:
    char32_t at(std::size_t k) const { return k < w_.size() ? w_[k] : 0; }
    char32_t next() const { return at(i_ + 1); }
    Segment take(std::size_t n, Segment s) {
        i_ += n;
        return s;
    }
    // The vowel before υ/u: av or af depending on what follows; both at the end of the word.
    Segment diphthongWithU(const char* voiced, const char* voiceless) {
        const char32_t after = at(i_ + 2);
        i_ += 2;
        if (after == 0) {
            return either(voiced, voiceless);
        }
        return isVoiceless(after) ? one(voiceless) : one(voiced);
    }

    Segment greek(char32_t c) {
        const char32_t n = next();
        switch (c) {
            case U'α':
                if (n == U'ι')
                    return take(2, one("e"));
                if (n == U'υ')
                    return diphthongWithU("av", "af");
                return take(1, one("a"));
            case U'ε':
                if (n == U'ι')
                    return take(2, one("i"));
                if (n == U'υ')
                    return diphthongWithU("ev", "ef");
                return take(1, one("e"));
            case U'η':
                if (n == U'υ')
                    return diphthongWithU("iv", "if");
                return take(1, one("i"));
            case U'ο':
                if (n == U'ι')
                    return take(2, one("i"));
                if (n == U'υ')
                    return take(2, one("u"));
                return take(1, one("o"));
            case U'ι':
            case U'υ':
                return take(1, one("i"));
            case U'ω':
                return take(1, one("o"));
            case U'β':
                return take(1, one("v"));
            case U'γ':
                if (n == U'γ' || n == U'κ')
                    return take(2, one("g"));
                return take(1, one("g"));
            case U'δ':
                return take(1, one("d"));
            case U'ζ':
                return take(1, one("z"));
            case U'θ':
                return take(1, one("th"));
            case U'κ':
                return take(1, one("k"));
            case U'λ':
                return take(1, one("l"));
            case U'μ':
                if (n == U'π')
                    return take(2, one("v"));
                return take(1, one("m"));
            case U'ν':
                if (n == U'τ')
                    return take(2, one("d"));
                return take(1, one("n"));
            case U'ξ':
                return take(1, one("ks"));
            case U'π':
                return take(1, one("p"));
            case U'ρ':
                return take(1, one("r"));
            case U'σ':
            case U'ς':
                return take(1, one("s"));
            case U'τ':
                return take(1, one("t"));
            case U'φ':
                return take(1, one("f"));
            case U'χ':
                return take(1, one("x"));
            case U'ψ':
                return take(1, one("ps"));
            default: {
                Segment kept;
                kept.raw = c;
                ++i_;
                return kept;
            }
        }
    }

    Segment latinH() {
        const char32_t before = i_ > 0 ? w_[i_ - 1] : 0;
        const char32_t after = next();
        // Greek has no χ at a word's end nor between two consonants: there h stands for η.
        if (after == 0 || (isConsonant(before) && isConsonant(after))) {
            return take(1, one("i"));
        }
        return take(1, either("i", "x"));
    }

    Segment latin(char32_t c) {
        const char32_t n = next();
        switch (c) {
            case U'a':
                if (n == U'i')
                    return take(2, one("e"));
                if (n == U'u' || n == U'y')
                    return diphthongWithU("av", "af");
                return take(1, one("a"));
            case U'e':
                if (n == U'i')
                    return take(2, one("i"));
                if (n == U'u' || n == U'y')
                    return diphthongWithU("ev", "ef");
                return take(1, one("e"));
            case U'o':
                if (n == U'i')
                    return take(2, one("i"));
                if (n == U'u')
                    return take(2, one("u"));
                return take(1, one("o"));
            case U'u':
                if (n == U'i')
                    return take(2, one("i"));
                return take(1, either("u", "i"));
            case U'i':
            case U'y':
                return take(1, one("i"));
            case U'w':
                return take(1, one("o"));
            case U'b':
            case U'v':
                return take(1, one("v"));
            case U'c':
                if (n == U'h')
                    return take(2, one("x"));
                return take(1, one("k"));
            case U'q':
                return take(1, one("k"));
            case U'g':
                if (n == U'g' || n == U'k')
                    return take(2, one("g"));
                return take(1, one("g"));
            case U'h':
                return latinH();
            case U'j':
                return take(1, one("tz"));
            case U'k':
                if (n == U'h')
                    return take(2, either("x", "ki"));
                return take(1, one("k"));
            case U'm':
                if (n == U'p')
                    return take(2, one("v"));
                return take(1, one("m"));
            case U'n':
                if (n == U't')
                    return take(2, one("d"));
                if (n == U'g')
                    return take(2, one("g"));
                return take(1, one("n"));
            case U'p':
                if (n == U'h')
                    return take(2, either("f", "pi"));
                return take(1, one("p"));
            case U't':
                if (n == U'h')
                    return take(2, either("th", "ti"));
                return take(1, one("t"));
            case U'x':
                return take(1, either("x", "ks"));
            case U'8':
                if (letters_)
                    return take(1, one("th"));
                return take(1, one("8"));
            default: {
                // d f l r s z and the digits other than 8 stand for themselves.
                static constexpr const char* kSelf[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i",
                                                        "j", "k", "l", "m", "n", "o", "p", "q", "r",
                                                        "s", "t", "u", "v", "w", "x", "y", "z"};
                static constexpr const char* kDigits[] = {"0", "1", "2", "3", "4",
                                                          "5", "6", "7", "8", "9"};
                ++i_;
                return one(c >= U'a' ? kSelf[c - U'a'] : kDigits[c - U'0']);
            }
        }
    }

    const std::u32string& w_;
    bool letters_;
    std::size_t i_ = 0;
};

// Collapses runs of one ASCII key letter; bytes of other scripts and digits are left alone.
void appendCollapsed(std::string& out, std::string_view reading) {
    for (const char c : reading) {
        const bool letter = c >= 'a' && c <= 'z';
        if (letter && !out.empty() && out.back() == c) {
            continue;
        }
        out.push_back(c);
    }
}

// segments: a buffer reused across the words of one text.
void appendWordKey(std::string& out, const std::u32string& word, std::vector<Segment>& segments) {
    const bool hasLetters =
        std::any_of(word.begin(), word.end(), [](char32_t c) { return c < U'0' || c > U'9'; });
    segments.clear();
    WordReader(word, hasLetters).read(segments);

    // Greek words (and most Latin ones) have one reading: write it straight to the output.
    const bool ambiguous = std::any_of(segments.begin(), segments.end(),
                                       [](const Segment& s) { return s.count == 2; });
    if (!ambiguous) {
        for (const Segment& s : segments) {
            if (s.raw != 0) {
                utf8::append(out, s.raw);
            } else {
                appendCollapsed(out, s.readings[0]);
            }
        }
        return;
    }

    std::vector<std::string> readings(1);
    for (const Segment& s : segments) {
        if (s.raw != 0) {
            for (std::string& r : readings) {
                utf8::append(r, s.raw);
            }
            continue;
        }
        const bool branch = s.count == 2 && readings.size() * 2 <= kMaxReadings;
        const std::size_t existing = readings.size();
        if (branch) {
            for (std::size_t k = 0; k < existing; ++k) {
                readings.push_back(readings[k] + s.readings[1]);
            }
        }
        for (std::size_t k = 0; k < existing; ++k) {
            readings[k] += s.readings[0];
        }
    }

    std::vector<std::string> distinct;
    distinct.reserve(readings.size());
    for (const std::string& r : readings) {
        std::string collapsed;
        appendCollapsed(collapsed, r);
        if (std::find(distinct.begin(), distinct.end(), collapsed) == distinct.end()) {
            distinct.push_back(std::move(collapsed));
        }
    }
    for (std::size_t k = 0; k < distinct.size(); ++k) {
        if (k > 0) {
            out.push_back('|');
        }
        out += distinct[k];
    }
}

template <typename Visit>
void forEachPart(std::string_view text, char separator, Visit visit) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        if (end > start && !visit(text.substr(start, end - start))) {
            return;
        }
        start = end + 1;
    }
}

bool wordMatches(std::string_view haystackWord, std::string_view queryWord) {
    bool found = false;
    forEachPart(haystackWord, '|', [&](std::string_view h) {
        forEachPart(queryWord, '|', [&](std::string_view q) {
            found = h.substr(0, q.size()) == q;
            return !found;
        });
        return !found;
    });
    return found;
}

}  // namespace

std::string phoneticKey(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::string out;
    out.reserve(folded.size() + 8);
    std::u32string word;
    std::vector<Segment> segments;
    segments.reserve(32);
    std::size_t pos = 0;
    const auto flush = [&] {
        if (word.empty()) {
            return;
        }
        if (!out.empty()) {
            out.push_back(' ');
        }
        appendWordKey(out, word, segments);
        word.clear();
    };
    while (pos < folded.size()) {
        const char32_t cp = utf8::decode(folded, pos);
        if (isWordChar(cp)) {
            word.push_back(cp);
        } else {
            flush();
        }
    }
    flush();
    return out;
}

bool matchesPrefix(std::string_view haystackKey, std::string_view queryKey) {
    bool any = false;
    bool all = true;
    forEachPart(queryKey, ' ', [&](std::string_view queryWord) {
        any = true;
        bool found = false;
        forEachPart(haystackKey, ' ', [&](std::string_view haystackWord) {
            found = wordMatches(haystackWord, queryWord);
            return !found;
        });
        all = found;
        return all;
    });
    return any && all;
}

}  // namespace kep::domain
