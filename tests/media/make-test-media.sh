#!/usr/bin/env bash
# Makes the odd media the tests need (rotated, truncated, not-an-image, every image kind an
# admin may upload) from the bundled sample photo or from flat colour patches, so that no test
# file is downloaded. Deterministic and quick: the images are small, the PNGs carry no dates.
# Usage: make-test-media.sh OUTDIR
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$0")/../.." && pwd)"
photo="$here/samples/photos/sawah.jpg"
mkdir -p "$out"
png=(-define png:exclude-chunk=date,time)

# A landscape photo stored sideways with EXIF Orientation 6 (display rotated 90° clockwise),
# as phones write them: it must show upright, i.e. portrait.
# (Tagged with the orientation files below: one exiftool start is half a second.)
convert "$photo" -resize 640x512 -rotate -90 -quality 90 "$out/rotated-exif6.jpg"
# A JPEG cut off half-way, and a text file with an image's name.
head -c 4000 "$photo" > "$out/truncated.jpg"
echo "this is not an image" > "$out/not-an-image.jpg"
: > "$out/empty.jpg"

# The same picture as baseline and as progressive JPEG: their pixels must agree.
convert "$photo" -resize 320x256 -quality 90 -interlace none "$out/photo-baseline.jpg"
convert "$photo" -resize 320x256 -quality 90 -interlace JPEG "$out/photo-progressive.jpg"

# Colour patches, 64x64: red | blue over ochre | white. Each quadrant is 32x32, a whole number
# of JPEG's 16x16 blocks, so its centre pixel is a fair sample even after lossy coding. Pure
# primaries catch swapped or inverted channels; ochre, a mid tone, catches a wrong YCbCr range
# or matrix, which clipping hides in the primaries.
convert -size 32x32 xc:red xc:blue +append \( -size 32x32 xc:'rgb(200,120,40)' xc:white +append \) \
        -append +repage "${png[@]}" PNG24:"$out/patches.png"
convert "$out/patches.png" -quality 95 "$out/patches.jpg"
# ImageMagick writes CMYK as Adobe YCCK (APP14 transform 2) with inverted inks.
convert "$out/patches.png" -colorspace CMYK -quality 95 "$out/cmyk-ycck.jpg"
# Greys 50% | 20% over 80% | white: a range error shows most far from mid-grey.
convert -size 32x32 xc:'gray(50%)' xc:'gray(20%)' +append \( -size 32x32 xc:'gray(80%)' xc:white \
        +append \) -append +repage -colorspace Gray -quality 95 "$out/gray.jpg"

# Photoshop's other CMYK kind: Adobe APP14 transform 0, inverted inks, no colour transform.
# No tool here writes it, so it is built by hand (baseline JPEG, ITU T.81): in flat 8x8 blocks
# only the DC coefficient is non-zero, so one Huffman table gives each DC size a 4-bit code and
# the other has the single 1-bit code "end of block".
# Quadrants as inks C,M,Y,K: red, blue over ochre (the patches' 200,120,40), 50% black.
perl - "$out/cmyk-adobe.jpg" <<'PERL'
use strict; use warnings;
my ($file) = @ARGV;
my @inks = ([0, 255, 255, 0], [255, 255, 0, 0], [0, 102, 204, 55], [0, 0, 0, 128]);
sub segment { my ($marker, $body) = @_; return "\xFF" . chr($marker) . pack('n', 2 + length $body) . $body; }
my $bits = '';
my @last_dc = (0, 0, 0, 0);
for my $by (0 .. 7) {
    for my $bx (0 .. 7) {
        my $quadrant = ($by >= 4 ? 2 : 0) + ($bx >= 4 ? 1 : 0);
        for my $c (0 .. 3) {
            my $stored = 255 - $inks[$quadrant][$c];          # Adobe stores inverted inks
            my $dc = 8 * ($stored - 128);                      # DCT of a flat block, quantiser 1
            my $diff = $dc - $last_dc[$c];
            $last_dc[$c] = $dc;
            my $size = 0;
            $size++ while (abs($diff) >> $size) > 0;
            $bits .= sprintf('%04b', $size);                   # DC code: every size 4 bits long
            $bits .= substr(sprintf('%032b', $diff > 0 ? $diff : $diff + (1 << $size) - 1), 32 - $size) if $size;
            $bits .= '0';                                      # AC: end of block at once
        }
    }
}
$bits .= '1' x ((8 - length($bits) % 8) % 8);
(my $scan = pack('B*', $bits)) =~ s/\xFF/\xFF\x00/g;
my $components = join '', map { pack('CCC', $_, 0x11, 0) } 1 .. 4;
open my $fh, '>:raw', $file or die "$file: $!";
print $fh "\xFF\xD8",                                                   # start of image
    segment(0xEE, "Adobe" . pack('nnnC', 100, 0, 0, 0)),                  # APP14, transform 0
    segment(0xDB, "\x00" . ("\x01" x 64)),                                # quantiser 1 throughout
    segment(0xC0, pack('CnnC', 8, 64, 64, 4) . $components),              # 64x64, 4 components
    segment(0xC4, "\x00" . pack('C16', 0, 0, 0, 12, (0) x 12) . pack('C12', 0 .. 11)
                . "\x10" . pack('C16', 1, (0) x 15) . "\x00"),             # DC and AC tables
    segment(0xDA, pack('C', 4) . join('', map { pack('CC', $_, 0) } 1 .. 4) . pack('CCC', 0, 63, 0)),
    $scan, "\xFF\xD9";                                                   # scan, end of image
