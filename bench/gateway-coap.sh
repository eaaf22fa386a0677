#!/usr/bin/env bash
# CoAP POST throughput on one machine: the simulators' CoAP meters -> the gateway's CoAP intake (its
# own JVM) -> PostgreSQL. A POST is answered 2.04 only once its readings are committed, so what the
# simulator counts as acknowledged is stored.
#
# Usage: bench/gateway-coap.sh        (METERS, DURATION, BATCH, INFLIGHT, COAP_PORTS, WARMUP override the defaults; PORT fixes
#        the gateway's CoAP port; JAR runs a jar built elsewhere; SKIP_BUILD=1 reuses app/target's;
#        GATEWAY_JAVA_OPTS adds JVM options to the gateway, e.g. a flight recording; GATEWAY_ENV adds
#        settings to the gateway, e.g. EKOMMUNAL_COAP_THREADS=2; SIM_JAVA_OPTS adds JVM options to the simulator;
#        KEEP_WORK=1 keeps the temporary folder with the logs, removed at exit otherwise)
# It also prints the gateway's CPU seconds per 1 000 POSTs over the run, in total and by kind of
# thread, from the kernel's accounting (/proc).
# Needs: Java 17, Maven, psql, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/lib.sh
METERS=${METERS:-20000}
# 20 000 meters x 160 quarter-hours / 4 = 800 000 POSTs, long enough for a steady state after the warm-up
# (about 80 s at 10 000/s); the simulator sends them from 64 ports, each meter always from its own: at
# 10 000/s about 156 POSTs/s a port, under the 265/s at which a port's 65 536 message ids run out
DURATION=${DURATION:-40h}
BATCH=${BATCH:-4}
INFLIGHT=${INFLIGHT:-1024}
# seconds of the simulator's run counted as warm-up (JIT compilation, caches); the rest is the steady state
WARMUP=${WARMUP:-20}
# local ports the simulator's plain CoAP meters send from: N ports send about N x 265 POSTs/s before one
# runs out of message ids (65 536 per port, each taken for the exchange lifetime of 247 s)
# (the simulator's --coap-ports, 64 unless set; unset, the option is not passed, for older jars)
COAP_PORTS=${COAP_PORTS:-}
PG=${PG:-"-h 127.0.0.1 -U postgres"}

echo "== $(date -u +%T) start; load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B -ntp package -DskipTests -DskipITs -Djib.skip
work=$(mktemp -d /tmp/ekommunal-bench.XXXX)
cp "${JAR:-$root/app/target/ekommunal.jar}" "$work/ekommunal.jar"  # a private copy: a rebuild mid-run must not change it
jar="$work/ekommunal.jar"
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
db="bench_coap_$(date +%s)"
cleanup() {
  local rc=$?
  bench_finish "$work" || rc=1
  psql $PG -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
  # the folder holds the jar copy, the meters and the gateway's spool: gone unless KEEP_WORK=1 (logs)
  if [ -n "${KEEP_WORK:-}" ]; then echo "== kept: $work"; else rm -rf "$work"; fi
  exit $rc
}
trap cleanup EXIT
psql $PG -qc "create database $db" postgres
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"

# The meters file is written before anything is sent; no CoAP peer answers yet, so cut the run short.
# (it does not end by itself: once the file has every meter, bench_stop's SIGINT abandons the run at once)
bench_start writer /dev/null java -cp "$jar" uz.ekommunal.simulator.SimulateCommand --coap-url "coap://127.0.0.1:9/readings" \
    --meters "$METERS" --protocol coap --utility electricity --duration 0s --speedup max \
    --meters-file "$work/meters.csv"
for _ in $(seq 1 600); do
  [ -f "$work/meters.csv" ] && [ "$(wc -l < "$work/meters.csv")" -gt "$METERS" ] && break; sleep 0.2
done
sleep 0.5; bench_stop writer
[ -s "$work/meters.csv" ] || { echo "no meters file"; exit 1; }
# plain CoAP is open only to meters registered without a DTLS key: register these as keyless
awk -F, -v OFS=, 'NR > 1 { $12 = "" } { print }' "$work/meters.csv" > "$work/keyless.csv"
bench_start gateway "$work/gateway.log" env EKOMMUNAL_DB_URL="$url" EKOMMUNAL_METER_SEED="$work/keyless.csv" \
  EKOMMUNAL_DATA_DIR="$work/data" EKOMMUNAL_COAP_HOST=127.0.0.1 EKOMMUNAL_COAP_PORT="$port" EKOMMUNAL_COAPS_PORT=-1 \
  EKOMMUNAL_MQTT_PORT=0 ${GATEWAY_ENV:-} java -Xmx2g ${GATEWAY_JAVA_OPTS:-} -jar "$jar" gateway
gw=$(bench_pid gateway)
echo "== $(date -u +%T) meters file written; gateway starting"
until grep -q "is running" "$work/gateway.log"; do kill -0 $gw || { cat "$work/gateway.log"; exit 1; }; sleep 0.2; done

# the gateway process's CPU seconds so far (user + system), and per thread ("tid name ticks")
gateway_cpu() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tck }' "/proc/$gw/stat"; }
gateway_threads() {
  for t in /proc/$gw/task/*; do
    printf "%s %s %s\n" "${t##*/}" "$(tr ' ' _ < "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{ print $12 + $13 }')"
  done 2>/dev/null
}
cpu0=$(gateway_cpu)
gateway_threads > "$work/threads0"

