#!/usr/bin/env bash
# Regenerates every generated file that is committed:
#   helm/parley/crds/*.yml   the CRDs the build generates from the Java types in crds/
#   manifests/install.yaml   the chart rendered with its defaults
# Run it after changing an API type or the chart; tests fail while a committed copy is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl crds -am install -DskipTests

rm -f helm/parley/crds/*.yml
cp crds/target/classes/META-INF/fabric8/*.yml helm/parley/crds/
echo "copied $(ls helm/parley/crds | wc -l) CRDs into helm/parley/crds/"

tools/install-test-binaries.sh >/dev/null
# shellcheck disable=SC1090
source "${PARLEY_CACHE:-$HOME/.cache/parley}/test-binaries.env"
"$PARLEY_HELM" template parley helm/parley --namespace parley-system --include-crds > manifests/install.yaml
echo "rendered manifests/install.yaml"