close $fh;
PERL

# Transparency, 64x64: half-transparent red | invisible lime over opaque blue | white at 25%.
convert -size 32x32 xc:'rgba(255,0,0,0.5)' xc:'rgba(0,255,0,0)' +append \
        \( -size 32x32 xc:blue xc:'rgba(255,255,255,0.25)' +append \) -append +repage \
        "${png[@]}" PNG32:"$out/alpha.png"

# WebP: lossy (VP8, limited-range YUV), lossless (VP8L) and both with an alpha channel.
convert "$out/patches.png" -quality 90 "$out/patches-lossy.webp"
convert "$out/patches.png" -define webp:lossless=true "$out/patches-lossless.webp"
convert "$out/alpha.png" -quality 90 "$out/alpha-lossy.webp"
convert "$out/alpha.png" -define webp:lossless=true "$out/alpha-lossless.webp"

# 16 bits a channel (colour, colour with alpha, grey) and an 8-bit palette with a transparent
# entry. 25/50/75% are 16384/32768/49151 of 65535: 64/128/191 once brought to 8 bits.
convert -size 64x64 xc:'rgb(25%,50%,75%)' "${png[@]}" PNG48:"$out/deep-rgb.png"
convert -size 64x64 xc:'rgba(25%,50%,75%,0.5)' "${png[@]}" PNG64:"$out/deep-rgba.png"
convert -size 64x64 xc:'gray(30%)' -depth 16 -define png:color-type=0 -define png:bit-depth=16 \
        "${png[@]}" "$out/deep-gray.png"
convert -size 32x32 xc:red xc:none +append \( -size 32x32 xc:blue xc:lime +append \) \
        -append +repage "${png[@]}" PNG8:"$out/palette.png"

# The eight EXIF orientations of one upright 64x48 picture: blue, a red square top left and
# a lime square top right. Each file stores the picture so that its tag turns it upright.
convert -size 64x48 xc:blue -fill red -draw 'rectangle 0,0 15,15' \
        -fill lime -draw 'rectangle 48,0 63,15' "${png[@]}" "$out/upright.png"
stored=([1]="" [2]="-flop" [3]="-rotate 180" [4]="-flip" [5]="-transpose"
        [6]="-rotate -90" [7]="-transverse" [8]="-rotate 90")
tags=(-Orientation=6 "$out/rotated-exif6.jpg" -execute)
for n in 1 2 3 4 5 6 7 8; do
  # shellcheck disable=SC2086  # the transform is meant to split into words
  convert "$out/upright.png" ${stored[$n]} -quality 95 "$out/orientation-$n.jpg"
  tags+=(-Orientation="$n" "$out/orientation-$n.jpg" -execute)
done
exiftool "${tags[@]}" -common_args -q -n -overwrite_original

