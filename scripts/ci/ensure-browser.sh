#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (packages that download
# their own browser build cannot reach their hosts). Needs root, as on CI; otherwise says what to run.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium at $browser: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
echo "Installing Chromium for the browser tests (apt-get install -y chromium)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$browser" --version
