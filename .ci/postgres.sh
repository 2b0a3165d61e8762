# Sourced by .ci/run: a throwaway PostgreSQL cluster on 127.0.0.1:5433 for the store suite.
# Exports JIXIAO_TEST_PG_URL on success; returns non-zero (and the suite skips its PostgreSQL
# half with a visible message) when the server cannot be installed or started.
# Trust auth and fsync=off: the cluster lives for one CI run and holds only test data.
jx_pg_setup() {
  local port=5433 dir=/tmp/jixiao-ci-pgdata bin
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "ci: installing postgresql" >&2
    apt-get update >/dev/null || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null || return 1
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  id postgres >/dev/null 2>&1 || return 1
  # A cluster left by an earlier run on this machine: stop it, start afresh.
  if [ -f "$dir/postmaster.pid" ]; then
    su postgres -c "$bin/pg_ctl -D $dir -m immediate stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" && mkdir -p "$dir" && chown postgres:postgres "$dir" || return 1
  su postgres -c "$bin/initdb -D $dir -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null || return 1
  su postgres -c "$bin/pg_ctl -D $dir -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $dir/server.log -w start" >/dev/null || return 1
  psql -h 127.0.0.1 -p $port -U postgres -qc 'create database jixiao_test' >/dev/null || return 1
  export JIXIAO_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/jixiao_test"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($JIXIAO_TEST_PG_URL)" >&2
}
jx_pg_setup
