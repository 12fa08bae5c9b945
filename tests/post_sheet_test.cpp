// A spreadsheet of posts: CSV as spreadsheets save it, one post per row, errors at ROW:COL.
#include "spec/csv_table.hpp"
#include "spec/spec_error.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// LibreOffice Calc in an Indonesian locale, "Save As" Text CSV with its defaults there:
// ';' between cells, a byte-order mark, CRLF line ends, dates as the cells show them (day
// first), a cell with line breaks in quotes, quotes inside a cell doubled.
const std::string kLibreOfficeId =
    "\xEF\xBB\xBF"
    "template;formats;title;date;time;points;cta;hashtags\r\n"
    "announcement;square;Pelatihan Admin Medsos;06/07/2023;09:00;\"Daftar online\r\nBawa KTP asli\r\nGratis\";"
    "\"Info: \"\"blitarkab.go.id\"\"\";#Medsos #Pelatihan\r\n"
    "quote;square;;07/07/2023;;;;\r\n"
    "announcement;square;Rapat Koordinasi Humas;2023-07-08;13.30;Bawa laptop | Hadir tepat waktu;;\r\n";

std::string with_quote(std::string sheet) {
    // Row 3 gets its quote in a column added at the end.
    sheet.replace(sheet.find("hashtags\r\n"), 10, "hashtags;quote;quote_by\r\n");
    sheet.replace(sheet.find("#Pelatihan\r\n"), 12, "#Pelatihan;;\r\n");
    sheet.replace(sheet.find("07/07/2023;;;;\r\n"), 16, "07/07/2023;;;;;Kerja keras, kerja cerdas;Bupati\r\n");
    sheet.replace(sheet.find("waktu;;\r\n"), 9, "waktu;;;;\r\n");
    return sheet;
}

}  // namespace

