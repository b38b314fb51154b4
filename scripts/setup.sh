#!/usr/bin/env bash
# Sets up a fresh Debian machine for the test suite and the demo:
# the real parts the tests drive (OCI registry, daemonless image builder,
# htpasswd, openssl, Python cryptography for independent decryption, kubectl),
# then the npm dependencies exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(
  buildah            # daemonless image builds (vfs storage, chroot isolation)
  podman             # the other daemonless builder build-sign supports
  docker-registry    # a real OCI distribution registry on loopback
  apache2-utils      # htpasswd, for the registry with basic auth
  skopeo             # inspecting images in tests and the demo
  openssl            # certificates and keys for seal-secrets tests
  python3-cryptography  # independent RSA-OAEP/AES-GCM decryption of SealedSecrets
  hyperfine          # npm run bench
  ca-certificates
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v kubectl >/dev/null 2>&1; then
  echo "Installing kubectl from Debian (kubernetes-client)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq kubernetes-client >/dev/null || {
    echo "kubectl is needed by the deploy tests and is not installable here" >&2
    exit 1
  }
fi
# The Debian registry package starts a system service on port 5000; the tests
# start their own registries on free loopback ports, so it is not needed.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
  $SUDO systemctl stop docker-registry || true
fi

npm ci --no-audit --no-fund
echo "Set up: $(node --version), $(buildah --version), $(kubectl version --client 2>/dev/null | head -1)"
