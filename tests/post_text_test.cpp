// caption.txt and alt.txt, word for word: every template's content in both locales.
#include "layout/text_fields.hpp"
#include "locale/locale_text.hpp"
#include "output/post_text.hpp"
#include "spec/control_characters.hpp"
#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"
#include "template/catalog.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

struct PostText {
    std::string caption;
    std::string alt;
};

// A spec with its template and brand, as render reads them.
struct Post {
    Spec spec;
    Template tmpl;
    Brand brand;
};

Post post_of(const fs::path& spec_file) {
    Spec spec = read_spec(spec_file);
    Template tmpl = load_template(spec.template_name.value, spec.template_name.where);
    Brand brand = spec.brand_name ? load_brand(spec.brand_name->value, spec.brand_name->where)
                                  : load_brand(tmpl.default_brand, SourceMark{tmpl.id, 0, 0});
    return {std::move(spec), std::move(tmpl), std::move(brand)};
}

PostText post_text_of(const Post& post) {
    return {caption_text(post.spec, post.tmpl, post.brand), alt_text(post.spec, post.tmpl, post.brand)};
}

PostText post_text_of(const fs::path& spec_file) { return post_text_of(post_of(spec_file)); }

// A sample read as if it said `locale: en`.
PostText sample_in_english(const std::string& name) {
    Post post = post_of(source_dir() / "samples" / (name + ".yaml"));
    post.spec.locale.value = Locale::en;
    return post_text_of(post);
}

PostText sample(const std::string& name) { return post_text_of(source_dir() / "samples" / (name + ".yaml")); }

// A spec written beside a copy of the sample photo.
PostText written(const std::string& yaml) {
    ScratchDir dir;
    fs::create_directories(dir.path() / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/sawah.jpg");
    write_file(dir.path() / "post.yaml", yaml);
    return post_text_of(dir.path() / "post.yaml");
}

}  // namespace

// --- Every built-in template, in Indonesian (the samples) -------------------------------

// The announcement sample's own words, which caption.txt keeps as typed in either locale.
const std::string kAnnouncementText =
    "Pelayanan KTP-el Keliling di Kecamatan\n\n"
    "Perekaman KTP-el setiap Sabtu selama bulan Juli.\n\n"
    "1. Daftar lewat Sidukcapil\n"
    "2. Bawa Kartu Keluarga asli\n"
    "3. Layanan gratis, tanpa pungutan\n\n";

TEST_CASE("an event's caption is title, body, when and where, credit and hashtags; its alt text reads the graphic") {
    PostText t = sample("event");
    CHECK(t.caption ==
          "Bupati Buka Gerakan Tanam Padi Serentak di Desa Sumberagung\n\n"
          "Bupati membuka Gerakan Tanam Padi Serentak bersama 120 petani dan penyuluh pertanian.\n\n"
          "🗓️ Kamis, 4 Juli 2024, pukul 08.00 WIB\n"
          "📍 Persawahan Desa Sumberagung, Kecamatan Gandusari\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#TanamPadi #KetahananPangan #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Laporan kegiatan dari Pemerintah Kabupaten Sukamakmur, dengan foto. Ketahanan Pangan: Bupati Buka "
          "Gerakan Tanam Padi Serentak di Desa Sumberagung. Kamis, 4 Juli 2024, pukul 08.00 WIB. Tempat: "
          "Persawahan Desa Sumberagung, Kecamatan Gandusari.\n");
}

TEST_CASE("a statistics post gives every number with its label, formatted the Indonesian way, and the source") {
    PostText t = sample("stats");
    CHECK(t.caption ==
          "Warganet Indonesia Makin Banyak\n\n"
          "• 212,9 juta pengguna internet di Indonesia\n"
          "• 167 juta pengguna media sosial\n"
          "• 78% warganet aktif di media sosial\n\n"
          "Sumber: Laporan Digital Indonesia 2023\n"
          "🗓️ Rabu, 10 Juli 2024\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#DataDigital #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Infografis angka dari Pemerintah Kabupaten Sukamakmur. Data Digital: Warganet Indonesia Makin Banyak. "
          "212,9 juta pengguna internet di Indonesia. 167 juta pengguna media sosial. 78% warganet "
          "aktif di media sosial. Sumber: Laporan Digital Indonesia 2023.\n");
}

