#!/usr/bin/env bash
# Rewrites tests/golden/*.png from the current renderer. Run it after a deliberate change
# of look, then open the changed images (git status shows them) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-tests >/dev/null
RUPA_UPDATE_GOLDEN=1 ./build/rupa_tests --test-case='golden:*' --success=false
git status --short tests/golden || true
