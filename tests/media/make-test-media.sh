#!/usr/bin/env bash
# Makes the odd media the tests need (rotated, truncated, not-an-image) from the bundled
# sample photo, so that no test file is downloaded. Usage: make-test-media.sh OUTDIR
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$0")/../.." && pwd)"
photo="$here/samples/photos/sawah.jpg"
mkdir -p "$out"
# A landscape photo stored sideways with EXIF Orientation 6 (display rotated 90° clockwise),
# as phones write them: it must show upright, i.e. portrait.
convert "$photo" -resize 640x512 -rotate -90 -quality 90 "$out/rotated-exif6.jpg"
exiftool -q -overwrite_original -Orientation=6 -n "$out/rotated-exif6.jpg"
# A JPEG cut off half-way, and a text file with an image's name.
head -c 4000 "$photo" > "$out/truncated.jpg"
echo "this is not an image" > "$out/not-an-image.jpg"
: > "$out/empty.jpg"
touch "$out/stamp"
