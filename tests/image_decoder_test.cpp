// Decoding photos through libav: every image kind an admin may upload, orientation, damage,
// size limit. The media are made by tests/media/make-test-media.sh; each test first checks
// that its file really is the kind it claims, so a change of tool cannot hollow a test out.
#include "media/image_decoder.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <dlfcn.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>

using namespace rupa;
using namespace rupa::test;

namespace {

using Rgba = Argb;

Rgba pixel_at(const DecodedImage& image, int x, int y) { return argb_at(image.surface.get(), x, y); }

void check_pixel(const DecodedImage& image, int x, int y, Rgba want, int tolerance) {
    Rgba got = pixel_at(image, x, y);
    CHECK_MESSAGE(near(got, want, tolerance), "pixel (", x, ",", y, ") is ", got, ", want ", want,
                  " within ", tolerance);
}

// The 64x64 test patches: the centre of each 32x32 quadrant, in reading order.
void check_quadrants(const DecodedImage& image, Rgba top_left, Rgba top_right, Rgba bottom_left,
                     Rgba bottom_right, int tolerance) {
    REQUIRE(image.width == 64);
    REQUIRE(image.height == 64);
    check_pixel(image, 16, 16, top_left, tolerance);
    check_pixel(image, 48, 16, top_right, tolerance);
    check_pixel(image, 16, 48, bottom_left, tolerance);
    check_pixel(image, 48, 48, bottom_right, tolerance);
}

const Rgba kRed{255, 0, 0, 255}, kBlue{0, 0, 255, 255}, kLime{0, 255, 0, 255},
    kWhite{255, 255, 255, 255}, kClear{0, 0, 0, 0};
// A mid tone: read with the wrong YCbCr range it comes out about 212,121,30.
const Rgba kOchre{200, 120, 40, 255};

// What a JPEG's own markers say it is.
struct JpegKind {
    int start_of_frame = -1;   // 0xC0 baseline, 0xC2 progressive
    int components = 0;        // 1 grey, 3 YCbCr, 4 CMYK or YCCK
    int adobe_transform = -1;  // APP14 "Adobe": 0 none (CMYK), 2 YCCK; -1 no such marker
};

JpegKind jpeg_kind(const std::filesystem::path& path) {
    std::string bytes = read_file(path);
    auto byte = [&](size_t at) { return at < bytes.size() ? int(uint8_t(bytes[at])) : 0; };
    JpegKind kind;
    size_t at = 2;  // past SOI
    while (at + 4 <= bytes.size() && byte(at) == 0xff && byte(at + 1) != 0xda) {
        int marker = byte(at + 1);
        size_t length = size_t(byte(at + 2) << 8 | byte(at + 3));
        if (marker == 0xee && bytes.compare(at + 4, 5, "Adobe") == 0) kind.adobe_transform = byte(at + 15);
        if (marker == 0xc0 || marker == 0xc1 || marker == 0xc2) {
            kind.start_of_frame = marker;
            kind.components = byte(at + 9);
        }
        at += 2 + length;
    }
    return kind;
}

// What a PNG's IHDR says it is: bit depth and colour type (0 grey, 2 RGB, 3 palette, 6 RGBA).
struct PngKind {
    int bit_depth = 0;
    int colour_type = -1;
};

PngKind png_kind(const std::filesystem::path& path) {
    std::string bytes = read_file(path);
    REQUIRE(bytes.size() > 26);
    REQUIRE(bytes.compare(12, 4, "IHDR") == 0);
    return {int(uint8_t(bytes[24])), int(uint8_t(bytes[25]))};
}

bool contains(const std::filesystem::path& path, const std::string& text) {
    return read_file(path).find(text) != std::string::npos;
}

// The largest single block libav has asked for since the last reset. av_malloc is built on
// posix_memalign, which this test program interposes: the only way to see that a picture's
// memory was never asked for, rather than asked for and refused.
std::atomic<size_t> largest_aligned_block{0};

}  // namespace

