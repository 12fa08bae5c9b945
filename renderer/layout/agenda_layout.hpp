// Laying out an agenda: one row per entry, a date block (day big, month small) on the
// left, the title and "weekday · time · place" to its right (DESIGN.md, agenda).
#pragma once

#include "layout/stat_layout.hpp"

#include <vector>

namespace rupa {

struct AgendaLayoutInputs {
    const Element& element;
    const std::vector<AgendaItem>& items;
    Locale locale;
    const std::string& timezone;  // the brand's WIB, WITA or WIT
    const Brand& brand;
    const FontSet& fonts;
    std::function<Rgba(const ColorRef&)> colour;
};

// The entries' nodes; none when they do not fit whole at their minimum sizes (`fit` says
// how many would).
std::vector<SceneNode> layout_agenda(const AgendaLayoutInputs& in, ListFit& fit);

}  // namespace rupa
