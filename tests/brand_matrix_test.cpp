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

// Renders the sample of template `id` with `brand` (an id, or a path from `dir`) into
// `dir`/`out`/`id` in every still format of the template, and checks that it came out whole,
// without a warning, with the kit's hashtag in caption.txt; returns the square's bytes.
std::string render_sample(const fs::path& dir, const std::string& id, const std::string& brand,
                          const std::string& out, const std::string& hashtag) {
    INFO("template " << id << ", brand " << brand);
    write_file(dir / (id + ".yaml"), rebranded(id, brand));
    YAML::Node tmpl = YAML::LoadFile((source_dir() / "templates" / id / "template.yaml").string());
    std::string formats;
    for (const YAML::Node& f : tmpl["formats"]) formats += (formats.empty() ? "" : ",") + f.as<std::string>();
    CommandResult r = run_rupa("render " + id + ".yaml --formats " + formats + " -o " + out, dir);
    CHECK(r.status == 0);
    CHECK(r.err == "");  // not one warning: nothing cut, shrunk past its floor or low in contrast
    for (const YAML::Node& f : tmpl["formats"]) CHECK(fs::exists(dir / out / id / (f.as<std::string>() + ".png")));
    CHECK(read_file(dir / out / id / "caption.txt").find(hashtag) != std::string::npos);
    return read_file(dir / out / id / "square.png");
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
        for (const std::string& id : templates) squares[id].insert(render_sample(dir.path(), id, brand, brand, hashtag));
    }
    for (const auto& [id, pictures] : squares) {
        INFO("template " << id);
        CHECK(pictures.size() == brand_ids().size());
    }
}

TEST_CASE("a kit made by rupa brand new validates, and every sample renders whole with it") {
    ScratchDir dir;
    fs::copy(source_dir() / "samples/photos", dir.path() / "photos");
    fs::copy_file(source_dir() / "templates/brands/demo-provinsi/logo.svg", dir.path() / "emblem.svg");
    CommandResult made = run_rupa(
        "brand new kits/kominfo-contoh --office 'Pemerintah Kabupaten Contoh' --unit 'Dinas Kominfo' "
        "--logo emblem.svg --primary '#7A1F3D' --accent '#F2C14E' --timezone wita "
        "--website https://contohkab.go.id/ --handle instagram=@kominfocontoh --handle x=kominfocontoh "
        "--hashtags 'ContohMaju, #Gotong Royong' --credit 'Diskominfo Contoh'",
        dir.path());
    CHECK(made.status == 0);
    CHECK(made.err == "");
    CHECK(made.out == "kits/kominfo-contoh/brand.yaml: ok\n"
                      "kits/kominfo-contoh/logo.svg: the logo\n"
                      "text on primary #EFE4E8, on accent #3A2E13\n"
                      "use it in a spec in this folder with: brand: ./kits/kominfo-contoh\n"
                      "(or move the folder into templates/brands/ and write: brand: kominfo-contoh)\n");
    YAML::Node kit = YAML::LoadFile((dir.path() / "kits/kominfo-contoh/brand.yaml").string());
    CHECK(kit["id"].as<std::string>() == "kominfo-contoh");
    CHECK(kit["office"].as<std::string>() == "Pemerintah Kabupaten Contoh");
    CHECK(kit["logo"].as<std::string>() == "logo.svg");
    CHECK(kit["colors"]["primary"].as<std::string>() == "#7A1F3D");
    CHECK(kit["colors"]["accent"].as<std::string>() == "#F2C14E");
    CHECK(kit["timezone"].as<std::string>() == "WITA");
    CHECK(kit["website"].as<std::string>() == "contohkab.go.id");
    CHECK(kit["handles"]["instagram"].as<std::string>() == "@kominfocontoh");
    CHECK(kit["handles"]["x"].as<std::string>() == "@kominfocontoh");
    CHECK(kit["hashtags"][1].as<std::string>() == "GotongRoyong");
    CHECK(read_file(dir.path() / "kits/kominfo-contoh/logo.svg") == read_file(dir.path() / "emblem.svg"));

    CommandResult valid = run_rupa("validate kits/kominfo-contoh", dir.path());
    CHECK(valid.status == 0);
    CHECK(valid.err == "");
    CHECK(valid.out == "kits/kominfo-contoh/brand.yaml: ok\n");
    for (const std::string& id : sample_templates()) render_sample(dir.path(), id, "./kits/kominfo-contoh", "out", "#ContohMaju");
}
