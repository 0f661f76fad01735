// Greeklish ⇄ Greek matching: a query typed in Latin letters («dilosi», «DHLWSH») finds the
// Greek title («Δήλωση») because both sides are reduced to one Latin "phonetic skeleton".
#pragma once

#include <string>
#include <string_view>

namespace kep::domain {

// phoneticKey(text) folds the text (foldForSearch), splits it into words (runs of letters and
// digits; everything else separates) and writes each word as a skeleton of Latin key letters.
// The same rules apply to Greek and to Latin input, so the key does not depend on the script.
//
// Key format: words separated by one space; a word whose Latin spelling is ambiguous has its
// readings separated by '|', e.g. «sholeio» -> "siolio|sxolio". Greek input is never ambiguous
// and gives exactly one reading per word, so an index of Greek titles holds plain words and a
// Latin query expands into a handful of alternatives (at most kMaxReadings per word).
//
// Mapping (Greek | Latin -> key). Digraphs are taken before single letters.
//   α                     | a                    -> a
//   ε, αι                 | e, ai                -> e
//   η ι υ ει οι υι        | i y ei oi ui         -> i
//   ο ω                   | o w                  -> o
//   ου                    | ou                   -> u      (a lone Latin u: u or i, as «kuria»)
//   αυ ευ ηυ              | au eu ay ey          -> av ev iv before a vowel or voiced consonant,
//                                                   af ef if before θ κ ξ π σ τ φ χ ψ (t k x p s
//                                                   f c q h 8); at the word's end both readings
//   β, μπ                 | v, b, mp             -> v
//   γ, γγ, γκ             | g, gg, gk, ng        -> g
//   δ, ντ                 | d, nt                -> d
//   ζ                     | z                    -> z      (j -> tz, as τζ)
//   θ                     | th, 8 (inside a word) -> th    (th may also be τη: th or ti)
//   κ                     | k, c, q              -> k
//   λ μ ν π ρ σ/ς τ       | l m n p r s t        -> l m n p r s t
//   ξ                     | ks                   -> ks
//   φ                     | f, ph                -> f      (ph may also be πη: f or pi)
//   χ                     | ch, x, kh, h         -> x      (x may also be ξ: x or ks;
//                                                   kh may also be κη: x or ki)
//   ψ                     | ps                   -> ps
//   Latin h alone: η or χ -> i or x; only i at the end of a word or between two consonants,
//   where Greek has no χ in practice («DHLWSH» -> dilosi).
//   Finally runs of one key letter collapse (λλ -> l, ποιη -> pii -> pi), so doubled letters and
//   the vowel clusters Greeklish writers shorten do not matter. The dialytika is dropped by the
//   folding (ϊ -> ι), so «οϊ» reads as «οι», exactly as Latin «oi» does.
// Letters of other scripts are kept as they are; digits are kept, except «8» inside a word.
std::string phoneticKey(std::string_view text);

inline constexpr int kMaxReadings = 16;

// True when every word of queryKey is a prefix of some word of haystackKey (any reading of
// either), i.e. the words the clerk typed, each possibly unfinished, all occur in the title.
// Both arguments are phoneticKey() results. An empty query matches nothing.
bool matchesPrefix(std::string_view haystackKey, std::string_view queryKey);

}  // namespace kep::domain
