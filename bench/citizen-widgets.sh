#!/usr/bin/env bash
# "My widgets" under load: GET /api/v1/me/widgets of the real system (the app jar's api role, against
# the machine's PostgreSQL in a fresh database), and in the same run a bare Vert.x handler doing one
# PostgreSQL query through the same kind of pool, both driven the same way:
#   - closed loop, CONNECTIONS concurrent requests: the most each does (the ratio widgets / bare);
#   - open model at RATE requests/s (latency from each request's due time, so queueing shows):
#     p50/p90/p99/max, and whether the widgets' p99 is under 50 ms. A server that falls more than
#     5 s of requests behind is not sent the rest (counted as errors), so a run ends in bounded time.
# The data: HOUSEHOLDS households with 4-5 personal accounts each (bench/citizen-widgets.sql), a year
# of bills made by the system's own bill runs and paid mostly (BillHistory), and every household
# signed in by SMS code and its accounts linked through the API (SignInHouseholds); requests go
# round-robin over all of them. Load generator, servers and PostgreSQL share this machine.
#
# Usage: bench/citizen-widgets.sh   (HOUSEHOLDS, RATE, CONNECTIONS, WARMUP, DURATION (seconds) override the
#        defaults; SKIP_BUILD=1 reuses the jars; KEEP_DB=1 keeps the database for EXPLAIN;
#        APP_JAVA_OPTS adds JVM options to the system's process, e.g. -XX:StartFlightRecording=...;
#        JAR=path runs that app jar instead of app/target/ekommunal.jar, for A/B runs of two builds)
# Needs: Java 17, Maven, psql, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
# Exits non-zero when any request failed (a status other than 200, or a card answered unavailable).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/lib.sh
HOUSEHOLDS=${HOUSEHOLDS:-2000}
RATE=${RATE:-1000}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-60}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
ADMIN=+998900000001

