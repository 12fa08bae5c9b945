// Caption and alt text, worded per locale. The fixed words the graphics draw (the verdict
// label, "FAKTA:", "Sumber: …") come from the same functions the layout fills them with, so
// the post text says what the graphic says.
#include "output/post_text.hpp"

#include "handles/gobject.hpp"
#include "layout/text_fields.hpp"
#include "locale/locale_text.hpp"
#include "spec/ascii_text.hpp"
#include "spec/control_characters.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace rupa {

namespace {

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// Ends with . ! ? or …, also inside a closing quotation mark or bracket ("… bekerja.”").
bool ends_sentence(const std::string& text) {
    static const std::array<std::string, 7> closers = {"”", "\"", "’", "'", "»", ")", "]"};
    std::string t = text;
    for (const auto& closer : closers)
        if (t.size() > closer.size() && t.ends_with(closer)) {
            t.resize(t.size() - closer.size());
            break;
        }
    return t.ends_with(".") || t.ends_with("!") || t.ends_with("?") || t.ends_with("…");
}

// `text` as a sentence of the alt text: trimmed, with a full stop unless it has its own.
std::string sentence(const std::string& text) {
    std::string t = trimmed(text);
    if (t.empty() || ends_sentence(t)) return t;
    return t + ".";
}

// "Pukul 06.30 WIB.", "At 06:30 WIB: …": a sentence that opens with a time reads as one.
std::string capitalized(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

// "Agenda Pekan Ini: Agenda Pimpinan Daerah", but "Pengumuman Penting! Penyaluran …": a
// kicker that ends its own sentence is not followed by a colon.
std::string kicker_and_title(const std::string& kicker, const std::string& title) {
    std::string k = trimmed(kicker);
    return joined({k, title}, ends_sentence(k) ? " " : ": ");
}

// Characters that draw nothing and that no post needs, but that change how a pasted post
// reads or is searched: a zero-width space or word joiner splits a hashtag or a word that
// looks whole, a soft hyphen may show as "-" on one platform and not on another, a byte-order
// mark, and the bidirectional embeddings, overrides and isolates (U+202E turns the rest of a
// line around). The zero-width joiner (emoji sequences), the non-joiner, variation selectors
// and tag characters (flag sequences) are kept.
bool is_invisible_format_character(gunichar cp) {
    return cp == 0x00AD || cp == 0x061C || cp == 0x180E || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// `text` as it may go into a post: control characters (with the escape sequences they start)
// and invisible format characters taken out.
std::string postable(const std::string& text) {
    std::string in = replace_control_characters(text, "");
    std::string out;
    out.reserve(in.size());
    for (const char* at = in.c_str(); *at;) {
        gunichar cp = g_utf8_get_char_validated(at, -1);
        const char* next = cp == gunichar(-1) || cp == gunichar(-2) ? at + 1 : g_utf8_next_char(at);
        if (!is_invisible_format_character(cp)) out.append(at, next);
        at = next;
    }
    return out;
}

// The spec with every text of its content postable, before any of it is trimmed, quoted or
// joined: a zero-width space before a typed quotation mark or after a kicker's "!" hides
// neither.
void make_postable(Content& c) {
    for (auto& [name, text] : c.texts) text.value = postable(text.value);
    for (auto& stat : c.stats)
        for (std::string* text : {&stat.text, &stat.unit, &stat.label}) *text = postable(*text);
    if (c.quote)
        for (std::string* text : {&c.quote->text, &c.quote->by, &c.quote->role}) *text = postable(*text);
    for (auto& point : c.points) point.value = postable(point.value);
    for (auto& item : c.items)
        for (std::string* text : {&item.title, &item.place}) *text = postable(*text);
    for (auto& tag : c.hashtags) tag.value = postable(tag.value);
}

Spec postable_spec(Spec spec) {
    make_postable(spec.content);
    if (spec.video)
        for (auto& scene : spec.video->scenes) make_postable(scene.content);
    return spec;
}

std::string quoted(const std::string& text) { return "“" + quotation_text(text) + "”"; }

// "Hj. Ratna Dewi Kusuma, Bupati Sukamakmur": who said a quote, with the role when given.
std::string speaker(const Quote& quote) { return joined({quote.by, quote.role}, ", "); }

// "212,9 juta pengguna internet", "78% dari pengguna internet", "3 jam 18 menit waktu layar":
// a stat as the graphic shows it, figure, unit and label in one phrase.
std::string stat_phrase(const Stat& stat, Locale locale) {
    std::string figure;
    if (stat.number)
        figure = format_stat_inline(*stat.number, stat.unit, locale);
    else
        figure = stat.text + (stat.unit.empty() || stat.unit == "%" ? stat.unit : " " + stat.unit);
    return joined({figure, stat.label}, " ");
}

std::string when_of(const CalendarDate* date, const TimeOfDay* time, const Spec& spec, const Brand& brand) {
    return format_when(date, time, brand.timezone, spec.locale.value);
}

const CalendarDate* date_of(const Content& c) { return c.date ? &c.date->value : nullptr; }
const TimeOfDay* time_of(const Content& c) { return c.time ? &c.time->value : nullptr; }

// Whether a field the spec fills is drawn by the template: those it declares (and does not
// declare as drawn in no format), or every field when it declares none.
bool draws(const Template& tmpl, const Content& c, const std::string& field) {
    if (!c.has(field)) return false;
    if (tmpl.fields.empty()) return true;
    return std::any_of(tmpl.fields.begin(), tmpl.fields.end(), [&](const FieldSpec& f) {
        return f.name == field && (f.shown_everywhere || !f.shown_in.empty());
    });
}

// Whether the template numbers the spec's points (its list marker is "number").
bool numbers_points(const Template& tmpl) {
    for (const auto& [format, layout] : tmpl.layouts)
        for (const auto& element : layout.elements)
            for (const auto& item : element.items)
                if (item.is_list) return item.marker == "number";
    return false;
}

// A placeholder's text as the layout fills it: "[HOAKS]", "FAKTA", "Sumber: …".
std::string drawn_text(const std::string& placeholder, const Spec& spec, const Brand& brand) {
    return field_text(placeholder, spec, brand, spec.content_where);
}

// A hoax's body is the facts that answer the claim.
bool is_clarification(const Content& c) { return c.has("claim") || c.has("verdict"); }

std::vector<std::string> hashtags_of(const Spec& spec, const Brand& brand) {
    std::vector<std::string> tags;
    auto same = [](const std::string& a, const std::string& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
            return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
        });
    };
    auto add = [&](const std::string& tag) {
        std::string t;
        for (char ch : tag.starts_with("#") ? tag.substr(1) : tag)
            if (!std::isspace(static_cast<unsigned char>(ch))) t += ch;  // "#Blitar Keren" would end at the space
        if (t.empty()) return;
        if (std::none_of(tags.begin(), tags.end(), [&](const std::string& u) { return same(t, u); })) tags.push_back(t);
    };
    for (const auto& t : spec.content.hashtags) add(t.value);
    for (const auto& t : brand.hashtags) add(t);
    if (tags.size() > kMaxHashtags) tags.resize(kMaxHashtags);
    return tags;
}

// --- caption.txt: paragraphs -------------------------------------------------------------

std::string quote_paragraph(const Content& c) {
    if (!c.quote) return "";
    std::string who = speaker(*c.quote);
    return quoted(c.quote->text) + (who.empty() ? "" : "\n— " + who);
}

// "[HOAKS] Beredar pesan …" as a clarification's first line.
std::string claim_paragraph(const Spec& spec, const Brand& brand) {
    return joined({drawn_text("verdict_label", spec, brand), without_enclosing_quotes(spec.content.text("claim"))},
                  " ");
}

std::string body_paragraph(const Spec& spec, const Brand& brand) {
    std::string body = trimmed(plain_text(spec.content.text("body")));
    if (body.empty() || !is_clarification(spec.content)) return body;
    return drawn_text("fact_label", spec, brand) + ": " + body;
}

std::string list_paragraph(const Content& c, bool numbered, Locale locale) {
    std::vector<std::string> lines;
    for (const auto& stat : c.stats) lines.push_back("• " + stat_phrase(stat, locale));
    for (size_t i = 0; i < c.points.size(); ++i)
        lines.push_back((numbered ? std::to_string(i + 1) + ". " : "• ") + trimmed(plain_text(c.points[i].value)));
    return joined(lines, "\n");
}

// An agenda entry: its title, then when and where, as an admin lists them.
std::string entry_paragraph(const AgendaItem& item, const Spec& spec, const Brand& brand) {
    const CalendarDate* date = item.date ? &*item.date : nullptr;
    const TimeOfDay* time = item.time ? &*item.time : nullptr;
    std::string when = when_of(date, time, spec, brand);
    return joined({item.title.empty() ? "" : "📌 " + item.title, when.empty() ? "" : "🗓️ " + when,
                   item.place.empty() ? "" : "📍 " + item.place},
                  "\n");
}

// The source, then when and where. An agenda's entries carry their own dates; the spec's
// own date is then only the post's (which week it belongs to) and is left out.
std::string details_paragraph(const Spec& spec, const Brand& brand) {
    const Content& c = spec.content;
    std::string when = c.items.empty() ? when_of(date_of(c), time_of(c), spec, brand) : "";
    return joined({drawn_text("source_line", spec, brand), when.empty() ? "" : "🗓️ " + when,
                   c.has("place") ? "📍 " + c.text("place") : ""},
                  "\n");
}

std::string credit_paragraph(const Brand& brand) { return joined({brand.credit, brand.website}, " · "); }

// --- alt.txt: sentences ------------------------------------------------------------------

// "Infografis angka dari Pemerintah Kabupaten Sukamakmur, dengan foto."
std::string alt_opening(const Spec& spec, const Template& tmpl, const Brand& brand) {
    bool id = spec.locale.value == Locale::id;
    std::string name = !id && !tmpl.name_en.empty() ? tmpl.name_en : !tmpl.name.empty() ? tmpl.name : tmpl.id;
    std::string text = name + (brand.office.empty() ? "" : (id ? " dari " : " from ") + brand.office);
    // "Foto penuh dari …" says it already: no ", dengan foto" after it.
    bool named_photo = ascii_lowercase(name).find(id ? "foto" : "photo") != std::string::npos;
    if (draws(tmpl, spec.content, "photo") && !named_photo) text += id ? ", dengan foto" : ", with a photo";
    size_t photos = spec.content.photos.size();
    if (draws(tmpl, spec.content, "photos"))  // "dengan 5 foto", "with 5 photos"
        text += (id ? ", dengan " : ", with ") + std::to_string(photos) +
                (id ? " foto" : photos == 1 ? " photo" : " photos");
    return sentence(text);
}

// "Kategori: Hoaks." / "Verdict: Hoax.": the verdict bar's label spoken as a word, since a
// screen reader may spell out "[HOAKS]" letter by letter.
std::string alt_verdict(const Spec& spec, const Brand& brand) {
    std::string word;
    for (char ch : drawn_text("verdict_label", spec, brand))
        if (ch != '[' && ch != ']')
            word += word.empty() ? ch : char(std::tolower(static_cast<unsigned char>(ch)));
    if (word.empty()) return "";
    return sentence((spec.locale.value == Locale::id ? "Kategori: " : "Verdict: ") + word);
}

std::string alt_body(const Spec& spec) {
    std::string body = plain_text(spec.content.text("body"));
    if (!is_clarification(spec.content)) return sentence(body);
    return sentence((spec.locale.value == Locale::id ? "Fakta: " : "Fact: ") + trimmed(body));
}

std::vector<std::string> alt_stats(const Content& c, Locale locale) {
    std::vector<std::string> sentences;
    for (const auto& stat : c.stats) sentences.push_back(sentence(stat_phrase(stat, locale)));
    return sentences;
}

std::vector<std::string> alt_points(const Content& c, const Template& tmpl) {
    std::vector<std::string> sentences;
    bool numbered = numbers_points(tmpl);
    for (size_t i = 0; i < c.points.size(); ++i)
        sentences.push_back(sentence((numbered ? std::to_string(i + 1) + ". " : "") + plain_text(c.points[i].value)));
    return sentences;
}

// "Rabu, 3 Juli 2024, pukul 13.30 WIB: Rapat Koordinasi Humas OPD, Ruang Rapat Candi Penataran."
std::string alt_entry(const AgendaItem& item, const Spec& spec, const Brand& brand) {
    const CalendarDate* date = item.date ? &*item.date : nullptr;
    const TimeOfDay* time = item.time ? &*item.time : nullptr;
    std::string what = joined({item.title, item.place}, ", ");
    return sentence(capitalized(joined({when_of(date, time, spec, brand), what}, ": ")));
}

// One line: every run of spaces and line breaks made one space.
std::string one_paragraph(const std::string& text) {
    std::string out;
    for (char ch : text) {
        bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : ch;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::string plain_text(const std::string& markdown) {
    // The graphics' own reading of the marks (markdown_to_markup), so that the caption
    // drops exactly the underscores the graphic shows as italics.
    std::string markup = markdown_to_markup(markdown);
    char* raw = nullptr;
    if (!pango_parse_markup(markup.c_str(), -1, 0, nullptr, &raw, nullptr, nullptr)) {
        // Emphasis that overlaps ("**a _b** c_") does not nest: drop the tags, keep the text.
        for (const char* tag : {"<b>", "</b>", "<i>", "</i>"})
            for (size_t at; (at = markup.find(tag)) != std::string::npos;) markup.erase(at, std::string_view(tag).size());
        if (!pango_parse_markup(markup.c_str(), -1, 0, nullptr, &raw, nullptr, nullptr)) return markdown;
    }
    GCharPtr text(raw);
    return text.get();
}

// What a post (or one scene of its video) says: the headline, the quote, the claim and its
// facts, the numbers and points, each agenda entry.
std::vector<std::string> content_paragraphs(const Spec& spec, const Brand& brand, bool numbered) {
    const Content& c = spec.content;
    std::vector<std::string> paragraphs = {c.text("title"), c.text("subtitle"), quote_paragraph(c),
                                           claim_paragraph(spec, brand), body_paragraph(spec, brand),
                                           list_paragraph(c, numbered, spec.locale.value)};
    for (const auto& item : c.items) paragraphs.push_back(entry_paragraph(item, spec, brand));
    return paragraphs;
}

// A video's own scenes may show content of their own (a stats scene's numbers, another
// title): what the post's content does not say already, and a source of their own.
void add_scene_paragraphs(std::vector<std::string>& paragraphs, const Spec& spec, const Template& tmpl,
                          const Brand& brand) {
    if (!spec.video) return;
    for (const auto& scene : spec.video->scenes) {
        if (scene.kind != SceneKind::templated) continue;
        Spec shown = spec;
        shown.content = scene.content;
        bool numbered = scene.template_name.value == tmpl.id && numbers_points(tmpl);
        std::vector<std::string> more = content_paragraphs(shown, brand, numbered);
        if (scene.content.text("source") != spec.content.text("source"))
            more.push_back(drawn_text("source_line", shown, brand));
        for (auto& p : more)
            if (std::find(paragraphs.begin(), paragraphs.end(), p) == paragraphs.end()) paragraphs.push_back(p);
    }
}

std::string caption_text(const Spec& given, const Template& tmpl, const Brand& brand) {
    const Spec spec = postable_spec(given);
    const Content& c = spec.content;
    std::vector<std::string> paragraphs = content_paragraphs(spec, brand, numbers_points(tmpl));
    add_scene_paragraphs(paragraphs, spec, tmpl, brand);
    paragraphs.push_back(details_paragraph(spec, brand));
    paragraphs.push_back(c.text("cta"));
    paragraphs.push_back(credit_paragraph(brand));
    std::vector<std::string> tags;
    for (const auto& t : hashtags_of(spec, brand)) tags.push_back("#" + t);
    paragraphs.push_back(joined(tags, " "));
    for (auto& p : paragraphs) p = trimmed(p);
    return postable(joined(paragraphs, "\n\n")) + "\n";
}

std::string alt_text(const Spec& given, const Template& tmpl, const Brand& brand) {
    const Spec spec = postable_spec(given);
    const Content& c = spec.content;
    Locale locale = spec.locale.value;
    auto shown = [&](const std::string& field) { return draws(tmpl, c, field); };
    std::vector<std::string> sentences = {alt_opening(spec, tmpl, brand)};
    sentences.push_back(sentence(kicker_and_title(shown("kicker") ? c.text("kicker") : "", shown("title") ? c.text("title") : "")));
    if (shown("subtitle")) sentences.push_back(sentence(c.text("subtitle")));
    if (shown("quote"))
        sentences.push_back(sentence(joined({quoted(c.quote->text), speaker(*c.quote)}, " — ")));
    if (shown("verdict")) sentences.push_back(alt_verdict(spec, brand));
    if (shown("claim"))
        sentences.push_back(sentence((locale == Locale::id ? "Klaim: " : "Claim: ") + quoted(c.text("claim"))));
    if (shown("body")) sentences.push_back(alt_body(spec));
    auto add_all = [&](std::vector<std::string> more) {
        for (auto& s : more) sentences.push_back(std::move(s));
    };
    if (shown("stats")) add_all(alt_stats(c, locale));
    if (shown("points")) add_all(alt_points(c, tmpl));
    if (shown("items"))
        for (const auto& item : c.items) sentences.push_back(alt_entry(item, spec, brand));
    if (shown("source")) sentences.push_back(sentence(drawn_text("source_line", spec, brand)));
    const CalendarDate* date = shown("date") ? date_of(c) : nullptr;
    const TimeOfDay* time = shown("time") ? time_of(c) : nullptr;
    sentences.push_back(sentence(capitalized(when_of(date, time, spec, brand))));
    if (shown("place")) sentences.push_back(sentence((locale == Locale::id ? "Tempat: " : "Place: ") + c.text("place")));
    if (shown("cta")) sentences.push_back(sentence(c.text("cta")));
    return one_paragraph(postable(joined(sentences, " "))) + "\n";
}

}  // namespace rupa
