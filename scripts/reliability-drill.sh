#!/usr/bin/env bash
# The reliability drill (docs/operations.md, "The reliability drill"): two application nodes built from this checkout,
# one PostgreSQL for both, and a mail server that can be stopped; then a node killed in the middle of a register load,
# the database stopped for 30 s during traffic, and the mail server stopped while letters are being sent. It prints
# what it measured and writes the figures into docs/operations.md (with the date, the commit and the load average).
#
#   scripts/reliability-drill.sh [--no-build] [--no-docs]
#
# Needs Java 17 and Maven; PostgreSQL 15 or later from Debian's packages (installed with apt-get when missing and run
# as root; otherwise install `postgresql` first). Takes 15 to 40 minutes. It is not part of `mvn verify`.
# Ports (override with the environment): DRILL_PORTS=8091,8092 DRILL_MANAGEMENT_PORTS=9091,9092 DRILL_PG_PORT=54341
# DRILL_SMTP_PORT=2541. Everything it starts is stopped at the end, by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=1
docs=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-docs) docs=0 ;;
    *) echo "Unknown option $arg (use --no-build, --no-docs)" >&2; exit 64 ;;
  esac
done

ports=${DRILL_PORTS:-8091,8092}
management_ports=${DRILL_MANAGEMENT_PORTS:-9091,9092}
pg_port=${DRILL_PG_PORT:-54341}
smtp_port=${DRILL_SMTP_PORT:-2541}

for port in ${ports//,/ } ${management_ports//,/ } "$pg_port" "$smtp_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken by another program: stop it or choose other ports (see the top of this script)." >&2
    exit 1
  fi
done

# PostgreSQL's server programs (Debian: /usr/lib/postgresql/<version>/bin).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing PostgreSQL from Debian's packages (apt-get install postgresql)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  else
    echo "PostgreSQL's server programs are missing: run 'sudo apt-get install postgresql' first." >&2
    exit 1
  fi
fi

work="$root/target/drill"
run_as=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: its server runs as the 'postgres' user that Debian's package made, in a
  # folder that user can reach.
  run_as=(--run-postgres-as postgres)
  if ! runuser -u postgres -- test -x "$root/target" 2>/dev/null; then
    work=$(mktemp -d /tmp/openattendance-drill.XXXXXX)
    chmod 755 "$work"
  fi
fi
mkdir -p "$work"
rm -f "$work"/*.log "$work"/*.pid

if [ "$build" = 1 ] || ! ls target/open-attendance-*.jar >/dev/null 2>&1; then
  echo "Building the application jar (mvn package, without tests)"
  mvn -B -ntp -q -DskipTests package
fi
jar=$(ls target/open-attendance-*.jar | grep -v '\.original$' | head -1)

# The drill's own class path: the PostgreSQL driver and Jackson, taken from the application jar.
lib="$work/lib"
rm -rf "$lib" && mkdir -p "$lib"
(cd "$lib" && jar xf "$root/$jar" $(jar tf "$root/$jar" | grep -E 'BOOT-INF/lib/(postgresql|jackson-(core|databind|annotations))-[0-9].*\.jar$'))
find "$lib" -name '*.jar' -exec mv {} "$lib" \;

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no -- src pom.xml 2>/dev/null)" ]; then
  commit="$commit with uncommitted changes"
fi

cleanup() {
  # The drill stops what it started; this is for a drill that was itself killed.
  for pidfile in "$work"/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
    rm -f "$pidfile"
  done
  if [ -f "$work/postgres/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/postgres" -m fast stop >/dev/null 2>&1 || true
    else
      "$pg_bin/pg_ctl" -D "$work/postgres" -m fast stop >/dev/null 2>&1 || true
    fi
  fi
}
trap cleanup EXIT

docs_option=()
[ "$docs" = 1 ] || docs_option=(--no-docs)
echo "Reliability drill: work folder $work, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), commit $commit"
java -cp "$lib/*" scripts/drill/ReliabilityDrill.java --jar "$root/$jar" --work "$work" --pg-bin "$pg_bin" \
  --docs "$root/docs/operations.md" --commit "$commit" --pg-port "$pg_port" --smtp-port "$smtp_port" \
  --ports "$ports" --management-ports "$management_ports" "${run_as[@]}" "${docs_option[@]}"
