// A static HTML page with relative links and nothing fetched from elsewhere, so that the
// output folder can be copied, served or opened from a USB stick as it is. Everything it
// shows of a post is read back from the post's render.json, which others may have written:
// every text is escaped, only plain file names of the post's own folder are linked, and the
// amounts read are capped.
#include "batch/contact_sheet.hpp"

#include "locale/locale_text.hpp"
#include "output/html_text.hpp"
#include "output/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rupa {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxWarningsShown = 20;
constexpr std::uintmax_t kMaxReportBytes = 1 << 20;

// What one format of a post made: a picture, or a video with its cover.
struct MadeFormat {
    std::string format;
    std::string file;
    std::string cover;  // a video's cover picture, when it has one
    int width = 0, height = 0;
    bool video = false;
};

struct PostSheet {
    std::vector<MadeFormat> formats;
    std::vector<std::string> files;     // every file render.json lists, in its order
    std::vector<std::string> warnings;  // "where: message [formats]"
    size_t more_warnings = 0;
};

std::string text_of(const nlohmann::json& entry, const char* key) {
    return entry.is_object() && entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>() : "";
}

int int_of(const nlohmann::json& entry, const char* key) {
    return entry.contains(key) && entry[key].is_number_integer() ? std::clamp(entry[key].get<int>(), 0, 100000) : 0;
}

// A post's report, or nothing to show when it is missing, too large or not what rupa writes.
PostSheet read_post(const fs::path& folder) {
    PostSheet sheet;
    std::error_code ec;
    if (fs::file_size(folder / "render.json", ec) > kMaxReportBytes || ec) return sheet;
    auto files = listed_files(folder);  // refuses any name that is not a plain file name
    if (!files) return sheet;
    for (const ListedFile& file : *files) sheet.files.push_back(file.name);
    std::ifstream in(folder / "render.json");
    nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
    for (const auto& entry : report["files"]) {
        std::string format = text_of(entry, "format"), file = text_of(entry, "file");
        if (format.empty() || file.ends_with("-cover.png")) continue;
        MadeFormat made{format, file, "", int_of(entry, "width"), int_of(entry, "height"), file.ends_with(".mp4")};
        std::string cover = format + "-cover.png";
        if (made.video && std::find(sheet.files.begin(), sheet.files.end(), cover) != sheet.files.end())
            made.cover = cover;
        sheet.formats.push_back(made);
    }
    if (report.contains("warnings") && report["warnings"].is_array()) {
        for (const auto& w : report["warnings"]) {
            if (sheet.warnings.size() == kMaxWarningsShown) {
                ++sheet.more_warnings;
                continue;
            }
            std::string where = text_of(w, "where"), formats = text_of(w, "format");
            sheet.warnings.push_back((where.empty() ? "" : where + ": ") + text_of(w, "message") +
                                     (formats.empty() ? "" : " [" + formats + "]"));
        }
    }
    return sheet;
}

