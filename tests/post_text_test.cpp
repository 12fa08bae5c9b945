// caption.txt and alt.txt, word for word: every template's content in both locales.
#include "output/post_text.hpp"
#include "spec/control_characters.hpp"
#include "spec/spec_reader.hpp"
#include "template/catalog.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

struct PostText {
    std::string caption;
    std::string alt;
};

PostText post_text_of(const fs::path& spec_file) {
    Spec spec = read_spec(spec_file);
    Template tmpl = load_template(spec.template_name.value, spec.template_name.where);
    Brand brand = spec.brand_name ? load_brand(spec.brand_name->value, spec.brand_name->where)
                                  : load_brand(tmpl.default_brand, SourceMark{tmpl.id, 0, 0});
    return {caption_text(spec, tmpl, brand), alt_text(spec, tmpl, brand)};
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
          "Pelayanan KTP-el Keliling di Kecamatan\n\n"
          "Perekaman KTP-el setiap Sabtu selama bulan Juli.\n\n"
          "1. Daftar lewat Sidukcapil\n"
          "2. Bawa Kartu Keluarga asli\n"
          "3. Layanan gratis, tanpa pungutan\n\n"
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
