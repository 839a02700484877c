#!/usr/bin/env bash
# A real one-node Kubernetes v1.34 cluster on this machine, for the end-to-end tests (e2e/) and benchmarks.
#
#   tools/node/node.sh up      start it; prints the settings tests need (also written to $NODE_DIR/node.env)
#   tools/node/node.sh down    stop every process it started (by pid) and remove everything it made on the host
#   tools/node/node.sh check   exit 0 when this machine can run the node, else say what is missing (exit 3)
#
# NODE_DIR (required for up/down): the node's working directory, a short path on a filesystem with overlayfs
# (sockets live under it). Needs root, the packages of tools/install-node-packages.sh, the binaries of
# tools/install-test-binaries.sh and tools/install-node-binaries.sh, and the images of tools/build-node-images.sh.
#
# Layout (after the verified recipe of a one-node cluster on this machine kind):
#
#   host ── veth-parley-h 10.201.0.1/24 ─┐       host routes: pods 10.88.0.0/16 and Services 10.96.0.0/16 via the node
#   netns "parley-node" ── veth-parley-n 10.201.0.2/24, default route via 10.201.0.1 (the host does not forward)
#     etcd 127.0.0.1:2379, kube-apiserver :6443, kube-controller-manager, kube-scheduler, containerd, kubelet,
#     kube-proxy (iptables), registry :5000 (distribution), CoreDNS as a pod (Service 10.96.0.10), pods on cni0
#
# Every component is started with `nsenter --net=`, which joins only the network namespace: runc must see the
# secret and projected volumes the kubelet mounts in the host's mount namespace. kube-proxy's rules, the CNI bridge
# and every port exist only inside the netns, so nothing collides with the envtest servers or anything else on the
# host, and no pod traffic leaves the machine: pods reach the host at 10.201.0.1 (masqueraded), nothing beyond.
# One node per machine at a time: `up` takes a lock that `down` releases.
set -euo pipefail

CACHE="${PARLEY_CACHE:-$HOME/.cache/parley}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
K8S_VERSION=1.34.10
ENVTEST_BIN="$CACHE/envtest/k8s/${K8S_VERSION}-linux-amd64"   # etcd kube-apiserver kube-controller-manager kubectl
NODE_BIN="$CACHE/node/bin"                                     # kubelet kube-scheduler kube-proxy coredns registry
IMAGES="$CACHE/node/images"
NETNS=parley-node
HOST_IP=10.201.0.1
NODE_IP=10.201.0.2
POD_CIDR=10.88.0.0/16
SERVICE_CIDR=10.96.0.0/16
REGISTRY="$NODE_IP:5000"
LOCK=/run/parley-node.lock
PACKAGES=(containerd runc containernetworking-plugins iptables conntrack debootstrap buildah skopeo)