const char* kStyle = R"(
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; margin: 0; padding: 24px 32px 48px; background: #f1f3f6; color: #17202e; }
header { margin-bottom: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 0; color: #4a5568; font-size: 15px; }
.post { background: #fff; border-radius: 10px; padding: 18px 20px; margin-bottom: 20px; box-shadow: 0 1px 3px #0002; }
.post h2 { font-size: 19px; margin: 0 0 2px; }
.post .meta { margin: 0 0 14px; color: #4a5568; font-size: 14px; }
.formats { display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-end; }
.formats figure { margin: 0; }
.formats img, .formats video { height: 200px; width: auto; display: block; border-radius: 4px; background: #dde2e8; }
.formats figcaption { font-size: 12px; color: #4a5568; margin-top: 4px; }
.warnings { margin: 14px 0 0; padding: 10px 14px 10px 30px; background: #fff7e0; border-radius: 6px; font-size: 13px; }
.warnings li { margin: 2px 0; }
.files { margin: 12px 0 0; font-size: 13px; }
.files a { color: #1d4ed8; margin-right: 10px; }
.failed { border-left: 6px solid #c62828; }
.failed .status { color: #c62828; font-weight: 600; }
.failed pre { white-space: pre-wrap; background: #fdecea; padding: 10px 12px; border-radius: 6px; font-size: 13px; margin: 10px 0 0; }
)";

void write_post(std::ostringstream& html, const PostOutcome& post, const fs::path& out_dir) {
    std::string when = post.date ? escape_html(format_date(*post.date, Locale::id)) + " · " : "";
    std::string spec = escape_html(post.spec.string());
    if (post.status == PostStatus::failed) {
        html << "<section class=\"post failed\">\n<h2>" << escape_html(post.title.empty() ? post.spec.string() : post.title)
             << "</h2>\n<p class=\"meta\">" << when << spec << " · <span class=\"status\">gagal</span></p>\n<pre>"
             << escape_html(post.error) << "</pre>\n</section>\n";
        return;
    }
    PostSheet sheet = read_post(out_dir / post.output);
    std::string link = "../" + post.output + "/";
    html << "<section class=\"post\">\n<h2>" << escape_html(post.title) << "</h2>\n<p class=\"meta\">" << when << spec
         << "</p>\n<div class=\"formats\">\n";
    for (const MadeFormat& made : sheet.formats) {
        std::string src = escape_html(link + made.file);
        html << "<figure>";
        if (made.video) {
            html << "<video controls preload=\"none\" src=\"" << src << "\"";
            if (!made.cover.empty()) html << " poster=\"" << escape_html(link + made.cover) << "\"";
            if (made.width > 0 && made.height > 0) html << " width=\"" << made.width << "\" height=\"" << made.height << "\"";
            html << "></video>";
        } else {
            html << "<a href=\"" << src << "\"><img src=\"" << src << "\" alt=\"" << escape_html(made.format) << "\"";
            if (made.width > 0 && made.height > 0) html << " width=\"" << made.width << "\" height=\"" << made.height << "\"";
            html << "></a>";
        }
        html << "<figcaption>" << escape_html(made.format);
        if (made.width > 0 && made.height > 0) html << " · " << made.width << "×" << made.height;
        html << "</figcaption></figure>\n";
    }
    html << "</div>\n";
    if (!sheet.warnings.empty()) {
        html << "<ul class=\"warnings\">\n";
        for (const std::string& w : sheet.warnings) html << "<li>" << escape_html(w) << "</li>\n";
        if (sheet.more_warnings > 0) html << "<li>… dan " << sheet.more_warnings << " peringatan lagi</li>\n";
        html << "</ul>\n";
    }
    html << "<p class=\"files\">";
    for (const std::string& name : sheet.files)
        html << "<a href=\"" << escape_html(link + name) << "\">" << escape_html(name) << "</a>";
    html << "</p>\n</section>\n";
}

// The week's highlights: the reel, playable, and every slide of the carousel, then the posts
// left out of them and why. Their files are in this page's own folder.
void write_highlights_card(std::ostringstream& html, const HighlightsOutcome& h) {
    if (h.status.empty() || h.status == "none") return;
    bool failed = h.status == "failed";
    html << "<section class=\"post highlights" << (failed ? " failed" : "") << "\">\n<h2>Sorotan pekan</h2>\n"
         << "<p class=\"meta\">reel: " << h.reel_posts.size() << " unggahan · korsel: " << h.slides << " slide"
         << (failed ? " · <span class=\"status\">gagal</span>" : "") << "</p>\n";
    if (failed) html << "<pre>" << escape_html(h.error) << "</pre>\n";
    auto has = [&](const std::string& name) { return std::find(h.files.begin(), h.files.end(), name) != h.files.end(); };
    html << "<div class=\"formats\">\n";
    if (has("reel.mp4")) {
        html << "<figure><video controls preload=\"none\" src=\"reel.mp4\"";
        if (has("reel-cover.png")) html << " poster=\"reel-cover.png\"";
        html << " width=\"1080\" height=\"1920\"></video><figcaption>reel · 1080×1920</figcaption></figure>\n";
    }
    int slide = 0;
    for (const std::string& name : h.files) {
        if (!name.starts_with("portrait-")) continue;
        std::string src = escape_html(name);
        ++slide;
        html << "<figure><a href=\"" << src << "\"><img src=\"" << src << "\" alt=\"slide " << slide
             << "\" width=\"1080\" height=\"1350\"></a><figcaption>portrait " << slide << "/" << h.slides
             << "</figcaption></figure>\n";
    }
    html << "</div>\n";
    if (!h.left_out.empty()) {
        html << "<ul class=\"warnings\">\n";
        for (size_t i = 0; i < h.left_out.size() && i < kMaxWarningsShown; ++i)
            html << "<li>" << escape_html(h.left_out[i].post) << ": " << escape_html(h.left_out[i].why) << "</li>\n";
        html << "</ul>\n";
    }
    html << "<p class=\"files\">";
    for (const std::string& name : h.files) html << "<a href=\"" << escape_html(name) << "\">" << escape_html(name) << "</a>";
    html << "</p>\n</section>\n";
}

}  // namespace

fs::path write_contact_sheet(const fs::path& out_dir, const BatchReport& report) {
    std::string week = to_string(report.week);
    WeekDays days = days_of(report.week);
    int shown = 0, failed = 0;
    std::ostringstream posts;
    for (const PostOutcome& post : report.posts) {
        if (post.status != PostStatus::rendered && post.status != PostStatus::unchanged &&
            post.status != PostStatus::failed)
            continue;
        write_post(posts, post, out_dir);
        ++shown;
        if (post.status == PostStatus::failed) ++failed;
    }
    std::ostringstream highlights;
    write_highlights_card(highlights, report.highlights);
    std::ostringstream html;
    html << "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Pekan " << week
         << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>Pekan " << week << "</h1>\n<p>"
         << escape_html(format_date_range(days.monday, days.sunday, Locale::id)) << " · " << shown - failed
         << " unggahan siap" << (failed > 0 ? " · " + std::to_string(failed) + " gagal" : "") << "</p>\n</header>\n<main>\n"
         << highlights.str() << posts.str();
    if (shown == 0) html << "<p>Tidak ada unggahan pada pekan ini.</p>\n";
    html << "</main>\n</body>\n</html>\n";
    PostFolder folder(out_dir, "highlights-" + week);  // no symlink planted there is followed
    fs::path sheet = folder.path() / "index.html";
    write_file_atomically(sheet, html.str());
    return sheet;
}

}  // namespace rupa
