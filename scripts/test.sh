#!/usr/bin/env bash
# Installs what is missing, builds with the tests, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-tests
cd build
ctest --output-on-failure --timeout 900