echo "== building"
# the old jars go first: when the app module itself is unchanged, the shade plugin takes its own
# previous (shaded) jar as input and keeps that jar's copies of the other modules' classes
[ -n "${SKIP_BUILD:-}" ] || { rm -f app/target/*.jar bench/target/*.jar;
  mvn -q -B -ntp -Pbench -pl app,bench -am package -DskipTests -DskipITs -Djib.skip; }
work=$(mktemp -d /tmp/ekommunal-widgets.XXXX)
# private copies: a rebuild mid-run must not change them
cp "${JAR:-$root/app/target/ekommunal.jar}" "$work/ekommunal.jar"
cp "$root/bench/target/benchmarks.jar" "$work/benchmarks.jar"
jar="$work/ekommunal.jar"
tools() { java -cp "$work/benchmarks.jar" "uz.ekommunal.bench.$@"; }
port=$(free_port)
bare_port=$(free_port)
db="widgets_$(date +%s)"
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
cleanup() {
  local rc=$?
  for p in ${billing_pid:-} ${bare_pid:-} ${app_pid:-}; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  bench_finish "$work" || rc=1
  rm -f "$work"/*.jar  # the logs stay
  if [ -n "${KEEP_DB:-}" ]; then echo "database $db kept"; exit $rc; fi
  psql $PG -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
  exit $rc
}
trap cleanup EXIT
psql $PG -qc "create database $db" postgres

# one environment for the api and billing processes
export EKOMMUNAL_DB_URL="$url" EKOMMUNAL_DATA_DIR="$work/data" EKOMMUNAL_HTTP_HOST=127.0.0.1 \
       EKOMMUNAL_HTTP_PORT="$port" EKOMMUNAL_ADMIN_PHONE="$ADMIN" \
       EKOMMUNAL_JWT_SECRET="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
       EKOMMUNAL_BILLING_CRON="0 0 0 1 1 ? 2099" EKOMMUNAL_METRICS_PORT=-1 \
       EKOMMUNAL_SMS_PER_HOUR=1000000  # the bench opens the runs itself; every household signs in within
                                       # the hour (the default budget, 2 000 SMS an hour, is HOUSEHOLDS' default)
JAVA_OPTS="-Xms512m -Xmx1g"
wait_log() { until grep -q "$2" "$1"; do kill -0 "$3" || { tail -50 "$1"; exit 1; }; sleep 0.2; done; }

echo "== the system: java -jar ekommunal.jar api (port $port, database $db)"
java $JAVA_OPTS ${APP_JAVA_OPTS:-} -jar "$jar" api > "$work/app.log" 2>&1 &
app_pid=$!
wait_log "$work/app.log" "is running" $app_pid

echo "== data: $HOUSEHOLDS households (SQL), then a year of bill runs by a billing node, and payments"
t0=$(date +%s)
psql $PG -q -v households="$HOUSEHOLDS" -f bench/citizen-widgets.sql "$db"
echo "neighbourhood generated in $(( $(date +%s) - t0 )) s"
java $JAVA_OPTS -jar "$jar" billing > "$work/billing.log" 2>&1 &
billing_pid=$!
wait_log "$work/billing.log" "is running" $billing_pid
tools BillHistory --port "$port" --log "$work/app.log" --admin "$ADMIN" --db-url "$url" --months 12
kill $billing_pid && wait $billing_pid 2>/dev/null || true
billing_pid=
# The year of bills and payments was made within minutes, so all of it lies inside the notices' look-back
# (48 hours): once households sign in, the notice sweep would queue an SMS for every bill and payment of
# the year (about 37 000 seen on 2026-12-06) and the outbox would send them all through the measurements.
# A utility going live with its history does the same (an administrator's setting, kept as data).
psql $PG -qc "update api.notice_settings set value = 0 where name = 'bill_lookback_hours'" "$db"
psql $PG -tA -F' ' "$db" <<'SQL'
select 'households', count(distinct h), 'accounts', count(*) from public.bench_households;
select 'invoices', (select count(*) from billing.invoices), 'invoice lines', (select count(*) from billing.invoice_lines),
       'usage records', (select count(*) from billing.usage_records);
select 'ledger entries', (select count(*) from billing.ledger_entries), 'payments', (select count(*) from billing.payments),
       'readings', (select count(*) from gateway.readings), 'accounts in debt',
       (select count(*) from (select account_id from billing.ledger_entries group by 1 having sum(amount_tiyin) < 0) d);
SQL

echo "== sign-in: every household by SMS code, accounts linked through the API"
psql $PG -qc "\\copy (select phone, utility, number from public.bench_households order by h, utility) to '$work/households.csv' csv" "$db"
tools SignInHouseholds --port "$port" --log "$work/app.log" --admin "$ADMIN" --households "$work/households.csv" --out "$work/widgets.targets"
psql $PG -tAc "select '/account?id=' || id from billing.accounts order by id" "$db" > "$work/bare.targets"
# A year of bills, payments and sign-ins was just written: vacuum it now, as autovacuum would have long
# since in a running system, so that autovacuum cannot wake on these tables in the middle of a measurement
# (it did not explain the p99 spread at 1 000/s seen on 2026-12-06: 29-255 ms with it, for the same code)
psql $PG -qc "vacuum analyze" -c "checkpoint" "$db"

echo "== the baseline: a bare Vert.x handler, one query, same pool (port $bare_port)"
java $JAVA_OPTS -cp "$work/benchmarks.jar" uz.ekommunal.bench.BareQueryServer --db-url "$url" --port "$bare_port" \
  > "$work/bare.log" 2>&1 &
bare_pid=$!
wait_log "$work/bare.log" "listening" $bare_pid

# CPU seconds (user + system) of a process, and of all PostgreSQL processes (other databases too)
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
# (a backend may end between pgrep and awk: its awk fails, which under pipefail must not end the run)
pg_cpu() { for p in $(pgrep -u postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done \
           | awk '{s += $1} END {printf "%.2f", s / 100}'; }
# ... and of this run's database's backends alone (other helpers' databases share the machine; a
# backend that ended within the phase is not counted, the pools' connections stay open through it)
db_cpu() { for p in $(pgrep -u postgres -f "^postgres: .*: [a-z_]+ $db "); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done \
           | awk '{s += $1} END {printf "%.2f", s / 100}'; }
# waits until a server has worked off what a phase left queued (under 0.1 s of CPU in a second)
settle() {
  local prev cur
  prev=$(cpu_of "$1")
  for _ in $(seq 180); do
    sleep 1; cur=$(cpu_of "$1")
    if [ "$(echo "$cur - $prev < 0.1" | bc -l)" = 1 ]; then return; fi
    prev=$cur
  done
  echo "   (still busy after 180 s)"
}
# one measurement: NAME PORT PID TARGETS MODE [HttpLoad options]; the RESULT line gets CPU seconds
measure() {
  local name=$1 p=$2 pid=$3 targets=$4 mode=$5; shift 5
  local a0 g0 d0 a1 g1 d1 line
  settle "$pid"
  a0=$(cpu_of "$pid"); g0=$(pg_cpu); d0=$(db_cpu)
  tools HttpLoad --port "$p" --targets "$targets" --name "$name" --mode "$mode" --warmup "$WARMUP" \
        --seconds "$DURATION" "$@" > "$work/$name-$mode.out"
  a1=$(cpu_of "$pid"); g1=$(pg_cpu); d1=$(db_cpu)
  grep -v '^RESULT' "$work/$name-$mode.out"
  line=$(grep '^RESULT' "$work/$name-$mode.out")
  line="$line server_cpu_s=$(echo "$a1 - $a0" | bc) postgres_cpu_s=$(echo "$g1 - $g0" | bc) db_cpu_s=$(echo "$d1 - $d0" | bc)"
  echo "$line" >> "$work/results.txt"
  echo "   CPU seconds in the $WARMUP + $DURATION s: server $(echo "$a1 - $a0" | bc), PostgreSQL (all databases)" \
       "$(echo "$g1 - $g0" | bc), of which this database's backends $(echo "$d1 - $d0" | bc)," \
       "load generator $(echo "$line" | grep -oE 'client_cpu_s=[^ ]+' | cut -d= -f2)"
}
: > "$work/results.txt"
unavailable='"status":"unavailable"'
# the baseline first: a widgets phase beyond capacity leaves the system busy for a while
echo "== 1. bare handler, closed loop ($CONNECTIONS connections)"
measure bare "$bare_port" $bare_pid "$work/bare.targets" closed --connections "$CONNECTIONS"
echo "== 2. bare handler at $RATE requests/s (open model)"
# at most CONNECTIONS (64) open at once: the system holds 64 connections per client address
# (EKOMMUNAL_HTTP_MAX_CONNECTIONS_PER_ADDRESS) and closes more at once, and the load comes from one address
measure bare "$bare_port" $bare_pid "$work/bare.targets" rate --rate "$RATE" --connections "$CONNECTIONS"
echo "== 3. widgets, closed loop ($CONNECTIONS connections)"
measure widgets "$port" $app_pid "$work/widgets.targets" closed --connections "$CONNECTIONS" --fail-body "$unavailable"
echo "== 4. widgets at $RATE requests/s (open model)"
measure widgets "$port" $app_pid "$work/widgets.targets" rate --rate "$RATE" --fail-body "$unavailable" --connections "$CONNECTIONS"

field() { grep "name=$1 mode=$2 " "$work/results.txt" | grep -oE " $3=[^ ]+" | cut -d= -f2; }
w_max=$(field widgets closed throughput); b_max=$(field bare closed throughput)
w_p99=$(field widgets rate p99_ms)
errors=$(( $(field widgets closed errors) + $(field widgets rate errors) + $(field bare closed errors) + $(field bare rate errors) ))
echo "== summary"
cat "$work/results.txt"
printf "max throughput: widgets %.0f req/s, bare handler %.0f req/s: ratio widgets / bare = %.3f\n" \
  "$w_max" "$b_max" "$(echo "$w_max / $b_max" | bc -l)"
w_ok=$(field widgets rate ok); w_err=$(field widgets rate errors)
if [ "$w_ok" -gt 0 ] && [ "$w_err" -eq 0 ] && [ "$(echo "$w_p99 < 50" | bc -l)" = 1 ]; then verdict=YES; else verdict=NO; fi
printf "widgets at %s req/s: %s ok, %s failed or not sent; p50 %s ms, p90 %s ms, p99 %s ms, max %s ms: p99 under 50 ms: %s\n" \
  "$RATE" "$w_ok" "$w_err" "$(field widgets rate p50_ms)" "$(field widgets rate p90_ms)" "$w_p99" \
  "$(field widgets rate max_ms)" "$verdict"
echo "== machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(psql $PG -tAc 'show server_version' postgres)"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u)"
echo "== logs in $work"
if [ "$errors" -ne 0 ]; then
  echo "FAILED: $errors requests failed (see error samples above and $work/app.log)"
  exit 1
fi