TEST_CASE("a CSV saved by LibreOffice in an Indonesian locale renders every row into its own folder") {
    ScratchDir dir;
    write_file(dir.path() / "posts.csv", with_quote(kLibreOfficeId));
    CommandResult r = run_rupa("render posts.csv -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(without_progress(r.err).empty());
    for (const char* post : {"002-pelatihan-admin-medsos", "003-kerja-keras-kerja-cerdas", "004-rapat-koordinasi-humas"}) {
        INFO(post);
        CHECK(png_size(dir.path() / "out" / post / "square.png").width == 1080);
        CHECK(nlohmann::json::parse(read_file(dir.path() / "out" / post / "render.json"))["spec"] == "posts.csv");
    }
    CHECK(read_file(dir.path() / "out/002-pelatihan-admin-medsos/caption.txt") ==
          "Pelatihan Admin Medsos\n\n1. Daftar online\n2. Bawa KTP asli\n3. Gratis\n\n"
          "🗓️ Kamis, 6 Juli 2023, pukul 09.00 WIB\n\nInfo: \"blitarkab.go.id\"\n\n"
          "Diskominfo Kabupaten Sukamakmur · sukamakmurkab.go.id\n\n#Medsos #Pelatihan #SukamakmurMaju\n");
    CHECK(read_file(dir.path() / "out/003-kerja-keras-kerja-cerdas/caption.txt").starts_with("“Kerja keras, kerja cerdas”\n— Bupati\n"));
    std::string third = read_file(dir.path() / "out/004-rapat-koordinasi-humas/caption.txt");
    CHECK(third.find("1. Bawa laptop\n2. Hadir tepat waktu\n") != std::string::npos);
    CHECK(third.find("Sabtu, 8 Juli 2023, pukul 13.30 WIB") != std::string::npos);
}

TEST_CASE("a broken row fails alone at its ROW:COL with exit 1, and the other rows render") {
    ScratchDir dir;
    std::string sheet = kLibreOfficeId;
    sheet.replace(sheet.find("quote;square;;07/07/2023"), 24, "announcement;square;Rapat;31/02/2023");
    write_file(dir.path() / "posts.csv", sheet);
    CommandResult r = run_rupa("render posts.csv -o out", dir.path());
    CHECK(r.status == 1);
    CHECK(without_progress(r.err) == "posts.csv:3:4: error: '31/02/2023' is not a date in the calendar (2023-02 has 28 days)\n"
                   "posts.csv:3:6: error: 'points' is empty (template 'announcement' needs it)\n"
                   "rupa: 1 of 3 posts not rendered whole: posts.csv:3\n");
    CHECK(png_size(dir.path() / "out/002-pelatihan-admin-medsos/square.png").width == 1080);
    CHECK(png_size(dir.path() / "out/004-rapat-koordinasi-humas/square.png").width == 1080);
    CHECK(!fs::exists(dir.path() / "out/003-rapat"));
}

TEST_CASE("rupa validate lists every row's errors at their ROW:COL and renders nothing") {
    ScratchDir dir;
    write_file(dir.path() / "posts.csv",
               "file,template,title,date,verdict,stat1_label\n"
               "rapat,event,Rapat Humas,2024-07-03,,\n"
               "kutipan,kutipan,,2024-07-04,,\n"
               "hoaks,hoax,,4 Juli,hoax,\n"
               "angka,stats,Data,,,pengguna internet\n");
    CommandResult r = run_rupa("validate posts.csv", dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "posts.csv:2:1: error: missing 'photo' (template 'event' needs it; add a column 'photo')\n"
                   "posts.csv:3:2: error: unknown template 'kutipan' (installed: agenda, announcement, event, highlights, hoax, "
                   "outro, photo, profile, quote, slideshow, stats)\n"
                   "posts.csv:4:1: error: missing 'claim' (template 'hoax' needs it; add a column 'claim')\n"
                   "posts.csv:4:1: error: missing 'body' (template 'hoax' needs it; add a column 'body')\n"
                   "posts.csv:4:4: error: 'date' must be a date (e.g. 2024-07-04 or 04/07/2024 (day first), not '4 Juli')\n"
                   "posts.csv:4:5: error: unknown verdict 'hoax' (did you mean 'hoaks'? verdicts are written in Indonesian)\n"
                   "posts.csv:5:6: error: 'stat1_label' is given without 'stat1_value' (fill 'stat1_value' in this row, "
                   "or empty the cell)\n");
    CHECK(!fs::exists(dir.path() / "out"));
}

TEST_CASE("a field the template needs, left empty, is reported at its empty cell") {
    ScratchDir dir;
    write_file(dir.path() / "posts.csv", "template;title;quote\nquote;Judul;\n");
    CommandResult r = run_rupa("validate posts.csv", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "posts.csv:2:3: error: 'quote' is empty (template 'quote' needs it)\n");
}

TEST_CASE("the sheet's own mistakes stop it before any row renders, each at its place") {
    ScratchDir dir;
    auto refused = [&](const std::string& csv) {
        write_file(dir.path() / "posts.csv", csv);
        CommandResult r = run_rupa("render posts.csv -o out", dir.path());
        CHECK(r.status == 2);
        CHECK(is_empty_or_missing(dir.path() / "out"));
        return r.err;
    };
    CHECK(refused("template;tittle;date\nquote;Rapat;2024-07-01\n") ==
          "posts.csv:1:2: error: unknown column 'tittle' (did you mean 'title'?)\n");
    CHECK(refused("title;date\nRapat;2024-07-01\n") ==
          "posts.csv:1:1: error: the sheet has no 'template' column (add one naming each post's template, e.g. event "
          "(see 'rupa templates'))\n");
    CHECK(refused("template;title;title\nquote;A;B\n") ==
          "posts.csv:1:3: error: column 'title' is given twice (first in column 2; keep one)\n");
    CHECK(refused("template;stats\nstats;1\n") ==
          "posts.csv:1:2: error: 'stats' is written in numbered columns (stat1_value, stat1_unit, stat1_label, then 2, 3, ...)\n");
    CHECK(refused("template;quote\nquote;\"Kerja keras\nquote;Lagi\n") ==
          "posts.csv:2:2: error: a quote opened here is never closed (close it with \", or save the file again from "
          "the spreadsheet)\n");
    CHECK(refused("template;quote\nquote;Kerja keras\nquote;Caf\xE9 rakyat\n") ==
          "posts.csv:3:2: error: the file is not UTF-8 text (save it from the spreadsheet as 'CSV UTF-8' (Excel) or "
          "with the character set UTF-8 (LibreOffice); see docs/spreadsheet.md)\n");
    CHECK(refused("template;quote\n;;\n") == "posts.csv:1:1: error: the sheet has no posts (each row below row 1 is a post)\n");
}

TEST_CASE("a column that is no post field is left out with a warning, and 'file' names the post's folder") {
    ScratchDir dir;
    write_file(dir.path() / "posts.csv", "No,template,formats,quote,catatan,file\n1,quote,square,Kerja keras,cek ejaan,kutipan-juli\n");
    CommandResult r = run_rupa("render posts.csv -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err == "posts.csv:1:1: warning: column 'No' is not a post field; rupa leaves it out\n"
                   "posts.csv:1:5: warning: column 'catatan' is not a post field; rupa leaves it out\n");
    CHECK(png_size(dir.path() / "out/kutipan-juli/square.png").width == 1080);
}

TEST_CASE("two rows naming one folder are refused before anything renders") {
    ScratchDir dir;
    write_file(dir.path() / "posts.csv", "template,quote,file\nquote,Satu,kutipan\nquote,Dua,kutipan\nquote,Tiga,../x\n");
    CommandResult r = run_rupa("render posts.csv -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "posts.csv:3:3: error: renders into the same folder 'out/kutipan' as posts.csv:2 "
                   "(give each row its own 'file')\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("the sample sheet renders each row exactly as the YAML sample of its template") {
    ScratchDir out;
    std::string o = " --formats square,story -o '" + out.path().string() + "'";
    CommandResult sheet = run_rupa("render samples/posts.csv" + o + "/sheet", source_dir());
    REQUIRE(sheet.status == 0);
    CHECK(without_progress(sheet.err).empty());
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"002-bupati-buka-gerakan-tanam-padi-serentak", "event"}, {"003-warganet-indonesia-makin-banyak", "stats"},
        {"004-jangan-lelah-memberikan-pelayanan", "quote"},      {"005-pelayanan-ktp-el-keliling-di-kecamatan", "announcement"},
        {"006-agenda-pimpinan-daerah", "agenda"},                {"007-beredar-pesan-berantai-bahwa-pendaftaran", "hoax"}};
    for (const auto& [folder, sample] : rows) {
        INFO(sample);
        REQUIRE(run_rupa("render samples/" + sample + ".yaml" + o + "/yaml", source_dir()).status == 0);
        for (const char* file : {"square.png", "story.png", "caption.txt", "alt.txt"})
            CHECK(read_file(out.path() / "sheet" / folder / file) == read_file(out.path() / "yaml" / sample / file));
    }
}

