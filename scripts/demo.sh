#!/usr/bin/env bash
# One command from a fresh Debian bookworm machine to finished graphics: installs what is
# missing, builds, and renders samples/event.yaml into out/event/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./build/rupa render samples/event.yaml -o out
echo "rupa demo: the graphics are in out/event/"
