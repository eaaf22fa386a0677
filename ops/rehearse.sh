#!/usr/bin/env bash
# Rehearses the production recipe (docs/operations.md, ops/compose.yaml) on one machine without
# containers: the same roles as separate processes with their own settings, against the machine's
# PostgreSQL and a real Mosquitto with per-meter passwords and ACLs generated from the meter registry.
#
#   1. migrate (the 'migrate' role, once)       4. a meter publishes with its own secret: stored
#   2. gateway, api and billing, each its own   5. a forged reading for another meter: not stored
#      process, env and data folder             6. the API's health check answers 200
#   3. mosquitto-auth writes passwd + ACL       7. SIGTERM to each role: no warning or error logged
#
# Usage: ops/rehearse.sh        (SKIP_BUILD=1 reuses app/target/ekommunal.jar)
# Needs: Java 17, Maven, mosquitto, mosquitto_pub, psql, openssl, PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/lib.sh
PG=${PG:-"-h 127.0.0.1 -U postgres"}

[ -n "${SKIP_BUILD:-}" ] || mvn -q -B -ntp package -DskipTests -Djib.skip
work=$(mktemp -d /tmp/ekommunal-rehearsal.XXXX)
cp app/target/ekommunal.jar "$work/ekommunal.jar"
jar="$work/ekommunal.jar"
db="rehearsal_$(date +%s)"
failed=0
cleanup() {
  local rc=$?
  bench_finish "$work" || rc=1
  psql $PG -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
  [ $rc = 0 ] && [ $failed = 0 ] && echo "== REHEARSAL PASSED (logs in $work)" || echo "== REHEARSAL FAILED (logs in $work)"
  exit $rc
}
trap cleanup EXIT

psql $PG -qc "create database $db" postgres
# Secrets come from the environment, as in the compose file.
export EKOMMUNAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
export EKOMMUNAL_JWT_SECRET="$(openssl rand -hex 32)"
export EKOMMUNAL_MQTT_USER=gateway EKOMMUNAL_MQTT_PASSWORD="$(openssl rand -hex 16)"
mqport=$(free_port); apiport=$(free_port)
secret_a=$(openssl rand -hex 32); secret_b=$(openssl rand -hex 32)
cat > "$work/meters.csv" <<CSV
serial,utility,protocol,account_number,register_digits,multiplier,psk,secret
R1000001,electricity,mqtt,,8,1,,$secret_a
R1000002,electricity,mqtt,,8,1,,$secret_b
CSV

echo "== 1. migrate"
java -jar "$jar" migrate > "$work/migrate.log" 2>&1
check "schema migrated" "grep -q 'Schema is up to date' '$work/migrate.log'"

echo "== 2. a real Mosquitto, then the roles as separate processes"
java -jar "$jar" mosquitto-auth --passwd "$work/mosquitto.passwd" --acl "$work/mosquitto.acl" > "$work/auth.log" 2>&1
cat > "$work/mosquitto.conf" <<CONF
listener $mqport 127.0.0.1
allow_anonymous false
password_file $work/mosquitto.passwd
acl_file $work/mosquitto.acl
persistence false
CONF
[ "$(id -u)" != 0 ] || echo "user root" >> "$work/mosquitto.conf"
bench_start mosquitto "$work/mosquitto.log" mosquitto -c "$work/mosquitto.conf"
bench_start gateway "$work/gateway.log" env EKOMMUNAL_MQTT_URL="tcp://127.0.0.1:$mqport" \
  EKOMMUNAL_MQTT_CLIENT_ID=gateway-1 EKOMMUNAL_METER_SEED="$work/meters.csv" EKOMMUNAL_DATA_DIR="$work/gateway" \
  EKOMMUNAL_COAP_PORT="$(free_port)" EKOMMUNAL_COAPS_PORT="$(free_port)" EKOMMUNAL_METRICS_PORT=-1 \
  java -jar "$jar" gateway
