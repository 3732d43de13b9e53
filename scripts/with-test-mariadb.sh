#!/usr/bin/env bash
# Runs a command against a throwaway MariaDB server whose data lives in memory (/dev/shm).
# Strapi's first boot on a database is hundreds of CREATE/ALTER TABLE statements, and InnoDB syncs
# each one to disk (~60 ms here): on a disk-backed server every test file would spend a minute
# creating its schema. In memory the same boot takes a second. The data is thrown away afterwards,
# so nothing is lost; the server is the distribution's own `mariadbd`, the same engine as production.
#
#   bash scripts/with-test-mariadb.sh npx jest --selectProjects integration --runInBand
#
# TEST_MARIADB_PORT (default 3307) is where it listens; the command gets DATABASE_PORT set to it.
set -euo pipefail

port="${TEST_MARIADB_PORT:-3307}"
base="$(mktemp -d /dev/shm/porte-voix-mariadb-XXXXXX 2>/dev/null || mktemp -d)"

for tool in mariadb-install-db mariadbd mariadb-admin; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "with-test-mariadb: $tool is missing; install MariaDB (apt-get install -y mariadb-server)" >&2
    exit 1
  fi
done
server="$(command -v mariadbd || echo /usr/sbin/mariadbd)"

stop() {
  if [ -f "$base/pid" ]; then kill "$(cat "$base/pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 50); do [ -f "$base/pid" ] || break; sleep 0.1; done
  rm -rf "$base"
}
trap stop EXIT

mariadb-install-db --no-defaults --datadir="$base/data" --user="$(id -un)" \
  --auth-root-authentication-method=normal --skip-test-db >"$base/install.log" 2>&1 || {
  cat "$base/install.log" >&2
  exit 1
}
"$server" --no-defaults --datadir="$base/data" --user="$(id -un)" --bind-address=127.0.0.1 --port="$port" \
  --socket="$base/socket" --pid-file="$base/pid" --skip-log-bin --innodb-flush-log-at-trx-commit=0 \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=500 \
  >"$base/server.log" 2>&1 &

for _ in $(seq 1 60); do
  mariadb-admin -h 127.0.0.1 -P "$port" -uroot --silent ping 2>/dev/null && break
  sleep 0.5
done
if ! mariadb-admin -h 127.0.0.1 -P "$port" -uroot --silent ping 2>/dev/null; then
  echo "with-test-mariadb: the server did not start on port $port" >&2
  cat "$base/server.log" >&2
  exit 1
fi

DATABASE_CLIENT=mysql DATABASE_HOST=127.0.0.1 DATABASE_PORT="$port" "$@"
