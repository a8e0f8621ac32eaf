#!/usr/bin/env bash
# Command 2 of the README: runs every test. Makes sure RabbitMQ, PostgreSQL and Chromium (browser tests) are installed and running,
# builds once, runs the whole suite on SQLite, then the database tests again on PostgreSQL, then the end-to-end
# redemptions again on RabbitMQ quorum queues (the queue type a cluster needs; they work on one node).
# Exits non-zero on any failure or skipped test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/infra.sh

require_dotnet
ensure_rabbitmq
# The tests create and delete their RabbitMQ virtual hosts with rabbitmqctl, which runs only as root or the rabbitmq user.
as_root true || fail "The tests run rabbitmqctl, which needs root: run this as root or as a user with passwordless sudo."
ensure_postgres
drop_leftover_test_databases
ensure_docker_compose
ensure_chromium

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export TEST_POSTGRES="${TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=changxing;Password=changxing;Database=postgres}"
results=$(mktemp -d)
start=$(date +%s)

say "Building (Release)"
dotnet build Changxing.sln -c Release -nologo -v q

run_pass() { # name, extra args...
  local name=$1; shift
  say "Tests: $name"
  local rc=0
  dotnet test Changxing.sln -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=$name" --results-directory "$results/$name" "$@" || rc=$?
  return $rc
}

status=0
TEST_DATABASE_PROVIDER=Sqlite run_pass sqlite || status=1
TEST_DATABASE_PROVIDER=Postgres run_pass postgres --filter "Category=Database" || status=1
# The service processes inherit Bus__QueueType; each run declares its queues on a throw-away virtual host.
Bus__QueueType=Quorum run_pass quorum --filter "FullyQualifiedName~Changxing.EndToEnd.RedemptionSpecs" || status=1

# One closing line over both passes, counted from the TRX files.
count() { # counter attribute, TRX folder glob
  cat $2/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'
}
passed=$(count passed "$results/*"); failed=$(count failed "$results/*")
total=$(count total "$results/*"); executed=$(count executed "$results/*")
skipped=$(( total - executed ))
for pass in sqlite postgres quorum; do
  echo "  $pass pass: $(count passed "$results/$pass") passed, $(count failed "$results/$pass") failed"
done
echo "  took $(( $(date +%s) - start )) s"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$skipped" -gt 0 ]; then
  echo "A skipped test is a failure here." >&2
  status=1
fi
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
exit $status
