#!/usr/bin/env bash
# Installs what Minutebook needs to build, test and run, from Debian's packages.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libxapian-dev libpoppler-cpp-dev libpoppler-private-dev libicu-dev nlohmann-json3-dev libssl-dev
  xapian-tools
  libtesseract-dev libleptonica-dev tesseract-ocr-eng
  libcpp-httplib-dev libtomlplusplus-dev
  catch2 libexpat1-dev
  poppler-utils
  clang libclang-rt-14-dev
  chromium fonts-liberation
)
# Node.js and npm for the browser test, from Debian only where there are none.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
