// Caption and alt text, worded per locale.
#include "output/post_text.hpp"

#include "locale/locale_text.hpp"

#include <algorithm>

namespace rupa {

namespace {

std::string when_of(const Spec& spec, const Brand& brand) {
    const Content& c = spec.content;
    return format_when(c.date ? &c.date->value : nullptr, c.time ? &c.time->value : nullptr,
                       brand.timezone, spec.locale.value);
}

std::vector<std::string> hashtags_of(const Spec& spec, const Brand& brand) {
    std::vector<std::string> tags;
    auto add = [&](const std::string& tag) {
        std::string t = tag.starts_with("#") ? tag.substr(1) : tag;
        if (!t.empty() && std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    };
    for (const auto& t : spec.content.hashtags) add(t.value);
    for (const auto& t : brand.hashtags) add(t);
    if (tags.size() > kMaxHashtags) tags.resize(kMaxHashtags);
    return tags;
}

}  // namespace

std::string plain_text(const std::string& markdown) {
    std::string out;
    for (size_t i = 0; i < markdown.size(); ++i) {
        if (markdown.compare(i, 2, "**") == 0) {
            ++i;
            continue;
        }
        bool word_edge = i == 0 || i + 1 == markdown.size() || markdown[i - 1] == ' ' ||
                         markdown[i + 1] == ' ' || std::ispunct(static_cast<unsigned char>(markdown[i + 1]));
        if (markdown[i] == '_' && word_edge) continue;
        out += markdown[i];
    }
    return out;
}

std::string caption_text(const Spec& spec, const Brand& brand) {
    const Content& c = spec.content;
    std::string text;
    auto paragraph = [&](const std::string& p) {
        if (p.empty()) return;
        if (!text.empty()) text += "\n\n";
        text += p;
    };
    paragraph(c.text("title"));
    paragraph(plain_text(c.text("body")));
    std::string details;
    std::string when = when_of(spec, brand);
    if (!when.empty()) details += "🗓️ " + when;
    if (!c.text("place").empty()) details += (details.empty() ? "" : "\n") + std::string("📍 ") + c.text("place");
    paragraph(details);
    paragraph(c.text("cta"));
    std::string credit = brand.credit;
    if (!brand.website.empty()) credit += (credit.empty() ? "" : " · ") + brand.website;
    paragraph(credit);
    std::string tags;
    for (const auto& t : hashtags_of(spec, brand)) tags += (tags.empty() ? "#" : " #") + t;
    paragraph(tags);
    return text + "\n";
}

std::string alt_text(const Spec& spec, const Template& tmpl, const Brand& brand) {
    const Content& c = spec.content;
    bool id = spec.locale.value == Locale::id;
    std::string text = id ? "Grafis " : "Graphic ";
    text += (tmpl.name.empty() ? tmpl.id : tmpl.name) + (id ? " dari " : " from ") + brand.office + ". ";
    if (!c.text("kicker").empty()) text += c.text("kicker") + ": ";
    if (!c.text("title").empty()) text += c.text("title") + ". ";
    std::string when = when_of(spec, brand);
    if (!when.empty()) text += when + ". ";
    if (!c.text("place").empty()) text += c.text("place") + ". ";
    if (c.photo) text += id ? "Dengan foto kegiatan. " : "With a photo of the event. ";
    if (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n";
}

}  // namespace rupa
