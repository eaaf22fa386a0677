#!/usr/bin/env bash
# The customer registry's bulk import: ROWS personal accounts with household facts and one meter each
# (the CSV layout of `ekommunal import accounts`), imported by the real CLI into a fresh database on
# the machine's PostgreSQL, then imported again (nothing may change), and compared with a raw COPY of
# the same rows into a plain table of the same columns (the floor: what PostgreSQL itself needs to
# take the bytes). The meters are registered first by SQL COPY into gateway.meters (timed apart:
# registering meters is the gateway's business, the import only resolves their serials).
#
# Usage: bench/registry-import.sh   (ROWS=1000000 by default; SKIP_BUILD=1 reuses the jar;
#        KEEP_DB=1 keeps the database; JAVA_OPTS for the CLI's JVM, default -Xmx2g)
# Needs: Java 17, Maven, psql, awk, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
# Ends by itself and leaves no process behind (the CLI exits when done). Exits non-zero when the
# import refused a row, the second run changed something, or the count in the database is wrong.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ROWS=${ROWS:-1000000}
PROVIDERS=${PROVIDERS:-10}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx2g"}

echo "== building"
# the old jar goes first: with the app module unchanged the shade plugin would re-shade its own old copy
[ -n "${SKIP_BUILD:-}" ] || { rm -f app/target/*.jar; mvn -q -B -ntp -Pbench -pl app -am package -DskipTests -DskipITs -Djib.skip; }
work=$(mktemp -d /tmp/ekommunal-registry.XXXX)
cp "$root/app/target/ekommunal.jar" "$work/ekommunal.jar"   # a private copy: a rebuild mid-run must not change it
db="registry_$(date +%s)"
cleanup() {
  rm -f "$work"/*.jar "$work"/*.csv
  echo "logs in $work"
  if [ -n "${KEEP_DB:-}" ]; then echo "database $db kept"; return; fi
  psql $PG -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql $PG -qc "create database $db" postgres
export EKOMMUNAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" EKOMMUNAL_DATA_DIR="$work/data"
cli() { java $JAVA_OPTS -jar "$work/ekommunal.jar" "$@"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== schema and $PROVIDERS electricity providers"
cli migrate > "$work/migrate.log" 2>&1
psql $PG -q "$db" -v providers="$PROVIDERS" <<'SQL'
insert into billing.providers (code, name, account_kind, region, district)
select 'BENCH-RES-' || p, 'Bench RES ' || p, 'ELECTRICITY', 'TASHKENT_CITY', 'District ' || p
from generate_series(0, :providers - 1) p;
SQL

echo "== generating $ROWS rows"
t0=$(now)
awk -v rows="$ROWS" -v providers="$PROVIDERS" 'BEGIN {
  print "account_number,utility,provider_code,holder,address,services,residents,heated_area,needy_family,electric_stove,heating_type,valid_from,meters"
  for (i = 0; i < rows; i++) {
    printf "%d,electricity,BENCH-RES-%d,Holder %d,\"Street %d, house %d\",,%d,%d.50,%s,%s,central,2026-0%d-01,BM%08d\n",
      1000000 + i, i % providers, i, i % 997, i % 101, 1 + i % 6, 20 + i % 80, (i % 10 == 0 ? "yes" : "no"),
      (i % 3 == 0 ? "yes" : "no"), 1 + i % 9, i
  }
}' > "$work/accounts.csv"
awk -v rows="$ROWS" 'BEGIN { for (i = 0; i < rows; i++) printf "BM%08d\telectricity\tmqtt\t%d\t6\n", i, 1000000 + i }' \
  > "$work/meters.tsv.csv"
echo "generated in $(secs "$t0" "$(now)") s ($(du -h "$work/accounts.csv" | cut -f1))"

t0=$(now)
psql $PG -q "$db" -c "\\copy gateway.meters (serial, utility, protocol, account_number, register_digits) from '$work/meters.tsv.csv'"
echo "meters registered by COPY in $(secs "$t0" "$(now)") s"

echo "== import (the CLI, one transaction); machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
cli import accounts "$work/accounts.csv" 2> "$work/import.err" | tail -5 | tee "$work/import.out"
t_import=$(secs "$t0" "$(now)")
t_inside=$(sed -n 's/^import done in \([0-9.]*\) s$/\1/p' "$work/import.err")
grep '^writing:' "$work/import.err"
grep -q "$ROWS accepted, 0 refused; $ROWS accounts opened" "$work/import.out" \
  || { echo "FAIL: not every row was taken"; tail -20 "$work/import.err"; exit 1; }

echo "== the same file again (must change nothing)"
t0=$(now)
cli import accounts "$work/accounts.csv" 2>/dev/null | tail -1 | tee "$work/again.out"
t_again=$(secs "$t0" "$(now)")
grep -q "0 accounts opened, 0 holder/address changes, 0 facts recorded, 0 services added, 0 meter registers linked" \
  "$work/again.out" || { echo "FAIL: the second run changed something"; exit 1; }

echo "== raw COPY of the same rows into a plain table (the floor)"
psql $PG -q "$db" -c "create table public.raw_accounts (account_number text, utility text, provider_code text,
  holder text, address text, services text, residents int, heated_area numeric, needy_family boolean,
  electric_stove boolean, heating_type text, valid_from date, meters text)"
t0=$(now)
psql $PG -q "$db" -c "\\copy public.raw_accounts from '$work/accounts.csv' with (format csv, header)"
t_copy=$(secs "$t0" "$(now)")

counts=$(psql $PG -tA "$db" -c "select (select count(*) from billing.accounts), (select count(*) from billing.household_facts),
  (select count(*) from billing.account_meters), (select count(*) from public.raw_accounts)")
echo "accounts|facts|meter links|raw rows: $counts"
[ "$counts" = "$ROWS|$ROWS|$ROWS|$ROWS" ] || { echo "FAIL: counts"; exit 1; }
echo "machine load at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v n="$ROWS" -v imp="$t_import" -v inside="$t_inside" -v again="$t_again" -v raw="$t_copy" 'BEGIN {
  verdict = n < 1000000 ? "not judged (fewer than 1 000 000 rows)" : (imp < 60 ? "met" : "NOT met")
  printf "RESULT rows=%d command=%.1fs (JVM start and schema check included) import=%.1fs (%.0f rows/s) again_command=%.1fs raw_copy=%.1fs ratio=%.1fx (import/raw) goal 1 000 000 in 60 s: %s\n",
    n, imp, inside, n / inside, again, raw, inside / raw, verdict }'
