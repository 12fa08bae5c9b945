// One key a YAML mapping of rupa's may hold: its name, the kind of value it takes, its range,
// and what it means in Indonesian and English. The readers check keys against these tables
// and the JSON Schemas of schema/ are written from the same tables, so the two cannot drift.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace rupa {

// The closed range a number must lie in; min == max means no range.
struct Bounds {
    double min = 0, max = 0;
    bool given() const { return min < max; }
};

struct KeyDoc {
    std::string name;
    // The kind of value, as schema/json_schema.cpp names it: text, number, boolean, text-list,
    // a content field's type, or the name of another table ("video", "scene", ...).
    std::string type;
    std::string id;  // what the key means, in Indonesian (editor hover text)
    std::string en;  // the same in English
    Bounds bounds{};
};

using KeyTable = std::vector<KeyDoc>;

// The names of a table's keys, in its order (the order "expected one of: ..." lists them).
inline std::vector<std::string> key_names(const KeyTable& table) {
    std::vector<std::string> names;
    for (const KeyDoc& key : table) names.push_back(key.name);
    return names;
}

// The entry for `name`; a name missing from its own table is a programming error.
inline const KeyDoc& key_doc(const KeyTable& table, const std::string& name) {
    for (const KeyDoc& key : table)
        if (key.name == name) return key;
    throw std::logic_error("no key '" + name + "' in its table");
}

}  // namespace rupa