TEST_CASE("a profile gives the name, the role and every fact; a quoted year stays a year") {
    PostText t = sample("profile");
    CHECK(t.caption ==
          "Dinas Lingkungan Hidup\n\n"
          "Menjaga hutan, sungai dan udara bersih Kabupaten Sukamakmur\n\n"
          "Dinas Lingkungan Hidup merawat 36 hektare hutan kota dan menerima pengaduan pencemaran setiap hari kerja.\n\n"
          "• 2008 tahun berdiri\n"
          "• 214 pegawai\n"
          "• 36 ha hutan kota dirawat\n\n"
          "🗓️ Jumat, 12 Juli 2024\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#LingkunganHidup #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Profil dari Pemerintah Kabupaten Sukamakmur, dengan foto. Kenali Perangkat Daerah: Dinas Lingkungan "
          "Hidup. Menjaga hutan, sungai dan udara bersih Kabupaten Sukamakmur. 2008 tahun berdiri. 214 pegawai. "
          "36 ha hutan kota dirawat.\n");
    // The same year unquoted is a number, written the Indonesian way.
    PostText plain = written("template: profile\n"
                             "content:\n"
                             "  title: Dinas Lingkungan Hidup\n"
                             "  subtitle: Menjaga hutan\n"
                             "  stats: [{value: 2008, label: pohon ditanam}]\n"
                             "  photo: photos/sawah.jpg\n");
    CHECK(plain.alt.find(" 2.008 pohon ditanam.") != std::string::npos);
}

TEST_CASE("a quote post opens with the words in quotation marks, then who said them and their role") {
    PostText t = sample("quote");
    CHECK(t.caption ==
          "“Jangan lelah memberikan pelayanan terbaik. Setiap warga yang datang adalah alasan kita bekerja.”\n"
          "— Hj. Ratna Dewi Kusuma, Bupati Sukamakmur\n\n"
          "🗓️ Jumat, 5 Juli 2024\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#PelayananPublik #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Kutipan dari Pemerintah Kabupaten Sukamakmur. “Jangan lelah memberikan pelayanan terbaik. Setiap "
          "warga yang datang adalah alasan kita bekerja.” — Hj. Ratna Dewi Kusuma, Bupati Sukamakmur.\n");
}

TEST_CASE("an announcement numbers its points as the graphic does, with when, where and the call to action") {
    PostText t = sample("announcement");
    CHECK(t.caption ==
          kAnnouncementText +
          "Sumber: Disdukcapil Kabupaten Sukamakmur\n"
          "🗓️ Sabtu, 6 Juli 2024, pukul 08.00 WIB\n"
          "📍 Balai desa di setiap kecamatan\n\n"
          "Info: sukamakmurkab.go.id/ktp\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#KTPel #Dukcapil #SukamakmurMaju\n");
    // The graphic draws when, where and the source: the alt text says them too.
    CHECK(t.alt ==
          "Pengumuman dari Pemerintah Kabupaten Sukamakmur. Pengumuman: Pelayanan KTP-el Keliling di Kecamatan. "
          "Perekaman KTP-el setiap Sabtu selama bulan Juli. 1. Daftar lewat Sidukcapil. "
          "2. Bawa Kartu Keluarga asli. 3. Layanan gratis, tanpa pungutan. Sumber: Disdukcapil Kabupaten "
          "Sukamakmur. Sabtu, 6 Juli 2024, pukul 08.00 WIB. Tempat: Balai desa di setiap kecamatan. "
          "Info: sukamakmurkab.go.id/ktp.\n");
}

TEST_CASE("an agenda lists every entry with its title, date, time and place") {
    PostText t = sample("agenda");
    CHECK(t.caption ==
          "Agenda Pimpinan Daerah\n\n"
          "📌 Upacara Hari Bhayangkara\n🗓️ Senin, 1 Juli 2024, pukul 08.00 WIB\n📍 Alun-alun Sukamakmur\n\n"
          "📌 Rapat Koordinasi Humas OPD\n🗓️ Rabu, 3 Juli 2024, pukul 13.30 WIB\n📍 Ruang Rapat Candi\n\n"
          "📌 Gerakan Tanam Padi Serentak\n🗓️ Kamis, 4 Juli 2024, pukul 08.00 WIB\n📍 Desa Sumberagung\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#AgendaPimpinan #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Agenda kegiatan dari Pemerintah Kabupaten Sukamakmur. Agenda Pekan Ini: Agenda Pimpinan Daerah. "
          "Senin, 1 Juli 2024, pukul 08.00 WIB: Upacara Hari Bhayangkara, Alun-alun Sukamakmur. "
          "Rabu, 3 Juli 2024, pukul 13.30 WIB: Rapat Koordinasi Humas OPD, Ruang Rapat Candi. "
          "Kamis, 4 Juli 2024, pukul 08.00 WIB: Gerakan Tanam Padi Serentak, Desa Sumberagung.\n");
}

