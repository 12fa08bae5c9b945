#include "layout/collage_layout.hpp"

#include <cmath>
#include <numeric>

namespace rupa {

namespace {

// How many photos each line holds, first line first.
std::vector<size_t> line_counts(size_t count) {
    switch (count) {
        case 0: return {};
        case 1: return {1};
        case 2: return {1, 1};
        case 3: return {1, 2};
        case 4: return {2, 2};
        case 5: return {2, 3};
        default: break;
    }
    size_t lines = size_t(std::lround(std::sqrt(double(count))));
    std::vector<size_t> counts(lines, count / lines);
    for (size_t i = 0; i < count % lines; ++i) ++counts[lines - 1 - i];  // the longer lines last
    return counts;
}

// Splits [start, start + length) into parts of the given weights, `gap` apart, at whole pixels.
std::vector<std::pair<double, double>> split(double start, double length, const std::vector<double>& weights,
                                             double gap) {
    double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double room = length - gap * double(weights.size() - 1);
    std::vector<std::pair<double, double>> parts;
    double used = 0;
    for (double w : weights) {
        double from = std::round(start + used / total * room + gap * double(parts.size()));
        used += w;
        double to = std::round(start + used / total * room + gap * double(parts.size()));
        parts.push_back({from, to - from});
    }
    return parts;
}

}  // namespace

std::vector<Box> collage_cells(size_t count, const Box& box, double gap) {
    std::vector<size_t> counts = line_counts(count);
    bool rows = box.h >= box.w;
    // A photo alone on its line beside longer lines leads the collage: its line is half as
    // large again.
    bool leads = counts.size() > 1 && counts.back() > 1;
    std::vector<double> weights;
    for (size_t n : counts) weights.push_back(leads && n == 1 ? 1.5 : 1.0);
    std::vector<Box> cells;
    auto lines = split(rows ? box.y : box.x, rows ? box.h : box.w, weights, gap);
    for (size_t l = 0; l < counts.size(); ++l) {
        auto across = split(rows ? box.x : box.y, rows ? box.w : box.h, std::vector<double>(counts[l], 1.0), gap);
        for (const auto& [at, size] : across)
            cells.push_back(rows ? Box{at, lines[l].first, size, lines[l].second}
                                 : Box{lines[l].first, at, lines[l].second, size});
    }
    return cells;
}

}  // namespace rupa
