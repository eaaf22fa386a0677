#!/usr/bin/env bash
# MQTT ingestion on one machine: the simulators' load generator -> Mosquitto (configured for
# backlogs, as the README says) -> the gateway (its own JVM) -> PostgreSQL, all on this machine.
#
# Credentials and ACLs are on, as in a deployment: Mosquitto takes its password file and ACL from
# `ekommunal mosquitto-auth` (each meter writes only meters/<its serial>/readings, the gateway's own
# user reads them all); the load generator signs in as the head-end user (a data concentrator that
# may write every meter's topic) and the latency probe as its own meter.
#
# Measures, in one run:
#   0. a warm-up (WARMUP of simulated time, 12h by default, 0 to leave it out) on meters of its own: a
#      gateway runs for months, so its first seconds (its JIT compiling, the writers' first batches) are not
#      what it sustains; the warm-up's own rate is printed as the cold figure;
#   1. sustained ingestion: readings acknowledged by the broker (QoS 1) and the time until every one
#      of them is queryable in the database; zero loss means stored == acknowledged;
#   2. a raw COPY of the same number of rows into the same table, for the ratio;
#   3. publish-to-queryable latency (p50/p90/p99) of a probe meter while a steady load runs on meters of
#      its own ("S...", no history: their readings are trusted, as a live fleet's are): the probe starts
#      once the broker has acknowledged that load for five seconds and every meter has sent a whole pack
#      (BATCH quarter-hours of simulated time), and the rate the load reached during the probe is printed
#      beside the latencies. The steady load's meters each keep
#      their own upload schedule (`--spread-packs`: with BATCH=4 a quarter of the fleet sends in every
#      quarter-hour), so its packs leave evenly; STEADY_SPREAD=0 sends every meter's pack in the same
#      quarter-hour, a burst of the whole fleet every BATCH intervals, as before 2026-12-06.
# It also prints the gateway's CPU seconds per million readings over step 1, in total and by kind of
# thread, from the kernel's accounting (/proc).
#
# Usage: bench/gateway-mqtt.sh        (METERS, DURATION, BATCH, WARMUP override the defaults; STEADY_SPEEDUP fixes the
#        steady load's speedup, which is otherwise derived from step 1: half of its stored rate;
#        PORT fixes Mosquitto's port, GATEWAY_JAVA_OPTS adds JVM options to the gateway, e.g. a flight recording;
#        GATEWAY_JVM replaces the gateway's tuning, "-XX:+UseBiasedLocking -XX:+UseParallelGC" (below; "" for the
#        JVM's defaults), SIM_JVM the load generator's, the same by default; SIM_JAVA_OPTS adds options to it;
#        KEEP_DB=1 keeps the database; SKIP_PROBE=1 leaves out step 3; JAR runs a jar built elsewhere, e.g.
#        an older commit's for an A/B comparison; GATEWAY_ENV adds settings to the gateway, e.g.
#        "EKOMMUNAL_INGEST_WRITERS=4"; MQTT_CLIENT=paho publishes the load through Paho instead of the
#        load generator's lean client (the same packets and system calls for the broker, a third of
#        the generator's CPU: docs/benchmarks.md, session 11); PG_PORT runs against another PostgreSQL on
#        127.0.0.1, e.g. one configured as a production readings store would be; STEP1_SIM_ARGS adds options
#        to step 1's load generator, e.g. "--gap-rate 0.01 --gap-length 40" for meters whose histories differ;
#        STEADY_START moves the steady load's simulated start (default 2026-01-01T00:00:00Z), PROBE_SECONDS
#        lengthens the probe (default 30 s))
# Needs: Java 17, Maven, mosquitto, psql, openssl, a PostgreSQL on 127.0.0.1:5432 or PG_PORT (user postgres, trust).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/lib.sh
METERS=${METERS:-20000}
DURATION=${DURATION:-2d}
BATCH=${BATCH:-4}
WARMUP=${WARMUP:-12h}
STEADY_SPEEDUP=${STEADY_SPEEDUP:-}  # empty: half of step 1's stored rate (issue 22: p99 at half the sustained load)
STEADY_SPREAD=${STEADY_SPREAD:-1}
STEADY_START=${STEADY_START:-2026-01-01T00:00:00Z}
PROBE_SECONDS=${PROBE_SECONDS:-30}
# The gateway's JVM on JDK 17 (docs/benchmarks.md, session 7): Paho copies every PUBLISH byte by byte through a
# synchronized ByteArrayInputStream (twice); biased locking makes those uncontended locks nearly free (its
# receive threads' CPU a third). The parallel collector costs less CPU per byte allocated than G1. Both are
# JDK 17 options (biased locking is deprecated, removed in JDK 18): the same flags as ops/compose.yaml's gateway.
GATEWAY_JVM=${GATEWAY_JVM-"-XX:+UseBiasedLocking -XX:+UseParallelGC"}
SIM_JVM=${SIM_JVM-"-XX:+UseBiasedLocking -XX:+UseParallelGC"}
MQTT_CLIENT=${MQTT_CLIENT:-lean}
PG_PORT=${PG_PORT:-5432}
PG=${PG:-"-h 127.0.0.1 -p $PG_PORT -U postgres"}