TEST_CASE("a hoax clarification gives the verdict and the claim, then the facts, the source and the date") {
    PostText t = sample("hoax");
    CHECK(t.caption ==
          "[HOAKS] Beredar pesan berantai bahwa pendaftaran CPNS Kabupaten Sukamakmur dipungut biaya Rp2.500.000 "
          "per orang.\n\n"
          "FAKTA: Pendaftaran CPNS tidak dipungut biaya apa pun dan hanya melalui sscasn.bkn.go.id. Abaikan pesan "
          "yang meminta transfer uang.\n\n"
          "Sumber: BKPSDM Kabupaten Sukamakmur\n"
          "🗓️ Senin, 8 Juli 2024\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#LawanHoaks #CekFakta #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Klarifikasi hoaks dari Pemerintah Kabupaten Sukamakmur. Kategori: Hoaks. Klaim: “Beredar pesan berantai "
          "bahwa pendaftaran CPNS Kabupaten Sukamakmur dipungut biaya Rp2.500.000 per orang.” Fakta: Pendaftaran "
          "CPNS tidak dipungut biaya apa pun dan hanya melalui sscasn.bkn.go.id. Abaikan pesan yang meminta "
          "transfer uang. Sumber: BKPSDM Kabupaten Sukamakmur. Senin, 8 Juli 2024.\n");
}

// --- In English --------------------------------------------------------------------------

TEST_CASE("an English quote typed with its own quotation marks and an emoji gets one pair of marks") {
    PostText t = written("template: quote\nlocale: en\nbrand: demo-kota\ncontent:\n"
                         "  quote:\n    text: \"“We build this city together 🤝”\"\n"
                         "    by: Rini Syarifah\n    role: Mayor of Tirtamulya\n"
                         "  photo: photos/sawah.jpg\n  date: 2024-07-05\n"
                         "  hashtags: [\"#TirtamulyaBerkah\", Gotong Royong]\n");
    CHECK(t.caption ==
          "“We build this city together 🤝”\n"
          "— Rini Syarifah, Mayor of Tirtamulya\n\n"
          "🗓️ Friday, 5 July 2024\n\n"
          "Diskominfo Kota Tirtamulya · tirtamulyakota.go.id\n\n"
          "#TirtamulyaBerkah #GotongRoyong\n");
    CHECK(t.alt ==
          "Quote from Pemerintah Kota Tirtamulya, with a photo. “We build this city together 🤝” — Rini Syarifah, "
          "Mayor of Tirtamulya.\n");
}

TEST_CASE("English statistics write millions, rupiah, percentages and text values the English way") {
    PostText t = written("template: stats\nlocale: en\ncontent:\n"
                         "  kicker: Village Funds\n  title: Where the 2024 Budget Goes 📊\n"
                         "  stats:\n"
                         "    - {value: 212900000, label: internet users}\n"
                         "    - {value: 2500000000, unit: Rp, label: for village roads}\n"
                         "    - {value: 78.5, unit: \"%\", label: of the budget spent by June}\n"
                         "    - {value: 3 hours 18 minutes, label: online every day}\n"
                         "  source: Statistics Indonesia (BPS)\n");
    CHECK(t.caption ==
          "Where the 2024 Budget Goes 📊\n\n"
          "• 212.9 million internet users\n"
          "• Rp2.5 billion for village roads\n"
          "• 78.5% of the budget spent by June\n"
          "• 3 hours 18 minutes online every day\n\n"
          "Source: Statistics Indonesia (BPS)\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#SukamakmurMaju\n");
    CHECK(t.alt ==
          "Statistics infographic from Pemerintah Kabupaten Sukamakmur. Village Funds: Where the 2024 Budget "
          "Goes 📊. 212.9 million internet users. Rp2.5 billion for village roads. 78.5% of the budget spent by "
          "June. 3 hours 18 minutes online every day. Source: Statistics Indonesia (BPS).\n");
}

TEST_CASE("an English hoax clarification names the verdict in English") {
    PostText t = written("template: hoax\nlocale: en\ncontent:\n"
                         "  claim: \"\\\"Registering for the civil service costs Rp2,500,000.\\\"\"\n"
                         "  verdict: disinformasi\n"
                         "  body: Registration is **free** and only at sscasn.bkn.go.id.\n"
                         "  source: BKPSDM\n  date: 2024-07-08\n");
    CHECK(t.caption ==
          "[DISINFORMATION] Registering for the civil service costs Rp2,500,000.\n\n"
          "FACT: Registration is free and only at sscasn.bkn.go.id.\n\n"
          "Source: BKPSDM\n"
          "🗓️ Monday, 8 July 2024\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#SukamakmurMaju\n");
    CHECK(t.alt ==
          "Hoax clarification from Pemerintah Kabupaten Sukamakmur. Verdict: Disinformation. Claim: “Registering "
          "for the civil service costs Rp2,500,000.” Fact: Registration is free and only at sscasn.bkn.go.id. "
          "Source: BKPSDM. Monday, 8 July 2024.\n");
}

