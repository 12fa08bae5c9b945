#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs one for a given time.
# Usage: fuzz/run.sh TARGET SECONDS      TARGET: spec, template, image, media, captions or svg
# The corpus grows in build-fuzz/corpus-TARGET (seeded from samples/, templates/ and the
# test media); a crash is written to build-fuzz/crashes/ and the script exits non-zero.
# Keep a crasher as a regression case in tests/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: fuzz/run.sh spec|template|image|media|captions|svg SECONDS}"
seconds="${2:-600}"
command -v clang++ >/dev/null || { echo "fuzz: needs clang (apt-get install clang libclang-rt-14-dev)"; exit 2; }

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRUPA_FUZZ=ON -DRUPA_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"${FUZZ_BUILD_JOBS:-$(nproc)}" --target "fuzz_$target" >/dev/null

corpus="build-fuzz/corpus-$target"
mkdir -p "$corpus" build-fuzz/crashes
case "$target" in
  spec) cp -n samples/*.yaml fuzz/seeds/*.yaml "$corpus"/ ;;
  captions) cp -n fuzz/seeds/*.srt "$corpus"/
            # Long lines: the regex this reader once used overflowed the stack at 30,000 characters.
            { printf '1\n00:00:01,000 --> 00:00:03,000\n'; head -c 40000 /dev/zero | tr '\0' '<'; echo; } > "$corpus/long-line.srt"
            { printf '1\n00:00:01,000 --> '; head -c 40000 /dev/zero | tr '\0' '9'; echo; } > "$corpus/long-time.srt" ;;
  svg) cp -n fuzz/seeds/*.svg "$corpus"/
       for f in templates/brands/*/logo.svg; do cp -n "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
  template) cp -n templates/*/template.yaml "$corpus"/ 2>/dev/null || true
            for f in templates/*/template.yaml templates/brands/*/brand.yaml; do
              cp -n "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
  image) bash tests/media/make-test-media.sh build-fuzz/media >/dev/null
         find build-fuzz/media -type f -size -200k ! -name stamp -exec cp -n {} "$corpus"/ \; ;;
  media) bash tests/media/make-test-media.sh build-fuzz/media >/dev/null
         find build-fuzz/media -type f -size -300k \( -name '*.mp4' -o -name '*.mp3' -o -name '*.m4a' \
              -o -name '*.ogg' -o -name '*.flac' -o -name '*.wav' \) -exec cp -n {} "$corpus"/ \; ;;
  *) echo "fuzz: unknown target '$target' (spec, template, image, media, captions or svg)"; exit 2 ;;
esac
# The spec target reads photos relative to the spec: give it the sample photos.
[[ "$target" == spec ]] && export RUPA_FUZZ_PHOTOS="$PWD/samples/photos"

export ASAN_OPTIONS=detect_leaks=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# The captions and SVG targets take long inputs (a whole .srt or logo); the others the default.
max_len=()
[[ "$target" == captions || "$target" == svg ]] && max_len=(-max_len=100000)
"./build-fuzz/fuzz_$target" "$corpus" "${max_len[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=build-fuzz/crashes/"$target"- -print_final_stats=1
