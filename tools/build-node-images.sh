#!/usr/bin/env bash
# Builds, once, the images the end-to-end node needs that nothing can pull here, and caches them as archives:
#
#   jre17-bookworm.tar      the JRE base of the operator and runtime images (quarkus.jib.base-jvm-image):
#                           debootstrap --variant=minbase bookworm + openjdk-17-jre-headless from the Debian mirror
#                           apt is configured with; ~3 min the first time, 125 MB compressed
#   pause.tar               the pod sandbox (tools/node/pause) under the name containerd's sandbox_image gives
#   coredns.tar             CoreDNS, FROM scratch
#       -> $PARLEY_CACHE/node/images/
#
# Runs after tools/install-node-packages.sh (debootstrap, buildah) and tools/install-node-binaries.sh (pause,
# coredns). A fast no-op when the archives are present; PARLEY_FORCE_REBUILD=1 rebuilds. Buildah's storage lives
# under the cache, never in /var/lib/containers. Needs root (debootstrap, chroot).
# DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR override the mirrors read from /etc/apt.
set -euo pipefail

CACHE="${PARLEY_CACHE:-$HOME/.cache/parley}"
IMAGES="$CACHE/node/images"
BIN="$CACHE/node/bin"
WORK="$CACHE/node/image-build"
FORCE="${PARLEY_FORCE_REBUILD:-0}"
COREDNS_VERSION=1.14.7     # as tools/install-node-binaries.sh builds it
PAUSE_IMAGE=registry.k8s.io/pause:3.10   # as tools/node/etc/containerd.toml's sandbox_image says
COREDNS_IMAGE=parley.local/coredns:$COREDNS_VERSION

log() { printf '[build-node-images] %s\n' "$*" >&2; }
have() { [ "$FORCE" != 1 ] && [ -s "$IMAGES/$1" ]; }

mkdir -p "$IMAGES" "$WORK"
# buildah (and skopeo) keep their storage here, not in the host's /var/lib/containers
cat > "$WORK/storage.conf" <<CONF
[storage]
driver = "overlay"
runroot = "$WORK/containers/run"
graphroot = "$WORK/containers/storage"
CONF
export CONTAINERS_STORAGE_CONF="$WORK/storage.conf"
total=$SECONDS

# scratch_image <archive> <name> <binary> <entrypoint json>: a one-binary image, as a docker-archive for `ctr import`
scratch_image() {
  local archive=$1 name=$2 binary=$3 entrypoint=$4 ctx
  # present, and made from the binary as it is now (a rebuilt binary makes a new image)
  have "$archive" && [ "$IMAGES/$archive" -nt "$BIN/$binary" ] && { log "$archive present"; return; }
  ctx="$WORK/ctx-${archive%%.*}"; rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$BIN/$binary" "$ctx/"
  printf 'FROM scratch\nCOPY %s /%s\nENTRYPOINT %s\n' "$binary" "$binary" "$entrypoint" > "$ctx/Containerfile"
  buildah bud -q --format oci -t "$name" "$ctx" >/dev/null
  rm -f "$IMAGES/$archive.tmp"
  buildah push -q "$name" "docker-archive:$IMAGES/$archive.tmp:$name"
  buildah rmi -f "$name" >/dev/null
  mv -f "$IMAGES/$archive.tmp" "$IMAGES/$archive"
  rm -rf "$ctx"
  log "built $archive ($name)"
}

# apt_uri <suite>: the URI the host's apt sources use for <suite> (one-line *.list or deb822 *.sources)
apt_uri() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v s="$1" '
      function out(u) { print u; done = 1; exit }
      /^[[:space:]]*#/ { next }
      /^deb[[:space:]]/ { i = 2; if ($2 ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
                          if ($(i + 1) == s) out($i); next }
      /^Types:/  { deb = 0; for (j = 2; j <= NF; j++) if ($j == "deb") deb = 1 }
      /^URIs:/   { uri = $2 }
      /^Suites:/ { for (j = 2; j <= NF; j++) if ($j == s) hit = 1 }
      /^[[:space:]]*$/ { if (deb && hit && uri != "") out(uri); deb = 0; hit = 0; uri = "" }
      END { if (!done && deb && hit && uri != "") print uri }' "$f"
  done | head -1
}

if have jre17-bookworm.tar; then
  log "jre17-bookworm.tar present"
else
  mirror=${DEBIAN_MIRROR:-$(apt_uri bookworm)}
  security=${DEBIAN_SECURITY_MIRROR:-$(apt_uri bookworm-security)}
  [ -n "$mirror" ] && [ -n "$security" ] || { log "error: no bookworm / bookworm-security source in /etc/apt; set DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR"; exit 1; }
  rootfs="$WORK/jre-rootfs"
  start=$SECONDS
  if mountpoint -q "$rootfs/proc" 2>/dev/null; then umount "$rootfs/proc"; fi
  rm -rf "$rootfs"
  log "debootstrap bookworm from $mirror ..."
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { log "error: debootstrap failed, see $WORK/debootstrap.log"; exit 1; }
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  printf 'deb %s bookworm-security main\ndeb %s bookworm-updates main\n' "$security" "$mirror" >> "$rootfs/etc/apt/sources.list"
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
  chroot "$rootfs" /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*'
  umount "$rootfs/proc"; trap - EXIT
  rm -f "$rootfs/etc/resolv.conf"
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log
  "$rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java" -version 2>&1 | head -1 >&2
  ctx="$WORK/ctx-jre"; rm -rf "$ctx"; mkdir -p "$ctx"
  tar --numeric-owner -C "$rootfs" -cf "$ctx/rootfs.tar" .
  printf 'FROM scratch\nADD rootfs.tar /\nENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 LANG=C.UTF-8\nCMD ["/bin/bash"]\n' > "$ctx/Containerfile"
  buildah bud -q --format oci -t parley.local/jre17:bookworm "$ctx" >/dev/null
  rm -f "$IMAGES/jre17-bookworm.tar.tmp"
  buildah push -q parley.local/jre17:bookworm "docker-archive:$IMAGES/jre17-bookworm.tar.tmp:parley.local/jre17:bookworm"
  buildah rmi -f parley.local/jre17:bookworm >/dev/null
  mv -f "$IMAGES/jre17-bookworm.tar.tmp" "$IMAGES/jre17-bookworm.tar"
  rm -rf "$ctx" "$rootfs"
  log "built jre17-bookworm.tar in $((SECONDS - start))s"
fi
scratch_image pause.tar "$PAUSE_IMAGE" pause '["/pause"]'
scratch_image coredns.tar "$COREDNS_IMAGE" coredns '["/coredns"]'
log "done in $((SECONDS - total))s: $(cd "$IMAGES" && ls -sh --format=commas *.tar)"