echo "== building"
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B -ntp -Pbench package -DskipTests -DskipITs -Djib.skip  # with bench/, nothing installed
[ -f bench/target/benchmarks.jar ] || { echo "bench/target/benchmarks.jar (the latency probe) is missing: run once without SKIP_BUILD"; exit 1; }
work=$(mktemp -d /tmp/ekommunal-bench.XXXX)
cp "${JAR:-$root/app/target/ekommunal.jar}" "$work/ekommunal.jar"  # a private copy: a rebuild mid-run must not change it
jar="$work/ekommunal.jar"
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
db="bench_$(date +%s)"
cleanup() {
  local rc=$?
  bench_finish "$work" || rc=1
  [ -n "${KEEP_DB:-}" ] && echo "== database kept: $db" || \
    psql $PG -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
  exit $rc
}
trap cleanup EXIT

psql $PG -qc "create database $db" postgres
url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db?user=postgres"
# the gateway's own broker user, the head-end user the load signs in as, the probe meter's secret
export EKOMMUNAL_DB_URL="$url" EKOMMUNAL_MQTT_USER=bench-gateway EKOMMUNAL_MQTT_PASSWORD="$(openssl rand -hex 16)" \
       EKOMMUNAL_MQTT_HEADEND_USER=bench-headend EKOMMUNAL_MQTT_HEADEND_SECRET="$(openssl rand -hex 16)"
probe_secret="$(openssl rand -hex 16)"
auth() { java -jar "$jar" mosquitto-auth --passwd "$work/mosquitto.passwd" --acl "$work/mosquitto.acl" >> "$work/auth.log" 2>&1; }
java -jar "$jar" migrate > "$work/migrate.log" 2>&1
auth  # the gateway's and the head-end user (no meters registered yet)

cat > "$work/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous false
password_file $work/mosquitto.passwd
acl_file $work/mosquitto.acl
max_queued_messages 100000000
max_inflight_messages 0
persistence false
CONF
[ "$(id -u)" != 0 ] || echo "user root" >> "$work/mosquitto.conf"  # else Mosquitto drops to a user that cannot read $work
bench_start mosquitto "$work/mosquitto.log" mosquitto -c "$work/mosquitto.conf"
mq=$(bench_pid mosquitto)
simulator=(java $SIM_JVM ${SIM_JAVA_OPTS:-} -cp "$jar" uz.ekommunal.simulator.SimulateCommand --mqtt-client "$MQTT_CLIENT" --mqtt-url "tcp://127.0.0.1:$port"
           --mqtt-user "$EKOMMUNAL_MQTT_HEADEND_USER" --mqtt-password "$EKOMMUNAL_MQTT_HEADEND_SECRET")
sim() { "${simulator[@]}" "$@"; }

echo "== meters: $METERS electricity meters over MQTT, packs of $BATCH quarter-hours; credentials and ACLs on"
sim --meters "$METERS" --protocol mqtt --utility electricity --duration 0s --speedup max --meters-file "$work/meters.csv" >/dev/null
echo "PROBE0001,electricity,mqtt,1-0:1.8.0,kWh,9,1,,,,,,$probe_secret" >> "$work/meters.csv"  # the latency probe's meter
# another fleet as large, serials of their own (PREFIX...), registered too, with no account
own_fleet() {
  sim --meters "$METERS" --serial-prefix "$1" --protocol mqtt --utility electricity --duration 0s --speedup max \
      --meters-file "$work/fleet-$1.csv" >/dev/null
  tail -n +2 "$work/fleet-$1.csv" | awk -F, -v OFS=, '{ $8 = ""; print }' >> "$work/meters.csv"
}
[ "$WARMUP" = 0 ] || own_fleet W  # the warm-up's meters

