#!/usr/bin/env bash
# Bill-run benchmark: generates a city of accounts (default 1 000 000, 3-4 utilities and 2 meters
# each, 4 readings per meter around November 2025's boundaries) in a fresh database on the test
# PostgreSQL (EKOMMUNAL_TEST_PG_URL, else 127.0.0.1:5432), bills November with two shard workers,
# then reads the same boundary values alone, and prints the times and their ratio.
# Usage: [WORKERS=2] [MONTHS=1|2] [TREE=checkout] [BENCH_JVM=options] bench/billing.sh [accounts]   (e.g. bench/billing.sh 100000 for a quick look)
# MONTHS=2 bills October first and measures November as every month after the first is billed
# (openings kept from October, closings read from the readings); MONTHS=1 (the default) measures a first run.
# TREE runs the benchmark of another checkout of the project (e.g. a `git worktree add --detach` of an
# older commit), this script's JAR-like override: alternate two trees in one window to compare them.
# BENCH_JVM: the test JVM's options; by default the young generation a billing node runs with
# (ops/compose.yaml: a shard's data dies young instead of being copied and promoted); BENCH_JVM=" "
# runs the JVM's defaults (as before session 8).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
root="${TREE:-$(cd "$(dirname "$0")/.." && pwd)}"
root="$(cd "$root" && pwd)"
cd "$root"
accounts="${1:-1000000}"
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(date); tree $root at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
# one reactor (billing and what it needs), nothing installed: works from a fresh clone
mvn -B -ntp -pl billing -am verify -Dtest=none -Dit.test=BillRunBench -Dbench.accounts="$accounts" -Dbench.workers="${WORKERS:-2}" -Dbench.months="${MONTHS:-1}" -Dfork.timeout=3600 \
    -DargLine="${BENCH_JVM:--Xmn1500m}" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E 'data: [0-9]|month|boundary values:|run [0-9]+:|per worker:|bill run wall|boundary query|ratio run|cpu:|reconciliation:|bills digest:|Tests run:|BUILD|ERROR'
# Maven's test JVM is the benchmark's only process; its fork runs from the tree's billing/target
bench_finish "$root/billing/target/surefire"
