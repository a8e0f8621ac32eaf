#!/usr/bin/env bash
# Command 1 of the README: runs the whole system on this machine.
# Builds, makes sure RabbitMQ is installed and running, starts the services and the web app on SQLite (files under ./data),
# waits until the gateway is ready, prints its URL and example calls, and stops everything on Ctrl-C.
# INSTANCES=2 Database__Provider=Postgres runs two processes of Membership, Points and Ticketing on PostgreSQL (databases
# changxing_<service>, created if missing), instance n on its port + 10*(n-1), with the gateway balancing across them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/infra.sh

GATEWAY_PORT=${GATEWAY_PORT:-5100}
MEMBERSHIP_PORT=${MEMBERSHIP_PORT:-5101}
POINTS_PORT=${POINTS_PORT:-5102}
TICKETING_PORT=${TICKETING_PORT:-5103}
WEB_PORT=${WEB_PORT:-5104}
DATA_DIR=${DATA_DIR:-$PWD/data}
CONFIGURATION=${CHANGXING_CONFIGURATION:-Release}
LOG_DIR=$DATA_DIR/logs
INSTANCES=${INSTANCES:-1}
DATABASE_PROVIDER=${Database__Provider:-Sqlite}
POSTGRES=${POSTGRES:-Host=127.0.0.1;Port=5432;Username=changxing;Password=changxing}
SERVICES="Membership Points Ticketing"
service_port() { # name instance
  local base
  case $1 in Membership) base=$MEMBERSHIP_PORT ;; Points) base=$POINTS_PORT ;; Ticketing) base=$TICKETING_PORT ;; esac
  echo $(( base + 10 * ($2 - 1) ))
}

[[ "$INSTANCES" =~ ^[1-9][0-9]?$ ]] || fail "INSTANCES must be a number from 1 to 99, not '$INSTANCES'."
case $DATABASE_PROVIDER in
  Sqlite) [ "$INSTANCES" -eq 1 ] || fail "INSTANCES=$INSTANCES needs a server database: SQLite is single-instance (a second process on the same file is refused). Add Database__Provider=Postgres." ;;
  Postgres) ;;
  *) fail "scripts/run.sh runs on Database__Provider=Sqlite or Postgres, not '$DATABASE_PROVIDER'." ;;
esac

require_dotnet
command -v curl >/dev/null 2>&1 || apt_install curl
ensure_rabbitmq
ports="$GATEWAY_PORT $WEB_PORT"
for name in $SERVICES; do for n in $(seq 1 "$INSTANCES"); do ports="$ports $(service_port "$name" "$n")"; done; done
if [ "$DATABASE_PROVIDER" = Postgres ]; then
  ensure_postgres
  # Created here, before any instance starts: instances migrate one at a time, but only once the database exists.
  for name in $SERVICES; do
    db=changxing_$(echo "$name" | tr '[:upper:]' '[:lower:]')
    [ "$(psql_as_test_role "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ] || psql_as_test_role "CREATE DATABASE $db" >/dev/null \
      || fail "Could not create the PostgreSQL database $db."
  done
fi
for port in $ports; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    fail "Port $port is already in use. Stop what uses it, or choose other ports (GATEWAY_PORT, MEMBERSHIP_PORT, POINTS_PORT, TICKETING_PORT, WEB_PORT)."
  fi
done

if [ "${CHANGXING_SKIP_BUILD:-}" = 1 ]; then
  # Used by the smoke test of this script, which runs after the test command's build.
  for name in Membership Points Ticketing Web Gateway; do
    [ -f "services/$name/bin/$CONFIGURATION/net10.0/Changxing.$name.dll" ] \
      || fail "CHANGXING_SKIP_BUILD=1 but services/$name is not built ($CONFIGURATION): run without it, or dotnet build -c $CONFIGURATION first."
  done
else
  say "Building ($CONFIGURATION)"
  dotnet build Changxing.sln -c "$CONFIGURATION" -nologo -v q
fi
mkdir -p "$LOG_DIR"

pids=()
stop_all() {
  trap - INT TERM EXIT
  say "Stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

start_service() { # name log-name port [extra env...]
  local name=$1 log=$2 port=$3; shift 3
  local dir=services/$name/bin/$CONFIGURATION/net10.0
  ( cd "$dir" && exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider="$DATABASE_PROVIDER" Database__DataDirectory="$DATA_DIR" \
      "$@" dotnet "Changxing.$name.dll" ) >"$LOG_DIR/$log.log" 2>&1 &
  pids+=($!)
  echo "    $log on http://127.0.0.1:$port (log: $LOG_DIR/$log.log)"
}

say "Starting services ($INSTANCES of each on $DATABASE_PROVIDER)"
destinations=()
for name in $SERVICES; do
  lower=$(echo "$name" | tr '[:upper:]' '[:lower:]')
  database=()
  [ "$DATABASE_PROVIDER" = Postgres ] && database=(Database__ConnectionString="$POSTGRES;Database=changxing_$lower")
  for n in $(seq 1 "$INSTANCES"); do
    port=$(service_port "$name" "$n")
    if [ "$n" -eq 1 ]; then log=$name; destination=primary; else log=$name-$n; destination=instance$n; fi
    start_service "$name" "$log" "$port" "${database[@]}"
    destinations+=("ReverseProxy__Clusters__${lower}__Destinations__${destination}__Address=http://127.0.0.1:$port")
  done
done
start_service Web Web $WEB_PORT Web__GatewayAddress="http://127.0.0.1:$GATEWAY_PORT"
# The web app passes each browser's address on in X-Forwarded-For; the gateway believes it from the web app's address.
# Every instance is a destination of its service's cluster; the gateway's health checks take a dead one out.
start_service Gateway Gateway $GATEWAY_PORT \
  Gateway__TrustedProxies__0=127.0.0.1 \
  ReverseProxy__Clusters__web__Destinations__primary__Address="http://127.0.0.1:$WEB_PORT" \
  "${destinations[@]}"

say "Waiting for the gateway to be ready"
gateway=http://127.0.0.1:$GATEWAY_PORT
for i in $(seq 1 120); do
  if curl -fsS "$gateway/health/ready" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG_DIR"/*.log >&2; fail "A service exited during start-up (logs above)."; }
  done
  [ "$i" -eq 120 ] && { curl -sS "$gateway/health/ready" >&2 || true; fail "The gateway was not ready within 120 s; logs in $LOG_DIR"; }
  sleep 1
done

cat <<MSG

Changxing is running: $gateway   (Ctrl-C stops everything)

  Open $gateway/ in a browser: search trains, sign up, redeem (staff sign in at $gateway/staff/signin)
  curl $gateway/health/ready
  curl '$gateway/api/ticketing/search?from=VNP&to=AOH&date=$(date -d tomorrow +%F)'
  API reference: $gateway/docs        Logs: $LOG_DIR
  See README.md ("Try it") for signing up, earning points and redeeming a ticket.

MSG
wait -n "${pids[@]}" || true
fail "A service stopped unexpectedly; logs in $LOG_DIR"
