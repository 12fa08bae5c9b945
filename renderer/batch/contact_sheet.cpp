// A static HTML page with relative links, so that the output folder can be copied or
// served as it is.
#include "batch/contact_sheet.hpp"

#include "locale/locale_text.hpp"
#include "output/atomic_file.hpp"

#include <algorithm>
#include <sstream>

namespace rupa {

namespace fs = std::filesystem;

namespace {

std::string escape_html(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// The names of the files a post's render.json lists.
std::vector<std::string> post_files(const fs::path& folder) {
    std::vector<std::string> names;
    for (const ListedFile& file : listed_files(folder).value_or(std::vector<ListedFile>{}))
        names.push_back(file.name);  // a plain file name: listed_files() refuses any other
    return names;
}

// The square is the feed's own shape; else the first picture the post has.
std::string thumbnail(const std::vector<std::string>& files) {
    for (const char* preferred : {"square.png", "portrait.png", "landscape.png", "story.png"})
        if (std::find(files.begin(), files.end(), preferred) != files.end()) return preferred;
    for (const auto& name : files)
        if (name.ends_with(".png")) return name;
    return {};
}

const char* kStyle = R"(
body { font-family: sans-serif; margin: 24px; background: #f4f5f7; color: #1d2433; }
h1 { font-size: 22px; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 20px; }
figure { margin: 0; background: #fff; border-radius: 8px; padding: 12px; box-shadow: 0 1px 3px #0002; }
figure img { width: 100%; border-radius: 4px; display: block; }
figcaption { font-size: 14px; margin-top: 8px; line-height: 1.4; }
figcaption b { display: block; }
figcaption a { color: #1d4ed8; margin-right: 6px; font-size: 12px; }
)";

}  // namespace

fs::path write_contact_sheet(const fs::path& out_dir, const BatchReport& report) {
    std::string week = to_string(report.week);
    std::ostringstream html;
    html << "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>Pekan "
         << week << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<h1>Pekan " << week
         << "</h1>\n<main>\n";
    int shown = 0;
    for (const PostOutcome& post : report.posts) {
        if (post.status != PostStatus::rendered && post.status != PostStatus::unchanged) continue;
        std::vector<std::string> files = post_files(out_dir / post.output);
        std::string link = "../" + post.output + "/";
        html << "<figure>\n";
        if (std::string thumb = thumbnail(files); !thumb.empty())
            html << "<a href=\"" << escape_html(link + thumb) << "\"><img src=\"" << escape_html(link + thumb)
                 << "\" alt=\"" << escape_html(post.title) << "\" loading=\"lazy\"></a>\n";
        html << "<figcaption><b>" << escape_html(post.title) << "</b>"
             << (post.date ? escape_html(format_date(*post.date, Locale::id)) : "") << "<br>\n";
        for (const auto& name : files) html << "<a href=\"" << escape_html(link + name) << "\">" << escape_html(name) << "</a>";
        html << "\n</figcaption>\n</figure>\n";
        ++shown;
    }
    if (shown == 0) html << "<p>Tidak ada unggahan pada pekan ini.</p>\n";
    html << "</main>\n</body>\n</html>\n";
    PostFolder folder(out_dir, "highlights-" + week);  // no symlink planted there is followed
    fs::path sheet = folder.path() / "index.html";
    write_file_atomically(sheet, html.str());
    return sheet;
}

}  // namespace rupa
