#!/usr/bin/env sh
# Generates the icon set from the SVG sources in icons/src. The generated files are committed, so the build never
# needs these tools; run this after changing an SVG.
#   Debian/Ubuntu: apt-get install -y librsvg2-bin imagemagick icnsutils
# Output:
#   app/detector-studio-<size>.png  16 24 32 (from app-icon-small.svg) and 48 64 128 256 512 (from app-icon.svg)
#   app/detector-studio.ico         16-256 in one file (Windows installer, window icon)
#   app/detector-studio.icns        16-512 (macOS bundle)
#   toolbar/<name>-<size>.png       16 24 32 for every other SVG in src/ (state, transition, ...)
set -eu
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null 2>&1 || { echo "icons/build.sh: '$tool' not found (apt-get install -y librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done
# ImageMagick 6 on Debian installs convert-im6.q16; prefer it over any other 'convert' on the PATH
IM=$(command -v convert-im6.q16 || command -v convert)

mkdir -p app toolbar
for size in 16 24 32; do
  rsvg-convert -w "$size" -h "$size" src/app-icon-small.svg -o "app/detector-studio-$size.png"
done
for size in 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" src/app-icon.svg -o "app/detector-studio-$size.png"
done
"$IM" app/detector-studio-16.png app/detector-studio-24.png app/detector-studio-32.png app/detector-studio-48.png \
  app/detector-studio-64.png app/detector-studio-128.png app/detector-studio-256.png app/detector-studio.ico
png2icns app/detector-studio.icns app/detector-studio-16.png app/detector-studio-32.png app/detector-studio-48.png \
  app/detector-studio-128.png app/detector-studio-256.png app/detector-studio-512.png >/dev/null

for svg in src/*.svg; do
  name=$(basename "$svg" .svg)
  case "$name" in app-icon*) continue ;; esac
  for size in 16 24 32; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "toolbar/$name-$size.png"
  done
done
echo "icons: $(ls app toolbar | grep -c '\.') files in icons/app and icons/toolbar"
