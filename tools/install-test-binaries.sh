#!/usr/bin/env bash
# Builds the real test-infrastructure binaries from source (Go module proxy +
# the local Go toolchain, no downloads of prebuilt binaries) and caches them
# outside the repo. A fast no-op when they are already there.
#
#   etcd, kube-apiserver, kubectl,
#   kube-controller-manager       -> $PARLEY_CACHE/envtest/k8s/<K8S_VERSION>-linux-amd64/
#       (the layout fabric8 kube-api-test reads: <dir>/k8s/<version>-linux-amd64/)
#   helm                          -> $PARLEY_CACHE/helm/<HELM_VERSION>/helm
#
# PARLEY_CACHE defaults to $HOME/.cache/parley. At the end it prints, and writes
# to $PARLEY_CACHE/test-binaries.env:
#   PARLEY_ENVTEST_DIR, PARLEY_K8S_VERSION, PARLEY_HELM
#
# The pinned Go modules live in tools/envtest/kubernetes and tools/envtest/etcd
# (see tools/envtest/README.md, which also lists the kube-apiserver flag set
# that was verified to work with these binaries).
#
# Environment: GO (go binary, default: `go` on PATH, else /usr/local/go/bin/go),
#              PARLEY_FORCE_REBUILD=1 to rebuild even if the binaries are present.
#
# Verified flag set (tools/envtest/smoke-test.sh runs exactly this and checks
# /readyz, a write/read round trip, RBAC and service-account tokens; $TMP is a
# temp dir, the ports are free loopback ports):
#   openssl genrsa -out $TMP/sa.key 2048; openssl rsa -in $TMP/sa.key -pubout -out $TMP/sa.pub
#   $TMP/tokens.csv:  <admin-token>,admin,admin-uid,system:masters
#   etcd --name=envtest --data-dir=$TMP/etcd \
#        --listen-client-urls=http://127.0.0.1:$ETCD_PORT \
#        --advertise-client-urls=http://127.0.0.1:$ETCD_PORT \
#        --listen-peer-urls=http://127.0.0.1:$ETCD_PEER_PORT \
#        --initial-advertise-peer-urls=http://127.0.0.1:$ETCD_PEER_PORT \
#        --initial-cluster=envtest=http://127.0.0.1:$ETCD_PEER_PORT \
#        --unsafe-no-fsync=true
#   kube-apiserver --etcd-servers=http://127.0.0.1:$ETCD_PORT \
#        --advertise-address=127.0.0.1 --bind-address=127.0.0.1 \
#        --secure-port=$API_PORT --cert-dir=$TMP/certs \
#        --service-cluster-ip-range=10.0.0.0/24 \
#        --service-account-issuer=https://kubernetes.default.svc.cluster.local \
#        --service-account-key-file=$TMP/sa.pub \
#        --service-account-signing-key-file=$TMP/sa.key \
#        --token-auth-file=$TMP/tokens.csv \
#        --authorization-mode=RBAC \
#        --disable-admission-plugins=ServiceAccount \
#        --allow-privileged=true \
#        --endpoint-reconciler-type=none
#   kubectl --server=https://127.0.0.1:$API_PORT --token=<admin-token> \
#        --insecure-skip-tls-verify=true get --raw /readyz        # -> ok
set -euo pipefail

# ---- pinned versions ---------------------------------------------------------
# Kubernetes: must match tools/envtest/kubernetes/go.mod (k8s.io/kubernetes and
# the v0.<minor>.<patch> staging replaces). v1.34.10 is the newest 1.34 patch
# whose go.mod verifies against the checksum database via the module proxy here.
K8S_VERSION=1.34.10
# etcd: must match tools/envtest/etcd/go.mod (go.etcd.io/etcd/server/v3).
# Kubernetes 1.34 is built/tested against etcd 3.6.x.
ETCD_VERSION=3.6.16
# Helm: newest stable 3.x on the module proxy; built with `go install`.
HELM_VERSION=3.22.0
# ------------------------------------------------------------------------------

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${PARLEY_CACHE:-$HOME/.cache/parley}"
ENVTEST_DIR="$CACHE/envtest"
K8S_BIN_DIR="$ENVTEST_DIR/k8s/${K8S_VERSION}-linux-amd64"
HELM_DIR="$CACHE/helm/$HELM_VERSION"
HELM_BIN="$HELM_DIR/helm"
ENV_FILE="$CACHE/test-binaries.env"
FORCE="${PARLEY_FORCE_REBUILD:-0}"

