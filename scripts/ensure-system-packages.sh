#!/usr/bin/env bash
# System packages Tongxin needs from Debian: CJK fonts (PDF documents, screenshots) and, for
# the tests, chromium (the real-browser test). Safe to re-run: installs only what is missing.
#   scripts/ensure-system-packages.sh          fonts and chromium (make test); fails if it can't
#   scripts/ensure-system-packages.sh --run    fonts only (make run); warns if it can't
set -euo pipefail
mode=${1:-test}
need=()
# grep without -q reads all of fc-list: with pipefail, an early exit would look like "missing".
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
if [ "$mode" != "--run" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
((${#need[@]})) || exit 0
if [ "$(id -u)" != 0 ]; then
  msg="Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}"
  if [ "$mode" = "--run" ]; then
    echo "$msg (PDF documents will lack Chinese glyphs until then)" >&2
    exit 0
  fi
  echo "$msg" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
