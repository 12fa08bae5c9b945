// Where a line may not break, by Indonesian typesetting (EYD, and the habit of the press):
// a time with its zone, a date, an amount with its currency and magnitude, a number with
// its unit, a hyphenated prefix or a reduplication, an abbreviation with the name or number
// after it, a house number with its street, a neighbourhood's RT/RW. Pango already never
// breaks inside a word (rupa lays text out with word wrapping only); these are the places
// between or inside words that its Unicode line-break rules would still break.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace rupa {

// A stretch of text, in bytes: [begin, end).
struct TextSpan {
    size_t begin = 0;
    size_t end = 0;
    bool operator==(const TextSpan&) const = default;
};

// The stretches of `text` (UTF-8, as drawn) that must each stay on one line:
//   "pukul 09.30 WIB", "09.30 WIB", "at 09:30 WIB"     a time, its word and its zone
//   "Senin, 8 Juli 2024", "8 Juli 2024", "Juli 2024"   a date
//   "Rp 2,5 juta", "Rp2,5 miliar"                       an amount, its currency and magnitude
//   "12 km", "212,9 juta", "3 jam 18 menit", "30 %"     numbers with units (a short list)
//   "se-Bintan", "ke-79", "di-PHK"                      a prefix joined by a hyphen
//   "anak-anak", "Alun-alun", "sayur-mayur"             a reduplication
//   "Jl. Sudirman", "No. 12", "Prof. Dr. Ir. H. Ahmad"  abbreviations with the word after them
//   "Jl. Ahmad Yani 12" (keeps "Yani 12")               a house number with its street's name
//   "RT 03/RW 05", "RT 003 / RW 005"                    a neighbourhood's numbers
// Upper-case text matches as well. Every stretch is a few words at most, so that keeping it
// whole never forces a whole paragraph smaller. The text itself is never changed: the
// layout is told not to break inside these stretches.
std::vector<TextSpan> unbreakable_spans(std::string_view text);

}  // namespace rupa
