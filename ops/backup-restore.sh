#!/usr/bin/env bash
# Backup and restore, rehearsed (docs/operations.md, "Backups"): a running system mid-ingest is
# backed up with pg_dump (one consistent snapshot, while meters keep sending), the dump is restored
# into a fresh database, the system is started on it, and the script shows that
#   - every reading a meter saw acknowledged before the backup began is in the restored database,
#   - every invoice and ledger entry recorded before the backup is there, with equal balances,
#   - the restored system starts and answers /health.
#
# Usage: ops/backup-restore.sh       (SKIP_BUILD=1 reuses app/target/ekommunal.jar)
# Needs: Java 17, Maven, mosquitto_pub, psql, pg_dump, pg_restore, PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/lib.sh
PG=${PG:-"-h 127.0.0.1 -U postgres"}
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B -ntp package -DskipTests -Djib.skip
work=$(mktemp -d /tmp/ekommunal-backup.XXXX)
cp app/target/ekommunal.jar "$work/ekommunal.jar"
jar="$work/ekommunal.jar"
src="backup_src_$(date +%s)"; dst="backup_dst_$(date +%s)"
failed=0
cleanup() {
  local rc=$?
  bench_finish "$work" || rc=1
  for d in "$src" "$dst"; do psql $PG -qc "drop database if exists $d with (force)" postgres >/dev/null 2>&1 || true; done
  [ $rc = 0 ] && [ $failed = 0 ] && echo "== BACKUP AND RESTORE PASSED (logs in $work)" || echo "== BACKUP AND RESTORE FAILED (logs in $work)"
  exit $rc
}
trap cleanup EXIT
psql $PG -qc "create database $src" postgres
psql $PG -qc "create database $dst" postgres
export EKOMMUNAL_JWT_SECRET="$(openssl rand -hex 32)"
secret=$(openssl rand -hex 32)
printf 'serial,utility,protocol,account_number,register_digits,multiplier,psk,secret\nB1000001,electricity,mqtt,,8,1,,%s\n' \
  "$secret" > "$work/meters.csv"
mqport=$(free_port); http=$(free_port)
common=(EKOMMUNAL_HTTP_PORT="$http" EKOMMUNAL_MQTT_PORT="$mqport" EKOMMUNAL_COAP_PORT="$(free_port)"
        EKOMMUNAL_COAPS_PORT="$(free_port)" EKOMMUNAL_METRICS_PORT=-1)

echo "== 1. the system runs on database $src: the demo's meters send their history, the month is billed"
bench_start system "$work/system.log" env "${common[@]}" EKOMMUNAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$src?user=postgres" \
  EKOMMUNAL_DEMO_CITY=30 EKOMMUNAL_METER_SEED="$work/meters.csv" EKOMMUNAL_DATA_DIR="$work/data-src" java -jar "$jar" run
until grep -q "Bill run for .* done" "$work/system.log"; do
  kill -0 "$(bench_pid system)" 2>/dev/null || { tail -20 "$work/system.log"; exit 1; }; sleep 0.5
done

echo "== 2. a meter keeps publishing (QoS 1); each acknowledged number is noted"
publish() {
  local base=$(( $(date +%s) - 86400 )) i=1
  while :; do
    mosquitto_pub -p "$mqport" -q 1 -i backup-probe -u B1000001 -P "$secret" -t meters/B1000001/readings \
      -m "[{\"bn\":\"B1000001:\",\"bt\":$((base + i * 10)),\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":$((100000 + i)).5}]" \
      && echo "$i" >> "$work/acked.txt"
    i=$((i + 1))
  done
}
publish &
publisher=$!
until [ -s "$work/acked.txt" ] && [ "$(wc -l < "$work/acked.txt")" -ge 20 ]; do sleep 0.2; done

echo "== 3. backup mid-ingest (pg_dump: one consistent snapshot)"
acked_before=$(tail -1 "$work/acked.txt")
q() { psql $PG -tAc "$1" "$2"; }
facts="select (select count(*) from billing.invoices), (select coalesce(sum(total_tiyin),0) from billing.invoices),
              (select count(*) from billing.ledger_entries), (select coalesce(sum(amount_tiyin),0) from billing.ledger_entries),
              (select md5(coalesce(string_agg(account_id || '=' || b, ',' order by account_id), '')) from
                 (select account_id, sum(amount_tiyin) b from billing.ledger_entries group by 1) x)"
facts_before=$(q "$facts" "$src")
t0=$(date +%s.%N)
pg_dump $PG -Fc -f "$work/backup.dump" "$src"
t1=$(date +%s.%N)
printf "dump: %s in %.1f s, while readings kept arriving\n" "$(du -h "$work/backup.dump" | cut -f1)" "$(echo "$t1 - $t0" | bc -l)"
kill "$publisher"; wait "$publisher" 2>/dev/null || true

echo "== 4. restore into a fresh database ($dst) and start the system on it (no demo)"
pg_restore $PG --no-owner -d "$dst" "$work/backup.dump"
bench_stop system
count_upto() { q "select count(*) from gateway.readings r join gateway.meters m on m.id = r.meter_id
                 where m.serial = 'B1000001' and r.value <= $((100000 + $1)).5" "$dst"; }
check "all $acked_before readings acknowledged before the backup began are restored" \
  "[ \"\$(count_upto $acked_before)\" = $acked_before ]"
check "invoices, ledger entries and every balance equal to the source's at backup time" \
  "[ \"\$(q \"\$facts\" $dst)\" = \"\$facts_before\" ]"
echo "   source at backup: $facts_before"
bench_start restored "$work/restored.log" env "${common[@]}" EKOMMUNAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$dst?user=postgres" \
  EKOMMUNAL_DEMO_CITY=0 EKOMMUNAL_METER_SEED=none EKOMMUNAL_DATA_DIR="$work/data-dst" java -jar "$jar" run
until grep -q "is running" "$work/restored.log"; do
  kill -0 "$(bench_pid restored)" 2>/dev/null || { tail -20 "$work/restored.log"; exit 1; }; sleep 0.5
done
check "the restored system answers /health with 200" "java -jar '$jar' health --url http://127.0.0.1:$http/health"
bench_stop restored
[ $failed = 0 ]