echo "== $(date -u +%T) CoAP: $METERS meters, confirmable POSTs of $BATCH quarter-hours each, $INFLIGHT in flight; warm-up $WARMUP s"
# the CPU of this shell's waited-for children (times runs in this shell: a subshell would count its own)
children_cpu() { tail -1 "$1" | awk '{ gsub(/[ms]/, " "); split($0, t, " "); print t[1] * 60 + t[2] + t[3] * 60 + t[4] }'; }
times > "$work/times0"
bench_start sim "$work/sim.log" java ${SIM_JAVA_OPTS:-} -cp "$jar" uz.ekommunal.simulator.SimulateCommand \
    --coap-url "coap://127.0.0.1:$port/readings" --meters "$METERS" --protocol coap --utility electricity \
    --duration "$DURATION" --interval 15m --speedup max --batch "$BATCH" --coap-max-inflight "$INFLIGHT" \
    ${COAP_PORTS:+--coap-ports "$COAP_PORTS"}
simpid=$(bench_pid sim)
# the end of the warm-up: the simulator's progress line of second WARMUP (one a second)
until grep -qE "^\[ *${WARMUP}s\]" "$work/sim.log"; do kill -0 "$simpid" 2>/dev/null || break; sleep 0.2; done
cpuw=$(gateway_cpu)
gateway_threads > "$work/threadsw"
sim_cpuw=$(awk -v tck="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tck }' "/proc/$simpid/stat" 2>/dev/null || echo 0)
wait "$simpid" || echo "simulator exit status $? (2: a POST failed or was not answered)"
times > "$work/times1"
sim_cpu=$(echo "$(children_cpu "$work/times1") - $(children_cpu "$work/times0")" | bc -l)
grep -E "^summary|acknowledged|rate|ports" "$work/sim.log"
cpu1=$(gateway_cpu)
gateway_threads > "$work/threads1"
posts=$(grep -oE "messages sent [0-9]+, acknowledged [0-9]+" "$work/sim.log" | grep -oE "[0-9]+$" || echo 0)
printf "gateway CPU %.1f s: %.2f CPU-s per 1 000 POSTs acknowledged\n" "$(echo "$cpu1 - $cpu0" | bc -l)" \
  "$(echo "($cpu1 - $cpu0) * 1000 / ($posts + (${posts:-0} == 0))" | bc -l)"
awk -v tck="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $3; next }
  { name = $2; gsub(/[0-9#_-]+$/, "", name); used[name] += $3 - before[$1] }
  END { for (n in used) if (used[n] > 0) printf "  %-28s %6.1f s\n", n, used[n] / tck }' \
  "$work/threads0" "$work/threads1" | sort -rn -k2 | head -12
# the same without the JIT compiler threads (a short run spends much of its CPU compiling)
awk -v tck="$(getconf CLK_TCK)" -v posts="$posts" 'NR == FNR { before[$1] = $3; next }
  $2 !~ /^C[12]_CompilerThre/ { used += $3 - before[$1] }
  END { printf "gateway CPU without the JIT compilers %.1f s: %.3f CPU-s per 1 000 POSTs\n", used / tck, used / tck * 1000 / (posts ? posts : 1) }' \
  "$work/threads0" "$work/threads1"
printf "simulator CPU %.1f s: %.3f CPU-s per 1 000 POSTs\n" "$sim_cpu" "$(echo "$sim_cpu * 1000 / ($posts + ($posts == 0))" | bc -l)"
# warm-up and steady state apart, from the simulator's line a second ("[  21s] ... messages sent N/s acked M/s");
# the steady state is every whole second after the warm-up while the simulator still sent (not the last, partial one)
awk -v warmup="$WARMUP" -v posts="$posts" -v gw="$(echo "$cpu1 - $cpuw" | bc -l)" -v sim="$(echo "$sim_cpu - $sim_cpuw" | bc -l)" '
  match($0, /^\[ *[0-9]+s\]/) && match($0, /messages sent [0-9]+\/s acked [0-9]+\/s/) {
    split(substr($0, RSTART, RLENGTH), f, /[ \/]/); n++; sent[n] = f[3]; acked[n] = f[6] }
  END {
    for (i = 1; i <= n && i <= warmup; i++) early += acked[i]
    last = n; while (last > warmup && sent[last] == 0) last--
    for (i = warmup + 1; i < last; i++) { steady += acked[i]; k++; v[k] = acked[i] }
    if (k == 0) { print "steady state: none (the run was not longer than the warm-up)"; exit }
    asort(v); later = posts - early
    printf "warm-up (first %d s): %d POSTs, %.0f POSTs/s\n", warmup, early, early / warmup
    printf "steady state (%d whole seconds after it): %.0f POSTs/s (per second: min %d, median %d, max %d)\n",
      k, steady / k, v[1], v[int((k + 1) / 2)], v[k]
    printf "after the warm-up, per 1 000 POSTs: gateway %.3f CPU-s, simulator %.3f CPU-s (%d POSTs)\n",
      gw * 1000 / later, sim * 1000 / later, later }' "$work/sim.log"
acked=$(grep -oE "readings generated [0-9]+, sent [0-9]+, acknowledged [0-9]+" "$work/sim.log" | grep -oE "[0-9]+$")
stored=$(psql $PG -tAc "select count(*) from gateway.readings" "$db")
echo "readings acknowledged $acked, stored $stored, lost $((acked - stored))"
grep -qiE "no MID|MID available" "$work/sim.log" && echo "FAIL: a simulator port ran out of CoAP message ids"
echo "== $(date -u +%T) load average $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u)"
