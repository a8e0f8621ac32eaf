#!/usr/bin/env bash
# Command 1 of the README: runs the whole system on this machine.
# Builds, makes sure RabbitMQ is installed and running, starts the services and the web app on SQLite (files under ./data),
# waits until the gateway is ready, prints its URL and example calls, and stops everything on Ctrl-C.
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

require_dotnet
command -v curl >/dev/null 2>&1 || apt_install curl
ensure_rabbitmq
for port in $GATEWAY_PORT $MEMBERSHIP_PORT $POINTS_PORT $TICKETING_PORT $WEB_PORT; do
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

start_service() { # name port [extra env...]
  local name=$1 port=$2; shift 2
  local dir=services/$name/bin/$CONFIGURATION/net10.0
  ( cd "$dir" && exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=Sqlite Database__DataDirectory="$DATA_DIR" \
      "$@" dotnet "Changxing.$name.dll" ) >"$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
  echo "    $name on http://127.0.0.1:$port (log: $LOG_DIR/$name.log)"
}

say "Starting services"
start_service Membership $MEMBERSHIP_PORT
start_service Points $POINTS_PORT
start_service Ticketing $TICKETING_PORT
start_service Web $WEB_PORT Web__GatewayAddress="http://127.0.0.1:$GATEWAY_PORT"
# The web app passes each browser's address on in X-Forwarded-For; the gateway believes it from the web app's address.
start_service Gateway $GATEWAY_PORT \
  Gateway__TrustedProxies__0=127.0.0.1 \
  ReverseProxy__Clusters__web__Destinations__primary__Address="http://127.0.0.1:$WEB_PORT" \
  ReverseProxy__Clusters__membership__Destinations__primary__Address="http://127.0.0.1:$MEMBERSHIP_PORT" \
  ReverseProxy__Clusters__points__Destinations__primary__Address="http://127.0.0.1:$POINTS_PORT" \
  ReverseProxy__Clusters__ticketing__Destinations__primary__Address="http://127.0.0.1:$TICKETING_PORT"

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
