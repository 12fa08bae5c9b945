// The key tables of templates and brand kits. Ranges of motion cite DESIGN.md's "Motion";
// number ranges of layout are explained in template_keys.hpp.
#include "template/template_keys.hpp"

#include <map>

namespace rupa {

namespace {

KeyTable joined(KeyTable first, const KeyTable& then) {
    first.insert(first.end(), then.begin(), then.end());
    return first;
}

KeyDoc part(const std::string& name, const std::string& id, const std::string& en) {
    return {name, "part", id + " Gaya: {style, size, color, ...}.", en + " Style: {style, size, color, ...}."};
}

}  // namespace

const KeyTable& template_keys() {
    static const KeyTable keys = {
        {"id", "text", "Id template; bawaan: nama foldernya.", "The template's id; default: its folder's name."},
        {"name", "text", "Nama template dalam bahasa Indonesia.", "The template's name in Indonesian."},
        {"name_en", "text", "Nama template dalam bahasa Inggris (untuk teks alt berbahasa Inggris).",
         "The template's name in English (for English alt text)."},
        {"description", "text", "Kegunaan template, dalam bahasa Indonesia.", "What the template is for, in Indonesian."},
        {"description_en", "text", "Kegunaan template, dalam bahasa Inggris.", "What the template is for, in English."},
        {"brand", "text", "Brand kit bawaan bila spec tidak menyebut 'brand'.", "The brand kit used when a spec names none."},
        {"formats", "template-formats", "Format bawaan; bawaan: setiap format gambar yang punya layout.",
         "The default formats; default: every still format with a layout."},
        {"fields", "fields", "Field isi yang dipakai template: wajib atau tidak, batas, contoh isi.",
         "The content fields the template uses: required or not, limits, sample values."},
        {"styles", "styles", "Gaya teks bernama, dipakai elemen dengan 'style: NAMA'.",
         "Named text styles, used by elements with 'style: NAME'."},
        {"layouts", "layouts", "Satu layout per format: daftar elemen dengan kotaknya.",
         "One layout per format: a list of elements with their boxes."},
        {"video", "motion", "Cara template bergerak di format video: animasi masuk/keluar, Ken Burns, hitung naik.",
         "How the template moves in video formats: enter/exit animations, Ken Burns, count-up."},
    };
    return keys;
}

const KeyTable& field_rule_keys() {
    static const KeyTable keys = {
        {"required", "boolean", "Spec wajib mengisi field ini.", "A spec must give this field."},
        {"max", "field-max", "Batas karakter yang muat di setiap format; untuk quote, stats, items: per bagian, mis. {title: 60}.",
         "How many characters fit in every format; for quote, stats, items: per part, e.g. {title: 60}."},
        {"entries", "ranged", "Jumlah entri terbanyak sebuah daftar (points, stats, items, photos).",
         "The most entries of a list (points, stats, items, photos)."},
        {"sample", "any", "Contoh isi untuk `rupa preview`.", "Sample content for `rupa preview`."},
        {"shown_in", "shown-in", "Format yang menampilkan field ini; bawaan: semua.", "The formats that show this field; default: all."},
    };
    return keys;
}

const KeyTable& style_keys() {
    static const KeyTable keys = {
        {"font", "font-token", "Huruf dari brand: heading atau body.", "The brand's typeface: heading or body."},
        {"size", "ranged", "Ukuran huruf dalam piksel.", "Type size in pixels."},
        {"role", "role", "Peran teks: headline (paling kecil 72 px), body (44 px) atau small (32 px, bawaan); "
                         "batas ini diskalakan dengan sisi pendek kanvas / 1080.",
         "The text's role: headline (at least 72 px), body (44 px) or small (32 px, the default); "
         "the floors scale with the canvas' short side / 1080."},
        {"min_size", "ranged", "Ukuran terkecil saat teks dikecilkan agar muat.", "The smallest size text shrinks to, to fit."},
        {"weight", "ranged", "Ketebalan huruf, 100 sampai 1000 (400 biasa, 700 tebal).", "Font weight, 100 to 1000 (400 regular, 700 bold)."},
        {"italic", "boolean", "Huruf miring.", "Italic type."},
        {"color", "colour", "Warna teks: token brand, boleh dengan keburaman, mis. ink/0.6.",
         "Text colour: a brand token, optionally with opacity, e.g. ink/0.6."},
        {"line_height", "ranged", "Jarak baris, kelipatan ukuran huruf.", "Line height, a multiple of the type size."},
        {"align", "align", "Perataan: left, center atau right.", "Alignment: left, center or right."},
        {"uppercase", "boolean", "Tulis dengan huruf kapital.", "Set in capitals."},
        {"letter_spacing", "ranged", "Jarak antarhuruf dalam em.", "Letter spacing in em."},
        {"max_lines", "ranged", "Jumlah baris terbanyak.", "The most lines."},
        {"strike", "strike", "Coret teks: true, false, atau refuted (hanya bila verdiknya bukan fakta).",
         "Strike the text through: true, false, or refuted (only when the verdict is not fakta)."},
        {"balance", "boolean", "Seimbangkan baris judul (tanpa baris akhir satu kata).",
         "Balance a headline's lines (no last line of one word)."},
        {"trim_below", "boolean", "Blok berakhir di bawah tinta hurufnya (tanda kutip besar yang menempel pada kutipan).",
         "The block ends where its ink ends (a large quote mark that sits on the quote)."},
        {"background", "colour", "Warna kotak di belakang teks.", "The colour of a box behind the text."},
        {"padding", "padding", "Jarak dalam kotak: angka, atau [horizontal, vertikal].",
         "Padding of the box: a number, or [horizontal, vertical]."},
        {"radius", "ranged", "Jari-jari sudut kotak.", "Corner radius of the box."},
    };
    return keys;
}

const KeyTable& flow_keys() {
    static const KeyTable keys = {
        {"edge", "edge", "Sisi kotak yang bergeser bila teks butuh ruang: top, bottom, left atau right.",
         "The edge of the box that moves when the text needs room: top, bottom, left or right."},
        {"grow", "ranged", "Berapa piksel kotak boleh membesar.", "How many pixels the box may grow."},
        {"shrink", "ranged", "Berapa piksel kotak boleh mengecil (sisi atas atau bawah saja).",
         "How many pixels the box may shrink (top or bottom edge only)."},
        {"pull", "pull", "Elemen lain yang ikut: {nama: top|bottom|left|right|move}.",
         "Other elements that follow: {name: top|bottom|left|right|move}."},
    };
    return keys;
}

namespace {

const KeyDoc kValue{"value", "pattern", "Teks yang ditulis, dengan {placeholder} field isi, mis. \"{title}\".",
                    "The text written, with {placeholders} of content fields, e.g. \"{title}\"."};
const KeyDoc kStyle{"style", "style-name", "Nama gaya dari 'styles:'; kunci gaya di sini memperhalusnya.",
                    "A style name from 'styles:'; style keys here refine it."};
const KeyDoc kGapBefore{"gap_before", "ranged", "Jarak di atas butir ini, piksel.", "Space above this item, in pixels."};
const KeyDoc kAnchor{"anchor", "anchor", "Posisi isi di dalam kotak: top, center atau bottom.",
                     "Where the content sits in its box: top, center or bottom."};
const KeyDoc kGap{"gap", "ranged", "Jarak antarbutir, piksel.", "Space between entries, in pixels."};
const KeyDoc kFlow{"flow", "flow", "Cara kotak memberi ruang bagi teks panjang: {edge, grow, shrink, pull}.",
                   "How the box makes room for long text: {edge, grow, shrink, pull}."};

KeyTable element_head(const std::string& kind, const std::string& id, const std::string& en) {
    return {{kind, "text", id + " Nilainya nama elemen (dipakai oleh gerak video dan 'pull').",
             en + " Its value names the element (for video motion and 'pull')."},
            {"box", "box", "Kotak [x, y, lebar, tinggi] dalam piksel format ini.",
             "The box [x, y, width, height] in this format's pixels."},
            {"if", "if-field", "Gambar elemen hanya bila spec mengisi field isi ini.",
             "Draw the element only when the spec gives this content field."}};
}

}  // namespace

const KeyTable& stack_item_keys() {
    static const KeyTable keys = joined(
        {{"text", "text", "Nama butir teks.", "The text item's name."}, kValue, kStyle, kGapBefore}, style_keys());
    return keys;
}

const KeyTable& list_item_keys() {
    static const KeyTable keys = joined(
        {{"list", "list-name", "Daftar field isi yang ditulis: points.", "The content list written: points."},
         kStyle, kGapBefore, kGap,
         {"marker", "marker", "Penanda butir: dot atau number.", "The bullet: dot or number."},
         {"marker_color", "colour", "Warna penanda.", "The bullet's colour."}},
        style_keys());
    return keys;
}

const KeyTable& part_keys() {
    static const KeyTable keys = joined({kStyle}, style_keys());
    return keys;
}

const std::vector<std::string>& element_kinds() {
    static const std::vector<std::string> kinds = {"rect", "gradient", "photo", "logo", "text",
                                                   "stack", "stats", "bars", "agenda"};
    return kinds;
}

const KeyTable& element_keys(const std::string& kind) {
    static const std::map<std::string, KeyTable> tables = {
        {"rect", joined(element_head("rect", "Bidang warna.", "A filled rectangle."),
                        {{"fill", "colour", "Warna isi; bawaan: background.", "Fill colour; default: background."},
                         {"radius", "ranged", "Jari-jari sudut.", "Corner radius."}})},
        {"gradient", joined(element_head("gradient", "Gradasi (scrim) di atas foto.", "A gradient (scrim) over a photo."),
                            {{"from", "colour", "Warna awal; bawaan: ink/0.", "Start colour; default: ink/0."},
                             {"to", "colour", "Warna akhir; bawaan: ink/0.7.", "End colour; default: ink/0.7."},
                             {"direction", "direction", "Arah: down atau right.", "Direction: down or right."}})},
        {"photo", joined(element_head("photo", "Foto dari spec, dipotong ke kotak.", "The spec's photo, cropped to the box."),
                         {{"field", "photo-field", "Field isi: photo, atau photos untuk kolase.",
                           "The content field: photo, or photos for a collage."},
                          {"gap", "ranged", "Jarak antarfoto kolase.", "Space between the photos of a collage."}})},
        {"logo", joined(element_head("logo", "Logo brand.", "The brand's logo."),
                        {{"align", "align", "Perataan logo di kotaknya.", "The logo's alignment in its box."},
                         {"opacity", "ranged",
                          "Di bawah 1: logo samar sebagai hiasan (boleh di luar zona aman, seperti foto).",
                          "Under 1: a faint logo as decoration (it may leave the safe zone, like a photo)."}})},
        {"text", joined(joined(element_head("text", "Blok teks.", "A block of text."), {kValue, kStyle, kAnchor, kFlow}),
                        style_keys())},
        {"stack", joined(element_head("stack", "Tumpukan butir teks yang mengalir berurutan.",
                                      "A stack of text items flowing one after another."),
                         {kAnchor, kGap,
                          {"items", "stack-items", "Butir: {text: NAMA, value, style} atau {list: points}.",
                           "Items: {text: NAME, value, style} or {list: points}."},
                          kFlow})},
        {"stats", joined(element_head("stats", "Angka besar dari 'stats'.", "The big numbers of 'stats'."),
                         {kAnchor, kGap,
                          {"columns", "columns", "Jumlah kolom: 1, 2 atau 3.", "Number of columns: 1, 2 or 3."},
                          part("figure", "Angka.", "The figure."), part("unit", "Satuan.", "The unit."),
                          part("label", "Keterangan.", "The label."),
                          part("hero", "Angka pertama sebagai angka utama, besar, selebar kotak; sisanya di bawahnya.",
                               "The first stat as the hero figure, large, across the box; the rest below it."),
                          part("hero_label", "Keterangan angka utama; bawaan: gaya 'label'.",
                               "The hero's label; default: the 'label' style."),
                          {"hero_up_to", "ranged", "Angka utama hanya bila jumlah angka paling banyak sekian; bawaan: selalu.",
                           "The hero only when there are at most this many stats; default: always."}})},
        {"bars", joined(element_head("bars", "Diagram batang dari 'stats'.", "A bar chart of 'stats'."),
                        {kAnchor, kGap,
                         {"bar", "ranged", "Tebal batang, piksel.", "Bar thickness, in pixels."},
                         {"fill", "colour", "Warna batang; bawaan: accent.", "Bar colour; default: accent."},
                         {"track", "colour", "Warna jalur di belakang batang.", "The colour of the track behind a bar."},
                         part("label", "Keterangan.", "The label."), part("value", "Angka.", "The value.")})},
        {"agenda", joined(element_head("agenda", "Daftar agenda dari 'items'.", "The agenda entries of 'items'."),
                          {kAnchor, kGap,
                           {"block", "colour", "Warna blok tanggal; bawaan: accent.", "The date block's colour; default: accent."},
                           part("day", "Angka hari.", "The day number."), part("month", "Bulan dan hari.", "Month and weekday."),
                           part("title", "Nama kegiatan.", "The entry's title."),
                           part("meta", "Jam dan tempat.", "Time and place.")})},
    };
    return tables.at(kind);
}

// A template's video plays 3 s at least (Reels, Shorts and TikTok want 3 s: PRODUCT.md,
// "Formats") and 60 s at most by default.
const KeyTable& motion_keys() {
    static const KeyTable keys = {
        {"duration", "seconds", "Lama video bawaan, 3 sampai 60 detik (wajib).", "The default video length, 3 to 60 seconds (required).",
         {3, 60}},
        {"enter", "movement", "Animasi masuk bawaan setiap elemen.", "Every element's default enter animation."},
        {"elements", "element-motions", "Gerak per elemen, menurut nama elemen.", "Motion per element, by element name."},
        {"outro", "outro", "Penutup brand: {template, duration, transition}.", "The brand outro: {template, duration, transition}."},
        {"transition", "motion-transition", "Cara adegan ini masuk dalam urutan adegan.", "How this scene enters in a sequence of scenes."},
        {"slides", "slides", "Setelah desain, setiap foto layar penuh selama 'each' detik.",
         "After the design, each photo full-frame for 'each' seconds."},
    };
    return keys;
}

const KeyTable& element_motion_keys() {
    static const KeyTable keys = {
        {"enter", "movement", "Animasi masuk elemen.", "The element's enter animation."},
        {"exit", "movement", "Animasi keluar elemen.", "The element's exit animation."},
        {"count_up", "seconds", "Angka menghitung naik selama sekian detik (0,3 sampai 5).",
         "Numbers count up over this many seconds (0.3 to 5).", {0.3, 5}},
        {"grow", "seconds", "Batang tumbuh selama sekian detik (0,3 sampai 5).", "Bars grow over this many seconds (0.3 to 5).",
         {0.3, 5}},
        {"ken_burns", "number", "Perbesaran foto di akhir adegan, 1,01 sampai 1,2.", "The photo's zoom at the scene's end, 1.01 to 1.2.",
         {1.01, 1.2}},
    };
    return keys;
}

const KeyTable& movement_keys() {
    static const KeyTable keys = {
        {"animation", "enter-kind", "Jenis animasi: none, fade, rise, drop, slide-left, slide-right, zoom, wipe.",
         "The animation: none, fade, rise, drop, slide-left, slide-right, zoom, wipe."},
        {"at", "seconds", "Mulai pada detik ke- (0 sampai 10).", "Starts at this second (0 to 10).", {0, 10}},
        {"duration", "seconds", "Lama animasi, 0,1 sampai 2 detik.", "The animation's length, 0.1 to 2 seconds.", {0.1, 2}},
        {"stagger", "seconds", "Jeda antarbutir, 0 sampai 1 detik.", "Delay between items, 0 to 1 second.", {0, 1}},
        {"easing", "easing", "Percepatan: linear, ease, ease-in, ease-out, ease-in-out, atau [x1, y1, x2, y2].",
         "Easing: linear, ease, ease-in, ease-out, ease-in-out, or [x1, y1, x2, y2]."},
        {"distance", "number", "Jarak gerak, piksel (0 sampai 400).", "How far it moves, in pixels (0 to 400).", {0, 400}},
    };
    return keys;
}

const KeyTable& outro_keys() {
    static const KeyTable keys = {
        {"template", "text", "Template penutup (wajib), mis. outro.", "The outro's template (required), e.g. outro."},
        {"duration", "seconds", "Lama penutup, 1 sampai 4 detik.", "The outro's length, 1 to 4 seconds.", {1, 4}},
        {"transition", "seconds", "Lama peralihan ke penutup, 0 sampai 1 detik.", "The crossfade into the outro, 0 to 1 second.",
         {0, 1}},
    };
    return keys;
}

const KeyTable& motion_transition_keys() {
    static const KeyTable keys = {
        {"animation", "motion-transition-kind", "Jenis peralihan: crossfade, wipe atau slide.",
         "The kind of transition: crossfade, wipe or slide."},
        {"duration", "seconds", "Lama peralihan, 0,3 sampai 0,5 detik.", "The transition's length, 0.3 to 0.5 seconds.", {0.3, 0.5}},
    };
    return keys;
}

const KeyTable& slides_keys() {
    static const KeyTable keys = {
        {"each", "seconds", "Detik setiap foto, 2 sampai 8.", "Seconds each photo plays, 2 to 8.", {2, 8}},
    };
    return keys;
}

const KeyTable& brand_keys() {
    static const KeyTable keys = {
        {"id", "text", "Id brand kit; bawaan: nama foldernya.", "The brand kit's id; default: its folder's name."},
        {"office", "text", "Nama kantor (wajib), mis. Pemerintah Kabupaten Blitar.", "The office's name (required)."},
        {"unit", "text", "Nama unit, mis. Dinas Kominfo.", "The unit's name, e.g. Dinas Kominfo."},
        {"logo", "path", "Logo (SVG atau PNG), relatif ke folder brand kit (wajib).",
         "The logo (SVG or PNG), relative to the brand kit's folder (required)."},
        {"colors", "colors", "Warna brand, #RRGGBB, per token (wajib).", "The brand's colours, #RRGGBB, by token (required)."},
        {"fonts", "fonts", "Keluarga huruf dari fonts/: heading dan body (wajib).",
         "Type families from fonts/: heading and body (required)."},
        {"timezone", "timezone", "Zona waktu: WIB, WITA atau WIT.", "Time zone: WIB, WITA or WIT."},
        {"website", "text", "Situs web kantor.", "The office's website."},
        {"handles", "handles", "Akun media sosial, mis. {instagram: \"@kominfo\"}.", "Social media handles, e.g. {instagram: \"@kominfo\"}."},
        {"hashtags", "text-list", "Tagar bawaan.", "Default hashtags."},
        {"credit", "text", "Baris kredit, mis. Diskominfo Kabupaten Blitar.", "The credit line, e.g. Diskominfo Kabupaten Blitar."},
        {"captions", "brand-captions", "Gaya takarir video: {font, size, weight, color, box}.",
         "The style of video captions: {font, size, weight, color, box}."},
    };
    return keys;
}

// Caption size: body text on a video's 1080 px side, from the legibility floor (PRODUCT.md:
// body text 44 px or more) to where two lines would fill the lower half of a reel's safe zone.
const KeyTable& brand_caption_keys() {
    static const KeyTable keys = {
        {"font", "font-token", "Huruf: heading atau body.", "Typeface: heading or body."},
        {"size", "number", "Ukuran huruf, 44 sampai 96 piksel.", "Type size, 44 to 96 pixels.", {44, 96}},
        {"weight", "ranged", "Ketebalan huruf, 100 sampai 1000.", "Font weight, 100 to 1000."},
        {"color", "brand-colour", "Warna teks takarir.", "The captions' text colour."},
        {"box", "brand-colour", "Warna kotak di belakang takarir; keburaman 0,5 atau lebih, mis. ink/0.75.",
         "The box behind captions; opacity 0.5 or more, e.g. ink/0.75."},
    };
    return keys;
}

// The colour tokens every brand defines and every template may use, then the optional ones a
// brand may set (template_reader.cpp holds the verdicts' defaults, brand_palette.cpp derives
// the strong accent), in the order error messages list them.
const KeyTable& brand_colour_keys() {
    static const KeyTable keys = {
        {"primary", "hex-colour", "Warna utama brand (30 % desain).", "The brand's primary colour (30 % of a design)."},
        {"on-primary", "hex-colour", "Warna teks di atas primary.", "Text colour on primary."},
        {"accent", "hex-colour", "Warna aksen (10 % desain): angka besar, penanda.", "The accent colour (10 %): big numbers, markers."},
        {"on-accent", "hex-colour", "Warna teks di atas accent.", "Text colour on accent."},
        {"background", "hex-colour", "Warna latar (60 % desain).", "The background colour (60 % of a design)."},
        {"text", "hex-colour", "Warna teks di atas background.", "Text colour on background."},
        {"muted", "hex-colour", "Warna teks kecil (kredit, sumber).", "Colour of small print (credit, source)."},
        {"ink", "hex-colour", "Warna gelap untuk scrim dan teks di atas foto.", "A dark colour for scrims and text over photos."},
        {"paper", "hex-colour", "Warna terang untuk teks di atas ink.", "A light colour for text on ink."},
        {"accent-strong", "hex-colour", "Aksen di atas latar terang (blok tanggal, nomor, pil kicker); bawaan: accent yang digelapkan sampai kontras 3:1.",
         "The accent on the light grounds (date blocks, numbered discs, kicker pills); default: the accent, darkened until it stands out 3:1."},
        {"on-accent-strong", "hex-colour", "Warna teks di atas accent-strong; bawaan: on-accent atau paper.",
         "Text colour on accent-strong; default: on-accent or paper."},
        {"verdict-disinformasi", "hex-colour", "Warna label DISINFORMASI; bawaan oranye.", "The DISINFORMASI label's colour; default orange."},
        {"verdict-fakta", "hex-colour", "Warna label FAKTA; bawaan hijau.", "The FAKTA label's colour; default green."},
        {"verdict-hoaks", "hex-colour", "Warna label HOAKS; bawaan merah.", "The HOAKS label's colour; default red."},
        {"verdict-misinformasi", "hex-colour", "Warna label MISINFORMASI; bawaan cokelat jingga.",
         "The MISINFORMASI label's colour; default amber."},
    };
    return keys;
}

const KeyTable& brand_font_keys() {
    static const KeyTable keys = {
        {"heading", "font-family", "Keluarga huruf judul, dari fonts/.", "The headline type family, from fonts/."},
        {"body", "font-family", "Keluarga huruf teks isi, dari fonts/.", "The body type family, from fonts/."},
    };
    return keys;
}

const std::vector<NumberRange>& number_ranges() {
    static const std::vector<NumberRange> ranges = {
        {"size", 8, 1000},           {"min_size", 8, 1000}, {"weight", 100, 1000}, {"line_height", 0.5, 4},
        {"letter_spacing", -0.5, 2}, {"max_lines", 1, 50},  {"padding", 0, 500},   {"radius", 0, 1000},
        {"gap", 0, 2000},            {"gap_before", 0, 2000}, {"bar", 1, 2000},    {"max", 1, 10000},
        {"grow", 0, 2000},           {"shrink", 0, 2000},   {"entries", 1, 100}, {"hero_up_to", 1, 100}, {"opacity", 0.05, 1},
    };
    return ranges;
}

const NumberRange* number_range(std::string_view field) {
    for (const NumberRange& range : number_ranges())
        if (range.field == field) return &range;
    return nullptr;
}

#define RUPA_WORDS(function, ...)                                      \
    const std::vector<std::string>& function() {                       \
        static const std::vector<std::string> words = {__VA_ARGS__};   \
        return words;                                                  \
    }
RUPA_WORDS(anchor_names, "top", "center", "bottom")
RUPA_WORDS(align_names, "left", "center", "right")
RUPA_WORDS(text_role_names, "headline", "body", "small")
RUPA_WORDS(gradient_directions, "down", "right")
RUPA_WORDS(photo_field_names, "photo", "photos")
RUPA_WORDS(marker_names, "dot", "number")
RUPA_WORDS(column_counts, "1", "2", "3")
RUPA_WORDS(edge_names, "top", "bottom", "left", "right")
RUPA_WORDS(list_field_names, "points")
RUPA_WORDS(enter_kinds, "none", "fade", "rise", "drop", "slide-left", "slide-right", "zoom", "wipe")
RUPA_WORDS(easing_names, "linear", "ease", "ease-in", "ease-out", "ease-in-out")
RUPA_WORDS(motion_transition_names, "crossfade", "wipe", "slide")
RUPA_WORDS(timezone_names, "WIB", "WITA", "WIT")
#undef RUPA_WORDS

}  // namespace rupa
