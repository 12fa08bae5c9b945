// Decoding photos through libav: orientation, damage.
#include "media/image_decoder.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rupa;
using namespace rupa::test;

TEST_CASE("a phone photo stored sideways with EXIF orientation 6 comes out upright") {
    // Stored 512 wide and 640 tall, tagged "rotate 90° clockwise to display".
    DecodedImage image = decode_image(test_media_dir() / "rotated-exif6.jpg");
    CHECK(image.exif_orientation == 6);
    CHECK(image.width == 640);
    CHECK(image.height == 512);
    CHECK(cairo_image_surface_get_width(image.surface.get()) == 640);
    CHECK(cairo_image_surface_get_height(image.surface.get()) == 512);
}

TEST_CASE("an ordinary JPEG decodes at its own size with no orientation") {
    DecodedImage image = decode_image(source_dir() / "samples/photos/sawah.jpg");
    CHECK(image.exif_orientation == 1);
    CHECK(image.width == 1280);
    CHECK(image.height == 1024);
}

TEST_CASE("damaged, empty and non-image files are refused with a reason") {
    CHECK_THROWS_WITH_AS(decode_image(test_media_dir() / "truncated.jpg"),
                         "the image data is damaged or cut short", MediaError);
    CHECK_THROWS_WITH_AS(decode_image(test_media_dir() / "empty.jpg"), "the file is empty", MediaError);
    CHECK_THROWS_AS(decode_image(test_media_dir() / "not-an-image.jpg"), MediaError);
}
