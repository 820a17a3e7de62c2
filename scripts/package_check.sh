#!/usr/bin/env bash
# Builds the Debian package and proves it on this machine (as root): lintian,
# install, the units' ExecStart lines run as the minutebook user through the
# configuration file against the bundled archive, systemd-analyze verify,
# then remove (the index stays) and purge (the index goes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "package_check.sh installs a package: run it as root." >&2; exit 1; }
need=()
for p in lintian systemd curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
scripts/package.sh
deb=$(ls build/package/minutebook_*.deb | head -n1)

echo "== lintian"
lintian --fail-on error,warning "$deb"

echo "== install"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
id minutebook
[ "$(stat -c '%U %a' /var/lib/minutebook)" = "minutebook 750" ]
[ -f /etc/minutebook/minutebook.conf ]

echo "== systemd-analyze verify"
systemd-analyze verify /lib/systemd/system/minutebook.service /lib/systemd/system/minutebook-index.service \
  /lib/systemd/system/minutebook-index.timer

# The units' ExecStart lines, as their user (CI runs no systemd).
exec_start() { sed -n 's/^ExecStart=//p' "/lib/systemd/system/$1"; }
server_log=$(mktemp)
port=$(sed -n 's/^port = //p' /etc/minutebook/minutebook.conf)
echo "== $(exec_start minutebook.service) (before any index)"
runuser -u minutebook -- $(exec_start minutebook.service) >"$server_log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^Serving' "$server_log" && break; sleep 0.1; done
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
[ "$status" = 503 ] || { echo "healthz before the first index: $status, not 503" >&2; cat "$server_log" >&2; exit 1; }

echo "== $(exec_start minutebook-index.service)"
runuser -u minutebook -- $(exec_start minutebook-index.service)
for _ in $(seq 1 50); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
  [ "$status" = 200 ] && break
  sleep 0.2
done
[ "$status" = 200 ] || { echo "healthz after indexing: $status" >&2; exit 1; }
curl -s "http://127.0.0.1:$port/api/search?q=fostering&limit=1" | grep -q '"total":'
runuser -u minutebook -- /usr/bin/minutebook stats --config /etc/minutebook/minutebook.conf | head -n 3
kill $server; wait $server 2>/dev/null || true
trap - EXIT

echo "== remove keeps the index"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq minutebook
[ -d /var/lib/minutebook/index ]
[ ! -e /usr/bin/minutebook ]
echo "== purge removes it"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq minutebook
[ ! -e /var/lib/minutebook ]
[ ! -e /etc/minutebook/minutebook.conf ]
echo "package check passed: $deb"
