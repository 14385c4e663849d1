#!/usr/bin/env bash
# Makes sure Debian's Chromium (for the browser tests) and a CJK font (so that screenshots show
# Chinese) are installed. Installs them with apt-get when missing; does nothing otherwise.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# grep reads all of fc-list's output (no -q): under pipefail, a grep that stops at the first
# match can end fc-list with SIGPIPE and make an installed font look missing.
fc-list : family 2>/dev/null | grep -i "noto sans cjk" >/dev/null || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "error: the browser tests need ${need[*]}; install with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing ${need[*]} for the browser tests (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
/usr/bin/chromium --version