log() { printf '[node %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# check: what this machine lacks to run the node, one line each; exit 3 if anything
check() {
  local missing=() p b
  [ "$(id -u)" = 0 ] || missing+=("root (network namespaces, containerd, kubelet)")
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("Debian package $p (tools/install-node-packages.sh)")
  done
  for b in etcd kube-apiserver kube-controller-manager kubectl; do
    [ -x "$ENVTEST_BIN/$b" ] || missing+=("$ENVTEST_BIN/$b (tools/install-test-binaries.sh)")
  done
  for b in kubelet kube-scheduler kube-proxy coredns registry; do
    [ -x "$NODE_BIN/$b" ] || missing+=("$NODE_BIN/$b (tools/install-node-binaries.sh)")
  done
  for b in pause.tar coredns.tar jre17-bookworm.tar; do
    [ -s "$IMAGES/$b" ] || missing+=("$IMAGES/$b (tools/build-node-images.sh)")
  done
  if [ ${#missing[@]} -gt 0 ]; then printf 'missing: %s\n' "${missing[@]}"; exit 3; fi
  echo "ok"
}

need_dir() {
  : "${NODE_DIR:?set NODE_DIR to the node working directory}"
  mkdir -p "$NODE_DIR"; NODE_DIR="$(cd "$NODE_DIR" && pwd)"
  P="$NODE_DIR/pki"
  NS=(nsenter "--net=/run/netns/$NETNS")
  CTR=(ctr --address "$NODE_DIR/run/containerd.sock" -n k8s.io)
  KC=("$ENVTEST_BIN/kubectl" "--kubeconfig=$P/admin.kubeconfig")
}

render() { sed "s#@NODE_DIR@#$NODE_DIR#g" "$1" > "$2"; }

# start <name> <command...>: inside the node's netns; pid in run/<name>.pid, output in logs/<name>.log
start() {
  local name=$1; shift
  setsid "${NS[@]}" "$@" > "$NODE_DIR/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$NODE_DIR/run/$name.pid"
}

# wait_for <seconds> <what> <command...>
wait_for() {
  local limit=$1 what=$2 t0=$SECONDS; shift 2
  until "$@" >/dev/null 2>&1; do
    (( SECONDS - t0 < limit )) || die "$what not within ${limit}s (logs: $NODE_DIR/logs)"
    sleep 0.5
  done
}

net_up() {
  ip netns add $NETNS
  ip link add veth-parley-h type veth peer name veth-parley-n
  ip link set veth-parley-n netns $NETNS
  ip addr add $HOST_IP/24 dev veth-parley-h
  ip link set veth-parley-h up
  ip -n $NETNS link set lo up
  ip -n $NETNS addr add $NODE_IP/24 dev veth-parley-n
  ip -n $NETNS link set veth-parley-n up
  # ClusterIP DNAT in OUTPUT needs a route; the host does not forward, so nothing leaves through it
  ip -n $NETNS route add default via $HOST_IP
  "${NS[@]}" sysctl -qw net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1 net.ipv4.conf.all.route_localnet=1
  # tests on the host reach pod IPs and ClusterIPs directly
  ip route add $POD_CIDR via $NODE_IP
  ip route add $SERVICE_CIDR via $NODE_IP
}

pki() {
  mkdir -p "$P"
  (
    cd "$P"
    openssl genrsa -out ca.key 2048 2>/dev/null
    openssl req -x509 -new -key ca.key -subj /CN=parley-node-ca -days 30 -out ca.crt
    openssl genrsa -out apiserver.key 2048 2>/dev/null
    printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth' \
      "subjectAltName=IP:$NODE_IP,IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local" > apiserver.ext
    openssl req -new -key apiserver.key -subj /CN=kube-apiserver -out apiserver.csr
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -extfile apiserver.ext -out apiserver.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    token() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
    # token,user,uid,"groups": the bootstrap RBAC policy binds these user names already
    {
      echo "$(token),admin,admin,system:masters"
      echo "$(token),system:node:parley-node,kubelet,system:nodes"
      echo "$(token),system:kube-scheduler,kube-scheduler,"
      echo "$(token),system:kube-controller-manager,kube-controller-manager,"
      echo "$(token),system:kube-proxy,kube-proxy,"
    } > tokens.csv
    local who
    for who in admin kubelet kube-scheduler kube-controller-manager kube-proxy; do
      cat > $who.kubeconfig <<EOF
apiVersion: v1
kind: Config
clusters:
- name: parley-node
  cluster: {server: "https://$NODE_IP:6443", certificate-authority: "$P/ca.crt"}
users:
- name: $who
  user: {token: "$(awk -F, -v u="$who" '$3 == u {print $1}' tokens.csv)"}
contexts:
- name: parley-node
  context: {cluster: parley-node, user: $who}
current-context: parley-node
EOF
    done
  )
}

up() {
  local t0=$SECONDS f
  need_dir
  check >/dev/null || { check || true; exit 3; }
  # the daemons started below inherit the locked descriptor: the lock is held until `down` has stopped them all
  exec 9> "$LOCK"
  flock -w 1800 9 || die "another node has held $LOCK for 30 min"
  [ ! -e /run/netns/$NETNS ] || die "netns $NETNS exists: a node is up (tools/node/node.sh down with its NODE_DIR)"
  rm -rf "$NODE_DIR"/{data,containerd,pki,logs,run,etc,cni}
  mkdir -p "$NODE_DIR"/{etc,run,logs,data/kubelet,data/registry,cni/net.d}
  for f in containerd.toml kubelet.yaml kube-proxy.yaml distribution.yml; do render "$HERE/etc/$f" "$NODE_DIR/etc/$f"; done
  cp -r "$HERE/etc/certs.d" "$NODE_DIR/etc/"
  render "$HERE/etc/10-parley.conflist" "$NODE_DIR/cni/net.d/10-parley.conflist"
  echo "nameserver 10.96.0.10" > "$NODE_DIR/etc/pod-resolv.conf"
  net_up
  pki

  start containerd containerd --config "$NODE_DIR/etc/containerd.toml"
  wait_for 30 containerd "${CTR[@]}" version
  # nothing is ever pulled from outside: the sandbox and CoreDNS images come from the cache
  for f in pause coredns; do "${CTR[@]}" images import "$IMAGES/$f.tar" >/dev/null; done

  start registry "$NODE_BIN/registry" serve "$NODE_DIR/etc/distribution.yml"
  start etcd "$ENVTEST_BIN/etcd" --name=parley-node --data-dir="$NODE_DIR/data/etcd" \
    --listen-client-urls=http://127.0.0.1:2379 --advertise-client-urls=http://127.0.0.1:2379 \
    --listen-peer-urls=http://127.0.0.1:2380 --initial-advertise-peer-urls=http://127.0.0.1:2380 \
    --initial-cluster=parley-node=http://127.0.0.1:2380 --unsafe-no-fsync=true --log-level=warn
  start kube-apiserver "$ENVTEST_BIN/kube-apiserver" --etcd-servers=http://127.0.0.1:2379 \
    --advertise-address=$NODE_IP --bind-address=0.0.0.0 --secure-port=6443 \
    --tls-cert-file="$P/apiserver.crt" --tls-private-key-file="$P/apiserver.key" --client-ca-file="$P/ca.crt" \
    --service-cluster-ip-range=$SERVICE_CIDR \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$P/sa.pub" --service-account-signing-key-file="$P/sa.key" \
    --token-auth-file="$P/tokens.csv" --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction \
    --allow-privileged=true --kubelet-preferred-address-types=InternalIP
  wait_for 120 "kube-apiserver /readyz" "${KC[@]}" get --raw /readyz
  log "kube-apiserver ready after $((SECONDS - t0))s"

  start kube-controller-manager "$ENVTEST_BIN/kube-controller-manager" --kubeconfig="$P/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig="$P/kube-controller-manager.kubeconfig" --authorization-kubeconfig="$P/kube-controller-manager.kubeconfig" \
    --service-account-private-key-file="$P/sa.key" --root-ca-file="$P/ca.crt" --use-service-account-credentials=true \
    --leader-elect=false --bind-address=127.0.0.1 --allocate-node-cidrs=false --controllers='*,-cloud-node-lifecycle-controller'
  start kube-scheduler "$NODE_BIN/kube-scheduler" --kubeconfig="$P/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig="$P/kube-scheduler.kubeconfig" --authorization-kubeconfig="$P/kube-scheduler.kubeconfig" \
    --leader-elect=false --bind-address=127.0.0.1
  # --cert-dir: its default /var/lib/kubelet/pki ignores --root-dir
  start kubelet "$NODE_BIN/kubelet" --config="$NODE_DIR/etc/kubelet.yaml" --kubeconfig="$P/kubelet.kubeconfig" \
    --cert-dir="$NODE_DIR/data/kubelet/pki" --root-dir="$NODE_DIR/data/kubelet" --hostname-override=parley-node \
    --node-ip=$NODE_IP --v=1
  start kube-proxy "$NODE_BIN/kube-proxy" --config="$NODE_DIR/etc/kube-proxy.yaml"
  wait_for 120 "node Ready" node_ready
  log "node Ready after $((SECONDS - t0))s"

  "${KC[@]}" apply -f "$HERE/etc/coredns.yaml" >/dev/null
  wait_for 120 "CoreDNS" "${KC[@]}" -n kube-system rollout status deploy/coredns --timeout=2s
  wait_for 30 "the registry" curl -sf "http://$REGISTRY/v2/"
  cat > "$NODE_DIR/node.env" <<EOF
PARLEY_NODE_KUBECONFIG=$P/admin.kubeconfig
PARLEY_NODE_REGISTRY=$REGISTRY
PARLEY_NODE_HOST_IP=$HOST_IP
PARLEY_NODE_IP=$NODE_IP
PARLEY_NODE_KUBECTL=$ENVTEST_BIN/kubectl
EOF
  cat "$NODE_DIR/node.env"
  log "up in $((SECONDS - t0))s"
}

node_ready() {
  "${KC[@]}" get node parley-node -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -q True
}

# ---------------------------------------------------------------------------------------------------------------
# stop <name>: SIGTERM the process of run/<name>.pid, SIGKILL after 10 s
stop() {
  local file="$NODE_DIR/run/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

down() {
  need_dir
  local n pid shims
  # the kubelet first, so it does not restart what is stopped next; then every container, then the rest
  stop kubelet
  if [ -S "$NODE_DIR/run/containerd.sock" ]; then
    for n in $("${CTR[@]}" tasks ls -q 2>/dev/null); do "${CTR[@]}" tasks kill -s SIGKILL "$n" >/dev/null 2>&1 || true; done
  fi
  # the shims of this containerd (they outlive it, re-parented to init): their command line names our socket
  shims=$(pgrep -f "containerd-shim-runc-v2 .*-address $NODE_DIR/run/containerd.sock" || true)
  for n in kube-proxy kube-scheduler kube-controller-manager kube-apiserver etcd registry containerd; do stop $n; done
  for pid in $shims; do kill -9 "$pid" 2>/dev/null || true; done
  # the kubelet's volume mounts, the containers' overlay rootfs mounts and the CNI's pod netns files
  grep -E " ($NODE_DIR/data/kubelet|$NODE_DIR/containerd)[^ ]*" /proc/mounts | awk '{print $2}' | sort -r \
    | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  for f in /run/netns/cni-*; do [ -e "$f" ] && { umount "$f" 2>/dev/null || true; rm -f "$f"; }; done
  ip route del $POD_CIDR via $NODE_IP 2>/dev/null || true
  ip route del $SERVICE_CIDR via $NODE_IP 2>/dev/null || true
  ip netns del $NETNS 2>/dev/null || true     # takes the veth pair, cni0 and every kube-proxy rule with it
  ip link del veth-parley-h 2>/dev/null || true
  # empty cgroups the kubelet made (cgroup v1 hierarchies, and v2)
  for h in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods; do
    [ -d "$h" ] && find "$h" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
  # host state the components leave regardless of their configured directories
  if mountpoint -q /run/netns && [ -z "$(ls -A /run/netns)" ]; then umount /run/netns && rmdir /run/netns; fi
  rm -f /var/lib/kubelet/device-plugins/kubelet.sock
  rmdir /var/lib/kubelet/device-plugins /var/lib/kubelet/pki /var/lib/kubelet 2>/dev/null || true
  pgrep -x containerd >/dev/null || rm -rf /run/containerd
  rm -rf /run/runc
  # keep the logs for a failed run to read; drop the big parts
  rm -rf "$NODE_DIR"/{containerd,data}
  log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  check) check ;;
  *) echo "usage: $0 up|down|check   (NODE_DIR=<working directory>)" >&2; exit 2 ;;
esac
