#!/usr/bin/env bash
# Writes schemas/*.schema.json afresh from the readers' key tables, after a key was added to
# or changed in renderer/spec/spec_keys.cpp, renderer/spec/spec.hpp (content fields) or
# renderer/template/template_keys.cpp. Usage: scripts/update-schemas.sh [path/to/rupa]
set -euo pipefail
cd "$(dirname "$0")/.."
rupa=${1:-build/rupa}
mkdir -p schemas
for kind in spec template brand; do
  "$rupa" schema "$kind" > "schemas/$kind.schema.json.tmp"
  mv "schemas/$kind.schema.json.tmp" "schemas/$kind.schema.json"
done
echo "rupa: wrote schemas/spec.schema.json, schemas/template.schema.json, schemas/brand.schema.json"