bench_start api "$work/api.log" env EKOMMUNAL_HTTP_PORT="$apiport" EKOMMUNAL_METRICS_PORT=-1 \
  EKOMMUNAL_DATA_DIR="$work/api" java -jar "$jar" api
bench_start billing "$work/billing.log" env EKOMMUNAL_BILLING_NODE_ID=billing-1 EKOMMUNAL_DATA_DIR="$work/billing" \
  java -Xmn1500m -jar "$jar" billing   # young generation for two shards' data (ops/compose.yaml)
for role in gateway api billing; do
  until grep -q "is running" "$work/$role.log"; do
    kill -0 "$(bench_pid $role)" 2>/dev/null || { echo "$role did not start:"; tail -20 "$work/$role.log"; exit 1; }
    sleep 0.2
  done
  echo "ok   $role running (pid $(bench_pid $role))"
done

echo "== 3. broker users and ACL from the meter registry (the seed registered two meters)"
java -jar "$jar" mosquitto-auth --passwd "$work/mosquitto.passwd" --acl "$work/mosquitto.acl" >> "$work/auth.log" 2>&1
kill -HUP "$(bench_pid mosquitto)"
check "ACL lets a meter write only its own topic" "grep -q 'pattern write meters/%u/readings' '$work/mosquitto.acl'"

count() { psql $PG -tAc "select count(*) from gateway.readings r join gateway.meters m on m.id = r.meter_id where m.serial = '$1'" "$db"; }
echo "== 4. meter R1000001 publishes with its own secret"
now=$(date +%s)
for i in 1 2 3; do
  until mosquitto_pub -p "$mqport" -q 1 -i r1 -u R1000001 -P "$secret_a" -t meters/R1000001/readings \
      -m "[{\"bn\":\"R1000001:\",\"bt\":$((now - 3600 + i * 60)),\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":$((1000 + i))}]" 2>/dev/null; do
    sleep 0.5  # the password file is reloaded on SIGHUP
  done
done
for _ in $(seq 1 100); do [ "$(count R1000001)" -ge 3 ] && break; sleep 0.2; done
check "three readings stored for R1000001" "[ \"\$(count R1000001)\" = 3 ]"

echo "== 5. R1000001 tries to publish for R1000002, and a stranger tries to connect"
mosquitto_pub -p "$mqport" -q 1 -i r1 -u R1000001 -P "$secret_a" -t meters/R1000002/readings \
  -m "[{\"bn\":\"R1000002:\",\"bt\":$now,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":99999}]" 2>/dev/null || true
check "a stranger is refused" "! mosquitto_pub -p $mqport -q 1 -u R1000002 -P wrong -t meters/R1000002/readings -m x 2>/dev/null"
# a fresh, legitimate reading of R1000001 after the forged one: when it is stored, the forged one had its chance
mosquitto_pub -p "$mqport" -q 1 -i r1 -u R1000001 -P "$secret_a" -t meters/R1000001/readings \
  -m "[{\"bn\":\"R1000001:\",\"bt\":$now,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1010}]"
for _ in $(seq 1 100); do [ "$(count R1000001)" -ge 4 ] && break; sleep 0.2; done
check "nothing stored for R1000002" "[ \"\$(count R1000002)\" = 0 ]"

echo "== 6. health"
check "API health 200 (ekommunal health)" "java -jar '$jar' health --url http://127.0.0.1:$apiport/health > '$work/health.txt'"
cat "$work/health.txt"

echo "== 7. stop in order: api, billing, gateway (SIGTERM), then the broker"
for role in api billing gateway; do
  kill -TERM "$(bench_pid $role)"
  wait "$(bench_pid $role)" 2>/dev/null || true
  check "$role stopped without a warning or an error" \
    "! sed -n '/Stopping/,\$p' '$work/$role.log' | grep -E ' (WARN|ERROR) |Exception'"
done
[ $failed = 0 ]
