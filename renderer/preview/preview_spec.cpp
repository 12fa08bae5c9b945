#include "preview/preview_spec.hpp"

#include "spec/confined_path.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"
#include "template/template_reader.hpp"

#include <algorithm>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// The shared photos a photo field without a sample shows: one, or (a gallery) all four.
const std::vector<std::string> kSharedPhotos = {"sawah.jpg", "bukit.jpg", "danau.jpg", "sungai.jpg"};

bool is_photo_field(const std::string& name) { return name == "photo" || name == "photos"; }

std::vector<std::string> shared_photo_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(shared_photo_folder(), ec))
        if (entry.is_regular_file(ec) && entry.path().extension() != ".md") names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

// A sample photo's file: in the template's own folder, else among the shared photos; each
// confined to its folder, as a spec's photos are.
fs::path find_photo(const Template& tmpl, const std::string& name, const SourceMark& where) {
    for (const fs::path& folder : {tmpl.folder, shared_photo_folder()}) {
        PathScope scope{folder, "the template's folder", "put the photo in the template's folder"};
        fs::path path = confined_path(scope, name, where, "photo");
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) return path;
    }
    std::string guess = nearest_word(name, shared_photo_names());
    throw SpecError(where, "cannot find the sample photo '" + excerpt(name) + "'",
                    guess.empty() ? "put it in the template's folder, or name one of templates/photos/"
                                  : "did you mean '" + guess + "'?");
}

// The folder both paths lie in.
fs::path common_folder(const fs::path& a, const fs::path& b) {
    fs::path common;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j) common /= *i;
    return common;
}

// A photo field's sample (a file name, {src, focus}, or a list of them) with each file
// found; `found` gets the files.
YAML::Node photo_sample(const Template& tmpl, const FieldSpec& field, std::vector<fs::path>& found) {
    YAML::Node sample;
    SourceMark where = field.sample_where;
    if (!field.sample.empty()) {
        sample = YAML::Load(field.sample);
    } else if (field.name == "photo") {
        sample = YAML::Node(kSharedPhotos.front());
        where = field.where;
    } else {
        for (const auto& name : kSharedPhotos) sample.push_back(name);
        where = field.where;
    }
    auto resolve = [&](YAML::Node photo) {
        YAML::Node src = photo.IsMap() ? photo["src"] : photo;
        if (!src.IsScalar()) return;  // the spec reader says what is wrong with it
        found.push_back(fs::weakly_canonical(find_photo(tmpl, src.Scalar(), where)));
    };
    if (sample.IsSequence())
        for (YAML::Node photo : sample) resolve(photo);
    else
        resolve(sample);
    return sample;
}

// The sample photos' paths rewritten relative to `folder`.
void relocate(YAML::Node sample, std::vector<fs::path>::const_iterator& file, const fs::path& folder) {
    auto rewrite = [&](YAML::Node photo) {
        YAML::Node src = photo.IsMap() ? photo["src"] : photo;
        if (!src.IsScalar()) return;
        std::string relative = fs::relative(*file++, folder).string();
        if (photo.IsMap()) photo["src"] = relative;
        else photo = relative;
    };
    if (sample.IsSequence())
        for (YAML::Node photo : sample) rewrite(photo);
    else
        rewrite(sample);
}

// The formats a preview shows: the template's own, then every video format it plays.
std::vector<std::string> preview_formats(const Template& tmpl) {
    std::vector<std::string> formats = tmpl.formats;
    for (const Format& f : all_formats())
        if (f.kind == FormatKind::video && tmpl.video.declared && tmpl.layout_for(f) &&
            std::find(formats.begin(), formats.end(), f.id) == formats.end())
            formats.emplace_back(f.id);
    return formats;
}