log() { printf '[install-test-binaries] %s\n' "$*" >&2; }

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  log "warning: cache layout says linux-amd64 but this is $(uname -s)-$(uname -m)"
fi

find_go() {
  if [ -n "${GO:-}" ]; then echo "$GO"; return; fi
  if command -v go >/dev/null 2>&1; then command -v go; return; fi
  if [ -x /usr/local/go/bin/go ]; then echo /usr/local/go/bin/go; return; fi
  if [ "${PARLEY_REQUIRE_TEST_SERVERS:-}" = "true" ]; then
    log "error: no Go toolchain found (set GO=/path/to/go)"; exit 1
  fi
  # Without Go the tests that need these servers skip, each saying what is missing.
  log "warning: no Go toolchain found (set GO=/path/to/go); tests needing kube-apiserver or helm will be skipped"
}

# The binaries are statically linked (as in the upstream release builds).
export CGO_ENABLED=0

# Version checks: "present" means the file is executable, runs, and reports the
# pinned version.
# Output is captured before grep: with pipefail, `cmd | grep -q` fails at random when grep exits early and
# cmd dies of SIGPIPE.
reports() { local out; out="$("$@" 2>/dev/null)" || return 1; grep -q "$REPORT_PATTERN" <<<"$out"; }
etcd_ok()      { [ -x "$K8S_BIN_DIR/etcd" ] && REPORT_PATTERN="etcd Version: ${ETCD_VERSION}\$" reports "$K8S_BIN_DIR/etcd" --version; }
apiserver_ok() { [ -x "$K8S_BIN_DIR/kube-apiserver" ] && REPORT_PATTERN="^Kubernetes v${K8S_VERSION}\$" reports "$K8S_BIN_DIR/kube-apiserver" --version; }
kcm_ok()       { [ -x "$K8S_BIN_DIR/kube-controller-manager" ] && REPORT_PATTERN="^Kubernetes v${K8S_VERSION}\$" reports "$K8S_BIN_DIR/kube-controller-manager" --version; }
kubectl_ok()   { [ -x "$K8S_BIN_DIR/kubectl" ] && REPORT_PATTERN="Client Version: v${K8S_VERSION}\$" reports "$K8S_BIN_DIR/kubectl" version --client; }
helm_ok()      { [ -x "$HELM_BIN" ] && REPORT_PATTERN="^v${HELM_VERSION}" reports "$HELM_BIN" version --short; }

# build <name> <module dir> <package> <output> [extra ldflags...]
build() {
  local name="$1" moddir="$2" pkg="$3" out="$4"; shift 4
  local ldflags="-s -w${*:+ $*}"
  local tmp="$out.tmp.$$"
  local start=$SECONDS
  log "building $name ($pkg) ..."
  (cd "$moddir" && "$GO_BIN" build -trimpath -ldflags "$ldflags" -o "$tmp" "$pkg")
  mv -f "$tmp" "$out"
  log "built $name in $((SECONDS - start))s -> $out"
}

total_start=$SECONDS

if [ "$FORCE" != "1" ] && etcd_ok && apiserver_ok && kcm_ok && kubectl_ok; then
  log "envtest binaries present: $K8S_BIN_DIR (etcd $ETCD_VERSION, kube-apiserver/kube-controller-manager/kubectl v$K8S_VERSION)"
