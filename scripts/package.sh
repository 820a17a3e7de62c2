#!/usr/bin/env bash
# Builds the Debian package into build/package/: minutebook_VERSION_ARCH.deb.
# A build of its own (build/package/build), installed under /usr and with
# the bundled archive at /usr/share/minutebook/corpus; tests are not built.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
need=()
for p in dpkg-dev file; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
out=build/package
mkdir -p "$out/build"
cmake -S . -B "$out/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
  -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON -DCMAKE_INSTALL_PREFIX=/usr \
  -DMINUTEBOOK_CORPUS_DIR=/usr/share/minutebook/corpus >/dev/null
cmake --build "$out/build" --target minutebook package_docs -j "$(nproc)"
(cd "$out/build" && cpack -G DEB >/dev/null)
ls "$out"/minutebook_*.deb