extern "C" int posix_memalign(void** block, size_t alignment, size_t size) {
    using PosixMemalign = int (*)(void**, size_t, size_t);
    static const auto next = reinterpret_cast<PosixMemalign>(dlsym(RTLD_NEXT, "posix_memalign"));
    size_t largest = largest_aligned_block.load();
    while (size > largest && !largest_aligned_block.compare_exchange_weak(largest, size)) {
    }
    return next(block, alignment, size);
}

namespace {

// While alive, caps this process's address space at what it uses now plus `headroom`, so that a
// decoder which does take a huge picture's memory cannot take it from the test machine.
class AddressSpaceCap {
public:
    explicit AddressSpaceCap(rlim_t headroom) {
        getrlimit(RLIMIT_AS, &saved_);
        rlimit cap = saved_;
        cap.rlim_cur = std::min<rlim_t>(saved_.rlim_max, in_use() + headroom);
        setrlimit(RLIMIT_AS, &cap);
    }
    ~AddressSpaceCap() { setrlimit(RLIMIT_AS, &saved_); }
    AddressSpaceCap(const AddressSpaceCap&) = delete;
    AddressSpaceCap& operator=(const AddressSpaceCap&) = delete;

private:
    static rlim_t in_use() {
        rlim_t pages = 0;
        std::ifstream("/proc/self/statm") >> pages;  // first field: total program size
        return pages * rlim_t(sysconf(_SC_PAGESIZE));
    }
    rlimit saved_{};
};

}  // namespace

TEST_CASE("a phone photo stored sideways with EXIF orientation 6 comes out upright") {
    // Stored 512 wide and 640 tall, tagged "rotate 90° clockwise to display".
    DecodedImage image = decode_image(test_media_dir() / "rotated-exif6.jpg");
    CHECK(image.exif_orientation == 6);
    CHECK(image.width == 640);
    CHECK(image.height == 512);
    CHECK(cairo_image_surface_get_width(image.surface.get()) == 640);
    CHECK(cairo_image_surface_get_height(image.surface.get()) == 512);
}

TEST_CASE("each of the eight EXIF orientations turns the picture upright, markers in their corners") {
    // Upright the picture is 64x48, blue, with a red square top left and a lime one top right;
    // only the right transform brings both squares back and the blue to the bottom.
    for (int orientation = 1; orientation <= 8; ++orientation) {
        CAPTURE(orientation);
        DecodedImage image =
            decode_image(test_media_dir() / ("orientation-" + std::to_string(orientation) + ".jpg"));
        CHECK(image.exif_orientation == orientation);
        REQUIRE(image.width == 64);
        REQUIRE(image.height == 48);
        CHECK(cairo_image_surface_get_width(image.surface.get()) == 64);
        CHECK(cairo_image_surface_get_height(image.surface.get()) == 48);
        check_pixel(image, 8, 8, kRed, 12);
        check_pixel(image, 55, 8, kLime, 12);
        check_pixel(image, 8, 40, kBlue, 12);
        check_pixel(image, 55, 40, kBlue, 12);
    }
}

TEST_CASE("an ordinary JPEG decodes at its own size with no orientation") {
    DecodedImage image = decode_image(source_dir() / "samples/photos/sawah.jpg");
    CHECK(image.exif_orientation == 1);
    CHECK(image.width == 1280);
    CHECK(image.height == 1024);
}

TEST_CASE("an ordinary JPEG keeps its colours: full-range YCbCr comes back as the RGB it was") {
    std::filesystem::path file = test_media_dir() / "patches.jpg";
    REQUIRE(jpeg_kind(file).components == 3);
    check_quadrants(decode_image(file), kRed, kBlue, kOchre, kWhite, 4);
}