// A template or brand kit named on the command line: an installed id, or a path (its folder
// or its YAML file) as the shell gives it, not confined as a spec's paths are.
template <class Read, class Load>
auto read_named(const std::string& name, const SourceMark& where, const std::string& what, const char* file_name,
                Read read, Load load) {
    if (name.find('/') == std::string::npos) return load(name, where);
    fs::path file = name;
    std::error_code ec;
    if (fs::is_directory(file, ec)) file /= file_name;
    if (!fs::is_regular_file(file, ec))
        throw SpecError(where, "cannot find " + what + " '" + excerpt(name) + "'",
                        "name an installed " + what + ", or its folder");
    return read(file, file.lexically_normal().string());
}

}  // namespace

fs::path shared_photo_folder() { return data_dirs().templates / "photos"; }

PreviewSpec preview_spec(const std::string& template_name, const std::string& brand_name) {
    PreviewSpec out;
    out.tmpl = read_named(template_name, SourceMark{"rupa preview", 0, 0}, "template", "template.yaml", read_template,
                          load_template);
    if (brand_name.empty() && out.tmpl.default_brand.empty())
        throw SpecError(SourceMark{out.tmpl.file.string(), 1, 1}, "the template names no brand kit to preview it with",
                        "add 'brand: ID' to the template, or name one with --brand");
    if (brand_name.empty())
        out.brand = load_brand(out.tmpl.default_brand, SourceMark{out.tmpl.file.string(), 0, 0});
    else
        out.brand = read_named(brand_name, SourceMark{"--brand", 0, 0}, "brand kit", "brand.yaml", read_brand, load_brand);
    const Template& tmpl = out.tmpl;
    SourceMark whole{tmpl.file.string(), 1, 1};

    SpecProblems problems;
    std::vector<std::pair<const FieldSpec*, YAML::Node>> photo_fields;
    for (const FieldSpec& field : tmpl.fields) {
        if (is_photo_field(field.name) && (field.required || !field.sample.empty()))
            problems.attempt([&] { photo_fields.push_back({&field, photo_sample(tmpl, field, out.photos)}); });
        else if (field.required && field.sample.empty())
            problems.add({field.where, "the required field '" + field.name + "' has no sample to preview",
                          "give it one: " + field.name + ": {required: true, sample: ...}"});
    }
    problems.throw_if_any();

    SpecDocument& doc = out.document;
    doc.file = tmpl.file;
    doc.stem = "preview";
    doc.folder = out.photos.empty() ? tmpl.folder : out.photos.front().parent_path();
    for (const fs::path& photo : out.photos) doc.folder = common_folder(doc.folder, photo.parent_path());
    auto line = [&](const std::string& text, const SourceMark& where) {
        doc.yaml += text + "\n";
        doc.line_marks.push_back(where);
    };
    // The template and brand are named by their files, relative to the folder of the mark
    // that names them, as a spec beside them would.
    line("template: " + flow_yaml(YAML::Node("./" + tmpl.file.filename().string())), whole);
    line("brand: " + flow_yaml(YAML::Node("./" + out.brand.file.filename().string())),
         SourceMark{out.brand.file.string(), 1, 1});
    line("formats: [" + join(preview_formats(tmpl), ", ") + "]", whole);
    std::vector<std::pair<std::string, SourceMark>> fields;
    auto photos = out.photos.cbegin();
    for (const FieldSpec& field : tmpl.fields) {
        auto photo = std::find_if(photo_fields.begin(), photo_fields.end(), [&](const auto& p) { return p.first == &field; });
        if (photo != photo_fields.end()) {
            relocate(photo->second, photos, doc.folder);
            fields.push_back({"  " + field.name + ": " + flow_yaml(photo->second),
                              field.sample.empty() ? field.where : field.sample_where});
        } else if (!field.sample.empty()) {
            fields.push_back({"  " + field.name + ": " + field.sample, field.sample_where});
        }
    }
    line(fields.empty() ? "content: {}" : "content:", whole);
    for (const auto& [text, where] : fields) line(text, where);
    return out;
}

}  // namespace rupa
