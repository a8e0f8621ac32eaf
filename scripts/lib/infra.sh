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

# True when something accepts TCP connections on 127.0.0.1:PORT (no root, no client tool needed).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || fail "The .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)."
  dotnet --list-sdks | grep -q '^10\.' || fail "The .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

ensure_rabbitmq() {
  # A broker that already listens is enough: rabbitmqctl itself refuses anyone but root and the rabbitmq user.
  if port_open 5672; then return 0; fi
  as_root true || fail "RabbitMQ is not running on 127.0.0.1:5672 and starting it needs root. Run this as root or with passwordless sudo, or ask an administrator: sudo apt-get install -y rabbitmq-server && sudo rabbitmq-server -detached"
  if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
    apt_install rabbitmq-server
  fi
  export PATH="$PATH:/usr/sbin"
  if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
    say "Starting RabbitMQ"
    # Erlang's schedulers busy-wait for work by default, which suits a broker with cores of its own; sharing two
    # cores with the services, that spinning was CPU taken from them (docs/PERFORMANCE.md). Durability is unchanged.
    as_root env RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none" rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 60); do
    if port_open 5672; then
      as_root rabbitmqctl -q await_startup >/dev/null 2>&1 || true
      return 0
    fi
    sleep 1
  done
  fail "RabbitMQ did not start within 60 s. See /var/log/rabbitmq/ or start it yourself: sudo rabbitmq-server -detached"
}

# SQL as the test role over TCP: needs neither root nor the postgres account.
psql_as_test_role() {
  PGPASSWORD=changxing PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -U changxing -d postgres -qtAc "$1" 2>/dev/null
}

# PostgreSQL for the test command: a role changxing/changxing that may create databases.
ensure_postgres() {
  # Already set up (by root, once): nothing here needs root.
  local connections=0
  if port_open 5432 && command -v psql >/dev/null 2>&1; then
    connections=$(psql_as_test_role 'SHOW max_connections' || echo 0)
  fi
  if [ "${connections:-0}" -ge 400 ]; then return 0; fi
  as_root true || fail "PostgreSQL is not running on 127.0.0.1:5432 with the test role changxing (password changxing, CREATEDB) and max_connections >= 400, and setting it up needs root. Run this as root or with passwordless sudo."
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
# The test role created them, so it may drop them.
drop_leftover_test_databases() {
  { psql_as_test_role "SELECT datname FROM pg_database WHERE datname LIKE 'changxing_test_%'" || true; } |
    while read -r db; do
      [ -n "$db" ] && psql_as_test_role "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true
    done
}

# Chromium and CJK fonts for the browser tests (tests/Web.Tests drive /usr/bin/chromium with Playwright; no browser download).
ensure_chromium() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # fc-list (package fontconfig) is not always there; the package database is.
  if ! { dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' \
         || { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }; }; then
    missing+=(fonts-noto-cjk)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  as_root true || fail "The browser tests need ${missing[*]} and installing it needs root. Run this as root or with passwordless sudo, or ask an administrator: sudo apt-get install -y ${missing[*]}"
  apt_install "${missing[@]}"
  [ -x /usr/bin/chromium ] || fail "chromium was installed but /usr/bin/chromium is missing. Install it yourself: sudo apt-get install -y chromium fonts-noto-cjk"
}

ensure_docker_compose() {
  command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
}