# Step 3's meters, with no history, so their registers continue: step 1's meters would restart theirs on the steady
# load's first day (every reading a decrease, so untrusted), and step 2 stores their copies 100 years ahead (so every
# steady reading would be a backfill with a neighbour lookup). Until 2026-12-07 step 3 measured exactly that.
[ -n "${SKIP_PROBE:-}" ] || own_fleet S

bench_start gateway "$work/gateway.log" env EKOMMUNAL_MQTT_URL="tcp://127.0.0.1:$port" \
  EKOMMUNAL_MQTT_CLIENT_ID="bench-gateway" EKOMMUNAL_METER_SEED="$work/meters.csv" EKOMMUNAL_DATA_DIR="$work/data" \
  EKOMMUNAL_COAP_PORT=-1 EKOMMUNAL_METRICS_PORT=-1 ${GATEWAY_ENV:-} java -Xmx2g $GATEWAY_JVM ${GATEWAY_JAVA_OPTS:-} -jar "$jar" gateway
gw=$(bench_pid gateway)
until grep -q "is running" "$work/gateway.log"; do kill -0 $gw || { cat "$work/gateway.log"; exit 1; }; sleep 0.2; done
auth && kill -HUP $mq  # now with every registered meter's hash (the probe signs in as itself)

count() { psql $PG -tAc "select count(*) from gateway.readings" "$db"; }
# the gateway process's CPU seconds so far (user + system), from the kernel's own accounting
gateway_cpu() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tck }' "/proc/$gw/stat"; }
# per thread: "tid name ticks", to see where the CPU went (writers, MQTT, GC, JIT)
gateway_threads() {
  for t in /proc/$gw/task/*; do
    printf "%s %s %s\n" "${t##*/}" "$(tr ' ' _ < "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{ print $12 + $13 }')"
  done 2>/dev/null
}