TEST_CASE("a progressive JPEG decodes to the same pixels as the baseline one of the same picture") {
    std::filesystem::path baseline = test_media_dir() / "photo-baseline.jpg";
    std::filesystem::path progressive = test_media_dir() / "photo-progressive.jpg";
    REQUIRE(jpeg_kind(baseline).start_of_frame == 0xc0);
    REQUIRE(jpeg_kind(progressive).start_of_frame == 0xc2);
    DecodedImage a = decode_image(baseline), b = decode_image(progressive);
    REQUIRE(a.width == 320);
    REQUIRE(a.height == 256);
    REQUIRE(b.width == a.width);
    REQUIRE(b.height == a.height);
    int worst = 0;
    long long total = 0, spread = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            Rgba p = pixel_at(a, x, y), q = pixel_at(b, x, y);
            int differences[] = {p.r - q.r, p.g - q.g, p.b - q.b, p.a - q.a};
            for (int d : differences) {
                worst = std::max(worst, std::abs(d));
                total += std::abs(d);
            }
            spread += std::abs(p.r - pixel_at(a, 0, 0).r);
        }
    }
    CHECK(worst <= 3);
    CHECK(double(total) / (a.width * a.height * 4) < 0.5);
    CHECK(spread > 0);  // a real photo, not a flat colour that any decoder gets right
}

TEST_CASE("a CMYK JPEG in Adobe's YCCK form, as ImageMagick writes it, keeps its colours") {
    std::filesystem::path file = test_media_dir() / "cmyk-ycck.jpg";
    JpegKind kind = jpeg_kind(file);
    REQUIRE(kind.components == 4);
    REQUIRE(kind.adobe_transform == 2);
    check_quadrants(decode_image(file), kRed, kBlue, kOchre, kWhite, 6);
}

TEST_CASE("a CMYK JPEG with Adobe's inverted inks, as Photoshop writes it, keeps its colours") {
    std::filesystem::path file = test_media_dir() / "cmyk-adobe.jpg";
    JpegKind kind = jpeg_kind(file);
    REQUIRE(kind.components == 4);
    REQUIRE(kind.adobe_transform == 0);
    // Inks red, blue, ochre and 50% black (stored 128 of 255): grey 127 or 128.
    check_quadrants(decode_image(file), kRed, kBlue, kOchre, {128, 128, 128, 255}, 4);
}

TEST_CASE("a grayscale JPEG's greys come out grey, not tinted, and at full range") {
    std::filesystem::path file = test_media_dir() / "gray.jpg";
    REQUIRE(jpeg_kind(file).components == 1);
    DecodedImage image = decode_image(file);
    Rgba mid = pixel_at(image, 16, 16);
    CAPTURE(mid);
    CHECK(std::abs(mid.r - mid.g) <= 1);
    CHECK(std::abs(mid.g - mid.b) <= 1);
    CHECK(std::abs(mid.r - 128) <= 3);  // gray(50%) is 127.5 of 255
    CHECK(mid.a == 255);
    // 20%, 80% and white, where reading full range as limited would be 10-15 off.
    check_pixel(image, 48, 16, {51, 51, 51, 255}, 3);
    check_pixel(image, 16, 48, {204, 204, 204, 255}, 3);
    check_pixel(image, 48, 48, kWhite, 3);
}

TEST_CASE("a PNG with alpha comes out premultiplied, an invisible area as all zeros") {
    std::filesystem::path file = test_media_dir() / "alpha.png";
    REQUIRE(png_kind(file).colour_type == 6);
    DecodedImage image = decode_image(file);
    // Red at alpha 127 of 255 is stored premultiplied as red 127; the invisible quadrant hides
    // lime in the file, which premultiplying must clear; white at 25% is 64,64,64,64.
    check_quadrants(image, {127, 0, 0, 127}, kClear, kBlue, {64, 64, 64, 64}, 1);
}

TEST_CASE("a lossless WebP keeps its colours exactly") {
    std::filesystem::path file = test_media_dir() / "patches-lossless.webp";
    REQUIRE(contains(file, "VP8L"));
    check_quadrants(decode_image(file), kRed, kBlue, kOchre, kWhite, 1);
}

TEST_CASE("a lossy WebP keeps its colours: limited-range YCbCr comes back as the RGB it was") {
    std::filesystem::path file = test_media_dir() / "patches-lossy.webp";
    REQUIRE(contains(file, "VP8 "));
    check_quadrants(decode_image(file), kRed, kBlue, kOchre, kWhite, 6);
}