# A valid grey PNG of 12000x10000 = 120 megapixels, over the limit; 0.5 MB on disk since
# every row is the same. Written directly: ImageMagick would need gigabytes to make it.
perl - "$out/huge.png" 12000 10000 <<'PERL'
use strict; use warnings; use Compress::Zlib;
my ($file, $width, $height) = @ARGV;
sub chunk { my ($type, $data) = @_; return pack('N', length $data) . $type . $data . pack('N', crc32($type . $data)); }
my $deflate = deflateInit(-Level => Z_BEST_SPEED) or die;
my ($idat, $row) = ('', "\0" . ("\x80" x $width));     # filter "none", mid-grey samples
$idat .= scalar $deflate->deflate($row) for 1 .. $height;
$idat .= scalar $deflate->flush();
open my $fh, '>:raw', $file or die "$file: $!";
print $fh "\x89PNG\r\n\x1a\n", chunk('IHDR', pack('NNCCCCC', $width, $height, 8, 0, 0, 0, 0)),
    chunk('IDAT', $idat), chunk('IEND', '');
close $fh;
PERL

# The same over-limit size as a lossless WebP, which libav decodes in full just to learn its
# size. Hand-made: when each of the five prefix codes has a single symbol, every pixel takes
# no bits, so 120 megapixels of grey fit in a few bytes (WebP lossless, RFC 9649).
perl - "$out/huge.webp" 12000 10000 <<'PERL'
use strict; use warnings;
my ($file, $width, $height) = @ARGV;
my $bits = '';                                           # least significant bit first
sub put { my ($value, $count) = @_; $bits .= join '', map { ($value >> $_) & 1 } 0 .. $count - 1; }
put(0x2f, 8); put($width - 1, 14); put($height - 1, 14); put(0, 1); put(0, 3);
put(0, 1);                                               # no transform
put(0, 1);                                               # no colour cache
put(0, 1);                                               # one prefix-code group for the image
for my $symbol (128, 128, 128, 255, 0) {                 # green, red, blue, alpha, distance
    put(1, 1); put(0, 1); put(1, 1); put($symbol, 8);    # simple code: one 8-bit symbol
}
$bits .= '0' x ((8 - length($bits) % 8) % 8);
my $vp8l = pack('b*', $bits);
$vp8l .= "\0" if length($vp8l) % 2;
my $body = 'WEBP' . 'VP8L' . pack('V', length $vp8l) . $vp8l;
open my $fh, '>:raw', $file or die "$file: $!";
print $fh 'RIFF', pack('V', length $body), $body;
close $fh;
PERL

# Media for the bad-input corpus (tests/corpus/): a PNG cut off half-way and a PDF where a
# photo is expected.
convert "$photo" -resize 50% "${png[@]}" "$out/whole.png"
head -c 60000 "$out/whole.png" > "$out/truncated.png"
rm "$out/whole.png"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' \
       > "$out/document.pdf"

# The corpus's specs that are too big, too deep or not text enough to keep in git. Like the
# hand-written ones, each starts with the first line of stderr it must produce; a spec that
# cannot carry a comment has it in NAME.expect.
rm -rf "$out/corpus"
perl - "$out/corpus" "$photo" <<'PERL'
use strict; use warnings; use Encode;
my ($dir, $photo) = @ARGV;
mkdir $dir;
sub write_file { my ($file, $bytes) = @_; open my $fh, '>:raw', "$dir/$file" or die "$file: $!"; print $fh $bytes; close $fh; }
# NAME, the expected line after "NAME.yaml", what the case is, the spec from its third line.
sub spec { my ($name, $expect, $why, $body) = @_; write_file("$name.yaml", "# expect: $name.yaml$expect\n# $why\n$body"); }
my $event = "template: event\ncontent:\n";
my $photo_line = "  photo: photos/sawah.jpg\n";
my $tail = "(save the file as UTF-8)";

spec('invalid-utf8-title', ":5:10: error: 'title' is not valid UTF-8 text $tail",
     'A byte sequence that is not UTF-8 in the title.', "$event  title: Rapat \xC3\x28 Humas\n$photo_line");
spec('invalid-utf8-field-name', ":5:3: error: a field name is not valid UTF-8 text $tail",
     'Latin-1 in a field name.', "$event  titl\xE9: Rapat\n$photo_line");
spec('invalid-utf8-hashtag', ":7:13: error: 'hashtags' is not valid UTF-8 text $tail",
     'A single hashtag, written without a list.', "$event  title: Rapat\n$photo_line  hashtags: Rapat\xFF\n");
spec('latin1-place', ":6:10: error: 'place' is not valid UTF-8 text $tail",
     'A file saved as Latin-1.', "$event  title: Rapat\n  place: Caf\xE9 Sumberagung\n$photo_line");
