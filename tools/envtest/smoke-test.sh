#!/usr/bin/env bash
# Starts the cached etcd + kube-apiserver (built by tools/install-test-binaries.sh)
# once, on loopback with temp dirs, and checks with kubectl that the API server
# is ready, that token auth + RBAC work, and that objects round-trip via etcd.
# Everything it starts is stopped and its temp dir removed on exit
# (set SMOKE_LOG_DIR=<dir> to keep copies of etcd.log and apiserver.log).
#
# The kube-apiserver flag set below is the one the Java test harness should use.
set -euo pipefail

CACHE="${PARLEY_CACHE:-$HOME/.cache/parley}"
# shellcheck disable=SC1091
. "$CACHE/test-binaries.env"
BIN="$PARLEY_ENVTEST_DIR/k8s/${PARLEY_K8S_VERSION}-linux-amd64"

log() { printf '[envtest-smoke] %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

TMP="$(mktemp -d "${TMPDIR:-/tmp}/parley-envtest.XXXXXX")"
ETCD_PID=""; API_PID=""
cleanup() {
  local rc=$?
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
  [ -n "$ETCD_PID" ] && kill "$ETCD_PID" 2>/dev/null && wait "$ETCD_PID" 2>/dev/null || true
  if [ $rc -ne 0 ]; then
    log "FAILED (rc=$rc); last lines of the logs:"
    tail -n 20 "$TMP/etcd.log" "$TMP/apiserver.log" >&2 2>/dev/null || true
  fi
  if [ -n "${SMOKE_LOG_DIR:-}" ]; then
    mkdir -p "$SMOKE_LOG_DIR" && cp "$TMP"/*.log "$SMOKE_LOG_DIR"/ 2>/dev/null || true
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT

ETCD_PORT="$(free_port)"; ETCD_PEER_PORT="$(free_port)"; API_PORT="$(free_port)"
ADMIN_TOKEN="$(openssl rand -hex 16)"
USER_TOKEN="$(openssl rand -hex 16)"

# Service-account signing key pair.
openssl genrsa -out "$TMP/sa.key" 2048 2>/dev/null
openssl rsa -in "$TMP/sa.key" -pubout -out "$TMP/sa.pub" 2>/dev/null
# Static tokens: token,user,uid,"group1,group2"
{
  echo "$ADMIN_TOKEN,admin,admin-uid,system:masters"
  echo "$USER_TOKEN,alice,alice-uid"
} > "$TMP/tokens.csv"

start=$SECONDS
"$BIN/etcd" \
  --name=envtest \
  --data-dir="$TMP/etcd" \
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster="envtest=http://127.0.0.1:$ETCD_PEER_PORT" \
  --unsafe-no-fsync=true \
  > "$TMP/etcd.log" 2>&1 &
ETCD_PID=$!

"$BIN/kube-apiserver" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --advertise-address=127.0.0.1 \
  --bind-address=127.0.0.1 \
  --secure-port="$API_PORT" \
  --cert-dir="$TMP/certs" \
  --service-cluster-ip-range=10.0.0.0/24 \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$TMP/sa.pub" \
  --service-account-signing-key-file="$TMP/sa.key" \
  --token-auth-file="$TMP/tokens.csv" \
  --authorization-mode=RBAC \
  --disable-admission-plugins=ServiceAccount \
  --allow-privileged=true \
  --endpoint-reconciler-type=none \
  > "$TMP/apiserver.log" 2>&1 &
API_PID=$!

kc() { "$BIN/kubectl" --server="https://127.0.0.1:$API_PORT" --insecure-skip-tls-verify=true "$@"; }

ready=""
for _ in $(seq 1 120); do
  if out="$(kc --token="$ADMIN_TOKEN" get --raw /readyz 2>/dev/null)" && [ "$out" = "ok" ]; then
    ready=yes; break
  fi
  kill -0 "$API_PID" 2>/dev/null || { log "kube-apiserver exited"; exit 1; }
  sleep 0.5
done
[ -n "$ready" ] || { log "kube-apiserver not ready after 60s"; exit 1; }
log "readyz ok after $((SECONDS - start))s (etcd :$ETCD_PORT, kube-apiserver :$API_PORT)"

kc --token="$ADMIN_TOKEN" version
kc --token="$ADMIN_TOKEN" create namespace smoke >/dev/null
kc --token="$ADMIN_TOKEN" -n smoke create configmap cm --from-literal=k=v >/dev/null
[ "$(kc --token="$ADMIN_TOKEN" -n smoke get configmap cm -o jsonpath='{.data.k}')" = v ]
log "namespace + configmap round-trip ok"

# RBAC: alice has no bindings -> forbidden; after a Role + RoleBinding -> allowed.
# (Not the built-in "view" ClusterRole: it is aggregated, and the aggregation
# controller runs in kube-controller-manager, which is not started here.)
if kc --token="$USER_TOKEN" -n smoke get configmaps >/dev/null 2>&1; then
  log "expected alice to be forbidden"; exit 1
fi
kc --token="$ADMIN_TOKEN" -n smoke create role cm-reader --verb=get,list --resource=configmaps >/dev/null
kc --token="$ADMIN_TOKEN" -n smoke create rolebinding alice-cm-reader --role=cm-reader --user=alice >/dev/null
for _ in $(seq 1 20); do
  kc --token="$USER_TOKEN" -n smoke get configmaps >/dev/null 2>&1 && break
  sleep 0.5
done
kc --token="$USER_TOKEN" -n smoke get configmaps >/dev/null
log "RBAC ok (forbidden without binding, allowed with a RoleBinding)"

# Service-account tokens are signed with the key pair above.
kc --token="$ADMIN_TOKEN" -n smoke create serviceaccount sa >/dev/null
sa_token="$(kc --token="$ADMIN_TOKEN" -n smoke create token sa)"
[ "$(kc --token="$sa_token" auth whoami -o jsonpath='{.status.userInfo.username}')" = "system:serviceaccount:smoke:sa" ]
log "service-account token issue + authn ok"

log "PASS"
