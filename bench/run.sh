#!/usr/bin/env bash
# Benchmarks that print figures (see bench/README.md). Run through ./tianxin bench, which installs
# PostgreSQL and RabbitMQ first. Needs wrk, h2load (nghttp2-client) and nginx: installed when missing.
#   bench/run.sh [gateway|registry|relief|employment|grievance|reporting] [seconds per round] [rounds] [persons]
#   "gateway" runs only the REST and gRPC comparisons (direct, through the gateway, through nginx);
#   "registry" runs only the registry benchmark (bulk load, ID-number lookup, name search);
#   "relief" only relief's (a month's run over 100,000 entitlements, proposal latency at 50 certificates/s);
#   "employment" only employment's (matching a posting against 50,000 seekers through the gateway, the
#   zero-employment household list over a million holders); "grievance" only grievance's (the district's at-risk
#   list over 10,000 open cases through the gateway, the hotline's pushes over gRPC through the gateway); "reporting" only
#   reporting's (events/s ingested through the broker, rebuilding a year of 1,000,000 events, drafting the report at that size).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ONLY=all
if [[ "${1:-}" =~ ^(gateway|registry|relief|employment|grievance|reporting)$ ]]; then ONLY=$1; shift; fi
DURATION="${1:-10}"
ROUNDS="${2:-3}"
PERSONS="${3:-1000000}"
WORK="$(mktemp -d /tmp/tianxin-bench.XXXXXX)"
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || MISSING+=("$2"); }
MISSING=()
need wrk wrk; need h2load nghttp2-client; need nginx nginx-light
if ((${#MISSING[@]})); then
  [[ "$(id -u)" == 0 ]] && SUDO="" || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
if [[ "$ONLY" == relief ]]; then
  dotnet build bench/Tianxin.Benchmarks -c Release --verbosity quiet --nologo >/dev/null
  echo "== relief: a month's run (draft, approve, export) and proposal latency (real PostgreSQL and RabbitMQ)"
  dotnet "$ROOT/bench/Tianxin.Benchmarks/bin/Release/net10.0/Tianxin.Benchmarks.dll" relief 100000 20
  exit 0
fi
if [[ "$ONLY" == reporting ]]; then
  dotnet build bench/Tianxin.Benchmarks -c Release --verbosity quiet --nologo >/dev/null
  echo "== reporting: ingest through the broker, rebuild and draft (real PostgreSQL and RabbitMQ)"
  dotnet "$ROOT/bench/Tianxin.Benchmarks/bin/Release/net10.0/Tianxin.Benchmarks.dll" reporting 20000 1000000
  exit 0
fi
echo "== building (Release)"
for project in src/Services/Registry/Tianxin.Registry src/Services/Employment/Tianxin.Employment src/Services/Grievance/Tianxin.Grievance src/Services/Identity/Tianxin.Identity src/Gateway/Tianxin.Gateway bench/Tianxin.Benchmarks; do
  dotnet build "$project" -c Release --verbosity quiet --nologo >/dev/null
done
bin() { echo "$ROOT/$1/bin/Release/net10.0"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { local i; for i in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "not up: $1" >&2; return 1; }

PG_PORT=$(free_port); AMQP_PORT=$(free_port)
PGPORT=$PG_PORT bash infra/postgres.sh >"$WORK/pg.log" 2>&1 & PIDS+=($!)
RABBITMQ_NODE_PORT=$AMQP_PORT RABBITMQ_DIST_PORT=$(free_port) ERL_EPMD_PORT=$(free_port) bash infra/rabbitmq.sh >"$WORK/rabbit.log" 2>&1 & PIDS+=($!)
for i in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 0.5; done
for i in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$AMQP_PORT") 2>/dev/null && break; sleep 0.5; done

# Configuration keys with "-" cannot be exported by bash: they are handed to each process with env.
REGISTRY_DB="ConnectionStrings__registry-db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=registry"
IDENTITY_DB="ConnectionStrings__identity-db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=identity"
EMPLOYMENT_DB="ConnectionStrings__employment-db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=employment"
GRIEVANCE_DB="ConnectionStrings__grievance-db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=grievance"
export ConnectionStrings__rabbitmq="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
export Identity__Issuer=http://127.0.0.1:15080/
# Each service migrates its own database at start; the gateway and identity are told which services there are.

# The identity service runs in Development for its demo partner clients; the bench calls as one of them.
(cd "$(bin src/Services/Identity/Tianxin.Identity)" && exec env ASPNETCORE_ENVIRONMENT=Development "$IDENTITY_DB" Identity__Services__0=registry Identity__Services__1=employment Identity__Services__2=grievance \
  Kestrel__Endpoints__http__Url=http://127.0.0.1:15100 dotnet Tianxin.Identity.dll >"$WORK/identity.log" 2>&1) & PIDS+=($!)

# Fresh personal-data keys for the run; the loader encrypts with the same ones.
export PersonalData__ActiveKeyId=bench
export PersonalData__EncryptionKeys__bench="$(head -c 32 /dev/urandom | base64)"
export PersonalData__BlindIndexKey="$(head -c 32 /dev/urandom | base64)"

# Services run as they would in production: Release, Production environment, their own appsettings.
(cd "$(bin src/Services/Registry/Tianxin.Registry)" && exec env ASPNETCORE_ENVIRONMENT=Production \
  "$REGISTRY_DB" \
  Kestrel__Endpoints__http__Url=http://127.0.0.1:15110 Kestrel__Endpoints__grpc__Url=http://127.0.0.1:15111 \
  dotnet Tianxin.Registry.dll >"$WORK/registry.log" 2>&1) & PIDS+=($!)
(cd "$(bin src/Services/Employment/Tianxin.Employment)" && exec env ASPNETCORE_ENVIRONMENT=Production \
  "$EMPLOYMENT_DB" \
  Kestrel__Endpoints__http__Url=http://127.0.0.1:15120 Kestrel__Endpoints__grpc__Url=http://127.0.0.1:15121 \
  dotnet Tianxin.Employment.dll >"$WORK/employment.log" 2>&1) & PIDS+=($!)
(cd "$(bin src/Services/Grievance/Tianxin.Grievance)" && exec env ASPNETCORE_ENVIRONMENT=Production \
  "$GRIEVANCE_DB" \
  Kestrel__Endpoints__http__Url=http://127.0.0.1:15140 Kestrel__Endpoints__grpc__Url=http://127.0.0.1:15141 \
  dotnet Tianxin.Grievance.dll >"$WORK/grievance.log" 2>&1) & PIDS+=($!)
(cd "$(bin src/Gateway/Tianxin.Gateway)" && exec env ASPNETCORE_ENVIRONMENT=Production \
  services__registry__grpc__0=http://127.0.0.1:15111 services__identity__http__0=http://127.0.0.1:15100 Gateway__Services__0=registry \
  services__employment__grpc__0=http://127.0.0.1:15121 Gateway__Services__1=employment \
  services__grievance__grpc__0=http://127.0.0.1:15141 Gateway__Services__2=grievance \
  Gateway__RequestsPerClientPerSecond=0 \
  Kestrel__Endpoints__http__Url=http://127.0.0.1:15080 Kestrel__Endpoints__grpc__Url=http://127.0.0.1:15081 \
  dotnet Tianxin.Gateway.dll >"$WORK/gateway.log" 2>&1) & PIDS+=($!)

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream registry { server 127.0.0.1:15110; keepalive 64; }
  server {
    listen 127.0.0.1:15090;
    location / { proxy_pass http://registry; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & PIDS+=($!)

wait_http http://127.0.0.1:15110/alive; wait_http http://127.0.0.1:15100/health; wait_http http://127.0.0.1:15080/health
TOKEN="$(curl -fsS -d grant_type=client_credentials -d client_id=rehab-institution-1 -d client_secret=rehab-institution-1-demo-secret \
  http://127.0.0.1:15080/connect/token | grep -o '"access_token": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
AUTH="Authorization: Bearer $TOKEN"
for url in http://127.0.0.1:15110/info http://127.0.0.1:15080/api/registry/info http://127.0.0.1:15090/info; do
  curl -fsS -o /dev/null -H "$AUTH" "$url" || { echo "not answering with a token: $url" >&2; exit 1; }
done

# A warm-up, then ROUNDS rounds of wrk -t1 -c2 on one URL with a bearer token, each printing its rate and latency.
light_rounds() { # url token
  local round out
  wrk -t1 -c1 -d3s -H "Authorization: Bearer $2" "$1" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    out="$(wrk -t1 -c2 -d"${DURATION}s" --latency -H "Authorization: Bearer $2" "$1")"
    printf '  round %s: %6.1f req/s   latency p50 %s p99 %s\n' "$round" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
      "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
  done
}

if [[ "$ONLY" == employment ]]; then
  wait_http http://127.0.0.1:15120/alive
  echo "== employment: ${PERSONS} holders in the eligibility copy, 50000 seekers (binary COPY into the migrated schema)"
  env "$EMPLOYMENT_DB" dotnet "$(bin bench/Tianxin.Benchmarks)/Tianxin.Benchmarks.dll" load-employment "$PERSONS" 50000 "$WORK/posting"
  OFFICER="$(curl -fsS -d grant_type=password -d client_id=tianxin-cli -d username=district-officer -d password=Tianxin@2026 -d scope=employment \
    http://127.0.0.1:15080/connect/token | grep -o '"access_token": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
  url="http://127.0.0.1:15080/api/employment/postings/$(sed -n 1p "$WORK/posting")/candidates?limit=20"
  curl -fsS -o /dev/null -H "Authorization: Bearer $OFFICER" "$url" || { echo "matching does not answer: $url" >&2; exit 1; }
  echo "== employment: matching one posting against 50,000 seekers through the gateway (district officer, top 20 with reasons), wrk -t1 -c2, ${DURATION}s x ${ROUNDS} rounds"
  light_rounds "$url" "$OFFICER"
  echo "== employment: a posting whose suited seekers score no more than unsuited neighbours could (those of its community read too)"
  light_rounds "http://127.0.0.1:15080/api/employment/postings/$(sed -n 2p "$WORK/posting")/candidates?limit=20" "$OFFICER"
  echo "== employment: the same posting's longest list, 200 (every seeker read and scored)"
  light_rounds "http://127.0.0.1:15080/api/employment/postings/$(sed -n 2p "$WORK/posting")/candidates?limit=200" "$OFFICER"
  exit 0
fi

if [[ "$ONLY" == grievance ]]; then
  wait_http http://127.0.0.1:15140/alive
  echo "== grievance: 10,000 open cases over 14 streets, due from 30 days ago to 60 days ahead (binary COPY into the migrated schema)"
  env "$GRIEVANCE_DB" dotnet "$(bin bench/Tianxin.Benchmarks)/Tianxin.Benchmarks.dll" load-grievance 10000
  OFFICER="$(curl -fsS -d grant_type=password -d client_id=tianxin-cli -d username=district-officer -d password=Tianxin@2026 -d scope=grievance \
    http://127.0.0.1:15080/connect/token | grep -o '"access_token": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
  url="http://127.0.0.1:15080/api/grievance/cases/at-risk"
  curl -fsS -o /dev/null -H "Authorization: Bearer $OFFICER" "$url" || { echo "the at-risk list does not answer: $url" >&2; exit 1; }
  echo "== grievance: the district's at-risk and breached list through the gateway (counts per street, first 200 cases), wrk -t1 -c2, ${DURATION}s x ${ROUNDS} rounds"
  light_rounds "$url" "$OFFICER"
  HOTLINE="$(curl -fsS -d grant_type=client_credentials -d client_id=hotline-12345 -d client_secret=hotline-12345-demo-secret \
    http://127.0.0.1:15080/connect/token | grep -o '"access_token": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
  echo "== grievance: the hotline pushing new orders over gRPC through the gateway, ${DURATION}s x ${ROUNDS} rounds, 8 callers"
  for round in $(seq 1 "$ROUNDS"); do
    printf '  round %s:' "$round"
    dotnet "$(bin bench/Tianxin.Benchmarks)/Tianxin.Benchmarks.dll" push-orders http://127.0.0.1:15081 "$HOTLINE" "$DURATION" 8
  done
  exit 0
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A RPS P50 P99
if [[ "$ONLY" == all || "$ONLY" == gateway ]]; then
rest_round() { # name url
  local out; out="$(wrk -t2 -c64 -d"${DURATION}s" --latency -H "$AUTH" "$2")"
  RPS[$1]+="$(awk '/Requests\/sec/ {print $2}' <<<"$out") "
  P50[$1]+="$(awk '$1=="50%" {print $2}' <<<"$out") "
  P99[$1]+="$(awk '$1=="99%" {print $2}' <<<"$out") "
}
echo "== REST GET /info (small in-memory answer, partner token validated by gateway and service), wrk -t2 -c64, ${DURATION}s x ${ROUNDS} rounds, alternating"
for url in http://127.0.0.1:15110/info http://127.0.0.1:15080/api/registry/info http://127.0.0.1:15090/info; do wrk -t1 -c8 -d2s -H "$AUTH" "$url" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  rest_round direct http://127.0.0.1:15110/info
  rest_round gateway http://127.0.0.1:15080/api/registry/info
  rest_round nginx http://127.0.0.1:15090/info
done
direct=$(tr ' ' '\n' <<<"${RPS[direct]}" | grep . | median)
for name in direct gateway nginx; do
  rps=$(tr ' ' '\n' <<<"${RPS[$name]}" | grep . | median)
  printf '  %-8s %9.0f req/s (median)  %5.2fx direct   latency p50 [%s] p99 [%s]\n' "$name" "$rps" "$(awk -v a="$rps" -v b="$direct" 'BEGIN {print a / b}')" "${P50[$name]% }" "${P99[$name]% }"
done

printf '\x00\x00\x00\x00\x00' >"$WORK/empty.grpc"
grpc_round() { # url
  h2load -n 60000 -c 8 -m 16 -t 2 -d "$WORK/empty.grpc" -H 'content-type: application/grpc' -H 'te: trailers' -H "$AUTH" "$1" \
    | awk '/^finished in/ {gsub(",", "", $4); print $4}'
}
echo "== gRPC unary GetServiceInfo, h2load -c8 -m16, 60000 calls x ${ROUNDS} rounds, alternating"
GRPC_DIRECT=(); GRPC_GATEWAY=()
path=/tianxin.registry.v1.RegistryService/GetServiceInfo
for round in $(seq 1 "$ROUNDS"); do
  GRPC_DIRECT+=("$(grpc_round "http://127.0.0.1:15111$path")")
  GRPC_GATEWAY+=("$(grpc_round "http://127.0.0.1:15081$path")")
done
gd=$(printf '%s\n' "${GRPC_DIRECT[@]}" | median); gg=$(printf '%s\n' "${GRPC_GATEWAY[@]}" | median)
printf '  direct   %9.0f req/s (median)\n  gateway  %9.0f req/s (median)  %5.2fx direct\n' "$gd" "$gg" "$(awk -v a="$gg" -v b="$gd" 'BEGIN {print a / b}')"
[[ "$ONLY" == gateway ]] && exit 0

echo "== outbox relay (real PostgreSQL and RabbitMQ)"
dotnet "$(bin bench/Tianxin.Benchmarks)/Tianxin.Benchmarks.dll" outbox 20000 20
echo "== relief: a month's run (draft, approve, export) and proposal latency (real PostgreSQL and RabbitMQ)"
dotnet "$(bin bench/Tianxin.Benchmarks)/Tianxin.Benchmarks.dll" relief 100000 20
fi

echo "== registry: bulk load of ${PERSONS} persons with certificates (binary COPY into the migrated schema)"
env "$REGISTRY_DB" dotnet "$(bin bench/Tianxin.Benchmarks)/Tianxin.Benchmarks.dll" load-registry "$PERSONS" "$WORK/sample"
export BENCH_IDS="$WORK/sample/id-numbers.txt" BENCH_NAMES="$WORK/sample/names.txt"
BENCH_TOKEN="$(curl -fsS -d grant_type=password -d client_id=tianxin-cli -d username=district-admin -d password=Tianxin@2026 -d scope=registry \
  http://127.0.0.1:15080/connect/token | grep -o '"access_token": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
export BENCH_TOKEN
found="$(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"idNumber\":\"$(head -1 "$BENCH_IDS")\"}" http://127.0.0.1:15080/api/registry/persons/lookup)"
[[ "$found" == *'"id"'* ]] || { echo "the lookup finds nothing: $found" >&2; exit 1; }

lookup_round() { # name url connections
  local out; out="$(wrk -t2 -c"$3" -d"${DURATION}s" --latency -s bench/lookup.lua "$2")"
  RPS[$1]+="$(awk '/Requests\/sec/ {print $2}' <<<"$out") "
  P50[$1]+="$(awk '$1=="50%" {print $2}' <<<"$out") "
  P99[$1]+="$(awk '$1=="99%" {print $2}' <<<"$out") "
}
echo "== registry: lookup by ID number (POST /persons/lookup, blind index), ${DURATION}s x ${ROUNDS} rounds, alternating"
for url in http://127.0.0.1:15110/persons/lookup http://127.0.0.1:15080/api/registry/persons/lookup; do
  wrk -t1 -c8 -d3s -s bench/lookup.lua "$url" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  lookup_round direct-busy http://127.0.0.1:15110/persons/lookup 32
  lookup_round gateway-busy http://127.0.0.1:15080/api/registry/persons/lookup 32
  lookup_round direct-light http://127.0.0.1:15110/persons/lookup 2
  lookup_round gateway-light http://127.0.0.1:15080/api/registry/persons/lookup 2
done
for load in busy light; do
  d=$(tr ' ' '\n' <<<"${RPS[direct-$load]}" | grep . | median)
  for name in direct-$load gateway-$load; do
    rps=$(tr ' ' '\n' <<<"${RPS[$name]}" | grep . | median)
    printf '  %-14s %8.0f req/s (median)  %5.2fx direct   latency p50 [%s] p99 [%s]\n' "$name" "$rps" \
      "$(awk -v a="$rps" -v b="$d" 'BEGIN {print a / b}')" "${P50[$name]% }" "${P99[$name]% }"
  done
done
echo "  (busy: wrk -t2 -c32; light: wrk -t2 -c2)"

echo "== registry: name search through the gateway (GET /persons?name=…&pageSize=20, part of a name or pinyin initials, with the total count)"
out="$(wrk -t2 -c2 -d"${DURATION}s" --latency -s bench/search.lua http://127.0.0.1:15080/api/registry/persons)"
printf '  %8.0f req/s   latency p50 %s p99 %s\n' "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
  "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
echo "== registry: database size"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d registry -Atc \
  "select '  database ' || pg_size_pretty(pg_database_size('registry')) || ', persons ' || pg_size_pretty(pg_total_relation_size('persons')) || ' (with indexes), certificates ' || pg_size_pretty(pg_total_relation_size('certificates'))"