// --- Typed marks, control characters -----------------------------------------------------

TEST_CASE("a quote typed in straight quotation marks comes out in one pair, and no role leaves no comma") {
    PostText t = written("template: quote\ncontent:\n  quote: {text: '\"Kita bangun bersama.\"', by: Rini Syarifah}\n");
    CHECK(t.caption.starts_with("“Kita bangun bersama.”\n— Rini Syarifah\n\n"));
    CHECK(t.alt == "Kutipan dari Pemerintah Kabupaten Sukamakmur. “Kita bangun bersama.” — Rini Syarifah.\n");
}

TEST_CASE("only marks around the whole text are taken off") {
    CHECK(without_enclosing_quotes("“Kita bangun bersama.”") == "Kita bangun bersama.");
    CHECK(without_enclosing_quotes("\"Kita bangun bersama.\"") == "Kita bangun bersama.");
    CHECK(without_enclosing_quotes("“Kita bangun bersama”.") == "Kita bangun bersama.");
    CHECK(without_enclosing_quotes(" „Kita bangun bersama“ ") == "Kita bangun bersama");
    CHECK(without_enclosing_quotes("“Kita” bisa, “kita” maju") == "“Kita” bisa, “kita” maju");
    CHECK(without_enclosing_quotes("Slogan “Kita Bisa”") == "Slogan “Kita Bisa”");
    CHECK(without_enclosing_quotes("\"") == "\"");
}

TEST_CASE("marks around part of a quote become single inside the quote's own pair, in both files") {
    CHECK(quotation_text("“Jangan lelah,” pesan Bupati.") == "‘Jangan lelah,’ pesan Bupati.");
    CHECK(quotation_text("Kami tegaskan: \"gratis\" di semua \"kecamatan\".") ==
          "Kami tegaskan: ‘gratis’ di semua ‘kecamatan’.");
    CHECK(quotation_text("«Ayo» kerja") == "‘Ayo’ kerja");
    CHECK(quotation_text("Slogan „Kita Bisa“ dipakai") == "Slogan ‘Kita Bisa’ dipakai");
    CHECK(quotation_text("Slogan ”Kita Bisa” dipakai") == "Slogan ‘Kita Bisa’ dipakai");
    // After a dash or a no-break space a mark opens; after a letter, any letter, it closes.
    CHECK(quotation_text("Pesannya—\"Kita Bisa\"—jelas") == "Pesannya—‘Kita Bisa’—jelas");
    CHECK(quotation_text("Slogan –„Maju“ dipakai") == "Slogan –‘Maju’ dipakai");
    CHECK(quotation_text("Slogan\u00A0\"Maju\" dipakai") == "Slogan\u00A0‘Maju’ dipakai");
    CHECK(quotation_text("Kata \"café\" dipakai") == "Kata ‘café’ dipakai");
    CHECK(quotation_text("“Kita bangun bersama.”") == "Kita bangun bersama.");
    CHECK(quotation_text("Jum'at bersih") == "Jum'at bersih");
    PostText t = written("template: quote\ncontent:\n"
                         "  quote: {text: '“Jangan lelah.” Itu pesan saya.', by: Rini Syarifah}\n");
    CHECK(t.caption.starts_with("“‘Jangan lelah.’ Itu pesan saya.”\n— Rini Syarifah\n\n"));
    CHECK(t.alt == "Kutipan dari Pemerintah Kabupaten Sukamakmur. “‘Jangan lelah.’ Itu pesan saya.” — Rini Syarifah.\n");
}

