#!/usr/bin/env sh
# Installs the built .deb into a fresh minimal Debian (debootstrap chroot) and checks the result: dependencies
# resolve, postinst succeeds without a desktop, /usr/bin/detector-studio validates and simulates the samples; then
# with desktop menu directories present the menu entry and *.scenario.json type are registered; removal cleans up.
# Needs root, debootstrap and network access to deb.debian.org. Usage: installers/check-deb.sh [DEB] [SUITE]
set -eu
cd "$(dirname "$0")/.."
DEB=${1:-$(ls installers/target/installer/detector-studio_*_amd64.deb | head -1)}
SUITE=${2:-bookworm}
ROOT=$(mktemp -d /tmp/detector-studio-deb-check.XXXXXX)
trap 'umount -l "$ROOT/proc" 2>/dev/null || true; rm -rf --one-file-system "$ROOT"' EXIT

debootstrap --variant=minbase "$SUITE" "$ROOT" http://deb.debian.org/debian >/dev/null
mount -t proc proc "$ROOT/proc"
cp "$DEB" "$ROOT/tmp/detector-studio.deb"
cp -r samples "$ROOT/tmp/samples"
chroot "$ROOT" /bin/sh -eu -c '
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/detector-studio.deb >/dev/null
  test "$(readlink /usr/bin/detector-studio)" = /opt/detector-studio/bin/detector-studio
  cd /tmp
  detector-studio validate samples/*/model.json
  detector-studio simulate samples/*/scenarios/*.scenario.json
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shared-mime-info desktop-file-utils >/dev/null
  mkdir -p /etc/xdg/menus/applications-merged /usr/share/desktop-directories
  /var/lib/dpkg/info/detector-studio.postinst configure
  test -f /usr/share/applications/detector-studio-detector-studio.desktop
  test "$(xdg-mime query filetype samples/motor/scenarios/pressure-breach-and-recovery.scenario.json)" = application/x-detector-studio-scenario+json
  test "$(xdg-mime query default application/x-detector-studio-scenario+json)" = detector-studio-detector-studio.desktop
  dpkg -r detector-studio >/dev/null
  test ! -e /usr/bin/detector-studio
  test ! -e /usr/share/applications/detector-studio-detector-studio.desktop
'
echo "check-deb: $DEB installs, runs and removes cleanly on a minimal $SUITE"
