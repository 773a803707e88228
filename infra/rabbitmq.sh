#!/usr/bin/env bash
# Runs RabbitMQ from the Debian packages in the foreground, for the AppHost (executable resource)
# and for the integration-test fixtures. Every instance has its own node name, Erlang port mapper
# (epmd) port and distribution port, so several can run side by side.
#
#   RABBITMQ_NODE_PORT   AMQP port (required)
#   RABBITMQ_DIST_PORT   Erlang distribution port (required: the default, AMQP port + 20000,
#                        overflows when the AMQP port is a random high port)
#   ERL_EPMD_PORT        port of this instance's epmd (required)
#   TIANXIN_RABBITDATA   data directory; unset: a throwaway directory removed on exit.
set -euo pipefail

: "${RABBITMQ_NODE_PORT:?RABBITMQ_NODE_PORT must be set}"
: "${RABBITMQ_DIST_PORT:?RABBITMQ_DIST_PORT must be set}"
: "${ERL_EPMD_PORT:?ERL_EPMD_PORT must be set}"
server_bin=/usr/lib/rabbitmq/bin/rabbitmq-server
[[ -x "$server_bin" ]] || { echo "RabbitMQ not found; run ./tianxin setup" >&2; exit 1; }

throwaway=""
if [[ -z "${TIANXIN_RABBITDATA:-}" ]]; then
  throwaway="$(mktemp -d /tmp/tianxin-rabbit.XXXXXX)"
  TIANXIN_RABBITDATA="$throwaway"
fi
mkdir -p "$TIANXIN_RABBITDATA/mnesia" "$TIANXIN_RABBITDATA/home"
: > "$TIANXIN_RABBITDATA/enabled_plugins"
echo "[]." > "$TIANXIN_RABBITDATA/enabled_plugins"

export HOME="$TIANXIN_RABBITDATA/home"
export RABBITMQ_MNESIA_BASE="$TIANXIN_RABBITDATA/mnesia"
export RABBITMQ_LOG_BASE="$TIANXIN_RABBITDATA/log"
export RABBITMQ_LOGS=-
export RABBITMQ_ENABLED_PLUGINS_FILE="$TIANXIN_RABBITDATA/enabled_plugins"
export RABBITMQ_PID_FILE="$TIANXIN_RABBITDATA/rabbit.pid"
export RABBITMQ_NODENAME="${RABBITMQ_NODENAME:-tianxin-$RABBITMQ_NODE_PORT@localhost}"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_DIST_PORT ERL_EPMD_PORT RABBITMQ_NODE_PORT

cleanup() {
  epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
  [[ -n "$throwaway" ]] && rm -rf "$throwaway"
  return 0
}

"$server_bin" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT
wait "$server" || true
wait "$server" 2>/dev/null || true
cleanup
