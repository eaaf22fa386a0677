#!/usr/bin/env bash
# Bill-run benchmark: generates a city of accounts (default 1 000 000, 3-4 utilities and 2 meters
# each, 4 readings per meter around November 2025's boundaries) in a fresh database on the test
# PostgreSQL (EKOMMUNAL_TEST_PG_URL, else 127.0.0.1:5432), bills November with two shard workers,
# then reads the same boundary values alone, and prints the times and their ratio.
# Usage: [WORKERS=2] bench/billing.sh [accounts]      (e.g. bench/billing.sh 100000 for a quick look)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
accounts="${1:-1000000}"
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(date)"
# one reactor (billing and what it needs), nothing installed: works from a fresh clone
mvn -B -ntp -pl billing -am verify -Dtest=none -Dit.test=BillRunBench -Dbench.accounts="$accounts" -Dbench.workers="${WORKERS:-2}" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E 'data: [0-9]|run [0-9]+:|per worker:|bill run wall|boundary query|ratio run|cpu:|reconciliation:|bills digest:|Tests run:|BUILD|ERROR'
