#!/usr/bin/env bash
# Installs the Debian packages a real one-node Kubernetes cluster needs on this machine kind (Debian bookworm,
# root, no systemd, no Docker): the container runtime (containerd + runc), the CNI plugins, iptables/conntrack for
# kube-proxy, and what builds the node's images without a daemon (debootstrap for the JRE base, buildah and skopeo
# for FROM-scratch images and OCI archives). A fast no-op when all are installed.
#
# The packages' systemd units never start here (no systemd); tools/node/node.sh starts every daemon itself.
# Needs root. Versions seen on bookworm: containerd 1.6.20, runc 1.1.5, containernetworking-plugins 1.1.1,
# iptables 1.8.9 (nf_tables), buildah 1.28.2, skopeo 1.9.3, debootstrap 1.0.128.
set -euo pipefail

PACKAGES=(containerd runc containernetworking-plugins iptables conntrack debootstrap buildah skopeo)

log() { printf '[install-node-packages] %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  log "all present: ${PACKAGES[*]}"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  log "error: not root; cannot install ${missing[*]}"
  exit 1
fi
start=$SECONDS
log "installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
log "installed in $((SECONDS - start))s"
