#!/usr/bin/env bash
# Makes the database fixture UpgradeIT migrates: a release's own jar runs its demo neighbourhood
# (small) against a fresh database until the previous month is billed, stops, and the database is
# dumped (plain SQL, gzip) into app/src/test/resources/upgrade/release-<commit>.sql.gz.
#
# Usage: ops/make-upgrade-fixture.sh COMMIT     (e.g. the last commit of a release)
# Needs: git, Java 17, Maven, psql and pg_dump, PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commit=$(git -C "$root" rev-parse --short "$1")
PG="-h 127.0.0.1 -U postgres"
work=$(mktemp -d /tmp/ekommunal-fixture.XXXX)
db="fixture_$(date +%s)"
pid=
cleanup() {
  [ -z "$pid" ] || { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  psql $PG -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
  git -C "$root" worktree remove --force "$work/src" 2>/dev/null || true
}
trap cleanup EXIT
git -C "$root" worktree add --detach "$work/src" "$commit" >/dev/null
(cd "$work/src" && mvn -q -B -ntp package -DskipTests)
psql $PG -qc "create database $db" postgres
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
EKOMMUNAL_JWT_SECRET=$(openssl rand -hex 32) EKOMMUNAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" \
  EKOMMUNAL_DEMO_CITY=12 EKOMMUNAL_HTTP_PORT=$(port) EKOMMUNAL_MQTT_PORT=$(port) EKOMMUNAL_COAP_PORT=$(port) \
  EKOMMUNAL_COAPS_PORT=$(port) EKOMMUNAL_METRICS_PORT=-1 EKOMMUNAL_DATA_DIR="$work/data" \
  java -jar "$work/src/app/target/ekommunal.jar" run > "$work/run.log" 2>&1 &
pid=$!
until grep -q "Bill run for .* done" "$work/run.log"; do
  kill -0 "$pid" 2>/dev/null || { tail -20 "$work/run.log"; exit 1; }
  sleep 1
done
kill -TERM "$pid"; wait "$pid" || true; pid=
out="$root/app/src/test/resources/upgrade/release-$commit.sql.gz"
pg_dump $PG --no-owner --no-privileges "$db" | gzip -9 > "$out"
echo "wrote $out ($(du -h "$out" | cut -f1))"
