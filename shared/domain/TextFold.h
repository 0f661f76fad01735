// Search folding of Greek and Latin text: what a clerk types and what the catalogue says are
// compared after removing accents and case, so «ΔΗΛΩΣΗ», «Δήλωση» and «δηλωση» are one word.
#pragma once

#include <string>
#include <string_view>

namespace kep::domain {

// Folds UTF-8 text for search, keeping its script (Greek stays Greek, Latin stays Latin):
//   1. canonical decomposition (NFD) of every precomposed letter,
//   2. removal of non-spacing marks (General_Category Mn: tonos, dialytika, the polytonic
//      breathings, perispomeni and ypogegrammeni, Latin acute/grave/cedilla/ogonek/caron …),
//   3. full case folding (CaseFolding.txt C+F: Σ and final ς -> σ, ϐ -> β, ß -> ss, µ -> μ),
//   4. a few letters with no decomposition searched as their base letter (ø -> o, ł -> l,
//      đ -> d, æ -> ae, œ -> oe, ı -> i, ϲ -> σ), as CLDR's Latin-ASCII transliterator does.
// Covered: ASCII, Latin-1 Supplement, Latin Extended-A, Greek and Coptic, Greek Extended, and
// combining marks in U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF and U+FE20–FE2F; every
// other code point passes through unchanged. The tables (TextFoldTable.inc) are generated from
// the Unicode Character Database by tools/gen_text_fold_table.py, not hand-written.
// Invalid UTF-8 is replaced, one U+FFFD per maximal ill-formed subpart (see Utf8.h); it never
// throws and the output is always valid UTF-8.
std::string foldForSearch(std::string_view text);

// Appends foldForSearch(text) to out (lets hot paths reuse one buffer).
void appendFoldedForSearch(std::string& out, std::string_view text);

}  // namespace kep::domain
