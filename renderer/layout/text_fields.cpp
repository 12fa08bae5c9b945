// Placeholder filling. Only `body` carries inline emphasis; other fields are plain text.
#include "layout/text_fields.hpp"

#include "handles/gobject.hpp"

#include "locale/locale_text.hpp"
#include "spec/spec_error.hpp"

#include <glib.h>

#include <cctype>

namespace rupa {

namespace {

std::string escape(const std::string& text) { return escape_markup(text); }

// The label of the verdict bar, as Indonesian clarifications write it.
std::string verdict_label(const std::string& verdict, Locale locale) {
    if (verdict.empty()) return "";
    if (locale == Locale::id) {
        std::string upper;
        for (char ch : verdict) upper += char(std::toupper(static_cast<unsigned char>(ch)));
        return "[" + upper + "]";
    }
    if (verdict == "hoaks") return "[HOAX]";
    if (verdict == "disinformasi") return "[DISINFORMATION]";
    if (verdict == "misinformasi") return "[MISINFORMATION]";
    return "[FACT]";
}

}  // namespace

std::string escape_markup(const std::string& text) {
    GCharPtr escaped(g_markup_escape_text(text.c_str(), -1));
    return escaped.get();
}

std::string markdown_to_markup(const std::string& text) {
    std::string out;
    bool bold = false, italic = false;
    std::string plain;
    auto flush = [&] {
        out += escape(plain);
        plain.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "**") == 0) {
            flush();
            out += bold ? "</b>" : "<b>";
            bold = !bold;
            ++i;
        } else if (text[i] == '_' && (italic || (i + 1 < text.size() && text[i + 1] != ' ' &&
                                                 (i == 0 || text[i - 1] == ' ')))) {
            flush();
            out += italic ? "</i>" : "<i>";
            italic = !italic;
        } else {
            plain += text[i];
        }
    }
    flush();
    if (italic) out += "</i>";
    if (bold) out += "</b>";
    return out;
}

std::string field_text(const std::string& name, const Spec& spec, const Brand& brand,
                       const SourceMark& where) {
    const Content& c = spec.content;
    Locale locale = spec.locale.value;
    if (name == "date") return c.date ? format_date(c.date->value, locale) : "";
    if (name == "time") return c.time ? format_time(c.time->value, brand.timezone, locale) : "";
    if (name == "when")
        return format_when(c.date ? &c.date->value : nullptr, c.time ? &c.time->value : nullptr,
                           brand.timezone, locale);
    if (name == "hashtags") {
        std::string tags;
        for (const auto& t : c.hashtags) tags += (tags.empty() ? "#" : " #") + t.value;
        return tags;
    }
    if (name == "quote.text") return c.quote ? quotation_text(c.quote->text) : "";
    if (name == "quote.by") return c.quote ? c.quote->by : "";
    if (name == "quote.role") return c.quote ? c.quote->role : "";
    if (name == "verdict_label") return verdict_label(c.text("verdict"), locale);
    if (name == "fact_label") return locale == Locale::id ? "FAKTA" : "FACT";
    if (name == "claim_label") return locale == Locale::id ? "KLAIM" : "CLAIM";
    if (name == "source_line")
        return c.text("source").empty() ? "" : (locale == Locale::id ? "Sumber: " : "Source: ") + c.text("source");
    if (name == "brand.office") return brand.office;
    if (name == "brand.unit") return brand.unit;
    if (name == "brand.website") return brand.website;
    if (name == "brand.credit") return brand.credit;
    if (name == "brand.handle") return brand.handle();
    // A claim is drawn inside the template's own pair of marks ("“{claim}”").
    if (name == "claim") return quotation_text(c.text(name));
    static const std::vector<std::string> texts = {"kicker", "title", "subtitle", "place", "body",
                                                   "source", "cta",   "verdict"};
    for (const auto& t : texts)
        if (name == t) return c.text(name);
    throw SpecError(where, "unknown placeholder '{" + name + "}'",
                    "use a content field, date, time, when, hashtags, quote.text, quote.by, "
                    "quote.role, verdict_label, fact_label, claim_label, source_line or brand.office, brand.unit, "
                    "brand.website, brand.credit, brand.handle");
}

namespace {

// Literal text that only joins two values (" · ", ", ", " - "): dropped with an empty value
// so that "{source_line} · {date}" never shows a dangling " · ".
bool is_joiner(const std::string& text) {
    for (unsigned char ch : text)
        if (std::isalnum(ch) || (ch >= 0x80 && ch != 0xC2 && ch != 0xB7)) return false;
    return true;
}

struct Piece {
    std::string text;
    bool placeholder = false;
};

}  // namespace

std::string fill_pattern(const std::string& pattern, const Spec& spec, const Brand& brand,
                         const SourceMark& where) {
    std::vector<Piece> pieces;
    size_t i = 0;
    while (i < pattern.size()) {
        size_t open = pattern.find('{', i);
        if (open == std::string::npos) {
            pieces.push_back({pattern.substr(i), false});
            break;
        }
        size_t close = pattern.find('}', open);
        if (close == std::string::npos) throw SpecError(where, "unclosed '{' in '" + pattern + "'");
        if (open > i) pieces.push_back({pattern.substr(i, open - i), false});
        std::string name = pattern.substr(open + 1, close - open - 1);
        std::string value = field_text(name, spec, brand, where);
        pieces.push_back({name == "body" ? markdown_to_markup(value) : escape(value), true});
        i = close + 1;
    }
    bool any_placeholder = false, any_value = false;
    for (size_t k = 0; k < pieces.size(); ++k) {
        if (!pieces[k].placeholder) continue;
        any_placeholder = true;
        if (!pieces[k].text.empty()) {
            any_value = true;
            continue;
        }
        // An empty value takes one joiner with it: the one before, or else the one after.
        if (k > 0 && !pieces[k - 1].placeholder && is_joiner(pieces[k - 1].text) && k > 1)
            pieces[k - 1].text.clear();
        else if (k + 1 < pieces.size() && !pieces[k + 1].placeholder && is_joiner(pieces[k + 1].text))
            pieces[k + 1].text.clear();
    }
    if (any_placeholder && !any_value) return {};
    std::string out;
    for (const auto& piece : pieces) out += piece.placeholder ? piece.text : escape(piece.text);
    return out;
}

}  // namespace rupa
