#!/usr/bin/env bash
# A bank's payment registry of ROWS payments (docs/payment-registries.md), one per account, credited by
# the real CLI (`ekommunal import payments`) into a fresh database on the machine's PostgreSQL, then
# imported again (nothing may be credited twice), and compared with a raw COPY of the same rows into
# a plain table of the same columns in the same run (the floor: what PostgreSQL itself needs to take
# the bytes). The accounts are opened first by SQL (timed apart: that is the customer registry's job).
#
# Usage: bench/payment-registry.sh   (ROWS=1000000 by default; SKIP_BUILD=1 reuses the jar;
#        KEEP_DB=1 keeps the database; JAVA_OPTS for the CLI's JVM, default -Xmx2g)
# Needs: Java 17, Maven, psql, awk, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
# Ends by itself and leaves no process behind (the CLI exits when done; lib.sh checks). Exits non-zero
# when a row was not credited, the second run credited anything, or the ledger does not add up.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/lib.sh
ROWS=${ROWS:-1000000}
PROVIDERS=${PROVIDERS:-10}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx2g"}

echo "== building"
[ -n "${SKIP_BUILD:-}" ] || { rm -f app/target/*.jar; mvn -q -B -ntp -Pbench -pl app -am package -DskipTests -DskipITs -Djib.skip; }
work=$(mktemp -d /tmp/ekommunal-payreg.XXXX)
cp "$root/app/target/ekommunal.jar" "$work/ekommunal.jar"   # a private copy: a rebuild mid-run must not change it
db="payreg_$(date +%s)"
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
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== schema, $PROVIDERS electricity providers and $ROWS accounts (SQL)"
cli migrate > "$work/migrate.log" 2>&1
t0=$(now)
psql $PG -q "$db" -v providers="$PROVIDERS" -v rows="$ROWS" <<'SQL'
insert into billing.providers (code, name, account_kind, region, district)
select 'BENCH-RES-' || p, 'Bench RES ' || p, 'ELECTRICITY', 'TASHKENT_CITY', 'District ' || p
from generate_series(0, :providers - 1) p;
insert into billing.accounts (provider_id, number, holder_name, address, opened_on)
select (select id from billing.providers where code = 'BENCH-RES-' || (i % :providers)), (1000000 + i)::text,
    'Holder ' || i, 'Street ' || (i % 997), date '2024-01-01'
from generate_series(0, :rows - 1) i;
analyze billing.accounts;
SQL
echo "accounts opened in $(secs "$t0" "$(now)") s"

echo "== generating $ROWS payments"
awk -v rows="$ROWS" -v providers="$PROVIDERS" 'BEGIN {
  print "bank,branch,paid_at,account_number,provider,amount,transaction_id"
  split("KAPITALBANK AGROBANK XALQBANK HAMKORBANK IPAKYULI", banks, " ")
  sum = 0
  for (i = 0; i < rows; i++) {
    tiyin = (i % 4999 + 1) * 1000 + (i % 100)
    sum += tiyin
    printf "%s,%05d,2026-12-04 %02d:%02d:%02d,%d,BENCH-RES-%d,%d.%02d,T%09d\n", banks[i % 5 + 1], i % 300,
      8 + int(i / 100000) % 12, int(i / 1000) % 60, i % 60, 1000000 + i, i % providers, int(tiyin / 100), tiyin % 100, i
  }
  printf "TOTAL,%d,%d.%02d\n", rows, int(sum / 100), sum % 100
}' > "$work/payments.csv"
grep -v '^TOTAL,' "$work/payments.csv" > "$work/raw.csv"
total=$(tail -1 "$work/payments.csv")
echo "generated: $(du -h "$work/payments.csv" | cut -f1), control line $total"

echo "== import (the CLI, one transaction)"
load_import=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(now)
set +e
cli import payments "$work/payments.csv" > "$work/import.out" 2> "$work/import.err"
rc=$?
set -e
t_import=$(secs "$t0" "$(now)")
tail -3 "$work/import.out"
t_inside=$(sed -n 's/^import done in \([0-9.]*\) s$/\1/p' "$work/import.err")
grep '^writing:' "$work/import.err" || true
[ "$rc" = 0 ] && grep -q "$ROWS rows summing .*: $ROWS credited" "$work/import.out" \
  || { echo "FAIL: not every row was credited (exit $rc)"; tail -20 "$work/import.err"; exit 1; }

echo "== the same file again (must credit nothing)"
t0=$(now)
cli import payments "$work/payments.csv" 2>/dev/null | tail -1 | tee "$work/again.out" || true
t_again=$(secs "$t0" "$(now)")
grep -q ": 0 credited (0.00), 0 set aside (0.00), $ROWS already taken" "$work/again.out" \
  || { echo "FAIL: the second run credited something"; exit 1; }

echo "== raw COPY of the same rows into a plain table (the floor)"
psql $PG -q "$db" -c "create table public.raw_payments (bank text, branch text, paid_at timestamp,
  account_number text, provider text, amount numeric, transaction_id text)"
t0=$(now)
psql $PG -q "$db" -c "\\copy public.raw_payments from '$work/raw.csv' with (format csv, header)"
t_copy=$(secs "$t0" "$(now)")

check=$(psql $PG -tA "$db" -c "select (select count(*) from billing.payments where payment_system = 'bank'),
  (select count(*) from billing.ledger_entries), (select count(*) from billing.registry_payments),
  (select sum(amount_tiyin) from billing.ledger_entries) = (select sum(amount * 100) from public.raw_payments)")
echo "payments|ledger entries|registry rows|ledger sum = file sum: $check"
[ "$check" = "$ROWS|$ROWS|$ROWS|t" ] || { echo "FAIL: counts or sums"; exit 1; }
bench_finish "$work"
awk -v n="$ROWS" -v imp="$t_import" -v inside="$t_inside" -v again="$t_again" -v raw="$t_copy" \
    -v lb="$load_before" -v li="$load_import" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  verdict = n < 1000000 ? "not judged (fewer than 1 000 000 rows)" : (inside < 60 ? "met" : "NOT met")
  printf "RESULT rows=%d command=%.1fs (JVM start and schema check included) import=%.1fs (%.0f rows/s) again_command=%.1fs raw_copy=%.1fs ratio=%.1fx (import/raw) load(1,5,15 min) before=%s at_import=%s after=%s goal 1 000 000 in 60 s: %s\n",
    n, imp, inside, n / inside, again, raw, inside / raw, lb, li, la, verdict }'
