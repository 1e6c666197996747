#!/usr/bin/env bash
# Installs what the real-VS-Code test host needs on Debian/Ubuntu, then seeds the ripgrep download
# cache that code-server's install looks for (so it needs no GitHub). Safe to run again: it installs
# only what is missing and never overwrites the cache archive.
#   As root: installs the missing packages (one `apt-get update` first).
#   Otherwise: prints the exact command to run and exits 1 when something is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# chromium: the browser that runs the workbench; libkrb5-dev, g++, make, python3: code-server's
# native modules (kerberos, node-pty, argon2); ripgrep: VS Code's search, and the seed below.
# unzip: npm run bench reads the packaged .vsix; openssl: the security suite's self-signed TLS check.
# fonts-nanum: a Korean font (10 MB; fonts-noto-cjk is 56 MB), so the Korean e2e screenshots show Hangul, not boxes.
packages=(chromium libkrb5-dev ripgrep g++ make python3 unzip openssl fonts-nanum)

if ! command -v node >/dev/null 2>&1; then
  echo "bootstrap: Node.js 20 is required (https://nodejs.org or your package manager); it is not on PATH." >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: not a Debian/Ubuntu system; install these yourself: Chromium or Chrome (or set CHROME_PATH)," >&2
  echo "  ripgrep, a C++ toolchain (g++ or clang, make), python3, and the Kerberos headers (macOS: xcode-select --install;" >&2
  echo "  Fedora: krb5-devel). Then run npm test." >&2
else
  missing=()
  for pkg in "${packages[@]}"; do
    if [[ "$pkg" == chromium && -n "${CHROME_PATH:-}" && -x "${CHROME_PATH}" ]]; then continue; fi
    # python3 may come from elsewhere (pyenv, a toolchain image): any python3 on PATH will do.
    if [[ "$pkg" == python3 ]] && command -v python3 >/dev/null 2>&1; then continue; fi
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$pkg"); fi
  done
  if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" == 0 ]]; then
      echo "bootstrap: installing ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update
      apt-get install -y --no-install-recommends "${missing[@]}"
    else
      echo "bootstrap: missing packages. Run:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      echo "(On Ubuntu, where chromium is a snap, you may instead install Google Chrome and set CHROME_PATH.)" >&2
      exit 1
    fi
  else
    echo "bootstrap: system packages present (${packages[*]})"
  fi
fi

# Seed <tmpdir>/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz from the system rg,
# for the code-server of this Node major (test/host/code-server/releases.json). Only when missing.
archive="$(node -e '
  const os = require("node:os"), path = require("node:path");
  const major = Number(process.versions.node.split(".")[0]);
  const release = require(process.argv[1]).find((r) => r.nodeMajor === major);
  const target = { x64: "x86_64-unknown-linux-musl", arm64: "aarch64-unknown-linux-musl" }[os.arch()];
  if (release && target && process.platform === "linux") {
    console.log(path.join(os.tmpdir(), `vscode-ripgrep-cache-${release.ripgrepPackage}`, `ripgrep-${release.ripgrepBinary}-${target}.tar.gz`));
  }
' "$here/code-server/releases.json")"
if [[ -z "$archive" ]]; then
  echo "bootstrap: no ripgrep cache to seed here (not Linux x64/arm64, or no code-server for Node $(node -v))"
elif [[ -f "$archive" ]]; then
  echo "bootstrap: ripgrep cache already present: $archive"
elif ! command -v rg >/dev/null 2>&1; then
  echo "bootstrap: no rg on PATH, so the ripgrep cache is not seeded; code-server's install will try GitHub" >&2
else
  mkdir -p "$(dirname "$archive")"
  rg_path="$(command -v rg)"
  tar -czhf "$archive.partial.$$" -C "$(dirname "$rg_path")" "$(basename "$rg_path")"
  mv -f "$archive.partial.$$" "$archive"
  echo "bootstrap: seeded the ripgrep cache from $rg_path: $archive"
fi
