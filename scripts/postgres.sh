#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks, under .pg/ in the repo.
#
#   scripts/postgres.sh start    install Debian's postgresql if missing, create the cluster
#                                (once), start it and print its URL on stdout
#   scripts/postgres.sh stop     stop it (the cluster stays for the next start)
#   scripts/postgres.sh url      print the URL of the running server
#   scripts/postgres.sh remove   stop it and delete .pg/
#
# The server listens on a unix socket in .pg/sock and on 127.0.0.1 at a free port, trusts
# local connections (throwaway data only) and has a database named simulator_test.
# As root, initdb and the server run as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG="$ROOT/.pg"
DB=simulator_test

# The cluster lives in .pg/ unless, as root, the postgres user cannot reach it (a clone
# under /root, say): then in a folder of its own under /tmp, named after this repo and
# remembered in .pg/cluster.
place() {
    mkdir -p "$PG"
    RUN="$PG"
    if [[ -f "$PG/cluster" ]]; then
        RUN="$(cat "$PG/cluster")"
    elif [[ "$(id -u)" == 0 ]]; then
        chown postgres "$PG"
        if ! runuser -u postgres -- test -w "$PG"; then
            RUN="/tmp/simulator-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-12)"
            echo "$RUN" >"$PG/cluster"
        fi
    fi
    mkdir -p "$RUN"
    if [[ "$(id -u)" == 0 ]]; then chown postgres "$RUN"; fi
    DATA="$RUN/data"
    SOCK="$RUN/sock"
    LOG="$RUN/server.log"
}

say() { echo "postgres.sh: $*" >&2; }

bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$dir" ]] && command -v pg_config >/dev/null; then dir="$(pg_config --bindir)"; fi
    echo "$dir"
}

install_postgres() {
    if [[ -n "$(bindir)" && -x "$(bindir)/initdb" ]]; then return; fi
    if [[ "$(id -u)" != 0 ]]; then
        say "PostgreSQL is not installed; run as root or: sudo apt-get install -y postgresql"
        exit 1
    fi
    say "installing Debian's postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q postgresql >&2
}

# run a command as the postgres user when we are root, else as ourselves
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() {
    [[ -f "$DATA/postmaster.pid" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

url() {
    echo "postgresql+psycopg://postgres@127.0.0.1:$(cat "$PG/port")/$DB"
}

start() {
    install_postgres
    BIN="$(bindir)"
    place
    mkdir -p "$SOCK"
    if [[ "$(id -u)" == 0 ]]; then chown postgres "$SOCK"; fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        rm -rf "$DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
            --no-sync >"$PG/initdb.log" 2>&1 || { cat "$PG/initdb.log" >&2; exit 1; }
    fi
    if ! running; then
        free_port >"$PG/port"
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
            -o "-k $SOCK -p $(cat "$PG/port") -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
            >/dev/null || { cat "$LOG" >&2; exit 1; }
    fi
    if ! as_owner "$BIN/psql" -h "$SOCK" -p "$(cat "$PG/port")" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres | grep -q 1; then
        as_owner "$BIN/createdb" -h "$SOCK" -p "$(cat "$PG/port")" -U postgres "$DB"
    fi
    url
}

stop() {
    BIN="$(bindir)"
    place
    if [[ -n "$BIN" ]] && running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    url) BIN="$(bindir)"; place; running && url ;;
    remove) stop; rm -rf "$RUN" "$PG" ;;
    *) say "usage: scripts/postgres.sh start|stop|url|remove"; exit 2 ;;
esac
