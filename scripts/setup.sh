#!/usr/bin/env bash
# Installs the Debian packages rupa needs (only those missing) and builds it into build/.
# Safe to run again: a second run installs nothing and rebuilds only what changed.
# Usage: scripts/setup.sh [--with-tests]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev libavfilter-dev
  libcairo2-dev libpango1.0-dev librsvg2-dev libfontconfig-dev libpng-dev
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libxxhash-dev
)
build_tests=OFF
if [[ "${1:-}" == "--with-tests" ]]; then
  build_tests=ON
  # doctest runs the tests; ImageMagick, exiftool and ffmpeg make and inspect test media;
  # GNU time measures the peak memory of a program the tests run; headless Chromium opens the
  # weekly contact sheet as an admin's browser would; GNU parallel runs docs/batch.md's shards;
  # Node.js runs ajv, which checks the bundled YAML files against schemas/ (test tooling only).
  packages+=(doctest-dev imagemagick libimage-exiftool-perl ffmpeg time chromium parallel nodejs)
  # Debian's nodejs comes without npm; a Node.js from elsewhere (NodeSource) brings its own
  # npm, and Debian's npm conflicts with it.
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "rupa setup: installing ${missing[*]}"
  as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  "${as_root[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "${missing[@]}"
fi

# ajv and its YAML loader, at the versions package-lock.json pins, into a gitignored folder;
# installed again only when the lock file changes.
if [[ $build_tests == ON ]]; then
  check=tests/tools/schema-check
  if ! cmp -s "$check/package-lock.json" "$check/node_modules/.rupa-installed-lock"; then
    (cd "$check" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$check/package-lock.json" "$check/node_modules/.rupa-installed-lock"
  fi
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRUPA_BUILD_TESTS=$build_tests
cmake --build build -j"$jobs"
