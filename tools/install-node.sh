#!/usr/bin/env bash
# Everything the end-to-end node (tools/node/node.sh) needs, in order: the Debian packages, the envtest binaries,
# the node's binaries, its images. Each step is a fast no-op when its output is there. Needs root; without it this
# says so and exits 0, and the end-to-end tests skip (fail under PARLEY_REQUIRE_TEST_SERVERS=true), naming what is
# missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$(id -u)" != 0 ]; then
  echo "[install-node] not root: the end-to-end node cannot run here; its tests will be skipped" >&2
  [ "${PARLEY_REQUIRE_TEST_SERVERS:-}" = true ] && exit 1
  exit 0
fi
"$here/install-node-packages.sh"
"$here/install-test-binaries.sh" >/dev/null
"$here/install-node-binaries.sh"
"$here/build-node-images.sh"