spec('nested-10000-lists', ":5:20010: error: not valid YAML: nested too deeply (a spec needs only a few levels)",
     'Ten thousand nested flow lists as the title.', "$event  title: " . ('[' x 10000) . (']' x 10000) . "\n");
spec('nested-10000-maps', ":5:1997: error: not valid YAML: nested too deeply (a spec needs only a few levels)",
     'Ten thousand nested flow mappings as the title.', "$event  title: " . ('{a: ' x 10000) . 'b' . ('}' x 10000) . "\n");
spec('nested-1000-block-lists', ":505:502: error: not valid YAML: nested too deeply (a spec needs only a few levels)",
     'A thousand nested block lists, one space deeper each.',
     "$event  title: Rapat\n$photo_line  body:\n" . join('', map { (' ' x (3 + $_)) . "-\n" } 0 .. 999));
spec('points-10000', ":7:5: error: 'points' lists 10000 points; rupa takes at most 50 (split them over several posts)",
     'Ten thousand bullet points.', "template: announcement\ncontent:\n  title: Pengumuman\n  points:\n" .
     join('', map { "    - Poin nomor $_\n" } 1 .. 10000));
spec('agenda-2000', ":7:5: error: 'items' lists 2000 agenda entries; rupa takes at most 50 (split them over several posts)",
     'Two thousand agenda entries: under the file\'s value limit, over the list\'s.', "template: agenda\ncontent:\n  title: Agenda\n  items:\n" .
     join('', map { "    - {date: 2024-07-01, time: \"08:00\", title: Acara $_, place: Pendopo}\n" } 1 .. 2000));
spec('agenda-10000', ":2228:14: error: the file holds more than 20000 values (a post needs a few hundred at most; split it over several files)",
     'Ten thousand agenda entries: 90,000 values, refused before yaml-cpp builds them.', "template: agenda\ncontent:\n  title: Agenda\n  items:\n" .
     join('', map { "    - {date: 2024-07-01, time: \"08:00\", title: Acara $_, place: Pendopo}\n" } 1 .. 10000));
my $megabyte = 'a' x 1_000_000;
spec('megabyte-verdict', ":6:12: error: 'verdict' has 1000000 characters; rupa takes at most 10000 in one field (shorten it)",
     'A megabyte where a verdict is expected: refused by the length limit, not quoted.',
     "template: hoax\ncontent:\n  claim: Pendaftaran CPNS dipungut biaya.\n  verdict: $megabyte\n  body: Tidak benar.\n");
spec('megabyte-photo-path', ":6:10: error: 'photo' has 1000011 characters; rupa takes at most 10000 in one field (shorten it)",
     'A megabyte of path.', "$event  title: Rapat\n  photo: photos/$megabyte.jpg\n");
spec('megabyte-template', ":3:11: error: 'template' has 1000000 characters; rupa takes at most 10000 in one field (shorten it)",
     'A megabyte as the template name: refused by the length limit.',
     "template: $megabyte\ncontent:\n  title: Rapat\n$photo_line");
spec('megabyte-format', ":4:11: error: 'formats' has 1000000 characters; rupa takes at most 10000 in one field (shorten it)",
     'A megabyte as a format name: refused by the length limit.',
     "template: event\nformats: [$megabyte]\ncontent:\n  title: Rapat\n$photo_line");
spec('megabyte-title', ":5:10: error: 'title' has 1049999 characters; rupa takes at most 10000 in one field (shorten it)",
     # (175,000 times 'Rapat ' less the trailing space YAML drops)
     'A megabyte of words as the title: refused by the length limit before layout.',
     "$event  title: " . ('Rapat ' x 175_000) . "\n$photo_line");
spec('megabyte-word-title', ":5:10: error: 'title' has 1000000 characters; rupa takes at most 10000 in one field (shorten it)",
     'A megabyte without a space as the title: refused by the length limit before layout.',
     "$event  title: $megabyte\n$photo_line");

# A JPEG given as the spec, and a spec saved as UTF-16 without a byte-order mark.
open my $jpeg, '<:raw', $photo or die "$photo: $!";
read $jpeg, my $head, 4096;
write_file('binary-spec.yaml', $head);
write_file('binary-spec.expect', "binary-spec.yaml:1:1: error: not a text file (a spec is YAML text saved as UTF-8)\n");
write_file('utf16-without-bom.yaml', encode('UTF-16LE', "$event  title: Rapat\n$photo_line"));
write_file('utf16-without-bom.expect', "utf16-without-bom.yaml:1:1: error: not a text file (a spec is YAML text saved as UTF-8)\n");
PERL