# CPU seconds (user + system) of one process so far, from the kernel's accounting
proc_cpu() { awk -v tck="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# this run's PostgreSQL backends (the gateway's connections) and the server's shared background processes
backends() { psql $PG -tAc "select pid from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid()" postgres; }
pg_helpers() { ps -u postgres -o pid=,args= | grep -E "walwriter|checkpointer|background writer|autovacuum|logical" | awk '{ print $1 }'; }
cpu_of() { local sum=0 p; for p in "$@"; do sum=$(echo "$sum + $(proc_cpu "$p")" | bc -l); done; echo "$sum"; }

base=0
if [ "$WARMUP" != 0 ]; then
  echo "== 0. warm-up: $WARMUP of simulated time on $METERS meters of its own, as fast as the broker acknowledges"
  w0=$(date +%s.%N)
  sim --meters "$METERS" --serial-prefix W --protocol mqtt --utility electricity --duration "$WARMUP" \
      --start 2025-10-01T00:00:00Z --interval 15m --speedup max --batch "$BATCH" --mqtt-clients 4 --mqtt-max-inflight 2000 \
      --drain-timeout 120s > "$work/warmup.log"
  wacked=$(grep -oE "readings generated [0-9]+, sent [0-9]+, acknowledged [0-9]+" "$work/warmup.log" | grep -oE "[0-9]+$")
  until [ "$(count)" -ge "$wacked" ]; do sleep 0.2; done
  base=$(count)
  printf "warm-up (cold gateway): %d readings stored, %.0f readings/s from first publish to last queryable\n" "$base" \
    "$(echo "$base / ($(date +%s.%N) - $w0)" | bc -l)"
fi

echo "== 1. sustained ingestion: as fast as the broker acknowledges, $DURATION of simulated time"
cpu0=$(gateway_cpu)
gateway_threads > "$work/threads0"
pg_pids=$(backends); helper_pids=$(pg_helpers)
mq0=$(proc_cpu "$mq"); be0=$(cpu_of $pg_pids); hp0=$(cpu_of $helper_pids)
t0=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/sim.time" "${simulator[@]}" --meters "$METERS" --protocol mqtt --utility electricity --duration "$DURATION" --interval 15m \
    --speedup max --batch "$BATCH" --mqtt-clients 4 --mqtt-max-inflight 2000 --drain-timeout 120s ${STEP1_SIM_ARGS:-} \
    | tee "$work/sim.log" | grep -E "^summary|acknowledged|rate"
acked=$(grep -oE "readings generated [0-9]+, sent [0-9]+, acknowledged [0-9]+" "$work/sim.log" | grep -oE "[0-9]+$")
until [ "$(count)" -ge "$((base + acked))" ]; do sleep 0.2; done
t1=$(date +%s.%N)
cpu1=$(gateway_cpu)
gateway_threads > "$work/threads1"
pg_pids=$(printf "%s\n" $pg_pids $(backends) | sort -u)  # and any opened meanwhile (from zero)
mq1=$(proc_cpu "$mq"); be1=$(cpu_of $pg_pids); hp1=$(cpu_of $helper_pids)
stored=$(( $(count) - base ))
ingest_s=$(echo "$t1 - $t0" | bc -l)
ingest_rate=$(echo "$stored / $ingest_s" | bc -l)
printf "acknowledged %d, stored %d, lost %d; %.1f s from first publish to last queryable: %.0f readings/s\n" \
  "$acked" "$stored" "$((acked - stored))" "$ingest_s" "$ingest_rate"
printf "gateway CPU %.1f s: %.1f CPU-s per million readings\n" "$(echo "$cpu1 - $cpu0" | bc -l)" \
  "$(echo "($cpu1 - $cpu0) * 1000000 / $stored" | bc -l)"
# every process of the chain, per million readings (the server's background processes serve every database on it)
awk -v n="$stored" -v gw="$(echo "$cpu1 - $cpu0" | bc -l)" -v mq="$(echo "$mq1 - $mq0" | bc -l)" \
    -v be="$(echo "$be1 - $be0" | bc -l)" -v hp="$(echo "$hp1 - $hp0" | bc -l)" '{ sim = $1 + $2 }
  END { m = n / 1e6; printf "CPU-s per million readings: gateway %.1f, mosquitto %.1f, postgres backends %.1f, postgres background %.1f (shared), simulator %.1f; all %.1f\n", gw / m, mq / m, be / m, hp / m, sim / m, (gw + mq + be + hp + sim) / m }' "$work/sim.time"
# the same CPU by kind of thread (names as the JVM gives them; digits dropped)
awk -v tck="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $3; next }
  { name = $2; gsub(/[0-9#_-]+$/, "", name); used[name] += $3 - before[$1] }
  END { for (n in used) if (used[n] > 0) printf "  %-28s %6.1f s\n", n, used[n] / tck }' \
  "$work/threads0" "$work/threads1" | sort -rn -k2 | head -12

echo "== 2. raw COPY of the same rows into the same table"
psql $PG -qc "\\copy (select meter_id, register, ts + interval '100 years', value, quality, received_at, source from gateway.readings where ts >= '2025-11-01') to '$work/rows.csv' csv" "$db"
c0=$(date +%s.%N)
psql $PG -qc "\\copy gateway.readings (meter_id, register, ts, value, quality, received_at, source) from '$work/rows.csv' csv" "$db"
c1=$(date +%s.%N)
copy_s=$(echo "$c1 - $c0" | bc -l)
copy_rate=$(echo "$stored / $copy_s" | bc -l)
printf "COPY %d rows in %.1f s: %.0f rows/s; gateway / COPY = %.2f\n" "$stored" "$copy_s" "$copy_rate" \
  "$(echo "$ingest_rate / $copy_rate" | bc -l)"

if [ -z "${SKIP_PROBE:-}" ]; then
# Step 2's bulk load makes autovacuum visit the whole table (and analyze it) just as step 3 begins: a visit
# taking 15-20 s of the probe's minute here (2026-12-07). Done now, so step 3 measures the gateway on a settled
# table; autovacuum's visits that step 3's own readings cause are still measured.
v0=$(date +%s.%N)
psql $PG -qc "vacuum (analyze) gateway.readings" "$db"
printf "vacuum (analyze) after step 2: %.1f s\n" "$(echo "$(date +%s.%N) - $v0" | bc -l)"
# the fleet's readings per simulated second, from step 1 (acknowledged over the simulated time it covered)
simulated_s=$(grep -oE "[0-9]+ s simulated" "$work/sim.log" | grep -oE "^[0-9]+")
per_sim_s=$(echo "$acked / $simulated_s" | bc -l)
half=$(echo "$ingest_rate / 2" | bc -l)
if [ -z "$STEADY_SPEEDUP" ]; then
  STEADY_SPEEDUP=$(printf "%.0f" "$(echo "$half / $per_sim_s" | bc -l)")
  how="derived: half of step 1's stored rate"
else
  how="given"
fi
printf "steady load: speedup %s (%s), about %.0f readings/s; half of step 1's %.0f readings/s stored is %.0f\n" \
  "$STEADY_SPEEDUP" "$how" "$(echo "$STEADY_SPEEDUP * $per_sim_s" | bc -l)" "$ingest_rate" "$half"
echo "== 3. publish-to-queryable latency under a steady load (speedup $STEADY_SPEEDUP, packs spread: $STEADY_SPREAD)"
spread=(); [ "$STEADY_SPREAD" = 0 ] || spread=(--spread-packs)
# started as the JVM itself (not through the sim function's subshell), so stopping it stops the load
bench_start steady "$work/steady.log" "${simulator[@]}" --meters "$METERS" --serial-prefix S --protocol mqtt --utility electricity \
    --duration 30d --start "$STEADY_START" --interval 15m --speedup "$STEADY_SPEEDUP" --batch "$BATCH" "${spread[@]}" --mqtt-clients 4 --mqtt-max-inflight 2000
# The generator connects and paces itself before it sends: probe only once it has been acknowledged
# for five seconds in a row, so the latency is measured under the load, not before it ...
sending() { grep -E "^\[ *[0-9]+s\]" "$work/steady.log" | tail -5 | grep -cE "acked [1-9][0-9]*/s \| messages" || true; }
# ... and only once every meter has sent a whole pack: a meter's first pack holds only the quarter-hours since
# the start, so through the first BATCH quarter-hours of simulated time the load ramps up (with daily packs, the
# first 31 s of wall time at half load: the probe measured under 43 577 readings/s of 66 855 asked, 2026-12-06)
full_from=$(( $(date -u -d "$STEADY_START" +%s) + BATCH * 900 ))
simulated() { local t; t=$(grep -oE "^\[ *[0-9]+s\] sim [0-9T:-]+Z" "$work/steady.log" | tail -1 | grep -oE "[0-9T:-]+Z$");
              [ -n "$t" ] && date -u -d "$t" +%s || echo 0; }
for _ in $(seq 1 1200); do [ "$(sending)" -ge 5 ] && [ "$(simulated)" -ge "$full_from" ] && break
  kill -0 "$(bench_pid steady)" || break; sleep 0.5; done
[ "$(sending)" -ge 5 ] || { echo "the steady load never started sending"; tail -5 "$work/steady.log"; exit 1; }
[ "$(simulated)" -ge "$full_from" ] || { echo "the steady load never completed its first packs"; tail -5 "$work/steady.log"; exit 1; }
from=$(grep -cE "^\[ *[0-9]+s\]" "$work/steady.log")
# the probe's first PROBE_WARMUP seconds (its own JVM compiling its client and reader) are published but not counted
java -Dprobe.warmup="${PROBE_WARMUP:-5}" -cp bench/target/benchmarks.jar uz.ekommunal.bench.PublishToQueryableProbe "tcp://127.0.0.1:$port" "$url" \
  PROBE0001 "$PROBE_SECONDS" 20 "$probe_secret"
# the rate the load reached while the probe ran (the broker's acknowledgements, one line a second)
grep -E "^\[ *[0-9]+s\]" "$work/steady.log" | tail -n +"$((from + 1))" | grep -oE "readings sent [0-9]+/s acked [0-9]+/s" | \
  awk '{ gsub("/s", ""); n++; s += $5 } END { if (n) printf "steady load during the probe: %.0f readings/s acknowledged on average over %d s\n", s / n, n }'
bench_stop steady
fi

echo "== machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u)"
echo "== logs in $work"