TEST_CASE("rupa validate checks a sheet, and a folder's sheets with its specs") {
    CommandResult r = run_rupa("validate samples/posts.csv", source_dir());
    CHECK(r.status == 0);
    CHECK(r.out == "samples/posts.csv: ok\n");
    CHECK(r.err.empty());
}

TEST_CASE("CSV rows are numbered as the spreadsheet shows them, blank lines and line breaks in cells included") {
    rupa::CsvTable t = rupa::parse_csv("a,b\r\n\"x\ny\",2\r\n\r\nz,\"say \"\"hi\"\"\"\rlast", "s.csv");
    CHECK(t.separator == ',');
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[1][0].text == "x\ny");
    CHECK(t.rows[1][1].row == 2);
    CHECK(t.rows[2].size() == 1);  // the blank line is row 3
    CHECK(t.rows[3][1].text == "say \"hi\"");
    CHECK(t.rows[3][1].row == 4);
    CHECK(t.rows[3][1].column == 2);
    CHECK(t.rows[4][0].text == "last");
    // Excel in an Indonesian locale: ';' between cells, ',' as the decimal mark.
    CHECK(rupa::parse_csv("a;b,c;d\n1;2,5;3\n", "s.csv").rows[1][1].text == "2,5");
}

TEST_CASE("a CSV past its caps is refused at the place it went past") {
    std::string rows = "template\n";
    for (int i = 0; i < 1000; ++i) rows += "quote\n";
    CHECK_THROWS_WITH_AS(rupa::parse_csv(rows, "s.csv"),
                         "s.csv:1001:1: error: the file has more than 1000 rows (split the posts over several files)",
                         rupa::SpecError);
    CHECK_THROWS_WITH_AS(rupa::parse_csv("a\n" + std::string(70000, 'x'), "s.csv"),
                         "s.csv:2:1: error: a cell holds more than 64 KB (a post's text is a few hundred characters: "
                         "is this the right file?)",
                         rupa::SpecError);
}

TEST_CASE("a batch takes the rows of a sheet whose date falls in the week, each a post of its own") {
    ScratchDir dir;
    write_file(dir.path() / "posts/rencana.csv",
               "template;formats;quote;date\n"
               "quote;square;Senin;01/07/2024\n"
               "quote;square;Minggu depan;08/07/2024\n"
               "quote;square;Kamis;04/07/2024\n"
               "quote;square;Tanpa tanggal;\n");
    CommandResult r = run_rupa("batch posts --week 2024-W27 -o out", dir.path());
    CHECK(r.status == 0);
    auto report = nlohmann::json::parse(read_file(dir.path() / "out/report.json"));
    REQUIRE(report["posts"].size() == 2);
    CHECK(report["posts"][0]["row"] == 2);
    CHECK(report["posts"][0]["output"] == "out/002-senin");
    CHECK(report["posts"][1]["row"] == 4);
    CHECK(report["posts"][1]["status"] == "rendered");
    CHECK(report["other_weeks"] == 1);
    CHECK(report["undated"] == nlohmann::json::array({"posts/rencana.csv:5"}));
    CHECK(png_size(dir.path() / "out/004-kamis/square.png").width == 1080);
    CHECK(!fs::exists(dir.path() / "out/003-minggu-depan"));
    CommandResult again = run_rupa("batch posts --week 2024-W27 -o out", dir.path());
    CHECK(again.out.starts_with("unchanged   posts/rencana.csv:2\nunchanged   posts/rencana.csv:4\n"));
}
