#!/usr/bin/env bash
# Runs PostgreSQL from the Debian packages in the foreground, for the AppHost (executable resource)
# and for the integration-test fixtures. PostgreSQL refuses to run as root, so as root the server
# runs as the "postgres" system user.
#
#   PGPORT            port to listen on (required)
#   PG_SHARED_BUFFERS shared_buffers (default 256MB; the benchmarks use more)
#   TIANXIN_PGDATA    data directory; created and initialised when empty. Unset: a throwaway
#                     directory that is removed on exit.
set -euo pipefail

: "${PGPORT:?PGPORT must be set}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[[ -x "$PG_BIN/postgres" ]] || { echo "PostgreSQL binaries not found; run ./tianxin setup" >&2; exit 1; }

throwaway=""
if [[ -z "${TIANXIN_PGDATA:-}" ]]; then
  throwaway="$(mktemp -d /tmp/tianxin-pg.XXXXXX)"
  TIANXIN_PGDATA="$throwaway/data"
fi
socket_dir="$(mktemp -d /tmp/tianxin-pgsock.XXXXXX)"
mkdir -p "$TIANXIN_PGDATA"

as_owner=()
if [[ "$(id -u)" == 0 ]]; then
  chown postgres:postgres "$TIANXIN_PGDATA" "$socket_dir"
  [[ -n "$throwaway" ]] && chown postgres:postgres "$throwaway"
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
chmod 700 "$TIANXIN_PGDATA"

if [[ ! -s "$TIANXIN_PGDATA/PG_VERSION" ]]; then
  "${as_owner[@]}" "$PG_BIN/initdb" -D "$TIANXIN_PGDATA" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

cleanup() {
  rm -rf "$socket_dir"
  [[ -n "$throwaway" ]] && rm -rf "$throwaway"
  return 0
}

"${as_owner[@]}" "$PG_BIN/postgres" -D "$TIANXIN_PGDATA" -p "$PGPORT" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories="$socket_dir" \
  -c max_connections="${PG_MAX_CONNECTIONS:-300}" -c shared_buffers="${PG_SHARED_BUFFERS:-256MB}" \
  -c log_min_messages=warning -c log_line_prefix='%m [%p] ' &
server=$!
# SIGINT is PostgreSQL's "fast shutdown": running transactions are rolled back, data is kept.
trap 'kill -INT "$server" 2>/dev/null || true' TERM INT
wait "$server" || true
wait "$server" 2>/dev/null || true
cleanup
