// Line breaking as Indonesian typesetting wants it: the stretches that stay on one line,
// no word split letter by letter, no invented hyphen, balanced headlines, emoji at the size
// of their text.
#include "handles/cairo.hpp"
#include "layout/line_breaks.hpp"
#include "layout/text_block.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

using namespace rupa;
using namespace rupa::test;

namespace {

std::vector<std::string> kept(const std::string& text) {
    std::vector<std::string> out;
    for (const TextSpan& s : unbreakable_spans(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

using Strings = std::vector<std::string>;

const FontSet& fonts() {
    static const FontSet set(source_dir() / "fonts");
    return set;
}

Brand brand_in(const std::string& family) {
    Brand b;
    b.fonts = {{"heading", family}, {"body", family}};
    return b;
}

TextStyle headline(double size, double min_size = 0) {
    TextStyle s;
    s.font = "heading";
    s.size = size;
    s.min_size = min_size;
    s.weight = 800;
    s.line_height = 1.1;
    return s;
}

TextBlock shaped(const std::string& text, const TextStyle& style, double width,
                 const std::string& family = "Inter") {
    TextBlock b = plain_block("t", text, style, style.size);
    shape_text(b, width, brand_in(family), fonts());
    return b;
}

// The lines of a laid-out text, as the text on each.
Strings lines_of(const TextBlock& b) {
    Strings out;
    const char* text = pango_layout_get_text(b.layout.get());
    for (GSList* l = pango_layout_get_lines_readonly(b.layout.get()); l; l = l->next) {
        auto* line = static_cast<PangoLayoutLine*>(l->data);
        std::string s(text + line->start_index, size_t(line->length));
        while (!s.empty() && s.back() == ' ') s.pop_back();
        out.push_back(s);
    }
    return out;
}

TextStyle body(double size) {
    TextStyle s;
    s.font = "body";
    s.size = size;
    s.weight = 400;
    s.line_height = 1.35;
    return s;
}

// The width `text` takes on one line, plus a pixel: a box just wide enough for it.
double width_of(const std::string& text, const TextStyle& style) {
    return shaped(text, style, 10000).text_width + 1;
}

int glyph_count(PangoLayout* layout) {
    int glyphs = 0;
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next)
        for (GSList* r = static_cast<PangoLayoutLine*>(l->data)->runs; r; r = r->next)
            glyphs += static_cast<PangoGlyphItem*>(r->data)->glyphs->num_glyphs;
    return glyphs;
}

}  // namespace

TEST_CASE("a time stays with its word and its zone") {
    CHECK(kept("Acara dimulai pukul 09.30 WIB di aula") == Strings{"pukul 09.30 WIB"});
    CHECK(kept("Buka 08.00-12.00 WITA") == Strings{"08.00-12.00 WITA"});
    CHECK(kept("Starts at 09:30 WIT") == Strings{"at 09:30 WIT"});
    CHECK(kept("PUKUL 13.30 WIB") == Strings{"PUKUL 13.30 WIB"});  // an upper-case style
}

TEST_CASE("a date stays whole: weekday, day, month and year") {
    CHECK(kept("Senin, 8 Juli 2024") == Strings{"Senin, 8 Juli 2024"});
    CHECK(kept("Rapat tanggal 8 Juli 2024 di kantor") == Strings{"8 Juli 2024"});
    CHECK(kept("sejak Juli 2024") == Strings{"Juli 2024"});
    CHECK(kept("Senin, 8 Juli 2024, pukul 09.30 WIB") == Strings{"Senin, 8 Juli 2024,", "pukul 09.30 WIB"});
    CHECK(kept("Thursday, 6 July 2023") == Strings{"Thursday, 6 July 2023"});
    CHECK(kept("pada hari Senin nanti").empty());  // a weekday alone joins nothing
}

TEST_CASE("a range of days stays whole with its month and year") {
    CHECK(kept("berlaku 1\u201331 Juli 2024 di seluruh desa") == Strings{"1\u201331 Juli 2024"});
    CHECK(kept("pada 28-30 Juni 2024") == Strings{"28-30 Juni 2024"});
    CHECK(kept("pada 8 \u2013 12 Juli 2024") == Strings{"8 \u2013 12 Juli 2024"});
    CHECK(kept("Senin, 1\u20135 Juli") == Strings{"Senin, 1\u20135 Juli"});
    CHECK(kept("tidak ada jadwal pemadaman bergilir pada 1\u201331 Juli 2024. Pemeliharaan jaringan hanya "
               "8 \u2013 12 Juli 2024 di dua desa.") == Strings{"1\u201331 Juli 2024.", "8 \u2013 12 Juli 2024"});
    CHECK(kept("skor 1-3 untuk tuan rumah").empty());  // no month: not a date
    CHECK(kept("pada 0-40 Juli").empty());              // not days
}

TEST_CASE("money stays with its currency and its magnitude") {
    CHECK(kept("bantuan Rp 2,5 juta per keluarga") == Strings{"Rp 2,5 juta"});
    CHECK(kept("anggaran Rp2,5 miliar") == Strings{"Rp2,5 miliar"});
    CHECK(kept("biaya (Rp 150.000) dibayar") == Strings{"(Rp 150.000)"});
    CHECK(kept("hadiah Rp2.500.000 bagi pemenang").empty());  // one word: never broken anyway
}

TEST_CASE("a number stays with its unit, and chained measures stay together") {
    CHECK(kept("jarak 12 km dari kota") == Strings{"12 km"});
    CHECK(kept("selama 3 jam 18 menit") == Strings{"3 jam 18 menit"});
    CHECK(kept("212,9 juta pengguna") == Strings{"212,9 juta"});
    CHECK(kept("naik 30 % tahun ini") == Strings{"30 %"});
    CHECK(kept("diikuti 1.250 orang.") == Strings{"1.250 orang."});
    CHECK(kept("2,5 juta orang") == Strings{"2,5 juta orang"});
    CHECK(kept("45 menit, lalu 3 jam") == Strings{"45 menit,", "3 jam"});  // a comma parts them
    CHECK(kept("12\nkm").empty());                                          // so does a line break
    CHECK(kept("tahun 2024 adalah").empty());                               // no unit, no join
}

TEST_CASE("a prefix joined by a hyphen is not broken at its hyphen") {
    CHECK(kept("warga se-Bintan hadir") == Strings{"se-Bintan"});
    CHECK(kept("HUT ke-79 RI") == Strings{"ke-79"});
    CHECK(kept("pekerja di-PHK") == Strings{"di-PHK"});
    CHECK(kept("WARGA SE-BINTAN") == Strings{"SE-BINTAN"});
}

TEST_CASE("a reduplication is never broken at its hyphen") {
    CHECK(kept("Detik-detik proklamasi") == Strings{"Detik-detik"});
    CHECK(kept("ramai di Alun-alun kota") == Strings{"Alun-alun"});
    CHECK(kept("anak-anak dan Kupu-kupu") == Strings{"anak-anak", "Kupu-kupu"});
    CHECK(kept("bersama anak-anaknya,") == Strings{"anak-anaknya,"});               // with a suffix
    CHECK(kept("warna-warni sayur-mayur") == Strings{"warna-warni", "sayur-mayur"});  // a changed sound
    CHECK(kept("bolak-balik") == Strings{"bolak-balik"});
    CHECK(kept("berlari-lari sebaik-baiknya") == Strings{"berlari-lari", "sebaik-baiknya"});  // after a prefix
    CHECK(kept("DETIK-DETIK") == Strings{"DETIK-DETIK"});                           // an upper-case style
    CHECK(kept("rute Jakarta-Bandung").empty());  // two places: may break at the hyphen
    CHECK(kept("pasien COVID-19").empty());       // Pango does not break before a digit anyway
    CHECK(kept("anak-anak-an").empty());          // two hyphens: not a reduplication

    // Pango's own rules break after any hyphen: "Jakarta-" / "Bandung" ...
    TextStyle style = headline(48);
    CHECK(lines_of(shaped("Menjelang Jakarta-Bandung", style, width_of("Menjelang Jakarta-", style))) ==
          Strings{"Menjelang Jakarta-", "Bandung"});
    // ... but never inside a reduplication, which moves to the next line whole.
    CHECK(lines_of(shaped("Menjelang detik-detik proklamasi", style, width_of("Menjelang detik-", style))) ==
          Strings{"Menjelang", "detik-detik", "proklamasi"});
    CHECK(lines_of(shaped("Ramai di Alun-alun", style, width_of("Ramai di Alun-", style))) ==
          Strings{"Ramai di", "Alun-alun"});
}

TEST_CASE("an abbreviation never ends a line: it stays with the name or number after it") {
    CHECK(kept("Kantor di Jl. Sudirman") == Strings{"Jl. Sudirman"});
    CHECK(kept("Jl. Ahmad Yani") == Strings{"Jl. Ahmad"});  // the name itself may break
    CHECK(kept("rumah No. 12") == Strings{"No. 12"});
    CHECK(kept("Kec. Sukamakmur, Kab. Bogor") == Strings{"Kec. Sukamakmur,", "Kab. Bogor"});
    CHECK(kept("oleh dr. Siti dan Dr. Budi") == Strings{"dr. Siti", "Dr. Budi"});
    CHECK(kept("Prof. Dr. Ir. H. Ahmad Yani") == Strings{"Prof. Dr. Ir. H. Ahmad"});  // titles in a row
    CHECK(kept("Hj. Aminah, KH. Hasyim, Drs. Ali, Dra. Ani") ==
          Strings{"Hj. Aminah,", "KH. Hasyim,", "Drs. Ali,", "Dra. Ani"});
    CHECK(kept("Gg. Mawar, Ds. Sukamaju, Kel. Tanjung, Jln. Merdeka, St. Petrus") ==
          Strings{"Gg. Mawar,", "Ds. Sukamaju,", "Kel. Tanjung,", "Jln. Merdeka,", "St. Petrus"});
    CHECK(kept("Jl Sudirman No 12") == Strings{"Jl Sudirman", "No 12"});  // written without the stop
    CHECK(kept("KH Ahmad Dahlan") == Strings{"KH Ahmad"});
    CHECK(kept("JL. SUDIRMAN NO. 5") == Strings{"JL. SUDIRMAN", "NO. 5"});  // an upper-case style
    // Bounded: after four titles in a row a line may break.
    CHECK(kept("Prof. Dr. Ir. H. Hj. Aminah") == Strings{"Prof. Dr. Ir. H. Hj."});
    // Not abbreviations of a name or number: a lower-case word after, or another spelling.
    CHECK(kept("masuk Gg. sempit").empty());
    CHECK(kept("No. urut").empty());
    CHECK(kept("jawab no. 5").empty());
    CHECK(kept("Kec.\nSukamakmur").empty());  // a line break written in the text stays

    TextStyle style = headline(48);
    CHECK(lines_of(shaped("Kantor Dinas di Jl. Sudirman", style, width_of("Kantor Dinas di Jl.", style))) ==
          Strings{"Kantor Dinas di", "Jl. Sudirman"});
    CHECK(lines_of(shaped("Dibuka oleh Prof. Dr. Ir. H. Ahmad Yani", style,
                          width_of("Dibuka oleh Prof. Dr. Ir. H.", style))) ==
          Strings{"Dibuka oleh", "Prof. Dr. Ir. H. Ahmad Yani"});
}

TEST_CASE("a house number stays with its street's name, and RT/RW stays whole") {
    CHECK(kept("Jl. Ahmad Yani 12") == Strings{"Jl. Ahmad", "Yani 12"});
    CHECK(kept("Jl. Sudirman 5A, Bintan") == Strings{"Jl. Sudirman 5A,"});
    CHECK(kept("Jalan Diponegoro 12-14") == Strings{"Diponegoro 12-14"});
    CHECK(kept("JALAN DIPONEGORO 7/2") == Strings{"DIPONEGORO 7/2"});
    CHECK(kept("Jl. Raya Bogor Km 30") == Strings{"Jl. Raya", "Km 30"});
    CHECK(kept("Jalan Tol 12 km") == Strings{"12 km"});          // a measure, not a house
    CHECK(kept("Jl. Sudirman, 12 orang") == Strings{"Jl. Sudirman,", "12 orang"});
    CHECK(kept("jalan rusak 12 titik").empty());                 // "jalan" here is no street's name
    CHECK(kept("Jalan Sudirman 2.500").empty());                 // an amount is no house number
    CHECK(kept("RT 03/RW 05") == Strings{"RT 03/RW 05"});
    CHECK(kept("RT 03 RW 05 Kelurahan Tanjung") == Strings{"RT 03 RW 05"});
    CHECK(kept("RT. 003 / RW. 005") == Strings{"RT. 003 / RW. 005"});
    CHECK(kept("warga RT/RW 03/05,") == Strings{"RT/RW 03/05,"});
    CHECK(kept("RT 03, RW 05") == Strings{"RT 03,", "RW 05"});  // a comma parts them
    CHECK(kept("rt 03").empty());

    TextStyle style = headline(48);
    CHECK(lines_of(shaped("Kantor Lurah Jl. Ahmad Yani 12", style, width_of("Kantor Lurah Jl. Ahmad Yani", style))) ==
          Strings{"Kantor Lurah Jl. Ahmad", "Yani 12"});
    CHECK(lines_of(shaped("Posyandu Mawar RT 03/RW 05", style, width_of("Posyandu Mawar RT 03/", style))) ==
          Strings{"Posyandu Mawar", "RT 03/RW 05"});
}

TEST_CASE("a long place at 32 px in 828 px breaks only where Indonesian typesetting allows") {
    const std::string place = "Alun-alun Kecamatan Sukamakmur, Jl. Ahmad Yani No. 12";
    TextStyle style = body(32);
    CHECK(lines_of(shaped(place, style, 828)) == Strings{"Alun-alun Kecamatan Sukamakmur, Jl. Ahmad Yani", "No. 12"});
    // Narrower, down to the widest stretch kept whole ("Sukamakmur,"), every line starts
    // at a word a line may start with: never "alun", "Ahmad" (after "Jl.") or "12".
    const Strings may_start = {"Alun-alun", "Kecamatan", "Sukamakmur,", "Jl.", "Yani", "No."};
    for (double width = width_of("Sukamakmur,", style); width <= 828; width += 5) {
        CAPTURE(width);
        TextBlock b = shaped(place, style, width);
        CHECK_FALSE(b.word_split);
        CHECK(b.text_width <= width);
        for (const std::string& line : lines_of(b)) {
            CAPTURE(line);
            CHECK(std::find(may_start.begin(), may_start.end(), line.substr(0, line.find(' '))) != may_start.end());
        }
    }
}

TEST_CASE("a kept stretch wider than its box makes the text shrink; it never sticks out") {
    // "Prof. Dr. Ir. H. Ahmad" is kept whole; in a 400 px box at 64 px it cannot be.
    TextStyle title = headline(64, 24);
    const std::string name = "Prof. Dr. Ir. H. Ahmad";
    REQUIRE(width_of(name, title) > 400);
    CHECK(shaped(name, title, 400).word_split);
    CHECK(shaped(name, title, 400).too_wide == name);  // what the report quotes
    CHECK(shaped("Sambutan " + name + " di aula", title, 400).too_wide == name);
    std::vector<TextBlock> column{plain_block("title", name, title, 64)};
    CHECK(fit_column(column, 400, 400, brand_in("Inter"), fonts()));
    CHECK(column[0].size < 64);
    CHECK(column[0].text_width <= 400);
    CHECK(lines_of(column[0]).front().starts_with("Prof. Dr. Ir. H. Ahmad"));
    // At its minimum it still does not fit: the column says so (its format is not drawn).
    TextStyle fixed = headline(64, 64);
    std::vector<TextBlock> stuck{plain_block("title", name, fixed, 64)};
    CHECK_FALSE(fit_column(stuck, 400, 400, brand_in("Inter"), fonts()));
}

TEST_CASE("kept-together stretches never break across lines, at any width, and the text is unchanged") {
    const std::string text = "Warga se-Bintan hadir Senin, 8 Juli 2024, pukul 09.30 WIB membawa "
                             "Rp 2,5 juta untuk 1.250 orang selama 3 jam 18 menit pada HUT ke-79, berlaku "
                             "1\u201331 Juli 2024, uji coba 8 \u2013 12 Juli 2024";
    TextStyle style = headline(48);
    // From the width of the longest stretch, "Senin, 8 Juli 2024,", up.
    for (double width = 460; width <= 1000; width += 7) {
        CAPTURE(width);
        TextBlock b = shaped(text, style, width);
        // Nothing inserted but a word joiner after each dash of a kept stretch.
        std::string laid_out = pango_layout_get_text(b.layout.get());
        for (size_t at; (at = laid_out.find("\u2060")) != std::string::npos;) laid_out.erase(at, 3);
        CHECK(laid_out == text);
        CHECK_FALSE(b.word_split);
        std::string t = pango_layout_get_text(b.layout.get());
        for (GSList* l = pango_layout_get_lines_readonly(b.layout.get())->next; l; l = l->next) {
            size_t laid_out_start = size_t(static_cast<PangoLayoutLine*>(l->data)->start_index);
            size_t start = laid_out_start;  // where the line starts in the text as given
            for (size_t at = t.find("\u2060"); at < laid_out_start; at = t.find("\u2060", at + 3)) start -= 3;
            for (const TextSpan& s : unbreakable_spans(text)) {
                CAPTURE(text.substr(s.begin, s.end - s.begin));
                CHECK_FALSE((start > s.begin && start < s.end));
            }
        }
    }
}

TEST_CASE("a word too long for its line makes the text shrink; it is never split or hyphenated") {
    // The hoax template's landscape verdict box: 356 px, 64 px shrinking to 40 px.
    TextStyle verdict = headline(64, 40);
    verdict.letter_spacing = 0.04;
    TextBlock at_full = shaped("[DISINFORMASI]", verdict, 356);
    CHECK(at_full.word_split);  // what used to be drawn "[DISINFO-" / "RMASI]"

    std::vector<TextBlock> column{plain_block("verdict", "[DISINFORMASI]", verdict, 64)};
    CHECK(fit_column(column, 356, 130, brand_in("Inter"), fonts()));
    CHECK(column[0].size < 64);
    CHECK(column[0].lines == 1);
    CHECK_FALSE(column[0].word_split);
}

TEST_CASE("a word that does not fit even at the minimum is never broken: the column does not fit") {
    TextBlock b = shaped("DISINFORMASI", headline(64, 64), 200);
    CHECK(b.word_split);
    CHECK(b.too_wide == "DISINFORMASI");
    // No hyphen glyph is added (Pango 1.50 would add one at a break).
    CHECK(glyph_count(b.layout.get()) == int(std::string("DISINFORMASI").size()));
    std::vector<TextBlock> column{b};
    CHECK_FALSE(fit_column(column, 200, 1000, brand_in("Inter"), fonts()));  // so the format fails
}

TEST_CASE("a balanced headline has no one-word last line and keeps its line count") {
    TextStyle style = headline(80);
    style.balance = true;
    const std::string title = "Kantor pelayanan tutup pada hari libur nasional";
    double width = 0;  // a box width where Pango's greedy lines leave one word on the last
    TextBlock greedy;
    for (double w = 1000; w >= 400 && !width; w -= 4) {
        greedy = shaped(title, headline(80), w);
        if (greedy.lines >= 2 && lines_of(greedy).back().find(' ') == std::string::npos) width = w;
    }
    REQUIRE(width > 0);
    CAPTURE(width);
    std::vector<TextBlock> column{plain_block("title", title, style, 80)};
    REQUIRE(fit_column(column, width, 600, brand_in("Inter"), fonts()));
    TextBlock& b = column[0];
    CHECK(b.lines == greedy.lines);
    CHECK(b.height == doctest::Approx(greedy.height));
    Strings lines = lines_of(b);
    CHECK(std::count(lines.back().begin(), lines.back().end(), ' ') >= 1);  // more than one word
    CHECK(b.narrowed > 0);
    CHECK(b.text_width <= width - b.narrowed + 1);
    CHECK(balanced_offset(b) == 0);  // left-aligned: stays at the left edge
    b.style.align = TextAlign::center;
    CHECK(balanced_offset(b) == doctest::Approx(b.narrowed / 2));
}

TEST_CASE("a style without balance keeps Pango's greedy lines") {
    std::vector<TextBlock> column{plain_block("t", "Kantor pelayanan tutup pada hari libur nasional",
                                              headline(80), 80)};
    fit_column(column, 936, 600, brand_in("Inter"), fonts());
    CHECK(column[0].narrowed == 0);
}

TEST_CASE("an emoji is drawn at the size of its text, on its baseline, inside its line") {
    // 60 px Inter ExtraBold has capitals 44 px tall. The emoji used to be drawn 129 px tall
    // at every size (its bitmap strike, unscaled) and overprinted the line above.
    for (const char* family : {"Inter", "Manrope", "League Spartan"}) {
        CAPTURE(family);
        TextStyle style = headline(60);
        TextBlock plain = shaped("Ayo Hadir", style, 1000, family);
        TextBlock with = shaped("Ayo \xF0\x9F\x8E\x89 Hadir", style, 1000, family);
        CHECK(pango_layout_get_unknown_glyphs_count(with.layout.get()) == 0);
        CHECK(with.height == doctest::Approx(plain.height));  // the line is no taller

        // Black words on a transparent canvas: the emoji's pixels are the coloured ones.
        CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1000, 200));
        CairoPtr cr(cairo_create(surface.get()));
        cairo_set_source_rgb(cr.get(), 0, 0, 0);
        cairo_move_to(cr.get(), 0, 50);
        pango_cairo_show_layout(cr.get(), with.layout.get());
        cairo_surface_flush(surface.get());
        const uint8_t* data = cairo_image_surface_get_data(surface.get());
        int stride = cairo_image_surface_get_stride(surface.get());
        int top = 200, bottom = -1;
        for (int y = 0; y < 200; ++y)
            for (int x = 0; x < 1000; ++x) {
                const uint8_t* p = data + y * stride + x * 4;
                if (std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 40)
                    top = std::min(top, y), bottom = std::max(bottom, y);
            }
        REQUIRE(bottom >= top);
        double ink = bottom - top + 1;
        double baseline = 50 + pango_layout_get_baseline(with.layout.get()) / double(PANGO_SCALE);
        CAPTURE(top);
        CAPTURE(bottom);
        CAPTURE(baseline);
        CAPTURE(with.height);
        CHECK(ink >= 0.8 * 60);   // as big as the words ...
        CHECK(ink <= 1.05 * 60);  // ... and no bigger
        CHECK(top >= 50);                 // inside the line's box: not over the line above
        CHECK(bottom <= 50 + with.height);
        CHECK(bottom >= baseline);        // sitting on the baseline, reaching below it a little
        CHECK(bottom <= baseline + 0.25 * 60);
    }
}
