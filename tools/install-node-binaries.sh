#!/usr/bin/env bash
# Builds the node components of the end-to-end cluster from source (Go module proxy + the local Go toolchain,
# nothing prebuilt downloaded) and caches them next to the envtest binaries. A fast no-op when present.
#
#   kubelet, kube-scheduler, kube-proxy  (module tools/node/kubernetes: the same Kubernetes version and
#                                         staging replaces as tools/envtest/kubernetes)
#   coredns                              (tools/node/coredns: CoreDNS with the Corefile's plugins only)
#   registry                             (github.com/distribution/distribution/v3/cmd/registry, its own go.mod;
#                                         keeps manifests on disk and stays small, unlike `crane registry serve`)
#   pause                                (tools/node/pause: the pod sandbox process)
#       -> $PARLEY_CACHE/node/bin/
#
# The node's kube-apiserver, kube-controller-manager, etcd and kubectl are the envtest ones
# (tools/install-test-binaries.sh, which must have run first). Ends by writing $PARLEY_CACHE/node-binaries.env.
#
# Timings (2 cores shared): kubelet+scheduler+proxy ~3 min with the Go build cache warm from the envtest build;
# coredns with every plugin took ~10 min cold, with the Corefile's plugins only it is much less (README); registry
# ~2.5 min.
# Environment: GO, PARLEY_CACHE, PARLEY_FORCE_REBUILD=1 as in tools/install-test-binaries.sh.
set -euo pipefail

K8S_VERSION=1.34.10          # must match tools/node/kubernetes/go.mod and tools/install-test-binaries.sh
COREDNS_VERSION=1.14.7
DISTRIBUTION_VERSION=3.0.0

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${PARLEY_CACHE:-$HOME/.cache/parley}"
BIN="$CACHE/node/bin"
FORCE="${PARLEY_FORCE_REBUILD:-0}"
export CGO_ENABLED=0

log() { printf '[install-node-binaries] %s\n' "$*" >&2; }

GO_BIN="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
[ -x "$GO_BIN" ] || { log "error: no Go toolchain found (set GO=/path/to/go)"; exit 1; }

# A binary is present when it is executable and its stamp names the version this script pins.
present() { [ "$FORCE" != 1 ] && [ -x "$BIN/$1" ] && [ "$(cat "$BIN/$1.version" 2>/dev/null)" = "$2" ]; }
stamp() { echo "$2" > "$BIN/$1.version"; }

mkdir -p "$BIN"
total=$SECONDS

k8s=(kubelet kube-scheduler kube-proxy)
if present kubelet "$K8S_VERSION" && present kube-scheduler "$K8S_VERSION" && present kube-proxy "$K8S_VERSION"; then
  log "kubelet, kube-scheduler, kube-proxy v$K8S_VERSION present"
else
  ldflags="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do   # as hack/lib/version.sh stamps
    ldflags+=" -X $p.gitVersion=v$K8S_VERSION -X $p.gitMajor=${K8S_VERSION%%.*}"
    ldflags+=" -X $p.gitMinor=$(echo "$K8S_VERSION" | cut -d. -f2) -X $p.gitTreeState=clean"
  done
  start=$SECONDS
  log "building ${k8s[*]} v$K8S_VERSION ..."
  tmp="$(mktemp -d "$BIN/.k8s.XXXXXX")"
  (cd "$ROOT/node/kubernetes" && nice "$GO_BIN" build -trimpath -ldflags "$ldflags" -o "$tmp/" \
     k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kube-proxy)
  for b in "${k8s[@]}"; do
    "$tmp/$b" --version 2>/dev/null | grep -q "^Kubernetes v$K8S_VERSION\$" || { log "error: $b does not report v$K8S_VERSION"; exit 1; }
    mv -f "$tmp/$b" "$BIN/$b"; stamp "$b" "$K8S_VERSION"
  done
  rmdir "$tmp"
  log "built ${k8s[*]} in $((SECONDS - start))s"
fi

# go_install <name> <package@version> <stamp>: builds with the module's own go.mod, like its release build
go_install() {
  local name=$1 pkg=$2 version=$3 start=$SECONDS tmp
  if present "$name" "$version"; then log "$name $version present"; return; fi
  log "building $name ($pkg) ..."
  tmp="$(mktemp -d "$BIN/.gobin.XXXXXX")"
  GOBIN="$tmp" nice "$GO_BIN" install -trimpath -ldflags '-s -w' "$pkg"
  mv -f "$tmp/$(basename "${pkg%@*}")" "$BIN/$name"; rmdir "$tmp"; stamp "$name" "$version"
  log "built $name in $((SECONDS - start))s"
}
go_install registry "github.com/distribution/distribution/v3/cmd/registry@v$DISTRIBUTION_VERSION" "$DISTRIBUTION_VERSION"

# CoreDNS with only the Corefile's plugins (tools/node/coredns: its own main, the documented way to choose plugins);
# the stamp names the version and the source, so a change of either rebuilds it.
coredns_version="$COREDNS_VERSION-$(cat "$ROOT/node/coredns/main.go" "$ROOT/node/coredns/go.mod" | sha256sum | cut -c1-12)"
if present coredns "$coredns_version"; then
  log "coredns $coredns_version present"
else
  start=$SECONDS
  log "building coredns $COREDNS_VERSION (the Corefile's plugins only) ..."
  (cd "$ROOT/node/coredns" && nice "$GO_BIN" build -trimpath -ldflags '-s -w' -o "$BIN/coredns.tmp" .)
  mv -f "$BIN/coredns.tmp" "$BIN/coredns"; stamp coredns "$coredns_version"
  log "built coredns in $((SECONDS - start))s"
fi

pause_version="$(sha256sum "$ROOT/node/pause/main.go" | cut -c1-12)"
if present pause "$pause_version"; then
  log "pause present"
else
  (cd "$ROOT/node/pause" && "$GO_BIN" build -trimpath -ldflags '-s -w' -o "$BIN/pause" .)
  stamp pause "$pause_version"
fi

env_tmp="$CACHE/node-binaries.env.tmp.$$"
{
  echo "PARLEY_NODE_BIN=$BIN"
  echo "PARLEY_NODE_K8S_VERSION=$K8S_VERSION"
  echo "PARLEY_NODE_COREDNS_VERSION=$COREDNS_VERSION"
} > "$env_tmp"
mv -f "$env_tmp" "$CACHE/node-binaries.env"
log "done in $((SECONDS - total))s; wrote $CACHE/node-binaries.env"