# ---- Sound and video (media_probe, clip_reader). Made with ffmpeg from its own test
# sources; -bitexact and no metadata keep encoder versions and dates out of the files.
ff=(ffmpeg -hide_banner -loglevel error -nostdin -y)
exact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)
tone=(-f lavfi -i "sine=frequency=440:sample_rate=48000:duration=3" -ac 2)
# 3 s of a 440 Hz sine, 48 kHz stereo, in every sound format a spec may name for music.
"${ff[@]}" "${tone[@]}" "${exact[@]}" -c:a pcm_s16le "$out/tone.wav"
"${ff[@]}" -i "$out/tone.wav" "${exact[@]}" -c:a libmp3lame -b:a 128k "$out/tone.mp3"
"${ff[@]}" -i "$out/tone.wav" "${exact[@]}" -c:a aac -b:a 128k "$out/tone.m4a"
"${ff[@]}" -i "$out/tone.wav" "${exact[@]}" -c:a libvorbis -q:a 3 "$out/tone.ogg"
"${ff[@]}" -i "$out/tone.wav" "${exact[@]}" -c:a flac "$out/tone.flac"
# A voice-over as a phone records one: mono AAC, quiet (about -36 LUFS), 5 s of speech-like
# phrases: a 1 kHz tone (well apart from the music's 440 Hz, so a test can tell them apart)
# whose level rises and falls four times a second like syllables, speaking for 1.5 s, then
# silent for 1 s: phrases at 0-1.5 s and 2.5-4 s, silence from 4 s.
"${ff[@]}" -f lavfi -i "sine=frequency=1000:sample_rate=48000:duration=5" \
           -af "volume='if(lt(mod(t,2.5),1.5),0.3*(0.55+0.45*sin(8*PI*t)),0)':eval=frame" -ac 1 \
           "${exact[@]}" -c:a aac -b:a 96k "$out/voice-phrases.m4a"
# A song with its album cover: the attached picture is not a video stream.
convert -size 64x64 xc:orange -quality 90 "$out/cover.jpg"
"${ff[@]}" -i "$out/tone.mp3" -i "$out/cover.jpg" -map 0:a -map 1:v -c copy -id3v2_version 3 \
           -disposition:v:0 attached_pic "${exact[@]}" "$out/cover-art.mp3"
rm "$out/cover.jpg"
# A text file with a song's name, and an m4a cut in half: its moov (the index at the end
# of the file) is missing.
echo "this is not a song" > "$out/not-media.mp3"
head -c "$(( $(stat -c %s "$out/tone.m4a") / 2 ))" "$out/tone.m4a" > "$out/truncated.m4a"

# Video frames with a clock: a white bar 4 px wide in the bottom 20 rows moves 60 px a second
# (x = 60 t), i.e. 2 px per frame at 30 fps, so a test reads the time a frame shows from
# where the bar is. Above it, testsrc2's moving pattern.
clock() {  # clock WIDTH HEIGHT RATE SECONDS: the filter graph of such frames
  echo "testsrc2=s=$1x$(( $2 - 20 )):r=$3:d=$4,pad=$1:$2:0:0:black[picture];" \
       "color=white:s=4x20:r=$3:d=$4[bar];[picture][bar]overlay=x=round(60*t):y=$(( $2 - 20 )):eval=frame:format=yuv444"
}
h264=(-c:v libx264 -preset veryfast -crf 18 -pix_fmt yuv420p -threads 1)
# 4 s of H.264 at 320x180, 30 fps, with AAC sound: the ordinary clip.
"${ff[@]}" -f lavfi -i "$(clock 320 180 30 4)" -f lavfi -i "sine=frequency=660:sample_rate=48000:duration=4" \
           -ac 2 "${h264[@]}" -c:a aac -b:a 128k -shortest "${exact[@]}" "$out/clip-h264.mp4"
# 2 s of colour patches with no sound stream, coded with the BT.709 matrix in limited range
# and tagged so: red | blue over ochre | white, 160x90 each. The colours must come back.
"${ff[@]}" -f lavfi -i "color=red:s=160x90:r=30:d=2[r];color=blue:s=160x90:r=30:d=2[b];\
color=0xC87828:s=160x90:r=30:d=2[o];color=white:s=160x90:r=30:d=2[w];[r][b]hstack[top];\
[o][w]hstack[bottom];[top][bottom]vstack,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
           "${h264[@]}" -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv \
           "${exact[@]}" "$out/clip-silent.mp4"
