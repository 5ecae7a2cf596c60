#!/bin/sh
# Run a command as on a machine without a system Chromium: in a private mount namespace,
# /usr/bin/chromium is removed (an overlay whiteout) and /usr/lib/chromium is an empty tmpfs.
# Needs root (unshare -m). Nothing outside the command's namespace changes.
# Usage: tools/without-chromium.sh npm test
set -eu
exec unshare -m sh -c '
  set -eu
  scratch=$(mktemp -d)
  mount -t tmpfs tmpfs "$scratch"
  mkdir "$scratch/upper" "$scratch/work"
  mount -t overlay overlay -o "lowerdir=/usr/bin,upperdir=$scratch/upper,workdir=$scratch/work" /usr/bin
  rm -f /usr/bin/chromium /usr/bin/chromium-browser
  [ -d /usr/lib/chromium ] && mount -t tmpfs tmpfs /usr/lib/chromium
  if [ -e /usr/bin/chromium ]; then echo "could not hide /usr/bin/chromium" >&2; exit 1; fi
  echo "without-chromium: /usr/bin/chromium hidden" >&2
  exec "$@"
' sh "$@"
