// Every bundled brand kit re-skins every template: each sample post, rendered with each kit
// in every still format, comes out whole and without a warning, and carries the kit.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> brand_ids() {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(source_dir() / "templates/brands"))
        if (fs::exists(entry.path() / "brand.yaml")) ids.push_back(entry.path().filename().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The sample specs of the still templates, one per template: samples/<template>.yaml.
std::vector<std::string> sample_templates() {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(source_dir() / "templates")) {
        std::string id = entry.path().filename().string();
        if (fs::exists(entry.path() / "template.yaml") && fs::exists(source_dir() / "samples" / (id + ".yaml")))
            ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The sample spec of `id` with its `brand:` line replaced by `brand`.
std::string rebranded(const std::string& id, const std::string& brand) {
    std::string spec = read_file(source_dir() / "samples" / (id + ".yaml"));
    size_t at = spec.find("\nbrand: ");
    REQUIRE(at != std::string::npos);
    size_t end = spec.find('\n', at + 1);
    return spec.substr(0, at) + "\nbrand: " + brand + spec.substr(end);
}

}  // namespace

TEST_CASE("three brand kits are bundled, each validates, and each differs in colours and fonts") {
    std::vector<std::string> brands = brand_ids();
    CHECK(brands == std::vector<std::string>{"demo-kabupaten", "demo-kota", "demo-provinsi"});
    std::set<std::string> primaries, headings;
    for (const std::string& brand : brands) {
        INFO("brand " << brand);
        std::string file = "templates/brands/" + brand + "/brand.yaml";
        CommandResult r = run_rupa("validate " + file, source_dir());
        CHECK(r.status == 0);
        CHECK(r.err == "");
        YAML::Node kit = YAML::LoadFile((source_dir() / file).string());
        primaries.insert(kit["colors"]["primary"].as<std::string>());
        headings.insert(kit["fonts"]["heading"].as<std::string>());
    }
    CHECK(primaries.size() == brands.size());
    CHECK(headings.size() == brands.size());
}

TEST_CASE("every template's sample renders whole with every brand kit in every still format") {
    std::vector<std::string> templates = sample_templates();
    REQUIRE(templates.size() >= 6);
    ScratchDir dir;
    fs::copy(source_dir() / "samples/photos", dir.path() / "photos");
    // The same post's square, brand by brand: each kit makes it look different.
    std::map<std::string, std::set<std::string>> squares;
    for (const std::string& brand : brand_ids()) {
        YAML::Node kit = YAML::LoadFile((source_dir() / "templates/brands" / brand / "brand.yaml").string());
        std::string hashtag = "#" + kit["hashtags"][0].as<std::string>();
        for (const std::string& id : templates) {
            INFO("template " << id << ", brand " << brand);
            write_file(dir.path() / (id + ".yaml"), rebranded(id, brand));
            YAML::Node tmpl = YAML::LoadFile((source_dir() / "templates" / id / "template.yaml").string());
            std::string formats;
            for (const YAML::Node& f : tmpl["formats"]) formats += (formats.empty() ? "" : ",") + f.as<std::string>();
            fs::path out = dir.path() / brand;
            CommandResult r = run_rupa("render " + id + ".yaml --formats " + formats + " -o " + brand, dir.path());
            CHECK(r.status == 0);
            CHECK(r.err == "");  // not one warning: nothing cut, shrunk past its floor or low in contrast
            for (const YAML::Node& f : tmpl["formats"])
                CHECK(fs::exists(out / id / (f.as<std::string>() + ".png")));
            CHECK(read_file(out / id / "caption.txt").find(hashtag) != std::string::npos);
            squares[id].insert(read_file(out / id / "square.png"));
        }
    }
    for (const auto& [id, pictures] : squares) {
        INFO("template " << id);
        CHECK(pictures.size() == brand_ids().size());
    }
}