# A phone clip recorded upright: HEVC stored landscape (320x180, 60 fps, 2 s) with a display
# matrix that turns it 90° clockwise to portrait 180x320. Upright it shows a red square top
# left, a lime one top right, and the clock's bar along the bottom moving to the right.
# FFmpeg 5.1's ffmpeg takes "rotate" as degrees counter-clockwise: rotate=-90 writes the
# matrix an upright phone writes (ffprobe: rotation=-90; ffmpeg shows it red top left).
"${ff[@]}" -f lavfi -i "color=navy:s=180x320:r=60:d=2[bg];color=red:s=40x40:r=60:d=2[red];\
color=lime:s=40x40:r=60:d=2[lime];color=white:s=4x20:r=60:d=2[bar];[bg][red]overlay=0:0[a];\
[a][lime]overlay=140:0[b];[b][bar]overlay=x=round(60*t):y=300:eval=frame:format=yuv444,transpose=cclock" \
           -c:v libx265 -preset ultrafast -x265-params log-level=error:pools=1:frame-threads=1 \
           -crf 22 -pix_fmt yuv420p "${exact[@]}" "$out/stored-landscape.mp4"
"${ff[@]}" -i "$out/stored-landscape.mp4" -c copy -metadata:s:v:0 rotate=-90 "${exact[@]}" \
           "$out/clip-rotated-hevc.mp4"
rm "$out/stored-landscape.mp4"
# Variable frame rate, as phones write in low light: the clock at 60 fps keeping only the frames
# whose number divides by 3 or 5, so frames last 1/60, 2/60 or 3/60 s. 3 s.
"${ff[@]}" -f lavfi -i "$(clock 320 180 60 3),select='not(mod(n\,5))+not(mod(n\,3))'" \
           -fps_mode vfr "${h264[@]}" "${exact[@]}" "$out/clip-vfr.mp4"
# An mp4 whose index comes first (faststart) cut 2 kB into its data: the header is whole, the
# first frames are not.
"${ff[@]}" -i "$out/clip-h264.mp4" -c copy -movflags +faststart "${exact[@]}" "$out/faststart.mp4"
data_at=$(grep -obUa mdat "$out/faststart.mp4" | head -1 | cut -d: -f1)
head -c $(( data_at + 2000 )) "$out/faststart.mp4" > "$out/truncated.mp4"
# The same whole mp4 with 1800 bytes of noise over the start of its data: the container
# describes a fine clip; only decoding its first frames finds the damage.
cp "$out/faststart.mp4" "$out/garbled.mp4"
perl -e 'print map { chr($_ * 7919 % 251) } 0 .. 1799' |
  dd of="$out/garbled.mp4" bs=1 seek=$(( data_at + 200 )) conv=notrunc status=none
rm "$out/faststart.mp4"
# A phone's 3-minute portrait clip: 1920x1080 H.264 stored, turned upright to 1080x1920, 30 fps,
# ~1.4 Mbit/s, AAC sound. For the memory bound. Encoding 180 s of 1080p costs over a minute, so
# 2 s (one closed GOP) are encoded and repeated by stream copy: ~6 s in all.
"${ff[@]}" -f lavfi -i "color=0x336699:s=1920x1080:r=30:d=2[bg];testsrc2=s=320x180:r=30:d=2[moving];\
[bg][moving]overlay=x=800+700*sin(t*PI):y=450:eval=frame" -c:v libx264 -preset ultrafast \
           -tune fastdecode -g 60 -b:v 2M -pix_fmt yuv420p "${exact[@]}" "$out/phone-2s.mp4"
"${ff[@]}" -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=180" -ac 2 -c:a aac -b:a 96k \
           "${exact[@]}" "$out/phone-sound.m4a"
"${ff[@]}" -stream_loop -1 -i "$out/phone-2s.mp4" -i "$out/phone-sound.m4a" -map 0:v -map 1:a \
           -t 180 -c copy -metadata:s:v:0 rotate=-90 "${exact[@]}" "$out/phone-3min.mp4"
rm "$out/phone-2s.mp4" "$out/phone-sound.m4a"

touch "$out/stamp"