TEST_CASE("a WebP with alpha, lossless or lossy, comes out premultiplied") {
    std::filesystem::path lossless = test_media_dir() / "alpha-lossless.webp";
    std::filesystem::path lossy = test_media_dir() / "alpha-lossy.webp";
    REQUIRE(contains(lossless, "VP8L"));
    REQUIRE(contains(lossy, "ALPH"));
    check_quadrants(decode_image(lossless), {127, 0, 0, 127}, kClear, kBlue, {64, 64, 64, 64}, 1);
    check_quadrants(decode_image(lossy), {127, 0, 0, 127}, kClear, kBlue, {64, 64, 64, 64}, 6);
}

TEST_CASE("16-bit PNGs, colour, colour with alpha and grey, come down to the right 8-bit values") {
    std::filesystem::path rgb = test_media_dir() / "deep-rgb.png";
    std::filesystem::path rgba = test_media_dir() / "deep-rgba.png";
    std::filesystem::path grey = test_media_dir() / "deep-gray.png";
    REQUIRE(png_kind(rgb).bit_depth == 16);
    REQUIRE(png_kind(rgb).colour_type == 2);
    REQUIRE(png_kind(rgba).bit_depth == 16);
    REQUIRE(png_kind(rgba).colour_type == 6);
    REQUIRE(png_kind(grey).bit_depth == 16);
    REQUIRE(png_kind(grey).colour_type == 0);
    // 25/50/75% of 65535 are 64/128/191 of 255; at alpha 50% premultiplied 32/64/96.
    Rgba colour{64, 128, 191, 255}, half{32, 64, 96, 128}, grey30{77, 77, 77, 255};
    check_quadrants(decode_image(rgb), colour, colour, colour, colour, 2);
    check_quadrants(decode_image(rgba), half, half, half, half, 2);
    check_quadrants(decode_image(grey), grey30, grey30, grey30, grey30, 2);
}

TEST_CASE("a palette PNG keeps its colours, and its transparent entry is all zeros") {
    std::filesystem::path file = test_media_dir() / "palette.png";
    REQUIRE(png_kind(file).colour_type == 3);
    REQUIRE(contains(file, "tRNS"));
    check_quadrants(decode_image(file), kRed, kClear, kBlue, kLime, 0);
}

TEST_CASE("an image over 100 megapixels is refused by its header, before its memory is taken") {
    // Both are 12000x10000. The PNG's pixels alone would take 120 MB, the WebP's 480 MB, and
    // either's Cairo copy 480 MB more: under the cap any of these makes the decoding fail.
    std::filesystem::path png = test_media_dir() / "huge.png";
    std::filesystem::path webp = test_media_dir() / "huge.webp";
    PngSize size = png_size(png);
    REQUIRE(size.width == 12000);
    REQUIRE(size.height == 10000);
    REQUIRE(contains(webp, "VP8L"));
    const std::string refusal = "image of 12000x10000 is over the 100-megapixel limit";
    for (const auto& file : {png, webp}) {
        CAPTURE(file);
        largest_aligned_block = 0;
        {
            // Should the memory be asked for after all, the cap keeps it from being had.
            AddressSpaceCap cap(64 << 20);
            CHECK_THROWS_WITH_AS(decode_image(file), refusal.c_str(), MediaError);
        }
        CHECK(largest_aligned_block < (16u << 20));
    }
}

TEST_CASE("damaged, empty and non-image files are refused with a reason") {
    CHECK_THROWS_WITH_AS(decode_image(test_media_dir() / "truncated.jpg"),
                         "the image data is damaged or cut short", MediaError);
    CHECK_THROWS_WITH_AS(decode_image(test_media_dir() / "empty.jpg"), "the file is empty", MediaError);
    CHECK_THROWS_AS(decode_image(test_media_dir() / "not-an-image.jpg"), MediaError);
}
