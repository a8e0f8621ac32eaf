# Shared by scripts/run.sh and scripts/test.sh: make sure RabbitMQ (and PostgreSQL) are installed and running.
# Installs from the OS packages when missing and allowed (root, or passwordless sudo); otherwise says what to do.

say()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 126
  fi
}

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: install $* with your system's package manager."
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq || fail "Cannot run apt-get as root. Install $* yourself: sudo apt-get install -y $*"
    apt_updated=1
  fi
  say "Installing $* from the OS packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || fail "Installing $* failed. Install it yourself: sudo apt-get install -y $*"
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || fail "The .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)."
  dotnet --list-sdks | grep -q '^10\.' || fail "The .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

ensure_rabbitmq() {
  if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
    apt_install rabbitmq-server
  fi
  export PATH="$PATH:/usr/sbin"
  if as_root rabbitmqctl -q status >/dev/null 2>&1; then return 0; fi
  say "Starting RabbitMQ"
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    if as_root rabbitmqctl -q status >/dev/null 2>&1; then
      as_root rabbitmqctl -q await_startup >/dev/null 2>&1 || true
      return 0
    fi
    sleep 1
  done
  fail "RabbitMQ did not start within 60 s. See /var/log/rabbitmq/ or start it yourself: sudo rabbitmq-server -detached"
}

# PostgreSQL for the test command: a role changxing/changxing that may create databases.
ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    apt_install postgresql
  fi
  local version
  version=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1}')
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    say "Creating PostgreSQL $version cluster"
    as_root pg_createcluster "$version" main >/dev/null || fail "Could not create a PostgreSQL cluster."
  fi
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    say "Starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start \
      || fail "PostgreSQL did not start. Try: sudo pg_ctlcluster $version main start"
  fi
  for _ in $(seq 1 30); do
    as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  # Three services with Npgsql's default pools (up to 100 connections each) plus parallel test suites outgrow
  # PostgreSQL's default of 100 connections; the load benchmark saw "too many clients" under load.
  local connections
  connections=$(as_root su postgres -c "psql -qtAc 'SHOW max_connections'" 2>/dev/null || echo 0)
  if [ "${connections:-0}" -lt 400 ]; then
    say "Raising PostgreSQL max_connections to 400 (was ${connections:-unknown}) and restarting it"
    as_root su postgres -c "psql -qtAc 'ALTER SYSTEM SET max_connections = 400'" >/dev/null \
      && as_root pg_ctlcluster --skip-systemctl-redirect "$version" main restart \
      || fail "Could not raise PostgreSQL max_connections. Try: sudo -u postgres psql -c 'ALTER SYSTEM SET max_connections = 400' and restart it."
    for _ in $(seq 1 30); do
      as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
      sleep 1
    done
  fi
  as_root su postgres -c "psql -qtAc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='changxing') THEN CREATE ROLE changxing LOGIN CREATEDB PASSWORD 'changxing'; END IF; END\\\$\\\$;\"" >/dev/null \
    || fail "Could not create the PostgreSQL test role 'changxing'."
}

# Throw-away databases a crashed test run may have left behind.
drop_leftover_test_databases() {
  as_root su postgres -c "psql -qtAc \"SELECT datname FROM pg_database WHERE datname LIKE 'changxing_test_%'\"" 2>/dev/null |
    while read -r db; do
      [ -n "$db" ] && as_root su postgres -c "psql -qc 'DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)'" >/dev/null 2>&1 || true
    done
}

ensure_docker_compose() {
  command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
}
