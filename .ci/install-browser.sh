#!/usr/bin/env bash
# For .ci/run: install Debian's Chromium, its ChromeDriver and a Japanese font, only when missing.
# Runs as root (CI and sessions are root here). About 20 s on a machine without them, 0 s with.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
# Without a Japanese font the report renders Japanese as boxes (DOM tests still pass, but the
# README screenshot and the PDF's line breaks would be wrong).
fc-list :lang=ja 2>/dev/null | grep -q . || need+=(fonts-ipafont-gothic)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi
# chromium and chromedriver must be the same build, or the session fails to start
# ("This version of ChromeDriver only supports Chrome version N").
b=$(chromium --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+){3}')
d=$(chromedriver --version | grep -oE '[0-9]+(\.[0-9]+){3}')
if [[ "$b" != "$d" ]]; then
  echo "chromium $b and chromedriver $d differ: upgrading both" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
fi
echo "browser: chromium $b, chromedriver $d"