TEST_CASE("a full-frame photo's alt text does not say 'with a photo' after its name") {
    PostText t = written("template: photo\ncontent:\n  photo: photos/sawah.jpg\n");
    CHECK(t.alt == "Foto penuh dari Pemerintah Kabupaten Sukamakmur.\n");
    t = written("template: photo\nlocale: en\ncontent:\n  photo: photos/sawah.jpg\n");
    CHECK(t.alt == "Full-frame photo from Pemerintah Kabupaten Sukamakmur.\n");
    t = written("template: event\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    CHECK(t.alt.starts_with("Laporan kegiatan dari Pemerintah Kabupaten Sukamakmur, dengan foto."));
}

TEST_CASE("the picture draws a quote and a claim inside its own marks without the admin's pair") {
    ScratchDir dir;
    write_file(dir.path() / "q.yaml", "template: quote\ncontent:\n"
                                      "  quote: {text: '\"Kita bangun bersama.\"', by: Rini Syarifah}\n");
    Post quote = post_of(dir.path() / "q.yaml");
    CHECK(field_text("quote.text", quote.spec, quote.brand, {}) == "Kita bangun bersama.");
    write_file(dir.path() / "h.yaml", "template: hoax\ncontent:\n  verdict: hoaks\n"
                                      "  claim: '“Pendaftaran CPNS dipungut biaya,” kata pesan berantai.'\n"
                                      "  body: Pendaftaran CPNS tidak dipungut biaya.\n");
    Post hoax = post_of(dir.path() / "h.yaml");
    CHECK(fill_pattern("“{claim}”", hoax.spec, hoax.brand, {}) ==
          "“‘Pendaftaran CPNS dipungut biaya,’ kata pesan berantai.”");
}

TEST_CASE("tabs and carriage returns a spec may hold leave the post text as spaces and line breaks") {
    PostText t = written("template: event\nformats: [square]\ncontent:\n"
                         "  title: \"Rapat\\tKoordinasi\\r\\n\"\n  place: \"Aula\\r\\nLantai 2\"\n"
                         "  photo: photos/sawah.jpg\n");
    CHECK(t.caption ==
          "Rapat Koordinasi\n\n📍 Aula\nLantai 2\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n#SukamakmurMaju\n");
    CHECK(t.alt == "Laporan kegiatan dari Pemerintah Kabupaten Sukamakmur, dengan foto. Rapat Koordinasi. "
                   "Tempat: Aula Lantai 2.\n");
}

TEST_CASE("control characters and whole escape sequences are replaced, line breaks kept, tabs made spaces") {
    CHECK(replace_control_characters("a\x1b[2Jb\xc2\x9b" "31mc", "") == "abc");
    CHECK(replace_control_characters("a\x1b]0;title\x07" "b\x1b]8;;x\x1b\\c", "?") == "a?b?c");
    CHECK(replace_control_characters("a\x1b" "7b\x1b(Bc", "") == "abc");
    CHECK(replace_control_characters("a\xc2\x9d" "unterminated\nnext", "") == "a\nnext");
    CHECK(replace_control_characters("one\ttwo\r\nthree\x7f\x01", "") == "one two\nthree");
    CHECK(replace_control_characters("Rp2.500.000 · “ok” 🤝 é", "") == "Rp2.500.000 · “ok” 🤝 é");
    CHECK(replace_control_characters("end\x1b", "?") == "end?");
}

// --- Every template's content, whatever the post -----------------------------------------

namespace {

// `text` with ASCII letters lowered: a time that opens an alt sentence is capitalised there.
std::string lowered(std::string text) {
    for (char& ch : text) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return text;
}

// Body and point text as a reader sees it: the emphasis marks the samples use taken off.
std::string without_emphasis(std::string text) {
    for (size_t at; (at = text.find("**")) != std::string::npos;) text.erase(at, 2);
    if (text.starts_with("_") && text.ends_with("_")) text = text.substr(1, text.size() - 2);
    for (size_t at; (at = text.find(" _")) != std::string::npos;) {
        size_t close = text.find('_', at + 2);
        if (close == std::string::npos) break;
        text.erase(close, 1);
        text.erase(at + 1, 1);
    }
    return text;
}

// Whether the template draws `field` somewhere: what alt.txt may describe.
bool drawn_somewhere(const Template& tmpl, const std::string& field) {
    if (tmpl.fields.empty()) return true;
    for (const auto& f : tmpl.fields)
        if (f.name == field) return f.shown_everywhere || !f.shown_in.empty();
    return false;
}

// Every content value the spec gives is in caption.txt, and in alt.txt when the template
// draws it; both are free of control characters and emphasis marks; the alt text is one line
// that opens with the template's name in the post's locale.
void check_complete(const Post& post, const PostText& t) {
    const Content& c = post.spec.content;
    Locale locale = post.spec.locale.value;
    const std::string zone = post.brand.timezone;
    auto in_both = [&](const std::string& what, const std::string& value, const std::string& field) {
        if (value.empty()) return;
        INFO(what << ": " << value);
        CHECK(t.caption.find(value) != std::string::npos);
        if (drawn_somewhere(post.tmpl, field)) CHECK(lowered(t.alt).find(lowered(value)) != std::string::npos);
    };
    for (const char* field : {"title", "subtitle", "place", "cta", "source"}) in_both(field, c.text(field), field);
    in_both("body", without_emphasis(c.text("body")), "body");
    in_both("claim", without_enclosing_quotes(c.text("claim")), "claim");
    if (c.has("verdict")) {
        std::string label = field_text("verdict_label", post.spec, post.brand, {});
        CHECK(t.caption.find(label) != std::string::npos);
        std::string word = lowered(label.substr(1, label.size() - 2));
        CHECK(lowered(t.alt).find((locale == Locale::id ? "kategori: " : "verdict: ") + word + ".") != std::string::npos);
    }
    if (c.quote) {
        in_both("quote", without_enclosing_quotes(c.quote->text), "quote");
        in_both("quote.by", c.quote->by, "quote");
        in_both("quote.role", c.quote->role, "quote");
    }
    for (const auto& stat : c.stats) {
        in_both("stat value", stat.number ? format_stat_inline(*stat.number, stat.unit, locale) : stat.text, "stats");
        in_both("stat label", stat.label, "stats");
    }
    for (const auto& point : c.points) in_both("point", without_emphasis(point.value), "points");
    for (const auto& item : c.items) {
        in_both("entry title", item.title, "items");
        in_both("entry place", item.place, "items");
        in_both("entry when", format_when(item.date ? &*item.date : nullptr, item.time ? &*item.time : nullptr, zone, locale),
                "items");
    }
    if (c.items.empty()) {  // with agenda entries the spec's own date only files the post
        std::string when = format_when(c.date ? &c.date->value : nullptr, nullptr, zone, locale);
        in_both("date", when, "date");
        in_both("time", format_when(nullptr, c.time ? &c.time->value : nullptr, zone, locale), "time");
    }
    for (size_t i = 0; i < c.hashtags.size() && i < kMaxHashtags; ++i) {
        const std::string& tag = c.hashtags[i].value;
        std::string bare = tag.starts_with("#") ? tag.substr(1) : tag;
        std::erase(bare, ' ');
        INFO("hashtag " << bare);
        CHECK(t.caption.find("#" + bare) != std::string::npos);
    }
    if (post.spec.video)  // what a video's own scenes show is in the caption too
        for (const auto& scene : post.spec.video->scenes) {
            const Content& s = scene.content;
            std::vector<std::string> values = {s.text("title"), s.text("source"), s.text("claim")};
            for (const auto& stat : s.stats) {
                values.push_back(stat.number ? format_stat_inline(*stat.number, stat.unit, locale) : stat.text);
                values.push_back(stat.label);
            }
            for (const auto& point : s.points) values.push_back(without_emphasis(point.value));
            for (const auto& item : s.items) values.push_back(item.title);
            if (s.quote) values.push_back(without_enclosing_quotes(s.quote->text));
            for (const auto& value : values) {
                INFO("scene value: " << value);
                CHECK(t.caption.find(value) != std::string::npos);
            }
        }
    std::string name = locale == Locale::en && !post.tmpl.name_en.empty() ? post.tmpl.name_en : post.tmpl.name;
    CHECK(t.alt.starts_with(name + (locale == Locale::id ? " dari " : " from ") + post.brand.office));
    for (const std::string* text : {&t.caption, &t.alt}) {
        CHECK(text->find("**") == std::string::npos);
        CHECK(replace_control_characters(*text, "") == *text);
    }
    CHECK(t.alt.find('\n') == t.alt.size() - 1);
    CHECK(t.caption.find("\n\n\n") == std::string::npos);
}

}  // namespace

TEST_CASE("caption.txt and alt.txt carry every value of every sample and realistic post, in Indonesian and in English") {
    // The realistic posts beside the sample photos they name, as an admin's folder holds them.
    ScratchDir corpus;
    fs::copy(source_dir() / "samples/photos", corpus.path() / "photos");
    std::vector<fs::path> specs;
    for (const auto& entry : fs::directory_iterator(source_dir() / "samples"))
        if (entry.path().extension() == ".yaml") specs.push_back(entry.path());
    for (const auto& entry : fs::directory_iterator(source_dir() / "tests/realistic"))
        if (entry.path().extension() == ".yaml") {
            fs::copy_file(entry.path(), corpus.path() / entry.path().filename());
            specs.push_back(corpus.path() / entry.path().filename());
        }
    std::sort(specs.begin(), specs.end());
    std::set<std::string> templates;
    for (const auto& file : specs) {
        Post post = post_of(file);
        templates.insert(post.tmpl.id);
        for (Locale locale : {Locale::id, Locale::en}) {
            INFO(file.filename().string() << (locale == Locale::id ? " (id)" : " (en)"));
            post.spec.locale.value = locale;
            PostText t = post_text_of(post);
            check_complete(post, t);
            // Within its template's limits a post's alt text fits the 1000 characters X takes.
            std::string name = file.filename().string();
            if (file.parent_path().filename() == "samples" || name.ends_with("-at-limit.yaml"))
                CHECK(std::count_if(t.alt.begin(), t.alt.end(), [](char ch) { return (ch & 0xC0) != 0x80; }) <= 1000);
        }
    }
    // Every bundled template but the batch's own highlights is covered.
    std::set<std::string> bundled;
    for (const auto& id : installed_template_ids())
        if (id != "highlights") bundled.insert(id);
    CHECK(templates == bundled);
}

// --- Word for word in English: the samples with `locale: en` -----------------------------

TEST_CASE("an agenda in English names the template in English and writes dates and times the English way") {
    PostText t = sample_in_english("agenda");
    CHECK(t.caption ==
          "Agenda Pimpinan Daerah\n\n"
          "📌 Upacara Hari Bhayangkara\n🗓️ Monday, 1 July 2024, at 08:00 WIB\n📍 Alun-alun Sukamakmur\n\n"
          "📌 Rapat Koordinasi Humas OPD\n🗓️ Wednesday, 3 July 2024, at 13:30 WIB\n📍 Ruang Rapat Candi\n\n"
          "📌 Gerakan Tanam Padi Serentak\n🗓️ Thursday, 4 July 2024, at 08:00 WIB\n📍 Desa Sumberagung\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#AgendaPimpinan #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Agenda from Pemerintah Kabupaten Sukamakmur. Agenda Pekan Ini: Agenda Pimpinan Daerah. "
          "Monday, 1 July 2024, at 08:00 WIB: Upacara Hari Bhayangkara, Alun-alun Sukamakmur. "
          "Wednesday, 3 July 2024, at 13:30 WIB: Rapat Koordinasi Humas OPD, Ruang Rapat Candi. "
          "Thursday, 4 July 2024, at 08:00 WIB: Gerakan Tanam Padi Serentak, Desa Sumberagung.\n");
}

TEST_CASE("an announcement in English says Source and Place, and keeps the admin's words as typed") {
    PostText t = sample_in_english("announcement");
    CHECK(t.caption ==
          kAnnouncementText +
          "Source: Disdukcapil Kabupaten Sukamakmur\n"
          "🗓️ Saturday, 6 July 2024, at 08:00 WIB\n"
          "📍 Balai desa di setiap kecamatan\n\n"
          "Info: sukamakmurkab.go.id/ktp\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#KTPel #Dukcapil #SukamakmurMaju\n");
    CHECK(t.alt ==
          "Announcement from Pemerintah Kabupaten Sukamakmur. Pengumuman: Pelayanan KTP-el Keliling di Kecamatan. "
          "Perekaman KTP-el setiap Sabtu selama bulan Juli. 1. Daftar lewat Sidukcapil. "
          "2. Bawa Kartu Keluarga asli. 3. Layanan gratis, tanpa pungutan. Source: Disdukcapil Kabupaten "
          "Sukamakmur. Saturday, 6 July 2024, at 08:00 WIB. Place: Balai desa di setiap kecamatan. "
          "Info: sukamakmurkab.go.id/ktp.\n");
}

// --- How sentences are joined -------------------------------------------------------------

TEST_CASE("a kicker that ends its own sentence takes no colon, and a time that opens a sentence is capitalised") {
    // The zero-width space after the "!" (pasted from a chat) does not hide the sentence's end.
    PostText t = written("template: announcement\ncontent:\n"
                         "  kicker: \"Pengumuman Penting!\\u200b\"\n  title: Kantor Layanan Tutup Sementara\n"
                         "  time: \"07:30\"\n  points: [Layanan buka kembali Senin]\n");
    CHECK(t.alt ==
          "Pengumuman dari Pemerintah Kabupaten Sukamakmur. Pengumuman Penting! Kantor Layanan Tutup Sementara. "
          "1. Layanan buka kembali Senin. Pukul 07.30 WIB.\n");
    CHECK(t.caption ==
          "Kantor Layanan Tutup Sementara\n\n1. Layanan buka kembali Senin\n\n🗓️ pukul 07.30 WIB\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n#SukamakmurMaju\n");
}

// --- Invisible characters -----------------------------------------------------------------

TEST_CASE("a zero-width space, a soft hyphen and a direction override typed into a spec do not reach the post") {
    // As YAML escapes in double quotes: the spec reader keeps them (they are not controls).
    PostText t = written("template: quote\ncontent:\n"
                         "  quote: {text: \"\\u200b“Kita bangun bersama.”\\u200b\", by: \"Rini\\u00adSyarifah\", "
                         "role: \"\\u202eWali Kota\\u202c\"}\n"
                         "  hashtags: [\"Sukamakmur\\u200bMaju\", \"Gotong\\uFEFFRoyong\"]\n");
    CHECK(t.caption ==
          "“Kita bangun bersama.”\n— RiniSyarifah, Wali Kota\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n#SukamakmurMaju #GotongRoyong\n");
    CHECK(t.alt == "Kutipan dari Pemerintah Kabupaten Sukamakmur. “Kita bangun bersama.” — RiniSyarifah, Wali Kota.\n");
}

TEST_CASE("a control character that reaches the post text goes with its escape sequence; the spec reader refuses it first") {
    ScratchDir dir;
    fs::create_directories(dir.path() / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/sawah.jpg");
    write_file(dir.path() / "post.yaml",
               "template: event\nformats: [square]\ncontent:\n  title: \"Rapat\\u0007Koordinasi\"\n"
               "  photo: photos/sawah.jpg\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err.find("post.yaml:4:10: error: 'title' contains the control character U+0007 (remove it: it is invisible, "
                     "and in a terminal or a post it can change how text shows)") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "out/post"));

    // The second guard: text that holds one all the same (a template's or a brand's, or a
    // reader that let one through) leaves caption.txt and alt.txt without it.
    write_file(dir.path() / "post.yaml",
               "template: event\nformats: [square]\ncontent:\n  title: Rapat Koordinasi\n  place: Aula\n"
               "  photo: photos/sawah.jpg\n");
    Post post = post_of(dir.path() / "post.yaml");
    post.spec.content.texts["title"].value = "Rapat\x07 Koordinasi\x1b]0;pwned\x07";
    post.spec.content.texts["place"].value = "Aula\x1b[2J Lantai 2";
    PostText t = post_text_of(post);
    CHECK(t.caption ==
          "Rapat Koordinasi\n\n📍 Aula Lantai 2\n\nDiskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n#SukamakmurMaju\n");
    CHECK(t.alt == "Laporan kegiatan dari Pemerintah Kabupaten Sukamakmur, dengan foto. Rapat Koordinasi. "
                   "Tempat: Aula Lantai 2.\n");
}

TEST_CASE("a quote or claim typed in its own marks, typographic or straight, comes out in one pair in both files") {
    for (const char* typed : {"“Kita bangun bersama.”", "\\\"Kita bangun bersama.\\\"", "„Kita bangun bersama.“"}) {
        INFO(typed);
        PostText q = written(std::string("template: quote\ncontent:\n  quote: {text: \"") + typed +
                             "\", by: Rini Syarifah, role: Wali Kota}\n");
        CHECK(q.caption.starts_with("“Kita bangun bersama.”\n— Rini Syarifah, Wali Kota\n\n"));
        CHECK(q.alt == "Kutipan dari Pemerintah Kabupaten Sukamakmur. “Kita bangun bersama.” — Rini Syarifah, Wali Kota.\n");
        PostText h = written(std::string("template: hoax\ncontent:\n  claim: \"") + typed +
                             "\"\n  verdict: hoaks\n  body: Tidak benar.\n");
        CHECK(h.caption.starts_with("[HOAKS] Kita bangun bersama.\n\nFAKTA: Tidak benar.\n\n"));
        CHECK(h.alt == "Klarifikasi hoaks dari Pemerintah Kabupaten Sukamakmur. Kategori: Hoaks. Klaim: “Kita bangun "
                       "bersama.” Fakta: Tidak benar.\n");
    }
}

// --- A video's own scenes -----------------------------------------------------------------

TEST_CASE("the numbers and title a video's own scene shows go into the caption after the post's own content") {
    PostText t = sample("scenes");
    CHECK(t.caption ==
          "Panen Raya Padi di Desa Sumberagung\n\n"
          "Panen Naik Tahun Ini\n\n"
          "• 12.500 ton gabah kering panen\n"
          "• 1.200 petani terlibat\n"
          "• 18% lebih banyak dari 2023\n\n"
          "Sumber: Dinas Pertanian Kabupaten Sukamakmur\n\n"
          "🗓️ Kamis, 20 Juni 2024, pukul 08.00 WIB\n"
          "📍 Persawahan Desa Sumberagung, Kecamatan Gandusari\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n"
          "#PanenRaya #KetahananPangan #SukamakmurMaju\n");
    // The alt text describes the still and the cover: the first scene, the post's own content.
    CHECK(t.alt ==
          "Laporan kegiatan dari Pemerintah Kabupaten Sukamakmur, dengan foto. Ketahanan Pangan: Panen Raya Padi di "
          "Desa Sumberagung. Kamis, 20 Juni 2024, pukul 08.00 WIB. Tempat: Persawahan Desa Sumberagung, Kecamatan "
          "Gandusari.\n");
}