else
  GO_BIN="$(find_go)"
  [ -n "$GO_BIN" ] || exit 0
  log "using $("$GO_BIN" version) ($GO_BIN)"
  mkdir -p "$K8S_BIN_DIR"

  if [ "$FORCE" = "1" ] || ! etcd_ok; then
    build etcd "$ROOT/envtest/etcd" go.etcd.io/etcd/server/v3 "$K8S_BIN_DIR/etcd"
  else
    log "etcd $ETCD_VERSION present"
  fi

  # Same version stamping as Kubernetes' hack/lib/version.sh, so that
  # `--version`, /version and the compatibility-version logic see v$K8S_VERSION.
  k8s_ldflags=()
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    k8s_ldflags+=("-X $p.gitVersion=v$K8S_VERSION"
                  "-X $p.gitMajor=${K8S_VERSION%%.*}"
                  "-X $p.gitMinor=$(echo "$K8S_VERSION" | cut -d. -f2)"
                  "-X $p.gitTreeState=clean")
  done

  if [ "$FORCE" = "1" ] || ! apiserver_ok; then
    build kube-apiserver "$ROOT/envtest/kubernetes" k8s.io/kubernetes/cmd/kube-apiserver \
      "$K8S_BIN_DIR/kube-apiserver" "${k8s_ldflags[@]}"
  else
    log "kube-apiserver v$K8S_VERSION present"
  fi

  # Only its garbage collector runs in the tests (KubeControllerManager in test-support).
  if [ "$FORCE" = "1" ] || ! kcm_ok; then
    build kube-controller-manager "$ROOT/envtest/kubernetes" k8s.io/kubernetes/cmd/kube-controller-manager \
      "$K8S_BIN_DIR/kube-controller-manager" "${k8s_ldflags[@]}"
  else
    log "kube-controller-manager v$K8S_VERSION present"
  fi

  if [ "$FORCE" = "1" ] || ! kubectl_ok; then
    build kubectl "$ROOT/envtest/kubernetes" k8s.io/kubernetes/cmd/kubectl \
      "$K8S_BIN_DIR/kubectl" "${k8s_ldflags[@]}"
  else
    log "kubectl v$K8S_VERSION present"
  fi

  etcd_ok      || { log "error: $K8S_BIN_DIR/etcd does not report version $ETCD_VERSION"; exit 1; }
  apiserver_ok || { log "error: $K8S_BIN_DIR/kube-apiserver does not report v$K8S_VERSION"; exit 1; }
  kcm_ok       || { log "error: $K8S_BIN_DIR/kube-controller-manager does not report v$K8S_VERSION"; exit 1; }
  kubectl_ok   || { log "error: $K8S_BIN_DIR/kubectl does not report v$K8S_VERSION"; exit 1; }
fi

if [ "$FORCE" != "1" ] && helm_ok; then
  log "helm present: $HELM_BIN (v$HELM_VERSION)"
else
  GO_BIN="${GO_BIN:-$(find_go)}"
  [ -n "$GO_BIN" ] || exit 0
  mkdir -p "$HELM_DIR"
  start=$SECONDS
  log "building helm (helm.sh/helm/v3/cmd/helm@v$HELM_VERSION) ..."
  # Helm's Makefile stamps the version and the default Kubernetes version used
  # for .Capabilities.KubeVersion in `helm template` (derived from the client-go
  # version in helm's go.mod: v0.X.Y -> 1.X). Without it helm assumes v1.20.0.
  helm_gomod="$("$GO_BIN" mod download -json "helm.sh/helm/v3@v$HELM_VERSION" \
                | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  cg_minor="$(sed -n 's/^[[:space:]]*k8s\.io\/client-go v0\.\([0-9]*\)\..*/\1/p' "$helm_gomod")"
  cg_minor="${cg_minor%%$'\n'*}"
  [ -n "$cg_minor" ] || { log "error: cannot find k8s.io/client-go in $helm_gomod"; exit 1; }
  helm_ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION"
  helm_ldflags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  for p in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
    helm_ldflags+=" -X $p.k8sVersionMajor=1 -X $p.k8sVersionMinor=$cg_minor"
  done
  # `go install pkg@version` builds with helm's own go.mod, like its release build.
  tmpbin="$(mktemp -d "$HELM_DIR/.gobin.XXXXXX")"
  GOBIN="$tmpbin" "$GO_BIN" install -trimpath -ldflags "$helm_ldflags" \
    "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
  mv -f "$tmpbin/helm" "$HELM_BIN"
  rmdir "$tmpbin"
  log "built helm in $((SECONDS - start))s -> $HELM_BIN"
  helm_ok || { log "error: $HELM_BIN does not report v$HELM_VERSION"; exit 1; }
fi

mkdir -p "$CACHE"
env_tmp="$ENV_FILE.tmp.$$"
{
  echo "PARLEY_ENVTEST_DIR=$ENVTEST_DIR"
  echo "PARLEY_K8S_VERSION=$K8S_VERSION"
  echo "PARLEY_HELM=$HELM_BIN"
} > "$env_tmp"
mv -f "$env_tmp" "$ENV_FILE"

log "done in $((SECONDS - total_start))s; wrote $ENV_FILE"
cat "$ENV_FILE"
